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
    // A part of a kit: its units are counted against the kit's order line (orderLineId),
    // perKit of them in every kit; `kit` is the kit's index in PackOrder::kits. An
    // ordinary line has kit -1 and perKit 0.
    int kit = -1;
    int perKit = 0;
};

// An order line that sells a kit. The bench never packs it as one item: its parts are
// PackLines of their own, and the kit's own barcodes, SKU and channel SKUs are refused
// with the parts to scan instead.
struct PackKit
{
    qint64 orderLineId = 0;
    qint64 productId = 0;
    QString sku;
    QString title;
    int quantity = 0; // kits still to ship
    QStringList barcodes;
    QStringList channelSkus;
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
    QString pickSlot;      // "PL-000012-03" when it was found from a pick-list slot
    QList<PackLine> lines; // a kit's parts where the kit's line is
    QList<PackKit> kits;

    // Appends a kit line: the kit, then one line per part, each part given with its
    // quantity per kit (`parts[i].quantity`); parts get kit.quantity × that, the kit's
    // order line, and perKit. Parts without a quantity are left out.
    void appendKit(const PackKit &kit, const QList<PackLine> &parts)
    {
        const int index = static_cast<int>(kits.size());
        kits.append(kit);
        for (PackLine part : parts) {
            if (part.quantity <= 0 || kit.quantity <= 0)
                continue;
            part.orderLineId = kit.orderLineId;
            part.kit = index;
            part.perKit = part.quantity;
            part.quantity = kit.quantity * part.perKit;
            lines.append(part);
        }
    }

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
