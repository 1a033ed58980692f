#include "storage/sqlitebackup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <sqlite3.h>

namespace storage {

using models::Error;
using models::Status;

namespace {

// Closes a sqlite3 handle whatever path the function leaves by.
struct Handle
{
    sqlite3 *db = nullptr;
    ~Handle() { sqlite3_close_v2(db); }
};

QString messageOf(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
}

} // namespace

Status backupSqliteDatabase(const QString &sourcePath, const QString &targetPath)
{
    if (!QFileInfo::exists(sourcePath))
        return Error{QStringLiteral("backup: %1 does not exist").arg(sourcePath)};
    const QString partPath = targetPath + QStringLiteral(".part");
    QFile::remove(partPath);
    QDir().mkpath(QFileInfo(targetPath).absolutePath());

    Handle source;
    if (sqlite3_open_v2(QFile::encodeName(sourcePath).constData(), &source.db, SQLITE_OPEN_READONLY,
                        nullptr) != SQLITE_OK)
        return Error{
            QStringLiteral("backup: cannot open %1: %2").arg(sourcePath, messageOf(source.db))};
    sqlite3_busy_timeout(source.db, 5000);

    {
        Handle target;
        if (sqlite3_open_v2(QFile::encodeName(partPath).constData(), &target.db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
            const QString why = messageOf(target.db);
            QFile::remove(partPath);
            return Error{QStringLiteral("backup: cannot create %1: %2").arg(partPath, why)};
        }

        sqlite3_backup *backup = sqlite3_backup_init(target.db, "main", source.db, "main");
        if (!backup) {
            const QString why = messageOf(target.db);
            QFile::remove(partPath);
            return Error{QStringLiteral("backup: %1").arg(why)};
        }
        int rc = SQLITE_OK;
        // Copy in slices so a writer in another process is not locked out for long;
        // if it changes the source meanwhile, SQLite restarts the copy.
        do {
            rc = sqlite3_backup_step(backup, 4096);
            if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                QThread::msleep(20);
        } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) {
            const QString why = messageOf(target.db);
            QFile::remove(partPath);
            return Error{QStringLiteral("backup of %1 failed: %2").arg(sourcePath, why)};
        }
        // A backup is one self-contained file: fold any WAL back in.
        sqlite3_exec(target.db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    }

    QFile::remove(targetPath);
    if (!QFile::rename(partPath, targetPath)) {
        QFile::remove(partPath);
        return Error{QStringLiteral("backup: cannot write %1").arg(targetPath)};
    }
    return {};
}

} // namespace storage
