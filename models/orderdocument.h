#pragma once

#include "models/address.h"
#include "models/kit.h"
#include "models/location.h"
#include "models/money.h"
#include "models/orderstatus.h"
#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace models {

// One order line with what the documents say about its product.
struct DocumentLine
{
    QString sku;
    QString title;
    int quantity = 0;
    Money unitPrice;
    Money lineTotal;
    std::optional<qint64> productId; // empty: a SKU the catalogue does not know
    int unitWeightGrams = 0;         // 0: not known
    QString hsCode;                  // customs tariff number; empty: not known
    QString originCountry;           // ISO 3166-1 alpha-2; empty: not known
    QString binCode;                 // the primary bin at the shipping location
    int binSequence = 0;             // its place on the walk through the location
    QString barcode;                 // the product's primary GTIN, if it has one
    QList<KitComponent> parts;       // a kit: its components, quantities per kit
    // A kit: where the picker finds each part at the shipping location, in the order
    // of `parts`; empty fields where a part has no bin or barcode.
    struct PartShelf
    {
        QString binCode;
        int binSequence = 0;
        QString barcode;
    };
    QList<PartShelf> partShelves;
};

struct DocumentParcel
{
    int weightGrams = 0;
    QString trackingNumber; // the parcel's own; empty: the shipment's
};

// The order's latest shipment that was not voided.
struct DocumentShipment
{
    QString carrier;
    QString service;
    QString trackingNumber;
    QDateTime createdAtUtc;
    QDateTime shippedAtUtc;
    QList<DocumentParcel> parcels;
};

// Everything a label, packing slip, pick list or customs form prints about one
// order, read in one go. Plain values: printing/ turns them into its documents.
struct OrderDocumentData
{
    qint64 orderId = 0;
    QString channelCode;
    QString channelName;
    QString orderNumber; // as the queue shows it
    QString externalId;
    OrderStatus status = OrderStatus::New;
    QDateTime placedAtUtc;
    QString buyerName;
    QString buyerEmail;
    Address shipTo;
    QString shippingService; // what the buyer chose, "Royal Mail Tracked 48"
    Money subtotal;
    Money shipping;
    Money tax;
    Money discount;
    Money total;
    QString shopName;                 // settings: shop.name
    std::optional<Location> shipFrom; // the order's location (or its shipment's)
    std::optional<DocumentShipment> shipment;
    QList<DocumentLine> lines;
};

// What a kit line holds, in words for the customer and the packer: "contains 1 × Mug,
// 2 × Coaster" for one kit, "each contains 1 × Mug, 2 × Coaster" for more (quantities
// per kit, names, or SKUs where a part has no name). Empty when there are no parts.
QString kitContentsText(const QList<KitComponent> &parts, int kits);

// An order found by its number.
struct OrderNumberMatch
{
    qint64 orderId = 0;
    QString channelCode;
    QString orderNumber;
};

// The one order `number` names among `matches`: an error that names the number
// when there is none, and the channels when several channels share the number.
Result<OrderNumberMatch> uniqueOrder(const QString &number, const QList<OrderNumberMatch> &matches);

// Where documents read orders; storage/ implements it over the database.
class OrderDocumentSource
{
public:
    virtual ~OrderDocumentSource() = default;
    // Orders numbered `number` as the queue shows it ("#1001" also found as "1001"),
    // only on `channelCode` when it is not empty.
    virtual Result<QList<OrderNumberMatch>> findOrders(const QString &number,
                                                       const QString &channelCode) = 0;
    virtual Result<OrderDocumentData> orderDocument(qint64 orderId) = 0;
};

} // namespace models
