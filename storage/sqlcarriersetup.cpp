#include "storage/sqlcarriersetup.h"

#include "storage/sqlcarriers.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

namespace storage {

using models::Error;
using models::Result;

SqlCarrierSetup::SqlCarrierSetup(QSqlDatabase db) : m_db(std::move(db)) {}

Result<QList<models::CarrierEntry>> SqlCarrierSetup::allCarriers()
{
    Result<QSqlQuery> q =
        runQuery(m_db, QStringLiteral("SELECT id, active FROM carriers ORDER BY name"));
    if (!q.ok())
        return Error{q.error()};
    QList<std::pair<qint64, bool>> ids;
    while (q.value().next())
        ids.append({q.value().value(0).toLongLong(), q.value().value(1).toInt() != 0});
    q.value().finish();
    QList<models::CarrierEntry> out;
    for (const auto &[id, active] : ids) {
        Result<std::optional<models::Carrier>> c = carrierById(m_db, id);
        if (!c.ok())
            return Error{c.error()};
        if (c.value())
            out.append({*c.value(), active});
    }
    return out;
}

Result<QList<models::CarrierService>> SqlCarrierSetup::servicesOf(qint64 carrierId)
{
    Result<QList<models::CarrierService>> all = loadCarrierServices(m_db, true);
    if (!all.ok())
        return Error{all.error()};
    QList<models::CarrierService> out;
    for (const models::CarrierService &s : all.value())
        if (s.carrierId == carrierId)
            out.append(s);
    return out;
}

Result<qint64> SqlCarrierSetup::saveCarrier(const models::CarrierEntry &entry)
{
    Transaction txn(m_db);
    if (!txn.isActive())
        return Error{
            QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};
    // The tracking link is kept as it was: the dialog does not edit it.
    Result<QSqlQuery> url = runQuery(
        m_db, QStringLiteral("SELECT COALESCE(tracking_url, '') FROM carriers WHERE code = ?"),
        {entry.carrier.code.trimmed()});
    if (!url.ok())
        return Error{url.error()};
    const QString trackingUrl = url.value().next() ? url.value().value(0).toString() : QString();
    url.value().finish();
    Result<qint64> id = storage::saveCarrier(m_db, entry.carrier, trackingUrl);
    if (!id.ok())
        return id;
    if (models::Status st =
            runStatement(m_db, QStringLiteral("UPDATE carriers SET active = ? WHERE id = ?"),
                         {entry.active ? 1 : 0, id.value()});
        !st)
        return Error{st.error()};
    if (models::Status st = txn.commit(); !st)
        return Error{st.error()};
    return id;
}

Result<qint64> SqlCarrierSetup::saveService(const models::CarrierService &service)
{
    return saveCarrierService(m_db, service);
}

} // namespace storage
