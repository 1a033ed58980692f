#include "app/commands.h"
#include "app/console.h"
#include "storage/sqlitebackup.h"

#include <QFileInfo>

namespace app {

int runBackupCommand(const CommandLine &cl)
{
    if (cl.to.isEmpty()) {
        printError(QStringLiteral("backup needs --to FILE"));
        return 2;
    }
    if (QFileInfo(cl.to).absoluteFilePath() == QFileInfo(cl.databasePath).absoluteFilePath()) {
        printError(QStringLiteral("backup: --to must be another file than the database"));
        return 2;
    }
    if (models::Status s = storage::backupSqliteDatabase(cl.databasePath, cl.to); !s) {
        printError(s.error());
        return 2;
    }
    printOut(QStringLiteral("Backed up %1 to %2 (%3 bytes).")
                 .arg(cl.databasePath, cl.to)
                 .arg(QFileInfo(cl.to).size()));
    return 0;
}

} // namespace app
