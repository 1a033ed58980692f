#pragma once

#include "models/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace storage {

struct Migration
{
    int version = 0;
    QString name; // file name, e.g. "0001_initial.sql"
    QString script;
};

// What opening a database did to its schema.
struct MigrationReport
{
    int fromVersion = 0;
    int toVersion = 0;
    QString backupPath; // set when an existing database was copied before upgrading
    bool upgraded() const { return toVersion > fromVersion; }
};

// Applies the numbered SQL migrations compiled into the program (":/migrations",
// files named NNNN_description.sql), each in its own transaction, recording each in
// schema_version. A database newer than this program is refused untouched.
class Migrator
{
public:
    // The migrations shipped with this build, in order. Tests may pass their own.
    static QList<Migration> builtIn();
    static int latestVersion(const QList<Migration> &migrations);

    // The version recorded in the database: 0 for an empty file; an error for a SQLite
    // file that is not a Backroom database.
    static models::Result<int> currentVersion(const QSqlDatabase &db);

    // Brings db from its current version to the newest in `migrations`.
    // Before touching a database that already holds data, copies it beside itself.
    static models::Result<MigrationReport> migrate(const QSqlDatabase &db,
                                                   const QList<Migration> &migrations);

    // The message shown when a newer Backroom wrote the database.
    static QString newerSchemaMessage(const QString &path, int found, int known);
};

} // namespace storage
