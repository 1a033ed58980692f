#include "storage/sqlitebulkloader.h"

#include <QFile>

#include <sqlite3.h>

namespace storage {

using models::Error;
using models::Result;
using models::Status;

namespace {

enum Which
{
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
    CarrierInsert,
    CarrierServiceInsert,
    CarrierRateInsert,
    KitComponentInsert,
    KitFlagUpdate,
    StatementCount
};

constexpr const char *kSql[StatementCount] = {
    "INSERT INTO channels (id, code, name, currency, stock_buffer) VALUES (?, ?, ?, ?, ?)",
    "INSERT INTO suppliers (id, name, email, currency, lead_time_days) VALUES (?, ?, ?, ?, ?)",
    "INSERT INTO locations (id, code, name, kind, address_line1, city, region, postcode, country, "
    "latitude_e6, longitude_e6, routing_priority, is_default_returns) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO bins (id, location_id, code, pick_sequence) VALUES (?, ?, ?, ?)",
    "INSERT INTO products (id, sku, name, supplier_id, cost_minor, cost_currency, price_minor, "
    "price_currency, weight_grams, lead_time_days, safety_stock, reorder_min, reorder_max, "
    "pack_size, created_at, hs_code, origin_country) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO product_barcodes (product_id, barcode, symbology, is_primary) VALUES (?, ?, ?, ?)",
    "INSERT INTO product_bins (product_id, bin_id, is_primary) VALUES (?, ?, 1)",
    "INSERT INTO customers (id, email, name, phone, is_vip, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    "INSERT INTO orders (id, channel_id, external_id, order_number, customer_id, status, "
    "hold_reason, "
    "placed_at, ship_by, buyer_name, buyer_email, ship_name, ship_company, ship_line1, ship_line2, "
    "ship_city, ship_region, ship_postcode, ship_country, ship_phone, shipping_service, "
    "is_expedited, currency, subtotal_minor, shipping_minor, tax_minor, discount_minor, "
    "total_minor, item_count, location_id, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, "
    "?, ?, ?)",
    "INSERT INTO order_lines (id, order_id, line_no, external_line_id, product_id, sku, title, "
    "quantity, unit_price_minor, total_minor, quantity_shipped, quantity_returned) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO order_events (order_id, at, kind, from_status, to_status, detail, user_name) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO stock_movements (product_id, location_id, quantity, reason_code, "
    "reference_type, reference_id, note, user_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO reservations (order_line_id, product_id, location_id, quantity, status, "
    "created_at) VALUES (?, ?, ?, ?, 'active', ?)",
    "INSERT INTO shipments (id, order_id, location_id, carrier, service, tracking_number, status, "
    "cost_minor, currency, label_format, created_at, shipped_at, delivered_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pdf', ?, ?, ?)",
    "INSERT INTO parcels (shipment_id, weight_grams, length_mm, width_mm, height_mm, "
    "tracking_number) VALUES (?, ?, ?, ?, ?, ?)",
    "INSERT INTO shipment_lines (shipment_id, order_line_id, quantity) VALUES (?, ?, ?)",
    "INSERT INTO returns (id, rma_number, order_id, status, reason, customer_note, location_id, "
    "currency, refund_minor, requested_at, authorised_at, received_at, inspected_at, refunded_at, "
    "closed_at, refund_approved_at, refund_reference, suggested_location_id, user_name) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')",
    "INSERT INTO return_lines (return_id, order_line_id, quantity, quantity_received, reason, "
    "condition, disposition, location_id, inspected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO purchase_orders (id, po_number, supplier_id, location_id, status, currency, "
    "ordered_at, expected_at, received_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO purchase_order_lines (purchase_order_id, product_id, quantity_ordered, "
    "quantity_received, unit_cost_minor) VALUES (?, ?, ?, ?, ?)",
    "INSERT INTO settings (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    "INSERT INTO stock_levels (product_id, location_id, on_hand, reserved) VALUES (?, ?, ?, ?)",
    "INSERT INTO carriers (id, code, name, amazon_code, ebay_name, tracking_scheme, "
    "tracking_prefix, tracking_suffix, tracking_digits, tracking_next, tracking_url) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO carrier_services (id, carrier_id, name, service_level, transit_days, "
    "cutoff_time) VALUES (?, ?, ?, ?, ?, ?)",
    "INSERT INTO carrier_rates (service_id, from_country, country, postcode_prefix, "
    "max_weight_grams, cost_minor, currency, transit_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO kit_components (kit_product_id, component_product_id, quantity) VALUES (?, ?, ?)",
    "UPDATE products SET is_kit = 1 WHERE id = ?",
};

using V = BulkValue;

V text(const QString &s)
{
    return V::text(s);
}

V optionalText(const QString &s)
{
    return V::textOrNull(s);
}

V time(const QDateTime &t)
{
    return V::time(t);
}

V integer(qint64 v)
{
    return V(v);
}

template <typename T> V optionalInteger(const std::optional<T> &v)
{
    return v ? V(static_cast<qint64>(*v)) : V();
}

// Tables whose new rows get their ids from the loader, in this order.
constexpr const char *kIdTables[] = {"channels",  "suppliers", "locations",      "bins",
                                     "products",  "customers", "orders",         "order_lines",
                                     "shipments", "returns",   "purchase_orders"};
enum IdTable
{
    ChannelIds,
    SupplierIds,
    LocationIds,
    BinIds,
    ProductIds,
    CustomerIds,
    OrderIds,
    OrderLineIds,
    ShipmentIds,
    ReturnIds,
    PurchaseOrderIds,
};

} // namespace

SqliteBulkLoader::SqliteBulkLoader(sqlite3 *db)
    : m_db(db), m_writer(db, std::vector<const char *>(std::begin(kSql), std::end(kSql)))
{}

SqliteBulkLoader::~SqliteBulkLoader()
{
    if (m_inTransaction) {
        (void)m_writer.finish();
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<SqliteBulkLoader>> SqliteBulkLoader::open(const QString &path,
                                                                 Journal journal)
{
    sqlite3 *db = nullptr;
    // NOMUTEX: the connection is only ever used by one thread at a time (the caller,
    // or the writer thread between begin and commit), so SQLite's own lock on every
    // call is pure cost.
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        const QString why = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString();
        sqlite3_close_v2(db);
        return Error{QStringLiteral("cannot open %1: %2").arg(path, why)};
    }
    // A big cache builds the indexes in memory. A scratch file is thrown away on
    // failure, so it needs neither a journal nor foreign-key lookups on every row;
    // `backroom check` verifies the keys of the result.
    sqlite3_exec(db, "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY", nullptr, nullptr,
                 nullptr);
    if (journal == Journal::Scratch)
        sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF",
                     nullptr, nullptr, nullptr);
    else
        sqlite3_exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL", nullptr, nullptr,
                     nullptr);

    std::unique_ptr<SqliteBulkLoader> loader(new SqliteBulkLoader(db));
    loader->m_scratch = journal == Journal::Scratch;
    // New ids continue after what the file holds: the loader is its only writer.
    for (const char *table : kIdTables) {
        sqlite3_stmt *stmt = nullptr;
        const QByteArray sql = QByteArray("SELECT COALESCE(MAX(id), 0) FROM ") + table;
        qint64 last = 0;
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            last = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        loader->m_lastIds.push_back(last);
    }
    return loader;
}

qint64 SqliteBulkLoader::nextId(int table)
{
    return ++m_lastIds[static_cast<size_t>(table)];
}

Status SqliteBulkLoader::begin()
{
    if (sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return Error{
            QStringLiteral("cannot begin: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
    m_inTransaction = true;
    if (m_scratch) {
        // Filling tables and then building each index in one sorted pass is several
        // times faster than growing many indexes row by row. The unique constraints'
        // own indexes stay, so duplicates are still refused as they arrive.
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(m_db,
                           "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS "
                           "NOT NULL",
                           -1, &stmt, nullptr);
        std::vector<QByteArray> names;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            names.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            m_deferredIndexes.emplace_back(
                reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1)));
        }
        sqlite3_finalize(stmt);
        for (const QByteArray &name : names)
            if (sqlite3_exec(m_db, ("DROP INDEX \"" + name + "\"").constData(), nullptr, nullptr,
                             nullptr) != SQLITE_OK)
                return Error{QStringLiteral("cannot set up the load: %1")
                                 .arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
    }
    return m_writer.start();
}

Status SqliteBulkLoader::commit()
{
    for (auto it = m_levels.cbegin(); it != m_levels.cend(); ++it)
        m_writer.add(StockLevelInsert, {integer(it.key().first), integer(it.key().second),
                                        integer(it->onHand), integer(it->reserved)});
    if (Status s = m_writer.finish(); !s)
        return s;
    for (const QByteArray &sql : m_deferredIndexes)
        if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
            return Error{QStringLiteral("building an index failed: %1")
                             .arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
    if (sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        return Error{
            QStringLiteral("commit failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
    m_inTransaction = false;
    return {};
}

Status SqliteBulkLoader::finish()
{
    if (sqlite3_exec(m_db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                     "PRAGMA analysis_limit=1000; ANALYZE",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
        return Error{QStringLiteral("finishing the load failed: %1")
                         .arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
    return {};
}

qint64 SqliteBulkLoader::addChannel(const models::Channel &c)
{
    const qint64 id = nextId(ChannelIds);
    m_writer.add(ChannelInsert, {integer(id), text(c.code), text(c.name), text(c.currency),
                                 integer(c.stockBuffer)});
    return id;
}

qint64 SqliteBulkLoader::addSupplier(const models::Supplier &sup)
{
    const qint64 id = nextId(SupplierIds);
    m_writer.add(SupplierInsert, {integer(id), text(sup.name), optionalText(sup.email),
                                  text(sup.currency), integer(sup.leadTimeDays)});
    return id;
}

qint64 SqliteBulkLoader::addLocation(const models::Location &l, double latitude, double longitude)
{
    const qint64 id = nextId(LocationIds);
    const QString kind = models::locationKindCode(l.kind);
    m_writer.add(LocationInsert, {integer(id), text(l.code), text(l.name), text(kind),
                                  optionalText(l.address.line1), optionalText(l.address.city),
                                  optionalText(l.address.region), optionalText(l.address.postcode),
                                  text(l.address.country), integer(qRound64(latitude * 1e6)),
                                  integer(qRound64(longitude * 1e6)), integer(l.routingPriority),
                                  integer(l.defaultReturns ? 1 : 0)});
    return id;
}

qint64 SqliteBulkLoader::addBin(const models::Bin &b)
{
    const qint64 id = nextId(BinIds);
    m_writer.add(BinInsert,
                 {integer(id), integer(b.locationId), text(b.code), integer(b.pickSequence)});
    return id;
}

void SqliteBulkLoader::addProduct(models::Product &p, const QDateTime &createdAtUtc)
{
    p.id = nextId(ProductIds);
    m_writer.add(ProductInsert,
                 {integer(p.id), text(p.sku), text(p.name), optionalInteger(p.supplierId),
                  integer(p.cost.minorUnits()), text(p.cost.currency()),
                  integer(p.price.minorUnits()), text(p.price.currency()), integer(p.weightGrams),
                  optionalInteger(p.leadTimeDays), integer(p.safetyStock), integer(p.reorderMin),
                  integer(p.reorderMax), integer(p.packSize), time(createdAtUtc),
                  optionalText(p.hsCode), optionalText(p.originCountry)});
    for (const models::Barcode &b : std::as_const(p.barcodes)) {
        const QString symbology = models::barcodeSymbologyCode(b.symbology);
        m_writer.add(BarcodeInsert,
                     {integer(p.id), text(b.value), text(symbology), integer(b.primary ? 1 : 0)});
    }
}

void SqliteBulkLoader::assignBin(qint64 productId, qint64 binId)
{
    m_writer.add(ProductBinInsert, {integer(productId), integer(binId)});
}

void SqliteBulkLoader::addKitComponents(qint64 kitProductId,
                                        const QList<models::KitComponent> &components)
{
    m_writer.add(KitFlagUpdate, {integer(kitProductId)});
    for (const models::KitComponent &c : components)
        m_writer.add(KitComponentInsert,
                     {integer(kitProductId), integer(c.productId), integer(c.quantity)});
}

qint64 SqliteBulkLoader::addCustomer(const models::Customer &c, const QDateTime &createdAtUtc)
{
    const qint64 id = nextId(CustomerIds);
    m_writer.add(CustomerInsert,
                 {integer(id), optionalText(c.email), text(c.name), optionalText(c.phone),
                  integer(c.vip ? 1 : 0), time(createdAtUtc)});
    return id;
}

void SqliteBulkLoader::addOrder(models::Order &o, qint64 channelId,
                                std::optional<qint64> customerId, const QDateTime &createdAtUtc)
{
    int items = 0;
    for (const models::OrderLine &line : std::as_const(o.lines))
        items += line.quantity;
    o.id = nextId(OrderIds);
    const QString status = models::orderStatusCode(o.status);
    m_writer.add(OrderInsert, {integer(o.id),
                               integer(channelId),
                               text(o.externalId),
                               text(o.orderNumber),
                               optionalInteger(customerId),
                               text(status),
                               optionalText(o.holdReason),
                               time(o.placedAtUtc),
                               time(o.shipByUtc),
                               optionalText(o.customerName),
                               optionalText(o.customerEmail),
                               optionalText(o.shipTo.name),
                               optionalText(o.shipTo.company),
                               optionalText(o.shipTo.line1),
                               optionalText(o.shipTo.line2),
                               optionalText(o.shipTo.city),
                               optionalText(o.shipTo.region),
                               optionalText(o.shipTo.postcode),
                               optionalText(o.shipTo.country),
                               optionalText(o.shipTo.phone),
                               optionalText(o.shippingService),
                               integer(o.expedited ? 1 : 0),
                               text(o.total.currency()),
                               integer(o.subtotal.minorUnits()),
                               integer(o.shipping.minorUnits()),
                               integer(o.tax.minorUnits()),
                               integer(o.discount.minorUnits()),
                               integer(o.total.minorUnits()),
                               integer(items),
                               optionalInteger(o.locationId),
                               time(createdAtUtc),
                               time(createdAtUtc)});
    for (models::OrderLine &line : o.lines) {
        line.id = nextId(OrderLineIds);
        m_writer.add(OrderLineInsert,
                     {integer(line.id), integer(o.id), integer(line.lineNumber),
                      optionalText(line.externalLineId), optionalInteger(line.productId),
                      text(line.sku), text(line.title), integer(line.quantity),
                      integer(line.unitPrice.minorUnits()), integer(line.lineTotal.minorUnits()),
                      integer(line.quantityShipped), integer(line.quantityReturned)});
    }
}

void SqliteBulkLoader::addOrderEvent(const models::OrderEvent &e)
{
    const QString kind = models::orderEventKindCode(e.kind);
    const QString from = e.fromStatus ? models::orderStatusCode(*e.fromStatus) : QString();
    const QString to = e.toStatus ? models::orderStatusCode(*e.toStatus) : QString();
    m_writer.add(EventInsert, {integer(e.orderId), time(e.atUtc), text(kind), optionalText(from),
                               optionalText(to), optionalText(e.detail), text(e.user)});
}

void SqliteBulkLoader::addMovement(const models::StockMovement &m)
{
    const QString reason = models::stockReasonCode(m.reason);
    m_writer.add(MovementInsert,
                 {integer(m.productId), integer(m.locationId), integer(m.quantity), text(reason),
                  optionalText(m.referenceType), optionalText(m.referenceId), optionalText(m.note),
                  text(m.user), time(m.atUtc)});
    m_levels[{m.productId, m.locationId}].onHand += m.quantity;
    ++m_movements;
}

void SqliteBulkLoader::addReservation(qint64 orderLineId, qint64 productId, qint64 locationId,
                                      int quantity, const QDateTime &atUtc)
{
    m_writer.add(ReservationInsert, {integer(orderLineId), integer(productId), integer(locationId),
                                     integer(quantity), time(atUtc)});
    m_levels[{productId, locationId}].reserved += quantity;
}

void SqliteBulkLoader::addShipment(models::Shipment &sh)
{
    sh.id = nextId(ShipmentIds);
    const QString status = models::shipmentStatusCode(sh.status);
    m_writer.add(ShipmentInsert,
                 {integer(sh.id), integer(sh.orderId), integer(sh.locationId),
                  optionalText(sh.carrier), optionalText(sh.service),
                  optionalText(sh.trackingNumber), text(status), integer(sh.cost.minorUnits()),
                  optionalText(sh.cost.currency()), time(sh.createdAtUtc), time(sh.shippedAtUtc),
                  time(sh.deliveredAtUtc)});
    for (const models::Parcel &p : std::as_const(sh.parcels))
        m_writer.add(ParcelInsert, {integer(sh.id), integer(p.weightGrams), integer(p.lengthMm),
                                    integer(p.widthMm), integer(p.heightMm),
                                    optionalText(p.trackingNumber.isEmpty() ? sh.trackingNumber
                                                                            : p.trackingNumber)});
    for (const models::ShipmentLine &l : std::as_const(sh.lines))
        m_writer.add(ShipmentLineInsert,
                     {integer(sh.id), integer(l.orderLineId), integer(l.quantity)});
}

void SqliteBulkLoader::addReturn(models::ReturnAuthorisation &r)
{
    r.id = nextId(ReturnIds);
    const QString status = models::returnStatusCode(r.status);
    m_writer.add(ReturnInsert,
                 {integer(r.id), optionalText(r.rmaNumber), integer(r.orderId), text(status),
                  text(r.reason), optionalText(r.customerNote), optionalInteger(r.locationId),
                  text(r.refund.currency()), integer(r.refund.minorUnits()), time(r.requestedAtUtc),
                  time(r.authorisedAtUtc), time(r.receivedAtUtc), time(r.inspectedAtUtc),
                  time(r.refundedAtUtc), time(r.closedAtUtc), time(r.refundApprovedAtUtc),
                  optionalText(r.refundReference), optionalInteger(r.suggestedLocationId)});
    for (const models::ReturnLine &l : std::as_const(r.lines))
        m_writer.add(ReturnLineInsert, {integer(r.id), integer(l.orderLineId), integer(l.quantity),
                                        integer(l.quantityReceived), text(l.reason),
                                        optionalText(l.condition), optionalText(l.disposition),
                                        optionalInteger(l.locationId), time(l.inspectedAtUtc)});
}

void SqliteBulkLoader::addPurchaseOrder(models::PurchaseOrder &po)
{
    po.id = nextId(PurchaseOrderIds);
    const QString status = models::purchaseOrderStatusCode(po.status);
    m_writer.add(PurchaseOrderInsert,
                 {integer(po.id), text(po.poNumber), integer(po.supplierId), integer(po.locationId),
                  text(status), text(po.currency), time(po.orderedAtUtc), time(po.expectedAtUtc),
                  time(po.receivedAtUtc), time(po.orderedAtUtc)});
    for (const models::PurchaseOrderLine &l : std::as_const(po.lines))
        m_writer.add(PurchaseOrderLineInsert,
                     {integer(po.id), integer(l.productId), integer(l.quantityOrdered),
                      integer(l.quantityReceived), integer(l.unitCost.minorUnits())});
}

void SqliteBulkLoader::setSetting(const QString &key, const QString &value)
{
    m_writer.add(SettingInsert, {text(key), text(value)});
}

void SqliteBulkLoader::addCarrier(const models::Carrier &c, const QString &trackingUrl)
{
    m_writer.add(CarrierInsert,
                 {integer(c.id), text(c.code), text(c.name), optionalText(c.amazonCode),
                  optionalText(c.ebayName), text(models::trackingSchemeCode(c.trackingScheme)),
                  text(c.trackingPrefix), text(c.trackingSuffix), integer(c.trackingDigits),
                  integer(c.trackingNext), optionalText(trackingUrl)});
}

void SqliteBulkLoader::addCarrierService(const models::CarrierService &s)
{
    m_writer.add(CarrierServiceInsert,
                 {integer(s.id), integer(s.carrierId), text(s.name), text(s.serviceLevel),
                  integer(s.transitDays), text(s.cutoff.toString(QStringLiteral("HH:mm")))});
    for (const models::ShippingRate &r : s.rates)
        m_writer.add(CarrierRateInsert,
                     {integer(s.id), optionalText(r.fromCountry), optionalText(r.country),
                      text(r.postcodePrefix), optionalInteger(r.maxWeightGrams),
                      integer(r.costMinor), text(r.currency), integer(r.transitDays)});
}

} // namespace storage
