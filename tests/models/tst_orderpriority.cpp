#include "models/orderpriority.h"

#include <QTest>

using models::OrderPriority;
using models::PriorityCriterion;
using models::PriorityFacts;
using models::PriorityPolicy;

namespace {

QDateTime utc(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
}

PriorityFacts facts(qint64 id, const char *placed)
{
    PriorityFacts f;
    f.orderId = id;
    f.placedAtUtc = utc(placed);
    return f;
}

} // namespace

Q_DECLARE_METATYPE(PriorityFacts)

// Which order gets scarce stock first.
class TestOrderPriority : public QObject
{
    Q_OBJECT

private slots:
    void before_data();
    void before();
    void parse_data();
    void parse();
    void sortIsTotalAndRepeatable();
};

void TestOrderPriority::before_data()
{
    QTest::addColumn<QString>("criteria");
    QTest::addColumn<PriorityFacts>("a");
    QTest::addColumn<PriorityFacts>("b");
    QTest::addColumn<bool>("aFirst");

    const QString standard = QStringLiteral("manual,expedited,ship_by,vip_value,placed");
    PriorityFacts older = facts(1, "2026-11-20T09:00:00Z");
    PriorityFacts newer = facts(2, "2026-11-21T09:00:00Z");

    QTest::newRow("oldest placed first") << standard << older << newer << true;
    QTest::newRow("newer is not first") << standard << newer << older << false;

    PriorityFacts fast = newer;
    fast.expedited = true;
    QTest::newRow("expedited beats older") << standard << fast << older << true;

    PriorityFacts due = newer;
    due.shipByUtc = utc("2026-11-22T17:00:00Z");
    PriorityFacts later = older;
    later.shipByUtc = utc("2026-11-23T17:00:00Z");
    QTest::newRow("earliest ship-by beats older") << standard << due << later << true;
    QTest::newRow("a ship-by date beats none") << standard << due << older << true;

    PriorityFacts fastLate = fast;
    fastLate.shipByUtc = utc("2026-11-30T17:00:00Z");
    QTest::newRow("expedited before ship-by") << standard << fastLate << due << true;

    PriorityFacts vip = newer;
    vip.vipCustomer = true;
    QTest::newRow("VIP beats older") << standard << vip << older << true;

    PriorityFacts big = newer;
    big.totalMinor = 15000;
    QTest::newRow("high value at the threshold beats older") << standard << big << older << true;
    PriorityFacts almost = newer;
    almost.totalMinor = 14999;
    QTest::newRow("just below the threshold is ordinary") << standard << almost << older << false;

    QTest::newRow("ship-by beats VIP") << standard << due << vip << true;

    PriorityFacts manual = newer;
    manual.manualPriority = 5;
    QTest::newRow("manual priority beats expedited") << standard << manual << fast << true;

    const QString valueFirst = QStringLiteral("vip_value,expedited,placed");
    QTest::newRow("configured: VIP before expedited") << valueFirst << vip << fast << true;
    QTest::newRow("configured: manual ignored when not listed")
        << valueFirst << older << manual << true;

    PriorityFacts twin = facts(3, "2026-11-20T09:00:00Z");
    QTest::newRow("same everything: lower id first") << standard << older << twin << true;
    QTest::newRow("same everything, reversed") << standard << twin << older << false;
}

void TestOrderPriority::before()
{
    QFETCH(QString, criteria);
    QFETCH(PriorityFacts, a);
    QFETCH(PriorityFacts, b);
    QFETCH(bool, aFirst);

    const models::Result<PriorityPolicy> policy = PriorityPolicy::parse(criteria, 15000);
    QVERIFY2(policy.ok(), qPrintable(policy.error()));
    const OrderPriority priority(policy.value());
    QCOMPARE(priority.before(a, b), aFirst);
    QCOMPARE(priority.before(b, a), !aFirst); // strict and total
}

void TestOrderPriority::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("count");

    QTest::newRow("all five") << QStringLiteral("manual,expedited,ship_by,vip_value,placed") << true
                              << 5;
    QTest::newRow("spaces and case") << QStringLiteral(" Expedited , PLACED ") << true << 2;
    QTest::newRow("unknown word") << QStringLiteral("expedited,loudest") << false << 0;
    QTest::newRow("listed twice") << QStringLiteral("placed,placed") << false << 0;
    QTest::newRow("empty") << QString() << false << 0;
}

void TestOrderPriority::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(int, count);
    const models::Result<PriorityPolicy> policy = PriorityPolicy::parse(text, 100);
    QCOMPARE(policy.ok(), ok);
    if (ok)
        QCOMPARE(policy->criteria.size(), count);
    else
        QVERIFY(!policy.error().isEmpty());
}

void TestOrderPriority::sortIsTotalAndRepeatable()
{
    QList<PriorityFacts> orders;
    for (int i = 0; i < 200; ++i) {
        PriorityFacts f = facts(1000 - i, "2026-11-20T09:00:00Z");
        f.placedAtUtc = f.placedAtUtc.addSecs((i * 37) % 11 * 60);
        f.expedited = i % 7 == 0;
        f.vipCustomer = i % 5 == 0;
        if (i % 3 == 0)
            f.shipByUtc = utc("2026-11-22T17:00:00Z").addDays(i % 4);
        orders.append(f);
    }
    const OrderPriority priority;
    QList<PriorityFacts> once = orders;
    priority.sort(once);
    QList<PriorityFacts> reversed(orders.crbegin(), orders.crend());
    priority.sort(reversed);
    for (qsizetype i = 0; i < once.size(); ++i)
        QCOMPARE(once.at(i).orderId, reversed.at(i).orderId);
    for (qsizetype i = 1; i < once.size(); ++i)
        QVERIFY(!priority.before(once.at(i), once.at(i - 1)));
    QVERIFY(once.first().expedited);
}

QTEST_GUILESS_MAIN(TestOrderPriority)
#include "tst_orderpriority.moc"
