#pragma once

#include "models/purchasingsource.h"
#include "printing/purchaseorderdocument.h"

#include <QString>

namespace ui {

// What a purchase order looks like on paper: the document's data from the order as
// the source read it (the shop as buyer, the supplier's e-mail and phone, the
// receiving location's address, ordered and expected dates).
printing::PurchaseOrderDocumentData
purchaseOrderDocumentData(const models::PurchaseOrderDetail &po);

// The files sent to the supplier, each written whole or not at all.
models::Status writePurchaseOrderCsv(const models::PurchaseOrderDetail &po, const QString &path);
models::Status writePurchaseOrderPdf(const models::PurchaseOrderDetail &po, const QString &path);

} // namespace ui
