#include "ui/lazytableview.h"

#include "ui/tableheader.h"

#include <QHeaderView>

#include <algorithm>

namespace ui {

namespace {

// Room for the cell's padding (style sheet) and the style's text margins.
constexpr int kColumnPadding = 24;

} // namespace

LazyTableView::LazyTableView(QWidget *parent)
    : QTableView(parent), m_header(new TableHeader(Qt::Horizontal, this))
{
    setHorizontalHeader(m_header);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);

    QHeaderView *rows = verticalHeader();
    const int rowHeight = fontMetrics().height() + 12;
    rows->setMinimumSectionSize(rowHeight);
    rows->setDefaultSectionSize(rowHeight);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->hide(); // row numbers mean nothing to a merchant

    QHeaderView *columns = m_header;
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setHighlightSections(false);
    columns->setStretchLastSection(true);
    columns->setResizeContentsPrecision(0); // double-click on a divider: visible rows only
    columns->setMinimumSectionSize(48);

    setStyleSheet(QStringLiteral(
        "QTableView { border: 1px solid #d0d7de; border-radius: 6px; background: #ffffff;"
        "  outline: 0;"
        "  alternate-background-color: #f6f8fa; selection-background-color: #dbe9ff;"
        "  selection-color: #1f2328; }"
        "QTableView::item { padding: 0px 6px; border: none; }"
        "QHeaderView::section { background: #f6f8fa; color: #1f2328; font-weight: 600;"
        "  padding: 6px 8px; border: none; border-bottom: 1px solid #d0d7de;"
        "  border-right: 1px solid #eaeef2; }"));
}

void LazyTableView::setColumnLayouts(const QList<ColumnLayout> &columns)
{
    const QFontMetrics cellMetrics = fontMetrics();
    QFont headerFont = font(); // the style sheet draws header labels semi-bold
    headerFont.setWeight(QFont::DemiBold);
    const QFontMetrics headerMetrics(headerFont);
    for (int column = 0; column < columns.size(); ++column) {
        const ColumnLayout &layout = columns.at(column);
        if (layout.numeric)
            m_header->setSectionAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        if (layout.stretch) {
            m_header->setStretchLastSection(false);
            m_header->setSectionResizeMode(column, QHeaderView::Stretch);
        }
        if (layout.sample.isEmpty())
            continue;
        const QString label =
            model() ? model()->headerData(column, Qt::Horizontal).toString() : QString();
        const int text = std::max(cellMetrics.horizontalAdvance(layout.sample),
                                  headerMetrics.horizontalAdvance(label));
        setColumnWidth(column, text + kColumnPadding);
    }
}

void LazyTableView::focusInEvent(QFocusEvent *event)
{
    // Tabbing in makes the first row current without selecting it; the style would
    // then frame a single cell of a row-selecting table. Select the whole row
    // instead, so the keyboard's place is shown the way it is everywhere else.
    QTableView::focusInEvent(event);
    const QModelIndex current = currentIndex();
    if (current.isValid() && selectionModel() && !selectionModel()->hasSelection())
        selectionModel()->select(current,
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void LazyTableView::keyboardSearch(const QString &search)
{
    Q_UNUSED(search); // see the class comment: a search here would read every row
}

} // namespace ui
