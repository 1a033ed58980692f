// Times each report of the Reports screen over a large shop.
// Usage: bench_reports --db PATH [--days 7,30,90] [--runs R]
//   PATH: a demo database (bench_demo --orders 1000000 --out PATH). The ranges end on
//   the day of the newest order. Opening applies any pending migration, and that time
//   is printed first.
// Target: each report in about 1 s or less on 1,000,000 orders.
#include "storage/sqlreports.h"
#include "storage/sqlrun.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <ctime>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString path;
    QList<int> ranges{7, 30, 90};
    int runs = 2;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--db"))
            path = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--runs"))
            runs = std::max(1, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--days")) {
            ranges.clear();
            for (const QString &d : args.at(i + 1).split(QLatin1Char(',')))
                ranges.append(d.toInt());
        }
    }
    if (path.isEmpty()) {
        std::fprintf(stderr, "bench_reports: --db PATH is required\n");
        return 2;
    }

    QElapsedTimer timer;
    timer.start();
    auto reports = storage::SqlReports::open(path);
    if (!reports.ok()) {
        std::fprintf(stderr, "bench_reports: %s\n", qPrintable(reports.error()));
        return 1;
    }
    std::printf("open (with pending migrations): %.2f s\n",
                static_cast<double>(timer.elapsed()) / 1000.0);

    // The ranges end with the newest order's day, at the end of that day.
    QSqlDatabase db = QSqlDatabase::database(QSqlDatabase::connectionNames().value(0), false);
    const auto newest =
        storage::queryScalar(db, QStringLiteral("SELECT MAX(placed_at) FROM orders"));
    const auto orders = storage::queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM orders"));
    const QDate today = newest.ok()
                            ? QDate::fromString(newest.value().toString().left(10), Qt::ISODate)
                            : QDate::currentDate();
    std::printf("%lld orders, newest on %s\n", orders.ok() ? orders.value().toLongLong() : -1LL,
                qPrintable(today.toString(Qt::ISODate)));

    // Wall time on a shared machine includes waiting for a core; CPU time does not.
    double worst = 0;
    double worstCpu = 0;
    for (int days : ranges) {
        for (models::ReportKind kind : models::allReportKinds()) {
            models::ReportQuery q;
            q.kind = kind;
            q.to = today;
            q.from = today.addDays(1 - days);
            q.now = QDateTime(today, QTime(23, 0), Qt::UTC);
            qint64 best = -1;
            double bestCpu = -1;
            QString headline;
            for (int r = 0; r < runs; ++r) {
                timer.restart();
                const std::clock_t cpuStart = std::clock();
                auto report = reports.value()->run(q);
                const qint64 ms = timer.elapsed();
                const double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
                if (!report.ok()) {
                    std::fprintf(stderr, "bench_reports: %s\n", qPrintable(report.error()));
                    return 1;
                }
                headline = report->headline;
                best = best < 0 ? ms : std::min(best, ms);
                bestCpu = bestCpu < 0 ? cpu : std::min(bestCpu, cpu);
            }
            worst = std::max(worst, static_cast<double>(best) / 1000.0);
            worstCpu = std::max(worstCpu, bestCpu);
            std::printf("%-17s %3d days: %6.2f s wall, %5.2f s CPU  %s\n",
                        qPrintable(models::reportTitle(kind)), days,
                        static_cast<double>(best) / 1000.0, bestCpu,
                        qPrintable(headline.left(100)));
        }
    }
    std::printf("slowest report: %.2f s wall, %.2f s CPU [target: about 1 s or less]\n", worst,
                worstCpu);
    return 0;
}
