#include "storage/sqlskumapping.h"

#include "models/importrules.h"
#include "models/order.h"
#include "models/orderstatemachine.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QSet>
#include <QSqlQuery>
#include <QStringList>

namespace storage {

using models::Error;
using models::OrderStatus;
using models::Result;
using models::Status;

namespace {

struct AffectedOrder
{
    qint64 id = 0;
    QString number;
    QString statusCode;
    QString holdReason;
};

// Statements prepared once per mapping and run for each affected line and order.
class Writer
{
public:
    Writer(const QSqlDatabase &db, QString user, QString now)
        : m_user(std::move(user)), m_now(std::move(now)), m_updateLine(db), m_itemCount(db),
          m_unknownOf(db), m_setStatus(db), m_setReason(db), m_event(db)
    {}

    Status prepare()
    {
        const std::pair<QSqlQuery *, const char *> all[] = {
            {&m_updateLine, "UPDATE order_lines SET product_id = ?, quantity = ?, "
                            "unit_price_minor = ?, quantity_shipped = ? WHERE id = ?"},
            {&m_itemCount, "UPDATE orders SET item_count = (SELECT COALESCE(SUM(quantity), 0) "
                           "FROM order_lines WHERE order_id = ?), updated_at = ? WHERE id = ?"},
            {&m_unknownOf, "SELECT sku, title FROM order_lines WHERE order_id = ? "
                           "AND product_id IS NULL ORDER BY line_no"},
            {&m_setStatus, "UPDATE orders SET status = ?, hold_reason = ?, updated_at = ? "
                           "WHERE id = ? AND status = ?"},
            {&m_setReason, "UPDATE orders SET hold_reason = ?, updated_at = ? WHERE id = ?"},
            {&m_event, "INSERT INTO order_events (order_id, at, kind, from_status, to_status, "
                       "detail, user_name) VALUES (?, ?, ?, ?, ?, ?, ?)"},
        };
        for (const auto &[query, sql] : all) {
            query->setForwardOnly(true);
            if (!query->prepare(QString::fromLatin1(sql)))
                return sqlError(*query, QString::fromLatin1(sql));
        }
        return {};
    }

    Status updateLine(qint64 lineId, qint64 productId, qint64 quantity, qint64 unitPriceMinor,
                      qint64 quantityShipped)
    {
        return execPrepared(m_updateLine,
                            {productId, quantity, unitPriceMinor, quantityShipped, lineId});
    }

    Status recountItems(qint64 orderId)
    {
        return execPrepared(m_itemCount, {orderId, m_now, orderId});
    }

    // The SKUs of the order's lines that still have no product, each once, in line order.
    Result<QStringList> unknownSkusOf(qint64 orderId)
    {
        if (Status s = execPrepared(m_unknownOf, {orderId}); !s)
            return Error{s.error()};
        QStringList out;
        while (m_unknownOf.next()) {
            const QString label = models::importSkuLabel(m_unknownOf.value(0).toString(),
                                                         m_unknownOf.value(1).toString());
            if (!out.contains(label))
                out.append(label);
        }
        m_unknownOf.finish();
        return out;
    }

    Status release(const AffectedOrder &o, const QString &detail)
    {
        models::Order order;
        order.id = o.id;
        order.orderNumber = o.number;
        order.status = OrderStatus::OnHold;
        order.holdReason = o.holdReason;
        Result<models::OrderEvent> event = models::OrderStateMachine::transition(
            order, OrderStatus::New, detail, m_user, QDateTime::fromString(m_now, Qt::ISODate));
        if (!event.ok())
            return Error{event.error()};
        if (Status s = execPrepared(
                m_setStatus, {models::orderStatusCode(order.status),
                              order.holdReason.isEmpty() ? nullText() : QVariant(order.holdReason),
                              m_now, o.id, o.statusCode});
            !s)
            return s;
        if (m_setStatus.numRowsAffected() != 1)
            return Error{
                QStringLiteral("order %1 changed while its SKU was being mapped").arg(o.number)};
        return addEvent(o.id, models::orderEventKindCode(event->kind),
                        models::orderStatusCode(*event->fromStatus),
                        models::orderStatusCode(*event->toStatus), event->detail);
    }

    Status setHoldReason(qint64 orderId, const QString &reason)
    {
        return execPrepared(m_setReason, {reason, m_now, orderId});
    }

    Status note(qint64 orderId, const QString &detail)
    {
        return addEvent(orderId, models::orderEventKindCode(models::OrderEvent::Kind::Note), {}, {},
                        detail);
    }

private:
    Status addEvent(qint64 orderId, const QString &kind, const QString &from, const QString &to,
                    const QString &detail)
    {
        return execPrepared(m_event,
                            {orderId, m_now, kind, from.isEmpty() ? nullText() : QVariant(from),
                             to.isEmpty() ? nullText() : QVariant(to), detail, m_user});
    }

    QString m_user;
    QString m_now;
    QSqlQuery m_updateLine, m_itemCount, m_unknownOf, m_setStatus, m_setReason, m_event;
};

} // namespace

Result<QList<UnknownSku>> listUnknownSkus(const QSqlDatabase &db)
{
    // Grouped first, then the earliest line's title joined back, so the title needs
    // no aggregate that only some databases have.
    Result<QSqlQuery> q = runQuery(
        db,
        QStringLiteral(
            "WITH waiting AS ("
            "  SELECT o.channel_id, l.sku, COUNT(DISTINCT o.id) AS orders, "
            "         COUNT(*) AS lines, MIN(l.id) AS first_line "
            "  FROM order_lines l JOIN orders o ON o.id = l.order_id "
            "  WHERE l.product_id IS NULL AND o.status = ? AND l.sku <> '' "
            "  GROUP BY o.channel_id, l.sku) "
            "SELECT c.code, w.sku, w.orders, w.lines, f.title FROM waiting w "
            "JOIN channels c ON c.id = w.channel_id JOIN order_lines f ON f.id = w.first_line "
            "ORDER BY w.orders DESC, c.code, w.sku"),
        {models::orderStatusCode(OrderStatus::OnHold)});
    if (!q.ok())
        return Error{q.error()};
    QList<UnknownSku> out;
    QSqlQuery &rows = q.value();
    while (rows.next())
        out.append({rows.value(0).toString(), rows.value(1).toString(), rows.value(2).toLongLong(),
                    rows.value(3).toLongLong(), rows.value(4).toString()});
    return out;
}

Result<SkuMappingResult> mapChannelSku(const QSqlDatabase &db, const QString &channelCode,
                                       const QString &channelSku, const QString &productSku,
                                       int unitsPerListing, const QString &userName,
                                       const QDateTime &nowUtc)
{
    if (channelSku.isEmpty())
        return Error{QStringLiteral("a channel SKU to map is needed")};
    if (productSku.isEmpty())
        return Error{QStringLiteral("the product SKU to map %1 to is needed").arg(channelSku)};
    if (unitsPerListing < 1)
        return Error{
            QStringLiteral("units per listing must be 1 or more, not %1").arg(unitsPerListing)};
    const QString user = userName.isEmpty() ? QStringLiteral("unknown") : userName;
    const QString now = isoUtc(nowUtc.isValid() ? nowUtc : QDateTime::currentDateTimeUtc());

    Transaction txn(db);
    if (!txn.isActive())
        return Error{QStringLiteral("the database is busy or read-only: %1").arg(txn.error())};

    Result<QSqlQuery> channel =
        runQuery(db, QStringLiteral("SELECT id FROM channels WHERE code = ?"), {channelCode});
    if (!channel.ok())
        return Error{channel.error()};
    if (!channel.value().next())
        return Error{QStringLiteral("no channel \"%1\" in this database: import an order from "
                                    "it first")
                         .arg(channelCode)};
    const qint64 channelId = channel.value().value(0).toLongLong();
    channel.value().finish();

    Result<QSqlQuery> product =
        runQuery(db, QStringLiteral("SELECT id, name FROM products WHERE sku = ?"), {productSku});
    if (!product.ok())
        return Error{product.error()};
    if (!product.value().next())
        return Error{QStringLiteral("no product with SKU \"%1\": add it to the catalogue first, "
                                    "then map %2 to it")
                         .arg(productSku, channelSku)};
    const qint64 productId = product.value().value(0).toLongLong();
    SkuMappingResult result;
    result.productName = product.value().value(1).toString();
    product.value().finish();

    Result<QSqlQuery> before =
        runQuery(db,
                 QStringLiteral("SELECT p.sku FROM channel_skus m JOIN products p "
                                "ON p.id = m.product_id WHERE m.channel_id = ? "
                                "AND m.channel_sku = ? AND m.product_id <> ?"),
                 {channelId, channelSku, productId});
    if (!before.ok())
        return Error{before.error()};
    if (before.value().next())
        result.replacedProductSku = before.value().value(0).toString();
    before.value().finish();

    if (Status s = runStatement(
            db,
            QStringLiteral("INSERT INTO channel_skus (channel_id, channel_sku, product_id, "
                           "units_per_listing) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (channel_id, channel_sku) DO UPDATE SET "
                           "product_id = excluded.product_id, "
                           "units_per_listing = excluded.units_per_listing"),
            {channelId, channelSku, productId, unitsPerListing});
        !s)
        return Error{s.error()};

    Writer w(db, user, now);
    if (Status s = w.prepare(); !s)
        return Error{s.error()};

    // The lines, re-mapped the way the import sink maps a line whose SKU it knows:
    // quantities in units of the product (a 6-pack listing sold twice is 12 units),
    // the unit price per unit.
    Result<QSqlQuery> lines =
        runQuery(db,
                 QStringLiteral("SELECT l.id, l.order_id, l.quantity, l.unit_price_minor, "
                                "l.quantity_shipped, o.order_number, o.status, o.hold_reason "
                                "FROM order_lines l JOIN orders o ON o.id = l.order_id "
                                "WHERE o.channel_id = ? AND l.sku = ? AND l.product_id IS NULL "
                                "ORDER BY o.id, l.line_no"),
                 {channelId, channelSku});
    if (!lines.ok())
        return Error{lines.error()};
    struct Line
    {
        qint64 id, orderId, quantity, unitPriceMinor, quantityShipped;
    };
    QList<Line> found;
    QList<AffectedOrder> orders;
    {
        // Read whole before any is written: the scan follows the index being changed.
        QSqlQuery &l = lines.value();
        while (l.next()) {
            const qint64 orderId = l.value(1).toLongLong();
            found.append({l.value(0).toLongLong(), orderId, l.value(2).toLongLong(),
                          l.value(3).toLongLong(), l.value(4).toLongLong()});
            if (orders.isEmpty() || orders.constLast().id != orderId)
                orders.append(
                    {orderId, l.value(5).toString(), l.value(6).toString(), l.value(7).toString()});
        }
        l.finish();
    }
    const qint64 per = unitsPerListing;
    for (const Line &l : std::as_const(found)) {
        const qint64 quantity = l.quantity * per;
        const qint64 price = per > 1 ? l.unitPriceMinor / per : l.unitPriceMinor;
        const qint64 shipped = qBound<qint64>(0, l.quantityShipped * per, quantity);
        if (Status s = w.updateLine(l.id, productId, quantity, price, shipped); !s)
            return Error{s.error()};
        ++result.linesRemapped;
    }

    QString mapped = QStringLiteral("SKU %1 mapped to %2").arg(channelSku, productSku);
    if (unitsPerListing > 1)
        mapped += QStringLiteral(" (%1 units per listing)").arg(unitsPerListing);
    mapped += QStringLiteral(" by %1").arg(user);
    const QString onHold = models::orderStatusCode(OrderStatus::OnHold);

    for (const AffectedOrder &o : std::as_const(orders)) {
        if (Status s = w.recountItems(o.id); !s)
            return Error{s.error()};
        const bool held = o.statusCode == onHold;
        // Only a hold the import or the allocator made for unknown SKUs is the mapping's
        // to lift or reword; a person's hold is theirs.
        const bool allocatorHold = models::isAllocatorUnknownSkuHold(o.holdReason);
        if (!held || !(models::isImportHoldReason(o.holdReason) || allocatorHold)) {
            if (held)
                ++result.ordersStillHeld;
            if (Status s =
                    w.note(o.id, held ? mapped + QStringLiteral("; still on hold: ") + o.holdReason
                                      : mapped);
                !s)
                return Error{s.error()};
            continue;
        }
        Result<QStringList> unknown = w.unknownSkusOf(o.id);
        if (!unknown.ok())
            return Error{unknown.error()};
        // The allocator's reason has no field part to keep: it is rewritten whole.
        const QString reason =
            models::withUnknownSkus(allocatorHold ? QString() : o.holdReason, unknown.value());
        if (reason.isEmpty()) {
            if (Status s = w.release(o, mapped + QStringLiteral("; hold lifted")); !s)
                return Error{s.error()};
            ++result.ordersReleased;
            continue;
        }
        ++result.ordersStillHeld;
        if (reason != o.holdReason)
            if (Status s = w.setHoldReason(o.id, reason); !s)
                return Error{s.error()};
        if (Status s = w.note(o.id, mapped + QStringLiteral("; still on hold: ") + reason); !s)
            return Error{s.error()};
    }

    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return result;
}

} // namespace storage
