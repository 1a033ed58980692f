#pragma once

#include "importers/orderfile.h"

namespace importers {

// Amazon order export: see ../shared/formats and the class comment in the .cpp.
class AmazonOrderReader final : public OrderFileReader
{
public:
    // Whether a header row is this format's (loosely: enough to say which channel
    // wrote it, so a missing required column gets its own message).
    static bool recognises(const ColumnMap &columns);
    // The first required column the header lacks, or empty.
    static QString missingColumn(const ColumnMap &columns);

    AmazonOrderReader(std::unique_ptr<CsvReader> csv, QStringList header, qint64 headerRow,
                      OrderFileOptions options);

    OrderFileFormat format() const override { return OrderFileFormat::Amazon; }
    bool next(models::ImportedOrder &order) override;
};

} // namespace importers
