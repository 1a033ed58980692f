#pragma once

#include "models/money.h"
#include "models/orderstatus.h"
#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace models {

class OrderViewStore;

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

// Which orders the queue shows. Every criterion set narrows it; the default shows all.
struct OrderQueueFilter
{
    QList<OrderStatus> statuses = {}; // any of these; empty: any status
    qint64 channelId = 0;             // 0: any channel
    qint64 locationId = 0;            // 0: any location
    bool lateOnly = false;            // open and past its ship-by time
    bool onHoldOnly = false;
    QDateTime placedFromUtc = {}; // inclusive; invalid: no lower bound
    QDateTime placedToUtc = {};   // exclusive; invalid: no upper bound
    // Free text: a substring of the order number, a customer's name or e-mail, a SKU
    // or a tracking number. Shorter than three characters it is an order-number prefix.
    QString search = {};

    bool isEmpty() const
    {
        return statuses.isEmpty() && channelId == 0 && locationId == 0 && !lateOnly &&
               !onHoldOnly && !placedFromUtc.isValid() && !placedToUtc.isValid() &&
               search.trimmed().isEmpty();
    }
    friend bool operator==(const OrderQueueFilter &, const OrderQueueFilter &) = default;
};

struct OrderQueueQuery
{
    OrderSortKey sortKey = OrderSortKey::PlacedAt;
    bool ascending = false; // newest first
    OrderQueueFilter filter = {};
    QDateTime nowUtc = {}; // what "late" is judged against; invalid: the clock
};

// A channel or location the queue can be narrowed to.
struct OrderFilterChoice
{
    qint64 id = 0;
    QString label;
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

    // True when count() stopped at a limit rather than counting every match (a
    // filtered queue of hundreds of thousands); raiseCountLimit() lets it count further.
    virtual bool countIsPartial() const { return false; }
    virtual void raiseCountLimit() {}

    // What the filter bar offers.
    virtual Result<QList<OrderFilterChoice>> channels() { return QList<OrderFilterChoice>(); }
    virtual Result<QList<OrderFilterChoice>> locations() { return QList<OrderFilterChoice>(); }
    // Where the user's saved views are kept; null: only the built-in views are offered.
    virtual OrderViewStore *viewStore() { return nullptr; }
};

// What the Orders screen's bulk actions do. Each call is one business operation per
// order (one transaction each); the summary says what happened, for the status line.
struct OrderActionSummary
{
    int done = 0;
    int skipped = 0; // not in a state the action applies to
    QStringList errors;
    QString message; // e.g. "3 orders allocated: 2 ready, 1 backordered"
};

class OrderActions
{
public:
    virtual ~OrderActions() = default;
    virtual OrderActionSummary allocate(const QList<qint64> &orderIds) = 0;
    virtual OrderActionSummary hold(const QList<qint64> &orderIds, const QString &reason) = 0;
    virtual OrderActionSummary release(const QList<qint64> &orderIds) = 0;
    virtual OrderActionSummary cancel(const QList<qint64> &orderIds, const QString &reason) = 0;
    // orders.priority for every order given (see models/manualpriority.h).
    virtual OrderActionSummary setPriority(const QList<qint64> &orderIds, int priority)
    {
        Q_UNUSED(orderIds);
        Q_UNUSED(priority);
        return {.errors = {QStringLiteral("Setting priority is not available here.")},
                .message = QStringLiteral("Setting priority is not available here.")};
    }
    // Moves orders not yet picked, and their reserved stock, to another location.
    virtual OrderActionSummary reroute(const QList<qint64> &orderIds, qint64 locationId,
                                       const QString &reason)
    {
        Q_UNUSED(orderIds);
        Q_UNUSED(locationId);
        Q_UNUSED(reason);
        return {.errors = {QStringLiteral("Rerouting is not available here.")},
                .message = QStringLiteral("Rerouting is not available here.")};
    }
};

} // namespace models
