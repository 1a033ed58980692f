#pragma once

#include "models/orderexceptions.h"
#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace storage {

struct AllocationOptions
{
    QString user = QStringLiteral("system");
    QDateTime nowUtc; // invalid: the clock; tests pin it
    // Orders per write transaction: 128 hold the lock about 20 ms at a million
    // orders, so another window waits little, and commit often enough to cost little
    // (10,000 orders: 1.6 s in batches of 128, 2.0 s in batches of 32).
    int batchSize = 128;
    int busyRetries = 5; // further attempts when another writer keeps the file busy
    // Only these orders (a selection on the Orders screen), in the queue's priority
    // order; the others asked for that are not in the queue count as unchanged.
    // Empty: every order in the queue.
    QSet<qint64> onlyOrders;
};

// Called after each committed batch; returning false stops after that batch.
using AllocationProgress = std::function<bool(qint64 done, qint64 total)>;

// What an allocation run did, counted per order.
struct AllocationSummary
{
    qint64 considered = 0;
    qint64 ready = 0; // routed to one location (split orders are counted in `split` only)
    qint64 split = 0;
    qint64 backordered = 0;
    qint64 held = 0;
    qint64 unchanged = 0; // still waiting (backordered) or already taken care of elsewhere
    QMap<QString, qint64> heldByKind; // models::holdKindCode -> orders
    qint64 busyRetries = 0;
    bool cancelled = false;

    void add(const AllocationSummary &other);
};

// Exceptions, then priority, then routing, then reservation, for every `new` order and
// every backordered one whose stock may have arrived. Each batch of orders is one
// BEGIN IMMEDIATE transaction that re-reads availability under the write lock, so two
// windows or processes on the same file can never both take the last unit. Running it
// again changes nothing.
// A kit line reserves its components (line quantity × per kit, all at one location);
// a kit without components holds the order (hold kind empty_kit).
models::Result<AllocationSummary> allocateNewOrders(const QSqlDatabase &db,
                                                    const AllocationOptions &options = {},
                                                    const AllocationProgress &progress = {});

// Stock of `productId` arrived at `locationId`: backordered orders wanting it (on a
// line of its own or as a component of a kit they hold) are allocated again, highest
// priority first, in one transaction.
models::Result<AllocationSummary> fillBackorders(const QSqlDatabase &db, qint64 productId,
                                                 qint64 locationId,
                                                 const AllocationOptions &options = {});

// The same for every product in `productIds`, inside a write transaction the caller
// already holds (a purchase-order receipt books its stock and fills backorders in one
// commit); nothing is committed here and busy retries are the caller's.
models::Result<AllocationSummary>
fillBackordersInTransaction(const QSqlDatabase &db, const QList<qint64> &productIds,
                            const AllocationOptions &options = {});

// Puts an order on hold with a reason, releasing whatever it had reserved.
models::Status holdOrder(const QSqlDatabase &db, qint64 orderId, const QString &reason,
                         const AllocationOptions &options = {});

struct ReleaseChoice
{
    bool allowSplit = false; // the answer to "needs a decision: split?"
};

// Releases a held order and allocates it again in the same transaction. The review
// checks (address, postcode, quantity, duplicate) are not repeated: a person looked.
models::Result<AllocationSummary> releaseOrder(const QSqlDatabase &db, qint64 orderId,
                                               const ReleaseChoice &choice = {},
                                               const AllocationOptions &options = {});

// Cancels an order and releases its reservations in the same transaction.
models::Status cancelOrder(const QSqlDatabase &db, qint64 orderId, const QString &reason,
                           const AllocationOptions &options = {});

} // namespace storage
