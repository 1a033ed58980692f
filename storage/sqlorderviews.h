#pragma once

#include "models/orderview.h"

#include <QSqlDatabase>

namespace storage {

// The user's saved Orders views, in the order_views table (schema version 13).
class SqlOrderViews : public models::OrderViewStore
{
public:
    explicit SqlOrderViews(QSqlDatabase db) : m_db(std::move(db)) {}

    models::Result<QList<models::OrderView>> views() override;
    models::Status saveView(const models::OrderView &view) override;
    models::Status deleteView(const QString &name) override;

private:
    QSqlDatabase m_db;
};

} // namespace storage
