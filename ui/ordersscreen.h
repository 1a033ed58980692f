#pragma once

#include "models/orderqueuerow.h"

#include <QWidget>

namespace models {
class OrderQueueModel;
}

namespace ui {

class LazyTableView;
class ScreenHeader;

// The order queue: every order from every channel in one table, newest first.
// Read-only in this release; filters and actions come later.
class OrdersScreen : public QWidget
{
    Q_OBJECT
public:
    // `source` may be null (no database): the screen then says so instead of a table.
    explicit OrdersScreen(models::OrderSource *source, QWidget *parent = nullptr);

    models::OrderQueueModel *model() const { return m_model; }
    LazyTableView *table() const { return m_table; }
    int orderCount() const;
    // "5,000 orders"; empty while the count is unknown (no source, or it failed).
    QString summary() const { return m_summary; }
    // Reads the queue again (after an import): the count, and the rows as they are
    // next shown. Does nothing without a source.
    void refresh();

signals:
    void summaryChanged(const QString &summary);

private:
    void updateSummary();
    void onSortIndicatorChanged(int column, Qt::SortOrder order);

    ScreenHeader *m_header;
    LazyTableView *m_table;
    models::OrderQueueModel *m_model = nullptr;
    QString m_summary;
    int m_sortColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace ui
