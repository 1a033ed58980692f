#include "printing/shippinglabel.h"

#include <QLocale>
#include <QPainter>
#include <QPen>

#include <algorithm>

namespace printing {

namespace {

constexpr qreal Rule = 0.5;

// Small print: the sender, captions.
const TextStyle Caption{6.5, 5, true, true, Qt::AlignLeft};
const TextStyle Small{8, 5, false, true, Qt::AlignLeft};

QString parcelText(const LabelData &l)
{
    return QStringLiteral("%1 of %2").arg(l.parcelNumber).arg(l.parcelCount);
}

BarcodeOptions trackingOptions(int printerDpi)
{
    BarcodeOptions o;
    o.textSizePt = 10;
    // 0.25 mm = 2 dots at 203 dpi is the smallest module carriers accept.
    o.minModuleMm = 0.25;
    o.maxModuleMm = 0.5;
    o.printerDpi = printerDpi;
    return o;
}

BarcodeOptions orderCodeOptions(int printerDpi, Qt::Alignment align)
{
    BarcodeOptions o;
    o.text = false;
    o.minModuleMm = 0.33;
    o.maxModuleMm = 1.0;
    o.printerDpi = printerDpi;
    o.align = align;
    return o;
}

void paintFrom(Canvas &c, const QRectF &box, const LabelData &l)
{
    QList<Paragraph> from{{QStringLiteral("FROM"), Caption}, {l.shipFrom.name, Small.withBold()}};
    QStringList lines = addressLines(l.shipFrom);
    if (!l.shipFrom.country.isEmpty())
        lines.append(countryName(l.shipFrom.country).toUpper());
    from.append({lines.join(QLatin1Char('\n')), Small});
    c.drawParagraphs(box, from);
}

void paintService(Canvas &c, const QRectF &box, const LabelData &l, qreal carrierPt)
{
    const TextStyle right{carrierPt, carrierPt * 0.5, true, false, Qt::AlignRight};
    c.drawParagraphs(box,
                     {{l.carrier.toUpper(), right},
                      {l.service.toUpper(), right.withSize(carrierPt * 0.75)},
                      {l.shipDate.isValid() ? l.shipDate.toString(Qt::ISODate) : QString(),
                       Small.withAlign(Qt::AlignRight), 0.8}},
                     Qt::AlignTop);
}

void paintShipTo(Canvas &c, const QRectF &box, const LabelData &l, qreal namePt)
{
    const QRectF caption(box.left(), box.top(), box.width(), 3);
    c.drawText(caption, QStringLiteral("SHIP TO"), Caption);
    const QRectF address = box.adjusted(4, 3.5, 0, 0);
    const TextStyle name{namePt, 9, true, false, Qt::AlignLeft};
    const TextStyle lines{namePt * 0.82, 8, false, true, Qt::AlignLeft};
    c.drawAddress(address, l.shipTo, name, lines);
}

// Order number, weight and parcel count in one row of three cells.
void paintFacts(Canvas &c, const QRectF &box, const LabelData &l, qreal pt)
{
    const QString cells[3][2] = {
        {QStringLiteral("ORDER"), l.orderNumber},
        {QStringLiteral("WEIGHT"), formatWeight(l.weightGrams, l.weightUnit)},
        {QStringLiteral("PARCEL"), parcelText(l)},
    };
    const qreal w = box.width() / 3;
    const Qt::Alignment aligns[3] = {Qt::AlignLeft, Qt::AlignHCenter, Qt::AlignRight};
    for (int i = 0; i < 3; ++i) {
        const QRectF cell(box.left() + i * w, box.top(), w, box.height());
        const TextStyle value{pt, 6, true, false, aligns[i]};
        c.drawParagraphs(cell, {{cells[i][0], Caption.withAlign(aligns[i])}, {cells[i][1], value}},
                         Qt::AlignVCenter);
    }
}

void paintTracking(Canvas &c, const QRectF &box, const LabelData &l, int printerDpi)
{
    c.drawText(QRectF(box.left(), box.top(), box.width(), 3), QStringLiteral("TRACKING NUMBER"),
               Caption);
    if (l.trackingNumber.isEmpty()) {
        // No barcode: a sorter must never read something else as the tracking number.
        const QRectF band = box.adjusted(0, 3.5, 0, 0);
        c.drawFrame(band, 0.3);
        c.drawParagraphs(
            band.adjusted(3, 2, -3, -2),
            {{QStringLiteral("NOT YET TRACKED"), TextStyle{14, 8, true, false, Qt::AlignHCenter}},
             {QStringLiteral("Add the carrier's label or tracking number"),
              Small.withAlign(Qt::AlignHCenter), 1}},
            Qt::AlignVCenter);
        return;
    }
    c.drawBarcode(box.adjusted(0, 3.5, 0, 0), BarcodeKind::Code128, l.trackingNumber,
                  trackingOptions(printerDpi));
}

// Tall and square boxes (4x6, 4x4, a quarter of A4): blocks stacked top to
// bottom. Square boxes fold the order facts into the last band, beside the
// order code, to leave the address its large type.
void paintTall(Canvas &c, const QRectF &b, const LabelData &l, int dpi)
{
    const qreal h = b.height();
    const bool square = b.height() < 1.2 * b.width();
    const qreal fromH = h * (square ? 0.15 : 0.135);
    const qreal shipToH = h * (square ? 0.30 : 0.33);
    const qreal factsH = square ? 0 : h * 0.075;
    const qreal trackH = h * (square ? 0.235 : 0.22);
    const qreal gap = 1.5;

    qreal y = b.top();
    paintFrom(c, QRectF(b.left(), y, b.width() * 0.55, fromH), l);
    paintService(c, QRectF(b.left() + b.width() * 0.57, y, b.width() * 0.43, fromH), l,
                 square ? 13 : 15);
    y += fromH + gap;
    c.drawRule(y, b.left(), b.right(), Rule * 2);
    y += gap;
    paintShipTo(c, QRectF(b.left(), y, b.width(), shipToH), l, square ? 17 : 20);
    y += shipToH + gap;
    c.drawRule(y, b.left(), b.right(), Rule * 2);
    y += gap;
    if (!square) {
        paintFacts(c, QRectF(b.left(), y, b.width(), factsH), l, 13);
        y += factsH + gap;
        c.drawRule(y, b.left(), b.right(), Rule);
        y += gap;
    }
    paintTracking(c, QRectF(b.left(), y, b.width(), trackH), l, dpi);
    y += trackH + gap;
    c.drawRule(y, b.left(), b.right(), Rule);
    y += gap;

    // The order code in the last band, the reference it carries (and on square
    // labels the order facts) beside it.
    const QRectF bottom(b.left(), y, b.width(), b.bottom() - y);
    const qreal side = std::min(bottom.height(), bottom.width() * 0.4);
    const QRectF code(bottom.right() - side, bottom.top(), side, side);
    c.drawBarcode(code, l.orderCodeKind, l.orderCode(),
                  orderCodeOptions(dpi, Qt::AlignRight | Qt::AlignVCenter));
    QRectF text(bottom.left(), bottom.top(), bottom.width() - side - 3, bottom.height());
    if (square) {
        paintFacts(c, QRectF(text.left(), text.top(), text.width(), text.height() * 0.55), l, 11);
        text.setTop(text.top() + text.height() * 0.6);
    }
    const TextStyle ref{square ? 8.0 : 11.0, 6, true, true, Qt::AlignLeft};
    c.drawParagraphs(text, {{QStringLiteral("ORDER REFERENCE"), Caption}, {l.orderCode(), ref}},
                     Qt::AlignVCenter);
}

// Wide boxes (a label across a 62 mm roll): sender and service on top, the
// address with the order code beside it, the tracking code along the bottom.
void paintWide(Canvas &c, const QRectF &b, const LabelData &l, int dpi)
{
    const qreal h = b.height();
    const qreal topH = h * 0.15;
    const qreal trackH = h * 0.34;
    const qreal gap = 1;

    qreal y = b.top();
    QStringList from{l.shipFrom.name};
    from.append(addressLines(l.shipFrom));
    c.drawParagraphs(QRectF(b.left(), y, b.width() * 0.6, topH),
                     {{QStringLiteral("FROM"), Caption},
                      {from.join(QStringLiteral(", ")), Small.withSize(6.5)}});
    paintService(c, QRectF(b.left() + b.width() * 0.62, y, b.width() * 0.38, topH), l, 9);
    y += topH + gap;
    c.drawRule(y, b.left(), b.right(), Rule);
    y += gap;

    const qreal mainH = b.bottom() - trackH - gap * 2 - y;
    const qreal sideW = std::min(b.width() * 0.27, mainH);
    paintShipTo(c, QRectF(b.left(), y, b.width() - sideW - 2, mainH), l, 16);
    const QRectF side(b.right() - sideW, y, sideW, mainH);
    const TextStyle fact{7.5, 5, true, false, Qt::AlignRight};
    const qreal factsH = 7;
    c.drawParagraphs(
        QRectF(side.left(), side.top(), side.width(), factsH),
        {{l.orderNumber, fact},
         {QStringLiteral("%1  ·  %2").arg(parcelText(l), formatWeight(l.weightGrams, l.weightUnit)),
          fact.withBold(false)}});
    c.drawBarcode(side.adjusted(0, factsH + 0.5, 0, 0), l.orderCodeKind, l.orderCode(),
                  orderCodeOptions(dpi, Qt::AlignRight | Qt::AlignBottom));
    y += mainH + gap;
    c.drawRule(y, b.left(), b.right(), Rule);
    y += gap;
    paintTracking(c, QRectF(b.left(), y, b.width(), b.bottom() - y), l, dpi);
}

} // namespace

QString formatWeight(int grams, WeightUnit unit)
{
    if (grams <= 0)
        return QString();
    const QLocale c = QLocale::c();
    if (unit == WeightUnit::Pounds)
        return c.toString(grams / 453.59237, 'f', 1) + QStringLiteral(" lb");
    QString kg = c.toString(grams / 1000.0, 'f', 2);
    return kg + QStringLiteral(" kg");
}

PageSetup labelPageSetup(LabelStock stock, int printerDpi)
{
    switch (stock) {
    case LabelStock::Label4x6:
        return PageSetup::label4x6(printerDpi);
    case LabelStock::Label4x4:
        return PageSetup::label4x4(printerDpi);
    case LabelStock::Roll62mm:
        return PageSetup::roll62mm(100, printerDpi);
    case LabelStock::A4FourUp: {
        PageSetup a4 = PageSetup::a4();
        a4.marginsMm = QMarginsF(0, 0, 0, 0);
        return a4;
    }
    }
    return PageSetup::label4x6(printerDpi);
}

void paintShippingLabel(Canvas &canvas, const QRectF &box, const LabelData &label, int printerDpi)
{
    if (box.width() > box.height())
        paintWide(canvas, box, label, printerDpi);
    else
        paintTall(canvas, box, label, printerDpi);
}

models::Result<Document> shippingLabelDocument(const QList<LabelData> &labels, LabelStock stock,
                                               int printerDpi)
{
    if (labels.isEmpty())
        return models::Error{QStringLiteral("no labels to print")};
    for (const LabelData &l : labels)
        if (auto codes = encodeLabelCodes(l); !codes)
            return models::Error{codes.error()};

    const PageSetup setup = labelPageSetup(stock, printerDpi);
    const int dpi = stock == LabelStock::A4FourUp ? 0 : printerDpi;
    Document document(setup);
    if (stock == LabelStock::A4FourUp) {
        for (qsizetype first = 0; first < labels.size(); first += 4) {
            const QList<LabelData> sheet = labels.mid(first, 4);
            document.addPage([sheet, setup](Canvas &c) {
                const qreal w = setup.sizeMm.width() / 2;
                const qreal h = setup.sizeMm.height() / 2;
                // Dashed cut lines between the quarters.
                QPen pen(Qt::gray, 0.2, Qt::DashLine);
                c.painter().save();
                c.painter().setPen(pen);
                c.painter().drawLine(QPointF(w, 0), QPointF(w, setup.sizeMm.height()));
                c.painter().drawLine(QPointF(0, h), QPointF(setup.sizeMm.width(), h));
                c.painter().restore();
                for (qsizetype i = 0; i < sheet.size(); ++i) {
                    const QRectF quarter((i % 2) * w, (i / 2) * h, w, h);
                    paintShippingLabel(c, quarter.adjusted(6, 6, -6, -6), sheet.at(i), 0);
                }
            });
        }
        return document;
    }
    for (const LabelData &l : labels) {
        if (stock == LabelStock::Roll62mm) {
            document.addPage([l, setup, dpi](Canvas &c) {
                // Across the roll: the label's top edge runs along the right side.
                c.painter().save();
                c.painter().translate(setup.sizeMm.width(), 0);
                c.painter().rotate(90);
                const QRectF across(0, 0, setup.sizeMm.height(), setup.sizeMm.width());
                paintShippingLabel(c, across.marginsRemoved(setup.marginsMm), l, dpi);
                c.painter().restore();
            });
        } else {
            document.addPage(
                [l, setup, dpi](Canvas &c) { paintShippingLabel(c, setup.contentRect(), l, dpi); });
        }
    }
    return document;
}

} // namespace printing
