#include "storage/database.h"

#include "storage/sqlrun.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>

namespace storage {

using models::Error;
using models::Result;
using models::Status;

namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("backroom-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Database::Database(QString connectionName, QString path)
    : m_connectionName(std::move(connectionName)), m_path(std::move(path))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Database::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(dir).filePath(QStringLiteral("Backroom/backroom.db"));
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path)
{
    return open(path, Options());
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Options &options)
{
    const bool inMemory = path == QLatin1String(":memory:");
    if (!inMemory) {
        const QFileInfo info(path);
        if (info.exists() && info.isDir())
            return Error{QStringLiteral("%1 is a folder, not a database file").arg(path)};
        if (!QDir().mkpath(info.absolutePath()))
            return Error{QStringLiteral("cannot create the folder %1").arg(info.absolutePath())};
    }

    std::unique_ptr<Database> database(new Database(nextConnectionName(), path));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
        if (!db.isValid())
            return Error{QStringLiteral("the Qt SQLite driver (QSQLITE) is missing: install "
                                        "libqt6sql6-sqlite")};
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return Error{QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text())};

        // Reading the header proves the file is a database before anything writes to it.
        if (Result<QVariant> v = queryScalar(db, QStringLiteral("PRAGMA schema_version")); !v.ok())
            return Error{QStringLiteral("%1 is not a Backroom database: %2").arg(path, v.error())};

        // Refuse a newer schema before any setting touches the file.
        Result<int> current = Migrator::currentVersion(db);
        if (!current.ok())
            return Error{current.error()};
        const int latest = Migrator::latestVersion(options.migrations);
        if (current.value() > latest)
            return Error{Migrator::newerSchemaMessage(path, current.value(), latest)};

        const char *pragmas[] = {
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=NORMAL",
            "PRAGMA foreign_keys=ON",
            "PRAGMA busy_timeout=5000",
        };
        for (const char *pragma : pragmas)
            if (Result<QSqlQuery> q = runQuery(db, QString::fromLatin1(pragma)); !q.ok())
                return Error{QStringLiteral("%1: %2").arg(path, q.error())};

        if (options.migrate) {
            Result<MigrationReport> report = Migrator::migrate(db, options.migrations);
            if (!report.ok())
                return Error{report.error()};
            database->m_report = report.value();
        } else {
            database->m_report.fromVersion = database->m_report.toVersion = current.value();
        }
    }
    return database;
}

} // namespace storage
