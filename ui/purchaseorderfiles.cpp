#include "ui/purchaseorderfiles.h"

#include "importers/purchaseordercsv.h"
#include "printing/documentrender.h"

#include <QSaveFile>

namespace ui {

printing::PurchaseOrderDocumentData purchaseOrderDocumentData(const models::PurchaseOrderDetail &po)
{
    printing::PurchaseOrderDocumentData d;
    const models::PurchaseOrderSummary &h = po.header;
    d.poNumber = h.poNumber;
    d.buyerName = po.shopName;
    d.supplierName = h.supplierName;
    d.supplierAddress.name = h.supplierName;
    d.supplierEmail = po.supplierEmail;
    d.supplierPhone = po.supplierPhone;
    d.shipToName = po.locationName;
    d.shipTo = po.locationAddress;
    d.orderDate = (h.orderedAtUtc.isValid() ? h.orderedAtUtc : po.createdAtUtc).toUTC().date();
    d.expectedDate = h.expected;
    d.currency = h.currency;
    d.notes = po.notes;
    for (const models::PurchaseOrderLineDetail &l : po.lines)
        d.lines.append(
            {l.sku, l.supplierSku, l.name, l.ordered, models::Money(l.unitCostMinor, h.currency)});
    return d;
}

models::Status writePurchaseOrderCsv(const models::PurchaseOrderDetail &po, const QString &path)
{
    const QByteArray bytes = importers::purchaseOrderCsv(po);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return models::Error{QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

models::Status writePurchaseOrderPdf(const models::PurchaseOrderDetail &po, const QString &path)
{
    const models::Result<printing::Document> document =
        printing::purchaseOrderDocument(purchaseOrderDocumentData(po));
    if (!document.ok())
        return models::Error{QStringLiteral("%1: %2").arg(po.header.poNumber, document.error())};
    const models::Result<printing::RenderReport> written = printing::writePdf(
        document.value(), path, QStringLiteral("Purchase order %1").arg(po.header.poNumber));
    if (!written.ok())
        return models::Error{written.error()};
    return {};
}

} // namespace ui
