#include "app/commands.h"
#include "app/console.h"
#include "app/importtotalsoutput.h"
#include "app/jsonwriter.h"
#include "app/osuser.h"
#include "importers/orderfileimport.h"
#include "storage/sqlorderimportsink.h"

#include <QFileInfo>
#include <QLocale>

#include <cstdio>

namespace app {

namespace {

QByteArray jsonReport(const importers::ImportFileReport &r)
{
    const models::ImportRunTotals &t = r.totals;
    QByteArray out =
        "{\"file\":" + jsonString(r.file) + ",\"format\":" +
        (r.format ? jsonString(importers::orderFileFormatCode(*r.format)) : QByteArray("null")) +
        ",\"status\":" + jsonString(importers::importStatusCode(r.status));
    if (r.status != importers::ImportFileReport::Status::Imported)
        out += ",\"message\":" + jsonString(r.message);
    out += jsonImportTotals(t, "row") + '}';
    return out;
}

void printHuman(const importers::ImportFileReport &r)
{
    const QLocale en(QLocale::English);
    const models::ImportRunTotals &t = r.totals;
    if (r.status != importers::ImportFileReport::Status::Imported) {
        printOut(QStringLiteral("%1: %2: %3")
                     .arg(r.file, importers::importStatusCode(r.status), r.message));
        return;
    }
    printOut(QStringLiteral("%1: imported (%2): %3 new, %4 updated, %5 unchanged, %6 lines, "
                            "%7 on hold, %8 row error(s)")
                 .arg(r.file,
                      r.format ? importers::orderFileFormatName(*r.format) : QStringLiteral("?"),
                      en.toString(t.ordersCreated), en.toString(t.ordersUpdated),
                      en.toString(t.ordersUnchanged), en.toString(t.lines), en.toString(t.onHold),
                      en.toString(t.errors.size())));
    printFieldErrors(t, QStringLiteral("  row %1"), QStringLiteral("(record)"));
}

} // namespace

int runImportCommand(const CommandLine &cl)
{
    auto sink = storage::SqlOrderImportSink::open(cl.databasePath);
    if (!sink) {
        printError(sink.error());
        return 2;
    }
    importers::OrderFileOptions options;
    if (!cl.channel.isEmpty())
        options.format = importers::orderFileFormatFromCode(cl.channel);
    const QString user = osUserName();

    bool anyRejected = false;
    QByteArray json = "{\"files\":[";
    for (qsizetype i = 0; i < cl.files.size(); ++i) {
        const importers::ImportFileReport report =
            importers::importOrderFile(cl.files.at(i), *sink.value(), options, user);
        anyRejected |= report.status != importers::ImportFileReport::Status::Imported;
        if (cl.json) {
            if (i > 0)
                json += ',';
            json += jsonReport(report);
        } else {
            printHuman(report);
        }
    }
    if (cl.json) {
        json += "]}\n";
        std::fwrite(json.constData(), 1, static_cast<size_t>(json.size()), stdout);
        std::fflush(stdout);
    }
    return anyRejected ? 1 : 0;
}

} // namespace app
