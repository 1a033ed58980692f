#include "models/stocklevelmodel.h"

#include <QColor>
#include <QLocale>

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

void StockLevelModel::setFilter(const StockFilter &filter)
{
    m_filter = filter;
    m_rows.source()->setFilter(m_filter);
    refresh();
}

const StockLevelRow *StockLevelModel::rowAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows.row(row) : nullptr;
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
    const bool numeric = index.column() >= OnHandColumn && index.column() <= PromiseColumn;

    switch (role) {
    case ProductIdRole:
        return r->productId;
    case LocationIdRole:
        return r->locationId;
    case Qt::TextAlignmentRole:
        return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if ((index.column() == AvailableColumn && r->available() <= 0) ||
            (index.column() == PromiseColumn && r->availableToPromise() <= 0))
            return QColor(0xc0, 0x1c, 0x28);
        if (index.column() == AvailableColumn && r->available() < r->reorderPoint)
            return QColor(0xb0, 0x5a, 0x00);
        if ((index.column() == InboundColumn && r->inbound == 0) ||
            (index.column() == InTransitColumn && r->inTransit == 0))
            return QColor(0x9a, 0xa0, 0xa6);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == BinColumn && r->binCodes.size() > 1)
            return tr("%1 bins here, the primary first: %2")
                .arg(r->binCodes.size())
                .arg(r->binCode);
        if (index.column() == AvailableColumn && r->available() < r->reorderPoint)
            return tr("Below the reorder point of %1").arg(r->reorderPoint);
        if (index.column() == PromiseColumn)
            return tr("Available %1 + inbound %2 + in transit %3")
                .arg(r->available())
                .arg(r->inbound)
                .arg(r->inTransit);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

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
    case InboundColumn:
        return r->inbound;
    case InTransitColumn:
        return r->inTransit;
    case PromiseColumn:
        return r->availableToPromise();
    case LastMovedColumn:
        return r->lastMovementUtc.isValid()
                   ? QLocale().toString(r->lastMovementUtc.toLocalTime().date(),
                                        QStringLiteral("yyyy-MM-dd"))
                   : QString();
    default:
        return {};
    }
}

QVariant StockLevelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case InboundColumn:
            return tr("Ordered and not yet received on purchase orders sent to the supplier");
        case InTransitColumn:
            return tr("Transferred from another location and not yet received here");
        case PromiseColumn:
            return tr("Available to promise: available + inbound + in transit");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
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
    case InboundColumn:
        return tr("Inbound");
    case InTransitColumn:
        return tr("In transit");
    case PromiseColumn:
        return tr("To promise");
    case LastMovedColumn:
        return tr("Last moved");
    default:
        return {};
    }
}

} // namespace models
