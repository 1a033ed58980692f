#include "storage/sqlkitlookup.h"

#include "storage/sqlkits.h"
#include "storage/sqlrun.h"

namespace storage {

using models::Error;
using models::Result;

namespace {

// The product a code names: its barcode first, then its SKU. 0 when none.
Result<qint64> productByCode(const QSqlDatabase &db, const QString &code)
{
    Result<QVariant> id = queryScalar(
        db,
        QStringLiteral("SELECT COALESCE((SELECT product_id FROM product_barcodes WHERE barcode = "
                       "?), (SELECT id FROM products WHERE sku = ?), 0)"),
        {code.trimmed(), code.trimmed()});
    if (!id.ok())
        return Error{id.error()};
    return id.value().toLongLong();
}

} // namespace

Result<std::optional<models::KitPartChoice>> findKitPart(const QSqlDatabase &db,
                                                         const QString &code)
{
    Result<qint64> id = productByCode(db, code);
    if (!id.ok())
        return Error{id.error()};
    if (id.value() == 0)
        return std::optional<models::KitPartChoice>();
    Result<QSqlQuery> q = runQuery(
        db, QStringLiteral("SELECT sku, name, weight_grams, is_kit FROM products WHERE id = ?"),
        {id.value()});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return std::optional<models::KitPartChoice>();
    models::KitPartChoice choice;
    choice.component.productId = id.value();
    choice.component.sku = q.value().value(0).toString();
    choice.component.name = q.value().value(1).toString();
    choice.component.weightGrams = q.value().value(2).toInt();
    choice.component.quantity = 1;
    choice.isKit = q.value().value(3).toInt() != 0;
    return std::optional<models::KitPartChoice>(choice);
}

Result<models::KitStock> kitStockNow(const QSqlDatabase &db,
                                     const QList<models::KitComponent> &components)
{
    QList<models::KitLocationAvailable> locations;
    Result<QSqlQuery> l = runQuery(db, QStringLiteral("SELECT id, code, name FROM locations "
                                                      "WHERE active = 1 "
                                                      "ORDER BY routing_priority, code"));
    if (!l.ok())
        return Error{l.error()};
    QHash<qint64, qsizetype> index;
    while (l.value().next()) {
        index.insert(l.value().value(0).toLongLong(), locations.size());
        locations.append({l.value().value(0).toLongLong(),
                          l.value().value(1).toString(),
                          l.value().value(2).toString(),
                          {}});
    }
    for (const models::KitComponent &c : components) {
        Result<QSqlQuery> q = runQuery(db,
                                       QStringLiteral("SELECT location_id, on_hand - reserved "
                                                      "FROM stock_levels WHERE product_id = ?"),
                                       {c.productId});
        if (!q.ok())
            return Error{q.error()};
        while (q.value().next()) {
            const qsizetype at = index.value(q.value().value(0).toLongLong(), -1);
            if (at >= 0)
                locations[at].available.insert(c.productId, q.value().value(1).toInt());
        }
    }
    return models::kitStock(components, locations);
}

Result<std::optional<models::KitOverview>> findKit(const QSqlDatabase &db, const QString &code)
{
    if (code.trimmed().isEmpty())
        return std::optional<models::KitOverview>();
    Result<qint64> id = productByCode(db, code);
    if (!id.ok())
        return Error{id.error()};
    if (id.value() == 0)
        return std::optional<models::KitOverview>();
    Result<QSqlQuery> q =
        runQuery(db, QStringLiteral("SELECT sku, name FROM products WHERE id = ? AND is_kit = 1"),
                 {id.value()});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return std::optional<models::KitOverview>();
    models::KitOverview kit;
    kit.productId = id.value();
    kit.sku = q.value().value(0).toString();
    kit.name = q.value().value(1).toString();
    Result<QList<models::KitComponent>> components = kitComponents(db, kit.productId);
    if (!components.ok())
        return Error{components.error()};
    kit.components = components.value();
    Result<models::KitStock> stock = kitStockNow(db, kit.components);
    if (!stock.ok())
        return Error{stock.error()};
    kit.stock = stock.value();
    return std::optional<models::KitOverview>(kit);
}

} // namespace storage
