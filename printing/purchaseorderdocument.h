#pragma once

#include "models/address.h"
#include "models/money.h"
#include "models/result.h"
#include "printing/document.h"

#include <QDate>
#include <QList>
#include <QString>

namespace printing {

struct PurchaseOrderDocumentLine
{
    QString sku;         // ours
    QString supplierSku; // theirs; empty: not known
    QString description;
    int quantity = 0;
    models::Money unitCost;

    models::Money lineTotal() const { return unitCost * quantity; }
};

// A purchase order as sent to the supplier. Plain values: the purchasing
// screen fills it from its own rows.
struct PurchaseOrderDocumentData
{
    QString poNumber;  // printed as Code 128 on every page, scanned at goods-in
    QString buyerName; // the shop
    QString buyerEmail;
    QString supplierName;
    models::Address supplierAddress; // may be empty but for the name
    QString supplierEmail;
    QString supplierPhone;
    QString shipToName; // the receiving location, "Leeds warehouse"
    models::Address shipTo;
    QDate orderDate;
    QDate expectedDate; // empty: not printed
    QString currency;   // every line's unit cost is in it
    QList<PurchaseOrderDocumentLine> lines;
    models::Money shipping; // agreed carriage; empty currency or zero: not printed
    models::Money tax;      // empty currency or zero: not printed
    QString notes;

    models::Money subtotal() const;
    models::Money total() const;
};

// A4 or Letter. Refuses no lines, a PO number Code 128 cannot carry, and a line
// priced in another currency than the order's.
models::Result<Document> purchaseOrderDocument(const PurchaseOrderDocumentData &po,
                                               const PageSetup &page = PageSetup::a4());

} // namespace printing
