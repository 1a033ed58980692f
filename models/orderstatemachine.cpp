#include "models/orderstatemachine.h"

#include <QCoreApplication>

namespace models {

namespace {

using S = OrderStatus;

struct Move
{
    S from;
    S to;
};

// The whole life cycle. new -> on hold -> ready -> picking -> packed -> shipped ->
// delivered, with backorders, partial shipments and cancellation beside it.
constexpr Move kMoves[] = {
    {S::New, S::OnHold},
    {S::New, S::Ready},
    {S::New, S::Backordered},
    {S::New, S::Cancelled},

    {S::OnHold, S::New}, // released, allocation runs again
    {S::OnHold, S::Ready},
    {S::OnHold, S::Backordered},
    {S::OnHold, S::Cancelled},

    {S::Backordered, S::Ready},
    {S::Backordered, S::OnHold},
    {S::Backordered, S::Cancelled},

    {S::Ready, S::Picking},
    {S::Ready, S::OnHold},
    {S::Ready, S::New}, // deallocated, e.g. rerouted
    {S::Ready, S::Backordered},
    {S::Ready, S::Cancelled},

    {S::Picking, S::Packed},
    {S::Picking, S::Ready}, // pick abandoned, stock stays reserved
    {S::Picking, S::OnHold},
    {S::Picking, S::Backordered}, // a short pick: it waits for stock again
    {S::Picking, S::Cancelled},

    {S::Packed, S::Shipped},
    {S::Packed, S::PartiallyShipped},
    {S::Packed, S::Picking}, // repack after a failed check
    {S::Packed, S::OnHold},
    {S::Packed, S::Cancelled},

    {S::PartiallyShipped, S::Picking}, // the rest arrived
    {S::PartiallyShipped, S::Shipped},
    {S::PartiallyShipped, S::Backordered},
    {S::PartiallyShipped, S::OnHold},
    {S::PartiallyShipped, S::Cancelled}, // remainder cancelled

    {S::Shipped, S::Delivered},
};

} // namespace

bool OrderStateMachine::isAllowed(OrderStatus from, OrderStatus to)
{
    for (const auto &m : kMoves)
        if (m.from == from && m.to == to)
            return true;
    return false;
}

QList<OrderStatus> OrderStateMachine::allowedFrom(OrderStatus from)
{
    QList<OrderStatus> out;
    for (const auto &m : kMoves)
        if (m.from == from)
            out.append(m.to);
    return out;
}

Result<OrderEvent> OrderStateMachine::transition(Order &order, OrderStatus to,
                                                 const QString &reason, const QString &user,
                                                 const QDateTime &atUtc)
{
    const OrderStatus from = order.status;
    if (!isAllowed(from, to)) {
        return Error{
            QCoreApplication::translate("OrderStateMachine", "order %1 cannot go from %2 to %3")
                .arg(order.orderNumber, orderStatusLabel(from), orderStatusLabel(to))};
    }
    if (to == OrderStatus::OnHold && reason.trimmed().isEmpty()) {
        return Error{
            QCoreApplication::translate("OrderStateMachine", "order %1: a hold needs a reason")
                .arg(order.orderNumber)};
    }

    order.status = to;
    order.holdReason = to == OrderStatus::OnHold ? reason.trimmed() : QString();

    OrderEvent event;
    event.orderId = order.id;
    event.atUtc = atUtc.toUTC();
    event.kind = OrderEvent::Kind::StatusChanged;
    event.fromStatus = from;
    event.toStatus = to;
    event.detail = reason.trimmed();
    event.user = user;
    return event;
}

} // namespace models
