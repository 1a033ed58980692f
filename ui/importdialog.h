#pragma once

#include "importers/orderfileimport.h"
#include "ui/screensources.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;

namespace ui {

class ImportSummaryPage;
class ImportWorker;
class LazyTableView;
struct ImportRunProgress;

// File › Import…: shows what each chosen file is (its channel, or why it will be
// rejected) and its first orders, imports the importable ones off the GUI thread
// with a progress bar and a Cancel that rolls the file back, then sums up per
// file with the row errors, which can be saved as CSV. The rules are the
// importers' own: this dialog only calls them and shows what they say.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Stage
    {
        Preview,
        Importing,
        Summary,
    };

    // How many orders of each file the preview shows.
    static constexpr int kPreviewOrders = 20;

    // `makeSink` empty: the files are previewed but importing is unavailable.
    ImportDialog(const QStringList &files, OrderImportSinkFactory makeSink, const QString &userName,
                 QWidget *parent = nullptr);
    // An import still running is cancelled (rolled back) and waited for.
    ~ImportDialog() override;

    Stage stage() const { return m_stage; }
    const QStringList &files() const { return m_files; }
    // After an import: one report per file imported or attempted, in file order.
    const QList<importers::ImportFileReport> &reports() const { return m_reports; }

    // While importing, Esc and the window's close button cancel the import
    // instead of closing: the summary then says what was kept.
    void reject() override;

signals:
    // After a run that committed at least one file: what happened, in a sentence.
    void ordersImported(const QString &summary);

private:
    struct FilePreview
    {
        QString path;
        importers::OrderFilePreview preview;
        bool importable() const { return preview.rejection.isEmpty() && preview.format; }
    };

    QWidget *buildPreviewPage();
    QWidget *buildProgressPage();
    void buildButtons();

    importers::OrderFileOptions options() const;
    void refreshPreviews();
    void showFilePreview(int index);
    QStringList importableFiles() const;

    void startImport();
    void onProgress(const ImportRunProgress &progress);
    void onImportFinished();
    void setStage(Stage stage);

    const QStringList m_files;
    const OrderImportSinkFactory m_makeSink;
    const QString m_userName;
    QList<FilePreview> m_previews;
    QList<importers::ImportFileReport> m_reports;
    Stage m_stage = Stage::Preview;
    ImportWorker *m_worker = nullptr;
    QList<qint64> m_importSizes; // of the files being imported, for overall progress

    QStackedWidget *m_pages = nullptr;
    // Preview
    LazyTableView *m_fileList = nullptr;
    QStandardItemModel *m_fileModel = nullptr;
    QComboBox *m_channel = nullptr;
    QLabel *m_fileTitle = nullptr;
    QLabel *m_format = nullptr;
    QLabel *m_rejection = nullptr;
    LazyTableView *m_previewTable = nullptr;
    QStandardItemModel *m_previewModel = nullptr;
    QLabel *m_previewNote = nullptr;
    QLabel *m_unavailable = nullptr;
    // Importing
    QLabel *m_progressFile = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_progressDetail = nullptr;
    ImportSummaryPage *m_summary = nullptr;
    // Buttons
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QPushButton *m_cancelImportButton = nullptr;
    QPushButton *m_saveErrorsButton = nullptr;
};

} // namespace ui
