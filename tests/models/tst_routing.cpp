#include "models/routing.h"

#include <QTest>

using models::LocationKind;
using models::RateTable;
using models::Router;
using models::RoutingDecision;
using models::RoutingLocation;
using models::RoutingRequest;
using models::ShippingRate;
using Outcome = models::RoutingDecision::Outcome;

namespace {

// Products 1 (MUG), 2 (TEE), 3 (CAP); locations 10 LDS, 20 MKY (warehouses, GB),
// 30 BRS (store, GB), 40 RTM (3PL, NL).
enum Product : qint64
{
    Mug = 1,
    Tee = 2,
    Cap = 3,
    Coaster = 4,
    Gift = 5, // a kit: 1 × MUG + 2 × COASTER
};

RoutingLocation location(qint64 id, const char *code, LocationKind kind, const char *country,
                         QHash<qint64, int> available)
{
    RoutingLocation l;
    l.id = id;
    l.code = QString::fromLatin1(code);
    l.kind = kind;
    l.country = QString::fromLatin1(country);
    l.routingPriority = static_cast<int>(id);
    l.available = std::move(available);
    return l;
}

ShippingRate rate(std::optional<qint64> location, const char *from, const char *to,
                  const char *prefix, std::optional<int> maxGrams, qint64 cost, int days)
{
    ShippingRate r;
    r.locationId = location;
    r.fromCountry = QString::fromLatin1(from);
    r.country = QString::fromLatin1(to);
    r.postcodePrefix = QString::fromLatin1(prefix);
    r.maxWeightGrams = maxGrams;
    r.costMinor = cost;
    r.currency = QStringLiteral("GBP");
    r.transitDays = days;
    return r;
}

models::RoutingLine line(qint64 id, Product p, int quantity)
{
    const char *skus[] = {"", "MUG", "TEE", "CAP", "COASTER", "GIFT"};
    models::RoutingLine l;
    l.lineId = id;
    l.productId = p;
    l.sku = QString::fromLatin1(skus[p]);
    l.quantity = quantity;
    l.unitWeightGrams = 400;
    return l;
}

// A line of GIFT, the kit of 1 × MUG and 2 × COASTER (or of `components`).
models::RoutingLine
kitLine(qint64 id, int quantity,
        QList<models::KitComponent> components = {
            {Mug, QStringLiteral("MUG"), QStringLiteral("Mug"), 1, 400},
            {Coaster, QStringLiteral("COASTER"), QStringLiteral("Coaster"), 2, 100}})
{
    models::RoutingLine l = line(id, Gift, quantity);
    l.unitWeightGrams = 600;
    l.isKit = true;
    l.components = std::move(components);
    return l;
}

// "line/product×quantity@location" for each allocation, in order.
QStringList allocationWords(const RoutingDecision &d)
{
    QStringList out;
    for (const models::LineAllocation &a : d.allocations)
        out.append(QStringLiteral("%1/%2×%3@%4")
                       .arg(a.lineId)
                       .arg(a.productId)
                       .arg(a.quantity)
                       .arg(a.locationId));
    return out;
}

// GB locations ship at home for £3.95 (2 days) and abroad for £10.50; RTM ships in the
// EU for £6.50 and to GB for £11.50.
RateTable standardRates()
{
    return RateTable({rate({}, "GB", "GB", "", {}, 395, 2), rate({}, "GB", "", "", {}, 1050, 4),
                      rate({}, "NL", "", "", {}, 650, 2), rate({}, "NL", "GB", "", {}, 1150, 4)});
}

RoutingRequest request(QList<models::RoutingLine> lines, QList<RoutingLocation> locations)
{
    RoutingRequest r;
    r.lines = std::move(lines);
    r.country = QStringLiteral("GB");
    r.postcode = QStringLiteral("LS1 4AP");
    r.locations = std::move(locations);
    r.rates = standardRates();
    return r;
}

QList<qint64> locationsOf(const RoutingDecision &d)
{
    QList<qint64> out;
    for (const models::LineAllocation &a : d.allocations)
        out.append(a.locationId);
    return out;
}

} // namespace

Q_DECLARE_METATYPE(RoutingRequest)
Q_DECLARE_METATYPE(Outcome)

class TestRouting : public QObject
{
    Q_OBJECT

private slots:
    void route_data();
    void route();
    void rateSpecificity_data();
    void rateSpecificity();
    void routedOrderReservesEveryLineInFull();
    void kits_data();
    void kits();
};

void TestRouting::route_data()
{
    QTest::addColumn<RoutingRequest>("req");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<qint64>("location");       // 0: none expected
    QTest::addColumn<QList<qint64>>("perLine"); // location of each allocation, in line order
    QTest::addColumn<QStringList>("words");     // the reason must contain each

    const auto W = LocationKind::Warehouse;
    const auto S = LocationKind::Store;
    const auto T = LocationKind::ThirdPartyLogistics;
    using L = QList<qint64>;
    using Words = QStringList;

    QTest::newRow("whole: only one location has all lines")
        << request({line(1, Mug, 1), line(2, Tee, 1), line(3, Cap, 1)},
                   {location(10, "LDS", W, "GB", {{Mug, 5}, {Tee, 5}, {Cap, 5}}),
                    location(20, "MKY", W, "GB", {{Mug, 5}, {Tee, 5}})})
        << Outcome::Routed << qint64(10) << L{10, 10, 10}
        << Words{QStringLiteral("Routed to LDS"), QStringLiteral("only location with all 3 lines"),
                 QStringLiteral("£3.95")};

    QTest::newRow("whole beats a cheaper split")
        << request({line(1, Mug, 1), line(2, Tee, 1)},
                   {location(10, "LDS", W, "GB", {{Mug, 1}}),
                    location(20, "MKY", W, "GB", {{Tee, 1}}),
                    location(40, "RTM", T, "NL", {{Mug, 1}, {Tee, 1}})})
        << Outcome::Routed << qint64(40) << L{40, 40}
        << Words{QStringLiteral("Routed to RTM"), QStringLiteral("£11.50 vs £7.90 in 2 parcels")};

    QTest::newRow("cost: cheapest whole location wins")
        << request({line(1, Mug, 2)}, {location(10, "LDS", W, "GB", {{Mug, 2}}),
                                       location(40, "RTM", T, "NL", {{Mug, 9}})})
        << Outcome::Routed << qint64(10) << L{10}
        << Words{QStringLiteral("cheapest of 2 locations"),
                 QStringLiteral("£3.95 vs £11.50 from RTM")};

    {
        RoutingRequest r = request({line(1, Mug, 1)}, {location(10, "LDS", W, "GB", {{Mug, 3}}),
                                                       location(20, "MKY", W, "GB", {{Mug, 3}})});
        r.rates =
            RateTable({rate(10, "", "GB", "", {}, 395, 3), rate(20, "", "GB", "", {}, 395, 1)});
        QTest::newRow("transit: same cost, sooner wins")
            << r << Outcome::Routed << qint64(20) << L{20}
            << Words{QStringLiteral("same cost as LDS"), QStringLiteral("1 day vs 3 days")};
        r.rates =
            RateTable({rate(10, "", "GB", "", {}, 350, 3), rate(20, "", "GB", "", {}, 395, 1)});
        QTest::newRow("cost before transit") << r << Outcome::Routed << qint64(10) << L{10}
                                             << Words{QStringLiteral("£3.50 vs £3.95 from MKY")};
    }

    {
        RoutingRequest r = request({line(1, Mug, 2)}, {location(10, "LDS", W, "GB", {{Mug, 2}}),
                                                       location(40, "RTM", T, "NL", {{Mug, 9}})});
        r.preferredLocationId = 40;
        QTest::newRow("rule: preferred location ships whole, though dearer")
            << r << Outcome::Routed << qint64(40) << L{40}
            << Words{QStringLiteral("Routed to RTM: chosen by an automation rule"),
                     QStringLiteral("£11.50"), QStringLiteral("£3.95 from LDS")};
        r.preferredLocationId = 10;
        QTest::newRow("rule: preferred location is the best anyway")
            << r << Outcome::Routed << qint64(10) << L{10}
            << Words{QStringLiteral("cheapest of 2 locations")};
        r.locations = {location(10, "LDS", W, "GB", {{Mug, 1}}),
                       location(40, "RTM", T, "NL", {{Mug, 9}})};
        QTest::newRow("rule: preferred location short, the usual rules decide")
            << r << Outcome::Routed << qint64(40) << L{40}
            << Words{QStringLiteral("only location with 2")};
    }

    {
        RoutingLocation lds = location(10, "LDS", W, "GB", {{Mug, 3}});
        RoutingLocation mky = location(20, "MKY", W, "GB", {{Mug, 3}});
        lds.dailyCapacity = 100;
        lds.routedToday = 90;
        mky.dailyCapacity = 50;
        mky.routedToday = 10;
        QTest::newRow("capacity: more spare capacity wins a tie")
            << request({line(1, Mug, 1)}, {lds, mky}) << Outcome::Routed << qint64(20) << L{20}
            << Words{QStringLiteral("more spare capacity today (40 vs 10)")};
        mky.routedToday = 50;
        RoutingRequest r = request({line(1, Mug, 1)}, {lds, mky});
        r.rates =
            RateTable({rate(10, "", "GB", "", {}, 900, 2), rate(20, "", "GB", "", {}, 395, 2)});
        QTest::newRow("capacity: a full location loses even when cheaper")
            << r << Outcome::Routed << qint64(10) << L{10}
            << Words{QStringLiteral("MKY is at its daily capacity (50 orders)")};
        lds.routedToday = 100;
        QTest::newRow("capacity: all full, still shipped by the best")
            << request({line(1, Mug, 1)}, {lds, mky}) << Outcome::Routed << qint64(10) << L{10}
            << Words{QStringLiteral("Routed to LDS")};
    }

    {
        RoutingLocation lds = location(10, "LDS", W, "GB", {{Mug, 3}});
        RoutingLocation mky = location(20, "MKY", W, "GB", {{Mug, 3}});
        lds.lastReceipt.insert(Mug, QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC));
        mky.lastReceipt.insert(Mug, QDateTime(QDate(2026, 10, 2), QTime(8, 0), Qt::UTC));
        QTest::newRow("stock age: older stock wins a tie")
            << request({line(1, Mug, 1)}, {lds, mky}) << Outcome::Routed << qint64(20) << L{20}
            << Words{QStringLiteral("older stock (received 2026-10-02 vs 2026-11-01)")};
    }

    QTest::newRow("routing order settles the rest")
        << request({line(1, Mug, 1)}, {location(20, "MKY", W, "GB", {{Mug, 3}}),
                                       location(10, "LDS", W, "GB", {{Mug, 3}})})
        << Outcome::Routed << qint64(10) << L{10}
        << Words{QStringLiteral("first in routing order")};

    {
        RoutingLocation brs = location(30, "BRS", S, "GB", {{Mug, 2}});
        brs.storeBuffer = 1;
        RoutingLocation lds = location(10, "LDS", W, "GB", {{Mug, 1}});
        QTest::newRow("store buffer: the shelf keeps one for walk-ins")
            << request({line(1, Mug, 2)}, {brs, lds}) << Outcome::Backorder << qint64(10) << L{}
            << Words{QStringLiteral("no location has 2 × MUG")};
        brs.available[Mug] = 3;
        QTest::newRow("store buffer: enough above the buffer")
            << request({line(1, Mug, 2)}, {brs, lds}) << Outcome::Routed << qint64(30) << L{30}
            << Words{QStringLiteral("Routed to BRS")};
        brs.shipsFromStore = false;
        QTest::newRow("store that does not ship online orders is skipped")
            << request({line(1, Mug, 2)}, {brs, lds}) << Outcome::Backorder << qint64(10) << L{}
            << Words{QStringLiteral("Backordered at LDS")};
    }

    const QList<RoutingLocation> halves = {location(10, "LDS", W, "GB", {{Mug, 1}, {Cap, 1}}),
                                           location(20, "MKY", W, "GB", {{Tee, 1}})};
    {
        RoutingRequest r = request({line(1, Mug, 1), line(2, Tee, 1), line(3, Cap, 1)}, halves);
        QTest::newRow("split allowed: two parcels cost less than waiting")
            << r << Outcome::Split << qint64(10) << L{10, 20, 10}
            << Words{QStringLiteral("Split: LDS 2 lines + MKY 1 line"),
                     QStringLiteral("£7.90 in 2 parcels vs £3.95 + £7.00 for 7 days of waiting")};
        r.policy.waitCostPerDayMinor = 50;
        QTest::newRow("split allowed but waiting is cheaper")
            << r << Outcome::Backorder << qint64(10) << L{}
            << Words{QStringLiteral("Backordered at LDS"), QStringLiteral("waiting is cheaper")};
        r.policy.waitCostPerDayMinor = 100;
        r.policy.split = models::SplitPolicy::Never;
        QTest::newRow("split never: backorder at the location holding most")
            << r << Outcome::Backorder << qint64(10) << L{}
            << Words{QStringLiteral(
                   "Backordered at LDS: no location has all 3 lines; splitting is off")};
        r.policy.shortfall = models::ShortfallPolicy::Hold;
        QTest::newRow("split never, shortfall hold")
            << r << Outcome::Hold << qint64(10) << L{}
            << Words{QStringLiteral("Out of stock"), QStringLiteral("waiting at LDS")};
        r.policy.split = models::SplitPolicy::Ask;
        QTest::newRow("split ask: needs a decision")
            << r << Outcome::Hold << qint64(10) << L{}
            << Words{QStringLiteral("Needs a decision: split?"),
                     QStringLiteral("LDS 2 lines + MKY 1 line")};
    }

    QTest::newRow("no stock anywhere: backorder")
        << request({line(1, Mug, 1)},
                   {location(10, "LDS", W, "GB", {}), location(20, "MKY", W, "GB", {{Mug, 0}})})
        << Outcome::Backorder << qint64(10) << L{}
        << Words{QStringLiteral("no location has 1 × MUG")};

    {
        RoutingRequest r = request({line(1, Mug, 1)}, {location(10, "LDS", W, "GB", {{Mug, 1}})});
        r.policy.shortfall = models::ShortfallPolicy::Hold;
        r.lines.first().quantity = 2;
        QTest::newRow("no stock, shortfall hold")
            << r << Outcome::Hold << qint64(10) << L{}
            << Words{QStringLiteral("Out of stock: no location has 2 × MUG")};
        r.country = QStringLiteral("JP");
        r.rates = RateTable({rate({}, "GB", "GB", "", {}, 395, 2)});
        QTest::newRow("no rate to the destination")
            << r << Outcome::Hold << qint64(0) << L{}
            << Words{QStringLiteral("No location ships a 0.8 kg parcel to JP")};
    }
    {
        RoutingRequest r = request({line(1, Mug, 3)}, {location(10, "LDS", W, "GB", {{Mug, 5}}),
                                                       location(40, "RTM", T, "NL", {{Mug, 5}})});
        r.rates = RateTable(
            {rate({}, "GB", "GB", "", 1000, 395, 2), rate({}, "NL", "", "", {}, 1150, 4)});
        QTest::newRow("weight band: too heavy for the cheap band goes elsewhere")
            << r << Outcome::Routed << qint64(40) << L{40}
            << Words{QStringLiteral("only location with 3 × MUG")};
    }
}

void TestRouting::route()
{
    QFETCH(RoutingRequest, req);
    QFETCH(Outcome, outcome);
    QFETCH(qint64, location);
    QFETCH(QList<qint64>, perLine);
    QFETCH(QStringList, words);

    const RoutingDecision d = Router::route(req);
    QVERIFY2(d.outcome == outcome, qPrintable(d.reason));
    QCOMPARE(d.locationId.value_or(0), location);
    QCOMPARE(locationsOf(d), perLine);
    for (const QString &w : std::as_const(words))
        QVERIFY2(d.reason.contains(w), qPrintable(d.reason + QStringLiteral(" lacks: ") + w));
    if (outcome == Outcome::Hold)
        QVERIFY(d.holdKind.has_value());
}

void TestRouting::rateSpecificity_data()
{
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("postcode");
    QTest::addColumn<int>("grams");
    QTest::addColumn<qint64>("location");
    QTest::addColumn<qint64>("cost"); // -1: no rate

    QTest::newRow("generic domestic, light")
        << QStringLiteral("GB") << QStringLiteral("LS1 4AP") << 500 << qint64(10) << qint64(395);
    QTest::newRow("generic domestic, heavy band")
        << QStringLiteral("GB") << QStringLiteral("LS1 4AP") << 5000 << qint64(10) << qint64(695);
    QTest::newRow("postcode prefix beats country")
        << QStringLiteral("GB") << QStringLiteral("BT1 1AA") << 500 << qint64(10) << qint64(895);
    QTest::newRow("longer prefix beats shorter")
        << QStringLiteral("GB") << QStringLiteral("bt48 7aa") << 500 << qint64(10) << qint64(1195);
    QTest::newRow("location's own rate beats origin rates")
        << QStringLiteral("GB") << QStringLiteral("LS1 4AP") << 500 << qint64(20) << qint64(299);
    QTest::newRow("location's own rate still needs the country")
        << QStringLiteral("FR") << QStringLiteral("75001") << 500 << qint64(20) << qint64(1050);
    QTest::newRow("named country beats anywhere")
        << QStringLiteral("FR") << QStringLiteral("75001") << 500 << qint64(10) << qint64(1050);
    QTest::newRow("anywhere") << QStringLiteral("JP") << QStringLiteral("100-0001") << 500
                              << qint64(10) << qint64(1950);
    QTest::newRow("other origin's rates do not apply")
        << QStringLiteral("GB") << QStringLiteral("LS1 4AP") << 500 << qint64(40) << qint64(-1);
    QTest::newRow("over every band")
        << QStringLiteral("GB") << QStringLiteral("LS1 4AP") << 40000 << qint64(10) << qint64(-1);
}

void TestRouting::rateSpecificity()
{
    QFETCH(QString, country);
    QFETCH(QString, postcode);
    QFETCH(int, grams);
    QFETCH(qint64, location);
    QFETCH(qint64, cost);

    const RateTable table({
        rate({}, "GB", "GB", "", 2000, 395, 2),
        rate({}, "GB", "GB", "", 30000, 695, 2),
        rate({}, "GB", "GB", "BT", 30000, 895, 3),
        rate({}, "GB", "GB", "BT48", 30000, 1195, 4),
        rate({}, "GB", "FR", "", {}, 1050, 4),
        rate({}, "GB", "", "", 30000, 1950, 8),
        rate(20, "", "GB", "", {}, 299, 1),
    });
    const QString from = location == 40 ? QStringLiteral("NL") : QStringLiteral("GB");
    const std::optional<ShippingRate> found = table.find(location, from, country, postcode, grams);
    QCOMPARE(found ? found->costMinor : qint64(-1), cost);
}

void TestRouting::routedOrderReservesEveryLineInFull()
{
    RoutingRequest r = request({line(7, Mug, 2), line(8, Mug, 1)},
                               {location(10, "LDS", LocationKind::Warehouse, "GB", {{Mug, 2}}),
                                location(20, "MKY", LocationKind::Warehouse, "GB", {{Mug, 3}})});
    // The same product on two lines needs 3 in one place.
    const RoutingDecision d = Router::route(r);
    QCOMPARE(d.outcome, Outcome::Routed);
    QCOMPARE(d.locationId.value_or(0), qint64(20));
    QCOMPARE(d.allocations.size(), 2);
    QCOMPARE(d.allocations.at(0).quantity + d.allocations.at(1).quantity, 3);
}

void TestRouting::kits_data()
{
    QTest::addColumn<RoutingRequest>("req");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<qint64>("location");         // 0: none expected
    QTest::addColumn<QStringList>("allocations"); // "line/product×quantity@location"
    QTest::addColumn<QStringList>("words");       // the reason must contain each
    QTest::addColumn<QStringList>("notWords");    // ...and none of these

    const auto W = LocationKind::Warehouse;
    const auto S = LocationKind::Store;
    const auto A = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *i : items)
            out.append(QString::fromUtf8(i));
        return out;
    };
    using Words = QStringList;

    QTest::newRow("kit covered where every part is")
        << request({kitLine(1, 1)}, {location(10, "LDS", W, "GB", {{Mug, 5}, {Coaster, 1}}),
                                     location(20, "MKY", W, "GB", {{Mug, 1}, {Coaster, 2}})})
        << Outcome::Routed << qint64(20) << A({"1/1×1@20", "1/4×2@20"})
        << Words{QStringLiteral("Routed to MKY"), QStringLiteral("only location with 1 × GIFT")}
        << Words{};

    QTest::newRow("kit: the scarcest part decides")
        << request({kitLine(1, 2)}, {location(10, "LDS", W, "GB", {{Mug, 9}, {Coaster, 3}}),
                                     location(20, "MKY", W, "GB", {{Mug, 2}, {Coaster, 4}})})
        << Outcome::Routed << qint64(20) << A({"1/1×2@20", "1/4×4@20"})
        << Words{QStringLiteral("only location with 2 × GIFT")} << Words{};

    QTest::newRow("kit: parts in two places are no kit anywhere")
        << request({kitLine(1, 1)}, {location(10, "LDS", W, "GB", {{Mug, 5}}),
                                     location(20, "MKY", W, "GB", {{Coaster, 5}})})
        << Outcome::Backorder << qint64(10) << A({})
        << Words{QStringLiteral("no location has 1 × GIFT")} << Words{QStringLiteral("Split")};

    QTest::newRow("kit: the scarcest part short everywhere")
        << request({kitLine(1, 2)}, {location(10, "LDS", W, "GB", {{Mug, 9}, {Coaster, 3}}),
                                     location(20, "MKY", W, "GB", {{Mug, 1}, {Coaster, 9}})})
        << Outcome::Backorder << qint64(10) << A({})
        << Words{QStringLiteral("Backordered at LDS"), QStringLiteral("no location has 2 × GIFT")}
        << Words{};

    {
        RoutingLocation brs = location(30, "BRS", S, "GB", {{Mug, 2}, {Coaster, 2}});
        brs.storeBuffer = 1;
        QTest::newRow("kit: a store keeps its buffer of every part")
            << request({kitLine(1, 1)}, {brs}) << Outcome::Backorder << qint64(30) << A({})
            << Words{QStringLiteral("no location has 1 × GIFT")} << Words{};
    }

    QTest::newRow("kit stays whole while other lines split")
        << request({kitLine(1, 1), line(2, Tee, 1)},
                   {location(10, "LDS", W, "GB", {{Mug, 1}, {Coaster, 2}, {Tee, 0}}),
                    location(20, "MKY", W, "GB", {{Mug, 1}, {Coaster, 1}, {Tee, 1}})})
        << Outcome::Split << qint64(10) << A({"1/1×1@10", "1/4×2@10", "2/2×1@20"})
        << Words{QStringLiteral("Split: LDS 1 line + MKY 1 line")} << Words{};

    QTest::newRow("kit never split, even when its parts could make parcels")
        << request({kitLine(1, 1), line(2, Tee, 1)},
                   {location(10, "LDS", W, "GB", {{Mug, 1}, {Tee, 1}}),
                    location(20, "MKY", W, "GB", {{Coaster, 2}})})
        << Outcome::Backorder << qint64(10) << A({})
        << Words{QStringLiteral("no location has 1 × GIFT")} << Words{QStringLiteral("TEE")};

    QTest::newRow("kit and its component alone: both counted in one place")
        << request({kitLine(1, 1), line(2, Mug, 1)},
                   {location(10, "LDS", W, "GB", {{Mug, 1}, {Coaster, 2}}),
                    location(20, "MKY", W, "GB", {{Mug, 2}, {Coaster, 2}})})
        << Outcome::Routed << qint64(20) << A({"1/1×1@20", "1/4×2@20", "2/1×1@20"})
        << Words{QStringLiteral("Routed to MKY"), QStringLiteral("only location with both lines")}
        << Words{};

    QTest::newRow("kit and its component alone: split when no place has both")
        << request({kitLine(1, 1), line(2, Mug, 1)},
                   {location(10, "LDS", W, "GB", {{Mug, 1}, {Coaster, 2}}),
                    location(20, "MKY", W, "GB", {{Mug, 1}})})
        << Outcome::Split << qint64(10) << A({"1/1×1@10", "1/4×2@10", "2/1×1@20"})
        << Words{QStringLiteral("no location has all 2 lines")} << Words{};

    {
        RoutingLocation lds = location(10, "LDS", W, "GB", {{Mug, 3}, {Coaster, 6}});
        RoutingLocation mky = location(20, "MKY", W, "GB", {{Mug, 3}, {Coaster, 6}});
        lds.lastReceipt.insert(Mug, QDateTime(QDate(2026, 10, 1), QTime(8, 0), Qt::UTC));
        lds.lastReceipt.insert(Coaster, QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC));
        mky.lastReceipt.insert(Mug, QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC));
        mky.lastReceipt.insert(Coaster, QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC));
        QTest::newRow("kit: stock age counts its parts")
            << request({kitLine(1, 1)}, {mky, lds}) << Outcome::Routed << qint64(10)
            << A({"1/1×1@10", "1/4×2@10"})
            << Words{QStringLiteral("older stock (received 2026-10-01 vs 2026-11-01)")} << Words{};
    }

    {
        // 2 kits of 3 × 1 kg: 6 kg, over the 5 kg band of the cheap rate.
        RoutingRequest r =
            request({kitLine(1, 2, {{Mug, QStringLiteral("MUG"), QStringLiteral("Mug"), 3, 1000}})},
                    {location(10, "LDS", W, "GB", {{Mug, 6}})});
        r.lines.first().unitWeightGrams = 3000;
        r.rates = RateTable({rate({}, "GB", "GB", "", 5000, 395, 2)});
        QTest::newRow("kit: the parcel weighs what the line says")
            << r << Outcome::Hold << qint64(0) << A({})
            << Words{QStringLiteral("No location ships a 6.0 kg parcel to GB")} << Words{};
    }

    QTest::newRow("kit without components is held, naming the SKU")
        << request({line(1, Tee, 1), kitLine(2, 1, {})},
                   {location(10, "LDS", W, "GB", {{Tee, 5}, {Gift, 5}})})
        << Outcome::Hold << qint64(0) << A({})
        << Words{QStringLiteral("GIFT is a kit without components: add its parts in the product "
                                "editor")}
        << Words{};
}

void TestRouting::kits()
{
    QFETCH(RoutingRequest, req);
    QFETCH(Outcome, outcome);
    QFETCH(qint64, location);
    QFETCH(QStringList, allocations);
    QFETCH(QStringList, words);
    QFETCH(QStringList, notWords);

    const RoutingDecision d = Router::route(req);
    QVERIFY2(d.outcome == outcome, qPrintable(d.reason));
    QCOMPARE(d.locationId.value_or(0), location);
    QCOMPARE(allocationWords(d), allocations);
    for (const QString &w : std::as_const(words))
        QVERIFY2(d.reason.contains(w), qPrintable(d.reason + QStringLiteral(" lacks: ") + w));
    for (const QString &w : std::as_const(notWords))
        QVERIFY2(!d.reason.contains(w), qPrintable(d.reason + QStringLiteral(" has: ") + w));
    if (outcome == Outcome::Hold)
        QVERIFY(d.holdKind.has_value());
    const bool emptyKit = std::any_of(req.lines.cbegin(), req.lines.cend(), [](const auto &l) {
        return l.isKit && l.components.isEmpty();
    });
    QCOMPARE(d.holdKind == models::HoldKind::EmptyKit, emptyKit);
    // Every part of a kit line comes from one location.
    QHash<qint64, qint64> lineAt;
    for (const models::LineAllocation &a : d.allocations) {
        QCOMPARE(lineAt.value(a.lineId, a.locationId), a.locationId);
        lineAt.insert(a.lineId, a.locationId);
    }
}

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
