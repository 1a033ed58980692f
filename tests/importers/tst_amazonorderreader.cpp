#include "importers/amazonorderreader.h"
#include "importers/orderfile.h"

#include "orderreadertestutil.h"

#include <QBuffer>
#include <QFile>
#include <QtTest>

using importers::OrderFileOptions;
using readertest::ReadResult;
using namespace readertest;
using namespace Qt::StringLiterals;

namespace {

const QString DataDir = QStringLiteral(BACKROOM_TEST_DATA_DIR "/importers/amazon/");

OrderFileOptions testOptions()
{
    OrderFileOptions options;
    options.localZone = QTimeZone("UTC"); // for the dates written without an offset
    return options;
}

ReadResult readFixture(const QString &file, OrderFileOptions options = testOptions())
{
    QFile device(DataDir + file);
    if (!device.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot open %1").arg(device.fileName()), {}, {}, {}};
    return readertest::readDevice(device, file, options, importers::OrderFileFormat::Amazon);
}

ReadResult readBytes(const QByteArray &bytes, OrderFileOptions options = testOptions())
{
    QBuffer device;
    device.setData(bytes);
    device.open(QIODevice::ReadOnly);
    return readertest::readDevice(device, QStringLiteral("orders.txt"), options,
                                  importers::OrderFileFormat::Amazon);
}

} // namespace

class TestAmazonOrderReader : public QObject
{
    Q_OBJECT

private slots:
    void readsOrders_data();
    void readsOrders();
    void readsFiles_data();
    void readsFiles();
    void encodings_data();
    void encodings();
    void refuses_data();
    void refuses();
    void sameOrdersWhateverTheChunkSize_data();
    void sameOrdersWhateverTheChunkSize();
    void dateWithoutOffsetIsSellerLocal();
    void promotionRowsAreKeptAsSourceRows();
    void defaultCurrencyWithoutPrices();
    void quotesAreText_data();
    void quotesAreText();
};

// Every order of every fixture, field by field. `index` is its place in the file.
void TestAmazonOrderReader::readsOrders_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("people");
    QTest::addColumn<QString>("lines");
    QTest::addColumn<QString>("errors");

    QTest::newRow("amazon_order_report_sample 123-4567890-1234567")
        << u"amazon_order_report_sample.txt"_s << 0
        << u"123-4567890-1234567 id=123-4567890-1234567 row=2 rows=1 placed=2009-01-01T18:50:49Z paid=2009-01-05T18:50:49Z cancelled=- shipBy=- open payment= USD sub=129 ship=199 tax=0 disc=0 total=328 refunded=0"_s
        << u"buyer=Bob Smith <example@example.net> 555-123-4567; to=Bob Smith||123 Main St||Nowhere|FL|55443-3221|US|555-123-4567; service=Standard; notes="_s
        << u"[11111111111111] 1 'item one' 1 x 129 = 129 tax 0 disc 0 shipped 0"_s << u""_s;
    QTest::newRow("amazon_order_report_sample 234-5678901-2345678")
        << u"amazon_order_report_sample.txt"_s << 1
        << u"234-5678901-2345678 id=234-5678901-2345678 row=3 rows=2 placed=2009-01-01T18:50:49Z paid=2009-01-05T18:50:49Z cancelled=- shipBy=- open payment= USD sub=258 ship=398 tax=0 disc=0 total=656 refunded=0"_s
        << u"buyer=Bob Jones <example2@example.net> 555-123-4567; to=Bob Jones||456 Elm St||Somewhere|AK|11111-2222|US|555-123-4567; service=Standard; notes="_s
        << u"[22222222222222] 1 'item one' 1 x 129 = 129 tax 0 disc 0 shipped 0\n[33333333333333] 2 'item two' 2 x 65 = 129 tax 0 disc 0 shipped 0"_s
        << u""_s;
    QTest::newRow("amazon_order_report_sample 111-2222222-3333333")
        << u"amazon_order_report_sample.txt"_s << 2
        << u"111-2222222-3333333 id=111-2222222-3333333 row=5 rows=1 placed=2009-01-01T18:50:49Z paid=2009-01-05T18:50:49Z cancelled=- shipBy=- open payment= USD sub=129 ship=199 tax=0 disc=0 total=328 refunded=0"_s
        << u"buyer=Chuck Jones <example3@example.net> 555-123-4567; to=Chuck Jones||999 Oak St||Somewhere|NY|22222-3333|US|555-123-4567; service=Expedited (expedited); notes="_s
        << u"[44444444444444] 2 'item two' 2 x 65 = 129 tax 0 disc 0 shipped 0"_s << u""_s;
    QTest::newRow("amazon_unshipped_orders_sample 112-0000001-0000001")
        << u"amazon_unshipped_orders_sample.txt"_s << 0
        << u"112-0000001-0000001 id=112-0000001-0000001 row=2 rows=2 placed=2026-07-30T08:34:47Z paid=2026-07-30T08:34:47Z cancelled=- shipBy=2026-08-01T06:59:59Z open payment= USD no prices"_s
        << u"buyer=Jane Example <abc123xyz@marketplace.amazon.com> ; to=Jane Example||100 Sample St|Apt 4|Springfield|IL|62701-1234|US|; service=Standard; notes="_s
        << u"[10000000000001] MUG-BLU-11 'Ceramic Mug 11oz Blue' 2 x 0 = 0 tax 0 disc 0 shipped 0\n[10000000000002] CST-4PK 'Cork Coaster 4-pack' 1 x 0 = 0 tax 0 disc 0 shipped 0"_s
        << u""_s;
    QTest::newRow("amazon_unshipped_orders_sample 113-0000002-0000002")
        << u"amazon_unshipped_orders_sample.txt"_s << 1
        << u"113-0000002-0000002 id=113-0000002-0000002 row=4 rows=1 placed=2026-07-30T10:12:03Z paid=2026-07-30T10:12:03Z cancelled=- shipBy=2026-07-31T06:59:59Z open payment= USD no prices"_s
        << u"buyer=Lee Sample <def456uvw@marketplace.amazon.com> ; to=Lee Sample||7 Example Ave||Austin|TX|73301|US|; service=Expedited (expedited); notes="_s
        << u"[10000000000003] TEE-BLK-M 'Crew Tee Black M' 1 x 0 = 0 tax 0 disc 0 shipped 0"_s
        << u""_s;
    QTest::newRow("order_report_promotions 302-1111111-1111111")
        << u"order_report_promotions.txt"_s << 0
        << u"302-1111111-1111111 id=302-1111111-1111111 row=2 rows=4 placed=2026-07-30T08:34:47Z paid=2026-07-30T08:35:00Z cancelled=- shipBy=- open payment= EUR sub=1005 ship=499 tax=241 disc=649 total=1096 refunded=0"_s
        << u"buyer=Jürgen Müller <abc@marketplace.amazon.de> ; to=Jürgen Müller||Hauptstraße 5||Berlin||10115|DE|; service=Standard; notes=Bitte beim Nachbarn abgeben"_s
        << u"[50000000000001] MUG-BLU 'Tasse blau' 3 x 333 = 1000 tax 160 disc 150 shipped 0\n[50000000000002] CST-4PK 'Untersetzer 4er' 2 x 3 = 5 tax 1 disc 0 shipped 0"_s
        << u""_s;
    QTest::newRow("order_report_promotions 303-2222222-2222222")
        << u"order_report_promotions.txt"_s << 1
        << u"303-2222222-2222222 id=303-2222222-2222222 row=6 rows=1 placed=2026-07-30T08:34:47Z paid=2026-07-30T08:35:00Z cancelled=- shipBy=- open payment= EUR sub=1999 ship=0 tax=320 disc=0 total=2319 refunded=0"_s
        << u"buyer=Zoë Lefèvre <abc@marketplace.amazon.de> ; to=Zoë Lefèvre||5 Rue de l'Église|Bâtiment B, Porte 3|Paris||75001|FR|; service=NextDay (expedited); notes="_s
        << u"[50000000000003] TEE-BLK-M 'T-Shirt' 1 x 1999 = 1999 tax 320 disc 0 shipped 0"_s
        << u""_s;
    QTest::newRow("order_report_utf16le 503-3333333-3333333")
        << u"order_report_utf16le.txt"_s << 0
        << u"503-3333333-3333333 id=503-3333333-3333333 row=2 rows=1 placed=2026-08-01T00:00:00Z paid=2026-08-01T00:05:00Z cancelled=- shipBy=2026-08-03T14:59:59Z open payment= JPY sub=2400 ship=500 tax=290 disc=0 total=3190 refunded=0"_s
        << u"buyer=山田 太郎 <x@marketplace.amazon.co.jp> ; to=山田 太郎||千代田1-1||千代田区|東京都|100-0001|JP|090-0000-0000; service=Expedited (expedited); notes="_s
        << u"[60000000000001] YUNOMI-1 '湯呑み \"特選\"' 2 x 1200 = 2400 tax 240 disc 0 shipped 0"_s
        << u""_s;
    QTest::newRow("order_report_utf16le 504-4444444-4444444")
        << u"order_report_utf16le.txt"_s << 1
        << u"504-4444444-4444444 id=504-4444444-4444444 row=3 rows=1 placed=2026-08-01T10:00:00Z paid=- cancelled=- shipBy=2026-08-04T06:59:59Z open payment= USD sub=1200 ship=399 tax=99 disc=0 total=1698 refunded=0"_s
        << u"buyer=Ελένη Παπαδοπούλου <y@marketplace.amazon.com> ; to=Ελένη Παπαδοπούλου||10 Athens Rd||Astoria|NY|11102-1234|US|; service=Standard; notes="_s
        << u"[60000000000002] MUG-GR 'Κούπα' 1 x 1200 = 1200 tax 99 disc 0 shipped 0"_s << u""_s;
    QTest::newRow("all_orders_report 111-0000001-0000001")
        << u"all_orders_report.txt"_s << 0
        << u"111-0000001-0000001 id=111-0000001-0000001 row=2 rows=2 placed=2026-07-01T10:00:00Z paid=- cancelled=- shipBy=- shipped payment= USD sub=4748 ship=500 tax=392 disc=700 total=4940 refunded=0"_s
        << u"buyer= <> ; to=||||AUSTIN|TX|73301|US|; service=SecondDay (expedited); notes="_s
        << u"[] TEE-BLK-M 'Crew Tee Black M' 2 x 1999 = 3998 tax 330 disc 200 shipped 2\n[] CST-4PK 'Cork Coaster 4-pack' 1 x 750 = 750 tax 62 disc 0 shipped 1"_s
        << u""_s;
    QTest::newRow("all_orders_report 112-0000002-0000002")
        << u"all_orders_report.txt"_s << 1
        << u"112-0000002-0000002 id=112-0000002-0000002 row=4 rows=1 placed=2026-07-01T10:00:00Z paid=- cancelled=- shipBy=- cancelled payment= USD no prices"_s
        << u"buyer= <> ; to=||||AUSTIN|TX|73301|US|; service=Standard; notes="_s
        << u"[] MUG-BLU 'Ceramic Mug' 0 x 0 = 0 tax 0 disc 0 shipped 0"_s << u""_s;
    QTest::newRow("all_orders_report 113-0000003-0000003")
        << u"all_orders_report.txt"_s << 2
        << u"113-0000003-0000003 id=113-0000003-0000003 row=5 rows=1 placed=2026-07-01T10:00:00Z paid=- cancelled=- shipBy=- open payment= USD no prices"_s
        << u"buyer= <> ; to=||||AUSTIN|TX|73301|US|; service=Standard; notes="_s
        << u"[] PIN-1 'Enamel Pin' 1 x 0 = 0 tax 0 disc 0 shipped 0"_s << u""_s;
    QTest::newRow("order_report_eu_dates 202-5555555-5555555")
        << u"order_report_eu_dates.txt"_s << 0
        << u"202-5555555-5555555 id=202-5555555-5555555 row=2 rows=1 placed=2011-05-17T00:00:00Z paid=2011-05-18T00:00:00Z cancelled=- shipBy=- open payment= GBP sub=1500 ship=299 tax=250 disc=0 total=2049 refunded=0"_s
        << u"buyer=Sam Two <z@marketplace.amazon.co.uk> ; to=Sam Two||31 Example Grove||Newcastle upon Tyne||NE5 2QA|GB|; service=Std UK Dom_1; notes="_s
        << u"[70000000000001] SCARF-1 'Wool scarf' 1 x 1500 = 1500 tax 250 disc 0 shipped 0"_s
        << u""_s;
    QTest::newRow("broken_rows 601-0000001-0000001")
        << u"broken_rows.txt"_s << 0
        << u"601-0000001-0000001 id=601-0000001-0000001 row=2 rows=1 placed=2026-08-01T10:00:00Z paid=- cancelled=- shipBy=- open payment= USD sub=500 ship=0 tax=0 disc=0 total=500 refunded=0"_s
        << u"buyer= <> ; to=|||||||US|; service=Standard; notes="_s
        << u"[1] OK-1 'Good' 1 x 500 = 500 tax 0 disc 0 shipped 0"_s << u""_s;
    QTest::newRow("broken_rows 602-0000002-0000002")
        << u"broken_rows.txt"_s << 1
        << u"602-0000002-0000002 id=602-0000002-0000002 row=3 rows=2 placed=2026-08-01T10:00:00Z paid=- cancelled=- shipBy=- open payment= USD sub=500 ship=0 tax=0 disc=0 total=500 refunded=0"_s
        << u"buyer= <> ; to=|||||||US|; service=Standard; notes="_s
        << u"[2] OK-2 'Bad quantity' 0 x 500 = 500 tax 0 disc 0 shipped 0\n[3] OK-3 'Bad money' 1 x 0 = 0 tax 0 disc 0 shipped 0"_s
        << u"row 3, quantity-purchased: not a whole number of items: \"1.5\"\nrow 4, item-price: not an amount of money: \"5.0.0\" (misplaced thousands separator)"_s;
    QTest::newRow("broken_rows 603-0000003-0000003")
        << u"broken_rows.txt"_s << 2
        << u"603-0000003-0000003 id=603-0000003-0000003 row=6 rows=1 placed=- paid=- cancelled=- shipBy=- open payment= USD sub=500 ship=0 tax=0 disc=0 total=500 refunded=0"_s
        << u"buyer= <> ; to=|||||||US|; service=Standard; notes="_s
        << u"[5]  'No SKU' 0 x 500 = 500 tax 0 disc 0 shipped 0"_s
        << u"row 6, purchase-date: not a date and time: \"2026-02-30T10:00:00Z\"\nrow 6, quantity-purchased: the quantity must be at least 1, not -1\nrow 6, sku: the item \"No SKU\" has no SKU"_s;
    QTest::newRow("broken_rows 604-0000004-0000004")
        << u"broken_rows.txt"_s << 3
        << u"604-0000004-0000004 id=604-0000004-0000004 row=7 rows=1 placed=2026-08-01T10:00:00Z paid=- cancelled=- shipBy=- open payment= USD sub=700 ship=0 tax=0 disc=0 total=700 refunded=0"_s
        << u"buyer= <> ; to=|||||||US|; service=Standard; notes="_s
        << u"[6] OK-4 'Fine' 2 x 350 = 700 tax 0 disc 0 shipped 0"_s << u""_s;
}

void TestAmazonOrderReader::readsOrders()
{
    QFETCH(QString, file);
    QFETCH(int, index);
    QFETCH(QString, order);
    QFETCH(QString, people);
    QFETCH(QString, lines);
    QFETCH(QString, errors);

    const ReadResult read = readFixture(file);
    QVERIFY2(read.openError.isEmpty(), qPrintable(read.openError));
    QVERIFY2(read.status.ok(), qPrintable(read.status.error()));
    QVERIFY(index < read.orders.size());
    const models::ImportedOrder &o = read.orders.at(index);
    QCOMPARE(o.channelCode, u"amazon"_s);
    QCOMPARE(describeOrder(o), order);
    QCOMPARE(describePeople(o), people);
    QCOMPARE(describeLines(o), lines);
    QCOMPARE(describeErrors(o.errors), errors);
}

// The orders a file holds, in order, and the rows that belong to none.
void TestAmazonOrderReader::readsFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("numbers");
    QTest::addColumn<QString>("strayErrors");

    QTest::newRow("real order report")
        << u"amazon_order_report_sample.txt"_s
        << QStringList{u"123-4567890-1234567"_s, u"234-5678901-2345678"_s, u"111-2222222-3333333"_s}
        << QString();
    QTest::newRow("unshipped report")
        << u"amazon_unshipped_orders_sample.txt"_s
        << QStringList{u"112-0000001-0000001"_s, u"113-0000002-0000002"_s} << QString();
    QTest::newRow("promotion continuation rows")
        << u"order_report_promotions.txt"_s
        << QStringList{u"302-1111111-1111111"_s, u"303-2222222-2222222"_s} << QString();
    QTest::newRow("utf-16le") << u"order_report_utf16le.txt"_s
                              << QStringList{u"503-3333333-3333333"_s, u"504-4444444-4444444"_s}
                              << QString();
    QTest::newRow("all orders report")
        << u"all_orders_report.txt"_s
        << QStringList{u"111-0000001-0000001"_s, u"112-0000002-0000002"_s, u"113-0000003-0000003"_s}
        << QString();
    QTest::newRow("broken rows")
        << u"broken_rows.txt"_s
        << QStringList{u"601-0000001-0000001"_s, u"602-0000002-0000002"_s, u"603-0000003-0000003"_s,
                       u"604-0000004-0000004"_s}
        << u"row 5, order-id: the row has no order id, so it belongs to no order and was not "
           "imported"_s;
}

void TestAmazonOrderReader::readsFiles()
{
    QFETCH(QString, file);
    QFETCH(QStringList, numbers);
    QFETCH(QString, strayErrors);

    const ReadResult read = readFixture(file);
    QVERIFY2(read.openError.isEmpty(), qPrintable(read.openError));
    QVERIFY2(read.status.ok(), qPrintable(read.status.error()));
    QStringList got;
    for (const models::ImportedOrder &o : read.orders) {
        QCOMPARE(o.externalId, o.number);
        got.append(o.number);
    }
    QCOMPARE(got, numbers);
    QCOMPARE(describeErrors(read.strayErrors), strayErrors);
}

// The same report as Seller Central and Excel hand it out reads the same.
void TestAmazonOrderReader::encodings_data()
{
    QTest::addColumn<QByteArray>("bytes");

    const QString text =
        u"order-id\torder-item-id\tpurchase-date\tsku\titem-name\tquantity-purchased\tcurrency\t"
        "item-price\trecipient-name\tship-city\tship-country\n"
        "028-1\t1\t2026-05-01T12:00:00+01:00\tSCARF\tÉtole laine\t3\tEUR\t10.00\tZoë Müller\t"
        "Zürich\tch\n"
        "028-1\t2\t2026-05-01T12:00:00+01:00\tHAT\tBonnet\t1\tEUR\t5.00\tZoë Müller\tZürich\t"
        "ch\n"
        "028-2\t3\t2026-05-02T12:00:00+01:00\tPIN\tPin\t1\tEUR\t1.00\tAnn\tBern\tCH\n"_s;
    QString crlf = text;
    crlf.replace(u"\n"_s, u"\r\n"_s);

    QTest::newRow("utf-8") << text.toUtf8();
    QTest::newRow("utf-8 bom crlf") << QByteArray("\xef\xbb\xbf") + crlf.toUtf8();
    QTest::newRow("windows-1252") << text.toLatin1(); // these letters are the same bytes
    QTest::newRow("utf-16le bom crlf") << utf16le(crlf);
}

void TestAmazonOrderReader::encodings()
{
    QFETCH(QByteArray, bytes);

    const ReadResult read = readBytes(bytes);
    QVERIFY2(read.openError.isEmpty(), qPrintable(read.openError));
    QVERIFY2(read.status.ok(), qPrintable(read.status.error()));
    QCOMPARE(read.orders.size(), 2);
    const models::ImportedOrder &first = read.orders.at(0);
    QCOMPARE(describeOrder(first),
             u"028-1 id=028-1 row=2 rows=2 placed=2026-05-01T11:00:00Z paid=- cancelled=- "
             "shipBy=- open payment= EUR sub=1500 ship=0 tax=0 disc=0 total=1500 refunded=0"_s);
    QCOMPARE(first.shipTo.name, u"Zoë Müller"_s);
    QCOMPARE(first.shipTo.city, u"Zürich"_s);
    QCOMPARE(first.shipTo.country, u"CH"_s);
    QCOMPARE(describeLines(first),
             u"[1] SCARF 'Étole laine' 3 x 333 = 1000 tax 0 disc 0 shipped 0\n"
             "[2] HAT 'Bonnet' 1 x 500 = 500 tax 0 disc 0 shipped 0"_s);
    QCOMPARE(read.orders.at(1).number, u"028-2"_s);
    QCOMPARE(read.orders.at(1).firstRow, 4);
}

// Files that are not imported at all, and why.
void TestAmazonOrderReader::refuses_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");

    QTest::newRow("no sku column")
        << u"missing_sku_column.txt"_s
        << u"file missing_sku_column.txt, row 1: the Amazon export has no \"sku\" column; "
           "nothing was imported"_s;
    // The upload file we write for Amazon is not an order report.
    QTest::newRow("shipping confirmation upload")
        << u"amazon_shipping_confirmation_sample.txt"_s
        << u"file amazon_shipping_confirmation_sample.txt: this is an Amazon "
           "shipping-confirmation file (for uploading tracking numbers), not an order report; "
           "nothing was imported"_s;
}

void TestAmazonOrderReader::refuses()
{
    QFETCH(QString, file);
    QFETCH(QString, message);

    const ReadResult read = readFixture(file);
    QCOMPARE(read.openError, message);
    QVERIFY(read.orders.isEmpty());
}

// Records cut across chunks (CRLFs, UTF-16 code units, UTF-8 sequences) read the
// same as whole ones.
void TestAmazonOrderReader::sameOrdersWhateverTheChunkSize_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("chunkBytes");

    for (const QString &file : {u"order_report_promotions.txt"_s, u"order_report_utf16le.txt"_s,
                                u"all_orders_report.txt"_s, u"broken_rows.txt"_s}) {
        for (int chunk : {1, 3, 64, 1000})
            QTest::addRow("%s in %d-byte chunks", qPrintable(file), chunk) << file << chunk;
    }
}

void TestAmazonOrderReader::sameOrdersWhateverTheChunkSize()
{
    QFETCH(QString, file);
    QFETCH(int, chunkBytes);

    const ReadResult whole = readFixture(file);
    OrderFileOptions options = testOptions();
    options.csv.chunkBytes = chunkBytes;
    const ReadResult chunked = readFixture(file, options);
    QVERIFY2(chunked.status.ok(), qPrintable(chunked.status.error()));
    QCOMPARE(chunked.orders.size(), whole.orders.size());
    for (qsizetype i = 0; i < whole.orders.size(); ++i) {
        const models::ImportedOrder &a = whole.orders.at(i);
        const models::ImportedOrder &b = chunked.orders.at(i);
        QCOMPARE(describeOrder(b), describeOrder(a));
        QCOMPARE(describePeople(b), describePeople(a));
        QCOMPARE(describeLines(b), describeLines(a));
        QCOMPARE(describeErrors(b.errors), describeErrors(a.errors));
        QCOMPARE(b.sourceRows.size(), a.sourceRows.size());
        for (qsizetype r = 0; r < a.sourceRows.size(); ++r)
            QCOMPARE(b.sourceRows.at(r).fields, a.sourceRows.at(r).fields);
    }
}

// "05-17-2011" has no time and no offset: midnight where the seller is.
void TestAmazonOrderReader::dateWithoutOffsetIsSellerLocal()
{
    OrderFileOptions options = testOptions();
    options.localZone = QTimeZone("Europe/London");
    const ReadResult read = readFixture(u"order_report_eu_dates.txt"_s, options);
    QCOMPARE(read.orders.size(), 1);
    QCOMPARE(read.orders.at(0).placedAtUtc, QDateTime(QDate(2011, 5, 16), QTime(23, 0), Qt::UTC));
    QCOMPARE(*read.orders.at(0).paidAtUtc, QDateTime(QDate(2011, 5, 17), QTime(23, 0), Qt::UTC));
}

// A promotion row adds no line, but it is part of the order as the file had it.
void TestAmazonOrderReader::promotionRowsAreKeptAsSourceRows()
{
    const ReadResult read = readFixture(u"order_report_promotions.txt"_s);
    QVERIFY(read.status.ok());
    const models::ImportedOrder &o = read.orders.at(0);
    QCOMPARE(o.lines.size(), 2);
    QCOMPARE(o.sourceRows.size(), 4);
    QList<qint64> rows;
    for (const models::ImportSourceRow &row : o.sourceRows)
        rows.append(row.row);
    QCOMPARE(rows, (QList<qint64>{2, 3, 4, 5}));
    QCOMPARE(o.sourceRows.at(1).fields.value(33), u"PROMO-B"_s); // item-promotion-id
    QCOMPARE(o.sourceRows.at(2).fields.value(34), u"-4.00"_s);   // ship-promotion-discount
}

// The Unshipped report has no money: the order says so, in the channel's currency.
void TestAmazonOrderReader::defaultCurrencyWithoutPrices()
{
    OrderFileOptions options = testOptions();
    options.defaultCurrency = u"GBP"_s;
    const ReadResult read = readFixture(u"amazon_unshipped_orders_sample.txt"_s, options);
    QCOMPARE(read.orders.size(), 2);
    for (const models::ImportedOrder &o : read.orders) {
        QVERIFY(!o.hasPrices);
        QCOMPARE(o.currency, u"GBP"_s);
        QCOMPARE(o.totalMinor, 0);
    }
}

// Amazon quotes nothing: a quote in a value is text, even at its start and even
// unclosed, and never swallows the fields after it. Excel quotes such values when
// it re-saves the report; that copy reads the same.
void TestAmazonOrderReader::quotesAreText_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("chunkBytes");

    for (const QString &file : {u"order_report_quotes.txt"_s, u"order_report_quotes_excel.txt"_s}) {
        for (int chunk : {1, 5, 64 * 1024})
            QTest::addRow("%s in %d-byte chunks", qPrintable(file), chunk) << file << chunk;
    }
}

void TestAmazonOrderReader::quotesAreText()
{
    QFETCH(QString, file);
    QFETCH(int, chunkBytes);

    OrderFileOptions options = testOptions();
    options.csv.chunkBytes = chunkBytes;
    const ReadResult read = readFixture(file, options);
    QVERIFY2(read.status.ok(), qPrintable(read.status.error()));
    QCOMPARE(read.orders.size(), 3);
    QCOMPARE(describeLines(read.orders.at(0)),
             u"[1] RULER-12 '12\" ruler' 1 x 300 = 300 tax 0 disc 0 shipped 0\n"
             "[2] MUG-Q '\"Best Dad\" mug' 1 x 900 = 900 tax 0 disc 0 shipped 0"_s);
    const models::ImportedOrder &sign = read.orders.at(1);
    QCOMPARE(describeLines(sign),
             u"[3] SIGN-1 '\"Open sign, 10x4' 2 x 1000 = 2000 tax 0 disc 0 shipped 0"_s);
    QCOMPARE(sign.shipTo.name, u"Bo \"Bob\" Ray"_s);
    QCOMPARE(sign.shipTo.line1, u"2 Elm St"_s);
    QCOMPARE(sign.errors.size(), 0);
    QCOMPARE(read.orders.at(2).firstRow, 5);
}

QTEST_GUILESS_MAIN(TestAmazonOrderReader)
#include "tst_amazonorderreader.moc"
