#include "app/demoshop.h"
#include "models/gtin.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

// The demo shop: deterministic, realistic and consistent with the rules.
class TestDemoShop : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    static app::DemoOptions options(quint64 seed, qint64 orders = 1500)
    {
        app::DemoOptions o;
        o.orders = orders;
        o.seed = seed;
        o.today = QDate(2026, 11, 25);
        o.products = 300;
        return o;
    }

    static std::unique_ptr<storage::Database> open(const QString &path)
    {
        auto db = storage::Database::open(path);
        if (!db.ok())
            qFatal("%s", qPrintable(db.error()));
        return std::move(db).value();
    }

    static QByteArray checksum(const QString &path, const QStringList &tables)
    {
        auto db = open(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const QString &table : tables) {
            QSqlQuery q(db->connection());
            if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table)))
                qFatal("cannot read %s", qPrintable(table));
            while (q.next())
                for (int c = 0; c < q.record().count(); ++c)
                    hash.addData(q.value(c).toString().toUtf8() + '\x1f');
        }
        return hash.result().toHex();
    }

    static qint64 scalar(const storage::Database &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(sql) || !q.next())
            qFatal("query failed: %s", qPrintable(sql));
        return q.value(0).toLongLong();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("demo.db"));
        auto summary = app::writeDemoShop(m_path, options(42));
        QVERIFY2(summary.ok(), qPrintable(summary.error()));
        QCOMPARE(summary->orders, 1500);
    }

    void sameSeedSameContent()
    {
        const QString again = m_dir.filePath(QStringLiteral("again.db"));
        QVERIFY(app::writeDemoShop(again, options(42)).ok());
        const QStringList tables = {
            QStringLiteral("orders"),         QStringLiteral("order_lines"),
            QStringLiteral("order_events"),   QStringLiteral("stock_movements"),
            QStringLiteral("customers"),      QStringLiteral("returns"),
            QStringLiteral("purchase_orders")};
        QCOMPARE(checksum(again, tables), checksum(m_path, tables));

        const QString other = m_dir.filePath(QStringLiteral("other.db"));
        QVERIFY(app::writeDemoShop(other, options(43)).ok());
        QVERIFY(checksum(other, tables) != checksum(m_path, tables));
    }

    void ledgerAddsUp()
    {
        auto db = open(m_path);
        auto report = storage::checkConsistency(db->connection());
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QVERIFY2(report->clean(), qPrintable(report->problems.join(QLatin1Char('\n'))));
        QVERIFY(report->movementsChecked > 1500);
        // Nothing oversold: on hand never below what is reserved.
        QCOMPARE(scalar(*db, QStringLiteral(
                                 "SELECT COUNT(*) FROM stock_levels WHERE on_hand < reserved")),
                 0);
    }

    void looksLikeAShop()
    {
        auto db = open(m_path);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM channels")), 3);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM locations")), 4);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT kind) FROM locations")), 3);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM products WHERE is_kit = 0")),
                 300);
        // Every order spans the 180 days before today, from all three channels.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM orders WHERE placed_at < "
                                            "'2026-05-29' OR placed_at >= '2026-11-25'")),
                 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT channel_id) FROM orders")), 3);
        // Nothing has happened yet today: no event, movement or shipment after now.
        for (const char *sql :
             {"SELECT COUNT(*) FROM order_events WHERE at >= '2026-11-25'",
              "SELECT COUNT(*) FROM stock_movements WHERE created_at >= '2026-11-25'",
              "SELECT COUNT(*) FROM shipments WHERE shipped_at >= '2026-11-25'",
              "SELECT COUNT(*) FROM returns WHERE requested_at >= '2026-11-25'"})
            QCOMPARE(scalar(*db, QString::fromLatin1(sql)), 0);
        // A realistic mix: 1-5 lines, several statuses, holds with reasons, returns.
        QCOMPARE(
            scalar(
                *db,
                QStringLiteral(
                    "SELECT MIN(n) FROM (SELECT COUNT(*) n FROM order_lines GROUP BY order_id)")),
            1);
        QVERIFY(
            scalar(
                *db,
                QStringLiteral(
                    "SELECT MAX(n) FROM (SELECT COUNT(*) n FROM order_lines GROUP BY order_id)")) >=
            4);
        QVERIFY(scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT status) FROM orders")) >= 6);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = 'on_hold' "
                                            "AND COALESCE(hold_reason, '') = ''")),
                 0);
        QVERIFY(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM returns")) > 0);
        QVERIFY(scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT ship_country) FROM orders")) >=
                5);
        // Items and totals agree with the lines.
        QCOMPARE(
            scalar(*db, QStringLiteral("SELECT COUNT(*) FROM orders o WHERE item_count <> (SELECT "
                                       "SUM(quantity) FROM order_lines WHERE order_id = o.id)")),
            0);
        QCOMPARE(scalar(*db, QStringLiteral(
                                 "SELECT COUNT(*) FROM orders o WHERE subtotal_minor <> (SELECT "
                                 "SUM(total_minor) FROM order_lines WHERE order_id = o.id)")),
                 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM orders WHERE total_minor <> "
                                            "subtotal_minor - discount_minor + shipping_minor")),
                 0);
        // Open orders hold exactly their reservations; shipped ones hold none.
        QCOMPARE(
            scalar(*db, QStringLiteral("SELECT COUNT(*) FROM reservations r JOIN order_lines l ON "
                                       "l.id = r.order_line_id JOIN orders o ON o.id = l.order_id "
                                       "WHERE o.status NOT IN ('ready', 'picking', 'packed')")),
            0);
        // Every shipped or delivered order has a shipment with tracking.
        QCOMPARE(
            scalar(*db, QStringLiteral("SELECT COUNT(*) FROM orders o WHERE status IN ('shipped', "
                                       "'delivered') AND NOT EXISTS (SELECT 1 FROM shipments s "
                                       "WHERE s.order_id = o.id AND s.tracking_number <> '')")),
            0);
    }

    void sellsKits()
    {
        auto db = open(m_path);
        // Three kits of catalogue products, each with its own barcode.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM products WHERE is_kit = 1")), 3);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT kit_product_id) FROM "
                                            "kit_components")),
                 3);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM kit_components k JOIN products "
                                            "p ON p.id = k.component_product_id WHERE p.is_kit = 1 "
                                            "OR k.quantity < 1")),
                 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM products p WHERE is_kit = 1 AND "
                                            "NOT EXISTS (SELECT 1 FROM product_barcodes b WHERE "
                                            "b.product_id = p.id)")),
                 0);
        QVERIFY(scalar(*db, QStringLiteral("SELECT MAX(quantity) FROM kit_components")) >= 6);
        // Never stocked, binned or bought as themselves.
        for (const char *sql :
             {"SELECT COUNT(*) FROM stock_levels s JOIN products p ON p.id = s.product_id "
              "WHERE p.is_kit = 1",
              "SELECT COUNT(*) FROM stock_movements m JOIN products p ON p.id = m.product_id "
              "WHERE p.is_kit = 1",
              "SELECT COUNT(*) FROM reservations r JOIN products p ON p.id = r.product_id "
              "WHERE p.is_kit = 1",
              "SELECT COUNT(*) FROM product_bins b JOIN products p ON p.id = b.product_id "
              "WHERE p.is_kit = 1",
              "SELECT COUNT(*) FROM purchase_order_lines l JOIN products p ON p.id = "
              "l.product_id WHERE p.is_kit = 1",
              "SELECT COUNT(*) FROM products WHERE is_kit = 1 AND supplier_id IS NOT NULL"})
            QCOMPARE(scalar(*db, QString::fromLatin1(sql)), 0);
        // Sold in a few percent of orders, on every channel.
        const qint64 kitOrders =
            scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT l.order_id) FROM order_lines l JOIN "
                                       "products p ON p.id = l.product_id WHERE p.is_kit = 1"));
        QVERIFY2(kitOrders >= 1500 / 100 && kitOrders <= 1500 * 6 / 100,
                 qPrintable(QString::number(kitOrders)));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(DISTINCT o.channel_id) FROM orders o "
                                            "JOIN order_lines l ON l.order_id = o.id JOIN products "
                                            "p ON p.id = l.product_id WHERE p.is_kit = 1")),
                 3);
        // An open kit line holds its parts, never the kit: line quantity × per kit of each.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM reservations r JOIN order_lines "
                                            "l ON l.id = r.order_line_id JOIN products p ON p.id = "
                                            "l.product_id WHERE p.is_kit = 1 AND NOT EXISTS "
                                            "(SELECT 1 FROM kit_components k WHERE "
                                            "k.kit_product_id = l.product_id AND "
                                            "k.component_product_id = r.product_id AND r.quantity "
                                            "= l.quantity * k.quantity)")),
                 0);
        // A shipped kit order moved its parts out of stock.
        QVERIFY(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM stock_movements m JOIN orders o "
                                           "ON o.order_number = m.reference_id JOIN order_lines l "
                                           "ON l.order_id = o.id JOIN kit_components k ON "
                                           "k.kit_product_id = l.product_id AND "
                                           "k.component_product_id = m.product_id WHERE "
                                           "m.reference_type = 'order' AND m.reason_code = "
                                           "'shipped'")) > 0);
    }

    void barcodesAreValid()
    {
        auto db = open(m_path);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT barcode, symbology FROM product_barcodes")));
        int n = 0;
        while (q.next()) {
            const QString code = q.value(0).toString();
            QVERIFY2(models::gtin::isValid(code), qPrintable(code));
            QCOMPARE(code.size(), q.value(1).toString() == QLatin1String("UPCA") ? 12 : 13);
            ++n;
        }
        QVERIFY(n >= 300);
    }

    void statusesFollowTheStateMachine()
    {
        // Each order's timeline replays: every status event starts where the last ended,
        // and the last one is the order's status.
        auto db = open(m_path);
        QCOMPARE(
            scalar(*db, QStringLiteral("SELECT COUNT(*) FROM orders o WHERE o.status <> COALESCE("
                                       "(SELECT to_status FROM order_events e WHERE e.order_id = "
                                       "o.id AND kind = 'status' "
                                       " ORDER BY at DESC, id DESC LIMIT 1), 'new')")),
            0);
    }

    void cancelledRunLeavesTheOldFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("keep.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
        f.close();
        auto result = app::writeDemoShop(path, options(1, 5000),
                                         [](qint64 done, qint64) { return done < 2000; });
        QVERIFY(!result.ok());
        QVERIFY(result.error().contains(QLatin1String("cancelled")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("precious"));
        QVERIFY(!QFile::exists(path + QStringLiteral(".building")));
    }
};

QTEST_GUILESS_MAIN(TestDemoShop)
#include "tst_demoshop.moc"
