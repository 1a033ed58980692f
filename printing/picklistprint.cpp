#include "printing/picklistprint.h"

#include "models/picklistcode.h"

#include <QSet>

namespace printing {

PickListData pickListPrintData(const models::PickListDetail &list)
{
    PickListData data;
    data.listId = list.summary.code;
    data.locationName = list.summary.locationName;
    data.createdUtc = list.summary.createdUtc;
    // The picker writes their name on the sheet; the list's creator is not the picker.
    QSet<qint64> removed;
    for (const models::PickListOrder &o : list.orders) {
        if (o.removed) {
            removed.insert(o.orderId);
            continue;
        }
        data.totes.append({o.slot, models::slotBarcode(list.summary.code, o.slot), o.orderNumber});
    }
    for (const models::PickLine &line : list.lines) {
        PickRow row;
        row.binCode = line.binCode.isEmpty() ? QStringLiteral("—") : line.binCode;
        row.sku = line.sku;
        row.title = line.title;
        row.productBarcode = line.barcode;
        QList<models::PickAllocation> kept;
        for (const models::PickAllocation &a : line.allocations) {
            if (removed.contains(a.orderId))
                continue;
            kept.append(a);
            if (!row.allocations.isEmpty() && row.allocations.last().slot == a.slot &&
                row.allocations.last().kitSku == a.kitSku)
                row.allocations.last().quantity += a.quantity;
            else
                row.allocations.append({a.slot, a.quantity, a.kitSku});
        }
        row.kitNote = models::pickKitNote(kept);
        if (!row.allocations.isEmpty())
            data.rows.append(row);
    }
    return data;
}

} // namespace printing
