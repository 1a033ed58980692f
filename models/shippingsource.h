#pragma once

#include "models/carrier.h"
#include "models/carriersetupsource.h"
#include "models/money.h"
#include "models/result.h"
#include "models/shipment.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace models {

// A packed order waiting at the bench for its carrier.
struct OrderToShip
{
    qint64 orderId = 0;
    QString orderNumber;
    QString channel; // Shopify, Amazon, eBay
    QString shipName;
    QString country; // ISO 3166 alpha-2
    QString postcode;
    QString fromCountry; // the shipping location's country
    QString locationCode;
    int items = 0;       // units still to ship
    int weightGrams = 0; // the products' weights, for the first parcel
    QDate shipBy;
    QDate deliverBy;
    QString requestedService; // what the buyer chose on the channel
};

// A shipment that left today, for the list under the bench.
struct ShippedShipment
{
    QString orderNumber;
    QString service;
    int parcels = 0;
    QString tracking; // every parcel's, comma separated
    QDateTime atUtc;
};

// What the packer hands the carrier: the service, the parcels (an empty tracking
// number is generated for carriers that number their own parcels) and the price.
struct ShipmentToMake
{
    qint64 orderId = 0;
    qint64 serviceId = 0;
    QList<Parcel> parcels;
    Money cost;
};

// What the Shipping screen reads and writes; storage/ implements it over the
// database.
class ShippingSource
{
public:
    virtual ~ShippingSource() = default;
    virtual Result<QList<OrderToShip>> ordersToShip() = 0;
    virtual Result<QList<CarrierService>> services() = 0;
    virtual Result<QList<Carrier>> carriers() = 0;
    virtual Result<QList<ShippedShipment>> shippedSince(const QDateTime &utc) = 0;
    // Marks the order shipped in one go; returns the timeline's words.
    virtual Result<QString> ship(const ShipmentToMake &shipment) = 0;
    // Where the carriers and rates dialog reads and writes; null: it cannot open.
    virtual CarrierSetupSource *carrierSetup() { return nullptr; }
};

} // namespace models
