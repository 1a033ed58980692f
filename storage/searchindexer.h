#pragma once

#include <QString>

#include <atomic>
#include <thread>

namespace storage {

// Works off the search index's backlog (search_pending) on a thread of its own, a
// slice at a time, with its own connection: opening a freshly written demo shop of
// a million orders must not wait half a minute for its search index. Search finds
// waiting rows meanwhile, only more slowly. Stops (between slices) when destroyed.
class SearchIndexer
{
public:
    explicit SearchIndexer(QString databasePath);
    ~SearchIndexer();
    SearchIndexer(const SearchIndexer &) = delete;
    SearchIndexer &operator=(const SearchIndexer &) = delete;

    // True once nothing waits (or indexing gave up: search still works without it).
    bool finished() const { return m_finished.load(); }

private:
    void run();

    QString m_path;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_finished{false};
    std::thread m_thread;
};

} // namespace storage
