#include "importers/orderfile.h"
#include "importers/shopifyorderreader.h"

#include "orderreadertestutil.h"

#include <QBuffer>
#include <QFile>
#include <QtTest>

using importers::OrderFileOptions;
using readertest::ReadResult;
using namespace readertest;
using namespace Qt::StringLiterals;

namespace {

const QString DataDir = QStringLiteral(BACKROOM_TEST_DATA_DIR "/importers/shopify/");

OrderFileOptions testOptions()
{
    OrderFileOptions options;
    options.localZone = QTimeZone("UTC"); // Shopify dates carry offsets; this must not matter
    return options;
}

ReadResult readFixture(const QString &file, OrderFileOptions options = testOptions())
{
    QFile device(DataDir + file);
    if (!device.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot open %1").arg(device.fileName()), {}, {}, {}};
    return readertest::readDevice(device, file, options, importers::OrderFileFormat::Shopify);
}

ReadResult readBytes(const QByteArray &bytes, OrderFileOptions options = testOptions())
{
    QBuffer device;
    device.setData(bytes);
    device.open(QIODevice::ReadOnly);
    return readertest::readDevice(device, QStringLiteral("orders.csv"), options,
                                  importers::OrderFileFormat::Shopify);
}

const QString Header = u"Name,Email,Financial Status,Currency,Subtotal,Total,Created at,"
                       "Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,"
                       "Shipping Name,Shipping Address1,Shipping City,Shipping Zip,"
                       "Shipping Country,Id"_s;

} // namespace

class TestShopifyOrderReader : public QObject
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
    void keepsSourceRowsAsRead();
    void unclosedQuoteRejectsTheFile();
    void defaultCurrency();
};

// Every order of every fixture, field by field. `index` is its place in the file.
void TestShopifyOrderReader::readsOrders_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("people");
    QTest::addColumn<QString>("lines");
    QTest::addColumn<QString>("errors");

    QTest::newRow("shopify_orders_export_sample_AU #1002")
        << u"shopify_orders_export_sample_AU.csv"_s << 0
        << u"#1002 id=12088417878384 row=2 rows=1 placed=2026-06-08T13:02:13Z paid=2026-06-08T13:02:14Z cancelled=- shipBy=- open payment=paid AUD sub=50 ship=0 tax=5 disc=4950 total=55 refunded=0"_s
        << u"buyer=Jordan Sample <jordan.sample@example.com> +61400000000; to=||||||||; service=; notes="_s
        << u"[]  'Classic Formula RX8 Black T-Shirt - M / Custom Name on Back ($10) - $50' 1 x 5000 = 5000 tax 0 disc 0 shipped 0"_s
        << u"row 2, Lineitem sku: the item \"Classic Formula RX8 Black T-Shirt - M / Custom Name on Back ($10) - $50\" has no SKU"_s;
    QTest::newRow("shopify_orders_export_sample_AU #1001")
        << u"shopify_orders_export_sample_AU.csv"_s << 1
        << u"#1001 id=12088401232240 row=3 rows=2 placed=2026-06-08T12:55:28Z paid=2026-06-08T12:55:29Z cancelled=- shipBy=- open payment=paid AUD sub=50 ship=0 tax=5 disc=4950 total=55 refunded=0"_s
        << u"buyer=Jordan Sample <jordan.sample@example.com> +61400000000; to=||||||||; service=; notes="_s
        << u"[]  'Classic Formula RX8 Black T-Shirt - L / Standard Shirt -$40' 1 x 4000 = 4000 tax 0 disc 0 shipped 0\n[]  'Formula RX8 Stubby Cooler - Black/gold' 1 x 1000 = 1000 tax 0 disc 0 shipped 0"_s
        << u"row 3, Lineitem sku: the item \"Classic Formula RX8 Black T-Shirt - L / Standard Shirt -$40\" has no SKU\nrow 4, Lineitem sku: the item \"Formula RX8 Stubby Cooler - Black/gold\" has no SKU"_s;
    QTest::newRow("shopify_orders_export_sample_GB #1059")
        << u"shopify_orders_export_sample_GB.csv"_s << 0
        << u"#1059 id=12133189747019 row=2 rows=1 placed=2025-12-07T18:33:40Z paid=2025-12-07T18:33:41Z cancelled=- shipBy=- open payment=paid GBP sub=3812 ship=400 tax=0 disc=0 total=4212 refunded=0"_s
        << u"buyer=Alex One <alex.one@example.com> (+44)7000000001; to=Alex One||5 Sample Road, Sutton coldfield||West Midlands|ENG|B74 3EX|GB|(+44)7000000001; service=Shipped by Seller: Shipped by seller; notes="_s
        << u"[] 65247576-white-s 'Strapless Ruched Mini Dress - White / S' 1 x 3812 = 3812 tax 0 disc 0 shipped 0"_s
        << u""_s;
    QTest::newRow("shopify_orders_export_sample_GB #1057")
        << u"shopify_orders_export_sample_GB.csv"_s << 1
        << u"#1057 id=12128640532811 row=5 rows=1 placed=2025-12-06T11:39:30Z paid=2025-12-06T11:39:30Z cancelled=2025-12-06T11:39:58Z shipBy=- cancelled payment=refunded GBP sub=3698 ship=400 tax=0 disc=0 total=4098 refunded=4098"_s
        << u"buyer=Sam two <sam.two@example.com> (+44)7000000002; to=Sam two||31 Example Grove, Newcastle upon tyne||Tyne and Wear|ENG|NE5 2QA|GB|(+44)7000000002; service=Shipped by Seller: Shipped by seller; notes="_s
        << u"[] 53075587-pink-m 'Women Square-neck Halter Mini Dress - BROWN / M' 1 x 3698 = 3698 tax 0 disc 0 shipped 0"_s
        << u""_s;
    QTest::newRow("shopify_orders_export_sample_GB #1054")
        << u"shopify_orders_export_sample_GB.csv"_s << 2
        << u"#1054 id=12124845998411 row=6 rows=1 placed=2025-12-05T09:15:11Z paid=2025-12-05T09:15:12Z cancelled=- shipBy=- shipped payment=paid GBP sub=4211 ship=400 tax=0 disc=0 total=4611 refunded=0"_s
        << u"buyer=Kim Three <kim.three@example.com> (+44)7000000003; to=Kim Three||30 Example Road, Bournemouth||Bournemouth|ENG|BH10 4AS|GB|(+44)7000000003; service=Shipped by Seller: Shipped by seller; notes="_s
        << u"[] 86719035-brown-s 'Women\u2019s Sparkle Off-Shoulder Maxi Dress - Brown / S' 1 x 4211 = 4211 tax 0 disc 0 shipped 1"_s
        << u""_s;
    QTest::newRow("shopify_orders_export_sample_GB #1050")
        << u"shopify_orders_export_sample_GB.csv"_s << 3
        << u"#1050 id=12120908398923 row=7 rows=2 placed=2025-12-03T23:59:28Z paid=2025-12-03T23:59:29Z cancelled=- shipBy=- open payment=paid GBP sub=6440 ship=0 tax=0 disc=956 total=6440 refunded=0"_s
        << u"buyer=Pat Four <pat.four@example.co.uk> (+44)7000000004; to=Pat Four||2 Example Street Royton, Oldham||Greater Manchester|ENG|OL2 6RG|GB|(+44)7000000004; service=Shipped by Seller: Shipped by seller; notes="_s
        << u"[] 53075587-pink-m 'Women Square-neck Halter Mini Dress - BROWN / M' 1 x 3698 = 3698 tax 0 disc 0 shipped 0\n[] 53075587-pink-s 'Women Square-neck Halter Mini Dress - BROWN / S' 1 x 3698 = 3698 tax 0 disc 0 shipped 0"_s
        << u""_s;
    QTest::newRow("multiline_bom_crlf #2001")
        << u"multiline_bom_crlf.csv"_s << 0
        << u"#2001 id=5000000002001 row=2 rows=3 placed=2026-06-08T12:55:28Z paid=2026-06-08T12:55:29Z cancelled=- shipBy=- open payment=paid AUD sub=13500 ship=1250 tax=1350 disc=1500 total=14750 refunded=0"_s
        << u"buyer=Zoë Müller <zoe@example.com> +61 400 000 001; to=Zoë Müller|Müller & Co|Flat 2\r\n5 Rue de l'Église|Rear entrance|St.clair|NSW|2759|AU|+61 400 000 002; service=Express Post (expedited); notes=Leave with neighbour, please\r\nRing twice"_s
        << u"[] TEE-BLK-M 'Crew Tee - Black / M' 2 x 2500 = 5000 tax 0 disc 500 shipped 0\n[] COOL-GLD 'Stubby Cooler \"Gold\"' 1 x 1000 = 1000 tax 0 disc 0 shipped 0\n[] PIN-1 'Enamel Pin' 3 x 2500 = 7500 tax 0 disc 1000 shipped 0"_s
        << u""_s;
    QTest::newRow("multiline_bom_crlf #2002")
        << u"multiline_bom_crlf.csv"_s << 1
        << u"#2002 id=5000000002002 row=8 rows=1 placed=2026-06-09T00:00:00Z paid=2026-06-09T00:00:01Z cancelled=- shipBy=- open payment=paid JPY sub=2400 ship=500 tax=240 disc=0 total=3140 refunded=0"_s
        << u"buyer=山田 太郎 <taro@example.jp> +81 90 0000 0000; to=山田 太郎||千代田1-1||千代田区|JP-13|100-0001|JP|; service=Standard; notes="_s
        << u"[] YUNOMI-1 '湯呑み' 2 x 1200 = 2400 tax 0 disc 0 shipped 0"_s << u""_s;
    QTest::newRow("multiline_bom_crlf #2003")
        << u"multiline_bom_crlf.csv"_s << 2
        << u"#2003 id=5000000002003 row=9 rows=1 placed=2026-06-10T06:59:59Z paid=2026-06-10T07:00:00Z cancelled=2026-06-10T09:30:00Z shipBy=- cancelled payment=refunded EUR sub=4990 ship=500 tax=0 disc=0 total=5490 refunded=5490"_s
        << u"buyer=Ελένη Παπαδοπούλου <eleni@example.gr> ; to=Ελένη Παπαδοπούλου||Οδός Αθηνάς 10||Αθήνα|I|105 51|GR|; service=ELTA Courier; notes="_s
        << u"[] MUG-GR 'Κούπα' 1 x 4990 = 4990 tax 0 disc 0 shipped 0"_s << u""_s;
    QTest::newRow("multiline_bom_crlf #2004")
        << u"multiline_bom_crlf.csv"_s << 3
        << u"#2004 id=#2004 row=10 rows=1 placed=2026-06-11T12:59:00Z paid=2026-06-11T13:00:00Z cancelled=- shipBy=- shipped payment=partially_refunded USD sub=2000 ship=0 tax=165 disc=0 total=2165 refunded=500"_s
        << u"buyer=Pat Four <pat@example.com> ; to=Pat Four||9 Elm St||Austin|TX|07302|US|; service=UPS Next Day Air (expedited); notes="_s
        << u"[] TOTE-1 'Tote' 1 x 2000 = 2000 tax 0 disc 0 shipped 1"_s << u""_s;
    QTest::newRow("windows1252 #2101")
        << u"windows1252.csv"_s << 0
        << u"#2101 id=5000000002101 row=2 rows=1 placed=2026-06-01T08:00:00Z paid=- cancelled=- shipBy=- open payment=paid EUR sub=1250 ship=0 tax=0 disc=0 total=1250 refunded=0"_s
        << u"buyer=Jürgen Müller <jurgen@example.de> ; to=Jürgen Müller||Straße 1||München||80331|DE|; service=; notes=Geschenk \u2013 bitte ohne Rechnung"_s
        << u"[] MUG-CAFE 'Café Mug' 1 x 1250 = 1250 tax 0 disc 0 shipped 0"_s << u""_s;
    QTest::newRow("windows1252 #2102")
        << u"windows1252.csv"_s << 1
        << u"#2102 id=5000000002102 row=3 rows=1 placed=2026-06-01T09:00:00Z paid=- cancelled=- shipBy=- open payment=paid EUR sub=800 ship=0 tax=0 disc=0 total=800 refunded=0"_s
        << u"buyer=Zoë Lefèvre <zoe@example.fr> ; to=Zoë Lefèvre||5 Rue de l'Église||Paris||75001|FR|; service=; notes="_s
        << u"[] CREME-1 'Crème brûlée set' 1 x 800 = 800 tax 0 disc 0 shipped 0"_s << u""_s;
    QTest::newRow("older_48_columns #1230")
        << u"older_48_columns.csv"_s << 0
        << u"#1230 id=#1230 row=2 rows=1 placed=2012-01-01T16:13:13Z paid=2012-01-01T16:13:25Z cancelled=- shipBy=- shipped payment=paid USD sub=1500 ship=0 tax=0 disc=500 total=1500 refunded=0"_s
        << u"buyer=Jason Williams <jwills@example.com> ; to=Jason Williams||14 Cool St|#5b|Springfield|IL|02928|US|; service=; notes="_s
        << u"[] VIM-RAILS 'Vim for Rails Developers' 1 x 1500 = 1500 tax 0 disc 0 shipped 1"_s
        << u""_s;
    QTest::newRow("older_48_columns #1231")
        << u"older_48_columns.csv"_s << 1
        << u"#1231 id=#1231 row=3 rows=1 placed=2012-01-01T19:09:01Z paid=2012-01-01T19:09:11Z cancelled=- shipBy=- open payment=paid USD sub=3000 ship=0 tax=0 disc=0 total=3000 refunded=0"_s
        << u"buyer=twmills LLC <paypal@example.com> ; to=twmills LLC|twmills LLC|9605 Kangaroo Lane||Austin|TX|78748|US|; service=; notes="_s
        << u"[] VIM-TEAM 'Vim for Rails Developers - Team' 2 x 1500 = 3000 tax 0 disc 0 shipped 0"_s
        << u""_s;
    QTest::newRow("reordered_extra_columns 1044")
        << u"reordered_extra_columns.csv"_s << 0
        << u"1044 id=7001 row=2 rows=2 placed=2026-01-02T03:04:05Z paid=- cancelled=- shipBy=- open payment=paid GBP sub=1400 ship=0 tax=0 disc=0 total=1400 refunded=0"_s
        << u"buyer=Ann Lee <> ; to=Ann Lee||1 High St||Leeds||LS1 1AA|GB|; service=; notes="_s
        << u"[] A-1 'Widget' 4 x 350 = 1400 tax 0 disc 0 shipped 0\n[] B-2 '' 1 x 100 = 100 tax 0 disc 0 shipped 0"_s
        << u""_s;
    QTest::newRow("reordered_extra_columns 1045")
        << u"reordered_extra_columns.csv"_s << 1
        << u"1045 id=7002 row=4 rows=1 placed=2026-01-03T03:04:05Z paid=- cancelled=- shipBy=- open payment= GBP sub=200 ship=0 tax=0 disc=0 total=200 refunded=0"_s
        << u"buyer= <> ; to=||||||||; service=; notes="_s
        << u"[] C-3 'Gadget' 1 x 200 = 200 tax 0 disc 0 shipped 0"_s << u""_s;
    QTest::newRow("broken_rows #3001")
        << u"broken_rows.csv"_s << 0
        << u"#3001 id=3001 row=2 rows=1 placed=2026-03-01T00:00:00Z paid=- cancelled=- shipBy=- open payment=paid AUD sub=1000 ship=0 tax=0 disc=0 total=1000 refunded=0"_s
        << u"buyer= <buyer@example.com> ; to=|||||||AU|; service=; notes="_s
        << u"[] OK-1 'Good one' 1 x 1000 = 1000 tax 0 disc 0 shipped 0"_s << u""_s;
    QTest::newRow("broken_rows #3002")
        << u"broken_rows.csv"_s << 1
        << u"#3002 id=3002 row=3 rows=2 placed=2026-03-02T00:00:00Z paid=- cancelled=- shipBy=- open payment=paid AUD sub=3000 ship=0 tax=0 disc=0 total=3000 refunded=0"_s
        << u"buyer= <buyer@example.com> ; to=||||||||; service=; notes="_s
        << u"[] OK-2 'First' 1 x 1000 = 1000 tax 0 disc 0 shipped 0\n[] OK-3 'Second' 0 x 1000 = 0 tax 0 disc 0 shipped 0"_s
        << u"row 3, Paid at: not a date and time: \"2026-03-32 10:00:00 +1000\"\nrow 4, Lineitem quantity: not a whole number of items: \"two\""_s;
    QTest::newRow("broken_rows #3003")
        << u"broken_rows.csv"_s << 2
        << u"#3003 id=3003 row=6 rows=2 placed=2026-03-03T00:00:00Z paid=- cancelled=- shipBy=- open payment=paid AUD sub=0 ship=0 tax=0 disc=0 total=1000 refunded=0"_s
        << u"buyer= <buyer@example.com> ; to=||||||||; service=; notes="_s
        << u"[]  'No SKU here' 0 x 1000 = 0 tax 0 disc 0 shipped 0\n[] OK-4 'Euro' 1 x 0 = 0 tax 0 disc 0 shipped 0"_s
        << u"row 6, Subtotal: not an amount of money: \"12,3.4\" (misplaced thousands separator)\nrow 6, Lineitem quantity: the quantity must be at least 1, not 0\nrow 6, Lineitem sku: the item \"No SKU here\" has no SKU\nrow 7, Lineitem price: the amount \"EUR 5.00\" is in EUR, but the order is in AUD"_s;
    QTest::newRow("broken_rows #3004")
        << u"broken_rows.csv"_s << 3
        << u"#3004 id=3004 row=9 rows=1 placed=- paid=- cancelled=- shipBy=- open payment=paid AUD sub=100 ship=0 tax=0 disc=0 total=100 refunded=0"_s
        << u"buyer= <buyer@example.com> ; to=||||||||; service=; notes="_s
        << u"[] OK-5 'Last' 1 x 100 = 100 tax 0 disc 0 shipped 0"_s
        << u"row 9, Created at: not a date and time: \"yesterday\""_s;
    QTest::newRow("broken_rows #3005")
        << u"broken_rows.csv"_s << 4
        << u"#3005 id=3005 row=10 rows=1 placed=2026-03-05T00:00:00Z paid=- cancelled=- shipBy=- open payment=paid AUD sub=100 ship=0 tax=0 disc=0 total=100 refunded=0"_s
        << u"buyer= <buyer@example.com> ; to=||||||||; service=; notes="_s
        << u"[] OK-6 'Fine' 1 x 100 = 100 tax 0 disc 0 shipped 0"_s << u""_s;
}

void TestShopifyOrderReader::readsOrders()
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
    QCOMPARE(o.channelCode, u"shopify"_s);
    QCOMPARE(describeOrder(o), order);
    QCOMPARE(describePeople(o), people);
    QCOMPARE(describeLines(o), lines);
    QCOMPARE(describeErrors(o.errors), errors);
}

// The orders a file holds, in order, and the rows that belong to none.
void TestShopifyOrderReader::readsFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("numbers");
    QTest::addColumn<QString>("strayErrors");

    QTest::newRow("real AU export") << u"shopify_orders_export_sample_AU.csv"_s
                                    << QStringList{u"#1002"_s, u"#1001"_s} << QString();
    QTest::newRow("real GB export, multi-line note")
        << u"shopify_orders_export_sample_GB.csv"_s
        << QStringList{u"#1059"_s, u"#1057"_s, u"#1054"_s, u"#1050"_s} << QString();
    QTest::newRow("bom, crlf, quoted line breaks")
        << u"multiline_bom_crlf.csv"_s
        << QStringList{u"#2001"_s, u"#2002"_s, u"#2003"_s, u"#2004"_s} << QString();
    QTest::newRow("windows-1252") << u"windows1252.csv"_s << QStringList{u"#2101"_s, u"#2102"_s}
                                  << QString();
    QTest::newRow("2012 export, 48 columns")
        << u"older_48_columns.csv"_s << QStringList{u"#1230"_s, u"#1231"_s} << QString();
    QTest::newRow("reordered, extra and missing columns, short rows")
        << u"reordered_extra_columns.csv"_s << QStringList{u"1044"_s, u"1045"_s} << QString();
    // Row 5 has no Name; row 8 is only commas and is no row at all.
    QTest::newRow("broken rows")
        << u"broken_rows.csv"_s
        << QStringList{u"#3001"_s, u"#3002"_s, u"#3003"_s, u"#3004"_s, u"#3005"_s}
        << u"row 5, Name: the row has no order Name, so it belongs to no order and was not "
           "imported"_s;
}

void TestShopifyOrderReader::readsFiles()
{
    QFETCH(QString, file);
    QFETCH(QStringList, numbers);
    QFETCH(QString, strayErrors);

    const ReadResult read = readFixture(file);
    QVERIFY2(read.openError.isEmpty(), qPrintable(read.openError));
    QVERIFY2(read.status.ok(), qPrintable(read.status.error()));
    QStringList got;
    for (const models::ImportedOrder &o : read.orders)
        got.append(o.number);
    QCOMPARE(got, numbers);
    QCOMPARE(describeErrors(read.strayErrors), strayErrors);
}

// The same export saved by different tools reads the same.
void TestShopifyOrderReader::encodings_data()
{
    QTest::addColumn<QByteArray>("bytes");

    const QString rows = u"#5001,a@example.com,paid,EUR,24.00,24.00,2026-06-01 10:00:00 +0200,"
                         "2,Crème brûlée set,12.00,CREME-1,Zoë Müller,\"Straße 1\nHinterhaus\","
                         "München,'01067,de,501\n"
                         "#5001,a@example.com,,,,,2026-06-01 10:00:00 +0200,1,Extra,0.00,"
                         "EXTRA-1\n"
                         "#5002,b@example.com,pending,EUR,1.00,1.00,2026-06-02 10:00:00 +0200,"
                         "1,Pin,1.00,PIN-1,Ann,x,y,z,FR,502\n"_s;
    const QString text = Header + u'\n' + rows;
    QString crlf = text;
    crlf.replace(u"\n"_s, u"\r\n"_s);

    QTest::newRow("utf-8") << text.toUtf8();
    QTest::newRow("utf-8 bom crlf") << QByteArray("\xef\xbb\xbf") + crlf.toUtf8();
    QTest::newRow("windows-1252") << text.toLatin1(); // these letters are the same bytes
    QTest::newRow("utf-16le bom") << utf16le(text);
}

void TestShopifyOrderReader::encodings()
{
    QFETCH(QByteArray, bytes);

    const ReadResult read = readBytes(bytes);
    QVERIFY2(read.openError.isEmpty(), qPrintable(read.openError));
    QVERIFY2(read.status.ok(), qPrintable(read.status.error()));
    QCOMPARE(read.orders.size(), 2);
    const models::ImportedOrder &first = read.orders.at(0);
    QCOMPARE(describeOrder(first),
             u"#5001 id=501 row=2 rows=2 placed=2026-06-01T08:00:00Z paid=- cancelled=- "
             "shipBy=- open payment=paid EUR sub=2400 ship=0 tax=0 disc=0 total=2400 "
             "refunded=0"_s);
    QCOMPARE(first.shipTo.name, u"Zoë Müller"_s);
    QCOMPARE(first.shipTo.line1.split(QRegularExpression(u"\r?\n"_s)),
             QStringList({u"Straße 1"_s, u"Hinterhaus"_s}));
    QCOMPARE(first.shipTo.city, u"München"_s);
    QCOMPARE(first.shipTo.postcode, u"01067"_s);
    QCOMPARE(first.shipTo.country, u"DE"_s);
    QCOMPARE(describeLines(first),
             u"[] CREME-1 'Crème brûlée set' 2 x 1200 = 2400 tax 0 disc 0 "
             "shipped 0\n[] EXTRA-1 'Extra' 1 x 0 = 0 tax 0 disc 0 shipped 0"_s);
    QCOMPARE(read.orders.at(1).number, u"#5002"_s);
    // The record with the line break starts on line 2, so #5002 is on line 5.
    QCOMPARE(read.orders.at(1).firstRow, 5);
}

// Files that are not imported at all, and why.
void TestShopifyOrderReader::refuses_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("bytes"); // when no file
    QTest::addColumn<QString>("message");

    QTest::newRow("no Lineitem price column")
        << u"missing_lineitem_price.csv"_s << QByteArray()
        << u"file missing_lineitem_price.csv, row 1: the Shopify export has no \"Lineitem "
           "price\" column; nothing was imported"_s;
    QTest::newRow("no Created at column")
        << QString()
        << QByteArray("Name,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku\n"
                      "#1,1,x,1.00,X\n")
        << u"file orders.csv, row 1: the Shopify export has no \"Created at\" column; nothing "
           "was imported"_s;
    QTest::newRow("not an order export")
        << QString() << QByteArray("Handle,Title,Body (HTML),Vendor\nmug,Mug,,Shop\n")
        << u"file orders.csv: not a Shopify, Amazon or eBay order export (no header row with "
           "their column names in the first 50 rows); nothing was imported"_s;
}

void TestShopifyOrderReader::refuses()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);

    const ReadResult read = file.isEmpty() ? readBytes(bytes) : readFixture(file);
    QCOMPARE(read.openError, message);
    QVERIFY(read.orders.isEmpty());
}

// Records cut across chunks (quoted line breaks, CRLFs, UTF-8 sequences) read
// the same as whole ones.
void TestShopifyOrderReader::sameOrdersWhateverTheChunkSize_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("chunkBytes");

    for (const QString &file :
         {u"multiline_bom_crlf.csv"_s, u"shopify_orders_export_sample_GB.csv"_s,
          u"broken_rows.csv"_s, u"windows1252.csv"_s}) {
        for (int chunk : {1, 2, 7, 64, 1000}) {
            QTest::addRow("%s in %d-byte chunks", qPrintable(file), chunk) << file << chunk;
        }
    }
}

void TestShopifyOrderReader::sameOrdersWhateverTheChunkSize()
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
        for (qsizetype r = 0; r < a.sourceRows.size(); ++r) {
            QCOMPARE(b.sourceRows.at(r).row, a.sourceRows.at(r).row);
            QCOMPARE(b.sourceRows.at(r).fields, a.sourceRows.at(r).fields);
        }
    }
    QCOMPARE(describeErrors(chunked.strayErrors), describeErrors(whole.strayErrors));
}

// The raw records stay as the file had them: the apostrophe, the spaces, the
// lower-case country, the CRLF inside the address.
void TestShopifyOrderReader::keepsSourceRowsAsRead()
{
    const ReadResult read = readFixture(u"multiline_bom_crlf.csv"_s);
    QVERIFY(read.status.ok());
    const models::ImportedOrder &o = read.orders.at(0);
    QCOMPARE(o.sourceRows.size(), 3);
    QCOMPARE(o.sourceRows.at(0).row, 2);
    QCOMPARE(o.sourceRows.at(1).row, 6); // the first record spans lines 2 to 5
    QCOMPARE(o.sourceRows.at(2).row, 7);
    const QStringList &first = o.sourceRows.at(0).fields;
    QCOMPARE(first.size(), 79);
    QCOMPARE(first.at(0), u"#2001"_s);
    QCOMPARE(first.at(36), u"Flat 2\r\n5 Rue de l'Église"_s); // Shipping Address1
    QCOMPARE(first.at(40), u"'2759"_s);                       // Shipping Zip
    QCOMPARE(first.at(42), u" au "_s);                        // Shipping Country
    QCOMPARE(o.sourceRows.at(1).fields.at(17), u"Stubby Cooler \"Gold\""_s);
}

// A CSV error mid-file ends the read: the file is rejected, whatever came before.
void TestShopifyOrderReader::unclosedQuoteRejectsTheFile()
{
    const QByteArray bytes = (Header + u"\n#1,a@x,paid,USD,1.00,1.00,2026-01-01 00:00:00 +0000,"
                                       "1,Pin,1.00,PIN,Ann,\"1 High St,Leeds,LS1,GB,1\n"_s)
                                 .toUtf8();
    const ReadResult read = readBytes(bytes);
    QVERIFY(read.openError.isEmpty());
    QVERIFY(read.orders.isEmpty());
    QCOMPARE(read.status.error(),
             u"file orders.csv, row 2, field 13: the quote opened here is never closed (the "
             "file ends inside the field)"_s);
}

// No Currency column (or an empty one): the channel's currency from the options.
void TestShopifyOrderReader::defaultCurrency()
{
    const QByteArray bytes("Name,Created at,Lineitem quantity,Lineitem name,Lineitem price,"
                           "Lineitem sku,Total\n#1,2026-01-01 00:00:00 +0000,2,Pin,1200,PIN,"
                           "2400\n");
    OrderFileOptions options = testOptions();
    QCOMPARE(readBytes(bytes, options).orders.value(0).currency, u"USD"_s);
    options.defaultCurrency = u"JPY"_s;
    const ReadResult read = readBytes(bytes, options);
    QCOMPARE(read.orders.size(), 1);
    QCOMPARE(read.orders.at(0).currency, u"JPY"_s);
    QCOMPARE(read.orders.at(0).totalMinor, 2400);
    QCOMPARE(read.orders.at(0).lines.at(0).unitPriceMinor, 1200);
}

QTEST_GUILESS_MAIN(TestShopifyOrderReader)
#include "tst_shopifyorderreader.moc"
