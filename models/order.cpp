#include "models/order.h"

namespace models {

QString orderEventKindCode(OrderEvent::Kind kind)
{
    switch (kind) {
    case OrderEvent::Kind::Imported:
        return QStringLiteral("imported");
    case OrderEvent::Kind::StatusChanged:
        return QStringLiteral("status");
    case OrderEvent::Kind::Reserved:
        return QStringLiteral("reserved");
    case OrderEvent::Kind::Routed:
        return QStringLiteral("routed");
    case OrderEvent::Kind::Note:
        return QStringLiteral("note");
    case OrderEvent::Kind::Shipped:
        return QStringLiteral("shipped");
    case OrderEvent::Kind::Returned:
        return QStringLiteral("returned");
    }
    return QStringLiteral("note");
}

} // namespace models
