#include "ui/importworker.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <functional>

namespace ui {

using importers::ImportFileReport;

namespace {

// Often enough for a bar that moves smoothly, rarely enough not to flood the
// GUI thread's event queue from a fast import.
constexpr qint64 kProgressIntervalMs = 50;

// Stands between the importer and the real sink so that Cancel takes effect at the
// next order, however far apart the importer's own progress calls are: a refused
// write or commit makes importOrderFile() roll the file back, and the attempt is
// recorded as cancelled rather than as rejected.
class CancellableSink final : public models::OrderImportSink
{
public:
    CancellableSink(models::OrderImportSink &sink, const std::atomic<bool> &cancelled,
                    std::function<void(int)> written)
        : m_sink(sink), m_cancelled(cancelled), m_written(std::move(written))
    {}

    models::Status begin(const models::ImportRunInfo &run) override
    {
        if (refuse())
            return models::Error{cancelledMessage(run.fileName)};
        return m_sink.begin(run);
    }
    models::Result<models::ImportedOrderResult> write(const models::ImportedOrder &order) override
    {
        if (refuse())
            return models::Error{QStringLiteral("cancelled")};
        auto written = m_sink.write(order);
        if (written)
            m_written(++m_orders);
        return written;
    }
    models::Status commit(const models::ImportRunTotals &totals) override
    {
        if (refuse())
            return models::Error{QStringLiteral("cancelled")};
        return m_sink.commit(totals);
    }
    void rollback() override { m_sink.rollback(); }
    models::Status recordRejected(const models::ImportRunInfo &run,
                                  const models::ImportRunTotals &totals, const QString &status,
                                  const QString &message) override
    {
        if (!m_refused)
            return m_sink.recordRejected(run, totals, status, message);
        return m_sink.recordRejected(
            run, totals, importers::importStatusCode(ImportFileReport::Status::Cancelled),
            cancelledMessage(run.fileName));
    }

    bool refused() const { return m_refused; }
    QString cancelledMessage(const QString &fileName) const
    {
        return ImportWorker::tr("file %1: cancelled after %2 orders; nothing was imported")
            .arg(fileName)
            .arg(m_orders);
    }

private:
    bool refuse()
    {
        m_refused = m_refused || m_cancelled.load();
        return m_refused;
    }

    models::OrderImportSink &m_sink;
    const std::atomic<bool> &m_cancelled;
    std::function<void(int)> m_written;
    int m_orders = 0;
    bool m_refused = false;
};

} // namespace

ImportWorker::ImportWorker(QStringList files, importers::OrderFileOptions options, QString userName,
                           OrderImportSinkFactory makeSink, QObject *parent)
    : QObject(parent), m_files(std::move(files)), m_options(std::move(options)),
      m_userName(std::move(userName)), m_makeSink(std::move(makeSink))
{}

ImportWorker::~ImportWorker()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
    }
}

void ImportWorker::start()
{
    if (m_thread)
        return; // one run per worker
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("orderImport"));
    m_thread->setParent(this);
    m_thread->start();
}

void ImportWorker::cancel()
{
    m_cancelled.store(true);
}

void ImportWorker::run()
{
    std::unique_ptr<models::OrderImportSink> sink;
    QString unavailable;
    if (!m_makeSink) {
        unavailable = tr("no database is open");
    } else if (auto made = m_makeSink(); !made) {
        unavailable = made.error();
    } else if (!made.value()) {
        unavailable = tr("no database is open");
    } else {
        sink = std::move(made).value();
    }

    for (int index = 0; index < m_files.size(); ++index) {
        ImportFileReport report;
        const QString name = QFileInfo(m_files.at(index)).fileName();
        if (!sink) {
            report.file = m_files.at(index);
            report.status = ImportFileReport::Status::Rejected;
            report.message =
                tr("file %1: not imported, the database could not be opened for importing (%2)")
                    .arg(name, unavailable);
        } else if (m_cancelled.load()) {
            report.file = m_files.at(index);
            report.status = ImportFileReport::Status::Cancelled;
            report.message =
                tr("file %1: not imported, the import was cancelled before it started").arg(name);
        } else {
            report = importOne(index, *sink);
        }
        QMetaObject::invokeMethod(
            this,
            [this, index, report] {
                m_reports.append(report);
                emit fileFinished(index, m_reports.constLast());
            },
            Qt::QueuedConnection);
    }
    sink.reset(); // closes its connection on the thread that opened it
    QMetaObject::invokeMethod(
        this, [this] { emit finished(); }, Qt::QueuedConnection);
}

ImportFileReport ImportWorker::importOne(int index, models::OrderImportSink &sink)
{
    const QString &path = m_files.at(index);
    ImportRunProgress progress{index, 0, QFileInfo(path).size(), 0};
    post(progress);

    QElapsedTimer sincePosted;
    sincePosted.start();
    const auto postNowAndThen = [&] {
        if (sincePosted.elapsed() >= kProgressIntervalMs) {
            post(progress);
            sincePosted.restart();
        }
    };
    CancellableSink cancellable(sink, m_cancelled, [&](int orders) {
        progress.orders = orders;
        postNowAndThen();
    });
    const importers::ImportProgressFn onProgress = [&](const importers::ImportProgress &p) {
        progress.bytesRead = p.bytesRead;
        progress.bytesTotal = p.bytesTotal;
        postNowAndThen();
        return !m_cancelled.load();
    };

    ImportFileReport report =
        importers::importOrderFile(path, cancellable, m_options, m_userName, onProgress);
    if (cancellable.refused() && report.status != ImportFileReport::Status::Imported) {
        report.status = ImportFileReport::Status::Cancelled;
        report.message = cancellable.cancelledMessage(QFileInfo(path).fileName());
    }
    if (report.status == ImportFileReport::Status::Imported)
        progress.bytesRead = progress.bytesTotal;
    post(progress);
    return report;
}

void ImportWorker::post(const ImportRunProgress &progress)
{
    QMetaObject::invokeMethod(
        this, [this, progress] { emit progressed(progress); }, Qt::QueuedConnection);
}

} // namespace ui
