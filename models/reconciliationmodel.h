#pragma once

#include "models/stockoperations.h"

#include <QAbstractTableModel>

namespace models {

// The rows of a reconciliation report as a table: opening + movements = closing, on
// hand beside it, and what is flagged.
class ReconciliationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SkuColumn,
        LocationColumn,
        OpeningColumn,
        ReceivedColumn,
        ShippedColumn,
        ReturnsColumn,
        TransfersColumn,
        AdjustmentsColumn,
        CountsColumn,
        ClosingColumn,
        OnHandColumn,
        FlagColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setReport(const ReconciliationReport &report);
    const ReconciliationReport &report() const { return m_report; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "On hand 13 ≠ ledger 11; count off by 20.0 %", empty when nothing is flagged.
    static QString flagText(const ReconciliationRow &row);

private:
    ReconciliationReport m_report;
};

} // namespace models
