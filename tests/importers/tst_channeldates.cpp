#include "importers/channeldates.h"

#include <QtTest>

using importers::parseChannelDateTime;
using namespace Qt::StringLiterals;

class TestChannelDates : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
};

namespace {

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

} // namespace

void TestChannelDates::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("zone"); // for text without an offset
    QTest::addColumn<QDateTime>("expected");

    const QByteArray sydney("Australia/Sydney");
    const QByteArray losAngeles("America/Los_Angeles");

    // Shopify
    QTest::newRow("shopify +1000")
        << u"2026-06-08 22:55:28 +1000"_s << losAngeles << utc(2026, 6, 8, 12, 55, 28);
    QTest::newRow("shopify +0000")
        << u"2025-12-07 18:33:40 +0000"_s << sydney << utc(2025, 12, 7, 18, 33, 40);
    QTest::newRow("shopify -0500 crosses midnight")
        << u"2012-01-01 21:13:25 -0500"_s << sydney << utc(2012, 1, 2, 2, 13, 25);
    QTest::newRow("shopify +0530")
        << u"2026-01-01 05:30:00 +0530"_s << sydney << utc(2026, 1, 1, 0, 0, 0);
    QTest::newRow("spaces around")
        << u"  2026-06-08 22:55:28 +1000 "_s << sydney << utc(2026, 6, 8, 12, 55, 28);
    // Amazon ISO-8601
    QTest::newRow("iso -07:00") << u"2017-09-23T14:18:23-07:00"_s << sydney
                                << utc(2017, 9, 23, 21, 18, 23);
    QTest::newRow("iso +00:00") << u"2026-07-30T08:34:47+00:00"_s << sydney
                                << utc(2026, 7, 30, 8, 34, 47);
    QTest::newRow("iso Z") << u"2026-08-01T10:00:00Z"_s << sydney << utc(2026, 8, 1, 10, 0, 0);
    QTest::newRow("iso z lower case")
        << u"2026-08-01T10:00:00z"_s << sydney << utc(2026, 8, 1, 10, 0, 0);
    QTest::newRow("iso milliseconds")
        << u"2026-08-01T10:00:00.123Z"_s << sydney << utc(2026, 8, 1, 10, 0, 0, 123);
    QTest::newRow("iso microseconds truncated")
        << u"2026-08-01T10:00:00.123987+01:00"_s << sydney << utc(2026, 8, 1, 9, 0, 0, 123);
    QTest::newRow("iso +09:00 previous day")
        << u"2026-08-01T08:00:00+09:00"_s << sydney << utc(2026, 7, 31, 23, 0, 0);
    QTest::newRow("offset hours only")
        << u"2026-08-01T10:00:00+02"_s << sydney << utc(2026, 8, 1, 8, 0, 0);
    QTest::newRow("minutes without seconds")
        << u"2026-08-01 10:00 +0100"_s << sydney << utc(2026, 8, 1, 9, 0, 0);
    QTest::newRow("UTC word") << u"2026-08-01 10:00:00 UTC"_s << sydney
                              << utc(2026, 8, 1, 10, 0, 0);
    QTest::newRow("GMT+01:00") << u"2026-08-01 10:00:00 GMT+01:00"_s << sydney
                               << utc(2026, 8, 1, 9, 0, 0);
    QTest::newRow("leap day") << u"2024-02-29T12:00:00Z"_s << sydney << utc(2024, 2, 29, 12);
    QTest::newRow("slashes year first")
        << u"2026/06/08 10:00:00 +0000"_s << sydney << utc(2026, 6, 8, 10);
    // Without an offset: the seller's zone
    QTest::newRow("amazon eu date only, summer")
        << u"05-17-2011"_s << losAngeles << utc(2011, 5, 17, 7, 0, 0);
    QTest::newRow("us slashes date only")
        << u"12/24/2026"_s << losAngeles << utc(2026, 12, 24, 8, 0, 0);
    QTest::newRow("iso date only") << u"2026-06-08"_s << sydney << utc(2026, 6, 7, 14, 0, 0);
    QTest::newRow("local time without offset")
        << u"2026-01-15 09:30:00"_s << sydney << utc(2026, 1, 14, 22, 30, 0);
    QTest::newRow("no zone given is UTC")
        << u"2026-01-15 09:30:00"_s << QByteArray() << utc(2026, 1, 15, 9, 30, 0);
    // eBay
    QTest::newRow("ebay us Mmm-DD-YY") << u"Jul-28-26"_s << losAngeles << utc(2026, 7, 28, 7);
    QTest::newRow("ebay Mmm-DD-YYYY") << u"Jul-28-2026"_s << losAngeles << utc(2026, 7, 28, 7);
    QTest::newRow("ebay au DD-Mmm-YY") << u"26-May-26"_s << sydney << utc(2026, 5, 25, 14);
    QTest::newRow("month name any case") << u"SEP-01-26"_s << QByteArray() << utc(2026, 9, 1);
    QTest::newRow("full month name") << u"September-01-2026"_s << QByteArray() << utc(2026, 9, 1);
    QTest::newRow("Sept") << u"Sept-01-2026"_s << QByteArray() << utc(2026, 9, 1);
    QTest::newRow("ebay with time and offset")
        << u"Jul-28-26 14:02:11 -0700"_s << sydney << utc(2026, 7, 28, 21, 2, 11);
}

void TestChannelDates::parses()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, zone);
    QFETCH(QDateTime, expected);

    const QTimeZone timeZone = zone.isEmpty() ? QTimeZone() : QTimeZone(zone);
    const QDateTime parsed = parseChannelDateTime(text, timeZone);
    QVERIFY2(parsed.isValid(), qPrintable(text));
    QCOMPARE(parsed, expected);
    QCOMPARE(parsed.timeSpec(), Qt::UTC);
}

void TestChannelDates::refuses_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << u"   "_s;
    QTest::newRow("word") << u"yesterday"_s;
    QTest::newRow("no such day") << u"2026-02-30T10:00:00Z"_s;
    QTest::newRow("day 32") << u"2026-03-32 10:00:00 +1000"_s;
    QTest::newRow("month 13") << u"2026-13-01 10:00:00 +1000"_s;
    QTest::newRow("hour 24") << u"2026-06-08 24:00:00 +1000"_s;
    QTest::newRow("minute 60") << u"2026-06-08 10:60:00 +1000"_s;
    QTest::newRow("second 60") << u"2026-06-08 10:00:60 +1000"_s;
    QTest::newRow("offset past 14 hours") << u"2026-06-08 10:00:00 +1500"_s;
    QTest::newRow("offset minutes 60") << u"2026-06-08 10:00:00 +10:60"_s;
    QTest::newRow("three-digit offset") << u"2026-06-08 10:00:00 +100"_s;
    QTest::newRow("zone abbreviation") << u"Jul-28-26 14:02:11 PDT"_s;
    QTest::newRow("trailing words") << u"2026-06-08 10:00:00 +1000 approx"_s;
    QTest::newRow("mixed separators") << u"2026-06/08"_s;
    QTest::newRow("compact") << u"20260608"_s;
    QTest::newRow("three-digit year") << u"05-17-201"_s;
    QTest::newRow("day first numeric is not guessed") << u"17-05-2011"_s;
    QTest::newRow("not a month") << u"Jux-28-26"_s;
    QTest::newRow("time without minutes") << u"2026-06-08 10 +1000"_s;
    QTest::newRow("T without time") << u"2026-06-08T"_s;
    QTest::newRow("amount") << u"12.50"_s;
}

void TestChannelDates::refuses()
{
    QFETCH(QString, text);
    QVERIFY(!parseChannelDateTime(text, QTimeZone("UTC")).isValid());
}

QTEST_APPLESS_MAIN(TestChannelDates)
#include "tst_channeldates.moc"
