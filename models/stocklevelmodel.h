#pragma once

#include "models/pagedrows.h"
#include "models/stocklevelrow.h"

#include <QAbstractTableModel>

namespace models {

// Stock per product and location, lazy and windowed like the order queue: the count
// comes from one query, rows arrive a page at a time as the view asks for them, and
// only a bounded number of pages stays in memory.
class StockLevelModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SkuColumn,
        NameColumn,
        LocationColumn,
        BinColumn,
        OnHandColumn,
        ReservedColumn,
        AvailableColumn,
        InboundColumn,
        InTransitColumn,
        PromiseColumn,
        LastMovedColumn,
        ColumnCount
    };
    enum Role
    {
        ProductIdRole = Qt::UserRole + 1,
        LocationIdRole,
    };

    explicit StockLevelModel(StockLevelSource *source, QObject *parent = nullptr);

    // Re-reads the count and drops cached pages, e.g. after an adjustment.
    void refresh();
    void setFilter(const StockFilter &filter);
    const StockFilter &filter() const { return m_filter; }
    // The row's figures; nullptr past the end.
    const StockLevelRow *rowAt(int row) const;

    QString lastError() const { return m_rows.lastError(); }
    qint64 pagesFetched() const { return m_rows.pagesFetched(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void errorOccurred(const QString &message) const;

private:
    PagedRows<StockLevelRow, StockLevelSource> m_rows;
    StockFilter m_filter;
};

} // namespace models
