#include "printing/countsheetdocument.h"

#include "printing/canvas.h"
#include "printing/documentflow.h"
#include "printing/worksheetparts.h"

#include <QLocale>

#include <memory>

namespace printing {

namespace {

const TextStyle Body = worksheetBody();

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
        const TableCell bin =
            worksheetBinCell(line.binCode.isEmpty() ? QStringLiteral("—") : line.binCode);
        const TableCell code = productCodeCell(line.barcode.isEmpty() ? line.sku : line.barcode);
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
        paintWorksheetHeader(c, header, QStringLiteral("CYCLE COUNT %1").arg(data->id), facts,
                             counts, codeW, countSheetCode(data->id));
    };
    return flowDocument(page, frame, flow);
}

} // namespace printing
