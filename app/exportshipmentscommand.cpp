#include "app/commands.h"
#include "app/console.h"

namespace app {

int runExportShipmentsCommand(const CommandLine &cl)
{
    Q_UNUSED(cl);
    printError(QStringLiteral("this command is not built yet"));
    return 2;
}

} // namespace app
