#pragma once

#include "models/orderqueuerow.h"
#include "storage/sqlallocator.h"

#include <QSqlDatabase>

namespace storage {

// The Orders screen's bulk actions over the allocation engine. Each order is moved
// in a transaction of its own (hold, release, cancel) or in batches (allocate), so
// one order that cannot move never undoes the others.
class SqlOrderActions : public models::OrderActions
{
public:
    SqlOrderActions(QSqlDatabase db, QString user);

    // Allocates those of the orders that are new or backordered, highest priority
    // first, exactly as an allocation run would treat them.
    models::OrderActionSummary allocate(const QList<qint64> &orderIds) override;
    models::OrderActionSummary hold(const QList<qint64> &orderIds, const QString &reason) override;
    models::OrderActionSummary release(const QList<qint64> &orderIds) override;
    models::OrderActionSummary cancel(const QList<qint64> &orderIds,
                                      const QString &reason) override;
    // All the orders in one transaction: every priority is set, or none.
    models::OrderActionSummary setPriority(const QList<qint64> &orderIds, int priority) override;
    // Each order in a transaction of its own; one short of stock is refused by name.
    models::OrderActionSummary reroute(const QList<qint64> &orderIds, qint64 locationId,
                                       const QString &reason) override;

    // Tests pin the clock.
    void setNow(const QDateTime &utc) { m_options.nowUtc = utc; }

private:
    // The orders whose current status may move to `to`; the rest are counted as skipped.
    models::Result<QList<qint64>> movable(const QList<qint64> &orderIds, models::OrderStatus to,
                                          int *skipped);

    QSqlDatabase m_db;
    AllocationOptions m_options;
};

// Allocates the given orders (those that are new or backordered) in priority order.
models::Result<AllocationSummary> allocateOrders(const QSqlDatabase &db,
                                                 const QList<qint64> &orderIds,
                                                 const AllocationOptions &options = {});

} // namespace storage
