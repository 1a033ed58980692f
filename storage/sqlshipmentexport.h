#pragma once

#include "models/result.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace storage {

// One order line of a shipment, with what a channel's shipping confirmation needs.
struct ShippedLine
{
    qint64 shipmentId = 0;
    QString orderExternalId; // the channel's order id
    QString orderNumber;     // as the queue shows it
    QString externalLineId;  // order_lines.external_line_id: Amazon's order-item-id
    QString sku;
    QString title;
    int quantity = 0;           // in this shipment
    QString shippedAt;          // UTC ISO-8601
    QString carrier;            // shipments.carrier
    QString service;            // shipments.service
    QString trackingNumber;     // the shipment's (its first parcel's)
    QStringList parcelTracking; // every parcel's, in order, without blanks or repeats
    QString amazonCarrierCode;  // carriers.amazon_code; empty: unknown to Amazon
    QString ebayCarrierName;    // carriers.ebay_name; empty: the carrier's name
    QString trackingUrl;        // carriers.tracking_url, {tracking} filled in
};

using ShippedLineFn = std::function<bool(const ShippedLine &)>;

// Every line of the shipments of one channel that left on or after `since` (UTC day;
// invalid: all), oldest first, then by order and line. Voided and draft shipments
// are not confirmations.
models::Status forEachShippedLine(const QSqlDatabase &db, const QString &channelCode,
                                  const QDate &since, const ShippedLineFn &fn);

} // namespace storage
