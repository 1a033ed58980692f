#pragma once

#include "models/kit.h"
#include "models/picklist.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace models {

// Bin codes as a person reads them: letters without regard to case, runs of digits
// by their value, so A-2 comes before A-10 and B-1-10 after B-1-9. Codes that differ
// only in leading zeros ("A-1", "A-01") put the one with fewer zeros first; codes
// that differ only in case put upper case first. <0, 0 (the same text) or >0.
int compareBinCodes(QStringView a, QStringView b);

// The walking order of two lines: lines with a bin first, by the bin's walk
// sequence, then by its code (compareBinCodes); lines without a bin last; then SKU.
bool walksBefore(const PickLine &a, const PickLine &b);

// One order line to pick from a location, before lines are put together.
struct PickItem
{
    int slot = 0;
    qint64 orderId = 0;
    qint64 orderLineId = 0;
    qint64 productId = 0;
    QString sku;
    QString title;
    QString barcode;
    std::optional<qint64> binId;
    QString binCode;
    int binSequence = 0;
    int quantity = 0;
    QString kitSku; // the kit this item is a part of; empty: the order line is this product
};

// What picking an order line of a kit takes: one item per component, `item.quantity`
// kits times the component's per-kit quantity, counted against the same order line and
// marked with the kit's SKU, in the components' order. Bins are left for the caller.
QList<PickItem> kitPickItems(const PickItem &kitLine, const QList<KitComponent> &components);

// One line per product and bin with the total quantity and, per slot, what goes
// into it; lines in walking order numbered from 1, allocations by slot. Items
// without a quantity are left out.
QList<PickLine> aggregatePickLines(const QList<PickItem> &items);

} // namespace models
