#pragma once

#include "models/orderqueuerow.h"

#include <QHash>
#include <QSqlDatabase>
#include <QVariant>

namespace storage {

// The order queue over SQL. Any page is answered without reading the rows before it:
// - the page after one already read seeks from its last key (keyset paging);
// - a page in the far half is read from the other end of the same index, reversed;
// - only a jump into the middle with no key at hand walks the index with OFFSET,
//   which touches index entries only, never the rows.
class SqlOrderQueueSource : public models::OrderSource
{
public:
    explicit SqlOrderQueueSource(QSqlDatabase db);

    void setQuery(const models::OrderQueueQuery &query) override;
    models::Result<qint64> count() override;
    models::Result<QList<models::OrderQueueRow>> fetch(qint64 offset, int limit) override;

private:
    struct Key
    {
        QVariant sortValue; // as stored, so it compares in SQL exactly as the rows sort
        qint64 id = 0;
    };

    QString sortColumn() const;
    // `last` receives the key of the last row returned, when there is one.
    models::Result<QList<models::OrderQueueRow>> select(const QString &where,
                                                        const QVariantList &binds, bool reversed,
                                                        int limit, qint64 offset, Key *last);
    // A page by position: from the far end, reversed, when that is nearer.
    models::Result<QList<models::OrderQueueRow>> selectAt(qint64 offset, int limit, Key *last);

    QSqlDatabase m_db;
    models::OrderQueueQuery m_query;
    qint64 m_count = -1;
    QHash<qint64, Key> m_keyAtOffset; // the key of the row just before each offset read
};

} // namespace storage
