#include "storage/sqlcombinedshipments.h"

#include "storage/sqlrun.h"

namespace storage {

using models::Error;
using models::Result;
using models::ShipToFacts;

namespace {

// The index's status list and key expression, repeated exactly.
const QString kOpen = QStringLiteral("o.status IN ('new', 'ready', 'on_hold', 'backordered')");
const QString kColumns = QStringLiteral(
    "o.id, o.order_number, c.name, COALESCE(o.customer_id, 0), COALESCE(o.buyer_email, ''), "
    "COALESCE(o.ship_name, ''), COALESCE(o.ship_line1, ''), COALESCE(o.ship_postcode, ''), "
    "COALESCE(o.ship_country, '')");
// More orders than this at one postcode, open at once, is a business address; the
// offer is about a customer's own parcels.
constexpr int kMaxCandidates = 200;

ShipToFacts factsOf(const QSqlQuery &q)
{
    ShipToFacts f;
    f.orderId = q.value(0).toLongLong();
    f.orderNumber = q.value(1).toString();
    f.channelName = q.value(2).toString();
    f.customerId = q.value(3).toLongLong();
    f.email = q.value(4).toString();
    f.shipTo.name = q.value(5).toString();
    f.shipTo.line1 = q.value(6).toString();
    f.shipTo.postcode = q.value(7).toString();
    f.shipTo.country = q.value(8).toString();
    return f;
}

} // namespace

namespace {

// The order's own facts and the open orders at its postcode, before the rule.
// False when the order is not open or has no postcode: nothing to offer.
Result<bool> load(const QSqlDatabase &db, qint64 orderId, ShipToFacts *order,
                  QList<ShipToFacts> *nearby)
{
    Result<QSqlQuery> self =
        runQuery(db,
                 QStringLiteral("SELECT %1 FROM orders o JOIN channels c ON c.id = o.channel_id "
                                "WHERE o.id = ? AND %2")
                     .arg(kColumns, kOpen),
                 {orderId});
    if (!self.ok())
        return Error{self.error()};
    if (!self.value().next())
        return false;
    *order = factsOf(self.value());
    self.value().finish();
    if (models::postcodeKey(order->shipTo.postcode).isEmpty())
        return false;

    Result<QSqlQuery> near =
        runQuery(db,
                 QStringLiteral(
                     "SELECT %1 FROM orders o JOIN channels c ON c.id = o.channel_id "
                     "WHERE upper(replace(o.ship_postcode, ' ', '')) = upper(replace(?, ' ', '')) "
                     "AND %2 AND o.id <> ? ORDER BY o.placed_at, o.id LIMIT %3")
                     .arg(kColumns, kOpen)
                     .arg(kMaxCandidates),
                 {order->shipTo.postcode, orderId});
    if (!near.ok())
        return Error{near.error()};
    while (near.value().next())
        nearby->append(factsOf(near.value()));
    return true;
}

} // namespace

Result<QList<ShipToFacts>> combinableOrders(const QSqlDatabase &db, qint64 orderId)
{
    ShipToFacts order;
    QList<ShipToFacts> nearby;
    Result<bool> loaded = load(db, orderId, &order, &nearby);
    if (!loaded.ok())
        return Error{loaded.error()};
    QList<ShipToFacts> out;
    for (const ShipToFacts &c : std::as_const(nearby))
        if (models::shipsTogether(order, c))
            out.append(c);
    return out;
}

Result<QStringList> shipsWithLines(const QSqlDatabase &db, qint64 orderId)
{
    ShipToFacts order;
    QList<ShipToFacts> nearby;
    Result<bool> loaded = load(db, orderId, &order, &nearby);
    if (!loaded.ok())
        return Error{loaded.error()};
    return models::shipsWithLines(order, nearby);
}

} // namespace storage
