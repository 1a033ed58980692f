#pragma once

#include "models/orderdetail.h"

#include <QSqlDatabase>

namespace storage {

// One order with its lines, the stock of each line's product per location and its
// timeline: four indexed queries, whatever the size of the database.
class SqlOrderDetailSource : public models::OrderDetailSource
{
public:
    explicit SqlOrderDetailSource(QSqlDatabase db);
    models::Result<models::OrderDetail> orderDetail(qint64 orderId) override;

private:
    QSqlDatabase m_db;
};

} // namespace storage
