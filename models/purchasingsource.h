#pragma once

#include "models/address.h"
#include "models/money.h"
#include "models/purchaseorder.h"
#include "models/purchaseorderrules.h"
#include "models/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace models {

// A row of the Purchasing screen's list.
struct PurchaseOrderSummary
{
    qint64 id = 0;
    QString poNumber;
    qint64 supplierId = 0;
    QString supplierName;
    qint64 locationId = 0;
    QString locationCode;
    PurchaseOrder::Status status = PurchaseOrder::Status::Draft;
    QString currency;
    QDateTime orderedAtUtc;
    QDate expected;
    int lines = 0;
    int unitsOrdered = 0;
    int unitsReceived = 0;
    qint64 totalMinor = 0; // ordered quantity × unit cost, in `currency`
    int discrepancies = 0;
    bool overdue = false; // open and past its expected date (PurchaseOrderRules::isOverdue)
};

struct PurchaseOrderFilter
{
    std::optional<PurchaseOrder::Status> status; // none: every status
    std::optional<qint64> supplierId;
    bool onlyOverdue = false;
    QDate today; // what "overdue" is measured against; default: today (UTC)
};

struct PurchaseOrderLineDetail
{
    qint64 lineId = 0;
    qint64 productId = 0;
    QString sku;
    QString supplierSku;
    QString name;
    QStringList barcodes;
    int ordered = 0;
    int received = 0;
    qint64 unitCostMinor = 0;
    QString binCode; // where a receipt goes by default: the product's bin at the location
};

struct DiscrepancyRecord
{
    qint64 lineId = 0;
    QString sku;
    DiscrepancyKind kind = DiscrepancyKind::Over;
    int quantity = 0;
    QString note;
    QString user;
    QDateTime atUtc;
};

struct PurchaseOrderDetail
{
    PurchaseOrderSummary header;
    QString supplierEmail;
    QString supplierPhone;
    QString locationName;
    Address locationAddress; // where the goods are delivered
    QString shopName;        // the buyer, as the settings name the shop
    QDateTime createdAtUtc;
    QString notes;
    QList<PurchaseOrderLineDetail> lines;
    QList<DiscrepancyRecord> discrepancies;
};

// A supplier, location or product offered in the editor's choosers.
struct PurchasingChoice
{
    qint64 id = 0;
    QString code; // location code, product SKU; empty for a supplier
    QString name;
    QString currency;                 // supplier's currency
    qint64 costMinor = 0;             // product's cost
    std::optional<qint64> supplierId; // product's usual supplier
};

// What the editor saves: a new draft (id 0) or a draft's new content.
struct PurchaseOrderDraft
{
    struct Line
    {
        qint64 productId = 0;
        int quantity = 0;
        qint64 unitCostMinor = 0;
    };
    qint64 id = 0;
    qint64 supplierId = 0;
    qint64 locationId = 0;
    QDate expected;
    QString notes;
    QList<Line> lines;
};

// One delivery against a purchase order.
struct Receipt
{
    struct Line
    {
        qint64 lineId = 0;
        int counted = 0; // units that arrived, damaged ones included
        int damaged = 0;
        QString note;
        QString binCode; // scanned or typed; empty: the product's bin at the location
    };
    qint64 purchaseOrderId = 0;
    QList<Line> lines; // lines with nothing counted may be left out
    QString user;
    QDateTime atUtc; // invalid: now
};

struct ReceiptResult
{
    PurchaseOrder::Status status = PurchaseOrder::Status::Sent;
    int unitsIntoStock = 0;
    int unitsWrittenOff = 0;
    int discrepancies = 0;
    qint64 backordersFilled = 0; // orders made ready (or split) by the stock that arrived
};

// Where the Purchasing screen reads and writes purchase orders; storage/ implements it.
// Every write is one transaction.
class PurchasingSource
{
public:
    virtual ~PurchasingSource() = default;

    virtual Result<QList<PurchaseOrderSummary>>
    purchaseOrders(const PurchaseOrderFilter &filter) = 0;
    virtual Result<PurchaseOrderDetail> purchaseOrder(qint64 id, const QDate &today = {}) = 0;
    virtual Result<QList<PurchasingChoice>> suppliers() = 0;
    virtual Result<QList<PurchasingChoice>> locations() = 0;
    virtual Result<QList<PurchasingChoice>> products() = 0;

    // Writes a new draft (numbered in the shop's PO sequence) or replaces a draft's
    // supplier, location, date, notes and lines. Returns the purchase order's id.
    virtual Result<qint64> saveDraft(const PurchaseOrderDraft &draft) = 0;
    // The expected date of a draft or open order.
    virtual Status setExpectedDate(qint64 id, const QDate &expected) = 0;
    // A move from the transition table made by hand: send (records when it was
    // ordered and, when none was set, expects it after the supplier's lead time),
    // cancel, close.
    virtual Status changeStatus(qint64 id, PurchaseOrder::Status to, const QString &user) = 0;
    // Books a delivery: quantities received, the ledger (received, then damaged units
    // written off), discrepancies, the new status and waiting backorders filled.
    virtual Result<ReceiptResult> postReceipt(const Receipt &receipt) = 0;
};

} // namespace models
