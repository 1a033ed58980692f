#pragma once

#include "models/result.h"
#include "models/stockoperations.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace storage {

// Cycle counts: a sheet per bin (or per location), counts entered or scanned, a
// variance per line, and the corrections posted as 'count_correction' movements in
// one transaction.
//
// Stock that moves while a count is under way: each line records what the system held
// at the moment its count was entered (on_hand_at_count), and the correction posted is
// counted - on_hand_at_count. A pick or a receipt between printing and counting is
// therefore not mistaken for a variance, and one after counting is kept on top of the
// correction. Re-entering a line's count takes a fresh snapshot.

// A count sheet for one bin, or every product held at the location when `binId` is 0.
// Each line expects the on-hand figure at that moment. Returns the count's id.
models::Result<qint64> startCount(const QSqlDatabase &db, qint64 locationId, qint64 binId,
                                  const QString &user, const QDateTime &atUtc = {});

// The count with its lines in walk order (pick sequence, bin, SKU).
models::Result<models::StockCount> loadCount(const QSqlDatabase &db, qint64 countId);
models::Result<QList<models::StockCount>> openCounts(const QSqlDatabase &db);

// Records a line's count. A product not on the sheet (found in the bin) gets a line of
// its own, expected at what the system holds.
models::Status enterCount(const QSqlDatabase &db, qint64 countId, qint64 productId, int counted,
                          const QString &user, const QDateTime &atUtc = {});

// Posts every counted line's correction in one transaction and closes the count.
// Refused as a whole, naming the SKU, when a correction would take on hand below what
// is reserved for orders.
models::Result<models::CountPostSummary>
postCount(const QSqlDatabase &db, qint64 countId, const QString &user, const QDateTime &atUtc = {});

// The location's bins in walk order.
models::Result<QList<models::StockChoice>> locationBins(const QSqlDatabase &db, qint64 locationId);

} // namespace storage
