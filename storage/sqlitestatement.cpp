#include "storage/sqlitestatement.h"

#include <QSqlDriver>

namespace storage {

using models::Error;
using models::Status;

sqlite3 *sqliteHandleOf(const QSqlDatabase &db)
{
    if (db.driverName() != QLatin1String("QSQLITE") || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::~SqliteStatement()
{
    finalize();
}

Status SqliteStatement::prepare(sqlite3 *db, const char *sql)
{
    finalize();
    m_sql = sql;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
        return Error{QStringLiteral("database error: %1 (in: %2)")
                         .arg(QString::fromUtf8(sqlite3_errmsg(db)), QString::fromUtf8(sql))};
    return {};
}

void SqliteStatement::finalize()
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

void SqliteStatement::bindText(int i, const QString &value)
{
    sqlite3_bind_text16(m_stmt, i, value.utf16(), static_cast<int>(value.size() * 2),
                        SQLITE_TRANSIENT);
}

void SqliteStatement::bindText(int i, const QByteArray &utf8)
{
    sqlite3_bind_text(m_stmt, i, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindTextOrNull(int i, const QString &value)
{
    if (value.isEmpty())
        bindNull(i);
    else
        bindText(i, value);
}

void SqliteStatement::bindTime(int i, const QDateTime &utc)
{
    if (!utc.isValid())
        bindNull(i);
    else
        bindText(i, utc.toUTC().toString(Qt::ISODate).toLatin1());
}

void SqliteStatement::bindOptional(int i, std::optional<qint64> value)
{
    if (value)
        bind(i, *value);
    else
        bindNull(i);
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        sqlite3 *db = sqlite3_db_handle(m_stmt);
        m_error = QStringLiteral("database error: %1 (in: %2)")
                      .arg(QString::fromUtf8(sqlite3_errmsg(db)), QString::fromUtf8(m_sql));
    } else {
        m_error.clear();
    }
    return false;
}

Status SqliteStatement::run()
{
    step();
    sqlite3_reset(m_stmt);
    if (!m_error.isEmpty())
        return Error{m_error};
    return {};
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

bool SqliteStatement::textEquals(int column, const QByteArray &bytes) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data && QByteArrayView(data, sqlite3_column_bytes(m_stmt, column)) == bytes;
}

Status sqliteExec(sqlite3 *db, const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString why = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
        sqlite3_free(message);
        return Error{
            QStringLiteral("database error: %1 (in: %2)").arg(why, QString::fromUtf8(sql))};
    }
    return {};
}

} // namespace storage
