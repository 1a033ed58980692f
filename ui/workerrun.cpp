#include "ui/workerrun.h"

#include <QThread>

namespace ui {

WorkerRun::WorkerRun(QObject *context, std::function<void(qint64, qint64)> onProgress)
    : m_context(context), m_onProgress(std::move(onProgress))
{}

WorkerRun::~WorkerRun()
{
    if (m_thread) {
        m_cancelled->store(true);
        m_thread->wait();
        delete m_thread;
    }
}

void WorkerRun::cancel()
{
    if (m_thread)
        m_cancelled->store(true);
}

void WorkerRun::start(const QString &threadName, Job job)
{
    auto flag = std::make_shared<std::atomic<bool>>(false);
    m_cancelled = flag;
    Progress progress = [this, flag](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            m_context,
            [this, done, total] {
                if (m_thread && !cancelled())
                    m_onProgress(done, total);
            },
            Qt::QueuedConnection);
        return !flag->load();
    };
    // The owner of this run waits for the thread before it goes, so `this` outlives
    // every queued call the worker makes.
    m_thread = QThread::create([this, job = std::move(job), progress = std::move(progress)] {
        const std::function<void()> deliver = job(progress);
        QMetaObject::invokeMethod(
            m_context, [this, deliver] { finish(deliver); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(threadName);
    // Owned by the screen while it runs, so whoever looks at the screen (a screenshot)
    // can tell it is still working.
    m_thread->setParent(m_context);
    m_thread->start(QThread::LowPriority);
}

void WorkerRun::finish(const std::function<void()> &deliver)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    deliver();
}

} // namespace ui
