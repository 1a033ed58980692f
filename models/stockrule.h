#pragma once

#include "models/result.h"

#include <QList>

namespace models {

// The figures kept for one product at one location.
struct StockLevel
{
    qint64 productId = 0;
    qint64 locationId = 0;
    int onHand = 0;
    int reserved = 0;

    int available() const { return onHand - reserved; }
};

// The rules every stock change must keep.
class StockRule
{
public:
    // on hand is the sum of the ledger's movements, nothing else.
    static int onHandFromMovements(const QList<int> &movementQuantities);

    // A level is sound when reserved is never negative and never exceeds on hand,
    // unless the location allows backorders (reserving stock not yet there).
    static Status checkLevel(const StockLevel &level, bool backordersAllowed);

    // Applies a movement to a level, refusing one that would take on hand below
    // what is reserved (or below zero) when backorders are not allowed.
    static Status applyMovement(StockLevel &level, int quantity, bool backordersAllowed);

    // Reserves `quantity`, refusing when fewer are available and backorders are not allowed.
    static Status reserve(StockLevel &level, int quantity, bool backordersAllowed);
};

} // namespace models
