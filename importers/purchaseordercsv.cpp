#include "importers/purchaseordercsv.h"

#include "importers/csvcell.h"
#include "models/money.h"

#include <QStringList>

namespace importers {

QByteArray purchaseOrderCsv(const models::PurchaseOrderDetail &order)
{
    QByteArray out = QByteArray(kPurchaseOrderCsvHeader) + "\r\n";
    const models::PurchaseOrderSummary &h = order.header;
    const QString expected = h.expected.isValid() ? h.expected.toString(Qt::ISODate) : QString();
    for (const models::PurchaseOrderLineDetail &l : order.lines) {
        const QStringList cells = {
            spreadsheetCsvCell(h.poNumber),
            spreadsheetCsvCell(l.supplierSku),
            spreadsheetCsvCell(l.sku),
            spreadsheetCsvCell(l.name),
            QString::number(l.ordered),
            models::Money(l.unitCostMinor, h.currency).toPlainString(),
            spreadsheetCsvCell(h.currency),
            expected,
        };
        out += cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    return out;
}

} // namespace importers
