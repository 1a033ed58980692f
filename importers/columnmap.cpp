#include "importers/columnmap.h"

namespace importers {

ColumnMap::ColumnMap(const QStringList &header) : m_header(header)
{
    // Backwards, so a name that appears twice maps to its first column.
    for (int i = int(header.size()) - 1; i >= 0; --i)
        m_index[normalise(header.at(i))] = i;
}

QString ColumnMap::normalise(QStringView name)
{
    if (name.startsWith(QChar(0xFEFF)))
        name = name.mid(1);
    return name.toString().simplified().toCaseFolded();
}

int ColumnMap::find(std::initializer_list<QStringView> names) const
{
    for (const QStringView name : names) {
        const auto it = m_index.constFind(normalise(name));
        if (it != m_index.constEnd())
            return it.value();
    }
    return -1;
}

QString ColumnMap::nameAt(int index) const
{
    return index >= 0 && index < m_header.size() ? m_header.at(index).trimmed() : QString();
}

QString
ColumnMap::firstMissing(std::initializer_list<std::initializer_list<QStringView>> required) const
{
    for (const auto &names : required) {
        if (find(names) < 0)
            return names.begin()->toString();
    }
    return {};
}

QString fieldAt(const QStringList &fields, int index)
{
    if (index < 0 || index >= fields.size())
        return {};
    return fields.at(index).trimmed();
}

} // namespace importers
