#pragma once

#include "models/result.h"

#include <QDate>
#include <QString>

#include <functional>

namespace app {

struct DemoOptions
{
    qint64 orders = 5000;
    quint64 seed = 1;
    QDate today; // orders span the 180 days before this day; default: today (UTC)
    int products = 2000;
};

struct DemoSummary
{
    qint64 orders = 0;
    qint64 orderLines = 0;
    qint64 products = 0;
    qint64 movements = 0;
    qint64 customers = 0;
    qint64 returns = 0;
};

// Progress: orders written so far, of the total; return false to cancel.
using DemoProgress = std::function<bool(qint64 done, qint64 total)>;

// Writes a realistic, deterministic demo shop into a new database file at `path`
// (3 channels, 4 locations, suppliers, products with barcodes and bins, a stock
// ledger that adds up, and `orders` orders over the last 180 days). The same
// options give the same content. The file appears only when complete: an existing
// file is replaced, a failed or cancelled run leaves whatever was there before.
models::Result<DemoSummary> writeDemoShop(const QString &path, const DemoOptions &options,
                                          const DemoProgress &progress = {});

} // namespace app
