#include "importers/api/orderpull.h"

#include "importers/api/apijson.h"
#include "importers/api/orderpagewalker.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace importers::api {

namespace {

// The error text a channel put in its answer, short: Shopify {"errors": "..."} or
// {"errors": {"field": ["..."]}}, eBay {"errors": [{"message": "..."}]}, Amazon
// {"errors": [{"code", "message"}]}.
QString serverSaid(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QString said;
    if (doc.isObject()) {
        const QJsonValue errors = doc.object().value(u"errors");
        if (errors.isString()) {
            said = errors.toString();
        } else if (errors.isArray()) {
            QStringList parts;
            for (const QJsonValue &e : errors.toArray()) {
                const QJsonObject o = e.toObject();
                const QString m = jsonText(o.value(u"message"));
                if (!m.isEmpty())
                    parts.append(m);
            }
            said = parts.join(QStringLiteral("; "));
        } else if (errors.isObject()) {
            said =
                QString::fromUtf8(QJsonDocument(errors.toObject()).toJson(QJsonDocument::Compact));
        }
    }
    if (said.isEmpty())
        said = QString::fromUtf8(body.left(200)).simplified();
    if (said.size() > 200)
        said = said.left(200) + QStringLiteral("…");
    return said;
}

} // namespace

QString pullStatusCode(PullReport::Status status)
{
    switch (status) {
    case PullReport::Status::Pulled:
        return QStringLiteral("pulled");
    case PullReport::Status::Failed:
        return QStringLiteral("failed");
    case PullReport::Status::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString OrderPageWalker::pageName(int page) const
{
    return QStringLiteral("page %1 of the %2 orders of %3")
        .arg(page)
        .arg(channelApiName(m_connection.channel), accountName(m_connection));
}

QNetworkRequest OrderPageWalker::request(const QUrl &url) const
{
    QNetworkRequest r(url);
    authorize(r);
    r.setRawHeader("Accept", "application/json");
    r.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Backroom"));
    return r;
}

OrderPageWalker::Step OrderPageWalker::getJson(const QUrl &url, const QString &what,
                                               QByteArray &bodies, QJsonObject &json,
                                               ApiResponse *answer) const
{
    const ApiOutcome outcome = m_http.get(request(url));
    if (!outcome.ok())
        return failure(outcome, what);
    bodies += outcome.response.body;
    if (answer)
        *answer = outcome.response;
    models::Result<QJsonObject> parsed = parseJsonObject(outcome.response.body, what);
    if (!parsed)
        return {Step::Kind::Failed, parsed.error()};
    json = *parsed;
    return {Step::Kind::More, {}};
}

OrderPageWalker::Step OrderPageWalker::offServer(const QUrl &next, const QString &page) const
{
    return {Step::Kind::Failed,
            QStringLiteral("%1: the link to the next page leads to another server (%2); "
                           "it was not followed")
                .arg(page, next.host())};
}

bool OrderPageWalker::sameServer(const QUrl &a, const QUrl &b) const
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port() == b.port();
}

OrderPageWalker::Step OrderPageWalker::failure(const ApiOutcome &outcome, const QString &page) const
{
    const QString channel = channelApiName(m_connection.channel);
    const QString account = accountName(m_connection);
    const int status = outcome.response.status;
    switch (outcome.kind) {
    case ApiOutcome::Kind::Ok:
        break;
    case ApiOutcome::Kind::Cancelled:
        return {Step::Kind::Cancelled, QStringLiteral("cancelled while reading %1").arg(page)};
    case ApiOutcome::Kind::Refused:
        if (status == 401) {
            const char *const what = m_connection.channel == QLatin1String("shopify")
                                         ? "check the access token"
                                     : m_connection.channel == QLatin1String("ebay")
                                         ? "check the OAuth user token (it lasts about two hours)"
                                         : "check the LWA access token (it lasts an hour)";
            return {Step::Kind::Failed,
                    QStringLiteral("%1 refused the token for %2: %3 (HTTP 401: %4)")
                        .arg(channel, account, QString::fromUtf8(what),
                             serverSaid(outcome.response.body))};
        }
        if (m_connection.channel == QLatin1String("amazon")) // also an expired token
            return {Step::Kind::Failed,
                    QStringLiteral("Amazon refused the token for %1: check the LWA access token "
                                   "(it lasts an hour) and that the app may read orders (HTTP "
                                   "403: %2)")
                        .arg(account, serverSaid(outcome.response.body))};
        return {Step::Kind::Failed,
                QStringLiteral("%1 refused to show the orders of %2: the token is not allowed "
                               "to read orders (HTTP 403: %3)")
                    .arg(channel, account, serverSaid(outcome.response.body))};
    case ApiOutcome::Kind::HttpError:
        if (status == 404)
            return {Step::Kind::Failed,
                    QStringLiteral("%1: %2 found no such address (HTTP 404): check the %3 "
                                   "address%4")
                        .arg(page, channel,
                             m_connection.channel == QLatin1String("shopify")
                                 ? QStringLiteral("shop")
                                 : QStringLiteral("API"),
                             m_connection.channel == QLatin1String("shopify")
                                 ? QStringLiteral(" and the API version")
                                 : QString())};
        return {Step::Kind::Failed,
                QStringLiteral("%1: %2 answered %3: %4")
                    .arg(page, channel, outcome.message, serverSaid(outcome.response.body))};
    case ApiOutcome::Kind::Network:
        return {
            Step::Kind::Failed,
            QStringLiteral("%1: %2 could not be reached: %3").arg(page, channel, outcome.message)};
    }
    return {Step::Kind::Failed, page};
}

PullReport pullOrders(const ChannelConnection &connection, models::OrderImportSink &sink,
                      const PullOptions &options, const QString &userName,
                      const PullProgressFn &progress, const ApiCancelledFn &cancelled)
{
    PullReport report;
    report.channel = connection.channel;
    report.source = QStringLiteral("orders API of %1").arg(accountName(connection));

    models::ImportRunInfo run;
    run.fileName = report.source;
    run.formatCode = connection.channel;
    run.userName = userName;
    run.source = QStringLiteral("api");
    run.startedAtUtc = QDateTime::currentDateTimeUtc();

    auto fail = [&](PullReport::Status status, const QString &message) {
        report.status = status;
        report.message = message;
        const QString code = status == PullReport::Status::Cancelled ? QStringLiteral("cancelled")
                                                                     : QStringLiteral("failed");
        if (const models::Status recorded = sink.recordRejected(run, report.totals, code, message);
            !recorded)
            report.message +=
                QStringLiteral(" (the attempt could not be recorded: %1)").arg(recorded.error());
        return report;
    };

    if (const models::Status ok = checkConnection(connection); !ok) {
        report.status = PullReport::Status::Failed;
        report.message = ok.error();
        return report;
    }

    PullProgress state;
    ApiHttp http(options.retry, cancelled, [&](const QString &notice) {
        if (progress) {
            PullProgress p = state;
            p.notice = notice;
            progress(p);
        }
    });
    const QDateTime since = options.sinceUtc.isValid()
                                ? options.sinceUtc.toUTC()
                                : QDateTime::currentDateTimeUtc().addDays(-kDefaultPullDays);
    std::unique_ptr<OrderPageWalker> walker;
    if (connection.channel == QLatin1String("shopify"))
        walker = makeShopifyWalker(connection, http, since, options.pageSize);
    else if (connection.channel == QLatin1String("ebay"))
        walker = makeEbayWalker(connection, http, since, options.pageSize);
    else if (connection.channel == QLatin1String("amazon"))
        walker = makeAmazonWalker(connection, http, since, options.pageSize);
    if (!walker) {
        report.message = QStringLiteral("pulling orders from %1 is not available")
                             .arg(channelApiName(connection.channel));
        return report;
    }

    // Every page first: nothing is written, and no write transaction held, while the
    // network is waited for.
    QList<models::ImportedOrder> orders;
    QByteArray bodies;
    QCryptographicHash checksum(QCryptographicHash::Sha256);
    for (;;) {
        const OrderPageWalker::Step step = walker->next(orders, bodies);
        checksum.addData(bodies);
        bodies.clear();
        report.pages = walker->pagesRead();
        report.requests = http.requestsSent();
        report.retries = http.retries();
        state.pages = report.pages;
        state.orders = static_cast<int>(orders.size());
        report.totals.rowsRead = orders.size();
        if (step.kind == OrderPageWalker::Step::Kind::Failed)
            return fail(PullReport::Status::Failed,
                        step.message + QStringLiteral("; nothing was written"));
        if (step.kind == OrderPageWalker::Step::Kind::Cancelled || (cancelled && cancelled()))
            return fail(PullReport::Status::Cancelled,
                        QStringLiteral("cancelled after %1 page(s); nothing was written")
                            .arg(report.pages));
        if (progress)
            progress(state);
        if (step.kind == OrderPageWalker::Step::Kind::Last)
            break;
    }

    // An order seen on two pages (it changed while the pages were read) counts once,
    // as last seen.
    QHash<QString, qsizetype> lastSeen;
    for (qsizetype i = 0; i < orders.size(); ++i)
        lastSeen.insert(orders.at(i).externalId, i);

    if (const models::Status begun = sink.begin(run); !begun)
        return fail(PullReport::Status::Failed, begun.error());
    models::ImportRunTotals &totals = report.totals;
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const models::ImportedOrder &order = orders.at(i);
        if (lastSeen.value(order.externalId) != i)
            continue;
        if (cancelled && cancelled()) {
            sink.rollback();
            return fail(PullReport::Status::Cancelled,
                        QStringLiteral("cancelled while writing; nothing was written"));
        }
        totals.errors.append(order.errors);
        const auto written = sink.write(order);
        if (!written) {
            sink.rollback();
            return fail(
                PullReport::Status::Failed,
                QStringLiteral("%1 order %2: %3; nothing was written")
                    .arg(channelApiName(connection.channel), order.number, written.error()));
        }
        switch (written->outcome) {
        case models::ImportOutcome::Created:
            ++totals.ordersCreated;
            break;
        case models::ImportOutcome::Updated:
            ++totals.ordersUpdated;
            break;
        case models::ImportOutcome::Unchanged:
            ++totals.ordersUnchanged;
            break;
        }
        totals.lines += written->lines;
        totals.onHold += written->onHold ? 1 : 0;
        ++state.written;
        if (progress && state.written % 100 == 0)
            progress(state);
    }
    totals.fileSha256 = QString::fromLatin1(checksum.result().toHex());
    if (const models::Status committed = sink.commit(totals); !committed) {
        sink.rollback();
        return fail(PullReport::Status::Failed, committed.error());
    }
    if (progress)
        progress(state);
    report.status = PullReport::Status::Pulled;
    return report;
}

} // namespace importers::api
