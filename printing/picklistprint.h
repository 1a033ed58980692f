#pragma once

#include "models/picklist.h"
#include "printing/picklistdocument.h"

namespace printing {

// What a stored pick list prints: one slot per order still on the list, its drop
// code the slot barcode ("PL-000012-03", models::slotBarcode); rows in the list's
// walking order with the bin code ("—" without a bin), the product's barcode and
// each slot's share. Orders a short pick took off the list, and their units, are
// left out. The picker's name is left blank for the picker to write.
PickListData pickListPrintData(const models::PickListDetail &list);

} // namespace printing
