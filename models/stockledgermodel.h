#pragma once

#include "models/pagedrows.h"
#include "models/stockledgersource.h"

#include <QAbstractTableModel>

namespace models {

// A product's ledger, oldest first, lazy and windowed like the Stock screen: the
// count comes from one query, movements arrive a page at a time as the view reaches
// them, each with its running balance at its location and across those shown.
class StockLedgerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        LocationColumn,
        ChangeColumn,
        ReasonColumn,
        ReferenceColumn,
        NoteColumn,
        UserColumn,
        BalanceColumn,
        TotalColumn,
        ColumnCount
    };

    // `source` stays owned by the caller and must outlive the model.
    explicit StockLedgerModel(StockLedgerSource *source, QObject *parent = nullptr);

    void refresh();
    // The movement; nullptr past the end or when its page could not be read.
    const LedgerEntry *entryAt(int row) const;
    QString lastError() const { return m_rows.lastError(); }
    qint64 pagesFetched() const { return m_rows.pagesFetched(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void errorOccurred(const QString &message) const;

private:
    PagedRows<LedgerEntry, StockLedgerSource> m_rows;
};

} // namespace models
