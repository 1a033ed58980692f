#include "importers/api/channelconnection.h"

#include <QSettings>

namespace importers::api {

namespace {

QString groupOf(const QString &channel)
{
    return QStringLiteral("connections/") + channel;
}

QString defaultHost(const QString &channel)
{
    if (channel == QLatin1String("ebay"))
        return QStringLiteral("https://api.ebay.com");
    if (channel == QLatin1String("amazon"))
        return QStringLiteral("https://sellingpartnerapi-na.amazon.com");
    return {};
}

QString defaultPath(const ChannelConnection &c)
{
    if (c.channel == QLatin1String("shopify"))
        return QStringLiteral("/admin/api/%1/orders.json")
            .arg(c.apiVersion.isEmpty() ? QString::fromUtf16(kShopifyApiVersion) : c.apiVersion);
    if (c.channel == QLatin1String("ebay"))
        return QStringLiteral("/sell/fulfillment/v1/order");
    if (c.channel == QLatin1String("amazon"))
        return QStringLiteral("/orders/v0/orders");
    return {};
}

} // namespace

QString channelApiName(const QString &channel)
{
    if (channel == QLatin1String("shopify"))
        return QStringLiteral("Shopify");
    if (channel == QLatin1String("ebay"))
        return QStringLiteral("eBay");
    if (channel == QLatin1String("amazon"))
        return QStringLiteral("Amazon");
    return channel;
}

bool isApiChannel(const QString &channel)
{
    return channel == QLatin1String("shopify") || channel == QLatin1String("ebay") ||
           channel == QLatin1String("amazon");
}

models::Result<QUrl> firstPageUrl(const ChannelConnection &c)
{
    QString text = c.endpoint.trimmed();
    if (text.isEmpty())
        text = defaultHost(c.channel);
    if (text.isEmpty())
        return models::Error{QStringLiteral("no %1 shop is set: give the shop's name "
                                            "(my-shop or my-shop.myshopify.com)")
                                 .arg(channelApiName(c.channel))};
    if (!text.contains(QLatin1String("://"))) {
        // A Shopify shop by its name alone.
        if (c.channel == QLatin1String("shopify") && !text.contains(QLatin1Char('.')) &&
            !text.contains(QLatin1Char(':')))
            text += QStringLiteral(".myshopify.com");
        text = QStringLiteral("https://") + text;
    }
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return models::Error{QStringLiteral("the %1 address \"%2\" is not a web address")
                                 .arg(channelApiName(c.channel), c.endpoint)};
    if (url.path().isEmpty() || url.path() == QLatin1String("/"))
        url.setPath(defaultPath(c));
    return url;
}

QString accountName(const ChannelConnection &c)
{
    const models::Result<QUrl> url = firstPageUrl(c);
    const QString host = url ? url->authority() : c.endpoint;
    if (c.channel == QLatin1String("shopify"))
        return QStringLiteral("shop %1").arg(host);
    if (c.channel == QLatin1String("amazon") && !c.marketplaceId.isEmpty())
        return QStringLiteral("marketplace %1 at %2").arg(c.marketplaceId, host);
    return host;
}

models::Status checkConnection(const ChannelConnection &c)
{
    if (!isApiChannel(c.channel))
        return models::Error{
            QStringLiteral("pulling orders knows shopify, ebay and amazon, not \"%1\"")
                .arg(c.channel)};
    if (const models::Result<QUrl> url = firstPageUrl(c); !url)
        return models::Error{url.error()};
    if (c.token.trimmed().isEmpty()) {
        static const char *const what[] = {"an Admin API access token (shpat_…)",
                                           "an OAuth user access token", "an LWA access token"};
        const int i = c.channel == QLatin1String("shopify") ? 0
                      : c.channel == QLatin1String("ebay")  ? 1
                                                            : 2;
        return models::Error{QStringLiteral("no %1 token is set: %2 is needed")
                                 .arg(channelApiName(c.channel), QString::fromUtf8(what[i]))};
    }
    if (c.channel == QLatin1String("amazon") && c.marketplaceId.trimmed().isEmpty())
        return models::Error{QStringLiteral(
            "no Amazon marketplace is set: its id is needed (ATVPDKIKX0DER is amazon.com)")};
    return {};
}

ChannelConnection loadConnection(const QString &channel)
{
    QSettings settings;
    settings.beginGroup(groupOf(channel));
    ChannelConnection c;
    c.channel = channel;
    c.endpoint = settings.value(QStringLiteral("endpoint")).toString();
    c.token = settings.value(QStringLiteral("token")).toString();
    c.marketplaceId = settings.value(QStringLiteral("marketplace")).toString();
    c.apiVersion = settings.value(QStringLiteral("apiVersion")).toString();
    return c;
}

void saveConnection(const ChannelConnection &c)
{
    QSettings settings;
    settings.beginGroup(groupOf(c.channel));
    settings.setValue(QStringLiteral("endpoint"), c.endpoint.trimmed());
    if (!c.token.trimmed().isEmpty())
        settings.setValue(QStringLiteral("token"), c.token.trimmed());
    settings.setValue(QStringLiteral("marketplace"), c.marketplaceId.trimmed());
    if (!c.apiVersion.isEmpty())
        settings.setValue(QStringLiteral("apiVersion"), c.apiVersion);
}

} // namespace importers::api
