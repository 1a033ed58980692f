#pragma once

#include "models/address.h"
#include "models/kit.h"
#include "models/money.h"
#include "models/order.h"
#include "models/result.h"
#include "printing/document.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace printing {

struct PackingSlipLine
{
    QString sku;
    QString title;
    int quantity = 0;
    models::Money unitPrice;
    models::Money lineTotal;
    QList<models::KitComponent> parts; // a kit: printed under it, quantities per kit
};

// What goes in the parcel, for the buyer. Plain values: no database.
struct PackingSlipData
{
    QString shopName;
    models::Address shopAddress;
    QString shopContact; // "help@shop.example · shop.example"
    QString orderNumber;
    QDateTime orderDateUtc;
    QString channel; // "Shopify", "Amazon", "eBay"
    models::Address shipTo;
    models::Address billTo; // empty name: not printed
    QList<PackingSlipLine> lines;
    models::Money subtotal;
    models::Money shipping;
    models::Money discount; // positive amount taken off
    models::Money tax;
    models::Money total;
    QString returnInstructions;
    QString returnUrl; // the QR code in the returns box; empty: no code
    QString giftMessage;

    // Lines, totals, ship-to and number from an order; the shop's own details
    // are left for the caller.
    static PackingSlipData fromOrder(const models::Order &order);
};

struct PackingSlipOptions
{
    // A gift: no prices and no totals anywhere, the gift message shown.
    bool gift = false;
};

// A4 or Letter (any sheet from PageSetup). Every page repeats the shop, the
// order number and "Page n of m"; the lines table breaks between rows and
// repeats its header.
models::Result<Document> packingSlipDocument(const PackingSlipData &slip, const PageSetup &page,
                                             const PackingSlipOptions &options = {});

} // namespace printing
