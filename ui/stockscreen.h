#pragma once

#include "models/stocklevelrow.h"

#include <QWidget>

namespace models {
class StockLevelModel;
}

namespace ui {

class LazyTableView;
class ScreenHeader;

// Stock on hand, reserved and available per product and location. Read-only in
// this release; adjustments and transfers come later.
class StockScreen : public QWidget
{
    Q_OBJECT
public:
    // `source` may be null (no database): the screen then says so instead of a table.
    explicit StockScreen(models::StockLevelSource *source, QWidget *parent = nullptr);

    models::StockLevelModel *model() const { return m_model; }
    LazyTableView *table() const { return m_table; }

private:
    void updateSummary();

    ScreenHeader *m_header;
    LazyTableView *m_table;
    models::StockLevelModel *m_model = nullptr;
};

} // namespace ui
