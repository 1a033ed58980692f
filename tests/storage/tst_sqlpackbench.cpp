#include "kitfixture.h"
#include "models/packsession.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlpackbench.h"
#include "storage/sqlpicklistsource.h"
#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>

using models::OrderStatus;
using models::PackCompletion;
using models::PackScanRecord;
using models::ScanResult;
using storage::Database;
using storage::SqlPackBench;
using storagetest::scalar;

// The pack bench over a real database: finding orders by number, label code and
// pick-list slot; refusing those that cannot be packed, saying why; naming products
// from any code; the scan log; marking packed once, in one transaction; the figures.
class TestSqlPackBench : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlPackBench> m_bench;
    int m_files = 0;

    QSqlDatabase db() const { return m_db->connection(); }
    qint64 count(const QString &sql, const QVariantList &binds = {}) const
    {
        return scalar(db(), sql, binds).toLongLong();
    }
    void exec(const QString &sql, const QVariantList &binds = {})
    {
        const models::Status s = storage::runStatement(db(), sql, binds);
        QVERIFY2(s.ok(), qPrintable(s.error()));
    }
    // An order of the given status with lines (product id, quantity).
    qint64 addOrder(qint64 channel, const QString &externalId, const QString &number,
                    const QString &status, const QList<QPair<qint64, int>> &lines,
                    const QString &holdReason = QString())
    {
        const models::Status s = storage::runStatement(
            db(),
            QStringLiteral("INSERT INTO orders (channel_id, external_id, order_number, status, "
                           "hold_reason, placed_at, currency, ship_name, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, '2026-11-20T10:00:00Z', 'GBP', 'Jo Bloggs', "
                           "'2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')"),
            {channel, externalId, number, status,
             holdReason.isEmpty() ? storage::nullText() : QVariant(holdReason)});
        if (!s)
            qWarning("%s", qPrintable(s.error()));
        const qint64 id = count(QStringLiteral("SELECT MAX(id) FROM orders"));
        int lineNo = 0;
        for (const auto &[product, quantity] : lines) {
            exec(QStringLiteral("INSERT INTO order_lines (order_id, line_no, product_id, sku, "
                                "title, quantity) SELECT ?, ?, id, sku, 'as sold: ' || name, ? "
                                "FROM products WHERE id = ?"),
                 {id, ++lineNo, quantity, product});
        }
        return id;
    }

private slots:
    void init();
    void cleanup();

    void findsByNumberWithOrWithoutHash();
    void findsAmazonOrderId();
    void findsByLabelCode();
    void findsBySlot();
    void slotRemovedFromList();
    void refusesWithReason_data();
    void refusesWithReason();
    void ambiguousNumberAsksForAnotherCode();
    void linesCarryEveryCode();
    void identifiesOtherProducts_data();
    void identifiesOtherProducts();
    void logsEveryScan();
    void marksPackedOnce();
    void packedFromReadyPassesThroughPicking();
    void markPackedLeavesNothingOnFailure();
    void recordsWeightAfterwards();
    void figures();
    void packsAKitFromItsPickSlot();
    void kitWithoutPartsIsRefused();
};

void TestSqlPackBench::init()
{
    QVERIFY(m_dir.isValid());
    models::Result<std::unique_ptr<Database>> opened =
        Database::open(m_dir.filePath(QStringLiteral("bench%1.db").arg(++m_files)));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    exec(QStringLiteral("INSERT INTO channels (id, code, name, currency) VALUES "
                        "(1, 'shopify', 'Shopify', 'GBP'), (2, 'amazon', 'Amazon', 'GBP'), "
                        "(3, 'ebay', 'eBay', 'GBP')"));
    exec(QStringLiteral(
        "INSERT INTO products (id, sku, name, cost_currency, price_currency, weight_grams, "
        "length_mm, width_mm, height_mm, created_at) VALUES "
        "(1, 'MUG-01', 'Mug', 'GBP', 'GBP', 400, 120, 90, 100, '2026-01-01T00:00:00Z'), "
        "(2, 'TEE-M', 'T-shirt M', 'GBP', 'GBP', 200, NULL, NULL, NULL, '2026-01-01T00:00:00Z'), "
        "(3, 'CAP-01', 'Cap', 'GBP', 'GBP', 150, 200, 180, 100, '2026-01-01T00:00:00Z')"));
    exec(QStringLiteral(
        "INSERT INTO product_barcodes (product_id, barcode, symbology, is_primary) VALUES "
        "(1, '5012345678900', 'EAN13', 1), (1, '036000291452', 'UPCA', 0), "
        "(2, 'BR-TEE-M', 'CODE128', 1), (3, '4006381333931', 'EAN13', 1)"));
    exec(QStringLiteral("INSERT INTO channel_skus (channel_id, channel_sku, product_id) VALUES "
                        "(2, 'X00TEEM001', 2)"));
    exec(QStringLiteral("INSERT INTO locations (id, code, name, kind, country) VALUES "
                        "(1, 'LDS', 'Leeds', 'warehouse', 'GB')"));
    m_bench =
        std::make_unique<SqlPackBench>(db(), QStringLiteral("bench-1"), QStringLiteral("pat"));
    m_bench->setNow(QDateTime(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC));
}

void TestSqlPackBench::cleanup()
{
    m_bench.reset();
    m_db.reset();
}

void TestSqlPackBench::findsByNumberWithOrWithoutHash()
{
    const qint64 id = addOrder(1, QStringLiteral("5551001"), QStringLiteral("#1001"),
                               QStringLiteral("picking"), {{1, 2}, {2, 1}});
    for (const QString &code :
         {QStringLiteral("#1001"), QStringLiteral("1001"), QStringLiteral("  #1001\n")}) {
        models::Result<models::PackOrder> o = m_bench->findOrder(code);
        QVERIFY2(o.ok(), qPrintable(code + QStringLiteral(": ") + o.error()));
        QCOMPARE(o->id, id);
        QCOMPARE(o->orderNumber, QStringLiteral("#1001"));
        QCOMPARE(o->channelName, QStringLiteral("Shopify"));
        QCOMPARE(o->lines.size(), 2);
        QCOMPARE(o->unitsWanted(), 3);
    }
    QVERIFY(!m_bench->findOrder(QStringLiteral("#9999")).ok());
    QCOMPARE(m_bench->findOrder(QStringLiteral("#9999")).error(),
             QStringLiteral("No order has the code \"#9999\""));
}

void TestSqlPackBench::findsAmazonOrderId()
{
    const QString amazonId = QStringLiteral("202-1234567-7654321");
    const qint64 id = addOrder(2, amazonId, amazonId, QStringLiteral("ready"), {{2, 1}});
    models::Result<models::PackOrder> o = m_bench->findOrder(amazonId);
    VERIFY_OK(o);
    QCOMPARE(o->id, id);
    QCOMPARE(o->status, OrderStatus::Ready);
}

void TestSqlPackBench::findsByLabelCode()
{
    const qint64 id = addOrder(1, QStringLiteral("5551002"), QStringLiteral("#1002"),
                               QStringLiteral("picking"), {{1, 1}});
    addOrder(3, QStringLiteral("5551002"), QStringLiteral("12-00000-1002"),
             QStringLiteral("picking"), {{1, 1}});
    // "BR:<channel>:<channel order id>" with or without the order number after it.
    for (const QString &code :
         {QStringLiteral("BR:shopify:5551002"), QStringLiteral("BR:shopify:5551002:1002"),
          QStringLiteral("br:Shopify:5551002")}) {
        models::Result<models::PackOrder> o = m_bench->findOrder(code);
        QVERIFY2(o.ok(), qPrintable(code + QStringLiteral(": ") + o.error()));
        QCOMPARE(o->id, id);
    }
    // The channel id unknown to us but the order number known: found by the number.
    models::Result<models::PackOrder> o = m_bench->findOrder(QStringLiteral("BR:shopify:0:1002"));
    VERIFY_OK(o);
    QCOMPARE(o->id, id);
}

void TestSqlPackBench::findsBySlot()
{
    const qint64 a =
        addOrder(1, QStringLiteral("1"), QStringLiteral("#1"), QStringLiteral("picking"), {{1, 1}});
    const qint64 b =
        addOrder(1, QStringLiteral("2"), QStringLiteral("#2"), QStringLiteral("picking"), {{3, 2}});
    exec(QStringLiteral("INSERT INTO pick_lists (id, code, location_id, kind, status, created_at, "
                        "user_name) VALUES (12, 'PL-000012', 1, 'batch', 'open', "
                        "'2026-11-26T08:00:00Z', 'sam')"));
    exec(QStringLiteral("INSERT INTO pick_list_orders (pick_list_id, order_id, slot) VALUES "
                        "(12, ?, 1), (12, ?, 3)"),
         {a, b});
    models::Result<models::PackOrder> o = m_bench->findOrder(QStringLiteral("PL-000012-03"));
    VERIFY_OK(o);
    QCOMPARE(o->id, b);
    QCOMPARE(o->pickSlot, QStringLiteral("PL-000012-03"));
    QCOMPARE(o->lines.first().sku, QStringLiteral("CAP-01"));
    o = m_bench->findOrder(QStringLiteral("pl-000012-01"));
    VERIFY_OK(o);
    QCOMPARE(o->id, a);
    models::Result<models::PackOrder> empty = m_bench->findOrder(QStringLiteral("PL-000012-02"));
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error(), QStringLiteral("PL-000012-02: no order in that slot"));
    QVERIFY(!m_bench->findOrder(QStringLiteral("PL-000099-01")).ok());
}

void TestSqlPackBench::slotRemovedFromList()
{
    const qint64 a =
        addOrder(1, QStringLiteral("1"), QStringLiteral("#1"), QStringLiteral("ready"), {{1, 1}});
    exec(QStringLiteral("INSERT INTO pick_lists (id, code, location_id, kind, status, created_at, "
                        "user_name) VALUES (3, 'PL-000003', 1, 'single', 'open', "
                        "'2026-11-26T08:00:00Z', 'sam')"));
    exec(QStringLiteral("INSERT INTO pick_list_orders (pick_list_id, order_id, slot, removed_at) "
                        "VALUES (3, ?, 1, '2026-11-26T08:30:00Z')"),
         {a});
    models::Result<models::PackOrder> o = m_bench->findOrder(QStringLiteral("PL-000003-01"));
    QVERIFY(!o.ok());
    QCOMPARE(o.error(), QStringLiteral("PL-000003-01: no order in that slot"));
}

void TestSqlPackBench::refusesWithReason_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("holdReason");
    QTest::addColumn<QString>("message");

    QTest::newRow("packed") << QStringLiteral("packed") << QString()
                            << QStringLiteral("#1001 is already packed");
    QTest::newRow("on hold") << QStringLiteral("on_hold")
                             << QStringLiteral("address check: no house number")
                             << QStringLiteral("#1001 is on hold: address check: no house number");
    QTest::newRow("cancelled") << QStringLiteral("cancelled") << QString()
                               << QStringLiteral("#1001 is cancelled");
    QTest::newRow("shipped") << QStringLiteral("shipped") << QString()
                             << QStringLiteral("#1001 has already shipped");
    QTest::newRow("new") << QStringLiteral("new") << QString()
                         << QStringLiteral("#1001 is not allocated yet: allocate it on the "
                                           "Orders screen first");
    QTest::newRow("backordered") << QStringLiteral("backordered") << QString()
                                 << QStringLiteral("#1001 is backordered: it is waiting for stock");
}

void TestSqlPackBench::refusesWithReason()
{
    QFETCH(QString, status);
    QFETCH(QString, holdReason);
    QFETCH(QString, message);
    addOrder(1, QStringLiteral("1001"), QStringLiteral("#1001"), status, {{1, 1}}, holdReason);
    models::Result<models::PackOrder> o = m_bench->findOrder(QStringLiteral("#1001"));
    QVERIFY(!o.ok());
    QCOMPARE(o.error(), message);
}

void TestSqlPackBench::ambiguousNumberAsksForAnotherCode()
{
    addOrder(1, QStringLiteral("a"), QStringLiteral("1001"), QStringLiteral("ready"), {{1, 1}});
    addOrder(3, QStringLiteral("b"), QStringLiteral("1001"), QStringLiteral("picking"), {{1, 1}});
    models::Result<models::PackOrder> o = m_bench->findOrder(QStringLiteral("1001"));
    QVERIFY(!o.ok());
    QVERIFY2(o.error().contains(QLatin1String("names 2 orders (Shopify, eBay)")),
             qPrintable(o.error()));
    // One of them already packed: the other is the one.
    exec(QStringLiteral("UPDATE orders SET status = 'packed' WHERE external_id = 'a'"));
    VERIFY_OK(m_bench->findOrder(QStringLiteral("1001")));
}

void TestSqlPackBench::linesCarryEveryCode()
{
    addOrder(1, QStringLiteral("1"), QStringLiteral("#1"), QStringLiteral("picking"),
             {{1, 2}, {2, 1}});
    models::Result<models::PackOrder> o = m_bench->findOrder(QStringLiteral("#1"));
    VERIFY_OK(o);
    const models::PackLine &mug = o->lines.at(0);
    QCOMPARE(mug.title, QStringLiteral("Mug"));
    QCOMPARE(mug.barcodes,
             (QStringList{QStringLiteral("5012345678900"), QStringLiteral("036000291452")}));
    QCOMPARE(mug.lengthMm, 120);
    QCOMPARE(mug.weightGrams, 400);
    QCOMPARE(o->lines.at(1).channelSkus, QStringList{QStringLiteral("X00TEEM001")});
    QCOMPARE(o->lines.at(1).lengthMm, 0);
    // The session over what was loaded counts the second barcode and the channel SKU.
    models::PackSession s(o.value());
    QCOMPARE(s.scan(QStringLiteral("0036000291452")).result, ScanResult::Right);
    QCOMPARE(s.scan(QStringLiteral("X00TEEM001")).result, ScanResult::Right);
}

void TestSqlPackBench::identifiesOtherProducts_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("sku"); // empty: none

    QTest::newRow("EAN-13") << QStringLiteral("4006381333931") << QStringLiteral("CAP-01");
    QTest::newRow("GTIN-14 of the EAN-13")
        << QStringLiteral("04006381333931") << QStringLiteral("CAP-01");
    QTest::newRow("UPC-A as EAN-13") << QStringLiteral("0036000291452") << QStringLiteral("MUG-01");
    QTest::newRow("GS1-128") << QStringLiteral("]C10104006381333931"
                                               "10LOT")
                             << QStringLiteral("CAP-01");
    QTest::newRow("Code 128 barcode") << QStringLiteral("BR-TEE-M") << QStringLiteral("TEE-M");
    QTest::newRow("SKU in lower case") << QStringLiteral("cap-01") << QStringLiteral("CAP-01");
    QTest::newRow("channel SKU") << QStringLiteral("X00TEEM001") << QStringLiteral("TEE-M");
    QTest::newRow("nothing") << QStringLiteral("ZZZ") << QString();
}

void TestSqlPackBench::identifiesOtherProducts()
{
    QFETCH(QString, code);
    QFETCH(QString, sku);
    const std::optional<models::ScannedProduct> p = m_bench->identify(code);
    QCOMPARE(p ? p->sku : QString(), sku);
}

void TestSqlPackBench::logsEveryScan()
{
    const qint64 id =
        addOrder(1, QStringLiteral("1"), QStringLiteral("#1"), QStringLiteral("picking"), {{1, 1}});
    VERIFY_OK(m_bench->logScan({id, QStringLiteral("#1"), ScanResult::OrderFound, 0, {}}));
    VERIFY_OK(m_bench->logScan(
        {id, QStringLiteral("4006381333931"), ScanResult::Wrong, 0, QStringLiteral("Wrong item")}));
    VERIFY_OK(m_bench->logScan({0, QStringLiteral("#404"), ScanResult::OrderRefused, 0, {}}));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM pack_scans")), 3);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT station || '|' || packer || '|' || at || '|' || "
                                         "code || '|' || result || '|' || detail FROM pack_scans "
                                         "WHERE result = 'wrong'"))
                 .toString(),
             QStringLiteral("bench-1|pat|2026-11-26T09:00:00Z|4006381333931|wrong|Wrong item"));
    QVERIFY(scalar(db(), QStringLiteral("SELECT order_id FROM pack_scans WHERE code = '#404'"))
                .isNull());
}

void TestSqlPackBench::marksPackedOnce()
{
    const qint64 id =
        addOrder(1, QStringLiteral("1"), QStringLiteral("#1"), QStringLiteral("picking"), {{1, 2}});
    const qint64 eventsBefore =
        count(QStringLiteral("SELECT COUNT(*) FROM order_events WHERE order_id = ?"), {id});
    PackCompletion c;
    c.orderId = id;
    c.boxCode = QStringLiteral("BOX-M");
    c.weightGrams = 1080;
    c.units = 2;
    VERIFY_OK(m_bench->markPacked(c));
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT status || '|' || packed_by || '|' || packed_at || "
                                   "'|' || pack_box_code || '|' || pack_weight_grams || '|' "
                                   "|| pack_weight_estimated FROM orders WHERE id = ?"),
                    {id})
                 .toString(),
             QStringLiteral("packed|pat|2026-11-26T09:00:00Z|BOX-M|1080|0"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM order_events WHERE order_id = ?"), {id}),
             eventsBefore + 1);
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT from_status || '>' || to_status || '|' || detail "
                                   "|| '|' || user_name FROM order_events WHERE order_id = ? "
                                   "ORDER BY id DESC LIMIT 1"),
                    {id})
                 .toString(),
             QStringLiteral("picking>packed|packed at bench-1 in BOX-M, 1080 g|pat"));
    QCOMPARE(count(QStringLiteral("SELECT units FROM pack_scans WHERE result = 'packed'")), 2);

    // A second bench finishing the same order is refused and changes nothing.
    SqlPackBench other(db(), QStringLiteral("bench-2"), QStringLiteral("lee"));
    const models::Status again = other.markPacked(c);
    QVERIFY(!again.ok());
    QCOMPARE(again.error(), QStringLiteral("#1 is already packed"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM pack_scans WHERE result = 'packed'")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM order_events WHERE order_id = ?"), {id}),
             eventsBefore + 1);
    QCOMPARE(m_bench->findOrder(QStringLiteral("#1")).error(),
             QStringLiteral("#1 is already packed"));
}

void TestSqlPackBench::packedFromReadyPassesThroughPicking()
{
    const qint64 id =
        addOrder(1, QStringLiteral("1"), QStringLiteral("#1"), QStringLiteral("ready"), {{1, 1}});
    PackCompletion c;
    c.orderId = id;
    c.weightGrams = 500;
    c.weightEstimated = true;
    c.units = 1;
    VERIFY_OK(m_bench->markPacked(c));
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT group_concat(from_status || '>' || to_status, "
                                   "',') FROM (SELECT * FROM order_events WHERE order_id = ? "
                                   "ORDER BY id)"),
                    {id})
                 .toString(),
             QStringLiteral("ready>picking,picking>packed"));
    QCOMPARE(count(QStringLiteral("SELECT pack_weight_estimated FROM orders WHERE id = ?"), {id}),
             1);
    QVERIFY(scalar(db(), QStringLiteral("SELECT pack_box_code FROM orders WHERE id = ?"), {id})
                .isNull());
}

void TestSqlPackBench::markPackedLeavesNothingOnFailure()
{
    const qint64 id =
        addOrder(1, QStringLiteral("1"), QStringLiteral("#1"), QStringLiteral("picking"), {{1, 1}});
    PackCompletion c;
    c.orderId = id;
    c.boxCode = QStringLiteral("NO-SUCH-BOX"); // the foreign key refuses it at the update
    c.weightGrams = 500;
    c.units = 1;
    QVERIFY(!m_bench->markPacked(c).ok());
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT status FROM orders WHERE id = ?"), {id}).toString(),
        QStringLiteral("picking"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM order_events WHERE order_id = ?"), {id}),
             0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM pack_scans")), 0);
}

void TestSqlPackBench::recordsWeightAfterwards()
{
    const qint64 id =
        addOrder(1, QStringLiteral("1"), QStringLiteral("#1"), QStringLiteral("picking"), {{1, 1}});
    QVERIFY(!m_bench->recordWeight(id, 900).ok()); // not packed yet
    PackCompletion c;
    c.orderId = id;
    c.weightGrams = 500;
    c.weightEstimated = true;
    c.units = 1;
    VERIFY_OK(m_bench->markPacked(c));
    VERIFY_OK(m_bench->recordWeight(id, 910));
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT pack_weight_grams || '|' || "
                                   "pack_weight_estimated FROM orders WHERE id = ?"),
                    {id})
                 .toString(),
             QStringLiteral("910|0"));
}

void TestSqlPackBench::figures()
{
    const QDateTime start(QDate(2026, 11, 26), QTime(8, 0), Qt::UTC);
    // pat packs two orders in an hour, one with a wrong scan; lee one clean order.
    const qint64 a =
        addOrder(1, QStringLiteral("a"), QStringLiteral("#a"), QStringLiteral("picking"), {{1, 2}});
    const qint64 b =
        addOrder(1, QStringLiteral("b"), QStringLiteral("#b"), QStringLiteral("picking"), {{3, 1}});
    const qint64 c =
        addOrder(1, QStringLiteral("c"), QStringLiteral("#c"), QStringLiteral("picking"), {{2, 4}});
    auto at = [&](SqlPackBench &bench, int minutes) { bench.setNow(start.addSecs(minutes * 60)); };
    SqlPackBench lee(db(), QStringLiteral("bench-2"), QStringLiteral("lee"));
    at(*m_bench, 0);
    VERIFY_OK(m_bench->logScan({a, QStringLiteral("MUG-01"), ScanResult::Right, 1, {}}));
    VERIFY_OK(m_bench->logScan({a, QStringLiteral("MUG-01"), ScanResult::Right, 1, {}}));
    VERIFY_OK(m_bench->markPacked({a, QString(), 800, true, 2}));
    at(*m_bench, 30);
    VERIFY_OK(m_bench->logScan({b, QStringLiteral("MUG-01"), ScanResult::Wrong, 0, {}}));
    VERIFY_OK(m_bench->logScan({b, QStringLiteral("CAP-01"), ScanResult::Right, 1, {}}));
    at(*m_bench, 60);
    VERIFY_OK(m_bench->markPacked({b, QString(), 150, true, 1}));
    at(lee, 10);
    VERIFY_OK(lee.logScan({c, QStringLiteral("TEE-M"), ScanResult::Right, 1, {}}));
    VERIFY_OK(lee.logScan({c, QStringLiteral("x4"), ScanResult::Quantity, 3, {}}));
    VERIFY_OK(lee.markPacked({c, QString(), 800, true, 4}));
    // Yesterday's scans are not today's.
    exec(QStringLiteral("INSERT INTO pack_scans (station, packer, at, code, result) VALUES "
                        "('bench-1', 'pat', '2026-11-25T17:00:00Z', 'X', 'unknown')"));

    models::Result<models::PackFigures> f = m_bench->figuresSince(start);
    VERIFY_OK(f);
    QCOMPARE(f->ordersPacked, 3);
    QCOMPARE(f->ordersAccurate, 2);
    QCOMPARE(f->itemScans, 5);
    QCOMPARE(f->misScans, 1);
    QCOMPARE(f->packers.size(), 2);
    const models::PackerFigures &pat = f->packers.at(0);
    QCOMPARE(pat.packer, QStringLiteral("pat"));
    QCOMPARE(pat.orders, 2);
    QCOMPARE(pat.items, 3);
    QCOMPARE(pat.hours, 1.0);
    QCOMPARE(pat.ordersPerHour(), 2.0);
    QCOMPARE(f->packers.at(1).packer, QStringLiteral("lee"));
    QCOMPARE(f->packers.at(1).items, 4);
    QCOMPARE(f->packers.at(1).hours, 0.25); // one quick order: at least a quarter hour
}

void TestSqlPackBench::packsAKitFromItsPickSlot()
{
    VERIFY_OK(kitfixture::addGiftSet(db()));
    VERIFY_OK(kitfixture::stock(db(), kitfixture::Mug, 1, 10));
    VERIFY_OK(kitfixture::stock(db(), kitfixture::Coaster, 1, 10));
    // GIFT-01 ×1 and a coaster on its own, ready at Leeds, then on a pick list.
    kitfixture::KitOrder k;
    k.number = QStringLiteral("#3001");
    k.lines = {{kitfixture::Gift, 1}, {kitfixture::Coaster, 1}};
    const qint64 id = kitfixture::addReadyOrder(db(), k);
    QVERIFY(id);
    storage::SqlPickListSource lists(db(), QStringLiteral("sam"));
    const auto created = lists.create({1, {id}, models::PickListKind::Batch});
    VERIFY_OK(created);
    const qint64 kitLine = count(
        QStringLiteral("SELECT id FROM order_lines WHERE order_id = ? AND line_no = 1"), {id});
    const qint64 looseLine = count(
        QStringLiteral("SELECT id FROM order_lines WHERE order_id = ? AND line_no = 2"), {id});

    models::Result<models::PackOrder> found = m_bench->findOrder(QStringLiteral("PL-000001-01"));
    VERIFY_OK(found);
    const models::PackOrder &o = found.value();
    QCOMPARE(o.id, id);
    QCOMPARE(o.kits.size(), 1);
    QCOMPARE(o.kits.first().sku, QStringLiteral("GIFT-01"));
    QCOMPARE(o.kits.first().title, QStringLiteral("Gift set"));
    QCOMPARE(o.kits.first().orderLineId, kitLine);
    QCOMPARE(o.kits.first().quantity, 1);
    QCOMPARE(o.kits.first().barcodes, QStringList{QStringLiteral("5000000000012")});
    QCOMPARE(o.kits.first().channelSkus, QStringList{QStringLiteral("GIFTSET-AMZ")});
    // The kit's parts in its place (COASTER-01 before MUG-01, by SKU), then the loose coaster.
    QCOMPARE(o.lines.size(), 3);
    QCOMPARE(o.lines.at(0).sku, QStringLiteral("COASTER-01"));
    QCOMPARE(o.lines.at(0).orderLineId, kitLine);
    QCOMPARE(o.lines.at(0).kit, 0);
    QCOMPARE(o.lines.at(0).perKit, 2);
    QCOMPARE(o.lines.at(0).quantity, 2);
    QCOMPARE(o.lines.at(0).barcodes, QStringList{QStringLiteral("4006381333948")});
    QCOMPARE(o.lines.at(0).weightGrams, 80);
    QCOMPARE(o.lines.at(0).heightMm, 5);
    QCOMPARE(o.lines.at(1).sku, QStringLiteral("MUG-01"));
    QCOMPARE(o.lines.at(1).quantity, 1);
    QCOMPARE(o.lines.at(1).barcodes.size(), 2);
    QCOMPARE(o.lines.at(2).sku, QStringLiteral("COASTER-01"));
    QCOMPARE(o.lines.at(2).orderLineId, looseLine);
    QCOMPARE(o.lines.at(2).kit, -1);
    QCOMPARE(o.unitsWanted(), 4);

    models::Result<QList<models::PackBox>> boxes = m_bench->boxes();
    VERIFY_OK(boxes);
    models::PackSession session(o, boxes.value());
    const auto submit = [&](const QString &code) {
        const models::ScanVerdict v =
            session.submit(code, [this](const QString &c) { return m_bench->identify(c); });
        const models::Status logged = m_bench->logScan({id, code, v.result, v.units, v.message});
        if (!logged)
            qWarning("%s", qPrintable(logged.error()));
        return v;
    };
    // The kit's own barcode and its Amazon SKU: refused, naming the parts.
    for (const QString &code : {QStringLiteral("5000000000012"), QStringLiteral("GIFTSET-AMZ")}) {
        const models::ScanVerdict v = submit(code);
        QCOMPARE(v.result, ScanResult::Refused);
        QCOMPARE(v.message, QStringLiteral("GIFT-01 (Gift set) is a kit: scan its parts, "
                                           "2 × COASTER-01 and 1 × MUG-01"));
    }
    for (const QString &code : {QStringLiteral("4006381333948"), QStringLiteral("coaster-01"),
                                QStringLiteral("4006381333948"), QStringLiteral("036000291452")})
        QCOMPARE(submit(code).result, ScanResult::Right);
    QCOMPARE(session.packed(0), 2);
    QCOMPARE(session.packed(2), 1);
    QVERIFY(session.isComplete());
    QCOMPARE(session.kitsPacked(0), 1);
    QCOMPARE(submit(QStringLiteral("COASTER-01")).result, ScanResult::OverScan);

    // Box and weight from the parts: a mug and three coasters.
    QCOMPARE(session.contentWeightGrams(), 400 + 3 * 80);
    const std::optional<models::PackBox> box = session.suggestedBox();
    QVERIFY(box);
    PackCompletion c;
    c.orderId = id;
    c.boxCode = box->code;
    c.weightGrams = session.estimatedWeightGrams();
    c.weightEstimated = true;
    c.units = session.unitsPacked();
    VERIFY_OK(m_bench->markPacked(c));
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT status || '|' || pack_box_code || '|' || "
                                   "pack_weight_grams FROM orders WHERE id = ?"),
                    {id})
                 .toString(),
             QStringLiteral("packed|%1|%2").arg(box->code).arg(640 + box->tareGrams));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM pack_scans WHERE order_id = ? AND "
                                  "result = 'refused'"),
                   {id}),
             2);
    QCOMPARE(count(QStringLiteral("SELECT COALESCE(SUM(units), 0) FROM pack_scans WHERE "
                                  "order_id = ? AND result = 'right'"),
                   {id}),
             4);
    QCOMPARE(count(QStringLiteral("SELECT units FROM pack_scans WHERE order_id = ? AND "
                                  "result = 'packed'"),
                   {id}),
             4);
    // The kit refusals are not mis-scans; the coaster one too many is.
    models::Result<models::PackFigures> f =
        m_bench->figuresSince(QDateTime(QDate(2026, 11, 26), QTime(0, 0), Qt::UTC));
    VERIFY_OK(f);
    QCOMPARE(f->misScans, 1);
    // Still reserved for shipping, and the books agree.
    const models::Result<storage::ConsistencyReport> report = storage::checkConsistency(db());
    VERIFY_OK(report);
    QVERIFY2(report->clean(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestSqlPackBench::kitWithoutPartsIsRefused()
{
    exec(QStringLiteral("UPDATE products SET is_kit = 1 WHERE id = 3"));
    addOrder(1, QStringLiteral("7"), QStringLiteral("#7"), QStringLiteral("picking"), {{3, 1}});
    const models::Result<models::PackOrder> o = m_bench->findOrder(QStringLiteral("#7"));
    QVERIFY(!o.ok());
    QCOMPARE(o.error(),
             QStringLiteral("#7: CAP-01 is a kit with no parts; give it its parts in the "
                            "product editor before packing"));
}

QTEST_GUILESS_MAIN(TestSqlPackBench)
#include "tst_sqlpackbench.moc"
