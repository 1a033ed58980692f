#pragma once

#include "importers/api/apihttp.h"
#include "importers/api/channelconnection.h"
#include "models/importedorder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace importers::api {

struct PullOptions;

// One channel's paging: each call to next() fetches one page (and whatever that
// page's orders need, such as Amazon's items) and maps its orders.
class OrderPageWalker
{
public:
    struct Step
    {
        enum class Kind
        {
            More,   // a page read; call next() again
            Last,   // the last page read
            Failed, // `message` says which page and why
            Cancelled,
        };
        Kind kind = Kind::Failed;
        QString message;
    };

    OrderPageWalker(ChannelConnection connection, ApiHttp &http)
        : m_connection(std::move(connection)), m_http(http)
    {}
    virtual ~OrderPageWalker() = default;
    OrderPageWalker(const OrderPageWalker &) = delete;
    OrderPageWalker &operator=(const OrderPageWalker &) = delete;

    // Appends the page's orders to `orders` (positions continuing after its size)
    // and every body read to `bodies`, for the run's checksum.
    virtual Step next(QList<models::ImportedOrder> &orders, QByteArray &bodies) = 0;

    int pagesRead() const { return m_pages; }

protected:
    // The request every page and item call starts from: the channel's credentials,
    // Accept JSON and the user agent set.
    QNetworkRequest request(const QUrl &url) const;
    // The channel's own headers: its token and whatever else it asks for.
    virtual void authorize(QNetworkRequest &request) const = 0;
    // GETs `url` and reads the answer as a JSON object into `json`, adding the body to
    // `bodies` (and the whole answer to `answer` when given); More when read, otherwise
    // the failure naming `what`.
    Step getJson(const QUrl &url, const QString &what, QByteArray &bodies, QJsonObject &json,
                 ApiResponse *answer = nullptr) const;
    // Maps each entry of a page's order list with `map(object, position)`; More when
    // all were orders, Failed naming `page` at the first that is not.
    template <typename Map>
    Step appendOrders(const QJsonArray &list, const QString &page,
                      QList<models::ImportedOrder> &orders, Map map) const
    {
        for (const QJsonValue &o : list) {
            if (!o.isObject())
                return {Step::Kind::Failed,
                        QStringLiteral("%1: an entry of \"orders\" is not an order").arg(page)};
            orders.append(map(o.toObject(), orders.size() + 1));
        }
        return {Step::Kind::More, {}};
    }
    // A next-page link leading away from the pull's server, not followed.
    Step offServer(const QUrl &next, const QString &page) const;
    // The page size asked for: `pageSize` when given, at most the channel's `most`.
    static int pageLimit(int pageSize, int most)
    {
        return pageSize > 0 ? qMin(pageSize, most) : most;
    }
    // "page 2 of the Shopify orders of shop x".
    QString pageName(int page) const;
    // An answer that is not a page, in words naming the channel and the account:
    // 401/403 name the credentials, others the status and what the server said.
    Step failure(const ApiOutcome &outcome, const QString &page) const;
    // Follows only links on the host the pull started on: the token goes nowhere else.
    bool sameServer(const QUrl &a, const QUrl &b) const;

    ChannelConnection m_connection;
    ApiHttp &m_http;
    int m_pages = 0;
};

std::unique_ptr<OrderPageWalker> makeShopifyWalker(const ChannelConnection &connection,
                                                   ApiHttp &http, const QDateTime &sinceUtc,
                                                   int pageSize);
std::unique_ptr<OrderPageWalker> makeEbayWalker(const ChannelConnection &connection, ApiHttp &http,
                                                const QDateTime &sinceUtc, int pageSize);
std::unique_ptr<OrderPageWalker> makeAmazonWalker(const ChannelConnection &connection,
                                                  ApiHttp &http, const QDateTime &sinceUtc,
                                                  int pageSize);

// Shopify's Link header: the rel="next" URL; empty on the last page.
QUrl shopifyNextPage(const QByteArray &linkHeader);

} // namespace importers::api
