#pragma once

#include "models/packbox.h"
#include "models/packorder.h"
#include "models/packsession.h"
#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace models {

// One line of the bench's scan log.
struct PackScanRecord
{
    qint64 orderId = 0; // 0: no order loaded (or the code found none)
    QString code;       // what was scanned or typed
    ScanResult result = ScanResult::Unknown;
    int units = 0; // units it added (negative for an undo)
    QString detail;
};

// What the bench records when the last item of an order is scanned.
struct PackCompletion
{
    qint64 orderId = 0;
    QString boxCode;     // empty: no box known
    int weightGrams = 0; // typed, or estimated from the items and the box
    bool weightEstimated = false;
    int units = 0; // items packed
};

// One packer's work over a period.
struct PackerFigures
{
    QString packer;
    int orders = 0;
    int items = 0;
    int misScans = 0;
    double hours = 0; // first to last scan, at least a quarter of an hour
    double ordersPerHour() const { return hours > 0 ? orders / hours : 0; }
    double itemsPerHour() const { return hours > 0 ? items / hours : 0; }
};

// The bench's figures over a period: order accuracy is the share of orders packed
// with no wrong, unknown or one-too-many scan; the mis-scan rate is those scans
// over every item scan.
struct PackFigures
{
    int ordersPacked = 0;
    int ordersAccurate = 0;
    int itemScans = 0; // right + wrong + over + unknown
    int misScans = 0;
    QList<PackerFigures> packers;
    double accuracy() const { return ordersPacked ? double(ordersAccurate) / ordersPacked : 1.0; }
    double misScanRate() const { return itemScans ? double(misScans) / itemScans : 0.0; }
};

// The pack bench's data: finding an order from what is scanned, naming a product
// from any of its codes, logging every scan, and recording the packed order.
// storage/ implements it over the database; tests pass fakes.
class PackBenchSource
{
public:
    virtual ~PackBenchSource() = default;

    // The order a scanned code names: its order number as the queue shows it
    // ("#1001", with or without "#"; an Amazon order id), a pick-list slot
    // ("PL-000012-03"), or the order code of a label ("BR:shopify:1001"). Refuses an
    // order that cannot be packed now, saying why ("#1001 is already packed").
    virtual Result<PackOrder> findOrder(const QString &code) = 0;
    // The product a code belongs to, from any barcode, SKU or channel SKU.
    virtual std::optional<ScannedProduct> identify(const QString &code) = 0;
    virtual Result<QList<PackBox>> boxes() = 0;
    virtual Status logScan(const PackScanRecord &scan) = 0;
    // Marks the order packed (one transaction: status, timeline, box, weight, log).
    virtual Status markPacked(const PackCompletion &completion) = 0;
    // A weight typed after the order was marked packed.
    virtual Status recordWeight(qint64 orderId, int grams) = 0;
    virtual Result<PackFigures> figuresSince(const QDateTime &sinceUtc) = 0;
    // Who packs and where, as logged.
    virtual QString packer() const = 0;
    virtual QString station() const = 0;
};

} // namespace models
