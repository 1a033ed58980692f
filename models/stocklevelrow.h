#pragma once

#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace models {

// One product at one location, as the Stock screen lists it.
struct StockLevelRow
{
    qint64 productId = 0;
    qint64 locationId = 0;
    QString sku;
    QString productName;
    QString locationCode;
    QString binCode;      // every bin of the product at the location: "A-01-2, B-03-1"
    QStringList binCodes; // the same, one by one, the primary first
    int onHand = 0;
    int reserved = 0;
    // Open purchase orders for this location: ordered minus received on orders sent
    // or partly received.
    int inbound = 0;
    // Transfers shipped to this location and not yet received.
    int inTransit = 0;
    int reorderPoint = 0; // the product's reorder minimum
    QDateTime lastMovementUtc;

    int available() const { return onHand - reserved; }
    // What can still be promised to new orders: available now plus what is on its way.
    int availableToPromise() const { return available() + inbound + inTransit; }
};

// Which rows the Stock screen shows. Every criterion set narrows it.
struct StockFilter
{
    qint64 locationId = 0;          // 0: every location
    qint64 supplierId = 0;          // 0: every supplier
    bool belowReorderPoint = false; // available below the product's reorder point
    bool outOfStock = false;        // nothing available
    int noMovementDays = 0;         // > 0: no movement in that many days
    // A barcode (exact), or the start of a SKU, or part of a SKU or name.
    QString search = {};
    QDateTime nowUtc = {}; // what "N days" counts back from; invalid: the clock

    bool isEmpty() const
    {
        return locationId == 0 && supplierId == 0 && !belowReorderPoint && !outOfStock &&
               noMovementDays <= 0 && search.trimmed().isEmpty();
    }
    friend bool operator==(const StockFilter &, const StockFilter &) = default;
};

// A location or supplier the list can be narrowed to.
struct StockChoice
{
    qint64 id = 0;
    QString label;
};

// Where the stock model gets its rows; storage/ implements it over SQL.
// Implementations answer a page at any offset without reading the rows before it.
class StockLevelSource
{
public:
    virtual ~StockLevelSource() = default;
    virtual void setFilter(const StockFilter &) {}
    virtual Result<qint64> count() = 0;
    virtual Result<QList<StockLevelRow>> fetch(qint64 offset, int limit) = 0;

    // What the filter bar offers.
    virtual Result<QList<StockChoice>> locations() { return QList<StockChoice>(); }
    virtual Result<QList<StockChoice>> suppliers() { return QList<StockChoice>(); }
};

} // namespace models
