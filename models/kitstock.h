#pragma once

#include "models/kit.h"

#include <QHash>
#include <QList>
#include <QString>

namespace models {

// What a kit's components have available at one location (per component product).
struct KitLocationAvailable
{
    qint64 locationId = 0;
    QString locationCode;
    QString locationName;
    QHash<qint64, int> available;
};

// Whole kits the components make at one location.
struct KitMakesAt
{
    qint64 locationId = 0;
    QString locationCode;
    QString locationName;
    int kits = 0;
};

// What a kit's components make now, location by location.
struct KitStock
{
    QList<KitMakesAt> locations; // in the order the locations were given
    // The component that limits the kit most over every location (fewest kits' worth);
    // empty without components.
    QString scarcestSku;

    int total() const;
    // Only the locations that make at least one kit.
    QList<KitMakesAt> making() const;
};

// KitRules::kitsAvailable at each location, and the scarcest component.
KitStock kitStock(const QList<KitComponent> &components,
                  const QList<KitLocationAvailable> &locations);

} // namespace models
