#include "storage/sqlorderexport.h"

#include "storage/sqlrun.h"

#include <QSqlError>
#include <QSqlQuery>

namespace storage {

using models::Error;
using models::Status;

Status exportOrders(const QSqlDatabase &db, const QString &channelCode,
                    const ExportedOrderFn &onOrder)
{
    // Orders in rowid order joined to their lines through UNIQUE(order_id, line_no):
    // the rows come out grouped by order without a sort, so the export streams.
    QString sql = QStringLiteral(
        "SELECT o.id, c.code, o.order_number, o.external_id, o.status, o.hold_reason, "
        "o.placed_at, o.currency, o.subtotal_minor, o.shipping_minor, o.tax_minor, "
        "o.discount_minor, o.total_minor, o.refunded_minor, o.payment_status, o.buyer_name, "
        "o.buyer_email, o.ship_name, o.ship_company, o.ship_line1, o.ship_line2, o.ship_city, "
        "o.ship_region, o.ship_postcode, o.ship_country, "
        "l.line_no, l.external_line_id, l.sku, l.title, l.quantity, l.unit_price_minor, "
        "l.total_minor "
        "FROM orders o JOIN channels c ON c.id = o.channel_id "
        "LEFT JOIN order_lines l ON l.order_id = o.id ");
    QVariantList binds;
    if (!channelCode.isEmpty()) {
        sql += QStringLiteral("WHERE c.code = ? ");
        binds.append(channelCode);
    }
    sql += QStringLiteral("ORDER BY o.id, l.line_no");

    models::Result<QSqlQuery> query = runQuery(db, sql, binds);
    if (!query)
        return Error{query.error()};
    QSqlQuery &q = query.value();

    ExportedOrder order;
    bool pending = false;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (!pending || id != order.id) {
            if (pending && !onOrder(order))
                return {};
            order = ExportedOrder();
            order.id = id;
            order.channel = q.value(1).toString();
            order.number = q.value(2).toString();
            order.externalId = q.value(3).toString();
            order.status = q.value(4).toString();
            order.holdReason = q.value(5).toString();
            order.placedAt = q.value(6).toString();
            order.currency = q.value(7).toString();
            order.subtotalMinor = q.value(8).toLongLong();
            order.shippingMinor = q.value(9).toLongLong();
            order.taxMinor = q.value(10).toLongLong();
            order.discountMinor = q.value(11).toLongLong();
            order.totalMinor = q.value(12).toLongLong();
            order.refundedMinor = q.value(13).toLongLong();
            order.paymentStatus = q.value(14).toString();
            order.buyerName = q.value(15).toString();
            order.buyerEmail = q.value(16).toString();
            order.shipName = q.value(17).toString();
            order.shipCompany = q.value(18).toString();
            order.shipLine1 = q.value(19).toString();
            order.shipLine2 = q.value(20).toString();
            order.shipCity = q.value(21).toString();
            order.shipRegion = q.value(22).toString();
            order.shipPostcode = q.value(23).toString();
            order.shipCountry = q.value(24).toString();
            pending = true;
        }
        if (q.isNull(25))
            continue; // an order without lines
        ExportedOrderLine line;
        line.lineNo = q.value(25).toInt();
        line.externalLineId = q.value(26).toString();
        line.sku = q.value(27).toString();
        line.title = q.value(28).toString();
        line.quantity = q.value(29).toLongLong();
        line.unitPriceMinor = q.value(30).toLongLong();
        line.totalMinor = q.value(31).toLongLong();
        order.lines.append(line);
    }
    if (q.lastError().isValid())
        return sqlError(q, sql);
    if (pending)
        onOrder(order);
    return {};
}

} // namespace storage
