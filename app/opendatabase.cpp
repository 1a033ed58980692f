#include "app/opendatabase.h"

#include "app/console.h"

#include <QFileInfo>

namespace app {

OpenedDatabase openExistingDatabase(const QString &path, const QString &command)
{
    OpenedDatabase out;
    if (!QFileInfo::exists(path)) {
        printError(QStringLiteral("%1: %2 does not exist").arg(command, path));
        out.missing = true;
        return out;
    }
    models::Result<std::unique_ptr<storage::Database>> db = storage::Database::open(path);
    if (!db.ok()) {
        printError(db.error());
        return out;
    }
    out.database = std::move(db.value());
    return out;
}

} // namespace app
