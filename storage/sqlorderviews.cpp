#include "storage/sqlorderviews.h"

#include "storage/sqlrun.h"
#include "storage/transaction.h"

namespace storage {

using models::Error;
using models::OrderView;
using models::Result;
using models::Status;

Result<QList<OrderView>> SqlOrderViews::views()
{
    const QString sql = QStringLiteral("SELECT name, definition FROM order_views ORDER BY name");
    Result<QSqlQuery> q = runQuery(m_db, sql);
    if (!q.ok())
        return Error{q.error()};
    QList<OrderView> out;
    while (q.value().next()) {
        Result<OrderView> v =
            models::decodeOrderView(q.value().value(0).toString(), q.value().value(1).toString());
        if (!v.ok())
            return Error{v.error()};
        out.append(v.value());
    }
    return out;
}

Status SqlOrderViews::saveView(const OrderView &view)
{
    if (Status s = models::checkOrderViewName(view.name); !s)
        return s;
    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{tx.error()};
    const QString now = isoUtc(QDateTime::currentDateTimeUtc());
    if (Status s = runStatement(
            m_db,
            QStringLiteral("INSERT INTO order_views (name, definition, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                           "definition = excluded.definition, updated_at = excluded.updated_at"),
            {view.name.trimmed(), models::encodeOrderView(view), now, now});
        !s)
        return s;
    return tx.commit();
}

Status SqlOrderViews::deleteView(const QString &name)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{tx.error()};
    Result<QSqlQuery> q =
        runQuery(m_db, QStringLiteral("DELETE FROM order_views WHERE name = ?"), {name});
    if (!q.ok())
        return Error{q.error()};
    if (q.value().numRowsAffected() == 0)
        return Error{QStringLiteral("There is no saved view named \"%1\".").arg(name)};
    return tx.commit();
}

} // namespace storage
