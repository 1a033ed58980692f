#pragma once

#include "models/carriersetupsource.h"

#include <QSqlDatabase>

namespace storage {

// The carriers and rates dialog's data over the open database.
class SqlCarrierSetup : public models::CarrierSetupSource
{
public:
    explicit SqlCarrierSetup(QSqlDatabase db);

    models::Result<QList<models::CarrierEntry>> allCarriers() override;
    models::Result<QList<models::CarrierService>> servicesOf(qint64 carrierId) override;
    models::Result<qint64> saveCarrier(const models::CarrierEntry &entry) override;
    models::Result<qint64> saveService(const models::CarrierService &service) override;

private:
    QSqlDatabase m_db;
};

} // namespace storage
