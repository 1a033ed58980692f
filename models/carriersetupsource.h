#pragma once

#include "models/carrier.h"
#include "models/result.h"

#include <QList>

namespace models {

// A carrier as the owner sets it up: switched off carriers stay on the list.
struct CarrierEntry
{
    Carrier carrier;
    bool active = true;
};

// What the carriers and rates dialog reads and writes; storage/ implements it over
// the database.
class CarrierSetupSource
{
public:
    virtual ~CarrierSetupSource() = default;
    // Every carrier, switched off or not, by name.
    virtual Result<QList<CarrierEntry>> allCarriers() = 0;
    // The carrier's services, switched off or not, each with its rate card.
    virtual Result<QList<CarrierService>> servicesOf(qint64 carrierId) = 0;
    // Adds or updates the carrier (matched by code); returns its id.
    virtual Result<qint64> saveCarrier(const CarrierEntry &entry) = 0;
    // Adds or updates the service and replaces its rate card; returns its id.
    virtual Result<qint64> saveService(const CarrierService &service) = 0;
};

} // namespace models
