#pragma once

#include "models/address.h"

#include <QString>

namespace models {

enum class LocationKind
{
    Warehouse,
    Store,
    ThirdPartyLogistics
};

QString locationKindCode(LocationKind kind); // "warehouse", "store", "3pl"

// A place that holds stock: every location is part of one shared pool.
struct Location
{
    qint64 id = 0;
    QString code;
    QString name;
    LocationKind kind = LocationKind::Warehouse;
    Address address;
    bool defaultReturns = false;
    int routingPriority = 0; // lower ships first when everything else is equal
};

struct Bin
{
    qint64 id = 0;
    qint64 locationId = 0;
    QString code;         // aisle-bay-shelf, e.g. "A-03-2"
    int pickSequence = 0; // walking order through the location
};

} // namespace models
