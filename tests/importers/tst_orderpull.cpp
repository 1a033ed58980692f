#include "fakechannelserver.h"
#include "importers/api/orderpull.h"
#include "storage/database.h"
#include "storage/sqlorderimportsink.h"
#include "storage/sqlrun.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTimeZone>

using fakeapi::Canned;
using importers::api::ChannelConnection;
using importers::api::PullOptions;
using importers::api::PullReport;

namespace {

QJsonObject sampleFile(const char *name)
{
    QFile f(QStringLiteral(BACKROOM_TEST_DATA_DIR "/importers/api/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test file %s", name);
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonArray shopifySamples()
{
    return sampleFile("shopify_orders_response.json").value(u"orders").toArray();
}

QByteArray page(const QJsonArray &orders, QStringView member = u"orders")
{
    QJsonObject o;
    o.insert(member, orders);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// #1003: a third order whose SKU no product has.
QJsonObject unknownSkuOrder()
{
    QJsonObject o = shopifySamples().at(1).toObject();
    o.insert(u"id", 5812345670003LL);
    o.insert(u"name", QStringLiteral("#1003"));
    QJsonArray lines = o.value(u"line_items").toArray();
    QJsonObject line = lines.at(0).toObject();
    line.insert(u"id", 14000000000009LL);
    line.insert(u"sku", QStringLiteral("MYSTERY-9"));
    lines.replace(0, line);
    o.insert(u"line_items", lines);
    return o;
}

} // namespace

// Pulling orders from a channel API served by a local fake: paging, the waits and
// retries real servers ask for, refusals, broken pages, a time-out, Cancel, and what
// lands in a real database (idempotent, updated with an event, nothing of a failed
// pull).
class TestOrderPull : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<storage::Database> m_db;
    fakeapi::Server m_server;

    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        const auto v = storage::queryScalar(m_db->connection(), sql, binds);
        return v.ok() ? v.value() : QVariant(QStringLiteral("ERROR: ") + v.error());
    }
    qint64 count(const QString &table) const
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)).toLongLong();
    }

    ChannelConnection shopify() const
    {
        ChannelConnection c;
        c.channel = QStringLiteral("shopify");
        c.endpoint = m_server.base();
        c.token = QStringLiteral("shpat_test_token");
        return c;
    }
    static PullOptions quick()
    {
        PullOptions o;
        o.sinceUtc = QDateTime(QDate(2026, 7, 1), QTime(0, 0), QTimeZone::utc());
        o.retry.timeoutMs = 5000;
        o.retry.serverErrorBackoffMs = 50;
        return o;
    }
    PullReport pull(const ChannelConnection &c, const PullOptions &options = quick(),
                    const importers::api::ApiCancelledFn &cancelled = {})
    {
        auto sink = storage::SqlOrderImportSink::open(m_path);
        if (!sink)
            qFatal("sink: %s", qPrintable(sink.error()));
        return importers::api::pullOrders(c, *sink.value(), options, QStringLiteral("tester"), {},
                                          cancelled);
    }
    // Page 1 (#1002, #1001) links to page 2 (#1003, an unknown SKU).
    void serveTwoPages(const QJsonArray &first, const QJsonArray &second)
    {
        m_server.clear();
        const QByteArray next = "<" + m_server.base().toUtf8() +
                                "/admin/api/2024-04/orders.json?limit=250&page_info=p2>; "
                                "rel=\"next\"";
        m_server.on("page_info=p2", {fakeapi::json(page(second))});
        m_server.on("orders.json", {{200,
                                     page(first),
                                     {{"Link", next}, {"X-Shopify-Shop-Api-Call-Limit", "1/40"}},
                                     false}});
    }

private slots:
    void initTestCase();
    void twoPagesWithLink();
    void sameOrdersTwiceWriteNothing();
    void nextPullCancelsAnOrder();
    void rateLimitedThenServed();
    void serverErrorThenServed();
    void rateLimitedForeverGivesUp();
    void droppedConnectionThenServed();
    void garbledPageWritesNothing_data();
    void garbledPageWritesNothing();
    void refusedToken_data();
    void refusedToken();
    void timeOut();
    void cancelWhileWaiting();
    void ebayPagesAndCancellation();
    void amazonPagesWithItems();
};

void TestOrderPull::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.port() > 0);
    m_path = m_dir.filePath(QStringLiteral("pull.db"));
    auto db = storage::Database::open(m_path);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    m_db = std::move(db).value();
    for (const char *sku : {"MUG-BLU-11", "TEE-BLK-M", "CST-4PK"}) {
        const auto s = storage::runStatement(
            m_db->connection(),
            QStringLiteral("INSERT INTO products (sku, name, cost_currency, price_currency, "
                           "created_at) VALUES (?, ?, 'USD', 'USD', '2026-01-01T00:00:00Z')"),
            {QString::fromLatin1(sku), QString::fromLatin1(sku)});
        QVERIFY2(s.ok(), qPrintable(s.error()));
    }
}

void TestOrderPull::twoPagesWithLink()
{
    QJsonArray second;
    second.append(unknownSkuOrder());
    serveTwoPages(shopifySamples(), second);
    const PullReport r = pull(shopify());
    QVERIFY2(r.status == PullReport::Status::Pulled, qPrintable(r.message));
    QCOMPARE(r.pages, 2);
    QCOMPARE(r.requests, 2);
    QCOMPARE(r.totals.ordersCreated, 3);
    QCOMPARE(r.totals.onHold, 1);
    QCOMPARE(r.totals.lines, 4);
    QCOMPARE(r.source, QStringLiteral("orders API of shop 127.0.0.1:%1").arg(m_server.port()));

    // The first request carries the filters and the token; the next is the link as given.
    const QList<fakeapi::Seen> &seen = m_server.seen();
    QCOMPARE(seen.size(), 2);
    QVERIFY(seen.at(0).target.startsWith("/admin/api/2024-04/orders.json?"));
    QVERIFY(seen.at(0).target.contains("status=any"));
    QVERIFY(seen.at(0).target.contains("updated_at_min=2026-07-01T00:00:00Z"));
    QCOMPARE(seen.at(0).headers.value("x-shopify-access-token"), QByteArray("shpat_test_token"));
    QCOMPARE(seen.at(1).target,
             QByteArray("/admin/api/2024-04/orders.json?limit=250&page_info=p2"));
    QCOMPARE(seen.at(1).headers.value("x-shopify-access-token"), QByteArray("shpat_test_token"));

    QCOMPARE(count(QStringLiteral("orders")), 3);
    QCOMPARE(
        scalar(QStringLiteral("SELECT status FROM orders WHERE order_number = '#1003'")).toString(),
        QStringLiteral("on_hold"));
    QVERIFY(scalar(QStringLiteral("SELECT hold_reason FROM orders WHERE order_number = '#1003'"))
                .toString()
                .contains(QLatin1String("MYSTERY-9")));
    QCOMPARE(scalar(QStringLiteral("SELECT total_minor FROM orders WHERE external_id = "
                                   "'5812345670002'"))
                 .toLongLong(),
             5163);
    // The run is recorded as a pull; each order keeps its JSON.
    QCOMPARE(scalar(QStringLiteral("SELECT source || ' ' || status || ' ' || orders_created FROM "
                                   "import_runs ORDER BY id DESC LIMIT 1"))
                 .toString(),
             QStringLiteral("api succeeded 3"));
    const QByteArray kept =
        scalar(QStringLiteral("SELECT s.rows FROM order_sources s JOIN orders o ON o.id = "
                              "s.order_id WHERE o.order_number = '#1002'"))
            .toString()
            .toUtf8();
    QCOMPARE(QJsonDocument::fromJson(kept).object(), shopifySamples().at(0).toObject());
    QVERIFY(scalar(QStringLiteral("SELECT detail FROM order_events e JOIN orders o ON o.id = "
                                  "e.order_id WHERE o.order_number = '#1001'"))
                .toString()
                .startsWith(QLatin1String("imported from shopify orders API of shop 127.0.0.1")));
}

void TestOrderPull::sameOrdersTwiceWriteNothing()
{
    const qint64 events = count(QStringLiteral("order_events"));
    const qint64 sources = count(QStringLiteral("order_sources"));
    QJsonArray second;
    second.append(unknownSkuOrder());
    second.append(shopifySamples().at(1)); // #1001 again: an overlapping page
    serveTwoPages(shopifySamples(), second);
    const PullReport r = pull(shopify());
    QVERIFY2(r.status == PullReport::Status::Pulled, qPrintable(r.message));
    QCOMPARE(r.totals.ordersCreated, 0);
    QCOMPARE(r.totals.ordersUpdated, 0);
    QCOMPARE(r.totals.ordersUnchanged, 3);
    QCOMPARE(count(QStringLiteral("orders")), 3);
    QCOMPARE(count(QStringLiteral("order_events")), events);
    QCOMPARE(count(QStringLiteral("order_sources")), sources);
}

void TestOrderPull::nextPullCancelsAnOrder()
{
    QJsonObject cancelled = shopifySamples().at(1).toObject();
    cancelled.insert(u"cancelled_at", QStringLiteral("2026-07-29T10:00:00-05:00"));
    cancelled.insert(u"financial_status", QStringLiteral("refunded"));
    cancelled.insert(u"updated_at", QStringLiteral("2026-07-29T10:00:00-05:00"));
    m_server.clear();
    m_server.on("orders.json", {fakeapi::json(page({cancelled}))});
    const qint64 events = count(QStringLiteral("order_events"));
    const PullReport r = pull(shopify());
    QVERIFY2(r.status == PullReport::Status::Pulled, qPrintable(r.message));
    QCOMPARE(r.totals.ordersUpdated, 1);
    QCOMPARE(count(QStringLiteral("orders")), 3);
    QCOMPARE(
        scalar(QStringLiteral("SELECT status FROM orders WHERE order_number = '#1001'")).toString(),
        QStringLiteral("cancelled"));
    QCOMPARE(count(QStringLiteral("order_events")), events + 1);
    const QString detail =
        scalar(QStringLiteral("SELECT detail FROM order_events ORDER BY id DESC LIMIT 1"))
            .toString();
    QVERIFY2(detail.startsWith(QLatin1String("updated from shopify orders API of shop")),
             qPrintable(detail));
    QVERIFY2(detail.contains(QLatin1String("payment paid -> refunded")), qPrintable(detail));
}

void TestOrderPull::rateLimitedThenServed()
{
    m_server.clear();
    m_server.on("orders.json", {{429,
                                 R"({"errors":"Exceeded 2 calls per second for api client. )"
                                 R"(Reduce request rates to resume uninterrupted service."})",
                                 {{"Retry-After", "1"}},
                                 false},
                                fakeapi::json(page(shopifySamples()))});
    QElapsedTimer clock;
    clock.start();
    const PullReport r = pull(shopify());
    QVERIFY2(r.status == PullReport::Status::Pulled, qPrintable(r.message));
    QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(r.requests, 2);
    QCOMPARE(r.retries, 1);
    QCOMPARE(m_server.seen().size(), 2);
    QCOMPARE(m_server.seen().at(1).target, m_server.seen().at(0).target); // the same page again
}

void TestOrderPull::serverErrorThenServed()
{
    m_server.clear();
    m_server.on("orders.json", {fakeapi::json(R"({"errors":"Internal Server Error"})", 500),
                                fakeapi::json(R"({"errors":"Bad Gateway"})", 502),
                                fakeapi::json(page(shopifySamples()))});
    const PullReport r = pull(shopify());
    QVERIFY2(r.status == PullReport::Status::Pulled, qPrintable(r.message));
    QCOMPARE(r.requests, 3);
    QCOMPARE(r.retries, 2);
}

void TestOrderPull::rateLimitedForeverGivesUp()
{
    m_server.clear();
    m_server.on("orders.json",
                {{429, R"({"errors":"slow down"})", {{"Retry-After", "0.01"}}, false}});
    PullOptions options = quick();
    options.retry.maxRateLimitRetries = 3;
    const qint64 runs = count(QStringLiteral("import_runs"));
    const PullReport r = pull(shopify(), options);
    QCOMPARE(r.status, PullReport::Status::Failed);
    QCOMPARE(r.requests, 4);
    QVERIFY2(r.message.contains(QLatin1String("still said \"too many requests\" (HTTP 429) after 3 "
                                              "waits")),
             qPrintable(r.message));
    QCOMPARE(count(QStringLiteral("import_runs")), runs + 1);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM import_runs ORDER BY id DESC LIMIT 1"))
                 .toString(),
             QStringLiteral("failed"));
}

void TestOrderPull::droppedConnectionThenServed()
{
    m_server.clear();
    Canned hangUp;
    hangUp.hangUp = true;
    // Qt resends once by itself; a connection that breaks off again is retried here.
    m_server.on("orders.json", {hangUp, hangUp, hangUp, fakeapi::json(page(shopifySamples()))});
    const PullReport r = pull(shopify());
    QVERIFY2(r.status == PullReport::Status::Pulled, qPrintable(r.message));
    QVERIFY2(r.retries >= 1, qPrintable(QString::number(r.retries)));
    QCOMPARE(m_server.seen().size(), 4);
}

void TestOrderPull::garbledPageWritesNothing_data()
{
    QTest::addColumn<QByteArray>("secondPage");
    QTest::addColumn<QString>("says");
    QTest::newRow("garbage") << QByteArray("<html><body>502 Bad Gateway</body></html>")
                             << "page 2 of the Shopify orders of shop 127.0.0.1";
    QTest::newRow("cut off") << page(shopifySamples()).left(700)
                             << "page 2 of the Shopify orders of shop 127.0.0.1";
}

void TestOrderPull::garbledPageWritesNothing()
{
    QFETCH(QByteArray, secondPage);
    QFETCH(QString, says);
    // Page 1 would change an order and add one; page 2 is broken: none of it lands.
    QJsonObject changed = shopifySamples().at(0).toObject();
    changed.insert(u"note", QStringLiteral("Gift wrap, please"));
    QJsonObject fresh = unknownSkuOrder();
    fresh.insert(u"id", 5812345670004LL);
    fresh.insert(u"name", QStringLiteral("#1004"));
    m_server.clear();
    const QByteArray next = "<" + m_server.base().toUtf8() +
                            "/admin/api/2024-04/orders.json?page_info=p2>; rel=\"next\"";
    m_server.on("page_info=p2", {{200, secondPage, {}, false}});
    m_server.on("orders.json", {{200, page({changed, fresh}), {{"Link", next}}, false}});
    const qint64 orders = count(QStringLiteral("orders"));
    const qint64 events = count(QStringLiteral("order_events"));
    const PullReport r = pull(shopify());
    QCOMPARE(r.status, PullReport::Status::Failed);
    QVERIFY2(r.message.startsWith(says), qPrintable(r.message));
    QVERIFY2(r.message.contains(QLatin1String("is not readable JSON")), qPrintable(r.message));
    QVERIFY2(r.message.endsWith(QLatin1String("; nothing was written")), qPrintable(r.message));
    QCOMPARE(count(QStringLiteral("orders")), orders);
    QCOMPARE(count(QStringLiteral("order_events")), events);
    QVERIFY(scalar(QStringLiteral("SELECT notes FROM orders WHERE order_number = '#1002'"))
                .toString()
                .isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT status || ' ' || source FROM import_runs ORDER BY id "
                                   "DESC LIMIT 1"))
                 .toString(),
             QStringLiteral("failed api"));
}

void TestOrderPull::refusedToken_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("401") << 401
                         << "Shopify refused the token for shop 127.0.0.1:%1: check the access "
                            "token (HTTP 401: [API] Invalid API key or access token "
                            "(unrecognized login or wrong password)); nothing was written";
    QTest::newRow("403") << 403
                         << "Shopify refused to show the orders of shop 127.0.0.1:%1: the token "
                            "is not allowed to read orders (HTTP 403: [API] Invalid API key or "
                            "access token (unrecognized login or wrong password)); nothing was "
                            "written";
}

void TestOrderPull::refusedToken()
{
    QFETCH(int, status);
    QFETCH(QString, message);
    m_server.clear();
    m_server.on("orders.json",
                {fakeapi::json(R"x({"errors":"[API] Invalid API key or access token )x"
                               R"x((unrecognized login or wrong password)"})x",
                               status)});
    const PullReport r = pull(shopify());
    QCOMPARE(r.status, PullReport::Status::Failed);
    QCOMPARE(r.message, message.arg(m_server.port()));
    QCOMPARE(r.requests, 1); // a refusal is not retried
}

void TestOrderPull::timeOut()
{
    m_server.clear();
    m_server.on("orders.json", {{200, {}, {}, true}});
    PullOptions options = quick();
    options.retry.timeoutMs = 400;
    QElapsedTimer clock;
    clock.start();
    const PullReport r = pull(shopify(), options);
    QCOMPARE(r.status, PullReport::Status::Failed);
    QVERIFY2(r.message.contains(QLatin1String("could not be reached: no complete answer within "
                                              "0.4 s")),
             qPrintable(r.message));
    QVERIFY(clock.elapsed() < 4000);
}

void TestOrderPull::cancelWhileWaiting()
{
    m_server.clear();
    m_server.on("orders.json",
                {{429, R"({"errors":"slow down"})", {{"Retry-After", "30"}}, false}});
    QElapsedTimer clock;
    clock.start();
    const qint64 orders = count(QStringLiteral("orders"));
    const PullReport r = pull(shopify(), quick(), [&] { return clock.elapsed() > 300; });
    QCOMPARE(r.status, PullReport::Status::Cancelled);
    QVERIFY(clock.elapsed() < 5000);
    QVERIFY2(r.message.endsWith(QLatin1String("nothing was written")), qPrintable(r.message));
    QCOMPARE(count(QStringLiteral("orders")), orders);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM import_runs ORDER BY id DESC LIMIT 1"))
                 .toString(),
             QStringLiteral("cancelled"));
}

void TestOrderPull::ebayPagesAndCancellation()
{
    const QJsonObject sample = sampleFile("ebay_getorders_response.json");
    const QJsonArray orders = sample.value(u"orders").toArray();
    QJsonObject first;
    first.insert(u"total", 2);
    first.insert(u"orders", QJsonArray{orders.at(0)});
    first.insert(u"next",
                 m_server.base() + QStringLiteral("/sell/fulfillment/v1/order?limit=1&offset=1"));
    QJsonObject second;
    second.insert(u"total", 2);
    second.insert(u"orders", QJsonArray{orders.at(1)});
    m_server.clear();
    m_server.on("offset=1", {fakeapi::json(QJsonDocument(second).toJson())});
    m_server.on("/sell/fulfillment/v1/order", {fakeapi::json(QJsonDocument(first).toJson())});
    ChannelConnection c;
    c.channel = QStringLiteral("ebay");
    c.endpoint = m_server.base();
    c.token = QStringLiteral("v^1.1#i^1#test");
    const PullReport r = pull(c);
    QVERIFY2(r.status == PullReport::Status::Pulled, qPrintable(r.message));
    QCOMPARE(r.pages, 2);
    QCOMPARE(r.totals.ordersCreated, 2);
    QCOMPARE(r.totals.onHold, 0);
    const QByteArray target = m_server.seen().at(0).target;
    QVERIFY2(target.contains("filter=lastmodifieddate:%5B2026-07-01T00:00:00.000Z..%5D"),
             target.constData());
    QCOMPARE(m_server.seen().at(0).headers.value("authorization"),
             QByteArray("Bearer v^1.1#i^1#test"));

    // Then the buyer cancels the first order.
    QJsonObject cancelled = orders.at(0).toObject();
    QJsonObject cancel;
    cancel.insert(u"cancelState", QStringLiteral("CANCELED"));
    cancel.insert(u"cancelledDate", QStringLiteral("2026-07-29T10:00:00.000Z"));
    cancelled.insert(u"cancelStatus", cancel);
    QJsonObject only;
    only.insert(u"total", 1);
    only.insert(u"orders", QJsonArray{cancelled});
    m_server.clear();
    m_server.on("/sell/fulfillment/v1/order", {fakeapi::json(QJsonDocument(only).toJson())});
    const PullReport again = pull(c);
    QVERIFY2(again.status == PullReport::Status::Pulled, qPrintable(again.message));
    QCOMPARE(again.totals.ordersUpdated, 1);
    QCOMPARE(
        scalar(QStringLiteral("SELECT status FROM orders WHERE external_id = '12-14001-10001'"))
            .toString(),
        QStringLiteral("cancelled"));
}

void TestOrderPull::amazonPagesWithItems()
{
    const QJsonArray orders = sampleFile("amazon_getorders_response.json")
                                  .value(u"payload")
                                  .toObject()
                                  .value(u"Orders")
                                  .toArray();
    auto ordersPage = [](const QJsonValue &order, const QString &nextToken) {
        QJsonObject payload;
        payload.insert(u"Orders", QJsonArray{order});
        if (!nextToken.isEmpty())
            payload.insert(u"NextToken", nextToken);
        QJsonObject o;
        o.insert(u"payload", payload);
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    };
    auto itemsBody = [](const char *id) {
        QFile f(
            QStringLiteral(BACKROOM_TEST_DATA_DIR "/importers/api/amazon_getorderitems_response_") +
            QString::fromLatin1(id) + QStringLiteral(".json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing items of %s", id);
        return f.readAll();
    };
    m_server.clear();
    m_server.on("NextToken=2Yg%2BY%2F%3D", {fakeapi::json(ordersPage(orders.at(1), {}))});
    m_server.on("/112-0000001-0000001/orderItems",
                {{429,
                  R"({"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for )"
                  R"(the requested resource."}]})",
                  {{"x-amzn-RateLimit-Limit", "20.0"}},
                  false},
                 fakeapi::json(itemsBody("112-0000001-0000001"))});
    m_server.on("/113-0000002-0000002/orderItems",
                {fakeapi::json(itemsBody("113-0000002-0000002"))});
    m_server.on("/orders/v0/orders?",
                {fakeapi::json(ordersPage(orders.at(0), QStringLiteral("2Yg+Y/=")))});
    ChannelConnection c;
    c.channel = QStringLiteral("amazon");
    c.endpoint = m_server.base();
    c.token = QStringLiteral("Atza|test");
    c.marketplaceId = QStringLiteral("ATVPDKIKX0DER");
    const PullReport r = pull(c);
    QVERIFY2(r.status == PullReport::Status::Pulled, qPrintable(r.message));
    QCOMPARE(r.pages, 2);
    QCOMPARE(r.requests, 5); // two pages, three item calls (one after a 429)
    QCOMPARE(r.totals.ordersCreated, 2);
    QCOMPARE(r.totals.lines, 3);
    const QList<fakeapi::Seen> &seen = m_server.seen();
    QVERIFY2(seen.at(0).target.startsWith("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&"
                                          "LastUpdatedAfter=2026-07-01T00%3A00%3A00Z"),
             seen.at(0).target.constData());
    QCOMPARE(seen.at(0).headers.value("x-amz-access-token"), QByteArray("Atza|test"));
    // The next page keeps the filters.
    QVERIFY(seen.at(3).target.contains("MarketplaceIds=ATVPDKIKX0DER"));
    QCOMPARE(scalar(QStringLiteral("SELECT total_minor FROM orders WHERE external_id = "
                                   "'112-0000001-0000001'"))
                 .toLongLong(),
             4972);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = "
                                   "l.order_id WHERE o.external_id = '112-0000001-0000001' AND "
                                   "l.external_line_id = '10000000000002'"))
                 .toLongLong(),
             1);
}

QTEST_GUILESS_MAIN(TestOrderPull)
#include "tst_orderpull.moc"
