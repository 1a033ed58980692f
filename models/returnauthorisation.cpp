#include "models/returnauthorisation.h"

namespace models {

QString returnStatusCode(ReturnStatus status)
{
    switch (status) {
    case ReturnStatus::Requested:
        return QStringLiteral("requested");
    case ReturnStatus::Authorised:
        return QStringLiteral("authorised");
    case ReturnStatus::Received:
        return QStringLiteral("received");
    case ReturnStatus::Inspected:
        return QStringLiteral("inspected");
    case ReturnStatus::Restocked:
        return QStringLiteral("restocked");
    case ReturnStatus::WrittenOff:
        return QStringLiteral("written_off");
    case ReturnStatus::Refunded:
        return QStringLiteral("refunded");
    case ReturnStatus::Closed:
        return QStringLiteral("closed");
    case ReturnStatus::Rejected:
        return QStringLiteral("rejected");
    }
    return QStringLiteral("requested");
}

} // namespace models
