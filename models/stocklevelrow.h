#pragma once

#include "models/result.h"

#include <QList>
#include <QString>

namespace models {

// One product at one location, as the Stock screen lists it.
struct StockLevelRow
{
    qint64 productId = 0;
    qint64 locationId = 0;
    QString sku;
    QString productName;
    QString locationCode;
    QString binCode;
    int onHand = 0;
    int reserved = 0;
    int available() const { return onHand - reserved; }
};

// Where the stock model gets its rows; storage/ implements it over SQL.
class StockLevelSource
{
public:
    virtual ~StockLevelSource() = default;
    virtual Result<qint64> count() = 0;
    virtual Result<QList<StockLevelRow>> fetch(qint64 offset, int limit) = 0;
};

} // namespace models
