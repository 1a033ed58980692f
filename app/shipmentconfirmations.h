#pragma once

#include "storage/sqlshipmentexport.h"

#include <QByteArray>

namespace app {

// The shipping confirmations each channel takes back, one writer per file format.
// Each starts with its header (header()) and adds one row per shipped order line.
class ShipmentConfirmationWriter
{
public:
    virtual ~ShipmentConfirmationWriter() = default;
    virtual QByteArray header() const = 0;
    virtual QByteArray row(const storage::ShippedLine &line) const = 0;

    // amazon, ebay or shopify; null for anything else.
    static std::unique_ptr<ShipmentConfirmationWriter> forChannel(const QString &channel);
};

// Amazon Seller Central › Orders › Upload order related files › Shipping
// confirmation: tab-delimited, the 8 columns of help page G641, one row per order
// item. carrier-name only when carrier-code is "Other".
class AmazonShippingConfirmation : public ShipmentConfirmationWriter
{
public:
    QByteArray header() const override;
    QByteArray row(const storage::ShippedLine &line) const override;
};

// eBay Seller Hub › Reports › Uploads, "Add order tracking and shipping info"
// template: comma-separated, an #INFO line, then the template's 8 columns.
class EbayTrackingUpload : public ShipmentConfirmationWriter
{
public:
    QByteArray header() const override;
    QByteArray row(const storage::ShippedLine &line) const override;
};

// Shopify: a fulfilment record for the owner, in the Orders export's column names
// where one exists (Name, Fulfilled at, Lineitem …) and the fulfilment's tracking
// company, numbers and URL.
class ShopifyFulfilmentRecord : public ShipmentConfirmationWriter
{
public:
    QByteArray header() const override;
    QByteArray row(const storage::ShippedLine &line) const override;
};

} // namespace app
