#include "models/kitstock.h"

#include <limits>

namespace models {

int KitStock::total() const
{
    int n = 0;
    for (const KitMakesAt &at : locations)
        n += at.kits;
    return n;
}

QList<KitMakesAt> KitStock::making() const
{
    QList<KitMakesAt> out;
    for (const KitMakesAt &at : locations)
        if (at.kits > 0)
            out.append(at);
    return out;
}

KitStock kitStock(const QList<KitComponent> &components,
                  const QList<KitLocationAvailable> &locations)
{
    KitStock out;
    for (const KitLocationAvailable &l : locations)
        out.locations.append({l.locationId, l.locationCode, l.locationName,
                              KitRules::kitsAvailable(components, l.available)});
    qint64 fewest = std::numeric_limits<qint64>::max();
    for (const KitComponent &c : components) {
        qint64 kits = 0;
        for (const KitLocationAvailable &l : locations)
            kits += std::max(0, l.available.value(c.productId)) / std::max(1, c.quantity);
        if (kits < fewest) {
            fewest = kits;
            out.scarcestSku = c.sku;
        }
    }
    return out;
}

} // namespace models
