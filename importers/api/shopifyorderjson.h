#pragma once

#include "models/importedorder.h"
#include "models/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace importers::api {

// Shopify Admin REST API, GET /admin/api/{version}/orders.json: one order object
// as an ImportedOrder, the same as the CSV export's rows of that order would give
// (same key: the order's numeric id; same number: its name, "#1001"), plus what
// only the API says: each line's id, what was fulfilled per line, the refunds.
//
// - Money is the shop currency's ("total_price", "subtotal_price", …), decimal
//   strings; the shipping charge is total_shipping_price_set, else the sum of
//   shipping_lines.
// - cancelled_at set: cancelled. fulfillment_status "fulfilled": shipped. Otherwise
//   open; per line, what successful fulfillments hold is shipped on the channel.
// - A line removed from an open order (refunded or edited away before it shipped,
//   current_quantity 0) is left out, so Backroom does not pick it; one cut down
//   keeps current_quantity. A cancelled order keeps what was bought.
// - refunded is the sum of the successful refund transactions.
// - `position` is the order's place in the pull (1-based), the "row" of its errors.
models::ImportedOrder shopifyOrderFromJson(const QJsonObject &order, qint64 position);

// The "orders" array of one page; an error naming `page` when it has none.
models::Result<QJsonArray> shopifyOrdersOfPage(const QJsonObject &page, const QString &pageName);

} // namespace importers::api
