#pragma once

#include <QHash>
#include <QList>

#include <functional>

namespace models {

// Keeps a bounded number of fixed-size pages of rows, the least recently used
// dropped first. Item models use it to show millions of rows while holding only
// the few thousand around what is on screen.
template <typename Row> class PageCache
{
public:
    using Fetch = std::function<QList<Row>(qint64 offset, int limit)>;

    explicit PageCache(int pageSize = 200, int maxPages = 50)
        : m_pageSize(pageSize), m_maxPages(maxPages)
    {}

    int pageSize() const { return m_pageSize; }

    // The row at `index`, fetching its page when missing; nullptr past the end of
    // what the fetch returned.
    const Row *row(qint64 index, const Fetch &fetch)
    {
        const qint64 page = index / m_pageSize;
        auto it = m_pages.find(page);
        if (it == m_pages.end()) {
            evictIfFull();
            it = m_pages.insert(page, Entry{fetch(page * m_pageSize, m_pageSize), 0});
            ++m_fetches;
        }
        it->lastUse = ++m_clock;
        const qint64 within = index - page * m_pageSize;
        return within < it->rows.size() ? &it->rows.at(within) : nullptr;
    }

    bool hasPage(qint64 page) const { return m_pages.contains(page); }
    void clear() { m_pages.clear(); }
    qsizetype cachedPages() const { return m_pages.size(); }
    qint64 fetchCount() const { return m_fetches; }

private:
    struct Entry
    {
        QList<Row> rows;
        quint64 lastUse = 0;
    };

    void evictIfFull()
    {
        if (m_pages.size() < m_maxPages)
            return;
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it)
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        m_pages.erase(oldest);
    }

    int m_pageSize;
    int m_maxPages;
    quint64 m_clock = 0;
    qint64 m_fetches = 0;
    QHash<qint64, Entry> m_pages;
};

} // namespace models
