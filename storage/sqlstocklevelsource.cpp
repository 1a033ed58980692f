#include "storage/sqlstocklevelsource.h"

#include "storage/sqlrun.h"

#include <algorithm>
#include <atomic>

namespace storage {

using models::Error;
using models::Result;
using models::StockLevelRow;

namespace {

int nextSourceId()
{
    static std::atomic<int> id = 0;
    return ++id;
}

// The page's keys and plain figures come from the inner query (with the filter, the
// order and the LIMIT/OFFSET); the location's code and the per-row lookups come only
// for the rows returned. Rows are in SKU order, then in the order the locations were
// set up: walking the SKU index and each product's stock levels by their key, with
// no join or sort for the rows an OFFSET skips (a jump to the middle of 200,000 rows
// costs half what ordering by location code did).
constexpr const char *kInner =
    "SELECT sl.product_id AS product_id, sl.location_id AS location_id, p.sku AS sku, "
    "       p.name AS name, sl.on_hand AS on_hand, sl.reserved AS reserved, "
    "       p.reorder_min AS reorder_min, sl.last_moved_at AS last_moved_at "
    "FROM stock_levels sl "
    "JOIN products p ON p.id = sl.product_id ";

constexpr const char *kOuter =
    "SELECT k.product_id, k.location_id, k.sku, k.name, l.code, NULL, "
    "       k.on_hand, k.reserved, k.reorder_min, "
    "       (SELECT COALESCE(SUM(pl.quantity_ordered - pl.quantity_received), 0) "
    "        FROM purchase_order_lines pl JOIN purchase_orders po ON po.id = pl.purchase_order_id "
    "        WHERE pl.product_id = k.product_id AND po.location_id = k.location_id "
    "          AND po.status IN ('sent', 'partially_received') "
    "          AND pl.quantity_ordered > pl.quantity_received), "
    "       (SELECT COALESCE(SUM(tl.quantity - tl.quantity_received), 0) "
    "        FROM transfer_lines tl JOIN transfers t ON t.id = tl.transfer_id "
    "        WHERE tl.product_id = k.product_id AND t.to_location_id = k.location_id "
    "          AND t.status = 'in_transit'), "
    "       k.last_moved_at "
    "FROM (%1) k JOIN locations l ON l.id = k.location_id "
    "ORDER BY k.sku %2, k.location_id %2";

StockLevelRow readRow(const QSqlQuery &q)
{
    StockLevelRow r;
    r.productId = q.value(0).toLongLong();
    r.locationId = q.value(1).toLongLong();
    r.sku = q.value(2).toString();
    r.productName = q.value(3).toString();
    r.locationCode = q.value(4).toString();
    r.binCode = q.value(5).toString();
    r.onHand = q.value(6).toInt();
    r.reserved = q.value(7).toInt();
    r.reorderPoint = q.value(8).toInt();
    r.inbound = q.value(9).toInt();
    r.inTransit = q.value(10).toInt();
    r.lastMovementUtc = QDateTime::fromString(q.value(11).toString(), Qt::ISODate);
    return r;
}

// "%text%" with LIKE's own wildcards in the text taken literally.
QString likeContaining(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace

SqlStockLevelSource::SqlStockLevelSource(QSqlDatabase db)
    : m_db(std::move(db)), m_matchTable(QStringLiteral("stock_matches_%1").arg(nextSourceId()))
{}

void SqlStockLevelSource::setFilter(const models::StockFilter &filter)
{
    m_filter = filter;
    m_count = -1;
    m_keyAtOffset.clear();
}

SqlStockLevelSource::Where SqlStockLevelSource::filterWhere(bool forPage) const
{
    Where w;
    const models::StockFilter &f = m_filter;
    if (f.locationId != 0) {
        w.terms << QStringLiteral("sl.location_id = ?");
        w.binds << f.locationId;
    }
    if (f.supplierId != 0) {
        w.terms << QStringLiteral("p.supplier_id = ?");
        w.binds << f.supplierId;
    }
    if (f.belowReorderPoint)
        w.terms << QStringLiteral("sl.on_hand - sl.reserved < p.reorder_min");
    if (f.outOfStock)
        w.terms << QStringLiteral("sl.on_hand - sl.reserved <= 0");
    if (f.noMovementDays > 0) {
        const QDateTime now = f.nowUtc.isValid() ? f.nowUtc : QDateTime::currentDateTimeUtc();
        // Kept by the ledger's triggers (0010); never moved counts as not moved.
        w.terms << QStringLiteral("(sl.last_moved_at IS NULL OR sl.last_moved_at < ?)");
        w.binds << isoUtc(now.addDays(-f.noMovementDays));
    }
    // Many matches (a common word): a page walks the SKU order and checks each product
    // against the matches, rather than reading every match and sorting them; the
    // count, and a page of few matches, go through the matches themselves.
    if (m_searching)
        w.terms << QStringLiteral("%1sl.product_id IN (SELECT id FROM temp.%2)")
                       .arg(forPage && m_count > kWalkAbove ? QStringLiteral("+") : QString(),
                            m_matchTable);
    return w;
}

// A scanned barcode or a typed SKU finds its product exactly; anything else is a
// part of a SKU or a name.
models::Status SqlStockLevelSource::gatherMatches()
{
    const QString text = m_filter.search.trimmed();
    m_searching = !text.isEmpty();
    if (!m_searching)
        return {};
    if (models::Status s = runStatement(
            m_db, QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS %1 (id INTEGER PRIMARY KEY)")
                      .arg(m_matchTable));
        !s)
        return s;
    if (models::Status s =
            runStatement(m_db, QStringLiteral("DELETE FROM temp.%1").arg(m_matchTable));
        !s)
        return s;
    if (models::Status s =
            runStatement(m_db,
                         QStringLiteral("INSERT OR IGNORE INTO temp.%1 (id) "
                                        "SELECT product_id FROM product_barcodes WHERE barcode = ? "
                                        "UNION ALL SELECT id FROM products WHERE sku = ?")
                             .arg(m_matchTable),
                         {text, text});
        !s)
        return s;
    Result<QVariant> exact =
        queryScalar(m_db, QStringLiteral("SELECT COUNT(*) FROM temp.%1").arg(m_matchTable));
    if (!exact.ok())
        return Error{exact.error()};
    if (exact.value().toLongLong() > 0)
        return {};
    const QString like = likeContaining(text);
    return runStatement(m_db,
                        QStringLiteral("INSERT OR IGNORE INTO temp.%1 (id) SELECT id FROM products "
                                       "WHERE sku LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\'")
                            .arg(m_matchTable),
                        {like, like});
}

Result<qint64> SqlStockLevelSource::count()
{
    m_keyAtOffset.clear();
    if (models::Status s = gatherMatches(); !s)
        return Error{s.error()};
    if (m_filter.isEmpty()) {
        Result<QVariant> n = queryScalar(m_db, QStringLiteral("SELECT COUNT(*) FROM stock_levels"));
        if (!n.ok())
            return Error{n.error()};
        m_count = n.value().toLongLong();
        return m_count;
    }
    const Where w = filterWhere(false);
    // The products are joined only for a filter on them.
    const bool products = m_filter.supplierId != 0 || m_filter.belowReorderPoint;
    Result<QVariant> n = queryScalar(
        m_db,
        QStringLiteral("SELECT COUNT(*) FROM stock_levels sl %1 WHERE %2")
            .arg(products ? QStringLiteral("JOIN products p ON p.id = sl.product_id") : QString(),
                 w.terms.join(QStringLiteral(" AND "))),
        w.binds);
    if (!n.ok())
        return Error{n.error()};
    m_count = n.value().toLongLong();
    return m_count;
}

Result<QList<StockLevelRow>> SqlStockLevelSource::select(Where where, bool reversed, int limit,
                                                         qint64 offset)
{
    const QString dir = reversed ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QString whereSql = where.terms.isEmpty() ? QString()
                                                   : QStringLiteral("WHERE ") +
                                                         where.terms.join(QStringLiteral(" AND "));
    const QString inner =
        QString::fromLatin1(kInner) + whereSql +
        QStringLiteral(" ORDER BY p.sku %1, sl.location_id %1 LIMIT ? OFFSET ?").arg(dir);
    QVariantList binds = where.binds;
    binds << limit << offset;
    Result<QSqlQuery> q = runQuery(m_db, QString::fromLatin1(kOuter).arg(inner, dir), binds);
    if (!q.ok())
        return Error{q.error()};
    QList<StockLevelRow> rows;
    rows.reserve(limit);
    while (q.value().next())
        rows.append(readRow(q.value()));
    if (reversed)
        std::reverse(rows.begin(), rows.end());
    if (models::Status s = addBins(rows); !s)
        return Error{s.error()};
    return rows;
}

// Every bin of the page's products at their row's location, the primary first: one
// query for the page, over product_bins' key and the bins' primary key.
models::Status SqlStockLevelSource::addBins(QList<StockLevelRow> &rows) const
{
    if (rows.isEmpty())
        return {};
    QHash<QPair<qint64, qint64>, qsizetype> rowOf;
    QVariantList products;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        rowOf.insert({rows.at(i).productId, rows.at(i).locationId}, i);
        if (!products.contains(rows.at(i).productId))
            products << rows.at(i).productId;
    }
    QStringList marks(products.size(), QStringLiteral("?"));
    Result<QSqlQuery> q =
        runQuery(m_db,
                 QStringLiteral("SELECT pb.product_id, b.location_id, b.code FROM product_bins pb "
                                "JOIN bins b ON b.id = pb.bin_id WHERE pb.product_id IN (%1) "
                                "ORDER BY pb.product_id, b.location_id, pb.is_primary DESC, "
                                "b.pick_sequence, b.code")
                     .arg(marks.join(QStringLiteral(", "))),
                 products);
    if (!q.ok())
        return Error{q.error()};
    while (q.value().next()) {
        const auto at =
            rowOf.constFind({q.value().value(0).toLongLong(), q.value().value(1).toLongLong()});
        if (at != rowOf.constEnd())
            rows[*at].binCodes.append(q.value().value(2).toString());
    }
    for (StockLevelRow &r : rows)
        r.binCode = r.binCodes.join(QStringLiteral(", "));
    return {};
}

Result<QList<StockLevelRow>> SqlStockLevelSource::fetch(qint64 offset, int limit)
{
    if (m_count < 0) {
        if (Result<qint64> n = count(); !n.ok())
            return Error{n.error()};
    }
    if (offset >= m_count || limit <= 0)
        return QList<StockLevelRow>();
    limit = static_cast<int>(std::min<qint64>(limit, m_count - offset));

    Result<QList<StockLevelRow>> rows = QList<StockLevelRow>();
    const auto known = m_keyAtOffset.constFind(offset);
    if (known != m_keyAtOffset.constEnd()) {
        Where from = filterWhere(true);
        from.terms << QStringLiteral("(p.sku, sl.location_id) > (?, ?)");
        from.binds << known->sku << known->locationId;
        rows = select(from, false, limit, 0);
    } else if (offset > m_count / 2) {
        const qint64 end = offset + limit;
        rows = select(filterWhere(true), true, limit, m_count - end);
    } else {
        rows = select(filterWhere(true), false, limit, offset);
    }
    if (!rows.ok() || rows.value().isEmpty())
        return rows;
    const StockLevelRow &last = rows.value().constLast();
    m_keyAtOffset.insert(offset + rows.value().size(), Key{last.sku, last.locationId});
    return rows;
}

namespace {

Result<QList<models::StockChoice>> choices(const QSqlDatabase &db, const QString &sql)
{
    Result<QSqlQuery> q = runQuery(db, sql);
    if (!q.ok())
        return Error{q.error()};
    QList<models::StockChoice> out;
    while (q.value().next())
        out.append({q.value().value(0).toLongLong(), q.value().value(1).toString()});
    return out;
}

} // namespace

Result<QList<models::StockChoice>> SqlStockLevelSource::locations()
{
    return choices(m_db, QStringLiteral("SELECT id, code || ' ' || name FROM locations "
                                        "WHERE active = 1 ORDER BY code"));
}

Result<QList<models::StockChoice>> SqlStockLevelSource::suppliers()
{
    return choices(m_db, QStringLiteral("SELECT id, name FROM suppliers ORDER BY name"));
}

} // namespace storage
