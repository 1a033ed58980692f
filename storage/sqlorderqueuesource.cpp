#include "storage/sqlorderqueuesource.h"

#include "storage/sqlrun.h"

#include <algorithm>
#include <atomic>

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

namespace {

// Each source on a connection keeps its search matches in a temp table of its own.
int nextSourceId()
{
    static std::atomic<int> id = 0;
    return ++id;
}

} // namespace

SqlOrderQueueSource::SqlOrderQueueSource(QSqlDatabase db)
    : m_db(std::move(db)),
      m_matchTable(QStringLiteral("order_queue_matches_%1").arg(nextSourceId()))
{}

void SqlOrderQueueSource::setQuery(const models::OrderQueueQuery &query)
{
    m_query = query;
    m_count = -1;
    m_countLimit = m_baseCountLimit;
    m_partial = false;
    m_keyAtOffset.clear();
}

void SqlOrderQueueSource::raiseCountLimit()
{
    m_countLimit *= 10;
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

namespace {

// Times are stored as ISO-8601 text, some with milliseconds. A bound without the
// zone letter is a prefix of every stored time in its second, so ">=" takes them all
// in and "<" leaves them all out, whichever way they were written.
QString timeBound(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

// The same list, word for word, as the partial index orders_open_ship_by (0005):
// SQLite uses a partial index only for a query that repeats its condition.
constexpr const char *kOpenStatuses = "('new', 'on_hold', 'ready', 'picking', 'packed', "
                                      "'backordered', 'partially_shipped')";

// Every order whose number, buyer, ship-to name, e-mail, SKU or tracking number
// contains the text: through the trigram indexes (0005), and plainly among the rows
// still waiting to be indexed (search_pending), so nothing just written is missed.
// One id may come more than once.
constexpr const char *kSearchMatches =
    "SELECT rowid FROM orders_search WHERE orders_search MATCH ? "
    "UNION ALL SELECT l.order_id FROM order_lines l WHERE l.id IN "
    "  (SELECT rowid FROM order_lines_search WHERE order_lines_search MATCH ?) "
    "UNION ALL SELECT s.order_id FROM shipments s WHERE s.id IN "
    "  (SELECT rowid FROM shipments_search WHERE shipments_search MATCH ?) "
    "UNION ALL SELECT o.id FROM search_pending p JOIN orders o ON o.id = p.id "
    "  WHERE p.kind = 'order' AND (o.order_number LIKE ? ESCAPE '\\' "
    "    OR o.buyer_name LIKE ? ESCAPE '\\' OR o.buyer_email LIKE ? ESCAPE '\\' "
    "    OR o.ship_name LIKE ? ESCAPE '\\') "
    "UNION ALL SELECT l.order_id FROM search_pending p JOIN order_lines l ON l.id = p.id "
    "  WHERE p.kind = 'line' AND l.sku LIKE ? ESCAPE '\\' "
    "UNION ALL SELECT s.order_id FROM search_pending p JOIN shipments s ON s.id = p.id "
    "  WHERE p.kind = 'shipment' AND s.tracking_number LIKE ? ESCAPE '\\'";

// "%text%" with LIKE's own wildcards in the text taken literally.
QString likeContaining(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// A phrase query: the text as one quoted string, so operators and punctuation in it
// are searched for, not obeyed.
QString ftsPhrase(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

SqlOrderQueueSource::Where SqlOrderQueueSource::filterWhere(bool steer) const
{
    const models::OrderQueueFilter &f = m_query.filter;
    // A unary plus makes a column an expression SQLite will not look up in an index.
    const QString plus = steer ? QStringLiteral("+") : QString();
    Where w;
    if (!f.statuses.isEmpty()) {
        QStringList marks;
        for (models::OrderStatus s : f.statuses) {
            marks << QStringLiteral("?");
            w.binds << models::orderStatusCode(s);
        }
        w.terms << QStringLiteral("%1o.status IN (%2)").arg(plus, marks.join(QStringLiteral(", ")));
    }
    if (f.onHoldOnly) {
        w.terms << plus + QStringLiteral("o.status = ?");
        w.binds << models::orderStatusCode(models::OrderStatus::OnHold);
    }
    if (f.channelId != 0) {
        // Never through UNIQUE (channel_id, external_id): a third of the orders, in no
        // useful order, would have to be read to sort them or to meet a rarer condition.
        w.terms << QStringLiteral("+o.channel_id = ?");
        w.binds << f.channelId;
    }
    if (f.locationId != 0) {
        w.terms << plus + QStringLiteral("o.location_id = ?");
        w.binds << f.locationId;
    }
    if (f.lateOnly) {
        w.terms << QStringLiteral("%1o.status IN %2 AND %1o.ship_by < ?")
                       .arg(plus, QString::fromLatin1(kOpenStatuses));
        w.binds << timeBound(m_query.nowUtc.isValid() ? m_query.nowUtc
                                                      : QDateTime::currentDateTimeUtc());
    }
    // Sorted by placed time, a range of it narrows the walk of the same index.
    const QString placedPlus = m_query.sortKey == models::OrderSortKey::PlacedAt ? QString() : plus;
    if (f.placedFromUtc.isValid()) {
        w.terms << placedPlus + QStringLiteral("o.placed_at >= ?");
        w.binds << timeBound(f.placedFromUtc);
    }
    if (f.placedToUtc.isValid()) {
        w.terms << placedPlus + QStringLiteral("o.placed_at < ?");
        w.binds << timeBound(f.placedToUtc);
    }
    const QString text = f.search.trimmed();
    if (text.size() >= 3) {
        // The matches are gathered once per count (see gatherMatches()), not once per page.
        w.terms << QStringLiteral("%1o.id IN (SELECT id FROM temp.%2)").arg(plus, m_matchTable);
    } else if (!text.isEmpty()) {
        // Too short for a trigram: the start of an order number, as a range so the
        // index on order_number serves it.
        QString upper = text;
        upper[upper.size() - 1] = QChar(upper.at(upper.size() - 1).unicode() + 1);
        w.terms << QStringLiteral("%1o.order_number >= ? AND %1o.order_number < ?").arg(plus);
        w.binds << text << upper;
    }
    return w;
}

models::Status SqlOrderQueueSource::gatherMatches()
{
    const QString text = m_query.filter.search.trimmed();
    if (text.size() < 3)
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
    const QString phrase = ftsPhrase(text);
    const QString like = likeContaining(text);
    return runStatement(m_db,
                        QStringLiteral("INSERT OR IGNORE INTO temp.%1 (id) ").arg(m_matchTable) +
                            QString::fromLatin1(kSearchMatches),
                        {phrase, phrase, phrase, like, like, like, like, like, like});
}

Result<qint64> SqlOrderQueueSource::count()
{
    m_keyAtOffset.clear();
    m_partial = false;
    // Read again on every count: a refresh after an import or an action finds new matches.
    if (models::Status s = gatherMatches(); !s)
        return Error{s.error()};
    if (!filtered()) {
        Result<QVariant> n = queryScalar(m_db, QStringLiteral("SELECT COUNT(*) FROM orders"));
        if (!n.ok())
            return Error{n.error()};
        m_count = n.value().toLongLong();
        return m_count;
    }
    // Counting stops one past the limit: enough to know whether it was reached.
    const Where w = filterWhere(false);
    QVariantList binds = w.binds;
    binds << m_countLimit + 1;
    Result<QVariant> n =
        queryScalar(m_db,
                    QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM orders o WHERE %1 LIMIT ?)")
                        .arg(w.terms.join(QStringLiteral(" AND "))),
                    binds);
    if (!n.ok())
        return Error{n.error()};
    m_count = n.value().toLongLong();
    if (m_count > m_countLimit) {
        m_count = m_countLimit;
        m_partial = true;
    }
    return m_count;
}

Result<QList<OrderQueueRow>> SqlOrderQueueSource::select(Where where, bool reversed, int limit,
                                                         qint64 offset, Key *last)
{
    const bool ascending = m_query.ascending != reversed;
    const QString dir = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QString whereSql = where.terms.isEmpty() ? QString()
                                                   : QStringLiteral("WHERE ") +
                                                         where.terms.join(QStringLiteral(" AND "));
    const QString sql =
        QString::fromLatin1(kSelect) + whereSql +
        QStringLiteral(" ORDER BY %1 %2, o.id %2 LIMIT ? OFFSET ?").arg(sortColumn(), dir);
    QVariantList all = where.binds;
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
    // A partial count does not know where the end is, so it is never read from there.
    const bool reversed = !m_partial && offset > m_count / 2;
    const qint64 end = std::min(m_count, offset + limit);
    const qint64 skip = reversed ? m_count - end : offset;
    const int count = reversed ? static_cast<int>(end - offset) : limit;
    const Where filter = filterWhere(filtered());
    if (skip == 0)
        return select(filter, reversed, count, 0, last);

    // Find the page's first key by walking the sort index (no join is made for the
    // rows skipped; unfiltered, no row is read either), then read the page from that key.
    const bool ascending = m_query.ascending != reversed;
    const QString dir = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QString whereSql =
        filter.terms.isEmpty()
            ? QString()
            : QStringLiteral("WHERE ") + filter.terms.join(QStringLiteral(" AND "));
    QVariantList binds = filter.binds;
    binds << skip;
    Result<QSqlQuery> anchor = runQuery(
        m_db,
        QStringLiteral("SELECT %1, o.id FROM orders o %3 ORDER BY %1 %2, o.id %2 LIMIT 1 OFFSET ?")
            .arg(sortColumn(), dir, whereSql),
        binds);
    if (!anchor.ok())
        return Error{anchor.error()};
    if (anchor.value().next() && !anchor.value().value(0).isNull()) {
        const QString cmp = ascending ? QStringLiteral(">=") : QStringLiteral("<=");
        Where from = filter;
        from.terms << QStringLiteral("(%1, o.id) %2 (?, ?)").arg(sortColumn(), cmp);
        from.binds << anchor.value().value(0) << anchor.value().value(1);
        Result<QList<OrderQueueRow>> rows = select(from, reversed, count, 0, last);
        // Undated orders never compare with a key; a page that runs into them is short
        // and is read again by position below.
        if (!rows.ok() || rows.value().size() == count)
            return rows;
    }
    return select(filter, reversed, count, skip, last);
}

Result<QList<OrderQueueRow>> SqlOrderQueueSource::fetch(qint64 offset, int limit)
{
    if (m_count < 0) {
        if (Result<qint64> n = count(); !n.ok())
            return Error{n.error()};
    }
    if (offset >= m_count || limit <= 0)
        return QList<OrderQueueRow>();
    // A partial count is where the table ends for now: no row past it.
    limit = static_cast<int>(std::min<qint64>(limit, m_count - offset));

    Key last;
    // A few thousand matches: found through the filter's index and sorted, a page
    // by position; sorting that few costs less than any bookkeeping.
    if (filtered() && !m_partial)
        return select(filterWhere(false), false, limit, offset, &last);

    Result<QList<OrderQueueRow>> rows = QList<OrderQueueRow>();
    const auto known = m_keyAtOffset.constFind(offset);
    if (known != m_keyAtOffset.constEnd() && !known->sortValue.isNull()) {
        const QString cmp = m_query.ascending ? QStringLiteral(">") : QStringLiteral("<");
        Where from = filterWhere(filtered());
        from.terms << QStringLiteral("(%1, o.id) %2 (?, ?)").arg(sortColumn(), cmp);
        from.binds << known->sortValue << known->id;
        rows = select(from, false, limit, 0, &last);
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

namespace {

Result<QList<models::OrderFilterChoice>> choices(const QSqlDatabase &db, const QString &sql)
{
    Result<QSqlQuery> q = runQuery(db, sql);
    if (!q.ok())
        return Error{q.error()};
    QList<models::OrderFilterChoice> out;
    while (q.value().next())
        out.append({q.value().value(0).toLongLong(), q.value().value(1).toString()});
    return out;
}

} // namespace

Result<QList<models::OrderFilterChoice>> SqlOrderQueueSource::channels()
{
    return choices(m_db, QStringLiteral("SELECT id, name FROM channels ORDER BY name"));
}

Result<QList<models::OrderFilterChoice>> SqlOrderQueueSource::locations()
{
    return choices(m_db, QStringLiteral("SELECT id, code || ' ' || name FROM locations "
                                        "WHERE active = 1 ORDER BY code"));
}

} // namespace storage
