#pragma once

#include "models/orderstatus.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace models {

// One order line as the pack bench checks it: what to scan and how many.
struct PackLine
{
    qint64 orderLineId = 0;
    qint64 productId = 0; // 0: the SKU is not in the catalogue
    QString sku;
    QString title;
    int quantity = 0;
    QStringList barcodes;    // every barcode of the product (EAN-13, UPC-A, Code 128 …)
    QStringList channelSkus; // what the channels call it, printed on marketplace labels
    int weightGrams = 0;
    // The product's size in millimetres; 0 when not known.
    int lengthMm = 0;
    int widthMm = 0;
    int heightMm = 0;
};

// An order found at the bench, with everything needed to check it without going
// back to the database for each scan.
struct PackOrder
{
    qint64 id = 0;
    QString orderNumber; // "#1001", "112-1234567-1234567"
    QString channelName; // "Shopify"
    OrderStatus status = OrderStatus::Ready;
    QString shipName;
    QString shippingService;
    QString pickSlot; // "PL-000012-03" when it was found from a pick-list slot
    QList<PackLine> lines;

    int unitsWanted() const
    {
        int n = 0;
        for (const PackLine &l : lines)
            n += l.quantity;
        return n;
    }
};

// What a code names outside the order at hand: the product it belongs to.
struct ScannedProduct
{
    qint64 productId = 0;
    QString sku;
    QString name;
};

} // namespace models
