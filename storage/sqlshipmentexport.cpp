#include "storage/sqlshipmentexport.h"

#include "storage/sqlrun.h"

#include <QHash>

namespace storage {

using models::Error;
using models::Result;
using models::Status;

Status forEachShippedLine(const QSqlDatabase &db, const QString &channelCode, const QDate &since,
                          const ShippedLineFn &fn)
{
    // Every shipment when no day is given: the earliest ISO time sorts after ''.
    const QString sinceText = since.isValid()
                                  ? since.toString(Qt::ISODate) + QStringLiteral("T00:00:00Z")
                                  : QStringLiteral("0000");
    Result<QSqlQuery> q = runQuery(
        db,
        QStringLiteral(
            "SELECT s.id, o.external_id, o.order_number, COALESCE(ol.external_line_id, ''), "
            "ol.sku, ol.title, sl.quantity, s.shipped_at, COALESCE(s.carrier, ''), "
            "COALESCE(s.service, ''), COALESCE(s.tracking_number, ''), "
            "COALESCE(c.amazon_code, ''), COALESCE(c.ebay_name, ''), "
            "COALESCE(c.tracking_url, '') "
            "FROM shipments s JOIN orders o ON o.id = s.order_id "
            "JOIN channels ch ON ch.id = o.channel_id "
            "JOIN shipment_lines sl ON sl.shipment_id = s.id "
            "JOIN order_lines ol ON ol.id = sl.order_line_id "
            "LEFT JOIN carriers c ON c.name = s.carrier "
            "WHERE ch.code = ? AND s.status IN ('shipped', 'delivered') "
            "AND s.shipped_at >= ? "
            "ORDER BY s.shipped_at, s.id, ol.line_no"),
        {channelCode, sinceText});
    if (!q.ok())
        return Error{q.error()};

    // Parcels of the shipment being written, read once per shipment.
    qint64 parcelsOf = -1;
    QStringList parcels;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        ShippedLine l;
        l.shipmentId = r.value(0).toLongLong();
        l.orderExternalId = r.value(1).toString();
        l.orderNumber = r.value(2).toString();
        l.externalLineId = r.value(3).toString();
        l.sku = r.value(4).toString();
        l.title = r.value(5).toString();
        l.quantity = r.value(6).toInt();
        l.shippedAt = r.value(7).toString();
        l.carrier = r.value(8).toString();
        l.service = r.value(9).toString();
        l.trackingNumber = r.value(10).toString();
        l.amazonCarrierCode = r.value(11).toString();
        l.ebayCarrierName = r.value(12).toString();
        if (l.shipmentId != parcelsOf) {
            parcelsOf = l.shipmentId;
            parcels.clear();
            Result<QSqlQuery> p =
                runQuery(db,
                         QStringLiteral("SELECT COALESCE(tracking_number, '') FROM parcels "
                                        "WHERE shipment_id = ? ORDER BY id"),
                         {l.shipmentId});
            if (!p.ok())
                return Error{p.error()};
            while (p.value().next()) {
                const QString t = p.value().value(0).toString();
                if (!t.isEmpty() && !parcels.contains(t))
                    parcels.append(t);
            }
        }
        l.parcelTracking = parcels;
        if (l.parcelTracking.isEmpty() && !l.trackingNumber.isEmpty())
            l.parcelTracking.append(l.trackingNumber);
        if (l.trackingNumber.isEmpty() && !l.parcelTracking.isEmpty())
            l.trackingNumber = l.parcelTracking.constFirst();
        const QString url = r.value(13).toString();
        if (!url.isEmpty() && !l.trackingNumber.isEmpty())
            l.trackingUrl = QString(url).replace(QStringLiteral("{tracking}"), l.trackingNumber);
        if (!fn(l))
            break;
    }
    return {};
}

} // namespace storage
