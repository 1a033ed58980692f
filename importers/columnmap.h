#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace importers {

// Where each column of an export sits, found by header name, because channels add,
// drop and reorder columns between versions and sites. Names are compared trimmed
// and case-insensitively ("Order number" = "Order Number"); a column may go by
// several names (eBay's "Ship To Zip" is "Post To Postcode" on UK sites).
//
//     ColumnMap columns(header);
//     const int total = columns.find({"Total Price"});
//     QString missing = columns.firstMissing({{"Order Number"}, {"Item Number"}});
class ColumnMap
{
public:
    ColumnMap() = default;
    explicit ColumnMap(const QStringList &header);

    // Index of the first of `names` present in the header, or -1.
    int find(std::initializer_list<QStringView> names) const;
    bool has(std::initializer_list<QStringView> names) const { return find(names) >= 0; }

    // The header name of column `index` as the file wrote it (for error messages).
    QString nameAt(int index) const;
    int size() const { return int(m_header.size()); }

    // The first name of the first required column that is absent, or empty when all
    // are there. Each entry is one column with its alternative names.
    QString firstMissing(std::initializer_list<std::initializer_list<QStringView>> required) const;

    // Normal form used for matching: trimmed, case-folded, inner runs of blanks as
    // one space, a leading BOM dropped.
    static QString normalise(QStringView name);

private:
    QStringList m_header;
    QHash<QString, int> m_index; // normalised name -> first column with it
};

// The field at `index` of `fields`, trimmed; empty when the column is absent (-1)
// or the record is short (real exports drop trailing empty cells).
QString fieldAt(const QStringList &fields, int index);

} // namespace importers
