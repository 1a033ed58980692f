#pragma once

#include "models/channelstock.h"
#include "models/result.h"

#include <QSqlDatabase>

namespace storage {

// What one channel may show of every active product, read in one snapshot: the
// product's available-to-promise over every location (models::ChannelStockRule; a kit
// offers as many as its scarcest component allows), one row per channel SKU mapped to
// it (floor(ATP / units per listing) less the channel's buffer), or one row under the
// product's own SKU when the channel maps none. Rows in listing-SKU order.
// The Shopify location is the settings key 'shopify.location' when set, otherwise the
// name of the first active warehouse by routing priority.
models::Result<models::ChannelStockFeed> readChannelStock(const QSqlDatabase &db,
                                                          const QString &channelCode);

} // namespace storage
