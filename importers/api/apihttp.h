#pragma once

#include <QByteArray>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

#include <QDateTime>

#include <functional>
#include <optional>

namespace importers::api {

// How hard a pull tries before it gives up on a request.
struct ApiRetryPolicy
{
    int timeoutMs = 60'000;          // per request, from sending to the last byte
    int maxRateLimitRetries = 8;     // 429 Too Many Requests, each after the wait asked for
    int maxServerErrorRetries = 3;   // 5xx and dropped connections
    int defaultRetryAfterMs = 1000;  // a 429 without Retry-After (Shopify's library default)
    int maxRetryAfterMs = 120'000;   // a longer wait asked for is refused, not slept through
    int serverErrorBackoffMs = 1000; // doubled for each retry of a 5xx
};

// One answer as the server gave it.
struct ApiResponse
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QUrl url;

    QByteArray header(const char *lowerCaseName) const
    {
        return headers.value(QByteArray(lowerCaseName));
    }
};

// What came of a request once retries are spent.
struct ApiOutcome
{
    enum class Kind
    {
        Ok,        // 2xx
        Refused,   // 401 or 403: the credentials
        HttpError, // another 4xx, or a 5xx / 429 that kept coming
        Network,   // no answer: host not found, connection refused, TLS, time-out
        Cancelled,
    };
    Kind kind = Kind::Network;
    ApiResponse response;           // the last answer, if any
    QString message;                // for Network, HttpError: what went wrong, in words
    bool droppedConnection = false; // Network: the connection broke off (worth a retry)
    bool ok() const { return kind == Kind::Ok; }
};

// Events worth showing while a request waits (a 429's pause, a retry).
using ApiNoticeFn = std::function<void(const QString &)>;
using ApiCancelledFn = std::function<bool()>;

// GET requests that ride over what real servers do: a 429 waits for Retry-After
// (seconds, fractions allowed) and tries again, a 5xx or dropped connection is
// retried with a growing pause, each a bounded number of times; a request that
// takes longer than the time-out is aborted. Blocking: it runs a local event loop,
// so it is used from a worker thread (or a command-line tool), never the GUI thread.
// `cancelled` is polled while waiting; a cancel aborts the request in flight.
class ApiHttp
{
public:
    explicit ApiHttp(ApiRetryPolicy policy = {}, ApiCancelledFn cancelled = {},
                     ApiNoticeFn notice = {});

    ApiOutcome get(const QNetworkRequest &request);

    int requestsSent() const { return m_requests; }
    int retries() const { return m_retries; }

private:
    ApiOutcome once(const QNetworkRequest &request);
    bool pause(int ms); // false when cancelled meanwhile
    bool isCancelled() const { return m_cancelled && m_cancelled(); }

    ApiRetryPolicy m_policy;
    ApiCancelledFn m_cancelled;
    ApiNoticeFn m_notice;
    QNetworkAccessManager m_network;
    int m_requests = 0;
    int m_retries = 0;
};

// Retry-After as seconds ("2", "2.0") or an HTTP date; unset when unreadable.
std::optional<int> retryAfterMs(const QByteArray &value, const QDateTime &nowUtc);

} // namespace importers::api
