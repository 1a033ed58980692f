// Allocates against a shared database file for a while, as a second Backroom window or
// process would: new orders, allocation runs, cancels and receipts, with scarce stock.
// Usage: allocationstress DB SECONDS SEED. Any error goes to stderr and exits 1.

#include "storage/database.h"
#include "storage/sqlallocator.h"

#include "allocationshop.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>

using namespace allocationshop;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "allocationstress: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return fail(QStringLiteral("usage: allocationstress DB SECONDS SEED"));
    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(args.at(1));
    if (!opened.ok())
        return fail(opened.error());
    const QSqlDatabase db = opened.value()->connection();
    QRandomGenerator rng(args.at(3).toUInt());
    const qint64 limitMs = args.at(2).toLongLong() * 1000;

    storage::AllocationSummary total;
    qint64 created = 0, cancelled = 0, received = 0, runs = 0;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < limitMs) {
        for (int i = 0; i < 3; ++i) {
            NewOrder o;
            o.lines.append({1 + rng.bounded(3), 1 + static_cast<int>(rng.bounded(2))});
            o.name = QStringLiteral("Buyer %1-%2").arg(args.at(3)).arg(created);
            o.placedAtUtc = QDateTime::currentDateTimeUtc().addSecs(-rng.bounded(3600));
            storage::Transaction txn(db);
            if (!txn.isActive())
                return fail(txn.error());
            const models::Result<qint64> id = addOrder(db, o);
            if (!id.ok())
                return fail(id.error());
            if (models::Status s = txn.commit(); !s)
                return fail(s.error());
            ++created;
        }
        storage::AllocationOptions options;
        options.user = QStringLiteral("stress-%1").arg(args.at(3));
        options.batchSize = 4;
        const models::Result<storage::AllocationSummary> s =
            storage::allocateNewOrders(db, options);
        if (!s.ok())
            return fail(s.error());
        total.add(s.value());
        ++runs;

        if (rng.bounded(3) == 0) {
            const models::Result<QVariant> id = storage::queryScalar(
                db,
                QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM orders WHERE status = 'ready' "
                               "AND id % 7 = ?"),
                {rng.bounded(7)});
            if (!id.ok())
                return fail(id.error());
            if (id.value().toLongLong() > 0) {
                // The other process may have cancelled it a moment ago: that refusal is fine.
                const models::Status c = storage::cancelOrder(db, id.value().toLongLong(),
                                                              QStringLiteral("stress"), options);
                if (!c && !c.error().contains(QLatin1String("cannot go from")))
                    return fail(c.error());
                cancelled += c.ok();
            }
        }
        if (rng.bounded(4) == 0) {
            const qint64 product = 1 + rng.bounded(3);
            const qint64 location = rng.bounded(2) ? LDS : MKY;
            if (models::Status m = move(db, product, location, 1, models::StockReason::Received);
                !m)
                return fail(m.error());
            const models::Result<storage::AllocationSummary> f =
                storage::fillBackorders(db, product, location, options);
            if (!f.ok())
                return fail(f.error());
            total.add(f.value());
            ++received;
        }
    }
    std::printf("seed %s: %lld runs, %lld orders created, %lld ready, %lld backordered, %lld "
                "cancelled, %lld receipts, %lld busy retries\n",
                qPrintable(args.at(3)), static_cast<long long>(runs),
                static_cast<long long>(created), static_cast<long long>(total.ready),
                static_cast<long long>(total.backordered), static_cast<long long>(cancelled),
                static_cast<long long>(received), static_cast<long long>(total.busyRetries));
    return 0;
}
