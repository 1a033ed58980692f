// The writes of SqlPickListSource: create, short pick, picked, cancel.
#include "storage/sqlpicklistsource.h"

#include "models/order.h"
#include "models/orderstatemachine.h"
#include "models/picklistcode.h"
#include "models/pickwalk.h"
#include "models/pickwave.h"
#include "storage/allocationrun.h"
#include "storage/sqlkits.h"
#include "storage/sqlrun.h"
#include "storage/sqlstockledger.h"
#include "storage/transaction.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace storage {

using models::Error;
using models::OrderStatus;
using models::PickListKind;
using models::PickListSummary;
using models::Result;
using models::Status;

namespace {

QDateTime fromIso(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromString(v.toString(), Qt::ISODate);
}

Error beginFailed(const Transaction &txn)
{
    if (txn.error().contains(QLatin1String("locked"), Qt::CaseInsensitive) ||
        txn.error().contains(QLatin1String("busy"), Qt::CaseInsensitive))
        return Error{QStringLiteral("the database is busy: another Backroom window or program "
                                    "kept it locked; nothing was changed, try again")};
    return Error{QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};
}

// An order as creating a list checks it.
struct ListedOrder
{
    models::PriorityFacts facts;
    QString number;
    OrderStatus status = OrderStatus::New;
    std::optional<qint64> locationId;
    QString locationCode;
};

QString andList(const QStringList &items)
{
    if (items.size() <= 1)
        return items.join(QString());
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) +
           QStringLiteral(" and ") + items.last();
}

Status addStatusEvent(const QSqlDatabase &db, qint64 orderId, const QString &at, OrderStatus from,
                      OrderStatus to, const QString &detail, const QString &user)
{
    return runStatement(
        db,
        QStringLiteral("INSERT INTO order_events (order_id, at, kind, from_status, to_status, "
                       "detail, user_name) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {orderId, at, models::orderEventKindCode(models::OrderEvent::Kind::StatusChanged),
         models::orderStatusCode(from), models::orderStatusCode(to), detail, user});
}

// Moves an order that is exactly `from` to `to` (the state machine must allow it),
// with its timeline event.
Status moveOrder(const QSqlDatabase &db, qint64 orderId, const QString &number, OrderStatus from,
                 OrderStatus to, const QString &detail, const QString &user, const QDateTime &at)
{
    models::Order order;
    order.id = orderId;
    order.orderNumber = number;
    order.status = from;
    Result<models::OrderEvent> event =
        models::OrderStateMachine::transition(order, to, detail, user, at);
    if (!event.ok())
        return Error{event.error()};
    Result<QSqlQuery> update = runQuery(
        db,
        QStringLiteral("UPDATE orders SET status = ?, updated_at = ? WHERE id = ? AND status = ?"),
        {models::orderStatusCode(to), isoUtc(at), orderId, models::orderStatusCode(from)});
    if (!update.ok())
        return Error{update.error()};
    if (update.value().numRowsAffected() != 1)
        return Error{
            QStringLiteral("order %1 changed while its pick list was being written").arg(number)};
    return addStatusEvent(db, orderId, isoUtc(at), from, to, detail, user);
}

} // namespace

Result<QList<PickListSummary>> SqlPickListSource::create(const models::PickListRequest &request)
{
    QList<qint64> ids;
    QSet<qint64> seen;
    for (qint64 id : request.orderIds)
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    if (ids.isEmpty())
        return Error{QStringLiteral("a pick list needs at least one order")};
    if (request.kind == PickListKind::Batch && ids.size() > kMaxBatchOrders)
        return Error{QStringLiteral("a batch pick list holds at most %1 orders (slots 01 to %1); "
                                    "%2 were chosen")
                         .arg(kMaxBatchOrders)
                         .arg(ids.size())};
    Result<models::PriorityPolicy> policy = priorityPolicy();
    if (!policy.ok())
        return Error{policy.error()};
    const QDateTime at = now().addMSecs(-now().time().msec());
    const QString atText = isoUtc(at);

    Transaction txn(m_db, Transaction::Mode::Write);
    if (!txn.isActive())
        return beginFailed(txn);

    Result<QVariant> location = queryScalar(
        m_db, QStringLiteral("SELECT code FROM locations WHERE id = ?"), {request.locationId});
    if (!location.ok())
        return Error{QStringLiteral("location %1 does not exist").arg(request.locationId)};
    const QString locationCode = location.value().toString();

    // Every order must be ready at the location; the ones that are not are named.
    QSqlQuery readOrder(m_db);
    const QString readSql = QStringLiteral(
        "SELECT o.order_number, o.status, o.location_id, lo.code, o.priority, o.is_expedited, "
        "o.ship_by, COALESCE(cu.is_vip, 0), o.total_minor, o.placed_at FROM orders o "
        "LEFT JOIN locations lo ON lo.id = o.location_id "
        "LEFT JOIN customers cu ON cu.id = o.customer_id WHERE o.id = ?");
    if (!readOrder.prepare(readSql))
        return sqlError(readOrder, readSql);
    QList<ListedOrder> orders;
    QStringList refused;
    for (qint64 id : std::as_const(ids)) {
        if (Status s = execPrepared(readOrder, {id}); !s)
            return Error{s.error()};
        if (!readOrder.next()) {
            refused.append(QStringLiteral("order id %1 (no such order)").arg(id));
            continue;
        }
        ListedOrder o;
        o.facts.orderId = id;
        o.number = readOrder.value(0).toString();
        o.status =
            models::orderStatusFromCode(readOrder.value(1).toString()).value_or(OrderStatus::New);
        if (!readOrder.value(2).isNull())
            o.locationId = readOrder.value(2).toLongLong();
        o.locationCode = readOrder.value(3).toString();
        o.facts.manualPriority = readOrder.value(4).toInt();
        o.facts.expedited = readOrder.value(5).toInt() != 0;
        o.facts.shipByUtc = fromIso(readOrder.value(6));
        o.facts.vipCustomer = readOrder.value(7).toInt() != 0;
        o.facts.totalMinor = readOrder.value(8).toLongLong();
        o.facts.placedAtUtc = fromIso(readOrder.value(9));
        readOrder.finish();
        if (o.status != OrderStatus::Ready)
            refused.append(QStringLiteral("%1 (%2)").arg(
                o.number, models::orderStatusLabel(o.status).toLower()));
        else if (o.locationId != request.locationId)
            refused.append(QStringLiteral("%1 (ready at %2)")
                               .arg(o.number, o.locationCode.isEmpty()
                                                  ? QStringLiteral("no location")
                                                  : o.locationCode));
        else
            orders.append(o);
    }
    if (!refused.isEmpty())
        return Error{QStringLiteral("not ready at %1, so no pick list was made: %2")
                         .arg(locationCode, refused.join(QStringLiteral(", ")))};

    const models::OrderPriority priority(policy.value());
    std::sort(orders.begin(), orders.end(),
              [&priority](const ListedOrder &a, const ListedOrder &b) {
                  return priority.before(a.facts, b.facts);
              });

    // What each order needs from the location, with the product's bin there.
    QSqlQuery readLines(m_db);
    const QString linesSql = QStringLiteral(
        "SELECT l.id, l.product_id, p.sku, p.name, l.quantity - l.quantity_shipped, l.line_no, "
        "COALESCE(p.is_kit, 0) FROM order_lines l LEFT JOIN products p ON p.id = l.product_id "
        "WHERE l.order_id = ? AND l.quantity > l.quantity_shipped ORDER BY l.line_no");
    if (!readLines.prepare(linesSql))
        return sqlError(readLines, linesSql);
    QSqlQuery readBin(m_db);
    const QString binSql = QStringLiteral(
        "SELECT b.id, b.code, b.pick_sequence FROM product_bins pb JOIN bins b ON b.id = pb.bin_id "
        "WHERE pb.product_id = ? AND b.location_id = ? "
        "ORDER BY pb.is_primary DESC, b.pick_sequence, b.code LIMIT 1");
    if (!readBin.prepare(binSql))
        return sqlError(readBin, binSql);
    struct Bin
    {
        std::optional<qint64> id;
        QString code;
        int sequence = 0;
    };
    QHash<qint64, Bin> bins; // product -> its bin at the location
    const Result<KitMap> kits = loadKits(m_db);
    if (!kits.ok())
        return Error{kits.error()};

    const auto itemsOf = [&](const ListedOrder &o, int slot,
                             QList<models::PickItem> &items) -> Status {
        if (Status s = execPrepared(readLines, {o.facts.orderId}); !s)
            return s;
        QList<models::PickItem> found;
        while (readLines.next()) {
            if (readLines.value(1).isNull())
                return Error{QStringLiteral("order %1 line %2 (%3) has no product; it cannot "
                                            "be picked")
                                 .arg(o.number, readLines.value(5).toString(),
                                      readLines.value(2).toString())};
            models::PickItem item;
            item.slot = slot;
            item.orderId = o.facts.orderId;
            item.orderLineId = readLines.value(0).toLongLong();
            item.productId = readLines.value(1).toLongLong();
            item.sku = readLines.value(2).toString();
            item.title = readLines.value(3).toString();
            item.quantity = readLines.value(4).toInt();
            if (readLines.value(6).toInt() == 0) {
                found.append(item);
                continue;
            }
            // A kit is never stocked as itself: its components are picked, each marked
            // with the kit's SKU and counted against the kit's order line.
            const auto kit = kits.value().constFind(item.productId);
            if (kit == kits.value().cend() || kit->isEmpty())
                return Error{QStringLiteral("order %1 line %2: %3 is a kit with no components; "
                                            "give it its components before it is picked")
                                 .arg(o.number, readLines.value(5).toString(), item.sku)};
            found.append(models::kitPickItems(item, *kit));
        }
        readLines.finish();
        for (models::PickItem &item : found) {
            auto it = bins.find(item.productId);
            if (it == bins.end()) {
                Bin bin;
                if (Status s = execPrepared(readBin, {item.productId, request.locationId}); !s)
                    return s;
                if (readBin.next()) {
                    bin.id = readBin.value(0).toLongLong();
                    bin.code = readBin.value(1).toString();
                    bin.sequence = readBin.value(2).toInt();
                }
                readBin.finish();
                it = bins.insert(item.productId, bin);
            }
            item.binId = it->id;
            item.binCode = it->code;
            item.binSequence = it->sequence;
            items.append(item);
        }
        return {};
    };

    Result<QVariant> lastId =
        queryScalar(m_db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM pick_lists"));
    if (!lastId.ok())
        return Error{lastId.error()};
    qint64 nextId = lastId.value().toLongLong() + 1;

    // One list of every order, or one list per order.
    QList<QList<ListedOrder>> groups;
    if (request.kind == PickListKind::Batch)
        groups.append(orders);
    else
        for (const ListedOrder &o : std::as_const(orders))
            groups.append({o});

    QList<qint64> created;
    for (const QList<ListedOrder> &group : std::as_const(groups)) {
        const qint64 listId = nextId++;
        const QString code = models::pickListCode(listId);
        if (Status s = runStatement(
                m_db,
                QStringLiteral("INSERT INTO pick_lists (id, code, location_id, kind, status, "
                               "created_at, user_name) VALUES (?, ?, ?, ?, 'open', ?, ?)"),
                {listId, code, request.locationId, models::pickListKindCode(request.kind), atText,
                 m_user});
            !s)
            return Error{s.error()};
        QList<models::PickItem> items;
        int slot = 0;
        for (const ListedOrder &o : group) {
            ++slot;
            if (Status s =
                    runStatement(m_db,
                                 QStringLiteral("INSERT INTO pick_list_orders (pick_list_id, "
                                                "order_id, slot) VALUES (?, ?, ?)"),
                                 {listId, o.facts.orderId, slot});
                !s)
                return Error{s.error()};
            if (Status s = itemsOf(o, slot, items); !s)
                return Error{s.error()};
            const QString detail =
                request.kind == PickListKind::Batch
                    ? QStringLiteral("On pick list %1, slot %2").arg(code).arg(slot)
                    : QStringLiteral("On pick list %1").arg(code);
            if (Status s = moveOrder(m_db, o.facts.orderId, o.number, OrderStatus::Ready,
                                     OrderStatus::Picking, detail, m_user, at);
                !s)
                return Error{s.error()};
        }
        for (const models::PickLine &line : models::aggregatePickLines(items)) {
            Result<QSqlQuery> insert = runQuery(
                m_db,
                QStringLiteral("INSERT INTO pick_list_lines (pick_list_id, line_no, product_id, "
                               "bin_id, quantity) VALUES (?, ?, ?, ?, ?)"),
                {listId, line.lineNo, line.productId, optionalId(line.binId), line.quantity});
            if (!insert.ok())
                return Error{insert.error()};
            const qint64 lineId = insert.value().lastInsertId().toLongLong();
            for (const models::PickAllocation &a : line.allocations)
                if (Status s = runStatement(
                        m_db,
                        QStringLiteral("INSERT INTO pick_list_line_orders (pick_list_line_id, "
                                       "order_line_id, slot, quantity) VALUES (?, ?, ?, ?)"),
                        {lineId, a.orderLineId, a.slot, a.quantity});
                    !s)
                    return Error{s.error()};
        }
        created.append(listId);
    }
    if (Status s = txn.commit(); !s)
        return Error{s.error()};

    QList<PickListSummary> out;
    for (qint64 id : std::as_const(created)) {
        Result<PickListSummary> s = summary(id);
        if (!s.ok())
            return Error{s.error()};
        out.append(s.value());
    }
    return out;
}

Result<models::ShortPickOutcome> SqlPickListSource::markShort(qint64 listId, qint64 lineId,
                                                              int missing)
{
    const QString code = models::pickListCode(listId);
    if (missing < 1)
        return Error{QStringLiteral("%1: a short pick is at least one unit").arg(code)};

    Result<QVariant> mode =
        queryScalar(m_db, QStringLiteral("SELECT COALESCE((SELECT value FROM settings WHERE key = "
                                         "'picking.short_pick'), 'hold')"));
    if (!mode.ok())
        return Error{mode.error()};
    const QString modeText = mode.value().toString().trimmed().toLower();
    if (modeText != QLatin1String("hold") && modeText != QLatin1String("backorder"))
        return Error{QStringLiteral("setting picking.short_pick is \"%1\"; use hold or backorder")
                         .arg(modeText)};
    const bool backorder = modeText == QLatin1String("backorder");
    Result<models::PriorityPolicy> policy = priorityPolicy();
    if (!policy.ok())
        return Error{policy.error()};

    const QDateTime at = now().addMSecs(-now().time().msec());
    AllocationOptions options;
    options.user = m_user;
    options.nowUtc = at;
    AllocationRun run(m_db, options);
    if (Status s = run.load(); !s)
        return Error{s.error()};

    Transaction txn(m_db, Transaction::Mode::Write);
    if (!txn.isActive())
        return beginFailed(txn);
    if (Status s = run.beginTransaction(); !s)
        return Error{s.error()};

    Result<QSqlQuery> list = runQuery(
        m_db, QStringLiteral("SELECT status, location_id FROM pick_lists WHERE id = ?"), {listId});
    if (!list.ok())
        return Error{list.error()};
    if (!list.value().next())
        return Error{QStringLiteral("pick list %1 does not exist").arg(code)};
    if (list.value().value(0).toString() != QLatin1String("open"))
        return Error{QStringLiteral("%1 is %2: only an open list can be marked short")
                         .arg(code, list.value().value(0).toString())};
    const qint64 locationId = list.value().value(1).toLongLong();

    Result<QSqlQuery> line = runQuery(
        m_db,
        QStringLiteral("SELECT pll.product_id, p.sku, b.code, pll.line_no FROM pick_list_lines pll "
                       "JOIN products p ON p.id = pll.product_id "
                       "LEFT JOIN bins b ON b.id = pll.bin_id "
                       "WHERE pll.id = ? AND pll.pick_list_id = ?"),
        {lineId, listId});
    if (!line.ok())
        return Error{line.error()};
    if (!line.value().next())
        return Error{QStringLiteral("%1 has no line %2").arg(code).arg(lineId)};
    const qint64 productId = line.value().value(0).toLongLong();
    const QString sku = line.value().value(1).toString();
    const QString binCode = line.value().value(2).toString();

    // The orders still on the list that want this line, highest priority first. One the
    // pack bench already packed had its units; one cancelled meanwhile wants none.
    Result<QSqlQuery> wanting = runQuery(
        m_db,
        QStringLiteral(
            "SELECT o.id, o.order_number, SUM(a.quantity), o.priority, o.is_expedited, o.ship_by, "
            "COALESCE(cu.is_vip, 0), o.total_minor, o.placed_at FROM pick_list_line_orders a "
            "JOIN order_lines ol ON ol.id = a.order_line_id JOIN orders o ON o.id = ol.order_id "
            "JOIN pick_list_orders po ON po.pick_list_id = ? AND po.order_id = o.id "
            "LEFT JOIN customers cu ON cu.id = o.customer_id "
            "WHERE a.pick_list_line_id = ? AND po.removed_at IS NULL AND o.status = 'picking' "
            "GROUP BY o.id"),
        {listId, lineId});
    if (!wanting.ok())
        return Error{wanting.error()};
    QList<models::PriorityFacts> facts;
    QHash<qint64, QPair<QString, int>> wants; // order -> number, units of this line
    int stillWanted = 0;
    while (wanting.value().next()) {
        const QSqlQuery &r = wanting.value();
        models::PriorityFacts f;
        f.orderId = r.value(0).toLongLong();
        f.manualPriority = r.value(3).toInt();
        f.expedited = r.value(4).toInt() != 0;
        f.shipByUtc = fromIso(r.value(5));
        f.vipCustomer = r.value(6).toInt() != 0;
        f.totalMinor = r.value(7).toLongLong();
        f.placedAtUtc = fromIso(r.value(8));
        facts.append(f);
        wants.insert(f.orderId, {r.value(1).toString(), r.value(2).toInt()});
        stillWanted += r.value(2).toInt();
    }
    if (missing > stillWanted)
        return Error{QStringLiteral("%1 line %2 (%3): %4 missing, but the orders still being "
                                    "picked from it want only %5")
                         .arg(code, line.value().value(3).toString(), sku)
                         .arg(missing)
                         .arg(stillWanted)};
    models::OrderPriority(policy.value()).sort(facts);
    QList<models::ShortfallShare> shares;
    for (const models::PriorityFacts &f : std::as_const(facts))
        shares.append({f.orderId, wants.value(f.orderId).second});
    const QList<models::ShortfallShare> losing = models::assignShortfall(shares, missing);

    // The kits whose parts this line picks, per order: those orders cannot send the kit.
    Result<QSqlQuery> kitsWanting = runQuery(
        m_db,
        QStringLiteral("SELECT ol.order_id, COALESCE(kp.sku, ol.sku) FROM pick_list_line_orders a "
                       "JOIN order_lines ol ON ol.id = a.order_line_id "
                       "LEFT JOIN products kp ON kp.id = ol.product_id "
                       "WHERE a.pick_list_line_id = ? AND ol.product_id <> ? "
                       "ORDER BY ol.order_id, ol.line_no"),
        {lineId, productId});
    if (!kitsWanting.ok())
        return Error{kitsWanting.error()};
    QHash<qint64, QStringList> kitsOf; // order -> kit SKUs the line's units are parts of
    while (kitsWanting.value().next()) {
        QStringList &list = kitsOf[kitsWanting.value().value(0).toLongLong()];
        if (const QString kit = kitsWanting.value().value(1).toString(); !list.contains(kit))
            list.append(kit);
    }

    const QString where = binCode.isEmpty() ? QStringLiteral("with no bin")
                                            : QStringLiteral("at bin %1").arg(binCode);
    const auto reasonFor = [&](qint64 orderId) {
        const QStringList kits = kitsOf.value(orderId);
        const QString what = kits.isEmpty()
                                 ? QStringLiteral("SKU %1").arg(sku)
                                 : QStringLiteral("SKU %1 (part of %2)").arg(sku, andList(kits));
        return QStringLiteral("Short pick on %1: %2, %3 missing %4")
            .arg(code, what)
            .arg(missing)
            .arg(where);
    };
    QStringList kitsLosing;
    models::ShortPickOutcome outcome;
    outcome.missing = missing;
    outcome.backordered = backorder;
    for (const models::ShortfallShare &share : losing) {
        // Releases every reservation the order holds, with its timeline event.
        if (Status s =
                run.move(share.orderId, backorder ? OrderStatus::Backordered : OrderStatus::OnHold,
                         reasonFor(share.orderId));
            !s)
            return Error{s.error()};
        if (Status s = runStatement(m_db,
                                    QStringLiteral("UPDATE pick_list_orders SET removed_at = ? "
                                                   "WHERE pick_list_id = ? AND order_id = ?"),
                                    {isoUtc(at), listId, share.orderId});
            !s)
            return Error{s.error()};
        outcome.orderNumbers.append(wants.value(share.orderId).first);
        for (const QString &kit : kitsOf.value(share.orderId))
            if (!kitsLosing.contains(kit))
                kitsLosing.append(kit);
    }

    // The bin held fewer than the ledger said: on hand comes down by what is missing.
    models::StockMovement movement;
    movement.productId = productId;
    movement.locationId = locationId;
    movement.quantity = -missing;
    movement.reason = models::StockReason::ShortPick;
    movement.referenceType = QStringLiteral("pick_list");
    movement.referenceId = code;
    movement.note = QStringLiteral("%1 fewer %2 than recorded").arg(missing).arg(where);
    movement.user = m_user;
    movement.atUtc = at;
    if (Result<qint64> m = recordStockMovementInTransaction(m_db, movement); !m.ok())
        return Error{QStringLiteral("%1 line %2 (%3): %4")
                         .arg(code, line.value().value(3).toString(), sku, m.error())};
    if (Status s = runStatement(m_db,
                                QStringLiteral("UPDATE pick_list_lines SET short_quantity = "
                                               "short_quantity + ? WHERE id = ?"),
                                {missing, lineId});
        !s)
        return Error{s.error()};
    if (Status s = txn.commit(); !s)
        return Error{s.error()};

    outcome.message =
        QStringLiteral("%1 × %2%3 short on %4: %5 %6")
            .arg(missing)
            .arg(sku,
                 kitsLosing.isEmpty() ? QString()
                                      : QStringLiteral(" (part of %1)").arg(andList(kitsLosing)),
                 code, andList(outcome.orderNumbers),
                 backorder ? QStringLiteral("backordered") : QStringLiteral("put on hold"));
    return outcome;
}

Status SqlPickListSource::markPicked(qint64 listId)
{
    const QString code = models::pickListCode(listId);
    const QDateTime at = now().addMSecs(-now().time().msec());
    Transaction txn(m_db, Transaction::Mode::Write);
    if (!txn.isActive())
        return beginFailed(txn);
    Result<QVariant> status =
        queryScalar(m_db, QStringLiteral("SELECT status FROM pick_lists WHERE id = ?"), {listId});
    if (!status.ok())
        return Error{QStringLiteral("pick list %1 does not exist").arg(code)};
    if (status.value().toString() != QLatin1String("open"))
        return Error{QStringLiteral("%1 is %2: only an open list can be marked picked")
                         .arg(code, status.value().toString())};
    if (Status s = runStatement(m_db,
                                QStringLiteral("UPDATE pick_lists SET status = 'picked', "
                                               "closed_at = ? WHERE id = ?"),
                                {isoUtc(at), listId});
        !s)
        return s;
    if (Status s = runStatement(
            m_db,
            QStringLiteral("INSERT INTO order_events (order_id, at, kind, detail, user_name) "
                           "SELECT po.order_id, ?, ?, ? || ', slot ' || po.slot, ? "
                           "FROM pick_list_orders po WHERE po.pick_list_id = ? "
                           "AND po.removed_at IS NULL"),
            {isoUtc(at), models::orderEventKindCode(models::OrderEvent::Kind::Note),
             QStringLiteral("Picked on %1").arg(code), m_user, listId});
        !s)
        return s;
    return txn.commit();
}

Status SqlPickListSource::cancel(qint64 listId)
{
    const QString code = models::pickListCode(listId);
    const QDateTime at = now().addMSecs(-now().time().msec());
    Transaction txn(m_db, Transaction::Mode::Write);
    if (!txn.isActive())
        return beginFailed(txn);
    Result<QVariant> status =
        queryScalar(m_db, QStringLiteral("SELECT status FROM pick_lists WHERE id = ?"), {listId});
    if (!status.ok())
        return Error{QStringLiteral("pick list %1 does not exist").arg(code)};
    if (status.value().toString() == QLatin1String("cancelled"))
        return Error{QStringLiteral("%1 is already cancelled").arg(code)};

    // Orders still being picked go back to ready; their stock stays reserved. Orders the
    // pack bench already took on (packed) or a short pick took off are left alone.
    Result<QSqlQuery> orders = runQuery(
        m_db,
        QStringLiteral("SELECT o.id, o.order_number FROM pick_list_orders po "
                       "JOIN orders o ON o.id = po.order_id WHERE po.pick_list_id = ? "
                       "AND po.removed_at IS NULL AND o.status = 'picking' ORDER BY po.slot"),
        {listId});
    if (!orders.ok())
        return Error{orders.error()};
    QList<QPair<qint64, QString>> back;
    while (orders.value().next())
        back.append({orders.value().value(0).toLongLong(), orders.value().value(1).toString()});
    for (const auto &o : std::as_const(back))
        if (Status s = moveOrder(m_db, o.first, o.second, OrderStatus::Picking, OrderStatus::Ready,
                                 QStringLiteral("Pick list %1 cancelled").arg(code), m_user, at);
            !s)
            return s;
    if (Status s = runStatement(m_db,
                                QStringLiteral("UPDATE pick_lists SET status = 'cancelled', "
                                               "closed_at = ? WHERE id = ?"),
                                {isoUtc(at), listId});
        !s)
        return s;
    return txn.commit();
}

} // namespace storage
