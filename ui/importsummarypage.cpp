#include "ui/importsummarypage.h"

#include "ui/importerrormodel.h"
#include "ui/importlook.h"
#include "ui/importtext.h"
#include "ui/lazytableview.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

using importers::ImportFileReport;
using namespace importlook;

namespace {} // namespace

ImportSummaryPage::ImportSummaryPage(QWidget *parent)
    : QWidget(parent), m_headline(headingLabel(QString(), this, 1.25)),
      m_filesModel(new QStandardItemModel(this)),
      m_files(table(QStringLiteral("summaryTable"), m_filesModel, this)),
      m_messages(messageLabel(QStringLiteral("summaryMessages"), errorBoxStyle, this)),
      m_errorsHeading(headingLabel(QString(), this)), m_errorModel(new ImportErrorModel(this)),
      m_errors(table(QStringLiteral("errorTable"), m_errorModel, this)),
      m_saveResult(messageLabel(QStringLiteral("saveErrorsResult"), quietStyle, this))
{
    m_headline->setObjectName(QStringLiteral("summaryHeadline"));
    m_headline->setWordWrap(true);
    m_errorsHeading->setObjectName(QStringLiteral("errorsHeading"));

    setHeaders(m_filesModel, {tr("File"), tr("Channel"), tr("Result"), tr("New"), tr("Updated"),
                              tr("Unchanged"), tr("On hold"), tr("Errors")});
    // A few rows to read, nothing to act on: no selection to draw or tab through.
    m_files->setSelectionMode(QAbstractItemView::NoSelection);
    m_files->setFocusPolicy(Qt::NoFocus);
    m_files->setColumnLayouts({
        {.sample = QStringLiteral("orders_export_2026-01-31 (2).csv"), .stretch = true},
        {.sample = QStringLiteral("Shopify")},
        {.sample = QStringLiteral("Cancelled")},
        {.sample = QStringLiteral("9,999"), .numeric = true},
        {.sample = QStringLiteral("9,999"), .numeric = true},
        {.sample = QStringLiteral("9,999"), .numeric = true},
        {.sample = QStringLiteral("9,999"), .numeric = true},
        {.sample = QStringLiteral("9,999"), .numeric = true},
    });
    m_errors->setColumnLayouts({
        {.sample = QStringLiteral("orders_export_2026-01-31.csv")},
        {.sample = QStringLiteral("1,000,000"), .numeric = true},
        {.sample = QStringLiteral("Lineitem quantity")},
        {.sample = QString(), .stretch = true},
    });
    m_saveResult->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_headline);
    layout->addSpacing(4);
    layout->addWidget(m_files);
    layout->addWidget(m_messages);
    layout->addSpacing(8);
    layout->addWidget(m_errorsHeading);
    layout->addWidget(m_errors, 1);
    layout->addWidget(m_saveResult);
    layout->addStretch();
}

void ImportSummaryPage::showReports(const QList<ImportFileReport> &reports)
{
    m_headline->setText(importRunSentence(reports));

    m_filesModel->removeRows(0, m_filesModel->rowCount());
    QList<ImportErrorRow> errors;
    QStringList messages;
    bool anyImported = false;
    bool anyRejected = false;
    for (const ImportFileReport &report : reports) {
        const QString name = QFileInfo(report.file).fileName();
        QList<QStandardItem *> row{textItem(name, QDir::toNativeSeparators(report.file)),
                                   textItem(report.format
                                                ? importers::orderFileFormatName(*report.format)
                                                : QStringLiteral("—")),
                                   textItem(importStatusName(report.status), report.message)};
        if (report.status == ImportFileReport::Status::Imported) {
            anyImported = true;
            const models::ImportRunTotals &t = report.totals;
            row << numberItem(t.ordersCreated) << numberItem(t.ordersUpdated)
                << numberItem(t.ordersUnchanged) << numberItem(t.onHold)
                << numberItem(t.errors.size());
            for (const models::ImportFieldError &error : t.errors)
                errors.append({name, error});
        } else {
            // Counts of a file not kept would be a claim about nothing: its reason instead.
            anyRejected = anyRejected || report.status == ImportFileReport::Status::Rejected;
            messages.append(tr("%1: %2").arg(name, messageBesideFileName(report.message, name)));
        }
        m_filesModel->appendRow(row);
    }
    fixRows(m_files, int(reports.size()), importlook::kVisibleFiles);

    m_messages->setText(messages.join(QLatin1Char('\n')));
    m_messages->setStyleSheet(anyRejected ? errorBoxStyle : noticeBoxStyle);
    m_messages->setVisible(!messages.isEmpty());

    m_errorModel->setErrors(errors);
    m_errorsHeading->setText(
        errors.isEmpty() ? tr("No row errors.")
                         : tr("%1 — the orders they belong to were imported on hold")
                               .arg(countedNoun(errors.size(), tr("row error"), tr("row errors"))));
    m_errorsHeading->setVisible(anyImported);
    m_errors->setVisible(!errors.isEmpty());
    fitRows(m_errors, int(errors.size()));
    m_saveResult->hide();
}

bool ImportSummaryPage::hasErrors() const
{
    return m_errorModel->rowCount() > 0;
}

void ImportSummaryPage::chooseErrorFile()
{
    const QString folder =
        QSettings().value(importlook::lastDirectoryKey, QDir::homePath()).toString();
    // open(), not exec(): the window keeps painting, and tests can answer the dialog.
    auto *chooser = new QFileDialog(this, tr("Save errors as CSV"), folder,
                                    tr("CSV files (*.csv);;All files (*)"));
    chooser->setObjectName(QStringLiteral("saveErrorsFileDialog"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(QStringLiteral("csv"));
    chooser->selectFile(QStringLiteral("import-errors.csv"));
    connect(chooser, &QFileDialog::fileSelected, this, &ImportSummaryPage::saveErrors);
    chooser->open();
}

void ImportSummaryPage::saveErrors(const QString &path)
{
    const models::Status saved = writeImportErrorsCsv(path, m_errorModel->errors());
    if (saved) {
        m_saveResult->setText(
            tr("Saved %1 to %2.")
                .arg(countedNoun(m_errorModel->rowCount(), tr("error"), tr("errors")),
                     QDir::toNativeSeparators(path)));
        m_saveResult->setStyleSheet(quietStyle);
    } else {
        m_saveResult->setText(tr("The errors were not saved: %1").arg(saved.error()));
        m_saveResult->setStyleSheet(errorBoxStyle);
    }
    m_saveResult->show();
}

} // namespace ui
