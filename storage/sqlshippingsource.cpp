#include "storage/sqlshippingsource.h"

#include "storage/sqlrun.h"
#include "storage/sqlshipments.h"

namespace storage {

using models::Error;
using models::Result;

SqlShippingSource::SqlShippingSource(QSqlDatabase db, QString user)
    : m_db(std::move(db)), m_user(std::move(user))
{}

Result<QList<models::OrderToShip>> SqlShippingSource::ordersToShip()
{
    // Packed orders (and the rest of partly shipped ones), oldest promise first.
    Result<QSqlQuery> q = runQuery(
        m_db, QStringLiteral(
                  "SELECT o.id, o.order_number, ch.name, COALESCE(o.ship_name, ''), "
                  "COALESCE(o.ship_country, ''), COALESCE(o.ship_postcode, ''), "
                  "COALESCE(l.country, ''), COALESCE(l.code, ''), "
                  "COALESCE(o.ship_by, ''), COALESCE(o.deliver_by, ''), "
                  "COALESCE(o.shipping_service, ''), "
                  "(SELECT COALESCE(SUM(ol.quantity - ol.quantity_shipped), 0) FROM order_lines ol "
                  " WHERE ol.order_id = o.id), "
                  // A kit without a weight of its own weighs what its components do.
                  "(SELECT COALESCE(SUM((ol.quantity - ol.quantity_shipped) * "
                  " COALESCE(NULLIF(p.weight_grams, 0), "
                  "  (SELECT SUM(k.quantity * COALESCE(c.weight_grams, 0)) "
                  "   FROM kit_components k JOIN products c ON c.id = k.component_product_id "
                  "   WHERE k.kit_product_id = p.id AND p.is_kit = 1), 0)), 0) "
                  " FROM order_lines ol "
                  " LEFT JOIN products p ON p.id = ol.product_id WHERE ol.order_id = o.id) "
                  "FROM orders o JOIN channels ch ON ch.id = o.channel_id "
                  "LEFT JOIN locations l ON l.id = o.location_id "
                  "WHERE o.status IN ('packed', 'partially_shipped') "
                  "ORDER BY o.ship_by IS NULL, o.ship_by, o.placed_at, o.id"));
    if (!q.ok())
        return Error{q.error()};
    QList<models::OrderToShip> out;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        models::OrderToShip o;
        o.orderId = r.value(0).toLongLong();
        o.orderNumber = r.value(1).toString();
        o.channel = r.value(2).toString();
        o.shipName = r.value(3).toString();
        o.country = r.value(4).toString();
        o.postcode = r.value(5).toString();
        o.fromCountry = r.value(6).toString();
        o.locationCode = r.value(7).toString();
        o.shipBy = QDate::fromString(r.value(8).toString().left(10), Qt::ISODate);
        o.deliverBy = QDate::fromString(r.value(9).toString().left(10), Qt::ISODate);
        o.requestedService = r.value(10).toString();
        o.items = r.value(11).toInt();
        o.weightGrams = r.value(12).toInt();
        out.append(o);
    }
    return out;
}

Result<QList<models::CarrierService>> SqlShippingSource::services()
{
    return loadCarrierServices(m_db);
}

Result<QList<models::Carrier>> SqlShippingSource::carriers()
{
    return loadCarriers(m_db);
}

Result<QList<models::ShippedShipment>> SqlShippingSource::shippedSince(const QDateTime &utc)
{
    Result<QSqlQuery> q = runQuery(
        m_db,
        QStringLiteral("SELECT o.order_number, COALESCE(s.service, s.carrier, ''), "
                       "(SELECT COUNT(*) FROM parcels p WHERE p.shipment_id = s.id), "
                       "COALESCE((SELECT GROUP_CONCAT(p.tracking_number, ', ') FROM parcels p "
                       "  WHERE p.shipment_id = s.id), s.tracking_number, ''), s.shipped_at "
                       "FROM shipments s JOIN orders o ON o.id = s.order_id "
                       "WHERE s.shipped_at >= ? AND s.status IN ('shipped', 'delivered') "
                       "ORDER BY s.shipped_at DESC, s.id DESC"),
        {isoUtc(utc)});
    if (!q.ok())
        return Error{q.error()};
    QList<models::ShippedShipment> out;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        models::ShippedShipment s;
        s.orderNumber = r.value(0).toString();
        s.service = r.value(1).toString();
        s.parcels = r.value(2).toInt();
        s.tracking = r.value(3).toString();
        s.atUtc = QDateTime::fromString(r.value(4).toString(), Qt::ISODate);
        out.append(s);
    }
    return out;
}

Result<QString> SqlShippingSource::ship(const models::ShipmentToMake &shipment)
{
    ShipmentRequest r;
    r.orderId = shipment.orderId;
    r.serviceId = shipment.serviceId;
    r.parcels = shipment.parcels;
    r.costMinor = shipment.cost.minorUnits();
    r.currency = shipment.cost.currency();
    r.user = m_user;
    Result<ShippedOrder> shipped = shipOrder(m_db, r);
    if (!shipped.ok())
        return Error{shipped.error()};
    return QStringLiteral("%1: %2").arg(shipped->orderNumber, shipped->event);
}

} // namespace storage
