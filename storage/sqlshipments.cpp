#include "storage/sqlshipments.h"

#include "models/orderstatemachine.h"
#include "models/orderstatus.h"
#include "models/servicechoice.h"
#include "models/stockmovement.h"
#include "models/trackingnumber.h"
#include "storage/sqlkits.h"
#include "storage/sqlrun.h"
#include "storage/sqlstockledger.h"
#include "storage/transaction.h"

#include <QHash>

namespace storage {

using models::Error;
using models::Result;
using models::Status;

namespace {

Result<QString> nextTrackingIn(const QSqlDatabase &db, qint64 carrierId)
{
    Result<std::optional<models::Carrier>> found = carrierById(db, carrierId);
    if (!found.ok())
        return Error{found.error()};
    if (!found.value())
        return Error{QStringLiteral("carrier %1 does not exist").arg(carrierId)};
    const models::Carrier &c = *found.value();
    Result<QString> number = models::TrackingNumber::generate(c, c.trackingNext);
    if (!number.ok())
        return number;
    if (Status s = runStatement(
            db,
            QStringLiteral("UPDATE carriers SET tracking_next = tracking_next + 1 WHERE id = ?"),
            {carrierId});
        !s)
        return Error{s.error()};
    return number;
}

struct OrderHead
{
    qint64 id = 0;
    QString number;
    QString status;
    std::optional<qint64> locationId;
};

Result<OrderHead> readOrder(const QSqlDatabase &db, qint64 orderId)
{
    Result<QSqlQuery> q = runQuery(
        db, QStringLiteral("SELECT order_number, status, location_id FROM orders WHERE id = ?"),
        {orderId});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("order %1 does not exist").arg(orderId)};
    OrderHead o;
    o.id = orderId;
    o.number = q.value().value(0).toString();
    o.status = q.value().value(1).toString();
    if (!q.value().value(2).isNull())
        o.locationId = q.value().value(2).toLongLong();
    return o;
}

// Why an order in this status cannot ship, in words; empty when it can.
QString whyNotShippable(const OrderHead &o)
{
    if (o.status == QLatin1String("packed") || o.status == QLatin1String("partially_shipped"))
        return {};
    if (o.status == QLatin1String("shipped") || o.status == QLatin1String("delivered"))
        return QStringLiteral("order %1 has already shipped: nothing was moved again")
            .arg(o.number);
    if (o.status == QLatin1String("cancelled"))
        return QStringLiteral("order %1 is cancelled: it cannot ship").arg(o.number);
    return QStringLiteral("order %1 is %2: only packed orders can ship (pack it at the bench "
                          "first)")
        .arg(o.number,
             models::orderStatusFromCode(o.status)
                 ? models::orderStatusLabel(*models::orderStatusFromCode(o.status)).toLower()
                 : o.status);
}

struct LineRow
{
    qint64 id = 0;
    int lineNo = 0;
    QString sku;
    std::optional<qint64> productId;
    int quantity = 0;
    int shipped = 0;
    // A kit: its components, per kit. Its quantities count whole kits, and its stock
    // moves as the components.
    QList<models::KitComponent> parts;
};

Result<QList<LineRow>> readLines(const QSqlDatabase &db, qint64 orderId)
{
    Result<QSqlQuery> q =
        runQuery(db,
                 QStringLiteral("SELECT l.id, l.line_no, l.sku, l.product_id, l.quantity, "
                                "l.quantity_shipped, COALESCE(p.is_kit, 0) FROM order_lines l "
                                "LEFT JOIN products p ON p.id = l.product_id "
                                "WHERE l.order_id = ? ORDER BY l.line_no"),
                 {orderId});
    if (!q.ok())
        return Error{q.error()};
    QList<LineRow> out;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        LineRow l;
        l.id = r.value(0).toLongLong();
        l.lineNo = r.value(1).toInt();
        l.sku = r.value(2).toString();
        if (!r.value(3).isNull())
            l.productId = r.value(3).toLongLong();
        l.quantity = r.value(4).toInt();
        l.shipped = r.value(5).toInt();
        if (l.productId && r.value(6).toInt() != 0) {
            Result<QList<models::KitComponent>> parts = kitComponents(db, *l.productId);
            if (!parts.ok())
                return Error{parts.error()};
            l.parts = parts.value();
        }
        out.append(l);
    }
    return out;
}

Result<qint64> createShipmentIn(const QSqlDatabase &db, const ShipmentRequest &req)
{
    Result<OrderHead> order = readOrder(db, req.orderId);
    if (!order.ok())
        return Error{order.error()};
    if (const QString why = whyNotShippable(order.value()); !why.isEmpty())
        return Error{why};
    const OrderHead &o = order.value();
    if (!o.locationId)
        return Error{QStringLiteral("order %1 has no location to ship from: allocate it first")
                         .arg(o.number)};

    // The service and its carrier.
    QString carrierName = req.carrier.trimmed();
    QString serviceName = req.service.trimmed();
    std::optional<models::Carrier> carrier;
    if (req.serviceId != 0) {
        Result<QSqlQuery> s = runQuery(
            db,
            QStringLiteral("SELECT s.name, s.carrier_id FROM carrier_services s WHERE s.id = ?"),
            {req.serviceId});
        if (!s.ok())
            return Error{s.error()};
        if (!s.value().next())
            return Error{QStringLiteral("order %1: shipping service %2 does not exist")
                             .arg(o.number)
                             .arg(req.serviceId)};
        serviceName = s.value().value(0).toString();
        const qint64 carrierId = s.value().value(1).toLongLong();
        Result<std::optional<models::Carrier>> c = carrierById(db, carrierId);
        if (!c.ok())
            return Error{c.error()};
        carrier = c.value();
        if (carrier)
            carrierName = carrier->name;
    } else if (!carrierName.isEmpty()) {
        Result<std::optional<models::Carrier>> c = carrierByName(db, carrierName);
        if (!c.ok())
            return Error{c.error()};
        carrier = c.value();
    }
    if (carrierName.isEmpty())
        return Error{QStringLiteral("order %1: choose a carrier and service").arg(o.number)};

    // The lines: what was asked, or everything not yet shipped.
    Result<QList<LineRow>> lines = readLines(db, o.id);
    if (!lines.ok())
        return Error{lines.error()};
    QHash<qint64, LineRow> byId;
    for (const LineRow &l : lines.value())
        byId.insert(l.id, l);
    QList<models::ShipmentLine> toShip = req.lines;
    if (toShip.isEmpty())
        for (const LineRow &l : lines.value())
            if (l.quantity > l.shipped)
                toShip.append({l.id, l.quantity - l.shipped});
    if (toShip.isEmpty())
        return Error{QStringLiteral("order %1 has nothing left to ship").arg(o.number)};
    for (const models::ShipmentLine &s : std::as_const(toShip)) {
        if (!byId.contains(s.orderLineId))
            return Error{
                QStringLiteral("order %1 has no line %2").arg(o.number).arg(s.orderLineId)};
        const LineRow &l = byId.value(s.orderLineId);
        if (!l.parts.isEmpty() && s.quantity <= 0 && l.quantity > l.shipped)
            return Error{QStringLiteral("order %1 line %2 (%3): a kit ships whole, never part of "
                                        "one: ship from 1 to %4 kit(s), each %5")
                             .arg(o.number)
                             .arg(l.lineNo)
                             .arg(l.sku)
                             .arg(l.quantity - l.shipped)
                             .arg(models::KitRules::describe(l.parts))};
        if (s.quantity <= 0 || s.quantity > l.quantity - l.shipped)
            return Error{QStringLiteral("order %1 line %2 (%3): %4 to ship but %5 left unshipped")
                             .arg(o.number)
                             .arg(l.lineNo)
                             .arg(l.sku)
                             .arg(s.quantity)
                             .arg(l.quantity - l.shipped)};
    }

    // The parcels, each with a tracking number: scanned, typed or generated.
    if (req.parcels.isEmpty())
        return Error{
            QStringLiteral("order %1: a shipment needs at least one parcel").arg(o.number)};
    QList<models::Parcel> parcels = req.parcels;
    for (qsizetype i = 0; i < parcels.size(); ++i) {
        models::Parcel &p = parcels[i];
        if (p.weightGrams <= 0)
            return Error{
                QStringLiteral("order %1 parcel %2: enter its weight").arg(o.number).arg(i + 1)};
        p.trackingNumber = models::TrackingNumber::normalised(p.trackingNumber);
        if (p.trackingNumber.isEmpty()) {
            if (!carrier || carrier->trackingScheme == models::TrackingScheme::None)
                return Error{QStringLiteral("order %1 parcel %2: scan or type the tracking number "
                                            "from %3's label")
                                 .arg(o.number)
                                 .arg(i + 1)
                                 .arg(carrierName)};
            Result<QString> made = nextTrackingIn(db, carrier->id);
            if (!made.ok())
                return Error{QStringLiteral("order %1 parcel %2: %3")
                                 .arg(o.number)
                                 .arg(i + 1)
                                 .arg(made.error())};
            p.trackingNumber = made.value();
        } else if (carrier) {
            if (Status s = models::TrackingNumber::check(*carrier, p.trackingNumber); !s)
                return Error{QStringLiteral("order %1 parcel %2: %3")
                                 .arg(o.number)
                                 .arg(i + 1)
                                 .arg(s.error())};
        }
    }

    const QDateTime at = req.atUtc.isValid() ? req.atUtc : QDateTime::currentDateTimeUtc();
    Result<QSqlQuery> insert = runQuery(
        db,
        QStringLiteral("INSERT INTO shipments (order_id, location_id, carrier, service, "
                       "tracking_number, status, cost_minor, currency, created_at) "
                       "VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?)"),
        {o.id, *o.locationId, carrierName, serviceName.isEmpty() ? nullText() : serviceName,
         parcels.constFirst().trackingNumber, req.costMinor,
         req.currency.isEmpty() ? nullText() : req.currency, isoUtc(at)});
    if (!insert.ok())
        return Error{insert.error()};
    const qint64 shipmentId = insert.value().lastInsertId().toLongLong();
    for (const models::Parcel &p : std::as_const(parcels)) {
        auto mm = [](int v) { return v > 0 ? QVariant(v) : QVariant(QMetaType(QMetaType::Int)); };
        if (Status s = runStatement(
                db,
                QStringLiteral("INSERT INTO parcels (shipment_id, weight_grams, length_mm, "
                               "width_mm, height_mm, tracking_number) VALUES (?, ?, ?, ?, ?, ?)"),
                {shipmentId, p.weightGrams, mm(p.lengthMm), mm(p.widthMm), mm(p.heightMm),
                 p.trackingNumber});
            !s)
            return Error{s.error()};
    }
    for (const models::ShipmentLine &l : std::as_const(toShip))
        if (Status s = runStatement(db,
                                    QStringLiteral("INSERT INTO shipment_lines (shipment_id, "
                                                   "order_line_id, quantity) VALUES (?, ?, ?)"),
                                    {shipmentId, l.orderLineId, l.quantity});
            !s)
            return Error{s.error()};
    return shipmentId;
}

// Uses up to `quantity` of the line's active reservations at the location (only those
// of `component` when given: a kit line holds one reservation per component); returns
// how many units were reserved and are now consumed.
Result<int> consumeReservations(const QSqlDatabase &db, qint64 lineId,
                                std::optional<qint64> component, qint64 locationId, int quantity,
                                const QString &at)
{
    Result<QSqlQuery> q =
        component ? runQuery(db,
                             QStringLiteral("SELECT id, quantity FROM reservations "
                                            "WHERE order_line_id = ? AND product_id = ? "
                                            "AND location_id = ? AND status = 'active' "
                                            "ORDER BY id"),
                             {lineId, *component, locationId})
                  : runQuery(db,
                             QStringLiteral("SELECT id, quantity FROM reservations "
                                            "WHERE order_line_id = ? AND location_id = ? "
                                            "AND status = 'active' ORDER BY id"),
                             {lineId, locationId});
    if (!q.ok())
        return Error{q.error()};
    QList<QPair<qint64, int>> active;
    while (q.value().next())
        active.append({q.value().value(0).toLongLong(), q.value().value(1).toInt()});
    int left = quantity;
    for (const auto &[id, held] : std::as_const(active)) {
        if (left == 0)
            break;
        const int take = std::min(left, held);
        if (take == held) {
            if (Status s = runStatement(db,
                                        QStringLiteral("UPDATE reservations SET status = "
                                                       "'consumed', closed_at = ? WHERE id = ?"),
                                        {at, id});
                !s)
                return Error{s.error()};
        } else {
            // Part of it leaves: the rest stays active, the part shipped is consumed.
            if (Status s = runStatement(
                    db,
                    QStringLiteral("UPDATE reservations SET quantity = quantity - ? WHERE id = ?"),
                    {take, id});
                !s)
                return Error{s.error()};
            if (Status s = runStatement(
                    db,
                    QStringLiteral("INSERT INTO reservations (order_line_id, product_id, "
                                   "location_id, quantity, status, created_at, closed_at) "
                                   "SELECT order_line_id, product_id, location_id, ?, 'consumed', "
                                   "created_at, ? FROM reservations WHERE id = ?"),
                    {take, at, id});
                !s)
                return Error{s.error()};
        }
        left -= take;
    }
    return quantity - left;
}

QString parcelsText(qsizetype n)
{
    return n == 1 ? QStringLiteral("1 parcel") : QStringLiteral("%1 parcels").arg(n);
}

Result<ShippedOrder> markShippedIn(const QSqlDatabase &db, qint64 shipmentId, const QString &user,
                                   const QDateTime &atUtc)
{
    Result<QSqlQuery> sh =
        runQuery(db,
                 QStringLiteral("SELECT order_id, status, carrier, COALESCE(service, ''), "
                                "COALESCE(shipped_at, '') FROM shipments WHERE id = ?"),
                 {shipmentId});
    if (!sh.ok())
        return Error{sh.error()};
    if (!sh.value().next())
        return Error{QStringLiteral("shipment %1 does not exist").arg(shipmentId)};
    const qint64 orderId = sh.value().value(0).toLongLong();
    const QString shipmentStatus = sh.value().value(1).toString();
    const QString carrier = sh.value().value(2).toString();
    const QString service = sh.value().value(3).toString();
    const QString shippedAt = sh.value().value(4).toString();

    Result<OrderHead> order = readOrder(db, orderId);
    if (!order.ok())
        return Error{order.error()};
    const OrderHead &o = order.value();
    if (shipmentStatus == QLatin1String("shipped") || shipmentStatus == QLatin1String("delivered"))
        return Error{QStringLiteral("order %1: this shipment was already marked shipped at %2; "
                                    "nothing was moved again")
                         .arg(o.number, shippedAt)};
    if (shipmentStatus == QLatin1String("voided"))
        return Error{QStringLiteral("order %1: this shipment was voided").arg(o.number)};
    if (const QString why = whyNotShippable(o); !why.isEmpty())
        return Error{why};
    if (!o.locationId)
        return Error{QStringLiteral("order %1 has no location to ship from").arg(o.number)};

    const QDateTime at = atUtc.isValid() ? atUtc : QDateTime::currentDateTimeUtc();
    const QString atText = isoUtc(at);

    Result<QList<LineRow>> lines = readLines(db, orderId);
    if (!lines.ok())
        return Error{lines.error()};
    QHash<qint64, LineRow> byId;
    for (const LineRow &l : lines.value())
        byId.insert(l.id, l);

    Result<QSqlQuery> shipLines = runQuery(
        db,
        QStringLiteral("SELECT order_line_id, quantity FROM shipment_lines WHERE shipment_id = ?"),
        {shipmentId});
    if (!shipLines.ok())
        return Error{shipLines.error()};
    QList<models::ShipmentLine> toShip;
    while (shipLines.value().next())
        toShip.append(
            {shipLines.value().value(0).toLongLong(), shipLines.value().value(1).toInt()});
    if (toShip.isEmpty())
        return Error{QStringLiteral("order %1: the shipment holds no lines").arg(o.number)};

    for (const models::ShipmentLine &s : std::as_const(toShip)) {
        LineRow &l = byId[s.orderLineId];
        if (l.shipped + s.quantity > l.quantity)
            return Error{QStringLiteral("order %1 line %2 (%3): %4 more would ship than the %5 "
                                        "ordered")
                             .arg(o.number)
                             .arg(l.lineNo)
                             .arg(l.sku)
                             .arg(l.shipped + s.quantity - l.quantity)
                             .arg(l.quantity)};
        if (l.productId) {
            // What leaves the shelf: the product itself, or, for a kit, each of its
            // components times the kits shipped.
            QList<models::KitComponent> units;
            if (l.parts.isEmpty())
                units.append({*l.productId, l.sku, {}, s.quantity, 0});
            else
                units = models::KitRules::unitsFor(l.parts, s.quantity);
            for (const models::KitComponent &u : std::as_const(units)) {
                Result<int> consumed = consumeReservations(
                    db, l.id, l.parts.isEmpty() ? std::nullopt : std::optional(u.productId),
                    *o.locationId, u.quantity, atText);
                if (!consumed.ok())
                    return Error{consumed.error()};
                if (consumed.value() > 0)
                    if (Status st = runStatement(
                            db,
                            QStringLiteral("UPDATE stock_levels SET reserved = reserved - ? "
                                           "WHERE product_id = ? AND location_id = ?"),
                            {consumed.value(), u.productId, *o.locationId});
                        !st)
                        return Error{st.error()};
                models::StockMovement m;
                m.productId = u.productId;
                m.locationId = *o.locationId;
                m.quantity = -u.quantity;
                m.reason = models::StockReason::Shipped;
                m.referenceType = QStringLiteral("order");
                m.referenceId = o.number;
                m.note = l.parts.isEmpty() ? QStringLiteral("Shipment %1").arg(shipmentId)
                                           : QStringLiteral("Shipment %1, %2 × kit %3")
                                                 .arg(shipmentId)
                                                 .arg(s.quantity)
                                                 .arg(l.sku);
                m.user = user;
                m.atUtc = at;
                Result<qint64> moved = recordStockMovementInTransaction(db, m);
                if (!moved.ok())
                    return Error{QStringLiteral("order %1 line %2 (%3): %4")
                                     .arg(o.number)
                                     .arg(l.lineNo)
                                     .arg(l.parts.isEmpty()
                                              ? l.sku
                                              : QStringLiteral("%1, part %2").arg(l.sku, u.sku),
                                          moved.error())};
            }
        }
        if (Status st = runStatement(
                db,
                QStringLiteral(
                    "UPDATE order_lines SET quantity_shipped = quantity_shipped + ? WHERE id = ?"),
                {s.quantity, l.id});
            !st)
            return Error{st.error()};
        l.shipped += s.quantity;
    }

    bool everything = true;
    for (const LineRow &l : std::as_const(byId))
        everything = everything && l.shipped >= l.quantity;
    const models::OrderStatus from = *models::orderStatusFromCode(o.status);
    const models::OrderStatus to =
        everything ? models::OrderStatus::Shipped : models::OrderStatus::PartiallyShipped;
    if (!models::OrderStateMachine::isAllowed(from, to) && from != to)
        return Error{QStringLiteral("order %1 cannot go from %2 to %3")
                         .arg(o.number, o.status, models::orderStatusCode(to))};

    Result<QSqlQuery> tracking = runQuery(
        db, QStringLiteral("SELECT tracking_number FROM parcels WHERE shipment_id = ? ORDER BY id"),
        {shipmentId});
    if (!tracking.ok())
        return Error{tracking.error()};
    ShippedOrder out;
    out.shipmentId = shipmentId;
    out.orderNumber = o.number;
    out.status = models::orderStatusCode(to);
    while (tracking.value().next())
        out.trackingNumbers.append(tracking.value().value(0).toString());
    const QString with = service.isEmpty() ? carrier : service;
    out.event = QStringLiteral("%1 %2 with %3, tracking %4")
                    .arg(everything ? QStringLiteral("Shipped") : QStringLiteral("Shipped part:"),
                         parcelsText(out.trackingNumbers.size()), with,
                         out.trackingNumbers.join(QStringLiteral(", ")));

    // Guarded on the status read above: a writer that got in first leaves no row to change.
    Result<QSqlQuery> update = runQuery(
        db,
        QStringLiteral("UPDATE orders SET status = ?, updated_at = ? WHERE id = ? AND status = ?"),
        {out.status, atText, o.id, o.status});
    if (!update.ok())
        return Error{update.error()};
    if (update.value().numRowsAffected() != 1)
        return Error{
            QStringLiteral("order %1 changed while shipping; nothing was moved").arg(o.number)};
    if (Status st = runStatement(
            db,
            QStringLiteral("UPDATE shipments SET status = 'shipped', shipped_at = ? WHERE id = ?"),
            {atText, shipmentId});
        !st)
        return Error{st.error()};
    if (Status st = runStatement(
            db,
            QStringLiteral("INSERT INTO order_events (order_id, at, kind, from_status, to_status, "
                           "detail, user_name) VALUES (?, ?, 'shipped', ?, ?, ?, ?)"),
            {o.id, atText, o.status, out.status, out.event, user});
        !st)
        return Error{st.error()};
    return out;
}

Status begin(Transaction &txn)
{
    if (!txn.isActive())
        return Error{
            QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};
    return {};
}

} // namespace

Result<QString> nextTrackingNumber(const QSqlDatabase &db, qint64 carrierId)
{
    Transaction txn(db);
    if (Status s = begin(txn); !s)
        return Error{s.error()};
    Result<QString> number = nextTrackingIn(db, carrierId);
    if (!number.ok())
        return number;
    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return number;
}

Result<qint64> createShipment(const QSqlDatabase &db, const ShipmentRequest &request)
{
    Transaction txn(db);
    if (Status s = begin(txn); !s)
        return Error{s.error()};
    Result<qint64> id = createShipmentIn(db, request);
    if (!id.ok())
        return id;
    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return id;
}

Result<ShippedOrder> markShipped(const QSqlDatabase &db, qint64 shipmentId, const QString &user,
                                 const QDateTime &atUtc)
{
    Transaction txn(db);
    if (Status s = begin(txn); !s)
        return Error{s.error()};
    Result<ShippedOrder> shipped = markShippedIn(db, shipmentId, user, atUtc);
    if (!shipped.ok())
        return shipped;
    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return shipped;
}

Result<ShippedOrder> shipOrder(const QSqlDatabase &db, const ShipmentRequest &request)
{
    Transaction txn(db);
    if (Status s = begin(txn); !s)
        return Error{s.error()};
    const QDateTime at = request.atUtc.isValid() ? request.atUtc : QDateTime::currentDateTimeUtc();
    ShipmentRequest req = request;
    req.atUtc = at;
    Result<qint64> id = createShipmentIn(db, req);
    if (!id.ok())
        return Error{id.error()};
    Result<ShippedOrder> shipped = markShippedIn(db, id.value(), req.user, at);
    if (!shipped.ok())
        return shipped;
    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return shipped;
}

} // namespace storage
