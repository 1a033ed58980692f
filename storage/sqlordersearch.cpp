#include "storage/sqlordersearch.h"

#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <limits>

namespace storage {

models::Status indexPendingSearch(const QSqlDatabase &db)
{
    // All that waits in one slice: one statement per index, one transaction.
    const models::Result<qint64> indexed =
        indexPendingSearchSlice(db, std::numeric_limits<int>::max());
    return indexed.ok() ? models::Status::success()
                        : models::Status{models::Error{indexed.error()}};
}

models::Result<qint64> indexPendingSearchSlice(const QSqlDatabase &db, int maxRowsPerKind)
{
    struct Kind
    {
        const char *kind;
        const char *index;
        const char *columns;
        const char *values; // the same columns, read from the content table t
        const char *table;
    };
    static const Kind kinds[] = {
        {"order", "orders_search", "order_number, buyer_name, buyer_email, ship_name",
         "t.order_number, t.buyer_name, t.buyer_email, t.ship_name", "orders"},
        {"line", "order_lines_search", "sku", "t.sku", "order_lines"},
        {"shipment", "shipments_search", "tracking_number", "t.tracking_number", "shipments"},
    };
    Transaction tx(db);
    if (!tx.isActive())
        return models::Error{tx.error()};
    qint64 indexed = 0;
    for (const Kind &k : kinds) {
        // The slice is taken once into a temp table so the insert and the delete
        // see the same rows.
        const QString slice = QStringLiteral("SELECT id FROM search_pending WHERE kind = '%1' "
                                             "ORDER BY id LIMIT %2")
                                  .arg(QLatin1String(k.kind))
                                  .arg(maxRowsPerKind);
        const QStringList statements = {
            QStringLiteral("DROP TABLE IF EXISTS temp.search_slice"),
            QStringLiteral("CREATE TEMP TABLE search_slice AS ") + slice,
            QStringLiteral("INSERT INTO %1 (rowid, %2) SELECT s.id, %3 FROM temp.search_slice "
                           "s JOIN %4 t ON t.id = s.id")
                .arg(QLatin1String(k.index), QLatin1String(k.columns), QLatin1String(k.values),
                     QLatin1String(k.table)),
            QStringLiteral("DELETE FROM search_pending WHERE kind = '%1' AND id IN (SELECT id "
                           "FROM temp.search_slice)")
                .arg(QLatin1String(k.kind)),
        };
        for (const QString &sql : statements)
            if (models::Status s = runStatement(db, sql); !s)
                return models::Error{s.error()}; // the guard rolls back
        const auto count =
            queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM temp.search_slice"));
        if (!count)
            return models::Error{count.error()};
        indexed += count->toLongLong();
    }
    if (models::Status s = runStatement(db, QStringLiteral("DROP TABLE temp.search_slice")); !s)
        return models::Error{s.error()};
    if (models::Status s = tx.commit(); !s)
        return models::Error{s.error()};
    return indexed;
}

models::Result<bool> mergeSearchSegments(const QSqlDatabase &db, int pages)
{
    Transaction tx(db);
    if (!tx.isActive())
        return models::Error{tx.error()};
    bool worked = false;
    for (const char *index : {"orders_search", "order_lines_search", "shipments_search"}) {
        const auto before = queryScalar(db, QStringLiteral("SELECT total_changes()"));
        if (!before)
            return models::Error{before.error()};
        if (models::Status s =
                runStatement(db, QStringLiteral("INSERT INTO %1 (%1, rank) VALUES ('merge', %2)")
                                     .arg(QLatin1String(index))
                                     .arg(pages));
            !s)
            return models::Error{s.error()};
        const auto after = queryScalar(db, QStringLiteral("SELECT total_changes()"));
        if (!after)
            return models::Error{after.error()};
        // FTS5 counts a merge step that found nothing to do as fewer than two changes.
        worked = worked || after->toLongLong() - before->toLongLong() >= 2;
    }
    if (models::Status s = tx.commit(); !s)
        return models::Error{s.error()};
    return worked;
}

} // namespace storage
