#include "printing/worksheetparts.h"

#include "printing/barcodesymbol.h"

namespace printing {

namespace {

BarcodeKind productKind(const QString &code)
{
    if (encodeBarcode(BarcodeKind::Ean13, code))
        return BarcodeKind::Ean13;
    if (encodeBarcode(BarcodeKind::UpcA, code))
        return BarcodeKind::UpcA;
    return BarcodeKind::Code128;
}

} // namespace

TextStyle worksheetBody()
{
    return TextStyle{9, 6.5, false, true, Qt::AlignLeft};
}

void paintProductCode(Canvas &c, const QRectF &box, const QString &code)
{
    const BarcodeKind kind = productKind(code);
    auto symbol = encodeBarcode(kind, code);
    if (!symbol || symbol->totalColumns() * WorksheetMinModuleMm > box.width()) {
        c.drawText(box, code, worksheetBody().withSize(8), Qt::AlignVCenter);
        return;
    }
    BarcodeOptions o;
    o.textSizePt = 6.5;
    o.minModuleMm = WorksheetMinModuleMm;
    o.maxModuleMm = 0.33;
    o.align = Qt::AlignLeft | Qt::AlignVCenter;
    c.drawBarcode(box, kind, code, o);
}

TableCell worksheetBinCell(const QString &binCode)
{
    TableCell bin(binCode);
    bin.style = TextStyle{12, 8, true, true};
    return bin;
}

TableCell productCodeCell(const QString &code)
{
    TableCell cell;
    cell.paint = [code](Canvas &c, const QRectF &r) { paintProductCode(c, r, code); };
    cell.minHeightMm = 12;
    return cell;
}

void paintWorksheetHeader(Canvas &c, const QRectF &header, const QString &title,
                          const QStringList &facts, const QString &counts, qreal codeWidthMm,
                          const QString &code)
{
    const TextStyle body = worksheetBody();
    c.drawParagraphs(
        QRectF(header.left(), header.top(), header.width() - codeWidthMm - 4, header.height() - 2),
        {{title, TextStyle{16, 10, true, true}},
         {facts.join(QStringLiteral(" · ")), body.withSize(9.5), 1},
         {counts, body.withSize(9.5).withBold(), 0.5}});
    BarcodeOptions o;
    o.textSizePt = 8;
    o.minModuleMm = WorksheetMinModuleMm;
    o.maxModuleMm = 0.4;
    o.align = Qt::AlignRight | Qt::AlignVCenter;
    c.drawBarcode(
        QRectF(header.right() - codeWidthMm, header.top(), codeWidthMm, header.height() - 3),
        BarcodeKind::Code128, code, o);
    c.drawRule(header.bottom(), header.left(), header.right(), 0.6);
}

} // namespace printing
