#pragma once

#include "models/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <optional>

namespace storage {

// Prepares and runs one statement with positional bound values. A failure comes
// back as an Error that quotes the database's message and the statement.
models::Result<QSqlQuery> runQuery(const QSqlDatabase &db, const QString &sql,
                                   const QVariantList &binds = {});
models::Status runStatement(const QSqlDatabase &db, const QString &sql,
                            const QVariantList &binds = {});

// Runs an already prepared statement with new values, for loops over many rows.
models::Status execPrepared(QSqlQuery &query, const QVariantList &binds);

// The first column of the first row, or an error when there is no row.
models::Result<QVariant> queryScalar(const QSqlDatabase &db, const QString &sql,
                                     const QVariantList &binds = {});

models::Error sqlError(const QSqlQuery &query, const QString &sql);

// Bound values the tables store the same way everywhere: times as ISO 8601 UTC text
// ("2026-06-08T12:55:28Z"), an absent id or text as NULL of the column's type.
QString isoUtc(const QDateTime &time);
QVariant optionalId(std::optional<qint64> id);
QVariant nullText();

} // namespace storage
