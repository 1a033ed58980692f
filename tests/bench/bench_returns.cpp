// Times the Returns screen's reads over a demo shop, and the write path of one return.
// Usage: bench_returns --db PATH [--runs R]
//   PATH: a demo shop (backroom demo --orders N --db PATH). The reads run R times
//   (default 3) and the best is printed; the write path (create, receive, restock,
//   approve, refund, close) runs on a copy of the file, so PATH is never changed.
// Target: every view in <= 250 ms at a million orders (the screen reads them on the
// GUI thread when it opens); one step of a return in <= 50 ms.
#include "storage/database.h"
#include "storage/sqlreturns.h"
#include "storage/sqlrun.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

namespace {

QString argument(const QStringList &args, const char *name, const QString &fallback = {})
{
    const qsizetype at = args.indexOf(QString::fromLatin1(name));
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

double bestMs(int runs, const std::function<bool()> &work)
{
    double best = 1e18;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (!work())
            return -1;
        best = std::min(best, t.nsecsElapsed() / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString path = argument(args, "--db");
    const int runs = argument(args, "--runs", QStringLiteral("3")).toInt();
    if (path.isEmpty() || !QFile::exists(path)) {
        std::fprintf(stderr, "usage: bench_returns --db DEMO.db [--runs R]\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("returns.db"));
    if (!QFile::copy(path, copy)) {
        std::fprintf(stderr, "cannot copy %s\n", qPrintable(path));
        return 1;
    }
    auto db = storage::Database::open(copy);
    if (!db.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error()));
        return 1;
    }
    const QSqlDatabase c = db.value()->connection();
    storage::SqlReturns returns(c, QStringLiteral("bench"));
    const qint64 orders =
        storage::queryScalar(c, QStringLiteral("SELECT COUNT(*) FROM orders")).value().toLongLong();
    const qint64 count = storage::queryScalar(c, QStringLiteral("SELECT COUNT(*) FROM returns"))
                             .value()
                             .toLongLong();
    std::printf("%lld orders, %lld returns\n", orders, count);

    auto report = [&](const char *what, double ms) {
        std::printf("  %-34s %9.1f ms%s\n", what, ms, ms < 0 ? "  (failed)" : "");
    };
    report("list, every status (2,000 newest)",
           bestMs(runs, [&] { return returns.listReturns({}).ok(); }));
    report("list, refund pending", bestMs(runs, [&] {
               models::ReturnListFilter f;
               f.status = models::ReturnStatus::RefundPending;
               return returns.listReturns(f).ok();
           }));
    report("waiting for inspection > 3 days",
           bestMs(runs, [&] { return returns.waitingForInspection(3).ok(); }));
    report("refunds owed", bestMs(runs, [&] { return returns.refundsOwed().ok(); }));
    report("return rate, top 200 SKU x reason",
           bestMs(runs, [&] { return returns.returnRates(200).ok(); }));
    report("processing time", bestMs(runs, [&] { return returns.processingTimes().ok(); }));

    // One return through every step, on a delivered order with nothing returned yet.
    const QVariant line =
        storage::queryScalar(c, QStringLiteral("SELECT ol.id FROM order_lines ol JOIN orders o "
                                               "ON o.id = ol.order_id WHERE o.status = "
                                               "'delivered' AND ol.product_id IS NOT NULL AND "
                                               "ol.quantity_returned = 0 ORDER BY ol.id DESC "
                                               "LIMIT 1"))
            .value();
    const QString number =
        storage::queryScalar(c,
                             QStringLiteral("SELECT o.order_number FROM orders o JOIN order_lines "
                                            "ol ON ol.order_id = o.id WHERE ol.id = ?"),
                             {line})
            .value()
            .toString();
    QElapsedTimer t;
    t.start();
    models::NewReturn request;
    request.orderNumber = number;
    request.lines = {{line.toLongLong(), 1}};
    auto rma = returns.createReturn(request);
    if (!rma.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(rma.error()));
        return 1;
    }
    report("create and authorise", t.nsecsElapsed() / 1e6);
    t.restart();
    const bool found = returns.findForReceipt(rma->rmaNumber).ok();
    report("find by scan", found ? t.nsecsElapsed() / 1e6 : -1);
    t.restart();
    const bool received = returns.receive(rma->id, {{rma->lines.first().id, 1}}).ok();
    report("receive", received ? t.nsecsElapsed() / 1e6 : -1);
    t.restart();
    models::LineInspection in;
    in.returnLineId = rma->lines.first().id;
    const auto inspected = returns.inspect(rma->id, in);
    report("inspect: restock + fill backorders", inspected ? t.nsecsElapsed() / 1e6 : -1);
    if (!inspected)
        std::fprintf(stderr, "%s\n", qPrintable(inspected.error()));
    t.restart();
    const bool approved = returns.approveRefund(rma->id, std::nullopt).ok();
    report("approve refund", approved ? t.nsecsElapsed() / 1e6 : -1);
    t.restart();
    const bool refunded = returns.recordRefund(rma->id, QStringLiteral("BENCH-1")).ok();
    report("record refund", refunded ? t.nsecsElapsed() / 1e6 : -1);
    t.restart();
    const bool closed = returns.close(rma->id).ok();
    report("close", closed ? t.nsecsElapsed() / 1e6 : -1);
    return 0;
}
