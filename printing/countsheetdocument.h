#pragma once

#include "models/result.h"
#include "models/stockoperations.h"
#include "printing/document.h"

namespace printing {

// The sheet a counter takes round a location: the count's number as Code 128 in every
// page header, then one row per line in walk order (pick sequence, bin) with the bin,
// the product's barcode (EAN-13 / UPC-A, else Code 128 of the SKU), the SKU and name,
// and blank boxes for the count and a recount. What the system expects is left off:
// a blind count is not steered by it.
models::Result<Document> countSheetDocument(const models::StockCount &count, const PageSetup &page);

// "COUNT-12": the code printed on the sheet and scanned to open the count again.
QString countSheetCode(qint64 countId);

} // namespace printing
