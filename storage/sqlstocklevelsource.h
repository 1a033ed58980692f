#pragma once

#include "models/stocklevelrow.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

namespace storage {

// Stock per product and location over SQL, in SKU order (then the locations in the
// order they were set up), filtered and
// searched. Any page is answered without building the rows before it:
// - the page after one already read seeks from its last (SKU, location) key;
// - a page in the far half is read from the other end, reversed;
// - a jump into the middle walks the keys with OFFSET, and only the page's own rows
//   get their inbound, in-transit and last-movement figures;
// - each page's bins (all of a product's bins at the row's location, the primary
//   first, "A-01-2, B-03-1") come from one more query over that page's products.
// A search is matched against the products once per count (barcode exactly, SKU and
// name by substring), not once per page.
class SqlStockLevelSource : public models::StockLevelSource
{
public:
    explicit SqlStockLevelSource(QSqlDatabase db);

    void setFilter(const models::StockFilter &filter) override;
    models::Result<qint64> count() override;
    models::Result<QList<models::StockLevelRow>> fetch(qint64 offset, int limit) override;
    models::Result<QList<models::StockChoice>> locations() override;
    models::Result<QList<models::StockChoice>> suppliers() override;

private:
    struct Where
    {
        QStringList terms;
        QVariantList binds;
    };
    struct Key
    {
        QString sku;
        qint64 locationId = 0;
    };

    Where filterWhere(bool forPage) const;
    static constexpr qint64 kWalkAbove = 2'000;
    models::Status gatherMatches();
    models::Result<QList<models::StockLevelRow>> select(Where where, bool reversed, int limit,
                                                        qint64 offset);
    models::Status addBins(QList<models::StockLevelRow> &rows) const;

    QSqlDatabase m_db;
    QString m_matchTable;
    models::StockFilter m_filter;
    bool m_searching = false; // the match table holds this search's products
    qint64 m_count = -1;
    QHash<qint64, Key> m_keyAtOffset; // the key of the row just before each offset read
};

} // namespace storage
