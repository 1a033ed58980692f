#include "app/workspace.h"

#include "app/osuser.h"

#include "storage/sqlorderimportsink.h"
#include "storage/sqlreordersource.h"
#include "storage/sqlreports.h"

namespace app {

Workspace::Workspace(std::unique_ptr<storage::Database> db)
    : m_db(std::move(db)), m_orders(m_db->connection()), m_orderDetails(m_db->connection()),
      m_orderActions(m_db->connection(), osUserName()), m_stock(m_db->connection()),
      m_orderDocuments(m_db->connection()),
      m_searchIndexer(std::make_unique<storage::SearchIndexer>(m_db->path()))
{}

models::Result<std::unique_ptr<Workspace>> Workspace::open(const QString &databasePath)
{
    models::Result<std::unique_ptr<storage::Database>> db = storage::Database::open(databasePath);
    if (!db.ok())
        return models::Error{db.error()};
    return std::unique_ptr<Workspace>(new Workspace(std::move(db).value()));
}

ui::ScreenSources Workspace::sources()
{
    ui::ScreenSources s;
    s.orders = &m_orders;
    s.stock = &m_stock;
    s.databasePath = m_db->path();
    // Called on the import's thread: the sink opens its own connection there.
    s.makeImportSink =
        [path = m_db->path()]() -> models::Result<std::unique_ptr<models::OrderImportSink>> {
        models::Result<std::unique_ptr<storage::SqlOrderImportSink>> sink =
            storage::SqlOrderImportSink::open(path);
        if (!sink)
            return models::Error{sink.error()};
        return std::unique_ptr<models::OrderImportSink>(std::move(sink).value());
    };
    s.userName = osUserName();
    s.orderDetails = &m_orderDetails;
    s.orderActions = &m_ruleActions;
    s.packBench = &m_packBench;
    s.pickLists = &m_pickLists;
    s.orderDocuments = &m_orderDocuments;
    s.shipping = &m_shipping;
    s.purchasing = &m_purchasing;
    s.stockOperations = &m_stockOperations;
    s.returns = &m_returns;
    s.automation = &m_automation;
    s.settings = &m_settings;
    // Called on the Reorder screen's worker thread: the source opens its own connection.
    s.makeReorderSource =
        [path = m_db->path()]() -> models::Result<std::unique_ptr<models::ReorderSource>> {
        models::Result<std::unique_ptr<storage::SqlReorderSource>> source =
            storage::SqlReorderSource::open(path);
        if (!source)
            return models::Error{source.error()};
        return std::unique_ptr<models::ReorderSource>(std::move(source).value());
    };
    // Called on the Reports screen's worker thread: the source opens its own connection.
    s.makeReportSource =
        [path = m_db->path()]() -> models::Result<std::unique_ptr<models::ReportSource>> {
        models::Result<std::unique_ptr<storage::SqlReports>> source =
            storage::SqlReports::open(path);
        if (!source)
            return models::Error{source.error()};
        return std::unique_ptr<models::ReportSource>(std::move(source).value());
    };
    return s;
}

} // namespace app
