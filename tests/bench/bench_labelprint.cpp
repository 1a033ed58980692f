// Times the label from the packer's last scan to the label printer: the pack bench
// screen marks the order packed (storage), the label printer controller reads the
// order's document record, writes the ZPL (203 dpi) and sends it on its own thread
// to a loopback QTcpServer standing in for the network label printer. The clock
// stops when the printer has every byte of the job (the connection closed).
// Usage: bench_labelprint --db PATH [--orders N]
//   --db: a demo database (`backroom demo --db PATH --orders 20000`); it is written
//         to: new orders are allocated, then up to N (default 100) ready orders are
//         packed at the bench.
// Target: label at the printer within 1 s of the last scan.
#include "models/packsession.h"
#include "storage/database.h"
#include "storage/sqlorderactions.h"
#include "storage/sqlorderdocumentsource.h"
#include "storage/sqlpackbench.h"
#include "storage/sqlpicklistsource.h"
#include "storage/sqlrun.h"
#include "ui/labelautoprinter.h"
#include "ui/packbenchscreen.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

class SilentSound : public ui::PackSound
{
public:
    void play(Cue) override {}
};

struct Figures
{
    std::vector<double> ms;
    double at(double share)
    {
        if (ms.empty())
            return 0;
        std::sort(ms.begin(), ms.end());
        const size_t i =
            std::min(ms.size() - 1, static_cast<size_t>(share * (ms.size() - 1) + 0.5));
        return ms[i];
    }
    void print(const char *what, const char *target = "")
    {
        std::printf("%-44s n=%4zu  median %8.3f ms  p90 %8.3f ms  worst %8.3f ms %s\n", what,
                    ms.size(), at(0.5), at(0.9), at(1.0), target);
    }
};

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_labelprint: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString path;
    int wanted = 100;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--db"))
            path = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--orders"))
            wanted = args.at(i + 1).toInt();
    }
    if (path.isEmpty())
        return fail(QStringLiteral("give --db PATH (a demo database)"));
    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(path);
    if (!opened)
        return fail(opened.error());
    const QSqlDatabase db = opened.value()->connection();

    QList<qint64> fresh;
    if (auto q = storage::runQuery(
            db, QStringLiteral("SELECT id FROM orders WHERE status IN ('new', 'backordered')"))) {
        while (q.value().next())
            fresh << q.value().value(0).toLongLong();
    }
    storage::SqlOrderActions(db, QStringLiteral("owner")).allocate(fresh);

    // Ready orders with a number of their own, and the code for each unit.
    struct Work
    {
        qint64 id = 0;
        QString number;
        QStringList codes;
    };
    std::vector<Work> work;
    {
        auto q = storage::runQuery(
            db, QStringLiteral("SELECT o.id, o.order_number FROM orders o WHERE o.status IN "
                               "('ready', 'picking') AND (SELECT COUNT(*) FROM orders x WHERE "
                               "x.order_number = o.order_number) = 1 ORDER BY o.id DESC"));
        if (!q)
            return fail(q.error());
        while (q.value().next() && static_cast<int>(work.size()) < wanted)
            work.push_back({q.value().value(0).toLongLong(), q.value().value(1).toString(), {}});
    }
    for (Work &w : work) {
        auto lines = storage::runQuery(
            db,
            QStringLiteral("SELECT COALESCE((SELECT barcode FROM product_barcodes b WHERE "
                           "b.product_id = l.product_id ORDER BY is_primary DESC LIMIT 1), "
                           "l.sku), l.quantity - l.quantity_shipped FROM order_lines l "
                           "WHERE l.order_id = ? ORDER BY l.line_no"),
            {w.id});
        if (!lines)
            return fail(lines.error());
        while (lines.value().next())
            for (int i = 0; i < lines.value().value(1).toInt(); ++i)
                w.codes << lines.value().value(0).toString();
    }
    if (work.empty())
        return fail(QStringLiteral("no ready order to pack in %1").arg(path));

    // The label printer: bytes per connection, the time the job was complete.
    QTcpServer printer;
    if (!printer.listen(QHostAddress::LocalHost, 0))
        return fail(printer.errorString());
    QElapsedTimer clock;
    clock.start();
    int jobs = 0;
    qint64 lastJobNs = 0;
    QByteArray lastJob;
    QEventLoop waiter;
    QObject::connect(&printer, &QTcpServer::newConnection, [&] {
        while (QTcpSocket *s = printer.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(s, &QTcpSocket::readyRead, s,
                             [s, buffer] { *buffer += s->readAll(); });
            QObject::connect(s, &QTcpSocket::disconnected, s, [&, s, buffer] {
                *buffer += s->readAll();
                lastJobNs = clock.nsecsElapsed();
                lastJob = *buffer;
                ++jobs;
                s->deleteLater();
                waiter.quit();
            });
        }
    });

    storage::SqlPackBench packBench(db, QStringLiteral("bench-1"), QStringLiteral("bench"));
    storage::SqlOrderDocumentSource documents(db);
    storage::SqlPickListSource pickLists(db, QStringLiteral("bench"));
    ui::PackBenchScreen bench(&packBench);
    bench.setSound(std::make_unique<SilentSound>());
    auto *labels = new ui::LabelAutoPrinter(&documents, &pickLists, &bench);
    printing::LabelOutputSettings settings;
    settings.kind = printing::LabelOutputKind::NetworkZpl;
    settings.networkPrinter = QStringLiteral("127.0.0.1:%1").arg(printer.serverPort());
    settings.dpi = 203;
    labels->setSettings(settings);

    Figures toPrinter, toBench;
    int failures = 0;
    qint64 bytes = 0;
    for (const Work &w : work) {
        bench.submit(w.number);
        for (qsizetype i = 0; i + 1 < w.codes.size(); ++i)
            bench.submit(w.codes.at(i));
        const int before = jobs;
        const qint64 start = clock.nsecsElapsed();
        bench.submit(w.codes.last()); // the last scan
        const qint64 ready = clock.nsecsElapsed();
        if (bench.state() != ui::PackBenchScreen::State::Done) {
            std::fprintf(stderr, "%s not packed: %s\n", qPrintable(w.number),
                         qPrintable(bench.message()));
            ++failures;
            continue;
        }
        QTimer::singleShot(5000, &waiter, &QEventLoop::quit);
        while (jobs == before && clock.nsecsElapsed() - start < 5'000'000'000LL)
            waiter.exec();
        if (jobs == before) {
            std::fprintf(stderr, "%s: no label within 5 s: %s\n", qPrintable(w.number),
                         qPrintable(bench.printStatus()));
            ++failures;
            continue;
        }
        toBench.ms.push_back((ready - start) / 1e6);
        toPrinter.ms.push_back((lastJobNs - start) / 1e6);
        bytes += lastJob.size();
    }
    std::printf("bench_labelprint: %zu orders packed on %s, ZPL 203 dpi to 127.0.0.1:%u, "
                "%.0f bytes per job on average, %d failed\n",
                toPrinter.ms.size(), qPrintable(path), printer.serverPort(),
                toPrinter.ms.empty() ? 0.0 : double(bytes) / toPrinter.ms.size(), failures);
    toBench.print("last scan -> bench ready for the next scan");
    toPrinter.print("last scan -> label at the printer", "(target <= 1000 ms)");
    return failures == 0 && toPrinter.at(1.0) <= 1000.0 ? 0 : 1;
}
