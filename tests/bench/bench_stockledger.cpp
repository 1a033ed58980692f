// Times the ledger dialog's model over one product with 200,000 movements, through the
// model's API (what the view calls): opening on the newest page, a jump deep into the
// history, scrolling page after page, and the same with every location shown.
// Usage: bench_stockledger [--db PATH] [--movements N] [--covering-index]
// Without --db the shop is built in a temporary file: the product's N movements at one
// location interleaved with as many of 99 other products, and N/10 more of it at a
// second location.
// --covering-index adds an index with the quantity, to compare the opening sums.
// Target: the first page and any jump <= 100 ms; a scrolled page <= 20 ms.
#include "models/stockledgermodel.h"
#include "storage/database.h"
#include "storage/sqlrun.h"
#include "storage/sqlstockledgersource.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

namespace {

double g_cpu = 0; // processor time of the last measurement, in ms

// Wall-clock time; the processor time it took goes to g_cpu (on a busy machine the
// wall clock also counts the time spent waiting for a core).
double millis(const std::function<void()> &work)
{
    const std::clock_t cpu = std::clock();
    QElapsedTimer t;
    t.start();
    work();
    g_cpu = 1000.0 * static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

void readScreen(QAbstractItemModel &model, int firstRow)
{
    const int last = std::min(model.rowCount(), firstRow + 30);
    for (int r = std::max(0, firstRow); r < last; ++r)
        for (int c = 0; c < model.columnCount(); ++c)
            (void)model.data(model.index(r, c));
}

void report(const char *what, double ms, qint64 rows, const char *target)
{
    std::printf("  %-44s %8.1f ms (cpu %6.1f ms)  %7lld rows   %s\n", what, ms, g_cpu,
                static_cast<long long>(rows), target);
}

bool buildShop(const QSqlDatabase &db, int movements)
{
    storage::Transaction txn(db);
    const auto run = [&db](const QString &sql) {
        const models::Status s = storage::runStatement(db, sql);
        if (!s)
            std::fprintf(stderr, "%s\n", qPrintable(s.error()));
        return s.ok();
    };
    if (!run(QStringLiteral("INSERT INTO locations (id, code, name, kind, country) VALUES "
                            "(1, 'LDS', 'Leeds', 'warehouse', 'GB'), (2, 'MKY', 'Milton Keynes', "
                            "'warehouse', 'GB'), (3, 'BRS', 'Bristol', 'store', 'GB')")))
        return false;
    QSqlQuery product(db), movement(db);
    product.prepare(QStringLiteral(
        "INSERT INTO products (id, sku, name, cost_currency, price_currency, created_at) "
        "VALUES (?, ?, ?, 'GBP', 'GBP', '2024-01-01T00:00:00Z')"));
    for (int p = 1; p <= 100; ++p)
        if (!storage::execPrepared(product,
                                   {p, QStringLiteral("SKU-%1").arg(p, 4, 10, QLatin1Char('0')),
                                    QStringLiteral("Product %1").arg(p)})
                 .ok())
            return false;
    movement.prepare(QStringLiteral(
        "INSERT INTO stock_movements (product_id, location_id, quantity, reason_code, "
        "reference_type, reference_id, note, user_name, created_at) "
        "VALUES (?, ?, ?, ?, 'order', ?, ?, 'bench', ?)"));
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    int onHand[4] = {0, 0, 0, 0};
    for (int i = 0; i < 2 * movements; ++i) {
        // Every other movement is the bench product's; the rest spread over 99 others.
        const bool ours = i % 2 == 0;
        const int p = ours ? 1 : 2 + (i / 2) % 99;
        const int location = ours ? 1 : 1 + i % 3;
        const bool in = (i / 2) % 3 == 0;
        const int quantity = in ? 6 : -2;
        if (ours)
            onHand[location] += quantity;
        if (!storage::execPrepared(movement,
                                   {p, location, quantity,
                                    in ? QStringLiteral("received") : QStringLiteral("shipped"),
                                    QStringLiteral("SH-%1").arg(i),
                                    in ? QStringLiteral("Receipt of a carton") : QString(),
                                    storage::isoUtc(start.addSecs(i * 60))})
                 .ok())
            return false;
    }
    // And one in ten as many at Milton Keynes, in between, for the every-location view.
    for (int k = 0; k < movements / 10; ++k) {
        const bool in = k % 2 == 0;
        onHand[2] += in ? 3 : -1;
        if (!storage::execPrepared(movement,
                                   {1, 2, in ? 3 : -1,
                                    in ? QStringLiteral("received") : QStringLiteral("shipped"),
                                    QStringLiteral("MK-%1").arg(k), QString(),
                                    storage::isoUtc(start.addSecs(k * 1200 + 30))})
                 .ok())
            return false;
    }
    for (int location : {1, 2})
        if (!storage::runStatement(db,
                                   QStringLiteral("INSERT INTO stock_levels (product_id, "
                                                  "location_id, on_hand) VALUES (1, ?, ?)"),
                                   {location, onHand[location]})
                 .ok())
            return false;
    return txn.commit().ok() && run(QStringLiteral("ANALYZE"));
}

void measure(const QSqlDatabase &db, qint64 locationId, const char *title)
{
    std::printf("%s\n", title);
    storage::SqlStockLedgerSource source(db, 1, locationId);
    std::unique_ptr<models::StockLedgerModel> model;
    const double first = millis([&] {
        model = std::make_unique<models::StockLedgerModel>(&source);
        readScreen(*model, model->rowCount() - 30); // the dialog opens on the newest
    });
    const int n = model->rowCount();
    report("count + newest page (the dialog opening)", first, n, "[target <= 100 ms]");
    double scroll = 0;
    double scrollCpu = 0;
    for (int page = 1; page <= 20; ++page) {
        scroll = std::max(scroll, millis([&] { readScreen(*model, n - 30 - page * 200); }));
        scrollCpu = std::max(scrollCpu, g_cpu);
    }
    g_cpu = scrollCpu;
    report("scrolling up, slowest of 20 pages", scroll, n, "[target <= 20 ms]");
    report("jump to the middle", millis([&] { readScreen(*model, n / 2); }), n,
           "[target <= 100 ms]");
    report("jump deep: 1,000 rows from the oldest", millis([&] { readScreen(*model, 1000); }), n,
           "[target <= 100 ms]");
    report("jump to the oldest", millis([&] { readScreen(*model, 0); }), n, "[target <= 100 ms]");
    double down = 0;
    double downCpu = 0;
    for (int page = 1; page <= 20; ++page) {
        down = std::max(down, millis([&] { readScreen(*model, page * 200 + 10); }));
        downCpu = std::max(downCpu, g_cpu);
    }
    g_cpu = downCpu;
    report("scrolling down from there, slowest of 20", down, n, "[target <= 20 ms]");
    std::printf("  opening balances summed: %d (the rest carried from the page beside)\n",
                source.balanceSums());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    int movements = 200'000;
    if (const qsizetype at = args.indexOf(QStringLiteral("--movements"));
        at >= 0 && at + 1 < args.size())
        movements = args.at(at + 1).toInt();
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("ledger.db"));
    if (const qsizetype at = args.indexOf(QStringLiteral("--db")); at >= 0 && at + 1 < args.size())
        path = args.at(at + 1);
    const bool fresh = !QFile::exists(path);

    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(path);
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    std::unique_ptr<storage::Database> db = std::move(opened).value();
    if (fresh) {
        const double built = millis([&] {
            if (!buildShop(db->connection(), movements))
                std::exit(1);
        });
        std::printf("built %d movements of one product at Leeds (+%d elsewhere, +%d of others) "
                    "in %.1f s\n",
                    movements, movements / 10, movements, built / 1000);
    }
    if (args.contains(QStringLiteral("--covering-index"))) {
        const models::Status s = storage::runStatement(
            db->connection(),
            QStringLiteral("CREATE INDEX IF NOT EXISTS bench_movements_balance ON "
                           "stock_movements(product_id, location_id, created_at, quantity)"));
        if (!s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error()));
            return 1;
        }
        std::printf("with a covering index (product_id, location_id, created_at, quantity)\n");
    }
    std::printf("bench_stockledger: %s\n", qPrintable(path));
    measure(db->connection(), 1, "One location (Leeds):");
    measure(db->connection(), 0, "Every location:");
    return 0;
}
