#include "importers/orderfile.h"

#include "importers/amazonorderreader.h"
#include "importers/ebayorderreader.h"
#include "importers/shopifyorderreader.h"

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
    switch (format) {
    case OrderFileFormat::Shopify:
        return QStringLiteral("Shopify");
    case OrderFileFormat::Amazon:
        return QStringLiteral("Amazon");
    case OrderFileFormat::Ebay:
        return QStringLiteral("eBay");
    }
    return {};
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
