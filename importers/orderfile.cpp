#include "importers/orderfile.h"

#include "models/channel.h"

#include "importers/amazonorderreader.h"
#include "importers/channeldates.h"
#include "importers/ebayorderreader.h"
#include "importers/shopifyorderreader.h"

#include "models/money.h"

#include <QIODevice>

#include <array>
#include <utility>

namespace importers {

namespace {

// What openOrderFile needs of each format: whether a header row is its, which
// required column it lacks, and the reader that takes over after the header.
struct FormatEntry
{
    OrderFileFormat format;
    bool (*recognises)(const ColumnMap &);
    QString (*missingColumn)(const ColumnMap &);
    std::unique_ptr<OrderFileReader> (*create)(std::unique_ptr<CsvReader>, QStringList, qint64,
                                               OrderFileOptions);
};

template <typename Reader>
std::unique_ptr<OrderFileReader> createReader(std::unique_ptr<CsvReader> csv, QStringList header,
                                              qint64 headerRow, OrderFileOptions options)
{
    return std::make_unique<Reader>(std::move(csv), std::move(header), headerRow,
                                    std::move(options));
}

constexpr std::array<FormatEntry, 3> kFormats{{
    {OrderFileFormat::Shopify, &ShopifyOrderReader::recognises, &ShopifyOrderReader::missingColumn,
     &createReader<ShopifyOrderReader>},
    {OrderFileFormat::Amazon, &AmazonOrderReader::recognises, &AmazonOrderReader::missingColumn,
     &createReader<AmazonOrderReader>},
    {OrderFileFormat::Ebay, &EbayOrderReader::recognises, &EbayOrderReader::missingColumn,
     &createReader<EbayOrderReader>},
}};

const FormatEntry &entryFor(OrderFileFormat format)
{
    for (const FormatEntry &entry : kFormats) {
        if (entry.format == format)
            return entry;
    }
    return kFormats.front();
}

} // namespace

QString orderFileFormatCode(OrderFileFormat format)
{
    switch (format) {
    case OrderFileFormat::Shopify:
        return QStringLiteral("shopify");
    case OrderFileFormat::Amazon:
        return QStringLiteral("amazon");
    case OrderFileFormat::Ebay:
        return QStringLiteral("ebay");
    }
    return {};
}

QString orderFileFormatName(OrderFileFormat format)
{
    return models::channelDisplayName(orderFileFormatCode(format));
}

std::optional<OrderFileFormat> orderFileFormatFromCode(QStringView code)
{
    for (const FormatEntry &entry : kFormats) {
        if (code.compare(orderFileFormatCode(entry.format), Qt::CaseInsensitive) == 0)
            return entry.format;
    }
    return std::nullopt;
}

OrderFileReader::OrderFileReader(std::unique_ptr<CsvReader> csv, QStringList header,
                                 qint64 headerRow, OrderFileOptions options)
    : m_csv(std::move(csv)), m_header(std::move(header)), m_columns(m_header),
      m_headerRow(headerRow), m_recordsRead(0), m_options(std::move(options))
{}

OrderFileReader::~OrderFileReader() = default;

QList<models::ImportFieldError> OrderFileReader::takeStrayErrors()
{
    return std::exchange(m_strayErrors, {});
}

bool OrderFileReader::readRecord(CsvRecord &record)
{
    if (!m_status)
        return false;
    if (!m_csv->next(record)) {
        if (!m_csv->status())
            m_status = m_csv->status();
        return false;
    }
    ++m_recordsRead;
    return true;
}

void OrderFileReader::fail(const QString &message)
{
    if (m_status)
        m_status = models::Error{message};
}

void OrderFileReader::addStrayError(qint64 row, const QString &field, const QString &message)
{
    m_strayErrors.append({row, field, message});
}

std::optional<qint64> OrderFileReader::parseMinorUnits(QStringView text, const QString &currency,
                                                       int decimals, QString *why)
{
    text = text.trimmed();
    // The plain form: optional minus, up to 15 digits, optional point and digits.
    // More decimals than the currency has are rounded half away from zero, as
    // Money::parse does; "1.200" in a currency without decimals is left to it
    // (there the point groups thousands).
    const bool negative = text.startsWith(u'-');
    const QStringView digits = negative ? text.sliced(1) : text;
    qint64 whole = 0;
    qsizetype at = 0;
    for (; at < digits.size() && digits[at].unicode() >= u'0' && digits[at].unicode() <= u'9'; ++at)
        whole = whole * 10 + (digits[at].unicode() - u'0');
    bool plain = at > 0 && at <= 15;
    qint64 fraction = 0;
    int fractionDigits = 0;
    bool roundUp = false;
    if (plain && at < digits.size()) {
        plain = digits[at] == u'.' && at + 1 < digits.size() && decimals > 0;
        for (qsizetype i = at + 1; plain && i < digits.size(); ++i) {
            const char16_t c = digits[i].unicode();
            if (c < u'0' || c > u'9') {
                plain = false;
            } else if (fractionDigits < decimals) {
                fraction = fraction * 10 + (c - u'0');
                ++fractionDigits;
            } else if (i == at + 1 + decimals) {
                roundUp = c >= u'5';
            }
        }
    }
    if (plain) {
        for (; fractionDigits < decimals; ++fractionDigits)
            fraction *= 10;
        qint64 scale = 1;
        for (int i = 0; i < decimals; ++i)
            scale *= 10;
        const qint64 minor = whole * scale + fraction + (roundUp ? 1 : 0);
        return negative ? -minor : minor;
    }

    const models::Result<models::Money> money = models::Money::parse(text, currency);
    if (!money) {
        if (why)
            *why = money.error();
        return std::nullopt;
    }
    if (money->currency() != currency) {
        if (why)
            *why = QStringLiteral("the amount \"%1\" is in %2, but the order is in %3")
                       .arg(text.toString(), money->currency(), currency);
        return std::nullopt;
    }
    return money->minorUnits();
}

bool OrderFileReader::isBlankRecord(const QStringList &fields)
{
    for (const QString &field : fields) {
        if (!QStringView(field).trimmed().isEmpty())
            return false;
    }
    return true;
}

void OrderFileReader::resetOrder(models::ImportedOrder &order)
{
    QList<models::ImportedLine> lines = std::move(order.lines);
    QList<models::ImportFieldError> errors = std::move(order.errors);
    QList<models::ImportSourceRow> sourceRows = std::move(order.sourceRows);
    lines.clear();
    errors.clear();
    sourceRows.clear();
    order = models::ImportedOrder{};
    order.lines = std::move(lines);
    order.errors = std::move(errors);
    order.sourceRows = std::move(sourceRows);
}

std::optional<int> OrderFileReader::parseWholeNumber(QStringView text)
{
    text = text.trimmed();
    const bool negative = text.startsWith(u'-');
    if (negative || text.startsWith(u'+'))
        text = text.sliced(1);
    if (text.isEmpty() || text.size() > 9)
        return std::nullopt;
    int value = 0;
    for (const QChar c : text) {
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return negative ? -value : value;
}

std::optional<QDateTime> OrderFileReader::readDateField(models::ImportedOrder &order,
                                                        const CsvRecord &record, int column) const
{
    const QStringView text = cell(record.fields, column);
    if (text.isEmpty())
        return std::nullopt;
    QDateTime utc = parseChannelDateTime(text, options().localZone);
    if (!utc.isValid()) {
        addFieldError(order, record, column,
                      QStringLiteral("not a date and time: \"%1\"").arg(text));
        return std::nullopt;
    }
    return utc;
}

qint64 OrderFileReader::readMoneyField(models::ImportedOrder &order, const CsvRecord &record,
                                       int column, int decimals) const
{
    const QStringView text = cell(record.fields, column);
    if (text.isEmpty())
        return 0;
    QString why;
    const std::optional<qint64> minor = parseMinorUnits(text, order.currency, decimals, &why);
    if (!minor) {
        addFieldError(order, record, column, why);
        return 0;
    }
    return *minor;
}

void OrderFileReader::addFieldError(models::ImportedOrder &order, const CsvRecord &record,
                                    int column, const QString &message) const
{
    order.errors.append({record.line, columns().nameAt(column), message});
}

models::Result<std::unique_ptr<OrderFileReader>>
openOrderFile(QIODevice &device, const QString &sourceName, const OrderFileOptions &options)
{
    auto csv = std::make_unique<CsvReader>(device, sourceName, options.csv);
    CsvRecord record;
    for (int seen = 0; seen <= options.maxPreambleRecords; ++seen) {
        if (!csv->next(record)) {
            if (!csv->status())
                return models::Error{csv->status().error()};
            break;
        }
        const ColumnMap columns(record.fields);
        // Amazon's shipping-confirmation upload shares the order report's id columns;
        // said for what it is, not as an order report missing its dates.
        if (columns.has({u"order-id"}) && columns.has({u"tracking-number"}) &&
            columns.has({u"ship-date"}) && !columns.has({u"purchase-date"})) {
            return models::Error{
                QStringLiteral("file %1: this is an Amazon shipping-confirmation file (for "
                               "uploading tracking numbers), not an order report; nothing was "
                               "imported")
                    .arg(sourceName)};
        }
        const FormatEntry *found = nullptr;
        for (const FormatEntry &entry : kFormats) {
            if (entry.recognises(columns)) {
                found = &entry;
                break;
            }
        }
        if (!found)
            continue;
        if (options.format && *options.format != found->format) {
            // A forced format wins only where the header is also read as that format;
            // otherwise the user picked the wrong channel for this file.
            const FormatEntry &forced = entryFor(*options.format);
            if (!forced.recognises(columns)) {
                return models::Error{
                    QStringLiteral("file %1: this is a %2 export, not %3 (header on row %4)")
                        .arg(sourceName, orderFileFormatName(found->format),
                             orderFileFormatName(*options.format))
                        .arg(record.line)};
            }
            found = &forced;
        }
        const QString missing = found->missingColumn(columns);
        if (!missing.isEmpty()) {
            return models::Error{
                QStringLiteral("file %1, row %2: the %3 export has no \"%4\" column; "
                               "nothing was imported")
                    .arg(sourceName)
                    .arg(record.line)
                    .arg(orderFileFormatName(found->format), missing)};
        }
        return found->create(std::move(csv), record.fields, record.line, options);
    }
    return models::Error{
        QStringLiteral("file %1: not a Shopify, Amazon or eBay order export (no header row "
                       "with their column names in the first %2 rows); nothing was imported")
            .arg(sourceName)
            .arg(options.maxPreambleRecords)};
}

} // namespace importers
