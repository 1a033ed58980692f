#include "app/commands.h"
#include "app/console.h"
#include "app/workspace.h"
#include "ui/labelautoprinter.h"
#include "ui/mainwindow.h"
#include "ui/packbenchscreen.h"

#include <QApplication>
#include <QMessageBox>

namespace app {

int runMainWindow(const CommandLine &cl)
{
    models::Result<std::unique_ptr<Workspace>> workspace = Workspace::open(cl.databasePath);
    if (!workspace.ok()) {
        printError(workspace.error());
        QMessageBox::critical(nullptr, QStringLiteral("Backroom"), workspace.error());
        return 2;
    }
    const ui::ScreenSources sources = workspace.value()->sources();
    ui::MainWindow window(sources);
    // The bench prints each packed order's label (and slip) where this PC's settings say.
    if (ui::PackBenchScreen *bench = window.packBenchScreen(); bench && sources.orderDocuments)
        new ui::LabelAutoPrinter(sources.orderDocuments, sources.pickLists, bench);
    window.show();
    return QApplication::exec();
}

} // namespace app
