#pragma once

#include "app/osuser.h"
#include "models/result.h"
#include "storage/database.h"
#include "storage/searchindexer.h"
#include "storage/sqlautomation.h"
#include "storage/sqlorderactions.h"
#include "storage/sqlorderdetailsource.h"
#include "storage/sqlorderdocumentsource.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlpackbench.h"
#include "storage/sqlpicklistsource.h"
#include "storage/sqlpurchasing.h"
#include "storage/sqlreturns.h"
#include "storage/sqlsettings.h"
#include "storage/sqlshippingsource.h"
#include "storage/sqlstocklevelsource.h"
#include "storage/sqlstockoperations.h"
#include "ui/screensources.h"

#include <QSysInfo>

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
    storage::SqlStockOperations m_stockOperations{m_db->connection(), osUserName(), m_db->path()};
    storage::SqlOrderDocumentSource m_orderDocuments;
    storage::SqlPickListSource m_pickLists{m_db->connection(), osUserName()};
    // The bench is this computer; the packer is who is logged in at it.
    storage::SqlPackBench m_packBench{m_db->connection(), QSysInfo::machineHostName(),
                                      osUserName()};
    storage::SqlPurchasing m_purchasing{m_db->connection()};
    storage::SqlShippingSource m_shipping{m_db->connection(), osUserName()};
    storage::SqlReturns m_returns{m_db->connection(), osUserName()};
    storage::SqlAutomation m_automation{m_db->connection()};
    storage::SqlSettings m_settings{m_db->connection(), osUserName()};
    // The Orders screen's Allocate runs the automation rules first.
    storage::RulesFirstOrderActions m_ruleActions{m_db->connection(), &m_orderActions,
                                                  osUserName()};
    // Declared last: destroyed first, so its thread stops before the rest goes.
    std::unique_ptr<storage::SearchIndexer> m_searchIndexer;
};

} // namespace app
