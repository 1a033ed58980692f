#include "models/combinedshipment.h"

#include <QTest>

Q_DECLARE_METATYPE(models::ShipToFacts)

using models::Address;
using models::ShipToFacts;

namespace {

ShipToFacts order(qint64 id, const char *name, const char *line1, const char *postcode,
                  const char *email = "", qint64 customer = 0, const char *country = "GB")
{
    ShipToFacts f;
    f.orderId = id;
    f.orderNumber = QString::number(1000 + id);
    f.channelName = QStringLiteral("eBay");
    f.customerId = customer;
    f.email = QString::fromUtf8(email);
    f.shipTo = Address{.name = QString::fromUtf8(name),
                       .line1 = QString::fromUtf8(line1),
                       .postcode = QString::fromUtf8(postcode),
                       .country = QString::fromUtf8(country)};
    return f;
}

} // namespace

class TestCombinedShipment : public QObject
{
    Q_OBJECT

private slots:
    void keys_data();
    void keys();
    void match_data();
    void match();
    void lines();
};

void TestCombinedShipment::keys_data()
{
    QTest::addColumn<QString>("postcode");
    QTest::addColumn<QString>("postcodeKey");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("lineKey");
    QTest::newRow("plain") << QStringLiteral("LS1 4AP") << QStringLiteral("LS14AP")
                           << QStringLiteral("1 High Street") << QStringLiteral("1 high street");
    QTest::newRow("lower, no space")
        << QStringLiteral("ls14ap") << QStringLiteral("LS14AP") << QStringLiteral("1 HIGH STREET")
        << QStringLiteral("1 high street");
    QTest::newRow("spaces everywhere")
        << QStringLiteral(" LS1  4AP ") << QStringLiteral("LS14AP")
        << QStringLiteral("  1   High  Street ") << QStringLiteral("1 high street");
    QTest::newRow("punctuation") << QStringLiteral("SW1A 1AA") << QStringLiteral("SW1A1AA")
                                 << QStringLiteral("Flat 2, 10 St. John's Rd.")
                                 << QStringLiteral("flat 2 10 st johns rd");
    QTest::newRow("US zip") << QStringLiteral("90210-1234") << QStringLiteral("90210-1234")
                            << QStringLiteral("221B Baker St") << QStringLiteral("221b baker st");
    QTest::newRow("empty") << QStringLiteral("") << QStringLiteral("") << QStringLiteral("")
                           << QStringLiteral("");
}

void TestCombinedShipment::keys()
{
    QFETCH(QString, postcode);
    QFETCH(QString, postcodeKey);
    QFETCH(QString, line);
    QFETCH(QString, lineKey);
    QCOMPARE(models::postcodeKey(postcode), postcodeKey);
    QCOMPARE(models::addressTextKey(line), lineKey);
}

void TestCombinedShipment::match_data()
{
    QTest::addColumn<ShipToFacts>("a");
    QTest::addColumn<ShipToFacts>("b");
    QTest::addColumn<bool>("together");
    const ShipToFacts base =
        order(1, "Olivia Smith", "1 High Street", "LS1 4AP", "liv@example.com");
    QTest::newRow("identical") << base
                               << order(2, "Olivia Smith", "1 High Street", "LS1 4AP",
                                        "liv@example.com")
                               << true;
    QTest::newRow("case and spaces")
        << base << order(2, "OLIVIA  SMITH", "1 high street ", "ls14ap", "LIV@example.com") << true;
    QTest::newRow("email hidden, same name")
        << base << order(2, "olivia smith", "1 High Street", "LS1 4AP") << true;
    QTest::newRow("same customer record, other name")
        << order(1, "O Smith", "1 High Street", "LS1 4AP", "", 7)
        << order(2, "Olivia Smith", "1 High Street", "LS1 4AP", "", 7) << true;
    QTest::newRow("other email") << base
                                 << order(2, "Olivia Smith", "1 High Street", "LS1 4AP",
                                          "other@example.com")
                                 << false;
    QTest::newRow("neighbour") << base
                               << order(2, "Olivia Smith", "3 High Street", "LS1 4AP",
                                        "liv@example.com")
                               << false;
    QTest::newRow("other postcode")
        << base << order(2, "Olivia Smith", "1 High Street", "LS1 4AQ", "liv@example.com") << false;
    QTest::newRow("other country")
        << base << order(2, "Olivia Smith", "1 High Street", "LS1 4AP", "liv@example.com", 0, "IE")
        << false;
    QTest::newRow("other person, same house")
        << order(1, "Olivia Smith", "1 High Street", "LS1 4AP")
        << order(2, "Tom Smith", "1 High Street", "LS1 4AP") << false;
    QTest::newRow("no postcode") << order(1, "Olivia Smith", "1 High Street", "")
                                 << order(2, "Olivia Smith", "1 High Street", "") << false;
    QTest::newRow("itself") << base << base << false;
}

void TestCombinedShipment::match()
{
    QFETCH(ShipToFacts, a);
    QFETCH(ShipToFacts, b);
    QFETCH(bool, together);
    QCOMPARE(models::shipsTogether(a, b), together);
    QCOMPARE(models::shipsTogether(b, a), together);
}

void TestCombinedShipment::lines()
{
    const ShipToFacts me = order(1, "Olivia Smith", "1 High Street", "LS1 4AP");
    ShipToFacts ebay = order(4, "olivia smith", "1 HIGH STREET", "ls1 4ap");
    ebay.orderNumber = QStringLiteral("1004");
    ShipToFacts amazon = order(5, "Olivia Smith", "1 High Street", "LS14AP");
    amazon.orderNumber = QStringLiteral("#203-1111111-2222222");
    amazon.channelName = QStringLiteral("Amazon");
    const ShipToFacts other = order(6, "Tom Jones", "1 High Street", "LS1 4AP");
    QCOMPARE(models::shipsWithLines(me, {ebay, other, amazon}),
             (QStringList{QStringLiteral("Ships with #1004 (eBay) to the same address"),
                          QStringLiteral("Ships with #203-1111111-2222222 (Amazon) to the same "
                                         "address")}));
}

QTEST_APPLESS_MAIN(TestCombinedShipment)
#include "tst_combinedshipment.moc"
