#pragma once

#include "printing/canvas.h"
#include "printing/document.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace printing {

// Draws one block of a flowing document inside the rectangle given to it.
using BlockPainter = std::function<void(Canvas &, const QRectF &)>;

struct TableColumn
{
    QString title;
    qreal widthMm = 0; // 0: an equal share of what the fixed-width columns leave
    Qt::Alignment align = Qt::AlignLeft;
};

struct TableCell
{
    TableCell() = default;
    TableCell(QString t) : text(std::move(t)) {}
    TableCell(const char16_t *t) : text(QString::fromUtf16(t)) {}

    QString text;
    std::optional<TextStyle> style; // default: the table's body style
    BlockPainter paint;             // drawn instead of the text when set
    qreal minHeightMm = 0;
};

// Rows of cells under a header row. Text cells wrap within their column and
// the row grows to the tallest; the flow repeats the header row on every page
// the table continues onto.
class Table
{
public:
    Table(QList<TableColumn> columns, TextStyle body, TextStyle header);

    void addRow(QList<TableCell> cells);
    int rowCount() const { return int(m_rows.size()); }
    int columnCount() const { return int(m_columns.size()); }

    qreal paddingMm = 1.2;
    bool shadeAlternateRows = true;

    QList<qreal> columnWidths(qreal widthMm) const;
    qreal headerHeight(qreal widthMm) const;
    qreal rowHeight(int row, qreal widthMm) const;
    void paintHeader(Canvas &canvas, const QRectF &box) const;
    void paintRow(Canvas &canvas, int row, const QRectF &box) const;

private:
    QList<TableColumn> m_columns;
    TextStyle m_body;
    TextStyle m_header;
    QList<QList<TableCell>> m_rows;
};

// A column of blocks poured down the body of successive pages: fixed blocks,
// spaces and tables that break between rows.
class Flow
{
public:
    void addBlock(qreal heightMm, BlockPainter paint, bool keepWithNext = false);
    void addSpace(qreal heightMm);
    void addTable(std::shared_ptr<const Table> table);

    struct Placed
    {
        qreal top = 0;
        qreal height = 0;
        BlockPainter paint;
    };
    // Pages of placed blocks for a body `widthMm` wide and `heightMm` tall.
    QList<QList<Placed>> paginate(qreal widthMm, qreal heightMm) const;

private:
    struct Item
    {
        enum class Kind
        {
            Block,
            Space,
            Table
        };
        Kind kind = Kind::Block;
        qreal height = 0;
        BlockPainter paint;
        bool keepWithNext = false;
        std::shared_ptr<const Table> table;
    };
    QList<Item> m_items;
};

// What every page of a flowing document repeats: a header band at the top of
// the content area and a footer band at its bottom. `paint` gets both bands
// and the canvas, which knows the page number and count ("page n of m").
struct PageFrame
{
    qreal headerMm = 0;
    qreal footerMm = 0;
    qreal gapMm = 3; // between the bands and the body
    std::function<void(Canvas &, const QRectF &header, const QRectF &footer)> paint;
};

Document flowDocument(const PageSetup &setup, const PageFrame &frame, const Flow &flow);

} // namespace printing
