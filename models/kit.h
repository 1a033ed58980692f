#pragma once

#include "models/result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace models {

// One part of a kit or bundle: so many of a component product in every kit sold.
struct KitComponent
{
    qint64 productId = 0;
    QString sku;
    QString name;
    int quantity = 1;    // per kit; as returned by unitsFor, for the kits asked
    int weightGrams = 0; // of one unit of the component
};

// A kit is sold as one SKU and never stocked as itself: reserving, picking, packing,
// shipping and restocking it move its components. These are its rules.
class KitRules
{
public:
    // Whole kits the components make out of `available` (per component product): the
    // minimum over components of available / per kit, never below 0. A kit without
    // components makes none.
    static int kitsAvailable(const QList<KitComponent> &components,
                             const QHash<qint64, int> &available);

    // What `kits` kits take of each component: the same list with quantity multiplied.
    static QList<KitComponent> unitsFor(const QList<KitComponent> &components, int kits);

    // Whole kits that `units` (per component product) complete: the minimum over
    // components of units / per kit. Used to count kits picked, packed or shipped.
    static int kitsCompleted(const QList<KitComponent> &components,
                             const QHash<qint64, int> &units);

    // One kit's weight: its components' weights times their quantities.
    static int weightGrams(const QList<KitComponent> &components);

    // Checks a kit's components before they are saved: at least one, each quantity
    // from 1 to 999, no product twice, not the kit itself, and no component that is a
    // kit (kits do not nest). The error names the row: "component 2 (MUG-01): ...".
    static Status validate(qint64 kitProductId, const QList<KitComponent> &components,
                           const QSet<qint64> &kitProductIds);

    // "1 × MUG-01, 2 × COASTER-01", in the order given.
    static QString describe(const QList<KitComponent> &components);
};

} // namespace models
