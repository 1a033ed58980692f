#include "storage/transaction.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace storage {

namespace {

bool isSqlite(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QSQLITE");
}

} // namespace

Transaction::Transaction(QSqlDatabase db, Mode mode) : m_db(std::move(db))
{
    if (mode == Mode::Write && isSqlite(m_db)) {
        QSqlQuery begin(m_db);
        m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!m_active)
            m_error = begin.lastError().text();
    } else {
        m_active = m_db.transaction();
        if (!m_active)
            m_error = m_db.lastError().text();
    }
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

models::Status Transaction::commit()
{
    if (!m_active)
        return models::Error{QStringLiteral("no transaction to commit: %1").arg(m_error)};
    if (!m_db.commit()) {
        const QString why = m_db.lastError().text();
        rollback();
        return models::Error{QStringLiteral("database error: commit failed: %1").arg(why)};
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_db.rollback();
    m_active = false;
}

} // namespace storage
