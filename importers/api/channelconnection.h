#pragma once

#include "models/result.h"

#include <QString>
#include <QUrl>

namespace importers::api {

// Which channel API a pull talks to, and how to reach it: what this PC keeps per
// channel (QSettings group "connections/<channel>"), or what a command gives.
struct ChannelConnection
{
    QString channel;       // shopify, ebay, amazon
    QString endpoint;      // Shopify: the shop ("my-shop", "my-shop.myshopify.com") or a URL;
                           // eBay, Amazon: the API's base URL; empty: the channel's production host
    QString token;         // Shopify Admin API access token; eBay OAuth user token;
                           // Amazon LWA access token
    QString marketplaceId; // Amazon: e.g. ATVPDKIKX0DER (amazon.com); eBay: optional
                           // X-EBAY-C-MARKETPLACE-ID
    QString apiVersion;    // Shopify REST version; empty: kShopifyApiVersion
};

inline constexpr char16_t kShopifyApiVersion[] = u"2024-04";

// "Shopify", "eBay", "Amazon".
QString channelApiName(const QString &channel);
bool isApiChannel(const QString &channel);

// The base URL the pull starts from: scheme and host from the endpoint (https
// unless it says otherwise), the channel's path when the endpoint has none.
// An error names the endpoint when it cannot be a URL.
models::Result<QUrl> firstPageUrl(const ChannelConnection &connection);

// The account as people call it in messages: "shop my-shop.myshopify.com".
QString accountName(const ChannelConnection &connection);

// A connection usable for a pull; the error says which field is missing.
models::Status checkConnection(const ChannelConnection &connection);

// Kept per PC in the application's QSettings. Saving an empty token keeps the
// one stored (the dialog shows none).
ChannelConnection loadConnection(const QString &channel);
void saveConnection(const ChannelConnection &connection);

} // namespace importers::api
