#include "storage/sqlitebulkloader.h"

#include <QFile>

#include <sqlite3.h>

#include <variant>

namespace storage {

using models::Error;
using models::Result;
using models::Status;

namespace {

enum Which {
    ChannelInsert,
    SupplierInsert,
    LocationInsert,
    BinInsert,
    ProductInsert,
    BarcodeInsert,
    ProductBinInsert,
    CustomerInsert,
    OrderInsert,
    OrderLineInsert,
    EventInsert,
    MovementInsert,
    ReservationInsert,
    ShipmentInsert,
    ParcelInsert,
    ShipmentLineInsert,
    ReturnInsert,
    ReturnLineInsert,
    PurchaseOrderInsert,
    PurchaseOrderLineInsert,
    SettingInsert,
    StockLevelInsert,
    StatementCount
};

constexpr const char *kSql[StatementCount] = {
    "INSERT INTO channels (code, name, currency, stock_buffer) VALUES (?, ?, ?, ?)",
    "INSERT INTO suppliers (name, email, currency, lead_time_days) VALUES (?, ?, ?, ?)",
    "INSERT INTO locations (code, name, kind, address_line1, city, region, postcode, country, "
    "latitude_e6, longitude_e6, routing_priority, is_default_returns) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO bins (location_id, code, pick_sequence) VALUES (?, ?, ?)",
    "INSERT INTO products (sku, name, supplier_id, cost_minor, cost_currency, price_minor, "
    "price_currency, weight_grams, lead_time_days, safety_stock, reorder_min, reorder_max, "
    "pack_size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO product_barcodes (product_id, barcode, symbology, is_primary) VALUES (?, ?, ?, ?)",
    "INSERT INTO product_bins (product_id, bin_id, is_primary) VALUES (?, ?, 1)",
    "INSERT INTO customers (email, name, phone, is_vip, created_at) VALUES (?, ?, ?, ?, ?)",
    "INSERT INTO orders (channel_id, external_id, order_number, customer_id, status, hold_reason, "
    "placed_at, ship_by, buyer_name, buyer_email, ship_name, ship_company, ship_line1, ship_line2, "
    "ship_city, ship_region, ship_postcode, ship_country, ship_phone, shipping_service, "
    "is_expedited, currency, subtotal_minor, shipping_minor, tax_minor, discount_minor, "
    "total_minor, item_count, location_id, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?)",
    "INSERT INTO order_lines (order_id, line_no, external_line_id, product_id, sku, title, "
    "quantity, unit_price_minor, total_minor, quantity_shipped, quantity_returned) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO order_events (order_id, at, kind, from_status, to_status, detail, user_name) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO stock_movements (product_id, location_id, quantity, reason_code, "
    "reference_type, reference_id, note, user_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO reservations (order_line_id, product_id, location_id, quantity, status, "
    "created_at) VALUES (?, ?, ?, ?, 'active', ?)",
    "INSERT INTO shipments (order_id, location_id, carrier, service, tracking_number, status, "
    "cost_minor, currency, label_format, created_at, shipped_at, delivered_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pdf', ?, ?, ?)",
    "INSERT INTO parcels (shipment_id, weight_grams, length_mm, width_mm, height_mm, "
    "tracking_number) VALUES (?, ?, ?, ?, ?, ?)",
    "INSERT INTO shipment_lines (shipment_id, order_line_id, quantity) VALUES (?, ?, ?)",
    "INSERT INTO returns (rma_number, order_id, status, reason, customer_note, location_id, "
    "currency, refund_minor, requested_at, authorised_at, received_at, inspected_at, refunded_at, "
    "closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO return_lines (return_id, order_line_id, quantity, quantity_received, reason, "
    "condition, disposition) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO purchase_orders (po_number, supplier_id, location_id, status, currency, "
    "ordered_at, expected_at, received_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO purchase_order_lines (purchase_order_id, product_id, quantity_ordered, "
    "quantity_received, unit_cost_minor) VALUES (?, ?, ?, ?, ?)",
    "INSERT INTO settings (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    "INSERT INTO stock_levels (product_id, location_id, on_hand, reserved) VALUES (?, ?, ?, ?)",
};

// A bound value: NULL, an integer or UTF-8 text.
using Value = std::variant<std::monostate, qint64, QByteArray>;

Value text(const QString &s)
{
    return s.toUtf8();
}

Value optionalText(const QString &s)
{
    return s.isEmpty() ? Value() : Value(s.toUtf8());
}

Value time(const QDateTime &t)
{
    return t.isValid() ? Value(t.toUTC().toString(Qt::ISODate).toLatin1()) : Value();
}

Value integer(qint64 v)
{
    return v;
}

template <typename T>
Value optionalInteger(const std::optional<T> &v)
{
    return v ? Value(static_cast<qint64>(*v)) : Value();
}

} // namespace

class SqliteBulkLoader::Statement
{
public:
    Statement(sqlite3 *db, const char *sql) : m_db(db), m_sql(sql)
    {
        m_rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(m_stmt); }

    Status run(std::initializer_list<Value> values)
    {
        if (m_rc != SQLITE_OK)
            return error();
        int i = 1;
        for (const Value &v : values) {
            if (const auto *n = std::get_if<qint64>(&v))
                sqlite3_bind_int64(m_stmt, i, *n);
            else if (const auto *s = std::get_if<QByteArray>(&v))
                sqlite3_bind_text(m_stmt, i, s->constData(), static_cast<int>(s->size()),
                                  SQLITE_TRANSIENT);
            else
                sqlite3_bind_null(m_stmt, i);
            ++i;
        }
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        if (rc != SQLITE_DONE)
            return error();
        return {};
    }

    Error error() const
    {
        return Error{QStringLiteral("database error: %1 (in: %2)")
                         .arg(QString::fromUtf8(sqlite3_errmsg(m_db)),
                              QString::fromLatin1(m_sql).left(80))};
    }

private:
    sqlite3 *m_db;
    const char *m_sql;
    sqlite3_stmt *m_stmt = nullptr;
    int m_rc = SQLITE_OK;
};

SqliteBulkLoader::SqliteBulkLoader(sqlite3 *db) : m_db(db)
{
    for (const char *sql : kSql)
        m_statements.push_back(std::make_unique<Statement>(db, sql));
}

SqliteBulkLoader::~SqliteBulkLoader()
{
    if (m_inTransaction)
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    m_statements.clear();
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<SqliteBulkLoader>> SqliteBulkLoader::open(const QString &path,
                                                                 Journal journal)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE,
                        nullptr) != SQLITE_OK) {
        const QString why = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString();
        sqlite3_close_v2(db);
        return Error{QStringLiteral("cannot open %1: %2").arg(path, why)};
    }
    // The file is new and private to this load: a bigger cache builds the indexes in memory.
    sqlite3_exec(db, "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; "
                     "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL",
                 nullptr, nullptr, nullptr);
    if (journal == Journal::Scratch)
        sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF", nullptr, nullptr,
                     nullptr);
    // A statement that fails to prepare reports its error on first use.
    return std::unique_ptr<SqliteBulkLoader>(new SqliteBulkLoader(db));
}

SqliteBulkLoader::Statement &SqliteBulkLoader::statement(int which)
{
    return *m_statements[static_cast<size_t>(which)];
}

Status SqliteBulkLoader::begin()
{
    if (sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return Error{QStringLiteral("cannot begin: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
    m_inTransaction = true;
    return {};
}

Status SqliteBulkLoader::writeStockLevels()
{
    for (auto it = m_levels.cbegin(); it != m_levels.cend(); ++it)
        if (Status s = statement(StockLevelInsert)
                           .run({integer(it.key().first), integer(it.key().second),
                                 integer(it->onHand), integer(it->reserved)});
            !s)
            return s;
    return {};
}

Status SqliteBulkLoader::commit()
{
    if (Status s = writeStockLevels(); !s)
        return s;
    if (sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        return Error{QStringLiteral("commit failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
    m_inTransaction = false;
    return {};
}

Status SqliteBulkLoader::finish()
{
    if (sqlite3_exec(m_db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                     "PRAGMA analysis_limit=1000; ANALYZE",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
        return Error{QStringLiteral("finishing the load failed: %1")
                         .arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
    return {};
}

Result<qint64> SqliteBulkLoader::addChannel(const models::Channel &c)
{
    if (Status s = statement(ChannelInsert)
                       .run({text(c.code), text(c.name), text(c.currency), integer(c.stockBuffer)});
        !s)
        return Error{s.error()};
    return sqlite3_last_insert_rowid(m_db);
}

Result<qint64> SqliteBulkLoader::addSupplier(const models::Supplier &sup)
{
    if (Status s = statement(SupplierInsert)
                       .run({text(sup.name), optionalText(sup.email), text(sup.currency),
                             integer(sup.leadTimeDays)});
        !s)
        return Error{s.error()};
    return sqlite3_last_insert_rowid(m_db);
}

Result<qint64> SqliteBulkLoader::addLocation(const models::Location &l, double latitude,
                                             double longitude)
{
    if (Status s = statement(LocationInsert)
                       .run({text(l.code), text(l.name), text(models::locationKindCode(l.kind)),
                             optionalText(l.address.line1), optionalText(l.address.city),
                             optionalText(l.address.region), optionalText(l.address.postcode),
                             text(l.address.country), integer(qRound64(latitude * 1e6)),
                             integer(qRound64(longitude * 1e6)), integer(l.routingPriority),
                             integer(l.defaultReturns ? 1 : 0)});
        !s)
        return Error{s.error()};
    return sqlite3_last_insert_rowid(m_db);
}

Result<qint64> SqliteBulkLoader::addBin(const models::Bin &b)
{
    if (Status s = statement(BinInsert)
                       .run({integer(b.locationId), text(b.code), integer(b.pickSequence)});
        !s)
        return Error{s.error()};
    return sqlite3_last_insert_rowid(m_db);
}

Status SqliteBulkLoader::addProduct(models::Product &p, const QDateTime &createdAtUtc)
{
    if (Status s = statement(ProductInsert)
                       .run({text(p.sku), text(p.name), optionalInteger(p.supplierId),
                             integer(p.cost.minorUnits()), text(p.cost.currency()),
                             integer(p.price.minorUnits()), text(p.price.currency()),
                             integer(p.weightGrams), optionalInteger(p.leadTimeDays),
                             integer(p.safetyStock), integer(p.reorderMin),
                             integer(p.reorderMax), integer(p.packSize), time(createdAtUtc)});
        !s)
        return s;
    p.id = sqlite3_last_insert_rowid(m_db);
    for (const models::Barcode &b : std::as_const(p.barcodes))
        if (Status s = statement(BarcodeInsert)
                           .run({integer(p.id), text(b.value),
                                 text(models::barcodeSymbologyCode(b.symbology)),
                                 integer(b.primary ? 1 : 0)});
            !s)
            return s;
    return {};
}

Status SqliteBulkLoader::assignBin(qint64 productId, qint64 binId)
{
    return statement(ProductBinInsert).run({integer(productId), integer(binId)});
}

Result<qint64> SqliteBulkLoader::addCustomer(const models::Customer &c,
                                             const QDateTime &createdAtUtc)
{
    if (Status s = statement(CustomerInsert)
                       .run({optionalText(c.email), text(c.name), optionalText(c.phone),
                             integer(c.vip ? 1 : 0), time(createdAtUtc)});
        !s)
        return Error{s.error()};
    return sqlite3_last_insert_rowid(m_db);
}

Status SqliteBulkLoader::addOrder(models::Order &o, qint64 channelId,
                                  std::optional<qint64> customerId, const QDateTime &createdAtUtc)
{
    int items = 0;
    for (const models::OrderLine &line : std::as_const(o.lines))
        items += line.quantity;
    if (Status s =
            statement(OrderInsert)
                .run({integer(channelId), text(o.externalId), text(o.orderNumber),
                      optionalInteger(customerId), text(models::orderStatusCode(o.status)),
                      optionalText(o.holdReason), time(o.placedAtUtc), time(o.shipByUtc),
                      optionalText(o.customerName), optionalText(o.customerEmail),
                      optionalText(o.shipTo.name), optionalText(o.shipTo.company),
                      optionalText(o.shipTo.line1), optionalText(o.shipTo.line2),
                      optionalText(o.shipTo.city), optionalText(o.shipTo.region),
                      optionalText(o.shipTo.postcode), optionalText(o.shipTo.country),
                      optionalText(o.shipTo.phone), optionalText(o.shippingService),
                      integer(o.expedited ? 1 : 0), text(o.total.currency()),
                      integer(o.subtotal.minorUnits()), integer(o.shipping.minorUnits()),
                      integer(o.tax.minorUnits()), integer(o.discount.minorUnits()),
                      integer(o.total.minorUnits()), integer(items),
                      optionalInteger(o.locationId), time(createdAtUtc), time(createdAtUtc)});
        !s)
        return s;
    o.id = sqlite3_last_insert_rowid(m_db);
    for (models::OrderLine &line : o.lines) {
        if (Status s = statement(OrderLineInsert)
                           .run({integer(o.id), integer(line.lineNumber),
                                 optionalText(line.externalLineId), optionalInteger(line.productId),
                                 text(line.sku), text(line.title), integer(line.quantity),
                                 integer(line.unitPrice.minorUnits()),
                                 integer(line.lineTotal.minorUnits()),
                                 integer(line.quantityShipped), integer(line.quantityReturned)});
            !s)
            return s;
        line.id = sqlite3_last_insert_rowid(m_db);
    }
    return {};
}

Status SqliteBulkLoader::addOrderEvent(const models::OrderEvent &e)
{
    return statement(EventInsert)
        .run({integer(e.orderId), time(e.atUtc), text(models::orderEventKindCode(e.kind)),
              e.fromStatus ? text(models::orderStatusCode(*e.fromStatus)) : Value(),
              e.toStatus ? text(models::orderStatusCode(*e.toStatus)) : Value(),
              optionalText(e.detail), text(e.user)});
}

Status SqliteBulkLoader::addMovement(const models::StockMovement &m)
{
    if (Status s = statement(MovementInsert)
                       .run({integer(m.productId), integer(m.locationId), integer(m.quantity),
                             text(models::stockReasonCode(m.reason)),
                             optionalText(m.referenceType), optionalText(m.referenceId),
                             optionalText(m.note), text(m.user), time(m.atUtc)});
        !s)
        return s;
    m_levels[{m.productId, m.locationId}].onHand += m.quantity;
    ++m_movements;
    return {};
}

Status SqliteBulkLoader::addReservation(qint64 orderLineId, qint64 productId, qint64 locationId,
                                        int quantity, const QDateTime &atUtc)
{
    if (Status s = statement(ReservationInsert)
                       .run({integer(orderLineId), integer(productId), integer(locationId),
                             integer(quantity), time(atUtc)});
        !s)
        return s;
    m_levels[{productId, locationId}].reserved += quantity;
    return {};
}

Status SqliteBulkLoader::addShipment(models::Shipment &sh)
{
    if (Status s = statement(ShipmentInsert)
                       .run({integer(sh.orderId), integer(sh.locationId), optionalText(sh.carrier),
                             optionalText(sh.service), optionalText(sh.trackingNumber),
                             text(models::shipmentStatusCode(sh.status)),
                             integer(sh.cost.minorUnits()), optionalText(sh.cost.currency()),
                             time(sh.createdAtUtc), time(sh.shippedAtUtc),
                             time(sh.deliveredAtUtc)});
        !s)
        return s;
    sh.id = sqlite3_last_insert_rowid(m_db);
    for (const models::Parcel &p : std::as_const(sh.parcels))
        if (Status s = statement(ParcelInsert)
                           .run({integer(sh.id), integer(p.weightGrams), integer(p.lengthMm),
                                 integer(p.widthMm), integer(p.heightMm),
                                 optionalText(sh.trackingNumber)});
            !s)
            return s;
    for (const models::ShipmentLine &l : std::as_const(sh.lines))
        if (Status s = statement(ShipmentLineInsert)
                           .run({integer(sh.id), integer(l.orderLineId), integer(l.quantity)});
            !s)
            return s;
    return {};
}

Status SqliteBulkLoader::addReturn(models::ReturnAuthorisation &r)
{
    if (Status s = statement(ReturnInsert)
                       .run({text(r.rmaNumber), integer(r.orderId),
                             text(models::returnStatusCode(r.status)), text(r.reason),
                             optionalText(r.customerNote), optionalInteger(r.locationId),
                             text(r.refund.currency()), integer(r.refund.minorUnits()),
                             time(r.requestedAtUtc), time(r.authorisedAtUtc),
                             time(r.receivedAtUtc), time(r.inspectedAtUtc),
                             time(r.refundedAtUtc), time(r.closedAtUtc)});
        !s)
        return s;
    r.id = sqlite3_last_insert_rowid(m_db);
    for (const models::ReturnLine &l : std::as_const(r.lines))
        if (Status s = statement(ReturnLineInsert)
                           .run({integer(r.id), integer(l.orderLineId), integer(l.quantity),
                                 integer(l.quantityReceived), text(l.reason),
                                 optionalText(l.condition), optionalText(l.disposition)});
            !s)
            return s;
    return {};
}

Status SqliteBulkLoader::addPurchaseOrder(models::PurchaseOrder &po)
{
    if (Status s = statement(PurchaseOrderInsert)
                       .run({text(po.poNumber), integer(po.supplierId), integer(po.locationId),
                             text(models::purchaseOrderStatusCode(po.status)), text(po.currency),
                             time(po.orderedAtUtc), time(po.expectedAtUtc),
                             time(po.receivedAtUtc), time(po.orderedAtUtc)});
        !s)
        return s;
    po.id = sqlite3_last_insert_rowid(m_db);
    for (const models::PurchaseOrderLine &l : std::as_const(po.lines))
        if (Status s = statement(PurchaseOrderLineInsert)
                           .run({integer(po.id), integer(l.productId), integer(l.quantityOrdered),
                                 integer(l.quantityReceived), integer(l.unitCost.minorUnits())});
            !s)
            return s;
    return {};
}

Status SqliteBulkLoader::setSetting(const QString &key, const QString &value)
{
    return statement(SettingInsert).run({text(key), text(value)});
}

} // namespace storage
