#pragma once

#include "importers/orderfileimport.h"
#include "ui/screensources.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace ui {

// Where an import run has got to, for the progress bar.
struct ImportRunProgress
{
    int fileIndex = 0;
    qint64 bytesRead = 0;  // of the current file
    qint64 bytesTotal = 0; // the current file's size
    int orders = 0;        // of the current file, written so far
};

// Imports files one after another on a thread of its own, so the window stays
// live, through importers::importOrderFile(): one transaction per file. The sink
// is made by the factory on that thread and destroyed there.
//
// cancel() is honoured before the next order is written and before the commit,
// not only when the importer next reports progress: the file in progress is
// rolled back (recorded as a cancelled attempt) and later files are not started.
// A file already committed stays imported.
//
// Signals are emitted on the thread that owns the object (the GUI thread).
class ImportWorker : public QObject
{
    Q_OBJECT
public:
    ImportWorker(QStringList files, importers::OrderFileOptions options, QString userName,
                 OrderImportSinkFactory makeSink, QObject *parent = nullptr);
    // Cancels a run still going and waits for it: the file in progress is rolled back.
    ~ImportWorker() override;

    void start();
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    const QStringList &files() const { return m_files; }
    // One report per file finished so far, in file order.
    const QList<importers::ImportFileReport> &reports() const { return m_reports; }

signals:
    void progressed(const ui::ImportRunProgress &progress);
    void fileFinished(int fileIndex, const importers::ImportFileReport &report);
    void finished();

private:
    // On the worker thread.
    void run();
    importers::ImportFileReport importOne(int index, models::OrderImportSink &sink);
    void post(const ImportRunProgress &progress);

    const QStringList m_files;
    const importers::OrderFileOptions m_options;
    const QString m_userName;
    const OrderImportSinkFactory m_makeSink;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancelled{false};
    QList<importers::ImportFileReport> m_reports; // GUI thread only
};

} // namespace ui
