#include "ui/importerrormodel.h"

namespace ui {

ImportErrorModel::ImportErrorModel(QObject *parent) : QAbstractTableModel(parent) {}

void ImportErrorModel::setErrors(QList<ImportErrorRow> errors)
{
    beginResetModel();
    m_errors = std::move(errors);
    endResetModel();
}

int ImportErrorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_errors.size());
}

int ImportErrorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportErrorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_errors.size())
        return {};
    const ImportErrorRow &row = m_errors.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case FileColumn:
            return row.file;
        case RowColumn:
            return role == Qt::DisplayRole ? QVariant(row.error.row) : QVariant();
        case FieldColumn:
            return row.error.field;
        case MessageColumn:
            return row.error.message;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == RowColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ImportErrorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileColumn:
        return tr("File");
    case RowColumn:
        return tr("Row");
    case FieldColumn:
        return tr("Field");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace ui
