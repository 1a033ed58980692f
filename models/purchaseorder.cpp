#include "models/purchaseorder.h"

namespace models {

QString purchaseOrderStatusCode(PurchaseOrder::Status status)
{
    switch (status) {
    case PurchaseOrder::Status::Draft:
        return QStringLiteral("draft");
    case PurchaseOrder::Status::Sent:
        return QStringLiteral("sent");
    case PurchaseOrder::Status::PartiallyReceived:
        return QStringLiteral("partially_received");
    case PurchaseOrder::Status::Received:
        return QStringLiteral("received");
    case PurchaseOrder::Status::Closed:
        return QStringLiteral("closed");
    case PurchaseOrder::Status::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("draft");
}

} // namespace models
