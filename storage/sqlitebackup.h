#pragma once

#include "models/result.h"

#include <QString>

namespace storage {

// Copies a live database with SQLite's online backup API: a consistent snapshot
// even while Backroom writes to it. The copy is written beside the target and
// renamed into place only when complete, so a failed backup leaves nothing half-written.
models::Status backupSqliteDatabase(const QString &sourcePath, const QString &targetPath);

} // namespace storage
