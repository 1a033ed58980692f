#pragma once

#include "models/shippingsource.h"
#include "storage/sqlcarriersetup.h"

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
    models::CarrierSetupSource *carrierSetup() override { return &m_setup; }

private:
    QSqlDatabase m_db;
    QString m_user;
    SqlCarrierSetup m_setup{m_db};
};

} // namespace storage
