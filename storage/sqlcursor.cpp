#include "storage/sqlcursor.h"

#include "storage/sqlrun.h"

namespace storage {

models::Status SqlCursor::open(const QSqlDatabase &db, const char *sql, const QVariantList &binds)
{
    m_handle = sqliteHandleOf(db);
    if (!m_handle) {
        models::Result<QSqlQuery> q = runQuery(db, QString::fromUtf8(sql), binds);
        if (!q.ok())
            return models::Error{q.error()};
        m_query = std::move(q).value();
        return {};
    }
    if (models::Status s = m_statement.prepare(m_handle, sql); !s)
        return s;
    for (qsizetype i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds.at(i);
        const int at = static_cast<int>(i) + 1;
        if (v.isNull())
            m_statement.bindNull(at);
        else if (v.typeId() == QMetaType::QString)
            m_statement.bindText(at, v.toString());
        else
            m_statement.bind(at, v.toLongLong());
    }
    return {};
}

} // namespace storage
