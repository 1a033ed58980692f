#pragma once

// Forward-only rows through SQLite's C API when the connection is SQLite (the hot
// reads run over millions of rows, where a QVariant per value costs more than the
// query), through QSqlQuery otherwise.

#include "models/result.h"
#include "storage/sqlitestatement.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <optional>

namespace storage {

class SqlCursor
{
public:
    models::Status open(const QSqlDatabase &db, const char *sql, const QVariantList &binds);
    bool next() { return m_handle ? m_statement.step() : m_query.next(); }
    QString error() const { return m_handle ? m_statement.error() : QString(); }
    qint64 integer(int c) const
    {
        return m_handle ? m_statement.int64(c) : m_query.value(c).toLongLong();
    }
    bool isNull(int c) const { return m_handle ? m_statement.isNull(c) : m_query.isNull(c); }
    QString text(int c) const
    {
        return m_handle ? m_statement.text(c) : m_query.value(c).toString();
    }
    // Whether a text column equals these UTF-8 bytes, without building a QString.
    bool textEquals(int c, const QByteArray &utf8) const
    {
        return m_handle ? m_statement.textEquals(c, utf8) : text(c).toUtf8() == utf8;
    }
    std::optional<qint64> optionalInteger(int c) const
    {
        return isNull(c) ? std::nullopt : std::optional<qint64>(integer(c));
    }

private:
    sqlite3 *m_handle = nullptr;
    SqliteStatement m_statement;
    QSqlQuery m_query;
};

} // namespace storage
