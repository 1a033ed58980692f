// Times the Stock screen's model over 200,000 product × location rows, through the
// model's API (what the view calls): the first screen, a jump to the end, scrolling,
// and each filter and search change to its first screen.
// Usage: bench_stock [--db PATH] [--products N]   (N products at 4 locations; 50,000
// gives 200,000 rows). Without --db the shop is built in a temporary file.
// Target: a filter or search change <= 100 ms to its first screen; first rows <= 300 ms.
#include "models/stocklevelmodel.h"
#include "storage/database.h"
#include "storage/sqlrun.h"
#include "storage/sqlstocklevelsource.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

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

void readScreen(QAbstractItemModel &model, int firstRow)
{
    const int last = std::min(model.rowCount(), firstRow + 40);
    for (int r = firstRow; r < last; ++r)
        for (int c = 0; c < model.columnCount(); ++c)
            (void)model.data(model.index(r, c));
}

void report(const char *what, double ms, int rows, const char *target)
{
    std::printf("  %-40s %8.1f ms  %7d rows   %s\n", what, ms, rows, target);
}

QString gtin13(qint64 n)
{
    const QString digits = QStringLiteral("50%1").arg(n, 10, 10, QLatin1Char('0'));
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += digits.at(11 - i).digitValue() * (i % 2 == 0 ? 3 : 1);
    return digits + QString::number((10 - sum % 10) % 10);
}

const QStringList things = {QStringLiteral("Apron"),   QStringLiteral("Mug"),
                            QStringLiteral("Board"),   QStringLiteral("Throw"),
                            QStringLiteral("Tumbler"), QStringLiteral("Pan")};

QString skuOf(int p)
{
    return QStringLiteral("HF-%1-%2")
        .arg(things.at(p % things.size()).left(3).toUpper())
        .arg(p, 6, 10, QLatin1Char('0'));
}

// products at 4 locations, with barcodes, bins, suppliers, a ledger of ~3 movements
// per row and open purchase orders for one product in twenty.
bool buildShop(const QSqlDatabase &db, int products)
{
    storage::Transaction txn(db);
    const auto run = [&db](const QString &sql, const QVariantList &binds = {}) {
        const models::Status s = storage::runStatement(db, sql, binds);
        if (!s)
            std::fprintf(stderr, "%s\n", qPrintable(s.error()));
        return s.ok();
    };
    if (!run(QStringLiteral("INSERT INTO locations (id, code, name, kind, country) VALUES "
                            "(1, 'LDS', 'Leeds', 'warehouse', 'GB'), (2, 'MKY', 'Milton Keynes', "
                            "'warehouse', 'GB'), (3, 'BRS', 'Bristol', 'store', 'GB'), "
                            "(4, 'RTM', 'Rotterdam', '3pl', 'NL')")))
        return false;
    for (int s = 1; s <= 20; ++s)
        if (!run(QStringLiteral("INSERT INTO suppliers (id, name, currency) VALUES (?, ?, 'GBP')"),
                 {s, QStringLiteral("Supplier %1").arg(s)}))
            return false;
    QSqlQuery product(db), barcode(db), bin(db), productBin(db), level(db), movement(db);
    product.prepare(QStringLiteral(
        "INSERT INTO products (id, sku, name, supplier_id, cost_currency, price_currency, "
        "reorder_min, created_at) VALUES (?, ?, ?, ?, 'GBP', 'GBP', ?, '2026-01-01T00:00:00Z')"));
    barcode.prepare(QStringLiteral("INSERT INTO product_barcodes (product_id, barcode, symbology, "
                                   "is_primary) VALUES (?, ?, 'EAN13', 1)"));
    bin.prepare(QStringLiteral(
        "INSERT INTO bins (id, location_id, code, pick_sequence) VALUES (?, ?, ?, ?)"));
    productBin.prepare(QStringLiteral(
        "INSERT INTO product_bins (product_id, bin_id, is_primary) VALUES (?, ?, 1)"));
    level.prepare(QStringLiteral("INSERT INTO stock_levels (product_id, location_id, on_hand, "
                                 "reserved) VALUES (?, ?, ?, ?)"));
    movement.prepare(QStringLiteral(
        "INSERT INTO stock_movements (product_id, location_id, quantity, reason_code, user_name, "
        "created_at) VALUES (?, ?, ?, ?, 'bench', ?)"));
    const QStringList words = {QStringLiteral("Linen"), QStringLiteral("Stoneware"),
                               QStringLiteral("Oak"),   QStringLiteral("Wool"),
                               QStringLiteral("Glass"), QStringLiteral("Copper")};
    QRandomGenerator rng(42);
    qint64 binId = 0;
    for (int p = 1; p <= products; ++p) {
        const QString sku = skuOf(p);
        const QString name =
            QStringLiteral("%1 %2 %3")
                .arg(words.at((p / 7) % words.size()), things.at(p % things.size()))
                .arg(p);
        if (!storage::execPrepared(product, {p, sku, name, 1 + p % 20, 5 + p % 11}).ok() ||
            !storage::execPrepared(barcode, {p, gtin13(p)}).ok())
            return false;
        for (int l = 1; l <= 4; ++l) {
            ++binId;
            const int onHand = static_cast<int>(rng.bounded(0, 40));
            const int reserved = onHand > 0 ? static_cast<int>(rng.bounded(0, onHand / 4 + 1)) : 0;
            // The opening count, then a receipt and a shipment that net to zero.
            const QString opened = QStringLiteral("2026-0%1-01T09:00:00Z").arg(1 + p % 9);
            const QString lastMove = QStringLiteral("2026-11-%1T09:00:00Z")
                                         .arg(1 + rng.bounded(0, 25), 2, 10, QLatin1Char('0'));
            if (!storage::execPrepared(bin, {binId, l, QStringLiteral("B%1").arg(binId), binId})
                     .ok() ||
                !storage::execPrepared(productBin, {p, binId}).ok() ||
                !storage::execPrepared(level, {p, l, onHand, reserved}).ok())
                return false;
            if (onHand > 0 &&
                !storage::execPrepared(movement, {p, l, onHand, QStringLiteral("opening"), opened})
                     .ok())
                return false;
            if (p % 3 != 0) {
                if (!storage::execPrepared(movement,
                                           {p, l, 5, QStringLiteral("received"), lastMove})
                         .ok() ||
                    !storage::execPrepared(movement,
                                           {p, l, -5, QStringLiteral("shipped"), lastMove})
                         .ok())
                    return false;
            }
        }
    }
    // Open purchase orders: one product in twenty has units on the way to Leeds.
    for (int po = 1; po <= products / 200; ++po) {
        if (!run(QStringLiteral("INSERT INTO purchase_orders (id, po_number, supplier_id, "
                                "location_id, status, currency, created_at) VALUES (?, ?, ?, 1, "
                                "'sent', 'GBP', '2026-11-01T00:00:00Z')"),
                 {po, QStringLiteral("PO-%1").arg(po), 1 + po % 20}))
            return false;
        for (int k = 0; k < 10; ++k)
            if (!run(QStringLiteral("INSERT INTO purchase_order_lines (purchase_order_id, "
                                    "product_id, quantity_ordered) VALUES (?, ?, 24)"),
                     {po, (po - 1) * 200 + k * 20 + 1}))
                return false;
    }
    return txn.commit().ok() && run(QStringLiteral("ANALYZE"));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    int products = 50'000;
    if (const qsizetype at = args.indexOf(QStringLiteral("--products"));
        at >= 0 && at + 1 < args.size())
        products = args.at(at + 1).toInt();
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("stock.db"));
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
            if (!buildShop(db->connection(), products))
                std::exit(1);
        });
        std::printf("built %d products x 4 locations in %.1f s\n", products, built / 1000);
    }
    std::printf("bench_stock: %s\n", qPrintable(path));

    storage::SqlStockLevelSource source(db->connection());
    std::unique_ptr<models::StockLevelModel> model;
    const double first = millis([&] {
        model = std::make_unique<models::StockLevelModel>(&source);
        readScreen(*model, 0);
    });
    report("count + first screen", first, model->rowCount(), "[target <= 300 ms]");
    report("jump to the end", millis([&] { readScreen(*model, model->rowCount() - 40); }),
           model->rowCount(), "[target <= 100 ms]");
    report("jump to the middle", millis([&] { readScreen(*model, model->rowCount() / 2); }),
           model->rowCount(), "[target <= 100 ms]");
    double scroll = 0;
    for (int page = 0; page < 20; ++page)
        scroll = std::max(scroll, millis([&] { readScreen(*model, 200 * page + 180); }));
    report("scrolling, slowest of 20 pages", scroll, model->rowCount(), "[target <= 100 ms]");

    struct Case
    {
        const char *name;
        models::StockFilter filter;
    };
    std::vector<Case> cases;
    models::StockFilter f;
    f.locationId = 2;
    cases.push_back({"location", f});
    f = {};
    f.supplierId = 7;
    cases.push_back({"supplier", f});
    f = {};
    f.belowReorderPoint = true;
    cases.push_back({"below reorder point", f});
    f = {};
    f.outOfStock = true;
    cases.push_back({"out of stock", f});
    f = {};
    f.noMovementDays = 30;
    f.nowUtc = QDateTime(QDate(2026, 11, 26), QTime(12, 0), Qt::UTC);
    cases.push_back({"no movement in 30 days", f});
    f = {};
    f.search = gtin13(products / 2 + 17);
    cases.push_back({"scan a barcode", f});
    f = {};
    f.search = skuOf(products / 2 + 1);
    cases.push_back({"an exact SKU", f});
    f = {};
    f.search = QStringLiteral("Copper Pan 12");
    cases.push_back({"part of a name", f});
    f = {};
    f.search = QStringLiteral("Tumbler");
    cases.push_back({"a common word (many matches)", f});
    f = {};
    f.locationId = 1;
    f.belowReorderPoint = true;
    f.supplierId = 3;
    cases.push_back({"location + supplier + below reorder", f});

    for (const Case &c : cases) {
        const double ms = millis([&] {
            model->setFilter(c.filter);
            readScreen(*model, 0);
        });
        report(c.name, ms, model->rowCount(), "[target <= 100 ms]");
        if (!model->lastError().isEmpty())
            std::printf("    error: %s\n", qPrintable(model->lastError()));
        if (model->rowCount() > 80) {
            report("  ...then its last screen",
                   millis([&] { readScreen(*model, model->rowCount() - 40); }), model->rowCount(),
                   "[target <= 100 ms]");
        }
    }
    const double all = millis([&] {
        model->setFilter({});
        readScreen(*model, 0);
    });
    report("back to everything", all, model->rowCount(), "[target <= 100 ms]");
    return 0;
}
