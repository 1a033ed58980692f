#include "printing/purchaseorderdocument.h"

#include "printing/barcodesymbol.h"
#include "printing/canvas.h"
#include "printing/documentflow.h"

#include <QLocale>

#include <memory>

namespace printing {

namespace {

const TextStyle Body{9.5, 7, false, true, Qt::AlignLeft};
const TextStyle Caption{7.5, 6, true, true, Qt::AlignLeft};

QString money(const models::Money &m)
{
    return m.currency().isEmpty() ? QString() : m.toDisplayString();
}

QString dateText(const QDate &d)
{
    return d.isValid() ? QLocale(QLocale::English).toString(d, QStringLiteral("d MMM yyyy"))
                       : QString();
}

QString addressBlock(const QString &name, const models::Address &a, const QStringList &extra)
{
    QStringList lines{name};
    lines.append(addressLines(a));
    if (!a.country.isEmpty())
        lines.append(countryName(a.country).toUpper());
    lines.append(extra);
    lines.removeAll(QString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

models::Money PurchaseOrderDocumentData::subtotal() const
{
    models::Money sum = models::Money::zero(currency);
    for (const PurchaseOrderDocumentLine &l : lines)
        sum += l.lineTotal();
    return sum;
}

models::Money PurchaseOrderDocumentData::total() const
{
    models::Money sum = subtotal();
    if (shipping.currency() == currency)
        sum += shipping;
    if (tax.currency() == currency)
        sum += tax;
    return sum;
}

models::Result<Document> purchaseOrderDocument(const PurchaseOrderDocumentData &po,
                                               const PageSetup &page)
{
    const QString name = QStringLiteral("purchase order %1").arg(po.poNumber);
    if (auto s = encodeBarcode(BarcodeKind::Code128, po.poNumber); !s)
        return models::Error{QStringLiteral("%1: PO number: %2").arg(name, s.error())};
    if (po.lines.isEmpty())
        return models::Error{QStringLiteral("%1: no lines to order").arg(name)};
    for (const PurchaseOrderDocumentLine &l : po.lines) {
        if (l.unitCost.currency() != po.currency)
            return models::Error{QStringLiteral("%1: SKU %2 is priced in %3, the order in %4")
                                     .arg(name, l.sku, l.unitCost.currency(), po.currency)};
    }

    const auto data = std::make_shared<const PurchaseOrderDocumentData>(po);
    Flow flow;
    flow.addBlock(38, [data](Canvas &c, const QRectF &r) {
        const qreal w = (r.width() - 8) / 2;
        QStringList contact;
        if (!data->supplierEmail.isEmpty())
            contact.append(data->supplierEmail);
        if (!data->supplierPhone.isEmpty())
            contact.append(QStringLiteral("Tel. %1").arg(data->supplierPhone));
        c.drawFrame(QRectF(r.left(), r.top(), w, r.height()), 0.3);
        c.drawParagraphs(QRectF(r.left() + 2.5, r.top() + 1.5, w - 5, r.height() - 3),
                         {{QStringLiteral("SUPPLIER"), Caption},
                          {addressBlock(data->supplierName, data->supplierAddress, contact),
                           Body.withSize(10), 1}});
        const QRectF right(r.left() + w + 8, r.top(), w, r.height());
        c.drawFrame(right, 0.3);
        c.drawParagraphs(
            right.adjusted(2.5, 1.5, -2.5, -1.5),
            {{QStringLiteral("DELIVER TO"), Caption},
             {addressBlock(data->shipToName, data->shipTo, {}), Body.withSize(10), 1}});
    });
    flow.addSpace(4);
    flow.addBlock(12, [data](Canvas &c, const QRectF &r) {
        const QString cells[4][2] = {
            {QStringLiteral("ORDER DATE"), dateText(data->orderDate)},
            {QStringLiteral("EXPECTED DELIVERY"), dateText(data->expectedDate)},
            {QStringLiteral("CURRENCY"), data->currency},
            {QStringLiteral("QUOTE ON DELIVERY NOTE"), data->poNumber}};
        const qreal w = r.width() / 4;
        for (int i = 0; i < 4; ++i) {
            c.drawParagraphs(QRectF(r.left() + i * w, r.top(), w - 2, r.height()),
                             {{cells[i][0], Caption},
                              {cells[i][1].isEmpty() ? QStringLiteral("—") : cells[i][1],
                               Body.withSize(10.5).withBold().noWrap(), 0.8}});
        }
    });
    flow.addSpace(4);

    auto table = std::make_shared<Table>(
        QList<TableColumn>{{QStringLiteral("SKU"), 36, Qt::AlignLeft},
                           {QStringLiteral("Supplier SKU"), 30, Qt::AlignLeft},
                           {QStringLiteral("Description"), 0, Qt::AlignLeft},
                           {QStringLiteral("Qty"), 14, Qt::AlignRight},
                           {QStringLiteral("Unit cost"), 24, Qt::AlignRight},
                           {QStringLiteral("Total"), 26, Qt::AlignRight}},
        Body, Body.withBold().withSize(8.5));
    int units = 0;
    for (const PurchaseOrderDocumentLine &l : po.lines) {
        table->addRow({l.sku, l.supplierSku.isEmpty() ? QStringLiteral("—") : l.supplierSku,
                       l.description, QString::number(l.quantity), money(l.unitCost),
                       money(l.lineTotal())});
        units += l.quantity;
    }
    flow.addTable(table);
    flow.addSpace(3);

    QList<QPair<QString, QString>> totals{
        {QStringLiteral("Lines / units"),
         QStringLiteral("%1 / %2").arg(po.lines.size()).arg(units)},
        {QStringLiteral("Subtotal"), money(po.subtotal())}};
    if (!po.shipping.isZero() && po.shipping.currency() == po.currency)
        totals.append({QStringLiteral("Carriage"), money(po.shipping)});
    if (!po.tax.isZero() && po.tax.currency() == po.currency)
        totals.append({QStringLiteral("Tax"), money(po.tax)});
    totals.append({QStringLiteral("Total"), money(po.total())});
    const qreal rowH = 5.4;
    flow.addBlock(totals.size() * rowH + 1, [totals, rowH](Canvas &c, const QRectF &r) {
        const qreal w = 76;
        qreal y = r.top();
        for (qsizetype i = 0; i < totals.size(); ++i) {
            const bool last = i + 1 == totals.size();
            const TextStyle s = Body.withSize(last ? 11 : 9.5).withBold(last).noWrap();
            if (last)
                c.drawRule(y, r.right() - w, r.right(), 0.3);
            c.drawText(QRectF(r.right() - w, y + 0.6, w * 0.5, rowH), totals.at(i).first, s);
            c.drawText(QRectF(r.right() - w * 0.5, y + 0.6, w * 0.5 - 1.2, rowH),
                       totals.at(i).second, s.withAlign(Qt::AlignRight));
            y += rowH;
        }
    });
    if (!po.notes.isEmpty()) {
        flow.addSpace(5);
        const QString notes = po.notes;
        const qreal h = std::min(50.0, textHeightMm(notes, Body, 180) + 9);
        flow.addBlock(h, [notes](Canvas &c, const QRectF &r) {
            c.drawFrame(r, 0.3);
            c.drawParagraphs(r.adjusted(3, 2, -3, -2),
                             {{QStringLiteral("NOTES"), Caption}, {notes, Body, 1}});
        });
    }

    PageFrame frame;
    frame.headerMm = 28;
    frame.footerMm = 6;
    frame.gapMm = 5;
    frame.paint = [data](Canvas &c, const QRectF &header, const QRectF &footer) {
        const qreal codeW = 72;
        QStringList buyer{data->buyerName};
        if (!data->buyerEmail.isEmpty())
            buyer.append(data->buyerEmail);
        c.drawParagraphs(
            QRectF(header.left(), header.top(), header.width() - codeW - 4, header.height() - 2),
            {{QStringLiteral("PURCHASE ORDER %1").arg(data->poNumber),
              TextStyle{16, 10, true, false}},
             {buyer.join(QStringLiteral(" · ")), Body.withSize(10).withBold(), 1},
             {QStringLiteral("Page %1 of %2").arg(c.pageIndex() + 1).arg(c.pageCount()), Body,
              0.5}});
        BarcodeOptions o;
        o.textSizePt = 9;
        o.minModuleMm = 0.25;
        o.maxModuleMm = 0.45;
        o.align = Qt::AlignRight | Qt::AlignVCenter;
        c.drawBarcode(QRectF(header.right() - codeW, header.top(), codeW, header.height() - 3),
                      BarcodeKind::Code128, data->poNumber, o);
        c.drawRule(header.bottom(), header.left(), header.right(), 0.6);
        c.drawRule(footer.top(), footer.left(), footer.right(), 0.2);
        c.drawText(footer.adjusted(0, 1, 0, 0),
                   QStringLiteral("%1 · Purchase order %2 · Please quote the PO number on the "
                                  "delivery note and invoice · Page %3 of %4")
                       .arg(data->buyerName, data->poNumber)
                       .arg(c.pageIndex() + 1)
                       .arg(c.pageCount()),
                   Body.withSize(7.5).withAlign(Qt::AlignHCenter).noWrap());
    };
    return flowDocument(page, frame, flow);
}

} // namespace printing
