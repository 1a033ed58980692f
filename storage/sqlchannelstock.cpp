#include "storage/sqlchannelstock.h"

#include "storage/sqlkits.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace storage {

using models::ChannelStockFeed;
using models::ChannelStockRow;
using models::ChannelStockRule;
using models::Error;
using models::LocationStock;
using models::Result;

Result<ChannelStockFeed> readChannelStock(const QSqlDatabase &db, const QString &channelCode)
{
    Transaction snapshot(db, Transaction::Mode::Read);
    if (!snapshot.isActive())
        return Error{snapshot.error()};

    ChannelStockFeed feed;
    qint64 channelId = 0;
    {
        Result<QSqlQuery> q = runQuery(
            db,
            QStringLiteral(
                "SELECT id, code, name, currency, stock_buffer FROM channels WHERE code = ?"),
            {channelCode});
        if (!q.ok())
            return Error{q.error()};
        if (!q.value().next())
            return Error{
                QStringLiteral("channel \"%1\" is not set up in this database").arg(channelCode)};
        channelId = q.value().value(0).toLongLong();
        feed.channelCode = q.value().value(1).toString();
        feed.channelName = q.value().value(2).toString();
        feed.currency = q.value().value(3).toString();
        feed.buffer = q.value().value(4).toInt();
    }
    {
        Result<QSqlQuery> q = runQuery(
            db, QStringLiteral("SELECT value FROM settings WHERE key = 'shopify.location'"));
        if (!q.ok())
            return Error{q.error()};
        if (q.value().next())
            feed.shopifyLocation = q.value().value(0).toString();
        if (feed.shopifyLocation.isEmpty()) {
            Result<QSqlQuery> w = runQuery(
                db, QStringLiteral("SELECT name FROM locations WHERE active = 1 "
                                   "ORDER BY kind <> 'warehouse', routing_priority, id LIMIT 1"));
            if (!w.ok())
                return Error{w.error()};
            if (w.value().next())
                feed.shopifyLocation = w.value().value(0).toString();
        }
    }

    QHash<qint64, QList<LocationStock>> levels;
    {
        Result<QSqlQuery> q = runQuery(
            db, QStringLiteral("SELECT sl.product_id, sl.on_hand, sl.reserved, l.kind, "
                               "       l.store_buffer, l.ships_from_store, l.active "
                               "FROM stock_levels sl JOIN locations l ON l.id = sl.location_id"));
        if (!q.ok())
            return Error{q.error()};
        while (q.value().next()) {
            const QSqlQuery &r = q.value();
            LocationStock s;
            s.onHand = r.value(1).toInt();
            s.reserved = r.value(2).toInt();
            s.isStore = r.value(3).toString() == QLatin1String("store");
            s.storeBuffer = r.value(4).toInt();
            s.sellsOnline = r.value(6).toInt() != 0 && (!s.isStore || r.value(5).toInt() != 0);
            levels[r.value(0).toLongLong()].append(s);
        }
    }
    Result<KitMap> kits = loadKits(db);
    if (!kits.ok())
        return Error{kits.error()};

    struct Product
    {
        QString sku;
        QString name;
        int atp = 0;
    };
    QHash<qint64, Product> products;
    {
        Result<QSqlQuery> q = runQuery(
            db, QStringLiteral("SELECT id, sku, name, is_kit FROM products WHERE active = 1"));
        if (!q.ok())
            return Error{q.error()};
        while (q.value().next()) {
            const qint64 id = q.value().value(0).toLongLong();
            Product p{q.value().value(1).toString(), q.value().value(2).toString(), 0};
            if (q.value().value(3).toInt() != 0) {
                // A kit: as many as its scarcest component allows.
                const QList<models::KitComponent> parts = kits.value().value(id);
                QHash<qint64, int> available;
                for (const models::KitComponent &c : parts)
                    available.insert(c.productId, ChannelStockRule::availableToPromise(
                                                      levels.value(c.productId)));
                p.atp = models::KitRules::kitsAvailable(parts, available);
            } else {
                p.atp = ChannelStockRule::availableToPromise(levels.value(id));
            }
            products.insert(id, p);
        }
    }

    QSet<qint64> mapped;
    {
        Result<QSqlQuery> q = runQuery(
            db,
            QStringLiteral("SELECT channel_sku, product_id, units_per_listing FROM channel_skus "
                           "WHERE channel_id = ?"),
            {channelId});
        if (!q.ok())
            return Error{q.error()};
        while (q.value().next()) {
            const qint64 productId = q.value().value(1).toLongLong();
            const auto it = products.constFind(productId);
            if (it == products.cend())
                continue; // an inactive product is not offered
            mapped.insert(productId);
            ChannelStockRow row;
            row.listingSku = q.value().value(0).toString();
            row.productSku = it->sku;
            row.title = it->name;
            row.unitsPerListing = std::max(1, q.value().value(2).toInt());
            row.availableToPromise = it->atp;
            row.quantity =
                ChannelStockRule::listingQuantity(it->atp, row.unitsPerListing, feed.buffer);
            feed.rows.append(row);
        }
    }
    for (auto it = products.cbegin(); it != products.cend(); ++it) {
        if (mapped.contains(it.key()))
            continue;
        ChannelStockRow row;
        row.listingSku = it->sku;
        row.productSku = it->sku;
        row.title = it->name;
        row.availableToPromise = it->atp;
        row.quantity = ChannelStockRule::listingQuantity(it->atp, 1, feed.buffer);
        feed.rows.append(row);
    }
    snapshot.rollback();
    std::sort(feed.rows.begin(), feed.rows.end(),
              [](const ChannelStockRow &a, const ChannelStockRow &b) {
                  return a.listingSku < b.listingSku;
              });
    return feed;
}

} // namespace storage
