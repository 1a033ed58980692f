#include "models/manualpriority.h"

namespace models {

QList<ManualPriorityLevel> manualPriorityLevels()
{
    return {{QStringLiteral("Low"), -10},
            {QStringLiteral("Normal"), 0},
            {QStringLiteral("High"), 10},
            {QStringLiteral("Urgent"), 20}};
}

Result<int> parseManualPriority(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return Error{
            QStringLiteral("A priority is needed: Low, Normal, High, Urgent or a number.")};
    for (const ManualPriorityLevel &l : manualPriorityLevels())
        if (l.name.compare(t, Qt::CaseInsensitive) == 0)
            return l.value;
    bool ok = false;
    const int n = t.toInt(&ok);
    if (!ok)
        return Error{QStringLiteral("\"%1\" is not a priority: use Low, Normal, High, Urgent or a "
                                    "whole number.")
                         .arg(t)};
    if (n < kMinManualPriority || n > kMaxManualPriority)
        return Error{QStringLiteral("Priority %1 is out of range (%2 to %3).")
                         .arg(n)
                         .arg(kMinManualPriority)
                         .arg(kMaxManualPriority)};
    return n;
}

QString manualPriorityText(int value)
{
    for (const ManualPriorityLevel &l : manualPriorityLevels())
        if (l.value == value)
            return l.name;
    return QString::number(value);
}

} // namespace models
