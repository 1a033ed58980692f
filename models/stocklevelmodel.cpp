#include "models/stocklevelmodel.h"

#include <QColor>

namespace models {

StockLevelModel::StockLevelModel(StockLevelSource *source, QObject *parent)
    : QAbstractTableModel(parent),
      m_rows(source, [this](const QString &error) { emit errorOccurred(error); })
{
    refresh();
}

void StockLevelModel::refresh()
{
    beginResetModel();
    const bool counted = m_rows.reload();
    endResetModel();
    if (!counted)
        emit errorOccurred(m_rows.lastError());
}

int StockLevelModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.rowCount();
}

int StockLevelModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StockLevelModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const StockLevelRow *r = m_rows.row(index.row());
    if (!r)
        return {};
    const bool numeric = index.column() >= OnHandColumn;

    if (role == Qt::TextAlignmentRole)
        return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == AvailableColumn && r->available() <= 0)
        return QColor(0xc0, 0x1c, 0x28);
    if (role != Qt::DisplayRole)
        return {};

    switch (index.column()) {
    case SkuColumn:
        return r->sku;
    case NameColumn:
        return r->productName;
    case LocationColumn:
        return r->locationCode;
    case BinColumn:
        return r->binCode;
    case OnHandColumn:
        return r->onHand;
    case ReservedColumn:
        return r->reserved;
    case AvailableColumn:
        return r->available();
    default:
        return {};
    }
}

QVariant StockLevelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SkuColumn:
        return tr("SKU");
    case NameColumn:
        return tr("Product");
    case LocationColumn:
        return tr("Location");
    case BinColumn:
        return tr("Bin");
    case OnHandColumn:
        return tr("On hand");
    case ReservedColumn:
        return tr("Reserved");
    case AvailableColumn:
        return tr("Available");
    default:
        return {};
    }
}

} // namespace models
