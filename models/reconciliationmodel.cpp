#include "models/reconciliationmodel.h"

#include <QColor>

namespace models {

void ReconciliationModel::setReport(const ReconciliationReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

int ReconciliationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_report.rows.size());
}

int ReconciliationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReconciliationModel::flagText(const ReconciliationRow &row)
{
    QStringList parts;
    if (row.onHandDiffers())
        parts << tr("on hand %1 ≠ ledger %2").arg(row.onHand).arg(row.ledgerTotal);
    if (row.countVarianceFlagged())
        parts << tr("count off by %1 %").arg(row.worstCountVariance * 100, 0, 'f', 1);
    return parts.join(QStringLiteral("; "));
}

QVariant ReconciliationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_report.rows.size())
        return {};
    const ReconciliationRow &r = m_report.rows.at(index.row());
    const int c = index.column();
    if (role == Qt::TextAlignmentRole)
        return c >= OpeningColumn && c <= OnHandColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && r.flagged() && (c == FlagColumn || c == OnHandColumn))
        return QColor(0xc0, 0x1c, 0x28);
    if (role != Qt::DisplayRole)
        return {};
    switch (c) {
    case SkuColumn:
        return r.sku;
    case LocationColumn:
        return r.locationCode;
    case OpeningColumn:
        return r.opening;
    case ReceivedColumn:
        return r.received;
    case ShippedColumn:
        return r.shipped;
    case ReturnsColumn:
        return r.returns;
    case TransfersColumn:
        return r.transfers;
    case AdjustmentsColumn:
        return r.adjustments;
    case CountsColumn:
        return r.counts;
    case ClosingColumn:
        return r.closing;
    case OnHandColumn:
        return r.onHand;
    case FlagColumn:
        return flagText(r);
    default:
        return {};
    }
}

QVariant ReconciliationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SkuColumn:
        return tr("SKU");
    case LocationColumn:
        return tr("Location");
    case OpeningColumn:
        return tr("Opening");
    case ReceivedColumn:
        return tr("Received");
    case ShippedColumn:
        return tr("Shipped");
    case ReturnsColumn:
        return tr("Returns");
    case TransfersColumn:
        return tr("Transfers");
    case AdjustmentsColumn:
        return tr("Adjustments");
    case CountsColumn:
        return tr("Counts");
    case ClosingColumn:
        return tr("Closing");
    case OnHandColumn:
        return tr("On hand now");
    case FlagColumn:
        return tr("Flagged");
    default:
        return {};
    }
}

} // namespace models
