#pragma once

// A small shop for the allocation tests and the two-process stress program: three
// products, four locations (two warehouses, a store, a Dutch 3PL), opening stock
// through the ledger, and orders written the way an import leaves them (status new).

#include "models/stockmovement.h"
#include "storage/sqlrun.h"
#include "storage/sqlstockledger.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace allocationshop {

enum Location : qint64
{
    LDS = 1,
    MKY = 2,
    BRS = 3,
    RTM = 4
};

enum Product : qint64
{
    Mug = 1,
    Tee = 2,
    Cap = 3
};

inline const QString kCreated = QStringLiteral("2026-11-01T09:00:00Z");

inline models::Status build(const QSqlDatabase &db)
{
    storage::Transaction txn(db);
    const struct
    {
        const char *sql;
    } statements[] = {
        {"INSERT INTO channels (id, code, name, currency) VALUES (1, 'shopify', 'Shopify', "
         "'GBP'), (2, 'amazon', 'Amazon', 'GBP')"},
        {"INSERT INTO products (id, sku, name, cost_currency, price_currency, weight_grams, "
         "created_at) VALUES (1, 'MUG-01', 'Mug', 'GBP', 'GBP', 400, '2026-01-01T00:00:00Z'), "
         "(2, 'TEE-M', 'T-shirt M', 'GBP', 'GBP', 200, '2026-01-01T00:00:00Z'), "
         "(3, 'CAP-01', 'Cap', 'GBP', 'GBP', 150, '2026-01-01T00:00:00Z')"},
        {"INSERT INTO locations (id, code, name, kind, country, routing_priority) VALUES "
         "(1, 'LDS', 'Leeds', 'warehouse', 'GB', 1), (2, 'MKY', 'Milton Keynes', 'warehouse', "
         "'GB', 2), (3, 'BRS', 'Bristol shop', 'store', 'GB', 3), (4, 'RTM', 'Rotterdam', '3pl', "
         "'NL', 4)"},
        {"INSERT INTO customers (id, email, name, is_vip, created_at) VALUES "
         "(1, 'vip@example.com', 'Vera Important', 1, '2026-01-01T00:00:00Z')"},
    };
    for (const auto &s : statements)
        if (models::Status st = storage::runStatement(db, QString::fromLatin1(s.sql)); !st)
            return st;
    return txn.commit();
}

inline models::Status move(const QSqlDatabase &db, qint64 product, qint64 location, int quantity,
                           models::StockReason reason = models::StockReason::Opening)
{
    models::StockMovement m;
    m.productId = product;
    m.locationId = location;
    m.quantity = quantity;
    m.reason = reason;
    m.user = QStringLiteral("test");
    m.atUtc = QDateTime::fromString(kCreated, Qt::ISODate);
    const models::Result<qint64> id = storage::recordStockMovement(db, m);
    return id.ok() ? models::Status() : models::Status(models::Error{id.error()});
}

struct NewOrder
{
    QList<QPair<qint64, int>> lines; // product (0: unknown SKU), quantity
    QString country = QStringLiteral("GB");
    QString postcode = QStringLiteral("LS1 4AP");
    QString email;
    QString name = QStringLiteral("Olivia Smith");
    QDateTime placedAtUtc =
        QDateTime::fromString(QStringLiteral("2026-11-24T10:00:00Z"), Qt::ISODate);
    bool expedited = false;
    qint64 customerId = 0;
    int channel = 1;
};

inline NewOrder withLines(QList<QPair<qint64, int>> lines)
{
    NewOrder o;
    o.lines = std::move(lines);
    return o;
}

// Writes the order and its lines; returns the order id.
inline models::Result<qint64> addOrder(const QSqlDatabase &db, const NewOrder &o)
{
    static qint64 sequence = 0;
    const QString n =
        QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(++sequence);
    const QString placed = o.placedAtUtc.toUTC().toString(Qt::ISODate);
    qint64 items = 0;
    for (const auto &l : o.lines)
        items += l.second;
    models::Result<QSqlQuery> q = storage::runQuery(
        db,
        QStringLiteral(
            "INSERT INTO orders (channel_id, external_id, order_number, customer_id, "
            "status, placed_at, ship_by, buyer_name, buyer_email, ship_name, ship_line1, "
            "ship_city, ship_postcode, ship_country, is_expedited, currency, "
            "total_minor, item_count, created_at, updated_at) VALUES (?, ?, ?, ?, "
            "'new', ?, NULL, ?, ?, ?, '1 High Street', 'Leeds', ?, ?, ?, 'GBP', 2500, "
            "?, ?, ?)"),
        {o.channel, QStringLiteral("ext-%1").arg(n), QStringLiteral("#%1").arg(n),
         o.customerId ? QVariant(o.customerId) : QVariant(QMetaType(QMetaType::LongLong)), placed,
         o.name, o.email.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(o.email),
         o.name, o.postcode, o.country, o.expedited ? 1 : 0, items, placed, placed});
    if (!q.ok())
        return models::Error{q.error()};
    const qint64 id = q.value().lastInsertId().toLongLong();
    int lineNo = 0;
    for (const auto &l : o.lines) {
        ++lineNo;
        const char *skus[] = {"GHOST-1", "MUG-01", "TEE-M", "CAP-01"};
        if (models::Status s = storage::runStatement(
                db,
                QStringLiteral(
                    "INSERT INTO order_lines (order_id, line_no, product_id, sku, title, "
                    "quantity) VALUES (?, ?, ?, ?, 'item', ?)"),
                {id, lineNo, l.first ? QVariant(l.first) : QVariant(QMetaType(QMetaType::LongLong)),
                 QString::fromLatin1(skus[l.first]), l.second});
            !s)
            return models::Error{s.error()};
    }
    return id;
}

} // namespace allocationshop
