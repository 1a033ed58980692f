#include "ui/importdialog.h"

#include "ui/countformat.h"
#include "ui/importlook.h"
#include "ui/importsummarypage.h"
#include "ui/importtext.h"
#include "ui/importworker.h"
#include "ui/lazytableview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace ui {

using importers::ImportFileReport;
using importers::OrderFileFormat;
using namespace importlook;

namespace {

constexpr QSize kDialogSize(1040, 660);
constexpr double kMaxScreenShare = 0.9;
constexpr int kProgressSteps = 1000;

QString withoutNothingImported(QString message)
{
    // The importers word their refusals for after the fact; in a preview nothing
    // has been attempted yet.
    const QLatin1String tail("; nothing was imported");
    if (message.endsWith(tail))
        message.chop(tail.size());
    return message;
}

QString channelName(const std::optional<OrderFileFormat> &format)
{
    return format ? importers::orderFileFormatName(*format) : QStringLiteral("—");
}

} // namespace

ImportDialog::ImportDialog(const QStringList &files, OrderImportSinkFactory makeSink,
                           const QString &userName, QWidget *parent)
    : QDialog(parent), m_files(files), m_makeSink(std::move(makeSink)), m_userName(userName),
      m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import orders"));
    setSizeGripEnabled(true);

    m_pages->addWidget(buildPreviewPage());
    m_pages->addWidget(buildProgressPage());
    m_summary = new ImportSummaryPage(this);
    m_summary->setObjectName(QStringLiteral("summaryPage"));
    m_pages->addWidget(m_summary);
    buildButtons();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(12);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_buttons);

    const QSize available =
        (parent ? parent->screen() : QGuiApplication::primaryScreen())->availableGeometry().size();
    resize(kDialogSize.boundedTo(available * kMaxScreenShare));

    refreshPreviews();
    setStage(Stage::Preview);
    m_fileList->setFocus(Qt::OtherFocusReason);
}

ImportDialog::~ImportDialog() = default; // the worker (a child) cancels and waits

QWidget *ImportDialog::buildPreviewPage()
{
    auto *page = new QWidget(this);

    // Channel: one choice for all the files, since a day's files are usually
    // from one channel, and Detect handles a mix.
    m_channel = new QComboBox(page);
    m_channel->setObjectName(QStringLiteral("channelCombo"));
    m_channel->addItem(tr("Detect"));
    for (OrderFileFormat format :
         {OrderFileFormat::Shopify, OrderFileFormat::Amazon, OrderFileFormat::Ebay})
        m_channel->addItem(importers::orderFileFormatName(format),
                           importers::orderFileFormatCode(format));
    auto *channelLabel = new QLabel(tr("&Channel:"), page);
    channelLabel->setBuddy(m_channel);
    auto *channelHint =
        new QLabel(tr("Detect tells each file's channel from its header row."), page);
    channelHint->setStyleSheet(quietStyle);
    connect(m_channel, &QComboBox::currentIndexChanged, this, &ImportDialog::refreshPreviews);

    m_fileModel = new QStandardItemModel(this);
    setHeaders(m_fileModel, {tr("File"), tr("Channel"), tr("Preview")});
    m_fileList = table(QStringLiteral("fileList"), m_fileModel, page);
    m_fileList->setColumnLayouts({{.sample = QStringLiteral("orders_export_2026-01-31 (2).csv")},
                                  {.sample = QStringLiteral("Shopify")},
                                  {}});
    connect(m_fileList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showFilePreview(current.row()); });

    m_fileTitle = headingLabel(QString(), page, 1.15);
    m_fileTitle->setObjectName(QStringLiteral("fileTitle"));
    m_format = new QLabel(page);
    m_format->setObjectName(QStringLiteral("formatLabel"));
    m_format->setStyleSheet(quietStyle);
    m_rejection = messageLabel(QStringLiteral("rejectionLabel"), errorBoxStyle, page);

    m_previewModel = new QStandardItemModel(this);
    setHeaders(m_previewModel, {tr("Number"), tr("Placed"), tr("Customer"), tr("Country"),
                                tr("Items"), tr("Total"), tr("Warning")});
    m_previewTable = table(QStringLiteral("previewTable"), m_previewModel, page);
    m_previewTable->setColumnLayouts({
        {.sample = QStringLiteral("114-1234567-1234567")},
        {.sample = QStringLiteral("2026-12-31 23:59")},
        {.sample = QStringLiteral("Alexandra Richardson")},
        {.sample = QStringLiteral("Country")},
        {.sample = QStringLiteral("Items"), .numeric = true},
        {.sample = QStringLiteral("$12,345.67"), .numeric = true},
        {.sample = QString(), .stretch = true},
    });
    m_previewNote = new QLabel(page);
    m_previewNote->setObjectName(QStringLiteral("previewNote"));
    m_previewNote->setWordWrap(true);
    m_previewNote->setStyleSheet(quietStyle);

    m_unavailable = messageLabel(QStringLiteral("unavailableLabel"), noticeBoxStyle, page);
    m_unavailable->setText(tr("Importing is unavailable: no database is open. The files can "
                              "be previewed, but nothing can be imported."));
    m_unavailable->setVisible(!m_makeSink);

    auto *channelRow = new QHBoxLayout;
    channelRow->setSpacing(8);
    channelRow->addWidget(channelLabel);
    channelRow->addWidget(m_channel);
    channelRow->addSpacing(8);
    channelRow->addWidget(channelHint, 1);

    auto *formatRow = new QHBoxLayout;
    formatRow->setSpacing(12);
    formatRow->addWidget(m_fileTitle, 0, Qt::AlignBaseline);
    formatRow->addWidget(m_format, 1, Qt::AlignBaseline);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(channelRow);
    layout->addSpacing(4);
    layout->addWidget(headingLabel(tr("Files"), page));
    layout->addWidget(m_fileList);
    layout->addSpacing(8);
    layout->addLayout(formatRow);
    layout->addWidget(m_rejection);
    layout->addWidget(m_previewTable, 1);
    layout->addWidget(m_previewNote);
    layout->addStretch();
    layout->addWidget(m_unavailable);
    return page;
}

QWidget *ImportDialog::buildProgressPage()
{
    auto *page = new QWidget(this);
    m_progressFile = headingLabel(QString(), page, 1.15);
    m_progressFile->setObjectName(QStringLiteral("progressFileLabel"));
    m_progressBar = new QProgressBar(page);
    m_progressBar->setObjectName(QStringLiteral("importProgress"));
    m_progressBar->setRange(0, kProgressSteps);
    m_progressBar->setTextVisible(true);
    m_progressDetail = new QLabel(page);
    m_progressDetail->setObjectName(QStringLiteral("progressDetail"));
    m_progressDetail->setStyleSheet(quietStyle);
    auto *note = new QLabel(tr("Each file is imported whole or not at all: Cancel leaves the "
                               "file being read as it was."),
                            page);
    note->setWordWrap(true);
    note->setStyleSheet(quietStyle);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(40, 0, 40, 0);
    layout->setSpacing(10);
    layout->addStretch(2);
    layout->addWidget(m_progressFile);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_progressDetail);
    layout->addSpacing(16);
    layout->addWidget(note);
    layout->addStretch(3);
    return page;
}

void ImportDialog::buildButtons()
{
    m_buttons = new QDialogButtonBox(this);
    m_importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_cancelImportButton = m_buttons->addButton(tr("Cancel import"), QDialogButtonBox::RejectRole);
    m_cancelImportButton->setObjectName(QStringLiteral("cancelImportButton"));
    m_closeButton = m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_saveErrorsButton =
        m_buttons->addButton(tr("Save &errors as CSV…"), QDialogButtonBox::ActionRole);
    m_saveErrorsButton->setObjectName(QStringLiteral("saveErrorsButton"));

    // Buttons are wired one by one: the box's accepted()/rejected() would close the
    // dialog, and only Close should.
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancelImportButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(m_closeButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(m_saveErrorsButton, &QPushButton::clicked, m_summary,
            &ImportSummaryPage::chooseErrorFile);
}

importers::OrderFileOptions ImportDialog::options() const
{
    importers::OrderFileOptions options;
    options.format = importers::orderFileFormatFromCode(m_channel->currentData().toString());
    return options;
}

void ImportDialog::refreshPreviews()
{
    // The first orders of a few files are read in a blink, so here rather than
    // on a thread; the import itself is what can take long.
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const importers::OrderFileOptions opts = options();
    m_previews.clear();
    for (const QString &path : m_files)
        m_previews.append({path, importers::previewOrderFile(path, opts, kPreviewOrders)});
    QGuiApplication::restoreOverrideCursor();

    const int current = std::max(0, m_fileList->currentIndex().row());
    m_fileModel->removeRows(0, m_fileModel->rowCount());
    const QIcon ready = style()->standardIcon(QStyle::SP_DialogApplyButton);
    const QIcon refused = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const FilePreview &file : std::as_const(m_previews)) {
        const QString name = QFileInfo(file.path).fileName();
        auto *nameItem = textItem(name, QDir::toNativeSeparators(file.path));
        nameItem->setIcon(file.importable() ? ready : refused);
        QString state;
        if (!file.importable()) {
            state = tr("Will not be imported");
        } else {
            const auto held = std::count_if(
                file.preview.orders.cbegin(), file.preview.orders.cend(),
                [](const models::ImportedOrder &order) { return !order.errors.isEmpty(); });
            state = file.preview.orders.size() < kPreviewOrders
                        ? countedNoun(file.preview.orders.size(), tr("order"), tr("orders"))
                        : tr("First %1 orders shown").arg(kPreviewOrders);
            if (held > 0)
                state += tr(", %1 on hold").arg(formatCount(held));
        }
        m_fileModel->appendRow({nameItem, textItem(channelName(file.preview.format)),
                                textItem(state, file.preview.rejection)});
    }

    fixRows(m_fileList, int(m_previews.size()), importlook::kVisibleFiles);

    const QStringList importable = importableFiles();
    m_importButton->setText(importable.size() == 1
                                ? tr("&Import 1 file")
                                : tr("&Import %1 files").arg(formatCount(importable.size())));
    m_importButton->setEnabled(!importable.isEmpty() && m_makeSink);

    const QModelIndex select = m_fileModel->index(std::min(current, int(m_previews.size()) - 1), 0);
    m_fileList->setCurrentIndex(select);
    m_fileList->selectionModel()->select(select, QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
    showFilePreview(select.row());
}

void ImportDialog::showFilePreview(int index)
{
    m_previewModel->removeRows(0, m_previewModel->rowCount());
    if (index < 0 || index >= m_previews.size()) {
        m_fileTitle->clear();
        m_format->clear();
        m_rejection->hide();
        m_previewNote->clear();
        return;
    }
    const FilePreview &file = m_previews.at(index);
    const importers::OrderFilePreview &preview = file.preview;
    m_fileTitle->setText(QFileInfo(file.path).fileName());
    if (!preview.format)
        m_format->setText(tr("Not a recognised order export"));
    else if (options().format)
        m_format->setText(
            tr("%1 order export, as chosen").arg(importers::orderFileFormatName(*preview.format)));
    else
        m_format->setText(tr("%1 order export, detected from its header")
                              .arg(importers::orderFileFormatName(*preview.format)));
    m_rejection->setText(tr("This file will not be imported. %1")
                             .arg(messageBesideFileName(withoutNothingImported(preview.rejection),
                                                        QFileInfo(file.path).fileName())));
    m_rejection->setVisible(!preview.rejection.isEmpty());

    int held = 0;
    for (const models::ImportedOrder &order : preview.orders) {
        const QString warning = importedOrderHoldWarning(order);
        held += warning.isEmpty() ? 0 : 1;
        const QString placed = order.placedAtUtc.isValid()
                                   ? QLocale().toString(order.placedAtUtc.toLocalTime(),
                                                        QStringLiteral("yyyy-MM-dd HH:mm"))
                                   : QString();
        const QString customer = order.buyerName.isEmpty() ? order.shipTo.name : order.buyerName;
        auto *items = numberItem(importedItemCount(order));
        auto *total = textItem(importedOrderTotal(order));
        total->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *warningItem = textItem(warning, importedOrderErrorList(order));
        if (!warning.isEmpty())
            warningItem->setForeground(QColor(0x9a, 0x67, 0x00));
        m_previewModel->appendRow({textItem(order.number), textItem(placed), textItem(customer),
                                   textItem(order.shipTo.country), items, total, warningItem});
    }

    QString note;
    if (preview.orders.isEmpty())
        note = preview.rejection.isEmpty() ? tr("The file holds no orders.") : QString();
    else if (!preview.rejection.isEmpty())
        note = tr("The orders read before the problem are shown.");
    else if (preview.orders.size() < kPreviewOrders)
        note = tr("All the orders in the file are shown.");
    else
        note = tr("The first %1 orders are shown; the whole file is imported.").arg(kPreviewOrders);
    if (held > 0)
        note += tr(" Orders with a warning have fields that could not be read: they are "
                   "imported on hold, and the summary lists the fields.");
    m_previewNote->setText(note.trimmed());
    m_previewNote->setVisible(!note.isEmpty());
    m_previewTable->setVisible(!preview.orders.isEmpty() || preview.rejection.isEmpty());
    fitRows(m_previewTable, int(preview.orders.size()));
}

QStringList ImportDialog::importableFiles() const
{
    QStringList files;
    for (const FilePreview &file : m_previews) {
        if (file.importable())
            files.append(file.path);
    }
    return files;
}

void ImportDialog::startImport()
{
    const QStringList files = importableFiles();
    if (m_stage != Stage::Preview || files.isEmpty() || !m_makeSink)
        return;
    m_importSizes.clear();
    for (const QString &path : files)
        m_importSizes.append(QFileInfo(path).size());

    m_worker = new ImportWorker(files, options(), m_userName, m_makeSink, this);
    connect(m_worker, &ImportWorker::progressed, this, &ImportDialog::onProgress);
    connect(m_worker, &ImportWorker::finished, this, &ImportDialog::onImportFinished);
    setStage(Stage::Importing);
    onProgress({0, 0, m_importSizes.value(0), 0});
    m_worker->start();
}

void ImportDialog::onProgress(const ImportRunProgress &progress)
{
    const QStringList &files = m_worker->files();
    const QString name = QFileInfo(files.value(progress.fileIndex)).fileName();
    if (m_worker->isCancelled())
        m_progressFile->setText(tr("Cancelling…"));
    else if (files.size() == 1)
        m_progressFile->setText(tr("Importing %1…").arg(name));
    else
        m_progressFile->setText(tr("Importing %1 (file %2 of %3)…")
                                    .arg(name)
                                    .arg(progress.fileIndex + 1)
                                    .arg(files.size()));

    const qint64 total = std::accumulate(m_importSizes.cbegin(), m_importSizes.cend(), qint64(0));
    const qint64 before = std::accumulate(
        m_importSizes.cbegin(),
        m_importSizes.cbegin() + std::min<qsizetype>(progress.fileIndex, m_importSizes.size()),
        qint64(0));
    const qint64 done = std::min(total, before + progress.bytesRead);
    const QString orders = countedNoun(progress.orders, tr("order"), tr("orders"));
    // The importer says how far it has read only every few hundred orders: until
    // then the bar just shows that work goes on.
    if (progress.bytesRead == 0 && before == 0) {
        m_progressBar->setRange(0, 0);
        m_progressDetail->setText(
            tr("%1 so far · the file is %2").arg(orders, formatFileSize(progress.bytesTotal)));
    } else {
        m_progressBar->setRange(0, kProgressSteps);
        m_progressBar->setValue(total > 0 ? int(done * kProgressSteps / total) : 0);
        m_progressDetail->setText(tr("%1 of %2 read · %3")
                                      .arg(formatFileSize(progress.bytesRead),
                                           formatFileSize(progress.bytesTotal), orders));
    }
}

void ImportDialog::onImportFinished()
{
    // One report per chosen file, in their order: the files refused at preview
    // were not attempted and say why.
    const QList<ImportFileReport> &imported = m_worker->reports();
    m_reports.clear();
    int next = 0;
    for (const FilePreview &file : std::as_const(m_previews)) {
        if (file.importable() && next < imported.size()) {
            m_reports.append(imported.at(next++));
            continue;
        }
        ImportFileReport report;
        report.file = file.path;
        report.format = file.preview.format;
        report.status = ImportFileReport::Status::Rejected;
        report.message = file.preview.rejection;
        m_reports.append(report);
    }
    m_summary->showReports(m_reports);
    m_saveErrorsButton->setEnabled(m_summary->hasErrors());
    setStage(Stage::Summary);

    const bool anyImported =
        std::any_of(m_reports.cbegin(), m_reports.cend(), [](const ImportFileReport &report) {
            return report.status == ImportFileReport::Status::Imported;
        });
    if (anyImported)
        emit ordersImported(importRunSentence(m_reports));
}

void ImportDialog::setStage(Stage stage)
{
    m_stage = stage;
    QPushButton *primary = stage == Stage::Preview     ? m_importButton
                           : stage == Stage::Importing ? m_cancelImportButton
                                                       : m_closeButton;
    // The next stage's button takes the focus before the page or the previous
    // button goes, so Qt does not hand it to the first table on the new page.
    primary->setVisible(true);
    if (stage != Stage::Preview)
        primary->setFocus(Qt::OtherFocusReason);

    m_pages->setCurrentIndex(int(stage));
    m_importButton->setVisible(stage == Stage::Preview);
    m_cancelImportButton->setVisible(stage == Stage::Importing);
    m_cancelImportButton->setEnabled(true);
    m_closeButton->setVisible(stage != Stage::Importing);
    m_closeButton->setText(stage == Stage::Summary ? tr("&Close") : tr("Cancel"));
    m_saveErrorsButton->setVisible(stage == Stage::Summary);
    for (QPushButton *button :
         {m_importButton, m_cancelImportButton, m_closeButton, m_saveErrorsButton})
        button->setDefault(button == primary);
}

void ImportDialog::reject()
{
    if (m_stage == Stage::Importing) {
        // Nothing of the file being read is kept; the summary follows when the
        // worker has rolled it back.
        m_worker->cancel();
        m_cancelImportButton->setEnabled(false);
        m_progressFile->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

} // namespace ui
