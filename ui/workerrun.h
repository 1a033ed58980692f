#pragma once

// One long job at a time on a worker thread, for a screen: the job's progress and the
// end of the job come back to the screen's thread through queued calls, Cancel raises
// a flag the job's progress callback answers, and the destructor cancels and waits.
// While a run goes on its QThread is a child of the context, so a screen with a
// QThread child is still computing.

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace ui {

class WorkerRun
{
public:
    // Given to the job on the worker: reports done of total, false once cancelled.
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // Runs on the worker; returns what to do on the screen's thread when it has ended.
    using Job = std::function<std::function<void()>(const Progress &progress)>;

    // Progress reaches onProgress on context's thread while the run goes on, not
    // after Cancel.
    WorkerRun(QObject *context, std::function<void(qint64 done, qint64 total)> onProgress);
    ~WorkerRun();
    WorkerRun(const WorkerRun &) = delete;
    WorkerRun &operator=(const WorkerRun &) = delete;

    bool isRunning() const { return m_thread != nullptr; }
    // Whether the latest run was cancelled; stays so after it ends, until the next start.
    bool cancelled() const { return m_cancelled && m_cancelled->load(); }
    void cancel();
    // The thread is gone by the time what the job returned runs.
    void start(const QString &threadName, Job job);

private:
    void finish(const std::function<void()> &deliver);

    QObject *m_context;
    std::function<void(qint64, qint64)> m_onProgress;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
};

} // namespace ui
