#pragma once

#include "models/reordersource.h"
#include "ui/screensources.h"
#include "ui/workerrun.h"

#include <QMessageBox>
#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QThread;

namespace models {
class ReorderModel;
}

namespace ui {

class LazyTableView;
class ScreenHeader;

// Reorder suggestions per product and location, grouped by supplier: what sells, how
// long it takes to arrive, what is on hand and on order, and what to order, with
// the reason in words. Suggestions are computed on a thread of their own (with a
// progress bar and Cancel) the first time the screen is shown and on Recalculate;
// the filters then work on what was computed. Selected rows become draft purchase
// orders, one per supplier and delivery location, after a confirmation.
class ReorderScreen : public QWidget
{
    Q_OBJECT
public:
    // An empty factory (no database): the screen says so instead of computing.
    ReorderScreen(ReorderSourceFactory makeSource, QString userName, QWidget *parent = nullptr);
    // Cancels a computation still running and waits for it.
    ~ReorderScreen() override;

    models::ReorderModel *model() const { return m_model; }
    LazyTableView *table() const { return m_table; }
    bool isComputing() const { return m_worker.isRunning(); }
    // The confirmation on screen, while it is open.
    QMessageBox *confirmation() const { return m_confirmation.data(); }

    void recalculate();
    void cancel();
    // Asks to confirm, then writes draft purchase orders for the selected rows.
    void createDraftPurchaseOrders();

signals:
    void computed();
    void draftPurchaseOrdersCreated(const QStringList &poNumbers);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void finishComputing(models::Result<QList<models::ReorderSuggestion>> rows);
    void showProgress(qint64 done, qint64 total);
    void fillFilters();
    void applyFilter();
    void updateSummary();
    void updateActions();
    void showDetail(const QModelIndex &current);
    QList<models::ReorderSuggestion> selectedSuggestions() const;
    void writeDrafts(const QList<models::ReorderSuggestion> &rows);

    ReorderSourceFactory m_makeSource;
    QString m_userName;
    ScreenHeader *m_header;
    QComboBox *m_location;
    QComboBox *m_supplier;
    QCheckBox *m_onlyBelow;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_recalculate;
    QPushButton *m_createDrafts;
    QLabel *m_notice;
    QLabel *m_detail;
    LazyTableView *m_table;
    models::ReorderModel *m_model;
    QPointer<QMessageBox> m_confirmation;
    bool m_computedOnce = false;
    QString m_settingsText;
    // Declared last, so it stops the job before the other members go.
    WorkerRun m_worker{this, [this](qint64 done, qint64 total) { showProgress(done, total); }};
};

} // namespace ui
