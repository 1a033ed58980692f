#pragma once

#include "models/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

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

} // namespace storage
