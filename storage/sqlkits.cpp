#include "storage/sqlkits.h"

#include "storage/sqlrun.h"

namespace storage {

using models::Error;
using models::KitComponent;
using models::Result;
using models::Status;

namespace {

const char kComponentsSql[] =
    "SELECT k.kit_product_id, k.component_product_id, p.sku, p.name, k.quantity, "
    "p.weight_grams FROM kit_components k JOIN products p ON p.id = k.component_product_id ";

KitComponent componentFrom(const QSqlQuery &q)
{
    KitComponent c;
    c.productId = q.value(1).toLongLong();
    c.sku = q.value(2).toString();
    c.name = q.value(3).toString();
    c.quantity = q.value(4).toInt();
    c.weightGrams = q.value(5).toInt();
    return c;
}

} // namespace

Result<KitMap> loadKits(const QSqlDatabase &db)
{
    Result<QSqlQuery> q =
        runQuery(db, QString::fromLatin1(kComponentsSql) +
                         QStringLiteral("JOIN products kit ON kit.id = k.kit_product_id "
                                        "WHERE kit.is_kit = 1 ORDER BY k.kit_product_id, p.sku"));
    if (!q.ok())
        return Error{q.error()};
    KitMap kits;
    while (q.value().next())
        kits[q.value().value(0).toLongLong()].append(componentFrom(q.value()));
    return kits;
}

Result<QList<KitComponent>> kitComponents(const QSqlDatabase &db, qint64 kitProductId)
{
    Result<QSqlQuery> q = runQuery(db,
                                   QString::fromLatin1(kComponentsSql) +
                                       QStringLiteral("WHERE k.kit_product_id = ? ORDER BY p.sku"),
                                   {kitProductId});
    if (!q.ok())
        return Error{q.error()};
    QList<KitComponent> out;
    while (q.value().next())
        out.append(componentFrom(q.value()));
    return out;
}

Status writeKitComponents(const QSqlDatabase &db, qint64 kitProductId,
                          const QList<KitComponent> &components)
{
    Result<QVariant> sku =
        queryScalar(db, QStringLiteral("SELECT sku FROM products WHERE id = ?"), {kitProductId});
    if (!sku.ok())
        return Error{QStringLiteral("product %1 does not exist").arg(kitProductId)};
    const QString kitSku = sku.value().toString();

    if (!components.isEmpty()) {
        QSet<qint64> kits;
        Result<QSqlQuery> q =
            runQuery(db, QStringLiteral("SELECT id FROM products WHERE is_kit = 1"));
        if (!q.ok())
            return Error{q.error()};
        while (q.value().next())
            kits.insert(q.value().value(0).toLongLong());
        // Named rows read better: fill in the SKUs the caller left out.
        QList<KitComponent> named = components;
        for (KitComponent &c : named) {
            if (!c.sku.isEmpty())
                continue;
            if (Result<QVariant> s = queryScalar(
                    db, QStringLiteral("SELECT sku FROM products WHERE id = ?"), {c.productId});
                s.ok())
                c.sku = s.value().toString();
            else
                c.productId = 0; // reported as "no such product"
        }
        if (Status s = models::KitRules::validate(kitProductId, named, kits); !s)
            return Error{QStringLiteral("kit %1, %2").arg(kitSku, s.error())};

        // A product that other kits contain cannot become a kit: kits do not nest.
        Result<QVariant> usedIn = queryScalar(
            db,
            QStringLiteral("SELECT COALESCE((SELECT p.sku FROM kit_components k JOIN products p "
                           "ON p.id = k.kit_product_id WHERE k.component_product_id = ? "
                           "LIMIT 1), '')"),
            {kitProductId});
        if (!usedIn.ok())
            return Error{usedIn.error()};
        if (!usedIn.value().toString().isEmpty())
            return Error{QStringLiteral("kit %1: it is a component of the kit %2, and kits do "
                                        "not nest")
                             .arg(kitSku, usedIn.value().toString())};

        Result<QVariant> held =
            queryScalar(db,
                        QStringLiteral("SELECT (SELECT COALESCE(SUM(on_hand), 0) FROM stock_levels "
                                       "WHERE product_id = ?) + (SELECT COUNT(*) FROM reservations "
                                       "WHERE product_id = ? AND status = 'active')"),
                        {kitProductId, kitProductId});
        if (!held.ok())
            return Error{held.error()};
        if (held.value().toLongLong() != 0)
            return Error{QStringLiteral("kit %1: it still holds stock or reservations of its own; "
                                        "adjust its stock to 0 first, since a kit is stocked as "
                                        "its components")
                             .arg(kitSku)};
    }

    if (Status s = runStatement(db,
                                QStringLiteral("DELETE FROM kit_components WHERE "
                                               "kit_product_id = ?"),
                                {kitProductId});
        !s)
        return s;
    for (const KitComponent &c : components)
        if (Status s = runStatement(db,
                                    QStringLiteral("INSERT INTO kit_components (kit_product_id, "
                                                   "component_product_id, quantity) "
                                                   "VALUES (?, ?, ?)"),
                                    {kitProductId, c.productId, c.quantity});
            !s)
            return s;
    return runStatement(db, QStringLiteral("UPDATE products SET is_kit = ? WHERE id = ?"),
                        {components.isEmpty() ? 0 : 1, kitProductId});
}

} // namespace storage
