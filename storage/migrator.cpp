#include "storage/migrator.h"

#include "storage/sqlitebackup.h"
#include "storage/sqlitescript.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace storage {

using models::Error;
using models::Result;
using models::Status;

QList<Migration> Migrator::builtIn()
{
    static const QRegularExpression namePattern(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    QList<Migration> out;
    const QDir dir(QStringLiteral(":/migrations"));
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QRegularExpressionMatch m = namePattern.match(name);
        if (!m.hasMatch())
            continue;
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        out.append(Migration{m.captured(1).toInt(), name, QString::fromUtf8(file.readAll())});
    }
    std::sort(out.begin(), out.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return out;
}

int Migrator::latestVersion(const QList<Migration> &migrations)
{
    return migrations.isEmpty() ? 0 : migrations.constLast().version;
}

Result<int> Migrator::currentVersion(const QSqlDatabase &db)
{
    const QStringList tables = db.tables();
    if (tables.contains(QStringLiteral("schema_version"))) {
        Result<QVariant> v =
            queryScalar(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
        if (!v.ok())
            return Error{v.error()};
        return v.value().toInt();
    }
    if (!tables.isEmpty())
        return Error{QStringLiteral("%1 is a SQLite database but not a Backroom one "
                                    "(it has tables but no schema_version); it was not changed")
                         .arg(db.databaseName())};
    return 0;
}

QString Migrator::newerSchemaMessage(const QString &path, int found, int known)
{
    return QStringLiteral("%1 was written by a newer Backroom (schema version %2; this Backroom "
                          "knows up to version %3). It has not been changed: update Backroom "
                          "to open it.")
        .arg(path)
        .arg(found)
        .arg(known);
}

namespace {

Status applyOne(const QSqlDatabase &db, const Migration &migration)
{
    Transaction tx(db);
    if (!tx.isActive())
        return Error{
            QStringLiteral("migration %1: cannot begin: %2").arg(migration.name, tx.error())};
    const QStringList statements = splitSqliteScript(migration.script);
    for (const QString &sql : statements) {
        if (Status s = runStatement(db, sql); !s)
            return Error{QStringLiteral("migration %1 failed: %2").arg(migration.name, s.error())};
    }
    if (Status s = runStatement(
            db,
            QStringLiteral("INSERT INTO schema_version (version, name, "
                           "applied_at) VALUES (?, ?, ?)"),
            {migration.version, migration.name, isoUtc(QDateTime::currentDateTimeUtc())});
        !s)
        return Error{QStringLiteral("migration %1: %2").arg(migration.name, s.error())};
    return tx.commit();
}

} // namespace

Result<MigrationReport> Migrator::migrate(const QSqlDatabase &db,
                                          const QList<Migration> &migrations)
{
    Result<int> current = currentVersion(db);
    if (!current.ok())
        return Error{current.error()};
    const int latest = latestVersion(migrations);

    MigrationReport report;
    report.fromVersion = current.value();
    report.toVersion = current.value();
    if (report.fromVersion > latest)
        return Error{newerSchemaMessage(db.databaseName(), report.fromVersion, latest)};
    if (report.fromVersion == latest)
        return report;

    const QString path = db.databaseName();
    const bool inMemory = path.isEmpty() || path == QLatin1String(":memory:");
    if (report.fromVersion > 0 && !inMemory) {
        report.backupPath =
            QStringLiteral("%1.v%2-%3.bak")
                .arg(path)
                .arg(report.fromVersion)
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        if (Status s = backupSqliteDatabase(path, report.backupPath); !s)
            return Error{QStringLiteral("not upgrading %1: the backup before the upgrade "
                                        "failed: %2")
                             .arg(path, s.error())};
    }

    if (report.fromVersion == 0) {
        if (Status s = runStatement(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                                       "version INTEGER PRIMARY KEY, name TEXT NOT "
                                                       "NULL, applied_at TEXT NOT NULL)"));
            !s)
            return Error{s.error()};
    }

    for (const Migration &m : migrations) {
        if (m.version <= report.fromVersion)
            continue;
        if (Status s = applyOne(db, m); !s) {
            QString message = s.error();
            if (!report.backupPath.isEmpty())
                message += QStringLiteral(". The database is as it was before; a copy was kept "
                                          "at %1")
                               .arg(report.backupPath);
            return Error{message};
        }
        report.toVersion = m.version;
    }
    return report;
}

} // namespace storage
