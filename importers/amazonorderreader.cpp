#include "importers/amazonorderreader.h"

#include "models/money.h"

#include <array>
#include <cstdlib>
#include <utility>

namespace importers {

// Amazon Seller Central order reports, tab-separated, one row per order item, the
// rows of an order consecutive:
// - the Order Report (order-id, order-item-id, quantity-purchased, currency,
//   item-price, item-tax, shipping-price, shipping-tax and, outside the US,
//   item-/ship-promotion-discount);
// - the Unshipped Orders report: no money at all (hasPrices false), with
//   quantity-shipped, quantity-to-ship and promise-date;
// - the All Orders report: amazon-order-id, quantity, order-status and
//   item-status, prices but no buyer or street, no order-item-id.
// Money columns are totals for the row's quantity, not unit prices. When several
// promotions apply to one item, Amazon adds rows with the same order-id and
// order-item-id and most cells blank: they add their discounts to the item above
// instead of being items of their own. Dates are ISO-8601 with an offset
// (2017-09-23T14:18:23-07:00) or, in some EU files, a bare 05-17-2011.

namespace {

// Amazon's service levels: Standard, Expedited, SecondDay, NextDay, SameDay,
// Priority (and FreeEconomy, Scheduled, which are not fast).
bool isFastServiceLevel(QStringView level)
{
    static constexpr std::array<QStringView, 5> Fast = {u"Expedited", u"NextDay", u"SecondDay",
                                                        u"Priority", u"SameDay"};
    for (const QStringView fast : Fast) {
        if (level.compare(fast, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isCancelled(QStringView status)
{
    return status.compare(u"Cancelled", Qt::CaseInsensitive) == 0 ||
           status.compare(u"Canceled", Qt::CaseInsensitive) == 0;
}

// Half away from zero: a total of 10.00 for 3 items is 3.33 each, 0.05 for 2 is 0.03.
qint64 roundedDivision(qint64 total, int count)
{
    const qint64 half = count / 2;
    return total >= 0 ? (total + half) / count : -((-total + half) / count);
}

// Amazon quotes nothing, so a product name may start with a quote it never
// closes; a copy re-saved by Excel does quote. See CsvOptions::quotesCloseWithinField.
std::unique_ptr<CsvReader> withAmazonQuoting(std::unique_ptr<CsvReader> csv)
{
    csv->setQuotesCloseWithinField(true);
    return csv;
}

} // namespace

bool AmazonOrderReader::recognises(const ColumnMap &columns)
{
    return columns.has({u"order-id", u"amazon-order-id"}) &&
           columns.has({u"order-item-id", u"sku", u"quantity-purchased", u"quantity"});
}

QString AmazonOrderReader::missingColumn(const ColumnMap &columns)
{
    return columns.firstMissing({{u"order-id", u"amazon-order-id"},
                                 {u"purchase-date"},
                                 {u"sku"},
                                 {u"quantity-purchased", u"quantity"}});
}

AmazonOrderReader::AmazonOrderReader(std::unique_ptr<CsvReader> csv, QStringList header,
                                     qint64 headerRow, OrderFileOptions options)
    : OrderFileReader(withAmazonQuoting(std::move(csv)), std::move(header), headerRow,
                      std::move(options))
{
    const ColumnMap &map = columns();
    m_column.orderId = map.find({u"order-id", u"amazon-order-id"});
    m_column.orderItemId = map.find({u"order-item-id"});
    m_column.purchaseDate = map.find({u"purchase-date"});
    m_column.paymentsDate = map.find({u"payments-date"});
    m_column.promiseDate = map.find({u"promise-date"});
    m_column.latestShipDate = map.find({u"latest-ship-date"});
    m_column.orderStatus = map.find({u"order-status"});
    m_column.itemStatus = map.find({u"item-status"});
    m_column.buyerEmail = map.find({u"buyer-email"});
    m_column.buyerName = map.find({u"buyer-name"});
    m_column.buyerPhone = map.find({u"buyer-phone-number"});
    m_column.sku = map.find({u"sku"});
    m_column.productName = map.find({u"product-name", u"item-name"});
    m_column.quantity = map.find({u"quantity-purchased", u"quantity"});
    m_column.quantityShipped = map.find({u"quantity-shipped"});
    m_column.currency = map.find({u"currency"});
    m_column.itemPrice = map.find({u"item-price"});
    m_column.itemTax = map.find({u"item-tax"});
    m_column.shippingPrice = map.find({u"shipping-price"});
    m_column.shippingTax = map.find({u"shipping-tax"});
    m_column.itemPromotionDiscount = map.find({u"item-promotion-discount"});
    m_column.shipPromotionDiscount = map.find({u"ship-promotion-discount"});
    m_column.shipServiceLevel = map.find({u"ship-service-level"});
    m_column.recipientName = map.find({u"recipient-name"});
    m_column.address1 = map.find({u"ship-address-1"});
    m_column.address2 = map.find({u"ship-address-2"});
    m_column.address3 = map.find({u"ship-address-3"});
    m_column.city = map.find({u"ship-city"});
    m_column.state = map.find({u"ship-state"});
    m_column.postalCode = map.find({u"ship-postal-code"});
    m_column.country = map.find({u"ship-country"});
    m_column.shipPhone = map.find({u"ship-phone-number"});
    m_column.deliveryInstructions = map.find({u"delivery-instructions"});
}

bool AmazonOrderReader::next(models::ImportedOrder &order)
{
    // The first record of an order: a row without an order-id belongs to none.
    for (;;) {
        if (!m_haveRecord && !readRecord(m_record))
            return false;
        m_haveRecord = false;
        if (!cell(m_record.fields, m_column.orderId).isEmpty())
            break;
        if (!isBlankRecord(m_record.fields)) {
            addStrayError(m_record.line, columns().nameAt(m_column.orderId),
                          QStringLiteral("the row has no order id, so it belongs to no order and "
                                         "was not imported"));
        }
    }
    startOrder(order);

    // Its other rows, up to the first row of the next order.
    bool more = true;
    while (more) {
        if (!readRecord(m_record)) {
            if (!status())
                return false;
            break; // the end of the file completes the order
        }
        const QStringView id = cell(m_record.fields, m_column.orderId);
        if (id.isEmpty()) {
            if (!isBlankRecord(m_record.fields)) {
                addStrayError(m_record.line, columns().nameAt(m_column.orderId),
                              QStringLiteral("the row has no order id, so it belongs to no order "
                                             "and was not imported"));
            }
            continue;
        }
        if (id != order.externalId) {
            m_haveRecord = true;
            more = false;
            continue;
        }
        order.sourceRows.append({m_record.line, m_record.fields});
        addRow(order);
    }
    if (order.hasPrices) {
        order.totalMinor =
            order.subtotalMinor + order.shippingMinor + order.taxMinor - order.discountMinor;
    }
    return true;
}

void AmazonOrderReader::startOrder(models::ImportedOrder &order)
{
    resetOrder(order);
    const QStringList &fields = m_record.fields;
    order.channelCode = QStringLiteral("amazon");
    order.firstRow = m_record.line;
    order.sourceRows.append({m_record.line, fields});
    order.externalId = fieldAt(fields, m_column.orderId);
    order.number = order.externalId;

    // The Unshipped report has no currency column and no prices; the All Orders
    // report leaves both empty while an order is pending.
    order.currency = fieldAt(fields, m_column.currency).toUpper();
    order.hasPrices = !order.currency.isEmpty();
    if (!order.hasPrices) {
        order.currency =
            options().defaultCurrency.isEmpty() ? QStringLiteral("USD") : options().defaultCurrency;
    }
    if (order.currency != m_decimalsCurrency) {
        m_decimalsCurrency = order.currency;
        m_decimals = models::Money::decimalsFor(order.currency);
    }

    if (cell(fields, m_column.purchaseDate).isEmpty())
        addError(order, m_column.purchaseDate, QStringLiteral("the order has no date"));
    else if (const auto placed = readDate(order, m_column.purchaseDate))
        order.placedAtUtc = *placed;
    order.paidAtUtc = readDate(order, m_column.paymentsDate);
    order.shipByUtc = readDate(order, m_column.latestShipDate);
    if (!order.shipByUtc)
        order.shipByUtc = readDate(order, m_column.promiseDate);

    const QStringView status = cell(fields, m_column.orderStatus);
    if (isCancelled(status))
        order.state = models::ChannelOrderState::Cancelled;
    else if (status.compare(u"Shipped", Qt::CaseInsensitive) == 0)
        order.state = models::ChannelOrderState::Shipped;

    order.buyerEmail = fieldAt(fields, m_column.buyerEmail);
    order.buyerName = fieldAt(fields, m_column.buyerName);
    if (order.buyerName.isEmpty())
        order.buyerName = fieldAt(fields, m_column.recipientName);
    order.buyerPhone = fieldAt(fields, m_column.buyerPhone);

    models::Address &to = order.shipTo;
    to.name = fieldAt(fields, m_column.recipientName);
    to.line1 = fieldAt(fields, m_column.address1);
    to.line2 = fieldAt(fields, m_column.address2);
    if (const QString line3 = fieldAt(fields, m_column.address3); !line3.isEmpty())
        to.line2 = to.line2.isEmpty() ? line3 : to.line2 + QStringLiteral(", ") + line3;
    if (to.line1.isEmpty() && !to.line2.isEmpty())
        to.line1 = std::exchange(to.line2, QString());
    to.city = fieldAt(fields, m_column.city);
    to.region = fieldAt(fields, m_column.state);
    to.postcode = fieldAt(fields, m_column.postalCode);
    to.country = fieldAt(fields, m_column.country).toUpper();
    to.phone = fieldAt(fields, m_column.shipPhone);

    order.shippingService = fieldAt(fields, m_column.shipServiceLevel);
    order.expedited = isFastServiceLevel(order.shippingService);
    order.notes = fieldAt(fields, m_column.deliveryInstructions);

    addRow(order);
}

void AmazonOrderReader::addRow(models::ImportedOrder &order)
{
    const QStringList &fields = m_record.fields;
    const QStringView itemId = cell(fields, m_column.orderItemId);
    const qint64 itemDiscount =
        order.hasPrices ? std::llabs(readMoney(order, m_column.itemPromotionDiscount)) : 0;
    const qint64 shipDiscount =
        order.hasPrices ? std::llabs(readMoney(order, m_column.shipPromotionDiscount)) : 0;
    // Amazon writes promotion discounts positive in the Order Report and negative
    // in the All Orders report: either way they lower the total.
    order.discountMinor += itemDiscount + shipDiscount;

    if (!itemId.isEmpty()) {
        for (models::ImportedLine &line : order.lines) {
            if (line.externalLineId == itemId) { // a further promotion on this item
                line.discountMinor += itemDiscount;
                return;
            }
        }
    }

    models::ImportedLine line;
    line.externalLineId = fieldAt(fields, m_column.orderItemId);
    line.sku = fieldAt(fields, m_column.sku);
    line.title = fieldAt(fields, m_column.productName);
    line.discountMinor = itemDiscount;

    // The All Orders report lists a cancelled item with quantity 0.
    const bool cancelled = order.state == models::ChannelOrderState::Cancelled ||
                           isCancelled(cell(fields, m_column.itemStatus));
    const QStringView quantityText = cell(fields, m_column.quantity);
    const std::optional<int> quantity = OrderFileReader::parseWholeNumber(quantityText);
    if (quantityText.isEmpty()) {
        addError(order, m_column.quantity, QStringLiteral("the item has no quantity"));
    } else if (!quantity) {
        addError(order, m_column.quantity,
                 QStringLiteral("not a whole number of items: \"%1\"").arg(quantityText));
    } else if (*quantity < 0 || (*quantity == 0 && !cancelled)) {
        addError(order, m_column.quantity,
                 QStringLiteral("the quantity must be at least 1, not %1").arg(*quantity));
    } else {
        line.quantity = *quantity;
    }
    if (line.sku.isEmpty()) {
        addError(order, m_column.sku,
                 line.title.isEmpty()
                     ? QStringLiteral("the item has no SKU")
                     : QStringLiteral("the item \"%1\" has no SKU").arg(line.title));
    }

    if (m_column.quantityShipped >= 0) {
        line.quantityShippedOnChannel =
            OrderFileReader::parseWholeNumber(cell(fields, m_column.quantityShipped)).value_or(0);
    } else if (cell(fields, m_column.itemStatus).compare(u"Shipped", Qt::CaseInsensitive) == 0) {
        line.quantityShippedOnChannel = line.quantity;
    }

    if (order.hasPrices) {
        // item-price is the total for the row's quantity: the total stays exact and
        // the unit price is rounded.
        line.totalMinor = readMoney(order, m_column.itemPrice);
        line.unitPriceMinor =
            line.quantity > 0 ? roundedDivision(line.totalMinor, line.quantity) : line.totalMinor;
        line.taxMinor = readMoney(order, m_column.itemTax);
        order.subtotalMinor += line.totalMinor;
        order.shippingMinor += readMoney(order, m_column.shippingPrice);
        order.taxMinor += line.taxMinor + readMoney(order, m_column.shippingTax);
    }
    order.lines.append(std::move(line));
}

std::optional<QDateTime> AmazonOrderReader::readDate(models::ImportedOrder &order, int column)
{
    return readDateField(order, m_record, column);
}

qint64 AmazonOrderReader::readMoney(models::ImportedOrder &order, int column)
{
    return readMoneyField(order, m_record, column, m_decimals);
}

void AmazonOrderReader::addError(models::ImportedOrder &order, int column, const QString &message)
{
    addFieldError(order, m_record, column, message);
}

} // namespace importers
