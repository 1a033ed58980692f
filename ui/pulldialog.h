#pragma once

#include "importers/api/orderpull.h"
#include "ui/screensources.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace ui {

class ImportSummaryPage;
class PullWorker;

// File › Pull orders from channels…: the channel, how to reach its API (shop or
// address, token, marketplace; remembered on this PC when asked), orders changed
// since which day; then the pull off the GUI thread with a progress bar and a
// Cancel that writes nothing; then the same summary as an import.
class PullDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Stage
    {
        Setup,
        Pulling,
        Summary,
    };

    // `makeSink` empty: no database is open, and pulling is unavailable.
    PullDialog(OrderImportSinkFactory makeSink, const QString &userName, QWidget *parent = nullptr);
    ~PullDialog() override;

    Stage stage() const { return m_stage; }
    // After a pull: what it did.
    const importers::api::PullReport &report() const { return m_report; }

    // While pulling, Esc and the close button cancel the pull instead of closing.
    void reject() override;

signals:
    // After a pull that wrote: what happened, in a sentence.
    void ordersPulled(const QString &summary);

private:
    QWidget *buildSetupPage();
    QWidget *buildProgressPage();
    QString channel() const;
    void loadChannel();
    importers::api::ChannelConnection connectionFromFields() const;
    void startPull();
    void showProgress(const importers::api::PullProgress &progress);
    void finishPull();
    void setStage(Stage stage);

    const OrderImportSinkFactory m_makeSink;
    const QString m_userName;
    Stage m_stage = Stage::Setup;
    importers::api::PullReport m_report;
    PullWorker *m_worker = nullptr;
    QString m_savedToken; // of the channel shown; never put in the field

    QStackedWidget *m_pages = nullptr;
    QComboBox *m_channel = nullptr;
    QLabel *m_endpointLabel = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QLineEdit *m_token = nullptr;
    QLabel *m_marketplaceLabel = nullptr;
    QLineEdit *m_marketplace = nullptr;
    QDateEdit *m_since = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_setupMessage = nullptr;
    QLabel *m_progressText = nullptr;
    QLabel *m_notice = nullptr;
    QProgressBar *m_progress = nullptr;
    ImportSummaryPage *m_summary = nullptr;
    QPushButton *m_pullButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace ui
