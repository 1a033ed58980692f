#include "models/stockledgermodel.h"

#include <QColor>
#include <QLocale>

namespace models {

StockLedgerModel::StockLedgerModel(StockLedgerSource *source, QObject *parent)
    : QAbstractTableModel(parent),
      m_rows(source, [this](const QString &error) { emit errorOccurred(error); })
{
    refresh();
}

void StockLedgerModel::refresh()
{
    beginResetModel();
    const bool counted = m_rows.reload();
    endResetModel();
    if (!counted)
        emit errorOccurred(m_rows.lastError());
}

const LedgerEntry *StockLedgerModel::entryAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows.row(row) : nullptr;
}

int StockLedgerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.rowCount();
}

int StockLedgerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StockLedgerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool numeric = index.column() == ChangeColumn || index.column() == BalanceColumn ||
                         index.column() == TotalColumn;
    if (role == Qt::TextAlignmentRole)
        return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ForegroundRole && role != Qt::ToolTipRole)
        return {};
    const LedgerEntry *e = m_rows.row(index.row());
    if (!e)
        return {};
    if (role == Qt::ForegroundRole)
        return index.column() == ChangeColumn
                   ? QVariant(e->quantity > 0 ? QColor(0x1a, 0x7f, 0x37) : QColor(0xc0, 0x1c, 0x28))
                   : QVariant();
    if (role == Qt::ToolTipRole)
        return index.column() == NoteColumn && !e->note.isEmpty() ? QVariant(e->note) : QVariant();

    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(e->atUtc.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
    case LocationColumn:
        return e->locationCode;
    case ChangeColumn:
        return e->quantity > 0 ? QStringLiteral("+%1").arg(e->quantity)
                               : QString::number(e->quantity);
    case ReasonColumn:
        return stockReasonLabel(e->reason);
    case ReferenceColumn:
        return e->referenceLabel;
    case NoteColumn:
        return e->note;
    case UserColumn:
        return e->user;
    case BalanceColumn:
        return e->balance;
    case TotalColumn:
        return e->totalBalance;
    default:
        return {};
    }
}

QVariant StockLedgerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("When");
    case LocationColumn:
        return tr("Location");
    case ChangeColumn:
        return tr("Change");
    case ReasonColumn:
        return tr("Reason");
    case ReferenceColumn:
        return tr("Reference");
    case NoteColumn:
        return tr("Note");
    case UserColumn:
        return tr("User");
    case BalanceColumn:
        return tr("Balance here");
    case TotalColumn:
        return tr("All shown");
    default:
        return {};
    }
}

} // namespace models
