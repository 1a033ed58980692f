#pragma once

#include "models/report.h"

#include <QAbstractTableModel>

namespace models {

// One table of a report for a view: figures formatted for people, right-aligned,
// and sortable by their raw values (Qt::UserRole).
class ReportTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setTable(ReportTable table);
    const ReportTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // How a cell reads on screen: "1,234", "12.5%", "3.2", "£12.50", "3 Nov 2026".
    static QString displayText(const QVariant &value, ReportCell kind);
    static bool isNumeric(ReportCell kind);

private:
    ReportTable m_table;
};

} // namespace models
