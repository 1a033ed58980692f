// The order batch labels come out in: models::slotsToRelease and slotsWaitedFor.
#include "models/labelrelease.h"

#include <QTest>

using models::OrderStatus;
using models::PickListOrder;

namespace {

// One character per slot from 1: 'w' waits to be packed (ready), 'p' picking (waits
// too), 'k' packed, 'h' on hold, 'c' cancelled, 'r' taken off the list.
QList<PickListOrder> list(const QString &slotCodes)
{
    QList<PickListOrder> out;
    for (int i = 0; i < slotCodes.size(); ++i) {
        PickListOrder o;
        o.slot = i + 1;
        o.orderId = 100 + i;
        switch (slotCodes.at(i).toLatin1()) {
        case 'w':
            o.status = OrderStatus::Ready;
            break;
        case 'p':
            o.status = OrderStatus::Picking;
            break;
        case 'k':
            o.status = OrderStatus::Packed;
            break;
        case 'h':
            o.status = OrderStatus::OnHold;
            break;
        case 'c':
            o.status = OrderStatus::Cancelled;
            break;
        case 'r':
            o.status = OrderStatus::Picking;
            o.removed = true;
            break;
        }
        out << o;
    }
    return out;
}

QSet<int> set(const QList<int> &l)
{
    return QSet<int>(l.begin(), l.end());
}

} // namespace

class TestLabelRelease : public QObject
{
    Q_OBJECT
private slots:
    void release_data();
    void release();
    void waitedFor_data();
    void waitedFor();
};

void TestLabelRelease::release_data()
{
    QTest::addColumn<QString>("slotCodes");
    QTest::addColumn<QList<int>>("held");
    QTest::addColumn<QList<int>>("released");
    // A held slot's own order is packed by the time it is asked about.
    QTest::newRow("first slot goes at once") << "kpp" << QList<int>{1} << QList<int>{1};
    QTest::newRow("third waits for first and second") << "ppk" << QList<int>{3} << QList<int>{};
    QTest::newRow("first releases itself, third still waits for second")
        << "kpk" << QList<int>{1, 3} << QList<int>{1};
    QTest::newRow("second closes the gap: both go in order")
        << "kkk" << QList<int>{2, 3} << QList<int>{2, 3};
    QTest::newRow("earlier slots packed before are passed over")
        << "kkkpk" << QList<int>{3} << QList<int>{3};
    QTest::newRow("a slot taken off by a short pick is skipped")
        << "rk" << QList<int>{2} << QList<int>{2};
    QTest::newRow("on hold and cancelled orders are skipped")
        << "hck" << QList<int>{3} << QList<int>{3};
    QTest::newRow("ready order before still holds") << "wk" << QList<int>{2} << QList<int>{};
    QTest::newRow("only up to the first waiting slot")
        << "kkpkk" << QList<int>{1, 2, 4, 5} << QList<int>{1, 2};
    QTest::newRow("a slot the list does not name goes") << "k" << QList<int>{9} << QList<int>{9};
    QTest::newRow("nothing held, nothing released") << "ppp" << QList<int>{} << QList<int>{};
}

void TestLabelRelease::release()
{
    QFETCH(QString, slotCodes);
    QFETCH(QList<int>, held);
    QFETCH(QList<int>, released);
    QCOMPARE(models::slotsToRelease(list(slotCodes), set(held)), released);
}

void TestLabelRelease::waitedFor_data()
{
    QTest::addColumn<QString>("slotCodes");
    QTest::addColumn<QList<int>>("held");
    QTest::addColumn<int>("slot");
    QTest::addColumn<QList<int>>("waited");
    QTest::newRow("two before") << "ppk" << QList<int>{3} << 3 << QList<int>{1, 2};
    QTest::newRow("held ones are not waited for")
        << "kpk" << QList<int>{1, 3} << 3 << QList<int>{2};
    QTest::newRow("skipped ones are not waited for")
        << "rcwk" << QList<int>{4} << 4 << QList<int>{3};
    QTest::newRow("later slots do not count") << "kpp" << QList<int>{1} << 1 << QList<int>{};
}

void TestLabelRelease::waitedFor()
{
    QFETCH(QString, slotCodes);
    QFETCH(QList<int>, held);
    QFETCH(int, slot);
    QFETCH(QList<int>, waited);
    QCOMPARE(models::slotsWaitedFor(list(slotCodes), set(held), slot), waited);
}

QTEST_APPLESS_MAIN(TestLabelRelease)
#include "tst_labelrelease.moc"
