#include "models/reordersource.h"

#include <QSet>

namespace models {

bool goesOnDraftPurchaseOrder(const ReorderSuggestion &row)
{
    return row.outcome.suggestedQuantity > 0 && row.supplierId.has_value();
}

DraftPurchaseOrderPlan planDraftPurchaseOrders(const QList<ReorderSuggestion> &rows)
{
    DraftPurchaseOrderPlan plan;
    QSet<QPair<qint64, qint64>> orders;
    QSet<qint64> suppliers;
    for (const ReorderSuggestion &row : rows) {
        if (row.outcome.suggestedQuantity <= 0)
            continue;
        if (!row.supplierId) {
            ++plan.skippedWithoutSupplier;
            continue;
        }
        orders.insert({*row.supplierId, row.locationId});
        suppliers.insert(*row.supplierId);
        ++plan.lines;
    }
    plan.orders = static_cast<int>(orders.size());
    plan.suppliers = static_cast<int>(suppliers.size());
    return plan;
}

} // namespace models
