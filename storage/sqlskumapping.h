#pragma once

#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace storage {

// A channel SKU that no product or channel mapping knows, and what waits on it.
struct UnknownSku
{
    QString channelCode; // shopify, amazon, ebay
    QString channelSku;  // exactly as the channel sent it
    qint64 heldOrders = 0;
    qint64 lines = 0;
    QString firstTitle; // the title of the earliest line seen with it
};

// Channel SKUs on orders that are on hold with lines no product knows, the SKUs
// waiting on the most orders first. Lines without any SKU are left out: no mapping
// can ever match them, the order has to be fixed by hand.
models::Result<QList<UnknownSku>> listUnknownSkus(const QSqlDatabase &db);

struct SkuMappingResult
{
    QString productName;
    // The product the channel SKU pointed at before, when the mapping replaced another.
    std::optional<QString> replacedProductSku;
    qint64 linesRemapped = 0;
    qint64 ordersReleased = 0;  // back to new: the next allocation reserves and routes them
    qint64 ordersStillHeld = 0; // affected orders that stay on hold (other SKUs, other reasons)
};

// Maps what `channelCode` calls `channelSku` to the product `productSku`, as the import
// sink would have if the mapping had existed: every line of that channel with that SKU
// and no product gets the product, its quantities in units of the product. An order the
// import held only for unknown SKUs goes back to new once none is left; one still
// missing others keeps its hold with the reason listing them; a hold a person made or
// a broken field keeps the order held. Each changed order gets a timeline event.
// One transaction: a refusal (unknown channel or product SKU) writes nothing.
models::Result<SkuMappingResult> mapChannelSku(const QSqlDatabase &db, const QString &channelCode,
                                               const QString &channelSku, const QString &productSku,
                                               int unitsPerListing, const QString &userName,
                                               const QDateTime &nowUtc = {});

} // namespace storage
