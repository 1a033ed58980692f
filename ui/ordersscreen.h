#pragma once

#include <optional>

#include "models/orderdetail.h"
#include "models/orderdocument.h"
#include "models/orderqueuerow.h"
#include "models/orderview.h"

#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QSplitter;
class QTimer;
class QToolButton;

namespace models {
class OrderQueueModel;
}

namespace ui {

class LazyTableView;
class OrderDetailPanel;
class OrderPrinting;
class OrderFilterBar;
class ScreenHeader;

// The owner's working queue: every order from every channel, narrowed by filters
// and search, the current order's details beside it, and bulk actions on the
// selected orders (allocate, hold, release, cancel) that keep the user's place.
class OrdersScreen : public QWidget
{
    Q_OBJECT
public:
    // `source` may be null (no database): the screen then says so instead of a table.
    // Without `details` there is no detail panel; without `actions` the queue is
    // read-only and selects one order at a time.
    explicit OrdersScreen(models::OrderSource *source, QWidget *parent = nullptr);
    OrdersScreen(models::OrderSource *source, models::OrderDetailSource *details,
                 models::OrderActions *actions, QWidget *parent = nullptr);

    models::OrderQueueModel *model() const { return m_model; }
    LazyTableView *table() const { return m_table; }
    OrderFilterBar *filterBar() const { return m_filters; }
    OrderDetailPanel *detailPanel() const { return m_detail; }
    int orderCount() const;
    // "5,000 orders", "10,000+ orders" when the count stopped early; empty while the
    // count is unknown (no source, or it failed).
    QString summary() const { return m_summary; }
    // What the last action did, e.g. "Put 3 orders on hold".
    QString actionMessage() const;
    // The ids of the selected orders, in table order.
    QList<qint64> selectedOrderIds() const;
    // Reads the queue again (after an import): the count, and the rows as they are
    // next shown. Does nothing without a source.
    void refresh();
    // Where "Print labels…" (Ctrl+P) and "Print packing slips…" (Ctrl+Shift+P) read
    // the selected orders; null: no print actions.
    void setDocumentSource(models::OrderDocumentSource *source);

    // Bulk actions refuse selections larger than this: each order is its own write.
    static constexpr int kMaxActionOrders = 1000;

signals:
    void summaryChanged(const QString &summary);
    void actionFinished(const QString &message);
    // Create pick list (Ctrl+K): the selected orders, for the Pick lists screen to list.
    void pickListRequested(const QList<qint64> &orderIds);

private:
    void buildActions();
    void updateSummary();
    void updateActions();
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void onFilterChanged(const models::OrderQueueFilter &filter);
    // Saved views: applied through the model's filter and sort, kept by m_views.
    void applyView(const models::OrderView &view);
    void saveView();
    void deleteView(const QString &name);
    void reloadViews();
    void loadDetail();
    void allocateSelected();
    void holdSelected();
    void releaseSelected();
    void cancelSelected();
    void setPrioritySelected();
    void rerouteSelected();
    void requestPickList();
    void printLabelsSelected();
    void printPackingSlipsSelected();
    // Runs an action on the selection, reports it and reads the queue again in place.
    void runAction(const std::function<models::OrderActionSummary(const QList<qint64> &)> &action);
    void refreshKeepingPlace();
    // Says so and returns true when the selection is over kMaxActionOrders.
    bool refuseTooMany(const QList<qint64> &ids);
    // Asks why, for the selected orders; nullopt when nothing is selected, too much
    // is, or the user cancels. `question` and `button` take the orders' count as %1.
    std::optional<QString> askReason(const QString &title, const QString &question,
                                     const QString &button, const QStringList &reasons);
    void setActionMessage(const QString &message, bool failed);

    models::OrderDetailSource *m_details = nullptr;
    models::OrderActions *m_actions = nullptr;
    models::OrderViewStore *m_views = nullptr;
    ScreenHeader *m_header;
    OrderFilterBar *m_filters;
    LazyTableView *m_table;
    OrderDetailPanel *m_detail = nullptr;
    QSplitter *m_split;
    QLabel *m_actionStatus;
    QTimer *m_detailDelay;
    QAction *m_allocate = nullptr;
    QAction *m_hold = nullptr;
    QAction *m_release = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_createPickList = nullptr;
    QAction *m_setPriority = nullptr;
    QAction *m_reroute = nullptr;
    QList<models::OrderFilterChoice> m_locations; // where "Reroute to…" can send orders
    models::OrderQueueModel *m_model = nullptr;
    QHBoxLayout *m_actionRow = nullptr;
    OrderPrinting *m_printing = nullptr;
    QAction *m_printLabels = nullptr;
    QAction *m_printSlips = nullptr;
    QString m_summary;
    int m_sortColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    bool m_applyingView = false;
};

} // namespace ui
