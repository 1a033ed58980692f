#pragma once

#include "models/result.h"

#include <QSqlDatabase>
#include <QString>

namespace storage {

// Purchase orders are numbered in one shop-wide sequence, "PO-00042", whether the
// Reorder screen drafted them or a person raised them on the Purchasing screen. Read
// the last number inside the write transaction that inserts the next ones.
models::Result<qint64> lastPurchaseOrderSequence(const QSqlDatabase &db);
QString purchaseOrderNumber(qint64 sequence);

} // namespace storage
