#pragma once

#include <QTableView>

namespace ui {

class TableHeader;

// How a list screen wants one column laid out. Widths come from a typical widest
// value rather than from the data, since measuring the data would fetch rows.
struct ColumnLayout
{
    QString sample;       // e.g. a typical date; empty keeps the default width
    bool numeric = false; // numbers are right-aligned, so is their header label
    bool stretch = false; // takes the spare width (instead of the last column)
};

// A read-only table view for lazy, windowed models (millions of rows, fetched a page
// at a time). Plain QTableView has a few habits that would read every row:
// - rows sized to contents ask each row for its size: here every row has one fixed
//   height and the vertical header never resizes to contents;
// - typing a letter searches the model with match(), which walks all rows until one
//   matches (and a barcode scanner "types" whole words): keyboard search is off;
// - sizing a column to contents samples up to 1000 rows beyond the visible ones:
//   here only the visible rows are measured.
// It also carries the look shared by the list screens.
class LazyTableView : public QTableView
{
    Q_OBJECT
public:
    explicit LazyTableView(QWidget *parent = nullptr);

    // One entry per column, in model order. The column marked stretch, or else the
    // last one, takes the spare width. Call after setModel().
    void setColumnLayouts(const QList<ColumnLayout> &columns);

    void keyboardSearch(const QString &search) override;

protected:
    void focusInEvent(QFocusEvent *event) override;

private:
    TableHeader *m_header;
};

} // namespace ui
