#pragma once

#include "models/kit.h"
#include "models/location.h"
#include "models/orderexceptions.h"
#include "models/shippingrate.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace models {

// One line of the order being routed.
struct RoutingLine
{
    qint64 lineId = 0;
    qint64 productId = 0;
    QString sku;
    int quantity = 0;
    int unitWeightGrams = 0; // a kit: its own weight when set, else its components'
    // A kit (bundle) is sold as this line's SKU and stocked as its components: each
    // unit takes `quantity` of every component, all from one location. An ordinary
    // line is one part of itself. A kit without components can never be routed.
    bool isKit = false;
    QList<KitComponent> components;

    // The products this line takes, each with its units per line unit.
    template <typename Fn> void forEachPart(Fn &&fn) const
    {
        if (!isKit) {
            fn(productId, 1);
            return;
        }
        for (const KitComponent &c : components)
            fn(c.productId, c.quantity);
    }
};

// A location that might ship the order, with what it holds of the order's products.
struct RoutingLocation
{
    qint64 id = 0;
    QString code;
    LocationKind kind = LocationKind::Warehouse;
    QString country;
    bool shipsFromStore = true; // a store that does not ship online orders is no candidate
    int storeBuffer = 0;        // units per product a store keeps for walk-in customers
    std::optional<int> dailyCapacity;
    int routedToday = 0;
    int routingPriority = 0;              // lower wins when nothing else separates two locations
    QHash<qint64, int> available;         // per product: on hand - reserved
    QHash<qint64, QDateTime> lastReceipt; // per product: the latest receipt, for stock age

    // What an online order may take of a product here.
    int usable(qint64 productId) const;
    bool hasCapacity() const { return !dailyCapacity || routedToday < *dailyCapacity; }
    // Spare capacity today; no limit counts as the most.
    qint64 spareCapacity() const;
};

enum class SplitPolicy
{
    Never, // one parcel or nothing: the order waits (backorder or hold, per shortfall)
    Ask,   // hold the order for a person to decide
    Allow, // split when the parcels cost less than waiting for the stock
};

enum class ShortfallPolicy
{
    Backorder,
    Hold,
};

struct RoutingPolicy
{
    SplitPolicy split = SplitPolicy::Allow;
    ShortfallPolicy shortfall = ShortfallPolicy::Backorder;
    qint64 waitCostPerDayMinor = 100; // what a day of waiting for stock is worth
    int restockDays = 7;              // how long missing stock usually takes to arrive
    int maxParcels = 3;
};

struct RoutingRequest
{
    QList<RoutingLine> lines;
    QString country; // destination, ISO 3166-1 alpha-2
    QString postcode;
    QList<RoutingLocation> locations;
    RateTable rates;
    RoutingPolicy policy;
    QString currency = QStringLiteral("GBP"); // of the rates, for the words
    // Set by an automation rule: ships from here whenever it can ship the whole order;
    // otherwise the usual rules decide and the preference is ignored.
    std::optional<qint64> preferredLocationId;
};

// Stock reserved for one line at one location: for a kit line, one per component,
// with the component's product and units (line quantity × per kit).
struct LineAllocation
{
    qint64 lineId = 0;
    qint64 productId = 0;
    qint64 locationId = 0;
    int quantity = 0;
};

struct RoutingDecision
{
    enum class Outcome
    {
        Routed,    // one location ships everything
        Split,     // two or more parcels
        Backorder, // waits at `locationId` for stock
        Hold,      // needs a person: see holdKind and reason
    };
    Outcome outcome = Outcome::Hold;
    // OutOfStock (the shortfall policy says hold), SplitDecision (the split policy
    // says ask), NoRate (no location can ship a parcel like this there) or EmptyKit
    // (a line is a kit without components).
    std::optional<HoldKind> holdKind;
    std::optional<qint64> locationId; // the shipping (or waiting) location; the main one of a split
    QList<LineAllocation> allocations;
    qint64 costMinor = 0;
    int transitDays = 0;
    QString reason; // for the timeline, e.g. "Routed to LDS: only location with all 3 lines, ..."
};

// Decides where an order ships from. One location that can ship it all is preferred:
// the lowest cost, then the shortest transit, then the most spare capacity today, then
// the oldest stock, then routing priority. A location at its daily capacity only gets
// the order when no other can ship it whole. When none can, the split policy decides.
// A kit line counts as its components: a location covers it only when it holds every
// one, and its components always come from one location (never split between parcels).
class Router
{
public:
    static RoutingDecision route(const RoutingRequest &request);
};

} // namespace models
