#include "app/commands.h"
#include "app/console.h"
#include "app/opendatabase.h"
#include "app/osuser.h"
#include "storage/database.h"
#include "storage/sqlallocator.h"
#include "storage/sqlautomation.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace app {

namespace {

QJsonObject asJson(const storage::AllocationSummary &s)
{
    QJsonObject held;
    for (auto it = s.heldByKind.cbegin(); it != s.heldByKind.cend(); ++it)
        held.insert(it.key(), it.value());
    QJsonObject out;
    out.insert(QStringLiteral("considered"), s.considered);
    out.insert(QStringLiteral("ready"), s.ready);
    out.insert(QStringLiteral("split"), s.split);
    out.insert(QStringLiteral("backordered"), s.backordered);
    out.insert(QStringLiteral("held"), s.held);
    out.insert(QStringLiteral("held_by_reason"), held);
    out.insert(QStringLiteral("unchanged"), s.unchanged);
    return out;
}

QString asText(const storage::AllocationSummary &s)
{
    const QLocale en(QLocale::English);
    QStringList reasons;
    for (auto it = s.heldByKind.cbegin(); it != s.heldByKind.cend(); ++it)
        reasons.append(QStringLiteral("%1 %2").arg(it.key(), en.toString(it.value())));
    QString text =
        QStringLiteral("Allocated %1 order(s): %2 ready, %3 split, %4 backordered, %5 held")
            .arg(en.toString(s.considered), en.toString(s.ready), en.toString(s.split),
                 en.toString(s.backordered), en.toString(s.held));
    if (!reasons.isEmpty())
        text += QStringLiteral(" (%1)").arg(reasons.join(QStringLiteral(", ")));
    if (s.unchanged > 0)
        text += QStringLiteral("; %1 still waiting or already done").arg(en.toString(s.unchanged));
    return text + QLatin1Char('.');
}

} // namespace

int runAllocateCommand(const CommandLine &cl)
{
    // Allocation never creates a database: a mistyped path is a usage error.
    const OpenedDatabase opened = openExistingDatabase(cl.databasePath, QStringLiteral("allocate"));
    if (!opened.database)
        return opened.missing ? 2 : 1;
    // The owner's automation rules act on the new orders first (hold, priority, route).
    const models::Result<storage::RulesRunSummary> rules =
        storage::applyRulesToNewOrders(opened.database->connection(), osUserName());
    if (!rules.ok()) {
        printError(QStringLiteral("allocate: automation rules: %1").arg(rules.error()));
        return 1;
    }
    if (rules.value().ordersChanged > 0 && !cl.json)
        printOut(QStringLiteral("Automation rules changed %1 order(s), %2 held.")
                     .arg(rules.value().ordersChanged)
                     .arg(rules.value().held));
    const models::Result<storage::AllocationSummary> summary =
        storage::allocateNewOrders(opened.database->connection());
    if (!summary.ok()) {
        printError(QStringLiteral("allocate: %1").arg(summary.error()));
        return 1;
    }
    if (cl.json)
        printOut(QString::fromUtf8(
            QJsonDocument(asJson(summary.value())).toJson(QJsonDocument::Compact)));
    else
        printOut(asText(summary.value()));
    return 0;
}

} // namespace app
