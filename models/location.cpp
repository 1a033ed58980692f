#include "models/location.h"

namespace models {

QString locationKindCode(LocationKind kind)
{
    switch (kind) {
    case LocationKind::Warehouse:
        return QStringLiteral("warehouse");
    case LocationKind::Store:
        return QStringLiteral("store");
    case LocationKind::ThirdPartyLogistics:
        return QStringLiteral("3pl");
    }
    return QStringLiteral("warehouse");
}

} // namespace models
