#include "storage/sqlcyclecounts.h"

#include "models/stockoperationrules.h"
#include "storage/sqlallocator.h"
#include "storage/sqlrun.h"
#include "storage/sqlstockledger.h"
#include "storage/transaction.h"

namespace storage {

using models::Error;
using models::Result;
using models::Status;

namespace {

Status begun(const Transaction &txn)
{
    if (!txn.isActive())
        return Error{
            QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};
    return {};
}

// The product's primary bin at the location, and its place in the walk.
constexpr const char *kPrimaryBin =
    "(SELECT b.%1 FROM product_bins pb JOIN bins b ON b.id = pb.bin_id "
    " WHERE pb.product_id = %2 AND b.location_id = %3 "
    " ORDER BY pb.is_primary DESC, b.pick_sequence LIMIT 1)";

QString primaryBin(const char *column, const char *product, const char *location)
{
    return QString::fromLatin1(kPrimaryBin)
        .arg(QLatin1String(column), QLatin1String(product), QLatin1String(location));
}

} // namespace

Result<qint64> startCount(const QSqlDatabase &db, qint64 locationId, qint64 binId,
                          const QString &user, const QDateTime &atUtc)
{
    Transaction txn(db, Transaction::Mode::Write);
    if (Status s = begun(txn); !s)
        return Error{s.error()};
    Result<QVariant> location =
        queryScalar(db, QStringLiteral("SELECT code FROM locations WHERE id = ?"), {locationId});
    if (!location.ok())
        return Error{QStringLiteral("count refused: location %1 does not exist").arg(locationId)};
    QString binCode;
    int binSequence = 0;
    if (binId != 0) {
        Result<QSqlQuery> bin = runQuery(
            db,
            QStringLiteral("SELECT code, pick_sequence FROM bins WHERE id = ? AND location_id = ?"),
            {binId, locationId});
        if (!bin.ok())
            return Error{bin.error()};
        if (!bin.value().next())
            return Error{QStringLiteral("count refused: bin %1 is not at %2")
                             .arg(binId)
                             .arg(location.value().toString())};
        binCode = bin.value().value(0).toString();
        binSequence = bin.value().value(1).toInt();
    }
    const QDateTime at = atUtc.isValid() ? atUtc : QDateTime::currentDateTimeUtc();
    Result<QSqlQuery> head = runQuery(
        db,
        QStringLiteral("INSERT INTO stock_counts (location_id, bin_id, status, created_at, "
                       "user_name) VALUES (?, ?, 'open', ?, ?)"),
        {locationId, binId == 0 ? optionalId(std::nullopt) : QVariant(binId), isoUtc(at), user});
    if (!head.ok())
        return Error{head.error()};
    const qint64 countId = head.value().lastInsertId().toLongLong();

    Status lines;
    if (binId != 0) {
        lines = runStatement(
            db,
            QStringLiteral(
                "INSERT INTO stock_count_lines (count_id, product_id, expected, bin_code, "
                "pick_sequence) "
                "SELECT ?, pb.product_id, COALESCE(sl.on_hand, 0), ?, ? FROM product_bins pb "
                "LEFT JOIN stock_levels sl ON sl.product_id = pb.product_id "
                "AND sl.location_id = ? WHERE pb.bin_id = ?"),
            {countId, binCode, binSequence, locationId, binId});
    } else {
        lines = runStatement(
            db,
            QStringLiteral("INSERT INTO stock_count_lines (count_id, product_id, expected, "
                           "bin_code, pick_sequence) "
                           "SELECT ?, x.product_id, COALESCE(sl.on_hand, 0), %1, COALESCE(%2, 0) "
                           "FROM (SELECT product_id FROM stock_levels WHERE location_id = ? "
                           "      UNION SELECT pb.product_id FROM product_bins pb "
                           "      JOIN bins b ON b.id = pb.bin_id WHERE b.location_id = ?) x "
                           "LEFT JOIN stock_levels sl ON sl.product_id = x.product_id "
                           "AND sl.location_id = ?")
                .arg(primaryBin("code", "x.product_id", "?"),
                     primaryBin("pick_sequence", "x.product_id", "?")),
            {countId, locationId, locationId, locationId, locationId, locationId});
    }
    if (!lines)
        return Error{lines.error()};
    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return countId;
}

Result<models::StockCount> loadCount(const QSqlDatabase &db, qint64 countId)
{
    Result<QSqlQuery> q = runQuery(
        db,
        QStringLiteral("SELECT c.id, c.location_id, l.code, l.name, COALESCE(b.code, ''), "
                       "c.status, c.created_at, c.posted_at, c.user_name FROM stock_counts c "
                       "JOIN locations l ON l.id = c.location_id "
                       "LEFT JOIN bins b ON b.id = c.bin_id WHERE c.id = ?"),
        {countId});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("count %1 does not exist").arg(countId)};
    models::StockCount c;
    const QSqlQuery &h = q.value();
    c.id = h.value(0).toLongLong();
    c.locationId = h.value(1).toLongLong();
    c.locationCode = h.value(2).toString();
    c.locationName = h.value(3).toString();
    c.binCode = h.value(4).toString();
    c.status = h.value(5).toString();
    c.createdUtc = QDateTime::fromString(h.value(6).toString(), Qt::ISODate);
    c.postedUtc = QDateTime::fromString(h.value(7).toString(), Qt::ISODate);
    c.user = h.value(8).toString();

    Result<QSqlQuery> lines = runQuery(
        db,
        QStringLiteral(
            "SELECT cl.id, cl.product_id, p.sku, p.name, "
            "       COALESCE((SELECT barcode FROM product_barcodes WHERE product_id = p.id "
            "                 ORDER BY is_primary DESC, id LIMIT 1), ''), "
            "       COALESCE(cl.bin_code, ''), cl.pick_sequence, cl.expected, cl.counted, "
            "       cl.on_hand_at_count, cl.counted_at "
            "FROM stock_count_lines cl JOIN products p ON p.id = cl.product_id "
            "WHERE cl.count_id = ? ORDER BY cl.pick_sequence, cl.bin_code, p.sku"),
        {countId});
    if (!lines.ok())
        return Error{lines.error()};
    while (lines.value().next()) {
        const QSqlQuery &r = lines.value();
        models::CountLine line;
        line.id = r.value(0).toLongLong();
        line.productId = r.value(1).toLongLong();
        line.sku = r.value(2).toString();
        line.name = r.value(3).toString();
        line.barcode = r.value(4).toString();
        line.binCode = r.value(5).toString();
        line.pickSequence = r.value(6).toInt();
        line.expected = r.value(7).toInt();
        if (!r.value(8).isNull())
            line.counted = r.value(8).toInt();
        if (!r.value(9).isNull())
            line.onHandAtCount = r.value(9).toInt();
        line.countedUtc = QDateTime::fromString(r.value(10).toString(), Qt::ISODate);
        c.lines.append(line);
    }
    return c;
}

Result<QList<models::StockCount>> openCounts(const QSqlDatabase &db)
{
    Result<QSqlQuery> q = runQuery(
        db, QStringLiteral("SELECT id FROM stock_counts WHERE status IN ('open', 'counted') "
                           "ORDER BY id"));
    if (!q.ok())
        return Error{q.error()};
    QList<qint64> ids;
    while (q.value().next())
        ids.append(q.value().value(0).toLongLong());
    QList<models::StockCount> out;
    for (qint64 id : ids) {
        Result<models::StockCount> c = loadCount(db, id);
        if (!c.ok())
            return Error{c.error()};
        out.append(c.value());
    }
    return out;
}

Status enterCount(const QSqlDatabase &db, qint64 countId, qint64 productId, int counted,
                  const QString &user, const QDateTime &atUtc)
{
    if (counted < 0)
        return Error{QStringLiteral("count %1: a count cannot be negative").arg(countId)};
    Transaction txn(db, Transaction::Mode::Write);
    if (Status s = begun(txn); !s)
        return s;
    Result<QSqlQuery> head = runQuery(
        db, QStringLiteral("SELECT location_id, status FROM stock_counts WHERE id = ?"), {countId});
    if (!head.ok())
        return Error{head.error()};
    if (!head.value().next())
        return Error{QStringLiteral("count %1 does not exist").arg(countId)};
    const qint64 locationId = head.value().value(0).toLongLong();
    const QString status = head.value().value(1).toString();
    if (status != QLatin1String("open") && status != QLatin1String("counted"))
        return Error{QStringLiteral("count %1 is %2: counts can no longer be entered")
                         .arg(countId)
                         .arg(status)};
    Result<QVariant> onHand = queryScalar(
        db,
        QStringLiteral("SELECT COALESCE((SELECT on_hand FROM stock_levels WHERE product_id = ? "
                       "AND location_id = ?), 0)"),
        {productId, locationId});
    if (!onHand.ok())
        return Error{onHand.error()};
    const QDateTime at = atUtc.isValid() ? atUtc : QDateTime::currentDateTimeUtc();
    Result<QSqlQuery> update = runQuery(
        db,
        QStringLiteral("UPDATE stock_count_lines SET counted = ?, on_hand_at_count = ?, "
                       "counted_at = ?, counted_by = ? WHERE count_id = ? AND product_id = ?"),
        {counted, onHand.value(), isoUtc(at), user, countId, productId});
    if (!update.ok())
        return Error{update.error()};
    if (update.value().numRowsAffected() == 0) {
        Result<QVariant> exists = queryScalar(
            db, QStringLiteral("SELECT COUNT(*) FROM products WHERE id = ?"), {productId});
        if (!exists.ok() || exists.value().toInt() == 0)
            return Error{
                QStringLiteral("count %1: product %2 does not exist").arg(countId).arg(productId)};
        if (Status s = runStatement(
                db,
                QStringLiteral(
                    "INSERT INTO stock_count_lines (count_id, product_id, expected, counted, "
                    "on_hand_at_count, counted_at, counted_by, bin_code, pick_sequence) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, %1, COALESCE(%2, 0))")
                    .arg(primaryBin("code", "?", "?"), primaryBin("pick_sequence", "?", "?")),
                {countId, productId, onHand.value(), counted, onHand.value(), isoUtc(at), user,
                 productId, locationId, productId, locationId});
            !s)
            return s;
    }
    if (Status s = runStatement(
            db,
            QStringLiteral("UPDATE stock_counts SET status = CASE WHEN EXISTS (SELECT 1 FROM "
                           "stock_count_lines WHERE count_id = ? AND counted IS NULL) THEN "
                           "'open' ELSE 'counted' END WHERE id = ?"),
            {countId, countId});
        !s)
        return s;
    return txn.commit();
}

Result<models::CountPostSummary> postCount(const QSqlDatabase &db, qint64 countId,
                                           const QString &user, const QDateTime &atUtc)
{
    Transaction txn(db, Transaction::Mode::Write);
    if (Status s = begun(txn); !s)
        return Error{s.error()};
    Result<models::StockCount> loaded = loadCount(db, countId);
    if (!loaded.ok())
        return Error{loaded.error()};
    const models::StockCount &count = loaded.value();
    if (count.status != QLatin1String("open") && count.status != QLatin1String("counted"))
        return Error{
            QStringLiteral("count %1 is %2: nothing to post").arg(countId).arg(count.status)};
    const QDateTime at = atUtc.isValid() ? atUtc : QDateTime::currentDateTimeUtc();
    models::CountPostSummary summary;
    QList<qint64> found;
    for (const models::CountLine &line : count.lines) {
        if (!line.counted) {
            ++summary.notCounted;
            continue;
        }
        const int correction = models::countCorrection(line);
        if (correction == 0)
            continue;
        models::StockMovement m;
        m.productId = line.productId;
        m.locationId = count.locationId;
        m.quantity = correction;
        m.reason = models::StockReason::CountCorrection;
        m.referenceType = QStringLiteral("count");
        m.referenceId = QString::number(countId);
        m.note = QStringLiteral("Counted %1 where the system held %2")
                     .arg(*line.counted)
                     .arg(*line.onHandAtCount);
        m.user = user;
        m.atUtc = at;
        if (Result<qint64> id = recordStockMovementInTransaction(db, m); !id.ok())
            return Error{QStringLiteral("count %1 not posted: %2 at %3: %4")
                             .arg(countId)
                             .arg(line.sku, count.locationCode, id.error())};
        ++summary.corrections;
        if (correction > 0) {
            summary.unitsUp += correction;
            found.append(line.productId);
        } else {
            summary.unitsDown -= correction;
        }
    }
    if (Status s = runStatement(
            db,
            QStringLiteral("UPDATE stock_counts SET status = 'posted', posted_at = ? WHERE id = ?"),
            {isoUtc(at), countId});
        !s)
        return Error{s.error()};
    if (!found.isEmpty()) {
        AllocationOptions options;
        options.user = user;
        options.nowUtc = at;
        if (Result<AllocationSummary> filled = fillBackordersInTransaction(db, found, options);
            !filled.ok())
            return Error{filled.error()};
    }
    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return summary;
}

Result<QList<models::StockChoice>> locationBins(const QSqlDatabase &db, qint64 locationId)
{
    Result<QSqlQuery> q = runQuery(
        db,
        QStringLiteral(
            "SELECT id, code FROM bins WHERE location_id = ? ORDER BY pick_sequence, code"),
        {locationId});
    if (!q.ok())
        return Error{q.error()};
    QList<models::StockChoice> out;
    while (q.value().next())
        out.append({q.value().value(0).toLongLong(), q.value().value(1).toString()});
    return out;
}

} // namespace storage
