#include "models/stocklevelmodel.h"

#include <QColor>

namespace models {

StockLevelModel::StockLevelModel(StockLevelSource *source, QObject *parent)
    : QAbstractTableModel(parent), m_source(source)
{
    refresh();
}

void StockLevelModel::refresh()
{
    beginResetModel();
    m_cache = PageCache<StockLevelRow>();
    const Result<qint64> n = m_source->count();
    m_count = n.ok() ? n.value() : 0;
    m_lastError = n.ok() ? QString() : n.error();
    endResetModel();
    if (!m_lastError.isEmpty())
        emit errorOccurred(m_lastError);
}

int StockLevelModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(std::min<qint64>(m_count, INT_MAX));
}

int StockLevelModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const StockLevelRow *StockLevelModel::rowAt(int row) const
{
    return m_cache.row(row, [this](qint64 offset, int limit) {
        Result<QList<StockLevelRow>> rows = m_source->fetch(offset, limit);
        if (!rows.ok()) {
            m_lastError = rows.error();
            emit errorOccurred(m_lastError);
            return QList<StockLevelRow>();
        }
        return std::move(rows).value();
    });
}

QVariant StockLevelModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const StockLevelRow *r = rowAt(index.row());
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
