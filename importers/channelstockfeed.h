#pragma once

#include "models/channelstock.h"

#include <QByteArray>
#include <QString>

namespace importers {

// Each channel's own stock upload file, written from a models::ChannelStockFeed. The
// SKUs must reach the channel exactly as they are, so cells are quoted as RFC 4180
// asks but never given a spreadsheet formula guard (which would change a SKU like
// "-12"). UTF-8 without a byte-order mark, CRLF line ends.

// Shopify: Products › Inventory › Import, the inventory CSV of Shopify's own export
// ("All quantity types"): Handle, Title, Option1..3 Name/Value, SKU, HS Code, COO,
// Location, Bin name, Incoming/Unavailable/Committed/Available "(not editable)",
// "On hand (current)" and "On hand (new)". Shopify reads only "On hand (new)"; it is the
// quantity the channel may sell, and Available shows the same figure. Handle is the
// product name in Shopify's handle form; one variant per product ("Title" /
// "Default Title").
QByteArray shopifyInventoryCsv(const models::ChannelStockFeed &feed);
inline constexpr char kShopifyInventoryHeader[] =
    "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,"
    "Option3 Value,SKU,HS Code,COO,Location,Bin name,Incoming (not editable),"
    "Unavailable (not editable),Committed (not editable),Available (not editable),"
    "On hand (current),On hand (new)";

// Amazon: the Price & Quantity flat file (Inventory Loader family), tab-separated:
// sku, price, minimum-seller-allowed-price, maximum-seller-allowed-price, quantity,
// handling-time, fulfillment-channel. Only sku and quantity are filled: Amazon keeps a
// blank price and handling time as they are.
QByteArray amazonPriceQuantityTxt(const models::ChannelStockFeed &feed);
inline constexpr char kAmazonPriceQuantityHeader[] =
    "sku\tprice\tminimum-seller-allowed-price\tmaximum-seller-allowed-price\tquantity\t"
    "handling-time\tfulfillment-channel";

// eBay: a File Exchange / Seller Hub Reports revise upload. The first header cell
// carries the site, country and currency (from the channel's currency: GBP is the UK
// site, USD the US, EUR Germany, AUD Australia, CAD Canada); each row is Action
// "Revise" with the listing's Custom label (SKU) and the new Quantity. ItemID stays
// blank: the listing is found by its SKU.
QByteArray ebayQuantityCsv(const models::ChannelStockFeed &feed);
QString ebayActionHeader(const QString &currency);

// Shopify's handle form: lower case letters and digits joined by single hyphens.
QString shopifyHandle(const QString &title);

} // namespace importers
