#pragma once

#include "models/report.h"
#include "models/result.h"
#include "ui/screensources.h"
#include "ui/workerrun.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QThread;

namespace ui {

class ReportChartView;
class ScreenHeader;

// Reports: late orders, stock-outs, accuracy, turnover and sales by channel over a
// chosen range, channel and location. The answer comes first in words, then a chart
// and tables (one tab each), every table exportable to CSV. Reports compute on a
// worker thread with their own connection, with a progress bar and Cancel; changing
// a choice runs the report again.
class ReportsScreen : public QWidget
{
    Q_OBJECT
public:
    explicit ReportsScreen(ReportSourceFactory makeSource, QWidget *parent = nullptr);
    ~ReportsScreen() override;

    // The query the choices make (the range's today is the current UTC day).
    models::ReportQuery query() const;
    bool isRunning() const { return m_worker.isRunning(); }
    const models::Report &report() const { return m_report; }
    // Writes the table of the current tab as CSV; the error names the file.
    models::Status exportCurrentTable(const QString &path) const;

public slots:
    void run();
    void cancel();

signals:
    // A run finished: shown, failed or cancelled.
    void finished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyPreset();
    void datesEdited();
    void choicesChanged();
    void showProgress(qint64 done, qint64 total);
    void finishRun(models::Result<models::Report> result, models::ReportChoices choices);
    void showReport();
    void fillChoices(const models::ReportChoices &choices);
    void chooseExportFile();

    ReportSourceFactory m_makeSource;
    ScreenHeader *m_header;
    QComboBox *m_kind;
    QComboBox *m_range;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_channel;
    QComboBox *m_location;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_run;
    QPushButton *m_export;
    QLabel *m_headline;
    QLabel *m_findings;
    ReportChartView *m_chart;
    QTabWidget *m_tables;

    models::Report m_report;
    bool m_haveChoices = false;
    bool m_ranOnce = false;
    bool m_rerun = false; // a choice changed while a run was going: run again after it
    // Declared last, so it stops the job before the other members go.
    WorkerRun m_worker{this, [this](qint64 done, qint64 total) { showProgress(done, total); }};
};

} // namespace ui
