#pragma once

#include "models/purchasingsource.h"

#include <QByteArray>

namespace importers {

// A purchase order as a CSV file for the supplier: one row per line with the PO
// number, the supplier's SKU, ours, the name, the quantity ordered, the unit cost
// ("12.50"), the currency and the expected date (YYYY-MM-DD, blank when none). Every
// text cell goes through spreadsheetCsvCell, so nothing in it runs as a formula when
// the supplier opens it. UTF-8, CRLF line ends.
QByteArray purchaseOrderCsv(const models::PurchaseOrderDetail &order);
inline constexpr char kPurchaseOrderCsvHeader[] =
    "PO number,Supplier SKU,SKU,Name,Quantity,Unit cost,Currency,Expected date";

} // namespace importers
