#include "storage/sqlallocator.h"

#include "storage/allocationrun.h"
#include "storage/transaction.h"

#include <QThread>

#include <memory>

namespace storage {

using models::Error;
using models::OrderStatus;
using models::Result;
using models::Status;

void AllocationSummary::add(const AllocationSummary &o)
{
    considered += o.considered;
    ready += o.ready;
    split += o.split;
    backordered += o.backordered;
    held += o.held;
    unchanged += o.unchanged;
    for (auto it = o.heldByKind.cbegin(); it != o.heldByKind.cend(); ++it)
        heldByKind[it.key()] += it.value();
    busyRetries += o.busyRetries;
}

namespace {

bool isBusy(const QString &error)
{
    return error.contains(QLatin1String("locked"), Qt::CaseInsensitive) ||
           error.contains(QLatin1String("busy"), Qt::CaseInsensitive);
}

// Runs `body` in one BEGIN IMMEDIATE transaction. The connection already waits out a
// busy file (storage::Database's busy timeout); when another writer holds it longer
// than that, BEGIN is tried again a few times after a short pause, so a busy file is
// a wait for the user, not an error.
Status inWriteTransaction(const QSqlDatabase &db, const AllocationOptions &options, qint64 *retries,
                          const std::function<Status()> &body)
{
    for (int attempt = 0;; ++attempt) {
        auto txn = std::make_unique<Transaction>(db, Transaction::Mode::Write);
        if (!txn->isActive()) {
            if (isBusy(txn->error()) && attempt < options.busyRetries) {
                if (retries)
                    ++*retries;
                QThread::msleep(static_cast<unsigned long>(25 << attempt));
                continue;
            }
            if (isBusy(txn->error()))
                return Error{QStringLiteral("the database is busy: another Backroom window or "
                                            "program kept it locked; nothing was changed, try "
                                            "again")};
            return Error{
                QStringLiteral("database error: cannot begin a transaction: %1").arg(txn->error())};
        }
        if (Status s = body(); !s)
            return s; // the guard rolls back
        return txn->commit();
    }
}

} // namespace

Result<AllocationSummary> allocateNewOrders(const QSqlDatabase &db,
                                            const AllocationOptions &options,
                                            const AllocationProgress &progress)
{
    AllocationRun run(db, options);
    if (Status s = run.load(); !s)
        return Error{s.error()};
    Result<QList<qint64>> queue = run.queue();
    if (!queue.ok())
        return Error{queue.error()};
    QList<qint64> ids = queue.value();
    AllocationSummary total;
    if (!options.onlyOrders.isEmpty()) {
        ids.removeIf([&](qint64 id) { return !options.onlyOrders.contains(id); });
        total.unchanged += options.onlyOrders.size() - ids.size();
    }
    const qsizetype batch = std::max(1, options.batchSize);

    for (qsizetype start = 0; start < ids.size(); start += batch) {
        AllocationSummary part;
        const Status s = inWriteTransaction(db, options, &total.busyRetries, [&]() -> Status {
            part = AllocationSummary();
            if (Status b = run.beginTransaction(); !b)
                return b;
            const qsizetype end = std::min(ids.size(), start + batch);
            for (qsizetype i = start; i < end; ++i)
                if (Status a = run.allocate(ids.at(i), AllocationRun::Mode::Queue, false, part); !a)
                    return a;
            return {};
        });
        if (!s)
            return Error{s.error()};
        total.add(part);
        if (progress && !progress(std::min(ids.size(), start + batch), ids.size())) {
            total.cancelled = start + batch < ids.size();
            break;
        }
    }
    return total;
}

Result<AllocationSummary> fillBackorders(const QSqlDatabase &db, qint64 productId,
                                         qint64 locationId, const AllocationOptions &options)
{
    Q_UNUSED(locationId) // routing looks at every location; the arrival only says which product
    AllocationRun run(db, options);
    if (Status s = run.load(); !s)
        return Error{s.error()};
    AllocationSummary summary;
    const Status s = inWriteTransaction(db, options, &summary.busyRetries, [&]() -> Status {
        const qint64 retries = summary.busyRetries;
        summary = AllocationSummary();
        summary.busyRetries = retries;
        if (Status b = run.beginTransaction(); !b)
            return b;
        Result<QList<qint64>> queue = run.queue(productId);
        if (!queue.ok())
            return Error{queue.error()};
        for (qint64 id : queue.value())
            if (Status a = run.allocate(id, AllocationRun::Mode::Queue, false, summary); !a)
                return a;
        return {};
    });
    if (!s)
        return Error{s.error()};
    return summary;
}

Result<AllocationSummary> fillBackordersInTransaction(const QSqlDatabase &db,
                                                      const QList<qint64> &productIds,
                                                      const AllocationOptions &options)
{
    AllocationRun run(db, options);
    if (Status s = run.load(); !s)
        return Error{s.error()};
    if (Status b = run.beginTransaction(); !b)
        return Error{b.error()};
    AllocationSummary summary;
    for (qint64 productId : productIds) {
        Result<QList<qint64>> queue = run.queue(productId);
        if (!queue.ok())
            return Error{queue.error()};
        for (qint64 id : queue.value())
            if (Status a = run.allocate(id, AllocationRun::Mode::Queue, false, summary); !a)
                return Error{a.error()};
    }
    return summary;
}

Status holdOrder(const QSqlDatabase &db, qint64 orderId, const QString &reason,
                 const AllocationOptions &options)
{
    AllocationRun run(db, options);
    if (Status s = run.load(); !s)
        return s;
    return inWriteTransaction(db, options, nullptr, [&]() -> Status {
        if (Status b = run.beginTransaction(); !b)
            return b;
        return run.move(orderId, OrderStatus::OnHold, reason);
    });
}

Result<AllocationSummary> releaseOrder(const QSqlDatabase &db, qint64 orderId,
                                       const ReleaseChoice &choice,
                                       const AllocationOptions &options)
{
    AllocationRun run(db, options);
    if (Status s = run.load(); !s)
        return Error{s.error()};
    AllocationSummary summary;
    const Status s = inWriteTransaction(db, options, &summary.busyRetries, [&]() -> Status {
        summary = AllocationSummary();
        if (Status b = run.beginTransaction(); !b)
            return b;
        const QString why = choice.allowSplit ? QStringLiteral("Released: split allowed")
                                              : QStringLiteral("Released");
        if (Status m = run.move(orderId, OrderStatus::New, why); !m)
            return m;
        return run.allocate(orderId, AllocationRun::Mode::Released, choice.allowSplit, summary);
    });
    if (!s)
        return Error{s.error()};
    return summary;
}

Status cancelOrder(const QSqlDatabase &db, qint64 orderId, const QString &reason,
                   const AllocationOptions &options)
{
    AllocationRun run(db, options);
    if (Status s = run.load(); !s)
        return s;
    return inWriteTransaction(db, options, nullptr, [&]() -> Status {
        if (Status b = run.beginTransaction(); !b)
            return b;
        return run.move(orderId, OrderStatus::Cancelled, reason);
    });
}

} // namespace storage
