#include "ui/ordersscreen.h"

#include "models/manualpriority.h"
#include "models/orderqueuemodel.h"
#include "ui/countformat.h"
#include "ui/lazytableview.h"
#include "ui/orderdetailpanel.h"
#include "ui/orderfilterbar.h"
#include "ui/orderprinting.h"
#include "ui/reasondialog.h"
#include "ui/reroutedialog.h"
#include "ui/screenheader.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPrintPreviewDialog>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

using models::OrderQueueModel;

namespace {

// Mirrors OrderQueueModel::sort(), which only sorts on indexed keys and ignores the
// rest; the header must not show an arrow on a column the rows are not sorted by.
bool isSortable(int column)
{
    return column == OrderQueueModel::PlacedColumn || column == OrderQueueModel::ShipByColumn;
}

// Typical widest values, so widths are set without fetching rows to measure them.
// Long values (an unusual name, a hold reason) are elided; the tooltip has them.
QList<ColumnLayout> columnLayouts()
{
    QList<ColumnLayout> columns(OrderQueueModel::ColumnCount);
    columns[OrderQueueModel::ChannelColumn] = {.sample = QStringLiteral("Shopify")};
    columns[OrderQueueModel::NumberColumn] = {.sample = QStringLiteral("114-1234567-1234567")};
    columns[OrderQueueModel::PlacedColumn] = {.sample = QStringLiteral("2026-12-31 23:59")};
    columns[OrderQueueModel::ShipByColumn] = {.sample = QStringLiteral("2026-12-31")};
    columns[OrderQueueModel::CustomerColumn] = {.sample = QStringLiteral("Alexandra Richardson")};
    columns[OrderQueueModel::CountryColumn] = {.sample = QStringLiteral("GB")};
    columns[OrderQueueModel::ItemsColumn] = {.sample = QStringLiteral("999"), .numeric = true};
    columns[OrderQueueModel::TotalColumn] = {.sample = QStringLiteral("$12,345.67"),
                                             .numeric = true};
    columns[OrderQueueModel::StatusColumn] = {.sample = QStringLiteral("Partially shipped")};
    columns[OrderQueueModel::LocationColumn] = {.sample = QStringLiteral("WH-MAIN")};
    columns[OrderQueueModel::FlagsColumn] = {.sample = QStringLiteral("Expedited")}; // stretches
    return columns;
}

QString ordersText(int n)
{
    return n == 1 ? QObject::tr("1 order") : QObject::tr("%1 orders").arg(formatCount(n));
}

} // namespace

OrdersScreen::OrdersScreen(models::OrderSource *source, QWidget *parent)
    : OrdersScreen(source, nullptr, nullptr, parent)
{}

OrdersScreen::OrdersScreen(models::OrderSource *source, models::OrderDetailSource *details,
                           models::OrderActions *actions, QWidget *parent)
    : QWidget(parent), m_details(details), m_actions(actions),
      m_header(new ScreenHeader(tr("Orders"), this)), m_filters(new OrderFilterBar(this)),
      m_table(new LazyTableView(this)), m_split(new QSplitter(Qt::Horizontal, this)),
      m_actionStatus(new QLabel(this)), m_detailDelay(new QTimer(this)),
      m_sortColumn(OrderQueueModel::PlacedColumn)
{
    m_table->setObjectName(QStringLiteral("ordersTable"));
    setFocusProxy(m_table); // switching to the screen puts the keyboard in the table

    m_actionStatus->setObjectName(QStringLiteral("actionStatus"));
    m_actionStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_actionStatus->setMinimumWidth(1); // long messages elide rather than widen the window
    m_actionStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 18);
    layout->setSpacing(10);
    layout->addWidget(m_header);
    layout->addWidget(m_filters);
    auto *actionRow = new QHBoxLayout;
    actionRow->setSpacing(6);
    layout->addLayout(actionRow);
    m_actionRow = actionRow;
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(m_table);
    layout->addWidget(m_split, 1);

    if (!source) {
        m_filters->setEnabled(false);
        m_header->setError(tr("No order data is available: no database is open."));
        return;
    }

    m_model = new OrderQueueModel(source, this);
    m_table->setModel(m_model);
    m_table->setColumnLayouts(columnLayouts());

    // Sorting is handled here rather than with setSortingEnabled(): that would sort
    // once more on start (another COUNT over every order) and would leave an arrow on
    // columns the model cannot sort. The model already starts newest placed first.
    QHeaderView *header = m_table->horizontalHeader();
    // What the owner works by comes first: status and flags beside the order number,
    // so they stay in view when the detail panel takes part of a laptop screen.
    header->moveSection(OrderQueueModel::StatusColumn, OrderQueueModel::PlacedColumn);
    header->moveSection(OrderQueueModel::FlagsColumn, OrderQueueModel::PlacedColumn + 1);
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(m_sortColumn, m_sortOrder);
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            &OrdersScreen::onSortIndicatorChanged);

    connect(m_model, &QAbstractItemModel::modelReset, this, &OrdersScreen::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OrdersScreen::updateSummary);
    // Fetch errors are raised while the table paints; queue them so the header's
    // layout does not change in the middle of a paint.
    connect(m_model, &OrderQueueModel::errorOccurred, m_header, &ScreenHeader::setError,
            Qt::QueuedConnection);

    const models::Result<QList<models::OrderFilterChoice>> channels = source->channels();
    const models::Result<QList<models::OrderFilterChoice>> locations = source->locations();
    if (locations.ok())
        m_locations = locations.value();
    m_filters->setChoices(channels.ok() ? channels.value() : QList<models::OrderFilterChoice>(),
                          locations.ok() ? locations.value() : QList<models::OrderFilterChoice>());
    connect(m_filters, &OrderFilterBar::filterChanged, this, &OrdersScreen::onFilterChanged);
    m_views = source->viewStore();
    m_filters->setViewsEditable(m_views != nullptr);
    reloadViews();
    connect(m_filters, &OrderFilterBar::viewChosen, this, &OrdersScreen::applyView);
    connect(m_filters, &OrderFilterBar::saveViewRequested, this, &OrdersScreen::saveView);
    connect(m_filters, &OrderFilterBar::deleteViewRequested, this, &OrdersScreen::deleteView);
    auto *find =
        new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_filters->searchEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filters->searchEdit()->selectAll();
    });
    // From the search box, Down goes to the results.
    connect(m_filters->searchEdit(), &QLineEdit::returnPressed, m_table,
            [this] { m_table->setFocus(Qt::OtherFocusReason); });

    if (m_details) {
        m_detail = new OrderDetailPanel(this);
        m_split->addWidget(m_detail);
        m_split->setStretchFactor(0, 3);
        m_split->setStretchFactor(1, 2);
        m_split->setSizes({720, 400});
        // Holding an arrow key runs through many rows; only where it stops is read.
        m_detailDelay->setSingleShot(true);
        m_detailDelay->setInterval(60);
        connect(m_detailDelay, &QTimer::timeout, this, &OrdersScreen::loadDetail);
    }
    if (m_actions) {
        m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
        buildActions();
        for (QAction *a : {m_allocate, m_hold, m_release, m_cancel, m_setPriority, m_reroute,
                           m_createPickList}) {
            auto *button = new QToolButton(this);
            button->setDefaultAction(a);
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            actionRow->addWidget(button);
        }
        actionRow->addSpacing(12);
    }
    actionRow->addWidget(m_actionStatus, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OrdersScreen::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { m_detailDelay->start(); });
    updateSummary();
    updateActions();
}

void OrdersScreen::buildActions()
{
    const auto make = [this](const QString &text, const QKeySequence &key, const QString &name,
                             void (OrdersScreen::*slot)()) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(
            QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")),
            key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_allocate = make(tr("Allocate"), QKeySequence(Qt::CTRL | Qt::Key_L),
                      QStringLiteral("allocateAction"), &OrdersScreen::allocateSelected);
    m_hold = make(tr("Hold…"), QKeySequence(Qt::CTRL | Qt::Key_H), QStringLiteral("holdAction"),
                  &OrdersScreen::holdSelected);
    m_release = make(tr("Release"), QKeySequence(Qt::CTRL | Qt::Key_R),
                     QStringLiteral("releaseAction"), &OrdersScreen::releaseSelected);
    m_cancel = make(tr("Cancel order…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
                    QStringLiteral("cancelAction"), &OrdersScreen::cancelSelected);
    m_createPickList = make(tr("Create pick list"), QKeySequence(Qt::CTRL | Qt::Key_K),
                            QStringLiteral("createPickListAction"), &OrdersScreen::requestPickList);
    m_setPriority = make(tr("Set priority…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                         QStringLiteral("setPriorityAction"), &OrdersScreen::setPrioritySelected);
    m_reroute = make(tr("Reroute to…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                     QStringLiteral("rerouteAction"), &OrdersScreen::rerouteSelected);
}

int OrdersScreen::orderCount() const
{
    return m_model ? m_model->rowCount() : 0;
}

QString OrdersScreen::actionMessage() const
{
    return m_actionStatus->text();
}

void OrdersScreen::refresh()
{
    if (m_model)
        m_model->refresh(); // resets the model, which updates the summary
}

// Runs after each reset (start, sort, filter, refresh), when lastError() is about the count.
void OrdersScreen::updateSummary()
{
    const int n = orderCount();
    if (!m_model->lastError().isEmpty())
        m_summary.clear(); // "0 orders" would be a claim; the error line says what is wrong
    else if (m_model->countIsPartial())
        m_summary = tr("%1+ orders").arg(formatCount(n)); // scrolling on counts further
    else
        m_summary = ordersText(n);
    m_header->setSummary(m_summary);
    m_header->setError(m_model->lastError());
    emit summaryChanged(m_summary);
}

void OrdersScreen::updateActions()
{
    if (!m_actions)
        return;
    const bool any = m_table->selectionModel() && m_table->selectionModel()->hasSelection();
    for (QAction *a : {m_allocate, m_hold, m_release, m_cancel, m_createPickList})
        a->setEnabled(any);
    m_setPriority->setEnabled(any);
    m_reroute->setEnabled(any && !m_locations.isEmpty());
}

void OrdersScreen::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    if (!isSortable(column)) {
        const QSignalBlocker blocker(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    m_model->sort(column, order);
    m_table->scrollToTop();
    if (!m_applyingView)
        m_filters->showView({});
}

void OrdersScreen::applyView(const models::OrderView &view)
{
    const int column = view.sortKey == models::OrderSortKey::ShipBy ? OrderQueueModel::ShipByColumn
                                                                    : OrderQueueModel::PlacedColumn;
    const Qt::SortOrder order = view.ascending ? Qt::AscendingOrder : Qt::DescendingOrder;
    m_applyingView = true;
    if (column != m_sortColumn || order != m_sortOrder)
        m_table->horizontalHeader()->setSortIndicator(column, order); // sorts the model
    m_filters->setFilter(view.filter);                                // filters it
    m_applyingView = false;
    setActionMessage(tr("Showing view \"%1\"").arg(view.name), false);
}

void OrdersScreen::reloadViews()
{
    if (!m_views) {
        m_filters->setViews({});
        return;
    }
    const models::Result<QList<models::OrderView>> views = m_views->views();
    m_filters->setViews(views.ok() ? views.value() : QList<models::OrderView>());
    if (!views.ok())
        setActionMessage(views.error(), true);
}

void OrdersScreen::saveView()
{
    if (!m_views)
        return;
    bool accepted = false;
    const QString name =
        QInputDialog::getText(this, tr("Save view"),
                              tr("Name for these filters, search and sort, e.g. \"Late Amazon "
                                 "orders\". A view of the same name is replaced."),
                              QLineEdit::Normal, m_filters->currentViewName(), &accepted)
            .trimmed();
    if (!accepted)
        return;
    models::OrderView view{.name = name, .filter = m_model->query().filter};
    view.sortKey = m_model->query().sortKey;
    view.ascending = m_model->query().ascending;
    if (const models::Status s = m_views->saveView(view); !s) {
        setActionMessage(tr("View not saved: %1").arg(s.error()), true);
        return;
    }
    reloadViews();
    m_filters->showView(name);
    setActionMessage(tr("Saved view \"%1\"").arg(name), false);
}

void OrdersScreen::deleteView(const QString &name)
{
    if (!m_views)
        return;
    if (const models::Status s = m_views->deleteView(name); !s) {
        setActionMessage(tr("View not deleted: %1").arg(s.error()), true);
        return;
    }
    m_filters->showView({});
    reloadViews();
    setActionMessage(tr("Deleted view \"%1\"").arg(name), false);
}

void OrdersScreen::onFilterChanged(const models::OrderQueueFilter &filter)
{
    if (filter == m_model->query().filter)
        return;
    m_model->setFilter(filter);
    m_table->scrollToTop();
    if (m_detail)
        m_detail->showMessage(tr("Select an order to see its details."));
}

QList<qint64> OrdersScreen::selectedOrderIds() const
{
    QList<qint64> ids;
    if (!m_model)
        return ids;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &r : std::as_const(rows))
        if (const qint64 id = m_model->orderIdAt(r.row()); id != 0)
            ids.append(id);
    return ids;
}

void OrdersScreen::loadDetail()
{
    if (!m_detail || !m_model)
        return;
    const QModelIndex current = m_table->currentIndex();
    const qint64 id = current.isValid() ? m_model->orderIdAt(current.row()) : 0;
    if (id == 0) {
        m_detail->showMessage(tr("Select an order to see its details."));
        return;
    }
    const models::Result<models::OrderDetail> detail = m_details->orderDetail(id);
    if (detail.ok())
        m_detail->showDetail(detail.value());
    else
        m_detail->showMessage(detail.error());
}

void OrdersScreen::setActionMessage(const QString &message, bool failed)
{
    m_actionStatus->setText(message);
    m_actionStatus->setToolTip(message);
    m_actionStatus->setStyleSheet(failed ? QStringLiteral("color: #a40e26;")
                                         : QStringLiteral("color: #1a7f37;"));
    emit actionFinished(message);
}

void OrdersScreen::runAction(
    const std::function<models::OrderActionSummary(const QList<qint64> &)> &action)
{
    const QList<qint64> ids = selectedOrderIds();
    if (ids.isEmpty())
        return;
    const models::OrderActionSummary summary = action(ids);
    setActionMessage(summary.message, !summary.errors.isEmpty());
    refreshKeepingPlace();
}

void OrdersScreen::refreshKeepingPlace()
{
    // The orders may have moved out of the filter or along the sort; the user keeps
    // the same place in the list, which is what they were working through.
    const int scroll = m_table->verticalScrollBar()->value();
    const int row = m_table->currentIndex().row();
    m_model->refresh();
    const int n = m_model->rowCount();
    if (n > 0 && row >= 0) {
        const QModelIndex index = m_model->index(std::min(row, n - 1), 0);
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
    }
    m_table->verticalScrollBar()->setValue(scroll);
    // Shown now; the settle timer the current-row change started has nothing to add.
    m_detailDelay->stop();
    loadDetail();
}

void OrdersScreen::setDocumentSource(models::OrderDocumentSource *source)
{
    if (!source || !m_model || m_printing)
        return;
    m_printing = new OrderPrinting(source, this);
    const auto make = [this](const QString &text, const QKeySequence &key, const QString &name,
                             void (OrdersScreen::*slot)()) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QStringLiteral("…")),
                                                    key.toString(QKeySequence::NativeText)));
        a->setEnabled(m_table->selectionModel() && m_table->selectionModel()->hasSelection());
        connect(a, &QAction::triggered, this, slot);
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, a,
                [this, a] { a->setEnabled(m_table->selectionModel()->hasSelection()); });
        addAction(a);
        auto *button = new QToolButton(this);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_actionRow->insertWidget(m_actionRow->indexOf(m_actionStatus), button);
        return a;
    };
    m_printLabels = make(tr("Print labels…"), QKeySequence(Qt::CTRL | Qt::Key_P),
                         QStringLiteral("printLabelsAction"), &OrdersScreen::printLabelsSelected);
    m_printSlips =
        make(tr("Print packing slips…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
             QStringLiteral("printPackingSlipsAction"), &OrdersScreen::printPackingSlipsSelected);
}

void OrdersScreen::printLabelsSelected()
{
    const QList<qint64> ids = selectedOrderIds();
    if (ids.isEmpty() || refuseTooMany(ids))
        return;
    QString message;
    QPrintPreviewDialog *preview = m_printing->labelPreview(ids, &message);
    setActionMessage(message, !preview || message.contains(tr("left out")));
    if (preview)
        preview->exec();
}

void OrdersScreen::printPackingSlipsSelected()
{
    const QList<qint64> ids = selectedOrderIds();
    if (ids.isEmpty() || refuseTooMany(ids))
        return;
    QString message;
    QPrintPreviewDialog *preview = m_printing->packingSlipPreview(ids, &message);
    setActionMessage(message, !preview || message.contains(tr("left out")));
    if (preview)
        preview->exec();
}

void OrdersScreen::requestPickList()
{
    const QList<qint64> ids = selectedOrderIds();
    if (ids.isEmpty() || refuseTooMany(ids))
        return;
    emit pickListRequested(ids);
}

bool OrdersScreen::refuseTooMany(const QList<qint64> &ids)
{
    if (ids.size() <= kMaxActionOrders)
        return false;
    setActionMessage(tr("Select at most %1 orders at a time.").arg(formatCount(kMaxActionOrders)),
                     true);
    return true;
}

std::optional<QString> OrdersScreen::askReason(const QString &title, const QString &question,
                                               const QString &button, const QStringList &reasons)
{
    const QList<qint64> ids = selectedOrderIds();
    if (ids.isEmpty() || refuseTooMany(ids))
        return std::nullopt;
    const QString orders = ordersText(static_cast<int>(ids.size()));
    ReasonDialog dialog(title, question.arg(orders), button.arg(orders), reasons, this);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.reason();
}

void OrdersScreen::allocateSelected()
{
    if (refuseTooMany(selectedOrderIds()))
        return;
    runAction([this](const QList<qint64> &ids) { return m_actions->allocate(ids); });
}

void OrdersScreen::holdSelected()
{
    const std::optional<QString> reason =
        askReason(tr("Hold orders"), tr("Why hold %1? Held orders give back their reserved stock."),
                  tr("Hold %1"),
                  {tr("Address check"), tr("Payment check"), tr("Customer request"),
                   tr("Awaiting stock"), tr("Possible fraud")});
    if (!reason)
        return;
    runAction([this, reason](const QList<qint64> &sel) { return m_actions->hold(sel, *reason); });
}

void OrdersScreen::releaseSelected()
{
    if (refuseTooMany(selectedOrderIds()))
        return;
    runAction([this](const QList<qint64> &ids) { return m_actions->release(ids); });
}

void OrdersScreen::cancelSelected()
{
    // Cancelling cannot be undone: the dialog is the confirmation, and says so.
    const std::optional<QString> reason =
        askReason(tr("Cancel orders"),
                  tr("Cancel %1? This cannot be undone; their reserved stock is given back."),
                  tr("Cancel %1"),
                  {tr("Customer request"), tr("Out of stock"), tr("Payment failed"),
                   tr("Duplicate order"), tr("Possible fraud")});
    if (!reason)
        return;
    runAction([this, reason](const QList<qint64> &sel) { return m_actions->cancel(sel, *reason); });
}

void OrdersScreen::setPrioritySelected()
{
    const QList<qint64> ids = selectedOrderIds();
    if (ids.isEmpty() || refuseTooMany(ids))
        return;
    QStringList levels;
    for (const models::ManualPriorityLevel &l : models::manualPriorityLevels())
        levels << l.name;
    ReasonDialog dialog(tr("Set priority"),
                        tr("Priority for %1: Low, Normal, High, Urgent or a number (higher gets "
                           "scarce stock first; Normal is 0, each level is 10 apart).")
                            .arg(ordersText(static_cast<int>(ids.size()))),
                        tr("Set priority"), levels, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const models::Result<int> priority = models::parseManualPriority(dialog.reason());
    if (!priority.ok()) {
        setActionMessage(priority.error(), true);
        return;
    }
    const int value = priority.value();
    runAction(
        [this, value](const QList<qint64> &sel) { return m_actions->setPriority(sel, value); });
}

void OrdersScreen::rerouteSelected()
{
    const QList<qint64> ids = selectedOrderIds();
    if (ids.isEmpty() || refuseTooMany(ids) || m_locations.isEmpty())
        return;
    RerouteDialog dialog(tr("Move %1 and their reserved stock to another location. Orders "
                            "already on a pick list are left as they are.")
                             .arg(ordersText(static_cast<int>(ids.size()))),
                         m_locations, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const qint64 location = dialog.locationId();
    const QString reason = dialog.reason();
    runAction([this, location, reason](const QList<qint64> &sel) {
        return m_actions->reroute(sel, location, reason);
    });
}

} // namespace ui
