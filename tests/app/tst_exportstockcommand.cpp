// `backroom export stock` through the real executable over a demo shop: each
// channel's upload file with its own header, a mapped pack listing divided by its
// units and the channel's buffer taken off, figures checked against an independent
// reading of the database, and the refusals (no --out, an unknown channel).

#include "apptestutil.h"

#include <QFile>
#include <QTemporaryDir>

namespace {

QList<QStringList> readRows(const QString &path, QChar separator)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n")))
        if (!line.isEmpty())
            rows.append(line.split(separator));
    return rows;
}

// Available-to-promise of one product, worked out here in SQL rather than by the code
// under test: every active location that sells online, a store keeping its buffer back.
const char kAtp[] =
    "SELECT MAX(0, COALESCE(SUM(sl.on_hand - sl.reserved - CASE WHEN l.kind = 'store' AND "
    "sl.on_hand - sl.reserved > 0 THEN MIN(l.store_buffer, sl.on_hand - sl.reserved) ELSE 0 "
    "END), 0)) FROM stock_levels sl JOIN locations l ON l.id = sl.location_id "
    "JOIN products p ON p.id = sl.product_id WHERE p.sku = '%1' AND l.active = 1 AND "
    "(l.kind <> 'store' OR l.ships_from_store = 1)";

} // namespace

class TestExportStockCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void amazonWithBufferAndPacks();
    void shopifyAndEbayHeaders();
    void refusals();

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_sku; // a product the test maps as a pack of 4 on Amazon
};

void TestExportStockCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("shop.db"));
    const apptest::Run demo = apptest::backroom(
        {QStringLiteral("demo"), QStringLiteral("--db"), m_db, QStringLiteral("--orders"),
         QStringLiteral("300"), QStringLiteral("--today"), QStringLiteral("2026-11-20")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    // The product with the most available stock, so a pack of 4 still leaves some.
    const QStringList best = apptest::sql(
        m_db, QStringLiteral("SELECT p.sku FROM products p JOIN stock_levels sl ON "
                             "sl.product_id = p.id WHERE p.active = 1 AND p.is_kit = 0 GROUP BY "
                             "p.id ORDER BY SUM(sl.on_hand - sl.reserved) DESC LIMIT 1"));
    QCOMPARE(best.size(), 1);
    m_sku = best.first();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("w"));
    {
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(
            q.exec(QStringLiteral("UPDATE channels SET stock_buffer = 3 WHERE code = 'amazon'")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM channel_skus WHERE channel_id = (SELECT id FROM "
                                      "channels WHERE code = 'amazon') AND product_id = (SELECT id "
                                      "FROM products WHERE sku = '%1')")
                           .arg(m_sku)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO channel_skus (channel_id, channel_sku, "
                                      "product_id, units_per_listing) SELECT c.id, 'PACK4-TEST', "
                                      "p.id, 4 FROM channels c, products p WHERE c.code = "
                                      "'amazon' AND p.sku = '%1'")
                           .arg(m_sku)));
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("w"));
}

void TestExportStockCommand::amazonWithBufferAndPacks()
{
    const QString out = m_dir.filePath(QStringLiteral("amazon.txt"));
    const apptest::Run run = apptest::backroom(
        {QStringLiteral("export"), QStringLiteral("stock"), QStringLiteral("--channel"),
         QStringLiteral("amazon"), QStringLiteral("--db"), m_db, QStringLiteral("--out"), out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains("buffer 3"), run.out.constData());
    const QList<QStringList> rows = readRows(out, QLatin1Char('\t'));
    QVERIFY(rows.size() > 10);
    QCOMPARE(rows.at(0).join(QLatin1Char('\t')),
             QStringLiteral("sku\tprice\tminimum-seller-allowed-price\t"
                            "maximum-seller-allowed-price\tquantity\thandling-time\t"
                            "fulfillment-channel"));
    bool pack = false;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList &r = rows.at(i);
        QCOMPARE(r.size(), 7);
        bool ok = false;
        QVERIFY(r.at(4).toInt(&ok) >= 0 && ok);
        if (r.at(0) == QLatin1String("PACK4-TEST")) {
            pack = true;
            const int atp =
                apptest::sql(m_db, QString::fromLatin1(kAtp).arg(m_sku)).value(0).toInt();
            QVERIFY2(atp >= 4 * 4, qPrintable(QString::number(atp)));
            QCOMPARE(r.at(4).toInt(), std::max(0, atp / 4 - 3));
        }
    }
    QVERIFY(pack);
    // Every unmapped active product under its own SKU, with its own figure less 3.
    const QStringList unmapped = apptest::sql(
        m_db, QStringLiteral("SELECT p.sku FROM products p WHERE p.active = 1 AND p.is_kit = 0 "
                             "AND NOT EXISTS (SELECT 1 FROM channel_skus cs JOIN channels c ON "
                             "c.id = cs.channel_id WHERE c.code = 'amazon' AND cs.product_id = "
                             "p.id) ORDER BY p.sku LIMIT 5"));
    for (const QString &sku : unmapped) {
        const int atp = apptest::sql(m_db, QString::fromLatin1(kAtp).arg(sku)).value(0).toInt();
        bool found = false;
        for (const QStringList &r : rows)
            if (r.at(0) == sku) {
                found = true;
                QCOMPARE(r.at(4).toInt(), std::max(0, atp - 3));
            }
        QVERIFY2(found, qPrintable(sku));
    }
}

void TestExportStockCommand::shopifyAndEbayHeaders()
{
    const QString shopify = m_dir.filePath(QStringLiteral("shopify.csv"));
    apptest::Run run =
        apptest::backroom({QStringLiteral("export"), QStringLiteral("stock"),
                           QStringLiteral("--channel"), QStringLiteral("shopify"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--out"), shopify});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile s(shopify);
    QVERIFY(s.open(QIODevice::ReadOnly));
    QCOMPARE(s.readLine().trimmed(),
             QByteArray("Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,"
                        "Option3 Name,Option3 Value,SKU,HS Code,COO,Location,Bin name,"
                        "Incoming (not editable),Unavailable (not editable),"
                        "Committed (not editable),Available (not editable),On hand (current),"
                        "On hand (new)"));

    const QString ebay = m_dir.filePath(QStringLiteral("ebay.csv"));
    run = apptest::backroom({QStringLiteral("export"), QStringLiteral("stock"),
                             QStringLiteral("--channel"), QStringLiteral("ebay"),
                             QStringLiteral("--db"), m_db, QStringLiteral("--out"), ebay});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QList<QStringList> rows = readRows(ebay, QLatin1Char(','));
    QVERIFY(rows.at(0).at(0).startsWith(QLatin1String("Action(SiteID=")));
    QCOMPARE(rows.at(0).mid(1),
             (QStringList{QStringLiteral("ItemID"), QStringLiteral("CustomLabel"),
                          QStringLiteral("Quantity")}));
    for (qsizetype i = 1; i < rows.size(); ++i)
        QCOMPARE(rows.at(i).at(0), QStringLiteral("Revise"));
}

void TestExportStockCommand::refusals()
{
    apptest::Run run = apptest::backroom({QStringLiteral("export"), QStringLiteral("stock"),
                                          QStringLiteral("--channel"), QStringLiteral("amazon"),
                                          QStringLiteral("--db"), m_db});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--out")), qPrintable(run.err));
    run = apptest::backroom({QStringLiteral("export"), QStringLiteral("stock"),
                             QStringLiteral("--db"), m_db, QStringLiteral("--out"),
                             m_dir.filePath(QStringLiteral("x.csv"))});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--channel")), qPrintable(run.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.csv"))));
}

QTEST_GUILESS_MAIN(TestExportStockCommand)
#include "tst_exportstockcommand.moc"
