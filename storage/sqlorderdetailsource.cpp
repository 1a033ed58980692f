#include "storage/sqlorderdetailsource.h"

#include "storage/sqlcombinedshipments.h"
#include "storage/sqlrun.h"

#include <QHash>

namespace storage {

using models::Error;
using models::Money;
using models::Result;

namespace {

QDateTime utc(const QVariant &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODate);
}

} // namespace

SqlOrderDetailSource::SqlOrderDetailSource(QSqlDatabase db) : m_db(std::move(db)) {}

Result<models::OrderDetail> SqlOrderDetailSource::orderDetail(qint64 orderId)
{
    Result<QSqlQuery> o = runQuery(
        m_db,
        QStringLiteral(
            "SELECT o.order_number, COALESCE(c.name, ''), o.status, COALESCE(o.hold_reason, ''), "
            "       o.placed_at, o.ship_by, COALESCE(o.buyer_name, ''), COALESCE(o.buyer_email, "
            "''), "
            "       COALESCE(o.ship_name, ''), COALESCE(o.ship_company, ''), "
            "       COALESCE(o.ship_line1, ''), COALESCE(o.ship_line2, ''), "
            "       COALESCE(o.ship_city, ''), COALESCE(o.ship_region, ''), "
            "       COALESCE(o.ship_postcode, ''), COALESCE(o.ship_country, ''), "
            "       COALESCE(o.ship_phone, ''), COALESCE(o.shipping_service, ''), "
            "       COALESCE(l.code, ''), COALESCE(o.payment_status, ''), o.currency, "
            "       o.subtotal_minor, o.shipping_minor, o.tax_minor, o.discount_minor, "
            "       o.total_minor, o.refunded_minor, COALESCE(o.notes, '') "
            "FROM orders o LEFT JOIN channels c ON c.id = o.channel_id "
            "LEFT JOIN locations l ON l.id = o.location_id WHERE o.id = ?"),
        {orderId});
    if (!o.ok())
        return Error{o.error()};
    QSqlQuery &q = o.value();
    if (!q.next())
        return Error{QStringLiteral("Order %1 no longer exists.").arg(orderId)};

    models::OrderDetail d;
    d.id = orderId;
    d.orderNumber = q.value(0).toString();
    d.channelName = q.value(1).toString();
    d.status =
        models::orderStatusFromCode(q.value(2).toString()).value_or(models::OrderStatus::New);
    d.holdReason = q.value(3).toString();
    d.placedAtUtc = utc(q.value(4));
    d.shipByUtc = utc(q.value(5));
    d.buyerName = q.value(6).toString();
    d.buyerEmail = q.value(7).toString();
    d.shipTo = {q.value(8).toString(),  q.value(9).toString(),  q.value(10).toString(),
                q.value(11).toString(), q.value(12).toString(), q.value(13).toString(),
                q.value(14).toString(), q.value(15).toString(), q.value(16).toString()};
    d.shippingService = q.value(17).toString();
    d.locationCode = q.value(18).toString();
    d.paymentStatus = q.value(19).toString();
    const QString currency = q.value(20).toString();
    d.subtotal = Money(q.value(21).toLongLong(), currency);
    d.shipping = Money(q.value(22).toLongLong(), currency);
    d.tax = Money(q.value(23).toLongLong(), currency);
    d.discount = Money(q.value(24).toLongLong(), currency);
    d.total = Money(q.value(25).toLongLong(), currency);
    d.refunded = Money(q.value(26).toLongLong(), currency);
    d.notes = q.value(27).toString();

    Result<QSqlQuery> lines = runQuery(
        m_db,
        QStringLiteral("SELECT sku, title, quantity, unit_price_minor, total_minor, product_id "
                       "FROM order_lines WHERE order_id = ? ORDER BY line_no"),
        {orderId});
    if (!lines.ok())
        return Error{lines.error()};
    QList<qint64> productOfLine;
    while (lines.value().next()) {
        const QSqlQuery &l = lines.value();
        d.lines.append({l.value(0).toString(),
                        l.value(1).toString(),
                        l.value(2).toInt(),
                        Money(l.value(3).toLongLong(), currency),
                        Money(l.value(4).toLongLong(), currency),
                        {}});
        productOfLine.append(l.value(5).isNull() ? 0 : l.value(5).toLongLong());
    }

    // Stock per location for every product on the order, in one query: an order has
    // a handful of lines, so the ids are bound one by one.
    QStringList marks;
    QVariantList products;
    for (qint64 p : std::as_const(productOfLine))
        if (p != 0 && !products.contains(p)) {
            marks << QStringLiteral("?");
            products << p;
        }
    if (!products.isEmpty()) {
        Result<QSqlQuery> stock =
            runQuery(m_db,
                     QStringLiteral("SELECT s.product_id, l.code, s.on_hand, s.reserved "
                                    "FROM stock_levels s JOIN locations l ON l.id = s.location_id "
                                    "WHERE s.product_id IN (%1) ORDER BY l.code")
                         .arg(marks.join(QStringLiteral(", "))),
                     products);
        if (!stock.ok())
            return Error{stock.error()};
        QHash<qint64, QList<models::OrderDetailStock>> byProduct;
        while (stock.value().next()) {
            const QSqlQuery &s = stock.value();
            byProduct[s.value(0).toLongLong()].append(
                {s.value(1).toString(), s.value(2).toInt(), s.value(3).toInt()});
        }
        for (qsizetype i = 0; i < d.lines.size(); ++i)
            d.lines[i].stock = byProduct.value(productOfLine.at(i));
    }

    Result<QSqlQuery> events = runQuery(
        m_db,
        QStringLiteral("SELECT at, kind, COALESCE(detail, ''), user_name FROM order_events "
                       "WHERE order_id = ? ORDER BY at, id"),
        {orderId});
    if (!events.ok())
        return Error{events.error()};
    while (events.value().next()) {
        const QSqlQuery &e = events.value();
        d.events.append(
            {utc(e.value(0)), e.value(1).toString(), e.value(2).toString(), e.value(3).toString()});
    }
    Result<QStringList> together = shipsWithLines(m_db, orderId);
    if (!together.ok())
        return Error{together.error()};
    d.shipsWith = together.value();
    return d;
}

} // namespace storage
