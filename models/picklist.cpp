#include "models/picklist.h"

#include <QCoreApplication>

#include <algorithm>

namespace models {

QString pickListKindCode(PickListKind kind)
{
    return kind == PickListKind::Batch ? QStringLiteral("batch") : QStringLiteral("single");
}

std::optional<PickListKind> pickListKindFromCode(QStringView code)
{
    if (code == QLatin1StringView("batch"))
        return PickListKind::Batch;
    if (code == QLatin1StringView("single"))
        return PickListKind::Single;
    return std::nullopt;
}

QString pickListStatusCode(PickListStatus status)
{
    switch (status) {
    case PickListStatus::Open:
        return QStringLiteral("open");
    case PickListStatus::Picked:
        return QStringLiteral("picked");
    case PickListStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<PickListStatus> pickListStatusFromCode(QStringView code)
{
    for (PickListStatus s :
         {PickListStatus::Open, PickListStatus::Picked, PickListStatus::Cancelled})
        if (code == pickListStatusCode(s))
            return s;
    return std::nullopt;
}

QString pickListStatusLabel(PickListStatus status)
{
    switch (status) {
    case PickListStatus::Open:
        return QCoreApplication::translate("PickList", "Open");
    case PickListStatus::Picked:
        return QCoreApplication::translate("PickList", "Picked");
    case PickListStatus::Cancelled:
        return QCoreApplication::translate("PickList", "Cancelled");
    }
    return {};
}

QString pickKitNote(const QList<PickAllocation> &allocations)
{
    QList<QPair<QString, int>> shares; // kit SKU (empty: on its own) -> units
    bool anyKit = false;
    for (const PickAllocation &a : allocations) {
        anyKit = anyKit || !a.kitSku.isEmpty();
        auto it = std::find_if(shares.begin(), shares.end(),
                               [&a](const QPair<QString, int> &s) { return s.first == a.kitSku; });
        if (it == shares.end())
            shares.append({a.kitSku, a.quantity});
        else
            it->second += a.quantity;
    }
    if (!anyKit)
        return QString();
    if (shares.size() == 1)
        return QCoreApplication::translate("PickList", "for %1").arg(shares.first().first);
    QStringList parts;
    for (const auto &[kit, units] : std::as_const(shares))
        parts.append(
            kit.isEmpty()
                ? QCoreApplication::translate("PickList", "%1 on its own").arg(units)
                : QCoreApplication::translate("PickList", "%1 for %2").arg(units).arg(kit));
    return parts.join(QStringLiteral(", "));
}

} // namespace models
