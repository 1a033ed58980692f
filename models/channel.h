#pragma once

#include <QString>

namespace models {

// A place the shop sells: Shopify, Amazon, eBay. Orders are unique per
// (channel, external id).
struct Channel
{
    qint64 id = 0;
    QString code; // "shopify", "amazon", "ebay"
    QString name;
    QString currency;
    int stockBuffer = 0; // units held back from what this channel may show
};

// How people write a channel's name ("Shopify", "Amazon", "eBay"); an unknown code
// as it is.
QString channelDisplayName(const QString &code);

struct Customer
{
    qint64 id = 0;
    QString name;
    QString email;
    QString phone;
    bool vip = false;
};

} // namespace models
