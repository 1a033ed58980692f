#include "models/reordermodel.h"

#include <QColor>
#include <QFont>

namespace models {

QString ReorderModel::shortMethodName(ForecastMethod method)
{
    switch (method) {
    case ForecastMethod::TrailingAverage:
        return tr("Average");
    case ForecastMethod::SeasonalNaive:
        return tr("Last week");
    case ForecastMethod::HoltWinters:
        return tr("Holt-Winters");
    }
    return {};
}

QString ReorderModel::methodDetail(const ReorderOutcome &o)
{
    if (o.forecast.intermittent)
        return tr("%1: sells on fewer than half its days, so no seasonal forecast is tried")
            .arg(forecastMethodName(o.forecast.method));
    if (!o.forecast.backtested)
        return tr("%1: too little history to backtest a seasonal forecast")
            .arg(forecastMethodName(o.forecast.method));
    if (o.forecast.method == ForecastMethod::TrailingAverage)
        return tr("%1: off by %2/day on average in the backtest; no seasonal forecast did better")
            .arg(forecastMethodName(o.forecast.method), QString::number(o.forecast.error, 'f', 2));
    return tr("%1: off by %2/day on average in the backtest, against %3/day for the trailing "
              "average")
        .arg(forecastMethodName(o.forecast.method), QString::number(o.forecast.error, 'f', 2),
             QString::number(o.forecast.trailingError, 'f', 2));
}

ReorderModel::ReorderModel(QObject *parent) : QAbstractTableModel(parent) {}

void ReorderModel::setSuggestions(QList<ReorderSuggestion> suggestions)
{
    beginResetModel();
    m_all = std::move(suggestions);
    applyFilter();
    endResetModel();
}

void ReorderModel::setFilter(const ReorderFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    applyFilter();
    endResetModel();
}

void ReorderModel::applyFilter()
{
    m_shown.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        const ReorderSuggestion &s = m_all.at(i);
        if (m_filter.locationId && s.locationId != *m_filter.locationId)
            continue;
        if (m_filter.supplierId && s.supplierId != m_filter.supplierId)
            continue;
        if (m_filter.onlyBelowReorderPoint && !s.outcome.belowReorderPoint)
            continue;
        m_shown.append(i);
    }
}

const ReorderSuggestion *ReorderModel::suggestionAt(int row) const
{
    if (row < 0 || row >= m_shown.size())
        return nullptr;
    return &m_all.at(m_shown.at(row));
}

int ReorderModel::rowsToOrder() const
{
    int n = 0;
    for (int i : m_shown)
        if (m_all.at(i).outcome.suggestedQuantity > 0)
            ++n;
    return n;
}

int ReorderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
}

int ReorderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReorderModel::data(const QModelIndex &index, int role) const
{
    const ReorderSuggestion *s = index.isValid() ? suggestionAt(index.row()) : nullptr;
    if (!s)
        return {};
    const ReorderOutcome &o = s->outcome;
    const int column = index.column();
    const bool numeric = column >= OnHandColumn && column <= SuggestedColumn;

    if (role == Qt::TextAlignmentRole)
        return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole) {
        // Red: the position is at or below the reorder point.
        if (column == SuggestedColumn && o.suggestedQuantity > 0)
            return QColor(0xc0, 0x1c, 0x28);
        if (column == SuggestedColumn || (column == SupplierColumn && !s->supplierId))
            return QColor(0x8c, 0x95, 0x9f);
        return {};
    }
    if (role == Qt::FontRole && column == SuggestedColumn && o.suggestedQuantity > 0) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && (column == ExplanationColumn || column == MethodColumn)) {
        if (column == ExplanationColumn)
            return o.explanation;
        return methodDetail(o);
    }
    if (role != Qt::DisplayRole)
        return {};

    switch (column) {
    case SupplierColumn:
        return s->supplierId ? s->supplierName : tr("(no supplier)");
    case SkuColumn:
        return s->sku;
    case NameColumn:
        return s->productName;
    case LocationColumn:
        return s->locationCode;
    case OnHandColumn:
        return s->onHand;
    case ReservedColumn:
        return s->reserved;
    case InboundColumn:
        return s->inbound;
    case DemandColumn:
        if (o.dailyDemand <= 0)
            return QStringLiteral("0");
        return QString::number(o.dailyDemand, 'f', o.dailyDemand < 0.1 ? 2 : 1);
    case LeadTimeColumn:
        return tr("%1 d").arg(o.leadTimeDays);
    case ReorderPointColumn:
        return o.reorderPoint;
    case SuggestedColumn:
        return o.suggestedQuantity;
    case MethodColumn:
        return shortMethodName(o.forecast.method);
    case ExplanationColumn:
        return o.explanation;
    default:
        return {};
    }
}

QVariant ReorderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SupplierColumn:
        return tr("Supplier");
    case SkuColumn:
        return tr("SKU");
    case NameColumn:
        return tr("Product");
    case LocationColumn:
        return tr("Location");
    case OnHandColumn:
        return tr("On hand");
    case ReservedColumn:
        return tr("Reserved");
    case InboundColumn:
        return tr("Inbound");
    case DemandColumn:
        return tr("Avg/day");
    case LeadTimeColumn:
        return tr("Lead time");
    case ReorderPointColumn:
        return tr("Reorder pt");
    case SuggestedColumn:
        return tr("Suggested");
    case MethodColumn:
        return tr("Method");
    case ExplanationColumn:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace models
