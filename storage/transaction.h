#pragma once

#include "models/result.h"

#include <QSqlDatabase>

namespace storage {

// RAII transaction: begins on construction, commits only when commit() is called,
// rolls back in the destructor otherwise (an early return, an error, an exception).
// Write transactions take SQLite's write lock up front (BEGIN IMMEDIATE) so two
// writers queue on the busy timeout instead of failing half-way through.
class Transaction
{
public:
    enum class Mode
    {
        Read,
        Write
    };

    explicit Transaction(QSqlDatabase db, Mode mode = Mode::Write);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // False when BEGIN failed; error() says why.
    bool isActive() const { return m_active; }
    const QString &error() const { return m_error; }

    models::Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace storage
