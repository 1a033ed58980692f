#include "app/commands.h"
#include "app/console.h"
#include "app/opendatabase.h"
#include "app/osuser.h"
#include "storage/database.h"
#include "storage/sqlallocator.h"
#include "storage/sqlskumapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace app {

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

int listUnknown(const storage::Database &db, const CommandLine &cl)
{
    const models::Result<QList<storage::UnknownSku>> skus =
        storage::listUnknownSkus(db.connection());
    if (!skus.ok()) {
        printError(QStringLiteral("skus unknown: %1").arg(skus.error()));
        return 1;
    }
    if (cl.json) {
        QJsonArray rows;
        for (const storage::UnknownSku &s : skus.value())
            rows.append(QJsonObject{{QStringLiteral("channel"), s.channelCode},
                                    {QStringLiteral("channel_sku"), s.channelSku},
                                    {QStringLiteral("held_orders"), s.heldOrders},
                                    {QStringLiteral("lines"), s.lines},
                                    {QStringLiteral("first_title"), s.firstTitle}});
        printOut(compact(QJsonObject{{QStringLiteral("unknown_skus"), rows}}));
        return 0;
    }
    if (skus->isEmpty()) {
        printOut(QStringLiteral("No held order waits on an unknown SKU."));
        return 0;
    }
    const QLocale en(QLocale::English);
    printOut(
        QStringLiteral("%1 channel SKU(s) wait for a product:").arg(en.toString(skus->size())));
    for (const storage::UnknownSku &s : skus.value())
        printOut(QStringLiteral("  %1  %2  %3 held order(s), %4 line(s)  \"%5\"")
                     .arg(s.channelCode, s.channelSku, en.toString(s.heldOrders),
                          en.toString(s.lines), s.firstTitle));
    printOut(QStringLiteral("Map one with: backroom skus map --channel %1 --channel-sku %2 "
                            "--sku YOUR-SKU [--units N]")
                 .arg(skus->constFirst().channelCode, skus->constFirst().channelSku));
    return 0;
}

int map(const storage::Database &db, const CommandLine &cl)
{
    const QString user = osUserName();
    const models::Result<storage::SkuMappingResult> mapped =
        storage::mapChannelSku(db.connection(), cl.channel, cl.channelSku, cl.sku, cl.units, user);
    if (!mapped.ok()) {
        printError(QStringLiteral("skus map: %1").arg(mapped.error()));
        return 1;
    }
    const storage::SkuMappingResult &m = mapped.value();

    // Released orders are new again; allocating now spares a separate run.
    std::optional<storage::AllocationSummary> allocation;
    if (cl.allocate) {
        storage::AllocationOptions options;
        options.user = user;
        const models::Result<storage::AllocationSummary> summary =
            storage::allocateNewOrders(db.connection(), options);
        if (!summary.ok()) {
            printError(QStringLiteral("skus map: the mapping is saved but allocating failed: %1")
                           .arg(summary.error()));
            return 1;
        }
        allocation = summary.value();
    }

    if (cl.json) {
        QJsonObject out{{QStringLiteral("channel"), cl.channel},
                        {QStringLiteral("channel_sku"), cl.channelSku},
                        {QStringLiteral("sku"), cl.sku},
                        {QStringLiteral("units_per_listing"), cl.units},
                        {QStringLiteral("replaced_sku"),
                         m.replacedProductSku ? QJsonValue(*m.replacedProductSku) : QJsonValue()},
                        {QStringLiteral("lines_remapped"), m.linesRemapped},
                        {QStringLiteral("orders_released"), m.ordersReleased},
                        {QStringLiteral("orders_still_held"), m.ordersStillHeld}};
        if (allocation)
            out.insert(QStringLiteral("allocation"),
                       QJsonObject{{QStringLiteral("considered"), allocation->considered},
                                   {QStringLiteral("ready"), allocation->ready},
                                   {QStringLiteral("split"), allocation->split},
                                   {QStringLiteral("backordered"), allocation->backordered},
                                   {QStringLiteral("held"), allocation->held}});
        printOut(compact(out));
        return 0;
    }

    const QLocale en(QLocale::English);
    QString text = QStringLiteral("%1 %2 is now %3 (%4)")
                       .arg(cl.channel, cl.channelSku, cl.sku, m.productName);
    if (cl.units > 1)
        text += QStringLiteral(", %1 units per listing").arg(en.toString(cl.units));
    if (m.replacedProductSku)
        text += QStringLiteral(", instead of %1").arg(*m.replacedProductSku);
    text += QStringLiteral(". %1 line(s) re-mapped; %2 order(s) released, %3 still on hold.")
                .arg(en.toString(m.linesRemapped), en.toString(m.ordersReleased),
                     en.toString(m.ordersStillHeld));
    printOut(text);
    if (allocation)
        printOut(QStringLiteral("Allocated %1 order(s): %2 ready, %3 split, %4 backordered, "
                                "%5 held.")
                     .arg(en.toString(allocation->considered), en.toString(allocation->ready),
                          en.toString(allocation->split), en.toString(allocation->backordered),
                          en.toString(allocation->held)));
    else if (m.ordersReleased > 0)
        printOut(QStringLiteral("Run backroom allocate to reserve stock for the released "
                                "orders."));
    return 0;
}

} // namespace

int runSkusCommand(const CommandLine &cl)
{
    // Neither lists nor maps anything in a database that is not there: a mistyped
    // path is a usage error, not a new empty shop.
    const OpenedDatabase opened = openExistingDatabase(cl.databasePath, QStringLiteral("skus"));
    if (!opened.database)
        return opened.missing ? 2 : 1;
    if (cl.what == QLatin1String("map"))
        return map(*opened.database, cl);
    return listUnknown(*opened.database, cl);
}

} // namespace app
