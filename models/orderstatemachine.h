#pragma once

#include "models/order.h"
#include "models/result.h"

#include <QDateTime>

namespace models {

// The order life cycle as a table of allowed moves. Anything not in the table is
// refused with a message; every accepted move yields the event that records it.
class OrderStateMachine
{
public:
    static bool isAllowed(OrderStatus from, OrderStatus to);
    static QList<OrderStatus> allowedFrom(OrderStatus from);

    // Moves the order to `to`, or refuses. Putting an order on hold needs a reason.
    // On success the order's status (and hold reason) change and the event is returned
    // for the timeline.
    static Result<OrderEvent> transition(Order &order, OrderStatus to, const QString &reason,
                                         const QString &user, const QDateTime &atUtc);
};

} // namespace models
