#include "ui/ordersscreen.h"

#include "models/orderqueuemodel.h"
#include "ui/countformat.h"
#include "ui/lazytableview.h"
#include "ui/screenheader.h"

#include <QHeaderView>
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

} // namespace

OrdersScreen::OrdersScreen(models::OrderSource *source, QWidget *parent)
    : QWidget(parent), m_header(new ScreenHeader(tr("Orders"), this)),
      m_table(new LazyTableView(this)), m_sortColumn(OrderQueueModel::PlacedColumn)
{
    m_table->setObjectName(QStringLiteral("ordersTable"));
    setFocusProxy(m_table); // switching to the screen puts the keyboard in the table

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 18);
    layout->setSpacing(14);
    layout->addWidget(m_header);
    layout->addWidget(m_table, 1);

    if (!source) {
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
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(m_sortColumn, m_sortOrder);
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            &OrdersScreen::onSortIndicatorChanged);

    connect(m_model, &QAbstractItemModel::modelReset, this, &OrdersScreen::updateSummary);
    // Fetch errors are raised while the table paints; queue them so the header's
    // layout does not change in the middle of a paint.
    connect(m_model, &OrderQueueModel::errorOccurred, m_header, &ScreenHeader::setError,
            Qt::QueuedConnection);
    updateSummary();
}

int OrdersScreen::orderCount() const
{
    return m_model ? m_model->rowCount() : 0;
}

void OrdersScreen::refresh()
{
    if (m_model)
        m_model->refresh(); // resets the model, which updates the summary
}

// Runs after each reset (start, sort, refresh), when lastError() is about the count.
void OrdersScreen::updateSummary()
{
    const int n = orderCount();
    if (!m_model->lastError().isEmpty())
        m_summary.clear(); // "0 orders" would be a claim; the error line says what is wrong
    else
        m_summary = n == 1 ? tr("1 order") : tr("%1 orders").arg(formatCount(n));
    m_header->setSummary(m_summary);
    m_header->setError(m_model->lastError());
    emit summaryChanged(m_summary);
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
}

} // namespace ui
