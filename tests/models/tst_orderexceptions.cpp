#include "models/orderexceptions.h"

#include <QTest>

using models::Address;
using models::DuplicateFacts;
using models::ExceptionLine;
using models::HoldKind;
using models::OrderExceptions;

namespace {

Address leeds()
{
    Address a;
    a.name = QStringLiteral("Olivia Smith");
    a.line1 = QStringLiteral("12 High Street");
    a.city = QStringLiteral("Leeds");
    a.postcode = QStringLiteral("LS10 1AB");
    a.country = QStringLiteral("GB");
    return a;
}

DuplicateFacts order(qint64 id, const char *placed, QList<QPair<QString, int>> items)
{
    DuplicateFacts d;
    d.orderId = id;
    d.orderNumber = QStringLiteral("#%1").arg(1000 + id);
    d.channelCode = QStringLiteral("shopify");
    d.email = QStringLiteral("olivia.smith@gmail.com");
    d.name = QStringLiteral("Olivia Smith");
    d.postcode = QStringLiteral("LS10 1AB");
    d.placedAtUtc = QDateTime::fromString(QString::fromLatin1(placed), Qt::ISODate);
    d.items = std::move(items);
    return d;
}

using Items = QList<QPair<QString, int>>;

} // namespace

Q_DECLARE_METATYPE(Address)
Q_DECLARE_METATYPE(DuplicateFacts)
Q_DECLARE_METATYPE(QList<ExceptionLine>)

// The checks that stop an order before it takes stock.
class TestOrderExceptions : public QObject
{
    Q_OBJECT

private slots:
    void unknownSku_data();
    void unknownSku();
    void missingAddressField_data();
    void missingAddressField();
    void postcodeFits_data();
    void postcodeFits();
    void unshippableCountry_data();
    void unshippableCountry();
    void unusualQuantity_data();
    void unusualQuantity();
    void likelyDuplicate_data();
    void likelyDuplicate();
};

void TestOrderExceptions::unknownSku_data()
{
    QTest::addColumn<QList<ExceptionLine>>("lines");
    QTest::addColumn<QString>("reason"); // empty: no hold

    const ExceptionLine mug{1, true, QStringLiteral("MUG-01"), 1, {}};
    const ExceptionLine ghost{2, false, QStringLiteral("MUG-99"), 1, {}};
    const ExceptionLine blank{3, false, QString(), 1, {}};
    QTest::newRow("all known") << QList<ExceptionLine>{mug} << QString();
    QTest::newRow("one unknown") << QList<ExceptionLine>{mug, ghost}
                                 << QStringLiteral("Unknown SKU: MUG-99 (line 2)");
    QTest::newRow("no SKU at all")
        << QList<ExceptionLine>{blank, ghost}
        << QStringLiteral("Unknown SKU: no SKU (line 3), MUG-99 (line 2)");
}

void TestOrderExceptions::unknownSku()
{
    QFETCH(QList<ExceptionLine>, lines);
    QFETCH(QString, reason);
    const auto hold = OrderExceptions::unknownSku(lines);
    QCOMPARE(hold.has_value(), !reason.isEmpty());
    if (hold) {
        QCOMPARE(hold->kind, HoldKind::UnknownSku);
        QCOMPARE(hold->reason, reason);
    }
}

void TestOrderExceptions::missingAddressField_data()
{
    QTest::addColumn<Address>("address");
    QTest::addColumn<QString>("reason");

    QTest::newRow("complete") << leeds() << QString();
    Address a = leeds();
    a.name.clear();
    QTest::newRow("no name") << a << QStringLiteral("Address incomplete: no name");
    a = leeds();
    a.line1 = QStringLiteral("   ");
    a.city.clear();
    QTest::newRow("no line 1, no city")
        << a << QStringLiteral("Address incomplete: no address line 1, city");
    a = leeds();
    a.postcode.clear();
    QTest::newRow("no postcode in GB") << a << QStringLiteral("Address incomplete: no postcode");
    a.country = QStringLiteral("HK");
    a.city = QStringLiteral("Hong Kong");
    QTest::newRow("no postcode where there are none") << a << QString();
    a.country = QStringLiteral("IE");
    QTest::newRow("Eircode is optional") << a << QString();
    a = leeds();
    a.country.clear();
    QTest::newRow("no country") << a << QStringLiteral("Address incomplete: no country");
}

void TestOrderExceptions::missingAddressField()
{
    QFETCH(Address, address);
    QFETCH(QString, reason);
    const auto hold = OrderExceptions::missingAddressField(address);
    QCOMPARE(hold ? hold->reason : QString(), reason);
    if (hold)
        QCOMPARE(hold->kind, HoldKind::MissingAddress);
}

void TestOrderExceptions::postcodeFits_data()
{
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("postcode");
    QTest::addColumn<bool>("fits");

    const struct
    {
        const char *country, *postcode;
        bool fits;
    } rows[] = {
        {"GB", "LS10 1AB", true}, {"GB", "m5 1ab", true},    {"GB", "SW1A 1AA", true},
        {"GB", "EC1A1BB", true},  {"GB", "GIR 0AA", true},   {"GB", "12345", false},
        {"GB", "LS10 1A", false}, {"US", "11201", true},     {"US", "11201-1234", true},
        {"US", "1120", false},    {"US", "LS10 1AB", false}, {"DE", "10115", true},
        {"DE", "1011", false},    {"FR", "75001", true},     {"FR", "7500 1", false},
        {"AU", "2000", true},     {"AU", "20000", false},    {"CA", "M5V 3L9", true},
        {"CA", "M5V3L9", true},   {"CA", "D5V 3L9", false},  {"CA", "12345", false},
        {"NL", "1011 AB", true},  {"NL", "1011AB", true},    {"NL", "0111 AB", false},
        {"NL", "1011", false},    {"IE", "D02 X285", true},  {"IE", "A65 F4E2", true},
        {"IE", "D6W 1234", true}, {"IE", "Dublin 2", false}, {"IE", "", true},
        {"GB", "", false},        {"JP", "100-0001", true},  {"JP", "", false},
        {"HK", "", true},
    };
    for (const auto &r : rows)
        QTest::addRow("%s %s", r.country, r.postcode)
            << QString::fromLatin1(r.country) << QString::fromLatin1(r.postcode) << r.fits;
}

void TestOrderExceptions::postcodeFits()
{
    QFETCH(QString, country);
    QFETCH(QString, postcode);
    QFETCH(bool, fits);
    QCOMPARE(OrderExceptions::postcodeFits(country, postcode), fits);

    Address a = leeds();
    a.country = country;
    a.postcode = postcode;
    const auto hold = OrderExceptions::postcodeMismatch(a);
    // An empty postcode is the address check's to report, never this one's.
    QCOMPARE(hold.has_value(), !fits && !postcode.isEmpty());
    if (hold) {
        QCOMPARE(hold->kind, HoldKind::BadPostcode);
        QVERIFY2(hold->reason.contains(postcode), qPrintable(hold->reason));
    }
}

void TestOrderExceptions::unshippableCountry_data()
{
    QTest::addColumn<QString>("country");
    QTest::addColumn<bool>("anywhere");
    QTest::addColumn<bool>("held");

    QTest::newRow("served") << QStringLiteral("GB") << false << false;
    QTest::newRow("lower case is the same country") << QStringLiteral("de") << false << false;
    QTest::newRow("not served") << QStringLiteral("JP") << false << true;
    QTest::newRow("a rate for anywhere serves it") << QStringLiteral("JP") << true << false;
    QTest::newRow("no country is the address check's") << QString() << false << false;
}

void TestOrderExceptions::unshippableCountry()
{
    QFETCH(QString, country);
    QFETCH(bool, anywhere);
    QFETCH(bool, held);
    const QSet<QString> served{QStringLiteral("GB"), QStringLiteral("DE")};
    const auto hold = OrderExceptions::unshippableCountry(country, served, anywhere);
    QCOMPARE(hold.has_value(), held);
    if (hold) {
        QCOMPARE(hold->kind, HoldKind::UnshippableCountry);
        QCOMPARE(hold->reason,
                 QStringLiteral("No location ships to JP: add a rate for it or cancel"));
    }
}

void TestOrderExceptions::unusualQuantity_data()
{
    QTest::addColumn<int>("quantity");
    QTest::addColumn<int>("median"); // -1: unknown
    QTest::addColumn<bool>("held");

    QTest::newRow("usual") << 2 << 1 << false;
    QTest::newRow("10x but only 10") << 10 << 1 << false;
    QTest::newRow("11 against a median of 1") << 11 << 1 << true;
    QTest::newRow("exactly 10x the median") << 20 << 2 << false;
    QTest::newRow("just over 10x the median") << 21 << 2 << true;
    QTest::newRow("a bulk SKU") << 200 << 50 << false;
    QTest::newRow("no history") << 500 << -1 << false;
}

void TestOrderExceptions::unusualQuantity()
{
    QFETCH(int, quantity);
    QFETCH(int, median);
    QFETCH(bool, held);
    ExceptionLine line{2, true, QStringLiteral("MUG-01"), quantity, {}};
    if (median >= 0)
        line.medianQuantity = median;
    const auto hold = OrderExceptions::unusualQuantity(
        {ExceptionLine{1, true, QStringLiteral("TEE-M"), 1, 1}, line}, models::ExceptionPolicy());
    QCOMPARE(hold.has_value(), held);
    if (hold) {
        QCOMPARE(hold->kind, HoldKind::UnusualQuantity);
        QCOMPARE(hold->reason, QStringLiteral("Unusual quantity: %1 × MUG-01 (line 2), usually %2")
                                   .arg(quantity)
                                   .arg(median));
    }
}

void TestOrderExceptions::likelyDuplicate_data()
{
    QTest::addColumn<DuplicateFacts>("other");
    QTest::addColumn<bool>("held");

    const Items items{{QStringLiteral("MUG-01"), 2}, {QStringLiteral("TEE-M"), 1}};
    QTest::newRow("same buyer, same items, 20 minutes earlier")
        << order(1, "2026-11-24T09:40:00Z", items) << true;
    QTest::newRow("items in another order, different SKU case")
        << order(1, "2026-11-24T09:40:00Z",
                 Items{{QStringLiteral("tee-m"), 1}, {QStringLiteral("mug-01"), 2}})
        << true;
    DuplicateFacts other = order(1, "2026-11-24T09:40:00Z", items);
    other.channelCode = QStringLiteral("amazon");
    other.email = QStringLiteral("x7f3@marketplace.amazon.co.uk");
    other.name = QStringLiteral("olivia  smith");
    other.postcode = QStringLiteral("ls101ab");
    QTest::newRow("another channel: same name and postcode") << other << true;
    other.postcode = QStringLiteral("LS11 1AB");
    QTest::newRow("another channel, other postcode, other e-mail") << other << false;
    QTest::newRow("more than an hour earlier") << order(1, "2026-11-24T08:59:00Z", items) << false;
    QTest::newRow("different quantity")
        << order(1, "2026-11-24T09:40:00Z",
                 Items{{QStringLiteral("MUG-01"), 1}, {QStringLiteral("TEE-M"), 1}})
        << false;
    QTest::newRow("the other came later: this one is the original")
        << order(3, "2026-11-24T10:20:00Z", items) << false;
    QTest::newRow("same minute, lower id is the original")
        << order(1, "2026-11-24T10:00:00Z", items) << true;
    QTest::newRow("same minute, higher id is the copy")
        << order(3, "2026-11-24T10:00:00Z", items) << false;
}

void TestOrderExceptions::likelyDuplicate()
{
    QFETCH(DuplicateFacts, other);
    QFETCH(bool, held);
    const DuplicateFacts self =
        order(2, "2026-11-24T10:00:00Z",
              Items{{QStringLiteral("MUG-01"), 2}, {QStringLiteral("TEE-M"), 1}});
    const auto hold = OrderExceptions::likelyDuplicate(self, {other}, models::ExceptionPolicy());
    QCOMPARE(hold.has_value(), held);
    if (hold) {
        QCOMPARE(hold->kind, HoldKind::LikelyDuplicate);
        QVERIFY2(hold->reason.startsWith(QStringLiteral("Likely duplicate of #1001")),
                 qPrintable(hold->reason));
    }
}

QTEST_GUILESS_MAIN(TestOrderExceptions)
#include "tst_orderexceptions.moc"
