#include "storage/sqlorderqueuesource.h"

#include "storage/sqlrun.h"

#include <algorithm>

namespace storage {

using models::Error;
using models::OrderQueueRow;
using models::Result;

namespace {

constexpr const char *kSelect =
    "SELECT o.id, c.name, o.order_number, o.placed_at, o.ship_by, "
    "       COALESCE(o.ship_name, o.buyer_name, ''), COALESCE(o.ship_country, ''), o.item_count, "
    "       o.total_minor, o.currency, o.status, COALESCE(o.hold_reason, ''), "
    "       COALESCE(l.code, ''), o.is_expedited "
    "FROM orders o "
    "LEFT JOIN channels c ON c.id = o.channel_id " // LEFT: orders drive the plan, in index order
    "LEFT JOIN locations l ON l.id = o.location_id ";

OrderQueueRow readRow(const QSqlQuery &q)
{
    OrderQueueRow r;
    r.id = q.value(0).toLongLong();
    r.channelName = q.value(1).toString();
    r.orderNumber = q.value(2).toString();
    r.placedAtUtc = QDateTime::fromString(q.value(3).toString(), Qt::ISODate);
    r.shipByUtc = QDateTime::fromString(q.value(4).toString(), Qt::ISODate);
    r.customerName = q.value(5).toString();
    r.country = q.value(6).toString();
    r.itemCount = q.value(7).toInt();
    r.total = models::Money(q.value(8).toLongLong(), q.value(9).toString());
    r.status =
        models::orderStatusFromCode(q.value(10).toString()).value_or(models::OrderStatus::New);
    r.holdReason = q.value(11).toString();
    r.locationCode = q.value(12).toString();
    r.expedited = q.value(13).toBool();
    return r;
}

} // namespace

SqlOrderQueueSource::SqlOrderQueueSource(QSqlDatabase db) : m_db(std::move(db)) {}

void SqlOrderQueueSource::setQuery(const models::OrderQueueQuery &query)
{
    m_query = query;
    m_count = -1;
    m_keyAtOffset.clear();
}

QString SqlOrderQueueSource::sortColumn() const
{
    switch (m_query.sortKey) {
    case models::OrderSortKey::ShipBy:
        return QStringLiteral("o.ship_by");
    case models::OrderSortKey::PlacedAt:
        break;
    }
    return QStringLiteral("o.placed_at");
}

Result<qint64> SqlOrderQueueSource::count()
{
    Result<QVariant> n = queryScalar(m_db, QStringLiteral("SELECT COUNT(*) FROM orders"));
    if (!n.ok())
        return Error{n.error()};
    m_count = n.value().toLongLong();
    m_keyAtOffset.clear();
    return m_count;
}

Result<QList<OrderQueueRow>> SqlOrderQueueSource::select(const QString &where,
                                                         const QVariantList &binds, bool reversed,
                                                         int limit, qint64 offset, Key *last)
{
    const bool ascending = m_query.ascending != reversed;
    const QString dir = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QString sql =
        QString::fromLatin1(kSelect) + where +
        QStringLiteral(" ORDER BY %1 %2, o.id %2 LIMIT ? OFFSET ?").arg(sortColumn(), dir);
    QVariantList all = binds;
    all << limit << offset;
    Result<QSqlQuery> q = runQuery(m_db, sql, all);
    if (!q.ok())
        return Error{q.error()};
    // The key is the sort column's text as stored, not a QDateTime written back: a
    // re-formatted time ("...:00Z" for "...:00.250Z") would seek to the wrong place.
    const int sortIndex = m_query.sortKey == models::OrderSortKey::ShipBy ? 4 : 3;
    QList<OrderQueueRow> rows;
    rows.reserve(limit);
    while (q.value().next()) {
        rows.append(readRow(q.value()));
        if (!reversed || rows.size() == 1) // reversed, the first row read ends the page
            *last = Key{q.value().value(sortIndex), rows.constLast().id};
    }
    if (reversed)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

Result<QList<OrderQueueRow>> SqlOrderQueueSource::selectAt(qint64 offset, int limit, Key *last)
{
    const bool reversed = offset > m_count / 2;
    const qint64 end = std::min(m_count, offset + limit);
    const qint64 skip = reversed ? m_count - end : offset;
    const int count = reversed ? static_cast<int>(end - offset) : limit;
    if (skip == 0)
        return select(QString(), {}, reversed, count, 0, last);

    // Find the page's first key by walking the sort index alone (no row is read, no
    // join is made for the rows skipped), then read the page from that key.
    const bool ascending = m_query.ascending != reversed;
    const QString dir = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    Result<QSqlQuery> anchor = runQuery(
        m_db,
        QStringLiteral("SELECT %1, o.id FROM orders o ORDER BY %1 %2, o.id %2 LIMIT 1 OFFSET ?")
            .arg(sortColumn(), dir),
        {skip});
    if (!anchor.ok())
        return Error{anchor.error()};
    if (anchor.value().next() && !anchor.value().value(0).isNull()) {
        const QString cmp = ascending ? QStringLiteral(">=") : QStringLiteral("<=");
        Result<QList<OrderQueueRow>> rows =
            select(QStringLiteral("WHERE (%1, o.id) %2 (?, ?)").arg(sortColumn(), cmp),
                   {anchor.value().value(0), anchor.value().value(1)}, reversed, count, 0, last);
        // Undated orders never compare with a key; a page that runs into them is short
        // and is read again by position below.
        if (!rows.ok() || rows.value().size() == count)
            return rows;
    }
    return select(QString(), {}, reversed, count, skip, last);
}

Result<QList<OrderQueueRow>> SqlOrderQueueSource::fetch(qint64 offset, int limit)
{
    if (m_count < 0) {
        if (Result<qint64> n = count(); !n.ok())
            return Error{n.error()};
    }
    if (offset >= m_count || limit <= 0)
        return QList<OrderQueueRow>();

    Key last;
    Result<QList<OrderQueueRow>> rows = QList<OrderQueueRow>();
    const auto known = m_keyAtOffset.constFind(offset);
    if (known != m_keyAtOffset.constEnd() && !known->sortValue.isNull()) {
        const QString cmp = m_query.ascending ? QStringLiteral(">") : QStringLiteral("<");
        rows = select(QStringLiteral("WHERE (%1, o.id) %2 (?, ?)").arg(sortColumn(), cmp),
                      {known->sortValue, known->id}, false, limit, 0, &last);
        // Orders without a sort value (no ship-by date) compare with no key, and newest
        // first they come after all the dated ones: the seek stops short of them, so
        // the rest of such a page is read by position.
        const qint64 got = rows.ok() ? rows.value().size() : 0;
        if (rows.ok() && got < limit && offset + got < m_count) {
            Result<QList<OrderQueueRow>> rest =
                selectAt(offset + got, limit - static_cast<int>(got), &last);
            if (!rest.ok())
                return rest;
            rows.value().append(rest.value());
        }
    } else {
        rows = selectAt(offset, limit, &last);
    }
    if (!rows.ok() || rows.value().isEmpty())
        return rows;

    // Remember where the next page starts so scrolling on seeks instead of counting.
    if (!last.sortValue.isNull())
        m_keyAtOffset.insert(offset + rows.value().size(), last);
    return rows;
}

} // namespace storage
