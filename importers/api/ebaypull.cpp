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
        const int limit = pageSize > 0 ? qMin(pageSize, kEbayMaxPage) : kEbayMaxPage;
        const QString query = QStringLiteral("filter=lastmodifieddate:%5B") + since +
                              QStringLiteral("..%5D&limit=") + QString::number(limit) +
                              QStringLiteral("&offset=0");
        m_first.setQuery(query, QUrl::StrictMode);
        m_next = m_first;
    }

    Step next(QList<models::ImportedOrder> &orders, QByteArray &bodies) override
    {
        const QString page = pageName(m_pages + 1);
        const ApiOutcome outcome = m_http.get(request(m_next));
        if (!outcome.ok())
            return failure(outcome, page);
        bodies += outcome.response.body;
        const models::Result<QJsonObject> json = parseJsonObject(outcome.response.body, page);
        if (!json)
            return {Step::Kind::Failed, json.error()};
        const models::Result<QJsonArray> list = ebayOrdersOfPage(*json, page);
        if (!list)
            return {Step::Kind::Failed, list.error()};
        for (const QJsonValue &o : *list) {
            if (!o.isObject())
                return {Step::Kind::Failed,
                        QStringLiteral("%1: an entry of \"orders\" is not an order").arg(page)};
            orders.append(ebayOrderFromJson(o.toObject(), orders.size() + 1));
        }
        ++m_pages;
        const QString nextText = jsonText(json->value(u"next"));
        if (nextText.isEmpty() || list->isEmpty())
            return {Step::Kind::Last, {}};
        const QUrl next = m_first.resolved(QUrl(nextText, QUrl::StrictMode));
        if (!next.isValid() || !sameServer(next, m_first))
            return {Step::Kind::Failed,
                    QStringLiteral("%1: the link to the next page leads to another server (%2); "
                                   "it was not followed")
                        .arg(page, next.host())};
        m_next = next;
        return {Step::Kind::More, {}};
    }

protected:
    QNetworkRequest request(const QUrl &url) const override
    {
        QNetworkRequest r(url);
        r.setRawHeader("Authorization", "Bearer " + m_connection.token.trimmed().toUtf8());
        r.setRawHeader("Accept", "application/json");
        if (!m_connection.marketplaceId.trimmed().isEmpty())
            r.setRawHeader("X-EBAY-C-MARKETPLACE-ID",
                           m_connection.marketplaceId.trimmed().toUtf8());
        r.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Backroom"));
        return r;
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
