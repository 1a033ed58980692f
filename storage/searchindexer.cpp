#include "storage/searchindexer.h"

#include "storage/database.h"
#include "storage/sqlordersearch.h"

#include <utility>

namespace storage {

namespace {

// Rows of each kind per transaction: long enough that FTS5 writes few segments,
// short enough that an import or an allocation waits well under a second for it.
constexpr int kSliceRows = 20000;
// Pages per merge step: a step takes tens of milliseconds, so a writer never waits long.
constexpr int kMergePages = 256;

} // namespace

SearchIndexer::SearchIndexer(QString databasePath)
    : m_path(std::move(databasePath)), m_thread([this] { run(); })
{}

SearchIndexer::~SearchIndexer()
{
    m_stop = true;
    m_thread.join();
}

void SearchIndexer::run()
{
    {
        auto db = Database::open(m_path);
        if (db.ok()) {
            while (!m_stop.load()) {
                const auto indexed = indexPendingSearchSlice(db.value()->connection(), kSliceRows);
                // A failure (the file busy for longer than the timeout) leaves the rows
                // waiting for the next start; search reads them as they are.
                if (!indexed.ok() || indexed.value() == 0)
                    break;
            }
            // Then the merging imports leave undone, a small step at a time.
            while (!m_stop.load()) {
                const auto merged = mergeSearchSegments(db.value()->connection(), kMergePages);
                if (!merged.ok() || !merged.value())
                    break;
            }
        }
    }
    m_finished = true;
}

} // namespace storage
