#pragma once

#include "importers/orderfile.h"
#include "models/orderimportsink.h"

#include <QList>
#include <QString>

#include <functional>

namespace importers {

struct ImportProgress
{
    qint64 bytesRead = 0;
    qint64 bytesTotal = 0;
    int orders = 0;
};

// Called now and then during an import; returning false cancels it (nothing of
// the file is written).
using ImportProgressFn = std::function<bool(const ImportProgress &)>;

struct ImportFileReport
{
    enum class Status
    {
        Imported,  // committed; row errors allowed
        Rejected,  // not an export, a required column missing, unreadable: nothing written
        Cancelled, // stopped by the user: nothing written
    };

    QString file;
    std::optional<OrderFileFormat> format; // unset when it could not be told
    Status status = Status::Rejected;
    QString message; // why it was rejected or cancelled
    models::ImportRunTotals totals;
};

// "imported", "rejected", "cancelled": the --json contract.
QString importStatusCode(ImportFileReport::Status status);

// Imports one export file through `sink` in one transaction: reads it order by
// order on a thread of its own, at most a fixed number of orders ahead of the
// writes (constant memory), hashes its bytes on the way, and commits only when the
// whole file was read. The sink and `progress` are used only on the calling thread.
// A rejected or cancelled file leaves the database as it was and is recorded as an
// attempt.
ImportFileReport importOrderFile(const QString &path, models::OrderImportSink &sink,
                                 const OrderFileOptions &options, const QString &userName,
                                 const ImportProgressFn &progress = {});

// The first orders of a file, for a preview before importing: its format, up to
// `maxOrders` orders, and why it would be rejected (empty when it would not).
struct OrderFilePreview
{
    std::optional<OrderFileFormat> format;
    QString rejection;
    QList<models::ImportedOrder> orders;
};
OrderFilePreview previewOrderFile(const QString &path, const OrderFileOptions &options,
                                  int maxOrders = 20);

} // namespace importers
