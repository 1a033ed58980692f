#pragma once

#include "models/orderqueuerow.h"
#include "storage/sqlorderviews.h"

#include <QHash>
#include <QSqlDatabase>
#include <QVariant>

namespace storage {

// The order queue over SQL. Any page is answered without reading the rows before it:
// - the page after one already read seeks from its last key (keyset paging);
// - a page in the far half is read from the other end of the same index, reversed;
// - only a jump into the middle with no key at hand walks the index with OFFSET,
//   which touches index entries only, never the rows.
//
// Filtered, the count stops at a limit (countIsPartial()) and the plan follows it:
// a few thousand matches are found through the filter's own index and sorted; more
// than that, the sort index is walked and the filter checked row by row, which finds
// a screenful quickly precisely because matches are then common.
class SqlOrderQueueSource : public models::OrderSource
{
public:
    explicit SqlOrderQueueSource(QSqlDatabase db);

    void setQuery(const models::OrderQueueQuery &query) override;
    models::Result<qint64> count() override;
    models::Result<QList<models::OrderQueueRow>> fetch(qint64 offset, int limit) override;
    bool countIsPartial() const override { return m_partial; }
    void raiseCountLimit() override;
    models::Result<QList<models::OrderFilterChoice>> channels() override;
    models::Result<QList<models::OrderFilterChoice>> locations() override;
    models::OrderViewStore *viewStore() override { return &m_views; }

    // Matches counted exactly before the count turns partial; also where the plan
    // switches from the filter's index to the sort index.
    static constexpr qint64 kCountLimit = 10'000;
    // Where the count stops until raised; tests use a small one to page a partial count.
    void setCountLimit(qint64 limit)
    {
        m_baseCountLimit = limit;
        m_countLimit = limit;
        m_count = -1;
    }

private:
    struct Key
    {
        QVariant sortValue; // as stored, so it compares in SQL exactly as the rows sort
        qint64 id = 0;
    };
    struct Where
    {
        QStringList terms;
        QVariantList binds;
    };

    QString sortColumn() const;
    // The filter as SQL. `steer` writes filter columns so that SQLite cannot use
    // their indexes and walks the sort index instead.
    Where filterWhere(bool steer) const;
    bool filtered() const { return !m_query.filter.isEmpty(); }
    // `last` receives the key of the last row returned, when there is one.
    models::Result<QList<models::OrderQueueRow>> select(Where where, bool reversed, int limit,
                                                        qint64 offset, Key *last);
    // A page by position: from the far end, reversed, when that is nearer.
    models::Result<QList<models::OrderQueueRow>> selectAt(qint64 offset, int limit, Key *last);

    // Fills this source's temp table with the ids of orders matching the search text.
    models::Status gatherMatches();

    QSqlDatabase m_db;
    QString m_matchTable;
    models::OrderQueueQuery m_query;
    qint64 m_count = -1;
    qint64 m_baseCountLimit = kCountLimit;
    qint64 m_countLimit = kCountLimit;
    bool m_partial = false;
    QHash<qint64, Key> m_keyAtOffset; // the key of the row just before each offset read
    SqlOrderViews m_views{m_db};
};

} // namespace storage
