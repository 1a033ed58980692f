#include "app/commands.h"
#include "app/console.h"
#include "app/importtotalsoutput.h"
#include "app/jsonwriter.h"
#include "app/osuser.h"
#include "importers/api/orderpull.h"
#include "storage/sqlorderimportsink.h"

#include <QFile>
#include <QLocale>

#include <cstdio>

namespace app {

namespace {

namespace api = importers::api;

QByteArray jsonReport(const api::PullReport &r)
{
    const models::ImportRunTotals &t = r.totals;
    QByteArray out = "{\"channel\":" + jsonString(r.channel) +
                     ",\"source\":" + jsonString(r.source) +
                     ",\"status\":" + jsonString(api::pullStatusCode(r.status));
    if (r.status != api::PullReport::Status::Pulled)
        out += ",\"message\":" + jsonString(r.message);
    out += ",\"pages\":" + QByteArray::number(r.pages) +
           ",\"requests\":" + QByteArray::number(r.requests) +
           ",\"orders_read\":" + QByteArray::number(t.rowsRead) + jsonImportTotals(t, "order") +
           "}\n";
    return out;
}

void printHuman(const api::PullReport &r)
{
    const QLocale en(QLocale::English);
    const models::ImportRunTotals &t = r.totals;
    if (r.status != api::PullReport::Status::Pulled) {
        // The message names the channel, the account and the page itself.
        printOut(QStringLiteral("pull %1: %2").arg(api::pullStatusCode(r.status), r.message));
        return;
    }
    printOut(QStringLiteral("%1: pulled %2 order(s) from %3 page(s): %4 new, %5 updated, "
                            "%6 unchanged, %7 lines, %8 on hold, %9 field error(s)")
                 .arg(r.source, en.toString(t.rowsRead), en.toString(r.pages),
                      en.toString(t.ordersCreated), en.toString(t.ordersUpdated),
                      en.toString(t.ordersUnchanged), en.toString(t.lines), en.toString(t.onHold),
                      en.toString(t.errors.size())));
    printFieldErrors(t, QStringLiteral("  order %1 of the pull"), QStringLiteral("(order)"));
}

} // namespace

int runPullCommand(const CommandLine &cl)
{
    // This PC's saved connection, then what the command line says.
    api::ChannelConnection connection = api::loadConnection(cl.channel);
    if (!cl.endpoint.isEmpty())
        connection.endpoint = cl.endpoint;
    if (!cl.tokenFile.isEmpty()) {
        QFile file(cl.tokenFile);
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("pull: the token file %1 cannot be read (%2)")
                           .arg(cl.tokenFile, file.errorString()));
            return 2;
        }
        connection.token = QString::fromUtf8(file.readLine(64 * 1024)).trimmed();
        if (connection.token.isEmpty()) {
            printError(QStringLiteral("pull: the token file %1 is empty").arg(cl.tokenFile));
            return 2;
        }
    }
    if (!cl.marketplace.isEmpty())
        connection.marketplaceId = cl.marketplace;
    if (const models::Status ok = api::checkConnection(connection); !ok) {
        printError(QStringLiteral("pull: %1 (set the connection in File › Pull orders from "
                                  "channels…, or give --endpoint and --token-file%2)")
                       .arg(ok.error(), cl.channel == QLatin1String("amazon")
                                            ? QStringLiteral(" and --marketplace")
                                            : QString()));
        return 2;
    }

    auto sink = storage::SqlOrderImportSink::open(cl.databasePath);
    if (!sink) {
        printError(sink.error());
        return 2;
    }
    api::PullOptions options;
    if (cl.since.isValid())
        options.sinceUtc = cl.since.startOfDay().toUTC();
    const api::PullReport report = api::pullOrders(
        connection, *sink.value(), options, osUserName(), [&](const api::PullProgress &p) {
            if (!p.notice.isEmpty() && !cl.json)
                printError(QStringLiteral("pull: %1 (page %2)").arg(p.notice).arg(p.pages + 1));
        });
    if (cl.json) {
        const QByteArray json = jsonReport(report);
        std::fwrite(json.constData(), 1, static_cast<size_t>(json.size()), stdout);
        std::fflush(stdout);
    } else {
        printHuman(report);
    }
    return report.status == api::PullReport::Status::Pulled ? 0 : 1;
}

} // namespace app
