#pragma once

#include "models/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace storage {

struct ConsistencyReport
{
    QStringList problems; // one line each, naming the table, product and location
    qint64 stockLevelsChecked = 0;
    qint64 movementsChecked = 0;
    bool clean() const { return problems.isEmpty(); }
};

// Proves the database can be trusted: SQLite's integrity_check and foreign-key
// check, then the stock invariants (on hand = sum of the ledger; reserved = active
// reservations; nothing negative; reserved within on hand where backorders are off;
// every active reservation belongs to an order that holds stock, for the line's own
// product, and no line reserves more than it wants).
// `backroom check` and the Reports screen use the same code.
models::Result<ConsistencyReport> checkConsistency(const QSqlDatabase &db);

} // namespace storage
