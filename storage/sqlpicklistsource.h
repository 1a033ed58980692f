#pragma once

#include "models/picklist.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace storage {

// Pick lists over the database: reading them (sqlpicklistsource.cpp) and the four
// writes (sqlpicklistwrites.cpp), each one transaction.
//   create     the list(s), their slots and lines; the orders go to 'picking' with a
//              timeline event "On pick list PL-000012, slot 3".
//   markShort  the bin held fewer units than the ledger said: the orders that go
//              without (latest priority first) are put on hold or backordered (setting
//              picking.short_pick = hold | backorder), their reservations released,
//              and on hand goes down by the missing units (reason short_pick).
//   markPicked the walk is done; the orders stay 'picking' for the pack bench.
//   cancel     orders still being picked go back to 'ready', stock still reserved.
class SqlPickListSource : public models::PickListSource
{
public:
    SqlPickListSource(QSqlDatabase db, QString user);

    models::Result<QList<models::PickLocation>> locations() override;
    models::Result<models::ReadyOrders> readyOrders(qint64 locationId) override;
    models::Result<QList<models::PickListSummary>> openLists(qint64 locationId) override;
    models::Result<models::PickListDetail> list(qint64 listId) override;

    models::Result<QList<models::PickListSummary>>
    create(const models::PickListRequest &request) override;
    models::Result<models::ShortPickOutcome> markShort(qint64 listId, qint64 lineId,
                                                       int missing) override;
    models::Status markPicked(qint64 listId) override;
    models::Status cancel(qint64 listId) override;

    // A list by its code ("PL-000012", as printed and scanned).
    models::Result<models::PickListDetail> listByCode(const QString &code);

    // Tests pin the clock.
    void setNow(const QDateTime &utc) { m_now = utc; }

    // Batches are numbered slots 01..99 on the cart.
    static constexpr int kMaxBatchOrders = 99;

private:
    QDateTime now() const;
    models::Result<models::PickListSummary> summary(qint64 listId);
    models::Result<models::PriorityPolicy> priorityPolicy();

    QSqlDatabase m_db;
    QString m_user;
    QDateTime m_now;
};

} // namespace storage
