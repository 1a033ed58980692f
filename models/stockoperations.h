#pragma once

#include "models/kit.h"
#include "models/kitstock.h"
#include "models/result.h"
#include "models/stocklevelrow.h"
#include "models/stockmovement.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace models {

class StockLedgerSource;

// A hand adjustment of one product at one location: a signed quantity and why.
struct StockAdjustment
{
    qint64 productId = 0;
    qint64 locationId = 0;
    int quantity = 0; // + found, - damaged, lost, sample, write-off; either for a correction
    std::optional<StockReason> reason;
    QString note;
};

// One movement of the ledger as the ledger panel shows it.
struct LedgerEntry
{
    qint64 id = 0;
    QDateTime atUtc;
    qint64 locationId = 0;
    QString locationCode;
    int quantity = 0;
    StockReason reason = StockReason::Received;
    QString referenceType; // order, purchase_order, return, adjustment, transfer, count
    QString referenceId;
    QString referenceLabel; // "Order #1001", "PO-7", "Transfer 3" ...
    QString note;
    QString user;
    int balance = 0;      // on hand at the location after this movement
    int totalBalance = 0; // across every location shown
};

// A product's movements, oldest first, with their running balances.
struct ProductLedger
{
    qint64 productId = 0;
    QString sku;
    QString name;
    QList<LedgerEntry> entries;
};

struct TransferLineInput
{
    qint64 productId = 0;
    int quantity = 0;
};

struct TransferLine
{
    qint64 id = 0;
    qint64 productId = 0;
    QString sku;
    QString name;
    int quantity = 0;
    int received = 0;
    // The product's bin at the destination, the primary first: where a receipt goes when
    // no other bin is given; empty when it has none there.
    QString binCode = {};
    int outstanding() const { return quantity - received; }
};

struct Transfer
{
    qint64 id = 0;
    qint64 fromLocationId = 0;
    qint64 toLocationId = 0;
    QString fromCode;
    QString toCode;
    QString status; // draft, in_transit, received, cancelled
    QDateTime shippedUtc;
    QDateTime receivedUtc;
    QString user;
    QList<TransferLine> lines;
};

// One line of a cycle count: what the sheet expected, what was counted, and what the
// system held at the moment it was counted (stock moved between printing and counting
// is judged against that, not against the sheet).
struct CountLine
{
    qint64 id = 0;
    qint64 productId = 0;
    QString sku;
    QString name;
    QString barcode; // the product's primary barcode, for the sheet and for scanning
    QString binCode;
    int pickSequence = 0;
    int expected = 0; // on hand when the sheet was made
    std::optional<int> counted;
    std::optional<int> onHandAtCount;
    QDateTime countedUtc;

    // counted - what the system held when counted; 0 when not counted yet.
    int variance() const;
    // The variance as a share of what the system held (1.0 = 100 %); a count of
    // something the system thought was not there is a full miss.
    double varianceRatio() const;
    bool movedSinceSheet() const { return onHandAtCount && *onHandAtCount != expected; }
};

struct StockCount
{
    qint64 id = 0;
    qint64 locationId = 0;
    QString locationCode;
    QString locationName;
    QString binCode; // empty: the whole location
    QString status;  // open, counted, posted, cancelled
    QDateTime createdUtc;
    QDateTime postedUtc;
    QString user;
    QList<CountLine> lines;
};

struct CountPostSummary
{
    int corrections = 0; // movements written
    int unitsUp = 0;
    int unitsDown = 0;
    int notCounted = 0; // lines left without a count: no correction
};

// One product at one location over a date range: the ledger's own arithmetic.
struct ReconciliationRow
{
    qint64 productId = 0;
    qint64 locationId = 0;
    QString sku;
    QString locationCode;
    int opening = 0;
    int received = 0;
    int shipped = 0;     // negative or zero
    int returns = 0;     // restocked
    int transfers = 0;   // in minus out
    int adjustments = 0; // hand adjustments and opening counts
    int counts = 0;      // cycle-count corrections
    int closing = 0;     // the ledger's sum at the end of the range
    int onHand = 0;      // stock_levels.on_hand now
    int ledgerTotal = 0; // every movement ever, to compare with on hand
    // Largest count variance in the range as a share of the system figure.
    double worstCountVariance = 0;
    bool onHandDiffers() const { return onHand != ledgerTotal; }
    bool countVarianceFlagged() const;
    bool flagged() const { return onHandDiffers() || countVarianceFlagged(); }
};

struct ReconciliationReport
{
    QDate from;                    // first day, inclusive (UTC)
    QDate to;                      // last day, inclusive
    QList<ReconciliationRow> rows; // flagged first, then by SKU
    qint64 pairsChecked = 0;
    int countLines = 0;    // counted lines in the range
    int accurateLines = 0; // of those, within the accuracy tolerance
    bool cancelled = false;
    // The share of counted lines whose count agreed with the system within 1 %; -1
    // when nothing was counted.
    double accuracy() const;
    int flaggedCount() const;
};

// A product as the product editor shows and saves it.
struct ProductBinInput
{
    qint64 locationId = 0;
    QString locationCode;
    QStringList binCodes; // the first is the primary bin
};

struct ProductRecord
{
    qint64 id = 0; // 0: a new product
    QString sku;
    QString name;
    QStringList barcodes; // the first is the primary one
    QList<ProductBinInput> bins;
    qint64 supplierId = 0; // 0: none
    qint64 costMinor = 0;
    QString costCurrency;
    std::optional<int> leadTimeDays; // empty: the supplier's
    int safetyStock = 0;
    int reorderMin = 0;
    int reorderMax = 0;
    int packSize = 1;
    int supplierMinQty = 1;
    // A kit is sold as its own SKU and stocked as these components (none when not a kit).
    bool isKit = false;
    QList<KitComponent> components;
};

// A product found by its SKU or barcode, offered as a kit's component.
struct KitPartChoice
{
    KitComponent component; // quantity 1
    bool isKit = false;     // kits do not nest: a kit cannot be a component
};

// A kit found by its SKU or barcode, with what its components make now.
struct KitOverview
{
    qint64 productId = 0;
    QString sku;
    QString name;
    QList<KitComponent> components;
    KitStock stock;
};

// The Stock screen's operations. Each write is one business operation in one
// transaction, recorded with the user this was built for; a refusal comes back as an
// Error that says why in the user's terms.
class StockOperations
{
public:
    virtual ~StockOperations() = default;

    virtual Result<qint64> adjust(const StockAdjustment &adjustment) = 0;
    // Every location when locationId is 0.
    virtual Result<ProductLedger> ledger(qint64 productId, qint64 locationId) = 0;
    // The same ledger a page at a time (models/stockledgersource.h). By default, pages
    // of ledger() read whole; a database answers each page without reading the rest.
    virtual std::unique_ptr<StockLedgerSource> ledgerSource(qint64 productId, qint64 locationId);
    // A product by barcode (exact) or SKU (exact); 0 when none.
    virtual Result<qint64> findProduct(const QString &code) = 0;

    // Ships the lines from one location now: the transfer is in transit.
    virtual Result<qint64> shipTransfer(qint64 fromLocationId, qint64 toLocationId,
                                        const QList<TransferLineInput> &lines) = 0;
    virtual Result<QList<Transfer>> openTransfers() = 0;
    // Receives quantities (transfer line id -> units) at the destination, each line into
    // the bin code given for it (line id -> code), else into the product's bin there; an
    // unknown bin refuses the whole receipt.
    virtual Status receiveTransfer(qint64 transferId, const QMap<qint64, int> &quantities,
                                   const QMap<qint64, QString> &binCodes) = 0;

    // A count sheet for a bin, or for the whole location when binId is 0.
    virtual Result<qint64> startCount(qint64 locationId, qint64 binId) = 0;
    virtual Result<StockCount> count(qint64 countId) = 0;
    virtual Result<QList<StockCount>> openCounts() = 0;
    // Records what was counted for one line (replacing an earlier figure).
    virtual Status enterCount(qint64 countId, qint64 productId, int counted) = 0;
    virtual Result<CountPostSummary> postCount(qint64 countId) = 0;
    virtual Result<QList<StockChoice>> bins(qint64 locationId) = 0;

    // Days [from, to] in UTC. May run on another thread: it uses a connection of its
    // own, and stops early (cancelled) when `cancel` turns true.
    virtual Result<ReconciliationReport> reconcile(const QDate &from, const QDate &to,
                                                   const std::atomic_bool *cancel) = 0;

    virtual Result<ProductRecord> product(qint64 productId) = 0;
    virtual Result<QList<StockChoice>> suppliers() = 0;
    virtual Result<QList<StockChoice>> locations() = 0;
    // Saves in one transaction (a kit with its components); the id of the product saved.
    // A record with id 0 is a new product: product(0) gives an empty one to fill in.
    virtual Result<qint64> saveProduct(const ProductRecord &record) = 0;

    // Kits. A product by barcode or SKU (exact) to add as a component; none when
    // nothing has that code.
    virtual Result<std::optional<KitPartChoice>> kitPart(const QString &code)
    {
        Q_UNUSED(code);
        return Error{QStringLiteral("kits are not available here")};
    }
    // What these components make at every active location now.
    virtual Result<KitStock> kitStock(const QList<KitComponent> &components)
    {
        Q_UNUSED(components);
        return Error{QStringLiteral("kits are not available here")};
    }
    // The kit whose barcode or SKU (exact) this is; none when it is not a kit's.
    virtual Result<std::optional<KitOverview>> kitByCode(const QString &code)
    {
        Q_UNUSED(code);
        return std::optional<KitOverview>();
    }
};

} // namespace models
