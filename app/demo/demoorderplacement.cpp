// Placing one demo order: who buys what, where it ships from, and how far it got.
#include "app/demo/demopeople.h"
#include "app/demo/demoshopbuilder.h"
#include "models/orderstatemachine.h"

namespace app::demo {

using models::OrderStatus;
using models::Status;

namespace {

struct Rate
{
    const char *currency;
    int perHundredPence; // how many minor units 100 pence buy
};

const Rate kRates[] = {{"GBP", 100}, {"EUR", 117}, {"USD", 127}, {"AUD", 195}, {"CAD", 174}};

// A GBP shelf price in the buyer's currency, ending in .99 as shops price abroad.
qint64 convertPrice(qint64 pence, const QString &currency)
{
    for (const Rate &r : kRates) {
        if (currency != QLatin1String(r.currency))
            continue;
        if (r.perHundredPence == 100)
            return pence;
        const qint64 converted = pence * r.perHundredPence / 100;
        return (converted + 99) / 100 * 100 - 1;
    }
    return pence;
}

bool isEu(const QString &country)
{
    return country == QLatin1String("DE") || country == QLatin1String("FR") ||
           country == QLatin1String("NL") || country == QLatin1String("IE");
}

struct Service
{
    const char *carrier;
    const char *service;
};

Service serviceFor(const QString &country, bool expedited, app::demo::DemoRandom &r)
{
    if (country == QLatin1String("GB")) {
        if (expedited)
            return r.chance(500) ? Service{"Royal Mail", "Royal Mail Tracked 24"}
                                 : Service{"DPD", "DPD Next Day"};
        return r.chance(650) ? Service{"Royal Mail", "Royal Mail Tracked 48"}
                             : Service{"Evri", "Evri Standard"};
    }
    if (isEu(country))
        return expedited ? Service{"DHL", "DHL Express Europe"} : Service{"DPD", "DPD Classic"};
    return expedited ? Service{"DHL", "DHL Express Worldwide"}
                     : Service{"Royal Mail", "Royal Mail International Tracked"};
}

QString trackingNumber(const QString &carrier, app::demo::DemoRandom &r)
{
    if (carrier == QLatin1String("Royal Mail"))
        return QStringLiteral("%1%2%3GB")
            .arg(QLatin1Char(static_cast<char>('A' + r.between(0, 25))))
            .arg(QLatin1Char(static_cast<char>('A' + r.between(0, 25))))
            .arg(r.between(100000000, 999999999));
    if (carrier == QLatin1String("DPD"))
        return QStringLiteral("1550%1").arg(r.between(1000000000LL, 9999999999LL));
    if (carrier == QLatin1String("Evri"))
        return QStringLiteral("H00A%1%2")
            .arg(r.between(10, 99))
            .arg(r.between(1000000000LL, 9999999999LL));
    return QString::number(r.between(1000000000LL, 9999999999LL)); // DHL
}

const char *const kHoldReasons[] = {
    "Address could not be verified", "Fraud check: billing and delivery countries differ",
    "Customer asked us to wait", "Payment pending", "Gift message to confirm"};

const char *const kCancelReasons[] = {"Customer asked to cancel", "Payment failed",
                                      "Duplicate order from the customer"};

const char *const kReturnReasons[] = {"damaged",    "wrong_item",   "not_as_described",
                                      "doesnt_fit", "changed_mind", "arrived_late"};

const char *const kPackers[] = {"mia.packer", "ravi.packer", "jo.packer"};

// Orders with a kit line, per thousand; more during the gift-set promotion of the last
// three days (so the orders still waiting for allocation include kits).
constexpr int kKitOrdersPerMille = 25;
constexpr int kKitOrdersPerMilleOnPromotion = 250;
constexpr int kPromotionDays = 3;

// The warehouse works Monday to Friday; the owner allocates orders at 09:00 and
// 14:00 Monday to Saturday; the carriers collect at 16:30 on working days.
bool isWorkday(const QDate &d)
{
    return d.dayOfWeek() <= 5;
}

QDateTime at(const QDate &d, int hour, int minute)
{
    return QDateTime(d, QTime(hour, minute), Qt::UTC);
}

QDateTime nextAllocationRun(const QDateTime &after)
{
    for (QDate d = after.date();; d = d.addDays(1)) {
        if (d.dayOfWeek() == 7)
            continue;
        for (int hour : {9, 14})
            if (at(d, hour, 0) > after)
                return at(d, hour, 0);
    }
}

QDateTime nextWorkdayMorning(const QDateTime &after)
{
    QDate d = after.date().addDays(1);
    while (!isWorkday(d))
        d = d.addDays(1);
    return at(d, 9, 30);
}

QDateTime pickStart(const QDateTime &allocated, app::demo::DemoRandom &r)
{
    QDateTime t = allocated.addSecs(r.between(20, 240) * 60);
    if (!isWorkday(t.date()) || t.time() > QTime(17, 0))
        t = nextWorkdayMorning(t).addSecs(r.between(0, 180) * 60);
    return t;
}

QDateTime nextCollection(const QDateTime &packed, app::demo::DemoRandom &r)
{
    QDate d = packed.date();
    if (!isWorkday(d) || packed.time() > QTime(16, 30))
        d = nextWorkdayMorning(packed).date();
    return at(d, 16, 30).addSecs(r.between(0, 40) * 60);
}

} // namespace

std::vector<int> DemoShopBuilder::candidateLocations(const QString &country,
                                                     const QString &postcode)
{
    // EU orders ship from the 3PL when it can; southern UK postcodes from Milton
    // Keynes; a few Bristol orders from the shop's own stock; the rest from Leeds.
    if (isEu(country))
        return {3, 0, 1};
    if (country == QLatin1String("GB")) {
        if (postcode.startsWith(QLatin1String("BS")))
            return {2, 0, 1};
        const bool south =
            postcode.startsWith(QLatin1String("SE")) || postcode.startsWith(QLatin1String("N")) ||
            postcode.startsWith(QLatin1String("OX")) || postcode.startsWith(QLatin1String("BN")) ||
            postcode.startsWith(QLatin1String("B")) || postcode.startsWith(QLatin1String("CF"));
        return south ? std::vector<int>{1, 0} : std::vector<int>{0, 1};
    }
    return {0, 1};
}

Status DemoShopBuilder::placeOrder(int day, qint64 index)
{
    DemoRandom &r = m_rng;

    // Who: a third of orders come from people who bought before.
    qint64 person = 0;
    if (m_customersCreated > 0 && r.chance(300))
        person = r.between(0, m_customersCreated - 1);
    else
        person =
            std::min<qint64>(m_customersCreated++, static_cast<qint64>(m_customerIds.size()) - 1);
    const DemoPerson buyer = demoPerson(m_options.seed, person);
    qint64 &customerId = m_customerIds[static_cast<size_t>(person)];
    if (customerId == 0)
        customerId = m_loader.addCustomer(buyer.customer, dayStart(day));

    // Where: channel and its numbering.
    const int channel = static_cast<int>(r.weighted({400, 820, 1000}));
    const qint64 seq = ++m_channelSequence[channel];
    models::Order o;
    switch (channel) {
    case 0:
        o.channelCode = QStringLiteral("shopify");
        o.orderNumber = QStringLiteral("#%1").arg(1000 + seq);
        o.externalId = QString::number(5100000000000LL + seq * 7 + r.between(0, 6));
        break;
    case 1:
        o.channelCode = QStringLiteral("amazon");
        o.orderNumber = QStringLiteral("%1-%2-%3")
                            .arg(r.between(202, 206))
                            .arg(seq, 7, 10, QLatin1Char('0'))
                            .arg(r.between(1000000, 9999999));
        o.externalId = o.orderNumber;
        break;
    default:
        o.channelCode = QStringLiteral("ebay");
        o.orderNumber = QStringLiteral("%1-%2-%3")
                            .arg(r.between(10, 27))
                            .arg(10000 + seq / 100000, 5, 10, QLatin1Char('0'))
                            .arg(seq % 100000, 5, 10, QLatin1Char('0'));
        o.externalId = o.orderNumber;
        break;
    }

    // When: mostly daytime and evening.
    const qint64 hour =
        r.weighted({20,  30,  40,  50,  60,  80,   130,  200,  280,  360,  440,  520,
                    600, 680, 760, 840, 920, 1010, 1110, 1220, 1340, 1440, 1510, 1550});
    o.placedAtUtc = dayStart(day).addSecs(hour * 3600 + r.between(0, 3599));
    o.expedited = r.chance(80);
    o.shipByUtc =
        QDateTime(o.placedAtUtc.date().addDays(o.expedited ? 1 : 2), QTime(17, 0), Qt::UTC);
    o.customerName = buyer.customer.name;
    o.customerEmail = buyer.customer.email;
    o.shipTo = buyer.address;

    // What: 1-5 lines of distinct products, popular ones more often.
    const QString currency = buyer.currency;
    const int lineCount = 1 + static_cast<int>(r.weighted({550, 800, 920, 970, 1000}));
    std::vector<int> products;
    for (int l = 0; l < lineCount; ++l) {
        int p = static_cast<int>(r.weighted(m_popularityCumulative));
        for (int attempt = 0;
             attempt < 4 && std::find(products.begin(), products.end(), p) != products.end();
             ++attempt)
            p = static_cast<int>(r.weighted(m_popularityCumulative));
        if (std::find(products.begin(), products.end(), p) != products.end())
            continue;
        products.push_back(p);
        const models::Product &prod = m_products[static_cast<size_t>(p)].product;
        models::OrderLine line;
        line.lineNumber = static_cast<int>(o.lines.size()) + 1;
        line.productId = prod.id;
        line.sku = prod.sku;
        line.title = prod.name;
        line.quantity = 1 + static_cast<int>(r.weighted({800, 950, 1000}));
        line.unitPrice = models::Money(convertPrice(prod.price.minorUnits(), currency), currency);
        line.lineTotal = line.unitPrice * line.quantity;
        if (channel == 1)
            line.externalLineId = QString::number(r.between(10000000000000LL, 99999999999999LL));
        else if (channel == 2)
            line.externalLineId = QString::number(r.between(110000000000LL, 399999999999LL));
        o.lines.append(line);
    }

    // What each line takes from stock: a product itself, or a kit's parts (catalogue
    // index, units per unit of the line).
    std::vector<std::vector<std::pair<int, int>>> parts;
    for (int p : products)
        parts.push_back({{p, 1}});

    // A few orders carry a kit, as a line of its own. Drawn apart from the rest, and
    // never beside one of its own parts, so each product is still on one line.
    DemoRandom kitDraw = DemoRandom::forEntity(m_options.seed, 4, static_cast<quint64>(index));
    const bool promotion = o.placedAtUtc >= m_now.addDays(-kPromotionDays);
    if (!m_kits.empty() &&
        kitDraw.chance(promotion ? kKitOrdersPerMilleOnPromotion : kKitOrdersPerMille)) {
        const DemoKit &kit = m_kits[kitDraw.weighted(m_kitPopularityCumulative)];
        const bool clash = std::any_of(kit.parts.begin(), kit.parts.end(), [&](const auto &part) {
            return std::find(products.begin(), products.end(), part.first) != products.end();
        });
        if (!clash) {
            models::OrderLine line;
            line.lineNumber = static_cast<int>(o.lines.size()) + 1;
            line.productId = kit.product.id;
            line.sku = kit.product.sku;
            line.title = kit.product.name;
            line.quantity = kitDraw.chance(100) ? 2 : 1;
            line.unitPrice =
                models::Money(convertPrice(kit.product.price.minorUnits(), currency), currency);
            line.lineTotal = line.unitPrice * line.quantity;
            if (channel == 1)
                line.externalLineId =
                    QString::number(kitDraw.between(10000000000000LL, 99999999999999LL));
            else if (channel == 2)
                line.externalLineId =
                    QString::number(kitDraw.between(110000000000LL, 399999999999LL));
            o.lines.append(line);
            parts.push_back(kit.parts);
        }
    }

    // Money: subtotal, discount codes on Shopify, shipping, VAT included in UK/EU prices.
    models::Money subtotal = models::Money::zero(currency);
    for (const models::OrderLine &line : std::as_const(o.lines))
        subtotal += line.lineTotal;
    o.subtotal = subtotal;
    o.discount =
        models::Money(channel == 0 && r.chance(120) ? subtotal.minorUnits() / 10 : 0, currency);
    const bool domestic = buyer.address.country == QLatin1String("GB");
    qint64 shipping = 0;
    if (domestic)
        shipping = subtotal.minorUnits() >= 4000 && !o.expedited ? 0 : (o.expedited ? 695 : 395);
    else
        shipping = convertPrice(o.expedited ? 1999 : 999, currency);
    o.shipping = models::Money(shipping, currency);
    o.total = subtotal - o.discount + o.shipping;
    const bool vat = domestic || isEu(buyer.address.country);
    o.tax = models::Money(vat ? (o.total.minorUnits() + 3) / 6 : 0, currency);
    const Service service = serviceFor(buyer.address.country, o.expedited, r);
    o.shippingService = QString::fromLatin1(service.service);

    // Route: the first candidate location with every line available.
    int location = -1;
    for (int l : candidateLocations(buyer.address.country, buyer.address.postcode)) {
        bool all = true;
        for (size_t i = 0; i < parts.size() && all; ++i) {
            const qint64 quantity = o.lines.at(static_cast<qsizetype>(i)).quantity;
            for (const auto &[p, k] : parts[i]) {
                const Stock &st = stock(p, l);
                all = all && st.stocked && st.onHand - st.reserved >= quantity * k;
            }
        }
        if (all) {
            location = l;
            break;
        }
    }

    // How far it got by now: a timeline of what happened, cut at `now`.
    struct Step
    {
        QDateTime at;
        OrderStatus to;
        QString detail;
        QString user;
    };
    std::vector<Step> steps;
    // Imported a few minutes after it was placed, and never after `now`: it is in the
    // database, so it has been imported.
    const QDateTime imported =
        std::min(o.placedAtUtc.addSecs(r.between(120, 1500)), m_now.addSecs(-1));
    // Expedited orders are allocated as they arrive; the rest at the next run.
    QDateTime accept = o.expedited ? imported.addSecs(r.between(60, 600))
                                   : nextAllocationRun(imported).addSecs(r.between(0, 900));
    if (r.chance(40)) {
        const QString reason = QString::fromLatin1(r.pick(kHoldReasons));
        steps.push_back(
            {imported.addSecs(30), OrderStatus::OnHold, reason, QStringLiteral("owner")});
        const QDateTime released = imported.addSecs(r.between(3, 60) * 3600);
        steps.push_back({released, OrderStatus::New, QStringLiteral("Released: checked"),
                         QStringLiteral("owner")});
        accept = nextAllocationRun(released);
    }
    const bool cancelled = r.chance(20);
    const QDateTime cancelAt = o.placedAtUtc.addSecs(r.between(1, 30) * 3600);
    QDateTime shippedAt;
    if (location < 0) {
        steps.push_back({accept, OrderStatus::Backordered,
                         QStringLiteral("No location has every line in stock"),
                         QStringLiteral("system")});
        steps.push_back({accept.addDays(r.between(2, 5)), OrderStatus::Cancelled,
                         QStringLiteral("Out of stock: cancelled by the shop"),
                         QStringLiteral("owner")});
    } else {
        const QString code = m_locationCodes[static_cast<size_t>(location)];
        steps.push_back({accept, OrderStatus::Ready,
                         QStringLiteral("Reserved and routed to %1").arg(code),
                         QStringLiteral("system")});
        QDateTime picking = pickStart(accept, r);
        if (r.chance(40)) // a slow one: stock hard to find, a busy week
            picking = nextWorkdayMorning(picking.addDays(r.between(0, 2)));
        const QDateTime packed = picking.addSecs(r.between(8, 45) * 60);
        shippedAt = nextCollection(packed, r);
        const QString packer = QString::fromLatin1(r.pick(kPackers));
        steps.push_back({picking, OrderStatus::Picking, QString(), packer});
        steps.push_back({packed, OrderStatus::Packed, QString(), packer});
        steps.push_back({shippedAt, OrderStatus::Shipped, QString(), packer});
        const qint64 transit = domestic ? r.between(1, 3) : r.between(3, 9);
        steps.push_back({shippedAt.addDays(transit).addSecs(r.between(-6, 2) * 3600),
                         OrderStatus::Delivered, QString(), QStringLiteral("carrier")});
        if (cancelled && cancelAt < shippedAt) {
            while (!steps.empty() && steps.back().at >= cancelAt)
                steps.pop_back();
            steps.push_back({cancelAt, OrderStatus::Cancelled,
                             QString::fromLatin1(r.pick(kCancelReasons)), QStringLiteral("owner")});
            shippedAt = QDateTime();
        }
    }
    while (!steps.empty() && steps.back().at >= m_now)
        steps.pop_back();
    if (shippedAt.isValid() && shippedAt >= m_now)
        shippedAt = QDateTime();

    // Play the timeline through the state machine so the stored events are exactly
    // the moves it allows.
    std::vector<models::OrderEvent> events;
    {
        models::OrderEvent imp;
        imp.atUtc = imported;
        imp.kind = models::OrderEvent::Kind::Imported;
        imp.detail =
            QStringLiteral("Imported from the %1 order export")
                .arg(o.channelCode == QLatin1String("ebay")     ? QStringLiteral("eBay")
                     : o.channelCode == QLatin1String("amazon") ? QStringLiteral("Amazon")
                                                                : QStringLiteral("Shopify"));
        imp.user = QStringLiteral("importer");
        events.push_back(imp);
    }
    for (const Step &s : steps) {
        models::Result<models::OrderEvent> e =
            models::OrderStateMachine::transition(o, s.to, s.detail, s.user, s.at);
        if (!e.ok())
            return models::Error{QStringLiteral("demo order %1: %2").arg(o.orderNumber, e.error())};
        events.push_back(e.value());
    }

    const bool reserved =
        location >= 0 && std::any_of(steps.begin(), steps.end(),
                                     [](const Step &s) { return s.to == OrderStatus::Ready; });
    const bool stillReserved = reserved && models::holdsReservation(o.status);
    if (location >= 0 && (reserved || shippedAt.isValid()))
        o.locationId = m_locationIds[static_cast<size_t>(location)];
    if (shippedAt.isValid())
        for (models::OrderLine &line : o.lines)
            line.quantityShipped = line.quantity;

    // A return for some delivered orders, decided now so the line can say so.
    models::ReturnAuthorisation rma;
    bool returned = false;
    int returnLine = 0;
    if (o.status == OrderStatus::Delivered && r.chance(45)) {
        const QDateTime delivered = events.back().atUtc;
        rma.requestedAtUtc = delivered.addDays(r.between(1, 20));
        if (rma.requestedAtUtc < m_now) {
            returned = true;
            returnLine = static_cast<int>(r.between(0, o.lines.size() - 1));
            models::OrderLine &line = o.lines[returnLine];
            const int quantity = static_cast<int>(r.between(1, line.quantity));
            const qint64 rmaSequence = ++m_rmaSequence;
            rma.reason = QString::fromLatin1(r.pick(kReturnReasons));
            rma.locationId = m_locationIds[location == 2 ? 0 : static_cast<size_t>(location)];
            rma.refund = line.unitPrice * quantity;
            const bool resellable = r.chance(800);
            rma.authorisedAtUtc = rma.requestedAtUtc.addSecs(r.between(1, 40) * 3600);
            rma.receivedAtUtc = rma.authorisedAtUtc.addDays(r.between(3, 10));
            // Some parcels wait on the returns shelf far too long.
            rma.inspectedAtUtc =
                rma.receivedAtUtc.addDays(r.chance(150) ? r.between(10, 30) : r.between(0, 5))
                    .addSecs(3600);
            // The refund is approved within a day of inspection; one in five is then
            // owed for days before anyone pays it. (Worked out from the RMA's sequence,
            // not drawn, so the rest of the demo stays as it was.)
            rma.refundApprovedAtUtc = rma.inspectedAtUtc.addSecs((1 + rmaSequence % 24) * 3600);
            const qint64 payHours = r.between(2, 72);
            rma.refundedAtUtc = rma.refundApprovedAtUtc.addSecs(
                (rmaSequence % 5 == 0 ? (5 + rmaSequence % 11) * 24 : payHours) * 3600);
            rma.closedAtUtc = rma.refundedAtUtc.addSecs(r.between(1, 48) * 3600);
            models::ReturnLine rl;
            rl.orderLineId = 0;
            rl.quantity = quantity;
            rl.reason = rma.reason;
            using RS = models::ReturnStatus;
            rma.status = RS::Requested;
            auto reached = [this](QDateTime &t) {
                if (t < m_now)
                    return true;
                t = QDateTime();
                return false;
            };
            if (reached(rma.authorisedAtUtc)) {
                rma.status = RS::Authorised;
                rma.rmaNumber = models::rmaNumberFor(rmaSequence);
                if (reached(rma.receivedAtUtc)) {
                    rma.status = RS::Received;
                    rl.quantityReceived = quantity;
                    line.quantityReturned = quantity;
                    if (reached(rma.inspectedAtUtc)) {
                        rl.condition =
                            resellable ? QStringLiteral("resellable") : QStringLiteral("damaged");
                        rl.disposition =
                            resellable ? QStringLiteral("restock") : QStringLiteral("write_off");
                        rl.locationId = rma.locationId;
                        rl.inspectedAtUtc = rma.inspectedAtUtc;
                        rma.status = RS::Inspected;
                        if (reached(rma.refundApprovedAtUtc)) {
                            rma.status = RS::RefundPending;
                            if (reached(rma.refundedAtUtc)) {
                                rma.status = RS::Refunded;
                                rma.refundReference =
                                    QStringLiteral("RF-%1").arg(700000 + rmaSequence);
                                if (reached(rma.closedAtUtc))
                                    rma.status = RS::Closed;
                            } else {
                                rma.closedAtUtc = QDateTime();
                            }
                        } else {
                            rma.refundedAtUtc = rma.closedAtUtc = QDateTime();
                        }
                    } else {
                        rma.refundApprovedAtUtc = rma.refundedAtUtc = rma.closedAtUtc = QDateTime();
                    }
                } else {
                    rma.inspectedAtUtc = rma.refundApprovedAtUtc = rma.refundedAtUtc =
                        rma.closedAtUtc = QDateTime();
                }
            } else {
                rma.receivedAtUtc = rma.inspectedAtUtc = rma.refundApprovedAtUtc =
                    rma.refundedAtUtc = rma.closedAtUtc = QDateTime();
            }
            if (!rma.refundApprovedAtUtc.isValid()) // no amount until a refund is approved
                rma.refund = models::Money(0, rma.refund.currency());
            rma.lines.append(rl);
            rma.customerNote = rma.reason == QLatin1String("damaged")
                                   ? QStringLiteral("Arrived with a chip on the rim")
                                   : QString();
            if (rma.inspectedAtUtc.isValid()) {
                // A returned kit restocks its parts.
                for (const auto &[p, k] : parts[static_cast<size_t>(returnLine)]) {
                    if (!resellable)
                        break;
                    Scheduled in;
                    in.product = p;
                    in.location = location == 2 ? 0 : location;
                    in.quantity = quantity * k;
                    in.reason = models::StockReason::Restocked;
                    in.referenceType = QStringLiteral("return");
                    in.referenceId = rma.rmaNumber;
                    in.user = QStringLiteral("sam.ops");
                    in.at = rma.inspectedAtUtc;
                    if (Status s = schedule(in); !s)
                        return s;
                }
            }
        }
    }

    m_loader.addOrder(o, m_channelIds[static_cast<size_t>(channel)], customerId, imported);
    m_summary.orderLines += o.lines.size();
    for (models::OrderEvent &e : events) {
        e.orderId = o.id;
        m_loader.addOrderEvent(e);
    }

    // Stock: reserve what was accepted; ship what left; keep reservations still open.
    // A kit line reserves and ships its parts (line quantity × per kit each).
    if (reserved) {
        for (size_t i = 0; i < parts.size(); ++i) {
            const models::OrderLine &line = o.lines.at(static_cast<qsizetype>(i));
            for (const auto &[p, k] : parts[i]) {
                const int units = line.quantity * k;
                Stock &st = stock(p, location);
                st.soldToday += units;
                if (stillReserved) {
                    st.reserved += units;
                    m_loader.addReservation(line.id, m_products[static_cast<size_t>(p)].product.id,
                                            m_locationIds[static_cast<size_t>(location)], units,
                                            events.back().atUtc);
                } else if (shippedAt.isValid()) {
                    st.reserved += units; // held until the parcel leaves
                    Scheduled out;
                    out.product = p;
                    out.location = location;
                    out.quantity = -units;
                    out.reason = models::StockReason::Shipped;
                    out.consumesReservation = true;
                    out.referenceType = QStringLiteral("order");
                    out.referenceId = o.orderNumber;
                    out.user = QString::fromLatin1(r.pick(kPackers));
                    out.at = shippedAt;
                    if (Status s = schedule(out); !s)
                        return s;
                }
            }
        }
    }

    if (shippedAt.isValid()) {
        models::Shipment sh;
        sh.orderId = o.id;
        sh.locationId = m_locationIds[static_cast<size_t>(location)];
        sh.carrier = QString::fromLatin1(service.carrier);
        sh.service = o.shippingService;
        sh.trackingNumber = trackingNumber(sh.carrier, r);
        sh.status = o.status == OrderStatus::Delivered ? models::Shipment::Status::Delivered
                                                       : models::Shipment::Status::Shipped;
        sh.cost = models::Money(domestic ? r.between(285, 690) : r.between(950, 2400),
                                QStringLiteral("GBP"));
        sh.createdAtUtc = shippedAt.addSecs(-1800);
        sh.shippedAtUtc = shippedAt;
        if (o.status == OrderStatus::Delivered)
            sh.deliveredAtUtc = events.back().atUtc;
        int grams = 150;
        for (size_t i = 0; i < parts.size(); ++i) {
            const models::OrderLine &line = o.lines.at(static_cast<qsizetype>(i));
            for (const auto &[p, k] : parts[i])
                grams += m_products[static_cast<size_t>(p)].product.weightGrams * line.quantity * k;
            sh.lines.append({line.id, line.quantity});
        }
        sh.parcels.append({grams, 300, 220, 150, {}});
        m_loader.addShipment(sh);
    }

    if (returned) {
        rma.orderId = o.id;
        rma.lines[0].orderLineId = o.lines.at(returnLine).id;
        m_loader.addReturn(rma);
        ++m_summary.returns;
    }
    return {};
}

} // namespace app::demo
