#pragma once

#include "models/address.h"
#include "models/money.h"
#include "models/orderstatus.h"
#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace models {

// Stock of one product at one location, as the detail panel shows it beside a line.
struct OrderDetailStock
{
    QString locationCode;
    int onHand = 0;
    int reserved = 0;
};

struct OrderDetailLine
{
    QString sku;
    QString title;
    int quantity = 0;
    Money unitPrice;
    Money lineTotal;
    QList<OrderDetailStock> stock; // every location that holds or held the product
};

// One entry of the order's timeline.
struct OrderDetailEvent
{
    QDateTime atUtc;
    QString kind;
    QString detail;
    QString user;
};

// Everything the Orders screen shows about the current order beside the list.
struct OrderDetail
{
    qint64 id = 0;
    QString orderNumber;
    QString channelName;
    OrderStatus status = OrderStatus::New;
    QString holdReason;
    QDateTime placedAtUtc;
    QDateTime shipByUtc;
    QString buyerName;
    QString buyerEmail;
    Address shipTo;
    QString shippingService;
    QString locationCode;
    QString paymentStatus;
    Money subtotal;
    Money shipping;
    Money tax;
    Money discount;
    Money total;
    Money refunded;
    QString notes;
    QList<OrderDetailLine> lines;
    QList<OrderDetailEvent> events; // oldest first
    // Other open orders that could go in the same parcel (models/combinedshipment),
    // e.g. "Ships with #1004 (eBay) to the same address".
    QStringList shipsWith;
};

// Where the detail panel reads an order; storage/ implements it with a handful of
// indexed queries per order.
class OrderDetailSource
{
public:
    virtual ~OrderDetailSource() = default;
    virtual Result<OrderDetail> orderDetail(qint64 orderId) = 0;
};

} // namespace models
