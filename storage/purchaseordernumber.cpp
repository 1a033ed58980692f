#include "storage/purchaseordernumber.h"

#include "storage/sqlrun.h"

namespace storage {

models::Result<qint64> lastPurchaseOrderSequence(const QSqlDatabase &db)
{
    models::Result<QSqlQuery> last = runQuery(
        db, QStringLiteral("SELECT po_number FROM purchase_orders WHERE po_number LIKE 'PO-%' "
                           "ORDER BY LENGTH(po_number) DESC, po_number DESC LIMIT 1"));
    if (!last.ok())
        return models::Error{last.error()};
    qint64 sequence = 0;
    if (last.value().next())
        sequence = last.value().value(0).toString().mid(3).toLongLong();
    return sequence;
}

QString purchaseOrderNumber(qint64 sequence)
{
    return QStringLiteral("PO-%1").arg(sequence, 5, 10, QLatin1Char('0'));
}

} // namespace storage
