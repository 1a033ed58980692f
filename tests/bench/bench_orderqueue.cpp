// Times the Orders screen's model over a large database, through the model's API
// (what the view calls), not the GUI clock.
// Usage: bench_orderqueue --db PATH   (a database made with `backroom demo --orders 1000000`)
// Targets at 1,000,000 orders: first rows <= 300 ms; a sort change <= 100 ms.
#include "models/orderqueuemodel.h"
#include "models/stocklevelmodel.h"
#include "storage/database.h"
#include "storage/sqlorderqueuesource.h"
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
