#include "ui/reportsscreen.h"

#include "models/reportrules.h"
#include "models/reporttablemodel.h"
#include "ui/countformat.h"
#include "ui/reportchartview.h"
#include "ui/reportexport.h"
#include "ui/screenheader.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace ui {

using models::RangePreset;
using models::Report;
using models::ReportKind;

namespace {

const QString kExportDirectoryKey = QStringLiteral("Reports/exportDirectory");
constexpr int kCustomRange = 4; // the range combo's last entry

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

ReportsScreen::ReportsScreen(ReportSourceFactory makeSource, QWidget *parent)
    : QWidget(parent), m_makeSource(std::move(makeSource)),
      m_header(new ScreenHeader(tr("Reports"), this)), m_kind(new QComboBox(this)),
      m_range(new QComboBox(this)), m_from(new QDateEdit(this)), m_to(new QDateEdit(this)),
      m_channel(new QComboBox(this)), m_location(new QComboBox(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_run(new QPushButton(tr("&Run"), this)), m_export(new QPushButton(tr("&Export CSV…"), this)),
      m_headline(new QLabel(this)), m_findings(new QLabel(this)),
      m_chart(new ReportChartView(this)), m_tables(new QTabWidget(this))
{
    m_kind->setObjectName(QStringLiteral("reportKind"));
    m_range->setObjectName(QStringLiteral("reportRange"));
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to->setObjectName(QStringLiteral("reportTo"));
    m_channel->setObjectName(QStringLiteral("reportChannel"));
    m_location->setObjectName(QStringLiteral("reportLocation"));
    m_progress->setObjectName(QStringLiteral("reportProgress"));
    m_cancel->setObjectName(QStringLiteral("reportCancel"));
    m_run->setObjectName(QStringLiteral("reportRun"));
    m_export->setObjectName(QStringLiteral("reportExport"));
    m_headline->setObjectName(QStringLiteral("reportHeadline"));
    m_findings->setObjectName(QStringLiteral("reportFindings"));
    m_chart->setObjectName(QStringLiteral("reportChart"));
    m_tables->setObjectName(QStringLiteral("reportTables"));
    setFocusProxy(m_kind);

    for (ReportKind kind : models::allReportKinds())
        m_kind->addItem(models::reportTitle(kind), static_cast<int>(kind));
    m_range->addItem(tr("Last 7 days"), static_cast<int>(RangePreset::Last7Days));
    m_range->addItem(tr("Last 30 days"), static_cast<int>(RangePreset::Last30Days));
    m_range->addItem(tr("Last 90 days"), static_cast<int>(RangePreset::Last90Days));
    m_range->addItem(tr("This month"), static_cast<int>(RangePreset::ThisMonth));
    m_range->addItem(tr("Custom"));
    m_range->setCurrentIndex(1);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
        edit->setMaximumDate(QDate::currentDate().addYears(1));
    }
    m_channel->addItem(tr("All channels"));
    m_location->addItem(tr("All locations"));
    m_channel->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_location->setMinimumContentsLength(12);
    m_location->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);

    m_progress->setTextVisible(true);
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_cancel->hide();
    m_run->setToolTip(tr("Run the report again (F5)"));
    m_export->setToolTip(tr("Save the table on screen as a CSV file for a spreadsheet"));
    m_export->setEnabled(false);

    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.2);
    headlineFont.setWeight(QFont::DemiBold);
    m_headline->setFont(headlineFont);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_findings->setWordWrap(true);
    m_findings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_findings->setStyleSheet(QStringLiteral("color: #1f2328;"));
    // The words never give way to the chart: every finding stays readable.
    m_headline->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_findings->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_tables->setDocumentMode(true);

    // Two rows, so the screen fits a 1024-pixel-wide window: what and when, then where
    // and the actions.
    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(buddyLabel(tr("Re&port:"), m_kind, this));
    filters->addWidget(m_kind);
    filters->addSpacing(10);
    filters->addWidget(buddyLabel(tr("R&ange:"), m_range, this));
    filters->addWidget(m_range);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(QStringLiteral("–"), this));
    filters->addWidget(m_to);
    filters->addStretch(1);
    auto *scope = new QHBoxLayout;
    scope->setSpacing(8);
    scope->addWidget(buddyLabel(tr("C&hannel:"), m_channel, this));
    scope->addWidget(m_channel);
    scope->addSpacing(10);
    scope->addWidget(buddyLabel(tr("&Location:"), m_location, this));
    scope->addWidget(m_location);
    scope->addStretch(1);
    scope->addWidget(m_progress);
    scope->addWidget(m_cancel);
    scope->addWidget(m_run);
    scope->addWidget(m_export);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_chart);
    split->addWidget(m_tables);
    // The chart above, the figures below: a little more room for the tables.
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 5);
    split->setSizes({400, 500});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 18);
    layout->setSpacing(10);
    layout->addWidget(m_header);
    layout->addLayout(filters);
    layout->addLayout(scope);
    layout->addWidget(m_headline);
    layout->addWidget(m_findings);
    layout->addWidget(split, 1);

    auto *refresh = new QShortcut(QKeySequence(Qt::Key_F5), this, nullptr, nullptr,
                                  Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QShortcut::activated, this, &ReportsScreen::run);
    connect(m_run, &QPushButton::clicked, this, &ReportsScreen::run);
    connect(m_cancel, &QPushButton::clicked, this, &ReportsScreen::cancel);
    connect(m_export, &QPushButton::clicked, this, &ReportsScreen::chooseExportFile);
    connect(m_range, &QComboBox::currentIndexChanged, this, &ReportsScreen::applyPreset);
    connect(m_from, &QDateEdit::dateChanged, this, &ReportsScreen::datesEdited);
    connect(m_to, &QDateEdit::dateChanged, this, &ReportsScreen::datesEdited);
    for (QComboBox *box : {m_kind, m_channel, m_location})
        connect(box, &QComboBox::currentIndexChanged, this, &ReportsScreen::choicesChanged);
    applyPreset();

    if (!m_makeSource) {
        m_header->setError(tr("No reports: no database is open."));
        for (QWidget *w : std::initializer_list<QWidget *>{m_kind, m_range, m_from, m_to, m_channel,
                                                           m_location, m_run})
            w->setEnabled(false);
        m_headline->setText(tr("Open a database to see late orders, stock-outs, accuracy, "
                               "turnover and sales."));
        m_findings->hide();
        return;
    }
    m_header->setSummary(tr("Not run yet"));
}

ReportsScreen::~ReportsScreen() = default;

void ReportsScreen::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_ranOnce && m_makeSource && !m_worker.isRunning())
        run();
}

models::ReportQuery ReportsScreen::query() const
{
    models::ReportQuery q;
    q.kind = static_cast<ReportKind>(m_kind->currentData().toInt());
    q.from = m_from->date();
    q.to = m_to->date();
    if (m_channel->currentData().isValid())
        q.channelId = m_channel->currentData().toLongLong();
    if (m_location->currentData().isValid())
        q.locationId = m_location->currentData().toLongLong();
    return q;
}

void ReportsScreen::applyPreset()
{
    if (m_range->currentIndex() == kCustomRange)
        return;
    const models::DateRange r =
        models::presetRange(static_cast<RangePreset>(m_range->currentData().toInt()),
                            QDateTime::currentDateTimeUtc().date());
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(r.from);
        m_to->setDate(r.to);
    }
    choicesChanged();
}

void ReportsScreen::datesEdited()
{
    // Typing a date makes the range a custom one.
    if (m_range->currentIndex() != kCustomRange) {
        const QSignalBlocker block(m_range);
        m_range->setCurrentIndex(kCustomRange);
    }
    if (m_from->date() > m_to->date())
        return; // wait for the other end
    choicesChanged();
}

void ReportsScreen::choicesChanged()
{
    if (!m_makeSource || !m_ranOnce)
        return;
    if (m_worker.isRunning()) {
        m_rerun = true;
        cancel();
        return;
    }
    run();
}

void ReportsScreen::run()
{
    if (!m_makeSource)
        return;
    if (m_worker.isRunning()) {
        m_rerun = true;
        cancel();
        return;
    }
    m_ranOnce = true;
    m_rerun = false;
    const models::ReportQuery q = query();
    if (q.from > q.to) {
        m_header->setError(
            tr("The range starts after it ends: choose a start on or before "
               "%1.")
                .arg(QLocale(QLocale::English).toString(q.to, QStringLiteral("d MMM yyyy"))));
        return;
    }
    m_header->setError({});
    m_header->setSummary(tr("Running %1…").arg(models::reportTitle(q.kind)));
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Reading…"));
    m_progress->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    m_export->setEnabled(false);

    const bool wantChoices = !m_haveChoices;
    m_worker.start(
        QStringLiteral("reportWorker"),
        [this, q, wantChoices, makeSource = m_makeSource](const WorkerRun::Progress &progress) {
            auto result = std::make_shared<models::Result<Report>>(models::Error{});
            auto choices = std::make_shared<models::ReportChoices>();
            models::Result<std::unique_ptr<models::ReportSource>> source = makeSource();
            if (!source.ok()) {
                *result = models::Error{source.error()};
            } else {
                if (wantChoices) {
                    models::Result<models::ReportChoices> c = source.value()->choices();
                    if (c.ok())
                        *choices = std::move(c).value();
                }
                *result = source.value()->run(q, progress);
            }
            return std::function<void()>(
                [this, result, choices] { finishRun(std::move(*result), std::move(*choices)); });
        });
}

void ReportsScreen::cancel()
{
    if (!m_worker.isRunning())
        return;
    m_worker.cancel();
    m_cancel->setEnabled(false);
    m_progress->setFormat(tr("Cancelling…"));
}

void ReportsScreen::showProgress(qint64 done, qint64 total)
{
    m_progress->setRange(0, static_cast<int>(std::min<qint64>(total, INT_MAX)));
    m_progress->setValue(static_cast<int>(std::min<qint64>(done, INT_MAX)));
    m_progress->setFormat(tr("Step %1 of %2").arg(done).arg(total));
}

void ReportsScreen::finishRun(models::Result<Report> result, models::ReportChoices choices)
{
    const bool cancelled = m_worker.cancelled();
    m_progress->hide();
    m_cancel->hide();
    if (!choices.channels.isEmpty() || !choices.locations.isEmpty())
        fillChoices(choices);

    if (m_rerun) {
        run();
        return;
    }
    if (cancelled) {
        m_header->setError({});
        m_header->setSummary(m_report.headline.isEmpty()
                                 ? tr("Cancelled")
                                 : tr("Cancelled: showing the last finished report"));
    } else if (!result.ok()) {
        m_header->setError(result.error());
        m_header->setSummary({});
    } else {
        m_header->setError({});
        m_report = std::move(result).value();
        showReport();
    }
    m_export->setEnabled(m_tables->count() > 0);
    emit finished();
}

void ReportsScreen::fillChoices(const models::ReportChoices &choices)
{
    m_haveChoices = true;
    const QSignalBlocker blockChannel(m_channel);
    const QSignalBlocker blockLocation(m_location);
    const QVariant channel = m_channel->currentData();
    const QVariant location = m_location->currentData();
    m_channel->clear();
    m_channel->addItem(tr("All channels"));
    for (const models::ReportChoice &c : choices.channels)
        m_channel->addItem(c.name, c.id);
    m_location->clear();
    m_location->addItem(tr("All locations"));
    for (const models::ReportChoice &l : choices.locations)
        m_location->addItem(l.name, l.id);
    m_channel->setCurrentIndex(std::max(0, m_channel->findData(channel)));
    m_location->setCurrentIndex(std::max(0, m_location->findData(location)));
}

void ReportsScreen::showReport()
{
    m_header->setSummary(tr("%1, %2 days")
                             .arg(models::reportTitle(m_report.kind))
                             .arg(m_report.from.daysTo(m_report.to) + 1));
    m_headline->setText(m_report.headline);
    QStringList bullets;
    for (const QString &f : m_report.findings)
        bullets.append(QStringLiteral("• ") + f.toHtmlEscaped());
    m_findings->setTextFormat(Qt::RichText);
    m_findings->setText(bullets.join(QStringLiteral("<br>")));
    m_findings->setVisible(!bullets.isEmpty());
    m_chart->setReportChart(m_report.chart);

    const int keepTab = m_tables->currentIndex();
    const QString keepTitle = keepTab >= 0 ? m_tables->widget(keepTab)->objectName() : QString();
    while (m_tables->count() > 0) {
        QWidget *w = m_tables->widget(0);
        m_tables->removeTab(0);
        delete w;
    }
    int select = 0;
    for (const models::ReportTable &t : m_report.tables) {
        auto *view = new QTableView(m_tables);
        view->setObjectName(QStringLiteral("reportTable%1").arg(m_tables->count()));
        auto *model = new models::ReportTableModel(view);
        model->setTable(t);
        auto *proxy = new QSortFilterProxyModel(view);
        proxy->setSourceModel(model);
        proxy->setSortRole(Qt::UserRole);
        view->setModel(proxy);
        view->setSortingEnabled(true);
        view->sortByColumn(-1, Qt::AscendingOrder); // the report's own order first
        view->setAlternatingRowColors(true);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->verticalHeader()->hide();
        view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
        view->horizontalHeader()->setStretchLastSection(true);
        view->horizontalHeader()->setHighlightSections(false);
        view->resizeColumnsToContents();
        for (int c = 0; c < model->columnCount(); ++c)
            view->setColumnWidth(c, std::min(view->columnWidth(c) + 12, 320));
        QString label = QStringLiteral("%1 (%2)").arg(t.title, formatCount(t.rows.size()));
        if (t.totalRows > t.rows.size())
            label = tr("%1 (first %2 of %3)")
                        .arg(t.title, formatCount(t.rows.size()), formatCount(t.totalRows));
        m_tables->addTab(view, label);
        if (view->objectName() == keepTitle && keepTab >= 0)
            select = keepTab;
    }
    if (m_tables->count() > 0)
        m_tables->setCurrentIndex(std::min(select, m_tables->count() - 1));
}

models::Status ReportsScreen::exportCurrentTable(const QString &path) const
{
    const int tab = m_tables->currentIndex();
    if (tab < 0 || tab >= m_report.tables.size())
        return models::Error{tr("%1: there is no report table to export").arg(path)};
    return writeReportFile(path, reportTableCsv(m_report.tables.at(tab)));
}

void ReportsScreen::chooseExportFile()
{
    const int tab = m_tables->currentIndex();
    if (tab < 0 || tab >= m_report.tables.size())
        return;
    const QString folder = QSettings().value(kExportDirectoryKey, QDir::homePath()).toString();
    const QString name = suggestedReportFileName(m_report, m_report.tables.at(tab).title);
    auto *chooser = new QFileDialog(this, tr("Export report table"), QDir(folder).filePath(name),
                                    tr("CSV files (*.csv)"));
    chooser->setObjectName(QStringLiteral("reportExportDialog"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(QStringLiteral("csv"));
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &file) {
        QSettings().setValue(kExportDirectoryKey, QFileInfo(file).absolutePath());
        const models::Status s = exportCurrentTable(file);
        if (!s)
            m_header->setError(s.error());
        else
            m_header->setSummary(tr("Saved %1").arg(QDir::toNativeSeparators(file)));
    });
    chooser->open();
}

} // namespace ui
