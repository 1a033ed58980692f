#pragma once

#include "models/orderdocument.h"

#include <QSqlDatabase>

namespace storage {

// Reads an order for printing: the order, its lines with their products' weight,
// customs codes, bin and barcode (a kit line with its parts, and the parts' weight
// when the kit has none of its own), the location it ships from and its latest
// shipment with the parcels. Read-only; a handful of indexed queries per order.
class SqlOrderDocumentSource : public models::OrderDocumentSource
{
public:
    explicit SqlOrderDocumentSource(QSqlDatabase db);

    models::Result<QList<models::OrderNumberMatch>> findOrders(const QString &number,
                                                               const QString &channelCode) override;
    models::Result<models::OrderDocumentData> orderDocument(qint64 orderId) override;

private:
    QSqlDatabase m_db;
};

} // namespace storage
