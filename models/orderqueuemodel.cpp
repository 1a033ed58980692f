#include "models/orderqueuemodel.h"

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <climits>

namespace models {

OrderQueueModel::OrderQueueModel(OrderSource *source, QObject *parent)
    : QAbstractTableModel(parent),
      m_rows(source, [this](const QString &error) { emit errorOccurred(error); })
{
    source->setQuery(m_query);
    refresh();
}

bool OrderQueueModel::isLate(const OrderQueueRow &row, const QDateTime &nowUtc)
{
    return isOpen(row.status) && row.shipByUtc.isValid() && row.shipByUtc < nowUtc;
}

void OrderQueueModel::refresh()
{
    beginResetModel();
    const bool counted = m_rows.reload();
    endResetModel();
    if (!counted)
        emit errorOccurred(m_rows.lastError());
}

void OrderQueueModel::setFilter(const OrderQueueFilter &filter)
{
    m_query.filter = filter;
    m_rows.source()->setQuery(m_query);
    refresh();
}

qint64 OrderQueueModel::orderIdAt(int row) const
{
    const OrderQueueRow *r = row >= 0 && row < rowCount() ? m_rows.row(row) : nullptr;
    return r ? r->id : 0;
}

bool OrderQueueModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows.source()->countIsPartial();
}

void OrderQueueModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    // The rows already shown stay where they are: only the count grows. The new
    // count is read first so the view hears of the rows before it can ask for them.
    const int before = rowCount();
    OrderSource *source = m_rows.source();
    source->raiseCountLimit();
    const Result<qint64> n = source->count();
    if (!n.ok()) {
        emit errorOccurred(n.error());
        return;
    }
    const int after = static_cast<int>(std::min<qint64>(n.value(), INT_MAX));
    if (after > before)
        beginInsertRows({}, before, after - 1);
    const bool counted = m_rows.reload();
    if (after > before)
        endInsertRows();
    if (!counted)
        emit errorOccurred(m_rows.lastError());
}

int OrderQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.rowCount();
}

int OrderQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString localDateTime(const QDateTime &utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                         : QString();
}

QString localDate(const QDateTime &utc)
{
    return utc.isValid()
               ? QLocale().toString(utc.toLocalTime().date(), QStringLiteral("yyyy-MM-dd"))
               : QString();
}

QColor statusColour(OrderStatus s)
{
    switch (s) {
    case OrderStatus::New:
        return QColor(0x1f, 0x6f, 0xeb);
    case OrderStatus::OnHold:
        return QColor(0xd2, 0x6a, 0x00);
    case OrderStatus::Ready:
    case OrderStatus::Picking:
    case OrderStatus::Packed:
        return QColor(0x6f, 0x42, 0xc1);
    case OrderStatus::Backordered:
    case OrderStatus::PartiallyShipped:
        return QColor(0xc0, 0x1c, 0x28);
    case OrderStatus::Shipped:
    case OrderStatus::Delivered:
        return QColor(0x1a, 0x7f, 0x37);
    case OrderStatus::Cancelled:
        return QColor(0x6e, 0x77, 0x81);
    }
    return {};
}

} // namespace

QVariant OrderQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const OrderQueueRow *r = m_rows.row(index.row());
    if (!r)
        return {};

    switch (role) {
    case OrderIdRole:
        return r->id;
    case StatusCodeRole:
        return orderStatusCode(r->status);
    case Qt::TextAlignmentRole:
        if (index.column() == ItemsColumn || index.column() == TotalColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return statusColour(r->status);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !r->holdReason.isEmpty())
            return r->holdReason;
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case ChannelColumn:
        return r->channelName;
    case NumberColumn:
        return r->orderNumber;
    case PlacedColumn:
        return localDateTime(r->placedAtUtc);
    case ShipByColumn:
        return localDate(r->shipByUtc);
    case CustomerColumn:
        return r->customerName;
    case CountryColumn:
        return r->country;
    case ItemsColumn:
        return r->itemCount;
    case TotalColumn:
        return r->total.toDisplayString();
    case StatusColumn:
        return r->status == OrderStatus::OnHold && !r->holdReason.isEmpty()
                   ? tr("On hold: %1").arg(r->holdReason)
                   : orderStatusLabel(r->status);
    case LocationColumn:
        return r->locationCode;
    case FlagsColumn: {
        QStringList flags;
        if (isLate(*r, m_query.nowUtc.isValid() ? m_query.nowUtc : QDateTime::currentDateTimeUtc()))
            flags << tr("Late");
        if (r->expedited)
            flags << tr("Expedited");
        return flags.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant OrderQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ChannelColumn:
        return tr("Channel");
    case NumberColumn:
        return tr("Order");
    case PlacedColumn:
        return tr("Placed");
    case ShipByColumn:
        return tr("Ship by");
    case CustomerColumn:
        return tr("Customer");
    case CountryColumn:
        return tr("Country");
    case ItemsColumn:
        return tr("Items");
    case TotalColumn:
        return tr("Total");
    case StatusColumn:
        return tr("Status");
    case LocationColumn:
        return tr("Location");
    case FlagsColumn:
        return tr("Flags");
    default:
        return {};
    }
}

void OrderQueueModel::sort(int column, Qt::SortOrder order)
{
    // Only indexed keys sort; other columns keep the current order rather than
    // scanning a million rows.
    OrderQueueQuery query = m_query;
    if (column == PlacedColumn)
        query.sortKey = OrderSortKey::PlacedAt;
    else if (column == ShipByColumn)
        query.sortKey = OrderSortKey::ShipBy;
    else
        return;
    query.ascending = order == Qt::AscendingOrder;
    m_query = query;
    m_rows.source()->setQuery(m_query);
    refresh();
}

} // namespace models
