#include "importers/api/shopifyorderjson.h"

#include "importers/api/apijson.h"

#include <QHash>

namespace importers::api {

namespace {

QString personName(const QJsonObject &o)
{
    const QString name = jsonText(o.value(u"name"));
    if (!name.isEmpty())
        return name;
    return QStringList{jsonText(o.value(u"first_name")), jsonText(o.value(u"last_name"))}
        .join(u' ')
        .trimmed();
}

// What the successful fulfillments shipped, per line item id.
QHash<QString, int> shippedPerLine(const QJsonArray &fulfillments)
{
    QHash<QString, int> shipped;
    for (const QJsonValue &f : fulfillments) {
        const QJsonObject fulfillment = f.toObject();
        const QString status = jsonText(fulfillment.value(u"status"));
        if (status != QLatin1String("success"))
            continue; // pending, open, cancelled, error, failure
        for (const QJsonValue &l : fulfillment.value(u"line_items").toArray()) {
            const QJsonObject line = l.toObject();
            shipped[jsonText(line.value(u"id"))] += line.value(u"quantity").toInt();
        }
    }
    return shipped;
}

} // namespace

models::Result<QJsonArray> shopifyOrdersOfPage(const QJsonObject &page, const QString &pageName)
{
    const QJsonValue orders = page.value(u"orders");
    if (!orders.isArray()) {
        if (page.contains(u"errors"))
            return models::Error{QStringLiteral("%1 is an error, not orders: %2")
                                     .arg(pageName, jsonText(page.value(u"errors")))};
        return models::Error{QStringLiteral("%1 has no \"orders\" list").arg(pageName)};
    }
    return orders.toArray();
}

models::ImportedOrder shopifyOrderFromJson(const QJsonObject &o, qint64 position)
{
    models::ImportedOrder order = apiOrder(QStringLiteral("shopify"), o, position);
    OrderFieldReader read(order, position);

    order.externalId = jsonText(o.value(u"id"));
    order.number = jsonText(o.value(u"name"));
    if (order.number.isEmpty() && o.contains(u"order_number"))
        order.number = QLatin1Char('#') + jsonText(o.value(u"order_number"));
    if (order.externalId.isEmpty()) {
        read.error(QStringLiteral("id"), QStringLiteral("the order has no id"));
        order.externalId = order.number;
    }
    if (order.number.isEmpty())
        order.number = order.externalId;

    order.currency = jsonText(o.value(u"currency")).toUpper();
    if (order.currency.isEmpty()) {
        read.error(QStringLiteral("currency"), QStringLiteral("the order has no currency"));
        order.currency = QStringLiteral("USD");
    }

    if (const auto placed = read.time(o.value(u"created_at"), QStringLiteral("created_at")))
        order.placedAtUtc = *placed;
    else if (!o.contains(u"created_at") || o.value(u"created_at").isNull())
        read.error(QStringLiteral("created_at"), QStringLiteral("the order has no date"));
    order.paymentStatus = jsonText(o.value(u"financial_status")).toLower();
    static const QStringList paidStates = {QStringLiteral("paid"), QStringLiteral("partially_paid"),
                                           QStringLiteral("partially_refunded"),
                                           QStringLiteral("refunded")};
    if (paidStates.contains(order.paymentStatus))
        order.paidAtUtc = read.time(o.value(u"processed_at"), QStringLiteral("processed_at"));
    order.cancelledAtUtc = read.time(o.value(u"cancelled_at"), QStringLiteral("cancelled_at"));
    const bool cancelled = !jsonText(o.value(u"cancelled_at")).isEmpty();
    if (cancelled)
        order.state = models::ChannelOrderState::Cancelled;
    else if (jsonText(o.value(u"fulfillment_status")) == QLatin1String("fulfilled"))
        order.state = models::ChannelOrderState::Shipped;

    order.subtotalMinor = read.money(o.value(u"subtotal_price"), QStringLiteral("subtotal_price"));
    order.taxMinor = read.money(o.value(u"total_tax"), QStringLiteral("total_tax"));
    order.discountMinor =
        read.money(o.value(u"total_discounts"), QStringLiteral("total_discounts"));
    order.totalMinor = read.money(o.value(u"total_price"), QStringLiteral("total_price"));
    const QJsonArray shippingLines = o.value(u"shipping_lines").toArray();
    const QJsonObject shippingSet =
        o.value(u"total_shipping_price_set").toObject().value(u"shop_money").toObject();
    if (!shippingSet.isEmpty()) {
        order.shippingMinor =
            read.money(shippingSet.value(u"amount"),
                       QStringLiteral("total_shipping_price_set.shop_money.amount"),
                       jsonText(shippingSet.value(u"currency_code")));
    } else {
        for (qsizetype i = 0; i < shippingLines.size(); ++i)
            order.shippingMinor += read.money(shippingLines.at(i).toObject().value(u"price"),
                                              QStringLiteral("shipping_lines[%1].price").arg(i));
    }
    for (const QJsonValue &r : o.value(u"refunds").toArray()) {
        const QJsonArray transactions = r.toObject().value(u"transactions").toArray();
        for (qsizetype i = 0; i < transactions.size(); ++i) {
            const QJsonObject t = transactions.at(i).toObject();
            if (jsonText(t.value(u"kind")) == QLatin1String("refund") &&
                jsonText(t.value(u"status")) == QLatin1String("success"))
                order.refundedMinor +=
                    read.money(t.value(u"amount"), QStringLiteral("refunds.transactions.amount"),
                               jsonText(t.value(u"currency")));
        }
    }

    order.buyerEmail = jsonText(o.value(u"email"));
    if (order.buyerEmail.isEmpty())
        order.buyerEmail = jsonText(o.value(u"contact_email"));
    const QJsonObject billing = o.value(u"billing_address").toObject();
    const QJsonObject shipping = o.value(u"shipping_address").toObject();
    order.buyerName = personName(billing);
    if (order.buyerName.isEmpty())
        order.buyerName = personName(o.value(u"customer").toObject());
    if (order.buyerName.isEmpty())
        order.buyerName = personName(shipping);
    order.buyerPhone = jsonText(o.value(u"phone"));
    if (order.buyerPhone.isEmpty())
        order.buyerPhone = jsonText(billing.value(u"phone"));
    if (order.buyerPhone.isEmpty())
        order.buyerPhone = jsonText(shipping.value(u"phone"));

    // No shipping address: a digital or point-of-sale order; the address stays empty.
    models::Address &to = order.shipTo;
    to.name = personName(shipping);
    to.company = jsonText(shipping.value(u"company"));
    to.line1 = jsonText(shipping.value(u"address1"));
    to.line2 = jsonText(shipping.value(u"address2"));
    to.city = jsonText(shipping.value(u"city"));
    to.region = jsonText(shipping.value(u"province_code"));
    if (to.region.isEmpty())
        to.region = jsonText(shipping.value(u"province"));
    to.postcode = jsonText(shipping.value(u"zip"));
    to.country = jsonText(shipping.value(u"country_code")).toUpper();
    to.phone = jsonText(shipping.value(u"phone"));

    QStringList services;
    for (const QJsonValue &s : shippingLines)
        if (const QString title = jsonText(s.toObject().value(u"title")); !title.isEmpty())
            services.append(title);
    order.shippingService = services.join(QStringLiteral(" + "));
    order.expedited = namesFastService(order.shippingService);
    order.notes = jsonText(o.value(u"note"));

    const QHash<QString, int> shipped = shippedPerLine(o.value(u"fulfillments").toArray());
    const QJsonArray items = o.value(u"line_items").toArray();
    if (items.isEmpty())
        read.error(QStringLiteral("line_items"), QStringLiteral("the order has no items"));
    QList<models::ImportedLine> removed; // taken only if nothing else is left
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const QString at = QStringLiteral("line_items[%1].").arg(i);
        models::ImportedLine line;
        line.externalLineId = jsonText(item.value(u"id"));
        line.sku = jsonText(item.value(u"sku"));
        line.title = jsonText(item.value(u"name"));
        if (line.title.isEmpty())
            line.title = jsonText(item.value(u"title"));
        if (line.sku.isEmpty()) {
            read.error(at + QStringLiteral("sku"),
                       line.title.isEmpty()
                           ? QStringLiteral("the item has no SKU")
                           : QStringLiteral("the item \"%1\" has no SKU").arg(line.title));
        }
        const std::optional<int> bought =
            read.quantity(item.value(u"quantity"), at + QStringLiteral("quantity"));
        line.quantity = bought.value_or(0);
        std::optional<int> current;
        if (const QJsonValue c = item.value(u"current_quantity"); c.isDouble())
            current = c.toInt();
        line.unitPriceMinor = read.money(item.value(u"price"), at + QStringLiteral("price"));
        const QJsonArray taxes = item.value(u"tax_lines").toArray();
        for (qsizetype t = 0; t < taxes.size(); ++t)
            line.taxMinor += read.money(taxes.at(t).toObject().value(u"price"),
                                        at + QStringLiteral("tax_lines[%1].price").arg(t));
        const QJsonArray allocations = item.value(u"discount_allocations").toArray();
        if (!allocations.isEmpty()) {
            for (qsizetype d = 0; d < allocations.size(); ++d)
                line.discountMinor +=
                    read.money(allocations.at(d).toObject().value(u"amount"),
                               at + QStringLiteral("discount_allocations[%1].amount").arg(d));
        } else {
            line.discountMinor =
                read.money(item.value(u"total_discount"), at + QStringLiteral("total_discount"));
        }
        bool leftOut = false;
        if (!cancelled && bought && current && *current < *bought && *current >= 0) {
            if (*current == 0)
                leftOut = true;
            else
                line.quantity = *current;
        }
        line.totalMinor = line.unitPriceMinor * line.quantity;
        line.quantityShippedOnChannel = qMin(shipped.value(line.externalLineId), line.quantity);
        if (jsonText(item.value(u"fulfillment_status")) == QLatin1String("fulfilled"))
            line.quantityShippedOnChannel = line.quantity;
        if (leftOut)
            removed.append(std::move(line));
        else
            order.lines.append(std::move(line));
    }
    if (order.lines.isEmpty()) // every item removed: what was bought, as the export says
        order.lines = removed;
    return order;
}

} // namespace importers::api
