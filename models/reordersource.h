#pragma once

#include "models/reorderrules.h"
#include "models/result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace models {

// One product at one location, with the rules' outcome: a row of the Reorder screen.
struct ReorderSuggestion
{
    qint64 productId = 0;
    qint64 locationId = 0;
    std::optional<qint64> supplierId; // none: no purchase order can be raised
    QString sku;
    QString productName;
    QString locationCode;
    QString supplierName;
    int onHand = 0;
    int reserved = 0;
    int inbound = 0;
    int packSize = 1;
    ReorderOutcome outcome;
};

struct ReorderQuery
{
    std::optional<qint64> locationId;        // none: every location
    std::optional<ReorderSettings> settings; // none: the ones stored in the database
    QDate today;                             // the window ends the day before; default: today (UTC)
};

// Called every so often while suggestions are computed; return false to cancel.
using ReorderProgress = std::function<bool(qint64 done, qint64 total)>;

// What raising draft purchase orders did.
struct DraftPurchaseOrders
{
    QList<qint64> purchaseOrderIds;
    QStringList poNumbers;
    int lines = 0;
    int skippedWithoutSupplier = 0;
};

// Where reorder suggestions come from and where their purchase orders go;
// storage/ implements it over the stock ledger.
class ReorderSource
{
public:
    virtual ~ReorderSource() = default;

    virtual Result<ReorderSettings> settings() = 0;
    // Every stocked product × location, in supplier, SKU and location order. A
    // cancelled run returns an Error saying so.
    virtual Result<QList<ReorderSuggestion>> suggestions(const ReorderQuery &query,
                                                         const ReorderProgress &progress = {}) = 0;
    // One draft purchase order per supplier and delivery location, for the rows with
    // a suggested quantity, in one transaction.
    virtual Result<DraftPurchaseOrders>
    createDraftPurchaseOrders(const QList<ReorderSuggestion> &rows, const QString &userName) = 0;
};

// How many purchase orders and lines createDraftPurchaseOrders() would write.
struct DraftPurchaseOrderPlan
{
    int orders = 0;
    int lines = 0;
    int suppliers = 0;
    int skippedWithoutSupplier = 0;
};
DraftPurchaseOrderPlan planDraftPurchaseOrders(const QList<ReorderSuggestion> &rows);
// Whether a row becomes a draft purchase-order line: something to order, and a
// supplier to order it from.
bool goesOnDraftPurchaseOrder(const ReorderSuggestion &row);

} // namespace models
