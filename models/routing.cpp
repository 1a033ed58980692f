#include "models/routing.h"

#include "models/money.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Router", text);
}

QString money(qint64 minor, const QString &currency)
{
    return Money(minor, currency).toDisplayString();
}

QString days(int n)
{
    return n == 1 ? tr("1 day") : tr("%1 days").arg(n);
}

QString kilograms(int grams)
{
    return tr("%1 kg").arg(QLocale(QLocale::English).toString(grams / 1000.0, 'f', 1));
}

QString lineWords(int count)
{
    return count == 1 ? tr("1 line") : tr("%1 lines").arg(count);
}

QString quantityOf(const RoutingLine &line)
{
    return tr("%1 × %2").arg(line.quantity).arg(line.sku);
}

int weightOf(const QList<RoutingLine> &lines, const QList<qsizetype> &indexes)
{
    qint64 grams = 0;
    for (qsizetype i : indexes)
        grams += qint64(lines.at(i).quantity) * lines.at(i).unitWeightGrams;
    return static_cast<int>(std::min<qint64>(grams, std::numeric_limits<int>::max()));
}

QList<qsizetype> allIndexes(const QList<RoutingLine> &lines)
{
    QList<qsizetype> out;
    for (qsizetype i = 0; i < lines.size(); ++i)
        out.append(i);
    return out;
}

// Units of the line's parts (a kit's components; an ordinary line's own product).
qint64 partUnits(const RoutingLine &line, int quantity)
{
    qint64 units = 0;
    line.forEachPart([&](qint64, int perUnit) { units += qint64(quantity) * perUnit; });
    return units;
}

// How many of the line's units `loc` can still give after `taken` (per product): for
// a kit, the whole kits its components there make (the scarcest part decides).
int unitsAt(const RoutingLocation &loc, const RoutingLine &line, const QHash<qint64, int> &taken)
{
    if (!line.isKit)
        return std::max(0, loc.usable(line.productId) - taken.value(line.productId));
    QHash<qint64, int> left;
    for (const KitComponent &c : line.components)
        left.insert(c.productId, loc.usable(c.productId) - taken.value(c.productId));
    return KitRules::kitsAvailable(line.components, left);
}

// Takes `quantity` units of the line's parts into `taken`.
void take(const RoutingLine &line, int quantity, QHash<qint64, int> &taken)
{
    line.forEachPart([&](qint64 product, int perUnit) { taken[product] += quantity * perUnit; });
}

// One allocation per part of the line, all at `locationId`.
void allocateLine(const RoutingLine &line, qint64 locationId, QList<LineAllocation> &out)
{
    line.forEachPart([&](qint64 product, int perUnit) {
        out.append({line.lineId, product, locationId, line.quantity * perUnit});
    });
}

// Whether a location can be asked at all: a store only when it ships online orders.
bool mayShip(const RoutingLocation &l)
{
    return l.kind != LocationKind::Store || l.shipsFromStore;
}

// A location that can ship the whole order, with the rate that applies.
struct Candidate
{
    const RoutingLocation *location = nullptr;
    ShippingRate rate;
    QDateTime oldestStock; // the oldest latest-receipt over the order's products; invalid: unknown
};

enum class Decider
{
    Capacity,
    Cost,
    Transit,
    Spare,
    StockAge,
    Order,
};

// <0 when a is better. `why` says which criterion separated them.
int compareCandidates(const Candidate &a, const Candidate &b, Decider *why)
{
    auto decide = [why](Decider d, bool aFirst) {
        if (why)
            *why = d;
        return aFirst ? -1 : 1;
    };
    if (a.location->hasCapacity() != b.location->hasCapacity())
        return decide(Decider::Capacity, a.location->hasCapacity());
    if (a.rate.costMinor != b.rate.costMinor)
        return decide(Decider::Cost, a.rate.costMinor < b.rate.costMinor);
    if (a.rate.transitDays != b.rate.transitDays)
        return decide(Decider::Transit, a.rate.transitDays < b.rate.transitDays);
    if (a.location->spareCapacity() != b.location->spareCapacity())
        return decide(Decider::Spare, a.location->spareCapacity() > b.location->spareCapacity());
    if (a.oldestStock != b.oldestStock) {
        // Unknown age sorts after any known one.
        if (!a.oldestStock.isValid() || !b.oldestStock.isValid())
            return decide(Decider::StockAge, a.oldestStock.isValid());
        return decide(Decider::StockAge, a.oldestStock < b.oldestStock);
    }
    if (a.location->routingPriority != b.location->routingPriority)
        return decide(Decider::Order, a.location->routingPriority < b.location->routingPriority);
    return decide(Decider::Order, a.location->id < b.location->id);
}

QString whyBetter(const Candidate &best, const Candidate &next, Decider why, int wholeCount,
                  const QString &currency)
{
    const QString other = next.location->code;
    switch (why) {
    case Decider::Capacity:
        return tr("%1 is at its daily capacity (%2 orders)")
            .arg(other)
            .arg(next.location->dailyCapacity.value_or(0));
    case Decider::Cost:
        return tr("cheapest of %1 locations with every line, %2 vs %3 from %4")
            .arg(wholeCount)
            .arg(money(best.rate.costMinor, currency), money(next.rate.costMinor, currency), other);
    case Decider::Transit:
        return tr("same cost as %1 (%2), %3 vs %4")
            .arg(other, money(best.rate.costMinor, currency), days(best.rate.transitDays),
                 days(next.rate.transitDays));
    case Decider::Spare:
        return tr("same cost and transit as %1, more spare capacity today (%2 vs %3)")
            .arg(other)
            .arg(best.location->spareCapacity())
            .arg(next.location->spareCapacity());
    case Decider::StockAge:
        return tr("same cost and transit as %1, older stock (received %2 vs %3)")
            .arg(other, best.oldestStock.date().toString(Qt::ISODate),
                 next.oldestStock.isValid() ? next.oldestStock.date().toString(Qt::ISODate)
                                            : tr("unknown"));
    case Decider::Order:
        return tr("same cost and transit as %1, first in routing order").arg(other);
    }
    return {};
}

struct Parcel
{
    const RoutingLocation *location = nullptr;
    QList<qsizetype> lines;
    ShippingRate rate;
};

// Greedy: each parcel from the location that covers the most remaining lines, the
// cheapest first on a tie. Empty when the lines cannot all be covered.
std::optional<QList<Parcel>> planSplit(const RoutingRequest &req)
{
    QList<qsizetype> remaining = allIndexes(req.lines);
    QList<Parcel> parcels;
    QList<const RoutingLocation *> used;
    while (!remaining.isEmpty() && parcels.size() < req.policy.maxParcels) {
        std::optional<Parcel> best;
        qint64 bestUnits = 0;
        for (const RoutingLocation &loc : req.locations) {
            if (!mayShip(loc) || used.contains(&loc))
                continue;
            QHash<qint64, int> taken;
            QList<qsizetype> covered;
            qint64 units = 0;
            for (qsizetype i : std::as_const(remaining)) {
                const RoutingLine &line = req.lines.at(i);
                // A kit goes whole or not at all: its components never split.
                if (unitsAt(loc, line, taken) >= line.quantity) {
                    take(line, line.quantity, taken);
                    covered.append(i);
                    units += partUnits(line, line.quantity);
                }
            }
            if (covered.isEmpty())
                continue;
            const std::optional<ShippingRate> rate = req.rates.find(
                loc.id, loc.country, req.country, req.postcode, weightOf(req.lines, covered));
            if (!rate)
                continue;
            auto better = [&]() {
                if (covered.size() != best->lines.size())
                    return covered.size() > best->lines.size();
                if (units != bestUnits)
                    return units > bestUnits;
                if (loc.hasCapacity() != best->location->hasCapacity())
                    return loc.hasCapacity();
                if (rate->costMinor != best->rate.costMinor)
                    return rate->costMinor < best->rate.costMinor;
                if (rate->transitDays != best->rate.transitDays)
                    return rate->transitDays < best->rate.transitDays;
                return loc.routingPriority < best->location->routingPriority;
            };
            if (!best || better()) {
                best = Parcel{&loc, covered, *rate};
                bestUnits = units;
            }
        }
        if (!best)
            break;
        for (qsizetype i : std::as_const(best->lines))
            remaining.removeOne(i);
        used.append(best->location);
        parcels.append(*best);
    }
    if (!remaining.isEmpty() || parcels.size() < 2)
        return std::nullopt;
    return parcels;
}

// The location an order waits at: the one holding most of it, then the cheapest.
std::optional<Candidate> bestSingle(const RoutingRequest &req, int weight, qint64 *shortUnits)
{
    std::optional<Candidate> best;
    qint64 bestUnits = -1;
    for (const RoutingLocation &loc : req.locations) {
        if (!mayShip(loc))
            continue;
        const std::optional<ShippingRate> rate =
            req.rates.find(loc.id, loc.country, req.country, req.postcode, weight);
        if (!rate)
            continue;
        qint64 units = 0;
        QHash<qint64, int> taken;
        for (const RoutingLine &line : req.lines) {
            const int here = std::min(unitsAt(loc, line, taken), line.quantity);
            take(line, here, taken);
            units += partUnits(line, here);
        }
        Candidate c{&loc, *rate, {}};
        if (!best || units > bestUnits ||
            (units == bestUnits && compareCandidates(c, *best, nullptr) < 0)) {
            best = c;
            bestUnits = units;
        }
    }
    if (best && shortUnits) {
        qint64 wanted = 0;
        for (const RoutingLine &line : req.lines)
            wanted += partUnits(line, line.quantity);
        *shortUnits = wanted - bestUnits;
    }
    return best;
}

// "no location has 3 × MUG-01" when some line is nowhere in full, else "no location has
// all 3 lines".
QString whatIsMissing(const RoutingRequest &req)
{
    QStringList nowhere;
    for (const RoutingLine &line : req.lines) {
        const bool somewhere = std::any_of(
            req.locations.cbegin(), req.locations.cend(), [&](const RoutingLocation &l) {
                return mayShip(l) && unitsAt(l, line, {}) >= line.quantity;
            });
        if (!somewhere)
            nowhere.append(quantityOf(line));
    }
    if (!nowhere.isEmpty()) {
        if (nowhere.size() > 3)
            nowhere = nowhere.mid(0, 3) << tr("%1 more").arg(nowhere.size() - 3);
        return tr("no location has %1").arg(nowhere.join(QStringLiteral(", ")));
    }
    return tr("no location has all %1").arg(lineWords(static_cast<int>(req.lines.size())));
}

RoutingDecision shortfall(const RoutingRequest &req, const Candidate &at, const QString &why)
{
    RoutingDecision d;
    d.locationId = at.location->id;
    d.costMinor = at.rate.costMinor;
    d.transitDays = at.rate.transitDays;
    if (req.policy.shortfall == ShortfallPolicy::Backorder) {
        d.outcome = RoutingDecision::Outcome::Backorder;
        d.reason = tr("Backordered at %1: %2").arg(at.location->code, why);
    } else {
        d.outcome = RoutingDecision::Outcome::Hold;
        d.holdKind = HoldKind::OutOfStock;
        d.reason = tr("Out of stock: %1 (waiting at %2)").arg(why, at.location->code);
    }
    return d;
}

QString parcelWords(const QList<Parcel> &parcels)
{
    QStringList parts;
    for (const Parcel &p : parcels)
        parts.append(
            tr("%1 %2").arg(p.location->code, lineWords(static_cast<int>(p.lines.size()))));
    return parts.join(QStringLiteral(" + "));
}

} // namespace

int RoutingLocation::usable(qint64 productId) const
{
    const int held = available.value(productId, 0);
    const int kept = kind == LocationKind::Store ? storeBuffer : 0;
    return std::max(0, held - kept);
}

qint64 RoutingLocation::spareCapacity() const
{
    if (!dailyCapacity)
        return std::numeric_limits<qint64>::max();
    return std::max<qint64>(0, qint64(*dailyCapacity) - routedToday);
}

RoutingDecision Router::route(const RoutingRequest &req)
{
    RoutingDecision d;
    if (req.lines.isEmpty()) {
        d.holdKind = HoldKind::NoRate;
        d.reason = tr("Nothing to ship: the order has no lines");
        return d;
    }
    for (const RoutingLine &line : req.lines) {
        if (line.isKit && line.components.isEmpty()) {
            d.holdKind = HoldKind::EmptyKit;
            d.reason = tr("%1 is a kit without components: add its parts in the product editor")
                           .arg(line.sku);
            return d;
        }
    }
    const QList<qsizetype> everything = allIndexes(req.lines);
    const int weight = weightOf(req.lines, everything);

    // What the whole order takes of each product: a kit line counts as its components.
    QHash<qint64, int> need;
    for (const RoutingLine &line : req.lines)
        take(line, line.quantity, need);

    QList<Candidate> whole;
    for (const RoutingLocation &loc : req.locations) {
        if (!mayShip(loc))
            continue;
        bool all = true;
        for (auto it = need.cbegin(); it != need.cend() && all; ++it)
            all = loc.usable(it.key()) >= it.value();
        if (!all)
            continue;
        const std::optional<ShippingRate> rate =
            req.rates.find(loc.id, loc.country, req.country, req.postcode, weight);
        if (!rate)
            continue;
        Candidate c{&loc, *rate, {}};
        for (auto it = need.cbegin(); it != need.cend(); ++it) {
            const QDateTime t = loc.lastReceipt.value(it.key());
            if (t.isValid() && (!c.oldestStock.isValid() || t < c.oldestStock))
                c.oldestStock = t;
        }
        whole.append(c);
    }

    if (!whole.isEmpty()) {
        std::sort(whole.begin(), whole.end(), [](const Candidate &a, const Candidate &b) {
            return compareCandidates(a, b, nullptr) < 0;
        });
        const auto preferred =
            std::find_if(whole.cbegin(), whole.cend(), [&req](const Candidate &c) {
                return req.preferredLocationId && c.location->id == *req.preferredLocationId;
            });
        const bool byRule = preferred != whole.cend() && preferred != whole.cbegin();
        const Candidate &best = byRule ? *preferred : whole.constFirst();
        d.outcome = RoutingDecision::Outcome::Routed;
        d.locationId = best.location->id;
        d.costMinor = best.rate.costMinor;
        d.transitDays = best.rate.transitDays;
        for (const RoutingLine &line : req.lines)
            allocateLine(line, best.location->id, d.allocations);
        if (byRule) {
            const Candidate &cheapest = whole.constFirst();
            d.reason =
                tr("Routed to %1: chosen by an automation rule, %2, %3 (%4 from %5)")
                    .arg(best.location->code, money(best.rate.costMinor, req.currency),
                         days(best.rate.transitDays), money(cheapest.rate.costMinor, req.currency),
                         cheapest.location->code);
        } else if (whole.size() == 1) {
            const QString only =
                req.lines.size() == 1
                    ? tr("only location with %1").arg(quantityOf(req.lines.first()))
                : req.lines.size() == 2 ? tr("only location with both lines")
                                        : tr("only location with all %1")
                                              .arg(lineWords(static_cast<int>(req.lines.size())));
            QString cost = money(best.rate.costMinor, req.currency);
            // What the order would cost in parcels from the others, for comparison.
            RoutingRequest others = req;
            others.locations.removeIf(
                [&best](const RoutingLocation &l) { return l.id == best.location->id; });
            if (const auto split = planSplit(others)) {
                qint64 splitCost = 0;
                for (const Parcel &p : *split)
                    splitCost += p.rate.costMinor;
                cost = tr("%1 vs %2 in %3 parcels")
                           .arg(cost, money(splitCost, req.currency))
                           .arg(split->size());
            } else {
                cost = tr("%1, %2").arg(cost, days(best.rate.transitDays));
            }
            d.reason = tr("Routed to %1: %2, %3").arg(best.location->code, only, cost);
        } else {
            Decider why = Decider::Order;
            compareCandidates(best, whole.at(1), &why);
            d.reason = tr("Routed to %1: %2")
                           .arg(best.location->code,
                                whyBetter(best, whole.at(1), why, static_cast<int>(whole.size()),
                                          req.currency));
        }
        return d;
    }

    qint64 shortUnits = 0;
    const std::optional<Candidate> single = bestSingle(req, weight, &shortUnits);
    if (!single) {
        d.holdKind = HoldKind::NoRate;
        d.reason = tr("No location ships a %1 parcel to %2").arg(kilograms(weight), req.country);
        return d;
    }

    const QString missing = whatIsMissing(req);
    const std::optional<QList<Parcel>> split = planSplit(req);
    if (!split)
        return shortfall(req, *single, missing);

    qint64 splitCost = 0;
    int splitTransit = 0;
    for (const Parcel &p : *split) {
        splitCost += p.rate.costMinor;
        splitTransit = std::max(splitTransit, p.rate.transitDays);
    }
    const QString parcels = parcelWords(*split);
    switch (req.policy.split) {
    case SplitPolicy::Never:
        return shortfall(req, *single, tr("%1; splitting is off").arg(missing));
    case SplitPolicy::Ask:
        d.outcome = RoutingDecision::Outcome::Hold;
        d.holdKind = HoldKind::SplitDecision;
        d.locationId = split->constFirst().location->id;
        d.costMinor = splitCost;
        d.reason = tr("Needs a decision: split? %1; %2 would cost %3 in %4 parcels")
                       .arg(missing, parcels, money(splitCost, req.currency))
                       .arg(split->size());
        return d;
    case SplitPolicy::Allow:
        break;
    }

    // Waiting ends in one parcel from the cheapest location that ships there, whatever
    // it holds today: a baseline that does not move as stock runs down, so a decision
    // to wait stays a decision to wait (running allocation again changes nothing).
    qint64 oneParcel = single->rate.costMinor;
    for (const RoutingLocation &loc : req.locations)
        if (mayShip(loc))
            if (const auto r =
                    req.rates.find(loc.id, loc.country, req.country, req.postcode, weight))
                oneParcel = std::min(oneParcel, r->costMinor);
    const qint64 waiting = req.policy.waitCostPerDayMinor * req.policy.restockDays;
    const qint64 later = oneParcel + waiting;
    const QString comparison = tr("%1 in %2 parcels vs %3 + %4 for %5 of waiting")
                                   .arg(money(splitCost, req.currency))
                                   .arg(split->size())
                                   .arg(money(oneParcel, req.currency),
                                        money(waiting, req.currency), days(req.policy.restockDays));
    if (splitCost >= later)
        return shortfall(req, *single, tr("%1; waiting is cheaper (%2)").arg(missing, comparison));

    d.outcome = RoutingDecision::Outcome::Split;
    d.locationId = split->constFirst().location->id;
    d.costMinor = splitCost;
    d.transitDays = splitTransit;
    for (const Parcel &p : *split)
        for (qsizetype i : p.lines)
            allocateLine(req.lines.at(i), p.location->id, d.allocations);
    std::stable_sort(
        d.allocations.begin(), d.allocations.end(),
        [](const LineAllocation &a, const LineAllocation &b) { return a.lineId < b.lineId; });
    d.reason = tr("Split: %1; %2; %3").arg(parcels, missing, comparison);
    return d;
}

} // namespace models
