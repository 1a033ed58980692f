#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace app {

// What the user asked for on the command line. `--db PATH` may stand anywhere.
struct CommandLine
{
    QString command; // empty: open the main window
    QString databasePath;
    QString to;        // backup target
    QString out;       // screenshot folder; export file
    QStringList files; // import: the export files to read
    QString what;      // export: what to export ("orders"); skus: "unknown" or "map"
    QString channel;   // import/export: shopify, amazon or ebay; empty: any/detected
    QString format;    // export: json or csv; print: pdf, png or zpl
    QString location;  // reorder: a location code; empty: every location
    bool json = false; // import: one JSON object on stdout

    // pull: where the channel's API is and a file holding its token (both override
    // this PC's saved connection); Amazon's marketplace id.
    QString endpoint;
    QString tokenFile;
    QString marketplace;

    // skus map: what the channel calls it, the product SKU, product units per listing,
    // and whether to allocate the released orders straight away.
    QString channelSku;
    QString sku;
    int units = 1;
    bool allocate = false;

    // print: the order as the queue shows it (--order), or several (--orders N1,N2,...),
    // and the thermal printer's resolution; --printer HOST[:PORT] sends ZPL to a
    // network label printer instead of a file.
    QString order;
    QStringList orderNumbers;
    int dpi = 203;
    QString printer;
    // export shipments: only those shipped on or after this date.
    QDate since;
    // returns list: only returns in this status.
    QString status;
    // report: the first day of the range (--to, as text above, is its last).
    QDate from;

    qint64 orders = 5000;
    quint64 seed = 1;
    QDate today;
    bool help = false;
    bool version = false;
};

struct ParsedCommandLine
{
    std::optional<CommandLine> commandLine;
    QString error; // set when the arguments make no sense
};

ParsedCommandLine parseCommandLine(const QStringList &arguments);

// Which command argv names, before any Qt application object exists, so main()
// can choose between a headless QCoreApplication and a QApplication.
QString commandNameFrom(int argc, char **argv);

bool needsWidgets(const QString &command);
// Commands that draw (screenshot, print) run on the offscreen platform when none is set.
bool drawsWithoutDisplay(const QString &command);
// --help, -h or --version: text only, so no display is needed whatever the command.
bool asksOnlyForText(int argc, char **argv);

QString helpText(const QString &defaultDatabasePath);

} // namespace app
