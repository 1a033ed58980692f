#pragma once

#include "models/money.h"
#include "models/orderstatus.h"
#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace models {

// One line of the order queue: what the Orders screen lists for an order.
struct OrderQueueRow
{
    qint64 id = 0;
    QString channelName;
    QString orderNumber;
    QDateTime placedAtUtc;
    QDateTime shipByUtc;
    QString customerName;
    QString country;
    int itemCount = 0;
    Money total;
    OrderStatus status = OrderStatus::New;
    QString holdReason;
    QString locationCode;
    bool expedited = false;
};

// How the queue is sorted. Each key is backed by an index in storage.
enum class OrderSortKey
{
    PlacedAt,
    ShipBy
};

struct OrderQueueQuery
{
    OrderSortKey sortKey = OrderSortKey::PlacedAt;
    bool ascending = false; // newest first
};

// Where the order queue model gets its rows; storage/ implements it over SQL.
// Implementations answer a page at any offset without reading the rows before it.
class OrderSource
{
public:
    virtual ~OrderSource() = default;
    virtual void setQuery(const OrderQueueQuery &query) = 0;
    virtual Result<qint64> count() = 0;
    virtual Result<QList<OrderQueueRow>> fetch(qint64 offset, int limit) = 0;
};

} // namespace models
