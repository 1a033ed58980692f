#include "importers/api/amazonorderjson.h"
#include "importers/api/apihttp.h"
#include "importers/api/apijson.h"
#include "importers/api/channelconnection.h"
#include "importers/api/ebayorderjson.h"
#include "importers/api/orderpagewalker.h"
#include "importers/api/shopifyorderjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using models::ChannelOrderState;
using models::ImportedOrder;

Q_DECLARE_METATYPE(ChannelOrderState)

namespace {

QJsonObject sampleFile(const char *name)
{
    QFile f(QStringLiteral(BACKROOM_TEST_DATA_DIR "/importers/api/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test file %s", name);
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject shopifySample(int index)
{
    return sampleFile("shopify_orders_response.json")
        .value(u"orders")
        .toArray()
        .at(index)
        .toObject();
}

QJsonObject ebaySample(int index)
{
    return sampleFile("ebay_getorders_response.json")
        .value(u"orders")
        .toArray()
        .at(index)
        .toObject();
}

// `patch`'s members replace the order's; "line_items" entries are patched member
// by member (an empty list replaces them all).
QJsonObject patched(QJsonObject order, const QByteArray &patchJson)
{
    const QJsonObject patch = QJsonDocument::fromJson(patchJson).object();
    Q_ASSERT(!patch.isEmpty());
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString key = it.key();
        if ((key == QLatin1String("line_items") || key == QLatin1String("lineItems")) &&
            it.value().isArray() && !it.value().toArray().isEmpty()) {
            QJsonArray lines = order.value(key).toArray();
            const QJsonArray changes = it.value().toArray();
            for (qsizetype i = 0; i < changes.size() && i < lines.size(); ++i) {
                QJsonObject line = lines.at(i).toObject();
                const QJsonObject change = changes.at(i).toObject();
                for (auto c = change.begin(); c != change.end(); ++c)
                    line.insert(c.key(), c.value());
                lines.replace(i, line);
            }
            order.insert(key, lines);
        } else {
            order.insert(key, it.value());
        }
    }
    return order;
}

} // namespace

// The channels' order JSON as ImportedOrders: the shared samples and variants of
// them (currencies without decimals, cancelled and refunded orders, no address,
// broken values), and the pieces of a pull that are pure (paging links, waits,
// addresses).
class TestApiOrderJson : public QObject
{
    Q_OBJECT

private slots:
    void shopifyOrder_data();
    void shopifyOrder();
    void shopifyOfficialExample();
    void shopifyFieldErrors_data();
    void shopifyFieldErrors();
    void shopifySourceKept();
    void ebayOrder_data();
    void ebayOrder();
    void amazonOrder_data();
    void amazonOrder();
    void pages_data();
    void pages();
    void nextLink_data();
    void nextLink();
    void retryAfter_data();
    void retryAfter();
    void endpoint_data();
    void endpoint();
};

namespace {

void addOrderColumns()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("subtotal");
    QTest::addColumn<qint64>("shipping");
    QTest::addColumn<qint64>("tax");
    QTest::addColumn<qint64>("refunded");
    QTest::addColumn<ChannelOrderState>("state");
    QTest::addColumn<QString>("payment");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QStringList>("lines"); // "SKU x quantity @ unit, shipped N"
    QTest::addColumn<int>("errors");
}

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList out;
    for (const char *t : texts)
        out.append(QString::fromUtf8(t));
    return out;
}

QStringList linesOf(const ImportedOrder &o)
{
    QStringList out;
    for (const models::ImportedLine &l : o.lines)
        out.append(QStringLiteral("%1 x%2 @%3 shipped %4")
                       .arg(l.sku)
                       .arg(l.quantity)
                       .arg(l.unitPriceMinor)
                       .arg(l.quantityShippedOnChannel));
    return out;
}

void compareOrder(const ImportedOrder &o)
{
    QFETCH(QString, number);
    QFETCH(QString, currency);
    QFETCH(qint64, total);
    QFETCH(qint64, subtotal);
    QFETCH(qint64, shipping);
    QFETCH(qint64, tax);
    QFETCH(qint64, refunded);
    QFETCH(ChannelOrderState, state);
    QFETCH(QString, payment);
    QFETCH(QString, country);
    QFETCH(QStringList, lines);
    QFETCH(int, errors);
    QCOMPARE(o.number, number);
    QCOMPARE(o.currency, currency);
    QCOMPARE(o.totalMinor, total);
    QCOMPARE(o.subtotalMinor, subtotal);
    QCOMPARE(o.shippingMinor, shipping);
    QCOMPARE(o.taxMinor, tax);
    QCOMPARE(o.refundedMinor, refunded);
    QCOMPARE(o.state, state);
    QCOMPARE(o.paymentStatus, payment);
    QCOMPARE(o.shipTo.country, country);
    QCOMPARE(linesOf(o), lines);
    QStringList why;
    for (const models::ImportFieldError &e : o.errors)
        why.append(e.field + QStringLiteral(": ") + e.message);
    QVERIFY2(o.errors.size() == errors, qPrintable(why.join(u'\n')));
}

} // namespace

void TestApiOrderJson::shopifyOrder_data()
{
    addOrderColumns();
    const QJsonObject o1002 = shopifySample(0);
    const QJsonObject o1001 = shopifySample(1);
    const auto open = ChannelOrderState::Open;

    QTest::newRow("sample #1002: two lines, one fulfilled")
        << o1002 << "#1002"
        << "USD" << qint64(5163) << qint64(4200) << qint64(700) << qint64(263) << qint64(0) << open
        << "paid"
        << "US" << strings({"TEE-BLK-M x2 @1500 shipped 2", "CST-4PK x1 @1200 shipped 0"}) << 0;
    QTest::newRow("sample #1001") << o1001 << "#1001"
                                  << "USD" << qint64(2463) << qint64(1800) << qint64(550)
                                  << qint64(113) << qint64(0) << open << "paid"
                                  << "US" << strings({"MUG-BLU-11 x1 @1800 shipped 0"}) << 0;
    QTest::newRow("yen: no decimals")
        << patched(o1001, R"({"currency":"JPY","total_price":"2480","subtotal_price":"1980",
                   "total_tax":"0","total_shipping_price_set":{"shop_money":{"amount":"500",
                   "currency_code":"JPY"}},"line_items":[{"price":"1980"}]})")
        << "#1001"
        << "JPY" << qint64(2480) << qint64(1980) << qint64(500) << qint64(0) << qint64(0) << open
        << "paid"
        << "US" << strings({"MUG-BLU-11 x1 @1980 shipped 0"}) << 0;
    QTest::newRow("yen written with .00")
        << patched(o1001, R"({"currency":"JPY","total_price":"2480.00","subtotal_price":"1980.00",
                   "total_tax":"0.00","total_shipping_price_set":{"shop_money":{"amount":"500.00",
                   "currency_code":"JPY"}},"line_items":[{"price":"1980.00"}]})")
        << "#1001"
        << "JPY" << qint64(2480) << qint64(1980) << qint64(500) << qint64(0) << qint64(0) << open
        << "paid"
        << "US" << strings({"MUG-BLU-11 x1 @1980 shipped 0"}) << 0;
    QTest::newRow("dinar: three decimals")
        << patched(o1001, R"({"currency":"KWD","total_price":"12.345","subtotal_price":"10.000",
                   "total_tax":"0.345","total_shipping_price_set":{"shop_money":{"amount":"2.000",
                   "currency_code":"KWD"}},"line_items":[{"price":"10.000","tax_lines":[]}]})")
        << "#1001"
        << "KWD" << qint64(12345) << qint64(10000) << qint64(2000) << qint64(345) << qint64(0)
        << open << "paid"
        << "US" << strings({"MUG-BLU-11 x1 @10000 shipped 0"}) << 0;
    QTest::newRow("cancelled and refunded: lines keep what was bought")
        << patched(o1001, R"({"cancelled_at":"2026-07-29T10:00:00-05:00","cancel_reason":"customer",
                   "financial_status":"refunded","line_items":[{"current_quantity":0}],
                   "refunds":[{"transactions":[{"kind":"refund","status":"success","amount":"24.63",
                   "currency":"USD"},{"kind":"refund","status":"failure","amount":"24.63"}]}]})")
        << "#1001"
        << "USD" << qint64(2463) << qint64(1800) << qint64(550) << qint64(113) << qint64(2463)
        << ChannelOrderState::Cancelled << "refunded"
        << "US" << strings({"MUG-BLU-11 x1 @1800 shipped 0"}) << 0;
    QTest::newRow("open order, one line removed, one cut down")
        << patched(o1002, R"({"fulfillment_status":null,"fulfillments":[],
                   "line_items":[{"quantity":3,"current_quantity":2,"fulfillment_status":null},
                   {"current_quantity":0}]})")
        << "#1002"
        << "USD" << qint64(5163) << qint64(4200) << qint64(700) << qint64(263) << qint64(0) << open
        << "paid"
        << "US" << strings({"TEE-BLK-M x2 @1500 shipped 0"}) << 0;
    QTest::newRow("fulfilled: shipped")
        << patched(o1001, R"({"fulfillment_status":"fulfilled","line_items":[{"fulfillment_status":
                   "fulfilled"}]})")
        << "#1001"
        << "USD" << qint64(2463) << qint64(1800) << qint64(550) << qint64(113) << qint64(0)
        << ChannelOrderState::Shipped << "paid"
        << "US" << strings({"MUG-BLU-11 x1 @1800 shipped 1"}) << 0;
    QTest::newRow("no shipping address (point of sale)")
        << patched(o1001, R"({"shipping_address":null,"shipping_lines":[],
                   "total_shipping_price_set":null,"total_price":"19.13"})")
        << "#1001"
        << "USD" << qint64(1913) << qint64(1800) << qint64(0) << qint64(113) << qint64(0) << open
        << "paid"
        << "" << strings({"MUG-BLU-11 x1 @1800 shipped 0"}) << 0;
    QTest::newRow("a SKU no catalogue knows is read as it is")
        << patched(o1001, R"({"line_items":[{"sku":"NOBODY-KNOWS-1"}]})") << "#1001"
        << "USD" << qint64(2463) << qint64(1800) << qint64(550) << qint64(113) << qint64(0) << open
        << "paid"
        << "US" << strings({"NOBODY-KNOWS-1 x1 @1800 shipped 0"}) << 0;
    QTest::newRow("amounts as JSON numbers")
        << patched(o1001,
                   R"({"total_price":24.63,"subtotal_price":18,"line_items":[{"price":18.0}]})")
        << "#1001"
        << "USD" << qint64(2463) << qint64(1800) << qint64(550) << qint64(113) << qint64(0) << open
        << "paid"
        << "US" << strings({"MUG-BLU-11 x1 @1800 shipped 0"}) << 0;
}

void TestApiOrderJson::shopifyOrder()
{
    QFETCH(QJsonObject, json);
    const ImportedOrder o = importers::api::shopifyOrderFromJson(json, 1);
    QCOMPARE(o.channelCode, QStringLiteral("shopify"));
    QCOMPARE(o.externalId, importers::api::jsonText(json.value(u"id")));
    QVERIFY(o.placedAtUtc.isValid());
    QCOMPARE(o.placedAtUtc.timeSpec(), Qt::UTC);
    compareOrder(o);
}

void TestApiOrderJson::shopifyOfficialExample()
{
    // Shopify's own fixture: partially refunded, two of three lines refunded away,
    // a failed fulfillment, a discount code spread over the lines.
    const QJsonObject page = sampleFile("shopify_orders_doc_example_2024-04.json");
    const auto list = importers::api::shopifyOrdersOfPage(page, QStringLiteral("page 1"));
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);
    const ImportedOrder o = importers::api::shopifyOrderFromJson(list->at(0).toObject(), 1);
    QCOMPARE(o.externalId, QStringLiteral("450789469"));
    QCOMPARE(o.number, QStringLiteral("#1001"));
    QCOMPARE(o.paymentStatus, QStringLiteral("partially_refunded"));
    QCOMPARE(o.state, ChannelOrderState::Open);
    QCOMPARE(o.totalMinor, 59894);
    QCOMPARE(o.discountMinor, 1000);
    QCOMPARE(o.refundedMinor, 20900);
    QCOMPARE(o.placedAtUtc, QDateTime(QDate(2008, 1, 10), QTime(16, 0), QTimeZone::utc()));
    QCOMPARE(linesOf(o), strings({"IPOD2008RED x1 @19900 shipped 0"}));
    QCOMPARE(o.lines.at(0).externalLineId, QStringLiteral("518995019"));
    QCOMPARE(o.lines.at(0).discountMinor, 333);
    QCOMPARE(o.shipTo.name, QStringLiteral("Bob Norman"));
    QCOMPARE(o.shipTo.region, QStringLiteral("KY"));
    QVERIFY(o.errors.isEmpty());
}

void TestApiOrderJson::shopifyFieldErrors_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("money with a comma") << QByteArray(R"({"total_price":"24,63"})") << "total_price"
                                        << "not an amount of money: \"24,63\"";
    QTest::newRow("money as words") << QByteArray(R"({"total_tax":"free"})") << "total_tax"
                                    << "not an amount of money: \"free\"";
    QTest::newRow("shipping in another currency")
        << QByteArray(R"({"total_shipping_price_set":{"shop_money":{"amount":"5.50",
                      "currency_code":"EUR"}}})")
        << "total_shipping_price_set.shop_money.amount"
        << "the amount 5.50 is in EUR, not in the order's currency USD";
    QTest::newRow("no SKU") << QByteArray(R"({"line_items":[{"sku":""}]})") << "line_items[0].sku"
                            << "the item \"Ceramic Mug 11oz - Blue\" has no SKU";
    QTest::newRow("half an item") << QByteArray(R"({"line_items":[{"quantity":1.5}]})")
                                  << "line_items[0].quantity"
                                  << "not a whole number of items: \"1.5\"";
    QTest::newRow("no items") << QByteArray(R"({"line_items":[]})") << "line_items"
                              << "the order has no items";
    QTest::newRow("a date that is not one")
        << QByteArray(R"({"created_at":"yesterday"})") << "created_at"
        << "not a date and time: \"yesterday\"";
}

void TestApiOrderJson::shopifyFieldErrors()
{
    QFETCH(QByteArray, patch);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const ImportedOrder o =
        importers::api::shopifyOrderFromJson(patched(shopifySample(1), patch), 7);
    QVERIFY(!o.errors.isEmpty());
    QCOMPARE(o.errors.first().row, 7);
    QCOMPARE(o.errors.first().field, field);
    QCOMPARE(o.errors.first().message, message);
}

void TestApiOrderJson::shopifySourceKept()
{
    const QJsonObject json = shopifySample(0);
    const ImportedOrder o = importers::api::shopifyOrderFromJson(json, 3);
    QCOMPARE(o.firstRow, 3);
    QCOMPARE(o.sourceRows.size(), 1);
    QCOMPARE(o.sourceRows.first().fields.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(o.sourceRows.first().fields.first().toUtf8()).object(), json);
}

void TestApiOrderJson::ebayOrder_data()
{
    addOrderColumns();
    const QJsonObject first = ebaySample(0);
    const QJsonObject second = ebaySample(1);
    const auto open = ChannelOrderState::Open;
    QTest::newRow("sample 12-14001-10001")
        << first << "12-14001-10001"
        << "USD" << qint64(2497) << qint64(1800) << qint64(550) << qint64(147) << qint64(0) << open
        << "paid"
        << "US" << strings({"MUG-BLU-11 x1 @1800 shipped 0"}) << 0;
    QTest::newRow("sample 03-14002-20002: lineItemCost is for the line")
        << second << "03-14002-20002"
        << "USD" << qint64(5247) << qint64(4200) << qint64(700) << qint64(347) << qint64(0) << open
        << "paid"
        << "US" << strings({"TEE-BLK-M x2 @1500 shipped 0", "CST-4PK x1 @1200 shipped 0"}) << 0;
    QTest::newRow("cancelled and fully refunded")
        << patched(first, R"({"cancelStatus":{"cancelState":"CANCELED",
                   "cancelledDate":"2026-07-29T10:00:00.000Z","cancelRequests":[]},
                   "orderPaymentStatus":"FULLY_REFUNDED","paymentSummary":{"payments":[],
                   "refunds":[{"refundStatus":"REFUNDED","amount":{"value":"24.97","currency":"USD"}},
                   {"refundStatus":"PENDING","amount":{"value":"1.00","currency":"USD"}}]}})")
        << "12-14001-10001"
        << "USD" << qint64(2497) << qint64(1800) << qint64(550) << qint64(147) << qint64(2497)
        << ChannelOrderState::Cancelled << "refunded"
        << "US" << strings({"MUG-BLU-11 x1 @1800 shipped 0"}) << 0;
    QTest::newRow("fulfilled") << patched(first, R"({"orderFulfillmentStatus":"FULFILLED",
                   "lineItems":[{"lineItemFulfillmentStatus":"FULFILLED"}]})")
                               << "12-14001-10001"
                               << "USD" << qint64(2497) << qint64(1800) << qint64(550)
                               << qint64(147) << qint64(0) << ChannelOrderState::Shipped << "paid"
                               << "US" << strings({"MUG-BLU-11 x1 @1800 shipped 1"}) << 0;
    QTest::newRow("yen")
        << patched(first, R"({"pricingSummary":{"priceSubtotal":{"value":"1980","currency":"JPY"},
                   "deliveryCost":{"value":"500","currency":"JPY"},"tax":{"value":"0","currency":"JPY"},
                   "total":{"value":"2480","currency":"JPY"}},"lineItems":[{"lineItemCost":
                   {"value":"1980","currency":"JPY"},"ebayCollectAndRemitTaxes":[]}]})")
        << "12-14001-10001"
        << "JPY" << qint64(2480) << qint64(1980) << qint64(500) << qint64(0) << qint64(0) << open
        << "paid"
        << "US" << strings({"MUG-BLU-11 x1 @1980 shipped 0"}) << 0;
    QTest::newRow("no ship-to (collected in person)")
        << patched(first, R"({"fulfillmentStartInstructions":[]})") << "12-14001-10001"
        << "USD" << qint64(2497) << qint64(1800) << qint64(550) << qint64(147) << qint64(0) << open
        << "paid"
        << "" << strings({"MUG-BLU-11 x1 @1800 shipped 0"}) << 0;
    QTest::newRow("line priced in another currency")
        << patched(first, R"({"lineItems":[{"lineItemCost":{"value":"18.00","currency":"GBP"}}]})")
        << "12-14001-10001"
        << "USD" << qint64(2497) << qint64(1800) << qint64(550) << qint64(147) << qint64(0) << open
        << "paid"
        << "US" << strings({"MUG-BLU-11 x1 @0 shipped 0"}) << 1;
}

void TestApiOrderJson::ebayOrder()
{
    QFETCH(QJsonObject, json);
    const ImportedOrder o = importers::api::ebayOrderFromJson(json, 1);
    QCOMPARE(o.channelCode, QStringLiteral("ebay"));
    QCOMPARE(o.externalId, o.number);
    compareOrder(o);
    if (o.state == ChannelOrderState::Open && !o.shipTo.country.isEmpty()) {
        QVERIFY(o.shipByUtc.has_value());
        QCOMPARE(o.shipByUtc->date(), QDate(2026, 7, 31));
    }
}

namespace {

QJsonObject amazonSample(int index)
{
    return sampleFile("amazon_getorders_response.json")
        .value(u"payload")
        .toObject()
        .value(u"Orders")
        .toArray()
        .at(index)
        .toObject();
}

QJsonArray amazonItems(const char *orderId)
{
    return sampleFile(QByteArray("amazon_getorderitems_response_" + QByteArray(orderId) + ".json")
                          .constData())
        .value(u"payload")
        .toObject()
        .value(u"OrderItems")
        .toArray();
}

QJsonArray patchedItems(QJsonArray items, const QByteArray &patchJson)
{
    const QJsonObject patch = QJsonDocument::fromJson(patchJson).object();
    for (qsizetype i = 0; i < items.size(); ++i) {
        QJsonObject item = items.at(i).toObject();
        for (auto it = patch.begin(); it != patch.end(); ++it)
            item.insert(it.key(), it.value());
        items.replace(i, item);
    }
    return items;
}

} // namespace

void TestApiOrderJson::amazonOrder_data()
{
    addOrderColumns();
    QTest::addColumn<QJsonArray>("items");
    QTest::addColumn<bool>("hasPrices");
    QTest::addColumn<bool>("expedited");
    const QJsonObject first = amazonSample(0);
    const QJsonArray firstItems = amazonItems("112-0000001-0000001");
    const QJsonObject second = amazonSample(1);
    const QJsonArray secondItems = amazonItems("113-0000002-0000002");
    const auto open = ChannelOrderState::Open;
    QTest::newRow("sample 112: ItemPrice is for the line")
        << first << "112-0000001-0000001"
        << "USD" << qint64(4972) << qint64(4680) << qint64(0) << qint64(292) << qint64(0) << open
        << "paid"
        << "US" << strings({"MUG-BLU-11 x2 @1800 shipped 0", "CST-4PK x1 @1080 shipped 0"}) << 0
        << firstItems << true << false;
    const ImportedOrder o = importers::api::amazonOrderFromJson(second, secondItems, 1);
    QTest::newRow("sample 113: expedited")
        << second << "113-0000002-0000002"
        << "USD" << o.totalMinor << o.subtotalMinor << o.shippingMinor << o.taxMinor << qint64(0)
        << open << "paid"
        << "US" << linesOf(o) << 0 << secondItems << true << true;
    QTest::newRow("cancelled: items of quantity 0 left out")
        << patched(first, R"({"OrderStatus":"Canceled"})") << "112-0000001-0000001"
        << "USD" << qint64(4972) << qint64(1800) << qint64(0) << qint64(225) << qint64(0)
        << ChannelOrderState::Cancelled << "paid"
        << "US" << strings({"MUG-BLU-11 x2 @900 shipped 0"}) << 0
        << QJsonArray{patchedItems(firstItems, R"({"ItemPrice":{"CurrencyCode":"USD",
                      "Amount":"18.00"}})")
                          .at(0),
                      patchedItems(firstItems, R"({"QuantityOrdered":0})").at(1)}
        << true << false;
    QTest::newRow("pending: no prices yet")
        << patched(first, R"({"OrderStatus":"Pending","OrderTotal":null,"ShippingAddress":null})")
        << "112-0000001-0000001"
        << "USD" << qint64(0) << qint64(0) << qint64(0) << qint64(0) << qint64(0) << open
        << "pending"
        << "" << strings({"MUG-BLU-11 x2 @0 shipped 0", "CST-4PK x1 @0 shipped 0"}) << 0
        << patchedItems(firstItems, R"({"ItemPrice":null,"ItemTax":null})") << false << false;
    QTest::newRow("shipped, yen")
        << patched(first, R"({"OrderStatus":"Shipped","OrderTotal":{"CurrencyCode":"JPY",
                   "Amount":"5400"}})")
        << "112-0000001-0000001"
        << "JPY" << qint64(5400) << qint64(5400) << qint64(0) << qint64(0) << qint64(0)
        << ChannelOrderState::Shipped << "paid"
        << "US" << strings({"MUG-BLU-11 x2 @2700 shipped 2"}) << 0
        << QJsonArray{QJsonDocument::fromJson(R"({"OrderItemId":"1","SellerSKU":"MUG-BLU-11",
                      "ASIN":"B0","Title":"Mug","QuantityOrdered":2,"QuantityShipped":2,
                      "ItemPrice":{"CurrencyCode":"JPY","Amount":"5400"}})")
                          .object()}
        << true << false;
}

void TestApiOrderJson::amazonOrder()
{
    QFETCH(QJsonObject, json);
    QFETCH(QJsonArray, items);
    QFETCH(bool, hasPrices);
    QFETCH(bool, expedited);
    const ImportedOrder o = importers::api::amazonOrderFromJson(json, items, 1);
    QCOMPARE(o.channelCode, QStringLiteral("amazon"));
    QCOMPARE(o.hasPrices, hasPrices);
    QCOMPARE(o.expedited, expedited);
    compareOrder(o);
    // The order and its items are kept as one document.
    const QJsonObject kept =
        QJsonDocument::fromJson(o.sourceRows.first().fields.first().toUtf8()).object();
    QCOMPARE(kept.value(u"OrderItems").toArray(), items);
}

void TestApiOrderJson::pages_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error"); // empty: a page with `count` orders
    QTest::addColumn<int>("count");
    QTest::newRow("orders") << QByteArray(R"({"orders":[{"id":1},{"id":2}]})") << "" << 2;
    QTest::newRow("no orders") << QByteArray(R"({"orders":[]})") << "" << 0;
    QTest::newRow("cut off") << QByteArray(R"({"orders":[{"id":1},{"id":)")
                             << "page 2 is not readable JSON (" << 0;
    QTest::newRow("garbage") << QByteArray("<html>Bad gateway</html>")
                             << "page 2 is not readable JSON (" << 0;
    QTest::newRow("empty") << QByteArray("") << "page 2 came back empty" << 0;
    QTest::newRow("an array") << QByteArray("[1,2]") << "page 2 is JSON but not an object" << 0;
    QTest::newRow("an error body") << QByteArray(R"({"errors":"Not Found"})")
                                   << "page 2 is an error, not orders: Not Found" << 0;
    QTest::newRow("no list") << QByteArray(R"({"order":[]})") << "page 2 has no \"orders\" list"
                             << 0;
}

void TestApiOrderJson::pages()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QFETCH(int, count);
    const QString page = QStringLiteral("page 2");
    const auto json = importers::api::parseJsonObject(body, page);
    if (!json) {
        QVERIFY2(!error.isEmpty(), qPrintable(json.error()));
        QVERIFY2(json.error().startsWith(error), qPrintable(json.error()));
        return;
    }
    const auto list = importers::api::shopifyOrdersOfPage(*json, page);
    if (error.isEmpty()) {
        QVERIFY2(list.ok(), qPrintable(list.error()));
        QCOMPARE(list->size(), count);
    } else {
        QVERIFY(!list.ok());
        QCOMPARE(list.error(), error);
    }
}

void TestApiOrderJson::nextLink_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("next");
    QTest::newRow("none") << QByteArray() << QString();
    QTest::newRow("next only")
        << QByteArray(
               R"(<https://s.myshopify.com/admin/api/2024-04/orders.json?limit=250&page_info=abc>; rel="next")")
        << "https://s.myshopify.com/admin/api/2024-04/orders.json?limit=250&page_info=abc";
    QTest::newRow("previous and next")
        << QByteArray(
               R"(<https://s.myshopify.com/o.json?page_info=p1>; rel="previous", <https://s.myshopify.com/o.json?page_info=n2>; rel="next")")
        << "https://s.myshopify.com/o.json?page_info=n2";
    QTest::newRow("previous only: the last page")
        << QByteArray(R"(<https://s.myshopify.com/o.json?page_info=p1>; rel="previous")")
        << QString();
}

void TestApiOrderJson::nextLink()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, next);
    QCOMPARE(importers::api::shopifyNextPage(header).toString(), next);
}

void TestApiOrderJson::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("ms"); // -1: unreadable
    QTest::newRow("seconds") << QByteArray("2") << 2000;
    QTest::newRow("Shopify's float") << QByteArray("2.0") << 2000;
    QTest::newRow("fraction") << QByteArray(" 0.5 ") << 500;
    QTest::newRow("http date") << QByteArray("Thu, 26 Nov 2026 12:00:30 GMT") << 30000;
    QTest::newRow("a date gone by") << QByteArray("Thu, 26 Nov 2026 11:00:00 GMT") << 0;
    QTest::newRow("missing") << QByteArray() << -1;
    QTest::newRow("words") << QByteArray("soon") << -1;
    QTest::newRow("negative") << QByteArray("-3") << -1;
}

void TestApiOrderJson::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, ms);
    const QDateTime now(QDate(2026, 11, 26), QTime(12, 0), QTimeZone::utc());
    QCOMPARE(importers::api::retryAfterMs(value, now).value_or(-1), ms);
}

void TestApiOrderJson::endpoint_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("url"); // starts with "!": the error
    QTest::newRow("shop name") << "shopify"
                               << "my-shop"
                               << "https://my-shop.myshopify.com/admin/api/2024-04/orders.json";
    QTest::newRow("shop domain") << "shopify"
                                 << "my-shop.myshopify.com"
                                 << "https://my-shop.myshopify.com/admin/api/2024-04/orders.json";
    QTest::newRow("local test server") << "shopify"
                                       << "http://127.0.0.1:8080"
                                       << "http://127.0.0.1:8080/admin/api/2024-04/orders.json";
    QTest::newRow("no shop") << "shopify"
                             << ""
                             << "!no Shopify shop is set: give the shop's name (my-shop or "
                                "my-shop.myshopify.com)";
    QTest::newRow("eBay default") << "ebay"
                                  << ""
                                  << "https://api.ebay.com/sell/fulfillment/v1/order";
    QTest::newRow("eBay sandbox") << "ebay"
                                  << "https://api.sandbox.ebay.com"
                                  << "https://api.sandbox.ebay.com/sell/fulfillment/v1/order";
    QTest::newRow("not a web address") << "ebay"
                                       << "ftp://api.ebay.com"
                                       << "!the eBay address \"ftp://api.ebay.com\" is not a web "
                                          "address";
}

void TestApiOrderJson::endpoint()
{
    QFETCH(QString, channel);
    QFETCH(QString, endpoint);
    QFETCH(QString, url);
    importers::api::ChannelConnection c;
    c.channel = channel;
    c.endpoint = endpoint;
    const auto got = importers::api::firstPageUrl(c);
    if (url.startsWith(u'!')) {
        QVERIFY(!got.ok());
        QCOMPARE(got.error(), url.mid(1));
    } else {
        QVERIFY2(got.ok(), qPrintable(got.error()));
        QCOMPARE(got->toString(), url);
    }
}

QTEST_GUILESS_MAIN(TestApiOrderJson)
#include "tst_apiorderjson.moc"
