#pragma once

#include "models/orderpriority.h"
#include "models/picklist.h"

#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

namespace models {

// Which of a location's ready orders go on the next pick list.
enum class WaveKind
{
    NextOrders, // the next orders by priority
    Channel,    // the orders of one channel
    Priority,   // orders marked urgent by hand or paid for expedited shipping
    Carrier,    // the orders for one carrier service, to make its collection cut-off
    Selection,  // orders chosen on the Orders screen
};

struct WaveSpec
{
    WaveKind kind = WaveKind::NextOrders;
    QString channelCode;     // WaveKind::Channel
    QString shippingService; // WaveKind::Carrier; empty: orders with no service
    QSet<qint64> selection;  // WaveKind::Selection
    int limit = 0;           // at most this many orders; 0: no limit
};

// Orders marked urgent (a manual priority above 0) or expedited.
bool isPriorityOrder(const WaveCandidate &order);

// The wave's orders, highest priority first, at most spec.limit of them.
QList<WaveCandidate> selectWave(QList<WaveCandidate> ready, const WaveSpec &spec,
                                const OrderPriority &priority);

// The distinct channels or carrier services among the orders with how many orders
// each has, most orders first, then by name.
QList<QPair<QString, int>> channelCounts(const QList<WaveCandidate> &orders);
QList<QPair<QString, int>> serviceCounts(const QList<WaveCandidate> &orders);

// An order's units of the product a short pick is about.
struct ShortfallShare
{
    qint64 orderId = 0;
    int quantity = 0;
};

// Who goes without when `missing` units of a line are not there. `orders` is in
// priority order (highest first); the last takes the shortfall first, then the one
// before it, until `missing` is covered. Returns the orders that lose units, latest
// priority first, each with how many of its units are missing. `missing` above the
// total takes every order.
QList<ShortfallShare> assignShortfall(const QList<ShortfallShare> &orders, int missing);

} // namespace models
