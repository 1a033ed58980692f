#include "storage/sqlorderreroute.h"

#include "models/manualpriority.h"
#include "models/order.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QHash>
#include <QMap>

#include <numeric>

namespace storage {

using models::Error;
using models::Result;
using models::Status;

namespace {

struct Held
{
    qint64 id = 0;
    qint64 lineId = 0;
    qint64 productId = 0;
    qint64 locationId = 0;
    int quantity = 0;
    QString sku;        // of the line: a kit's own SKU
    QString productSku; // of the reserved product: for a kit line, the component's
    bool isComponent = false;
};

Status addEvent(const QSqlDatabase &db, qint64 orderId, const QString &at, const QString &kind,
                const QString &detail, const QString &user)
{
    return runStatement(db,
                        QStringLiteral("INSERT INTO order_events (order_id, at, kind, from_status, "
                                       "to_status, detail, user_name) VALUES (?, ?, ?, NULL, "
                                       "NULL, ?, ?)"),
                        {orderId, at, kind, detail, user});
}

} // namespace

bool isReroutable(const QString &statusCode)
{
    return statusCode == QLatin1String("new") || statusCode == QLatin1String("ready") ||
           statusCode == QLatin1String("on_hold") || statusCode == QLatin1String("backordered");
}

Result<bool> rerouteOrder(const QSqlDatabase &db, qint64 orderId, qint64 toLocationId,
                          const QString &reason, const QString &user, const QDateTime &nowUtc)
{
    Transaction tx(db);
    if (!tx.isActive())
        return Error{tx.error()};
    const QString now = isoUtc(nowUtc.isValid() ? nowUtc : QDateTime::currentDateTimeUtc());

    Result<QSqlQuery> order = runQuery(
        db,
        QStringLiteral("SELECT o.order_number, o.status, o.location_id, l.name FROM orders o "
                       "LEFT JOIN locations l ON l.id = o.location_id WHERE o.id = ?"),
        {orderId});
    if (!order.ok())
        return Error{order.error()};
    if (!order.value().next())
        return Error{QStringLiteral("Order id %1 does not exist.").arg(orderId)};
    const QString number = order.value().value(0).toString();
    const QString status = order.value().value(1).toString();
    const qint64 fromLocation = order.value().value(2).toLongLong();
    const QString fromName = order.value().value(3).toString();
    order.value().finish();
    if (!isReroutable(status))
        return Error{QStringLiteral("Order #%1 is %2: only orders not yet picked can be rerouted.")
                         .arg(number, status)};

    Result<QSqlQuery> target = runQuery(
        db, QStringLiteral("SELECT name, active FROM locations WHERE id = ?"), {toLocationId});
    if (!target.ok())
        return Error{target.error()};
    if (!target.value().next())
        return Error{QStringLiteral("Location id %1 does not exist.").arg(toLocationId)};
    const QString toName = target.value().value(0).toString();
    if (!target.value().value(1).toBool())
        return Error{QStringLiteral("Location %1 is not active.").arg(toName)};
    target.value().finish();

    Result<QSqlQuery> held = runQuery(
        db,
        QStringLiteral("SELECT r.id, r.order_line_id, r.product_id, r.location_id, r.quantity, "
                       "l.sku, loc.name, COALESCE(p.sku, l.sku), l.product_id IS NOT r.product_id "
                       "FROM order_lines l "
                       "JOIN reservations r ON r.order_line_id = l.id "
                       "JOIN locations loc ON loc.id = r.location_id "
                       "LEFT JOIN products p ON p.id = r.product_id "
                       "WHERE l.order_id = ? AND r.status = 'active' AND r.location_id <> ? "
                       "ORDER BY l.line_no, r.id"),
        {orderId, toLocationId});
    if (!held.ok())
        return Error{held.error()};
    // A kit line holds one reservation per component, all at one location: every one
    // of them moves, so the kit stays whole.
    QList<Held> moving;
    QMap<qint64, int> needed; // product -> units
    QHash<qint64, QString> skuOf;
    QStringList fromNames;
    while (held.value().next()) {
        const Held h{held.value().value(0).toLongLong(), held.value().value(1).toLongLong(),
                     held.value().value(2).toLongLong(), held.value().value(3).toLongLong(),
                     held.value().value(4).toInt(),      held.value().value(5).toString(),
                     held.value().value(7).toString(),   held.value().value(8).toBool()};
        moving.append(h);
        needed[h.productId] += h.quantity;
        skuOf.insert(h.productId, h.productSku);
        if (const QString name = held.value().value(6).toString(); !fromNames.contains(name))
            fromNames.append(name);
    }
    held.value().finish();
    if (moving.isEmpty() && fromLocation == toLocationId)
        return false;

    // Every unit must be free at the new location before anything moves.
    for (auto it = needed.cbegin(); it != needed.cend(); ++it) {
        Result<QSqlQuery> level =
            runQuery(db,
                     QStringLiteral("SELECT on_hand - reserved FROM stock_levels "
                                    "WHERE product_id = ? AND location_id = ?"),
                     {it.key(), toLocationId});
        if (!level.ok())
            return Error{level.error()};
        const int free = level.value().next() ? std::max(0, level.value().value(0).toInt()) : 0;
        if (free >= it.value())
            continue;
        // A kit's component: say which kit needs it, "GIFT-01 needs 2 × COASTER-01".
        QStringList kits;
        for (const Held &h : std::as_const(moving))
            if (h.isComponent && h.productId == it.key())
                kits.append(QStringLiteral("%1 needs %2 × %3")
                                .arg(h.sku)
                                .arg(h.quantity)
                                .arg(h.productSku));
        if (kits.isEmpty())
            return Error{QStringLiteral("Order #%1 not rerouted: %2 has %3 of %4 free, %5 needed.")
                             .arg(number, toName)
                             .arg(free)
                             .arg(skuOf.value(it.key()))
                             .arg(it.value())};
        QString needs = kits.join(QStringLiteral(", "));
        if (const int kitUnits = std::accumulate(moving.cbegin(), moving.cend(), 0,
                                                 [&](int sum, const Held &h) {
                                                     return h.isComponent && h.productId == it.key()
                                                                ? sum + h.quantity
                                                                : sum;
                                                 });
            kitUnits < it.value())
            needs += QStringLiteral(" (%1 in all with the order's other lines)").arg(it.value());
        return Error{QStringLiteral("Order #%1 not rerouted: %2; %3 has %4 available.")
                         .arg(number, needs, toName)
                         .arg(free)};
    }

    for (const Held &h : std::as_const(moving)) {
        if (Status s = runStatement(
                db,
                QStringLiteral(
                    "UPDATE reservations SET status = 'released', closed_at = ? WHERE id = ?"),
                {now, h.id});
            !s)
            return Error{s.error()};
        Result<QSqlQuery> un =
            runQuery(db,
                     QStringLiteral("UPDATE stock_levels SET reserved = reserved - ? "
                                    "WHERE product_id = ? AND location_id = ? AND reserved >= ?"),
                     {h.quantity, h.productId, h.locationId, h.quantity});
        if (!un.ok())
            return Error{un.error()};
        if (un.value().numRowsAffected() != 1)
            return Error{QStringLiteral("Order #%1: the stock level of %2 reserves less than its "
                                        "reservation of %3; run backroom check.")
                             .arg(number, h.productSku)
                             .arg(h.quantity)};
        Result<QSqlQuery> re = runQuery(
            db,
            QStringLiteral("UPDATE stock_levels SET reserved = reserved + ? WHERE product_id = ? "
                           "AND location_id = ? AND on_hand - reserved >= ?"),
            {h.quantity, h.productId, toLocationId, h.quantity});
        if (!re.ok())
            return Error{re.error()};
        if (re.value().numRowsAffected() != 1)
            return Error{QStringLiteral("Order #%1 not rerouted: %2 no longer has %3 of %4 free.")
                             .arg(number, toName)
                             .arg(h.quantity)
                             .arg(h.isComponent
                                      ? QStringLiteral("%1 (for %2)").arg(h.productSku, h.sku)
                                      : h.sku)};
        if (Status s = runStatement(
                db,
                QStringLiteral("INSERT INTO reservations (order_line_id, product_id, location_id, "
                               "quantity, status, created_at) VALUES (?, ?, ?, ?, 'active', ?)"),
                {h.lineId, h.productId, toLocationId, h.quantity, now});
            !s)
            return Error{s.error()};
    }
    if (Status s = runStatement(
            db, QStringLiteral("UPDATE orders SET location_id = ?, updated_at = ? WHERE id = ?"),
            {toLocationId, now, orderId});
        !s)
        return Error{s.error()};

    if (fromNames.isEmpty())
        fromNames.append(fromName.isEmpty() ? QStringLiteral("no location") : fromName);
    QString detail = QStringLiteral("Rerouted from %1 to %2 by %3")
                         .arg(fromNames.join(QStringLiteral(" and ")), toName, user);
    if (!reason.trimmed().isEmpty())
        detail += QStringLiteral(": ") + reason.trimmed();
    if (Status s =
            addEvent(db, orderId, now, models::orderEventKindCode(models::OrderEvent::Kind::Routed),
                     detail, user);
        !s)
        return Error{s.error()};
    if (Status s = tx.commit(); !s)
        return Error{s.error()};
    return true;
}

Result<int> setOrdersPriority(const QSqlDatabase &db, const QList<qint64> &orderIds, int priority,
                              const QString &user, const QDateTime &nowUtc)
{
    if (priority < models::kMinManualPriority || priority > models::kMaxManualPriority)
        return Error{QStringLiteral("Priority %1 is out of range (%2 to %3).")
                         .arg(priority)
                         .arg(models::kMinManualPriority)
                         .arg(models::kMaxManualPriority)};
    Transaction tx(db);
    if (!tx.isActive())
        return Error{tx.error()};
    const QString now = isoUtc(nowUtc.isValid() ? nowUtc : QDateTime::currentDateTimeUtc());
    int changed = 0;
    for (qint64 id : orderIds) {
        Result<QVariant> was =
            queryScalar(db, QStringLiteral("SELECT priority FROM orders WHERE id = ?"), {id});
        if (!was.ok())
            return Error{QStringLiteral("Order id %1 does not exist.").arg(id)};
        const int before = was.value().toInt();
        if (before == priority)
            continue;
        if (Status s = runStatement(
                db, QStringLiteral("UPDATE orders SET priority = ?, updated_at = ? WHERE id = ?"),
                {priority, now, id});
            !s)
            return Error{s.error()};
        if (Status s =
                addEvent(db, id, now, models::orderEventKindCode(models::OrderEvent::Kind::Note),
                         QStringLiteral("Priority set from %1 to %2 by %3")
                             .arg(models::manualPriorityText(before),
                                  models::manualPriorityText(priority), user),
                         user);
            !s)
            return Error{s.error()};
        ++changed;
    }
    if (Status s = tx.commit(); !s)
        return Error{s.error()};
    return changed;
}

} // namespace storage
