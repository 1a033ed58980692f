#pragma once

#include "ui/importerrorcsv.h"

#include <QAbstractTableModel>

namespace ui {

// The row errors of an import run as a table: file, row, field, message. A large
// export can carry thousands, so they are not turned into one item per cell.
class ImportErrorModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        FileColumn,
        RowColumn,
        FieldColumn,
        MessageColumn,
        ColumnCount
    };

    explicit ImportErrorModel(QObject *parent = nullptr);

    void setErrors(QList<ImportErrorRow> errors);
    const QList<ImportErrorRow> &errors() const { return m_errors; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ImportErrorRow> m_errors;
};

} // namespace ui
