#include "importers/orderfileimport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace importers {

namespace {

// A read-only view of a file that hashes every byte handed out, so the run's
// SHA-256 costs no second pass over a large file. Reads are sequential.
// Orders handed from the reading thread to the writing one at a time, and how many
// such batches may be in flight: enough to ride over the writer's uneven pace
// (a commit of cached pages, a new customer) without holding the file in memory.
constexpr int kReadBatchOrders = 64;
constexpr int kReadBatches = 8;

class HashingFile final : public QIODevice
{
public:
    explicit HashingFile(const QString &path) : m_file(path), m_hash(QCryptographicHash::Sha256) {}

    bool openFile()
    {
        if (!m_file.open(QIODevice::ReadOnly))
            return false;
        return QIODevice::open(QIODevice::ReadOnly);
    }
    QString fileError() const { return m_file.errorString(); }
    qint64 fileSize() const { return m_file.size(); }
    qint64 consumed() const { return m_consumed; }
    bool isSequential() const override { return true; }

    // The hash of the whole file: reads what the reader left unread (a footer).
    QString finishHash()
    {
        char buffer[64 * 1024];
        qint64 got = 0;
        while ((got = m_file.read(buffer, sizeof buffer)) > 0)
            m_hash.addData(QByteArrayView(buffer, got));
        return QString::fromLatin1(m_hash.result().toHex());
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 got = m_file.read(data, maxSize);
        if (got > 0) {
            m_hash.addData(QByteArrayView(data, got));
            m_consumed += got;
        }
        return got;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    QCryptographicHash m_hash;
    qint64 m_consumed = 0;
};

constexpr int kProgressEveryOrders = 512;

// One order as read, with what the reader knew right after reading it, so the
// writing thread reports exactly what a single thread would have.
struct ReadOrder
{
    models::ImportedOrder order;
    QList<models::ImportFieldError> strayErrors; // taken after this order was read
    qint64 bytesRead = 0;
    qint64 recordsRead = 0;
};

// Orders travel in batches so the threads meet once per batch, not once per order.
struct ReadBatch
{
    std::vector<ReadOrder> orders = std::vector<ReadOrder>(kReadBatchOrders);
    int count = 0;
    bool last = false; // the reader stopped after these (end of file or failure)
};

// Reads orders on a thread of its own into a fixed set of batches that the caller
// hands back as it takes the next one: memory is bounded by kReadBatches x
// kReadBatchOrders orders whatever the size of the file, and the order objects are
// reused, as a single-threaded loop would reuse one.
class ReadAhead
{
public:
    ReadAhead(OrderFileReader &reader, HashingFile &file)
        : m_batches(kReadBatches), m_reader(reader), m_file(file)
    {
        for (ReadBatch &b : m_batches)
            m_free.push_back(&b);
        m_thread = std::thread([this] { readAll(); });
    }
    ~ReadAhead() { stop(); }
    ReadAhead(const ReadAhead &) = delete;
    ReadAhead &operator=(const ReadAhead &) = delete;

    // The next order in file order; null at the end of what the reader could read.
    ReadOrder *next()
    {
        if (m_current && m_index < m_current->count)
            return &m_current->orders[static_cast<size_t>(m_index++)];
        std::unique_lock lock(m_mutex);
        if (m_current) {
            const bool last = m_current->last;
            m_free.push_back(m_current);
            m_current = nullptr;
            m_changed.notify_all();
            if (last)
                return nullptr;
        }
        m_changed.wait(lock, [this] { return !m_full.empty(); });
        m_current = m_full.front();
        m_full.pop_front();
        lock.unlock();
        m_index = 0;
        return next();
    }

    // Stops the reader where it is and waits for it: the reader, the file and every
    // batch are the caller's again.
    void stop()
    {
        if (!m_thread.joinable())
            return;
        {
            const std::lock_guard lock(m_mutex);
            m_stopped = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

private:
    void readAll()
    {
        for (;;) {
            ReadBatch *batch = nullptr;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stopped || !m_free.empty(); });
                if (m_stopped)
                    return;
                batch = m_free.front();
                m_free.pop_front();
            }
            batch->count = 0;
            batch->last = false;
            while (batch->count < kReadBatchOrders) {
                ReadOrder &read = batch->orders[static_cast<size_t>(batch->count)];
                if (!m_reader.next(read.order)) {
                    batch->last = true;
                    break;
                }
                read.strayErrors = m_reader.takeStrayErrors();
                read.bytesRead = m_file.consumed();
                read.recordsRead = m_reader.recordsRead();
                ++batch->count;
            }
            {
                const std::lock_guard lock(m_mutex);
                m_full.push_back(batch);
                if (m_stopped)
                    return;
            }
            m_changed.notify_all();
            if (batch->last)
                return;
        }
    }

    std::vector<ReadBatch> m_batches;
    OrderFileReader &m_reader;
    HashingFile &m_file;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<ReadBatch *> m_free; // the reader's to fill
    std::deque<ReadBatch *> m_full; // the caller's to write, in file order
    bool m_stopped = false;
    ReadBatch *m_current = nullptr;
    int m_index = 0;
    std::thread m_thread;
};

} // namespace

QString importStatusCode(ImportFileReport::Status status)
{
    switch (status) {
    case ImportFileReport::Status::Imported:
        return QStringLiteral("imported");
    case ImportFileReport::Status::Rejected:
        return QStringLiteral("rejected");
    case ImportFileReport::Status::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

ImportFileReport importOrderFile(const QString &path, models::OrderImportSink &sink,
                                 const OrderFileOptions &options, const QString &userName,
                                 const ImportProgressFn &progress)
{
    ImportFileReport report;
    report.file = path;
    const QString name = QFileInfo(path).fileName();
    models::ImportRunInfo run;
    run.fileName = name;
    run.userName = userName;
    run.startedAtUtc = QDateTime::currentDateTimeUtc();
    if (options.format)
        run.formatCode = orderFileFormatCode(*options.format);

    auto reject = [&](ImportFileReport::Status status, const QString &message) {
        report.status = status;
        report.message = message;
        // Recording the attempt must not hide why it failed: its own error is added.
        const models::Status recorded =
            sink.recordRejected(run, report.totals, importStatusCode(status), message);
        if (!recorded)
            report.message +=
                QStringLiteral(" (the attempt could not be recorded: %1)").arg(recorded.error());
        return report;
    };

    HashingFile file(path);
    if (!file.openFile()) {
        report.status = ImportFileReport::Status::Rejected;
        report.message =
            QStringLiteral("file %1: cannot be opened (%2)").arg(name, file.fileError());
        return report;
    }
    auto opened = openOrderFile(file, name, options);
    if (!opened)
        return reject(ImportFileReport::Status::Rejected, opened.error());
    OrderFileReader &reader = **opened;
    report.format = reader.format();
    run.formatCode = orderFileFormatCode(reader.format());
    run.header = reader.header();

    if (const models::Status begun = sink.begin(run); !begun)
        return reject(ImportFileReport::Status::Rejected, begun.error());

    models::ImportRunTotals &totals = report.totals;
    // Parsing runs on a second thread, a few batches ahead of the writes, so it costs
    // no wall time beside them. The sink stays on this thread (its connection is this
    // thread's); the reader and the file belong to the reading thread until it is
    // joined, which ReadAhead's destructor also does on every early return.
    const qint64 bytesTotal = file.fileSize(); // not asked while the other thread reads
    ReadAhead ahead(reader, file);
    int orders = 0;
    while (ReadOrder *read = ahead.next()) {
        const models::ImportedOrder &order = read->order;
        totals.errors.append(order.errors);
        totals.errors.append(read->strayErrors);
        const auto written = sink.write(order);
        if (!written) {
            ahead.stop();
            sink.rollback();
            return reject(ImportFileReport::Status::Rejected,
                          QStringLiteral("file %1, row %2, order %3: %4; nothing was imported")
                              .arg(name)
                              .arg(order.firstRow)
                              .arg(order.number, written.error()));
        }
        switch (written->outcome) {
        case models::ImportOutcome::Created:
            ++totals.ordersCreated;
            break;
        case models::ImportOutcome::Updated:
            ++totals.ordersUpdated;
            break;
        case models::ImportOutcome::Unchanged:
            ++totals.ordersUnchanged;
            break;
        }
        totals.lines += written->lines;
        totals.onHold += written->onHold ? 1 : 0;
        if (progress && ++orders % kProgressEveryOrders == 0 &&
            !progress({read->bytesRead, bytesTotal, orders})) {
            ahead.stop();
            sink.rollback();
            totals.rowsRead = read->recordsRead;
            return reject(ImportFileReport::Status::Cancelled,
                          QStringLiteral("file %1: cancelled after %2 orders; nothing was imported")
                              .arg(name)
                              .arg(orders));
        }
    }
    ahead.stop(); // joined: the reader is this thread's again
    totals.errors.append(reader.takeStrayErrors());
    totals.rowsRead = reader.recordsRead();
    if (!reader.status()) {
        sink.rollback();
        return reject(ImportFileReport::Status::Rejected,
                      reader.status().error() + QStringLiteral("; nothing was imported"));
    }
    totals.fileSha256 = file.finishHash();
    if (const models::Status committed = sink.commit(totals); !committed) {
        sink.rollback();
        return reject(ImportFileReport::Status::Rejected, committed.error());
    }
    if (progress)
        progress({file.fileSize(), file.fileSize(), orders});
    report.status = ImportFileReport::Status::Imported;
    return report;
}

OrderFilePreview previewOrderFile(const QString &path, const OrderFileOptions &options,
                                  int maxOrders)
{
    OrderFilePreview preview;
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        preview.rejection =
            QStringLiteral("file %1: cannot be opened (%2)").arg(name, file.errorString());
        return preview;
    }
    auto opened = openOrderFile(file, name, options);
    if (!opened) {
        preview.rejection = opened.error();
        return preview;
    }
    OrderFileReader &reader = **opened;
    preview.format = reader.format();
    models::ImportedOrder order;
    while (preview.orders.size() < maxOrders && reader.next(order))
        preview.orders.append(order);
    if (!reader.status())
        preview.rejection = reader.status().error();
    return preview;
}

} // namespace importers
