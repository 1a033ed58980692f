#include "ui/reorderscreen.h"

#include "models/reordermodel.h"
#include "ui/countformat.h"
#include "ui/lazytableview.h"
#include "ui/screenheader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMap>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

using models::ReorderModel;
using models::ReorderSuggestion;

namespace {

QList<ColumnLayout> columnLayouts()
{
    QList<ColumnLayout> columns(ReorderModel::ColumnCount);
    columns[ReorderModel::SupplierColumn] = {.sample = QStringLiteral("Brightlight Lamps")};
    columns[ReorderModel::SkuColumn] = {.sample = QStringLiteral("HF-DIF-0015-OAK")};
    columns[ReorderModel::NameColumn] = {.sample = QStringLiteral("Wren Reed Diffuser, 100")};
    columns[ReorderModel::LocationColumn] = {.sample = QStringLiteral("Location")};
    for (int c :
         {ReorderModel::OnHandColumn, ReorderModel::ReservedColumn, ReorderModel::InboundColumn,
          ReorderModel::ReorderPointColumn, ReorderModel::SuggestedColumn})
        columns[c] = {.sample = QStringLiteral("10,000"), .numeric = true};
    columns[ReorderModel::DemandColumn] = {.sample = QStringLiteral("100.0"), .numeric = true};
    columns[ReorderModel::LeadTimeColumn] = {.sample = QStringLiteral("100 d"), .numeric = true};
    columns[ReorderModel::MethodColumn] = {.sample = QStringLiteral("Holt-Winters")};
    columns[ReorderModel::ExplanationColumn] = {.sample = {}, .numeric = false, .stretch = true};
    return columns;
}

QString settingsText(const models::ReorderSettings &s)
{
    const QString safety = s.serviceLevelPercent > 0
                               ? ReorderScreen::tr("%1% service level").arg(s.serviceLevelPercent)
                               : ReorderScreen::tr("fixed safety stock");
    const QString target = s.coverDays > 0 ? ReorderScreen::tr("cover %1 days").arg(s.coverDays)
                                           : ReorderScreen::tr("order up to max");
    return ReorderScreen::tr("%1-day sales window, %2, %3").arg(s.windowDays).arg(safety, target);
}

QString cancelledText()
{
    return ReorderScreen::tr("Calculation cancelled: the rows shown are from the last "
                             "finished calculation.");
}

} // namespace

ReorderScreen::ReorderScreen(ReorderSourceFactory makeSource, QString userName, QWidget *parent)
    : QWidget(parent), m_makeSource(std::move(makeSource)), m_userName(std::move(userName)),
      m_header(new ScreenHeader(tr("Reorder"), this)), m_location(new QComboBox(this)),
      m_supplier(new QComboBox(this)),
      m_onlyBelow(new QCheckBox(tr("Only &below reorder point"), this)),
      m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_recalculate(new QPushButton(tr("&Recalculate"), this)),
      m_createDrafts(new QPushButton(tr("Create &draft purchase orders…"), this)),
      m_notice(new QLabel(this)), m_detail(new QLabel(this)), m_table(new LazyTableView(this)),
      m_model(new ReorderModel(this))
{
    m_location->setObjectName(QStringLiteral("reorderLocationFilter"));
    m_supplier->setObjectName(QStringLiteral("reorderSupplierFilter"));
    m_onlyBelow->setObjectName(QStringLiteral("reorderOnlyBelow"));
    m_progress->setObjectName(QStringLiteral("reorderProgress"));
    m_cancel->setObjectName(QStringLiteral("reorderCancel"));
    m_recalculate->setObjectName(QStringLiteral("reorderRecalculate"));
    m_createDrafts->setObjectName(QStringLiteral("reorderCreateDrafts"));
    m_notice->setObjectName(QStringLiteral("reorderNotice"));
    m_table->setObjectName(QStringLiteral("reorderTable"));
    setFocusProxy(m_table);

    m_location->setMinimumContentsLength(10);
    m_location->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_supplier->setMinimumContentsLength(16);
    m_supplier->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_progress->setTextVisible(true);
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_cancel->hide();
    m_createDrafts->setEnabled(false);
    m_createDrafts->setToolTip(
        tr("One draft purchase order per supplier and delivery location, for the selected "
           "rows with a suggested quantity"));
    m_notice->setStyleSheet(QStringLiteral("color: #1a7f37;"));
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    // The current row's reasoning in full, since the table's last column is often cut.
    m_detail->setObjectName(QStringLiteral("reorderDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setStyleSheet(QStringLiteral("color: #1f2328; background: #f6f8fa;"
                                           "border: 1px solid #d0d7de; border-radius: 6px;"
                                           "padding: 8px 10px;"));
    m_detail->setText(tr("Select a row to see why."));
    // Room for two lines from the start, so the table does not jump when a row is chosen.
    m_detail->setMinimumHeight(2 * m_detail->fontMetrics().lineSpacing() + 20);
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *locationLabel = new QLabel(tr("&Location:"), this);
    locationLabel->setBuddy(m_location);
    auto *supplierLabel = new QLabel(tr("&Supplier:"), this);
    supplierLabel->setBuddy(m_supplier);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(locationLabel);
    filters->addWidget(m_location);
    filters->addSpacing(12);
    filters->addWidget(supplierLabel);
    filters->addWidget(m_supplier);
    filters->addSpacing(12);
    filters->addWidget(m_onlyBelow);
    filters->addStretch(1);
    filters->addWidget(m_progress);
    filters->addWidget(m_cancel);
    filters->addWidget(m_recalculate);

    // The action on the selection sits beside the selected row's reasoning.
    auto *selection = new QHBoxLayout;
    selection->setSpacing(12);
    selection->addWidget(m_detail, 1);
    selection->addWidget(m_createDrafts, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 18);
    layout->setSpacing(12);
    layout->addWidget(m_header);
    layout->addLayout(filters);
    layout->addWidget(m_notice);
    layout->addWidget(m_table, 1);
    layout->addLayout(selection);

    m_table->setModel(m_model);
    m_table->setColumnLayouts(columnLayouts());
    // Several rows become one purchase order: Shift+arrows and Ctrl+A select them.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);

    connect(m_location, &QComboBox::currentIndexChanged, this, &ReorderScreen::applyFilter);
    connect(m_supplier, &QComboBox::currentIndexChanged, this, &ReorderScreen::applyFilter);
    connect(m_onlyBelow, &QCheckBox::toggled, this, &ReorderScreen::applyFilter);
    connect(m_recalculate, &QPushButton::clicked, this, &ReorderScreen::recalculate);
    connect(m_cancel, &QPushButton::clicked, this, &ReorderScreen::cancel);
    connect(m_createDrafts, &QPushButton::clicked, this, &ReorderScreen::createDraftPurchaseOrders);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReorderScreen::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReorderScreen::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReorderScreen::showDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { showDetail({}); });

    fillFilters();
    if (!m_makeSource) {
        m_header->setError(tr("No reorder suggestions: no database is open."));
        m_recalculate->setEnabled(false);
        return;
    }
    m_header->setSummary(tr("Not calculated yet"));
}

ReorderScreen::~ReorderScreen() = default;

void ReorderScreen::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_computedOnce && m_makeSource && !m_worker.isRunning())
        recalculate();
}

void ReorderScreen::recalculate()
{
    if (m_worker.isRunning() || !m_makeSource)
        return;
    m_computedOnce = true;
    if (m_notice->text() == cancelledText())
        m_notice->hide();
    m_header->setError({});
    m_header->setSummary(tr("Calculating…"));
    m_progress->setRange(0, 0); // busy until the first report gives a total
    m_progress->setFormat(tr("Reading sales…"));
    m_progress->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    m_recalculate->setEnabled(false);
    m_createDrafts->setEnabled(false);

    m_worker.start(QStringLiteral("reorderWorker"), [this, makeSource = m_makeSource](
                                                        const WorkerRun::Progress &progress) {
        using Rows = models::Result<QList<ReorderSuggestion>>;
        auto result = std::make_shared<Rows>(models::Error{});
        models::Result<std::unique_ptr<models::ReorderSource>> source = makeSource();
        if (!source.ok()) {
            *result = models::Error{source.error()};
        } else {
            *result = source.value()->suggestions(models::ReorderQuery{}, progress);
            if (result->ok()) {
                models::Result<models::ReorderSettings> settings = source.value()->settings();
                const QString text = settings.ok() ? settingsText(settings.value()) : QString();
                QMetaObject::invokeMethod(
                    this, [this, text] { m_settingsText = text; }, Qt::QueuedConnection);
            }
        }
        return std::function<void()>([this, result] { finishComputing(std::move(*result)); });
    });
}

void ReorderScreen::cancel()
{
    if (!m_worker.isRunning())
        return;
    m_worker.cancel();
    m_cancel->setEnabled(false);
    m_progress->setFormat(tr("Cancelling…"));
}

void ReorderScreen::showProgress(qint64 done, qint64 total)
{
    m_progress->setRange(0, static_cast<int>(std::min<qint64>(total, INT_MAX)));
    m_progress->setValue(static_cast<int>(std::min<qint64>(done, INT_MAX)));
    m_progress->setFormat(
        tr("%1 of %2 products × locations").arg(formatCount(done), formatCount(total)));
}

void ReorderScreen::finishComputing(models::Result<QList<ReorderSuggestion>> rows)
{
    const bool cancelled = m_worker.cancelled();
    m_progress->hide();
    m_cancel->hide();
    m_recalculate->setEnabled(true);

    if (cancelled) {
        // The rows from the last finished run stay.
        m_header->setError({});
        updateSummary();
        m_notice->setText(cancelledText());
        m_notice->show();
    } else if (!rows.ok()) {
        m_header->setError(rows.error());
        updateSummary();
    } else {
        m_header->setError({});
        m_model->setSuggestions(std::move(rows).value());
        fillFilters();
        applyFilter();
    }
    updateActions();
    emit computed();
}

void ReorderScreen::fillFilters()
{
    // The choices come from what was computed, so each one has rows behind it.
    const QVariant location = m_location->currentData();
    const QVariant supplier = m_supplier->currentData();
    QMap<QString, qint64> locations;
    QMap<QString, qint64> suppliers;
    for (const ReorderSuggestion &s : m_model->suggestions()) {
        locations.insert(s.locationCode, s.locationId);
        if (s.supplierId)
            suppliers.insert(s.supplierName, *s.supplierId);
    }
    const QSignalBlocker blockLocation(m_location);
    const QSignalBlocker blockSupplier(m_supplier);
    m_location->clear();
    m_location->addItem(tr("All locations"));
    for (auto it = locations.cbegin(); it != locations.cend(); ++it)
        m_location->addItem(it.key(), it.value());
    m_supplier->clear();
    m_supplier->addItem(tr("All suppliers"));
    for (auto it = suppliers.cbegin(); it != suppliers.cend(); ++it)
        m_supplier->addItem(it.key(), it.value());
    m_location->setCurrentIndex(std::max(0, m_location->findData(location)));
    m_supplier->setCurrentIndex(std::max(0, m_supplier->findData(supplier)));
}

void ReorderScreen::applyFilter()
{
    models::ReorderFilter filter;
    if (m_location->currentData().isValid())
        filter.locationId = m_location->currentData().toLongLong();
    if (m_supplier->currentData().isValid())
        filter.supplierId = m_supplier->currentData().toLongLong();
    filter.onlyBelowReorderPoint = m_onlyBelow->isChecked();
    m_model->setFilter(filter);
    updateSummary();
}

void ReorderScreen::updateSummary()
{
    if (!m_computedOnce)
        return;
    const int shown = m_model->rowCount();
    const int toOrder = m_model->rowsToOrder();
    QString text = tr("%1 rows, %2 to order").arg(formatCount(shown), formatCount(toOrder));
    if (!m_settingsText.isEmpty())
        text += QStringLiteral(" · ") + m_settingsText;
    m_header->setSummary(text);
}

void ReorderScreen::updateActions()
{
    // Runs on every selection step (Shift+arrow over thousands of rows): looks at the
    // rows in place; the full plan is made only when the button is pressed.
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    const bool anyLine =
        std::any_of(selected.cbegin(), selected.cend(), [this](const QModelIndex &i) {
            const ReorderSuggestion *s = m_model->suggestionAt(i.row());
            return s && models::goesOnDraftPurchaseOrder(*s);
        });
    m_createDrafts->setEnabled(!m_worker.isRunning() && anyLine);
}

void ReorderScreen::showDetail(const QModelIndex &current)
{
    const ReorderSuggestion *s = current.isValid() ? m_model->suggestionAt(current.row()) : nullptr;
    if (!s) {
        m_detail->setText(tr("Select a row to see why."));
        return;
    }
    const QString supplier = s->supplierId ? s->supplierName : tr("no supplier");
    m_detail->setText(tr("%1 %2 at %3 (%4): %5.\n%6. Reorder point %7 = %8/day × %9 days + "
                         "%10 safety stock.")
                          .arg(s->sku, s->productName, s->locationCode, supplier,
                               s->outcome.explanation, ReorderModel::methodDetail(s->outcome))
                          .arg(s->outcome.reorderPoint)
                          .arg(QString::number(s->outcome.dailyDemand, 'f', 2))
                          .arg(s->outcome.leadTimeDays)
                          .arg(s->outcome.safetyStock));
}

QList<ReorderSuggestion> ReorderScreen::selectedSuggestions() const
{
    QList<ReorderSuggestion> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        if (const ReorderSuggestion *s = m_model->suggestionAt(index.row()))
            rows.append(*s);
    return rows;
}

void ReorderScreen::createDraftPurchaseOrders()
{
    const QList<ReorderSuggestion> rows = selectedSuggestions();
    const models::DraftPurchaseOrderPlan plan = models::planDraftPurchaseOrders(rows);
    if (plan.lines == 0 || m_confirmation || !m_makeSource)
        return;

    const QString orders = plan.orders == 1 ? tr("1 draft purchase order")
                                            : tr("%1 draft purchase orders").arg(plan.orders);
    const QString lines =
        plan.lines == 1 ? tr("1 line") : tr("%1 lines").arg(formatCount(plan.lines));
    const QString text = tr("Create %1 with %2?").arg(orders, lines);
    QString detail = plan.suppliers == 1
                         ? tr("One order per delivery location, for 1 supplier.")
                         : tr("One order per supplier and delivery location (%1 suppliers).")
                               .arg(plan.suppliers);
    detail += QLatin1Char(' ') + tr("Drafts are not sent: review them under Purchasing.");
    if (plan.skippedWithoutSupplier > 0)
        detail += QLatin1Char('\n') +
                  tr("Left out, no supplier: %1 selected rows.").arg(plan.skippedWithoutSupplier);
    const int nothing = static_cast<int>(rows.size()) - plan.lines - plan.skippedWithoutSupplier;
    if (nothing > 0)
        detail +=
            QLatin1Char('\n') + tr("Left out, nothing to order: %1 selected rows.").arg(nothing);

    auto *box = new QMessageBox(QMessageBox::Question, tr("Create draft purchase orders"), text,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("reorderConfirmation"));
    box->setInformativeText(detail);
    box->button(QMessageBox::Yes)
        ->setText(plan.orders == 1 ? tr("Create 1 order")
                                   : tr("Create %1 orders").arg(plan.orders));
    box->setDefaultButton(QMessageBox::Yes);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, rows](int result) {
        if (result == QMessageBox::Yes)
            writeDrafts(rows);
    });
    m_confirmation = box;
    box->open(); // window-modal without a nested event loop
}

void ReorderScreen::writeDrafts(const QList<ReorderSuggestion> &rows)
{
    models::Result<std::unique_ptr<models::ReorderSource>> source = m_makeSource();
    if (!source.ok()) {
        m_header->setError(source.error());
        return;
    }
    const models::Result<models::DraftPurchaseOrders> drafts =
        source.value()->createDraftPurchaseOrders(rows, m_userName);
    if (!drafts.ok()) {
        m_header->setError(tr("No purchase orders were created: %1").arg(drafts.error()));
        return;
    }
    const QStringList &numbers = drafts->poNumbers;
    m_notice->setText(
        tr("Created %1 with %2: %3")
            .arg(numbers.size() == 1 ? tr("1 draft purchase order")
                                     : tr("%1 draft purchase orders").arg(numbers.size()),
                 drafts->lines == 1 ? tr("1 line") : tr("%1 lines").arg(drafts->lines),
                 numbers.join(QStringLiteral(", "))));
    m_notice->show();
    emit draftPurchaseOrdersCreated(numbers);
    // What was ordered is inbound now.
    recalculate();
}

} // namespace ui
