#include "printing/countsheetdocument.h"

#include "printing/barcodesymbol.h"
#include "printing/canvas.h"
#include "printing/documentflow.h"

#include <QLocale>

#include <memory>

namespace printing {

namespace {

const TextStyle Body{9, 6.5, false, true, Qt::AlignLeft};
constexpr qreal MinModuleMm = 0.19; // laser-printed, read by a hand scanner

BarcodeKind productKind(const QString &code)
{
    if (encodeBarcode(BarcodeKind::Ean13, code))
        return BarcodeKind::Ean13;
    if (encodeBarcode(BarcodeKind::UpcA, code))
        return BarcodeKind::UpcA;
    return BarcodeKind::Code128;
}

void paintProductCode(Canvas &c, const QRectF &box, const QString &code)
{
    const BarcodeKind kind = productKind(code);
    auto symbol = encodeBarcode(kind, code);
    if (!symbol || symbol->totalColumns() * MinModuleMm > box.width()) {
        c.drawText(box, code, Body.withSize(8), Qt::AlignVCenter);
        return;
    }
    BarcodeOptions o;
    o.textSizePt = 6.5;
    o.minModuleMm = MinModuleMm;
    o.maxModuleMm = 0.33;
    o.align = Qt::AlignLeft | Qt::AlignVCenter;
    c.drawBarcode(box, kind, code, o);
}

} // namespace

QString countSheetCode(qint64 countId)
{
    return QStringLiteral("COUNT-%1").arg(countId);
}

models::Result<Document> countSheetDocument(const models::StockCount &count, const PageSetup &page)
{
    if (count.lines.isEmpty())
        return models::Error{
            QStringLiteral("count %1 at %2: nothing to count (no products %3)")
                .arg(count.id)
                .arg(count.locationCode, count.binCode.isEmpty()
                                             ? QStringLiteral("held there")
                                             : QStringLiteral("in bin %1").arg(count.binCode))};
    const auto data = std::make_shared<const models::StockCount>(count);

    QList<TableColumn> columns{{QStringLiteral("Bin"), 22, Qt::AlignLeft},
                               {QStringLiteral("Product code"), 50, Qt::AlignLeft},
                               {QStringLiteral("Item"), 0, Qt::AlignLeft},
                               {QStringLiteral("Count"), 22, Qt::AlignLeft},
                               {QStringLiteral("Recount"), 22, Qt::AlignLeft}};
    auto table = std::make_shared<Table>(columns, Body, Body.withBold().withSize(8));
    const BlockPainter box = [](Canvas &c, const QRectF &r) {
        c.drawFrame(QRectF(r.left() + 1, r.top() + 2, r.width() - 3, r.height() - 4), 0.35);
    };
    for (const models::CountLine &line : count.lines) {
        TableCell bin(line.binCode.isEmpty() ? QStringLiteral("—") : line.binCode);
        bin.style = TextStyle{12, 8, true, true};
        TableCell code;
        const QString value = line.barcode.isEmpty() ? line.sku : line.barcode;
        code.paint = [value](Canvas &c, const QRectF &r) { paintProductCode(c, r, value); };
        code.minHeightMm = 12;
        TableCell item(line.sku + QLatin1Char('\n') + line.name);
        TableCell counted;
        counted.paint = box;
        TableCell recount;
        recount.paint = box;
        table->addRow({bin, code, item, counted, recount});
    }
    table->shadeAlternateRows = true;

    Flow flow;
    flow.addTable(table);
    flow.addSpace(4);
    flow.addBlock(16, [](Canvas &c, const QRectF &r) {
        c.drawParagraphs(r, {{QStringLiteral("Count every unit in the bin, including open "
                                             "cases. A product found that is not listed: "
                                             "write its SKU and count below."),
                              Body},
                             {QStringLiteral("Counted by: ____________________    Date: "
                                             "__________    Time: __________"),
                              Body, 3}});
    });

    PageFrame frame;
    frame.headerMm = 24;
    frame.gapMm = 4;
    frame.paint = [data](Canvas &c, const QRectF &header, const QRectF &) {
        const qreal codeW = 70;
        const QLocale locale(QLocale::English);
        QStringList facts;
        facts.append(QStringLiteral("%1 %2").arg(data->locationCode, data->locationName).trimmed());
        facts.append(data->binCode.isEmpty() ? QStringLiteral("whole location")
                                             : QStringLiteral("bin %1").arg(data->binCode));
        if (data->createdUtc.isValid())
            facts.append(locale.toString(data->createdUtc.toLocalTime(),
                                         QStringLiteral("d MMM yyyy HH:mm")));
        if (!data->user.isEmpty())
            facts.append(QStringLiteral("Started by %1").arg(data->user));
        const QString counts = QStringLiteral("%1 line%2 · Page %3 of %4")
                                   .arg(data->lines.size())
                                   .arg(data->lines.size() == 1 ? QString() : QStringLiteral("s"))
                                   .arg(c.pageIndex() + 1)
                                   .arg(c.pageCount());
        c.drawParagraphs(
            QRectF(header.left(), header.top(), header.width() - codeW - 4, header.height() - 2),
            {{QStringLiteral("CYCLE COUNT %1").arg(data->id), TextStyle{16, 10, true, true}},
             {facts.join(QStringLiteral(" · ")), Body.withSize(9.5), 1},
             {counts, Body.withSize(9.5).withBold(), 0.5}});
        BarcodeOptions o;
        o.textSizePt = 8;
        o.minModuleMm = MinModuleMm;
        o.maxModuleMm = 0.4;
        o.align = Qt::AlignRight | Qt::AlignVCenter;
        c.drawBarcode(QRectF(header.right() - codeW, header.top(), codeW, header.height() - 3),
                      BarcodeKind::Code128, countSheetCode(data->id), o);
        c.drawRule(header.bottom(), header.left(), header.right(), 0.6);
    };
    return flowDocument(page, frame, flow);
}

} // namespace printing
