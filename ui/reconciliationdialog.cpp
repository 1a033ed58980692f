#include "ui/reconciliationdialog.h"

#include "models/reconciliationmodel.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace ui {

ReconciliationDialog::ReconciliationDialog(models::StockOperations *operations, QWidget *parent)
    : QDialog(parent), m_operations(operations), m_from(new QDateEdit(this)),
      m_to(new QDateEdit(this)), m_run(new QPushButton(tr("&Reconcile"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_progress(new QProgressBar(this)),
      m_summary(new QLabel(this)), m_table(new QTableView(this)),
      m_model(new models::ReconciliationModel(this))
{
    setObjectName(QStringLiteral("reconciliationDialog"));
    setWindowTitle(tr("Stock reconciliation"));
    resize(1100, 600);
    const QDate today = QDateTime::currentDateTimeUtc().date(); // the report counts UTC days
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(today);
    }
    m_from->setObjectName(QStringLiteral("reconcileFrom"));
    m_to->setObjectName(QStringLiteral("reconcileTo"));
    m_run->setObjectName(QStringLiteral("reconcileRun"));
    m_cancel->setObjectName(QStringLiteral("reconcileCancel"));
    m_cancel->hide();
    m_progress->setRange(0, 0);
    m_progress->hide();
    m_summary->setObjectName(QStringLiteral("reconcileSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("reconcileTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Widths from typical values: measuring every row of a large shop would stall.
    const QFontMetrics fm = m_table->fontMetrics();
    m_table->horizontalHeader()->setDefaultSectionSize(
        fm.horizontalAdvance(QStringLiteral("Adjustments")) + 18);
    m_table->setColumnWidth(models::ReconciliationModel::SkuColumn,
                            fm.horizontalAdvance(QStringLiteral("SKU-ABC-12345-XL")) + 18);
    m_table->setColumnWidth(models::ReconciliationModel::LocationColumn,
                            fm.horizontalAdvance(QStringLiteral("Location")) + 18);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *today1 = new QPushButton(tr("&Today"), this);
    auto *week = new QPushButton(tr("Last &7 days"), this);
    auto *month = new QPushButton(tr("Last &30 days"), this);
    auto *range = new QHBoxLayout;
    range->addWidget(new QLabel(tr("From"), this));
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to);
    range->addWidget(today1);
    range->addWidget(week);
    range->addWidget(month);
    range->addStretch(1);
    range->addWidget(m_progress);
    range->addWidget(m_cancel);
    range->addWidget(m_run);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(range);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);

    const auto lastDays = [this](int days) {
        const QDate today = QDateTime::currentDateTimeUtc().date();
        setRange(today.addDays(1 - days), today);
        run();
    };
    connect(today1, &QPushButton::clicked, this, [lastDays] { lastDays(1); });
    connect(week, &QPushButton::clicked, this, [lastDays] { lastDays(7); });
    connect(month, &QPushButton::clicked, this, [lastDays] { lastDays(30); });
    connect(m_run, &QPushButton::clicked, this, &ReconciliationDialog::run);
    connect(m_cancel, &QPushButton::clicked, this, &ReconciliationDialog::cancel);
    m_summary->setText(tr("Choose the days and press Reconcile."));
}

ReconciliationDialog::~ReconciliationDialog()
{
    if (m_thread) {
        m_stop->store(true);
        m_thread->wait();
    }
}

void ReconciliationDialog::setRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

void ReconciliationDialog::run()
{
    if (m_thread)
        return;
    m_stop = std::make_shared<std::atomic_bool>(false);
    m_result = std::make_shared<models::Result<models::ReconciliationReport>>(
        models::Error{tr("not run")});
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    models::StockOperations *operations = m_operations;
    auto stop = m_stop;
    auto result = m_result;
    m_thread = QThread::create([operations, from, to, stop, result] {
        *result = operations->reconcile(from, to, stop.get());
    });
    connect(m_thread, &QThread::finished, this, &ReconciliationDialog::onDone);
    m_run->setEnabled(false);
    m_cancel->show();
    m_progress->show();
    m_summary->setText(tr("Adding up the ledger…"));
    m_thread->start();
}

void ReconciliationDialog::cancel()
{
    if (m_stop)
        m_stop->store(true);
}

void ReconciliationDialog::onDone()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    m_run->setEnabled(true);
    m_cancel->hide();
    m_progress->hide();
    const models::Result<models::ReconciliationReport> &r = *m_result;
    if (!r.ok()) {
        m_summary->setText(r.error());
    } else if (r->cancelled) {
        m_summary->setText(tr("Cancelled: nothing was changed."));
    } else {
        m_model->setReport(r.value());
        const double accuracy = r->accuracy();
        m_summary->setText(
            tr("%1 to %2: %3 product × location pairs checked, %4 moved or flagged, %5 "
               "flagged. Inventory accuracy: %6.")
                .arg(r->from.toString(Qt::ISODate), r->to.toString(Qt::ISODate))
                .arg(r->pairsChecked)
                .arg(r->rows.size())
                .arg(r->flaggedCount())
                .arg(accuracy < 0 ? tr("no counts in these days")
                                  : tr("%1 % of %2 counted lines within 1 %")
                                        .arg(accuracy * 100, 0, 'f', 1)
                                        .arg(r->countLines)));
    }
    emit finished();
}

QString ReconciliationDialog::summary() const
{
    return m_summary->text();
}

} // namespace ui
