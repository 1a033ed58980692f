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

using apptest::backroom;
using apptest::keysOf;
using apptest::kShopifyHeader;
using apptest::Run;
using apptest::sql;

// `backroom import` and `backroom export orders` as scripts run them: the real
// executable, its exit status and its exact output shapes.
class TestImportCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_shopify;
    QStringList m_skus;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return path;
    }

    QString copyOfDb(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        QFile::copy(m_db, path);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("shop.db"));
        const Run r = backroom({QStringLiteral("demo"), QStringLiteral("--orders"),
                                QStringLiteral("60"), QStringLiteral("--today"),
                                QStringLiteral("2026-11-25"), QStringLiteral("--db"), m_db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_skus = sql(m_db, QStringLiteral("SELECT sku FROM products ORDER BY id LIMIT 3"));
        QCOMPARE(m_skus.size(), 3);

        // A Shopify export with the real 79-column header: a two-line order (the
        // second line on a continuation row), a one-line order with a quoted address.
        const QByteArray headerLine = kShopifyHeader;
        const QList<QByteArray> columns = headerLine.split(',');
        QCOMPARE(columns.size(), 79);
        auto row = [&](const QHash<QByteArray, QByteArray> &values) {
            QList<QByteArray> cells;
            for (const QByteArray &c : columns)
                cells.append(values.value(c));
            return cells.join(',') + "\n";
        };
        QByteArray csv = headerLine + "\n";
        csv += row({{"Name", "#9001"},
                    {"Email", "ann@example.com"},
                    {"Financial Status", "paid"},
                    {"Paid at", "2026-06-08 12:56:00 +0000"},
                    {"Fulfillment Status", "unfulfilled"},
                    {"Currency", "GBP"},
                    {"Subtotal", "30.00"},
                    {"Shipping", "4.00"},
                    {"Taxes", "0.00"},
                    {"Total", "34.00"},
                    {"Created at", "2026-06-08 12:55:28 +0000"},
                    {"Lineitem quantity", "1"},
                    {"Lineitem name", "First thing"},
                    {"Lineitem price", "10.00"},
                    {"Lineitem sku", m_skus.at(0).toUtf8()},
                    {"Shipping Name", "Ann Example"},
                    {"Shipping Street", "\"1 High St, Flat 2\""},
                    {"Shipping Address1", "\"1 High St, Flat 2\""},
                    {"Shipping City", "Leeds"},
                    {"Shipping Zip", "LS1 1AA"},
                    {"Shipping Country", "GB"},
                    {"Id", "5000000009001"}});
        csv += row({{"Name", "#9001"},
                    {"Email", "ann@example.com"},
                    {"Created at", "2026-06-08 12:55:28 +0000"},
                    {"Lineitem quantity", "2"},
                    {"Lineitem name", "Second thing"},
                    {"Lineitem price", "10.00"},
                    {"Lineitem sku", m_skus.at(1).toUtf8()}});
        csv += row({{"Name", "#9002"},
                    {"Email", "bob@example.com"},
                    {"Financial Status", "pending"},
                    {"Fulfillment Status", "unfulfilled"},
                    {"Currency", "GBP"},
                    {"Subtotal", "5.00"},
                    {"Shipping", "0.00"},
                    {"Taxes", "0.00"},
                    {"Total", "5.00"},
                    {"Created at", "2026-06-09 08:00:00 +0000"},
                    {"Lineitem quantity", "1"},
                    {"Lineitem name", "Third thing"},
                    {"Lineitem price", "5.00"},
                    {"Lineitem sku", m_skus.at(2).toUtf8()},
                    {"Shipping Name", "Bob Example"},
                    {"Shipping Address1", "2 Low Rd"},
                    {"Shipping City", "York"},
                    {"Shipping Zip", "YO1 1AA"},
                    {"Shipping Country", "GB"},
                    {"Id", "5000000009002"}});
        m_shopify = write(QStringLiteral("shopify_orders.csv"), csv);
    }

    void badUsageExits2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no file") << QStringList{QStringLiteral("import")};
        QTest::newRow("bad channel")
            << QStringList{QStringLiteral("import"), QStringLiteral("--channel"),
                           QStringLiteral("etsy"), QStringLiteral("x.csv")};
        QTest::newRow("unknown option") << QStringList{
            QStringLiteral("import"), QStringLiteral("--fast"), QStringLiteral("x.csv")};
        QTest::newRow("export what")
            << QStringList{QStringLiteral("export"), QStringLiteral("customers")};
        QTest::newRow("export nothing") << QStringList{QStringLiteral("export")};
        QTest::newRow("export format")
            << QStringList{QStringLiteral("export"), QStringLiteral("orders"),
                           QStringLiteral("--format"), QStringLiteral("xml")};
    }

    void badUsageExits2()
    {
        QFETCH(QStringList, args);
        args << QStringLiteral("--db") << m_dir.filePath(QStringLiteral("unused.db"));
        const Run r = backroom(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
    }

    void helpNamesBoth()
    {
        const Run r = backroom({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("backroom import"));
        QVERIFY(r.out.contains("backroom export orders"));
    }

    void rejectedFileExits1WithJson()
    {
        const QString db = copyOfDb(QStringLiteral("rejected.db"));
        const QString junk = write(QStringLiteral("notes.txt"), "just,some\ntext,here\n");
        const Run r = backroom(
            {QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--json"), junk});
        QCOMPARE(r.exitCode, 1);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, r.out.constData());
        QCOMPARE(keysOf(doc.object()), QStringList{QStringLiteral("files")});
        const QJsonObject file =
            doc.object().value(QStringLiteral("files")).toArray().at(0).toObject();
        QCOMPARE(file.value(QStringLiteral("file")).toString(), junk);
        QVERIFY(file.value(QStringLiteral("format")).isNull());
        QCOMPARE(file.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QVERIFY(!file.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(file.value(QStringLiteral("orders_new")).toInt(-1), 0);
        QVERIFY(file.value(QStringLiteral("errors")).isArray());
        // The attempt is on record.
        QCOMPARE(sql(db, QStringLiteral("SELECT status FROM import_runs")),
                 QStringList{QStringLiteral("rejected")});
    }

    // Needs the Shopify reader (importers/shopifyorderreader.cpp) to read orders.
    void importsShopifyWithExactJson()
    {
        const QString db = copyOfDb(QStringLiteral("import.db"));
        Run r = backroom({QStringLiteral("import"), QStringLiteral("--db"), db,
                          QStringLiteral("--json"), m_shopify});
        QJsonParseError error;
        QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, r.out.constData());
        QJsonObject file = doc.object().value(QStringLiteral("files")).toArray().at(0).toObject();
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QCOMPARE(
            keysOf(file),
            (QStringList{QStringLiteral("errors"), QStringLiteral("file"), QStringLiteral("format"),
                         QStringLiteral("lines"), QStringLiteral("on_hold"),
                         QStringLiteral("orders_new"), QStringLiteral("orders_unchanged"),
                         QStringLiteral("orders_updated"), QStringLiteral("status")}));
        QCOMPARE(file.value(QStringLiteral("format")).toString(), QStringLiteral("shopify"));
        QCOMPARE(file.value(QStringLiteral("status")).toString(), QStringLiteral("imported"));
        QCOMPARE(file.value(QStringLiteral("orders_new")).toInt(), 2);
        QCOMPARE(file.value(QStringLiteral("lines")).toInt(), 3);
        QCOMPARE(file.value(QStringLiteral("on_hold")).toInt(), 0);

        // The same file again changes nothing.
        r = backroom({QStringLiteral("import"), QStringLiteral("--db"), db,
                      QStringLiteral("--json"), QStringLiteral("--channel"),
                      QStringLiteral("shopify"), m_shopify});
        QCOMPARE(r.exitCode, 0);
        file = QJsonDocument::fromJson(r.out)
                   .object()
                   .value(QStringLiteral("files"))
                   .toArray()
                   .at(0)
                   .toObject();
        QCOMPARE(file.value(QStringLiteral("orders_unchanged")).toInt(), 2);
        QCOMPARE(file.value(QStringLiteral("orders_new")).toInt(), 0);

        // Human output: one line per file with its counts.
        r = backroom({QStringLiteral("import"), QStringLiteral("--db"), db, m_shopify});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("2 unchanged"), r.out.constData());

        // Exported as imported.
        r = backroom({QStringLiteral("export"), QStringLiteral("orders"), QStringLiteral("--db"),
                      db, QStringLiteral("--channel"), QStringLiteral("shopify")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray orders =
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("orders")).toArray();
        QJsonObject imported;
        for (const QJsonValue &v : orders)
            if (v.toObject().value(QStringLiteral("number")).toString() == QLatin1String("#9001"))
                imported = v.toObject();
        QCOMPARE(imported.value(QStringLiteral("external_id")).toString(),
                 QStringLiteral("5000000009001"));
        QCOMPARE(imported.value(QStringLiteral("placed_at")).toString(),
                 QStringLiteral("2026-06-08T12:55:28Z"));
        QCOMPARE(imported.value(QStringLiteral("total_minor")).toInt(), 3400);
        QCOMPARE(imported.value(QStringLiteral("ship_line1")).toString(),
                 QStringLiteral("1 High St, Flat 2"));
        QCOMPARE(imported.value(QStringLiteral("lines")).toArray().size(), 2);
    }

    void exportJsonShape()
    {
        const Run r =
            backroom({QStringLiteral("export"), QStringLiteral("orders"), QStringLiteral("--db"),
                      m_db, QStringLiteral("--channel"), QStringLiteral("amazon")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith("{\"orders\":[{\"channel\":\"amazon\",\"number\":"));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(keysOf(doc.object()), QStringList{QStringLiteral("orders")});
        const QJsonArray orders = doc.object().value(QStringLiteral("orders")).toArray();
        QCOMPARE(QString::number(orders.size()),
                 sql(m_db, QStringLiteral("SELECT COUNT(*) FROM orders o JOIN channels c ON "
                                          "c.id = o.channel_id WHERE c.code = 'amazon'"))
                     .value(0));
        const QJsonObject o = orders.at(0).toObject();
        for (const char *key :
             {"channel", "number", "external_id", "status", "placed_at", "currency",
              "subtotal_minor", "shipping_minor", "tax_minor", "total_minor", "ship_name",
              "ship_city", "ship_postal_code", "ship_country", "lines"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QStringLiteral("channel")).toString(), QStringLiteral("amazon"));
        QVERIFY(o.value(QStringLiteral("total_minor")).isDouble());
        const QJsonObject line = o.value(QStringLiteral("lines")).toArray().at(0).toObject();
        for (const char *key : {"sku", "title", "quantity", "unit_price_minor"})
            QVERIFY2(line.contains(QLatin1String(key)), key);
    }

    void exportCsvNeutralisesFormulas()
    {
        const QString db = copyOfDb(QStringLiteral("formula.db"));
        QCOMPARE(sql(db, QStringLiteral("UPDATE orders SET ship_name = '=HYPERLINK(\"x\")', "
                                        "ship_city = '+1', ship_line1 = '@SUM(A1)', "
                                        "buyer_name = '-2+3' WHERE id = 1")),
                 QStringList());
        const QString out = m_dir.filePath(QStringLiteral("orders.csv"));
        const Run r = backroom({QStringLiteral("export"), QStringLiteral("orders"),
                                QStringLiteral("--db"), db, QStringLiteral("--format"),
                                QStringLiteral("csv"), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines.at(0).startsWith("channel,number,external_id,status,"));
        const QByteArray first = lines.at(1);
        QVERIFY2(first.contains(",\"'=HYPERLINK(\"\"x\"\")\","), first.constData());
        QVERIFY2(first.contains(",'+1,"), first.constData());
        QVERIFY2(first.contains(",'@SUM(A1),"), first.constData());
        QVERIFY2(first.contains(",'-2+3,"), first.constData());
        for (const QByteArray &line : lines)
            QVERIFY2(!line.contains(",=") && !line.contains(",+") && !line.contains(",@"),
                     line.constData());
        const int rows =
            sql(db, QStringLiteral("SELECT COUNT(*) FROM order_lines")).value(0).toInt();
        QCOMPARE(lines.size(), rows + 2); // header, one row per line, final newline
    }
};

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
