#include "app/demo/demoshopbuilder.h"

#include "app/demo/democarriers.h"

#include <cmath>

namespace app::demo {

using models::Error;
using models::Result;
using models::Status;

namespace {

struct LocationPlan
{
    const char *code;
    const char *name;
    models::LocationKind kind;
    const char *line1;
    const char *city;
    const char *postcode;
    const char *country;
    double latitude;
    double longitude;
    double demandShare; // of all units sold, before stocking gaps
};

// Index order matters: 0 main warehouse (default returns), 1 second warehouse,
// 2 the shop, 3 the 3PL serving the EU.
const LocationPlan kLocationPlans[] = {
    {"LDS", "Leeds warehouse", models::LocationKind::Warehouse, "Unit 4, Aire Valley Park", "Leeds",
     "LS10 1AB", "GB", 53.7757, -1.5310, 0.55},
    {"MKY", "Milton Keynes warehouse", models::LocationKind::Warehouse, "Unit 12, Kiln Farm",
     "Milton Keynes", "MK11 3EJ", "GB", 52.0406, -0.8090, 0.25},
    {"BRS", "Bristol shop", models::LocationKind::Store, "41 Gloucester Road", "Bristol", "BS7 8AD",
     "GB", 51.4734, -2.5900, 0.05},
    {"RTM", "Rotterdam 3PL (FulfilNL)", models::LocationKind::ThirdPartyLogistics,
     "Waalhaven Zuidzijde 21", "Rotterdam", "3089 JH", "NL", 51.8850, 4.4350, 0.15},
};

constexpr double kLinesPerOrder = 1.7;
constexpr double kUnitsPerLine = 1.25;

const char *const kAdjusters[] = {"sam.ops", "owner", "mia.packer"};

} // namespace

DemoShopBuilder::DemoShopBuilder(storage::SqliteBulkLoader &loader, const DemoOptions &options)
    : m_loader(loader), m_options(options), m_rng(options.seed)
{
    m_now = QDateTime(m_options.today, QTime(0, 0), Qt::UTC);
    m_firstDay = m_now.addDays(-kDays);
    m_scheduled.resize(kDays);
}

QDateTime DemoShopBuilder::dayStart(int day) const
{
    return m_firstDay.addDays(day);
}

int DemoShopBuilder::dayIndex(const QDateTime &t) const
{
    return static_cast<int>(m_firstDay.date().daysTo(t.toUTC().date()));
}

Status DemoShopBuilder::schedule(const Scheduled &change)
{
    const int day = dayIndex(change.at);
    if (day < 0 || day >= kDays || change.at >= m_now)
        return Error{QStringLiteral("demo: a stock change was scheduled outside the 180 days")};
    m_scheduled[static_cast<size_t>(day)].push_back(change);
    return {};
}

Status DemoShopBuilder::setUp()
{
    const struct
    {
        const char *code;
        const char *name;
    } channels[] = {{"shopify", "Shopify"}, {"amazon", "Amazon"}, {"ebay", "eBay"}};
    for (size_t i = 0; i < 3; ++i) {
        models::Channel c;
        c.code = QString::fromLatin1(channels[i].code);
        c.name = QString::fromLatin1(channels[i].name);
        c.currency = QStringLiteral("GBP");
        c.stockBuffer = i == 2 ? 2 : 0;
        m_channelIds[i] = m_loader.addChannel(c);
    }

    for (int l = 0; l < kLocations; ++l) {
        const LocationPlan &plan = kLocationPlans[l];
        models::Location loc;
        loc.code = QString::fromLatin1(plan.code);
        loc.name = QString::fromLatin1(plan.name);
        loc.kind = plan.kind;
        loc.address.line1 = QString::fromLatin1(plan.line1);
        loc.address.city = QString::fromLatin1(plan.city);
        loc.address.postcode = QString::fromLatin1(plan.postcode);
        loc.address.country = QString::fromLatin1(plan.country);
        loc.routingPriority = l + 1;
        loc.defaultReturns = l == 0;
        m_locationIds[static_cast<size_t>(l)] =
            m_loader.addLocation(loc, plan.latitude, plan.longitude);
        m_locationCodes[static_cast<size_t>(l)] = loc.code;
    }
    addDemoCarriers(m_loader);

    m_suppliers = demoSuppliers();
    for (models::Supplier &s : m_suppliers)
        s.id = m_loader.addSupplier(s);

    m_products = demoCatalogue(m_options.seed, m_options.products);
    m_stock.assign(m_products.size() * kLocations, Stock());
    qint64 total = 0;
    for (const DemoProduct &p : m_products)
        m_popularityCumulative.push_back(total += p.popularity);

    const double ordersPerDay = static_cast<double>(m_options.orders) / kDays;
    const QDateTime created = m_firstDay.addDays(-30);

    // The shop's shelves: 30 bays shared by the products it carries.
    std::array<qint64, 30> shopBays{};
    for (int b = 0; b < 30; ++b)
        shopBays[static_cast<size_t>(b)] = m_loader.addBin(models::Bin{
            0, m_locationIds[2], QStringLiteral("SHOP-%1").arg(b + 1, 2, 10, QLatin1Char('0')), b});

    for (size_t i = 0; i < m_products.size(); ++i) {
        DemoProduct &d = m_products[i];
        const double unitsPerDay = ordersPerDay * kLinesPerOrder * kUnitsPerLine *
                                   static_cast<double>(d.popularity) / static_cast<double>(total);
        d.product.supplierId = m_suppliers.at(d.supplierIndex).id;
        d.product.safetyStock = static_cast<int>(std::ceil(unitsPerDay * 5));
        const int lead =
            d.product.leadTimeDays.value_or(m_suppliers.at(d.supplierIndex).leadTimeDays);
        d.product.reorderMin =
            static_cast<int>(std::ceil(unitsPerDay * lead)) + d.product.safetyStock;
        d.product.reorderMax = d.product.reorderMin + static_cast<int>(std::ceil(unitsPerDay * 30));
        m_loader.addProduct(d.product, created);

        double share = 0;
        for (int l = 0; l < kLocations; ++l)
            if (d.stockedAt[l])
                share += kLocationPlans[l].demandShare;
        for (int l = 0; l < kLocations; ++l) {
            if (!d.stockedAt[l])
                continue;
            Stock &st = stock(static_cast<int>(i), l);
            st.stocked = true;
            st.dailyDemand = unitsPerDay * kLocationPlans[l].demandShare / share;
            if (l == 2) {
                st.binId = shopBays[i % shopBays.size()];
            } else {
                // Warehouse bins: aisle, bay, shelf, in product order; walked in a
                // snake so the pick sequence never doubles back along an aisle.
                const int slot = static_cast<int>(i);
                const int aisle = slot / 80;
                const int bay = (slot / 4) % 20;
                const int shelf = slot % 4;
                const int walkBay = aisle % 2 == 0 ? bay : 19 - bay;
                const QString code = QStringLiteral("%1-%2-%3")
                                         .arg(QLatin1Char(static_cast<char>('A' + aisle % 26)))
                                         .arg(bay + 1, 2, 10, QLatin1Char('0'))
                                         .arg(shelf + 1);
                st.binId = m_loader.addBin(
                    models::Bin{0, m_locationIds[static_cast<size_t>(l)],
                                aisle >= 26 ? code + QString::number(aisle / 26) : code,
                                aisle * 1000 + walkBay * 10 + shelf});
            }
            m_loader.assignBin(d.product.id, st.binId);
        }
    }

    // Kits: sold as their own SKU, stocked (and so reserved, picked and shipped) as
    // their parts, with no bins, stock or supplier of their own.
    m_kits = demoKits(m_products);
    qint64 kitTotal = 0;
    for (DemoKit &kit : m_kits) {
        m_loader.addProduct(kit.product, created);
        QList<models::KitComponent> components;
        for (const auto &[index, quantity] : kit.parts) {
            const models::Product &part = m_products[static_cast<size_t>(index)].product;
            components.append({part.id, part.sku, part.name, quantity, part.weightGrams});
        }
        m_loader.addKitComponents(kit.product.id, components);
        m_kitPopularityCumulative.push_back(kitTotal += kit.popularity);
    }
    m_customerIds.assign(static_cast<size_t>(m_options.orders * 3 / 4 + 50), 0);

    m_loader.setSetting(QStringLiteral("shop.name"), QStringLiteral("Hearth & Field Homewares"));
    m_loader.setSetting(QStringLiteral("shop.currency"), QStringLiteral("GBP"));
    m_loader.setSetting(QStringLiteral("demo.seed"), QString::number(m_options.seed));
    m_loader.setSetting(QStringLiteral("demo.today"), m_options.today.toString(Qt::ISODate));
    return {};
}

Status DemoShopBuilder::writeOpeningStock()
{
    const QDateTime at = m_firstDay.addSecs(-17 * 3600); // the evening before day one
    for (size_t i = 0; i < m_products.size(); ++i) {
        const int pack = m_products[i].product.packSize;
        for (int l = 0; l < kLocations; ++l) {
            Stock &st = stock(static_cast<int>(i), l);
            if (!st.stocked)
                continue;
            qint64 quantity = static_cast<qint64>(std::ceil(st.dailyDemand * 45));
            quantity = std::max<qint64>(2 * pack, (quantity + pack - 1) / pack * pack);
            models::StockMovement m;
            m.productId = m_products[i].product.id;
            m.locationId = m_locationIds[static_cast<size_t>(l)];
            m.quantity = static_cast<int>(quantity);
            m.reason = models::StockReason::Opening;
            m.referenceType = QStringLiteral("count");
            m.referenceId = QStringLiteral("OPENING");
            m.note = QStringLiteral("Opening count when the shop started using Backroom");
            m.user = QStringLiteral("owner");
            m.atUtc = at;
            m_loader.addMovement(m);
            st.onHand += quantity;
        }
    }
    return {};
}

Status DemoShopBuilder::applyScheduled(int day)
{
    std::vector<Scheduled> &due = m_scheduled[static_cast<size_t>(day)];
    for (const Scheduled &c : due) {
        Stock &st = stock(c.product, c.location);
        models::StockMovement m;
        m.productId = m_products[static_cast<size_t>(c.product)].product.id;
        m.locationId = m_locationIds[static_cast<size_t>(c.location)];
        m.quantity = c.quantity;
        m.reason = c.reason;
        m.referenceType = c.referenceType;
        m.referenceId = c.referenceId;
        m.user = c.user;
        m.atUtc = c.at;
        m_loader.addMovement(m);
        st.onHand += c.quantity;
        if (c.consumesReservation)
            st.reserved += c.quantity; // quantity is negative: the reservation is used up
        if (c.reason == models::StockReason::Received)
            st.onOrder -= c.quantity;
    }
    due.clear();
    due.shrink_to_fit();
    return {};
}

Status DemoShopBuilder::adjustStock(int day)
{
    const int count = static_cast<int>(m_products.size() / 400) + 1;
    for (int k = 0; k < count; ++k) {
        const int p =
            static_cast<int>(m_rng.between(0, static_cast<qint64>(m_products.size()) - 1));
        const int l = static_cast<int>(m_rng.between(0, kLocations - 1));
        Stock &st = stock(p, l);
        if (!st.stocked || !m_rng.chance(350))
            continue;
        static const models::StockReason reasons[] = {
            models::StockReason::Damaged, models::StockReason::Lost, models::StockReason::Found,
            models::StockReason::CountCorrection, models::StockReason::Sample};
        const models::StockReason reason = m_rng.pick(reasons);
        int quantity = -static_cast<int>(m_rng.between(1, 2));
        if (reason == models::StockReason::Found)
            quantity = 1;
        else if (reason == models::StockReason::CountCorrection && m_rng.chance(400))
            quantity = static_cast<int>(m_rng.between(1, 3));
        if (st.onHand - st.reserved + quantity < 0)
            continue;
        models::StockMovement m;
        m.productId = m_products[static_cast<size_t>(p)].product.id;
        m.locationId = m_locationIds[static_cast<size_t>(l)];
        m.quantity = quantity;
        m.reason = reason;
        m.referenceType = QStringLiteral("adjustment");
        m.referenceId = QStringLiteral("ADJ-%1").arg(day * 100 + k + 1, 5, 10, QLatin1Char('0'));
        static const char *const notes[] = {"Dropped at packing", "Not found at cycle count",
                                            "Found behind the shelf", "Cycle count variance",
                                            "Photo sample for the website"};
        m.note = QString::fromLatin1(
            notes[static_cast<int>(reason) - static_cast<int>(models::StockReason::Damaged)]);
        m.user = QString::fromLatin1(m_rng.pick(kAdjusters));
        m.atUtc = dayStart(day).addSecs(m_rng.between(16 * 3600, 18 * 3600));
        m_loader.addMovement(m);
        st.onHand += quantity;
    }
    return {};
}

Status DemoShopBuilder::reorder(int day)
{
    // One purchase order per supplier and location a day, for everything below its
    // reorder point counting what is already on order.
    QHash<QPair<int, int>, models::PurchaseOrder> orders;
    for (size_t i = 0; i < m_products.size(); ++i) {
        const DemoProduct &d = m_products[i];
        const int lead =
            d.product.leadTimeDays.value_or(m_suppliers.at(d.supplierIndex).leadTimeDays);
        for (int l = 0; l < kLocations; ++l) {
            Stock &st = stock(static_cast<int>(i), l);
            if (!st.stocked)
                continue;
            st.dailyDemand = 0.93 * st.dailyDemand + 0.07 * static_cast<double>(st.soldToday);
            st.soldToday = 0;
            const double point = st.dailyDemand * (lead + 7) + 2;
            const qint64 position = st.onHand - st.reserved + st.onOrder;
            if (static_cast<double>(position) >= point)
                continue;
            const int pack = d.product.packSize;
            qint64 quantity = static_cast<qint64>(
                std::ceil(point - static_cast<double>(position) + st.dailyDemand * 30));
            quantity = std::max<qint64>(pack, (quantity + pack - 1) / pack * pack);

            models::PurchaseOrder &po = orders[{d.supplierIndex, l}];
            po.lines.append(
                models::PurchaseOrderLine{d.product.id, static_cast<int>(quantity), 0,
                                          models::Money(d.product.cost.minorUnits(),
                                                        m_suppliers.at(d.supplierIndex).currency)});
            st.onOrder += quantity;
        }
    }

    // Deterministic order of writing, whatever the hash order.
    QList<QPair<int, int>> keys = orders.keys();
    std::sort(keys.begin(), keys.end());
    for (const auto &key : std::as_const(keys)) {
        models::PurchaseOrder &po = orders[key];
        const models::Supplier &supplier = m_suppliers.at(key.first);
        po.poNumber = QStringLiteral("PO-%1").arg(++m_poSequence, 5, 10, QLatin1Char('0'));
        po.supplierId = supplier.id;
        po.locationId = m_locationIds[static_cast<size_t>(key.second)];
        po.currency = supplier.currency;
        po.orderedAtUtc = dayStart(day).addSecs(15 * 3600 + m_rng.between(0, 7200));
        po.expectedAtUtc = dayStart(day + supplier.leadTimeDays).addSecs(10 * 3600);
        const QDateTime arrives =
            po.expectedAtUtc.addDays(m_rng.between(0, 2)).addSecs(m_rng.between(0, 5 * 3600));
        const bool received = arrives < m_now;
        po.status = received ? models::PurchaseOrder::Status::Received
                             : models::PurchaseOrder::Status::Sent;
        if (received) {
            po.receivedAtUtc = arrives;
            for (models::PurchaseOrderLine &line : po.lines)
                line.quantityReceived = line.quantityOrdered;
        }
        m_loader.addPurchaseOrder(po);
        if (!received)
            continue;
        for (const models::PurchaseOrderLine &line : std::as_const(po.lines)) {
            int product = 0;
            while (m_products[static_cast<size_t>(product)].product.id != line.productId)
                ++product; // products are few; this runs only for arriving lines
            Scheduled in;
            in.product = product;
            in.location = key.second;
            in.quantity = line.quantityOrdered;
            in.reason = models::StockReason::Received;
            in.referenceType = QStringLiteral("purchase_order");
            in.referenceId = po.poNumber;
            in.user = QStringLiteral("sam.ops");
            in.at = arrives;
            if (Status s = schedule(in); !s)
                return s;
        }
    }
    return {};
}

Result<DemoSummary> DemoShopBuilder::run(const DemoProgress &progress)
{
    if (Status s = setUp(); !s)
        return Error{s.error()};
    if (Status s = writeOpeningStock(); !s)
        return Error{s.error()};

    // Orders per day: growing over the half year, busier on Sundays and Mondays,
    // quieter on Saturdays.
    std::vector<qint64> weights(kDays);
    qint64 totalWeight = 0;
    for (int d = 0; d < kDays; ++d) {
        const int weekday = dayStart(d).date().dayOfWeek();
        qint64 w = 1000 + d * 4;
        if (weekday == 7 || weekday == 1)
            w += 180;
        else if (weekday == 6)
            w -= 120;
        weights[static_cast<size_t>(d)] = w;
        totalWeight += w;
    }

    qint64 placed = 0;
    qint64 assigned = 0;
    for (int d = 0; d < kDays; ++d) {
        assigned += weights[static_cast<size_t>(d)];
        const qint64 target = m_options.orders * assigned / totalWeight;
        for (; placed < target; ++placed) {
            if (Status s = placeOrder(d, placed); !s)
                return Error{s.error()};
            if (progress && placed % 2000 == 0 && !progress(placed, m_options.orders))
                return Error{QStringLiteral("cancelled")};
        }
        if (Status s = applyScheduled(d); !s)
            return Error{s.error()};
        if (Status s = adjustStock(d); !s)
            return Error{s.error()};
        if (Status s = reorder(d); !s)
            return Error{s.error()};
    }
    if (progress)
        progress(placed, m_options.orders);

    m_summary.orders = placed;
    m_summary.products = static_cast<qint64>(m_products.size());
    m_summary.movements = m_loader.movementsWritten();
    m_summary.customers = m_customersCreated;
    return m_summary;
}

} // namespace app::demo
