#pragma once

#include "models/stockoperations.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QThread;

namespace models {
class ReconciliationModel;
}

namespace ui {

// The stock reconciliation for a day or a range of days: per product and location,
// opening + received + shipped ± returns, transfers, adjustments and counts = closing,
// with pairs whose on-hand figure disagrees with the ledger, or whose cycle count was
// off by more than 1 %, listed first; and the inventory accuracy of the counts. It
// runs on a thread of its own with a Cancel button.
class ReconciliationDialog : public QDialog
{
    Q_OBJECT
public:
    ReconciliationDialog(models::StockOperations *operations, QWidget *parent = nullptr);
    ~ReconciliationDialog() override;

    void setRange(const QDate &from, const QDate &to);
    void run();
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    models::ReconciliationModel *model() const { return m_model; }
    QString summary() const;

signals:
    void finished();

private:
    void onDone();

    models::StockOperations *m_operations;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QTableView *m_table;
    models::ReconciliationModel *m_model;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_stop;
    std::shared_ptr<models::Result<models::ReconciliationReport>> m_result;
};

} // namespace ui
