// Times the Orders screen's model over a large database, through the model's API
// (what the view calls), not the GUI clock.
// Usage: bench_orderqueue --db PATH   (a database made with `backroom demo --orders 1000000`)
// Targets at 1,000,000 orders: first rows <= 300 ms; a sort, filter or search change
// <= 100 ms to its first screen.
#include "models/orderqueuemodel.h"
#include "models/stocklevelmodel.h"
#include "storage/database.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlordersearch.h"
#include "storage/sqlrun.h"
#include "storage/sqlstocklevelsource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

double millis(const std::function<void()> &work)
{
    QElapsedTimer t;
    t.start();
    work();
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

// A screenful: what a view asks for when it paints 40 rows.
void readScreen(QAbstractItemModel &model, int firstRow)
{
    const int last = std::min(model.rowCount(), firstRow + 40);
    for (int r = firstRow; r < last; ++r)
        for (int c = 0; c < model.columnCount(); ++c)
            (void)model.data(model.index(r, c));
}

void report(const char *what, double ms, const char *target)
{
    std::printf("  %-44s %8.1f ms   %s\n", what, ms, target);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--db"));
    if (at < 0 || at + 1 >= args.size()) {
        std::fprintf(stderr, "usage: bench_orderqueue --db PATH\n");
        return 2;
    }
    const QString path = args.at(at + 1);

    std::unique_ptr<storage::Database> db;
    std::unique_ptr<storage::SqlOrderQueueSource> source;
    std::unique_ptr<models::OrderQueueModel> model;
    const double open = millis([&] {
        auto opened = storage::Database::open(path);
        if (!opened.ok())
            qFatal("%s", qPrintable(opened.error()));
        db = std::move(opened).value();
        source = std::make_unique<storage::SqlOrderQueueSource>(db->connection());
        model = std::make_unique<models::OrderQueueModel>(source.get());
        readScreen(*model, 0);
    });
    // A database the demo writer filled has its rows still waiting for the search
    // index; the app indexes them on opening, and so does this, once, timed.
    const models::Result<QVariant> waiting = storage::queryScalar(
        db->connection(), QStringLiteral("SELECT COUNT(*) FROM search_pending"));
    if (waiting.ok() && waiting.value().toLongLong() > 0) {
        const double indexing = millis([&] {
            if (!storage::indexPendingSearch(db->connection()).ok())
                qFatal("indexing for search failed");
        });
        std::printf("  indexed %lld rows waiting for search in %.1f s\n",
                    static_cast<long long>(waiting.value().toLongLong()), indexing / 1000);
    }
    const int rows = model->rowCount();
    std::printf("order queue over %s orders (%s)\n",
                qPrintable(QLocale(QLocale::English).toString(rows)), qPrintable(path));
    report("open database + count + first screen", open, "[target <= 300 ms]");
    report("next screen (keyset seek)", millis([&] { readScreen(*model, 200); }), "");
    report("scroll 50 pages down in order", millis([&] {
               for (int p = 1; p <= 50; ++p)
                   readScreen(*model, p * 200);
           }),
           "(10,000 rows)");
    report("jump to the end (Ctrl+End)", millis([&] { readScreen(*model, rows - 40); }),
           "[target <= 100 ms]");
    report("jump to the middle", millis([&] { readScreen(*model, rows / 2); }),
           "[target <= 100 ms]");
    report("sort by ship-by, first screen", millis([&] {
               model->sort(models::OrderQueueModel::ShipByColumn, Qt::AscendingOrder);
               readScreen(*model, 0);
           }),
           "[target <= 100 ms]");
    report("sort by placed, newest first, first screen", millis([&] {
               model->sort(models::OrderQueueModel::PlacedColumn, Qt::DescendingOrder);
               readScreen(*model, 0);
           }),
           "[target <= 100 ms]");
    std::printf("  %-44s %8lld\n", "pages fetched since the last sort",
                static_cast<long long>(model->pagesFetched()));

    // Each filter and search as the Orders screen sets it: a new count, then the
    // first screen; then the screen after it and the end of what was counted.
    using models::OrderQueueFilter;
    using models::OrderStatus;
    const QDateTime september(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC);
    struct Case
    {
        const char *name;
        OrderQueueFilter filter;
    };
    const QList<Case> cases = {
        {"status: new", {.statuses = {OrderStatus::New}}},
        {"status: new + backordered + on hold",
         {.statuses = {OrderStatus::New, OrderStatus::Backordered, OrderStatus::OnHold}}},
        {"status: delivered (94%)", {.statuses = {OrderStatus::Delivered}}},
        {"status: shipped + cancelled",
         {.statuses = {OrderStatus::Shipped, OrderStatus::Cancelled}}},
        {"channel: eBay", {.channelId = 3}},
        {"location: 3 (0.6%)", {.locationId = 3}},
        {"late", {.lateOnly = true}},
        {"on hold", {.onHoldOnly = true}},
        {"placed in September",
         {.placedFromUtc = september, .placedToUtc = september.addMonths(1)}},
        {"eBay + location 3 + September",
         {.channelId = 3,
          .locationId = 3,
          .placedFromUtc = september,
          .placedToUtc = september.addMonths(1)}},
        {"eBay + shipped", {.statuses = {OrderStatus::Shipped}, .channelId = 3}},
        {"late + eBay", {.channelId = 3, .lateOnly = true}},
        {"search surname \"king\"", {.search = QStringLiteral("king")}},
        {"search e-mail \"oscar.king7@\"", {.search = QStringLiteral("oscar.king7@")}},
        {"search SKU \"HF-TWL-0761\"", {.search = QStringLiteral("HF-TWL-0761")}},
        {"search SKU \"DIF-1005\" (39k orders)", {.search = QStringLiteral("DIF-1005")}},
        {"search order number \"204-0210039-8959034\"",
         {.search = QStringLiteral("204-0210039-8959034")}},
        {"search order number part \"0210039\"", {.search = QStringLiteral("0210039")}},
        {"search tracking \"1000448903\"", {.search = QStringLiteral("1000448903")}},
        {"search short \"20\" (number prefix)", {.search = QStringLiteral("20")}},
        {"search \"king\" + status delivered",
         {.statuses = {OrderStatus::Delivered}, .search = QStringLiteral("king")}},
    };
    std::printf("filters and search, sorted newest placed first:\n");
    for (const Case &c : cases) {
        const double first = millis([&] {
            model->setFilter(c.filter);
            readScreen(*model, 0);
        });
        const QString n = QLocale(QLocale::English).toString(model->rowCount()) +
                          (model->countIsPartial() ? QStringLiteral("+") : QString());
        const double next = millis([&] { readScreen(*model, 200); });
        const double end = millis([&] { readScreen(*model, std::max(0, model->rowCount() - 40)); });
        std::printf(
            "  %-44s %8.1f ms   [target <= 100 ms]  %8s rows; next %5.1f ms, end %5.1f ms\n",
            c.name, first, qPrintable(n), next, end);
    }
    model->sort(models::OrderQueueModel::ShipByColumn, Qt::AscendingOrder);
    std::printf("the same, sorted by ship-by:\n");
    for (const Case &c : cases) {
        const double first = millis([&] {
            model->setFilter(c.filter);
            readScreen(*model, 0);
        });
        std::printf("  %-44s %8.1f ms   [target <= 100 ms]\n", c.name, first);
    }
    model->setFilter({});

    storage::SqlStockLevelSource stockSource(db->connection());
    std::unique_ptr<models::StockLevelModel> stock;
    report("stock: count + first screen", millis([&] {
               stock = std::make_unique<models::StockLevelModel>(&stockSource);
               readScreen(*stock, 0);
           }),
           "[target <= 300 ms]");
    report("stock: jump to the end", millis([&] { readScreen(*stock, stock->rowCount() - 40); }),
           "");
    return 0;
}
