#pragma once

#include "models/result.h"
#include "storage/database.h"
#include "storage/searchindexer.h"
#include "storage/sqlorderactions.h"
#include "storage/sqlorderdetailsource.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlstocklevelsource.h"
#include "ui/screensources.h"

#include <memory>

namespace app {

// An open database and the data sources the screens read from it: what the main
// window and the screenshot command both need.
class Workspace
{
public:
    static models::Result<std::unique_ptr<Workspace>> open(const QString &databasePath);

    ui::ScreenSources sources();

private:
    explicit Workspace(std::unique_ptr<storage::Database> db);

    std::unique_ptr<storage::Database> m_db;
    storage::SqlOrderQueueSource m_orders;
    storage::SqlOrderDetailSource m_orderDetails;
    storage::SqlOrderActions m_orderActions;
    storage::SqlStockLevelSource m_stock;
    // Declared last: destroyed first, so its thread stops before the rest goes.
    std::unique_ptr<storage::SearchIndexer> m_searchIndexer;
};

} // namespace app
