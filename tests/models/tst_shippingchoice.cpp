#include "models/servicechoice.h"
#include "models/trackingnumber.h"

#include <QTest>

using models::CarrierService;
using models::ParcelToRate;
using models::ServiceChooser;
using models::ShippingRate;
using models::TrackingNumber;

namespace {

ShippingRate rate(const QString &country, std::optional<int> maxGrams, qint64 pence, int days)
{
    ShippingRate r;
    r.fromCountry = QStringLiteral("GB");
    r.country = country;
    r.maxWeightGrams = maxGrams;
    r.costMinor = pence;
    r.currency = QStringLiteral("GBP");
    r.transitDays = days;
    return r;
}

CarrierService service(qint64 id, const QString &name, QTime cutoff, QList<ShippingRate> rates)
{
    CarrierService s;
    s.id = id;
    s.carrierName = name.section(u' ', 0, 0);
    s.name = name;
    s.cutoff = cutoff;
    s.rates = std::move(rates);
    return s;
}

// Three UK services and one to Europe, as a small shop might buy them.
QList<CarrierService> shopServices()
{
    const QString gb = QStringLiteral("GB");
    return {
        service(1, QStringLiteral("Evri Standard"), QTime(15, 0),
                {rate(gb, 1000, 299, 3), rate(gb, 15000, 499, 3)}),
        service(2, QStringLiteral("Royal Mail Tracked 48"), QTime(16, 30),
                {rate(gb, 2000, 395, 2), rate(gb, 20000, 695, 2)}),
        service(3, QStringLiteral("DPD Next Day"), QTime(17, 0), {rate(gb, 30000, 695, 1)}),
        service(4, QStringLiteral("DPD Classic"), QTime(17, 0),
                {rate(QStringLiteral("DE"), 20000, 1050, 3)}),
    };
}

} // namespace

class TestShippingChoice : public QObject
{
    Q_OBJECT

private slots:
    void choose_data();
    void choose();
    void workingDays_data();
    void workingDays();
    void s10_data();
    void s10();
    void luhn_data();
    void luhn();
    void check_data();
    void check();
    void generateOutOfRange();
};

void TestShippingChoice::choose_data()
{
    QTest::addColumn<QString>("country");
    QTest::addColumn<int>("grams");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDate>("deliverBy");
    QTest::addColumn<QDate>("shipBy");
    QTest::addColumn<qint64>("serviceId"); // 0: no choice
    QTest::addColumn<QDate>("arrives");
    QTest::addColumn<QString>("explains"); // a phrase the explanation must hold

    // Thursday 26 November 2026, 10:00.
    const QDateTime thuMorning(QDate(2026, 11, 26), QTime(10, 0));
    const QDateTime thuEvening(QDate(2026, 11, 26), QTime(16, 45));
    const QDateTime saturday(QDate(2026, 11, 28), QTime(11, 0));
    const QString gb = QStringLiteral("GB");

    QTest::newRow("cheapest wins without a promise")
        << gb << 800 << thuMorning << QDate() << QDate() << qint64(1) << QDate(2026, 12, 1)
        << QStringLiteral("the cheapest of 3 services to GB");
    QTest::newRow("cheapest that meets the promise wins")
        << gb << 800 << thuMorning << QDate(2026, 11, 30) << QDate() << qint64(2)
        << QDate(2026, 11, 30) << QStringLiteral("1 other service arrives too late");
    QTest::newRow("too slow excluded: only next day makes it")
        << gb << 800 << thuMorning << QDate(2026, 11, 27) << QDate() << qint64(3)
        << QDate(2026, 11, 27) << QStringLiteral("the only service that delivers by Fri 27 Nov");
    QTest::newRow("nothing meets the promise: the fastest")
        << gb << 800 << QDateTime(QDate(2026, 11, 26), QTime(17, 30)) << QDate(2026, 11, 27)
        << QDate() << qint64(3) << QDate(2026, 11, 30)
        << QStringLiteral("No service delivers by Fri 27 Nov");
    QTest::newRow("past cut-off adds a day")
        << gb << 800 << thuEvening << QDate(2026, 12, 1) << QDate() << qint64(2)
        << QDate(2026, 12, 1) << QStringLiteral("Past today's cut-off: it leaves Fri 27 Nov");
    QTest::newRow("before one cut-off, after another")
        << gb << 800 << QDateTime(QDate(2026, 11, 26), QTime(15, 30)) << QDate(2026, 11, 30)
        << QDate() << qint64(2) << QDate(2026, 11, 30) << QStringLiteral("Tracked 48 at £3.95");
    QTest::newRow("weekend: leaves Monday, transit skips the weekend")
        << gb << 800 << saturday << QDate() << QDate() << qint64(1) << QDate(2026, 12, 3)
        << QStringLiteral("No collection at the weekend: it leaves Mon 30 Nov");
    QTest::newRow("leaves after the ship-by date")
        << gb << 800 << thuEvening << QDate() << QDate(2026, 11, 26) << qint64(1)
        << QDate(2026, 12, 2) << QStringLiteral("after the ship-by date (Thu 26 Nov)");
    QTest::newRow("heavier band is dearer: Evri's 15 kg band")
        << gb << 1500 << thuMorning << QDate() << QDate() << qint64(2) << QDate(2026, 11, 30)
        << QStringLiteral("Royal Mail Tracked 48 at £3.95");
    QTest::newRow("only one service abroad")
        << QStringLiteral("DE") << 800 << thuMorning << QDate() << QDate() << qint64(4)
        << QDate(2026, 12, 1) << QStringLiteral("the only service to DE");
    QTest::newRow("no rate for the country")
        << QStringLiteral("AU") << 800 << thuMorning << QDate() << QDate() << qint64(0) << QDate()
        << QStringLiteral("No service has a rate to AU");
    QTest::newRow("weight above every band")
        << gb << 32500 << thuMorning << QDate() << QDate() << qint64(0) << QDate()
        << QStringLiteral("weighs 32.5 kg, above every weight band to GB");
}

void TestShippingChoice::choose()
{
    QFETCH(QString, country);
    QFETCH(int, grams);
    QFETCH(QDateTime, now);
    QFETCH(QDate, deliverBy);
    QFETCH(QDate, shipBy);
    QFETCH(qint64, serviceId);
    QFETCH(QDate, arrives);
    QFETCH(QString, explains);

    ParcelToRate parcel;
    parcel.fromCountry = QStringLiteral("GB");
    parcel.country = country;
    parcel.postcode = QStringLiteral("LS1 4AP");
    parcel.weightGrams = grams;
    parcel.now = now;
    parcel.deliverBy = deliverBy;
    parcel.shipBy = shipBy;
    const models::ServiceChoice c = ServiceChooser::choose(parcel, shopServices());
    QVERIFY2(c.explanation.contains(explains), qPrintable(c.explanation));
    if (serviceId == 0) {
        QVERIFY(!c.chosen);
        return;
    }
    QVERIFY(c.chosen);
    QCOMPARE(c.chosen->serviceId, serviceId);
    QCOMPARE(c.chosen->arrives, arrives);
}

void TestShippingChoice::workingDays_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<int>("days");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("same day") << QDate(2026, 11, 26) << 0 << QDate(2026, 11, 26);
    QTest::newRow("thursday + 1") << QDate(2026, 11, 26) << 1 << QDate(2026, 11, 27);
    QTest::newRow("friday + 1 is monday") << QDate(2026, 11, 27) << 1 << QDate(2026, 11, 30);
    QTest::newRow("thursday + 3") << QDate(2026, 11, 26) << 3 << QDate(2026, 12, 1);
    QTest::newRow("saturday + 1 is monday") << QDate(2026, 11, 28) << 1 << QDate(2026, 11, 30);
}

void TestShippingChoice::workingDays()
{
    QFETCH(QDate, from);
    QFETCH(int, days);
    QFETCH(QDate, expected);
    QCOMPARE(ServiceChooser::addWorkingDays(from, days), expected);
}

void TestShippingChoice::s10_data()
{
    QTest::addColumn<QString>("serial");
    QTest::addColumn<int>("check");
    // The UPU S10 standard's own example, and the two remainders mapped specially.
    QTest::newRow("upu example 47312482") << QStringLiteral("47312482") << 9;
    QTest::newRow("remainder gives 10 -> 0") << QStringLiteral("00000008") << 0;
    QTest::newRow("remainder gives 11 -> 5") << QStringLiteral("00000000") << 5;
    QTest::newRow("12345678") << QStringLiteral("12345678") << 5;
    QTest::newRow("too short") << QStringLiteral("1234567") << -1;
    QTest::newRow("letters") << QStringLiteral("1234567A") << -1;
}

void TestShippingChoice::s10()
{
    QFETCH(QString, serial);
    QFETCH(int, check);
    QCOMPARE(TrackingNumber::s10CheckDigit(serial), check);
}

void TestShippingChoice::luhn_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<int>("check");
    QTest::newRow("7992739871") << QStringLiteral("7992739871") << 3;
    QTest::newRow("zero") << QStringLiteral("0") << 0;
    QTest::newRow("not digits") << QStringLiteral("12a") << -1;
}

void TestShippingChoice::luhn()
{
    QFETCH(QString, digits);
    QFETCH(int, check);
    QCOMPARE(TrackingNumber::luhnCheckDigit(digits), check);
}

void TestShippingChoice::check_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<qint64>("serial");
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("error");
    QTest::newRow("s10 generated") << QStringLiteral("s10") << qint64(47312482)
                                   << QStringLiteral("RR473124829GB") << true << QString();
    QTest::newRow("s10 scanned with spaces")
        << QStringLiteral("s10") << qint64(-1) << QStringLiteral("rr 473 124 829 gb") << true
        << QString();
    QTest::newRow("s10 wrong check digit")
        << QStringLiteral("s10") << qint64(-1) << QStringLiteral("RR473124827GB") << false
        << QStringLiteral("check digit is wrong");
    QTest::newRow("s10 wrong shape")
        << QStringLiteral("s10") << qint64(-1) << QStringLiteral("1550123456") << false
        << QStringLiteral("two letters, nine digits");
    QTest::newRow("luhn generated") << QStringLiteral("luhn") << qint64(42)
                                    << QStringLiteral("155000000000425") << true << QString();
    QTest::newRow("luhn wrong digit")
        << QStringLiteral("luhn") << qint64(-1) << QStringLiteral("155000000000428") << false
        << QStringLiteral("check digit is wrong");
    QTest::newRow("no scheme takes anything")
        << QStringLiteral("none") << qint64(-1) << QStringLiteral("H00A1234") << true << QString();
    QTest::newRow("empty") << QStringLiteral("none") << qint64(-1) << QString() << false
                           << QStringLiteral("empty");
}

void TestShippingChoice::check()
{
    QFETCH(QString, scheme);
    QFETCH(qint64, serial);
    QFETCH(QString, number);
    QFETCH(bool, valid);
    QFETCH(QString, error);
    models::Carrier c;
    c.name = QStringLiteral("Test Post");
    c.trackingScheme = models::trackingSchemeFromCode(scheme);
    c.trackingPrefix =
        scheme == QLatin1String("s10") ? QStringLiteral("RR") : QStringLiteral("1550");
    c.trackingSuffix = scheme == QLatin1String("s10") ? QStringLiteral("GB") : QString();
    c.trackingDigits = 10;
    if (serial >= 0) {
        const models::Result<QString> made = TrackingNumber::generate(c, serial);
        QVERIFY2(made.ok(), qPrintable(made.error()));
        QCOMPARE(made.value(), number);
    }
    const models::Status s = TrackingNumber::check(c, number);
    QCOMPARE(s.ok(), valid);
    if (!valid)
        QVERIFY2(s.error().contains(error), qPrintable(s.error()));
}

void TestShippingChoice::generateOutOfRange()
{
    models::Carrier c;
    c.name = QStringLiteral("Royal Mail");
    c.trackingScheme = models::TrackingScheme::S10;
    c.trackingPrefix = QStringLiteral("RR");
    c.trackingSuffix = QStringLiteral("GB");
    const models::Result<QString> r = TrackingNumber::generate(c, 100000000);
    QVERIFY(!r.ok());
    QVERIFY(r.error().contains(QStringLiteral("range is used up")));
    c.trackingScheme = models::TrackingScheme::None;
    QVERIFY(!TrackingNumber::generate(c, 1).ok());
}

QTEST_GUILESS_MAIN(TestShippingChoice)
#include "tst_shippingchoice.moc"
