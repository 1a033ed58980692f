#pragma once

#include <QList>
#include <QString>

namespace models {

// One product's figures at one location, as the channel stock feed needs them.
struct LocationStock
{
    int onHand = 0;
    int reserved = 0;
    bool isStore = false;
    int storeBuffer = 0;     // units a store keeps back for walk-in customers
    bool sellsOnline = true; // active, and (for a store) ships online orders
};

// What every channel may be offered of one product, from the shared pool.
class ChannelStockRule
{
public:
    // The sum over locations of on hand less reserved. A store keeps its buffer back
    // (never taking its figure below nothing); a location that does not sell online
    // adds nothing; a location reserved beyond its stock (backorders) takes the excess
    // off the total, so promised units are never offered twice. Never below 0.
    static int availableToPromise(const QList<LocationStock> &locations);

    // Listings a channel may show: whole listings of `unitsPerListing` units out of
    // `availableToPromise`, less the channel's buffer, never below 0.
    static int listingQuantity(int availableToPromise, int unitsPerListing, int channelBuffer);
};

// One line of a channel's stock upload: a listing (the channel's SKU, or the product's
// own when the channel has no mapping) and the quantity it may show.
struct ChannelStockRow
{
    QString listingSku; // what the channel calls it
    QString productSku; // our SKU
    QString title;      // the product's name
    int unitsPerListing = 1;
    int availableToPromise = 0; // product units, before dividing into listings
    int quantity = 0;           // listings after the channel's buffer
};

// Everything one channel's upload file holds.
struct ChannelStockFeed
{
    QString channelCode; // shopify, amazon, ebay
    QString channelName;
    QString currency;
    int buffer = 0;
    QString shopifyLocation; // the Shopify location the quantities are for
    QList<ChannelStockRow> rows;
};

} // namespace models
