#pragma once

#include "models/result.h"
#include "printing/document.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace printing {

// A numbered tote or cart slot that collects one order of a batch.
struct PickSlot
{
    int number = 0;
    QString code; // scanned to confirm the drop, printed as Code 128
    QString orderNumber;
};

struct PickAllocation
{
    int slot = 0; // PickSlot::number
    int quantity = 0;
    QString kitSku; // the kit these units are parts of ("GIFT-01"); empty: none
};

struct PickRow
{
    QString binCode;
    QString sku;
    QString title;
    QString productBarcode; // GTIN (EAN-13 / UPC-A) or any code; the SKU when empty
    QString kitNote;        // "for GIFT-01": the units are parts of a kit; printed under the item
    QList<PickAllocation> allocations;

    int totalQuantity() const;
};

// A pick list as plain values. Rows are drawn in the order given: the walking
// order is decided elsewhere. One slot makes the single-order variant.
struct PickListData
{
    QString listId; // printed as Code 128 in every page header
    QString locationName;
    QDateTime createdUtc;
    QString picker;
    QList<PickSlot> totes; // one per order, numbered
    QList<PickRow> rows;
};

// Refuses a list id or slot code Code 128 cannot carry, and allocations to
// totes that are not on the list. A product barcode too long for its column
// is printed as text only: the list still prints.
models::Result<Document> pickListDocument(const PickListData &list, const PageSetup &page);

} // namespace printing
