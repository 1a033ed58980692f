#pragma once

#include "models/result.h"
#include "models/shipment.h"
#include "storage/sqlcarriers.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace storage {

// What leaves for one order: the service (or a carrier and service named in words),
// the parcels, and which lines in what quantities (empty: everything not yet shipped;
// a kit line's quantity counts whole kits).
struct ShipmentRequest
{
    qint64 orderId = 0;
    qint64 serviceId = 0; // carrier_services.id; 0: carrier and service as given
    QString carrier;
    QString service;
    QList<models::Parcel> parcels; // an empty tracking number is generated when the carrier can
    QList<models::ShipmentLine> lines;
    qint64 costMinor = 0;
    QString currency;
    QString user;
    QDateTime atUtc; // invalid: now
};

struct ShippedOrder
{
    qint64 shipmentId = 0;
    QString orderNumber;
    QString status; // shipped or partially_shipped
    QStringList trackingNumbers;
    QString event; // the timeline's words
};

// Hands out the carrier's next tracking number and moves its sequence on, in one
// transaction.
models::Result<QString> nextTrackingNumber(const QSqlDatabase &db, qint64 carrierId);

// Creates a draft shipment with its parcels and lines for a packed (or partially
// shipped) order. Nothing moves yet: markShipped does that.
models::Result<qint64> createShipment(const QSqlDatabase &db, const ShipmentRequest &request);

// In ONE transaction: stock leaves the order's location ('shipped' movements in the
// ledger), the lines' reservations are consumed, order_lines.quantity_shipped grows,
// the order becomes shipped or partially_shipped, the shipment shipped, and the
// timeline says so. A shipment or order that already shipped is refused, so a second
// click or a second window moves nothing. A kit line ships whole kits: its
// quantity_shipped counts kits, and its components leave (kits × per-kit quantity
// each, consuming the components' reservations held for the line).
models::Result<ShippedOrder> markShipped(const QSqlDatabase &db, qint64 shipmentId,
                                         const QString &user, const QDateTime &atUtc = {});

// createShipment and markShipped together, in one transaction.
models::Result<ShippedOrder> shipOrder(const QSqlDatabase &db, const ShipmentRequest &request);

} // namespace storage
