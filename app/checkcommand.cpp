#include "app/commands.h"
#include "app/console.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"

#include <QFileInfo>
#include <QLocale>

namespace app {

int runCheckCommand(const CommandLine &cl)
{
    if (!QFileInfo::exists(cl.databasePath)) {
        printError(QStringLiteral("check: %1 does not exist").arg(cl.databasePath));
        return 2;
    }
    models::Result<std::unique_ptr<storage::Database>> db =
        storage::Database::open(cl.databasePath);
    if (!db.ok()) {
        printError(db.error());
        return 2;
    }
    models::Result<storage::ConsistencyReport> report =
        storage::checkConsistency(db.value()->connection());
    if (!report.ok()) {
        printError(report.error());
        return 2;
    }
    const QLocale en(QLocale::English);
    for (const QString &problem : report->problems)
        printOut(problem);
    if (!report->clean()) {
        printOut(QStringLiteral("%1: %2 problem(s) found.")
                     .arg(cl.databasePath, en.toString(report->problems.size())));
        return 1;
    }
    printOut(QStringLiteral("%1: integrity ok; %2 stock levels agree with %3 ledger movements.")
                 .arg(cl.databasePath, en.toString(report->stockLevelsChecked),
                      en.toString(report->movementsChecked)));
    return 0;
}

} // namespace app
