#include "storagetestutil.h"

#include "models/money.h"
#include "storage/database.h"
#include "storage/sqlreports.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using models::Report;
using models::ReportKind;
using models::ReportQuery;
using storage::Database;
using storage::SqlReports;

namespace {

// A shop with known orders, shipments, movements, pack scans and a count, and the
// week of 20–26 Nov 2026 reported at noon on the 26th.
const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-11-26T12:00:00Z"), Qt::ISODate);
const QDate kFrom(2026, 11, 20);
const QDate kTo(2026, 11, 26);

const char *const kShop[] = {
    "INSERT INTO channels (id, code, name, currency) VALUES (1, 'shopify', 'Shopify', 'GBP'), "
    "(2, 'amazon', 'Amazon', 'GBP')",
    "INSERT INTO locations (id, code, name, kind, country) VALUES (1, 'MAIN', 'Main warehouse', "
    "'warehouse', 'GB'), (2, 'SHOP', 'High Street shop', 'store', 'GB')",
    "INSERT INTO products (id, sku, name, cost_minor, cost_currency, price_minor, price_currency, "
    "created_at) VALUES "
    "(1, 'SKU-A', 'Oak lamp', 500, 'GBP', 1000, 'GBP', '2026-01-01T00:00:00Z'), "
    "(2, 'SKU-B', 'Linen shade', 200, 'GBP', 800, 'GBP', '2026-01-01T00:00:00Z'), "
    "(3, 'SKU-C', 'Brass hook', 1000, 'GBP', 2500, 'GBP', '2026-01-01T00:00:00Z')",
    // O1 shipped on time, O2 shipped late, O3 late and not shipped, O4 not due yet, O5
    // late since before the range, O6 marked shipped by its channel, O7 cancelled.
    "INSERT INTO orders (id, channel_id, external_id, order_number, status, placed_at, ship_by, "
    "currency, item_count, total_minor, location_id, buyer_name, created_at, updated_at) VALUES "
    "(1, 1, 'e1', 'O1', 'shipped', '2026-11-20T09:00:00Z', '2026-11-21T17:00:00Z', 'GBP', 2, "
    "2000, 1, 'Ann', '2026-11-20T09:00:00Z', '2026-11-20T09:00:00Z'), "
    "(2, 1, 'e2', 'O2', 'shipped', '2026-11-21T09:00:00Z', '2026-11-22T17:00:00Z', 'GBP', 1, "
    "1000, 1, 'Bo', '2026-11-21T09:00:00Z', '2026-11-21T09:00:00Z'), "
    "(3, 2, 'e3', 'O3', 'ready', '2026-11-22T09:00:00Z', '2026-11-23T17:00:00Z', 'GBP', 3, "
    "2400, 1, 'Cy', '2026-11-22T09:00:00Z', '2026-11-22T09:00:00Z'), "
    "(4, 2, 'e4', 'O4', 'new', '2026-11-25T09:00:00Z', '2026-11-27T17:00:00Z', 'GBP', 1, "
    "800, 2, 'Di', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z'), "
    "(5, 1, 'e5', 'O5', 'backordered', '2026-11-01T09:00:00Z', '2026-11-10T17:00:00Z', 'GBP', "
    "1, 1000, 1, 'Ed', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z'), "
    "(6, 2, 'e6', 'O6', 'shipped', '2026-11-23T09:00:00Z', '2026-11-24T17:00:00Z', 'GBP', 2, "
    "1600, 1, 'Flo', '2026-11-23T09:00:00Z', '2026-11-23T09:00:00Z'), "
    "(7, 1, 'e7', 'O7', 'cancelled', '2026-11-21T09:00:00Z', '2026-11-21T17:00:00Z', 'GBP', 4, "
    "9900, 1, 'Gus', '2026-11-21T09:00:00Z', '2026-11-21T09:00:00Z')",
    "INSERT INTO order_lines (order_id, line_no, product_id, sku, title, quantity, total_minor) "
    "VALUES (1, 1, 1, 'SKU-A', 'Oak lamp', 2, 2000), (2, 1, 1, 'SKU-A', 'Oak lamp', 1, 1000), "
    "(3, 1, 2, 'SKU-B', 'Linen shade', 3, 2400), (4, 1, 2, 'SKU-B', 'Linen shade', 1, 800), "
    "(5, 1, 1, 'SKU-A', 'Oak lamp', 1, 1000), (6, 1, 1, 'SKU-A', 'Oak lamp', 2, 1600), "
    "(7, 1, 3, 'SKU-C', 'Brass hook', 4, 9900)",
    "INSERT INTO shipments (order_id, location_id, status, created_at, shipped_at) VALUES "
    "(1, 1, 'shipped', '2026-11-21T08:00:00Z', '2026-11-21T10:00:00Z'), "
    "(2, 1, 'shipped', '2026-11-23T08:00:00Z', '2026-11-23T09:00:00Z')",
    // SKU-A at MAIN: 10, sold out on the 22nd, 5 back on the 25th. SKU-B: 3, sold out on
    // the 24th with one more unit waiting. SKU-C: 20 that never sold.
    "INSERT INTO stock_levels (product_id, location_id, on_hand, reserved) VALUES "
    "(1, 1, 0, 0), (2, 1, 0, 0), (3, 1, 0, 0)",
    "INSERT INTO stock_movements (product_id, location_id, quantity, reason_code, user_name, "
    "created_at) VALUES "
    "(1, 1, 10, 'opening', 'test', '2026-11-01T08:00:00Z'), "
    "(1, 1, -4, 'shipped', 'test', '2026-11-21T10:00:00Z'), "
    "(1, 1, -6, 'shipped', 'test', '2026-11-22T10:00:00Z'), "
    "(1, 1, 5, 'received', 'test', '2026-11-25T10:00:00Z'), "
    "(2, 1, 3, 'opening', 'test', '2026-11-01T08:00:00Z'), "
    "(2, 1, -3, 'shipped', 'test', '2026-11-24T10:00:00Z'), "
    "(3, 1, 20, 'opening', 'test', '2026-06-01T08:00:00Z')",
    "UPDATE stock_levels SET on_hand = (SELECT SUM(quantity) FROM stock_movements m "
    "WHERE m.product_id = stock_levels.product_id AND m.location_id = stock_levels.location_id)",
    "UPDATE stock_levels SET reserved = 1 WHERE product_id = 2",
    // Amy packs O1 cleanly and O6 after an unknown code; Ben scans a wrong item in O2.
    "INSERT INTO pack_scans (order_id, station, packer, at, code, result, units) VALUES "
    "(1, 'b1', 'amy', '2026-11-21T08:50:00Z', 'A', 'right', 1), "
    "(1, 'b1', 'amy', '2026-11-21T08:51:00Z', 'A', 'right', 1), "
    "(1, 'b1', 'amy', '2026-11-21T09:00:00Z', 'O1', 'packed', 0), "
    "(2, 'b2', 'ben', '2026-11-22T08:50:00Z', 'A', 'right', 1), "
    "(2, 'b2', 'ben', '2026-11-22T08:51:00Z', 'B', 'wrong', 0), "
    "(2, 'b2', 'ben', '2026-11-22T08:52:00Z', 'A', 'right', 1), "
    "(2, 'b2', 'ben', '2026-11-22T09:00:00Z', 'O2', 'packed', 0), "
    "(6, 'b1', 'amy', '2026-11-23T08:50:00Z', 'ZZ', 'unknown', 0), "
    "(6, 'b1', 'amy', '2026-11-23T08:51:00Z', 'A', 'right', 1), "
    "(6, 'b1', 'amy', '2026-11-23T08:52:00Z', 'A', 'right', 1), "
    "(6, 'b1', 'amy', '2026-11-23T09:00:00Z', 'O6', 'packed', 0)",
    "INSERT INTO stock_counts (id, location_id, status, created_at, posted_at, user_name) "
    "VALUES (1, 1, 'posted', '2026-11-24T07:00:00Z', '2026-11-24T08:00:00Z', 'test')",
    "INSERT INTO stock_count_lines (count_id, product_id, expected, counted, on_hand_at_count) "
    "VALUES (1, 1, 0, 0, 0), (1, 3, 20, 19, 20)",
};

QList<QVariantList> rowsOf(const Report &r, int table)
{
    return r.tables.value(table).rows;
}

qint64 minor(const QVariant &money)
{
    return money.value<models::Money>().minorUnits();
}

} // namespace

class TestSqlReports : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void lateOrders();
    void lateOrdersForOneChannel();
    void stockOuts();
    void accuracy();
    void turnover();
    void salesByChannel();
    void choices();
    void emptyRangeSaysSo();
    void cancelStopsTheRun();
    void rangeBackwardsIsAnError();

private:
    Report runReport(ReportKind kind, std::optional<qint64> channel = {},
                     std::optional<qint64> location = {});

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlReports> m_reports;
};

void TestSqlReports::init()
{
    const QString path = m_dir.filePath(
        QStringLiteral("reports-%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
    auto db = Database::open(path);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    m_db = std::move(db).value();
    for (const char *sql : kShop)
        VERIFY_OK(storage::runStatement(m_db->connection(), QString::fromLatin1(sql)));
    m_reports = std::make_unique<SqlReports>(m_db->connection());
}

void TestSqlReports::cleanup()
{
    m_reports.reset();
    m_db.reset();
}

Report TestSqlReports::runReport(ReportKind kind, std::optional<qint64> channel,
                                 std::optional<qint64> location)
{
    ReportQuery q;
    q.kind = kind;
    q.from = kFrom;
    q.to = kTo;
    q.now = kNow;
    q.channelId = channel;
    q.locationId = location;
    models::Result<Report> r = m_reports->run(q);
    if (!r.ok()) {
        qWarning("%s", qPrintable(r.error()));
        return {};
    }
    return std::move(r).value();
}

void TestSqlReports::lateOrders()
{
    const Report r = runReport(ReportKind::Late);
    QCOMPARE(r.kind, ReportKind::Late);
    QCOMPARE(r.headline, QStringLiteral("2 of 4 orders due to ship 20 Nov 2026 – 26 Nov 2026 "
                                        "were late (50.0%): 1 shipped late, 1 not shipped yet."));
    // Daily bars: O2 shipped late (due the 22nd), O3 not shipped (due the 23rd).
    QCOMPARE(r.chart.categories.size(), 7);
    QCOMPARE(r.chart.series.size(), 2);
    QCOMPARE(r.chart.series.at(0).values, (QList<double>{0, 0, 1, 0, 0, 0, 0}));
    QCOMPARE(r.chart.series.at(1).values, (QList<double>{0, 0, 0, 1, 0, 0, 0}));
    // By channel and location, the latest first: Shopify 1 of 2, Amazon 1 of 2 at MAIN.
    const QList<QVariantList> places = rowsOf(r, 0);
    QCOMPARE(places.size(), 2);
    for (const QVariantList &row : places) {
        QCOMPARE(row.at(1).toString(), QStringLiteral("MAIN"));
        QCOMPARE(row.at(2).toLongLong(), 2);
        QCOMPARE(row.at(6).toDouble(), 50.0);
    }
    // Late now: O5 (due 10 Nov) then O3.
    const QList<QVariantList> now = rowsOf(r, 1);
    QCOMPARE(now.size(), 2);
    QCOMPARE(r.tables.at(1).totalRows, 2);
    QCOMPARE(now.at(0).at(0).toString(), QStringLiteral("O5"));
    QCOMPARE(now.at(0).at(3).toString(), QStringLiteral("backordered"));
    QCOMPARE(now.at(1).at(0).toString(), QStringLiteral("O3"));
    QCOMPARE(now.at(1).at(5).toDouble(), 67.0 / 24.0); // 23rd 17:00 to 26th 12:00
    QVERIFY(r.findings.join(QLatin1Char(' '))
                .contains(QStringLiteral("2 orders are late right now; the oldest was due 16 "
                                         "days ago.")));
}

void TestSqlReports::lateOrdersForOneChannel()
{
    const Report r = runReport(ReportKind::Late, 2);
    QVERIFY2(r.headline.startsWith(QStringLiteral("1 of 2 orders")), qPrintable(r.headline));
    QVERIFY(r.headline.contains(QStringLiteral("(Amazon)")));
    QCOMPARE(rowsOf(r, 1).size(), 1);
    QCOMPARE(rowsOf(r, 1).at(0).at(0).toString(), QStringLiteral("O3"));
    // At the shop location nothing was due.
    const Report shop = runReport(ReportKind::Late, {}, 2);
    QVERIFY2(shop.headline.startsWith(QStringLiteral("No orders were due")),
             qPrintable(shop.headline));
}

void TestSqlReports::stockOuts()
{
    const Report r = runReport(ReportKind::StockOuts);
    QCOMPARE(r.headline, QStringLiteral("2 products ran out of stock 20 Nov 2026 – 26 Nov 2026 "
                                        "for 6 product-days in all; about £93.00 of sales lost."));
    const QList<QVariantList> rows = rowsOf(r, 0);
    QCOMPARE(rows.size(), 2);
    // SKU-B is out now (its one unit on hand is reserved): first.
    QCOMPARE(rows.at(0).at(0).toString(), QStringLiteral("SKU-B"));
    QCOMPARE(rows.at(0).at(3).toLongLong(), -1);
    QCOMPARE(rows.at(0).at(4).toString(), QStringLiteral("Yes"));
    QCOMPARE(rows.at(0).at(5).toInt(), 3);
    QCOMPARE(rows.at(0).at(6).toDate(), QDate(2026, 11, 24));
    QCOMPARE(rows.at(0).at(8).toDouble(), 0.75);
    QCOMPARE(rows.at(0).at(9).toDouble(), 2.25);
    QCOMPARE(minor(rows.at(0).at(10)), 1800);
    // SKU-A: out from the 22nd to the 24th, 10 sold over 4 days in stock.
    QCOMPARE(rows.at(1).at(0).toString(), QStringLiteral("SKU-A"));
    QCOMPARE(rows.at(1).at(4).toString(), QStringLiteral("No"));
    QCOMPARE(rows.at(1).at(5).toInt(), 3);
    QCOMPARE(rows.at(1).at(6).toDate(), QDate(2026, 11, 22));
    QCOMPARE(rows.at(1).at(8).toDouble(), 2.5);
    QCOMPARE(minor(rows.at(1).at(10)), 7500);
    // The chart: products out at the end of each day.
    QCOMPARE(r.chart.series.at(0).values, (QList<double>{0, 0, 1, 1, 2, 1, 1}));
}

void TestSqlReports::accuracy()
{
    const Report r = runReport(ReportKind::Accuracy);
    QCOMPARE(r.headline, QStringLiteral("20 Nov 2026 – 26 Nov 2026: 33.3% of 3 orders packed "
                                        "without a mis-scan; 50.0% of 2 orders shipped on time; "
                                        "stock counts 50.0% right."));
    const QList<QVariantList> packers = rowsOf(r, 0);
    QCOMPARE(packers.size(), 2);
    QCOMPARE(packers.at(0).at(0).toString(), QStringLiteral("amy"));
    QCOMPARE(packers.at(0).at(1).toLongLong(), 2);  // orders packed
    QCOMPARE(packers.at(0).at(2).toDouble(), 50.0); // without a mis-scan
    QCOMPARE(packers.at(0).at(3).toLongLong(), 5);  // item scans
    QCOMPARE(packers.at(0).at(4).toLongLong(), 1);  // mis-scans
    QCOMPARE(packers.at(0).at(5).toDouble(), 20.0);
    QCOMPARE(packers.at(1).at(0).toString(), QStringLiteral("ben"));
    QCOMPARE(packers.at(1).at(5).toDouble(), 100.0 / 3.0);
    const QList<QVariantList> shipping = rowsOf(r, 1);
    QCOMPARE(shipping.size(), 1);
    QCOMPARE(shipping.at(0).at(0).toString(), QStringLiteral("Shopify"));
    QCOMPARE(shipping.at(0).at(3).toDouble(), 50.0);
    const QList<QVariantList> counts = rowsOf(r, 2);
    QCOMPARE(counts.size(), 1);
    QCOMPARE(counts.at(0).at(1).toLongLong(), 2);
    QCOMPARE(counts.at(0).at(2).toLongLong(), 1);
    QCOMPARE(counts.at(0).at(4).toLongLong(), 1);
    QCOMPARE(r.chart.style, models::ReportChart::Style::Lines);
    QCOMPARE(r.chart.series.at(0).values.at(1), 100.0); // the 21st: O1 clean
    QCOMPARE(r.chart.series.at(0).values.at(2), 0.0);   // the 22nd: O2 had a wrong scan
    QVERIFY(std::isnan(r.chart.series.at(0).values.at(0)));
}

void TestSqlReports::turnover()
{
    const Report r = runReport(ReportKind::Turnover);
    // COGS 10 × £5 + 3 × £2 = £56; average stock value £18.57 + £3.43 + £200 = £222.
    QCOMPARE(r.headline, QStringLiteral("Stock turned 0.25 times in these 7 days (about 13.2 "
                                        "times a year at this pace); £225.00 of stock on hand."));
    const QList<QVariantList> dead = rowsOf(r, 0);
    QCOMPARE(dead.size(), 1);
    QCOMPARE(dead.at(0).at(0).toString(), QStringLiteral("SKU-C"));
    QCOMPARE(minor(dead.at(0).at(4)), 20000);
    QVERIFY(dead.at(0).at(5).isNull());
    QVERIFY(
        r.findings.at(0).contains(QStringLiteral("£200.00 tied up (88.9% of the stock value)")));
    const QList<QVariantList> all = rowsOf(r, 1);
    QCOMPARE(all.size(), 3);
    // Slowest first: SKU-C (no sales), SKU-A (3.5 days), SKU-B (none left).
    QCOMPARE(all.at(0).at(0).toString(), QStringLiteral("SKU-C"));
    QCOMPARE(all.at(1).at(0).toString(), QStringLiteral("SKU-A"));
    QCOMPARE(all.at(1).at(5).toLongLong(), 10);
    QCOMPARE(minor(all.at(1).at(6)), 5000);
    QCOMPARE(minor(all.at(1).at(7)), 1857);
    QCOMPARE(all.at(1).at(8).toDouble(), 5000.0 / (26.0 / 7.0 * 500.0));
    QCOMPARE(all.at(1).at(9).toDouble(), 3.5);
    QCOMPARE(all.at(1).at(10).toDate(), QDate(2026, 11, 22));
    QCOMPARE(all.at(2).at(0).toString(), QStringLiteral("SKU-B"));
    QCOMPARE(all.at(2).at(9).toDouble(), 0.0);
    // Stock value by cover: £25 under 30 days, £200 with no sales.
    QCOMPARE(r.chart.series.at(0).values, (QList<double>{25, 0, 0, 0, 200}));
}

void TestSqlReports::salesByChannel()
{
    const Report r = runReport(ReportKind::Sales);
    QCOMPARE(r.headline, QStringLiteral("5 orders placed 20 Nov 2026 – 26 Nov 2026: 9 units, "
                                        "£78.00 in revenue."));
    const QList<QVariantList> channels = rowsOf(r, 0);
    QCOMPARE(channels.size(), 2);
    QCOMPARE(channels.at(0).at(0).toString(), QStringLiteral("Amazon"));
    QCOMPARE(channels.at(0).at(1).toLongLong(), 3);
    QCOMPARE(channels.at(0).at(3).toLongLong(), 6);
    QCOMPARE(minor(channels.at(0).at(4)), 4800);
    QCOMPARE(minor(channels.at(0).at(5)), 1600);
    QCOMPARE(channels.at(1).at(0).toString(), QStringLiteral("Shopify"));
    QCOMPARE(minor(channels.at(1).at(4)), 3000);
    // Weeks of 16 and 23 Nov; revenue in pounds.
    QCOMPARE(r.chart.categories, (QStringList{QStringLiteral("16 Nov"), QStringLiteral("23 Nov")}));
    QCOMPARE(r.chart.series.at(0).name, QStringLiteral("Amazon"));
    QCOMPARE(r.chart.series.at(0).values, (QList<double>{24, 24}));
    QCOMPARE(r.chart.series.at(1).values, (QList<double>{30, 0}));
    const QList<QVariantList> top = rowsOf(r, 2);
    QCOMPARE(top.size(), 2);
    QCOMPARE(top.at(0).at(0).toString(), QStringLiteral("SKU-A"));
    QCOMPARE(top.at(0).at(2).toLongLong(), 5);
    QCOMPARE(top.at(0).at(3).toLongLong(), 3);
    QCOMPARE(minor(top.at(0).at(4)), 4600);
    QVERIFY(r.findings.contains(QStringLiteral("Best seller: Oak lamp (SKU-A), 5 units.")));
    // One channel only.
    const Report shopify = runReport(ReportKind::Sales, 1);
    QVERIFY2(shopify.headline.startsWith(QStringLiteral("2 orders placed")),
             qPrintable(shopify.headline));
}

void TestSqlReports::choices()
{
    const models::Result<models::ReportChoices> c = m_reports->choices();
    VERIFY_OK(c);
    QCOMPARE(c->channels.size(), 2);
    QCOMPARE(c->channels.at(0).name, QStringLiteral("Amazon"));
    QCOMPARE(c->locations.size(), 2);
    QCOMPARE(c->locations.at(0).name, QStringLiteral("MAIN — Main warehouse"));
}

void TestSqlReports::emptyRangeSaysSo()
{
    ReportQuery q;
    q.kind = ReportKind::Sales;
    q.from = QDate(2025, 1, 1);
    q.to = QDate(2025, 1, 7);
    q.now = kNow;
    const models::Result<Report> r = m_reports->run(q);
    VERIFY_OK(r);
    QVERIFY2(r->headline.startsWith(QStringLiteral("No orders were placed")),
             qPrintable(r->headline));
    QVERIFY(r->chart.isEmpty());
}

void TestSqlReports::cancelStopsTheRun()
{
    for (ReportKind kind : models::allReportKinds()) {
        ReportQuery q;
        q.kind = kind;
        q.from = kFrom;
        q.to = kTo;
        q.now = kNow;
        int calls = 0;
        const models::Result<Report> r = m_reports->run(q, [&calls](qint64, qint64) {
            ++calls;
            return false;
        });
        QVERIFY(!r.ok());
        QVERIFY2(r.error().endsWith(QStringLiteral("cancelled")), qPrintable(r.error()));
        QCOMPARE(calls, 1);
    }
}

void TestSqlReports::rangeBackwardsIsAnError()
{
    ReportQuery q;
    q.kind = ReportKind::Late;
    q.from = kTo;
    q.to = kFrom;
    const models::Result<Report> r = m_reports->run(q);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QStringLiteral("2026-11-26")), qPrintable(r.error()));
}

QTEST_GUILESS_MAIN(TestSqlReports)
#include "tst_sqlreports.moc"
