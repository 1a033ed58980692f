#pragma once

#include "models/result.h"
#include "storage/migrator.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace storage {

// One open connection to a Backroom database file, configured for a desktop shop:
// WAL (readers never block the writer), foreign keys on, synchronous=NORMAL and a
// busy timeout so two windows or processes queue instead of failing. Opening
// migrates the schema to this build's version, or refuses a newer database.
// A connection belongs to the thread that opened it.
class Database
{
public:
    struct Options
    {
        bool migrate = true;
        QList<Migration> migrations = Migrator::builtIn();
    };

    static models::Result<std::unique_ptr<Database>> open(const QString &path);
    static models::Result<std::unique_ptr<Database>> open(const QString &path,
                                                          const Options &options);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Where Backroom keeps its database when no --db is given: the platform's
    // per-user data folder: ~/.local/share/Backroom/backroom.db on Linux,
    // %LOCALAPPDATA%\Backroom\backroom.db on Windows,
    // ~/Library/Application Support/Backroom/backroom.db on macOS.
    static QString defaultPath();

    QSqlDatabase connection() const;
    const QString &path() const { return m_path; }
    const MigrationReport &migrationReport() const { return m_report; }

private:
    Database(QString connectionName, QString path);

    QString m_connectionName;
    QString m_path;
    MigrationReport m_report;
};

} // namespace storage
