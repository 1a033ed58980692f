#include "printing/documentflow.h"

#include <QColor>

#include <algorithm>

namespace printing {

Table::Table(QList<TableColumn> columns, TextStyle body, TextStyle header)
    : m_columns(std::move(columns)), m_body(body), m_header(header)
{}

void Table::addRow(QList<TableCell> cells)
{
    cells.resize(m_columns.size());
    m_rows.append(std::move(cells));
}

QList<qreal> Table::columnWidths(qreal widthMm) const
{
    qreal fixed = 0;
    int shared = 0;
    for (const TableColumn &c : m_columns) {
        fixed += c.widthMm;
        shared += c.widthMm <= 0 ? 1 : 0;
    }
    const qreal share = shared > 0 ? std::max(0.0, widthMm - fixed) / shared : 0;
    QList<qreal> widths;
    for (const TableColumn &c : m_columns)
        widths.append(c.widthMm > 0 ? c.widthMm : share);
    return widths;
}

qreal Table::headerHeight(qreal widthMm) const
{
    const QList<qreal> widths = columnWidths(widthMm);
    qreal height = 0;
    for (int i = 0; i < m_columns.size(); ++i) {
        const qreal inner = std::max(1.0, widths.at(i) - 2 * paddingMm);
        height = std::max(height, textHeightMm(m_columns.at(i).title, m_header, inner));
    }
    return height + 2 * paddingMm;
}

qreal Table::rowHeight(int row, qreal widthMm) const
{
    const QList<qreal> widths = columnWidths(widthMm);
    const QList<TableCell> &cells = m_rows.at(row);
    qreal height = 0;
    for (int i = 0; i < cells.size(); ++i) {
        const TableCell &cell = cells.at(i);
        qreal h = cell.minHeightMm;
        if (!cell.paint && !cell.text.isEmpty()) {
            const qreal inner = std::max(1.0, widths.at(i) - 2 * paddingMm);
            h = std::max(h, textHeightMm(cell.text, cell.style.value_or(m_body), inner));
        }
        height = std::max(height, h);
    }
    return height + 2 * paddingMm;
}

void Table::paintHeader(Canvas &canvas, const QRectF &box) const
{
    const QList<qreal> widths = columnWidths(box.width());
    canvas.fillRect(box, QColor(225, 225, 225));
    qreal x = box.left();
    for (int i = 0; i < m_columns.size(); ++i) {
        const QRectF cell(x + paddingMm, box.top() + paddingMm, widths.at(i) - 2 * paddingMm,
                          box.height() - 2 * paddingMm);
        canvas.drawText(cell, m_columns.at(i).title, m_header.withAlign(m_columns.at(i).align),
                        Qt::AlignVCenter);
        x += widths.at(i);
    }
    canvas.drawRule(box.bottom(), box.left(), box.right(), 0.4);
}

void Table::paintRow(Canvas &canvas, int row, const QRectF &box) const
{
    const QList<qreal> widths = columnWidths(box.width());
    if (shadeAlternateRows && row % 2 == 1)
        canvas.fillRect(box, QColor(244, 244, 244));
    qreal x = box.left();
    const QList<TableCell> &cells = m_rows.at(row);
    for (int i = 0; i < cells.size(); ++i) {
        const TableCell &c = cells.at(i);
        const QRectF cell(x + paddingMm, box.top() + paddingMm, widths.at(i) - 2 * paddingMm,
                          box.height() - 2 * paddingMm);
        if (c.paint)
            c.paint(canvas, cell);
        else if (!c.text.isEmpty())
            canvas.drawText(cell, c.text, c.style.value_or(m_body).withAlign(m_columns.at(i).align),
                            Qt::AlignVCenter);
        x += widths.at(i);
    }
    canvas.drawRule(box.bottom(), box.left(), box.right(), 0.15);
}

void Flow::addBlock(qreal heightMm, BlockPainter paint, bool keepWithNext)
{
    Item item;
    item.height = heightMm;
    item.paint = std::move(paint);
    item.keepWithNext = keepWithNext;
    m_items.append(std::move(item));
}

void Flow::addSpace(qreal heightMm)
{
    Item item;
    item.kind = Item::Kind::Space;
    item.height = heightMm;
    m_items.append(std::move(item));
}

void Flow::addTable(std::shared_ptr<const Table> table)
{
    Item item;
    item.kind = Item::Kind::Table;
    item.table = std::move(table);
    m_items.append(std::move(item));
}

QList<QList<Flow::Placed>> Flow::paginate(qreal widthMm, qreal heightMm) const
{
    // Tables become a header block kept with their first row, then one block
    // per row that remembers the header to repeat after a page break.
    struct Unit
    {
        Item::Kind kind;
        qreal height;
        BlockPainter paint;
        bool keepWithNext;
        qreal repeatHeight = 0;
        BlockPainter repeat;
    };
    QList<Unit> units;
    for (const Item &item : m_items) {
        if (item.kind != Item::Kind::Table) {
            units.append({item.kind, item.height, item.paint, item.keepWithNext, 0, {}});
            continue;
        }
        const std::shared_ptr<const Table> table = item.table;
        const qreal headerH = table->headerHeight(widthMm);
        BlockPainter header = [table](Canvas &c, const QRectF &r) { table->paintHeader(c, r); };
        units.append({Item::Kind::Block, headerH, header, table->rowCount() > 0, 0, {}});
        for (int row = 0; row < table->rowCount(); ++row) {
            BlockPainter paintRow = [table, row](Canvas &c, const QRectF &r) {
                table->paintRow(c, row, r);
            };
            units.append({Item::Kind::Block, table->rowHeight(row, widthMm), paintRow, false,
                          headerH, header});
        }
    }

    QList<QList<Placed>> pages(1);
    qreal y = 0;
    for (qsizetype i = 0; i < units.size(); ++i) {
        const Unit &u = units.at(i);
        if (u.kind == Item::Kind::Space) {
            if (y > 0)
                y = std::min(heightMm, y + u.height);
            continue;
        }
        qreal needed = u.height;
        if (u.keepWithNext && i + 1 < units.size())
            needed += units.at(i + 1).height;
        if (y > 0 && y + needed > heightMm + 1e-6) {
            pages.append(QList<Placed>());
            y = 0;
            if (u.repeat) {
                pages.last().append({0, u.repeatHeight, u.repeat});
                y = u.repeatHeight;
            }
        }
        pages.last().append({y, u.height, u.paint});
        y += u.height;
    }
    return pages;
}

Document flowDocument(const PageSetup &setup, const PageFrame &frame, const Flow &flow)
{
    const QRectF content = setup.contentRect();
    const QRectF header(content.left(), content.top(), content.width(), frame.headerMm);
    const QRectF footer(content.left(), content.bottom() - frame.footerMm, content.width(),
                        frame.footerMm);
    const qreal top = header.bottom() + (frame.headerMm > 0 ? frame.gapMm : 0);
    const qreal bottom = footer.top() - (frame.footerMm > 0 ? frame.gapMm : 0);
    const QRectF body(content.left(), top, content.width(), bottom - top);

    Document document(setup);
    const QList<QList<Flow::Placed>> pages = flow.paginate(body.width(), body.height());
    for (const QList<Flow::Placed> &page : pages) {
        document.addPage([frame, header, footer, body, page](Canvas &canvas) {
            if (frame.paint)
                frame.paint(canvas, header, footer);
            for (const Flow::Placed &p : page) {
                if (p.paint)
                    p.paint(canvas,
                            QRectF(body.left(), body.top() + p.top, body.width(), p.height));
            }
        });
    }
    return document;
}

} // namespace printing
