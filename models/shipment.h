#pragma once

#include "models/money.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace models {

struct Parcel
{
    int weightGrams = 0;
    int lengthMm = 0;
    int widthMm = 0;
    int heightMm = 0;
    QString trackingNumber; // each parcel's own; empty: the shipment's
};

struct ShipmentLine
{
    qint64 orderLineId = 0;
    int quantity = 0;
};

// What left a location for one order: carrier, tracking and the parcels.
struct Shipment
{
    enum class Status
    {
        Draft,
        Labelled,
        Shipped,
        Delivered,
        Voided
    };

    qint64 id = 0;
    qint64 orderId = 0;
    qint64 locationId = 0;
    QString carrier;
    QString service;
    QString trackingNumber;
    Status status = Status::Draft;
    Money cost;
    QDateTime createdAtUtc;
    QDateTime shippedAtUtc;
    QDateTime deliveredAtUtc;
    QList<Parcel> parcels;
    QList<ShipmentLine> lines;
};

QString shipmentStatusCode(Shipment::Status status);

} // namespace models
