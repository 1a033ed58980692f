#pragma once

#include "models/importedorder.h"
#include "models/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace importers::api {

// eBay Sell Fulfillment API, GET /sell/fulfillment/v1/order: one Order as an
// ImportedOrder, keyed like the Seller Hub report (the order number, 12-34567-89012).
//
// - Money is {"value": "18.00", "currency": "USD"}; the order's currency is its
//   pricingSummary.total's. lineItemCost is the line's (unit price x quantity).
//   Discounts (priceDiscountSubtotal, appliedPromotions) are kept as positive amounts.
// - cancelStatus.cancelState CANCELED: cancelled; orderFulfillmentStatus FULFILLED:
//   shipped; a line FULFILLED is shipped on the channel.
// - Ship to fulfillmentStartInstructions[0].shippingStep.shipTo (for eBay's
//   international programme that is eBay's hub, as eBay asks); the earliest
//   shipByDate of the lines is the order's ship-by.
// - refunded is the sum of paymentSummary.refunds that went through (REFUNDED).
models::ImportedOrder ebayOrderFromJson(const QJsonObject &order, qint64 position);

// The "orders" array of one page (absent on an empty page: no orders).
models::Result<QJsonArray> ebayOrdersOfPage(const QJsonObject &page, const QString &pageName);

} // namespace importers::api
