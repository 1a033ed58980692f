#pragma once

#include "importers/api/orderpull.h"
#include "ui/screensources.h"

#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace ui {

// Pulls one channel's orders on a thread of its own (the network waits and the
// writes never block the window) through importers::api::pullOrders(): every page
// read first, then one transaction. The sink is made by the factory on that thread
// and destroyed there. cancel() stops the pull at its next wait, page or order;
// nothing of it is written. Signals are emitted on the GUI thread.
class PullWorker : public QObject
{
    Q_OBJECT
public:
    PullWorker(importers::api::ChannelConnection connection, importers::api::PullOptions options,
               QString userName, OrderImportSinkFactory makeSink, QObject *parent = nullptr);
    // Cancels a pull still going and waits for it.
    ~PullWorker() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    const importers::api::PullReport &report() const { return m_report; }

signals:
    void progressed(const importers::api::PullProgress &progress);
    void finished();

private:
    void run(); // on the worker thread

    const importers::api::ChannelConnection m_connection;
    const importers::api::PullOptions m_options;
    const QString m_userName;
    const OrderImportSinkFactory m_makeSink;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancelled{false};
    bool m_running = false;
    importers::api::PullReport m_report; // GUI thread only
};

} // namespace ui
