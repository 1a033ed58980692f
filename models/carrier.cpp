#include "models/carrier.h"

namespace models {

QString trackingSchemeCode(TrackingScheme scheme)
{
    switch (scheme) {
    case TrackingScheme::S10:
        return QStringLiteral("s10");
    case TrackingScheme::Luhn:
        return QStringLiteral("luhn");
    case TrackingScheme::None:
        break;
    }
    return QStringLiteral("none");
}

TrackingScheme trackingSchemeFromCode(QStringView code)
{
    if (code == u"s10")
        return TrackingScheme::S10;
    if (code == u"luhn")
        return TrackingScheme::Luhn;
    return TrackingScheme::None;
}

} // namespace models
