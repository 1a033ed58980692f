#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace models {

// Where an order is in its life. The stored code (orderStatusCode) is what the
// database and the command line use; the label is what people read.
enum class OrderStatus
{
    New,
    OnHold,
    Ready, // stock reserved and a location assigned
    Picking,
    Packed,
    PartiallyShipped,
    Shipped,
    Delivered,
    Backordered,
    Cancelled,
};

QList<OrderStatus> allOrderStatuses();
QString orderStatusCode(OrderStatus status);
QString orderStatusLabel(OrderStatus status);
std::optional<OrderStatus> orderStatusFromCode(QStringView code);

// True while the order still needs work from the shop (not shipped, delivered or cancelled).
bool isOpen(OrderStatus status);
// True while the order holds reservations on stock.
bool holdsReservation(OrderStatus status);

} // namespace models
