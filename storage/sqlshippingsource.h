#pragma once

#include "models/shippingsource.h"

#include <QSqlDatabase>

namespace storage {

// The Shipping screen's data over the open database.
class SqlShippingSource : public models::ShippingSource
{
public:
    SqlShippingSource(QSqlDatabase db, QString user);

    models::Result<QList<models::OrderToShip>> ordersToShip() override;
    models::Result<QList<models::CarrierService>> services() override;
    models::Result<QList<models::Carrier>> carriers() override;
    models::Result<QList<models::ShippedShipment>> shippedSince(const QDateTime &utc) override;
    models::Result<QString> ship(const models::ShipmentToMake &shipment) override;

private:
    QSqlDatabase m_db;
    QString m_user;
};

} // namespace storage
