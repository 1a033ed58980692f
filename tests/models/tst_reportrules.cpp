#include "models/report.h"
#include "models/reportrules.h"

#include <QTest>

using namespace models;

class TestReportRules : public QObject
{
    Q_OBJECT

private slots:
    void presets_data();
    void presets();
    void weeks_data();
    void weeks();
    void buckets_data();
    void buckets();
    void rates_data();
    void rates();
    void lateness_data();
    void lateness();
    void balances_data();
    void balances();
    void stockOuts_data();
    void stockOuts();
    void lostSales_data();
    void lostSales();
    void turnover_data();
    void turnover();
    void cover_data();
    void cover();
    void slugs();
};

void TestReportRules::presets_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    const QDate today(2026, 11, 26);
    QTest::newRow("last 7 days include today")
        << int(RangePreset::Last7Days) << today << QDate(2026, 11, 20) << today;
    QTest::newRow("last 30 days") << int(RangePreset::Last30Days) << today << QDate(2026, 10, 28)
                                  << today;
    QTest::newRow("last 90 days") << int(RangePreset::Last90Days) << today << QDate(2026, 8, 29)
                                  << today;
    QTest::newRow("this month") << int(RangePreset::ThisMonth) << today << QDate(2026, 11, 1)
                                << today;
    QTest::newRow("this month on the 1st") << int(RangePreset::ThisMonth) << QDate(2026, 3, 1)
                                           << QDate(2026, 3, 1) << QDate(2026, 3, 1);
    QTest::newRow("last 7 days across a year end")
        << int(RangePreset::Last7Days) << QDate(2027, 1, 3) << QDate(2026, 12, 28)
        << QDate(2027, 1, 3);
}

void TestReportRules::presets()
{
    QFETCH(int, preset);
    QFETCH(QDate, today);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    const DateRange r = presetRange(RangePreset(preset), today);
    QCOMPARE(r.from, from);
    QCOMPARE(r.to, to);
}

void TestReportRules::weeks_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("weekCount");
    QTest::addColumn<QDate>("firstMonday");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<int>("index");
    // 26 Nov 2026 is a Thursday.
    QTest::newRow("one week, mid-week") << QDate(2026, 11, 26) << QDate(2026, 11, 29) << 1
                                        << QDate(2026, 11, 23) << QDate(2026, 11, 29) << 0;
    QTest::newRow("Sunday to Monday spans two") << QDate(2026, 11, 29) << QDate(2026, 11, 30) << 2
                                                << QDate(2026, 11, 23) << QDate(2026, 11, 30) << 1;
    QTest::newRow("30 days") << QDate(2026, 10, 28) << QDate(2026, 11, 26) << 5
                             << QDate(2026, 10, 26) << QDate(2026, 11, 2) << 1;
    QTest::newRow("outside the range") << QDate(2026, 10, 28) << QDate(2026, 11, 26) << 5
                                       << QDate(2026, 10, 26) << QDate(2026, 10, 27) << -1;
}

void TestReportRules::weeks()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, weekCount);
    QFETCH(QDate, firstMonday);
    QFETCH(QDate, day);
    QFETCH(int, index);
    const QList<QDate> w = weekStarts({from, to});
    QCOMPARE(w.size(), weekCount);
    QCOMPARE(w.first(), firstMonday);
    for (const QDate &d : w)
        QCOMPARE(d.dayOfWeek(), 1);
    QCOMPARE(weekIndex({from, to}, day), index);
}

void TestReportRules::buckets_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<bool>("weekly");
    QTest::addColumn<int>("count");
    QTest::newRow("7 days: daily") << 7 << false << 7;
    QTest::newRow("31 days: daily") << 31 << false << 31;
    QTest::newRow("32 days: weekly") << 32 << true << 5;
    QTest::newRow("90 days: weekly") << 90 << true << 14;
}

void TestReportRules::buckets()
{
    QFETCH(int, days);
    QFETCH(bool, weekly);
    QFETCH(int, count);
    const QDate to(2026, 11, 26);
    const DateRange r{to.addDays(1 - days), to};
    QCOMPARE(r.days(), days);
    const Bucket b = bucketFor(r);
    QCOMPARE(b == Bucket::Week, weekly);
    const QList<QDate> starts = bucketStarts(r, b);
    QCOMPARE(starts.size(), count);
    QCOMPARE(bucketIndex(r, b, r.from), 0);
    QCOMPARE(bucketIndex(r, b, r.to), count - 1);
    QCOMPARE(bucketIndex(r, b, r.to.addDays(1)), -1);
}

void TestReportRules::rates_data()
{
    QTest::addColumn<qint64>("part");
    QTest::addColumn<qint64>("whole");
    QTest::addColumn<bool>("defined");
    QTest::addColumn<double>("percent");
    QTest::newRow("half") << qint64(1) << qint64(2) << true << 50.0;
    QTest::newRow("all") << qint64(7) << qint64(7) << true << 100.0;
    QTest::newRow("none") << qint64(0) << qint64(9) << true << 0.0;
    QTest::newRow("nothing to divide by") << qint64(0) << qint64(0) << false << 0.0;
    QTest::newRow("one in three") << qint64(1) << qint64(3) << true << 100.0 / 3.0;
}

void TestReportRules::rates()
{
    QFETCH(qint64, part);
    QFETCH(qint64, whole);
    QFETCH(bool, defined);
    QFETCH(double, percent);
    const std::optional<double> r = ratePercent(part, whole);
    QCOMPARE(r.has_value(), defined);
    if (defined)
        QCOMPARE(*r, percent);
}

void TestReportRules::lateness_data()
{
    QTest::addColumn<QDateTime>("shipBy");
    QTest::addColumn<QDateTime>("shippedAt"); // invalid: not shipped
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<int>("expected");
    QTest::addColumn<qint64>("hours");
    const QDateTime shipBy(QDate(2026, 11, 20), QTime(17, 0), Qt::UTC);
    const QDateTime now(QDate(2026, 11, 22), QTime(17, 0), Qt::UTC);
    QTest::newRow("shipped early")
        << shipBy << shipBy.addSecs(-3600) << now << int(Lateness::OnTime) << qint64(0);
    QTest::newRow("shipped on the minute")
        << shipBy << shipBy << now << int(Lateness::OnTime) << qint64(0);
    QTest::newRow("shipped a day late")
        << shipBy << shipBy.addDays(1) << now << int(Lateness::ShippedLate) << qint64(24);
    QTest::newRow("not shipped, past due")
        << shipBy << QDateTime() << now << int(Lateness::LateUnshipped) << qint64(48);
    QTest::newRow("not shipped, not due")
        << now.addDays(1) << QDateTime() << now << int(Lateness::NotDue) << qint64(0);
}

void TestReportRules::lateness()
{
    QFETCH(QDateTime, shipBy);
    QFETCH(QDateTime, shippedAt);
    QFETCH(QDateTime, now);
    QFETCH(int, expected);
    QFETCH(qint64, hours);
    const std::optional<QDateTime> shipped =
        shippedAt.isValid() ? std::optional<QDateTime>(shippedAt) : std::nullopt;
    const Lateness l = models::lateness(shipBy, shipped, now);
    QCOMPARE(int(l), expected);
    QCOMPARE(isLate(l), l == Lateness::ShippedLate || l == Lateness::LateUnshipped);
    QCOMPARE(hoursLate(shipBy, shipped, now), hours);
}

void TestReportRules::balances_data()
{
    QTest::addColumn<qint64>("current");
    QTest::addColumn<QList<qint64>>("net");
    QTest::addColumn<int>("days");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("no movements") << qint64(5) << QList<qint64>{} << 3 << QList<qint64>{5, 5, 5};
    // Day 0: +10 received, day 1: -4 sold, day 2: -6 sold; 0 now.
    QTest::newRow("sold out on the last day")
        << qint64(0) << QList<qint64>{10, -4, -6} << 3 << QList<qint64>{10, 6, 0};
    // Movements after the range (days 3 and 4) are undone too.
    QTest::newRow("days after the range undone")
        << qint64(7) << QList<qint64>{0, -2, 0, 5, -1} << 3 << QList<qint64>{5, 3, 3};
    QTest::newRow("negative balance kept")
        << qint64(-1) << QList<qint64>{0, -3} << 2 << QList<qint64>{2, -1};
}

void TestReportRules::balances()
{
    QFETCH(qint64, current);
    QFETCH(QList<qint64>, net);
    QFETCH(int, days);
    QFETCH(QList<qint64>, expected);
    const QDate from(2026, 11, 1);
    QCOMPARE(dailyBalances(current, net, {from, from.addDays(days - 1)}), expected);
}

void TestReportRules::stockOuts_data()
{
    QTest::addColumn<QList<qint64>>("balances");
    QTest::addColumn<int>("daysOut");
    QTest::addColumn<int>("currentRun");
    QTest::addColumn<int>("firstOutIndex"); // -1: none
    QTest::addColumn<double>("average");
    QTest::newRow("never out") << QList<qint64>{3, 2, 1} << 0 << 0 << -1 << 2.0;
    QTest::newRow("out at the end") << QList<qint64>{2, 0, 0} << 2 << 2 << 1 << 2.0 / 3.0;
    QTest::newRow("out and back") << QList<qint64>{0, 4, 0, 4} << 2 << 0 << 0 << 2.0;
    QTest::newRow("negative counts as out") << QList<qint64>{-2, 2} << 1 << 0 << 0 << 1.0;
}

void TestReportRules::stockOuts()
{
    QFETCH(QList<qint64>, balances);
    QFETCH(int, daysOut);
    QFETCH(int, currentRun);
    QFETCH(int, firstOutIndex);
    QFETCH(double, average);
    const QDate from(2026, 11, 1);
    const StockOutStats s = stockOutStats(balances, {from, from.addDays(balances.size() - 1)});
    QCOMPARE(s.daysOut, daysOut);
    QCOMPARE(s.daysInStock, int(balances.size()) - daysOut);
    QCOMPARE(s.currentRunDays, currentRun);
    QCOMPARE(s.firstOut, firstOutIndex < 0 ? QDate() : from.addDays(firstOutIndex));
    QCOMPARE(s.averageBalance, average);
}

void TestReportRules::lostSales_data()
{
    QTest::addColumn<qint64>("sold");
    QTest::addColumn<int>("daysInStock");
    QTest::addColumn<int>("daysOut");
    QTest::addColumn<double>("demand");
    QTest::addColumn<double>("lost");
    QTest::newRow("2 a day, 5 days out") << qint64(40) << 20 << 5 << 2.0 << 10.0;
    QTest::newRow("never out") << qint64(30) << 30 << 0 << 1.0 << 0.0;
    QTest::newRow("never in stock: unknown demand") << qint64(0) << 0 << 30 << 0.0 << 0.0;
    QTest::newRow("fractional demand") << qint64(3) << 4 << 2 << 0.75 << 1.5;
}

void TestReportRules::lostSales()
{
    QFETCH(qint64, sold);
    QFETCH(int, daysInStock);
    QFETCH(int, daysOut);
    QFETCH(double, demand);
    QFETCH(double, lost);
    const double d = averageDailyDemand(sold, daysInStock);
    QCOMPARE(d, demand);
    QCOMPARE(lostSalesUnits(d, daysOut), lost);
}

void TestReportRules::turnover_data()
{
    QTest::addColumn<qint64>("cogs");
    QTest::addColumn<double>("averageValue");
    QTest::addColumn<bool>("defined");
    QTest::addColumn<double>("turns");
    QTest::addColumn<qint64>("onHand");
    QTest::addColumn<qint64>("sold");
    QTest::addColumn<int>("days");
    QTest::addColumn<double>("daysOfStock"); // < 0: none
    QTest::newRow("turned twice") << qint64(20000) << 10000.0 << true << 2.0 << qint64(10)
                                  << qint64(30) << 30 << 10.0;
    QTest::newRow("no stock held")
        << qint64(500) << 0.0 << false << 0.0 << qint64(0) << qint64(5) << 30 << 0.0;
    QTest::newRow("nothing sold") << qint64(0) << 4000.0 << true << 0.0 << qint64(40) << qint64(0)
                                  << 30 << -1.0;
    QTest::newRow("slow mover") << qint64(1000) << 40000.0 << true << 0.025 << qint64(200)
                                << qint64(2) << 90 << 9000.0;
}

void TestReportRules::turnover()
{
    QFETCH(qint64, cogs);
    QFETCH(double, averageValue);
    QFETCH(bool, defined);
    QFETCH(double, turns);
    QFETCH(qint64, onHand);
    QFETCH(qint64, sold);
    QFETCH(int, days);
    QFETCH(double, daysOfStock);
    const std::optional<double> t = inventoryTurnover(cogs, static_cast<qint64>(averageValue));
    QCOMPARE(t.has_value(), defined);
    if (defined)
        QCOMPARE(*t, turns);
    const std::optional<double> d = models::daysOfStock(onHand, sold, days);
    QCOMPARE(d.has_value(), daysOfStock >= 0);
    if (d)
        QCOMPARE(*d, daysOfStock);
}

void TestReportRules::cover_data()
{
    QTest::addColumn<double>("days"); // < 0: no sales
    QTest::addColumn<int>("band");
    QTest::newRow("no sales") << -1.0 << int(CoverBand::NoSales);
    QTest::newRow("0 days") << 0.0 << int(CoverBand::UpTo30Days);
    QTest::newRow("30 days") << 30.0 << int(CoverBand::UpTo30Days);
    QTest::newRow("30.5 days") << 30.5 << int(CoverBand::UpTo90Days);
    QTest::newRow("180 days") << 180.0 << int(CoverBand::UpTo180Days);
    QTest::newRow("a year") << 365.0 << int(CoverBand::Over180Days);
}

void TestReportRules::cover()
{
    QFETCH(double, days);
    QFETCH(int, band);
    QCOMPARE(int(coverBand(days < 0 ? std::nullopt : std::optional<double>(days))), band);
}

void TestReportRules::slugs()
{
    for (ReportKind kind : allReportKinds()) {
        QVERIFY(!reportTitle(kind).isEmpty());
        QCOMPARE(reportKindFromSlug(reportSlug(kind)), std::optional<ReportKind>(kind));
    }
    QCOMPARE(reportKindFromSlug(QStringLiteral(" Sales ")),
             std::optional<ReportKind>(ReportKind::Sales));
    QVERIFY(!reportKindFromSlug(QStringLiteral("profit")).has_value());
}

QTEST_GUILESS_MAIN(TestReportRules)
#include "tst_reportrules.moc"
