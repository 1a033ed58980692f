// Times pick lists over a large shop: what the Pick lists screen reads when it opens
// (locations with their ready counts, a location's ready orders), creating a batch
// list, reading it back, a short pick and cancelling.
// Usage: bench_picklists --out PATH [--orders N] [--batch ORDERS]
//   writes a demo shop of N orders (default 200,000) to PATH, allocates its new
//   orders, then works on the main warehouse's ready orders.
// Target: each step well under 100 ms, so the screen never stalls.
#include "app/demoshop.h"
#include "storage/database.h"
#include "storage/sqlallocator.h"
#include "storage/sqlpicklistsource.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

namespace {

QString argument(const QStringList &args, const char *name, const QString &fallback = {})
{
    const qsizetype at = args.indexOf(QString::fromLatin1(name));
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_picklists: %s\n", qPrintable(message));
    return 1;
}

// Runs `step` `times` times and prints the median.
template <typename Step> bool timed(const char *what, int times, Step step)
{
    QList<double> ms;
    for (int i = 0; i < times; ++i) {
        QElapsedTimer t;
        t.start();
        if (!step())
            return false;
        ms.append(t.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("  %-36s %8.2f ms (median of %d)\n", what, ms.at(ms.size() / 2), times);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString out = argument(args, "--out");
    if (out.isEmpty())
        return fail(QStringLiteral("--out PATH is required"));
    const qint64 orders = argument(args, "--orders", QStringLiteral("200000")).toLongLong();
    const int batch = argument(args, "--batch", QStringLiteral("20")).toInt();

    app::DemoOptions options;
    options.orders = orders;
    options.today = QDate(2026, 11, 25);
    QElapsedTimer t;
    t.start();
    if (auto demo = app::writeDemoShop(out, options); !demo.ok())
        return fail(demo.error());
    std::printf("demo shop of %lld orders written in %.1f s\n", static_cast<long long>(orders),
                t.elapsed() / 1000.0);

    auto opened = storage::Database::open(out);
    if (!opened.ok())
        return fail(opened.error());
    const QSqlDatabase db = opened.value()->connection();
    if (auto a = storage::allocateNewOrders(db); !a.ok())
        return fail(a.error());
    storage::SqlPickListSource source(db, QStringLiteral("bench"));

    qint64 location = 0;
    int ready = 0;
    bool ok = timed("locations() with ready counts", 21, [&] {
        auto l = source.locations();
        if (!l.ok() || l->isEmpty())
            return false;
        location = l->first().id;
        ready = l->first().readyOrders;
        return true;
    });
    QList<qint64> wave;
    ok = ok && timed("readyOrders(main warehouse)", 21, [&] {
             auto r = source.readyOrders(location);
             if (!r.ok())
                 return false;
             wave.clear();
             for (const auto &c : r->orders)
                 if (wave.size() < batch)
                     wave.append(c.priority.orderId);
             return true;
         });
    std::printf("  (%d orders ready at the main warehouse; batches of %lld)\n", ready,
                static_cast<long long>(wave.size()));
    if (!ok || wave.isEmpty())
        return fail(QStringLiteral("no ready orders to pick"));

    // Create and cancel in turn: each round puts the same orders on a new list.
    qint64 listId = 0;
    ok = timed("create batch list", 11, [&] {
        auto created = source.create({location, wave, models::PickListKind::Batch});
        if (!created.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(created.error()));
            return false;
        }
        listId = created->first().id;
        return source.cancel(listId).ok();
    });
    std::printf("  (each round also cancels the list, its orders back to ready)\n");
    auto created = source.create({location, wave, models::PickListKind::Batch});
    if (!ok || !created.ok())
        return fail(QStringLiteral("creating a list failed"));
    listId = created->first().id;
    models::PickListDetail detail;
    ok = timed("list() with orders and lines", 21, [&] {
        auto d = source.list(listId);
        if (d.ok())
            detail = d.value();
        return d.ok();
    });
    ok = ok &&
         timed("openLists(main warehouse)", 21, [&] { return source.openLists(location).ok(); });
    ok = ok && timed("markShort by 1 (hold, ledger, reservations)", 1, [&] {
             auto s = source.markShort(listId, detail.lines.first().id, 1);
             if (!s.ok())
                 std::fprintf(stderr, "%s\n", qPrintable(s.error()));
             return s.ok();
         });
    ok = ok && timed("markPicked", 1, [&] { return source.markPicked(listId).ok(); });
    return ok ? 0 : fail(QStringLiteral("a step failed"));
}
