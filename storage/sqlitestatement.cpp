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

namespace {

// What QDateTime::toUTC().toString(Qt::ISODate) gives ("2026-06-01T10:20:00Z") for
// years 1-9999, without its time-zone machinery: an import binds a few times per
// order. Days to a civil date as in H. Hinnant's days_from_civil inverse.
bool formatUtcIsoDate(qint64 msecs, char (&out)[20])
{
    const qint64 secs = msecs >= 0 ? msecs / 1000 : -((-msecs + 999) / 1000);
    qint64 days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    const qint64 daySecs = secs - days * 86400;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1 || year > 9999)
        return false;
    const auto put = [&out](int at, qint64 value, int digits) {
        for (int d = digits - 1; d >= 0; --d, value /= 10)
            out[at + d] = static_cast<char>('0' + value % 10);
    };
    put(0, year, 4);
    out[4] = '-';
    put(5, month, 2);
    out[7] = '-';
    put(8, day, 2);
    out[10] = 'T';
    put(11, daySecs / 3600, 2);
    out[13] = ':';
    put(14, daySecs / 60 % 60, 2);
    out[16] = ':';
    put(17, daySecs % 60, 2);
    out[19] = 'Z';
    return true;
}

} // namespace

void SqliteStatement::bindTime(int i, const QDateTime &utc)
{
    if (!utc.isValid()) {
        bindNull(i);
        return;
    }
    char text[20];
    if (formatUtcIsoDate(utc.toMSecsSinceEpoch(), text))
        sqlite3_bind_text(m_stmt, i, text, sizeof text, SQLITE_TRANSIENT);
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
