#pragma once

#include "models/kitsearchsource.h"
#include "models/stocklevelrow.h"
#include "models/stockoperations.h"

#include <memory>

#include <QWidget>

class QAction;
class QLabel;

namespace models {
class StockLevelModel;
}

namespace ui {

class LazyTableView;
class ScreenHeader;
class StockFilterBar;

// Stock per product and location: on hand, reserved, available, inbound, in transit
// and available to promise, filtered and searched (a scanned barcode finds its
// product). With operations: adjust (Ctrl+J), transfer (Ctrl+T), cycle counts
// (Ctrl+K), the product's ledger (Ctrl+L), the product editor (Enter, double-click,
// Ctrl+E), a new product (Ctrl+N) and the reconciliation report (Ctrl+R). Searching
// for a kit's SKU or barcode lists its components' rows under a banner that says what
// the kit is made of and what it makes at each location.
class StockScreen : public QWidget
{
    Q_OBJECT
public:
    // `source` may be null (no database): the screen then says so instead of a table.
    explicit StockScreen(models::StockLevelSource *source, QWidget *parent = nullptr);
    // `operations` may be null: the list is then read-only.
    StockScreen(models::StockLevelSource *source, models::StockOperations *operations,
                QWidget *parent = nullptr);

    models::StockLevelModel *model() const { return m_model; }
    LazyTableView *table() const { return m_table; }
    StockFilterBar *filterBar() const { return m_filters; }
    // The row the actions apply to; nullptr when none.
    const models::StockLevelRow *currentRow() const;

    void adjustCurrent();
    void transfer();
    void cycleCount();
    void showLedger();
    void editProduct();
    void newProduct();
    // The product editor for the kit the search names (the banner's "Edit kit…").
    void editKit();
    void reconcile();
    // The line above the table when the search names a kit; empty otherwise.
    QString kitBanner() const;

private:
    void buildActions();
    void updateSummary();
    void updateActions();
    void onSearchEntered();
    // Re-reads the list after a change, keeping the current row where it was.
    void reload(const QString &message);
    void updateKitBanner();

    models::StockOperations *m_operations = nullptr;
    ScreenHeader *m_header;
    StockFilterBar *m_filters;
    LazyTableView *m_table;
    QLabel *m_status;
    models::StockLevelModel *m_model = nullptr;
    std::unique_ptr<models::KitSearchSource> m_kitSource; // with operations only
    QLabel *m_kitBanner = nullptr;
    QString m_kitBannerText;
    QList<QAction *> m_rowActions;
};

} // namespace ui
