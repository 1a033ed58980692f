#include "importers/ebaydates.h"
#include "importers/ebayorderreader.h"
#include "importers/orderfile.h"

#include <QBuffer>
#include <QFile>
#include <QMap>
#include <QtTest>

using importers::OrderFileOptions;
using models::ImportedOrder;
using namespace Qt::StringLiterals;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(BACKROOM_TEST_DATA_DIR "/importers/ebay/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

// The 82 columns of the current US report, in order.
const QStringList &header82()
{
    static const QStringList header =
        QString::fromUtf8(fixture(u"header_82.csv"_s)).trimmed().split(u',');
    return header;
}

OrderFileOptions options(const QString &zone = u"America/Los_Angeles"_s,
                         const QString &currency = {})
{
    OrderFileOptions o;
    o.localZone = QTimeZone(zone.toUtf8());
    o.defaultCurrency = currency;
    return o;
}

struct ReadAll
{
    QString rejection; // why openOrderFile refused the file
    QList<ImportedOrder> orders;
    QList<models::ImportFieldError> stray;
    models::Status status;
};

ReadAll readAll(const QByteArray &bytes, const OrderFileOptions &o = options())
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    ReadAll out;
    auto reader = importers::openOrderFile(buffer, u"orders.csv"_s, o);
    if (!reader) {
        out.rejection = reader.error();
        return out;
    }
    ImportedOrder order;
    while ((*reader)->next(order)) {
        out.orders.append(order);
        out.stray += (*reader)->takeStrayErrors();
    }
    out.stray += (*reader)->takeStrayErrors();
    out.status = (*reader)->status();
    // Finished stays finished.
    if ((*reader)->next(order))
        out.status = models::Error{u"next() returned an order after the end"_s};
    return out;
}

QString quoted(const QString &value)
{
    return u'"' + QString(value).replace(u'"', u"\"\""_s) + u'"';
}

// One record in the column order of `header`, every cell quoted as eBay does.
// `cells` are "Column=value"; columns not named are empty.
QString record(const QStringList &header, const QStringList &cells, QChar delimiter = u',')
{
    QStringList fields(header.size());
    for (const QString &cell : cells) {
        const qsizetype eq = cell.indexOf(u'=');
        const qsizetype column = header.indexOf(cell.first(eq));
        if (column < 0)
            qFatal("no column %s", qPrintable(cell.first(eq)));
        fields[column] = cell.sliced(eq + 1);
    }
    QStringList out;
    for (const QString &field : std::as_const(fields))
        out.append(quoted(field));
    return out.join(delimiter);
}

// Replaces or adds "Column=value" cells.
QStringList with(QStringList cells, const QStringList &changes)
{
    for (const QString &change : changes) {
        const QString column = change.first(change.indexOf(u'=') + 1);
        cells.erase(std::remove_if(cells.begin(), cells.end(),
                                   [&](const QString &c) { return c.startsWith(column); }),
                    cells.end());
        cells.append(change);
    }
    return cells;
}

// A complete single-item order: $10.00 + $2.00 shipping + $0.80 tax = $12.80.
QStringList single(const QString &number, const QStringList &changes = {})
{
    return with({u"Sales Record Number=1001"_s,
                 u"Order Number="_s + number,
                 u"Buyer Username=jane_x"_s,
                 u"Buyer Name=Jane Example"_s,
                 u"Buyer Email=jane@example.com"_s,
                 u"Ship To Name=Jane Example"_s,
                 u"Ship To Phone=+1 217-555-0100"_s,
                 u"Ship To Address 1=100 Sample St"_s,
                 u"Ship To City=Springfield"_s,
                 u"Ship To State=IL"_s,
                 u"Ship To Zip=62701"_s,
                 u"Ship To Country=United States"_s,
                 u"Item Number=316000000001"_s,
                 u"Item Title=Mug"_s,
                 u"Custom Label=MUG"_s,
                 u"Quantity=1"_s,
                 u"Sold For=$10.00"_s,
                 u"Shipping And Handling=$2.00"_s,
                 u"Seller Collected Tax=$0.00"_s,
                 u"eBay Collected Tax=$0.80"_s,
                 u"Total Price=$12.80"_s,
                 u"eBay Collected Tax and Fees Included in Total=Yes"_s,
                 u"Sale Date=Jul-28-26"_s,
                 u"Paid On Date=Jul-28-26"_s,
                 u"Ship By Date=Jul-30-26"_s,
                 u"Shipping Service=USPS Ground Advantage"_s,
                 u"Transaction ID=2400000000001"_s},
                changes);
}

// A report as Seller Hub frames it: bare commas, header, empty-values row, the
// records, bare commas, footer. Data starts on line 4.
QByteArray report(const QList<QStringList> &rows, const QStringList &header = header82())
{
    const QString bare = QString(header.size() - 1, u',');
    QStringList lines{bare, header.join(u','), bare};
    for (const QStringList &row : rows)
        lines.append(record(header, row));
    lines.append(bare);
    lines.append(u"%1,record(s) downloaded,from Jul-28-26 to Jul-29-26"_s.arg(rows.size()));
    lines.append(u"Seller ID : example_seller"_s);
    return (lines.join(u'\n') + u'\n').toUtf8();
}

QString utc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : u"-"_s;
}

// Every field of an order as text, so a table row can name the ones it checks.
QMap<QString, QString> describe(const ImportedOrder &o)
{
    QMap<QString, QString> d;
    d[u"channel"_s] = o.channelCode;
    d[u"id"_s] = o.externalId;
    d[u"number"_s] = o.number;
    d[u"placed"_s] = utc(o.placedAtUtc);
    d[u"paid"_s] = o.paidAtUtc ? utc(*o.paidAtUtc) : u"-"_s;
    d[u"shipBy"_s] = o.shipByUtc ? utc(*o.shipByUtc) : u"-"_s;
    d[u"cancelled"_s] = o.cancelledAtUtc ? utc(*o.cancelledAtUtc) : u"-"_s;
    d[u"state"_s] = o.state == models::ChannelOrderState::Shipped     ? u"shipped"_s
                    : o.state == models::ChannelOrderState::Cancelled ? u"cancelled"_s
                                                                      : u"open"_s;
    d[u"payment"_s] = o.paymentStatus;
    d[u"buyer"_s] = o.buyerName;
    d[u"email"_s] = o.buyerEmail;
    d[u"phone"_s] = o.buyerPhone;
    const models::Address &a = o.shipTo;
    d[u"shipTo"_s] = QStringList{a.name,   a.company,  a.line1,   a.line2, a.city,
                                 a.region, a.postcode, a.country, a.phone}
                         .join(u'|');
    d[u"country"_s] = a.country;
    d[u"service"_s] = o.shippingService;
    d[u"expedited"_s] = o.expedited ? u"yes"_s : u"no"_s;
    d[u"notes"_s] = o.notes;
    d[u"currency"_s] = o.currency;
    d[u"subtotal"_s] = QString::number(o.subtotalMinor);
    d[u"shipping"_s] = QString::number(o.shippingMinor);
    d[u"tax"_s] = QString::number(o.taxMinor);
    d[u"discount"_s] = QString::number(o.discountMinor);
    d[u"total"_s] = QString::number(o.totalMinor);
    d[u"refunded"_s] = QString::number(o.refundedMinor);
    d[u"hasPrices"_s] = o.hasPrices ? u"yes"_s : u"no"_s;
    d[u"lines"_s] = QString::number(o.lines.size());
    for (qsizetype i = 0; i < o.lines.size(); ++i) {
        const models::ImportedLine &l = o.lines.at(i);
        // id|sku|title|quantity|unit|total|tax|shipped
        d[u"line%1"_s.arg(i)] = QStringList{l.externalLineId,
                                            l.sku,
                                            l.title,
                                            QString::number(l.quantity),
                                            QString::number(l.unitPriceMinor),
                                            QString::number(l.totalMinor),
                                            QString::number(l.taxMinor),
                                            QString::number(l.quantityShippedOnChannel)}
                                    .join(u'|');
    }
    QStringList errors;
    for (const models::ImportFieldError &e : o.errors)
        errors.append(u"%1:%2"_s.arg(e.row).arg(e.field));
    d[u"errors"_s] = errors.join(u',');
    QStringList rows;
    for (const models::ImportSourceRow &r : o.sourceRows)
        rows.append(QString::number(r.row));
    d[u"rows"_s] = rows.join(u',');
    d[u"firstRow"_s] = QString::number(o.firstRow);
    return d;
}

void compareOrder(const ImportedOrder &order, const QStringList &expected)
{
    const QMap<QString, QString> actual = describe(order);
    for (const QString &check : expected) {
        const qsizetype eq = check.indexOf(u'=');
        const QString key = check.first(eq);
        QVERIFY2(actual.contains(key), qPrintable(u"no such key: "_s + key));
        const QString message = u"%1 of order %2"_s.arg(key, order.number);
        QVERIFY2(actual.value(key) == check.sliced(eq + 1),
                 qPrintable(message + u": got \""_s + actual.value(key) + u"\", expected \""_s +
                            check.sliced(eq + 1) + u'"'));
    }
    // An order read from a file always says where it came from.
    QCOMPARE(order.channelCode, u"ebay"_s);
    QVERIFY(!order.sourceRows.isEmpty());
    QCOMPARE(order.firstRow, order.sourceRows.constFirst().row);
}

QStringList numbers(const QList<ImportedOrder> &orders)
{
    QStringList out;
    for (const ImportedOrder &o : orders)
        out.append(o.number);
    return out;
}

QString strayRows(const QList<models::ImportFieldError> &errors)
{
    QStringList out;
    for (const models::ImportFieldError &e : errors)
        out.append(u"%1:%2"_s.arg(e.row).arg(e.field));
    return out.join(u',');
}

} // namespace

class TestEbayOrderReader : public QObject
{
    Q_OBJECT

private slots:
    void dates_data();
    void dates();

    void fixtures_data();
    void fixtures();
    void fixtureOrders_data();
    void fixtureOrders();

    void framing_data();
    void framing();
    void fields_data();
    void fields();
    void headerVariants_data();
    void headerVariants();
    void brokenField_data();
    void brokenField();

    void strayRowIsReportedAlone();
    void rowWithoutOrderNumberContinuesBySalesRecord();
    void reusedOrderIsOverwritten();
    void sourceRowsKeepTheRecords();
    void brokenCsvRejectsTheRestOfTheFile();
    void manyOrdersStream();
};

void TestEbayOrderReader::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("utc"); // empty: refused

    const QString la = u"America/Los_Angeles"_s;
    const QString london = u"Europe/London"_s;
    const QString sydney = u"Australia/Sydney"_s;
    const QString utc = u"UTC"_s;

    // The site forms, at midnight in the seller's zone.
    QTest::newRow("US Mmm-DD-YY, PDT") << u"Jul-28-26"_s << la << u"2026-07-28T07:00:00Z"_s;
    QTest::newRow("US Mmm-DD-YY, PST") << u"Nov-06-26"_s << la << u"2026-11-06T08:00:00Z"_s;
    QTest::newRow("UK DD-Mmm-YY, GMT") << u"06-Nov-26"_s << london << u"2026-11-06T00:00:00Z"_s;
    QTest::newRow("UK DD-Mmm-YY, BST") << u"06-Jun-26"_s << london << u"2026-06-05T23:00:00Z"_s;
    QTest::newRow("AU DD-Mmm-YY, AEST") << u"26-May-26"_s << sydney << u"2026-05-25T14:00:00Z"_s;
    QTest::newRow("AU DD-Mmm-YY, AEDT") << u"06-Nov-26"_s << sydney << u"2026-11-05T13:00:00Z"_s;
    QTest::newRow("Mmm-DD-YYYY") << u"Nov-06-2026"_s << utc << u"2026-11-06T00:00:00Z"_s;
    QTest::newRow("DD-Mmm-YYYY") << u"06-Nov-2026"_s << utc << u"2026-11-06T00:00:00Z"_s;
    QTest::newRow("ISO") << u"2026-11-06"_s << la << u"2026-11-06T08:00:00Z"_s;
    QTest::newRow("one-digit day") << u"Nov-6-26"_s << utc << u"2026-11-06T00:00:00Z"_s;
    QTest::newRow("month in capitals") << u"NOV-06-26"_s << utc << u"2026-11-06T00:00:00Z"_s;
    QTest::newRow("full month name") << u"06-November-2026"_s << utc << u"2026-11-06T00:00:00Z"_s;
    QTest::newRow("Sept") << u"Sept-01-26"_s << utc << u"2026-09-01T00:00:00Z"_s;
    QTest::newRow("blanks around") << u"  Jul-28-26 "_s << utc << u"2026-07-28T00:00:00Z"_s;
    QTest::newRow("leap day") << u"Feb-29-28"_s << utc << u"2028-02-29T00:00:00Z"_s;
    // With a time of day.
    QTest::newRow("time hh:mm:ss") << u"Jul-28-26 14:05:09"_s << la << u"2026-07-28T21:05:09Z"_s;
    QTest::newRow("time hh:mm") << u"28-Jul-26 09:30"_s << london << u"2026-07-28T08:30:00Z"_s;
    QTest::newRow("time PM") << u"Jul-28-26 2:05 PM"_s << utc << u"2026-07-28T14:05:00Z"_s;
    QTest::newRow("time 12 am") << u"Jul-28-26 12:15:00am"_s << utc << u"2026-07-28T00:15:00Z"_s;
    QTest::newRow("time 12 pm") << u"Jul-28-26 12:15 pm"_s << utc << u"2026-07-28T12:15:00Z"_s;
    QTest::newRow("ISO with T") << u"2026-07-28T14:05:09"_s << la << u"2026-07-28T21:05:09Z"_s;
    QTest::newRow("ISO with Z") << u"2026-07-28T14:05:09Z"_s << la << u"2026-07-28T14:05:09Z"_s;
    QTest::newRow("ISO with offset")
        << u"2026-07-28T14:05:09+02:00"_s << la << u"2026-07-28T12:05:09Z"_s;
    QTest::newRow("ISO with negative offset")
        << u"2026-07-28 14:05:09-05:00"_s << la << u"2026-07-28T19:05:09Z"_s;
    // A local time the spring-forward change skips moves forward.
    QTest::newRow("in the DST gap") << u"29-Mar-26 01:30"_s << london << u"2026-03-29T01:30:00Z"_s;
    // Refused.
    QTest::newRow("empty") << QString() << utc << QString();
    QTest::newRow("no such day") << u"Nov-31-26"_s << utc << QString();
    QTest::newRow("not a leap year") << u"Feb-29-26"_s << utc << QString();
    QTest::newRow("unknown month") << u"Foo-06-26"_s << utc << QString();
    QTest::newRow("month number first is ambiguous") << u"11-06-26"_s << utc << QString();
    QTest::newRow("slashes") << u"11/06/2026"_s << utc << QString();
    QTest::newRow("three-digit year") << u"Nov-06-226"_s << utc << QString();
    QTest::newRow("day of three digits") << u"Nov-006-26"_s << utc << QString();
    QTest::newRow("two parts") << u"Nov-06"_s << utc << QString();
    QTest::newRow("words after") << u"Nov-06-26 PST"_s << utc << QString();
    QTest::newRow("hour 24") << u"Nov-06-26 24:00"_s << utc << QString();
    QTest::newRow("13 PM") << u"Nov-06-26 13:00 PM"_s << utc << QString();
    QTest::newRow("minute 60") << u"Nov-06-26 10:60"_s << utc << QString();
    QTest::newRow("time without minutes") << u"Nov-06-26 10"_s << utc << QString();
    QTest::newRow("ISO month 13") << u"2026-13-01"_s << utc << QString();
    QTest::newRow("bad ISO offset") << u"2026-07-28T14:05:09+99:00"_s << utc << QString();
    QTest::newRow("excel number") << u"46332"_s << utc << QString();
}

void TestEbayOrderReader::dates()
{
    QFETCH(QString, text);
    QFETCH(QString, zone);
    QFETCH(QString, utc);

    const auto parsed = importers::parseEbayDateTime(text, QTimeZone(zone.toUtf8()));
    if (utc.isEmpty()) {
        QVERIFY2(!parsed, qPrintable(parsed ? parsed->toString(Qt::ISODate) : QString()));
        QVERIFY2(parsed.error().contains(u'"' + text + u'"'), qPrintable(parsed.error()));
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed->timeSpec(), Qt::UTC);
    QCOMPARE(parsed->toString(Qt::ISODate), utc);
}

void TestEbayOrderReader::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QStringList>("expected");

    const QString us = u"us_82col_sample.csv"_s;
    QTest::newRow("US single item")
        << us << u"America/Chicago"_s << u"12-14001-10001"_s
        << QStringList{u"id=12-14001-10001"_s,
                       u"placed=2026-07-28T05:00:00Z"_s,
                       u"paid=2026-07-28T05:00:00Z"_s,
                       u"shipBy=2026-07-30T05:00:00Z"_s,
                       u"state=open"_s,
                       u"payment=paid"_s,
                       u"buyer=Jane Example"_s,
                       u"email=jane.example@example.com"_s,
                       u"phone=+1 217-555-0100"_s,
                       u"shipTo=Jane Example||100 Sample St|Apt 4|Springfield|IL|62701-1234|US|"
                       "+1 217-555-0100"_s,
                       u"service=USPS Ground Advantage"_s,
                       u"expedited=no"_s,
                       u"notes="_s,
                       u"currency=USD"_s,
                       u"subtotal=1800"_s,
                       u"shipping=550"_s,
                       u"tax=147"_s,
                       u"discount=0"_s,
                       u"total=2497"_s,
                       u"hasPrices=yes"_s,
                       u"lines=1"_s,
                       u"line0=2400000000001|MUG-BLU-11|Ceramic Mug 11oz Blue|1|1800|1800|147|0"_s,
                       u"errors="_s,
                       u"rows=4"_s};
    QTest::newRow("US multi-item: summary and two items")
        << us << u"America/Chicago"_s << u"03-14002-20002"_s
        << QStringList{u"placed=2026-07-29T05:00:00Z"_s,
                       u"buyer=Lee Sample"_s,
                       u"shipTo=Lee Sample||7 Example Ave||Austin|TX|73301|US|+1 512-555-0199"_s,
                       u"service=USPS Priority Mail"_s,
                       u"expedited=yes"_s,
                       u"subtotal=4200"_s,
                       u"shipping=700"_s,
                       u"tax=347"_s,
                       u"total=5247"_s,
                       u"lines=2"_s,
                       u"line0=2400000000002|TEE-BLK|Crew Tee Black [Size: M]|2|1500|3000|0|0"_s,
                       u"line1=2400000000003|CST-4PK|Cork Coaster 4-pack|1|1200|1200|0|0"_s,
                       u"errors="_s,
                       u"rows=5,6,7"_s,
                       u"firstRow=5"_s};

    const QString uk = u"uk_post_to_gbp_bom_crlf.csv"_s;
    QTest::newRow("UK Post To, £, quoted note with CRLF, shipped")
        << uk << u"Europe/London"_s << u"21-10001-00001"_s
        << QStringList{u"placed=2026-11-06T00:00:00Z"_s,
                       u"shipBy=2026-11-08T00:00:00Z"_s,
                       u"state=shipped"_s,
                       u"buyer=Zoë Ångström"_s,
                       u"shipTo=Zoë Ångström||Flat 2, 10 High St||London|Greater London|SW1A 1AA|"
                       "GB|+44 20 7946 0000"_s,
                       u"notes=Please leave with neighbour, at no. 12\r\nThanks \"so\" much"_s,
                       u"currency=GBP"_s,
                       u"subtotal=2500"_s,
                       u"shipping=395"_s,
                       u"tax=0"_s,
                       u"total=2895"_s,
                       u"line0=2400000000101|TEA-6|Teapot \"Brown Betty\", 6 cup|2|1250|2500|0|2"_s,
                       u"errors="_s,
                       u"rows=4"_s};
    QTest::newRow("UK multi-item, Greek name, one item shipped")
        << uk << u"Europe/London"_s << u"21-10002-00002"_s
        << QStringList{u"placed=2026-11-05T00:00:00Z"_s, u"paid=2026-11-06T00:00:00Z"_s,
                       u"state=open"_s, u"buyer=Σωκράτης Παπαδόπουλος"_s,
                       u"shipTo=Σωκράτης Παπαδόπουλος||1 Rose Street|c/o Reception|Edinburgh||EH2 "
                       "2PR|GB|"_s,
                       u"service=Parcelforce Express 24"_s, u"expedited=yes"_s, u"subtotal=4000"_s,
                       u"total=4000"_s,
                       u"line0=2400000000102|SCARF-RED|Wool Scarf [Colour:Red]|2|1500|3000|0|2"_s,
                       // No Transaction ID or Custom Label: the Item Number stands in.
                       u"line1=316000000103|316000000103|Mug [Colour: Blue]|1|1000|1000|0|0"_s,
                       u"errors="_s,
                       // Line 5 of the file holds the note's line break.
                       u"rows=6,7,8"_s};

    const QString au = u"au_80col_all_quoted.csv"_s;
    QTest::newRow("AU $3,000.00, 26-May-26")
        << au << u"Australia/Sydney"_s << u"26-13001-00001"_s
        << QStringList{u"placed=2026-05-25T14:00:00Z"_s,
                       u"currency=AUD"_s,
                       u"subtotal=300000"_s,
                       u"shipping=2500"_s,
                       u"total=302500"_s,
                       u"country=AU"_s,
                       u"expedited=yes"_s,
                       u"line0=2400000000201|ESP-01|Espresso Machine|1|300000|300000|0|0"_s,
                       u"errors="_s};
    QTest::newRow("AU unpaid, to New Zealand, DD-Mmm-YYYY")
        << au << u"Australia/Sydney"_s << u"26-13002-00002"_s
        << QStringList{u"placed=2026-05-26T14:00:00Z"_s,
                       u"paid=-"_s,
                       u"shipBy=-"_s,
                       u"payment=unpaid"_s,
                       u"country=NZ"_s,
                       u"expedited=no"_s,
                       u"currency=AUD"_s,
                       u"line0=2400000000202|GRD-02|Grinder|2|125050|250100|0|0"_s,
                       u"total=250100"_s,
                       u"errors="_s};

    const QString de = u"de_semicolon_cp1252.csv"_s;
    QTest::newRow("EUR 90,00, semicolons, Windows-1252, Deutschland")
        << de << u"Europe/Berlin"_s << u"11-12001-00001"_s
        << QStringList{u"placed=2026-11-05T23:00:00Z"_s,
                       u"buyer=Jürgen Müller"_s,
                       u"shipTo=Jürgen Müller||Königstraße 5||München||80331|DE|"_s,
                       u"currency=EUR"_s,
                       u"subtotal=9000"_s,
                       u"shipping=490"_s,
                       u"total=9490"_s,
                       u"line0=2400000000301|KRUG-1L|Bierkrug; 1 Liter|1|9000|9000|0|0"_s,
                       u"errors="_s};
    QTest::newRow("1 234,50 €, Zoë, France")
        << de << u"Europe/Berlin"_s << u"11-12002-00002"_s
        << QStringList{u"buyer=Zoë Dupont"_s,
                       u"shipTo=Zoë Dupont||3 rue de l’Église||Saint-Étienne||42000|FR|"_s,
                       u"currency=EUR"_s,
                       u"subtotal=123450"_s,
                       u"total=123450"_s,
                       u"expedited=yes"_s,
                       u"line0=2400000000302|MUEHLE|Kaffeemühle|1|123450|123450|0|0"_s,
                       u"errors="_s};

    const QString reordered = u"reordered_sentence_case_short_rows.csv"_s;
    QTest::newRow("sentence case, reordered, ISO date")
        << reordered << u"America/New_York"_s << u"14-15001-00001"_s
        << QStringList{u"placed=2026-11-06T05:00:00Z"_s,
                       u"buyer=Ana López"_s,
                       u"country=US"_s,
                       u"paid=-"_s,
                       u"payment="_s,
                       u"subtotal=999"_s,
                       u"shipping=500"_s,
                       u"total=1499"_s,
                       u"line0=316000000401|CNDL|Candle|1|999|999|0|0"_s,
                       u"errors="_s,
                       u"rows=2"_s};
    QTest::newRow("short record, Chinese name, no label")
        << reordered << u"America/New_York"_s << u"14-15002-00002"_s
        << QStringList{u"placed=2026-11-06T05:00:00Z"_s,
                       u"buyer=李华"_s,
                       u"country=CN"_s,
                       u"shipping=0"_s,
                       u"total=1200"_s,
                       u"line0=316000000402|316000000402|Soap, lavender|4|300|1200|0|0"_s,
                       u"errors="_s};
}

void TestEbayOrderReader::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, zone);
    QFETCH(QString, number);
    QFETCH(QStringList, expected);

    const ReadAll read = readAll(fixture(file), options(zone));
    QVERIFY2(read.rejection.isEmpty(), qPrintable(read.rejection));
    QVERIFY2(read.status.ok(), qPrintable(read.status.error()));
    for (const ImportedOrder &order : read.orders) {
        if (order.number == number) {
            compareOrder(order, expected);
            return;
        }
    }
    QFAIL(qPrintable(u"no order "_s + number));
}

void TestEbayOrderReader::fixtureOrders_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("numbers");

    QTest::newRow("US") << u"us_82col_sample.csv"_s
                        << QStringList{u"12-14001-10001"_s, u"03-14002-20002"_s};
    QTest::newRow("UK") << u"uk_post_to_gbp_bom_crlf.csv"_s
                        << QStringList{u"21-10001-00001"_s, u"21-10002-00002"_s};
    QTest::newRow("AU") << u"au_80col_all_quoted.csv"_s
                        << QStringList{u"26-13001-00001"_s, u"26-13002-00002"_s};
    QTest::newRow("DE") << u"de_semicolon_cp1252.csv"_s
                        << QStringList{u"11-12001-00001"_s, u"11-12002-00002"_s};
    QTest::newRow("reordered") << u"reordered_sentence_case_short_rows.csv"_s
                               << QStringList{u"14-15001-00001"_s, u"14-15002-00002"_s};
}

// Each fixture reads whole: its orders in order, no stray rows (the framing and
// footer are not errors), no field errors.
void TestEbayOrderReader::fixtureOrders()
{
    QFETCH(QString, file);
    QFETCH(QStringList, numbers);

    const ReadAll read = readAll(fixture(file));
    QVERIFY2(read.rejection.isEmpty(), qPrintable(read.rejection));
    QVERIFY2(read.status.ok(), qPrintable(read.status.error()));
    QCOMPARE(::numbers(read.orders), numbers);
    QCOMPARE(strayRows(read.stray), QString());
    for (const ImportedOrder &order : read.orders)
        QCOMPARE(describe(order).value(u"errors"_s), QString());
}

void TestEbayOrderReader::framing_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("numbers");

    const QString header = header82().join(u',');
    const QString bare = QString(header82().size() - 1, u',');
    const QString emptyQuoted = QStringList(header82().size(), u"\"\""_s).join(u',');
    const QString a = record(header82(), single(u"12-00001-00001"_s));
    const QString b = record(header82(), single(u"12-00002-00002"_s));
    const QStringList both{u"12-00001-00001"_s, u"12-00002-00002"_s};
    const auto file = [](const QStringList &lines, const QString &end = u"\n"_s) {
        return (lines.join(end) + end).toUtf8();
    };

    QTest::newRow("Seller Hub framing") << file({bare, header, bare, a, b, bare,
                                                 u"2,record(s) downloaded,from Jul-28-26 to "
                                                 "Jul-29-26"_s,
                                                 u"Seller ID : example_seller"_s})
                                        << both;
    QTest::newRow("blank first line, quoted empty row")
        << file({QString(), header, emptyQuoted, a, b, QString(), u"\"2 record(s) downloaded\""_s})
        << both;
    QTest::newRow("UK footer: Seller ID: without space")
        << file({bare, header, bare, a, b, bare, u"2,record(s) downloaded,from 28-Jul-26"_s,
                 u"Seller ID: uk_seller"_s})
        << both;
    QTest::newRow("footer with no blank line before it")
        << file({header, a, b, u"2,record(s) downloaded,from Jul-28-26 to Jul-29-26"_s,
                 u"Seller ID : x"_s})
        << both;
    QTest::newRow("footer in capitals, quoted")
        << file({header, a, b, u"\"2\",\"RECORD(S) DOWNLOADED\""_s, u"\"SELLER ID : x\""_s})
        << both;
    QTest::newRow("no footer, no last line break") << (file({header, a}) + b.toUtf8()) << both;
    QTest::newRow("no preamble, no empty row") << file({header, a, b}) << both;
    QTest::newRow("CRLF") << file({bare, header, bare, a, b, bare, u"Seller ID : x"_s}, u"\r\n"_s)
                          << both;
    QTest::newRow("lone CR") << file({bare, header, bare, a, b, bare, u"Seller ID : x"_s}, u"\r"_s)
                             << both;
    QTest::newRow("UTF-8 BOM") << QByteArray("\xef\xbb\xbf") + file({bare, header, bare, a, b})
                               << both;
    QTest::newRow("blank rows between orders")
        << file({bare, header, bare, a, bare, QString(), emptyQuoted, b}) << both;
    QTest::newRow("header only") << file({bare, header, bare, bare, u"0,record(s) downloaded"_s})
                                 << QStringList();
    QTest::newRow("one order twice in a row is one order")
        << file({header, a, a}) << QStringList{u"12-00001-00001"_s};
    QTest::newRow("an order again later is another order")
        << file({header, a, b, a})
        << QStringList{u"12-00001-00001"_s, u"12-00002-00002"_s, u"12-00001-00001"_s};
}

void TestEbayOrderReader::framing()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, numbers);

    const ReadAll read = readAll(file);
    QVERIFY2(read.rejection.isEmpty(), qPrintable(read.rejection));
    QVERIFY2(read.status.ok(), qPrintable(read.status.error()));
    QCOMPARE(::numbers(read.orders), numbers);
    QCOMPARE(strayRows(read.stray), QString());
    for (const ImportedOrder &order : read.orders)
        QCOMPARE(describe(order).value(u"errors"_s), QString());
}

void TestEbayOrderReader::fields_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("currency"); // options().defaultCurrency
    QTest::addColumn<QStringList>("expected");

    const QString n = u"12-00001-00001"_s;
    QTest::newRow("quoted comma, quotes and line breaks in note and title")
        << report({single(n, {u"Buyer Note=Ring twice, \"loudly\"\nor knock"_s,
                              u"Item Title=Mug, \"Big\"\r\nEdition"_s})})
        << QString()
        << QStringList{u"notes=Ring twice, \"loudly\"\nor knock"_s,
                       u"line0=2400000000001|MUG|Mug, \"Big\"\r\nEdition|1|1000|1000|80|0"_s,
                       u"errors="_s};
    QTest::newRow("variation details")
        << report({single(n, {u"Variation Details=Colour: Red"_s})}) << QString()
        << QStringList{u"line0=2400000000001|MUG|Mug [Colour: Red]|1|1000|1000|80|0"_s};
    QTest::newRow("no transaction id, no custom label: the item number")
        << report({single(n, {u"Transaction ID="_s, u"Custom Label="_s})}) << QString()
        << QStringList{u"line0=316000000001|316000000001|Mug|1|1000|1000|80|0"_s};
    QTest::newRow("quantity 3, Sold For a unit price")
        << report({single(n, {u"Quantity=3"_s, u"Total Price=$32.80"_s})}) << QString()
        << QStringList{u"line0=2400000000001|MUG|Mug|3|1000|3000|80|0"_s, u"subtotal=3000"_s,
                       u"total=3280"_s, u"errors="_s};
    QTest::newRow("quantity 3, Sold For the line total")
        << report({single(n, {u"Quantity=3"_s, u"Sold For=$30.00"_s, u"Total Price=$32.80"_s})})
        << QString()
        << QStringList{u"line0=2400000000001|MUG|Mug|3|1000|3000|80|0"_s, u"subtotal=3000"_s,
                       u"total=3280"_s, u"errors="_s};
    QTest::newRow("total without eBay's tax")
        << report({single(n, {u"Total Price=$12.00"_s,
                              u"eBay Collected Tax and Fees Included in Total=No"_s})})
        << QString() << QStringList{u"total=1200"_s, u"tax=80"_s, u"errors="_s};
    QTest::newRow("total with a recycling fee")
        << report({single(n, {u"Total Price=$13.80"_s, u"Electronic Waste Recycling Fee=$1.00"_s})})
        << QString() << QStringList{u"total=1380"_s, u"errors="_s};
    QTest::newRow("total that adds up to nothing")
        << report({single(n, {u"Total Price=$99.00"_s})}) << QString()
        << QStringList{u"total=9900"_s, u"errors=4:Total Price"_s};
    QTest::newRow("no total price: the sum")
        << report({single(n, {u"Total Price="_s})}) << QString()
        << QStringList{u"total=1280"_s, u"errors="_s};
    QTest::newRow("seller and eBay tax add up")
        << report({single(n, {u"Seller Collected Tax=$0.50"_s, u"Total Price=$13.30"_s})})
        << QString() << QStringList{u"tax=130"_s, u"errors="_s};
    QTest::newRow("expedited: Express")
        << report({single(n, {u"Shipping Service=UPS Next Day Air"_s})}) << QString()
        << QStringList{u"expedited=yes"_s};
    QTest::newRow("expedited: one-day")
        << report({single(n, {u"Shipping Service=FedEx One-Day"_s})}) << QString()
        << QStringList{u"expedited=yes"_s};
    QTest::newRow("not expedited: economy")
        << report({single(n, {u"Shipping Service=Economy Shipping"_s})}) << QString()
        << QStringList{u"expedited=no"_s};
    QTest::newRow("shipped") << report({single(n, {u"Shipped On Date=Jul-29-26"_s})}) << QString()
                             << QStringList{u"state=shipped"_s,
                                            u"line0=2400000000001|MUG|Mug|1|1000|1000|80|1"_s};
    QTest::newRow("$ with AUD as the channel's currency")
        << report({single(n)}) << u"AUD"_s << QStringList{u"currency=AUD"_s, u"total=1280"_s};
    QTest::newRow("$ with EUR as the channel's currency is USD")
        << report({single(n)}) << u"EUR"_s << QStringList{u"currency=USD"_s};
    QTest::newRow("C $") << report({single(
                                n, {u"Sold For=C $10.00"_s, u"Shipping And Handling=C $2.00"_s,
                                    u"eBay Collected Tax=C $0.80"_s, u"Seller Collected Tax="_s,
                                    u"Total Price=C $12.80"_s})})
                         << QString()
                         << QStringList{u"currency=CAD"_s, u"total=1280"_s, u"errors="_s};
    QTest::newRow("GBP code")
        << report({single(n, {u"Sold For=GBP 10.00"_s, u"Shipping And Handling=GBP 2.00"_s,
                              u"eBay Collected Tax="_s, u"Seller Collected Tax="_s,
                              u"Total Price=GBP 12.00"_s})})
        << QString() << QStringList{u"currency=GBP"_s, u"tax=0"_s, u"errors="_s};
    QTest::newRow("buyer name missing: ship-to name")
        << report({single(n, {u"Buyer Name="_s})}) << QString()
        << QStringList{u"buyer=Jane Example"_s};
    QTest::newRow("no names: the username")
        << report({single(n, {u"Buyer Name="_s, u"Ship To Name="_s})}) << QString()
        << QStringList{u"buyer=jane_x"_s};
    QTest::newRow("country as a code") << report({single(n, {u"Ship To Country=US"_s})})
                                       << QString() << QStringList{u"country=US"_s, u"errors="_s};
    QTest::newRow("unknown country: an error, not a guess")
        << report({single(n, {u"Ship To Country=Atlantis"_s})}) << QString()
        << QStringList{u"country="_s, u"errors=4:Ship To Country"_s, u"total=1280"_s};
    QTest::newRow("no country") << report({single(n, {u"Ship To Country="_s})}) << QString()
                                << QStringList{u"country="_s, u"errors="_s};
    QTest::newRow("multi-item with the same note on each row: said once")
        << report({single(n, {u"Item Number="_s, u"Item Title="_s, u"Custom Label="_s,
                              u"Quantity=2"_s, u"Sold For=$20.00"_s, u"Total Price=$22.80"_s,
                              u"Buyer Note=Gift"_s, u"Transaction ID="_s}),
                   {u"Order Number="_s + n, u"Item Number=316000000001"_s, u"Item Title=A"_s,
                    u"Quantity=1"_s, u"Sold For=$10.00"_s, u"Buyer Note=Gift"_s},
                   {u"Order Number="_s + n, u"Item Number=316000000002"_s, u"Item Title=B"_s,
                    u"Quantity=1"_s, u"Sold For=$10.00"_s, u"Shipped On Date=Jul-29-26"_s}})
        << QString()
        << QStringList{u"notes=Gift"_s,
                       u"lines=2"_s,
                       u"line0=316000000001|316000000001|A|1|1000|1000|0|0"_s,
                       u"line1=316000000002|316000000002|B|1|1000|1000|0|1"_s,
                       u"state=open"_s,
                       u"subtotal=2000"_s,
                       u"total=2280"_s,
                       u"errors="_s,
                       u"rows=4,5,6"_s};
    QTest::newRow("multi-item shipped as a whole on the summary row")
        << report({single(n, {u"Item Number="_s, u"Item Title="_s, u"Custom Label="_s,
                              u"Sold For=$20.00"_s, u"Total Price=$22.80"_s,
                              u"Shipped On Date=Jul-29-26"_s}),
                   {u"Order Number="_s + n, u"Item Number=316000000001"_s, u"Quantity=2"_s,
                    u"Sold For=$10.00"_s}})
        << QString()
        << QStringList{u"state=shipped"_s, u"line0=316000000001|316000000001||2|1000|2000|0|2"_s,
                       u"errors="_s};
    QTest::newRow("multi-item with line totals in Sold For")
        << report({single(n, {u"Item Number="_s, u"Item Title="_s, u"Custom Label="_s,
                              u"Sold For=$50.00"_s, u"Total Price=$52.80"_s}),
                   {u"Order Number="_s + n, u"Item Number=316000000001"_s, u"Quantity=2"_s,
                    u"Sold For=$30.00"_s},
                   {u"Order Number="_s + n, u"Item Number=316000000002"_s, u"Quantity=1"_s,
                    u"Sold For=$20.00"_s}})
        << QString()
        << QStringList{u"line0=316000000001|316000000001||2|1500|3000|0|0"_s,
                       u"line1=316000000002|316000000002||1|2000|2000|0|0"_s, u"subtotal=5000"_s,
                       u"errors="_s};
    QTest::newRow("multi-item whose items do not add up")
        << report({single(n, {u"Item Number="_s, u"Item Title="_s, u"Custom Label="_s,
                              u"Sold For=$50.00"_s, u"Total Price=$52.80"_s}),
                   {u"Order Number="_s + n, u"Item Number=316000000001"_s, u"Quantity=1"_s,
                    u"Sold For=$10.00"_s}})
        << QString() << QStringList{u"subtotal=1000"_s, u"errors=4:Sold For"_s};
    QTest::newRow("price times quantity past 64 bits: an error, not a wrapped total")
        << report({single(n, {u"Quantity=999999999"_s, u"Sold For=$90,000,000,000,000.00"_s})})
        << QString() << QStringList{u"errors=4:Sold For"_s};
    QTest::newRow("summary row without items")
        << report({single(n, {u"Item Number="_s, u"Item Title="_s, u"Custom Label="_s})})
        << QString() << QStringList{u"lines=0"_s, u"errors=4:Item Number"_s};
    QTest::newRow("items without a summary: each row's money")
        << report({single(n),
                   single(n, {u"Item Number=316000000002"_s, u"Transaction ID=2400000000002"_s})})
        << QString() << QStringList{u"lines=2"_s, u"subtotal=2000"_s, u"shipping=400"_s,
                                    u"tax=160"_s, u"total=2560"_s,    u"errors="_s};
}

void TestEbayOrderReader::fields()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, currency);
    QFETCH(QStringList, expected);

    const ReadAll read = readAll(file, options(u"America/Los_Angeles"_s, currency));
    QVERIFY2(read.rejection.isEmpty(), qPrintable(read.rejection));
    QVERIFY2(read.status.ok(), qPrintable(read.status.error()));
    QCOMPARE(read.orders.size(), 1);
    QCOMPARE(strayRows(read.stray), QString());
    compareOrder(read.orders.constFirst(), expected);
}

void TestEbayOrderReader::headerVariants_data()
{
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QStringList>("renamed"); // "Name in the 82-column header=name here"

    QStringList h79 = header82();
    h79.removeAll(u"Lumber Fee"_s);
    h79.removeAll(u"Prepaid Wireless Fee"_s);
    h79.removeAll(u"Road Improvement And Food Delivery Fee"_s);
    h79.replace(h79.indexOf(u"PSA Vault Program"_s), u"eBay Vault Program"_s);
    QStringList h80 = h79;
    h80.insert(h80.indexOf(u"Sale Date"_s), u"Commitment Date"_s);
    h80.replace(h80.indexOf(u"eBay Collected Tax and Fees Included in Total"_s),
                u"eBay Collected Tax Included in Total"_s);

    QTest::newRow("82 columns") << header82() << QStringList();
    QTest::newRow("79 columns") << h79 << QStringList();
    QTest::newRow("80 columns") << h80 << QStringList();
    QTest::newRow("UK Post To") << header82()
                                << QStringList{u"Ship To Name=Post To Name"_s,
                                               u"Ship To Phone=Post To Phone"_s,
                                               u"Ship To Address 1=Post To Address 1"_s,
                                               u"Ship To Address 2=Post To Address 2"_s,
                                               u"Ship To City=Post To City"_s,
                                               u"Ship To State=Post To County"_s,
                                               u"Ship To Zip=Post To Postcode"_s,
                                               u"Ship To Country=Post To Country"_s,
                                               u"Shipping And Handling=Postage And Handling"_s};
    QTest::newRow("File Exchange names")
        << header82() << QStringList{u"Sold For=Sale Price"_s, u"Buyer Username=User Id"_s};
    QStringList sentence;
    for (const QString &name : header82())
        sentence.append(name.first(1) + name.sliced(1).toLower());
    QTest::newRow("sentence case") << sentence << QStringList();
    QStringList reversed(header82().crbegin(), header82().crend());
    reversed.append(u"Something New"_s);
    QTest::newRow("reversed, an extra column") << reversed << QStringList();
    QStringList noShipTo = header82();
    noShipTo.removeIf([](const QString &name) { return name.startsWith(u"Ship To"); });
    QTest::newRow("no ship-to columns: the buyer's address")
        << noShipTo
        << QStringList{u"Ship To Address 1=Buyer Address 1"_s, u"Ship To City=Buyer City"_s,
                       u"Ship To State=Buyer State"_s, u"Ship To Zip=Buyer Zip"_s,
                       u"Ship To Country=Buyer Country"_s};
}

// The same order reads the same whatever the version of the header.
void TestEbayOrderReader::headerVariants()
{
    QFETCH(QStringList, header);
    QFETCH(QStringList, renamed);

    // The header renamed, and the cells (written in the 82-column names) put in
    // the columns of this header, found as the reader finds them: by any case.
    QHash<QString, QString> renames;
    for (const QString &rename : renamed)
        renames.insert(rename.section(u'=', 0, 0), rename.section(u'=', 1));
    QStringList fileHeader = header;
    for (QString &name : fileHeader)
        name = renames.value(name, name);
    QStringList fileCells;
    for (const QString &cell : single(u"12-00001-00001"_s, {u"Buyer Note=Thanks"_s})) {
        const QString column = cell.section(u'=', 0, 0);
        const QString value = cell.section(u'=', 1);
        const QString renamedColumn = renames.value(column, column);
        for (const QString &name : std::as_const(fileHeader)) {
            if (name.compare(renamedColumn, Qt::CaseInsensitive) == 0)
                fileCells.append(name + u'=' + value);
        }
    }

    const ReadAll read = readAll(report({fileCells}, fileHeader));
    QVERIFY2(read.rejection.isEmpty(), qPrintable(read.rejection));
    QVERIFY2(read.status.ok(), qPrintable(read.status.error()));
    QCOMPARE(read.orders.size(), 1);
    compareOrder(read.orders.constFirst(),
                 {u"number=12-00001-00001"_s, u"placed=2026-07-28T07:00:00Z"_s,
                  u"paid=2026-07-28T07:00:00Z"_s, u"buyer=Jane Example"_s,
                  u"email=jane@example.com"_s, u"country=US"_s, u"notes=Thanks"_s,
                  u"currency=USD"_s, u"subtotal=1000"_s, u"shipping=200"_s, u"tax=80"_s,
                  u"total=1280"_s, u"line0=2400000000001|MUG|Mug|1|1000|1000|80|0"_s,
                  u"errors="_s});
}

void TestEbayOrderReader::brokenField_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reported"); // the column the error names

    QTest::newRow("bad money") << u"Sold For"_s << u"$1x.00"_s << u"Sold For"_s;
    QTest::newRow("money in another currency")
        << u"Shipping And Handling"_s << u"£2.00"_s << u"Shipping And Handling"_s;
    QTest::newRow("bad total") << u"Total Price"_s << u"twelve"_s << u"Total Price"_s;
    QTest::newRow("bad tax") << u"eBay Collected Tax"_s << u"$0.8.0"_s << u"eBay Collected Tax"_s;
    QTest::newRow("bad sale date") << u"Sale Date"_s << u"Nov-31-26"_s << u"Sale Date"_s;
    QTest::newRow("no sale date") << u"Sale Date"_s << QString() << u"Sale Date"_s;
    QTest::newRow("bad paid date") << u"Paid On Date"_s << u"yesterday"_s << u"Paid On Date"_s;
    QTest::newRow("bad ship-by date") << u"Ship By Date"_s << u"13/13/26"_s << u"Ship By Date"_s;
    QTest::newRow("bad shipped date")
        << u"Shipped On Date"_s << u"Jul-32-26"_s << u"Shipped On Date"_s;
    QTest::newRow("quantity 0") << u"Quantity"_s << u"0"_s << u"Quantity"_s;
    QTest::newRow("quantity negative") << u"Quantity"_s << u"-1"_s << u"Quantity"_s;
    QTest::newRow("quantity not a number") << u"Quantity"_s << u"two"_s << u"Quantity"_s;
    QTest::newRow("quantity with decimals") << u"Quantity"_s << u"1.5"_s << u"Quantity"_s;
    QTest::newRow("quantity empty") << u"Quantity"_s << QString() << u"Quantity"_s;
    QTest::newRow("no price") << u"Sold For"_s << QString() << u"Sold For"_s;
    QTest::newRow("Excel item number") << u"Item Number"_s << u"3.16E+11"_s << u"Item Number"_s;
    QTest::newRow("Excel transaction id")
        << u"Transaction ID"_s << u"2.4E+12"_s << u"Transaction ID"_s;
    QTest::newRow("Excel order number")
        << u"Order Number"_s << u"1.20001E+11"_s << u"Order Number"_s;
    QTest::newRow("unknown country") << u"Ship To Country"_s << u"Narnia"_s << u"Ship To Country"_s;
}

// A broken field holds back its own order only: the orders around it read
// clean, and the error names the row, the column and the value.
void TestEbayOrderReader::brokenField()
{
    QFETCH(QString, column);
    QFETCH(QString, value);
    QFETCH(QString, reported);

    const QString broken = u"12-00002-00002"_s;
    const QByteArray file =
        report({single(u"12-00001-00001"_s), single(broken, {column + u'=' + value}),
                single(u"12-00003-00003"_s)});
    const ReadAll read = readAll(file);
    QVERIFY2(read.rejection.isEmpty(), qPrintable(read.rejection));
    QVERIFY2(read.status.ok(), qPrintable(read.status.error()));
    QCOMPARE(strayRows(read.stray), QString());
    const QString number = column == u"Order Number" ? value : broken;
    QCOMPARE(numbers(read.orders), (QStringList{u"12-00001-00001"_s, number, u"12-00003-00003"_s}));
    QCOMPARE(read.orders.at(0).errors.size(), 0);
    QCOMPARE(read.orders.at(2).errors.size(), 0);

    const ImportedOrder &order = read.orders.at(1);
    QCOMPARE(order.errors.size(), 1);
    const models::ImportFieldError &error = order.errors.constFirst();
    QCOMPARE(error.row, 5);
    QCOMPARE(error.field, reported);
    if (!value.isEmpty())
        QVERIFY2(error.message.contains(u'"' + value + u'"'), qPrintable(error.message));
    // Still returned whole, for the merchant to look at.
    QCOMPARE(order.sourceRows.size(), 1);
    QCOMPARE(order.lines.size(), 1);
}

void TestEbayOrderReader::strayRowIsReportedAlone()
{
    const QByteArray file =
        report({single(u"12-00001-00001"_s),
                single(QString(), {u"Sales Record Number=999"_s, u"Buyer Name=Nobody"_s}),
                single(u"12-00002-00002"_s)});
    const ReadAll read = readAll(file);
    QVERIFY(read.status.ok());
    QCOMPARE(numbers(read.orders), (QStringList{u"12-00001-00001"_s, u"12-00002-00002"_s}));
    QCOMPARE(strayRows(read.stray), u"5:Order Number"_s);
    QVERIFY(read.stray.constFirst().message.contains(u"no order number"_s));
    for (const ImportedOrder &order : read.orders)
        QCOMPARE(order.errors.size(), 0);
}

// Item rows of some older files leave the Order Number empty; the Sales Record
// Number ties them to their order.
void TestEbayOrderReader::rowWithoutOrderNumberContinuesBySalesRecord()
{
    const QString n = u"12-00001-00001"_s;
    const QByteArray file =
        report({single(n, {u"Sales Record Number=77"_s, u"Item Number="_s, u"Item Title="_s,
                           u"Custom Label="_s, u"Quantity=2"_s, u"Sold For=$20.00"_s,
                           u"Total Price=$22.80"_s}),
                {u"Sales Record Number=77"_s, u"Item Number=316000000001"_s, u"Quantity=1"_s,
                 u"Sold For=$10.00"_s},
                {u"Sales Record Number=77"_s, u"Item Number=316000000002"_s, u"Quantity=1"_s,
                 u"Sold For=$10.00"_s}});
    const ReadAll read = readAll(file);
    QVERIFY(read.status.ok());
    QCOMPARE(strayRows(read.stray), QString());
    QCOMPARE(read.orders.size(), 1);
    compareOrder(read.orders.constFirst(),
                 {u"id=12-00001-00001"_s, u"lines=2"_s, u"rows=4,5,6"_s, u"errors="_s});
}

// next() fills the same order again and again: nothing of an earlier order may
// stay in it.
void TestEbayOrderReader::reusedOrderIsOverwritten()
{
    const QString full = u"12-00001-00001"_s;
    const QString bare = u"12-00002-00002"_s;
    const QByteArray file =
        report({single(full, {u"Item Number="_s, u"Item Title="_s, u"Custom Label="_s,
                              u"Buyer Note=Note"_s, u"Shipped On Date=Jul-29-26"_s,
                              u"Shipping Service=Express"_s, u"Quantity=2"_s, u"Sold For=$20.00"_s,
                              u"Total Price=$22.80"_s, u"Ship To Address 2=Apt 1"_s}),
                {u"Order Number="_s + full, u"Item Number=316000000001"_s, u"Quantity=1"_s,
                 u"Sold For=$10.00"_s, u"Ship To Country=Narnia"_s},
                {u"Order Number="_s + full, u"Item Number=316000000002"_s, u"Quantity=1"_s,
                 u"Sold For=$10.00"_s},
                {u"Order Number="_s + bare, u"Item Number=316000000003"_s, u"Quantity=1"_s,
                 u"Sold For=10.00"_s, u"Sale Date=Jul-28-26"_s}});
    QBuffer buffer;
    buffer.setData(file);
    buffer.open(QIODevice::ReadOnly);
    auto reader = importers::openOrderFile(buffer, u"orders.csv"_s, options());
    QVERIFY2(reader.ok(), qPrintable(reader.error()));
    ImportedOrder order;
    QVERIFY((*reader)->next(order));
    compareOrder(order, {u"number="_s + full, u"lines=2"_s, u"state=shipped"_s, u"expedited=yes"_s,
                         u"notes=Note"_s, u"paid=2026-07-28T07:00:00Z"_s, u"payment=paid"_s,
                         u"errors="_s});

    QVERIFY((*reader)->next(order));
    compareOrder(order,
                 {u"channel=ebay"_s,    u"id="_s + bare,
                  u"number="_s + bare,  u"placed=2026-07-28T07:00:00Z"_s,
                  u"paid=-"_s,          u"shipBy=-"_s,
                  u"cancelled=-"_s,     u"state=open"_s,
                  u"payment=unpaid"_s,  u"buyer="_s,
                  u"email="_s,          u"phone="_s,
                  u"shipTo=||||||||"_s, u"service="_s,
                  u"expedited=no"_s,    u"notes="_s,
                  u"currency=USD"_s,    u"subtotal=1000"_s,
                  u"shipping=0"_s,      u"tax=0"_s,
                  u"discount=0"_s,      u"total=1000"_s,
                  u"refunded=0"_s,      u"hasPrices=yes"_s,
                  u"lines=1"_s,         u"line0=316000000003|316000000003||1|1000|1000|0|0"_s,
                  u"errors="_s,         u"rows=7"_s,
                  u"firstRow=7"_s});
    QVERIFY(!(*reader)->next(order));
    QVERIFY((*reader)->status().ok());
}

void TestEbayOrderReader::sourceRowsKeepTheRecords()
{
    const ReadAll read = readAll(fixture(u"us_82col_sample.csv"_s));
    QCOMPARE(read.orders.size(), 2);
    const ImportedOrder &multi = read.orders.at(1);
    QCOMPARE(multi.sourceRows.size(), 3);
    QCOMPARE(multi.sourceRows.at(0).row, 5);
    QCOMPARE(multi.sourceRows.at(2).row, 7);
    for (const models::ImportSourceRow &row : multi.sourceRows)
        QCOMPARE(row.fields.size(), 82);
    // As read: nothing normalised.
    QCOMPARE(multi.sourceRows.at(0).fields.at(1), u"03-14002-20002"_s);
    QCOMPARE(multi.sourceRows.at(0).fields.at(27), u"$42.00"_s);
    QCOMPARE(multi.sourceRows.at(1).fields.at(22), u"316000000002"_s);
    QCOMPARE(multi.sourceRows.at(1).fields.at(65), u"Size: M"_s);
}

// A quote never closed is not a broken field but a broken file: reading stops
// and status() says where, so the whole file is rejected.
void TestEbayOrderReader::brokenCsvRejectsTheRestOfTheFile()
{
    const QByteArray file = header82().join(u',').toUtf8() + '\n' +
                            record(header82(), single(u"12-00001-00001"_s)).toUtf8() + '\n' +
                            "\"1002\",\"12-00002-00002\",\"never closed\n";
    const ReadAll read = readAll(file);
    QVERIFY(read.rejection.isEmpty());
    QVERIFY(!read.status.ok());
    QVERIFY2(read.status.error().contains(u"row 3"_s), qPrintable(read.status.error()));
    // The order before it is not handed out either: it ends only where the next starts.
    QCOMPARE(read.orders.size(), 0);
}

void TestEbayOrderReader::manyOrdersStream()
{
    constexpr int Orders = 3000;
    QList<QStringList> rows;
    for (int i = 0; i < Orders; ++i) {
        const QString n = u"12-%1-00001"_s.arg(i, 5, 10, QLatin1Char('0'));
        rows.append(single(n, {u"Item Number="_s, u"Item Title="_s, u"Custom Label="_s,
                               u"Quantity=2"_s, u"Sold For=$20.00"_s, u"Total Price=$22.80"_s}));
        for (int item = 0; item < 2; ++item) {
            rows.append({u"Order Number="_s + n, u"Item Number=31600000000%1"_s.arg(item),
                         u"Quantity=1"_s, u"Sold For=$10.00"_s});
        }
    }
    const ReadAll read = readAll(report(rows));
    QVERIFY(read.status.ok());
    QCOMPARE(read.orders.size(), Orders);
    qint64 total = 0;
    for (const ImportedOrder &order : read.orders) {
        QCOMPARE(order.lines.size(), 2);
        QCOMPARE(order.errors.size(), 0);
        total += order.totalMinor;
    }
    QCOMPARE(total, qint64(Orders) * 2280);
}

QTEST_APPLESS_MAIN(TestEbayOrderReader)
#include "tst_ebayorderreader.moc"
