#include "importers/ebayorderreader.h"

#include "importers/countrycodes.h"
#include "importers/ebaydates.h"
#include "models/money.h"

#include <QRegularExpression>
#include <QtNumeric>

#include <algorithm>
#include <optional>
#include <utility>

// The Seller Hub orders report, as eBay writes it (see
// ../shared/formats/ebay_orders_report.md):
//
//     ,,,,,,,,                                  blank or bare commas: openOrderFile skips it
//     Sales Record Number,Order Number,…        the header
//     ,,,,,,,,                                  an empty-values row
//     "5101","12-14001-10001",…                 a single-item order: one row with everything
//     "5102","03-14002-20002",…,"",…            a multi-item order: a summary row (buyer,
//     "5102","03-14002-20002",…,"316…",…          address, totals; no Item Number), then
//     "5102","03-14002-20002",…,"316…",…          one row per item with the same Order Number
//     ,,,,,,,,
//     2,record(s) downloaded,from Jul-28-26 to Jul-29-26
//     Seller ID : example_seller
//
// Blank rows and the footer are skipped wherever they are. The order's id is its
// Order Number (eBay's orderId, unique across eBay and the same in the API),
// never the Sales Record Number: that one is only unique per seller and a file
// keyed by it one day and by the Order Number the next would import its orders
// twice. A row with no Order Number continues the current order when its Sales
// Record Number is the current one's (item rows of some older files); otherwise
// it is reported as a stray row.
//
// "Sold For" is a unit price on item rows (the summary row holds the items'
// subtotal there); both readings are checked against Total Price (single-item
// rows) or the summary's Sold For (multi-item orders), and a file that writes
// line totals instead is read as such.

namespace importers {

namespace {

const QString kChannelCode = QStringLiteral("ebay");

// A field that could not be read; `column` names it in the message.
struct FieldProblem
{
    qint64 row;
    int column;
    QString message;
};

// "2,record(s) downloaded,from …", "\"2 record(s) downloaded\"", "Seller ID : x",
// "Seller ID: x": a few cells, one of which says so. A data row mentioning the
// same words in its Buyer Note has far more cells filled.
bool isFooter(const QStringList &fields)
{
    static const QRegularExpression sellerId(QStringLiteral("^\\s*seller\\s*id\\s*:"),
                                             QRegularExpression::CaseInsensitiveOption);
    int filled = 0;
    bool footerWords = false;
    for (const QString &field : fields) {
        if (field.trimmed().isEmpty())
            continue;
        if (++filled > 3)
            return false;
        if (field.contains(u"record(s) downloaded", Qt::CaseInsensitive) ||
            sellerId.match(field).hasMatch())
            footerWords = true;
    }
    return footerWords;
}

// "3.16E+11": a long number a spreadsheet rewrote; its last digits are gone.
bool looksExcelMangled(const QString &value)
{
    static const QRegularExpression scientific(QStringLiteral("^\\d+([.,]\\d+)?E\\+?\\d+$"),
                                               QRegularExpression::CaseInsensitiveOption);
    return scientific.match(value).hasMatch();
}

QString mangledMessage(const QString &value, const QString &what)
{
    return QStringLiteral("\"%1\" is %2 a spreadsheet rewrote in scientific notation: its "
                          "last digits are lost. Download the report again and import it "
                          "without opening it in a spreadsheet")
        .arg(value, what);
}

// eBay writes some dollars with the site before a space: "AU $3,000.00", "C $12.00".
struct DollarPrefix
{
    const char16_t *prefix;
    const char16_t *currency;
};
constexpr DollarPrefix kDollarPrefixes[] = {
    {u"AU", u"AUD"}, {u"A", u"AUD"},  {u"C", u"CAD"}, {u"CA", u"CAD"}, {u"US", u"USD"},
    {u"NZ", u"NZD"}, {u"HK", u"HKD"}, {u"S", u"SGD"}, {u"SG", u"SGD"}, {u"MX", u"MXN"},
};

models::Result<models::Money> parseEbayMoney(const QString &text, const QString &defaultCurrency)
{
    static const QRegularExpression sitePrefix(QStringLiteral("^\\s*([A-Za-z]{1,2})\\s*\\$"));
    const QRegularExpressionMatch match = sitePrefix.match(text);
    if (match.hasMatch()) {
        const QString prefix = match.captured(1).toUpper();
        for (const DollarPrefix &p : kDollarPrefixes) {
            if (prefix == QStringView(p.prefix)) {
                const QString currency = QString::fromUtf16(p.currency);
                auto money =
                    models::Money::parse(QStringView(text).sliced(match.capturedEnd()), currency);
                if (!money)
                    return models::Error{
                        QStringLiteral("not an amount of money: \"%1\"").arg(text)};
                return money;
            }
        }
    }
    return models::Money::parse(text, defaultCurrency);
}

// "2"; not "2.0", "-1", "0", "two" or anything past a billion.
std::optional<int> positiveWholeNumber(QStringView text)
{
    if (text.isEmpty() || text.size() > 9)
        return std::nullopt;
    int value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value > 0 ? std::optional<int>(value) : std::nullopt;
}

bool namesExpeditedService(const QString &service)
{
    static const QRegularExpression fast(
        QStringLiteral("express|expedited|next[ -]?day|one[ -]?day|1[ -]?day|overnight|priority"),
        QRegularExpression::CaseInsensitiveOption);
    return fast.match(service).hasMatch();
}

// Builds one order from its rows, collecting the problems of its fields.
class OrderBuilder
{
public:
    OrderBuilder(const EbayOrderReader::Columns &columns, const ColumnMap &names,
                 const QString &defaultCurrency, const QTimeZone &zone,
                 models::ImportedOrder &order)
        : m_c(columns), m_names(names), m_defaultCurrency(defaultCurrency), m_zone(zone),
          m_order(order)
    {}

    void build(const QList<CsvRecord> &rows);

private:
    struct Amount
    {
        qint64 minor = 0;
        bool present = false; // the cell held a readable amount
    };
    struct Sums
    {
        qint64 soldFor = 0;
        qint64 shipping = 0;
        qint64 sellerTax = 0;
        qint64 ebayTax = 0;
        qint64 charges = 0;
        Amount total;
    };

    // One message per cell, though a cell may be read for the line and the order.
    void error(qint64 row, int column, const QString &message)
    {
        const QString field = m_names.nameAt(column);
        for (const models::ImportFieldError &e : std::as_const(m_order.errors)) {
            if (e.row == row && e.field == field)
                return;
        }
        m_order.errors.append({row, field, message});
    }
    // The first non-empty value of `column` in the order's rows (summary first).
    const CsvRecord *firstWith(int column) const;
    QString firstValue(int column) const;
    Amount amount(const CsvRecord &row, int column);
    std::optional<QDateTime> date(const CsvRecord &row, int column);
    std::optional<QDateTime> firstDate(int column);
    Sums sums(const CsvRecord &row);
    void readBuyerAndAddress();
    void readDates();
    models::ImportedLine readLine(const CsvRecord &row, bool orderShipped);
    void checkNumber(const CsvRecord &row, int column, const QString &what);
    bool totalAgrees(const Sums &s, qint64 items);

    // Sums and products of amounts: a file can make them as large as it likes,
    // and past the range of qint64 they are reported, never wrapped.
    qint64 plus(qint64 a, qint64 b)
    {
        qint64 sum = 0;
        m_overflow = qAddOverflow(a, b, &sum) || m_overflow;
        return m_overflow ? 0 : sum;
    }
    qint64 minus(qint64 a, qint64 b)
    {
        qint64 difference = 0;
        m_overflow = qSubOverflow(a, b, &difference) || m_overflow;
        return m_overflow ? 0 : difference;
    }
    qint64 times(qint64 amount, int quantity)
    {
        qint64 product = 0;
        m_overflow = qMulOverflow(amount, qint64(quantity), &product) || m_overflow;
        return m_overflow ? 0 : product;
    }

    const EbayOrderReader::Columns &m_c;
    const ColumnMap &m_names;
    const QString &m_defaultCurrency;
    const QTimeZone &m_zone;
    models::ImportedOrder &m_order;
    QList<const CsvRecord *> m_summaries; // rows without an item
    QList<const CsvRecord *> m_items;
    QList<const CsvRecord *> m_levelRows; // summaries, then items
    bool m_overflow = false;
};

const CsvRecord *OrderBuilder::firstWith(int column) const
{
    if (column < 0)
        return nullptr;
    for (const CsvRecord *row : m_levelRows) {
        if (!fieldAt(row->fields, column).isEmpty())
            return row;
    }
    return nullptr;
}

QString OrderBuilder::firstValue(int column) const
{
    const CsvRecord *row = firstWith(column);
    return row ? fieldAt(row->fields, column) : QString();
}

OrderBuilder::Amount OrderBuilder::amount(const CsvRecord &row, int column)
{
    const QString text = fieldAt(row.fields, column);
    if (text.isEmpty())
        return {};
    auto money = parseEbayMoney(text, m_defaultCurrency);
    if (!money) {
        error(row.line, column, money.error());
        return {};
    }
    if (m_order.currency.isEmpty()) {
        m_order.currency = money->currency();
    } else if (money->currency() != m_order.currency) {
        error(row.line, column,
              QStringLiteral("\"%1\" is in %2 but the order's other amounts are in %3")
                  .arg(text, money->currency(), m_order.currency));
        return {};
    }
    return {money->minorUnits(), true};
}

std::optional<QDateTime> OrderBuilder::date(const CsvRecord &row, int column)
{
    const QString text = fieldAt(row.fields, column);
    if (text.isEmpty())
        return std::nullopt;
    auto parsed = parseEbayDateTime(text, m_zone);
    if (!parsed) {
        error(row.line, column, parsed.error());
        return std::nullopt;
    }
    return *parsed;
}

std::optional<QDateTime> OrderBuilder::firstDate(int column)
{
    const CsvRecord *row = firstWith(column);
    return row ? date(*row, column) : std::nullopt;
}

OrderBuilder::Sums OrderBuilder::sums(const CsvRecord &row)
{
    Sums s;
    s.soldFor = amount(row, m_c.soldFor).minor;
    s.shipping = amount(row, m_c.shipping).minor;
    s.sellerTax = amount(row, m_c.sellerTax).minor;
    s.ebayTax = amount(row, m_c.ebayTax).minor;
    // "eBay Collected Charges" sums the fees where the file has it.
    s.charges = amount(row, m_c.ebayCharges).minor;
    if (s.charges == 0) {
        for (const int fee : m_c.fees)
            s.charges = plus(s.charges, amount(row, fee).minor);
    }
    s.total = amount(row, m_c.totalPrice);
    return s;
}

// Whether Total Price is the items plus shipping and tax, with or without what
// eBay collects on top: the file's "…Included in Total" flag is not always there.
bool OrderBuilder::totalAgrees(const Sums &s, qint64 items)
{
    if (!s.total.present)
        return true;
    const qint64 difference = minus(s.total.minor, plus(plus(items, s.shipping), s.sellerTax));
    return difference == 0 || difference == s.ebayTax || difference == s.charges ||
           difference == plus(s.ebayTax, s.charges);
}

void OrderBuilder::checkNumber(const CsvRecord &row, int column, const QString &what)
{
    const QString value = fieldAt(row.fields, column);
    if (looksExcelMangled(value))
        error(row.line, column, mangledMessage(value, what));
}

void OrderBuilder::readBuyerAndAddress()
{
    m_order.buyerName = firstValue(m_c.buyerName);
    if (m_order.buyerName.isEmpty())
        m_order.buyerName = firstValue(m_c.shipName);
    if (m_order.buyerName.isEmpty())
        m_order.buyerName = firstValue(m_c.buyerUsername);
    m_order.buyerEmail = firstValue(m_c.buyerEmail);
    m_order.buyerPhone = firstValue(m_c.shipPhone);

    models::Address &to = m_order.shipTo;
    to.name = firstValue(m_c.shipName);
    to.phone = m_order.buyerPhone;
    to.line1 = firstValue(m_c.shipAddress1);
    to.line2 = firstValue(m_c.shipAddress2);
    to.city = firstValue(m_c.shipCity);
    to.region = firstValue(m_c.shipRegion);
    to.postcode = firstValue(m_c.shipPostcode);
    if (const CsvRecord *row = firstWith(m_c.shipCountry)) {
        const QString country = fieldAt(row->fields, m_c.shipCountry);
        to.country = countryCodeFor(country);
        if (to.country.isEmpty())
            error(row->line, m_c.shipCountry,
                  QStringLiteral("unknown country \"%1\"").arg(country));
    }

    m_order.shippingService = firstValue(m_c.shippingService);
    m_order.expedited = namesExpeditedService(m_order.shippingService);

    // Each row may carry the buyer's note; say each different one once.
    QStringList notes;
    for (const CsvRecord *row : std::as_const(m_levelRows)) {
        const QString note = fieldAt(row->fields, m_c.buyerNote);
        if (!note.isEmpty() && !notes.contains(note))
            notes.append(note);
    }
    m_order.notes = notes.join(u'\n');
}

void OrderBuilder::readDates()
{
    if (const auto placed = firstDate(m_c.saleDate))
        m_order.placedAtUtc = *placed;
    else if (!firstWith(m_c.saleDate))
        error(m_order.firstRow, m_c.saleDate, QStringLiteral("the order has no sale date"));
    m_order.paidAtUtc = firstDate(m_c.paidDate);
    if (m_order.paidAtUtc)
        m_order.paymentStatus = QStringLiteral("paid");
    else if (m_c.paidDate >= 0 && !firstWith(m_c.paidDate))
        m_order.paymentStatus = QStringLiteral("unpaid");
    m_order.shipByUtc = firstDate(m_c.shipByDate);
}

models::ImportedLine OrderBuilder::readLine(const CsvRecord &row, bool orderShipped)
{
    models::ImportedLine line;
    const QString itemNumber = fieldAt(row.fields, m_c.itemNumber);
    const QString transactionId = fieldAt(row.fields, m_c.transactionId);
    checkNumber(row, m_c.itemNumber, QStringLiteral("an item number"));
    checkNumber(row, m_c.transactionId, QStringLiteral("a transaction id"));
    if (itemNumber.isEmpty())
        error(row.line, m_c.itemNumber, QStringLiteral("the item has no item number"));
    line.externalLineId = transactionId.isEmpty() ? itemNumber : transactionId;
    line.sku = fieldAt(row.fields, m_c.customLabel);
    if (line.sku.isEmpty())
        line.sku = itemNumber;

    line.title = fieldAt(row.fields, m_c.itemTitle);
    QString variation = fieldAt(row.fields, m_c.variation);
    if (!variation.isEmpty()) {
        if (!(variation.startsWith(u'[') && variation.endsWith(u']')))
            variation = u'[' + variation + u']';
        line.title = line.title.isEmpty() ? variation : line.title + u' ' + variation;
    }

    const QString quantity = fieldAt(row.fields, m_c.quantity);
    const std::optional<int> count = positiveWholeNumber(quantity);
    if (count) {
        line.quantity = *count;
    } else {
        error(
            row.line, m_c.quantity,
            quantity.isEmpty()
                ? QStringLiteral("the item has no quantity")
                : QStringLiteral("quantity \"%1\" is not a whole number above zero").arg(quantity));
    }

    const Amount unit = amount(row, m_c.soldFor);
    if (!unit.present && fieldAt(row.fields, m_c.soldFor).isEmpty())
        error(row.line, m_c.soldFor, QStringLiteral("the item has no price"));
    line.unitPriceMinor = unit.minor;
    line.totalMinor = times(unit.minor, line.quantity);
    line.taxMinor = plus(amount(row, m_c.sellerTax).minor, amount(row, m_c.ebayTax).minor);

    const bool shipped = date(row, m_c.shippedDate).has_value() || orderShipped;
    line.quantityShippedOnChannel = shipped ? line.quantity : 0;
    return line;
}

// Sold For was a line total, not a unit price: split it over the quantity.
void readAsLineTotal(models::ImportedLine &line, qint64 soldFor)
{
    line.totalMinor = soldFor;
    line.unitPriceMinor = line.quantity > 0 ? soldFor / line.quantity : soldFor;
}

void OrderBuilder::build(const QList<CsvRecord> &rows)
{
    m_order.channelCode = kChannelCode;
    m_order.firstRow = rows.constFirst().line;
    for (const CsvRecord &row : rows) {
        m_order.sourceRows.append({row.line, row.fields});
        const bool hasItem = !fieldAt(row.fields, m_c.itemNumber).isEmpty() ||
                             !fieldAt(row.fields, m_c.itemTitle).isEmpty() ||
                             !fieldAt(row.fields, m_c.customLabel).isEmpty();
        (hasItem ? m_items : m_summaries).append(&row);
    }
    m_levelRows = m_summaries + m_items;

    const CsvRecord &first = rows.constFirst();
    m_order.number = fieldAt(first.fields, m_c.orderNumber);
    m_order.externalId = m_order.number;
    checkNumber(first, m_c.orderNumber, QStringLiteral("an order number"));

    readBuyerAndAddress();
    readDates();

    // The whole order is shipped when its summary row says so.
    bool orderShipped = false;
    for (const CsvRecord *row : std::as_const(m_summaries))
        orderShipped = orderShipped || date(*row, m_c.shippedDate).has_value();

    for (const CsvRecord *row : std::as_const(m_items))
        m_order.lines.append(readLine(*row, orderShipped));
    if (m_items.isEmpty())
        error(first.line, m_c.itemNumber, QStringLiteral("the order has no item rows"));

    // Order money from the summary row; without one, from the item rows, which then
    // each carry their own shipping, tax and total.
    Sums order;
    const QList<const CsvRecord *> &moneyRows = m_summaries.isEmpty() ? m_items : m_summaries;
    for (const CsvRecord *row : moneyRows) {
        const Sums s = sums(*row);
        order.soldFor = plus(order.soldFor, s.soldFor);
        order.shipping = plus(order.shipping, s.shipping);
        order.sellerTax = plus(order.sellerTax, s.sellerTax);
        order.ebayTax = plus(order.ebayTax, s.ebayTax);
        order.charges = plus(order.charges, s.charges);
        order.total.minor = plus(order.total.minor, s.total.minor);
        order.total.present = order.total.present || s.total.present;
    }

    qint64 unitItems = 0; // Sold For read as unit prices
    qint64 lineItems = 0; // Sold For read as line totals
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        unitItems = plus(unitItems, m_order.lines.at(i).totalMinor);
        lineItems = plus(lineItems, m_order.lines.at(i).unitPriceMinor); // the Sold For read
    }
    const bool anyQuantityAboveOne =
        std::any_of(m_order.lines.cbegin(), m_order.lines.cend(),
                    [](const models::ImportedLine &l) { return l.quantity > 1; });
    // Other broken fields make the sums disagree anyway: say only what is broken.
    const bool checkSums = m_order.errors.isEmpty();
    if (!m_summaries.isEmpty()) {
        // The summary's Sold For is the items' subtotal: it tells which reading is right.
        const CsvRecord &summary = *m_summaries.constFirst();
        const QString subtotal = fieldAt(summary.fields, m_c.soldFor);
        // Total Price is checked against the summary's own subtotal, so that
        // items that do not add up are reported once, on Sold For.
        const qint64 items = subtotal.isEmpty() ? unitItems : order.soldFor;
        if (!subtotal.isEmpty() && order.soldFor != unitItems && anyQuantityAboveOne &&
            order.soldFor == lineItems) {
            for (models::ImportedLine &line : m_order.lines)
                readAsLineTotal(line, line.unitPriceMinor);
        } else if (checkSums && !subtotal.isEmpty() && order.soldFor != unitItems) {
            error(summary.line, m_c.soldFor,
                  QStringLiteral("Sold For \"%1\" of the order is not the sum of its items")
                      .arg(subtotal));
        }
        if (checkSums && !totalAgrees(order, items)) {
            error(summary.line, m_c.totalPrice,
                  QStringLiteral("Total Price \"%1\" is not the items plus shipping and tax")
                      .arg(fieldAt(summary.fields, m_c.totalPrice)));
        }
    } else if (m_items.size() == 1 && checkSums && !totalAgrees(order, unitItems)) {
        const CsvRecord &row = *m_items.constFirst();
        models::ImportedLine &line = m_order.lines.first();
        if (anyQuantityAboveOne && totalAgrees(order, lineItems)) {
            readAsLineTotal(line, line.unitPriceMinor);
        } else {
            error(row.line, m_c.totalPrice,
                  QStringLiteral("Total Price \"%1\" is not Sold For x Quantity plus shipping "
                                 "and tax")
                      .arg(fieldAt(row.fields, m_c.totalPrice)));
        }
    }

    for (const models::ImportedLine &line : std::as_const(m_order.lines))
        m_order.subtotalMinor = plus(m_order.subtotalMinor, line.totalMinor);
    m_order.shippingMinor = order.shipping;
    m_order.taxMinor = plus(order.sellerTax, order.ebayTax);
    m_order.totalMinor =
        order.total.present
            ? order.total.minor
            : plus(plus(m_order.subtotalMinor, m_order.shippingMinor), m_order.taxMinor);
    if (m_order.currency.isEmpty())
        m_order.currency = m_defaultCurrency;
    m_order.hasPrices = true;

    if (m_overflow) {
        error(m_order.firstRow, m_c.soldFor,
              QStringLiteral("the order's amounts are too large to add up"));
    }

    const bool allShipped =
        !m_order.lines.isEmpty() &&
        std::all_of(m_order.lines.cbegin(), m_order.lines.cend(),
                    [](const models::ImportedLine &l) { return l.quantityShippedOnChannel > 0; });
    m_order.state =
        allShipped ? models::ChannelOrderState::Shipped : models::ChannelOrderState::Open;
}

} // namespace

bool EbayOrderReader::recognises(const ColumnMap &columns)
{
    return columns.has({u"Order Number", u"Sales Record Number"}) &&
           columns.has(
               {u"Item Number", u"Item Title", u"Custom Label", u"Sold For", u"Sale Price"});
}

QString EbayOrderReader::missingColumn(const ColumnMap &columns)
{
    return columns.firstMissing({{u"Order Number"},
                                 {u"Sale Date"},
                                 {u"Item Number"},
                                 {u"Quantity"},
                                 {u"Sold For", u"Sale Price"}});
}

EbayOrderReader::EbayOrderReader(std::unique_ptr<CsvReader> csv, QStringList header,
                                 qint64 headerRow, OrderFileOptions options)
    : OrderFileReader(std::move(csv), std::move(header), headerRow, std::move(options))
{
    const ColumnMap &c = columns();
    Columns &m = m_columns;
    m.salesRecord = c.find({u"Sales Record Number"});
    m.orderNumber = c.find({u"Order Number"});
    m.buyerUsername = c.find({u"Buyer Username", u"User Id"});
    m.buyerName = c.find({u"Buyer Name"});
    m.buyerEmail = c.find({u"Buyer Email"});
    m.buyerNote = c.find({u"Buyer Note"});
    // UK and AU sites say "Post To"; files without a ship-to address have the buyer's.
    m.shipName = c.find({u"Ship To Name", u"Post To Name", u"Buyer Name"});
    m.shipPhone = c.find({u"Ship To Phone", u"Post To Phone", u"Buyer Phone"});
    m.shipAddress1 = c.find({u"Ship To Address 1", u"Post To Address 1", u"Buyer Address 1"});
    m.shipAddress2 = c.find({u"Ship To Address 2", u"Post To Address 2", u"Buyer Address 2"});
    m.shipCity = c.find({u"Ship To City", u"Post To City", u"Buyer City"});
    m.shipRegion = c.find({u"Ship To State", u"Post To County", u"Post To State", u"Ship To County",
                           u"Buyer State", u"Buyer County"});
    m.shipPostcode = c.find({u"Ship To Zip", u"Post To Postcode", u"Ship To Postcode",
                             u"Post To Zip", u"Buyer Zip", u"Buyer Postcode"});
    m.shipCountry = c.find({u"Ship To Country", u"Post To Country", u"Buyer Country"});
    m.itemNumber = c.find({u"Item Number"});
    m.itemTitle = c.find({u"Item Title"});
    m.customLabel = c.find({u"Custom Label"});
    m.quantity = c.find({u"Quantity"});
    m.soldFor = c.find({u"Sold For", u"Sale Price"});
    m.shipping = c.find({u"Shipping And Handling", u"Postage And Handling"});
    m.sellerTax = c.find({u"Seller Collected Tax"});
    m.ebayTax = c.find({u"eBay Collected Tax"});
    m.ebayCharges = c.find({u"eBay Collected Charges"});
    for (const QStringView fee :
         {u"Electronic Waste Recycling Fee", u"Mattress Recycling Fee", u"Battery Recycling Fee",
          u"White Goods Disposal Tax", u"Tire Recycling Fee", u"Additional Fee", u"Lumber Fee",
          u"Prepaid Wireless Fee", u"Road Improvement And Food Delivery Fee"}) {
        const int column = c.find({fee});
        if (column >= 0)
            m.fees.append(column);
    }
    m.totalPrice = c.find({u"Total Price"});
    m.saleDate = c.find({u"Sale Date"});
    m.paidDate = c.find({u"Paid On Date"});
    m.shipByDate = c.find({u"Ship By Date", u"Post By Date", u"Dispatch By Date"});
    m.shippedDate = c.find({u"Shipped On Date", u"Posted On Date", u"Dispatched On Date"});
    m.shippingService = c.find({u"Shipping Service", u"Postage Service", u"Delivery Service"});
    m.transactionId = c.find({u"Transaction ID"});
    m.variation = c.find({u"Variation Details"});

    m_defaultCurrency = this->options().defaultCurrency.isEmpty()
                            ? QStringLiteral("USD")
                            : this->options().defaultCurrency.toUpper();
}

// The next record that belongs to the table: blank rows (eBay's empty-values row
// under the header, the bare commas before the footer) and the footer are skipped.
bool EbayOrderReader::readDataRecord(CsvRecord &record)
{
    while (readRecord(record)) {
        if (isBlankRecord(record.fields))
            continue;
        if (isFooter(record.fields)) {
            m_inFooter = true;
            continue;
        }
        return true;
    }
    return false;
}

bool EbayOrderReader::continuesOrder(const CsvRecord &first, const CsvRecord &record) const
{
    const QString number = fieldAt(record.fields, m_columns.orderNumber);
    if (!number.isEmpty())
        return number == fieldAt(first.fields, m_columns.orderNumber);
    const QString salesRecord = fieldAt(record.fields, m_columns.salesRecord);
    return !salesRecord.isEmpty() && salesRecord == fieldAt(first.fields, m_columns.salesRecord);
}

bool EbayOrderReader::next(models::ImportedOrder &order)
{
    QList<CsvRecord> rows;
    if (m_hasPending) {
        rows.append(std::exchange(m_pending, {}));
        m_hasPending = false;
    }
    CsvRecord record;
    while (readDataRecord(record)) {
        if (!rows.isEmpty() && continuesOrder(rows.constFirst(), record)) {
            rows.append(std::move(record));
            continue;
        }
        if (fieldAt(record.fields, m_columns.orderNumber).isEmpty()) {
            if (!m_inFooter) {
                addStrayError(record.line, columns().nameAt(m_columns.orderNumber),
                              QStringLiteral("the row has no order number; it was not imported"));
            }
            continue;
        }
        if (rows.isEmpty()) {
            rows.append(std::move(record));
            continue;
        }
        m_pending = std::move(record);
        m_hasPending = true;
        break;
    }
    if (!status() || rows.isEmpty())
        return false;

    resetOrder(order);
    OrderBuilder(m_columns, columns(), m_defaultCurrency, options().localZone, order).build(rows);
    return true;
}

} // namespace importers
