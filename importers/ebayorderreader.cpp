#include "importers/ebayorderreader.h"

namespace importers {

bool EbayOrderReader::recognises(const ColumnMap &columns)
{
    return columns.has({u"Order Number", u"Sales Record Number"}) &&
           columns.has({u"Item Number", u"Item Title", u"Custom Label", u"Sold For"});
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
{}

bool EbayOrderReader::next(models::ImportedOrder &)
{
    fail(QStringLiteral("file %1: eBay reports cannot be read yet").arg(sourceName()));
    return false;
}

} // namespace importers
