#include "app/commandline.h"
#include "app/commands.h"
#include "app/console.h"
#include "storage/database.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Backroom"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("backroom.app"));
    QCoreApplication::setApplicationName(QStringLiteral("Backroom"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BACKROOM_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    // Only the main window and screenshots need a GUI; everything else runs headless,
    // on a server or in a script, with no display.
    const QString command = app::commandNameFrom(argc, argv);
    if (app::drawsWithoutDisplay(command) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application;
    if (app::needsWidgets(command) && !app::asksOnlyForText(argc, argv))
        application = std::make_unique<QApplication>(argc, argv);
    else
        application = std::make_unique<QCoreApplication>(argc, argv);
    describeApplication();

    const app::ParsedCommandLine parsed = app::parseCommandLine(QCoreApplication::arguments());
    if (!parsed.commandLine) {
        app::printError(parsed.error);
        return 2;
    }
    app::CommandLine cl = *parsed.commandLine;
    if (cl.help) {
        app::printOut(app::helpText(storage::Database::defaultPath()));
        return 0;
    }
    if (cl.version) {
        app::printOut(QStringLiteral("Backroom %1").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    if (cl.databasePath.isEmpty() && cl.command != QLatin1String("demo"))
        cl.databasePath = storage::Database::defaultPath();

    if (cl.command == QLatin1String("demo"))
        return app::runDemoCommand(cl);
    if (cl.command == QLatin1String("backup"))
        return app::runBackupCommand(cl);
    if (cl.command == QLatin1String("check"))
        return app::runCheckCommand(cl);
    if (cl.command == QLatin1String("import"))
        return app::runImportCommand(cl);
    if (cl.command == QLatin1String("pull"))
        return app::runPullCommand(cl);
    if (cl.command == QLatin1String("export"))
        return app::runExportCommand(cl);
    if (cl.command == QLatin1String("allocate"))
        return app::runAllocateCommand(cl);
    if (cl.command == QLatin1String("reorder"))
        return app::runReorderCommand(cl);
    if (cl.command == QLatin1String("skus"))
        return app::runSkusCommand(cl);
    if (cl.command == QLatin1String("print"))
        return app::runPrintCommand(cl);
    if (cl.command == QLatin1String("returns"))
        return app::runReturnsCommand(cl);
    if (cl.command == QLatin1String("report"))
        return app::runReportCommand(cl);
    if (cl.command == QLatin1String("screenshot"))
        return app::runScreenshotCommand(cl);
    return app::runMainWindow(cl);
}
