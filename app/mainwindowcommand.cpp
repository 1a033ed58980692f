#include "app/commands.h"
#include "app/console.h"
#include "app/workspace.h"
#include "ui/mainwindow.h"

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
    ui::MainWindow window(workspace.value()->sources());
    window.show();
    return QApplication::exec();
}

} // namespace app
