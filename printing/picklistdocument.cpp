#include "printing/picklistdocument.h"

#include "printing/barcodesymbol.h"
#include "printing/canvas.h"
#include "printing/documentflow.h"
#include "printing/worksheetparts.h"

#include <QLocale>

#include <algorithm>
#include <memory>

namespace printing {

namespace {

const TextStyle Body = worksheetBody();
const TextStyle Caption{7, 5.5, true, true, Qt::AlignLeft};

QString slotBreakdown(const PickRow &row)
{
    // Beside a kit's parts, the units ordered as the product itself say so.
    const bool kits = std::any_of(row.allocations.cbegin(), row.allocations.cend(),
                                  [](const PickAllocation &a) { return !a.kitSku.isEmpty(); });
    QStringList parts;
    for (const PickAllocation &a : row.allocations)
        parts.append(QStringLiteral("Slot %1:  %2 %3")
                         .arg(a.slot)
                         .arg(a.quantity)
                         .arg(!a.kitSku.isEmpty() ? QStringLiteral("for %1").arg(a.kitSku)
                              : kits              ? QStringLiteral("on its own")
                                                  : QString())
                         .trimmed());
    return parts.join(QLatin1Char('\n'));
}

} // namespace

int PickRow::totalQuantity() const
{
    int total = 0;
    for (const PickAllocation &a : allocations)
        total += a.quantity;
    return total;
}

models::Result<Document> pickListDocument(const PickListData &list, const PageSetup &page)
{
    const QString name = QStringLiteral("pick list %1").arg(list.listId);
    if (auto s = encodeBarcode(BarcodeKind::Code128, list.listId); !s)
        return models::Error{QStringLiteral("%1: list id: %2").arg(name, s.error())};
    if (list.totes.isEmpty())
        return models::Error{QStringLiteral("%1: no orders (slots) to pick for").arg(name)};
    for (const PickSlot &slot : list.totes) {
        if (auto s = encodeBarcode(BarcodeKind::Code128, slot.code); !s)
            return models::Error{
                QStringLiteral("%1: slot %2: %3").arg(name).arg(slot.number).arg(s.error())};
    }
    for (const PickRow &row : list.rows) {
        for (const PickAllocation &a : row.allocations) {
            const bool known = std::any_of(list.totes.cbegin(), list.totes.cend(),
                                           [&a](const PickSlot &s) { return s.number == a.slot; });
            if (!known)
                return models::Error{QStringLiteral("%1: SKU %2 is allocated to slot %3, which is "
                                                    "not on the list")
                                         .arg(name, row.sku)
                                         .arg(a.slot)};
        }
    }

    const auto data = std::make_shared<const PickListData>(list);
    const bool batch = list.totes.size() > 1;
    const bool kits = std::any_of(list.rows.cbegin(), list.rows.cend(),
                                  [](const PickRow &r) { return !r.kitNote.isEmpty(); });
    int units = 0;
    for (const PickRow &row : list.rows)
        units += row.totalQuantity();
    Flow flow;

    // Batch: the totes to set up before walking, each with its drop code.
    if (batch) {
        constexpr int perRow = 3;
        const qreal cardH = 25;
        flow.addBlock(
            5,
            [](Canvas &c, const QRectF &r) {
                c.drawText(r, QStringLiteral("SLOTS (one per order)"), Caption, Qt::AlignBottom);
            },
            true);
        for (qsizetype first = 0; first < list.totes.size(); first += perRow) {
            const QList<PickSlot> cards = list.totes.mid(first, perRow);
            flow.addBlock(cardH + 2, [cards, cardH](Canvas &c, const QRectF &r) {
                const qreal gap = 4;
                const qreal w = (r.width() - gap * (perRow - 1)) / perRow;
                for (qsizetype i = 0; i < cards.size(); ++i) {
                    const PickSlot &slot = cards.at(i);
                    const QRectF card(r.left() + i * (w + gap), r.top() + 1, w, cardH);
                    c.drawFrame(card, 0.3);
                    const QRectF inner = card.adjusted(2.5, 1.5, -2.5, -1.5);
                    c.drawText(QRectF(inner.left(), inner.top(), 20, 8),
                               QString::number(slot.number), TextStyle{20, 12, true, false});
                    c.drawParagraphs(QRectF(inner.left() + 14, inner.top(), inner.width() - 14, 8),
                                     {{QStringLiteral("ORDER"), Caption},
                                      {slot.orderNumber, Body.withBold().noWrap()}});
                    BarcodeOptions o;
                    o.textSizePt = 6.5;
                    o.minModuleMm = WorksheetMinModuleMm;
                    o.maxModuleMm = 0.33;
                    c.drawBarcode(
                        QRectF(inner.left(), inner.top() + 9, inner.width(), inner.height() - 9),
                        BarcodeKind::Code128, slot.code, o);
                }
            });
        }
        flow.addSpace(5);
    }

    QList<TableColumn> columns{{QStringLiteral("✓"), 8, Qt::AlignLeft},
                               {QStringLiteral("Bin"), 22, Qt::AlignLeft},
                               {QStringLiteral("Product code"), 50, Qt::AlignLeft},
                               {QStringLiteral("Item"), 0, Qt::AlignLeft},
                               {QStringLiteral("Qty"), 13, Qt::AlignRight}};
    if (batch)
        columns.append({QStringLiteral("Into slots"), kits ? 40.0 : 28.0, Qt::AlignLeft});
    auto table = std::make_shared<Table>(columns, Body, Body.withBold().withSize(8));
    for (const PickRow &row : list.rows) {
        TableCell check;
        check.paint = [](Canvas &c, const QRectF &r) {
            c.drawCheckbox(QRectF(r.left(), r.top(), 5, r.height()));
        };
        const TableCell bin = worksheetBinCell(row.binCode);
        const TableCell code =
            productCodeCell(row.productBarcode.isEmpty() ? row.sku : row.productBarcode);
        TableCell item(row.sku + QLatin1Char('\n') + row.title +
                       (row.kitNote.isEmpty() ? QString() : QLatin1Char('\n') + row.kitNote));
        TableCell qty(QString::number(row.totalQuantity()));
        qty.style = TextStyle{14, 9, true, false};
        QList<TableCell> cells{check, bin, code, item, qty};
        if (batch)
            cells.append(slotBreakdown(row));
        table->addRow(cells);
    }
    table->shadeAlternateRows = true;
    flow.addTable(table);
    flow.addSpace(4);
    flow.addBlock(10, [](Canvas &c, const QRectF &r) {
        c.drawText(r,
                   QStringLiteral("Picked by: ____________________    Time: __________    "
                                  "Short picks noted on the back."),
                   Body, Qt::AlignBottom);
    });

    PageFrame frame;
    frame.headerMm = 26;
    frame.footerMm = 0;
    frame.gapMm = 4;
    frame.paint = [data, batch, units](Canvas &c, const QRectF &header, const QRectF &) {
        const qreal codeW = 75;
        const QLocale locale(QLocale::English);
        QStringList facts;
        if (!data->locationName.isEmpty())
            facts.append(data->locationName);
        if (data->createdUtc.isValid())
            facts.append(locale.toString(data->createdUtc.toLocalTime(),
                                         QStringLiteral("d MMM yyyy HH:mm")));
        if (!data->picker.isEmpty())
            facts.append(QStringLiteral("Picker: %1").arg(data->picker));
        const QString title =
            batch ? QStringLiteral("BATCH PICK LIST %1").arg(data->listId)
                  : QStringLiteral("PICK LIST · ORDER %1").arg(data->totes.first().orderNumber);
        const auto plural = [](qsizetype n, const QString &one) {
            return QString::number(n) + u' ' + one + (n == 1 ? QString() : QStringLiteral("s"));
        };
        const QString counts = QStringLiteral("%1 · %2 · %3 · Page %4 of %5")
                                   .arg(plural(data->totes.size(), QStringLiteral("order")),
                                        plural(data->rows.size(), QStringLiteral("line")),
                                        plural(units, QStringLiteral("unit")))
                                   .arg(c.pageIndex() + 1)
                                   .arg(c.pageCount());
        paintWorksheetHeader(c, header, title, facts, counts, codeW, data->listId);
    };
    return flowDocument(page, frame, flow);
}

} // namespace printing
