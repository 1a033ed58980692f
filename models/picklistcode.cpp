#include "models/picklistcode.h"

namespace models {

namespace {

constexpr int kListDigits = 6;
constexpr int kSlotDigits = 2;

// A run of ASCII digits (at least `minDigits`) as a positive number.
std::optional<qint64> digitsValue(QStringView text, int minDigits)
{
    if (text.size() < minDigits || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    if (value <= 0)
        return std::nullopt;
    return value;
}

QStringView listPart(QStringView text)
{
    if (text.size() < 3 || text.left(3).compare(QLatin1StringView("PL-"), Qt::CaseInsensitive) != 0)
        return {};
    return text.mid(3);
}

} // namespace

QString pickListCode(qint64 listId)
{
    return QStringLiteral("PL-%1").arg(listId, kListDigits, 10, QLatin1Char('0'));
}

std::optional<qint64> parsePickListCode(QStringView code)
{
    const QStringView digits = listPart(code.trimmed());
    if (digits.isEmpty())
        return std::nullopt;
    return digitsValue(digits, kListDigits);
}

QString slotBarcode(qint64 listId, int slot)
{
    return slotBarcode(pickListCode(listId), slot);
}

QString slotBarcode(const QString &listCode, int slot)
{
    return QStringLiteral("%1-%2").arg(listCode).arg(slot, kSlotDigits, 10, QLatin1Char('0'));
}

std::optional<SlotBarcode> parseSlotBarcode(QStringView text)
{
    const QStringView rest = listPart(text.trimmed());
    const qsizetype dash = rest.lastIndexOf(QLatin1Char('-'));
    if (dash <= 0)
        return std::nullopt;
    const std::optional<qint64> list = digitsValue(rest.left(dash), kListDigits);
    const std::optional<qint64> slot = digitsValue(rest.mid(dash + 1), kSlotDigits);
    if (!list || !slot || *slot > 9999)
        return std::nullopt;
    return SlotBarcode{*list, pickListCode(*list), static_cast<int>(*slot)};
}

} // namespace models
