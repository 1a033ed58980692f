#include "importers/api/amazonorderjson.h"
#include "importers/api/apijson.h"
#include "importers/api/orderpagewalker.h"

namespace importers::api {

namespace {

constexpr int kAmazonMaxPage = 100;

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

// GET /orders/v0/orders?MarketplaceIds=…&LastUpdatedAfter=…&MaxResultsPerPage=100,
// the next pages with NextToken and the same filters; for each order
// GET /orders/v0/orders/{id}/orderItems (and its own NextToken pages).
class AmazonWalker final : public OrderPageWalker
{
public:
    AmazonWalker(const ChannelConnection &connection, ApiHttp &http, const QDateTime &sinceUtc,
                 int pageSize)
        : OrderPageWalker(connection, http)
    {
        m_base = firstPageUrl(connection).value();
        const int limit = pageLimit(pageSize, kAmazonMaxPage);
        m_filters =
            QStringLiteral("MarketplaceIds=") + encoded(connection.marketplaceId.trimmed()) +
            QStringLiteral("&LastUpdatedAfter=") + encoded(sinceUtc.toUTC().toString(Qt::ISODate)) +
            QStringLiteral("&MaxResultsPerPage=") + QString::number(limit);
    }

    Step next(QList<models::ImportedOrder> &orders, QByteArray &bodies) override
    {
        const QString page = pageName(m_pages + 1);
        QUrl url = m_base;
        url.setQuery(m_nextToken.isEmpty()
                         ? m_filters
                         : m_filters + QStringLiteral("&NextToken=") + encoded(m_nextToken),
                     QUrl::StrictMode);
        QJsonObject json;
        if (const Step got = getJson(url, page, bodies, json); got.kind != Step::Kind::More)
            return got;
        const models::Result<AmazonPage> list = amazonPageOf(json, u"Orders", page);
        if (!list)
            return {Step::Kind::Failed, list.error()};
        for (const QJsonValue &o : list->entries) {
            const QJsonObject order = o.toObject();
            const QString id = jsonText(order.value(u"AmazonOrderId"));
            if (id.isEmpty())
                return {Step::Kind::Failed,
                        QStringLiteral("%1: an order has no AmazonOrderId").arg(page)};
            QJsonArray items;
            if (const Step got = itemsOf(id, items, bodies); got.kind != Step::Kind::More)
                return got;
            orders.append(amazonOrderFromJson(order, items, orders.size() + 1));
        }
        ++m_pages;
        m_nextToken = list->nextToken;
        return {m_nextToken.isEmpty() ? Step::Kind::Last : Step::Kind::More, {}};
    }

protected:
    void authorize(QNetworkRequest &r) const override
    {
        r.setRawHeader("x-amz-access-token", m_connection.token.trimmed().toUtf8());
    }

private:
    // Every item of one order, over as many pages as Amazon gives; More when done.
    Step itemsOf(const QString &orderId, QJsonArray &items, QByteArray &bodies)
    {
        QString token;
        int part = 0;
        do {
            const QString what = QStringLiteral("the items of Amazon order %1").arg(orderId);
            QUrl url = m_base;
            url.setPath(m_base.path() + u'/' + encoded(orderId) + QStringLiteral("/orderItems"));
            if (!token.isEmpty())
                url.setQuery(QStringLiteral("NextToken=") + encoded(token), QUrl::StrictMode);
            QJsonObject json;
            if (const Step got = getJson(url, what, bodies, json); got.kind != Step::Kind::More)
                return got;
            const models::Result<AmazonPage> list = amazonPageOf(json, u"OrderItems", what);
            if (!list)
                return {Step::Kind::Failed, list.error()};
            for (const QJsonValue &item : list->entries)
                items.append(item);
            token = list->nextToken;
        } while (!token.isEmpty() && ++part < 100);
        return {Step::Kind::More, {}};
    }

    QUrl m_base;
    QString m_filters;
    QString m_nextToken;
};

} // namespace

std::unique_ptr<OrderPageWalker> makeAmazonWalker(const ChannelConnection &connection,
                                                  ApiHttp &http, const QDateTime &sinceUtc,
                                                  int pageSize)
{
    return std::make_unique<AmazonWalker>(connection, http, sinceUtc, pageSize);
}

} // namespace importers::api
