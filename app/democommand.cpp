#include "app/commands.h"
#include "app/console.h"
#include "app/demoshop.h"

#include <QElapsedTimer>
#include <QLocale>

namespace app {

int runDemoCommand(const CommandLine &cl)
{
    if (cl.databasePath.isEmpty()) {
        printError(QStringLiteral("demo needs --db PATH: it replaces that file with a demo shop"));
        return 2;
    }
    DemoOptions options;
    options.orders = cl.orders;
    options.seed = cl.seed;
    options.today = cl.today;

    QElapsedTimer timer;
    timer.start();
    int lastTenth = -1;
    const auto progress = [&lastTenth](qint64 done, qint64 total) {
        const int tenth = total > 0 ? static_cast<int>(done * 10 / total) : 10;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            std::fprintf(stderr, "\rwriting demo shop: %3d%%", tenth * 10);
            std::fflush(stderr);
        }
        return true;
    };
    models::Result<DemoSummary> summary = writeDemoShop(cl.databasePath, options, progress);
    std::fputs("\n", stderr);
    if (!summary.ok()) {
        printError(summary.error());
        return 2;
    }
    const QLocale en(QLocale::English);
    printOut(QStringLiteral("Wrote %1: %2 orders (%3 lines), %4 products, %5 customers, "
                            "%6 stock movements, %7 returns in %8 s.")
                 .arg(cl.databasePath, en.toString(summary->orders),
                      en.toString(summary->orderLines), en.toString(summary->products),
                      en.toString(summary->customers), en.toString(summary->movements),
                      en.toString(summary->returns))
                 .arg(static_cast<double>(timer.elapsed()) / 1000.0, 0, 'f', 1));
    return 0;
}

} // namespace app
