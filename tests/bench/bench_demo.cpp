// Times `backroom demo`: how long writing N orders takes, and how big the file is.
// Usage: bench_demo [--orders N] [--out PATH] (default 1,000,000 orders into a temp dir)
// Target: 1,000,000 orders in at most 60 s on 2 cores.
#include "app/demoshop.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    qint64 orders = 1'000'000;
    QString out;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--orders"))
            orders = args.at(i + 1).toLongLong();
        else if (args.at(i) == QLatin1String("--out"))
            out = args.at(i + 1);
    }
    QTemporaryDir dir;
    if (out.isEmpty())
        out = dir.filePath(QStringLiteral("bench.db"));

    app::DemoOptions options;
    options.orders = orders;
    options.today = QDate(2026, 11, 25);
    QElapsedTimer timer;
    timer.start();
    const auto summary = app::writeDemoShop(out, options);
    const qint64 ms = timer.elapsed();
    if (!summary.ok()) {
        std::fprintf(stderr, "bench_demo: %s\n", qPrintable(summary.error()));
        return 1;
    }
    const QLocale en(QLocale::English);
    std::printf("demo: %s orders, %s lines, %s movements in %.1f s (%.0f orders/s), file %.0f MB "
                "[target: 1,000,000 orders <= 60 s]\n",
                qPrintable(en.toString(summary->orders)),
                qPrintable(en.toString(summary->orderLines)),
                qPrintable(en.toString(summary->movements)), static_cast<double>(ms) / 1000.0,
                static_cast<double>(summary->orders) * 1000.0 /
                    static_cast<double>(std::max<qint64>(ms, 1)),
                static_cast<double>(QFileInfo(out).size()) / 1e6);
    return 0;
}
