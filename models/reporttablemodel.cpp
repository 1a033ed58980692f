#include "models/reporttablemodel.h"

#include <QLocale>

namespace models {

void ReportTableModel::setTable(ReportTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.columns.size());
}

bool ReportTableModel::isNumeric(ReportCell kind)
{
    return kind == ReportCell::Count || kind == ReportCell::Decimal ||
           kind == ReportCell::Percent || kind == ReportCell::Money;
}

QString ReportTableModel::displayText(const QVariant &value, ReportCell kind)
{
    if (!value.isValid() || value.isNull())
        return kind == ReportCell::Text ? QString() : QStringLiteral("–");
    const QLocale en(QLocale::English);
    switch (kind) {
    case ReportCell::Text:
        return value.toString();
    case ReportCell::Count:
        return en.toString(value.toLongLong());
    case ReportCell::Decimal:
        return en.toString(value.toDouble(), 'f', value.toDouble() >= 100 ? 0 : 1);
    case ReportCell::Percent:
        return en.toString(value.toDouble(), 'f', 1) + QLatin1Char('%');
    case ReportCell::Money:
        return value.value<Money>().toDisplayString();
    case ReportCell::Date:
        return en.toString(value.toDate(), QStringLiteral("d MMM yyyy"));
    case ReportCell::DateTime:
        return en.toString(value.toDateTime().toLocalTime(), QStringLiteral("d MMM yyyy HH:mm"));
    }
    return value.toString();
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_table.rows.size() ||
        index.column() >= m_table.columns.size())
        return {};
    const QVariantList &row = m_table.rows.at(index.row());
    const QVariant value = row.value(index.column());
    const ReportCell kind = m_table.columns.at(index.column()).kind;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(value, kind);
    case Qt::UserRole:
        if (kind == ReportCell::Money)
            return value.value<Money>().minorUnits();
        if (isNumeric(kind) && value.isNull())
            return -1e18; // "–" sorts below every figure
        return value;
    case Qt::TextAlignmentRole:
        return isNumeric(kind) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                               : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_table.columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_table.columns.at(section).title;
    if (role == Qt::TextAlignmentRole)
        return isNumeric(m_table.columns.at(section).kind)
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

} // namespace models
