#include "storage/sqlorderdocumentsource.h"

#include "storage/sqlkits.h"
#include "storage/sqlrun.h"

namespace storage {

using models::Error;
using models::Money;
using models::Result;

namespace {

QDateTime utc(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODate);
}

models::LocationKind locationKind(const QString &code)
{
    if (code == u"store")
        return models::LocationKind::Store;
    if (code == u"3pl")
        return models::LocationKind::ThirdPartyLogistics;
    return models::LocationKind::Warehouse;
}

// The location, or nothing when `id` is null or gone.
Result<std::optional<models::Location>> loadLocation(const QSqlDatabase &db, const QVariant &id)
{
    if (id.isNull())
        return std::optional<models::Location>();
    Result<QSqlQuery> q = runQuery(
        db,
        QStringLiteral("SELECT id, code, name, kind, COALESCE(address_line1, ''), "
                       "COALESCE(address_line2, ''), COALESCE(city, ''), COALESCE(region, ''), "
                       "COALESCE(postcode, ''), country, is_default_returns, routing_priority "
                       "FROM locations WHERE id = ?"),
        {id});
    if (!q)
        return Error{q.error()};
    QSqlQuery &r = q.value();
    if (!r.next())
        return std::optional<models::Location>();
    models::Location l;
    l.id = r.value(0).toLongLong();
    l.code = r.value(1).toString();
    l.name = r.value(2).toString();
    l.kind = locationKind(r.value(3).toString());
    l.address.line1 = r.value(4).toString();
    l.address.line2 = r.value(5).toString();
    l.address.city = r.value(6).toString();
    l.address.region = r.value(7).toString();
    l.address.postcode = r.value(8).toString();
    l.address.country = r.value(9).toString();
    l.defaultReturns = r.value(10).toBool();
    l.routingPriority = r.value(11).toInt();
    return std::optional<models::Location>(l);
}

} // namespace

SqlOrderDocumentSource::SqlOrderDocumentSource(QSqlDatabase db) : m_db(std::move(db)) {}

Result<QList<models::OrderNumberMatch>>
SqlOrderDocumentSource::findOrders(const QString &number, const QString &channelCode)
{
    const QString typed = number.trimmed();
    // "1001" finds "#1001": shells treat '#' as a comment, so people leave it out.
    const QString hashed = typed.startsWith(QLatin1Char('#')) ? typed : QLatin1Char('#') + typed;
    QString sql = QStringLiteral("SELECT o.id, c.code, o.order_number FROM orders o "
                                 "JOIN channels c ON c.id = o.channel_id "
                                 "WHERE o.order_number IN (?, ?)");
    QVariantList binds{typed, hashed};
    if (!channelCode.isEmpty()) {
        sql += QStringLiteral(" AND c.code = ?");
        binds.append(channelCode);
    }
    sql += QStringLiteral(" ORDER BY o.order_number = ? DESC, c.code, o.id");
    binds.append(typed);
    Result<QSqlQuery> q = runQuery(m_db, sql, binds);
    if (!q)
        return Error{q.error()};
    QList<models::OrderNumberMatch> exact;
    QList<models::OrderNumberMatch> withHash;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        models::OrderNumberMatch m{r.value(0).toLongLong(), r.value(1).toString(),
                                   r.value(2).toString()};
        (m.orderNumber == typed ? exact : withHash).append(m);
    }
    return exact.isEmpty() ? withHash : exact;
}

Result<models::OrderDocumentData> SqlOrderDocumentSource::orderDocument(qint64 orderId)
{
    Result<QSqlQuery> o = runQuery(
        m_db,
        QStringLiteral(
            "SELECT o.order_number, c.code, c.name, o.external_id, o.status, o.placed_at, "
            "       COALESCE(o.buyer_name, ''), COALESCE(o.buyer_email, ''), "
            "       COALESCE(o.ship_name, ''), COALESCE(o.ship_company, ''), "
            "       COALESCE(o.ship_line1, ''), COALESCE(o.ship_line2, ''), "
            "       COALESCE(o.ship_city, ''), COALESCE(o.ship_region, ''), "
            "       COALESCE(o.ship_postcode, ''), COALESCE(o.ship_country, ''), "
            "       COALESCE(o.ship_phone, ''), COALESCE(o.shipping_service, ''), o.currency, "
            "       o.subtotal_minor, o.shipping_minor, o.tax_minor, o.discount_minor, "
            "       o.total_minor, o.location_id, "
            "       (SELECT value FROM settings WHERE key = 'shop.name') "
            "FROM orders o JOIN channels c ON c.id = o.channel_id WHERE o.id = ?"),
        {orderId});
    if (!o)
        return Error{o.error()};
    QSqlQuery &q = o.value();
    if (!q.next())
        return Error{QStringLiteral("order %1 no longer exists").arg(orderId)};

    models::OrderDocumentData d;
    d.orderId = orderId;
    d.orderNumber = q.value(0).toString();
    d.channelCode = q.value(1).toString();
    d.channelName = q.value(2).toString();
    d.externalId = q.value(3).toString();
    d.status =
        models::orderStatusFromCode(q.value(4).toString()).value_or(models::OrderStatus::New);
    d.placedAtUtc = utc(q.value(5));
    d.buyerName = q.value(6).toString();
    d.buyerEmail = q.value(7).toString();
    d.shipTo = {q.value(8).toString(),  q.value(9).toString(),  q.value(10).toString(),
                q.value(11).toString(), q.value(12).toString(), q.value(13).toString(),
                q.value(14).toString(), q.value(15).toString(), q.value(16).toString()};
    d.shippingService = q.value(17).toString();
    const QString currency = q.value(18).toString();
    d.subtotal = Money(q.value(19).toLongLong(), currency);
    d.shipping = Money(q.value(20).toLongLong(), currency);
    d.tax = Money(q.value(21).toLongLong(), currency);
    d.discount = Money(q.value(22).toLongLong(), currency);
    d.total = Money(q.value(23).toLongLong(), currency);
    QVariant locationId = q.value(24);
    d.shopName = q.value(25).toString();

    Result<QSqlQuery> s = runQuery(
        m_db,
        QStringLiteral("SELECT id, COALESCE(carrier, ''), COALESCE(service, ''), "
                       "COALESCE(tracking_number, ''), created_at, shipped_at, location_id "
                       "FROM shipments WHERE order_id = ? AND status <> 'voided' "
                       "ORDER BY created_at DESC, id DESC LIMIT 1"),
        {orderId});
    if (!s)
        return Error{s.error()};
    if (s.value().next()) {
        const QSqlQuery &r = s.value();
        models::DocumentShipment sh;
        const qint64 shipmentId = r.value(0).toLongLong();
        sh.carrier = r.value(1).toString();
        sh.service = r.value(2).toString();
        sh.trackingNumber = r.value(3).toString();
        sh.createdAtUtc = utc(r.value(4));
        sh.shippedAtUtc = utc(r.value(5));
        if (locationId.isNull())
            locationId = r.value(6);
        Result<QSqlQuery> p =
            runQuery(m_db,
                     QStringLiteral("SELECT weight_grams, COALESCE(tracking_number, '') "
                                    "FROM parcels WHERE shipment_id = ? ORDER BY id"),
                     {shipmentId});
        if (!p)
            return Error{p.error()};
        while (p.value().next())
            sh.parcels.append({p.value().value(0).toInt(), p.value().value(1).toString()});
        d.shipment = sh;
    }

    Result<std::optional<models::Location>> location = loadLocation(m_db, locationId);
    if (!location)
        return Error{location.error()};
    d.shipFrom = location.value();
    if (!d.shipFrom) {
        // Not routed yet: the location orders go to first.
        Result<QSqlQuery> first =
            runQuery(m_db, QStringLiteral("SELECT id FROM locations WHERE active = 1 "
                                          "ORDER BY routing_priority, id LIMIT 1"));
        if (!first)
            return Error{first.error()};
        if (first.value().next()) {
            location = loadLocation(m_db, first.value().value(0));
            if (!location)
                return Error{location.error()};
            d.shipFrom = location.value();
        }
    }
    const QVariant binLocation = d.shipFrom ? QVariant(d.shipFrom->id) : QVariant(qint64(0));

    Result<QSqlQuery> lines = runQuery(
        m_db,
        QStringLiteral(
            "SELECT ol.sku, ol.title, ol.quantity, ol.unit_price_minor, ol.total_minor, "
            "       ol.product_id, COALESCE(p.weight_grams, 0), COALESCE(p.hs_code, ''), "
            "       COALESCE(p.origin_country, ''), "
            "       (SELECT b.code FROM product_bins pb JOIN bins b ON b.id = pb.bin_id "
            "        WHERE pb.product_id = ol.product_id AND b.location_id = ? "
            "        ORDER BY pb.is_primary DESC, b.pick_sequence LIMIT 1), "
            "       (SELECT b.pick_sequence FROM product_bins pb JOIN bins b ON b.id = pb.bin_id "
            "        WHERE pb.product_id = ol.product_id AND b.location_id = ? "
            "        ORDER BY pb.is_primary DESC, b.pick_sequence LIMIT 1), "
            "       (SELECT barcode FROM product_barcodes pc WHERE pc.product_id = ol.product_id "
            "        ORDER BY pc.is_primary DESC, pc.id LIMIT 1), "
            "       COALESCE(p.is_kit, 0) "
            "FROM order_lines ol LEFT JOIN products p ON p.id = ol.product_id "
            "WHERE ol.order_id = ? ORDER BY ol.line_no"),
        {binLocation, binLocation, orderId});
    if (!lines)
        return Error{lines.error()};
    while (lines.value().next()) {
        const QSqlQuery &l = lines.value();
        models::DocumentLine line;
        line.sku = l.value(0).toString();
        line.title = l.value(1).toString();
        line.quantity = l.value(2).toInt();
        line.unitPrice = Money(l.value(3).toLongLong(), currency);
        line.lineTotal = Money(l.value(4).toLongLong(), currency);
        if (!l.value(5).isNull())
            line.productId = l.value(5).toLongLong();
        line.unitWeightGrams = l.value(6).toInt();
        line.hsCode = l.value(7).toString();
        line.originCountry = l.value(8).toString();
        line.binCode = l.value(9).toString();
        line.binSequence = l.value(10).toInt();
        line.barcode = l.value(11).toString();
        if (line.productId && l.value(12).toInt() != 0) {
            // A kit: its parts go under it, and it weighs what they do unless it has a
            // weight of its own.
            Result<QList<models::KitComponent>> parts = kitComponents(m_db, *line.productId);
            if (!parts)
                return Error{parts.error()};
            line.parts = parts.value();
            if (line.unitWeightGrams <= 0)
                line.unitWeightGrams = models::KitRules::weightGrams(line.parts);
            for (const models::KitComponent &part : std::as_const(line.parts)) {
                Result<QSqlQuery> shelf = runQuery(
                    m_db,
                    QStringLiteral(
                        "SELECT (SELECT b.code FROM product_bins pb JOIN bins b ON b.id = "
                        "pb.bin_id WHERE pb.product_id = ? AND b.location_id = ? "
                        "ORDER BY pb.is_primary DESC, b.pick_sequence LIMIT 1), "
                        "(SELECT b.pick_sequence FROM product_bins pb JOIN bins b ON b.id = "
                        "pb.bin_id WHERE pb.product_id = ? AND b.location_id = ? "
                        "ORDER BY pb.is_primary DESC, b.pick_sequence LIMIT 1), "
                        "(SELECT barcode FROM product_barcodes pc WHERE pc.product_id = ? "
                        "ORDER BY pc.is_primary DESC, pc.id LIMIT 1)"),
                    {part.productId, binLocation, part.productId, binLocation, part.productId});
                if (!shelf)
                    return Error{shelf.error()};
                models::DocumentLine::PartShelf s;
                if (shelf.value().next()) {
                    s.binCode = shelf.value().value(0).toString();
                    s.binSequence = shelf.value().value(1).toInt();
                    s.barcode = shelf.value().value(2).toString();
                }
                line.partShelves.append(s);
            }
        }
        d.lines.append(line);
    }
    return d;
}

} // namespace storage
