#include "models/picklist.h"

#include <QCoreApplication>

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

} // namespace models
