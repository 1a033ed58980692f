#pragma once

#include "models/result.h"

#include <QList>
#include <QString>

namespace models {

// orders.priority, set by hand: higher gets scarce stock first (the Manual criterion
// of OrderPriority), 0 is the default every order starts with. The named levels are
// steps of ten so an order can still be put between two of them by number.
struct ManualPriorityLevel
{
    QString name;
    int value = 0;
};

QList<ManualPriorityLevel> manualPriorityLevels(); // Low -10, Normal 0, High 10, Urgent 20

constexpr int kMinManualPriority = -1000;
constexpr int kMaxManualPriority = 1000;

// "High", "urgent", "15", "-5": a level's name (any case) or a whole number in range.
Result<int> parseManualPriority(const QString &text);
// "High" for 10, "12" for a value between levels.
QString manualPriorityText(int value);

} // namespace models
