#pragma once

#include "importers/orderfile.h"

namespace importers {

// Shopify order export: see ../shared/formats and the class comment in the .cpp.
class ShopifyOrderReader final : public OrderFileReader
{
public:
    // Whether a header row is this format's (loosely: enough to say which channel
    // wrote it, so a missing required column gets its own message).
    static bool recognises(const ColumnMap &columns);
    // The first required column the header lacks, or empty.
    static QString missingColumn(const ColumnMap &columns);

    ShopifyOrderReader(std::unique_ptr<CsvReader> csv, QStringList header, qint64 headerRow,
                       OrderFileOptions options);

    OrderFileFormat format() const override { return OrderFileFormat::Shopify; }
    bool next(models::ImportedOrder &order) override;
};

} // namespace importers
