#pragma once

#include "models/address.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace models {

// A field an importer could not read: which row of the file, which column (by its
// header name) and why. Only the order it belongs to is held back; the rest of the
// file imports. `row` is the physical line number a text editor shows.
struct ImportFieldError
{
    qint64 row = 0;
    QString field;
    QString message;
};

// One record of the source file exactly as read (fields split, nothing normalised),
// kept with the order so a support question can be answered from the original and
// a later fix to an importer can re-derive it.
struct ImportSourceRow
{
    qint64 row = 0;
    QStringList fields;
};

// One line of an imported order, normalised: money in minor units of the order's
// currency. Quantity is what the customer bought.
struct ImportedLine
{
    // The channel's own id for the line where it has one (Amazon order-item-id,
    // eBay Transaction ID / Item Number); empty for Shopify CSV, where the line
    // is identified by its position within the order.
    QString externalLineId;
    QString sku; // as the channel sent it; storage maps it to a product
    QString title;
    int quantity = 0;
    qint64 unitPriceMinor = 0;
    qint64 totalMinor = 0; // unitPrice x quantity unless the channel says otherwise
    qint64 taxMinor = 0;
    qint64 discountMinor = 0;
    int quantityShippedOnChannel = 0;
};

// What the channel says about the order's life, as read from the file: storage
// turns it into an order status and timeline events.
enum class ChannelOrderState
{
    Open,      // to be fulfilled
    Cancelled, // cancelled on the channel: lands as cancelled, reserves nothing
    Shipped,   // fulfilled on the channel (all lines)
};

// An order as one channel export described it, normalised (UTC times, ISO country
// codes, minor units), before storage maps its SKUs and decides its status.
struct ImportedOrder
{
    QString channelCode; // "shopify", "amazon", "ebay"
    QString externalId;  // the channel's own id (Shopify Id; Amazon/eBay order number)
    QString number;      // what the merchant sees (#1001, 112-..., 12-34567-89012)
    QDateTime placedAtUtc;
    std::optional<QDateTime> paidAtUtc;
    std::optional<QDateTime> shipByUtc;
    std::optional<QDateTime> cancelledAtUtc;
    ChannelOrderState state = ChannelOrderState::Open;
    // The channel's payment status in its own words, lower case (paid, pending,
    // refunded, partially_refunded…); empty when the file does not say.
    QString paymentStatus;

    QString buyerName;
    QString buyerEmail;
    QString buyerPhone;
    Address shipTo;
    QString shippingService;
    bool expedited = false;
    QString notes;

    QString currency; // ISO 4217
    qint64 subtotalMinor = 0;
    qint64 shippingMinor = 0;
    qint64 taxMinor = 0;
    qint64 discountMinor = 0;
    qint64 totalMinor = 0;
    qint64 refundedMinor = 0;
    // The file carries no prices for this order (Amazon's Unshipped report):
    // an update from such a file must not zero the money already stored.
    bool hasPrices = true;

    QList<ImportedLine> lines;
    // Broken fields of this order's rows: the order is still imported, on hold.
    QList<ImportFieldError> errors;
    QList<ImportSourceRow> sourceRows;
    qint64 firstRow = 0; // line of its first record, for messages
};

} // namespace models
