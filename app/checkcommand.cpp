#include "app/commands.h"
#include "app/console.h"
#include "app/opendatabase.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlreconciliation.h"

#include <QDateTime>
#include <QLocale>

namespace app {

int runCheckCommand(const CommandLine &cl)
{
    const OpenedDatabase opened = openExistingDatabase(cl.databasePath, QStringLiteral("check"));
    if (!opened.database)
        return 2;
    models::Result<storage::ConsistencyReport> report =
        storage::checkConsistency(opened.database->connection());
    if (!report.ok()) {
        printError(report.error());
        return 2;
    }
    const QLocale en(QLocale::English);
    for (const QString &problem : report->problems)
        printOut(problem);
    // The stock reconciliation of the last 30 days (UTC): cycle counts off by more than
    // 1 % and the inventory accuracy, for information; they do not fail the check.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    if (models::Result<models::ReconciliationReport> stock =
            storage::reconcileStock(opened.database->connection(), today.addDays(-29), today);
        stock.ok()) {
        for (const QString &note : storage::countVariances(stock.value()))
            printOut(QStringLiteral("note: %1").arg(note));
        if (stock->accuracy() >= 0)
            printOut(QStringLiteral("inventory accuracy (last 30 days): %1 % of %2 counted "
                                    "lines within 1 %")
                         .arg(stock->accuracy() * 100, 0, 'f', 1)
                         .arg(en.toString(stock->countLines)));
    }
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
