#pragma once

#include "storage/database.h"

#include <QString>

#include <memory>

namespace app {

// A command's database, opened only if the file is already there: no command but
// `demo` ever creates a shop, so a mistyped path is a usage error, not a new file.
struct OpenedDatabase
{
    std::unique_ptr<storage::Database> database; // null: the message is printed
    bool missing = false;                        // the file is not there at all
};

// `command` starts the "does not exist" message ("export: shop.db does not exist");
// an error opening the file is printed as the storage layer words it.
OpenedDatabase openExistingDatabase(const QString &path, const QString &command);

} // namespace app
