#include "storage/sqlproducteditor.h"

#include "models/stockoperationrules.h"
#include "storage/sqlkits.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

namespace storage {

using models::Error;
using models::Result;
using models::Status;

namespace {

// The bins of every active location, empty, for a product to fill in.
Result<QList<models::ProductBinInput>> activeLocations(const QSqlDatabase &db)
{
    Result<QSqlQuery> locations = runQuery(
        db, QStringLiteral("SELECT id, code FROM locations WHERE active = 1 ORDER BY code"));
    if (!locations.ok())
        return Error{locations.error()};
    QList<models::ProductBinInput> out;
    while (locations.value().next())
        out.append(
            {locations.value().value(0).toLongLong(), locations.value().value(1).toString(), {}});
    return out;
}

// A new product: nothing filled in but the shop's currency and the locations.
Result<models::ProductRecord> blankRecord(const QSqlDatabase &db)
{
    models::ProductRecord p;
    Result<QVariant> currency =
        queryScalar(db, QStringLiteral("SELECT COALESCE((SELECT value FROM settings WHERE key = "
                                       "'shop.currency'), 'GBP')"));
    if (!currency.ok())
        return Error{currency.error()};
    p.costCurrency = currency.value().toString();
    Result<QList<models::ProductBinInput>> bins = activeLocations(db);
    if (!bins.ok())
        return Error{bins.error()};
    p.bins = bins.value();
    return p;
}

} // namespace

Result<models::ProductRecord> loadProductRecord(const QSqlDatabase &db, qint64 productId)
{
    if (productId == 0)
        return blankRecord(db);
    Result<QSqlQuery> q = runQuery(
        db,
        QStringLiteral("SELECT id, sku, name, supplier_id, cost_minor, cost_currency, "
                       "lead_time_days, safety_stock, reorder_min, reorder_max, pack_size, "
                       "supplier_min_qty, is_kit FROM products WHERE id = ?"),
        {productId});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("product %1 does not exist").arg(productId)};
    const QSqlQuery &r = q.value();
    models::ProductRecord p;
    p.id = r.value(0).toLongLong();
    p.sku = r.value(1).toString();
    p.name = r.value(2).toString();
    p.supplierId = r.value(3).toLongLong();
    p.costMinor = r.value(4).toLongLong();
    p.costCurrency = r.value(5).toString();
    if (!r.value(6).isNull())
        p.leadTimeDays = r.value(6).toInt();
    p.safetyStock = r.value(7).toInt();
    p.reorderMin = r.value(8).toInt();
    p.reorderMax = r.value(9).toInt();
    p.packSize = r.value(10).toInt();
    p.supplierMinQty = r.value(11).toInt();
    p.isKit = r.value(12).toInt() != 0;
    if (p.isKit) {
        Result<QList<models::KitComponent>> components = kitComponents(db, productId);
        if (!components.ok())
            return Error{components.error()};
        p.components = components.value();
    }

    Result<QSqlQuery> codes =
        runQuery(db,
                 QStringLiteral("SELECT barcode FROM product_barcodes WHERE product_id = ? "
                                "ORDER BY is_primary DESC, id"),
                 {productId});
    if (!codes.ok())
        return Error{codes.error()};
    while (codes.value().next())
        p.barcodes.append(codes.value().value(0).toString());

    Result<QList<models::ProductBinInput>> locations = activeLocations(db);
    if (!locations.ok())
        return Error{locations.error()};
    p.bins = locations.value();
    for (models::ProductBinInput &in : p.bins) {
        Result<QSqlQuery> bins = runQuery(
            db,
            QStringLiteral("SELECT b.code FROM product_bins pb JOIN bins b ON b.id = pb.bin_id "
                           "WHERE pb.product_id = ? AND b.location_id = ? "
                           "ORDER BY pb.is_primary DESC, b.pick_sequence"),
            {productId, in.locationId});
        if (!bins.ok())
            return Error{bins.error()};
        while (bins.value().next())
            in.binCodes.append(bins.value().value(0).toString());
    }
    return p;
}

namespace {

Status saveBins(const QSqlDatabase &db, qint64 productId, const models::ProductBinInput &in)
{
    if (Status s = runStatement(
            db,
            QStringLiteral("DELETE FROM product_bins WHERE product_id = ? AND bin_id IN "
                           "(SELECT id FROM bins WHERE location_id = ?)"),
            {productId, in.locationId});
        !s)
        return s;
    for (int i = 0; i < in.binCodes.size(); ++i) {
        const QString code = in.binCodes.at(i).trimmed();
        Result<QSqlQuery> found =
            runQuery(db, QStringLiteral("SELECT id FROM bins WHERE location_id = ? AND code = ?"),
                     {in.locationId, code});
        if (!found.ok())
            return Error{found.error()};
        qint64 binId = 0;
        if (found.value().next()) {
            binId = found.value().value(0).toLongLong();
        } else {
            Result<QSqlQuery> added = runQuery(
                db,
                QStringLiteral("INSERT INTO bins (location_id, code, pick_sequence) VALUES (?, ?, "
                               "(SELECT COALESCE(MAX(pick_sequence), 0) + 10 FROM bins "
                               " WHERE location_id = ?))"),
                {in.locationId, code, in.locationId});
            if (!added.ok())
                return Error{added.error()};
            binId = added.value().lastInsertId().toLongLong();
        }
        if (Status s = runStatement(db,
                                    QStringLiteral("INSERT INTO product_bins (product_id, bin_id, "
                                                   "is_primary) VALUES (?, ?, ?)"),
                                    {productId, binId, i == 0 ? 1 : 0});
            !s)
            return s;
    }
    return {};
}

// A new product is listed at once: a stock row with nothing on hand at each location
// it was given bins at, or at the first location in routing order when it has none.
Status listNewProduct(const QSqlDatabase &db, qint64 productId,
                      const QList<models::ProductBinInput> &bins)
{
    QVariantList locations;
    for (const models::ProductBinInput &in : bins)
        if (!in.binCodes.isEmpty())
            locations.append(in.locationId);
    if (locations.isEmpty()) {
        Result<QSqlQuery> first =
            runQuery(db, QStringLiteral("SELECT id FROM locations WHERE active = 1 "
                                        "ORDER BY routing_priority, code LIMIT 1"));
        if (!first.ok())
            return Error{first.error()};
        if (first.value().next())
            locations.append(first.value().value(0));
    }
    for (const QVariant &location : std::as_const(locations))
        if (Status s = runStatement(db,
                                    QStringLiteral("INSERT INTO stock_levels (product_id, "
                                                   "location_id, on_hand, reserved) VALUES (?, ?, "
                                                   "0, 0) ON CONFLICT (product_id, location_id) "
                                                   "DO NOTHING"),
                                    {productId, location});
            !s)
            return s;
    return {};
}

} // namespace

Result<qint64> saveProductRecord(const QSqlDatabase &db, const models::ProductRecord &record,
                                 const QDateTime &atUtc)
{
    QStringList problems;
    for (const models::FieldError &e : models::validateProduct(record))
        problems.append(QStringLiteral("%1: %2").arg(e.field, e.message));
    if (record.isKit && record.components.isEmpty())
        problems.append(QStringLiteral("components: a kit needs at least one component"));
    if (!problems.isEmpty())
        return Error{problems.join(QLatin1Char('\n'))};

    Transaction txn(db, Transaction::Mode::Write);
    if (!txn.isActive())
        return Error{
            QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};

    // What belongs to another product is named, every one of them.
    Result<QSqlQuery> sku =
        runQuery(db, QStringLiteral("SELECT name FROM products WHERE sku = ? AND id <> ?"),
                 {record.sku, record.id});
    if (!sku.ok())
        return Error{sku.error()};
    if (sku.value().next())
        problems.append(QStringLiteral("sku: %1 is already the SKU of \"%2\"")
                            .arg(record.sku, sku.value().value(0).toString()));
    for (const QString &code : record.barcodes) {
        Result<QSqlQuery> owner = runQuery(
            db,
            QStringLiteral("SELECT p.sku FROM product_barcodes b JOIN products p ON p.id = "
                           "b.product_id WHERE b.barcode = ? AND b.product_id <> ?"),
            {code, record.id});
        if (!owner.ok())
            return Error{owner.error()};
        if (owner.value().next())
            problems.append(QStringLiteral("barcodes: %1 already belongs to %2")
                                .arg(code, owner.value().value(0).toString()));
    }
    if (record.supplierId != 0) {
        Result<QVariant> supplier = queryScalar(
            db, QStringLiteral("SELECT COUNT(*) FROM suppliers WHERE id = ?"), {record.supplierId});
        if (!supplier.ok())
            return Error{supplier.error()};
        if (supplier.value().toInt() == 0)
            problems.append(
                QStringLiteral("supplier: supplier %1 does not exist").arg(record.supplierId));
    }
    if (!problems.isEmpty())
        return Error{problems.join(QLatin1Char('\n'))};

    const QVariant supplier =
        record.supplierId == 0 ? optionalId(std::nullopt) : QVariant(record.supplierId);
    const QVariant lead =
        record.leadTimeDays ? QVariant(*record.leadTimeDays) : QVariant(QMetaType::fromType<int>());
    qint64 id = record.id;
    if (id == 0) {
        const QDateTime at = atUtc.isValid() ? atUtc : QDateTime::currentDateTimeUtc();
        Result<QSqlQuery> added = runQuery(
            db,
            QStringLiteral("INSERT INTO products (sku, name, supplier_id, cost_minor, "
                           "cost_currency, price_currency, lead_time_days, safety_stock, "
                           "reorder_min, reorder_max, pack_size, supplier_min_qty, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {record.sku, record.name.trimmed(), supplier, record.costMinor, record.costCurrency,
             record.costCurrency, lead, record.safetyStock, record.reorderMin, record.reorderMax,
             record.packSize, record.supplierMinQty, isoUtc(at)});
        if (!added.ok())
            return Error{added.error()};
        id = added.value().lastInsertId().toLongLong();
    } else {
        Result<QSqlQuery> updated = runQuery(
            db,
            QStringLiteral("UPDATE products SET sku = ?, name = ?, supplier_id = ?, cost_minor = "
                           "?, cost_currency = ?, lead_time_days = ?, safety_stock = ?, "
                           "reorder_min = ?, reorder_max = ?, pack_size = ?, supplier_min_qty = ? "
                           "WHERE id = ?"),
            {record.sku, record.name.trimmed(), supplier, record.costMinor, record.costCurrency,
             lead, record.safetyStock, record.reorderMin, record.reorderMax, record.packSize,
             record.supplierMinQty, id});
        if (!updated.ok())
            return Error{updated.error()};
        if (updated.value().numRowsAffected() == 0)
            return Error{QStringLiteral("product %1 does not exist").arg(id)};
    }

    if (Status s = runStatement(
            db, QStringLiteral("DELETE FROM product_barcodes WHERE product_id = ?"), {id});
        !s)
        return Error{s.error()};
    for (int i = 0; i < record.barcodes.size(); ++i) {
        const QString &code = record.barcodes.at(i);
        const Result<QString> symbology = models::barcodeSymbology(code);
        if (Status s = runStatement(db,
                                    QStringLiteral("INSERT INTO product_barcodes (product_id, "
                                                   "barcode, symbology, is_primary) "
                                                   "VALUES (?, ?, ?, ?)"),
                                    {id, code, symbology.value(), i == 0 ? 1 : 0});
            !s)
            return Error{s.error()};
    }
    for (const models::ProductBinInput &in : record.bins)
        if (Status s = saveBins(db, id, in); !s)
            return Error{QStringLiteral("bins: %1: %2").arg(in.locationCode, s.error())};
    // A kit with its components (refused while it holds stock of its own); a product
    // that was a kit and is no longer one loses them. Unchanged ordinary products keep
    // their rows as they are.
    if (record.isKit || record.id != 0) {
        if (Status s = writeKitComponents(
                db, id, record.isKit ? record.components : QList<models::KitComponent>());
            !s)
            return Error{QStringLiteral("components: %1").arg(s.error())};
    }
    if (record.id == 0 && !record.isKit)
        if (Status s = listNewProduct(db, id, record.bins); !s)
            return Error{s.error()};
    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return id;
}

} // namespace storage
