#pragma once

#include "models/stockledgersource.h"

#include <QHash>
#include <QSqlDatabase>

#include <optional>

namespace storage {

// One product's ledger over SQL, oldest first, at one location or at every location
// (locationId 0), a page at a time by its key (created_at, id):
// - the page after (or before) one already read seeks from that page's last (or
//   first) movement along stock_movements_product, and its balances carry on from
//   that page's: no sum at all;
// - a jump finds its first key by walking the index from the nearer end, and takes its
//   opening balances from one SUM of the movements before it, per location.
// With every location the pages are merged from each location's own index range.
class SqlStockLedgerSource : public models::StockLedgerSource
{
public:
    SqlStockLedgerSource(QSqlDatabase db, qint64 productId, qint64 locationId);

    models::Result<models::LedgerProduct> product() override;
    models::Result<qint64> count() override;
    models::Result<QList<models::LedgerEntry>> fetch(qint64 offset, int limit) override;

    // How many opening balances were summed from the ledger (the rest carried on).
    int balanceSums() const { return m_balanceSums; }

private:
    struct Key
    {
        QString at;
        qint64 id = 0;
    };
    struct Boundary // between the movements at offset - 1 and offset
    {
        std::optional<Key> before; // the movement at offset - 1
        std::optional<Key> after;  // the movement at offset
        models::LedgerBalance balance;
    };
    struct Page // oldest first
    {
        QList<models::LedgerEntry> rows;
        QList<QString> times; // each movement's created_at as stored: its key
    };
    enum class Direction
    {
        Forward,
        Backward
    };

    models::Status readLocations();
    models::Result<Page> seek(const std::optional<Key> &from, bool inclusive, Direction direction,
                              int limit);
    models::Result<Key> keyAt(qint64 offset);
    models::Result<models::LedgerBalance> balanceBefore(const Key &key);

    QSqlDatabase m_db;
    qint64 m_productId;
    qint64 m_locationId;
    QHash<qint64, QString> m_locationCodes; // every location, for the codes
    QList<qint64> m_locations;              // those the ledger reads
    qint64 m_count = -1;
    QHash<qint64, Boundary> m_bounds;
    int m_balanceSums = 0;
};

} // namespace storage
