#include "storage/sqlstockadjustments.h"

#include "models/stockoperationrules.h"
#include "storage/sqlallocator.h"
#include "storage/sqlrun.h"
#include "storage/sqlstockledger.h"
#include "storage/transaction.h"

#include <QHash>

namespace storage {

using models::Error;
using models::Result;
using models::Status;

namespace {

Result<QString> skuOf(const QSqlDatabase &db, qint64 productId)
{
    Result<QSqlQuery> q =
        runQuery(db, QStringLiteral("SELECT sku FROM products WHERE id = ?"), {productId});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("product %1 does not exist").arg(productId)};
    return q.value().value(0).toString();
}

} // namespace

QString referenceLabel(const QString &type, const QString &id)
{
    // A number that already says what it is ("PO-00004", "RMA-000002") stands alone.
    const auto prefixed = [&id](const char *word, const char *prefix) {
        return id.startsWith(QLatin1String(prefix))
                   ? id
                   : QStringLiteral("%1 %2").arg(QLatin1String(word), id);
    };
    if (type == QLatin1String("order"))
        return QStringLiteral("Order %1").arg(id);
    if (type == QLatin1String("purchase_order"))
        return prefixed("PO", "PO");
    if (type == QLatin1String("return"))
        return prefixed("RMA", "RMA");
    if (type == QLatin1String("transfer"))
        return QStringLiteral("Transfer %1").arg(id);
    if (type == QLatin1String("count"))
        return id == QLatin1String("OPENING") ? QStringLiteral("Opening count")
                                              : QStringLiteral("Count %1").arg(id);
    if (type == QLatin1String("adjustment"))
        return id.isEmpty() ? QStringLiteral("Adjustment") : prefixed("Adjustment", "ADJ-");
    if (type.isEmpty())
        return id;
    return id.isEmpty() ? type : QStringLiteral("%1 %2").arg(type, id);
}

Result<qint64> adjustStock(const QSqlDatabase &db, const models::StockAdjustment &a,
                           const QString &user, const QDateTime &atUtc)
{
    Result<QString> sku = skuOf(db, a.productId);
    if (!sku.ok())
        return Error{QStringLiteral("adjustment refused: %1").arg(sku.error())};
    Transaction txn(db, Transaction::Mode::Write);
    if (!txn.isActive())
        return Error{
            QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};

    Result<QSqlQuery> where =
        runQuery(db, QStringLiteral("SELECT code, allows_backorders FROM locations WHERE id = ?"),
                 {a.locationId});
    if (!where.ok())
        return Error{where.error()};
    if (!where.value().next())
        return Error{
            QStringLiteral("adjustment refused: location %1 does not exist").arg(a.locationId)};
    const QString locationCode = where.value().value(0).toString();
    const bool backorders = where.value().value(1).toInt() != 0;

    models::StockLevel level;
    level.productId = a.productId;
    level.locationId = a.locationId;
    Result<QSqlQuery> current = runQuery(
        db,
        QStringLiteral(
            "SELECT on_hand, reserved FROM stock_levels WHERE product_id = ? AND location_id = ?"),
        {a.productId, a.locationId});
    if (!current.ok())
        return Error{current.error()};
    if (current.value().next()) {
        level.onHand = current.value().value(0).toInt();
        level.reserved = current.value().value(1).toInt();
    }
    if (Status s = models::checkAdjustment(a, level, backorders); !s)
        return Error{QStringLiteral("%1 at %2: adjustment refused: %3")
                         .arg(sku.value(), locationCode, s.error())};

    models::StockMovement m;
    m.productId = a.productId;
    m.locationId = a.locationId;
    m.quantity = a.quantity;
    m.reason = *a.reason;
    m.referenceType = QStringLiteral("adjustment");
    // Numbered ADJ-00001 on, after the highest adjustment number in the ledger (under
    // the write lock, so two windows never take the same number).
    Result<QVariant> last = queryScalar(
        db, QStringLiteral("SELECT COALESCE(MAX(CAST(SUBSTR(reference_id, 5) AS INTEGER)), 0) "
                           "FROM stock_movements WHERE reference_type = 'adjustment' "
                           "AND reference_id LIKE 'ADJ-%'"));
    if (!last.ok())
        return Error{last.error()};
    m.referenceId =
        QStringLiteral("ADJ-%1").arg(last.value().toLongLong() + 1, 5, 10, QLatin1Char('0'));
    m.note = a.note.trimmed();
    m.user = user;
    m.atUtc = atUtc.isValid() ? atUtc : QDateTime::currentDateTimeUtc();
    Result<qint64> id = recordStockMovementInTransaction(db, m);
    if (!id.ok())
        return Error{QStringLiteral("%1 at %2: %3").arg(sku.value(), locationCode, id.error())};

    if (a.quantity > 0) {
        AllocationOptions options;
        options.user = user;
        options.nowUtc = m.atUtc;
        if (Result<AllocationSummary> filled =
                fillBackordersInTransaction(db, {a.productId}, options);
            !filled.ok())
            return Error{filled.error()};
    }
    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return id;
}

Result<models::ProductLedger> productLedger(const QSqlDatabase &db, qint64 productId,
                                            qint64 locationId)
{
    models::ProductLedger ledger;
    ledger.productId = productId;
    Result<QSqlQuery> p =
        runQuery(db, QStringLiteral("SELECT sku, name FROM products WHERE id = ?"), {productId});
    if (!p.ok())
        return Error{p.error()};
    if (!p.value().next())
        return Error{QStringLiteral("ledger: product %1 does not exist").arg(productId)};
    ledger.sku = p.value().value(0).toString();
    ledger.name = p.value().value(1).toString();

    QString sql = QStringLiteral(
        "SELECT m.id, m.created_at, l.code, m.location_id, m.quantity, m.reason_code, "
        "       COALESCE(m.reference_type, ''), COALESCE(m.reference_id, ''), "
        "       COALESCE(m.note, ''), m.user_name "
        "FROM stock_movements m JOIN locations l ON l.id = m.location_id "
        "WHERE m.product_id = ? ");
    QVariantList binds{productId};
    if (locationId != 0) {
        sql += QStringLiteral("AND m.location_id = ? ");
        binds << locationId;
    }
    sql += QStringLiteral("ORDER BY m.created_at, m.id");
    Result<QSqlQuery> q = runQuery(db, sql, binds);
    if (!q.ok())
        return Error{q.error()};
    QHash<qint64, int> perLocation;
    int total = 0;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        models::LedgerEntry e;
        e.id = r.value(0).toLongLong();
        e.atUtc = QDateTime::fromString(r.value(1).toString(), Qt::ISODate);
        e.locationCode = r.value(2).toString();
        const qint64 location = r.value(3).toLongLong();
        e.locationId = location;
        e.quantity = r.value(4).toInt();
        e.reason = models::stockReasonFromCode(r.value(5).toString())
                       .value_or(models::StockReason::Received);
        e.referenceType = r.value(6).toString();
        e.referenceId = r.value(7).toString();
        e.referenceLabel = referenceLabel(e.referenceType, e.referenceId);
        e.note = r.value(8).toString();
        e.user = r.value(9).toString();
        e.balance = (perLocation[location] += e.quantity);
        e.totalBalance = (total += e.quantity);
        ledger.entries.append(e);
    }
    return ledger;
}

Result<qint64> findProductByCode(const QSqlDatabase &db, const QString &code)
{
    const QString text = code.trimmed();
    if (text.isEmpty())
        return qint64(0);
    Result<QSqlQuery> q =
        runQuery(db,
                 QStringLiteral("SELECT product_id FROM product_barcodes WHERE barcode = ? "
                                "UNION ALL SELECT id FROM products WHERE sku = ? LIMIT 1"),
                 {text, text});
    if (!q.ok())
        return Error{q.error()};
    return q.value().next() ? q.value().value(0).toLongLong() : qint64(0);
}

} // namespace storage
