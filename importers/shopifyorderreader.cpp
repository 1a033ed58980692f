#include "importers/shopifyorderreader.h"

#include "models/money.h"

#include <array>
#include <utility>

namespace importers {

// Shopify's Admin > Orders > Export CSV: one row per line item, the rows of an
// order consecutive and sharing its Name (#1001). The first row carries the
// order-level fields (money, status, addresses, Id); the others repeat only Name,
// Email, Created at and the Lineitem columns, so order totals come from the first
// row alone, never summed. Prices are unit prices. Dates are
// "2026-06-08 22:55:28 +1000"; numeric zips carry a leading apostrophe ('2759)
// so Excel keeps their zeros. Columns changed over the years (the 2012 export
// stops at Cancelled at), so every one is found by name and may be absent.

namespace {

// Shopify's rate names are the merchant's own ("Express Post", "Overnight
// Priority", "DHL Next Day"), so the words are looked for anywhere.
bool namesFastService(QStringView method)
{
    static constexpr std::array<QStringView, 6> Words = {u"express",  u"expedited", u"next day",
                                                         u"next-day", u"overnight", u"priority"};
    for (const QStringView word : Words) {
        if (method.contains(word, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Excel-proofing: "'02759" keeps its zeros in a spreadsheet; the quote is not the zip's.
QString zipCode(const QString &zip)
{
    return zip.startsWith(u'\'') ? zip.sliced(1).trimmed() : zip;
}

} // namespace

bool ShopifyOrderReader::recognises(const ColumnMap &columns)
{
    return columns.has({u"Name"}) && columns.has({u"Lineitem quantity", u"Lineitem name",
                                                  u"Lineitem sku", u"Financial Status"});
}

QString ShopifyOrderReader::missingColumn(const ColumnMap &columns)
{
    return columns.firstMissing({{u"Name"},
                                 {u"Created at"},
                                 {u"Lineitem quantity"},
                                 {u"Lineitem name"},
                                 {u"Lineitem price"},
                                 {u"Lineitem sku"}});
}

ShopifyOrderReader::ShopifyOrderReader(std::unique_ptr<CsvReader> csv, QStringList header,
                                       qint64 headerRow, OrderFileOptions options)
    : OrderFileReader(std::move(csv), std::move(header), headerRow, std::move(options))
{
    const ColumnMap &map = columns();
    m_column.name = map.find({u"Name"});
    m_column.id = map.find({u"Id"});
    m_column.email = map.find({u"Email"});
    m_column.phone = map.find({u"Phone"});
    m_column.financialStatus = map.find({u"Financial Status"});
    m_column.paidAt = map.find({u"Paid at"});
    m_column.fulfillmentStatus = map.find({u"Fulfillment Status"});
    m_column.currency = map.find({u"Currency"});
    m_column.subtotal = map.find({u"Subtotal"});
    m_column.shipping = map.find({u"Shipping"});
    m_column.taxes = map.find({u"Taxes"});
    m_column.total = map.find({u"Total"});
    m_column.discountAmount = map.find({u"Discount Amount"});
    m_column.shippingMethod = map.find({u"Shipping Method"});
    m_column.createdAt = map.find({u"Created at"});
    m_column.cancelledAt = map.find({u"Cancelled at"});
    m_column.refundedAmount = map.find({u"Refunded Amount"});
    m_column.notes = map.find({u"Notes"});
    m_column.lineQuantity = map.find({u"Lineitem quantity"});
    m_column.lineName = map.find({u"Lineitem name"});
    m_column.linePrice = map.find({u"Lineitem price"});
    m_column.lineSku = map.find({u"Lineitem sku"});
    m_column.lineDiscount = map.find({u"Lineitem discount"});
    m_column.lineFulfillmentStatus = map.find({u"Lineitem fulfillment status"});
    m_column.billingName = map.find({u"Billing Name"});
    m_column.billingPhone = map.find({u"Billing Phone"});
    m_column.shippingName = map.find({u"Shipping Name"});
    m_column.shippingStreet = map.find({u"Shipping Street"});
    m_column.shippingAddress1 = map.find({u"Shipping Address1", u"Shipping Address 1"});
    m_column.shippingAddress2 = map.find({u"Shipping Address2", u"Shipping Address 2"});
    m_column.shippingCompany = map.find({u"Shipping Company"});
    m_column.shippingCity = map.find({u"Shipping City"});
    m_column.shippingZip = map.find({u"Shipping Zip"});
    m_column.shippingProvince = map.find({u"Shipping Province"});
    m_column.shippingProvinceName = map.find({u"Shipping Province Name"});
    m_column.shippingCountry = map.find({u"Shipping Country"});
    m_column.shippingPhone = map.find({u"Shipping Phone"});
}

bool ShopifyOrderReader::next(models::ImportedOrder &order)
{
    // The first record of an order: a row without a Name belongs to none.
    for (;;) {
        if (!m_haveRecord && !readRecord(m_record))
            return false;
        m_haveRecord = false;
        if (!cell(m_record.fields, m_column.name).isEmpty())
            break;
        if (!isBlankRecord(m_record.fields)) {
            addStrayError(m_record.line, columns().nameAt(m_column.name),
                          QStringLiteral("the row has no order Name, so it belongs to no order "
                                         "and was not imported"));
        }
    }
    startOrder(order);

    // Its other rows, up to the first row of the next order.
    for (;;) {
        if (!readRecord(m_record))
            return status().ok(); // the end of the file completes the order
        const QStringView name = cell(m_record.fields, m_column.name);
        if (name.isEmpty()) {
            if (!isBlankRecord(m_record.fields)) {
                addStrayError(m_record.line, columns().nameAt(m_column.name),
                              QStringLiteral("the row has no order Name, so it belongs to no "
                                             "order and was not imported"));
            }
            continue;
        }
        if (name != order.number) {
            m_haveRecord = true;
            return true;
        }
        order.sourceRows.append({m_record.line, m_record.fields});
        addLine(order);
    }
}

void ShopifyOrderReader::startOrder(models::ImportedOrder &order)
{
    resetOrder(order);
    const QStringList &fields = m_record.fields;
    order.channelCode = QStringLiteral("shopify");
    order.firstRow = m_record.line;
    order.sourceRows.append({m_record.line, fields});
    order.number = fieldAt(fields, m_column.name);
    order.externalId = fieldAt(fields, m_column.id);
    if (order.externalId.isEmpty()) // older exports have no Id column
        order.externalId = order.number;

    order.currency = fieldAt(fields, m_column.currency).toUpper();
    if (order.currency.isEmpty()) {
        order.currency =
            options().defaultCurrency.isEmpty() ? QStringLiteral("USD") : options().defaultCurrency;
    }
    if (order.currency != m_decimalsCurrency) {
        m_decimalsCurrency = order.currency;
        m_decimals = models::Money::decimalsFor(order.currency);
    }

    if (cell(fields, m_column.createdAt).isEmpty())
        addError(order, m_column.createdAt, QStringLiteral("the order has no date"));
    else if (const auto placed = readDate(order, m_column.createdAt))
        order.placedAtUtc = *placed;
    order.paidAtUtc = readDate(order, m_column.paidAt);
    order.cancelledAtUtc = readDate(order, m_column.cancelledAt);
    order.paymentStatus = fieldAt(fields, m_column.financialStatus).toLower();
    if (!cell(fields, m_column.cancelledAt).isEmpty())
        order.state = models::ChannelOrderState::Cancelled;
    else if (cell(fields, m_column.fulfillmentStatus).compare(u"fulfilled", Qt::CaseInsensitive) ==
             0)
        order.state = models::ChannelOrderState::Shipped;

    order.subtotalMinor = readMoney(order, m_column.subtotal);
    order.shippingMinor = readMoney(order, m_column.shipping);
    order.taxMinor = readMoney(order, m_column.taxes);
    order.discountMinor = readMoney(order, m_column.discountAmount);
    order.totalMinor = readMoney(order, m_column.total);
    order.refundedMinor = readMoney(order, m_column.refundedAmount);

    order.buyerEmail = fieldAt(fields, m_column.email);
    order.buyerName = fieldAt(fields, m_column.billingName);
    if (order.buyerName.isEmpty())
        order.buyerName = fieldAt(fields, m_column.shippingName);
    order.buyerPhone = fieldAt(fields, m_column.phone);
    if (order.buyerPhone.isEmpty())
        order.buyerPhone = fieldAt(fields, m_column.billingPhone);
    if (order.buyerPhone.isEmpty())
        order.buyerPhone = fieldAt(fields, m_column.shippingPhone);

    models::Address &to = order.shipTo;
    to.name = fieldAt(fields, m_column.shippingName);
    to.company = fieldAt(fields, m_column.shippingCompany);
    // Address1 and Address2 are the parts; Street (older exports have only it)
    // is the two joined.
    to.line1 = fieldAt(fields, m_column.shippingAddress1);
    if (to.line1.isEmpty())
        to.line1 = fieldAt(fields, m_column.shippingStreet);
    else
        to.line2 = fieldAt(fields, m_column.shippingAddress2);
    to.city = fieldAt(fields, m_column.shippingCity);
    to.region = fieldAt(fields, m_column.shippingProvince);
    if (to.region.isEmpty())
        to.region = fieldAt(fields, m_column.shippingProvinceName);
    to.postcode = zipCode(fieldAt(fields, m_column.shippingZip));
    to.country = fieldAt(fields, m_column.shippingCountry).toUpper();
    to.phone = fieldAt(fields, m_column.shippingPhone);

    order.shippingService = fieldAt(fields, m_column.shippingMethod);
    // A shop has a few rates, and looking for words without regard to case is slow.
    auto known = m_fastShippingMethods.constFind(order.shippingService);
    if (known == m_fastShippingMethods.constEnd()) {
        if (m_fastShippingMethods.size() >= 1024) // a file with a rate per order
            m_fastShippingMethods.clear();
        known = m_fastShippingMethods.insert(order.shippingService,
                                             namesFastService(order.shippingService));
    }
    order.expedited = known.value();
    order.notes = fieldAt(fields, m_column.notes);

    addLine(order);
}

void ShopifyOrderReader::addLine(models::ImportedOrder &order)
{
    const QStringList &fields = m_record.fields;
    models::ImportedLine line;
    line.sku = fieldAt(fields, m_column.lineSku);
    line.title = fieldAt(fields, m_column.lineName);

    const QStringView quantityText = cell(fields, m_column.lineQuantity);
    const std::optional<int> quantity = OrderFileReader::parseWholeNumber(quantityText);
    if (quantityText.isEmpty()) {
        addError(order, m_column.lineQuantity, QStringLiteral("the item has no quantity"));
    } else if (!quantity) {
        addError(order, m_column.lineQuantity,
                 QStringLiteral("not a whole number of items: \"%1\"").arg(quantityText));
    } else if (*quantity <= 0) {
        addError(order, m_column.lineQuantity,
                 QStringLiteral("the quantity must be at least 1, not %1").arg(*quantity));
    } else {
        line.quantity = *quantity;
    }
    if (line.sku.isEmpty()) {
        addError(order, m_column.lineSku,
                 line.title.isEmpty()
                     ? QStringLiteral("the item has no SKU")
                     : QStringLiteral("the item \"%1\" has no SKU").arg(line.title));
    }

    // Lineitem price is the unit price; Lineitem discount is for the whole line.
    line.unitPriceMinor = readMoney(order, m_column.linePrice);
    line.totalMinor = line.unitPriceMinor * line.quantity;
    line.discountMinor = readMoney(order, m_column.lineDiscount);
    if (cell(fields, m_column.lineFulfillmentStatus).compare(u"fulfilled", Qt::CaseInsensitive) ==
        0)
        line.quantityShippedOnChannel = line.quantity;
    order.lines.append(std::move(line));
}

std::optional<QDateTime> ShopifyOrderReader::readDate(models::ImportedOrder &order, int column)
{
    return readDateField(order, m_record, column);
}

qint64 ShopifyOrderReader::readMoney(models::ImportedOrder &order, int column)
{
    return readMoneyField(order, m_record, column, m_decimals);
}

void ShopifyOrderReader::addError(models::ImportedOrder &order, int column, const QString &message)
{
    addFieldError(order, m_record, column, message);
}

} // namespace importers
