#include "models/channel.h"

namespace models {

QString channelDisplayName(const QString &code)
{
    if (code == QLatin1String("shopify"))
        return QStringLiteral("Shopify");
    if (code == QLatin1String("amazon"))
        return QStringLiteral("Amazon");
    if (code == QLatin1String("ebay"))
        return QStringLiteral("eBay");
    return code;
}

} // namespace models
