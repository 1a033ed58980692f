#include "importers/api/amazonorderjson.h"

#include "importers/api/apijson.h"

namespace importers::api {

namespace {

constexpr MoneyMembers kAmazonMoney{u"Amount", u"CurrencyCode"};

} // namespace

models::Result<AmazonPage> amazonPageOf(const QJsonObject &answer, QStringView list,
                                        const QString &pageName)
{
    const QJsonObject payload = answer.value(u"payload").toObject();
    const QJsonValue entries = payload.value(list);
    if (!entries.isArray()) {
        if (answer.contains(u"errors")) {
            QStringList said;
            for (const QJsonValue &e : answer.value(u"errors").toArray())
                said.append(jsonText(e.toObject().value(u"message")));
            return models::Error{QStringLiteral("%1 is an error, not orders: %2")
                                     .arg(pageName, said.join(QStringLiteral("; ")))};
        }
        return models::Error{QStringLiteral("%1 has no \"payload.%2\" list").arg(pageName, list)};
    }
    return AmazonPage{entries.toArray(), jsonText(payload.value(u"NextToken"))};
}

models::ImportedOrder amazonOrderFromJson(const QJsonObject &o, const QJsonArray &items,
                                          qint64 position)
{
    // The order and its items, kept together as one document.
    QJsonObject source = o;
    source.insert(u"OrderItems", items);
    models::ImportedOrder order = apiOrder(QStringLiteral("amazon"), source, position);
    OrderFieldReader read(order, position);

    order.externalId = jsonText(o.value(u"AmazonOrderId"));
    order.number = order.externalId;
    if (order.externalId.isEmpty())
        read.error(QStringLiteral("AmazonOrderId"), QStringLiteral("the order has no order id"));

    const QString status = jsonText(o.value(u"OrderStatus"));
    const bool pending =
        status == QLatin1String("Pending") || status == QLatin1String("PendingAvailability");
    const bool cancelled = status == QLatin1String("Canceled");
    if (cancelled)
        order.state = models::ChannelOrderState::Cancelled;
    else if (status == QLatin1String("Shipped"))
        order.state = models::ChannelOrderState::Shipped;
    order.paymentStatus = pending ? QStringLiteral("pending") : QStringLiteral("paid");

    order.currency = kAmazonMoney.currencyOf(o, u"OrderTotal").toUpper();
    for (qsizetype i = 0; order.currency.isEmpty() && i < items.size(); ++i)
        order.currency = kAmazonMoney.currencyOf(items.at(i).toObject(), u"ItemPrice").toUpper();
    order.hasPrices = !pending && !order.currency.isEmpty();
    if (order.currency.isEmpty())
        order.currency = QStringLiteral("USD"); // a pending order has no prices to read

    if (const auto placed = read.time(o.value(u"PurchaseDate"), QStringLiteral("PurchaseDate")))
        order.placedAtUtc = *placed;
    else if (jsonText(o.value(u"PurchaseDate")).isEmpty())
        read.error(QStringLiteral("PurchaseDate"), QStringLiteral("the order has no date"));
    order.shipByUtc = read.time(o.value(u"LatestShipDate"), QStringLiteral("LatestShipDate"));

    const QJsonObject address = o.value(u"ShippingAddress").toObject();
    models::Address &to = order.shipTo;
    to.name = jsonText(address.value(u"Name"));
    to.company = jsonText(address.value(u"CompanyName"));
    to.line1 = jsonText(address.value(u"AddressLine1"));
    to.line2 = QStringList{jsonText(address.value(u"AddressLine2")),
                           jsonText(address.value(u"AddressLine3"))}
                   .join(u' ')
                   .trimmed();
    to.city = jsonText(address.value(u"City"));
    to.region = jsonText(address.value(u"StateOrRegion"));
    to.postcode = jsonText(address.value(u"PostalCode"));
    to.country = jsonText(address.value(u"CountryCode")).toUpper();
    to.phone = jsonText(address.value(u"Phone"));
    const QJsonObject buyer = o.value(u"BuyerInfo").toObject();
    order.buyerEmail = jsonText(buyer.value(u"BuyerEmail"));
    order.buyerName = jsonText(buyer.value(u"BuyerName"));
    if (order.buyerName.isEmpty())
        order.buyerName = to.name;
    order.buyerPhone = to.phone;

    order.shippingService = jsonText(o.value(u"ShipServiceLevel"));
    static const QStringList fast = {QStringLiteral("Expedited"), QStringLiteral("NextDay"),
                                     QStringLiteral("SecondDay"), QStringLiteral("SameDay"),
                                     QStringLiteral("Priority")};
    order.expedited = fast.contains(jsonText(o.value(u"ShipmentServiceLevelCategory")));

    if (order.hasPrices)
        order.totalMinor =
            read.money(kAmazonMoney.amountOf(o, u"OrderTotal"), QStringLiteral("OrderTotal.Amount"),
                       kAmazonMoney.currencyOf(o, u"OrderTotal"));
    if (items.isEmpty() && !cancelled)
        read.error(QStringLiteral("OrderItems"), QStringLiteral("the order has no items"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const QString at = QStringLiteral("OrderItems[%1].").arg(i);
        auto money = [&](QStringView member) {
            return read.money(kAmazonMoney.amountOf(item, member),
                              at + member.toString() + QStringLiteral(".Amount"),
                              kAmazonMoney.currencyOf(item, member));
        };
        models::ImportedLine line;
        line.externalLineId = jsonText(item.value(u"OrderItemId"));
        line.sku = jsonText(item.value(u"SellerSKU"));
        line.title = jsonText(item.value(u"Title"));
        if (cancelled && item.value(u"QuantityOrdered").toInt(-1) == 0)
            continue; // what Amazon reports of a cancelled item: nothing to ship
        if (line.sku.isEmpty())
            read.error(at + QStringLiteral("SellerSKU"),
                       QStringLiteral("the item \"%1\" (ASIN %2) has no SKU")
                           .arg(line.title, jsonText(item.value(u"ASIN"))));
        line.quantity =
            read.quantity(item.value(u"QuantityOrdered"), at + QStringLiteral("QuantityOrdered"))
                .value_or(0);
        if (order.hasPrices) {
            line.totalMinor = money(u"ItemPrice");
            line.unitPriceMinor = line.quantity > 0 ? line.totalMinor / line.quantity : 0;
            line.taxMinor = money(u"ItemTax");
            line.discountMinor = qAbs(money(u"PromotionDiscount"));
            order.subtotalMinor += line.totalMinor;
            order.taxMinor += line.taxMinor + money(u"ShippingTax");
            order.shippingMinor += money(u"ShippingPrice") - qAbs(money(u"ShippingDiscount"));
            order.discountMinor += line.discountMinor;
        }
        line.quantityShippedOnChannel =
            qBound(0, item.value(u"QuantityShipped").toInt(), line.quantity);
        order.lines.append(std::move(line));
    }
    return order;
}

} // namespace importers::api
