#include "importers/api/apijson.h"
#include "importers/api/ebayorderjson.h"
#include "importers/api/orderpagewalker.h"

namespace importers::api {

namespace {

constexpr int kEbayMaxPage = 200;

// GET /sell/fulfillment/v1/order?filter=lastmodifieddate:[since..]&limit=200&offset=0,
// then each page's "next" URI until there is none.
class EbayWalker final : public OrderPageWalker
{
public:
    EbayWalker(const ChannelConnection &connection, ApiHttp &http, const QDateTime &sinceUtc,
               int pageSize)
        : OrderPageWalker(connection, http)
    {
        m_first = firstPageUrl(connection).value();
        // eBay wants the filter's brackets percent-encoded and the time with milliseconds.
        const QString since =
            sinceUtc.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
        const int limit = pageLimit(pageSize, kEbayMaxPage);
        const QString query = QStringLiteral("filter=lastmodifieddate:%5B") + since +
                              QStringLiteral("..%5D&limit=") + QString::number(limit) +
                              QStringLiteral("&offset=0");
        m_first.setQuery(query, QUrl::StrictMode);
        m_next = m_first;
    }

    Step next(QList<models::ImportedOrder> &orders, QByteArray &bodies) override
    {
        const QString page = pageName(m_pages + 1);
        QJsonObject json;
        if (const Step got = getJson(m_next, page, bodies, json); got.kind != Step::Kind::More)
            return got;
        const models::Result<QJsonArray> list = ebayOrdersOfPage(json, page);
        if (!list)
            return {Step::Kind::Failed, list.error()};
        if (const Step mapped = appendOrders(*list, page, orders, ebayOrderFromJson);
            mapped.kind != Step::Kind::More)
            return mapped;
        ++m_pages;
        const QString nextText = jsonText(json.value(u"next"));
        if (nextText.isEmpty() || list->isEmpty())
            return {Step::Kind::Last, {}};
        const QUrl next = m_first.resolved(QUrl(nextText, QUrl::StrictMode));
        if (!next.isValid() || !sameServer(next, m_first))
            return offServer(next, page);
        m_next = next;
        return {Step::Kind::More, {}};
    }

protected:
    void authorize(QNetworkRequest &r) const override
    {
        r.setRawHeader("Authorization", "Bearer " + m_connection.token.trimmed().toUtf8());
        if (!m_connection.marketplaceId.trimmed().isEmpty())
            r.setRawHeader("X-EBAY-C-MARKETPLACE-ID",
                           m_connection.marketplaceId.trimmed().toUtf8());
    }

private:
    QUrl m_first;
    QUrl m_next;
};

} // namespace

std::unique_ptr<OrderPageWalker> makeEbayWalker(const ChannelConnection &connection, ApiHttp &http,
                                                const QDateTime &sinceUtc, int pageSize)
{
    return std::make_unique<EbayWalker>(connection, http, sinceUtc, pageSize);
}

} // namespace importers::api
