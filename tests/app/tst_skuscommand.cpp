#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "apptestutil.h"

using apptest::keysOf;
using apptest::kShopifyHeader;
using apptest::Run;
using apptest::sql;

// `backroom skus unknown` and `backroom skus map` as a merchant or a script runs
// them: the real executable on a demo shop that imported orders with SKUs it does
// not know.
class TestSkusCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db; // the demo shop after the import: copied by each test that writes
    QString m_productSku;

    // Runs are attributed to a known user, so the timeline can be checked.
    static apptest::Run backroom(const QStringList &args)
    {
        return apptest::backroom(args, {{QStringLiteral("USER"), QStringLiteral("merchant")}});
    }

    QString copyOfDb(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        QFile::copy(m_db, path);
        return path;
    }

    QString statusOf(const QString &db, const QString &number)
    {
        return sql(db, QStringLiteral("SELECT status FROM orders WHERE order_number = '%1'")
                           .arg(number))
            .value(0);
    }

    // The row of `skus unknown --json` for a channel SKU; empty when it is not listed.
    static QJsonObject rowFor(const QJsonDocument &doc, const QString &channelSku)
    {
        for (const QJsonValue &v : doc.object().value(QStringLiteral("unknown_skus")).toArray())
            if (v.toObject().value(QStringLiteral("channel_sku")).toString() == channelSku)
                return v.toObject();
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("shop.db"));
        Run r = backroom({QStringLiteral("demo"), QStringLiteral("--orders"), QStringLiteral("40"),
                          QStringLiteral("--today"), QStringLiteral("2026-11-25"),
                          QStringLiteral("--db"), m_db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_productSku =
            sql(m_db, QStringLiteral("SELECT sku FROM products ORDER BY id LIMIT 1")).value(0);
        QVERIFY(!m_productSku.isEmpty());

        // #9101 waits on CH-RED-6 only; #9102 on CH-RED-6 and CH-BLUE.
        const QByteArray headerLine = kShopifyHeader;
        const QList<QByteArray> columns = headerLine.split(',');
        QCOMPARE(columns.size(), 79);
        auto row = [&](const QHash<QByteArray, QByteArray> &values) {
            QList<QByteArray> cells;
            for (const QByteArray &c : columns)
                cells.append(values.value(c));
            return cells.join(',') + "\n";
        };
        auto head = [](const QByteArray &number, const QByteArray &sku, const QByteArray &title) {
            return QHash<QByteArray, QByteArray>{{"Name", number},
                                                 {"Email", "ann@example.com"},
                                                 {"Financial Status", "paid"},
                                                 {"Fulfillment Status", "unfulfilled"},
                                                 {"Currency", "GBP"},
                                                 {"Subtotal", "30.00"},
                                                 {"Shipping", "0.00"},
                                                 {"Taxes", "0.00"},
                                                 {"Total", "30.00"},
                                                 {"Created at", "2026-11-20 12:55:28 +0000"},
                                                 {"Lineitem quantity", "1"},
                                                 {"Lineitem name", title},
                                                 {"Lineitem price", "30.00"},
                                                 {"Lineitem sku", sku},
                                                 {"Shipping Name", "Ann Example"},
                                                 {"Shipping Address1", "1 High St"},
                                                 {"Shipping City", "Leeds"},
                                                 {"Shipping Zip", "LS1 1AA"},
                                                 {"Shipping Country", "GB"},
                                                 {"Id", "500000000" + number.mid(1)}};
        };
        QByteArray csv = headerLine + "\n";
        csv += row(head("#9101", "CH-RED-6", "\"Red mugs, six-pack\""));
        csv += row(head("#9102", "CH-RED-6", "Red mugs (6)"));
        csv += row({{"Name", "#9102"},
                    {"Email", "ann@example.com"},
                    {"Created at", "2026-11-20 12:55:28 +0000"},
                    {"Lineitem quantity", "2"},
                    {"Lineitem name", "Blue mug"},
                    {"Lineitem price", "5.00"},
                    {"Lineitem sku", "CH-BLUE"}});
        const QString file = m_dir.filePath(QStringLiteral("shopify_orders.csv"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(csv);
        }
        r = backroom({QStringLiteral("import"), QStringLiteral("--db"), m_db, file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        QCOMPARE(statusOf(m_db, QStringLiteral("#9101")), QStringLiteral("on_hold"));
        QCOMPARE(statusOf(m_db, QStringLiteral("#9102")), QStringLiteral("on_hold"));
    }

    void listsUnknownSkus()
    {
        const Run r = backroom(
            {QStringLiteral("skus"), QStringLiteral("unknown"), QStringLiteral("--db"), m_db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QLatin1String("shopify  CH-RED-6  2 held order(s), 2 line(s)  "
                                            "\"Red mugs, six-pack\"")),
                 r.out.constData());
        QVERIFY2(out.contains(QLatin1String("CH-BLUE  1 held order(s), 1 line(s)")),
                 r.out.constData());
        QVERIFY(out.contains(QLatin1String("backroom skus map")));
    }

    void listsUnknownSkusAsJson()
    {
        const Run r = backroom({QStringLiteral("skus"), QStringLiteral("unknown"),
                                QStringLiteral("--json"), QStringLiteral("--db"), m_db});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, r.out.constData());
        QCOMPARE(keysOf(doc.object()), QStringList{QStringLiteral("unknown_skus")});
        const QJsonObject red = rowFor(doc, QStringLiteral("CH-RED-6"));
        QCOMPARE(keysOf(red),
                 (QStringList{QStringLiteral("channel"), QStringLiteral("channel_sku"),
                              QStringLiteral("first_title"), QStringLiteral("held_orders"),
                              QStringLiteral("lines")}));
        QCOMPARE(red.value(QStringLiteral("channel")).toString(), QStringLiteral("shopify"));
        QCOMPARE(red.value(QStringLiteral("held_orders")).toInt(), 2);
        QCOMPARE(red.value(QStringLiteral("lines")).toInt(), 2);
        QCOMPARE(red.value(QStringLiteral("first_title")).toString(),
                 QStringLiteral("Red mugs, six-pack"));
        QCOMPARE(
            rowFor(doc, QStringLiteral("CH-BLUE")).value(QStringLiteral("held_orders")).toInt(), 1);
    }

    void mapsReleasesAndStaysConsistent()
    {
        const QString db = copyOfDb(QStringLiteral("map.db"));
        Run r = backroom(
            {QStringLiteral("skus"), QStringLiteral("map"), QStringLiteral("--channel"),
             QStringLiteral("shopify"), QStringLiteral("--channel-sku"), QStringLiteral("CH-RED-6"),
             QStringLiteral("--sku"), m_productSku, QStringLiteral("--units"), QStringLiteral("6"),
             QStringLiteral("--json"), QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, r.out.constData());
        const QJsonObject o = doc.object();
        QCOMPARE(keysOf(o),
                 (QStringList{QStringLiteral("channel"), QStringLiteral("channel_sku"),
                              QStringLiteral("lines_remapped"), QStringLiteral("orders_released"),
                              QStringLiteral("orders_still_held"), QStringLiteral("replaced_sku"),
                              QStringLiteral("sku"), QStringLiteral("units_per_listing")}));
        QCOMPARE(o.value(QStringLiteral("lines_remapped")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("orders_released")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("orders_still_held")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("units_per_listing")).toInt(), 6);
        QVERIFY(o.value(QStringLiteral("replaced_sku")).isNull());
        QCOMPARE(statusOf(db, QStringLiteral("#9101")), QStringLiteral("new"));
        QCOMPARE(sql(db, QStringLiteral("SELECT quantity FROM order_lines WHERE sku = 'CH-RED-6' "
                                        "ORDER BY id")),
                 (QStringList{QStringLiteral("6"), QStringLiteral("6")}));
        QCOMPARE(sql(db, QStringLiteral("SELECT hold_reason FROM orders WHERE order_number = "
                                        "'#9102'")),
                 QStringList{QStringLiteral("unknown SKU CH-BLUE")});
        QCOMPARE(sql(db, QStringLiteral("SELECT e.detail FROM order_events e JOIN orders o ON "
                                        "o.id = e.order_id WHERE o.order_number = '#9101' ORDER "
                                        "BY e.id DESC LIMIT 1")),
                 QStringList{QStringLiteral("SKU CH-RED-6 mapped to %1 (6 units per listing) by "
                                            "merchant; hold lifted")
                                 .arg(m_productSku)});

        // The second SKU in words, allocating straight away.
        r = backroom({QStringLiteral("skus"), QStringLiteral("map"), QStringLiteral("--channel"),
                      QStringLiteral("shopify"), QStringLiteral("--channel-sku"),
                      QStringLiteral("CH-BLUE"), QStringLiteral("--sku"), m_productSku,
                      QStringLiteral("--allocate"), QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("1 line(s) re-mapped; 1 order(s) released, 0 still on hold."),
                 r.out.constData());
        QVERIFY2(r.out.contains("Allocated "), r.out.constData());
        QVERIFY(statusOf(db, QStringLiteral("#9102")) != QLatin1String("new"));

        r = backroom({QStringLiteral("skus"), QStringLiteral("unknown"), QStringLiteral("--json"),
                      QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(rowFor(QJsonDocument::fromJson(r.out), QStringLiteral("CH-RED-6")).isEmpty());
        QVERIFY(rowFor(QJsonDocument::fromJson(r.out), QStringLiteral("CH-BLUE")).isEmpty());
        r = backroom({QStringLiteral("check"), QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, r.out.constData());
    }

    void refusedMappingExits1()
    {
        const QString db = copyOfDb(QStringLiteral("refused.db"));
        const QStringList before = sql(db, QStringLiteral("SELECT COUNT(*) FROM channel_skus")) +
                                   sql(db, QStringLiteral("SELECT COUNT(*) FROM order_events"));
        const Run r = backroom(
            {QStringLiteral("skus"), QStringLiteral("map"), QStringLiteral("--channel"),
             QStringLiteral("shopify"), QStringLiteral("--channel-sku"), QStringLiteral("CH-RED-6"),
             QStringLiteral("--sku"), QStringLiteral("NO-SUCH-SKU"), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QLatin1String("\"NO-SUCH-SKU\"")), qPrintable(r.err));
        QCOMPARE(sql(db, QStringLiteral("SELECT COUNT(*) FROM channel_skus")) +
                     sql(db, QStringLiteral("SELECT COUNT(*) FROM order_events")),
                 before);
        QCOMPARE(statusOf(db, QStringLiteral("#9101")), QStringLiteral("on_hold"));
    }

    void badUsageExits2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no subcommand") << QStringList{QStringLiteral("skus")};
        QTest::newRow("unknown subcommand")
            << QStringList{QStringLiteral("skus"), QStringLiteral("forget")};
        QTest::newRow("map without sku") << QStringList{
            QStringLiteral("skus"),    QStringLiteral("map"),           QStringLiteral("--channel"),
            QStringLiteral("shopify"), QStringLiteral("--channel-sku"), QStringLiteral("X")};
        QTest::newRow("map without channel") << QStringList{
            QStringLiteral("skus"), QStringLiteral("map"),   QStringLiteral("--channel-sku"),
            QStringLiteral("X"),    QStringLiteral("--sku"), QStringLiteral("Y")};
        QTest::newRow("zero units")
            << QStringList{QStringLiteral("skus"),          QStringLiteral("map"),
                           QStringLiteral("--channel"),     QStringLiteral("shopify"),
                           QStringLiteral("--channel-sku"), QStringLiteral("X"),
                           QStringLiteral("--sku"),         QStringLiteral("Y"),
                           QStringLiteral("--units"),       QStringLiteral("0")};
        QTest::newRow("bad channel")
            << QStringList{QStringLiteral("skus"),          QStringLiteral("map"),
                           QStringLiteral("--channel"),     QStringLiteral("etsy"),
                           QStringLiteral("--channel-sku"), QStringLiteral("X"),
                           QStringLiteral("--sku"),         QStringLiteral("Y")};
        QTest::newRow("no database")
            << QStringList{QStringLiteral("skus"), QStringLiteral("unknown")};
    }

    void badUsageExits2()
    {
        QFETCH(QStringList, args);
        const QString missing = m_dir.filePath(QStringLiteral("missing.db"));
        args << QStringLiteral("--db") << missing;
        const Run r = backroom(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!QFile::exists(missing));
    }

    void helpNamesBoth()
    {
        const Run r = backroom({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("backroom skus unknown"));
        QVERIFY(r.out.contains("backroom skus map"));
    }
};

QTEST_GUILESS_MAIN(TestSkusCommand)
#include "tst_skuscommand.moc"
