#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace models {

// The codes a pick list is known by on paper and to a scanner.
//   list:  "PL-000012"     "PL-" and the list's id, zero-padded to 6 digits
//   slot:  "PL-000012-03"  the list code, a dash and the slot number, zero-padded to 2
// The pack bench scans a slot's code to find the order that was dropped in it.
QString pickListCode(qint64 listId);
// The list id, or nothing when `code` is not a list code. Case and surrounding
// white space (a scanner's trailing return) are ignored.
std::optional<qint64> parsePickListCode(QStringView code);

struct SlotBarcode
{
    qint64 listId = 0;
    QString listCode; // as pickListCode() writes it
    int slot = 0;     // 1 or more
};

QString slotBarcode(qint64 listId, int slot);
QString slotBarcode(const QString &listCode, int slot);
std::optional<SlotBarcode> parseSlotBarcode(QStringView text);

} // namespace models
