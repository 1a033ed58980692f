#pragma once

#include "models/result.h"

#include <QSqlDatabase>

namespace storage {

// Indexes the orders, lines and shipments written since the search index was last
// brought up to date (search_pending, migration 0005), in one transaction. Imports
// do this themselves as they finish; a writer that adds orders another way (the demo
// shop, a bulk load) calls it after. Search finds waiting rows either way, only more
// slowly while many wait.
models::Status indexPendingSearch(const QSqlDatabase &db);

// The same a slice at a time: up to `maxRowsPerKind` waiting orders, lines and
// shipments (oldest first) in one short transaction, so a large backlog (a freshly
// written demo shop of a million orders) is worked off without holding the write
// lock for long. Returns how many rows it indexed; 0 means nothing waits.
models::Result<qint64> indexPendingSearchSlice(const QSqlDatabase &db, int maxRowsPerKind);

// One step of merging the search indexes' segments (automerge is off, see 0005):
// at most `pages` pages of each index, in one short transaction. Returns whether it
// did any work; false means the indexes are as merged as FTS5 makes them.
models::Result<bool> mergeSearchSegments(const QSqlDatabase &db, int pages);

} // namespace storage
