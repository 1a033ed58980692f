#include "storage/sqltransfers.h"

#include "models/stockoperationrules.h"
#include "storage/sqlallocator.h"
#include "storage/sqlputaway.h"
#include "storage/sqlrun.h"
#include "storage/sqlstockledger.h"
#include "storage/transaction.h"

namespace storage {

using models::Error;
using models::Result;
using models::Status;

namespace {

Result<QString> locationCode(const QSqlDatabase &db, qint64 id)
{
    Result<QSqlQuery> q =
        runQuery(db, QStringLiteral("SELECT code FROM locations WHERE id = ?"), {id});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("location %1 does not exist").arg(id)};
    return q.value().value(0).toString();
}

} // namespace

Result<qint64> shipTransfer(const QSqlDatabase &db, qint64 from, qint64 to,
                            const QList<models::TransferLineInput> &lines, const QString &user,
                            const QDateTime &atUtc)
{
    if (Status s = models::checkTransferLines(from, to, lines); !s)
        return Error{QStringLiteral("transfer refused: %1").arg(s.error())};
    Transaction txn(db, Transaction::Mode::Write);
    if (!txn.isActive())
        return Error{
            QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};
    Result<QString> fromCode = locationCode(db, from);
    Result<QString> toCode = locationCode(db, to);
    if (!fromCode.ok() || !toCode.ok())
        return Error{QStringLiteral("transfer refused: %1")
                         .arg(fromCode.ok() ? toCode.error() : fromCode.error())};

    const QDateTime at = atUtc.isValid() ? atUtc : QDateTime::currentDateTimeUtc();
    Result<QSqlQuery> head = runQuery(
        db,
        QStringLiteral("INSERT INTO transfers (from_location_id, to_location_id, status, "
                       "created_at, shipped_at, user_name) VALUES (?, ?, 'in_transit', ?, ?, ?)"),
        {from, to, isoUtc(at), isoUtc(at), user});
    if (!head.ok())
        return Error{head.error()};
    const qint64 transferId = head.value().lastInsertId().toLongLong();

    for (const models::TransferLineInput &line : lines) {
        Result<QSqlQuery> sku =
            runQuery(db, QStringLiteral("SELECT sku FROM products WHERE id = ?"), {line.productId});
        if (!sku.ok())
            return Error{sku.error()};
        if (!sku.value().next())
            return Error{
                QStringLiteral("transfer refused: product %1 does not exist").arg(line.productId)};
        const QString skuText = sku.value().value(0).toString();
        if (Status s = runStatement(db,
                                    QStringLiteral("INSERT INTO transfer_lines (transfer_id, "
                                                   "product_id, quantity) VALUES (?, ?, ?)"),
                                    {transferId, line.productId, line.quantity});
            !s)
            return Error{s.error()};
        models::StockMovement m;
        m.productId = line.productId;
        m.locationId = from;
        m.quantity = -line.quantity;
        m.reason = models::StockReason::TransferOut;
        m.referenceType = QStringLiteral("transfer");
        m.referenceId = QString::number(transferId);
        m.note = QStringLiteral("To %1").arg(toCode.value());
        m.user = user;
        m.atUtc = at;
        if (Result<qint64> id = recordStockMovementInTransaction(db, m); !id.ok())
            return Error{QStringLiteral("transfer refused: %1 at %2: %3")
                             .arg(skuText, fromCode.value(), id.error())};
    }
    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return transferId;
}

Result<models::Transfer> loadTransfer(const QSqlDatabase &db, qint64 transferId)
{
    Result<QSqlQuery> q = runQuery(
        db,
        QStringLiteral("SELECT t.id, t.from_location_id, t.to_location_id, f.code, d.code, "
                       "t.status, t.shipped_at, t.received_at, t.user_name FROM transfers t "
                       "JOIN locations f ON f.id = t.from_location_id "
                       "JOIN locations d ON d.id = t.to_location_id WHERE t.id = ?"),
        {transferId});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("transfer %1 does not exist").arg(transferId)};
    models::Transfer t;
    t.id = q.value().value(0).toLongLong();
    t.fromLocationId = q.value().value(1).toLongLong();
    t.toLocationId = q.value().value(2).toLongLong();
    t.fromCode = q.value().value(3).toString();
    t.toCode = q.value().value(4).toString();
    t.status = q.value().value(5).toString();
    t.shippedUtc = QDateTime::fromString(q.value().value(6).toString(), Qt::ISODate);
    t.receivedUtc = QDateTime::fromString(q.value().value(7).toString(), Qt::ISODate);
    t.user = q.value().value(8).toString();
    Result<QSqlQuery> lines =
        runQuery(db,
                 QStringLiteral("SELECT tl.id, tl.product_id, p.sku, p.name, tl.quantity, "
                                "tl.quantity_received FROM transfer_lines tl "
                                "JOIN products p ON p.id = tl.product_id WHERE tl.transfer_id = ? "
                                "ORDER BY tl.id"),
                 {transferId});
    if (!lines.ok())
        return Error{lines.error()};
    while (lines.value().next()) {
        const QSqlQuery &r = lines.value();
        t.lines.append({r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toString(),
                        r.value(3).toString(), r.value(4).toInt(), r.value(5).toInt()});
    }
    // The products' bins at the destination, the primary first: where a receipt goes
    // when no other bin is given.
    Result<QSqlQuery> bins = runQuery(
        db,
        QStringLiteral("SELECT pb.product_id, b.code FROM transfer_lines tl "
                       "JOIN product_bins pb ON pb.product_id = tl.product_id "
                       "JOIN bins b ON b.id = pb.bin_id AND b.location_id = ? "
                       "WHERE tl.transfer_id = ? ORDER BY pb.is_primary DESC, b.pick_sequence, "
                       "b.code"),
        {t.toLocationId, transferId});
    if (!bins.ok())
        return Error{bins.error()};
    while (bins.value().next()) {
        const qint64 productId = bins.value().value(0).toLongLong();
        for (models::TransferLine &l : t.lines)
            if (l.productId == productId && l.binCode.isEmpty())
                l.binCode = bins.value().value(1).toString();
    }
    return t;
}

Result<QList<models::Transfer>> openTransfers(const QSqlDatabase &db)
{
    Result<QSqlQuery> q = runQuery(
        db, QStringLiteral("SELECT id FROM transfers WHERE status = 'in_transit' ORDER BY id"));
    if (!q.ok())
        return Error{q.error()};
    QList<qint64> ids;
    while (q.value().next())
        ids.append(q.value().value(0).toLongLong());
    QList<models::Transfer> out;
    for (qint64 id : ids) {
        Result<models::Transfer> t = loadTransfer(db, id);
        if (!t.ok())
            return Error{t.error()};
        out.append(t.value());
    }
    return out;
}

Status receiveTransfer(const QSqlDatabase &db, qint64 transferId,
                       const QMap<qint64, int> &quantities, const QString &user,
                       const QDateTime &atUtc, const QMap<qint64, QString> &binCodes)
{
    Transaction txn(db, Transaction::Mode::Write);
    if (!txn.isActive())
        return Error{
            QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};
    Result<models::Transfer> loaded = loadTransfer(db, transferId);
    if (!loaded.ok())
        return Error{loaded.error()};
    models::Transfer t = loaded.value();
    if (t.status != QLatin1String("in_transit"))
        return Error{QStringLiteral("transfer %1 is %2, not in transit: nothing to receive")
                         .arg(transferId)
                         .arg(t.status)};
    const QDateTime at = atUtc.isValid() ? atUtc : QDateTime::currentDateTimeUtc();
    QList<qint64> arrived;
    int units = 0;
    for (auto it = quantities.cbegin(); it != quantities.cend(); ++it) {
        if (it.value() == 0)
            continue;
        auto line = std::find_if(t.lines.begin(), t.lines.end(),
                                 [&](const models::TransferLine &l) { return l.id == it.key(); });
        if (line == t.lines.end())
            return Error{
                QStringLiteral("transfer %1 has no line %2").arg(transferId).arg(it.key())};
        if (Status s = models::checkTransferReceipt(*line, it.value()); !s)
            return Error{QStringLiteral("transfer %1: %2").arg(transferId).arg(s.error())};
        models::StockMovement m;
        m.productId = line->productId;
        m.locationId = t.toLocationId;
        m.quantity = it.value();
        m.reason = models::StockReason::TransferIn;
        m.referenceType = QStringLiteral("transfer");
        m.referenceId = QString::number(transferId);
        m.note = QStringLiteral("From %1").arg(t.fromCode);
        m.user = user;
        m.atUtc = at;
        Result<models::PutAway> putAway =
            resolvePutAway(db, line->productId, t.toLocationId, t.toCode, binCodes.value(line->id));
        if (!putAway.ok())
            return Error{QStringLiteral("transfer %1: %2: %3; nothing was received")
                             .arg(transferId)
                             .arg(line->sku, putAway.error())};
        if (putAway.value().bin)
            m.binId = putAway.value().bin->id;
        if (Status s = rememberPutAway(db, line->productId, putAway.value()); !s)
            return s;
        if (Result<qint64> id = recordStockMovementInTransaction(db, m); !id.ok())
            return Error{QStringLiteral("transfer %1: %2 at %3: %4")
                             .arg(transferId)
                             .arg(line->sku, t.toCode, id.error())};
        if (Status s = runStatement(db,
                                    QStringLiteral("UPDATE transfer_lines SET quantity_received = "
                                                   "quantity_received + ? WHERE id = ?"),
                                    {it.value(), line->id});
            !s)
            return s;
        line->received += it.value();
        units += it.value();
        arrived.append(line->productId);
    }
    if (units == 0)
        return Error{QStringLiteral("transfer %1: nothing entered to receive").arg(transferId)};
    const QString status = models::transferStatusAfter(t.lines);
    if (Status s = runStatement(
            db,
            QStringLiteral("UPDATE transfers SET status = ?, received_at = CASE WHEN ? = "
                           "'received' THEN ? ELSE received_at END WHERE id = ?"),
            {status, status, isoUtc(at), transferId});
        !s)
        return s;
    AllocationOptions options;
    options.user = user;
    options.nowUtc = at;
    if (Result<AllocationSummary> filled = fillBackordersInTransaction(db, arrived, options);
        !filled.ok())
        return Error{filled.error()};
    return txn.commit();
}

} // namespace storage
