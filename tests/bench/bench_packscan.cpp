// Times the pack bench through its controller and its storage, without the GUI:
// finding an order from a scanned code, each scan to its verdict (the session's
// check plus the pack_scans insert, and the product lookup for a wrong item), and
// marking the order packed.
// Usage: bench_packscan [--db PATH] [--orders N] [--packs N]
//   --db: an existing Backroom database (e.g. from bench_demo); it is written to
//         (scan log, packed orders, and products added until there are 50,000).
//   Without --db: a demo shop of N orders (default 1,000,000) and 50,000 products is
//   written to a temp dir first (a few minutes and about 2.5 GB).
// Targets: scan -> verdict median <= 2 ms, p99 <= 10 ms.
#include "app/demoshop.h"
#include "models/gtin.h"
#include "models/packsession.h"
#include "storage/database.h"
#include "storage/sqlpackbench.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr int kProducts = 50'000;

struct Figures
{
    std::vector<double> ms;
    void add(qint64 ns) { ms.push_back(static_cast<double>(ns) / 1e6); }
    double at(double share)
    {
        if (ms.empty())
            return 0;
        std::sort(ms.begin(), ms.end());
        const size_t i =
            std::min(ms.size() - 1, static_cast<size_t>(share * (ms.size() - 1) + 0.5));
        return ms[i];
    }
    void print(const char *what, const char *target = "")
    {
        std::printf("%-34s n=%6zu  median %7.3f ms  p99 %7.3f ms  max %7.3f ms %s\n", what,
                    ms.size(), at(0.5), at(0.99), at(1.0), target);
    }
};

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_packscan: %s\n", qPrintable(message));
    return 1;
}

// Products up to 50,000, each with an EAN-13 from the in-store range (prefix 2).
models::Status topUpProducts(const QSqlDatabase &db)
{
    models::Result<QVariant> have =
        storage::queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM products"));
    if (!have)
        return models::Error{have.error()};
    const int missing = kProducts - have->toInt();
    if (missing <= 0)
        return {};
    storage::Transaction txn(db);
    QSqlQuery product(db), barcode(db);
    product.prepare(QStringLiteral(
        "INSERT INTO products (sku, name, cost_currency, price_currency, weight_grams, length_mm, "
        "width_mm, height_mm, created_at) VALUES (?, ?, 'GBP', 'GBP', ?, ?, ?, ?, "
        "'2026-01-01T00:00:00Z')"));
    barcode.prepare(QStringLiteral("INSERT INTO product_barcodes (product_id, barcode, symbology, "
                                   "is_primary) VALUES (?, ?, 'EAN13', 1)"));
    for (int i = 0; i < missing; ++i) {
        if (models::Status s = storage::execPrepared(
                product, {QStringLiteral("BENCH-%1").arg(i, 6, 10, QLatin1Char('0')),
                          QStringLiteral("Bench item %1").arg(i), 100 + i % 900, 50 + i % 200,
                          40 + i % 150, 10 + i % 120});
            !s)
            return s;
        const QString ean =
            models::gtin::withCheckDigit(QStringLiteral("29%1").arg(i, 10, 10, QLatin1Char('0')));
        if (models::Status s = storage::execPrepared(barcode, {product.lastInsertId(), ean}); !s)
            return s;
    }
    return txn.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString path;
    qint64 orders = 1'000'000;
    int packs = 400;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--db"))
            path = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--orders"))
            orders = args.at(i + 1).toLongLong();
        else if (args.at(i) == QLatin1String("--packs"))
            packs = args.at(i + 1).toInt();
    }
    QTemporaryDir dir;
    const QLocale en(QLocale::English);
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("packscan.db"));
        app::DemoOptions options;
        options.orders = orders;
        options.products = kProducts;
        options.today = QDate(2026, 11, 25);
        QElapsedTimer t;
        t.start();
        const auto summary = app::writeDemoShop(path, options);
        if (!summary)
            return fail(summary.error());
        std::printf("demo shop: %s orders, %s products written in %.0f s\n",
                    qPrintable(en.toString(summary->orders)),
                    qPrintable(en.toString(summary->products)), t.elapsed() / 1000.0);
    }
    QElapsedTimer opening;
    opening.start();
    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(path);
    if (!opened)
        return fail(opened.error());
    const QSqlDatabase db = opened.value()->connection();
    std::printf("opened (and migrated) in %.1f s\n", opening.elapsed() / 1000.0);
    if (models::Status s = topUpProducts(db); !s)
        return fail(s.error());
    std::printf(
        "database: %s orders, %s products, %s barcodes\n",
        qPrintable(en.toString(
            storage::queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM orders"))->toLongLong())),
        qPrintable(
            en.toString(storage::queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM products"))
                            ->toLongLong())),
        qPrintable(en.toString(
            storage::queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM product_barcodes"))
                ->toLongLong())));

    // Orders to pack: those ready or picking. When there are too few, the newest
    // orders are put back to picking with nothing shipped (in this database only).
    auto packable = [&db, packs]() {
        QList<QString> numbers;
        models::Result<QSqlQuery> q = storage::runQuery(
            db,
            QStringLiteral("SELECT order_number FROM orders WHERE status IN ('ready', 'picking') "
                           "AND (SELECT COUNT(*) FROM orders o2 WHERE o2.order_number = "
                           "orders.order_number) = 1 ORDER BY id DESC LIMIT ?"),
            {packs});
        while (q && q.value().next())
            numbers.append(q.value().value(0).toString());
        return numbers;
    };
    QList<QString> numbers = packable();
    if (numbers.size() < packs) {
        storage::Transaction txn(db);
        const QString chosen =
            QStringLiteral(
                "SELECT id FROM orders WHERE status NOT IN ('ready', 'picking') ORDER BY id DESC "
                "LIMIT %1")
                .arg(2 * (packs - numbers.size()));
        for (const QString &sql :
             {QStringLiteral("UPDATE order_lines SET quantity_shipped = 0 WHERE order_id IN (%1)"),
              QStringLiteral("UPDATE orders SET status = 'picking' WHERE id IN (%1)")}) {
            if (models::Status s = storage::runStatement(db, sql.arg(chosen)); !s)
                return fail(s.error());
        }
        if (models::Status s = txn.commit(); !s)
            return fail(s.error());
        numbers = packable();
    }
    // Codes of products not on the orders, for wrong scans.
    QList<QString> others;
    {
        models::Result<QSqlQuery> q = storage::runQuery(
            db, QStringLiteral("SELECT barcode FROM product_barcodes ORDER BY id DESC LIMIT 2000"));
        while (q && q.value().next())
            others.append(q.value().value(0).toString());
    }

    storage::SqlPackBench bench(db, QStringLiteral("bench-1"), QStringLiteral("bench"));
    const QList<models::PackBox> boxes =
        bench.boxes().ok() ? bench.boxes().value() : QList<models::PackBox>();
    const auto identify = [&bench](const QString &c) { return bench.identify(c); };
    Figures lookup, loaded, right, wrong, all, packedTimes;
    QRandomGenerator rng(7);
    QElapsedTimer t;
    int packedCount = 0, units = 0;
    for (const QString &number : std::as_const(numbers)) {
        t.start();
        models::Result<models::PackOrder> order = bench.findOrder(number);
        lookup.add(t.nsecsElapsed());
        if (!order) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(number), qPrintable(order.error()));
            continue;
        }
        models::PackSession session(std::move(order).value(), boxes);
        t.start();
        (void)bench.logScan({session.order().id, number, models::ScanResult::OrderFound, 0, {}});
        loaded.add(t.nsecsElapsed());
        for (int line = 0; line < session.lineCount(); ++line) {
            const models::PackLine &l = session.order().lines.at(line);
            for (int unit = 0; unit < l.quantity; ++unit) {
                // Now and then a wrong item first: counted as nothing.
                if (rng.bounded(8) == 0) {
                    const QString code = others.at(int(rng.bounded(int(others.size()))));
                    t.start();
                    const models::ScanVerdict v = session.submit(code, identify);
                    (void)bench.logScan({session.order().id, code, v.result, v.units, v.message});
                    const qint64 ns = t.nsecsElapsed();
                    wrong.add(ns);
                    all.add(ns);
                }
                // Any of the product's codes: a barcode, its GTIN-14 in a GS1-128, the SKU.
                QString code = l.sku;
                if (!l.barcodes.isEmpty()) {
                    const QString b = l.barcodes.at(unit % l.barcodes.size());
                    code = unit % 3 == 2 && b.size() == 13
                               ? QStringLiteral("]C101") + b.rightJustified(14, u'0')
                               : b;
                }
                t.start();
                const models::ScanVerdict v = session.submit(code, identify);
                (void)bench.logScan({session.order().id, code, v.result, v.units, v.message});
                const qint64 ns = t.nsecsElapsed();
                right.add(ns);
                all.add(ns);
                if (v.result != models::ScanResult::Right)
                    std::fprintf(stderr, "%s: %s gave %s\n", qPrintable(number), qPrintable(code),
                                 qPrintable(v.message));
            }
        }
        if (!session.isComplete())
            continue;
        models::PackCompletion c;
        c.orderId = session.order().id;
        if (const auto b = session.box())
            c.boxCode = b->code;
        c.weightGrams = std::max(1, session.estimatedWeightGrams());
        c.weightEstimated = true;
        c.units = session.unitsPacked();
        t.start();
        const models::Status s = bench.markPacked(c);
        packedTimes.add(t.nsecsElapsed());
        if (!s)
            std::fprintf(stderr, "%s: %s\n", qPrintable(number), qPrintable(s.error()));
        else
            ++packedCount, units += c.units;
    }
    t.start();
    models::Result<models::PackFigures> f =
        bench.figuresSince(QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC));
    const double figuresMs = t.nsecsElapsed() / 1e6;

    std::printf("\n%d orders packed (%d items) of %lld tried\n", packedCount, units,
                static_cast<long long>(numbers.size()));
    lookup.print("order lookup (scan -> order loaded)");
    loaded.print("order scan logged");
    right.print("right scan -> verdict (+ log)");
    wrong.print("wrong scan -> verdict (+ lookup, log)");
    all.print("every item scan -> verdict", "[target: median <= 2 ms, p99 <= 10 ms]");
    packedTimes.print("mark packed (one transaction)");
    std::printf("%-34s %.1f ms (%d orders, accuracy %.1f %%, mis-scans %.1f %%)\n", "figures query",
                figuresMs, f ? f->ordersPacked : 0, f ? f->accuracy() * 100 : 0,
                f ? f->misScanRate() * 100 : 0);
    const bool met = all.at(0.5) <= 2.0 && all.at(0.99) <= 10.0;
    std::printf("%s\n", met ? "targets met" : "TARGETS MISSED");
    return met ? 0 : 2;
}
