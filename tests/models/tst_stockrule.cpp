#include "models/gtin.h"
#include "models/stockrule.h"

#include <QTest>

using models::StockLevel;
using models::StockRule;

namespace {

StockLevel level(int onHand, int reserved)
{
    StockLevel l;
    l.productId = 17;
    l.locationId = 3;
    l.onHand = onHand;
    l.reserved = reserved;
    return l;
}

} // namespace

// The stock invariants (on hand from the ledger, reserved within on hand, no
// overselling) and GS1 check digits.
class TestStockRule : public QObject
{
    Q_OBJECT

private slots:
    void onHandFromMovements_data();
    void onHandFromMovements();
    void checkLevel_data();
    void checkLevel();
    void applyMovement_data();
    void applyMovement();
    void reserve_data();
    void reserve();
    void twoReservationsCannotBothTakeTheLastUnit();
    void ledgerAndLevelAgree();

    void gtinCheckDigit_data();
    void gtinCheckDigit();
    void gtinIsValid_data();
    void gtinIsValid();
};

void TestStockRule::onHandFromMovements_data()
{
    QTest::addColumn<QList<int>>("movements");
    QTest::addColumn<int>("onHand");

    QTest::newRow("no movements, nothing on hand") << QList<int>{} << 0;
    QTest::newRow("one receipt") << QList<int>{12} << 12;
    QTest::newRow("receipt, two shipments") << QList<int>{10, -3, -2} << 5;
    QTest::newRow("everything out again") << QList<int>{100, -60, -40} << 0;
    QTest::newRow("more out than in (backorder location)") << QList<int>{10, -12} << -2;
    QTest::newRow("count correction both ways") << QList<int>{50, -1, 1, -4, 2} << 48;
}

void TestStockRule::onHandFromMovements()
{
    QFETCH(QList<int>, movements);
    QFETCH(int, onHand);
    QCOMPARE(StockRule::onHandFromMovements(movements), onHand);
}

void TestStockRule::checkLevel_data()
{
    QTest::addColumn<int>("onHand");
    QTest::addColumn<int>("reserved");
    QTest::addColumn<bool>("backorders");
    QTest::addColumn<bool>("sound");

    QTest::newRow("nothing at all") << 0 << 0 << false << true;
    QTest::newRow("stock, nothing reserved") << 5 << 0 << false << true;
    QTest::newRow("part reserved") << 5 << 3 << false << true;
    QTest::newRow("all reserved") << 5 << 5 << false << true;
    QTest::newRow("reserved beyond on hand") << 5 << 6 << false << false;
    QTest::newRow("reserved beyond on hand, backorders on") << 5 << 6 << true << true;
    QTest::newRow("reserved with nothing on hand") << 0 << 1 << false << false;
    QTest::newRow("negative on hand") << -1 << 0 << false << false;
    QTest::newRow("negative on hand, backorders on") << -1 << 0 << true << true;
    QTest::newRow("negative on hand and reserved, backorders on") << -2 << 3 << true << true;
    QTest::newRow("negative reserved") << 5 << -1 << false << false;
    QTest::newRow("negative reserved, even with backorders") << 5 << -1 << true << false;
}

void TestStockRule::checkLevel()
{
    QFETCH(int, onHand);
    QFETCH(int, reserved);
    QFETCH(bool, backorders);
    QFETCH(bool, sound);

    const models::Status s = StockRule::checkLevel(level(onHand, reserved), backorders);
    QCOMPARE(s.ok(), sound);
    if (!sound) {
        // The message names the product and the location.
        QVERIFY2(s.error().contains(QStringLiteral("product 17")), qPrintable(s.error()));
        QVERIFY2(s.error().contains(QStringLiteral("location 3")), qPrintable(s.error()));
    }
}

void TestStockRule::applyMovement_data()
{
    QTest::addColumn<int>("onHand");
    QTest::addColumn<int>("reserved");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<bool>("backorders");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("onHandAfter");

    QTest::newRow("receive into empty") << 0 << 0 << 10 << false << true << 10;
    QTest::newRow("ship everything") << 10 << 0 << -10 << false << true << 0;
    QTest::newRow("ship one more than there is") << 10 << 0 << -11 << false << false << 10;
    QTest::newRow("lose the unreserved part") << 10 << 4 << -6 << false << true << 4;
    QTest::newRow("lose into what is reserved") << 10 << 4 << -7 << false << false << 10;
    QTest::newRow("lose into what is reserved, backorders on")
        << 10 << 4 << -7 << true << true << 3;
    QTest::newRow("go negative, backorders on") << 0 << 0 << -5 << true << true << -5;
    QTest::newRow("receive while negative") << -5 << 2 << 3 << true << true << -2;
    QTest::newRow("zero records nothing") << 5 << 0 << 0 << false << false << 5;
    QTest::newRow("zero records nothing, backorders on") << 5 << 0 << 0 << true << false << 5;
}

void TestStockRule::applyMovement()
{
    QFETCH(int, onHand);
    QFETCH(int, reserved);
    QFETCH(int, quantity);
    QFETCH(bool, backorders);
    QFETCH(bool, accepted);
    QFETCH(int, onHandAfter);

    StockLevel l = level(onHand, reserved);
    const models::Status s = StockRule::applyMovement(l, quantity, backorders);
    QCOMPARE(s.ok(), accepted);
    QCOMPARE(l.onHand, onHandAfter);
    QCOMPARE(l.reserved, reserved); // a movement never touches reservations
    QCOMPARE(l.productId, qint64(17));
    QCOMPARE(l.locationId, qint64(3));
    if (!accepted)
        QVERIFY(!s.error().isEmpty());
}

void TestStockRule::reserve_data()
{
    QTest::addColumn<int>("onHand");
    QTest::addColumn<int>("reserved");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<bool>("backorders");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("reservedAfter");

    QTest::newRow("reserve all of it") << 5 << 0 << 5 << false << true << 5;
    QTest::newRow("reserve more than there is") << 5 << 0 << 6 << false << false << 0;
    QTest::newRow("reserve the last available") << 5 << 4 << 1 << false << true << 5;
    QTest::newRow("nothing available") << 5 << 5 << 1 << false << false << 5;
    QTest::newRow("nothing on hand") << 0 << 0 << 1 << false << false << 0;
    QTest::newRow("nothing on hand, backorders on") << 0 << 0 << 1 << true << true << 1;
    QTest::newRow("over-reserve, backorders on") << 5 << 5 << 3 << true << true << 8;
    QTest::newRow("zero quantity") << 5 << 0 << 0 << false << false << 0;
    QTest::newRow("negative quantity") << 5 << 2 << -1 << false << false << 2;
    QTest::newRow("negative quantity, backorders on") << 5 << 2 << -1 << true << false << 2;
}

void TestStockRule::reserve()
{
    QFETCH(int, onHand);
    QFETCH(int, reserved);
    QFETCH(int, quantity);
    QFETCH(bool, backorders);
    QFETCH(bool, accepted);
    QFETCH(int, reservedAfter);

    StockLevel l = level(onHand, reserved);
    const models::Status s = StockRule::reserve(l, quantity, backorders);
    QCOMPARE(s.ok(), accepted);
    QCOMPARE(l.reserved, reservedAfter);
    QCOMPARE(l.onHand, onHand); // a reservation never moves stock
    if (!accepted)
        QVERIFY(!s.error().isEmpty());
}

void TestStockRule::twoReservationsCannotBothTakeTheLastUnit()
{
    StockLevel l = level(1, 0);
    QCOMPARE(l.available(), 1);

    const models::Status first = StockRule::reserve(l, 1, false);
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QCOMPARE(l.available(), 0);

    const models::Status second = StockRule::reserve(l, 1, false);
    QVERIFY(!second.ok());
    QVERIFY2(second.error().contains(QStringLiteral("only 0 available, 1 wanted")),
             qPrintable(second.error()));
    QCOMPARE(l.reserved, 1);
    QCOMPARE(l.onHand, 1);
    QVERIFY(StockRule::checkLevel(l, false).ok());
}

void TestStockRule::ledgerAndLevelAgree()
{
    // Applying each movement to a level ends where summing the ledger ends.
    const QList<int> ledger = {20, -3, -5, 7, -1, -18};
    StockLevel l = level(0, 0);
    for (int q : ledger) {
        const models::Status s = StockRule::applyMovement(l, q, false);
        QVERIFY2(s.ok(), qPrintable(s.error()));
    }
    QCOMPARE(l.onHand, StockRule::onHandFromMovements(ledger));
    QCOMPARE(l.onHand, 0);
}

void TestStockRule::gtinCheckDigit_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<int>("check");

    QTest::newRow("EAN-13 4006381333931") << QStringLiteral("400638133393") << 1;
    QTest::newRow("EAN-13 5012345678900") << QStringLiteral("501234567890") << 0;
    QTest::newRow("EAN-13 ISBN 9780143007234") << QStringLiteral("978014300723") << 4;
    QTest::newRow("UPC-A 036000291452") << QStringLiteral("03600029145") << 2;
    QTest::newRow("EAN-8 96385074") << QStringLiteral("9638507") << 4;
    QTest::newRow("GTIN-14 00012345600012") << QStringLiteral("0001234560001") << 2;
}

void TestStockRule::gtinCheckDigit()
{
    QFETCH(QString, digits);
    QFETCH(int, check);
    QCOMPARE(models::gtin::checkDigit(digits), check);
    QCOMPARE(models::gtin::withCheckDigit(digits), digits + QString::number(check));
    QVERIFY(models::gtin::isValid(models::gtin::withCheckDigit(digits)));
}

void TestStockRule::gtinIsValid_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("valid");

    QTest::newRow("EAN-13 4006381333931") << QStringLiteral("4006381333931") << true;
    QTest::newRow("EAN-13 5012345678900") << QStringLiteral("5012345678900") << true;
    QTest::newRow("EAN-13 9780143007234") << QStringLiteral("9780143007234") << true;
    QTest::newRow("UPC-A 036000291452") << QStringLiteral("036000291452") << true;
    QTest::newRow("UPC-A as EAN-13 0036000291452") << QStringLiteral("0036000291452") << true;
    QTest::newRow("EAN-8 96385074") << QStringLiteral("96385074") << true;
    QTest::newRow("GTIN-14 00012345600012") << QStringLiteral("00012345600012") << true;

    QTest::newRow("wrong check digit EAN-13") << QStringLiteral("4006381333932") << false;
    QTest::newRow("wrong check digit UPC-A") << QStringLiteral("036000291453") << false;
    QTest::newRow("two digits swapped") << QStringLiteral("4006383133931") << false;
    QTest::newRow("11 digits") << QStringLiteral("03600029145") << false;
    QTest::newRow("15 digits") << QStringLiteral("400638133393100") << false;
    QTest::newRow("letter inside") << QStringLiteral("40063813339A1") << false;
    QTest::newRow("leading space") << QStringLiteral(" 4006381333931") << false;
    QTest::newRow("trailing newline from a scanner") << QStringLiteral("4006381333931\n") << false;
    QTest::newRow("hyphenated") << QStringLiteral("400-638133393") << false;
    QTest::newRow("Arabic-Indic digits")
        << QStringLiteral("\u0664\u0660\u0660\u0666\u0663\u0668\u0661\u0663\u0663\u0663"
                          "\u0669\u0663\u0661")
        << false;
    QTest::newRow("empty") << QString() << false;
}

void TestStockRule::gtinIsValid()
{
    QFETCH(QString, code);
    QFETCH(bool, valid);
    QCOMPARE(models::gtin::isValid(code), valid);
}

QTEST_GUILESS_MAIN(TestStockRule)
#include "tst_stockrule.moc"
