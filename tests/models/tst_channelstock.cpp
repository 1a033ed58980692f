// What a channel may show: available-to-promise over the shared pool (stores keep
// their buffer, backorders take theirs off) and whole listings less the channel's buffer.

#include "models/channelstock.h"

#include <QTest>

using models::ChannelStockRule;
using models::LocationStock;

Q_DECLARE_METATYPE(QList<models::LocationStock>)

namespace {

LocationStock warehouse(int onHand, int reserved)
{
    return {onHand, reserved, false, 0, true};
}

LocationStock store(int onHand, int reserved, int buffer, bool shipsOnline = true)
{
    return {onHand, reserved, true, buffer, shipsOnline};
}

} // namespace

class TestChannelStock : public QObject
{
    Q_OBJECT

private slots:
    void availableToPromise_data();
    void availableToPromise();
    void listingQuantity_data();
    void listingQuantity();
};

void TestChannelStock::availableToPromise_data()
{
    QTest::addColumn<QList<LocationStock>>("locations");
    QTest::addColumn<int>("atp");
    QTest::newRow("nothing anywhere") << QList<LocationStock>{} << 0;
    QTest::newRow("one warehouse") << QList<LocationStock>{warehouse(10, 3)} << 7;
    QTest::newRow("two warehouses add up")
        << QList<LocationStock>{warehouse(10, 3), warehouse(5, 5)} << 7;
    QTest::newRow("store keeps its buffer")
        << QList<LocationStock>{warehouse(10, 0), store(4, 1, 2)} << 11;
    QTest::newRow("store buffer never below nothing")
        << QList<LocationStock>{warehouse(10, 0), store(1, 0, 2)} << 10;
    QTest::newRow("store that does not ship online")
        << QList<LocationStock>{warehouse(10, 0), store(8, 0, 1, false)} << 10;
    QTest::newRow("backordered location takes its excess off")
        << QList<LocationStock>{warehouse(10, 0), warehouse(0, 4)} << 6;
    QTest::newRow("never below 0") << QList<LocationStock>{warehouse(0, 4)} << 0;
}

void TestChannelStock::availableToPromise()
{
    QFETCH(QList<LocationStock>, locations);
    QFETCH(int, atp);
    QCOMPARE(ChannelStockRule::availableToPromise(locations), atp);
}

void TestChannelStock::listingQuantity_data()
{
    QTest::addColumn<int>("atp");
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("buffer");
    QTest::addColumn<int>("quantity");
    QTest::newRow("one unit, no buffer") << 7 << 1 << 0 << 7;
    QTest::newRow("buffer taken off") << 7 << 1 << 2 << 5;
    QTest::newRow("pack of 6 rounds down") << 13 << 6 << 0 << 2;
    QTest::newRow("pack of 6 then buffer") << 13 << 6 << 1 << 1;
    QTest::newRow("buffer larger than stock") << 3 << 1 << 5 << 0;
    QTest::newRow("less than one pack") << 5 << 6 << 0 << 0;
    QTest::newRow("nothing") << 0 << 1 << 0 << 0;
    QTest::newRow("negative ATP") << -4 << 1 << 0 << 0;
    QTest::newRow("units 0 treated as 1") << 4 << 0 << 0 << 4;
}

void TestChannelStock::listingQuantity()
{
    QFETCH(int, atp);
    QFETCH(int, units);
    QFETCH(int, buffer);
    QFETCH(int, quantity);
    QCOMPARE(ChannelStockRule::listingQuantity(atp, units, buffer), quantity);
}

QTEST_APPLESS_MAIN(TestChannelStock)
#include "tst_channelstock.moc"
