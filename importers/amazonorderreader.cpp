#include "importers/amazonorderreader.h"

namespace importers {

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
    : OrderFileReader(std::move(csv), std::move(header), headerRow, std::move(options))
{}

bool AmazonOrderReader::next(models::ImportedOrder &)
{
    fail(QStringLiteral("file %1: Amazon reports cannot be read yet").arg(sourceName()));
    return false;
}

} // namespace importers
