#pragma once

#include "models/importedorder.h"
#include "models/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace importers::api {

// Amazon Selling Partner API, Orders v0: one Order from getOrders with its items
// from getOrderItems as an ImportedOrder, keyed like the order reports (the
// Amazon order id, 112-1234567-1234567; each line by its OrderItemId).
//
// - Money is {"CurrencyCode": "USD", "Amount": "49.72"}. ItemPrice is the line's
//   (unit price x quantity); shipping, tax and discounts are the items' sums; the
//   total is OrderTotal.
// - OrderStatus Canceled: cancelled (items Amazon reports with quantity 0 are left
//   out); Shipped: shipped; Pending and PendingAvailability: payment "pending" and
//   no prices yet (an update then keeps the money stored). QuantityShipped per item.
// - ShipmentServiceLevelCategory Expedited, NextDay, SecondDay, SameDay or Priority:
//   expedited. LatestShipDate is the ship-by.
// - Name, street and phone come only with a restricted-data token; without it the
//   city, region, postcode and country still arrive.
models::ImportedOrder amazonOrderFromJson(const QJsonObject &order, const QJsonArray &items,
                                          qint64 position);

// getOrders' payload.Orders, or getOrderItems' payload.OrderItems (`list`), with
// the payload's NextToken; an error naming `pageName` when the answer has neither.
struct AmazonPage
{
    QJsonArray entries;
    QString nextToken;
};
models::Result<AmazonPage> amazonPageOf(const QJsonObject &answer, QStringView list,
                                        const QString &pageName);

} // namespace importers::api
