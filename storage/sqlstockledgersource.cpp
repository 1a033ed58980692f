#include "storage/sqlstockledgersource.h"

#include "storage/sqlrun.h"
#include "storage/sqlstockadjustments.h"

#include <algorithm>

namespace storage {

using models::Error;
using models::LedgerBalance;
using models::LedgerEntry;
using models::Result;

namespace {

constexpr const char *kColumns =
    "SELECT id, created_at, location_id, quantity, reason_code, COALESCE(reference_type, ''), "
    "       COALESCE(reference_id, ''), COALESCE(note, ''), user_name "
    "FROM stock_movements WHERE product_id = ? AND location_id = ? ";

bool keyLess(const LedgerEntry &a, const QString &aAt, const LedgerEntry &b, const QString &bAt)
{
    return aAt != bAt ? aAt < bAt : a.id < b.id;
}

} // namespace

SqlStockLedgerSource::SqlStockLedgerSource(QSqlDatabase db, qint64 productId, qint64 locationId)
    : m_db(std::move(db)), m_productId(productId), m_locationId(locationId)
{}

models::Status SqlStockLedgerSource::readLocations()
{
    if (!m_locationCodes.isEmpty())
        return {};
    Result<QSqlQuery> q =
        runQuery(m_db, QStringLiteral("SELECT id, code FROM locations ORDER BY id"));
    if (!q.ok())
        return Error{q.error()};
    while (q.value().next()) {
        const qint64 id = q.value().value(0).toLongLong();
        m_locationCodes.insert(id, q.value().value(1).toString());
        if (m_locationId == 0 || id == m_locationId)
            m_locations.append(id);
    }
    if (m_locationId != 0 && m_locations.isEmpty())
        return Error{QStringLiteral("ledger: location %1 does not exist").arg(m_locationId)};
    return {};
}

Result<models::LedgerProduct> SqlStockLedgerSource::product()
{
    Result<QSqlQuery> p = runQuery(
        m_db, QStringLiteral("SELECT sku, name FROM products WHERE id = ?"), {m_productId});
    if (!p.ok())
        return Error{p.error()};
    if (!p.value().next())
        return Error{QStringLiteral("ledger: product %1 does not exist").arg(m_productId)};
    return models::LedgerProduct{m_productId, p.value().value(0).toString(),
                                 p.value().value(1).toString()};
}

Result<qint64> SqlStockLedgerSource::count()
{
    m_bounds.clear();
    m_count = -1;
    if (models::Status s = readLocations(); !s)
        return Error{s.error()};
    Result<QVariant> n =
        m_locationId == 0
            ? queryScalar(
                  m_db, QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE product_id = ?"),
                  {m_productId})
            : queryScalar(m_db,
                          QStringLiteral("SELECT COUNT(*) FROM stock_movements "
                                         "WHERE product_id = ? AND location_id = ?"),
                          {m_productId, m_locationId});
    if (!n.ok())
        return Error{n.error()};
    m_count = n.value().toLongLong();
    return m_count;
}

// Up to `limit` movements from `from` on (none: from the first, or from the last going
// backward), in the direction's order: each location's run along its index range,
// merged.
Result<SqlStockLedgerSource::Page> SqlStockLedgerSource::seek(const std::optional<Key> &from,
                                                              bool inclusive, Direction direction,
                                                              int limit)
{
    const bool forward = direction == Direction::Forward;
    QString sql = QString::fromLatin1(kColumns);
    if (from)
        sql += QStringLiteral("AND (created_at, id) %1 (?, ?) ")
                   .arg(forward ? (inclusive ? QStringLiteral(">=") : QStringLiteral(">"))
                                : (inclusive ? QStringLiteral("<=") : QStringLiteral("<")));
    sql += forward ? QStringLiteral("ORDER BY created_at, id LIMIT ?")
                   : QStringLiteral("ORDER BY created_at DESC, id DESC LIMIT ?");
    QList<LedgerEntry> rows;
    QList<QString> times; // created_at as stored, for the merge
    for (qint64 location : std::as_const(m_locations)) {
        QVariantList binds{m_productId, location};
        if (from)
            binds << from->at << from->id;
        binds << limit;
        Result<QSqlQuery> q = runQuery(m_db, sql, binds);
        if (!q.ok())
            return Error{q.error()};
        while (q.value().next()) {
            const QSqlQuery &r = q.value();
            LedgerEntry e;
            e.id = r.value(0).toLongLong();
            times.append(r.value(1).toString());
            e.atUtc = QDateTime::fromString(times.constLast(), Qt::ISODate);
            e.locationId = r.value(2).toLongLong();
            e.locationCode = m_locationCodes.value(e.locationId);
            e.quantity = r.value(3).toInt();
            e.reason = models::stockReasonFromCode(r.value(4).toString())
                           .value_or(models::StockReason::Received);
            e.referenceType = r.value(5).toString();
            e.referenceId = r.value(6).toString();
            e.referenceLabel = referenceLabel(e.referenceType, e.referenceId);
            e.note = r.value(7).toString();
            e.user = r.value(8).toString();
            rows.append(e);
        }
    }
    if (m_locations.size() > 1) {
        QList<int> order(rows.size());
        for (int i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            return forward ? keyLess(rows.at(a), times.at(a), rows.at(b), times.at(b))
                           : keyLess(rows.at(b), times.at(b), rows.at(a), times.at(a));
        });
        Page merged;
        for (int i = 0; i < order.size() && merged.rows.size() < limit; ++i) {
            merged.rows.append(rows.at(order.at(i)));
            merged.times.append(times.at(order.at(i)));
        }
        rows = std::move(merged.rows);
        times = std::move(merged.times);
    }
    if (!forward) {
        std::reverse(rows.begin(), rows.end());
        std::reverse(times.begin(), times.end());
    }
    return Page{std::move(rows), std::move(times)};
}

// The key of the movement at `offset`, walking the index from the nearer end.
Result<SqlStockLedgerSource::Key> SqlStockLedgerSource::keyAt(qint64 offset)
{
    const bool fromEnd = offset > m_count / 2;
    const QString dir = fromEnd ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString sql =
        QStringLiteral("SELECT created_at, id FROM stock_movements WHERE product_id = ? ");
    QVariantList binds{m_productId};
    if (m_locationId != 0) {
        sql += QStringLiteral("AND location_id = ? ");
        binds << m_locationId;
    }
    sql += QStringLiteral("ORDER BY created_at %1, id %1 LIMIT 1 OFFSET ?").arg(dir);
    binds << (fromEnd ? m_count - 1 - offset : offset);
    Result<QSqlQuery> q = runQuery(m_db, sql, binds);
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("ledger: no movement at row %1").arg(offset + 1)};
    return Key{q.value().value(0).toString(), q.value().value(1).toLongLong()};
}

// What was on hand before `key`, per location: one SUM over the index range.
Result<LedgerBalance> SqlStockLedgerSource::balanceBefore(const Key &key)
{
    ++m_balanceSums;
    QString sql = QStringLiteral("SELECT location_id, SUM(quantity) FROM stock_movements "
                                 "WHERE product_id = ? AND ");
    QVariantList binds{m_productId};
    if (m_locationId != 0) {
        sql += QStringLiteral("location_id = ? ");
        binds << m_locationId;
    } else {
        // One index range per location rather than every movement of the product.
        sql += QStringLiteral("location_id IN (SELECT id FROM locations) ");
    }
    sql += QStringLiteral("AND (created_at, id) < (?, ?) GROUP BY location_id");
    binds << key.at << key.id;
    Result<QSqlQuery> q = runQuery(m_db, sql, binds);
    if (!q.ok())
        return Error{q.error()};
    LedgerBalance b;
    while (q.value().next()) {
        const int sum = q.value().value(1).toInt();
        b.perLocation.insert(q.value().value(0).toLongLong(), sum);
        b.total += sum;
    }
    return b;
}

Result<QList<LedgerEntry>> SqlStockLedgerSource::fetch(qint64 offset, int limit)
{
    if (m_count < 0) {
        if (Result<qint64> n = count(); !n.ok())
            return Error{n.error()};
    }
    if (offset < 0 || offset >= m_count || limit <= 0)
        return QList<LedgerEntry>();
    limit = static_cast<int>(std::min<qint64>(limit, m_count - offset));
    const qint64 end = offset + limit;
    Result<Page> rows = Page{};
    const auto opening = m_bounds.constFind(offset);
    const auto closing = m_bounds.constFind(end);
    if (opening != m_bounds.constEnd() && opening->after) {
        rows = seek(opening->after, true, Direction::Forward, limit);
    } else if (opening != m_bounds.constEnd() && opening->before) {
        rows = seek(opening->before, false, Direction::Forward, limit);
    } else if (closing != m_bounds.constEnd() && closing->before) {
        rows = seek(closing->before, true, Direction::Backward, limit);
    } else if (closing != m_bounds.constEnd() && closing->after) {
        rows = seek(closing->after, false, Direction::Backward, limit);
    } else if (offset == 0) {
        rows = seek(std::nullopt, true, Direction::Forward, limit);
    } else if (end == m_count) {
        rows = seek(std::nullopt, true, Direction::Backward, limit);
    } else {
        Result<Key> first = keyAt(offset);
        if (!first.ok())
            return Error{first.error()};
        rows = seek(first.value(), true, Direction::Forward, limit);
    }
    if (!rows.ok())
        return Error{rows.error()};
    QList<LedgerEntry> &page = rows.value().rows;
    if (page.isEmpty())
        return page;
    const Key firstKey{rows.value().times.constFirst(), page.constFirst().id};
    const Key lastKey{rows.value().times.constLast(), page.constLast().id};

    LedgerBalance before;
    const qint64 pageEnd = offset + page.size();
    if (opening != m_bounds.constEnd()) {
        before = opening->balance;
    } else if (offset == 0) {
        // Nothing before the first movement.
    } else if (const auto after = m_bounds.constFind(pageEnd); after != m_bounds.constEnd()) {
        before = models::ledgerBalanceBefore(page, after->balance);
    } else {
        Result<LedgerBalance> summed = balanceBefore(firstKey);
        if (!summed.ok())
            return Error{summed.error()};
        before = summed.value();
    }
    const LedgerBalance afterPage = models::runLedgerBalances(page, before);

    Boundary &start = m_bounds[offset];
    start.after = firstKey;
    start.balance = before;
    Boundary &stop = m_bounds[pageEnd];
    stop.before = lastKey;
    stop.balance = afterPage;
    return page;
}

} // namespace storage
