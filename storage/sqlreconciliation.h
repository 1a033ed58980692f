#pragma once

#include "models/result.h"
#include "models/stockoperations.h"

#include <QDate>
#include <QSqlDatabase>
#include <QStringList>

#include <atomic>

namespace storage {

// The stock reconciliation for days [from, to] (UTC), per product and location:
// opening balance + received + shipped + returns + transfers + adjustments + count
// corrections = closing, all from the ledger. Flags every pair whose
// stock_levels.on_hand differs from the sum of its movements, and every pair with a
// cycle count in the range that differed from the system by more than 1 %; the
// inventory-accuracy figure is the share of counted lines within that 1 %.
// Rows: each pair that moved in the range or is flagged, flagged ones first.
// Stops early (report.cancelled) when `cancel` turns true.
models::Result<models::ReconciliationReport>
reconcileStock(const QSqlDatabase &db, const QDate &from, const QDate &to,
               const std::atomic_bool *cancel = nullptr);

// One line per pair whose on hand differs from its ledger, in the words `backroom check`
// prints ("stock ledger: MUG-01 at WH1: on hand says 12 but its movements add up to 13").
QStringList ledgerDifferences(const models::ReconciliationReport &report);
// One line per pair whose cycle count in the range was off by more than 1 %.
QStringList countVariances(const models::ReconciliationReport &report);

} // namespace storage
