#pragma once

#include "models/result.h"
#include "models/stockoperations.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace storage {

// A hand adjustment (models::checkAdjustment) as one ledger movement, in one
// transaction; stock found is offered to waiting backorders in the same transaction.
// Returns the movement's id.
models::Result<qint64> adjustStock(const QSqlDatabase &db,
                                   const models::StockAdjustment &adjustment, const QString &user,
                                   const QDateTime &atUtc = {});

// The product's movements, oldest first, with running balances per location and in
// total; one location, or every location when `locationId` is 0.
models::Result<models::ProductLedger> productLedger(const QSqlDatabase &db, qint64 productId,
                                                    qint64 locationId);

// The product a scanned barcode or a typed SKU names; 0 when none.
models::Result<qint64> findProductByCode(const QSqlDatabase &db, const QString &code);

// "Order 1001", "PO PO-7", "Transfer 3" ...: how the ledger names what a movement refers to.
QString referenceLabel(const QString &type, const QString &id);

} // namespace storage
