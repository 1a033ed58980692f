#pragma once

#include "models/stocklevelrow.h"

#include <QSqlDatabase>

namespace storage {

// Stock per product and location over SQL, in SKU then location order.
class SqlStockLevelSource : public models::StockLevelSource
{
public:
    explicit SqlStockLevelSource(QSqlDatabase db);
    models::Result<qint64> count() override;
    models::Result<QList<models::StockLevelRow>> fetch(qint64 offset, int limit) override;

private:
    QSqlDatabase m_db;
};

} // namespace storage
