#include "importers/shopifyorderreader.h"

namespace importers {

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
{}

bool ShopifyOrderReader::next(models::ImportedOrder &)
{
    fail(QStringLiteral("file %1: Shopify exports cannot be read yet").arg(sourceName()));
    return false;
}

} // namespace importers
