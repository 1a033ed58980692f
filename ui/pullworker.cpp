#include "ui/pullworker.h"

#include <QThread>

namespace ui {

namespace api = importers::api;

PullWorker::PullWorker(api::ChannelConnection connection, api::PullOptions options,
                       QString userName, OrderImportSinkFactory makeSink, QObject *parent)
    : QObject(parent), m_connection(std::move(connection)), m_options(std::move(options)),
      m_userName(std::move(userName)), m_makeSink(std::move(makeSink))
{}

PullWorker::~PullWorker()
{
    if (m_thread) {
        m_cancelled = true;
        m_thread->wait();
        delete m_thread;
    }
}

void PullWorker::start()
{
    if (m_thread)
        return;
    m_running = true;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("orderPull"));
    m_thread->start();
}

void PullWorker::cancel()
{
    m_cancelled = true;
}

void PullWorker::run()
{
    api::PullReport report;
    report.channel = m_connection.channel;
    report.source = QStringLiteral("orders API of %1").arg(api::accountName(m_connection));
    if (!m_makeSink) {
        report.message = tr("no database is open");
    } else if (auto sink = m_makeSink(); !sink) {
        report.message = sink.error();
    } else {
        report = api::pullOrders(
            m_connection, *sink.value(), m_options, m_userName,
            [this](const api::PullProgress &p) {
                QMetaObject::invokeMethod(
                    this, [this, p] { emit progressed(p); }, Qt::QueuedConnection);
            },
            [this] { return m_cancelled.load(); });
    } // the sink (and its connection) closes here, on this thread
    QMetaObject::invokeMethod(
        this,
        [this, report] {
            m_report = report;
            m_running = false;
            emit finished();
        },
        Qt::QueuedConnection);
}

} // namespace ui
