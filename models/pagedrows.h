#pragma once

#include "models/pagecache.h"
#include "models/result.h"

#include <QString>

#include <algorithm>
#include <climits>
#include <functional>

namespace models {

// What every lazy table model needs from its source: the row count, rows a page
// at a time through a bounded cache, and the last error. `Source` has
// `Result<qint64> count()` and `Result<QList<Row>> fetch(qint64 offset, int limit)`.
template <typename Row, typename Source> class PagedRows
{
public:
    using ErrorHandler = std::function<void(const QString &)>;

    PagedRows(Source *source, ErrorHandler onFetchError)
        : m_source(source), m_onFetchError(std::move(onFetchError))
    {}

    // Re-reads the count and drops every cached page. False when the count failed.
    bool reload()
    {
        m_cache = PageCache<Row>();
        const Result<qint64> n = m_source->count();
        m_count = n.ok() ? n.value() : 0;
        m_lastError = n.ok() ? QString() : n.error();
        return n.ok();
    }

    // Item views count rows in int; a queue beyond 2^31 rows is not a desktop shop.
    int rowCount() const { return static_cast<int>(std::min<qint64>(m_count, INT_MAX)); }

    // The row, fetching its page when needed; nullptr past the end or after a failed fetch.
    const Row *row(int index) const
    {
        return m_cache.row(index, [this](qint64 offset, int limit) {
            Result<QList<Row>> rows = m_source->fetch(offset, limit);
            if (rows.ok())
                return std::move(rows).value();
            m_lastError = rows.error();
            m_onFetchError(m_lastError);
            return QList<Row>();
        });
    }

    Source *source() const { return m_source; }
    const QString &lastError() const { return m_lastError; }
    qint64 pagesFetched() const { return m_cache.fetchCount(); }

private:
    Source *m_source;
    ErrorHandler m_onFetchError;
    qint64 m_count = 0;
    mutable PageCache<Row> m_cache;
    mutable QString m_lastError;
};

} // namespace models
