#include "storage/consistencycheck.h"

#include "storage/sqlreconciliation.h"
#include "storage/sqlrun.h"

#include <QDateTime>

namespace storage {

using models::Error;
using models::Result;

namespace {

// Each rule is a query returning the rows that break it, and how to word each row.
struct Rule
{
    const char *sql;
    QString (*describe)(const QSqlQuery &row);
};

QString describeReserved(const QSqlQuery &r)
{
    return QStringLiteral("reservations: %1 at %2: reserved says %3 but active reservations "
                          "add up to %4")
        .arg(r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
             r.value(3).toString());
}

QString describeOversold(const QSqlQuery &r)
{
    return QStringLiteral("stock levels: %1 at %2: %3 reserved but only %4 on hand "
                          "(the location does not allow backorders)")
        .arg(r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
             r.value(3).toString());
}

QString describeNegative(const QSqlQuery &r)
{
    return QStringLiteral("stock levels: %1 at %2: on hand is negative (%3)")
        .arg(r.value(0).toString(), r.value(1).toString(), r.value(2).toString());
}

QString describeOrphanReservation(const QSqlQuery &r)
{
    return QStringLiteral("reservations: %1 of %2 at %3 is active but order %4 is %5 "
                          "(only ready, picking, packed or partially shipped orders hold stock)")
        .arg(r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
             r.value(3).toString(), r.value(4).toString());
}

QString describeWrongProduct(const QSqlQuery &r)
{
    return QStringLiteral("reservations: order %1 line %2 is for %3 but its reservation holds %4")
        .arg(r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
             r.value(3).toString());
}

QString describeOverReservedLine(const QSqlQuery &r)
{
    return QStringLiteral("reservations: order %1 line %2 (%3) reserves %4 but only wants %5")
        .arg(r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
             r.value(3).toString(), r.value(4).toString());
}

// On hand against the ledger is not a rule here: the stock reconciliation's own sums
// are used (see checkConsistency), so the report and the check cannot disagree.
const Rule kRules[] = {
    {"WITH held AS (SELECT product_id, location_id, SUM(quantity) AS total FROM reservations "
     "              WHERE status = 'active' GROUP BY product_id, location_id), "
     "     pairs AS (SELECT product_id, location_id FROM held "
     "               UNION SELECT product_id, location_id FROM stock_levels) "
     "SELECT COALESCE(p.sku, '#' || pairs.product_id), COALESCE(l.code, '#' || pairs.location_id), "
     "       COALESCE(sl.reserved, 0), COALESCE(held.total, 0) "
     "FROM pairs "
     "LEFT JOIN stock_levels sl ON sl.product_id = pairs.product_id "
     "                         AND sl.location_id = pairs.location_id "
     "LEFT JOIN held ON held.product_id = pairs.product_id AND held.location_id = "
     "pairs.location_id "
     "LEFT JOIN products p ON p.id = pairs.product_id "
     "LEFT JOIN locations l ON l.id = pairs.location_id "
     "WHERE COALESCE(sl.reserved, 0) <> COALESCE(held.total, 0) "
     "ORDER BY 1, 2",
     describeReserved},
    {"SELECT p.sku, l.code, sl.reserved, sl.on_hand FROM stock_levels sl "
     "JOIN products p ON p.id = sl.product_id JOIN locations l ON l.id = sl.location_id "
     "WHERE sl.reserved > 0 AND sl.reserved > sl.on_hand AND l.allows_backorders = 0 "
     "ORDER BY 1, 2", // nothing reserved is nothing oversold; negative on hand has its own rule
     describeOversold},
    {"SELECT p.sku, l.code, sl.on_hand FROM stock_levels sl "
     "JOIN products p ON p.id = sl.product_id JOIN locations l ON l.id = sl.location_id "
     "WHERE sl.on_hand < 0 AND l.allows_backorders = 0 ORDER BY 1, 2",
     describeNegative},
    // Reservations belong to an order that still holds stock.
    {"SELECT r.quantity, COALESCE(p.sku, '#' || r.product_id), COALESCE(lo.code, '#' || "
     "r.location_id), o.order_number, o.status FROM reservations r "
     "JOIN order_lines l ON l.id = r.order_line_id JOIN orders o ON o.id = l.order_id "
     "LEFT JOIN products p ON p.id = r.product_id LEFT JOIN locations lo ON lo.id = r.location_id "
     "WHERE r.status = 'active' "
     "AND o.status NOT IN ('ready', 'picking', 'packed', 'partially_shipped') ORDER BY 4, 2",
     describeOrphanReservation},
    {"SELECT o.order_number, l.line_no, COALESCE(lp.sku, l.sku), COALESCE(rp.sku, '#' || "
     "r.product_id) FROM reservations r JOIN order_lines l ON l.id = r.order_line_id "
     "JOIN orders o ON o.id = l.order_id LEFT JOIN products lp ON lp.id = l.product_id "
     "LEFT JOIN products rp ON rp.id = r.product_id "
     "WHERE r.status = 'active' AND l.product_id IS NOT r.product_id "
     // A kit's line reserves its components, never the kit itself.
     "AND NOT EXISTS (SELECT 1 FROM kit_components k WHERE k.kit_product_id = l.product_id "
     "                AND k.component_product_id = r.product_id) ORDER BY 1, 2",
     describeWrongProduct},
    {"WITH held AS (SELECT order_line_id, product_id, SUM(quantity) AS total FROM reservations "
     "              WHERE status = 'active' GROUP BY order_line_id, product_id) "
     "SELECT o.order_number, l.line_no, COALESCE(rp.sku, l.sku), held.total, "
     "       l.quantity * COALESCE(k.quantity, 1) FROM held "
     "JOIN order_lines l ON l.id = held.order_line_id JOIN orders o ON o.id = l.order_id "
     "LEFT JOIN kit_components k ON k.kit_product_id = l.product_id "
     "                          AND k.component_product_id = held.product_id "
     "LEFT JOIN products rp ON rp.id = held.product_id "
     "WHERE held.total > l.quantity * COALESCE(k.quantity, 1) ORDER BY 1, 2",
     describeOverReservedLine},
};

} // namespace

Result<ConsistencyReport> checkConsistency(const QSqlDatabase &db)
{
    ConsistencyReport report;

    Result<QSqlQuery> integrity = runQuery(db, QStringLiteral("PRAGMA integrity_check"));
    if (!integrity.ok())
        return Error{integrity.error()};
    while (integrity.value().next()) {
        const QString line = integrity.value().value(0).toString();
        if (line != QLatin1String("ok"))
            report.problems.append(QStringLiteral("integrity: %1").arg(line));
    }

    Result<QSqlQuery> keys = runQuery(db, QStringLiteral("PRAGMA foreign_key_check"));
    if (!keys.ok())
        return Error{keys.error()};
    while (keys.value().next())
        report.problems.append(QStringLiteral("foreign key: row %1 of %2 points at a missing %3")
                                   .arg(keys.value().value(1).toString(),
                                        keys.value().value(0).toString(),
                                        keys.value().value(2).toString()));

    const QDate today = QDateTime::currentDateTimeUtc().date();
    Result<models::ReconciliationReport> ledger = reconcileStock(db, today, today);
    if (!ledger.ok())
        return Error{ledger.error()};
    report.problems.append(ledgerDifferences(ledger.value()));

    for (const Rule &rule : kRules) {
        Result<QSqlQuery> rows = runQuery(db, QString::fromLatin1(rule.sql));
        if (!rows.ok())
            return Error{rows.error()};
        while (rows.value().next())
            report.problems.append(rule.describe(rows.value()));
    }

    if (Result<QVariant> n = queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM stock_levels"));
        n.ok())
        report.stockLevelsChecked = n.value().toLongLong();
    if (Result<QVariant> n =
            queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM stock_movements"));
        n.ok())
        report.movementsChecked = n.value().toLongLong();
    return report;
}

} // namespace storage
