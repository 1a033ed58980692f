#include "storage/sqlstocklevelsource.h"

#include "storage/sqlrun.h"

namespace storage {

using models::Error;
using models::Result;
using models::StockLevelRow;

SqlStockLevelSource::SqlStockLevelSource(QSqlDatabase db) : m_db(std::move(db)) {}

Result<qint64> SqlStockLevelSource::count()
{
    Result<QVariant> n = queryScalar(m_db, QStringLiteral("SELECT COUNT(*) FROM stock_levels"));
    if (!n.ok())
        return Error{n.error()};
    return n.value().toLongLong();
}

Result<QList<StockLevelRow>> SqlStockLevelSource::fetch(qint64 offset, int limit)
{
    Result<QSqlQuery> q = runQuery(
        m_db,
        QStringLiteral(
            "SELECT sl.product_id, sl.location_id, p.sku, p.name, l.code, "
            "       (SELECT b.code FROM product_bins pb JOIN bins b ON b.id = pb.bin_id "
            "        WHERE pb.product_id = sl.product_id AND b.location_id = sl.location_id "
            "        ORDER BY pb.is_primary DESC, b.pick_sequence LIMIT 1), "
            "       sl.on_hand, sl.reserved "
            "FROM stock_levels sl "
            "JOIN products p ON p.id = sl.product_id "
            "JOIN locations l ON l.id = sl.location_id "
            "ORDER BY p.sku, l.code LIMIT ? OFFSET ?"),
        {limit, offset});
    if (!q.ok())
        return Error{q.error()};
    QList<StockLevelRow> rows;
    rows.reserve(limit);
    while (q.value().next()) {
        StockLevelRow r;
        r.productId = q.value().value(0).toLongLong();
        r.locationId = q.value().value(1).toLongLong();
        r.sku = q.value().value(2).toString();
        r.productName = q.value().value(3).toString();
        r.locationCode = q.value().value(4).toString();
        r.binCode = q.value().value(5).toString();
        r.onHand = q.value().value(6).toInt();
        r.reserved = q.value().value(7).toInt();
        rows.append(r);
    }
    return rows;
}

} // namespace storage
