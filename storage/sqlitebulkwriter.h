#pragma once

#include "models/result.h"

#include <QDateTime>
#include <QString>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace storage {

// One statement parameter. It may point at the caller's QString, so it lives only
// as long as the add() call that takes it, which copies what it needs.
class BulkValue
{
public:
    BulkValue() = default; // NULL
    BulkValue(qint64 v) : m_kind(Kind::Integer), m_integer(v) {}
    BulkValue(int v) : m_kind(Kind::Integer), m_integer(v) {}
    static BulkValue text(const QString &s);       // "" stays ""
    static BulkValue textOrNull(const QString &s); // "" becomes NULL
    static BulkValue time(const QDateTime &t);     // UTC ISO-8601, NULL when invalid

private:
    friend class SqliteBulkWriter;
    enum class Kind : quint8
    {
        Null,
        Integer,
        String,
        Inline
    };
    Kind m_kind = Kind::Null;
    qint64 m_integer = 0;
    const QString *m_string = nullptr;
    char m_inline[24] = {};
    quint8 m_inlineSize = 0;
};

// Runs a fixed set of prepared INSERT statements on a second thread. Rows are
// packed into batches (values and text in one buffer, no allocation per value)
// and handed over through a short queue, so building the rows and SQLite's work
// on them proceed on two cores at once. The first error stops the writing; it is
// reported by finish().
class SqliteBulkWriter
{
public:
    SqliteBulkWriter(sqlite3 *db, std::vector<const char *> statements);
    ~SqliteBulkWriter();
    SqliteBulkWriter(const SqliteBulkWriter &) = delete;
    SqliteBulkWriter &operator=(const SqliteBulkWriter &) = delete;

    models::Status start();
    void add(int statement, std::initializer_list<BulkValue> values);
    // Writes what is queued and waits for it; the connection is the caller's again.
    models::Status finish();

private:
    struct Cell
    {
        qint64 integer = 0; // or the text's offset in the batch buffer
        quint32 size = 0;
        quint8 kind = 0; // 0 null, 1 integer, 2 text
    };
    struct Batch
    {
        std::vector<quint16> statements;
        std::vector<Cell> cells;
        std::string text;
    };

    void appendText(Batch &batch, Cell &cell, const QString &s);
    void hand(std::unique_ptr<Batch> batch);
    void writerLoop();
    bool write(const Batch &batch);

    sqlite3 *m_db;
    std::vector<const char *> m_sql;
    std::vector<sqlite3_stmt *> m_statements;
    std::unique_ptr<Batch> m_filling;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<Batch>> m_queue;
    bool m_closing = false;
    QString m_error; // guarded by m_mutex
};

} // namespace storage
