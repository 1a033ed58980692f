#pragma once

// A prepared statement on SQLite's C API, for the hot loops of storage/ (imports)
// where QSqlQuery's per-value QVariant round trips cost more than the SQL itself.
// Private to storage/: it needs <sqlite3.h>, which only storage links.

#include "models/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <sqlite3.h>

namespace storage {

// The SQLite handle behind a QSQLITE connection; null for any other driver.
sqlite3 *sqliteHandleOf(const QSqlDatabase &db);

class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    models::Status prepare(sqlite3 *db, const char *sql);
    void finalize();
    bool isPrepared() const { return m_stmt != nullptr; }

    // Binds are 1-based, as in SQLite. Empty text binds as NULL with bindTextOrNull.
    void bind(int i, qint64 value) { sqlite3_bind_int64(m_stmt, i, value); }
    void bindNull(int i) { sqlite3_bind_null(m_stmt, i); }
    void bindText(int i, const QString &value);
    void bindText(int i, const QByteArray &utf8);
    void bindTextOrNull(int i, const QString &value);
    void bindTime(int i, const QDateTime &utc); // NULL when invalid
    void bindOptional(int i, std::optional<qint64> value);

    // One step: true with a row, false at the end; an error sets error().
    bool step();
    // Runs a statement that returns no rows; resets it for the next use.
    models::Status run();
    void reset() { sqlite3_reset(m_stmt); }
    const QString &error() const { return m_error; }

    qint64 int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    QString text(int column) const;
    // Compares a text column with bytes without building a QString (NULL equals nothing).
    bool textEquals(int column, const QByteArray &bytes) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
    const char *m_sql = nullptr;
};

// A statement without binds or rows (BEGIN, COMMIT, PRAGMA ...).
models::Status sqliteExec(sqlite3 *db, const char *sql);

} // namespace storage
