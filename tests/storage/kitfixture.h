#pragma once

// Kits for the pick-list and pack-bench tests: COASTER-01 and the gift set GIFT-01
// (1 × MUG-01 + 2 × COASTER-01) added to a shop whose product 1 is MUG-01, and ready
// orders written straight into the database the way allocation leaves them: status
// 'ready' at a location, each kit line holding reservations for its components
// (kits × per-kit quantity each), stock_levels.reserved raised to match.

#include "models/kit.h"
#include "models/stockmovement.h"
#include "storage/sqlkits.h"
#include "storage/sqlrun.h"
#include "storage/sqlstockledger.h"
#include "storage/transaction.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace kitfixture {

enum KitProduct : qint64
{
    Mug = 1,
    Coaster = 10,
    Gift = 11,
};

inline const QString kAt = QStringLiteral("2026-11-24T08:00:00Z");

// COASTER-01 (80 g, 100 × 100 × 5 mm, EAN 4006381333948) and GIFT-01 (barcode
// 5000000000012, Amazon calls it GIFTSET-AMZ), then GIFT-01 made a kit of its parts.
inline models::Status addGiftSet(const QSqlDatabase &db)
{
    storage::Transaction txn(db);
    const char *const statements[] = {
        "INSERT INTO products (id, sku, name, cost_currency, price_currency, weight_grams, "
        "length_mm, width_mm, height_mm, created_at) VALUES "
        "(10, 'COASTER-01', 'Coaster', 'GBP', 'GBP', 80, 100, 100, 5, '2026-01-01T00:00:00Z'), "
        "(11, 'GIFT-01', 'Gift set', 'GBP', 'GBP', 0, NULL, NULL, NULL, "
        "'2026-01-01T00:00:00Z')",
        "INSERT INTO product_barcodes (product_id, barcode, symbology, is_primary) VALUES "
        "(10, '4006381333948', 'EAN13', 1), (11, '5000000000012', 'EAN13', 1)",
        "INSERT INTO channel_skus (channel_id, channel_sku, product_id) "
        "SELECT id, 'GIFTSET-AMZ', 11 FROM channels WHERE code = 'amazon'",
    };
    for (const char *sql : statements)
        if (models::Status s = storage::runStatement(db, QString::fromLatin1(sql)); !s)
            return s;
    if (models::Status s =
            storage::writeKitComponents(db, Gift,
                                        {{Mug, QStringLiteral("MUG-01"), {}, 1},
                                         {Coaster, QStringLiteral("COASTER-01"), {}, 2}});
        !s)
        return s;
    return txn.commit();
}

// Opening stock through the ledger.
inline models::Status stock(const QSqlDatabase &db, qint64 product, qint64 location, int quantity)
{
    models::StockMovement m;
    m.productId = product;
    m.locationId = location;
    m.quantity = quantity;
    m.reason = models::StockReason::Opening;
    m.user = QStringLiteral("test");
    m.atUtc = QDateTime::fromString(kAt, Qt::ISODate);
    const models::Result<qint64> id = storage::recordStockMovement(db, m);
    return id.ok() ? models::Status() : models::Status(models::Error{id.error()});
}

struct KitOrder
{
    QString number;                  // "#2001"
    QList<QPair<qint64, int>> lines; // product, quantity
    qint64 locationId = 1;
    QString placedAt = QStringLiteral("2026-11-24T10:00:00Z");
    qint64 channelId = 1;
};

// A ready order at its location with every line's stock reserved there: a kit line
// reserves its components, an ordinary line its product. Returns the order id, or 0
// (with a warning) when something could not be written.
inline qint64 addReadyOrder(const QSqlDatabase &db, const KitOrder &o)
{
    storage::Transaction txn(db);
    const auto fail = [](const QString &why) {
        qWarning("kit fixture: %s", qPrintable(why));
        return qint64(0);
    };
    models::Result<QSqlQuery> order = storage::runQuery(
        db,
        QStringLiteral("INSERT INTO orders (channel_id, external_id, order_number, status, "
                       "location_id, placed_at, currency, ship_name, ship_country, total_minor, "
                       "created_at, updated_at) VALUES (?, ?, ?, 'ready', ?, ?, 'GBP', "
                       "'Jo Bloggs', 'GB', 2500, ?, ?)"),
        {o.channelId, QStringLiteral("ext-%1").arg(o.number.mid(1)), o.number, o.locationId,
         o.placedAt, o.placedAt, o.placedAt});
    if (!order.ok())
        return fail(order.error());
    const qint64 orderId = order.value().lastInsertId().toLongLong();
    const models::Result<storage::KitMap> kits = storage::loadKits(db);
    if (!kits.ok())
        return fail(kits.error());
    int lineNo = 0;
    for (const auto &[product, quantity] : o.lines) {
        models::Result<QSqlQuery> line = storage::runQuery(
            db,
            QStringLiteral("INSERT INTO order_lines (order_id, line_no, product_id, sku, title, "
                           "quantity) SELECT ?, ?, id, sku, name, ? FROM products WHERE id = ?"),
            {orderId, ++lineNo, quantity, product});
        if (!line.ok())
            return fail(line.error());
        const qint64 lineId = line.value().lastInsertId().toLongLong();
        QList<QPair<qint64, int>> held{{product, quantity}};
        if (const auto kit = kits->constFind(product); kit != kits->cend()) {
            held.clear();
            for (const models::KitComponent &c : *kit)
                held.append({c.productId, quantity * c.quantity});
        }
        for (const auto &[heldProduct, units] : std::as_const(held)) {
            if (models::Status s = storage::runStatement(
                    db,
                    QStringLiteral("INSERT INTO reservations (order_line_id, product_id, "
                                   "location_id, quantity, status, created_at) "
                                   "VALUES (?, ?, ?, ?, 'active', ?)"),
                    {lineId, heldProduct, o.locationId, units, o.placedAt});
                !s)
                return fail(s.error());
            models::Result<QSqlQuery> level =
                storage::runQuery(db,
                                  QStringLiteral("UPDATE stock_levels SET reserved = reserved + ? "
                                                 "WHERE product_id = ? AND location_id = ?"),
                                  {units, heldProduct, o.locationId});
            if (!level.ok())
                return fail(level.error());
            if (level.value().numRowsAffected() != 1)
                return fail(QStringLiteral("product %1 has no stock at location %2 to reserve")
                                .arg(heldProduct)
                                .arg(o.locationId));
        }
    }
    if (models::Status s = txn.commit(); !s)
        return fail(s.error());
    return orderId;
}

} // namespace kitfixture
