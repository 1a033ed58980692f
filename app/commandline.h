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
    QString to;  // backup target
    QString out; // screenshot folder
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

QString helpText(const QString &defaultDatabasePath);

} // namespace app
