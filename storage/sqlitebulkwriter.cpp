#include "storage/sqlitebulkwriter.h"

#include <sqlite3.h>

namespace storage {

using models::Error;
using models::Status;

namespace {

constexpr size_t kRowsPerBatch = 4096;
constexpr size_t kQueuedBatches = 4;

// "YYYY-MM-DDTHH:MM:SSZ" from seconds since the epoch, as Qt::ISODate writes UTC,
// without QDateTime::toString's cost (the demo writes millions of these).
int formatUtc(qint64 secs, char *out)
{
    qint64 days = secs / 86400;
    qint64 rest = secs % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 d = doy - (153 * mp + 2) / 5 + 1;
    const qint64 m = mp < 10 ? mp + 3 : mp - 9;
    const qint64 y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    const int h = static_cast<int>(rest / 3600);
    const int mi = static_cast<int>(rest / 60 % 60);
    const int s = static_cast<int>(rest % 60);
    auto two = [](char *p, int v) {
        p[0] = static_cast<char>('0' + v / 10);
        p[1] = static_cast<char>('0' + v % 10);
    };
    const int year = static_cast<int>(y);
    out[0] = static_cast<char>('0' + year / 1000 % 10);
    out[1] = static_cast<char>('0' + year / 100 % 10);
    out[2] = static_cast<char>('0' + year / 10 % 10);
    out[3] = static_cast<char>('0' + year % 10);
    out[4] = '-';
    two(out + 5, static_cast<int>(m));
    out[7] = '-';
    two(out + 8, static_cast<int>(d));
    out[10] = 'T';
    two(out + 11, h);
    out[13] = ':';
    two(out + 14, mi);
    out[16] = ':';
    two(out + 17, s);
    out[19] = 'Z';
    return 20;
}

} // namespace

BulkValue BulkValue::text(const QString &s)
{
    BulkValue v;
    v.m_kind = Kind::String;
    v.m_string = &s;
    return v;
}

BulkValue BulkValue::textOrNull(const QString &s)
{
    return s.isEmpty() ? BulkValue() : text(s);
}

BulkValue BulkValue::time(const QDateTime &t)
{
    BulkValue v;
    if (!t.isValid())
        return v;
    v.m_kind = Kind::Inline;
    v.m_inlineSize = static_cast<quint8>(formatUtc(t.toSecsSinceEpoch(), v.m_inline));
    return v;
}

SqliteBulkWriter::SqliteBulkWriter(sqlite3 *db, std::vector<const char *> statements)
    : m_db(db), m_sql(std::move(statements)), m_filling(std::make_unique<Batch>())
{}

SqliteBulkWriter::~SqliteBulkWriter()
{
    if (m_thread.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_closing = true;
            if (m_error.isEmpty())
                m_error = QStringLiteral("abandoned");
        }
        m_changed.notify_all();
        m_thread.join();
    }
    for (sqlite3_stmt *s : m_statements)
        sqlite3_finalize(s);
}

Status SqliteBulkWriter::start()
{
    for (const char *sql : m_sql) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
            SQLITE_OK)
            return Error{QStringLiteral("database error: %1 (in: %2)")
                             .arg(QString::fromUtf8(sqlite3_errmsg(m_db)),
                                  QString::fromLatin1(sql).left(80))};
        m_statements.push_back(stmt);
    }
    m_thread = std::thread([this] { writerLoop(); });
    return {};
}

void SqliteBulkWriter::appendText(Batch &batch, Cell &cell, const QString &s)
{
    cell.kind = 2;
    cell.integer = static_cast<qint64>(batch.text.size());
    bool ascii = true;
    for (QChar c : s)
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) {
        for (QChar c : s)
            batch.text.push_back(static_cast<char>(c.unicode()));
    } else {
        const QByteArray utf8 = s.toUtf8();
        batch.text.append(utf8.constData(), static_cast<size_t>(utf8.size()));
    }
    cell.size = static_cast<quint32>(batch.text.size() - static_cast<size_t>(cell.integer));
}

void SqliteBulkWriter::add(int statement, std::initializer_list<BulkValue> values)
{
    Batch &b = *m_filling;
    b.statements.push_back(static_cast<quint16>(statement));
    for (const BulkValue &v : values) {
        Cell cell;
        switch (v.m_kind) {
        case BulkValue::Kind::Null:
            break;
        case BulkValue::Kind::Integer:
            cell.kind = 1;
            cell.integer = v.m_integer;
            break;
        case BulkValue::Kind::String:
            appendText(b, cell, *v.m_string);
            break;
        case BulkValue::Kind::Inline:
            cell.kind = 2;
            cell.integer = static_cast<qint64>(b.text.size());
            cell.size = v.m_inlineSize;
            b.text.append(v.m_inline, v.m_inlineSize);
            break;
        }
        b.cells.push_back(cell);
    }
    if (b.statements.size() >= kRowsPerBatch) {
        hand(std::move(m_filling));
        m_filling = std::make_unique<Batch>();
    }
}

void SqliteBulkWriter::hand(std::unique_ptr<Batch> batch)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < kQueuedBatches; });
    m_queue.push_back(std::move(batch));
    m_changed.notify_all();
}

bool SqliteBulkWriter::write(const Batch &batch)
{
    size_t cell = 0;
    for (quint16 which : batch.statements) {
        sqlite3_stmt *stmt = m_statements[which];
        const int count = sqlite3_bind_parameter_count(stmt);
        for (int i = 1; i <= count; ++i, ++cell) {
            const Cell &c = batch.cells[cell];
            if (c.kind == 1)
                sqlite3_bind_int64(stmt, i, c.integer);
            else if (c.kind == 2)
                sqlite3_bind_text(stmt, i, batch.text.data() + c.integer, static_cast<int>(c.size),
                                  SQLITE_STATIC);
            else
                sqlite3_bind_null(stmt, i);
        }
        const int rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE) {
            std::lock_guard lock(m_mutex);
            m_error = QStringLiteral("database error: %1 (in: %2)")
                          .arg(QString::fromUtf8(sqlite3_errmsg(m_db)),
                               QString::fromLatin1(m_sql[which]).left(80));
            return false;
        }
    }
    return true;
}

void SqliteBulkWriter::writerLoop()
{
    bool failed = false;
    for (;;) {
        std::unique_ptr<Batch> batch;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_closing; });
            if (m_queue.empty())
                return;
            batch = std::move(m_queue.front());
            m_queue.pop_front();
            failed = failed || !m_error.isEmpty();
        }
        m_changed.notify_all();
        if (!failed)
            failed = !write(*batch);
    }
}

Status SqliteBulkWriter::finish()
{
    if (!m_thread.joinable())
        return Error{QStringLiteral("the bulk writer was not started")};
    hand(std::move(m_filling));
    m_filling = std::make_unique<Batch>();
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_changed.notify_all();
    m_thread.join();
    m_closing = false;
    if (!m_error.isEmpty())
        return Error{m_error};
    return {};
}

} // namespace storage
