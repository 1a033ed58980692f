#include "models/orderstatus.h"

#include <QCoreApplication>

namespace models {

namespace {

struct StatusName
{
    OrderStatus status;
    const char *code;
    const char *label;
};

constexpr StatusName kNames[] = {
    {OrderStatus::New, "new", QT_TRANSLATE_NOOP("OrderStatus", "New")},
    {OrderStatus::OnHold, "on_hold", QT_TRANSLATE_NOOP("OrderStatus", "On hold")},
    {OrderStatus::Ready, "ready", QT_TRANSLATE_NOOP("OrderStatus", "Ready")},
    {OrderStatus::Picking, "picking", QT_TRANSLATE_NOOP("OrderStatus", "Picking")},
    {OrderStatus::Packed, "packed", QT_TRANSLATE_NOOP("OrderStatus", "Packed")},
    {OrderStatus::PartiallyShipped, "partially_shipped",
     QT_TRANSLATE_NOOP("OrderStatus", "Partially shipped")},
    {OrderStatus::Shipped, "shipped", QT_TRANSLATE_NOOP("OrderStatus", "Shipped")},
    {OrderStatus::Delivered, "delivered", QT_TRANSLATE_NOOP("OrderStatus", "Delivered")},
    {OrderStatus::Backordered, "backordered", QT_TRANSLATE_NOOP("OrderStatus", "Backordered")},
    {OrderStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("OrderStatus", "Cancelled")},
};

const StatusName &nameOf(OrderStatus status)
{
    return kNames[static_cast<int>(status)];
}

} // namespace

QList<OrderStatus> allOrderStatuses()
{
    QList<OrderStatus> all;
    for (const auto &n : kNames)
        all.append(n.status);
    return all;
}

QString orderStatusCode(OrderStatus status)
{
    return QString::fromLatin1(nameOf(status).code);
}

QString orderStatusLabel(OrderStatus status)
{
    return QCoreApplication::translate("OrderStatus", nameOf(status).label);
}

std::optional<OrderStatus> orderStatusFromCode(QStringView code)
{
    for (const auto &n : kNames)
        if (code == QLatin1StringView(n.code))
            return n.status;
    return std::nullopt;
}

bool isOpen(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Shipped:
    case OrderStatus::Delivered:
    case OrderStatus::Cancelled:
        return false;
    default:
        return true;
    }
}

bool holdsReservation(OrderStatus status)
{
    return status == OrderStatus::Ready || status == OrderStatus::Picking ||
           status == OrderStatus::Packed || status == OrderStatus::PartiallyShipped;
}

} // namespace models
