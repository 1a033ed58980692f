#pragma once

#include "models/address.h"
#include "models/channel.h"

#include <QString>

namespace app::demo {

// A made-up customer with a plausible address in one of the shop's markets.
struct DemoPerson
{
    models::Customer customer;
    models::Address address;
    QString currency; // what they pay in: GBP, EUR, USD, AUD, CAD
};

// The same (seed, index) always gives the same person, so repeat buyers can be
// recreated instead of kept in memory.
DemoPerson demoPerson(quint64 seed, qint64 index);

} // namespace app::demo
