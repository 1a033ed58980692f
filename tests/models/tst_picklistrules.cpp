#include "models/picklistcode.h"
#include "models/pickwalk.h"
#include "models/pickwave.h"

#include <QTest>

using models::PickItem;
using models::PickLine;
using models::WaveCandidate;
using models::WaveKind;
using models::WaveSpec;

namespace {

WaveCandidate candidate(qint64 id, const char *placed, const char *channel,
                        const char *service = "", int manual = 0, bool expedited = false)
{
    WaveCandidate c;
    c.priority.orderId = id;
    c.priority.placedAtUtc = QDateTime::fromString(QString::fromLatin1(placed), Qt::ISODate);
    c.priority.manualPriority = manual;
    c.priority.expedited = expedited;
    c.orderNumber = QStringLiteral("#%1").arg(id);
    c.channelCode = QString::fromLatin1(channel);
    c.shippingService = QString::fromLatin1(service);
    return c;
}

// Six ready orders: ids in the order they were placed.
QList<WaveCandidate> readyOrders()
{
    return {
        candidate(1, "2026-11-20T08:00:00Z", "shopify", "Royal Mail 48"),
        candidate(2, "2026-11-20T09:00:00Z", "amazon", "DPD Next Day", 0, true),
        candidate(3, "2026-11-20T10:00:00Z", "ebay", "Royal Mail 48"),
        candidate(4, "2026-11-20T11:00:00Z", "shopify", "DPD Next Day", 5),
        candidate(5, "2026-11-20T12:00:00Z", "amazon", ""),
        candidate(6, "2026-11-20T13:00:00Z", "shopify", "Royal Mail 48"),
    };
}

PickItem item(int slot, qint64 orderLine, qint64 product, const char *sku, const char *bin,
              int sequence, int quantity)
{
    PickItem i;
    i.slot = slot;
    i.orderId = 100 + slot;
    i.orderLineId = orderLine;
    i.productId = product;
    i.sku = QString::fromLatin1(sku);
    i.title = i.sku.toLower();
    if (*bin) {
        i.binId = product * 10;
        i.binCode = QString::fromLatin1(bin);
    }
    i.binSequence = sequence;
    i.quantity = quantity;
    return i;
}

} // namespace

// The pure rules of pick lists: codes, walking order, batching, waves, shortfalls.
class TestPickListRules : public QObject
{
    Q_OBJECT

private slots:
    void listCode_data();
    void listCode();
    void slotCodeRoundTrip_data();
    void slotCodeRoundTrip();
    void slotCodeRefused_data();
    void slotCodeRefused();
    void compareBinCodes_data();
    void compareBinCodes();
    void walkingOrder_data();
    void walkingOrder();
    void batchAggregation();
    void singleOrderList();
    void wave_data();
    void wave();
    void waveChoices();
    void shortfall_data();
    void shortfall();
    void kitPickItems_data();
    void kitPickItems();
    void kitPartsInTheWalk();
    void kitNote_data();
    void kitNote();
};

void TestPickListRules::listCode_data()
{
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QString>("code");
    QTest::newRow("first") << qint64(1) << QStringLiteral("PL-000001");
    QTest::newRow("twelve") << qint64(12) << QStringLiteral("PL-000012");
    QTest::newRow("six digits") << qint64(999999) << QStringLiteral("PL-999999");
    QTest::newRow("past six digits") << qint64(1234567) << QStringLiteral("PL-1234567");
}

void TestPickListRules::listCode()
{
    QFETCH(qint64, id);
    QFETCH(QString, code);
    QCOMPARE(models::pickListCode(id), code);
    QCOMPARE(models::parsePickListCode(code), std::optional<qint64>(id));
    QCOMPARE(models::parsePickListCode(code.toLower() + QStringLiteral("\r\n")),
             std::optional<qint64>(id));
}

void TestPickListRules::slotCodeRoundTrip_data()
{
    QTest::addColumn<qint64>("list");
    QTest::addColumn<int>("slot");
    QTest::addColumn<QString>("code");
    QTest::newRow("slot 3 of list 12") << qint64(12) << 3 << QStringLiteral("PL-000012-03");
    QTest::newRow("slot 1") << qint64(1) << 1 << QStringLiteral("PL-000001-01");
    QTest::newRow("two-digit slot") << qint64(40) << 12 << QStringLiteral("PL-000040-12");
    QTest::newRow("slot past 99") << qint64(40) << 100 << QStringLiteral("PL-000040-100");
    QTest::newRow("long list id") << qint64(1234567) << 7 << QStringLiteral("PL-1234567-07");
}

void TestPickListRules::slotCodeRoundTrip()
{
    QFETCH(qint64, list);
    QFETCH(int, slot);
    QFETCH(QString, code);
    QCOMPARE(models::slotBarcode(list, slot), code);
    QCOMPARE(models::slotBarcode(models::pickListCode(list), slot), code);
    const auto parsed =
        models::parseSlotBarcode(QStringLiteral(" ") + code.toLower() + QStringLiteral("\n"));
    QVERIFY(parsed);
    QCOMPARE(parsed->listId, list);
    QCOMPARE(parsed->slot, slot);
    QCOMPARE(parsed->listCode, models::pickListCode(list));
    QVERIFY(!models::parsePickListCode(code)); // a slot code is not a list code
}

void TestPickListRules::slotCodeRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("list code only") << QStringLiteral("PL-000012");
    QTest::newRow("one-digit slot") << QStringLiteral("PL-000012-3");
    QTest::newRow("slot zero") << QStringLiteral("PL-000012-00");
    QTest::newRow("short list id") << QStringLiteral("PL-12-03");
    QTest::newRow("wrong prefix") << QStringLiteral("PO-000012-03");
    QTest::newRow("letters in slot") << QStringLiteral("PL-000012-0A");
    QTest::newRow("trailing dash") << QStringLiteral("PL-000012-");
    QTest::newRow("an EAN") << QStringLiteral("5012345678900");
}

void TestPickListRules::slotCodeRefused()
{
    QFETCH(QString, text);
    QVERIFY(!models::parseSlotBarcode(text));
}

void TestPickListRules::compareBinCodes_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected"); // sign
    QTest::newRow("A-2 before A-10") << QStringLiteral("A-2") << QStringLiteral("A-10") << -1;
    QTest::newRow("A-10 after A-2") << QStringLiteral("A-10") << QStringLiteral("A-2") << 1;
    QTest::newRow("B-1-9 before B-1-10")
        << QStringLiteral("B-1-9") << QStringLiteral("B-1-10") << -1;
    QTest::newRow("aisle before bay") << QStringLiteral("A-20-4") << QStringLiteral("B-01-1") << -1;
    QTest::newRow("case does not matter") << QStringLiteral("a-3") << QStringLiteral("A-4") << -1;
    QTest::newRow("case ties upper first") << QStringLiteral("A-3") << QStringLiteral("a-3") << -1;
    QTest::newRow("zeros by value") << QStringLiteral("A-02") << QStringLiteral("A-10") << -1;
    QTest::newRow("zeros tie fewer first") << QStringLiteral("A-1") << QStringLiteral("A-01") << -1;
    QTest::newRow("zeros tie, other side")
        << QStringLiteral("A-001") << QStringLiteral("A-01") << 1;
    QTest::newRow("zero tie does not beat value")
        << QStringLiteral("A-01-9") << QStringLiteral("A-1-10") << -1;
    QTest::newRow("prefix first") << QStringLiteral("A-1") << QStringLiteral("A-1-1") << -1;
    QTest::newRow("same") << QStringLiteral("C-07-2") << QStringLiteral("C-07-2") << 0;
    QTest::newRow("numbers beyond 64 bits") << QStringLiteral("X-99999999999999999999")
                                            << QStringLiteral("X-100000000000000000000") << -1;
    QTest::newRow("digit before letter") << QStringLiteral("A-1") << QStringLiteral("A-B") << -1;
}

void TestPickListRules::compareBinCodes()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    const int got = models::compareBinCodes(a, b);
    QCOMPARE((got > 0) - (got < 0), expected);
    const int back = models::compareBinCodes(b, a);
    QCOMPARE((back > 0) - (back < 0), -expected);
}

void TestPickListRules::walkingOrder_data()
{
    QTest::addColumn<QStringList>("bins"); // "code@sequence", "" for no bin, in input order
    QTest::addColumn<QStringList>("walked");

    QTest::newRow("natural codes, no sequence")
        << QStringList{QStringLiteral("A-10@0"), QStringLiteral("A-2@0"),
                       QStringLiteral("B-1-10@0"), QStringLiteral("B-1-9@0")}
        << QStringList{QStringLiteral("A-2"), QStringLiteral("A-10"), QStringLiteral("B-1-9"),
                       QStringLiteral("B-1-10")};
    QTest::newRow("sequence before code")
        << QStringList{QStringLiteral("A-1@30"), QStringLiteral("C-5@10"), QStringLiteral("B-2@20")}
        << QStringList{QStringLiteral("C-5"), QStringLiteral("B-2"), QStringLiteral("A-1")};
    QTest::newRow("no bin last") << QStringList{QString(), QStringLiteral("Z-9@99"),
                                                QStringLiteral("A-1@0")}
                                 << QStringList{QStringLiteral("A-1"), QStringLiteral("Z-9"),
                                                QString()};
    QTest::newRow("snake aisle by sequence")
        << QStringList{QStringLiteral("B-01-1@1190"), QStringLiteral("B-20-1@1000"),
                       QStringLiteral("A-20-1@190"), QStringLiteral("A-01-1@0")}
        << QStringList{QStringLiteral("A-01-1"), QStringLiteral("A-20-1"), QStringLiteral("B-20-1"),
                       QStringLiteral("B-01-1")};
}

void TestPickListRules::walkingOrder()
{
    QFETCH(QStringList, bins);
    QFETCH(QStringList, walked);
    QList<PickItem> items;
    qint64 product = 0;
    for (const QString &b : bins) {
        ++product;
        PickItem i;
        i.slot = 1;
        i.orderLineId = product;
        i.productId = product;
        i.sku = QStringLiteral("SKU-%1").arg(product);
        i.quantity = 1;
        if (!b.isEmpty()) {
            i.binId = product;
            i.binCode = b.section(QLatin1Char('@'), 0, 0);
            i.binSequence = b.section(QLatin1Char('@'), 1).toInt();
        }
        items.append(i);
    }
    const QList<PickLine> lines = models::aggregatePickLines(items);
    QStringList got;
    for (const PickLine &l : lines)
        got.append(l.binCode);
    QCOMPARE(got, walked);
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(lines.at(i).lineNo, int(i + 1));
}

void TestPickListRules::batchAggregation()
{
    // Three orders in slots 1..3; the mug is in every order, the tee in two bins.
    const QList<PickItem> items{
        item(2, 21, 1, "MUG-01", "A-10", 0, 2), item(1, 11, 1, "MUG-01", "A-10", 0, 1),
        item(1, 12, 2, "TEE-M", "A-2", 0, 3),   item(3, 31, 1, "MUG-01", "A-10", 0, 4),
        item(3, 32, 3, "CAP-01", "", 0, 1),     item(2, 22, 2, "TEE-M", "A-2", 0, 1),
        item(2, 23, 4, "ZERO", "A-1", 0, 0),
    };
    const QList<PickLine> lines = models::aggregatePickLines(items);
    QCOMPARE(lines.size(), 3); // the zero-quantity item is left out
    QCOMPARE(lines.at(0).sku, QStringLiteral("TEE-M"));
    QCOMPARE(lines.at(0).quantity, 4);
    QCOMPARE(lines.at(0).allocations.size(), 2);
    QCOMPARE(lines.at(0).allocations.at(0).slot, 1);
    QCOMPARE(lines.at(0).allocations.at(0).quantity, 3);
    QCOMPARE(lines.at(0).allocations.at(1).slot, 2);
    QCOMPARE(lines.at(1).sku, QStringLiteral("MUG-01"));
    QCOMPARE(lines.at(1).quantity, 7);
    QList<int> slotNumbers;
    for (const auto &a : lines.at(1).allocations)
        slotNumbers.append(a.slot);
    QCOMPARE(slotNumbers, (QList<int>{1, 2, 3}));
    QCOMPARE(lines.at(1).allocations.at(2).quantity, 4);
    QCOMPARE(lines.at(1).allocations.at(2).orderLineId, qint64(31));
    QCOMPARE(lines.at(2).sku, QStringLiteral("CAP-01"));
    QVERIFY(lines.at(2).binCode.isEmpty());
    QVERIFY(!lines.at(2).binId);

    // The same product in two bins is two lines.
    const QList<PickLine> split =
        models::aggregatePickLines({item(1, 11, 1, "MUG-01", "A-10", 0, 1), [] {
                                        PickItem i = item(2, 21, 1, "MUG-01", "B-1", 0, 2);
                                        i.binId = 99;
                                        return i;
                                    }()});
    QCOMPARE(split.size(), 2);
    QCOMPARE(split.at(0).binCode, QStringLiteral("A-10"));
    QCOMPARE(split.at(1).binCode, QStringLiteral("B-1"));
}

void TestPickListRules::singleOrderList()
{
    // One order, two lines of the same product (a bundle split on the channel).
    const QList<PickLine> lines = models::aggregatePickLines(
        {item(1, 11, 1, "MUG-01", "A-3", 0, 1), item(1, 12, 1, "MUG-01", "A-3", 0, 2),
         item(1, 13, 2, "TEE-M", "A-1", 0, 1)});
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).sku, QStringLiteral("TEE-M"));
    QCOMPARE(lines.at(1).quantity, 3);
    QCOMPARE(lines.at(1).allocations.size(), 2);
    for (const auto &a : lines.at(1).allocations)
        QCOMPARE(a.slot, 1);
}

void TestPickListRules::wave_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QList<qint64>>("selection");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<qint64>>("expected");

    const int next = int(WaveKind::NextOrders);
    // Priority: manual 5 (#4), then expedited (#2), then oldest placed.
    QTest::newRow("next 3") << next << QString() << QList<qint64>() << 3 << QList<qint64>{4, 2, 1};
    QTest::newRow("next, no limit")
        << next << QString() << QList<qint64>() << 0 << QList<qint64>{4, 2, 1, 3, 5, 6};
    QTest::newRow("limit above count")
        << next << QString() << QList<qint64>() << 50 << QList<qint64>{4, 2, 1, 3, 5, 6};
    QTest::newRow("channel shopify") << int(WaveKind::Channel) << QStringLiteral("shopify")
                                     << QList<qint64>() << 0 << QList<qint64>{4, 1, 6};
    QTest::newRow("channel with limit") << int(WaveKind::Channel) << QStringLiteral("amazon")
                                        << QList<qint64>() << 1 << QList<qint64>{2};
    QTest::newRow("channel none") << int(WaveKind::Channel) << QStringLiteral("etsy")
                                  << QList<qint64>() << 0 << QList<qint64>();
    QTest::newRow("priority orders")
        << int(WaveKind::Priority) << QString() << QList<qint64>() << 0 << QList<qint64>{4, 2};
    QTest::newRow("carrier Royal Mail 48")
        << int(WaveKind::Carrier) << QStringLiteral("Royal Mail 48") << QList<qint64>() << 0
        << QList<qint64>{1, 3, 6};
    QTest::newRow("carrier DPD") << int(WaveKind::Carrier) << QStringLiteral("DPD Next Day")
                                 << QList<qint64>() << 0 << QList<qint64>{4, 2};
    QTest::newRow("no service") << int(WaveKind::Carrier) << QString() << QList<qint64>() << 0
                                << QList<qint64>{5};
    QTest::newRow("selection, priority order")
        << int(WaveKind::Selection) << QString() << QList<qint64>{6, 3, 2, 99} << 0
        << QList<qint64>{2, 3, 6};
    QTest::newRow("selection with limit") << int(WaveKind::Selection) << QString()
                                          << QList<qint64>{6, 3, 2} << 2 << QList<qint64>{2, 3};
}

void TestPickListRules::wave()
{
    QFETCH(int, kind);
    QFETCH(QString, value);
    QFETCH(QList<qint64>, selection);
    QFETCH(int, limit);
    QFETCH(QList<qint64>, expected);

    WaveSpec spec;
    spec.kind = WaveKind(kind);
    spec.channelCode = value;
    spec.shippingService = value;
    spec.selection = QSet<qint64>(selection.cbegin(), selection.cend());
    spec.limit = limit;
    const QList<WaveCandidate> wave =
        models::selectWave(readyOrders(), spec, models::OrderPriority());
    QList<qint64> got;
    for (const WaveCandidate &c : wave)
        got.append(c.priority.orderId);
    QCOMPARE(got, expected);
}

void TestPickListRules::waveChoices()
{
    const auto channels = models::channelCounts(readyOrders());
    QCOMPARE(channels.size(), 3);
    QCOMPARE(channels.at(0), qMakePair(QStringLiteral("shopify"), 3));
    QCOMPARE(channels.at(1), qMakePair(QStringLiteral("amazon"), 2));
    QCOMPARE(channels.at(2), qMakePair(QStringLiteral("ebay"), 1));
    const auto services = models::serviceCounts(readyOrders());
    QCOMPARE(services.size(), 3);
    QCOMPARE(services.at(0), qMakePair(QStringLiteral("Royal Mail 48"), 3));
    QCOMPARE(services.at(1), qMakePair(QStringLiteral("DPD Next Day"), 2));
    QCOMPARE(services.at(2), qMakePair(QString(), 1));
}

void TestPickListRules::shortfall_data()
{
    QTest::addColumn<QList<int>>("quantities"); // orders 1.. in priority order
    QTest::addColumn<int>("missing");
    QTest::addColumn<QList<int>>("expected"); // pairs: order, units missing

    QTest::newRow("last order takes one") << QList<int>{2, 2, 1} << 1 << QList<int>{3, 1};
    QTest::newRow("spills to the one before") << QList<int>{2, 2, 1} << 2 << QList<int>{3, 1, 2, 1};
    QTest::newRow("two whole orders") << QList<int>{2, 2, 1} << 3 << QList<int>{3, 1, 2, 2};
    QTest::newRow("everything") << QList<int>{2, 2, 1} << 5 << QList<int>{3, 1, 2, 2, 1, 2};
    QTest::newRow("more than there is") << QList<int>{1, 1} << 9 << QList<int>{2, 1, 1, 1};
    QTest::newRow("nothing missing") << QList<int>{1, 1} << 0 << QList<int>{};
    QTest::newRow("single order") << QList<int>{4} << 3 << QList<int>{1, 3};
}

void TestPickListRules::shortfall()
{
    QFETCH(QList<int>, quantities);
    QFETCH(int, missing);
    QFETCH(QList<int>, expected);
    QList<models::ShortfallShare> orders;
    for (qsizetype i = 0; i < quantities.size(); ++i)
        orders.append({i + 1, quantities.at(i)});
    QList<int> got;
    for (const auto &s : models::assignShortfall(orders, missing))
        got << int(s.orderId) << s.quantity;
    QCOMPARE(got, expected);
}

void TestPickListRules::kitPickItems_data()
{
    QTest::addColumn<int>("kits");
    QTest::addColumn<QList<int>>("perKit");
    QTest::addColumn<QList<int>>("units");

    QTest::newRow("one gift set: 1 mug, 2 coasters") << 1 << QList<int>{1, 2} << QList<int>{1, 2};
    QTest::newRow("three gift sets") << 3 << QList<int>{1, 2} << QList<int>{3, 6};
    QTest::newRow("one part, twelve of it") << 2 << QList<int>{12} << QList<int>{24};
    QTest::newRow("nothing left to ship") << 0 << QList<int>{1, 2} << QList<int>{0, 0};
}

void TestPickListRules::kitPickItems()
{
    QFETCH(int, kits);
    QFETCH(QList<int>, perKit);
    QFETCH(QList<int>, units);

    PickItem kitLine = item(4, 77, 50, "GIFT-01", "", 0, kits);
    QList<models::KitComponent> parts;
    for (int i = 0; i < perKit.size(); ++i)
        parts.append({qint64(60 + i), QStringLiteral("PART-%1").arg(i),
                      QStringLiteral("Part %1").arg(i), perKit.at(i), 100});
    const QList<PickItem> items = models::kitPickItems(kitLine, parts);
    QCOMPARE(items.size(), perKit.size());
    for (int i = 0; i < items.size(); ++i) {
        const PickItem &p = items.at(i);
        QCOMPARE(p.productId, qint64(60 + i));
        QCOMPARE(p.sku, QStringLiteral("PART-%1").arg(i));
        QCOMPARE(p.title, QStringLiteral("Part %1").arg(i));
        QCOMPARE(p.quantity, units.at(i));
        QCOMPARE(p.kitSku, QStringLiteral("GIFT-01"));
        QCOMPARE(p.slot, 4);
        QCOMPARE(p.orderId, kitLine.orderId);
        QCOMPARE(p.orderLineId, qint64(77)); // counted against the kit's line
        QVERIFY(!p.binId);
    }
    // Parts of a kit with nothing to ship are left out when lines are put together.
    QCOMPARE(models::aggregatePickLines(items).isEmpty(), kits == 0);
}

void TestPickListRules::kitPartsInTheWalk()
{
    // Slot 1: GIFT-01 ×2 (1 mug, 2 coasters each) and a coaster of its own; slot 2: a mug.
    // Coasters at A-5, mugs at A-10: the walk and the slot shares count parts.
    PickItem gift = item(1, 11, 50, "GIFT-01", "", 0, 2);
    QList<PickItem> items = models::kitPickItems(
        gift, {{1, QStringLiteral("MUG-01"), QStringLiteral("Mug"), 1, 400},
               {5, QStringLiteral("COASTER-01"), QStringLiteral("Coaster"), 2, 80}});
    for (PickItem &i : items) {
        i.binId = i.productId * 10;
        i.binCode = i.productId == 1 ? QStringLiteral("A-10") : QStringLiteral("A-5");
    }
    items.append(item(1, 12, 5, "COASTER-01", "A-5", 0, 1));
    items.append(item(2, 21, 1, "MUG-01", "A-10", 0, 1));
    const QList<PickLine> lines = models::aggregatePickLines(items);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).sku, QStringLiteral("COASTER-01"));
    QCOMPARE(lines.at(0).quantity, 5);
    QCOMPARE(lines.at(0).allocations.size(), 2);
    QCOMPARE(lines.at(0).allocations.at(0).orderLineId, qint64(11));
    QCOMPARE(lines.at(0).allocations.at(0).quantity, 4);
    QCOMPARE(lines.at(0).allocations.at(0).kitSku, QStringLiteral("GIFT-01"));
    QCOMPARE(lines.at(0).allocations.at(1).quantity, 1);
    QVERIFY(lines.at(0).allocations.at(1).kitSku.isEmpty());
    QCOMPARE(models::pickKitNote(lines.at(0).allocations),
             QStringLiteral("4 for GIFT-01, 1 on its own"));
    QCOMPARE(lines.at(1).sku, QStringLiteral("MUG-01"));
    QCOMPARE(lines.at(1).quantity, 3);
    QCOMPARE(models::pickKitNote(lines.at(1).allocations),
             QStringLiteral("2 for GIFT-01, 1 on its own"));
}

void TestPickListRules::kitNote_data()
{
    QTest::addColumn<QStringList>("kits"); // one allocation each: "SKU=units", "=units" alone
    QTest::addColumn<QString>("note");

    QTest::newRow("no kit") << QStringList{QStringLiteral("=2"), QStringLiteral("=1")} << QString();
    QTest::newRow("nothing") << QStringList{} << QString();
    QTest::newRow("one kit") << QStringList{QStringLiteral("GIFT-01=2")}
                             << QStringLiteral("for GIFT-01");
    QTest::newRow("one kit in two slots")
        << QStringList{QStringLiteral("GIFT-01=2"), QStringLiteral("GIFT-01=4")}
        << QStringLiteral("for GIFT-01");
    QTest::newRow("a kit and the part on its own")
        << QStringList{QStringLiteral("=1"), QStringLiteral("GIFT-01=2"), QStringLiteral("=3")}
        << QStringLiteral("4 on its own, 2 for GIFT-01");
    QTest::newRow("two kits sharing a part")
        << QStringList{QStringLiteral("GIFT-01=2"), QStringLiteral("BOX-02=1")}
        << QStringLiteral("2 for GIFT-01, 1 for BOX-02");
}

void TestPickListRules::kitNote()
{
    QFETCH(QStringList, kits);
    QFETCH(QString, note);
    QList<models::PickAllocation> allocations;
    int slot = 0;
    for (const QString &k : kits) {
        models::PickAllocation a;
        a.slot = ++slot;
        a.orderLineId = slot;
        a.kitSku = k.section(QLatin1Char('='), 0, 0);
        a.quantity = k.section(QLatin1Char('='), 1).toInt();
        allocations.append(a);
    }
    QCOMPARE(models::pickKitNote(allocations), note);
}

QTEST_APPLESS_MAIN(TestPickListRules)
#include "tst_picklistrules.moc"
