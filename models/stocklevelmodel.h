#pragma once

#include "models/pagedrows.h"
#include "models/stocklevelrow.h"

#include <QAbstractTableModel>

namespace models {

// Stock per product and location, lazy and windowed like the order queue.
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
        ColumnCount
    };

    explicit StockLevelModel(StockLevelSource *source, QObject *parent = nullptr);

    void refresh();
    QString lastError() const { return m_rows.lastError(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void errorOccurred(const QString &message) const;

private:
    PagedRows<StockLevelRow, StockLevelSource> m_rows;
};

} // namespace models
