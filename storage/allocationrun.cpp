#include "storage/allocationrun.h"

#include "models/orderstatemachine.h"
#include "storage/sqlrun.h"

#include <QSqlError>

#include <algorithm>
#include <limits>

namespace storage {

using models::Error;
using models::HoldKind;
using models::OrderStatus;
using models::Result;
using models::Status;

struct AllocationRun::OrderFacts
{
    models::Order order; // id, number, channel, status, address, buyer, placed, location
    int manualPriority = 0;
    bool vip = false;
    std::optional<qint64> preferredLocationId; // set by an automation rule
    struct Line
    {
        qint64 id = 0;
        int lineNumber = 0;
        std::optional<qint64> productId;
        QString sku;
        int quantity = 0;
        int unitWeightGrams = 0;
        bool isKit = false;
    };
    QList<Line> lines;
};

namespace {

QDateTime fromIso(const QVariant &v)
{
    if (v.isNull())
        return {};
    // Stored times end in 'Z', so they read back as UTC.
    return QDateTime::fromString(v.toString(), Qt::ISODate);
}

Status prepare(QSqlQuery &query, const QSqlDatabase &db, const char *sql)
{
    query = QSqlQuery(db);
    query.setForwardOnly(true);
    if (!query.prepare(QString::fromLatin1(sql)))
        return sqlError(query, QString::fromLatin1(sql));
    return {};
}

// A hold kind's code as the run summary counts it.
void countHold(AllocationSummary &summary, HoldKind kind)
{
    ++summary.held;
    ++summary.heldByKind[models::holdKindCode(kind)];
}

int medianOf(QList<int> values)
{
    std::sort(values.begin(), values.end());
    return values.at((values.size() - 1) / 2);
}

} // namespace

AllocationRun::AllocationRun(QSqlDatabase db, AllocationOptions options)
    : m_db(std::move(db)), m_options(std::move(options))
{
    m_now = m_options.nowUtc.isValid() ? m_options.nowUtc.toUTC() : QDateTime::currentDateTimeUtc();
    m_now = m_now.addMSecs(-m_now.time().msec());
}

QString AllocationRun::nowText() const
{
    return isoUtc(m_now);
}

QString AllocationRun::codeOf(qint64 locationId) const
{
    for (const models::RoutingLocation &l : m_locations)
        if (l.id == locationId)
            return l.code;
    return QStringLiteral("#%1").arg(locationId);
}

Status AllocationRun::load()
{
    // Settings, with the migration's defaults for any the shop removed.
    QHash<QString, QString> settings;
    {
        Result<QSqlQuery> q = runQuery(
            m_db, QStringLiteral("SELECT key, value FROM settings WHERE key LIKE 'allocation.%' "
                                 "OR key = 'shop.currency'"));
        if (!q.ok())
            return Error{q.error()};
        while (q.value().next())
            settings.insert(q.value().value(0).toString(), q.value().value(1).toString());
    }
    auto number = [&settings](const char *key, qint64 fallback) {
        bool ok = false;
        const qint64 v = settings.value(QString::fromLatin1(key)).toLongLong(&ok);
        return ok && v >= 0 ? v : fallback;
    };
    m_currency = settings.value(QStringLiteral("shop.currency"), QStringLiteral("GBP"));
    const QString shortfall = settings.value(QStringLiteral("allocation.shortfall"));
    m_routing.shortfall = shortfall == QLatin1String("hold") ? models::ShortfallPolicy::Hold
                                                             : models::ShortfallPolicy::Backorder;
    const QString split = settings.value(QStringLiteral("allocation.split"));
    m_routing.split = split == QLatin1String("never") ? models::SplitPolicy::Never
                      : split == QLatin1String("ask") ? models::SplitPolicy::Ask
                                                      : models::SplitPolicy::Allow;
    m_routing.waitCostPerDayMinor = number("allocation.wait_cost_per_day_minor", 100);
    m_routing.restockDays = static_cast<int>(number("allocation.restock_days", 7));
    m_exceptions.quantityFactor = static_cast<int>(number("allocation.quantity_factor", 10));
    m_exceptions.quantityMinimum = static_cast<int>(number("allocation.quantity_minimum", 10));
    m_exceptions.duplicateWindowMinutes =
        static_cast<int>(number("allocation.duplicate_window_minutes", 60));
    const qint64 highValue = number("allocation.high_value_minor", 15000);
    if (const QString criteria = settings.value(QStringLiteral("allocation.priority"));
        !criteria.isEmpty()) {
        Result<models::PriorityPolicy> p = models::PriorityPolicy::parse(criteria, highValue);
        if (!p.ok())
            return Error{QStringLiteral("setting allocation.priority: %1").arg(p.error())};
        m_priority = p.value();
    } else {
        m_priority.highValueMinor = highValue;
    }

    {
        Result<QSqlQuery> q = runQuery(
            m_db, QStringLiteral("SELECT id, code, kind, country, ships_from_store, store_buffer, "
                                 "daily_capacity, routing_priority FROM locations WHERE active = 1 "
                                 "ORDER BY routing_priority, id"));
        if (!q.ok())
            return Error{q.error()};
        while (q.value().next()) {
            const QSqlQuery &r = q.value();
            models::RoutingLocation l;
            l.id = r.value(0).toLongLong();
            l.code = r.value(1).toString();
            const QString kind = r.value(2).toString();
            l.kind = kind == QLatin1String("store") ? models::LocationKind::Store
                     : kind == QLatin1String("3pl") ? models::LocationKind::ThirdPartyLogistics
                                                    : models::LocationKind::Warehouse;
            l.country = r.value(3).toString().toUpper();
            l.shipsFromStore = r.value(4).toInt() != 0;
            l.storeBuffer = r.value(5).toInt();
            if (!r.value(6).isNull())
                l.dailyCapacity = r.value(6).toInt();
            l.routingPriority = r.value(7).toInt();
            m_locations.append(l);
        }
    }

    QList<models::ShippingRate> rates;
    {
        Result<QSqlQuery> q = runQuery(
            m_db, QStringLiteral("SELECT id, location_id, from_country, country, postcode_prefix, "
                                 "max_weight_grams, cost_minor, currency, transit_days "
                                 "FROM location_rates ORDER BY id"));
        if (!q.ok())
            return Error{q.error()};
        while (q.value().next()) {
            const QSqlQuery &r = q.value();
            models::ShippingRate rate;
            rate.id = r.value(0).toLongLong();
            if (!r.value(1).isNull())
                rate.locationId = r.value(1).toLongLong();
            rate.fromCountry = r.value(2).toString();
            rate.country = r.value(3).toString();
            rate.postcodePrefix = r.value(4).toString();
            if (!r.value(5).isNull())
                rate.maxWeightGrams = r.value(5).toInt();
            rate.costMinor = r.value(6).toLongLong();
            rate.currency = r.value(7).toString();
            rate.transitDays = r.value(8).toInt();
            rates.append(rate);
        }
    }
    // A shop without any rates has not set shipping up yet: every location ships
    // everywhere and routing falls back to stock, capacity and routing order.
    if (rates.isEmpty())
        rates.append(
            models::ShippingRate{0, std::nullopt, {}, {}, {}, std::nullopt, 0, m_currency, 0});
    m_rates = models::RateTable(rates);

    Result<KitMap> kits = loadKits(m_db);
    if (!kits.ok())
        return Error{kits.error()};
    m_kits = std::move(kits).value();
    for (const models::ShippingRate &r : m_rates.rates()) {
        const bool applies = std::any_of(
            m_locations.cbegin(), m_locations.cend(), [&r](const models::RoutingLocation &l) {
                const bool mayShip = l.kind != models::LocationKind::Store || l.shipsFromStore;
                return mayShip && (!r.locationId || *r.locationId == l.id) &&
                       (r.fromCountry.isEmpty() || r.fromCountry == l.country);
            });
        if (!applies)
            continue;
        if (r.country.isEmpty())
            m_servesAnywhere = true;
        else
            m_servedCountries.insert(r.country);
    }

    struct
    {
        QSqlQuery *query;
        const char *sql;
    } statements[] = {
        {&m_readOrder,
         "SELECT o.status, o.order_number, c.code, o.priority, o.is_expedited, o.ship_by, "
         "o.placed_at, o.total_minor, o.currency, o.buyer_email, o.ship_name, o.ship_line1, "
         "o.ship_city, o.ship_postcode, o.ship_country, o.location_id, COALESCE(cu.is_vip, 0), "
         "o.preferred_location_id FROM orders o JOIN channels c ON c.id = o.channel_id "
         "LEFT JOIN customers cu ON cu.id = o.customer_id WHERE o.id = ?"},
        {&m_readLines, "SELECT l.id, l.line_no, l.product_id, l.sku, l.quantity, "
                       "COALESCE(p.weight_grams, 0), COALESCE(p.is_kit, 0) FROM order_lines l "
                       "LEFT JOIN products p ON p.id = l.product_id "
                       "WHERE l.order_id = ? ORDER BY l.line_no"},
        {&m_activeReservations,
         "SELECT r.id, r.product_id, r.location_id, r.quantity, r.order_line_id "
         "FROM order_lines l JOIN reservations r ON r.order_line_id = l.id "
         "WHERE l.order_id = ? AND r.status = 'active'"},
        {&m_releaseReservation,
         "UPDATE reservations SET status = 'released', closed_at = ? WHERE id = ?"},
        {&m_unreserve, "UPDATE stock_levels SET reserved = reserved - ? "
                       "WHERE product_id = ? AND location_id = ? AND reserved >= ?"},
        {&m_levelsOf, "SELECT location_id, on_hand, reserved FROM stock_levels "
                      "WHERE product_id = ?"},
        {&m_receipt, "SELECT MAX(created_at) FROM stock_movements "
                     "WHERE product_id = ? AND location_id = ? AND quantity > 0"},
        // The guard makes an oversell impossible even if the figures read were stale.
        {&m_reserve, "UPDATE stock_levels SET reserved = reserved + ? "
                     "WHERE product_id = ? AND location_id = ? AND on_hand - reserved >= ?"},
        {&m_insertReservation,
         "INSERT INTO reservations (order_line_id, product_id, location_id, quantity, status, "
         "created_at) VALUES (?, ?, ?, ?, 'active', ?)"},
        {&m_updateOrder, "UPDATE orders SET status = ?, hold_reason = ?, location_id = ?, "
                         "updated_at = ? WHERE id = ? AND status = ?"},
        {&m_insertEvent, "INSERT INTO order_events (order_id, at, kind, from_status, to_status, "
                         "detail, user_name) VALUES (?, ?, ?, ?, ?, ?, ?)"},
        {&m_bumpLoad, "INSERT INTO location_daily_load (location_id, day, orders) VALUES (?, ?, 1) "
                      "ON CONFLICT (location_id, day) DO UPDATE SET orders = orders + 1"},
        {&m_readLoad, "SELECT location_id, orders FROM location_daily_load WHERE day = ?"},
        {&m_byEmail, "SELECT o.id, o.order_number, c.code, o.buyer_email, o.ship_name, "
                     "o.ship_postcode, o.placed_at FROM orders o "
                     "JOIN channels c ON c.id = o.channel_id "
                     "WHERE o.buyer_email = ? AND o.placed_at >= ? AND o.placed_at <= ? "
                     "AND o.id <> ? AND o.status <> 'cancelled'"},
        {&m_byNamePostcode, "SELECT o.id, o.order_number, c.code, o.buyer_email, o.ship_name, "
                            "o.ship_postcode, o.placed_at FROM orders o "
                            "JOIN channels c ON c.id = o.channel_id "
                            "WHERE o.ship_postcode = ? AND o.ship_name = ? AND o.placed_at >= ? "
                            "AND o.placed_at <= ? "
                            "AND o.id <> ? AND o.status <> 'cancelled'"},
        {&m_itemsOf, "SELECT sku, quantity FROM order_lines WHERE order_id = ?"},
        // The recent past says what is usual; a bounded look keeps it quick.
        {&m_median, "SELECT quantity FROM order_lines WHERE product_id = ? AND order_id <> ? "
                    "ORDER BY id DESC LIMIT 501"},
    };
    for (const auto &s : statements)
        if (Status st = prepare(*s.query, m_db, s.sql); !st)
            return st;
    return {};
}

Status AllocationRun::beginTransaction()
{
    m_levels.clear();
    m_routedToday.clear();
    if (Status s = execPrepared(m_readLoad, {m_now.date().toString(Qt::ISODate)}); !s)
        return s;
    while (m_readLoad.next())
        m_routedToday.insert(m_readLoad.value(0).toLongLong(), m_readLoad.value(1).toInt());
    m_readLoad.finish();
    return {};
}

Result<QList<qint64>> AllocationRun::queue(std::optional<qint64> wantingProduct)
{
    QString sql = QStringLiteral(
        "SELECT o.id, o.priority, o.is_expedited, o.ship_by, COALESCE(cu.is_vip, 0), "
        "o.total_minor, o.placed_at FROM orders o LEFT JOIN customers cu ON cu.id = "
        "o.customer_id ");
    QVariantList binds;
    if (wantingProduct) {
        // A component that arrives may complete the kits that backordered orders wait for.
        sql += QStringLiteral("WHERE o.status = 'backordered' AND EXISTS (SELECT 1 FROM "
                              "order_lines l WHERE l.order_id = o.id AND (l.product_id = ? OR "
                              "l.product_id IN (SELECT k.kit_product_id FROM kit_components k "
                              "WHERE k.component_product_id = ?)))");
        binds.append(*wantingProduct);
        binds.append(*wantingProduct);
    } else {
        sql += QStringLiteral("WHERE o.status IN ('new', 'backordered')");
    }
    Result<QSqlQuery> q = runQuery(m_db, sql, binds);
    if (!q.ok())
        return Error{q.error()};
    QList<models::PriorityFacts> facts;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        models::PriorityFacts f;
        f.orderId = r.value(0).toLongLong();
        f.manualPriority = r.value(1).toInt();
        f.expedited = r.value(2).toInt() != 0;
        f.shipByUtc = fromIso(r.value(3));
        f.vipCustomer = r.value(4).toInt() != 0;
        f.totalMinor = r.value(5).toLongLong();
        f.placedAtUtc = fromIso(r.value(6));
        facts.append(f);
    }
    models::OrderPriority(m_priority).sort(facts);
    QList<qint64> ids;
    ids.reserve(facts.size());
    for (const models::PriorityFacts &f : std::as_const(facts))
        ids.append(f.orderId);
    return ids;
}

Result<AllocationRun::OrderFacts> AllocationRun::readOrder(qint64 orderId)
{
    if (Status s = execPrepared(m_readOrder, {orderId}); !s)
        return Error{s.error()};
    if (!m_readOrder.next())
        return Error{QStringLiteral("order %1 does not exist").arg(orderId)};
    OrderFacts f;
    const QSqlQuery &r = m_readOrder;
    f.order.id = orderId;
    const std::optional<OrderStatus> status = models::orderStatusFromCode(r.value(0).toString());
    if (!status)
        return Error{QStringLiteral("order %1 has an unknown status \"%2\"")
                         .arg(orderId)
                         .arg(r.value(0).toString())};
    f.order.status = *status;
    f.order.orderNumber = r.value(1).toString();
    f.order.channelCode = r.value(2).toString();
    f.manualPriority = r.value(3).toInt();
    f.order.expedited = r.value(4).toInt() != 0;
    f.order.shipByUtc = fromIso(r.value(5));
    f.order.placedAtUtc = fromIso(r.value(6));
    f.order.total = models::Money(r.value(7).toLongLong(), r.value(8).toString());
    f.order.customerEmail = r.value(9).toString();
    f.order.shipTo.name = r.value(10).toString();
    f.order.shipTo.line1 = r.value(11).toString();
    f.order.shipTo.city = r.value(12).toString();
    f.order.shipTo.postcode = r.value(13).toString();
    f.order.shipTo.country = r.value(14).toString().trimmed().toUpper();
    if (!r.value(15).isNull())
        f.order.locationId = r.value(15).toLongLong();
    f.vip = r.value(16).toInt() != 0;
    if (!r.value(17).isNull())
        f.preferredLocationId = r.value(17).toLongLong();
    m_readOrder.finish();

    if (Status s = execPrepared(m_readLines, {orderId}); !s)
        return Error{s.error()};
    while (m_readLines.next()) {
        OrderFacts::Line l;
        l.id = m_readLines.value(0).toLongLong();
        l.lineNumber = m_readLines.value(1).toInt();
        if (!m_readLines.value(2).isNull())
            l.productId = m_readLines.value(2).toLongLong();
        l.sku = m_readLines.value(3).toString();
        l.quantity = m_readLines.value(4).toInt();
        l.unitWeightGrams = m_readLines.value(5).toInt();
        l.isKit = m_readLines.value(6).toInt() != 0;
        f.lines.append(l);
    }
    m_readLines.finish();
    return f;
}

Status AllocationRun::releaseReservations(const OrderFacts &f, int *released)
{
    const qint64 orderId = f.order.id;
    struct Held
    {
        qint64 id, productId, locationId;
        int quantity;
        qint64 lineId;
        QString sku, kitSku; // kitSku: the kit line this component was reserved for
    };
    QList<Held> held;
    if (Status s = execPrepared(m_activeReservations, {orderId}); !s)
        return s;
    while (m_activeReservations.next())
        held.append({m_activeReservations.value(0).toLongLong(),
                     m_activeReservations.value(1).toLongLong(),
                     m_activeReservations.value(2).toLongLong(),
                     m_activeReservations.value(3).toInt(),
                     m_activeReservations.value(4).toLongLong(),
                     {},
                     {}});
    m_activeReservations.finish();
    // Named by the order's lines: a kit line's reservations are its components.
    for (Held &h : held) {
        h.sku = QStringLiteral("product %1").arg(h.productId);
        for (const OrderFacts::Line &l : f.lines) {
            if (l.id != h.lineId)
                continue;
            if (l.productId == h.productId) {
                h.sku = l.sku;
                break;
            }
            h.kitSku = l.sku;
            if (l.productId)
                for (const models::KitComponent &c : m_kits.value(*l.productId))
                    if (c.productId == h.productId)
                        h.sku = c.sku;
        }
    }
    QStringList words;
    for (const Held &h : std::as_const(held)) {
        if (Status s = execPrepared(m_releaseReservation, {nowText(), h.id}); !s)
            return s;
        if (Status s =
                execPrepared(m_unreserve, {h.quantity, h.productId, h.locationId, h.quantity});
            !s)
            return s;
        if (m_unreserve.numRowsAffected() != 1)
            return Error{QStringLiteral("order %1: stock level of %2 at %3 reserves less "
                                        "than its reservation of %4; run backroom check")
                             .arg(orderId)
                             .arg(h.sku, codeOf(h.locationId))
                             .arg(h.quantity)};
        if (auto it = m_levels.find(h.productId); it != m_levels.end())
            (*it)[h.locationId].reserved -= h.quantity;
        words.append(
            h.kitSku.isEmpty()
                ? QStringLiteral("%1 × %2 at %3").arg(h.quantity).arg(h.sku, codeOf(h.locationId))
                : QStringLiteral("%1 × %2 (for %3) at %4")
                      .arg(h.quantity)
                      .arg(h.sku, h.kitSku, codeOf(h.locationId)));
    }
    if (released)
        *released = static_cast<int>(held.size());
    if (!held.isEmpty())
        return addEvent(
            orderId, models::OrderEvent::Kind::Reserved,
            QStringLiteral("Released reservations: %1").arg(words.join(QStringLiteral(", "))));
    return {};
}

Status AllocationRun::loadLevels(qint64 productId)
{
    if (m_levels.contains(productId))
        return {};
    if (Status s = execPrepared(m_levelsOf, {productId}); !s)
        return s;
    QHash<qint64, Level> &levels = m_levels[productId];
    while (m_levelsOf.next())
        levels.insert(m_levelsOf.value(0).toLongLong(),
                      Level{m_levelsOf.value(1).toInt(), m_levelsOf.value(2).toInt()});
    m_levelsOf.finish();
    return {};
}

Result<QDateTime> AllocationRun::lastReceipt(qint64 productId, qint64 locationId)
{
    const QPair<qint64, qint64> key(productId, locationId);
    if (auto it = m_receipts.constFind(key); it != m_receipts.cend())
        return *it;
    if (Status s = execPrepared(m_receipt, {productId, locationId}); !s)
        return Error{s.error()};
    QDateTime t;
    if (m_receipt.next())
        t = fromIso(m_receipt.value(0));
    m_receipt.finish();
    m_receipts.insert(key, t);
    return t;
}

Result<std::optional<int>> AllocationRun::medianQuantity(qint64 productId, qint64 excludingOrder)
{
    if (Status s = execPrepared(m_median, {productId, excludingOrder}); !s)
        return Error{s.error()};
    QList<int> values;
    while (m_median.next())
        values.append(m_median.value(0).toInt());
    m_median.finish();
    if (values.isEmpty())
        return std::optional<int>();
    return std::optional<int>(medianOf(values));
}

Result<QList<models::DuplicateFacts>> AllocationRun::nearbyOrders(const OrderFacts &f)
{
    QList<models::DuplicateFacts> out;
    if (!f.order.placedAtUtc.isValid())
        return out;
    const QString from =
        isoUtc(f.order.placedAtUtc.addSecs(-qint64(m_exceptions.duplicateWindowMinutes) * 60));
    const QString to = isoUtc(f.order.placedAtUtc);
    QSet<qint64> seen;
    auto collect = [&](QSqlQuery &q, QVariantList binds) -> Status {
        binds << from << to << f.order.id;
        if (Status s = execPrepared(q, binds); !s)
            return s;
        while (q.next()) {
            models::DuplicateFacts d;
            d.orderId = q.value(0).toLongLong();
            if (seen.contains(d.orderId))
                continue;
            seen.insert(d.orderId);
            d.orderNumber = q.value(1).toString();
            d.channelCode = q.value(2).toString();
            d.email = q.value(3).toString();
            d.name = q.value(4).toString();
            d.postcode = q.value(5).toString();
            d.placedAtUtc = fromIso(q.value(6));
            out.append(d);
        }
        q.finish();
        return {};
    };
    if (!f.order.customerEmail.trimmed().isEmpty())
        if (Status s = collect(m_byEmail, {f.order.customerEmail}); !s)
            return Error{s.error()};
    // The index finds the same name at the same postcode as written; the check itself
    // then compares them ignoring case and spacing.
    if (!f.order.shipTo.postcode.trimmed().isEmpty() && !f.order.shipTo.name.trimmed().isEmpty())
        if (Status s = collect(m_byNamePostcode, {f.order.shipTo.postcode, f.order.shipTo.name});
            !s)
            return Error{s.error()};
    for (models::DuplicateFacts &d : out) {
        if (Status s = execPrepared(m_itemsOf, {d.orderId}); !s)
            return Error{s.error()};
        while (m_itemsOf.next())
            d.items.append({m_itemsOf.value(0).toString(), m_itemsOf.value(1).toInt()});
        m_itemsOf.finish();
    }
    return out;
}

std::optional<models::OrderHold> AllocationRun::reviewChecks(const OrderFacts &f)
{
    using models::OrderExceptions;
    QList<models::ExceptionLine> lines;
    for (const OrderFacts::Line &l : f.lines)
        lines.append({l.lineNumber, l.productId.has_value(), l.sku, l.quantity, std::nullopt});
    if (auto h = OrderExceptions::unknownSku(lines))
        return h;
    if (auto h = OrderExceptions::missingAddressField(f.order.shipTo))
        return h;
    if (auto h = OrderExceptions::postcodeMismatch(f.order.shipTo))
        return h;
    if (auto h = OrderExceptions::unshippableCountry(f.order.shipTo.country, m_servedCountries,
                                                     m_servesAnywhere))
        return h;
    bool anyLarge = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).quantity <= m_exceptions.quantityMinimum)
            continue;
        anyLarge = true;
        Result<std::optional<int>> median = medianQuantity(*f.lines.at(i).productId, f.order.id);
        if (median.ok())
            lines[i].medianQuantity = median.value();
    }
    if (anyLarge)
        if (auto h = OrderExceptions::unusualQuantity(lines, m_exceptions))
            return h;

    models::DuplicateFacts self;
    self.orderId = f.order.id;
    self.orderNumber = f.order.orderNumber;
    self.channelCode = f.order.channelCode;
    self.email = f.order.customerEmail;
    self.name = f.order.shipTo.name;
    self.postcode = f.order.shipTo.postcode;
    self.placedAtUtc = f.order.placedAtUtc;
    for (const OrderFacts::Line &l : f.lines)
        self.items.append({l.sku, l.quantity});
    Result<QList<models::DuplicateFacts>> others = nearbyOrders(f);
    if (others.ok() && !others.value().isEmpty())
        if (auto h = OrderExceptions::likelyDuplicate(self, others.value(), m_exceptions))
            return h;
    return std::nullopt;
}

Status AllocationRun::allocate(qint64 orderId, Mode mode, bool allowSplit,
                               AllocationSummary &summary)
{
    ++summary.considered;
    Result<OrderFacts> read = readOrder(orderId);
    if (!read.ok())
        return Error{read.error()};
    OrderFacts &f = read.value();
    const OrderStatus status = f.order.status;
    // Another window or process may have taken care of it since the queue was read.
    if (status != OrderStatus::New && status != OrderStatus::Backordered) {
        ++summary.unchanged;
        return {};
    }
    // A new or backordered order holds nothing; whatever is left over is given back
    // before it reserves again, so a line is never reserved twice.
    if (Status s = releaseReservations(f, nullptr); !s)
        return s;

    if (status == OrderStatus::New) {
        // Released orders skip the review checks, but a line without a product can
        // never be routed.
        std::optional<models::OrderHold> hold;
        if (mode == Mode::Queue) {
            hold = reviewChecks(f);
        } else {
            QList<models::ExceptionLine> lines;
            for (const OrderFacts::Line &l : std::as_const(f.lines))
                lines.append({l.lineNumber, l.productId.has_value(), l.sku, l.quantity, {}});
            hold = models::OrderExceptions::unknownSku(lines);
        }
        if (hold) {
            countHold(summary, hold->kind);
            return setStatus(f, OrderStatus::OnHold, hold->reason, f.order.locationId);
        }
    } else if (std::any_of(f.lines.cbegin(), f.lines.cend(),
                           [](const OrderFacts::Line &l) { return !l.productId; })) {
        ++summary.unchanged;
        return {};
    }

    models::RoutingRequest req;
    req.country = f.order.shipTo.country;
    req.postcode = f.order.shipTo.postcode;
    req.rates = m_rates;
    req.policy = m_routing;
    req.preferredLocationId = f.preferredLocationId;
    if (allowSplit) {
        // A person chose to split: no wait is worth more than the parcels.
        req.policy.split = models::SplitPolicy::Allow;
        req.policy.waitCostPerDayMinor = std::numeric_limits<int>::max();
    }
    req.currency = m_currency;
    // What the order takes of each product, a kit line counting as its components.
    QList<QPair<qint64, int>> need;
    auto addNeed = [&need](qint64 product, int units) {
        for (QPair<qint64, int> &n : need)
            if (n.first == product) {
                n.second += units;
                return;
            }
        need.append({product, units});
    };
    for (const OrderFacts::Line &l : std::as_const(f.lines)) {
        models::RoutingLine line;
        line.lineId = l.id;
        line.productId = *l.productId;
        line.sku = l.sku;
        line.quantity = l.quantity;
        line.unitWeightGrams = l.unitWeightGrams;
        if (const auto kit = m_kits.constFind(line.productId); l.isKit || kit != m_kits.cend()) {
            // A kit is stocked as its components; its parcel weighs its own weight when
            // the product has one, else its components'.
            line.isKit = true;
            if (kit != m_kits.cend())
                line.components = *kit;
            if (line.unitWeightGrams <= 0)
                line.unitWeightGrams = models::KitRules::weightGrams(line.components);
        }
        line.forEachPart(
            [&](qint64 product, int perUnit) { addNeed(product, l.quantity * perUnit); });
        req.lines.append(std::move(line));
    }
    for (const QPair<qint64, int> &n : std::as_const(need))
        if (Status s = loadLevels(n.first); !s)
            return s;
    req.locations = m_locations;
    for (models::RoutingLocation &loc : req.locations) {
        loc.routedToday = m_routedToday.value(loc.id);
        for (const QPair<qint64, int> &n : std::as_const(need)) {
            const Level level = m_levels.value(n.first).value(loc.id);
            const int available = level.onHand - level.reserved;
            if (available <= 0)
                continue;
            loc.available.insert(n.first, available);
            // Stock age only separates locations that hold all of it.
            if (loc.usable(n.first) < n.second)
                continue;
            Result<QDateTime> t = lastReceipt(n.first, loc.id);
            if (!t.ok())
                return Error{t.error()};
            loc.lastReceipt.insert(n.first, t.value());
        }
    }
    const models::RoutingDecision decision = models::Router::route(req);
    return apply(f, decision, summary);
}

Status AllocationRun::apply(OrderFacts &f, const models::RoutingDecision &d,
                            AllocationSummary &summary)
{
    using Outcome = models::RoutingDecision::Outcome;
    const OrderStatus status = f.order.status;
    if (d.outcome == Outcome::Backorder || d.outcome == Outcome::Hold) {
        // A backordered order only moves when it can be filled.
        if (status == OrderStatus::Backordered) {
            ++summary.unchanged;
            return {};
        }
        if (d.outcome == Outcome::Backorder) {
            ++summary.backordered;
            return setStatus(f, OrderStatus::Backordered, d.reason, d.locationId);
        }
        countHold(summary, d.holdKind.value_or(HoldKind::OutOfStock));
        return setStatus(f, OrderStatus::OnHold, d.reason, d.locationId);
    }

    // One phrase per line: "2 × MUG-01 at LDS"; for a kit, whose allocations are its
    // components at one location, "1 × GIFT-01 (2 × COASTER-01, 1 × MUG-01) at LDS".
    QStringList reserved;
    qint64 phraseLine = 0;
    QStringList parts;
    QString phraseHead, phraseAt;
    auto endPhrase = [&]() {
        if (phraseHead.isEmpty())
            return;
        reserved.append(parts.isEmpty()
                            ? QStringLiteral("%1 at %2").arg(phraseHead, phraseAt)
                            : QStringLiteral("%1 (%2) at %3")
                                  .arg(phraseHead, parts.join(QStringLiteral(", ")), phraseAt));
        phraseHead.clear();
        parts.clear();
    };
    QSet<qint64> locations;
    for (const models::LineAllocation &a : d.allocations) {
        const OrderFacts::Line *line = nullptr;
        for (const OrderFacts::Line &l : std::as_const(f.lines))
            if (l.id == a.lineId)
                line = &l;
        const bool component = line && line->productId != a.productId;
        QString sku = line ? line->sku : QStringLiteral("product %1").arg(a.productId);
        if (component) {
            sku = QStringLiteral("product %1").arg(a.productId);
            for (const models::KitComponent &c : m_kits.value(*line->productId))
                if (c.productId == a.productId)
                    sku = c.sku;
        }
        if (Status s = execPrepared(m_reserve, {a.quantity, a.productId, a.locationId, a.quantity});
            !s)
            return s;
        if (m_reserve.numRowsAffected() != 1)
            return Error{
                QStringLiteral("order %1: %2 × %3 are no longer available at %4")
                    .arg(f.order.orderNumber)
                    .arg(a.quantity)
                    .arg(component ? QStringLiteral("%1 (for %2)").arg(sku, line->sku) : sku,
                         codeOf(a.locationId))};
        if (Status s = execPrepared(m_insertReservation,
                                    {a.lineId, a.productId, a.locationId, a.quantity, nowText()});
            !s)
            return s;
        m_levels[a.productId][a.locationId].reserved += a.quantity;
        locations.insert(a.locationId);
        if (a.lineId != phraseLine || codeOf(a.locationId) != phraseAt) {
            endPhrase();
            phraseLine = a.lineId;
            phraseAt = codeOf(a.locationId);
            phraseHead = QStringLiteral("%1 × %2")
                             .arg(component ? line->quantity : a.quantity)
                             .arg(line ? line->sku : sku);
        }
        if (component)
            parts.append(QStringLiteral("%1 × %2").arg(a.quantity).arg(sku));
    }
    endPhrase();
    const QString day = m_now.date().toString(Qt::ISODate);
    for (qint64 location : std::as_const(locations)) {
        if (Status s = execPrepared(m_bumpLoad, {location, day}); !s)
            return s;
        ++m_routedToday[location];
    }
    if (Status s = addEvent(f.order.id, models::OrderEvent::Kind::Routed, d.reason); !s)
        return s;
    if (Status s = addEvent(f.order.id, models::OrderEvent::Kind::Reserved,
                            QStringLiteral("Reserved %1").arg(reserved.join(QStringLiteral(", "))));
        !s)
        return s;
    if (d.outcome == Outcome::Split)
        ++summary.split;
    else
        ++summary.ready;
    QStringList codes;
    for (qint64 location : std::as_const(locations))
        codes.append(codeOf(location));
    codes.sort();
    const QString detail =
        d.outcome == Outcome::Split
            ? QStringLiteral("Reserved and split between %1").arg(codes.join(QStringLiteral(", ")))
            : QStringLiteral("Reserved and routed to %1").arg(codeOf(*d.locationId));
    return setStatus(f, OrderStatus::Ready, detail, d.locationId);
}

Status AllocationRun::setStatus(OrderFacts &f, OrderStatus to, const QString &reason,
                                std::optional<qint64> locationId)
{
    const OrderStatus from = f.order.status;
    Result<models::OrderEvent> event =
        models::OrderStateMachine::transition(f.order, to, reason, m_options.user, m_now);
    if (!event.ok())
        return Error{event.error()};
    if (Status s = execPrepared(
            m_updateOrder,
            {models::orderStatusCode(to),
             f.order.holdReason.isEmpty() ? nullText() : QVariant(f.order.holdReason),
             optionalId(locationId), nowText(), f.order.id, models::orderStatusCode(from)});
        !s)
        return s;
    if (m_updateOrder.numRowsAffected() != 1)
        return Error{QStringLiteral("order %1 changed while it was being allocated")
                         .arg(f.order.orderNumber)};
    f.order.locationId = locationId;
    return addEvent(f.order.id, event->kind, event->detail, event->fromStatus, event->toStatus);
}

Status AllocationRun::addEvent(qint64 orderId, models::OrderEvent::Kind kind, const QString &detail,
                               std::optional<OrderStatus> from, std::optional<OrderStatus> to)
{
    const QVariant none = nullText();
    return execPrepared(m_insertEvent,
                        {orderId, nowText(), models::orderEventKindCode(kind),
                         from ? QVariant(models::orderStatusCode(*from)) : none,
                         to ? QVariant(models::orderStatusCode(*to)) : none,
                         detail.isEmpty() ? none : QVariant(detail), m_options.user});
}

Status AllocationRun::move(qint64 orderId, OrderStatus to, const QString &reason)
{
    Result<OrderFacts> read = readOrder(orderId);
    if (!read.ok())
        return Error{read.error()};
    OrderFacts &f = read.value();
    if (!models::OrderStateMachine::isAllowed(f.order.status, to) ||
        (to == OrderStatus::OnHold && reason.trimmed().isEmpty())) {
        models::Order copy = f.order;
        Result<models::OrderEvent> refused =
            models::OrderStateMachine::transition(copy, to, reason, m_options.user, m_now);
        return Error{refused.ok() ? QStringLiteral("order %1 cannot move").arg(f.order.orderNumber)
                                  : refused.error()};
    }
    if (!models::holdsReservation(to))
        if (Status s = releaseReservations(f, nullptr); !s)
            return s;
    return setStatus(f, to, reason, f.order.locationId);
}

} // namespace storage
