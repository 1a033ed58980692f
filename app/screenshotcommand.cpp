#include "app/commands.h"
#include "app/console.h"
#include "app/workspace.h"
#include "ui/mainwindow.h"
#include "ui/screenshots.h"

#include <QDir>
#include <QFileInfo>

namespace app {

int runScreenshotCommand(const CommandLine &cl)
{
    if (cl.out.isEmpty()) {
        printError(QStringLiteral("screenshot needs --out DIR"));
        return 2;
    }
    if (!QFileInfo::exists(cl.databasePath)) {
        printError(QStringLiteral("screenshot: %1 does not exist (make one with backroom demo)")
                       .arg(cl.databasePath));
        return 2;
    }
    models::Result<std::unique_ptr<Workspace>> workspace = Workspace::open(cl.databasePath);
    if (!workspace.ok()) {
        printError(workspace.error());
        return 2;
    }
    ui::MainWindow window(workspace.value()->sources());
    if (models::Status s = ui::saveScreenshots(window, cl.out); !s) {
        printError(s.error());
        return 2;
    }
    printOut(QStringLiteral("Saved %1 screens to %2.")
                 .arg(window.screenCount())
                 .arg(QDir(cl.out).absolutePath()));
    return 0;
}

} // namespace app
