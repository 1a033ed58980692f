#include "app/commands.h"
#include "app/console.h"
#include "app/jsonwriter.h"
#include "app/opendatabase.h"
#include "storage/database.h"
#include "storage/sqlreordersource.h"
#include "storage/sqlrun.h"

#include <QLocale>

#include <cstdio>

namespace app {

namespace {

// One suggestion per line, keys in a fixed order, so a script can stream it.
QByteArray jsonLine(const models::ReorderSuggestion &s)
{
    const models::ReorderOutcome &o = s.outcome;
    QByteArray out = "{\"sku\":" + jsonString(s.sku) + ",\"product\":" + jsonString(s.productName) +
                     ",\"location\":" + jsonString(s.locationCode) + ",\"supplier\":" +
                     (s.supplierId ? jsonString(s.supplierName) : QByteArray("null"));
    out += ",\"on_hand\":" + QByteArray::number(s.onHand) +
           ",\"reserved\":" + QByteArray::number(s.reserved) +
           ",\"inbound\":" + QByteArray::number(s.inbound) +
           ",\"daily_demand\":" + QByteArray::number(o.dailyDemand, 'f', 3) +
           ",\"lead_time_days\":" + QByteArray::number(o.leadTimeDays) +
           ",\"safety_stock\":" + QByteArray::number(o.safetyStock) +
           ",\"reorder_point\":" + QByteArray::number(o.reorderPoint) +
           ",\"suggested_quantity\":" + QByteArray::number(o.suggestedQuantity) +
           ",\"method\":" + jsonString(models::forecastMethodCode(o.forecast.method)) +
           ",\"method_error\":" + QByteArray::number(o.forecast.error, 'f', 3) +
           ",\"explanation\":" + jsonString(o.explanation) + "}";
    return out;
}

} // namespace

int runReorderCommand(const CommandLine &cl)
{
    // Suggestions never create a database: a mistyped path is a usage error.
    const OpenedDatabase opened = openExistingDatabase(cl.databasePath, QStringLiteral("reorder"));
    if (!opened.database)
        return opened.missing ? 2 : 1;
    models::ReorderQuery query;
    if (!cl.location.isEmpty()) {
        const models::Result<QVariant> id = storage::queryScalar(
            opened.database->connection(),
            QStringLiteral("SELECT id FROM locations WHERE code = ?"), {cl.location});
        if (!id.ok()) {
            printError(QStringLiteral("reorder: no location with code \"%1\"").arg(cl.location));
            return 2;
        }
        query.locationId = id.value().toLongLong();
    }
    storage::SqlReorderSource source(opened.database->connection());
    const models::Result<QList<models::ReorderSuggestion>> rows = source.suggestions(query);
    if (!rows.ok()) {
        printError(QStringLiteral("reorder: %1").arg(rows.error()));
        return 1;
    }

    // Only what needs ordering: the full list is the Reorder screen's.
    int listed = 0;
    const QLocale en(QLocale::English);
    for (const models::ReorderSuggestion &s : rows.value()) {
        if (s.outcome.suggestedQuantity <= 0)
            continue;
        ++listed;
        if (cl.json) {
            const QByteArray line = jsonLine(s) + '\n';
            std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
        } else {
            printOut(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                         .arg(s.supplierId ? s.supplierName : QStringLiteral("(no supplier)"),
                              s.sku, s.locationCode, en.toString(s.outcome.suggestedQuantity),
                              s.outcome.explanation));
        }
    }
    std::fflush(stdout);
    if (!cl.json)
        printOut(QStringLiteral("%1 of %2 product × location rows to reorder.")
                     .arg(en.toString(listed), en.toString(rows->size())));
    return 0;
}

} // namespace app
