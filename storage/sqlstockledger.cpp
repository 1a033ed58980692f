#include "storage/sqlstockledger.h"

#include "models/stockrule.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

namespace storage {

using models::Error;
using models::Result;
using models::Status;

Result<qint64> recordStockMovement(const QSqlDatabase &db, const models::StockMovement &m)
{
    Transaction txn(db, Transaction::Mode::Write);
    if (!txn.isActive())
        return Error{
            QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};
    Result<qint64> id = recordStockMovementInTransaction(db, m);
    if (!id.ok())
        return id;
    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return id;
}

Result<qint64> recordStockMovementInTransaction(const QSqlDatabase &db,
                                                const models::StockMovement &m)
{
    Result<QSqlQuery> where = runQuery(
        db, QStringLiteral("SELECT allows_backorders FROM locations WHERE id = ?"), {m.locationId});
    if (!where.ok())
        return Error{where.error()};
    if (!where.value().next())
        return Error{
            QStringLiteral("stock movement: location %1 does not exist").arg(m.locationId)};
    const bool backorders = where.value().value(0).toInt() != 0;

    models::StockLevel level;
    level.productId = m.productId;
    level.locationId = m.locationId;
    Result<QSqlQuery> current = runQuery(
        db,
        QStringLiteral(
            "SELECT on_hand, reserved FROM stock_levels WHERE product_id = ? AND location_id = ?"),
        {m.productId, m.locationId});
    if (!current.ok())
        return Error{current.error()};
    if (current.value().next()) {
        level.onHand = current.value().value(0).toInt();
        level.reserved = current.value().value(1).toInt();
    }
    if (Status s = models::StockRule::applyMovement(level, m.quantity, backorders); !s)
        return Error{QStringLiteral("stock movement refused: %1").arg(s.error())};

    const QDateTime at = m.atUtc.isValid() ? m.atUtc : QDateTime::currentDateTimeUtc();
    Result<QSqlQuery> insert = runQuery(
        db,
        QStringLiteral("INSERT INTO stock_movements (product_id, location_id, bin_id, quantity, "
                       "reason_code, reference_type, reference_id, note, user_name, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {m.productId, m.locationId, optionalId(m.binId), m.quantity,
         models::stockReasonCode(m.reason),
         m.referenceType.isEmpty() ? nullText() : m.referenceType,
         m.referenceId.isEmpty() ? nullText() : m.referenceId,
         m.note.isEmpty() ? nullText() : m.note, m.user, isoUtc(at)});
    if (!insert.ok())
        return Error{insert.error()};
    const qint64 id = insert.value().lastInsertId().toLongLong();

    if (Status s = runStatement(
            db,
            QStringLiteral("INSERT INTO stock_levels (product_id, location_id, on_hand, reserved) "
                           "VALUES (?, ?, ?, 0) ON CONFLICT (product_id, location_id) "
                           "DO UPDATE SET on_hand = on_hand + ?"),
            {m.productId, m.locationId, m.quantity, m.quantity});
        !s)
        return Error{s.error()};
    return id;
}

} // namespace storage
