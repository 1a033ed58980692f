#pragma once

#include "models/combinedshipment.h"
#include "models/result.h"

#include <QSqlDatabase>

namespace storage {

// The other open orders (new, ready, on hold, backordered) that could go out with
// `orderId` in one parcel: the same customer and the same ship-to address, any
// channel (models/combinedshipment). One indexed lookup by normalised postcode over
// open orders only (orders_open_ship_postcode, schema version 13), then the rule.
// Empty for an order that is no longer open.
models::Result<QList<models::ShipToFacts>> combinableOrders(const QSqlDatabase &db, qint64 orderId);

// The detail panel's lines: "Ships with #1004 (eBay) to the same address".
models::Result<QStringList> shipsWithLines(const QSqlDatabase &db, qint64 orderId);

} // namespace storage
