#include "app/commands.h"
#include "app/console.h"
#include "app/opendatabase.h"
#include "importers/channelstockfeed.h"
#include "storage/database.h"
#include "storage/sqlchannelstock.h"

#include <QFile>
#include <QSaveFile>

namespace app {

// backroom export stock --channel shopify|amazon|ebay [--db PATH] --out FILE
// Each channel's own inventory upload file, with what every listing may show.
int runExportStockCommand(const CommandLine &cl)
{
    const QString channel = cl.channel;
    if (channel != QLatin1String("shopify") && channel != QLatin1String("amazon") &&
        channel != QLatin1String("ebay")) {
        printError(
            QStringLiteral("export stock needs --channel shopify, amazon or ebay%1")
                .arg(channel.isEmpty() ? QString() : QStringLiteral(", not \"%1\"").arg(channel)));
        return 2;
    }
    if (cl.out.isEmpty()) {
        printError(QStringLiteral("export stock needs --out FILE (the upload file to write)"));
        return 2;
    }
    const OpenedDatabase opened =
        openExistingDatabase(cl.databasePath, QStringLiteral("export stock"));
    if (!opened.database)
        return 2;
    const models::Result<models::ChannelStockFeed> feed =
        storage::readChannelStock(opened.database->connection(), channel);
    if (!feed.ok()) {
        printError(QStringLiteral("export stock: %1").arg(feed.error()));
        return 2;
    }
    const QByteArray bytes =
        channel == QLatin1String("shopify")  ? importers::shopifyInventoryCsv(feed.value())
        : channel == QLatin1String("amazon") ? importers::amazonPriceQuantityTxt(feed.value())
                                             : importers::ebayQuantityCsv(feed.value());

    // The file appears whole or not at all.
    QSaveFile file(cl.out);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        printError(
            QStringLiteral("export stock: cannot write %1: %2").arg(cl.out, file.errorString()));
        return 2;
    }
    int listed = 0;
    qint64 units = 0;
    for (const models::ChannelStockRow &r : feed.value().rows) {
        listed += r.quantity > 0 ? 1 : 0;
        units += r.quantity;
    }
    printOut(QStringLiteral("%1: %2 listings written to %3, %4 with stock (%5 in all), buffer %6")
                 .arg(feed.value().channelName)
                 .arg(feed.value().rows.size())
                 .arg(cl.out)
                 .arg(listed)
                 .arg(units)
                 .arg(feed.value().buffer));
    return 0;
}

} // namespace app
