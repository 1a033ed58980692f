#pragma once

#include "models/address.h"
#include "models/money.h"
#include "models/orderstatus.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace models {

struct OrderLine
{
    qint64 id = 0;
    int lineNumber = 1;
    QString externalLineId;          // the channel's own id for the line, when it has one
    std::optional<qint64> productId; // empty when the SKU is not (yet) known
    QString sku;
    QString title;
    int quantity = 0;
    Money unitPrice;
    Money lineTotal;
    int quantityShipped = 0;
    int quantityReturned = 0;
};

// One entry on an order's timeline.
struct OrderEvent
{
    enum class Kind
    {
        Imported,
        StatusChanged,
        Reserved,
        Routed,
        Note,
        Shipped,
        Returned
    };

    qint64 orderId = 0;
    QDateTime atUtc;
    Kind kind = Kind::Note;
    std::optional<OrderStatus> fromStatus;
    std::optional<OrderStatus> toStatus;
    QString detail;
    QString user;
};

QString orderEventKindCode(OrderEvent::Kind kind);

// An order as the shop sees it, whichever channel it came from. Identified by
// (channel, externalId): the same order imported twice is the same row.
struct Order
{
    qint64 id = 0;
    QString channelCode; // "shopify", "amazon", "ebay"
    QString externalId;  // the channel's id
    QString orderNumber; // what the customer sees (#1001, 112-..., 12-34567-89012)
    OrderStatus status = OrderStatus::New;
    QString holdReason;
    QDateTime placedAtUtc;
    QDateTime shipByUtc;
    QString customerName;
    QString customerEmail;
    Address shipTo;
    QString shippingService;
    bool expedited = false;
    Money subtotal;
    Money shipping;
    Money tax;
    Money discount;
    Money total;
    std::optional<qint64> locationId; // where it ships from, once routed
    QList<OrderLine> lines;
};

} // namespace models
