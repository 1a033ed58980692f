// Times reorder suggestions over a large ledger.
// Usage: bench_reorder [--db PATH] [--keep] [--products N] [--days D] [--runs R]
//                      [--backtest-weeks W]
//   Generates a shop of N products (default 50,000) at 4 locations with D days
//   (default 730) of movements, about 10 million rows, into PATH (default a temporary
//   file; reused when it already exists and --keep was given before), then computes
//   every suggestion R times (default 3).
// Target: all suggestions in <= 3 s.
#include "storage/database.h"
#include "storage/sqlreordersource.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <ctime>
#include <vector>

namespace {

constexpr int kLocations = 4;
constexpr int kSuppliers = 60;

QString argument(const QStringList &args, const char *name, const QString &fallback = {})
{
    const qsizetype at = args.indexOf(QString::fromLatin1(name));
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

double cpuMillis()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_reorder: %s\n", qPrintable(message));
    return 1;
}

bool exec(sqlite3 *db, const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "bench_reorder: %s (in: %s)\n", message ? message : "?", sql);
    sqlite3_free(message);
    return false;
}

struct Statement
{
    sqlite3_stmt *stmt = nullptr;
    ~Statement() { sqlite3_finalize(stmt); }
    bool prepare(sqlite3 *db, const char *sql)
    {
        return sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK;
    }
    bool run()
    {
        const int rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        return rc == SQLITE_DONE;
    }
};

// One product at one location while the history is written.
struct Pair
{
    double perDay = 0; // mean units a day
    int onHand = 0;
    int pendingReceipt = -1; // day a purchase arrives
    int receiptQuantity = 0;
};

// The schema through the app's own migrations, then every row through raw prepared
// statements in one transaction with no journal: a 10-million-row ledger in about a
// minute. The ledger's secondary indexes are built once at the end, as a bulk load
// does.
bool generate(const QString &path, int products, int days, QDate today)
{
    {
        models::Result<std::unique_ptr<storage::Database>> db = storage::Database::open(path);
        if (!db.ok()) {
            std::fprintf(stderr, "bench_reorder: %s\n", qPrintable(db.error()));
            return false;
        }
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        return false;
    const auto closeDb = qScopeGuard([db] { sqlite3_close(db); });
    if (!exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                  "PRAGMA cache_size = -200000; PRAGMA foreign_keys = OFF; "
                  "DROP INDEX stock_movements_product; DROP INDEX stock_movements_time; "
                  "DROP INDEX stock_movements_reference; BEGIN"))
        return false;

    QRandomGenerator rng(20261126);
    Statement supplier, location, product, movement, level, po, poLine;
    if (!supplier.prepare(db, "INSERT INTO suppliers (id, name, currency, lead_time_days) "
                              "VALUES (?, ?, 'GBP', ?)") ||
        !location.prepare(db, "INSERT INTO locations (id, code, name, kind, country) "
                              "VALUES (?, ?, ?, 'warehouse', 'GB')") ||
        !product.prepare(db, "INSERT INTO products (id, sku, name, supplier_id, cost_minor, "
                             "cost_currency, price_currency, lead_time_days, safety_stock, "
                             "reorder_max, pack_size, supplier_min_qty, created_at) "
                             "VALUES (?, ?, ?, ?, ?, 'GBP', 'GBP', ?, ?, ?, ?, ?, "
                             "'2024-01-01T00:00:00Z')") ||
        !movement.prepare(db,
                          "INSERT INTO stock_movements (product_id, location_id, quantity, "
                          "reason_code, user_name, created_at) VALUES (?, ?, ?, ?, 'bench', ?)") ||
        !level.prepare(db, "INSERT INTO stock_levels (product_id, location_id, on_hand, reserved) "
                           "VALUES (?, ?, ?, ?)") ||
        !po.prepare(db, "INSERT INTO purchase_orders (id, po_number, supplier_id, location_id, "
                        "status, currency, created_at) VALUES (?, ?, ?, ?, 'sent', 'GBP', "
                        "'2026-01-01T00:00:00Z')") ||
        !poLine.prepare(db, "INSERT INTO purchase_order_lines (purchase_order_id, product_id, "
                            "quantity_ordered) VALUES (?, ?, ?)")) {
        std::fprintf(stderr, "bench_reorder: %s\n", sqlite3_errmsg(db));
        return false;
    }

    for (int s = 1; s <= kSuppliers; ++s) {
        const QByteArray name =
            QStringLiteral("Supplier %1").arg(s, 3, 10, QLatin1Char('0')).toUtf8();
        sqlite3_bind_int(supplier.stmt, 1, s);
        sqlite3_bind_text(supplier.stmt, 2, name.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(supplier.stmt, 3, 7 + s % 5 * 7);
        if (!supplier.run())
            return false;
    }
    for (int l = 1; l <= kLocations; ++l) {
        const QByteArray code = QStringLiteral("WH%1").arg(l).toUtf8();
        sqlite3_bind_int(location.stmt, 1, l);
        sqlite3_bind_text(location.stmt, 2, code.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(location.stmt, 3, code.constData(), -1, SQLITE_TRANSIENT);
        if (!location.run())
            return false;
    }

    // Movements per pair a day so that the whole ledger comes to about 10 million rows:
    // a long tail of slow sellers and a few fast ones.
    // (Stock-outs and restocking days take about a third of the draws.)
    const double target = 15'000'000.0 / (static_cast<double>(products) * kLocations * days);
    std::vector<Pair> pairs(static_cast<size_t>(products) * kLocations);
    double weightSum = 0;
    std::vector<double> weights(static_cast<size_t>(products));
    for (int p = 0; p < products; ++p)
        weightSum += weights[static_cast<size_t>(p)] = 1.0 / (1.0 + (p % 997) * 0.05);
    for (int p = 0; p < products; ++p) {
        const double share = weights[static_cast<size_t>(p)] * products / weightSum;
        const int pack = (p % 3 == 0) ? 12 : (p % 3 == 1 ? 6 : 1);
        const QByteArray sku =
            QStringLiteral("SKU-%1").arg(p + 1, 6, 10, QLatin1Char('0')).toUtf8();
        const QByteArray name = QStringLiteral("Product %1").arg(p + 1).toUtf8();
        sqlite3_bind_int(product.stmt, 1, p + 1);
        sqlite3_bind_text(product.stmt, 2, sku.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(product.stmt, 3, name.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(product.stmt, 4, 1 + p % kSuppliers);
        sqlite3_bind_int(product.stmt, 5, 100 + p % 900);
        if (p % 5 == 0)
            sqlite3_bind_int(product.stmt, 6, 10);
        else
            sqlite3_bind_null(product.stmt, 6);
        sqlite3_bind_int(product.stmt, 7, 2 + p % 7);
        sqlite3_bind_int(product.stmt, 8, 40 + p % 60);
        sqlite3_bind_int(product.stmt, 9, pack);
        sqlite3_bind_int(product.stmt, 10, p % 4 == 0 ? 24 : 1);
        if (!product.run())
            return false;
        for (int l = 0; l < kLocations; ++l) {
            Pair &pair = pairs[static_cast<size_t>(p) * kLocations + static_cast<size_t>(l)];
            pair.perDay = target * share * (0.6 + 0.2 * l);
        }
    }

    // Day by day, in time order as a real ledger grows.
    const QDate first = today.addDays(-days);
    qint64 rows = 0;
    std::vector<QByteArray> hours(24);
    for (int d = 0; d < days; ++d) {
        const QDate day = first.addDays(d);
        const bool weekend = day.dayOfWeek() >= 6;
        for (int h = 0; h < 24; ++h)
            hours[static_cast<size_t>(h)] =
                QDateTime(day, QTime(h, 17), Qt::UTC).toString(Qt::ISODate).toLatin1();
        for (size_t i = 0; i < pairs.size(); ++i) {
            Pair &pair = pairs[i];
            const int p = static_cast<int>(i / kLocations) + 1;
            const int l = static_cast<int>(i % kLocations) + 1;
            int quantity = 0;
            const char *reason = "shipped";
            if (pair.pendingReceipt == d) {
                quantity = pair.receiptQuantity;
                reason = "received";
                pair.pendingReceipt = -1;
            } else {
                const double chance = pair.perDay * (weekend ? 1.4 : 0.85);
                if (rng.generateDouble() >= chance || pair.onHand <= 0)
                    continue;
                quantity = -std::min(pair.onHand, 1 + static_cast<int>(rng.bounded(2)));
            }
            pair.onHand += quantity;
            sqlite3_bind_int(movement.stmt, 1, p);
            sqlite3_bind_int(movement.stmt, 2, l);
            sqlite3_bind_int(movement.stmt, 3, quantity);
            sqlite3_bind_text(movement.stmt, 4, reason, -1, SQLITE_STATIC);
            const QByteArray &at = hours[static_cast<size_t>(8 + rng.bounded(12))];
            sqlite3_bind_text(movement.stmt, 5, at.constData(), static_cast<int>(at.size()),
                              SQLITE_STATIC);
            if (!movement.run())
                return false;
            ++rows;
            // Restock some pairs when low, after a lead time; leave others out of
            // stock for a while so stock-outs show in the history.
            if (pair.onHand <= 2 && pair.pendingReceipt < 0 && (i % 3 != 0 || d % 60 == 0)) {
                pair.pendingReceipt = d + 7 + static_cast<int>(i % 21);
                pair.receiptQuantity = 10 + static_cast<int>(pair.perDay * 45);
            }
        }
        if (d == 0)
            for (Pair &pair : pairs)
                if (pair.pendingReceipt < 0) {
                    pair.pendingReceipt = 1;
                    pair.receiptQuantity = 10 + static_cast<int>(pair.perDay * 45);
                }
    }
    for (size_t i = 0; i < pairs.size(); ++i) {
        sqlite3_bind_int(level.stmt, 1, static_cast<int>(i / kLocations) + 1);
        sqlite3_bind_int(level.stmt, 2, static_cast<int>(i % kLocations) + 1);
        sqlite3_bind_int(level.stmt, 3, pairs[i].onHand);
        sqlite3_bind_int(level.stmt, 4, pairs[i].onHand > 4 ? 1 : 0);
        if (!level.run())
            return false;
    }
    // Open purchase orders: one per supplier and location, a line for every 10th product.
    int poId = 0;
    for (int s = 1; s <= kSuppliers; ++s)
        for (int l = 1; l <= kLocations; ++l) {
            ++poId;
            const QByteArray number =
                QStringLiteral("PO-%1").arg(poId, 5, 10, QLatin1Char('0')).toUtf8();
            sqlite3_bind_int(po.stmt, 1, poId);
            sqlite3_bind_text(po.stmt, 2, number.constData(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(po.stmt, 3, s);
            sqlite3_bind_int(po.stmt, 4, l);
            if (!po.run())
                return false;
            for (int p = s; p <= products; p += kSuppliers * 10) {
                sqlite3_bind_int(poLine.stmt, 1, poId);
                sqlite3_bind_int(poLine.stmt, 2, p);
                sqlite3_bind_int(poLine.stmt, 3, 24);
                if (!poLine.run())
                    return false;
            }
        }
    std::printf("  %lld movements written\n", static_cast<long long>(rows));
    std::fflush(stdout);
    return exec(db, "COMMIT; "
                    "CREATE INDEX stock_movements_product "
                    "  ON stock_movements(product_id, location_id, created_at); "
                    "CREATE INDEX stock_movements_time ON stock_movements(created_at); "
                    "CREATE INDEX stock_movements_reference "
                    "  ON stock_movements(reference_type, reference_id); "
                    "ANALYZE; PRAGMA journal_mode = WAL");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int products = argument(args, "--products", QStringLiteral("50000")).toInt();
    const int days = argument(args, "--days", QStringLiteral("730")).toInt();
    const int runs = std::max(1, argument(args, "--runs", QStringLiteral("3")).toInt());
    const QDate today(2026, 11, 26);

    QTemporaryDir scratch;
    QString path = argument(args, "--db");
    if (path.isEmpty())
        path = scratch.filePath(QStringLiteral("reorder-bench.db"));
    const bool reuse = args.contains(QStringLiteral("--keep")) && QFile::exists(path);

    std::printf("bench_reorder: %d products x %d locations, %d days of movements\n", products,
                kLocations, days);
    if (!reuse) {
        QFile::remove(path);
        QElapsedTimer made;
        made.start();
        if (!generate(path, products, days, today))
            return fail(QStringLiteral("could not generate %1").arg(path));
        std::printf("  generated %s in %.1f s (%.0f MB)\n", qPrintable(path),
                    static_cast<double>(made.elapsed()) / 1000.0,
                    static_cast<double>(QFileInfo(path).size()) / 1e6);
    } else {
        std::printf("  reusing %s\n", qPrintable(path));
    }

    models::Result<std::unique_ptr<storage::SqlReorderSource>> source =
        storage::SqlReorderSource::open(path);
    if (!source.ok())
        return fail(source.error());
    models::ReorderQuery query;
    query.today = today;
    // --backtest-weeks 0 times the trailing average alone, without the seasonal backtests.
    if (const QString weeks = argument(args, "--backtest-weeks"); !weeks.isEmpty()) {
        models::ReorderSettings settings;
        settings.backtestWeeks = weeks.toInt();
        query.settings = settings;
    }
    double best = 0;
    for (int run = 1; run <= runs; ++run) {
        QElapsedTimer wall;
        const double cpu0 = cpuMillis();
        wall.start();
        models::Result<QList<models::ReorderSuggestion>> rows =
            source.value()->suggestions(query, [](qint64, qint64) { return true; });
        const double ms = static_cast<double>(wall.nsecsElapsed()) / 1e6;
        if (!rows.ok())
            return fail(rows.error());
        int toOrder = 0, seasonal = 0, holtWinters = 0, outDays = 0;
        for (const models::ReorderSuggestion &r : rows.value()) {
            toOrder += r.outcome.suggestedQuantity > 0 ? 1 : 0;
            seasonal += r.outcome.forecast.method == models::ForecastMethod::SeasonalNaive;
            holtWinters += r.outcome.forecast.method == models::ForecastMethod::HoltWinters;
            outDays += r.outcome.demand.daysOutOfStock > 0 ? 1 : 0;
        }
        best = run == 1 ? ms : std::min(best, ms);
        std::printf("  run %d: %8.1f ms wall, %8.1f ms CPU: %lld suggestions, %d to order, "
                    "%d seasonal-naive, %d Holt-Winters, %d with stock-out days\n",
                    run, ms, cpuMillis() - cpu0, static_cast<long long>(rows->size()), toOrder,
                    seasonal, holtWinters, outDays);
        std::fflush(stdout);
    }
    std::printf("  best %.1f ms (target <= 3000 ms): %s\n", best, best <= 3000 ? "met" : "MISSED");
    return 0;
}
