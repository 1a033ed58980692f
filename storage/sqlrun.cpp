#include "storage/sqlrun.h"

#include <QSqlError>

namespace storage {

using models::Error;
using models::Result;
using models::Status;

Error sqlError(const QSqlQuery &query, const QString &sql)
{
    QString statement = sql.simplified();
    if (statement.size() > 160)
        statement = statement.left(157) + QStringLiteral("...");
    return Error{
        QStringLiteral("database error: %1 (in: %2)").arg(query.lastError().text(), statement)};
}

Status execPrepared(QSqlQuery &query, const QVariantList &binds)
{
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(static_cast<int>(i), binds.at(i));
    if (!query.exec())
        return sqlError(query, query.lastQuery());
    return {};
}

Result<QSqlQuery> runQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(query, sql);
    if (Status s = execPrepared(query, binds); !s)
        return Error{s.error()};
    return query;
}

Status runStatement(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    Result<QSqlQuery> q = runQuery(db, sql, binds);
    return q.ok() ? Status() : Status(Error{q.error()});
}

Result<QVariant> queryScalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    Result<QSqlQuery> q = runQuery(db, sql, binds);
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("database error: no row from %1").arg(sql.simplified())};
    return q.value().value(0);
}

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QVariant optionalId(std::optional<qint64> id)
{
    return id ? QVariant(*id) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant nullText()
{
    return QVariant(QMetaType(QMetaType::QString));
}

} // namespace storage
