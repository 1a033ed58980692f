#include "app/workspace.h"

namespace app {

Workspace::Workspace(std::unique_ptr<storage::Database> db)
    : m_db(std::move(db)), m_orders(m_db->connection()), m_stock(m_db->connection())
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
    return s;
}

} // namespace app
