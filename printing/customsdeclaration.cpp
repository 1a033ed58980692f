#include "printing/customsdeclaration.h"

#include "printing/barcodesymbol.h"
#include "printing/canvas.h"
#include "printing/documentflow.h"

#include <QLocale>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <memory>

namespace printing {

namespace {

const TextStyle Body{9, 6.5, false, true, Qt::AlignLeft};
const TextStyle Caption{7, 5.5, true, true, Qt::AlignLeft};
const TextStyle Tiny{6.5, 5, false, true, Qt::AlignLeft};

const QString PostalDeclaration = QStringLiteral(
    "I, the undersigned, whose name and address are given on the item, certify that the "
    "particulars given in this declaration are correct and that this item does not contain "
    "any dangerous article or articles prohibited by legislation or by postal or customs "
    "regulations.");
const QString InvoiceDeclaration = QStringLiteral(
    "I declare that the information on this invoice is true and correct and that the "
    "contents of this shipment are as stated above.");

QString kg(int grams)
{
    return QLocale::c().toString(grams / 1000.0, 'f', 3);
}

QString money(const models::Money &m)
{
    return m.currency().isEmpty() ? QString() : m.toDisplayString();
}

QString orGap(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("—") : s;
}

QString categoryName(CustomsCategory c)
{
    switch (c) {
    case CustomsCategory::SaleOfGoods:
        return QStringLiteral("Sale of goods");
    case CustomsCategory::Gift:
        return QStringLiteral("Gift");
    case CustomsCategory::CommercialSample:
        return QStringLiteral("Commercial sample");
    case CustomsCategory::ReturnedGoods:
        return QStringLiteral("Returned goods");
    case CustomsCategory::Documents:
        return QStringLiteral("Documents");
    case CustomsCategory::Other:
        return QStringLiteral("Other");
    }
    return QString();
}

// The category boxes of CN22 and CN23, two columns, the declared one crossed.
void paintCategories(Canvas &c, const QRectF &box, CustomsCategory chosen)
{
    const CustomsCategory all[] = {CustomsCategory::Gift,        CustomsCategory::CommercialSample,
                                   CustomsCategory::Documents,   CustomsCategory::ReturnedGoods,
                                   CustomsCategory::SaleOfGoods, CustomsCategory::Other};
    const qreal w = box.width() / 2;
    const qreal h = box.height() / 3;
    for (int i = 0; i < 6; ++i) {
        const QRectF cell(box.left() + (i % 2) * w, box.top() + (i / 2) * h, w, h);
        const qreal side = std::min(3.2, h - 0.8);
        const QRectF tick(cell.left(), cell.center().y() - side / 2, side, side);
        c.drawCheckbox(tick, 0.25);
        if (all[i] == chosen) {
            QPainter &p = c.painter();
            p.save();
            p.setPen(QPen(Qt::black, 0.45));
            p.drawLine(tick.topLeft() + QPointF(0.5, 0.5), tick.bottomRight() - QPointF(0.5, 0.5));
            p.drawLine(tick.topRight() + QPointF(-0.5, 0.5),
                       tick.bottomLeft() + QPointF(0.5, -0.5));
            p.restore();
        }
        c.drawText(QRectF(cell.left() + side + 1.5, cell.top(), w - side - 2, h),
                   categoryName(all[i]), Body.withSize(8).noWrap(), Qt::AlignVCenter);
    }
}

BarcodeOptions codeOptions(int dpi, Qt::Alignment align)
{
    BarcodeOptions o;
    o.textSizePt = 8;
    o.minModuleMm = 0.25;
    o.maxModuleMm = 0.4;
    o.printerDpi = dpi;
    o.align = align;
    return o;
}

QString senderBlock(const models::Address &a, const QString &email)
{
    QStringList lines{a.name};
    lines.append(addressLines(a));
    if (!a.country.isEmpty())
        lines.append(countryName(a.country).toUpper());
    if (!a.phone.isEmpty())
        lines.append(QStringLiteral("Tel. %1").arg(a.phone));
    if (!email.isEmpty())
        lines.append(email);
    lines.removeAll(QString());
    return lines.join(QLatin1Char('\n'));
}

// The items table of every form: description, HS code, origin, quantity,
// weight and value.
std::shared_ptr<Table> itemsTable(const QList<CustomsItem> &items, const QString &currency,
                                  bool withUnitValue, const TextStyle &body)
{
    // The CN22 is narrow: its columns are cut to what their values need.
    const bool narrow = !withUnitValue;
    QList<TableColumn> columns{{QStringLiteral("Description of contents"), 0, Qt::AlignLeft},
                               {QStringLiteral("HS code"), narrow ? 14.0 : 17.0, Qt::AlignLeft},
                               {QStringLiteral("Origin"), narrow ? 11.0 : 15.0, Qt::AlignLeft},
                               {QStringLiteral("Qty"), narrow ? 7.0 : 9.0, Qt::AlignRight},
                               {QStringLiteral("Net kg"), narrow ? 12.0 : 14.0, Qt::AlignRight}};
    if (withUnitValue)
        columns.append({QStringLiteral("Unit value"), 22, Qt::AlignRight});
    columns.append(
        {QStringLiteral("Value (%1)").arg(currency), withUnitValue ? 24.0 : 18.0, Qt::AlignRight});
    auto table = std::make_shared<Table>(columns, body, body.withBold().withSize(body.sizePt - 1));
    for (const CustomsItem &i : items) {
        QString description = i.description;
        if (!i.sku.isEmpty() && withUnitValue)
            description += QStringLiteral("\nSKU %1").arg(i.sku);
        QList<TableCell> row{description, orGap(i.hsCode), orGap(i.originCountry),
                             QString::number(i.quantity), kg(i.netWeightGrams)};
        if (withUnitValue) {
            const models::Money unit(i.quantity > 0 ? i.value.minorUnits() / i.quantity : 0,
                                     i.value.currency());
            row.append(money(unit));
        }
        row.append(money(i.value));
        table->addRow(row);
    }
    return table;
}

models::Result<Document> cn22(const CustomsDeclarationData &d, int dpi)
{
    const PageSetup setup = PageSetup::label4x6(dpi);
    const QString code = d.trackingNumber.isEmpty() ? d.orderNumber : d.trackingNumber;
    const auto data = std::make_shared<const CustomsDeclarationData>(d);
    Document document(setup);
    document.addPage([data, setup, code, dpi](Canvas &c) {
        const QRectF b = setup.contentRect();
        qreal y = b.top();
        // Title band.
        c.drawParagraphs(
            QRectF(b.left(), y, b.width() * 0.65, 12),
            {{QStringLiteral("CUSTOMS DECLARATION"), TextStyle{11, 8, true, false}},
             {QStringLiteral("May be opened officially"), Tiny, 0.5},
             {QStringLiteral("Designated operator: %1").arg(orGap(data->carrier)), Tiny, 0.3}});
        c.drawText(QRectF(b.left() + b.width() * 0.65, y, b.width() * 0.35, 12),
                   QStringLiteral("CN 22"), TextStyle{22, 14, true, false, Qt::AlignRight},
                   Qt::AlignVCenter);
        y += 13;
        c.drawRule(y, b.left(), b.right(), 0.6);
        y += 1.5;
        paintCategories(c, QRectF(b.left(), y, b.width(), 13), data->category);
        y += 14;
        c.drawRule(y, b.left(), b.right(), 0.3);
        y += 1;

        // Items, as many as fit; the rest summed in one line.
        const QString currency = data->totalValue().currency();
        auto table = itemsTable(data->items, currency, false, Body.withSize(7.5));
        table->paddingMm = 0.8;
        const qreal tableBottom = b.top() + 92;
        const qreal headH = table->headerHeight(b.width());
        table->paintHeader(c, QRectF(b.left(), y, b.width(), headH));
        y += headH;
        int shown = 0;
        for (int r = 0; r < table->rowCount(); ++r) {
            const qreal h = table->rowHeight(r, b.width());
            const bool last = r + 1 == table->rowCount();
            if (y + h > tableBottom - (last ? 0 : 5))
                break;
            table->paintRow(c, r, QRectF(b.left(), y, b.width(), h));
            y += h;
            ++shown;
        }
        if (shown < table->rowCount()) {
            c.drawText(QRectF(b.left(), y + 0.5, b.width(), 4),
                       QStringLiteral("+ %1 more item(s): see the enclosed invoice")
                           .arg(table->rowCount() - shown),
                       Body.withSize(7.5).withBold());
        }
        y = tableBottom;
        c.drawRule(y, b.left(), b.right(), 0.3);
        const qreal third = b.width() / 3;
        const QString totals[3][2] = {
            {QStringLiteral("GROSS WEIGHT"), kg(data->grossWeightGrams) + QStringLiteral(" kg")},
            {QStringLiteral("TOTAL VALUE"), money(data->totalValue())},
            {QStringLiteral("POSTAGE / FEES"), money(data->postage)}};
        for (int i = 0; i < 3; ++i) {
            c.drawParagraphs(QRectF(b.left() + i * third, y + 1, third - 1, 9),
                             {{totals[i][0], Caption}, {totals[i][1], Body.withBold().noWrap()}});
        }
        y += 11;
        c.drawRule(y, b.left(), b.right(), 0.3);
        y += 1;
        c.drawText(QRectF(b.left(), y, b.width(), 12), PostalDeclaration, Tiny);
        y += 13;
        const QLocale locale(QLocale::English);
        c.drawParagraphs(
            QRectF(b.left(), y, b.width() * 0.45, 9),
            {{QStringLiteral("DATE"), Caption},
             {data->date.isValid() ? locale.toString(data->date, QStringLiteral("d MMM yyyy"))
                                   : QString(),
              Body.noWrap()}});
        c.drawParagraphs(QRectF(b.left() + b.width() * 0.5, y, b.width() * 0.5, 9),
                         {{QStringLiteral("SENDER'S SIGNATURE"), Caption}});
        c.drawRule(y + 8.5, b.left() + b.width() * 0.5, b.right(), 0.25);
        y += 10;
        c.drawRule(y, b.left(), b.right(), 0.6);
        y += 1;
        c.drawText(QRectF(b.left(), y, b.width(), 3),
                   data->trackingNumber.isEmpty()
                       ? QStringLiteral("ORDER %1").arg(data->orderNumber)
                       : QStringLiteral("ITEM / TRACKING NUMBER"),
                   Caption);
        c.drawBarcode(QRectF(b.left(), y + 3.5, b.width(), b.bottom() - y - 3.5),
                      BarcodeKind::Code128, code, codeOptions(dpi, Qt::AlignCenter));
    });
    return document;
}

models::Result<Document> sheetForm(const CustomsDeclarationData &d, const PageSetup &sheet)
{
    const bool invoice = d.form == models::CustomsForm::CommercialInvoice;
    const auto data = std::make_shared<const CustomsDeclarationData>(d);
    const QString currency = d.totalValue().currency();
    Flow flow;

    flow.addBlock(40, [data, invoice](Canvas &c, const QRectF &r) {
        const qreal w = (r.width() - 8) / 2;
        const QString left = invoice ? QStringLiteral("EXPORTER / SENDER") : QStringLiteral("FROM");
        const QString right =
            invoice ? QStringLiteral("CONSIGNEE / RECIPIENT") : QStringLiteral("TO");
        c.drawFrame(QRectF(r.left(), r.top(), w, r.height()), 0.3);
        c.drawFrame(QRectF(r.left() + w + 8, r.top(), w, r.height()), 0.3);
        c.drawParagraphs(
            QRectF(r.left() + 2.5, r.top() + 1.5, w - 5, r.height() - 3),
            {{left, Caption}, {senderBlock(data->sender, data->senderEmail), Body, 1}});
        c.drawParagraphs(
            QRectF(r.left() + w + 10.5, r.top() + 1.5, w - 5, r.height() - 3),
            {{right, Caption}, {senderBlock(data->recipient, data->recipientEmail), Body, 1}});
    });
    flow.addSpace(4);

    const bool tracked = !d.trackingNumber.isEmpty();
    // Facts on the left; on the right the CN23's category boxes and the
    // tracking number's barcode under them.
    const qreal factsH = invoice ? 18 : 17;
    const qreal blockH = invoice ? (tracked ? 20 : factsH) : (tracked ? 34 : factsH);
    flow.addBlock(blockH, [data, invoice, tracked](Canvas &c, const QRectF &r) {
        const qreal w = r.width() / 2 - 4;
        QStringList lines;
        const QString service =
            data->service.startsWith(data->carrier, Qt::CaseInsensitive)
                ? data->service
                : QStringList{data->carrier, data->service}.join(QStringLiteral(" · ")).trimmed();
        lines.append(QStringLiteral("Carrier: %1").arg(service));
        if (invoice) {
            lines.append(QStringLiteral("Reason for export: %1").arg(categoryName(data->category)));
            lines.append(QStringLiteral("Terms of delivery: DAP, duties and taxes paid by the "
                                        "recipient"));
        }
        c.drawParagraphs(
            QRectF(r.left(), r.top(), w, r.height()),
            {{QStringLiteral("SHIPMENT"), Caption}, {lines.join(QLatin1Char('\n')), Body, 1}});
        const QRectF right(r.left() + w + 8, r.top(), r.width() - w - 8, r.height());
        qreal top = right.top();
        if (!invoice) {
            c.drawText(QRectF(right.left(), top, right.width(), 4),
                       QStringLiteral("CATEGORY OF ITEM"), Caption);
            paintCategories(c, QRectF(right.left(), top + 4, right.width(), 12), data->category);
            top += 18;
        }
        if (tracked) {
            const QRectF code(right.left(), top, right.width(), right.bottom() - top);
            c.drawText(QRectF(code.left(), code.top(), code.width(), 3),
                       QStringLiteral("TRACKING NUMBER"), Caption);
            c.drawBarcode(code.adjusted(0, 3.5, 0, 0), BarcodeKind::Code128, data->trackingNumber,
                          codeOptions(0, Qt::AlignLeft | Qt::AlignVCenter));
        }
    });
    flow.addSpace(4);

    auto table = itemsTable(d.items, currency, true, Body);
    flow.addTable(table);
    flow.addSpace(3);

    QList<QPair<QString, QString>> totals{
        {QStringLiteral("Total net weight"), kg(d.totalNetWeightGrams()) + QStringLiteral(" kg")},
        {QStringLiteral("Total gross weight"), kg(d.grossWeightGrams) + QStringLiteral(" kg")},
        {QStringLiteral("Postage / shipping"), money(d.postage)}};
    // The figure customs assesses last, in bold.
    if (invoice && d.postage.currency() == d.totalValue().currency()) {
        totals.insert(2, {QStringLiteral("Value of goods"), money(d.totalValue())});
        totals.append({QStringLiteral("Invoice total"), money(d.totalValue() + d.postage)});
    } else {
        totals.append({QStringLiteral("Total value of contents"), money(d.totalValue())});
    }
    const qreal rowH = 5.2;
    flow.addBlock(totals.size() * rowH + 1, [totals, rowH](Canvas &c, const QRectF &r) {
        const qreal w = 80;
        qreal y = r.top();
        for (qsizetype i = 0; i < totals.size(); ++i) {
            const TextStyle s = Body.withSize(9.5).withBold(i + 1 == totals.size()).noWrap();
            c.drawText(QRectF(r.right() - w, y + 0.6, w * 0.55, rowH), totals.at(i).first, s);
            c.drawText(QRectF(r.right() - w * 0.45, y + 0.6, w * 0.45 - 1.2, rowH),
                       totals.at(i).second, s.withAlign(Qt::AlignRight));
            y += rowH;
        }
    });
    flow.addSpace(6);
    flow.addBlock(32, [data, invoice](Canvas &c, const QRectF &r) {
        c.drawFrame(r, 0.3);
        const QRectF inner = r.adjusted(3, 2, -3, -2);
        c.drawParagraphs(
            QRectF(inner.left(), inner.top(), inner.width(), 14),
            {{QStringLiteral("DECLARATION"), Caption},
             {invoice ? InvoiceDeclaration : PostalDeclaration, Body.withSize(8), 0.8}});
        const QLocale locale(QLocale::English);
        const qreal half = inner.width() / 2;
        c.drawParagraphs(
            QRectF(inner.left(), inner.bottom() - 11, half - 4, 11),
            {{QStringLiteral("PLACE AND DATE"), Caption},
             {QStringList{data->sender.city,
                          data->date.isValid()
                              ? locale.toString(data->date, QStringLiteral("d MMM yyyy"))
                              : QString()}
                  .join(QStringLiteral(", ")),
              Body.noWrap(), 1}});
        c.drawText(QRectF(inner.left() + half, inner.bottom() - 11, half, 4),
                   QStringLiteral("SENDER'S SIGNATURE"), Caption);
        c.drawRule(inner.bottom() - 1, inner.left() + half, inner.right(), 0.25);
    });

    PageFrame frame;
    frame.headerMm = 24;
    frame.footerMm = 5;
    frame.gapMm = 4;
    frame.paint = [data, invoice](Canvas &c, const QRectF &header, const QRectF &footer) {
        const qreal codeW = 70;
        const QLocale locale(QLocale::English);
        QStringList facts{QStringLiteral("%1 %2").arg(
            invoice ? QStringLiteral("Invoice no.") : QStringLiteral("Order"), data->orderNumber)};
        if (data->date.isValid())
            facts.append(locale.toString(data->date, QStringLiteral("d MMM yyyy")));
        facts.append(QStringLiteral("Page %1 of %2").arg(c.pageIndex() + 1).arg(c.pageCount()));
        c.drawParagraphs(
            QRectF(header.left(), header.top(), header.width() - codeW - 4, header.height() - 2),
            {{invoice ? QStringLiteral("COMMERCIAL INVOICE")
                      : QStringLiteral("CUSTOMS DECLARATION  CN 23"),
              TextStyle{16, 10, true, false}},
             {invoice ? QStringLiteral("For customs purposes")
                      : QStringLiteral("May be opened officially"),
              Body.withSize(8), 0.5},
             {facts.join(QStringLiteral(" · ")), Body.withBold(), 1}});
        c.drawBarcode(QRectF(header.right() - codeW, header.top(), codeW, header.height() - 3),
                      BarcodeKind::Code128, data->orderNumber,
                      codeOptions(0, Qt::AlignRight | Qt::AlignVCenter));
        c.drawRule(header.bottom(), header.left(), header.right(), 0.6);
        c.drawText(footer,
                   QStringLiteral("%1 · %2 · Page %3 of %4")
                       .arg(data->sender.name, data->orderNumber)
                       .arg(c.pageIndex() + 1)
                       .arg(c.pageCount()),
                   Body.withSize(7.5).withAlign(Qt::AlignHCenter).noWrap(), Qt::AlignBottom);
    };
    return flowDocument(sheet, frame, flow);
}

} // namespace

models::Money CustomsDeclarationData::totalValue() const
{
    if (items.isEmpty())
        return models::Money();
    models::Money total = models::Money::zero(items.first().value.currency());
    for (const CustomsItem &i : items)
        total += i.value;
    return total;
}

int CustomsDeclarationData::totalNetWeightGrams() const
{
    int grams = 0;
    for (const CustomsItem &i : items)
        grams += i.netWeightGrams;
    return grams;
}

QStringList CustomsDeclarationData::gaps() const
{
    QStringList out;
    for (const CustomsItem &i : items) {
        const QString what = i.sku.isEmpty() ? i.description : QStringLiteral("SKU %1").arg(i.sku);
        if (i.hsCode.isEmpty())
            out.append(QStringLiteral("%1: no HS code").arg(what));
        if (i.originCountry.isEmpty())
            out.append(QStringLiteral("%1: no country of origin").arg(what));
        if (i.netWeightGrams <= 0)
            out.append(QStringLiteral("%1: no weight").arg(what));
    }
    return out;
}

models::Result<Document> customsDeclarationDocument(const CustomsDeclarationData &data,
                                                    const PageSetup &sheet, int labelDpi)
{
    const QString name = QStringLiteral("order %1: customs declaration").arg(data.orderNumber);
    if (data.form == models::CustomsForm::None)
        return models::Error{QStringLiteral("%1: no customs form is needed").arg(name)};
    if (data.items.isEmpty())
        return models::Error{QStringLiteral("%1: no contents to declare").arg(name)};
    for (const CustomsItem &i : data.items) {
        if (i.value.currency() != data.items.first().value.currency())
            return models::Error{
                QStringLiteral("%1: the contents are valued in more than one currency").arg(name)};
    }
    if (auto s = encodeBarcode(BarcodeKind::Code128, data.orderNumber); !s)
        return models::Error{QStringLiteral("%1: order number: %2").arg(name, s.error())};
    if (!data.trackingNumber.isEmpty()) {
        if (auto s = encodeBarcode(BarcodeKind::Code128, data.trackingNumber); !s)
            return models::Error{QStringLiteral("%1: tracking number: %2").arg(name, s.error())};
    }
    if (data.form == models::CustomsForm::Cn22)
        return cn22(data, labelDpi);
    return sheetForm(data, sheet);
}

} // namespace printing
