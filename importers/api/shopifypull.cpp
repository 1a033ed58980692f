#include "importers/api/apijson.h"
#include "importers/api/orderpagewalker.h"
#include "importers/api/shopifyorderjson.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace importers::api {

namespace {

constexpr int kShopifyMaxPage = 250;

// GET /admin/api/{version}/orders.json?status=any&updated_at_min=…&limit=250, then
// each Link rel="next" as given (its page_info carries the filters; resending them
// is an error on Shopify's side).
class ShopifyWalker final : public OrderPageWalker
{
public:
    ShopifyWalker(const ChannelConnection &connection, ApiHttp &http, const QDateTime &sinceUtc,
                  int pageSize)
        : OrderPageWalker(connection, http)
    {
        m_first = firstPageUrl(connection).value();
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("status"), QStringLiteral("any"));
        // Changed since, not created since: a cancellation or refund since then comes too.
        query.addQueryItem(QStringLiteral("updated_at_min"),
                           sinceUtc.toUTC().toString(Qt::ISODate));
        query.addQueryItem(QStringLiteral("limit"),
                           QString::number(pageLimit(pageSize, kShopifyMaxPage)));
        m_first.setQuery(query);
        m_next = m_first;
    }

    Step next(QList<models::ImportedOrder> &orders, QByteArray &bodies) override
    {
        const QString page = pageName(m_pages + 1);
        QJsonObject json;
        ApiResponse answer;
        if (const Step got = getJson(m_next, page, bodies, json, &answer);
            got.kind != Step::Kind::More)
            return got;
        const models::Result<QJsonArray> list = shopifyOrdersOfPage(json, page);
        if (!list)
            return {Step::Kind::Failed, list.error()};
        if (const Step mapped = appendOrders(*list, page, orders, shopifyOrderFromJson);
            mapped.kind != Step::Kind::More)
            return mapped;
        ++m_pages;
        const QUrl next = shopifyNextPage(answer.header("link"));
        if (next.isEmpty())
            return {Step::Kind::Last, {}};
        if (!sameServer(next, m_first))
            return offServer(next, page);
        m_next = next;
        return {Step::Kind::More, {}};
    }

protected:
    void authorize(QNetworkRequest &r) const override
    {
        r.setRawHeader("X-Shopify-Access-Token", m_connection.token.trimmed().toUtf8());
    }

private:
    QUrl m_first;
    QUrl m_next;
};

} // namespace

QUrl shopifyNextPage(const QByteArray &linkHeader)
{
    // <https://…page_info=abc>; rel="previous", <https://…page_info=def>; rel="next"
    static const QRegularExpression link(
        QStringLiteral(R"re(<([^<>]+)>\s*;\s*rel="?([^",;]+)"?)re"));
    auto it = link.globalMatch(QString::fromLatin1(linkHeader));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(2).trimmed() == QLatin1String("next"))
            return QUrl(m.captured(1).trimmed(), QUrl::StrictMode);
    }
    return {};
}

std::unique_ptr<OrderPageWalker> makeShopifyWalker(const ChannelConnection &connection,
                                                   ApiHttp &http, const QDateTime &sinceUtc,
                                                   int pageSize)
{
    return std::make_unique<ShopifyWalker>(connection, http, sinceUtc, pageSize);
}

} // namespace importers::api
