#pragma once

#include "models/result.h"
#include "models/stockmovement.h"

#include <QSqlDatabase>

namespace storage {

// Records one movement in the ledger and moves the location's on-hand figure with it,
// in one transaction. A movement that would take on hand below what is reserved (or
// below zero) is refused unless the location allows backorders (models::StockRule).
// Returns the movement's id. Receipts should be followed by fillBackorders().
models::Result<qint64> recordStockMovement(const QSqlDatabase &db,
                                           const models::StockMovement &movement);

// The same, for a caller that already holds a write transaction (storage::Transaction)
// and commits the movement together with its own changes: nothing is committed here.
models::Result<qint64> recordStockMovementInTransaction(const QSqlDatabase &db,
                                                        const models::StockMovement &movement);

} // namespace storage
