#include "models/shipment.h"

namespace models {

QString shipmentStatusCode(Shipment::Status status)
{
    switch (status) {
    case Shipment::Status::Draft:
        return QStringLiteral("draft");
    case Shipment::Status::Labelled:
        return QStringLiteral("labelled");
    case Shipment::Status::Shipped:
        return QStringLiteral("shipped");
    case Shipment::Status::Delivered:
        return QStringLiteral("delivered");
    case Shipment::Status::Voided:
        return QStringLiteral("voided");
    }
    return QStringLiteral("draft");
}

} // namespace models
