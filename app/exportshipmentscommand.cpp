#include "app/commands.h"
#include "app/console.h"
#include "app/opendatabase.h"
#include "app/shipmentconfirmations.h"
#include "storage/database.h"
#include "storage/sqlshipmentexport.h"

#include <QFile>
#include <QSaveFile>

namespace app {

// backroom export shipments --channel amazon|ebay|shopify [--since YYYY-MM-DD] [--out FILE]
int runExportShipmentsCommand(const CommandLine &cl)
{
    const std::unique_ptr<ShipmentConfirmationWriter> writer =
        ShipmentConfirmationWriter::forChannel(cl.channel);
    if (!writer) {
        printError(cl.channel.isEmpty()
                       ? QStringLiteral("export shipments needs --channel amazon, ebay or shopify")
                       : QStringLiteral("export shipments: no shipping confirmation for channel "
                                        "\"%1\"; use amazon, ebay or shopify")
                             .arg(cl.channel));
        return 2;
    }
    const OpenedDatabase opened = openExistingDatabase(cl.databasePath, QStringLiteral("export"));
    if (!opened.database)
        return 2;

    // A file appears whole or not at all.
    QFile stdoutFile;
    QSaveFile saveFile(cl.out);
    QIODevice *device = nullptr;
    if (cl.out.isEmpty()) {
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)) {
            printError(QStringLiteral("export: cannot write to standard output"));
            return 2;
        }
        device = &stdoutFile;
    } else {
        if (!saveFile.open(QIODevice::WriteOnly)) {
            printError(
                QStringLiteral("export: cannot write %1: %2").arg(cl.out, saveFile.errorString()));
            return 2;
        }
        device = &saveFile;
    }

    QByteArray buffer = writer->header();
    bool failed = false;
    qint64 rows = 0;
    const models::Status exported = storage::forEachShippedLine(
        opened.database->connection(), cl.channel, cl.since, [&](const storage::ShippedLine &line) {
            buffer += writer->row(line);
            ++rows;
            if (buffer.size() > (1 << 20)) {
                failed = device->write(buffer) != buffer.size();
                buffer.clear();
            }
            return !failed;
        });
    if (!exported) {
        printError(exported.error());
        return 2;
    }
    if (!failed)
        failed = device->write(buffer) != buffer.size();
    if (failed || (!cl.out.isEmpty() && !saveFile.commit())) {
        printError(QStringLiteral("export: writing %1 failed")
                       .arg(cl.out.isEmpty() ? QStringLiteral("standard output") : cl.out));
        return 2;
    }
    if (cl.out.isEmpty())
        stdoutFile.flush();
    else
        printOut(QStringLiteral("Wrote %1 shipped %2 to %3")
                     .arg(rows)
                     .arg(rows == 1 ? QStringLiteral("line") : QStringLiteral("lines"), cl.out));
    return 0;
}

} // namespace app
