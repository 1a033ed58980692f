// Every channel export fixture, read by the real readers and written by the real
// sink into a fresh shop: files meant to import do (their broken rows hold only
// their own orders), files meant to be refused are refused with nothing written,
// a second import of each changes nothing, and the shop still checks clean.

#include "importers/orderfileimport.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlorderimportsink.h"
#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>

using importers::ImportFileReport;
using storage::Database;
using storage::SqlOrderImportSink;
using storagetest::scalar;

class TestImportFiles : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void importsEachFile_data();
    void importsEachFile();

private:
    qint64 count(const QString &sql) { return scalar(m_db->connection(), sql).toLongLong(); }
    ImportFileReport import(const QString &path)
    {
        SqlOrderImportSink sink(m_db->connection());
        importers::OrderFileOptions options;
        options.localZone = QTimeZone::utc();
        return importers::importOrderFile(path, sink, options, QStringLiteral("tester"));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestImportFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
}

void TestImportFiles::importsEachFile_data()
{
    QTest::addColumn<QString>("file");
    // Empty: imported. Otherwise the file is rejected with this in its message.
    QTest::addColumn<QString>("rejectedNaming");
    // Orders that must land on hold because of a broken field (at least this many).
    QTest::addColumn<int>("minimumHeldForErrors");

    const auto add = [](const char *file, const char *rejected = "", int held = 0) {
        QTest::newRow(file) << QString::fromLatin1(file) << QString::fromLatin1(rejected) << held;
    };
    add("shopify/shopify_orders_export_sample_GB.csv");
    add("shopify/shopify_orders_export_sample_AU.csv");
    add("shopify/multiline_bom_crlf.csv");
    add("shopify/older_48_columns.csv");
    add("shopify/reordered_extra_columns.csv");
    add("shopify/windows1252.csv");
    add("shopify/broken_rows.csv", "", 3);
    add("shopify/missing_lineitem_price.csv", "Lineitem price");
    add("amazon/amazon_order_report_sample.txt");
    add("amazon/amazon_unshipped_orders_sample.txt");
    add("amazon/all_orders_report.txt");
    add("amazon/order_report_eu_dates.txt");
    add("amazon/order_report_promotions.txt");
    add("amazon/order_report_quotes.txt");
    add("amazon/order_report_utf16le.txt");
    add("amazon/broken_rows.txt", "", 2);
    add("amazon/missing_sku_column.txt", "sku");
    add("amazon/amazon_shipping_confirmation_sample.txt", "shipping-confirmation file");
    add("ebay/us_82col_sample.csv");
    add("ebay/uk_post_to_gbp_bom_crlf.csv");
    add("ebay/au_80col_all_quoted.csv");
    add("ebay/de_semicolon_cp1252.csv");
    add("ebay/reordered_sentence_case_short_rows.csv");
}

void TestImportFiles::importsEachFile()
{
    QFETCH(QString, file);
    QFETCH(QString, rejectedNaming);
    QFETCH(int, minimumHeldForErrors);
    const QString path = QStringLiteral(BACKROOM_TEST_DATA_DIR "/importers/") + file;
    QVERIFY2(QFile::exists(path), qPrintable(path));

    const ImportFileReport first = import(path);
    const qint64 orders = count(QStringLiteral("SELECT COUNT(*) FROM orders"));
    if (!rejectedNaming.isEmpty()) {
        QCOMPARE(first.status, ImportFileReport::Status::Rejected);
        QVERIFY2(first.message.contains(rejectedNaming), qPrintable(first.message));
        QCOMPARE(orders, 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM import_runs WHERE status = "
                                      "'rejected'")),
                 1);
        return;
    }
    QVERIFY2(first.status == ImportFileReport::Status::Imported, qPrintable(first.message));
    QVERIFY(first.totals.ordersCreated > 0);
    QCOMPARE(orders, first.totals.ordersCreated);
    QVERIFY(first.totals.fileSha256.size() == 64);
    if (minimumHeldForErrors > 0) {
        QVERIFY(!first.totals.errors.isEmpty());
        // A hold for a broken field names the row and the column.
        QVERIFY2(count(QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = 'on_hold' "
                                      "AND hold_reason LIKE '%row %'")) >= minimumHeldForErrors,
                 qPrintable(scalar(m_db->connection(),
                                   QStringLiteral("SELECT group_concat(hold_reason, ' | ') "
                                                  "FROM orders"))
                                .toString()));
    }
    // Every order keeps the rows it came from, and the run its row errors.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(DISTINCT order_id) FROM order_sources")), orders);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM import_row_errors")),
             first.totals.errors.size());

    const ImportFileReport again = import(path);
    QVERIFY2(again.status == ImportFileReport::Status::Imported, qPrintable(again.message));
    QCOMPARE(again.totals.ordersCreated, 0);
    QCOMPARE(again.totals.ordersUpdated, 0);
    QCOMPARE(again.totals.ordersUnchanged, first.totals.ordersCreated);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM orders")), orders);

    const auto report = storage::checkConsistency(m_db->connection());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestImportFiles)
#include "tst_importfiles.moc"
