#include "importers/api/apihttp.h"

#include <QDateTime>
#include <QEventLoop>
#include <QLocale>
#include <QNetworkReply>
#include <QTimer>
#include <QTimeZone>

#include <cmath>

namespace importers::api {

namespace {

constexpr int kCancelPollMs = 50;

} // namespace

std::optional<int> retryAfterMs(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok) {
        if (!std::isfinite(seconds) || seconds < 0)
            return std::nullopt;
        return static_cast<int>(std::min(seconds * 1000.0, 1.0e9));
    }
    // "Wed, 21 Oct 2026 07:28:00 GMT"
    const QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(text).section(u' ', 0, 4),
                                                 QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!at.isValid())
        return std::nullopt;
    QDateTime utc = at;
    utc.setTimeZone(QTimeZone::utc());
    return static_cast<int>(std::max<qint64>(0, nowUtc.msecsTo(utc)));
}

ApiHttp::ApiHttp(ApiRetryPolicy policy, ApiCancelledFn cancelled, ApiNoticeFn notice)
    : m_policy(policy), m_cancelled(std::move(cancelled)), m_notice(std::move(notice))
{
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

bool ApiHttp::pause(int ms)
{
    QEventLoop loop;
    QTimer done;
    done.setSingleShot(true);
    QObject::connect(&done, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (isCancelled())
            loop.quit();
    });
    done.start(ms);
    poll.start(kCancelPollMs);
    if (!isCancelled())
        loop.exec();
    return !isCancelled();
}

ApiOutcome ApiHttp::once(const QNetworkRequest &request)
{
    ApiOutcome outcome;
    if (isCancelled()) {
        outcome.kind = ApiOutcome::Kind::Cancelled;
        return outcome;
    }
    ++m_requests;
    QNetworkRequest r = request;
    r.setTransferTimeout(m_policy.timeoutMs);
    QNetworkReply *reply = m_network.get(r);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    bool cancelled = false;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (isCancelled()) {
            cancelled = true;
            reply->abort();
        }
    });
    // The transfer time-out restarts with every byte; this one bounds the whole answer.
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    poll.start(kCancelPollMs);
    deadline.start(m_policy.timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    poll.stop();
    deadline.stop();

    outcome.response.url = reply->url();
    outcome.response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        outcome.response.body = reply->readAll();
    for (const QNetworkReply::RawHeaderPair &h : reply->rawHeaderPairs())
        outcome.response.headers.insert(h.first.toLower(), h.second);
    const QNetworkReply::NetworkError error = reply->error();
    const QString errorText = reply->errorString();
    reply->deleteLater();

    if (cancelled || isCancelled()) {
        outcome.kind = ApiOutcome::Kind::Cancelled;
        return outcome;
    }
    if (timedOut || error == QNetworkReply::TimeoutError ||
        error == QNetworkReply::OperationCanceledError) {
        outcome.kind = ApiOutcome::Kind::Network;
        outcome.message = QStringLiteral("no complete answer within %1 s")
                              .arg(m_policy.timeoutMs / 1000.0, 0, 'g', 3);
        return outcome;
    }
    const int status = outcome.response.status;
    if (status == 0) {
        outcome.kind = ApiOutcome::Kind::Network;
        outcome.message = errorText;
        outcome.droppedConnection = error == QNetworkReply::RemoteHostClosedError ||
                                    error == QNetworkReply::TemporaryNetworkFailureError ||
                                    error == QNetworkReply::NetworkSessionFailedError ||
                                    error == QNetworkReply::ProxyConnectionClosedError;
        return outcome;
    }
    if (status >= 200 && status < 300) {
        outcome.kind = ApiOutcome::Kind::Ok;
        return outcome;
    }
    outcome.kind =
        status == 401 || status == 403 ? ApiOutcome::Kind::Refused : ApiOutcome::Kind::HttpError;
    outcome.message = QStringLiteral("HTTP %1").arg(status);
    return outcome;
}

ApiOutcome ApiHttp::get(const QNetworkRequest &request)
{
    int rateLimited = 0;
    int serverErrors = 0;
    for (;;) {
        ApiOutcome outcome = once(request);
        const int status = outcome.response.status;
        const bool tooMany = outcome.kind == ApiOutcome::Kind::HttpError && status == 429;
        const bool serverError = (outcome.kind == ApiOutcome::Kind::HttpError && status >= 500) ||
                                 outcome.droppedConnection;
        if (tooMany) {
            if (rateLimited >= m_policy.maxRateLimitRetries) {
                outcome.message = QStringLiteral("the server still said \"too many requests\" "
                                                 "(HTTP 429) after %1 waits")
                                      .arg(rateLimited);
                return outcome;
            }
            std::optional<int> asked = retryAfterMs(outcome.response.header("retry-after"),
                                                    QDateTime::currentDateTimeUtc());
            // Amazon says its rate instead (requests per second): one token's refill.
            if (!asked) {
                bool ok = false;
                const double rate = outcome.response.header("x-amzn-ratelimit-limit").toDouble(&ok);
                if (ok && rate > 0)
                    asked = static_cast<int>(std::ceil(1000.0 / rate));
            }
            const int wait = asked.value_or(m_policy.defaultRetryAfterMs);
            if (wait > m_policy.maxRetryAfterMs) {
                outcome.message = QStringLiteral("the server asked to wait %1 s before the next "
                                                 "request (HTTP 429); try again after that")
                                      .arg(wait / 1000);
                return outcome;
            }
            ++rateLimited;
            ++m_retries;
            if (m_notice)
                m_notice(QStringLiteral("asked to slow down: waiting %1 s")
                             .arg(wait / 1000.0, 0, 'g', 3));
            if (!pause(wait))
                return ApiOutcome{ApiOutcome::Kind::Cancelled, outcome.response, {}};
            continue;
        }
        if (serverError) {
            if (serverErrors >= m_policy.maxServerErrorRetries) {
                if (status >= 500)
                    outcome.message = QStringLiteral("the server failed (HTTP %1) %2 times in a "
                                                     "row")
                                          .arg(status)
                                          .arg(serverErrors + 1);
                return outcome;
            }
            const int wait = m_policy.serverErrorBackoffMs * (1 << serverErrors);
            ++serverErrors;
            ++m_retries;
            if (m_notice)
                m_notice(QStringLiteral("the server failed (%1): trying again in %2 s")
                             .arg(status >= 500 ? QStringLiteral("HTTP %1").arg(status)
                                                : outcome.message)
                             .arg(wait / 1000.0, 0, 'g', 3));
            if (!pause(wait))
                return ApiOutcome{ApiOutcome::Kind::Cancelled, outcome.response, {}};
            continue;
        }
        return outcome;
    }
}

} // namespace importers::api
