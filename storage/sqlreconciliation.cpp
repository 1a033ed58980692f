#include "storage/sqlreconciliation.h"

#include "models/stockoperationrules.h"
#include "storage/sqlrun.h"

#include <QHash>

#include <algorithm>

namespace storage {

using models::Error;
using models::ReconciliationRow;
using models::Result;

namespace {

using Pair = QPair<qint64, qint64>;

bool stopped(const std::atomic_bool *cancel)
{
    return cancel && cancel->load();
}

QString dayStart(const QDate &d)
{
    return d.toString(Qt::ISODate) + QStringLiteral("T00:00:00");
}

QString percent(double ratio)
{
    return QString::number(ratio * 100, 'f', 1) + QStringLiteral(" %");
}

} // namespace

Result<models::ReconciliationReport> reconcileStock(const QSqlDatabase &db, const QDate &from,
                                                    const QDate &to, const std::atomic_bool *cancel)
{
    models::ReconciliationReport report;
    report.from = from;
    report.to = to;
    if (!from.isValid() || !to.isValid() || to < from)
        return Error{QStringLiteral("reconciliation: the range %1 to %2 is not a range of days")
                         .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))};
    if (stopped(cancel)) {
        report.cancelled = true;
        return report;
    }
    const QString start = dayStart(from);
    const QString end = dayStart(to.addDays(1));

    QHash<Pair, ReconciliationRow> rows;
    QHash<Pair, bool> movedInRange;
    // Every movement, summed per pair and reason: before the range, within it, in all.
    Result<QSqlQuery> q = runQuery(
        db,
        QStringLiteral("SELECT product_id, location_id, reason_code, "
                       "       SUM(CASE WHEN created_at < ? THEN quantity ELSE 0 END), "
                       "       SUM(CASE WHEN created_at >= ? AND created_at < ? THEN quantity "
                       "                ELSE 0 END), "
                       "       SUM(CASE WHEN created_at >= ? AND created_at < ? THEN 1 "
                       "                ELSE 0 END), "
                       "       SUM(quantity) "
                       "FROM stock_movements GROUP BY product_id, location_id, reason_code"),
        {start, start, end, start, end});
    if (!q.ok())
        return Error{q.error()};
    qint64 read = 0;
    while (q.value().next()) {
        if (++read % 4096 == 0 && stopped(cancel)) {
            report.cancelled = true;
            return report;
        }
        const QSqlQuery &r = q.value();
        const Pair key{r.value(0).toLongLong(), r.value(1).toLongLong()};
        ReconciliationRow &row = rows[key];
        row.productId = key.first;
        row.locationId = key.second;
        const models::StockReason reason =
            models::stockReasonFromCode(r.value(2).toString()).value_or(models::StockReason::Found);
        models::addToReconciliation(row, reason, r.value(3).toInt(), true);
        models::addToReconciliation(row, reason, r.value(4).toInt(), false);
        if (r.value(5).toInt() > 0)
            movedInRange[key] = true;
        row.ledgerTotal += r.value(6).toInt();
    }

    Result<QSqlQuery> levels =
        runQuery(db, QStringLiteral("SELECT product_id, location_id, on_hand FROM stock_levels"));
    if (!levels.ok())
        return Error{levels.error()};
    while (levels.value().next()) {
        if (++read % 4096 == 0 && stopped(cancel)) {
            report.cancelled = true;
            return report;
        }
        const Pair key{levels.value().value(0).toLongLong(), levels.value().value(1).toLongLong()};
        ReconciliationRow &row = rows[key];
        row.productId = key.first;
        row.locationId = key.second;
        row.onHand = levels.value().value(2).toInt();
    }
    report.pairsChecked = rows.size();

    // Cycle counts entered in the range.
    Result<QSqlQuery> counts = runQuery(
        db,
        QStringLiteral("SELECT cl.product_id, c.location_id, cl.counted, cl.on_hand_at_count "
                       "FROM stock_count_lines cl JOIN stock_counts c ON c.id = cl.count_id "
                       "WHERE cl.counted IS NOT NULL AND cl.on_hand_at_count IS NOT NULL "
                       "AND c.status <> 'cancelled' AND cl.counted_at >= ? AND cl.counted_at < ?"),
        {start, end});
    if (!counts.ok())
        return Error{counts.error()};
    while (counts.value().next()) {
        models::CountLine line;
        line.counted = counts.value().value(2).toInt();
        line.onHandAtCount = counts.value().value(3).toInt();
        const double ratio = line.varianceRatio();
        ++report.countLines;
        if (ratio <= models::kCountVarianceTolerance)
            ++report.accurateLines;
        const Pair key{counts.value().value(0).toLongLong(), counts.value().value(1).toLongLong()};
        ReconciliationRow &row = rows[key];
        row.productId = key.first;
        row.locationId = key.second;
        row.worstCountVariance = std::max(row.worstCountVariance, ratio);
        movedInRange[key] = true;
    }

    // Names for the rows kept.
    QHash<qint64, QString> skus;
    QHash<qint64, QString> codes;
    Result<QSqlQuery> names = runQuery(db, QStringLiteral("SELECT id, code FROM locations"));
    if (!names.ok())
        return Error{names.error()};
    while (names.value().next())
        codes.insert(names.value().value(0).toLongLong(), names.value().value(1).toString());
    Result<QSqlQuery> products = runQuery(db, QStringLiteral("SELECT id, sku FROM products"));
    if (!products.ok())
        return Error{products.error()};
    while (products.value().next())
        skus.insert(products.value().value(0).toLongLong(), products.value().value(1).toString());

    for (auto it = rows.begin(); it != rows.end(); ++it) {
        ReconciliationRow &row = it.value();
        if (!row.flagged() && !movedInRange.value(it.key()))
            continue;
        row.sku = skus.value(row.productId, QStringLiteral("#%1").arg(row.productId));
        row.locationCode = codes.value(row.locationId, QStringLiteral("#%1").arg(row.locationId));
        report.rows.append(row);
    }
    std::sort(report.rows.begin(), report.rows.end(),
              [](const ReconciliationRow &a, const ReconciliationRow &b) {
                  if (a.flagged() != b.flagged())
                      return a.flagged();
                  if (a.sku != b.sku)
                      return a.sku < b.sku;
                  return a.locationCode < b.locationCode;
              });
    return report;
}

QStringList ledgerDifferences(const models::ReconciliationReport &report)
{
    QStringList out;
    for (const ReconciliationRow &row : report.rows)
        if (row.onHandDiffers())
            out.append(QStringLiteral("stock ledger: %1 at %2: on hand says %3 but its movements "
                                      "add up to %4")
                           .arg(row.sku, row.locationCode)
                           .arg(row.onHand)
                           .arg(row.ledgerTotal));
    return out;
}

QStringList countVariances(const models::ReconciliationReport &report)
{
    QStringList out;
    for (const ReconciliationRow &row : report.rows) {
        if (row.countVarianceFlagged())
            out.append(QStringLiteral("reconciliation: %1 at %2: a cycle count differed from "
                                      "the system by %3 (more than 1 %)")
                           .arg(row.sku, row.locationCode, percent(row.worstCountVariance)));
    }
    return out;
}

} // namespace storage
