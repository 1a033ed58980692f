#pragma once

#include "models/orderqueuerow.h"
#include "models/pagedrows.h"

#include <QAbstractTableModel>

namespace models {

// The order queue as a table. Lazy and windowed: the row count comes from one
// indexed COUNT (capped when filtered), rows arrive a page at a time as the view asks for them, and
// only a bounded number of pages stays in memory, so a million orders cost what a screenful costs.
class OrderQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ChannelColumn,
        NumberColumn,
        PlacedColumn,
        ShipByColumn,
        CustomerColumn,
        CountryColumn,
        ItemsColumn,
        TotalColumn,
        StatusColumn,
        LocationColumn,
        FlagsColumn,
        ColumnCount
    };
    enum Role
    {
        OrderIdRole = Qt::UserRole + 1,
        StatusCodeRole,
        SortValueRole
    };

    explicit OrderQueueModel(OrderSource *source, QObject *parent = nullptr);

    // The moment "late" is judged against; by default the clock. Tests pin it.
    void setNow(const QDateTime &utc) { m_query.nowUtc = utc; }
    // An open order is late once its ship-by time has passed.
    static bool isLate(const OrderQueueRow &row, const QDateTime &nowUtc);

    // Re-reads the count and drops cached pages, e.g. after an import.
    void refresh();
    // Shows only the orders the filter lets through, in the current sort order.
    void setFilter(const OrderQueueFilter &filter);
    const OrderQueueQuery &query() const { return m_query; }
    // True when the row count is where counting stopped, not every match; the view
    // then grows the table as it is scrolled to the end (fetchMore).
    bool countIsPartial() const { return m_rows.source()->countIsPartial(); }
    // The order's id at `row`; 0 past the end.
    qint64 orderIdAt(int row) const;

    QString lastError() const { return m_rows.lastError(); }
    // Pages fetched from the source since the last refresh; lets tests prove laziness.
    qint64 pagesFetched() const { return m_rows.pagesFetched(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void errorOccurred(const QString &message) const;

private:
    PagedRows<OrderQueueRow, OrderSource> m_rows;
    OrderQueueQuery m_query;
};

} // namespace models
