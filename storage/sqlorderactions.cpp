#include "storage/sqlorderactions.h"

#include "models/manualpriority.h"
#include "models/orderstatemachine.h"
#include "storage/allocationrun.h"
#include "storage/sqlorderreroute.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QSet>

namespace storage {

using models::Error;
using models::OrderActionSummary;
using models::OrderStatus;
using models::Result;
using models::Status;

Result<AllocationSummary> allocateOrders(const QSqlDatabase &db, const QList<qint64> &orderIds,
                                         const AllocationOptions &options)
{
    if (orderIds.isEmpty())
        return AllocationSummary();
    AllocationOptions chosen = options;
    chosen.onlyOrders = QSet<qint64>(orderIds.cbegin(), orderIds.cend());
    return allocateNewOrders(db, chosen);
}

SqlOrderActions::SqlOrderActions(QSqlDatabase db, QString user) : m_db(std::move(db))
{
    m_options.user = std::move(user);
}

Result<QList<qint64>> SqlOrderActions::movable(const QList<qint64> &orderIds, OrderStatus to,
                                               int *skipped)
{
    QList<qint64> out;
    for (qint64 id : orderIds) {
        Result<QVariant> status =
            queryScalar(m_db, QStringLiteral("SELECT status FROM orders WHERE id = ?"), {id});
        if (!status.ok())
            return Error{status.error()};
        const std::optional<OrderStatus> from =
            models::orderStatusFromCode(status.value().toString());
        if (from && models::OrderStateMachine::isAllowed(*from, to))
            out.append(id);
        else
            ++*skipped;
    }
    return out;
}

namespace {

QString orders(int n)
{
    return n == 1 ? QStringLiteral("1 order") : QStringLiteral("%1 orders").arg(n);
}

// "…; 2 skipped (not in a state that allows it); 1 failed: <first error>"
void finish(OrderActionSummary &s, const QString &done)
{
    QStringList parts{done};
    if (s.skipped)
        parts
            << QStringLiteral("%1 skipped (not in a state that allows it)").arg(orders(s.skipped));
    if (!s.errors.isEmpty())
        parts << QStringLiteral("%1 failed: %2")
                     .arg(orders(static_cast<int>(s.errors.size())), s.errors.constFirst());
    s.message = parts.join(QStringLiteral("; "));
}

} // namespace

OrderActionSummary SqlOrderActions::allocate(const QList<qint64> &orderIds)
{
    OrderActionSummary s;
    Result<AllocationSummary> r = allocateOrders(m_db, orderIds, m_options);
    if (!r.ok()) {
        s.errors << r.error();
        finish(s, QStringLiteral("Nothing allocated"));
        return s;
    }
    const AllocationSummary &a = r.value();
    s.done = static_cast<int>(a.ready + a.split + a.backordered + a.held);
    s.skipped = static_cast<int>(a.unchanged);
    QStringList outcome;
    if (a.ready)
        outcome << QStringLiteral("%1 ready").arg(a.ready);
    if (a.split)
        outcome << QStringLiteral("%1 split").arg(a.split);
    if (a.backordered)
        outcome << QStringLiteral("%1 backordered").arg(a.backordered);
    if (a.held)
        outcome << QStringLiteral("%1 held for review").arg(a.held);
    const QString done =
        QStringLiteral("Allocated %1").arg(orders(s.done)) +
        (outcome.isEmpty() ? QString() : QStringLiteral(": ") + outcome.join(QStringLiteral(", ")));
    // Orders left as they were by the engine (still waiting for stock) are not "skipped".
    finish(s, done);
    return s;
}

OrderActionSummary SqlOrderActions::hold(const QList<qint64> &orderIds, const QString &reason)
{
    OrderActionSummary s;
    Result<QList<qint64>> ids = movable(orderIds, OrderStatus::OnHold, &s.skipped);
    if (!ids.ok())
        s.errors << ids.error();
    for (qint64 id : ids.ok() ? ids.value() : QList<qint64>()) {
        if (Status r = holdOrder(m_db, id, reason, m_options); r)
            ++s.done;
        else
            s.errors << r.error();
    }
    finish(s, QStringLiteral("Put %1 on hold").arg(orders(s.done)));
    return s;
}

OrderActionSummary SqlOrderActions::release(const QList<qint64> &orderIds)
{
    OrderActionSummary s;
    // Only held orders are released: "release" of a new order would mean nothing.
    QList<qint64> held;
    for (qint64 id : orderIds) {
        Result<QVariant> status =
            queryScalar(m_db, QStringLiteral("SELECT status FROM orders WHERE id = ?"), {id});
        if (status.ok() && status.value().toString() == QLatin1String("on_hold"))
            held.append(id);
        else
            ++s.skipped;
    }
    AllocationSummary total;
    for (qint64 id : std::as_const(held)) {
        Result<AllocationSummary> r = releaseOrder(m_db, id, {}, m_options);
        if (r.ok()) {
            ++s.done;
            total.add(r.value());
        } else {
            s.errors << r.error();
        }
    }
    QStringList outcome;
    if (total.ready + total.split)
        outcome << QStringLiteral("%1 ready").arg(total.ready + total.split);
    if (total.backordered)
        outcome << QStringLiteral("%1 backordered").arg(total.backordered);
    if (total.held)
        outcome << QStringLiteral("%1 held again").arg(total.held);
    finish(s, QStringLiteral("Released %1").arg(orders(s.done)) +
                  (outcome.isEmpty() ? QString()
                                     : QStringLiteral(": ") + outcome.join(QStringLiteral(", "))));
    return s;
}

OrderActionSummary SqlOrderActions::cancel(const QList<qint64> &orderIds, const QString &reason)
{
    OrderActionSummary s;
    Result<QList<qint64>> ids = movable(orderIds, OrderStatus::Cancelled, &s.skipped);
    if (!ids.ok())
        s.errors << ids.error();
    for (qint64 id : ids.ok() ? ids.value() : QList<qint64>()) {
        if (Status r = cancelOrder(m_db, id, reason, m_options); r)
            ++s.done;
        else
            s.errors << r.error();
    }
    finish(s, QStringLiteral("Cancelled %1").arg(orders(s.done)));
    return s;
}

OrderActionSummary SqlOrderActions::setPriority(const QList<qint64> &orderIds, int priority)
{
    OrderActionSummary s;
    Result<int> r = setOrdersPriority(m_db, orderIds, priority, m_options.user, m_options.nowUtc);
    if (!r.ok()) {
        s.errors << r.error();
        finish(s, QStringLiteral("No priority changed"));
        return s;
    }
    s.done = r.value();
    const int same = static_cast<int>(orderIds.size()) - s.done;
    QString done = QStringLiteral("Set priority %1 on %2")
                       .arg(models::manualPriorityText(priority), orders(s.done));
    if (same > 0)
        done += QStringLiteral(" (%1 already had it)").arg(orders(same));
    finish(s, done);
    return s;
}

OrderActionSummary SqlOrderActions::reroute(const QList<qint64> &orderIds, qint64 locationId,
                                            const QString &reason)
{
    OrderActionSummary s;
    Result<QVariant> name =
        queryScalar(m_db, QStringLiteral("SELECT name FROM locations WHERE id = ?"), {locationId});
    if (!name.ok()) {
        s.errors << QStringLiteral("Location id %1 does not exist.").arg(locationId);
        finish(s, QStringLiteral("Nothing rerouted"));
        return s;
    }
    for (qint64 id : orderIds) {
        Result<QVariant> status =
            queryScalar(m_db, QStringLiteral("SELECT status FROM orders WHERE id = ?"), {id});
        if (!status.ok() || !isReroutable(status.value().toString())) {
            ++s.skipped;
            continue;
        }
        Result<bool> r =
            rerouteOrder(m_db, id, locationId, reason, m_options.user, m_options.nowUtc);
        if (!r.ok())
            s.errors << r.error();
        else if (r.value())
            ++s.done;
        else
            ++s.skipped; // already there
    }
    finish(s, QStringLiteral("Rerouted %1 to %2").arg(orders(s.done), name.value().toString()));
    return s;
}

} // namespace storage
