// importOrderFile() reads on a thread of its own while the sink writes on the
// caller's: these check that what the sink sees and what the report says are those
// of a plain order-by-order loop (order, progress, cancel, errors, rollback).
#include "importers/orderfileimport.h"

#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using importers::ImportFileReport;
using namespace Qt::StringLiterals;

namespace {

const QString Header = u"Name,Email,Financial Status,Currency,Subtotal,Total,Created at,"
                       "Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,"
                       "Shipping Name,Shipping Address1,Shipping City,Shipping Zip,"
                       "Shipping Country,Id"_s;

QByteArray orderRows(int i)
{
    // Every third order has a second line: orders span a varying number of records.
    QString rows = u"#%1,b%1@example.com,paid,USD,2.00,2.00,2026-01-01 00:00:00 +0000,1,Pin,"
                   "1.00,PIN,Ann,1 High St,Leeds,LS1,GB,%2\n"_s.arg(i)
                       .arg(5000000 + i);
    if (i % 3 == 0)
        rows +=
            u"#%1,b%1@example.com,,,,,2026-01-01 00:00:00 +0000,1,Cup,1.00,CUP,,,,,,\n"_s.arg(i);
    return rows.toUtf8();
}

// What a plain loop over the reader sees: the orders it returns (up to `stopAfter`)
// and the records read by then.
struct PlainRead
{
    int orders = 0;
    qint64 recordsRead = 0;
};
PlainRead readPlainly(const QString &path, int stopAfter = std::numeric_limits<int>::max())
{
    PlainRead read;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return read;
    auto opened = importers::openOrderFile(file, u"orders.csv"_s, {});
    if (!opened)
        return read;
    models::ImportedOrder order;
    while (read.orders < stopAfter && (*opened)->next(order))
        ++read.orders;
    read.recordsRead = (*opened)->recordsRead();
    return read;
}

QByteArray exportOf(int orders)
{
    QByteArray bytes = Header.toUtf8() + '\n';
    for (int i = 1; i <= orders; ++i)
        bytes += orderRows(i);
    return bytes;
}

// Records what it is asked, on which thread, and can refuse the n-th write.
class RecordingSink final : public models::OrderImportSink
{
public:
    models::Status begin(const models::ImportRunInfo &) override
    {
        threads.insert(QThread::currentThread());
        ++begun;
        return {};
    }
    models::Result<models::ImportedOrderResult> write(const models::ImportedOrder &o) override
    {
        threads.insert(QThread::currentThread());
        if (failAt > 0 && numbers.size() + 1 == failAt)
            return models::Error{u"disk full"_s};
        numbers.append(o.number);
        models::ImportedOrderResult r;
        r.outcome = models::ImportOutcome::Created;
        r.lines = static_cast<int>(o.lines.size());
        return r;
    }
    models::Status commit(const models::ImportRunTotals &) override
    {
        threads.insert(QThread::currentThread());
        ++committed;
        return {};
    }
    void rollback() override
    {
        threads.insert(QThread::currentThread());
        ++rolledBack;
    }
    models::Status recordRejected(const models::ImportRunInfo &, const models::ImportRunTotals &,
                                  const QString &status, const QString &) override
    {
        threads.insert(QThread::currentThread());
        recorded.append(status);
        return {};
    }

    int failAt = 0;
    int begun = 0;
    int committed = 0;
    int rolledBack = 0;
    QStringList numbers;
    QStringList recorded;
    QSet<QThread *> threads;
};

} // namespace

class TestOrderFileImport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void writesEveryOrderInFileOrder();
    void progressAndCancel();
    void csvErrorMidFileRollsBack();
    void writeErrorRollsBack();

private:
    QString writeFile(const QByteArray &bytes);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestOrderFileImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestOrderFileImport::writeFile(const QByteArray &bytes)
{
    const QString path = m_dir->filePath(u"orders.csv"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

// More orders than the read-ahead holds, so batches are recycled many times.
void TestOrderFileImport::writesEveryOrderInFileOrder()
{
    constexpr int Orders = 3001;
    const QString path = writeFile(exportOf(Orders));
    RecordingSink sink;
    const ImportFileReport report =
        importers::importOrderFile(path, sink, {}, u"tester"_s, [](const auto &) { return true; });
    QCOMPARE(report.status, ImportFileReport::Status::Imported);
    QCOMPARE(sink.numbers.size(), Orders);
    for (int i = 0; i < Orders; ++i)
        QCOMPARE(sink.numbers.at(i), u"#%1"_s.arg(i + 1));
    QCOMPARE(report.totals.ordersCreated, Orders);
    QCOMPARE(report.totals.lines, Orders + Orders / 3);
    QCOMPARE(report.totals.rowsRead, readPlainly(path).recordsRead);
    QCOMPARE(sink.committed, 1);
    QCOMPARE(sink.rolledBack, 0);
    QCOMPARE(sink.threads, QSet<QThread *>{QThread::currentThread()});
    QCOMPARE(report.totals.fileSha256.size(), 64);
}

void TestOrderFileImport::progressAndCancel()
{
    const QByteArray bytes = exportOf(2000);
    const QString path = writeFile(bytes);
    {
        // Every 512 written orders, then once at the end with the whole file.
        RecordingSink sink;
        QList<importers::ImportProgress> calls;
        const ImportFileReport report =
            importers::importOrderFile(path, sink, {}, u"tester"_s, [&](const auto &p) {
                calls.append(p);
                return true;
            });
        QCOMPARE(report.status, ImportFileReport::Status::Imported);
        QCOMPARE(calls.size(), 4);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(calls.at(i).orders, 512 * (i + 1));
            QCOMPARE(calls.at(i).bytesTotal, bytes.size());
            QVERIFY(calls.at(i).bytesRead > 0);
            QVERIFY(i == 0 || calls.at(i).bytesRead >= calls.at(i - 1).bytesRead);
        }
        QCOMPARE(calls.last().orders, 2000);
        QCOMPARE(calls.last().bytesRead, bytes.size());
    }
    {
        // Refused at the second call: 1024 orders written, then rolled back, nothing
        // committed, the attempt recorded as cancelled with the rows read so far.
        RecordingSink sink;
        int calls = 0;
        const ImportFileReport report = importers::importOrderFile(
            path, sink, {}, u"tester"_s, [&](const auto &) { return ++calls < 2; });
        QCOMPARE(report.status, ImportFileReport::Status::Cancelled);
        QCOMPARE(report.message, u"file orders.csv: cancelled after 1024 orders; nothing was "
                                 "imported"_s);
        QCOMPARE(sink.numbers.size(), 1024);
        QCOMPARE(sink.committed, 0);
        QCOMPARE(sink.rolledBack, 1);
        QCOMPARE(sink.recorded, QStringList{u"cancelled"_s});
        // The records read when order 1024 was, though the reader has gone further.
        const PlainRead plain = readPlainly(path, 1024);
        QCOMPARE(plain.orders, 1024);
        QCOMPARE(report.totals.rowsRead, plain.recordsRead);
        QCOMPARE(sink.threads, QSet<QThread *>{QThread::currentThread()});
    }
}

// The reader fails after the sink has written orders: the sink rolls them back.
void TestOrderFileImport::csvErrorMidFileRollsBack()
{
    QByteArray bytes = exportOf(1500);
    bytes += "#9999,x@example.com,paid,USD,1.00,1.00,2026-01-01 00:00:00 +0000,1,Pin,1.00,PIN,"
             "Ann,\"1 High St,Leeds,LS1,GB,1\n";
    const QString path = writeFile(bytes);
    RecordingSink sink;
    const ImportFileReport report = importers::importOrderFile(path, sink, {}, u"tester"_s);
    QCOMPARE(report.status, ImportFileReport::Status::Rejected);
    QVERIFY2(report.message.endsWith(u"; nothing was imported"_s), qPrintable(report.message));
    QVERIFY2(report.message.contains(u"never closed"_s), qPrintable(report.message));
    // Every order the reader completed before the bad record was written, then undone.
    const PlainRead plain = readPlainly(path);
    QVERIFY(plain.orders >= 1499);
    QCOMPARE(sink.numbers.size(), plain.orders);
    QCOMPARE(sink.committed, 0);
    QCOMPARE(sink.rolledBack, 1);
    QCOMPARE(sink.recorded, QStringList{u"rejected"_s});
}

void TestOrderFileImport::writeErrorRollsBack()
{
    const QString path = writeFile(exportOf(1200));
    RecordingSink sink;
    sink.failAt = 700;
    const ImportFileReport report = importers::importOrderFile(path, sink, {}, u"tester"_s);
    QCOMPARE(report.status, ImportFileReport::Status::Rejected);
    // Order 700 starts on row 2 + 699 + 699 / 3 (the header is row 1).
    QCOMPARE(report.message, u"file orders.csv, row %1, order #700: disk full; nothing was "
                             "imported"_s.arg(2 + 699 + 699 / 3));
    QCOMPARE(sink.numbers.size(), 699);
    QCOMPARE(sink.committed, 0);
    QCOMPARE(sink.rolledBack, 1);
    QCOMPARE(sink.recorded, QStringList{u"rejected"_s});
}

QTEST_GUILESS_MAIN(TestOrderFileImport)
#include "tst_orderfileimport.moc"
