#include "importers/api/ebayorderjson.h"

#include "importers/api/apijson.h"

namespace importers::api {

namespace {

constexpr MoneyMembers kEbayMoney{u"value", u"currency"};

QString paymentStatusWords(const QString &ebay)
{
    if (ebay == QLatin1String("FULLY_REFUNDED"))
        return QStringLiteral("refunded");
    return ebay.toLower(); // paid, pending, failed, partially_refunded
}

} // namespace

models::Result<QJsonArray> ebayOrdersOfPage(const QJsonObject &page, const QString &pageName)
{
    const QJsonValue orders = page.value(u"orders");
    if (orders.isArray())
        return orders.toArray();
    if (orders.isUndefined() && (page.contains(u"total") || page.contains(u"href")) &&
        !page.contains(u"errors"))
        return QJsonArray(); // eBay leaves "orders" out of an empty page
    if (page.contains(u"errors"))
        return models::Error{QStringLiteral("%1 is an error, not orders").arg(pageName)};
    return models::Error{QStringLiteral("%1 has no \"orders\" list").arg(pageName)};
}

models::ImportedOrder ebayOrderFromJson(const QJsonObject &o, qint64 position)
{
    models::ImportedOrder order = apiOrder(QStringLiteral("ebay"), o, position);
    OrderFieldReader read(order, position);

    order.externalId = jsonText(o.value(u"orderId"));
    order.number = order.externalId;
    if (order.externalId.isEmpty())
        read.error(QStringLiteral("orderId"), QStringLiteral("the order has no order id"));

    const QJsonObject pricing = o.value(u"pricingSummary").toObject();
    order.currency = kEbayMoney.currencyOf(pricing, u"total").toUpper();
    if (order.currency.isEmpty())
        order.currency = kEbayMoney.currencyOf(pricing, u"priceSubtotal").toUpper();
    if (order.currency.isEmpty()) {
        read.error(QStringLiteral("pricingSummary.total.currency"),
                   QStringLiteral("the order has no currency"));
        order.currency = QStringLiteral("USD");
    }

    if (const auto placed = read.time(o.value(u"creationDate"), QStringLiteral("creationDate")))
        order.placedAtUtc = *placed;
    else if (jsonText(o.value(u"creationDate")).isEmpty())
        read.error(QStringLiteral("creationDate"), QStringLiteral("the order has no date"));
    order.paymentStatus = paymentStatusWords(jsonText(o.value(u"orderPaymentStatus")));

    const QJsonObject paymentSummary = o.value(u"paymentSummary").toObject();
    const QJsonArray payments = paymentSummary.value(u"payments").toArray();
    for (qsizetype i = 0; i < payments.size(); ++i) {
        const QJsonObject p = payments.at(i).toObject();
        if (jsonText(p.value(u"paymentStatus")) == QLatin1String("PAID")) {
            order.paidAtUtc =
                read.time(p.value(u"paymentDate"),
                          QStringLiteral("paymentSummary.payments[%1].paymentDate").arg(i));
            break;
        }
    }
    const QJsonArray refunds = paymentSummary.value(u"refunds").toArray();
    for (qsizetype i = 0; i < refunds.size(); ++i) {
        const QJsonObject r = refunds.at(i).toObject();
        if (jsonText(r.value(u"refundStatus")) == QLatin1String("REFUNDED"))
            order.refundedMinor +=
                read.money(kEbayMoney.amountOf(r, u"amount"),
                           QStringLiteral("paymentSummary.refunds[%1].amount.value").arg(i),
                           kEbayMoney.currencyOf(r, u"amount"));
    }

    const QJsonObject cancel = o.value(u"cancelStatus").toObject();
    if (jsonText(cancel.value(u"cancelState")) == QLatin1String("CANCELED")) {
        order.state = models::ChannelOrderState::Cancelled;
        order.cancelledAtUtc =
            read.time(cancel.value(u"cancelledDate"), QStringLiteral("cancelStatus.cancelledDate"));
    } else if (jsonText(o.value(u"orderFulfillmentStatus")) == QLatin1String("FULFILLED")) {
        order.state = models::ChannelOrderState::Shipped;
    }

    auto money = [&](QStringView member) {
        return read.money(kEbayMoney.amountOf(pricing, member),
                          QStringLiteral("pricingSummary.%1.value").arg(member),
                          kEbayMoney.currencyOf(pricing, member));
    };
    order.subtotalMinor = money(u"priceSubtotal");
    order.shippingMinor = money(u"deliveryCost") - qAbs(money(u"deliveryDiscount"));
    order.taxMinor = money(u"tax");
    order.discountMinor = qAbs(money(u"priceDiscountSubtotal"));
    if (order.discountMinor == 0)
        order.discountMinor = qAbs(money(u"priceDiscount"));
    order.totalMinor = money(u"total");

    const QJsonObject instructions =
        o.value(u"fulfillmentStartInstructions").toArray().at(0).toObject();
    const QJsonObject step = instructions.value(u"shippingStep").toObject();
    const QJsonObject shipTo = step.value(u"shipTo").toObject();
    const QJsonObject address = shipTo.value(u"contactAddress").toObject();
    models::Address &to = order.shipTo;
    to.name = jsonText(shipTo.value(u"fullName"));
    to.company = jsonText(shipTo.value(u"companyName"));
    to.line1 = jsonText(address.value(u"addressLine1"));
    to.line2 = jsonText(address.value(u"addressLine2"));
    to.city = jsonText(address.value(u"city"));
    to.region = jsonText(address.value(u"stateOrProvince"));
    to.postcode = jsonText(address.value(u"postalCode"));
    to.country = jsonText(address.value(u"countryCode")).toUpper();
    to.phone = jsonText(shipTo.value(u"primaryPhone").toObject().value(u"phoneNumber"));
    order.buyerName = to.name;
    order.buyerEmail = jsonText(shipTo.value(u"email"));
    order.buyerPhone = to.phone;
    order.shippingService = jsonText(step.value(u"shippingServiceCode"));
    order.expedited = namesFastService(order.shippingService);
    order.notes = jsonText(o.value(u"buyerCheckoutNotes"));

    const QJsonArray items = o.value(u"lineItems").toArray();
    if (items.isEmpty())
        read.error(QStringLiteral("lineItems"), QStringLiteral("the order has no items"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const QString at = QStringLiteral("lineItems[%1].").arg(i);
        models::ImportedLine line;
        line.externalLineId = jsonText(item.value(u"lineItemId"));
        line.sku = jsonText(item.value(u"sku"));
        line.title = jsonText(item.value(u"title"));
        if (line.sku.isEmpty()) {
            // Listings without a custom label: the item number is what the seller sees.
            const QString itemNumber = jsonText(item.value(u"legacyItemId"));
            read.error(at + QStringLiteral("sku"),
                       QStringLiteral("the item \"%1\" (item number %2) has no SKU")
                           .arg(line.title, itemNumber));
        }
        line.quantity =
            read.quantity(item.value(u"quantity"), at + QStringLiteral("quantity")).value_or(0);
        line.totalMinor = read.money(kEbayMoney.amountOf(item, u"lineItemCost"),
                                     at + QStringLiteral("lineItemCost.value"),
                                     kEbayMoney.currencyOf(item, u"lineItemCost"));
        line.unitPriceMinor = line.quantity > 0 ? line.totalMinor / line.quantity : 0;
        const QJsonArray taxes = item.value(u"taxes").toArray();
        for (qsizetype t = 0; t < taxes.size(); ++t)
            line.taxMinor += read.money(kEbayMoney.amountOf(taxes.at(t).toObject(), u"amount"),
                                        at + QStringLiteral("taxes[%1].amount.value").arg(t));
        const QJsonArray remit = item.value(u"ebayCollectAndRemitTaxes").toArray();
        for (qsizetype t = 0; t < remit.size(); ++t)
            line.taxMinor +=
                read.money(kEbayMoney.amountOf(remit.at(t).toObject(), u"amount"),
                           at + QStringLiteral("ebayCollectAndRemitTaxes[%1].amount.value").arg(t));
        const QJsonArray promotions = item.value(u"appliedPromotions").toArray();
        for (qsizetype p = 0; p < promotions.size(); ++p)
            line.discountMinor += qAbs(read.money(
                kEbayMoney.amountOf(promotions.at(p).toObject(), u"discountAmount"),
                at + QStringLiteral("appliedPromotions[%1].discountAmount.value").arg(p)));
        if (jsonText(item.value(u"lineItemFulfillmentStatus")) == QLatin1String("FULFILLED"))
            line.quantityShippedOnChannel = line.quantity;
        const QJsonObject lineInstructions =
            item.value(u"lineItemFulfillmentInstructions").toObject();
        if (const auto shipBy = read.time(lineInstructions.value(u"shipByDate"),
                                          at + QStringLiteral("lineItemFulfillmentInstructions."
                                                              "shipByDate"));
            shipBy && (!order.shipByUtc || *shipBy < *order.shipByUtc))
            order.shipByUtc = shipBy;
        order.lines.append(std::move(line));
    }
    return order;
}

} // namespace importers::api
