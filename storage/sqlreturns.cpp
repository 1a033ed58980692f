#include "storage/sqlreturns.h"

#include "models/stockmovement.h"
#include "storage/allocationrun.h"
#include "storage/sqlkits.h"
#include "storage/sqlrun.h"
#include "storage/sqlstockledger.h"
#include "storage/transaction.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <functional>

namespace storage {

using models::Error;
using models::Result;
using models::ReturnStatus;
using models::Status;

namespace {

QDateTime timeOf(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromString(v.toString(), Qt::ISODate); // "...Z": UTC
}

// What was paid per unit: the unit price less the line's discount spread over its units.
qint64 paidPerUnit(qint64 unitPrice, int quantity, qint64 discount)
{
    return quantity > 0 ? unitPrice - discount / quantity : unitPrice;
}

Error begun(const Transaction &txn)
{
    return Error{QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};
}

ReturnStatus statusOf(const QVariant &code)
{
    return models::returnStatusFromCode(code.toString()).value_or(ReturnStatus::Requested);
}

// One column of one return row; the column names are the fixed ones below, never input.
Status setReturnColumn(QSqlDatabase &db, const char *column, qint64 returnId, const QVariant &value)
{
    return runStatement(
        db, QStringLiteral("UPDATE returns SET %1 = ? WHERE id = ?").arg(QLatin1String(column)),
        {value, returnId});
}

// An allocation run inside the caller's open transaction: its work commits or rolls
// back with the return step that caused it.
Status allocateInTransaction(const QSqlDatabase &db, const QString &user, const QDateTime &nowUtc,
                             const std::function<Status(AllocationRun &)> &work)
{
    AllocationOptions options;
    options.user = user;
    options.nowUtc = nowUtc;
    AllocationRun run(db, options);
    if (Status s = run.load(); !s)
        return s;
    if (Status s = run.beginTransaction(); !s)
        return s;
    return work(run);
}

// Refunds approved on other returns of the same order but not yet paid: they already
// claim part of what is left to refund. Binds: this return's id.
const QString kOtherPendingRefunds =
    QStringLiteral("(SELECT COALESCE(SUM(refund_minor), 0) FROM returns r WHERE "
                   "r.order_id = o.id AND r.id <> ? AND r.status = 'refund_pending')");

const QString kListSelect = QStringLiteral(
    "SELECT r.id, r.rma_number, o.order_number, COALESCE(o.ship_name, o.buyer_name, ''), "
    "r.status, r.reason, "
    "(SELECT COALESCE(SUM(quantity), 0) FROM return_lines WHERE return_id = r.id), "
    "(SELECT COALESCE(SUM(quantity_received), 0) FROM return_lines WHERE return_id = r.id), "
    "l.code, r.currency, r.refund_minor, r.requested_at, r.received_at, r.refunded_at "
    "FROM returns r JOIN orders o ON o.id = r.order_id "
    "LEFT JOIN locations l ON l.id = r.location_id ");

models::ReturnListRow listRow(const QSqlQuery &q)
{
    models::ReturnListRow row;
    row.id = q.value(0).toLongLong();
    row.rmaNumber = q.value(1).toString();
    row.orderNumber = q.value(2).toString();
    row.customerName = q.value(3).toString();
    row.status = statusOf(q.value(4));
    row.reason = q.value(5).toString();
    row.units = q.value(6).toInt();
    row.unitsReceived = q.value(7).toInt();
    row.locationCode = q.value(8).toString();
    row.refund = models::Money(q.value(10).toLongLong(), q.value(9).toString());
    row.requestedAtUtc = timeOf(q.value(11));
    row.receivedAtUtc = timeOf(q.value(12));
    row.refundedAtUtc = timeOf(q.value(13));
    return row;
}

} // namespace

struct SqlReturns::Head
{
    qint64 id = 0;
    QString name; // RMA number, or "return request N"
    qint64 orderId = 0;
    QString orderNumber;
    ReturnStatus status = ReturnStatus::Requested;
    std::optional<qint64> locationId;
    QString currency;
    qint64 refundMinor = 0;
};

SqlReturns::SqlReturns(QSqlDatabase db, QString userName)
    : m_db(std::move(db)), m_user(std::move(userName))
{}

QDateTime SqlReturns::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QString SqlReturns::setting(const QString &key, const QString &fallback)
{
    Result<QVariant> v =
        queryScalar(m_db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    return v.ok() && !v.value().toString().isEmpty() ? v.value().toString() : fallback;
}

int SqlReturns::inspectionDays()
{
    bool ok = false;
    const int days =
        setting(QStringLiteral("returns.inspection_days"), QStringLiteral("3")).toInt(&ok);
    return ok && days >= 0 ? days : 3;
}

Result<SqlReturns::Head> SqlReturns::head(qint64 returnId)
{
    Result<QSqlQuery> q =
        runQuery(m_db,
                 QStringLiteral("SELECT r.id, r.rma_number, r.order_id, o.order_number, r.status, "
                                "r.location_id, r.currency, r.refund_minor FROM returns r "
                                "JOIN orders o ON o.id = r.order_id WHERE r.id = ?"),
                 {returnId});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("return %1 does not exist").arg(returnId)};
    const QSqlQuery &r = q.value();
    Head h;
    h.id = r.value(0).toLongLong();
    h.name =
        r.value(1).isNull() ? QStringLiteral("return request %1").arg(h.id) : r.value(1).toString();
    h.orderId = r.value(2).toLongLong();
    h.orderNumber = r.value(3).toString();
    h.status = statusOf(r.value(4));
    if (!r.value(5).isNull())
        h.locationId = r.value(5).toLongLong();
    h.currency = r.value(6).toString();
    h.refundMinor = r.value(7).toLongLong();
    return h;
}

Status SqlReturns::addEvent(qint64 orderId, const QString &detail)
{
    return runStatement(m_db,
                        QStringLiteral("INSERT INTO order_events (order_id, at, kind, detail, "
                                       "user_name) VALUES (?, ?, 'returned', ?, ?)"),
                        {orderId, isoUtc(now()), detail, m_user});
}

Status SqlReturns::move(const Head &h, ReturnStatus to, const QString &timeColumn,
                        const QString &eventDetail)
{
    if (Status s = models::ReturnWorkflow::check(h.name, h.status, to); !s)
        return s;
    QString sql = QStringLiteral("UPDATE returns SET status = ?");
    QVariantList binds{models::returnStatusCode(to)};
    if (!timeColumn.isEmpty()) {
        sql += QStringLiteral(", %1 = ?").arg(timeColumn);
        binds.append(isoUtc(now()));
    }
    sql += QStringLiteral(", user_name = ? WHERE id = ? AND status = ?");
    binds.append(m_user);
    binds.append(h.id);
    binds.append(models::returnStatusCode(h.status));
    Result<QSqlQuery> q = runQuery(m_db, sql, binds);
    if (!q.ok())
        return Error{q.error()};
    if (q.value().numRowsAffected() != 1)
        return Error{
            QStringLiteral("%1 changed while this was being done; look again").arg(h.name)};
    return addEvent(h.orderId, eventDetail);
}

Status SqlReturns::withReturn(qint64 returnId, const std::function<Status(const Head &)> &step)
{
    Transaction txn(m_db);
    if (!txn.isActive())
        return begun(txn);
    Result<Head> h = head(returnId);
    if (!h.ok())
        return Error{h.error()};
    if (Status s = step(h.value()); !s)
        return s;
    return txn.commit();
}

Status SqlReturns::giveRmaNumber(const Head &h)
{
    // Checked first: a return that cannot be authorised is refused before it gets a number.
    if (Status s = models::ReturnWorkflow::check(h.name, h.status, ReturnStatus::Authorised); !s)
        return s;
    const QString rma = models::rmaNumberFor(h.id);
    if (Status s = setReturnColumn(m_db, "rma_number", h.id, rma); !s)
        return s;
    return move(h, ReturnStatus::Authorised, QStringLiteral("authorised_at"),
                QStringLiteral("%1 authorised").arg(rma));
}

Status SqlReturns::endWithReason(const Head &h, ReturnStatus to, const QString &verb,
                                 const QString &why)
{
    if (Status s = move(h, to, QStringLiteral("closed_at"),
                        QStringLiteral("%1 %2: %3").arg(h.name, verb, why));
        !s)
        return s;
    return setReturnColumn(m_db, "status_reason", h.id, why);
}

Result<QList<models::ReturnListRow>> SqlReturns::listWhere(const QString &where,
                                                           const QVariantList &binds,
                                                           const QString &order, int limit)
{
    QVariantList all = binds;
    all.append(limit);
    Result<QSqlQuery> q = runQuery(m_db,
                                   kListSelect + where + QStringLiteral(" ORDER BY ") + order +
                                       QStringLiteral(" LIMIT ?"),
                                   all);
    if (!q.ok())
        return Error{q.error()};
    QList<models::ReturnListRow> rows;
    while (q.value().next())
        rows.append(listRow(q.value()));
    return rows;
}

Result<QList<models::ReturnListRow>> SqlReturns::listReturns(const models::ReturnListFilter &filter)
{
    if (filter.status)
        return listWhere(QStringLiteral("WHERE r.status = ?"),
                         {models::returnStatusCode(*filter.status)},
                         QStringLiteral("r.requested_at DESC, r.id DESC"), filter.limit);
    return listWhere(QString(), {}, QStringLiteral("r.requested_at DESC, r.id DESC"), filter.limit);
}

Result<models::ReturnAuthorisation> SqlReturns::returnDetail(qint64 returnId)
{
    Result<QSqlQuery> q = runQuery(
        m_db,
        QStringLiteral(
            "SELECT r.id, r.rma_number, r.order_id, o.order_number, c.code, "
            "COALESCE(o.ship_name, o.buyer_name, ''), r.status, r.reason, r.customer_note, "
            "r.location_id, l.code, l.name, l.address_line1, l.address_line2, l.city, l.region, "
            "l.postcode, l.country, r.suggested_location_id, r.location_reason, r.currency, "
            "r.refund_minor, r.shipping_refund_minor, r.restocking_fee_minor, r.refund_reference, "
            "r.status_reason, r.requested_at, r.authorised_at, r.received_at, r.inspected_at, "
            "r.refund_approved_at, r.refunded_at, r.closed_at, r.exchange_order_id, "
            "(SELECT order_number FROM orders x WHERE x.id = r.exchange_order_id) "
            "FROM returns r JOIN orders o ON o.id = r.order_id "
            "JOIN channels c ON c.id = o.channel_id "
            "LEFT JOIN locations l ON l.id = r.location_id WHERE r.id = ?"),
        {returnId});
    if (!q.ok())
        return Error{q.error()};
    QSqlQuery &r = q.value();
    if (!r.next())
        return Error{QStringLiteral("return %1 does not exist").arg(returnId)};
    models::ReturnAuthorisation a;
    a.id = r.value(0).toLongLong();
    a.rmaNumber = r.value(1).toString();
    a.orderId = r.value(2).toLongLong();
    a.orderNumber = r.value(3).toString();
    a.channelCode = r.value(4).toString();
    a.customerName = r.value(5).toString();
    a.status = statusOf(r.value(6));
    a.reason = r.value(7).toString();
    a.customerNote = r.value(8).toString();
    if (!r.value(9).isNull())
        a.locationId = r.value(9).toLongLong();
    a.locationCode = r.value(10).toString();
    a.returnAddress.name = setting(QStringLiteral("shop.name"), QStringLiteral("Returns"));
    a.returnAddress.company = QStringLiteral("Returns, %1").arg(r.value(11).toString());
    a.returnAddress.line1 = r.value(12).toString();
    a.returnAddress.line2 = r.value(13).toString();
    a.returnAddress.city = r.value(14).toString();
    a.returnAddress.region = r.value(15).toString();
    a.returnAddress.postcode = r.value(16).toString();
    a.returnAddress.country = r.value(17).toString();
    if (!r.value(18).isNull())
        a.suggestedLocationId = r.value(18).toLongLong();
    a.locationReason = r.value(19).toString();
    const QString currency = r.value(20).toString();
    a.refund = models::Money(r.value(21).toLongLong(), currency);
    a.shippingRefund = models::Money(r.value(22).toLongLong(), currency);
    a.restockingFee = models::Money(r.value(23).toLongLong(), currency);
    a.refundReference = r.value(24).toString();
    a.statusReason = r.value(25).toString();
    a.requestedAtUtc = timeOf(r.value(26));
    a.authorisedAtUtc = timeOf(r.value(27));
    a.receivedAtUtc = timeOf(r.value(28));
    a.inspectedAtUtc = timeOf(r.value(29));
    a.refundApprovedAtUtc = timeOf(r.value(30));
    a.refundedAtUtc = timeOf(r.value(31));
    a.closedAtUtc = timeOf(r.value(32));
    if (!r.value(33).isNull())
        a.exchangeOrderId = r.value(33).toLongLong();
    a.exchangeOrderNumber = r.value(34).toString();

    Result<QSqlQuery> lines = runQuery(
        m_db,
        QStringLiteral("SELECT rl.id, rl.order_line_id, ol.sku, ol.title, ol.product_id, "
                       "rl.quantity, rl.quantity_received, ol.unit_price_minor, ol.quantity, "
                       "ol.discount_minor, rl.reason, rl.condition, rl.disposition, "
                       "rl.location_id, loc.code, b.code, rl.note, rl.inspected_at, "
                       "COALESCE(p.is_kit, 0) "
                       "FROM return_lines rl JOIN order_lines ol ON ol.id = rl.order_line_id "
                       "LEFT JOIN products p ON p.id = ol.product_id "
                       "LEFT JOIN locations loc ON loc.id = rl.location_id "
                       "LEFT JOIN bins b ON b.id = rl.bin_id "
                       "WHERE rl.return_id = ? ORDER BY ol.line_no, rl.id"),
        {returnId});
    if (!lines.ok())
        return Error{lines.error()};
    QSqlQuery &l = lines.value();
    QList<qsizetype> kitLines; // their parts are read once the lines are
    while (l.next()) {
        models::ReturnLine line;
        line.id = l.value(0).toLongLong();
        line.orderLineId = l.value(1).toLongLong();
        line.sku = l.value(2).toString();
        line.title = l.value(3).toString();
        if (!l.value(4).isNull())
            line.productId = l.value(4).toLongLong();
        line.quantity = l.value(5).toInt();
        line.quantityReceived = l.value(6).toInt();
        line.unitPrice = models::Money(
            paidPerUnit(l.value(7).toLongLong(), l.value(8).toInt(), l.value(9).toLongLong()),
            currency);
        line.reason = l.value(10).toString();
        line.condition = l.value(11).toString();
        line.disposition = l.value(12).toString();
        if (!l.value(13).isNull())
            line.locationId = l.value(13).toLongLong();
        line.locationCode = l.value(14).toString();
        line.binCode = l.value(15).toString();
        line.note = l.value(16).toString();
        line.inspectedAtUtc = timeOf(l.value(17));
        if (line.productId && l.value(18).toInt() != 0)
            kitLines.append(a.lines.size());
        a.lines.append(line);
    }
    for (qsizetype i : std::as_const(kitLines)) {
        models::ReturnLine &line = a.lines[i];
        Result<QList<models::KitComponent>> parts = kitComponents(m_db, *line.productId);
        if (!parts.ok())
            return Error{parts.error()};
        line.parts = parts.value();
    }
    return a;
}

Result<qint64> SqlReturns::findForReceipt(const QString &scanned)
{
    const QString code = scanned.trimmed();
    if (code.isEmpty())
        return Error{QStringLiteral("scan an RMA slip or type an order number")};
    Result<QSqlQuery> byRma =
        runQuery(m_db, QStringLiteral("SELECT id, status FROM returns WHERE rma_number = ?"),
                 {code.toUpper()});
    if (!byRma.ok())
        return Error{byRma.error()};
    if (byRma.value().next()) {
        const qint64 id = byRma.value().value(0).toLongLong();
        const QString status = byRma.value().value(1).toString();
        if (status != QLatin1String("authorised"))
            return Error{QStringLiteral("%1 is %2: only an authorised return is received")
                             .arg(code.toUpper(), status)};
        return id;
    }
    Result<QSqlQuery> byOrder =
        runQuery(m_db,
                 QStringLiteral("SELECT r.id, COALESCE(r.rma_number, 'request ' || r.id), r.status "
                                "FROM returns r JOIN orders o ON o.id = r.order_id "
                                "WHERE o.order_number IN (?, ?) ORDER BY r.id"),
                 {code, QStringLiteral("#") + code});
    if (!byOrder.ok())
        return Error{byOrder.error()};
    QList<qint64> authorised;
    QStringList names, others;
    while (byOrder.value().next()) {
        const QString name = byOrder.value().value(1).toString();
        if (byOrder.value().value(2).toString() == QLatin1String("authorised")) {
            authorised.append(byOrder.value().value(0).toLongLong());
            names.append(name);
        } else {
            others.append(QStringLiteral("%1 %2").arg(name, byOrder.value().value(2).toString()));
        }
    }
    if (authorised.size() == 1)
        return authorised.constFirst();
    if (authorised.size() > 1)
        return Error{QStringLiteral("order %1 has %2 authorised returns (%3): scan the RMA slip")
                         .arg(code)
                         .arg(authorised.size())
                         .arg(names.join(QStringLiteral(", ")))};
    if (!others.isEmpty())
        return Error{QStringLiteral("order %1 has no authorised return waiting (%2)")
                         .arg(code, others.join(QStringLiteral(", ")))};
    return Error{
        QStringLiteral("%1 is neither an RMA number nor an order with a return").arg(code)};
}

Result<models::ReturnableOrder> SqlReturns::loadReturnable(const QString &orderNumber,
                                                           std::optional<qint64> exceptReturn)
{
    const QString number = orderNumber.trimmed();
    if (number.isEmpty())
        return Error{QStringLiteral("type the order number")};
    Result<QSqlQuery> o = runQuery(
        m_db,
        QStringLiteral("SELECT id, order_number, COALESCE(ship_name, buyer_name, ''), currency, "
                       "status FROM orders WHERE order_number IN (?, ?) "
                       "ORDER BY placed_at DESC, id DESC LIMIT 1"),
        {number, QStringLiteral("#") + number});
    if (!o.ok())
        return Error{o.error()};
    if (!o.value().next())
        return Error{QStringLiteral("there is no order %1").arg(number)};
    models::ReturnableOrder out;
    out.orderId = o.value().value(0).toLongLong();
    out.orderNumber = o.value().value(1).toString();
    out.customerName = o.value().value(2).toString();
    out.currency = o.value().value(3).toString();

    QHash<qint64, QList<models::ReturnClaim>> claims;
    Result<QSqlQuery> c = runQuery(
        m_db,
        QStringLiteral("SELECT rl.order_line_id, r.status, rl.quantity, rl.quantity_received "
                       "FROM return_lines rl JOIN returns r ON r.id = rl.return_id "
                       "WHERE r.order_id = ? AND r.id <> ?"),
        {out.orderId, exceptReturn.value_or(0)});
    if (!c.ok())
        return Error{c.error()};
    while (c.value().next())
        claims[c.value().value(0).toLongLong()].append(
            {statusOf(c.value().value(1)), c.value().value(2).toInt(), c.value().value(3).toInt()});

    Result<QSqlQuery> l = runQuery(
        m_db,
        QStringLiteral("SELECT id, line_no, sku, title, quantity_shipped, unit_price_minor, "
                       "quantity, discount_minor FROM order_lines WHERE order_id = ? "
                       "ORDER BY line_no"),
        {out.orderId});
    if (!l.ok())
        return Error{l.error()};
    while (l.value().next()) {
        const QSqlQuery &r = l.value();
        models::ReturnableLine line;
        line.orderLineId = r.value(0).toLongLong();
        line.lineNo = r.value(1).toInt();
        line.sku = r.value(2).toString();
        line.title = r.value(3).toString();
        line.shipped = r.value(4).toInt();
        const QList<models::ReturnClaim> held = claims.value(line.orderLineId);
        line.returnable = models::returnableQuantity(line.shipped, held);
        int heldUnits = 0;
        for (const models::ReturnClaim &claim : held)
            heldUnits += models::claimedQuantity(claim);
        line.alreadyReturned = heldUnits;
        line.unitPrice = models::Money(
            paidPerUnit(r.value(5).toLongLong(), r.value(6).toInt(), r.value(7).toLongLong()),
            out.currency);
        out.lines.append(line);
    }
    return out;
}

Result<models::ReturnableOrder> SqlReturns::returnableOrder(const QString &orderNumber)
{
    return loadReturnable(orderNumber, std::nullopt);
}

Result<QList<models::ReturnLocationChoice>> SqlReturns::locations()
{
    Result<QSqlQuery> q = runQuery(
        m_db,
        QStringLiteral("SELECT id, code, name FROM locations WHERE active = 1 ORDER BY code"));
    if (!q.ok())
        return Error{q.error()};
    QList<models::ReturnLocationChoice> out;
    while (q.value().next())
        out.append({q.value().value(0).toLongLong(), q.value().value(1).toString(),
                    q.value().value(2).toString()});
    return out;
}

Result<models::ReturnLocationSuggestion>
SqlReturns::suggestLocation(qint64 orderId, const QList<qint64> &productIds)
{
    Result<QSqlQuery> o = runQuery(
        m_db,
        QStringLiteral("SELECT ship_country, ship_region, ship_city, ship_postcode FROM orders "
                       "WHERE id = ?"),
        {orderId});
    if (!o.ok())
        return Error{o.error()};
    models::ReturnDestination customer;
    if (o.value().next())
        customer = {o.value().value(0).toString(), o.value().value(1).toString(),
                    o.value().value(2).toString(), o.value().value(3).toString()};

    QList<models::ReturnLocationCandidate> candidates;
    Result<QSqlQuery> l = runQuery(
        m_db,
        QStringLiteral("SELECT id, code, kind, active, is_default_returns, country, region, city, "
                       "postcode, latitude_e6, longitude_e6, routing_priority FROM locations "
                       "ORDER BY id"));
    if (!l.ok())
        return Error{l.error()};
    while (l.value().next()) {
        const QSqlQuery &r = l.value();
        models::ReturnLocationCandidate c;
        c.id = r.value(0).toLongLong();
        c.code = r.value(1).toString();
        c.storeOrWarehouse = r.value(2).toString() != QLatin1String("3pl");
        c.active = r.value(3).toInt() != 0;
        c.isDefaultReturns = r.value(4).toInt() != 0;
        c.country = r.value(5).toString();
        c.region = r.value(6).toString();
        c.city = r.value(7).toString();
        c.postcode = r.value(8).toString();
        if (!r.value(9).isNull() && !r.value(10).isNull()) {
            c.latitude = r.value(9).toLongLong() / 1e6;
            c.longitude = r.value(10).toLongLong() / 1e6;
        }
        c.routingPriority = r.value(11).toInt();
        candidates.append(c);
    }
    // Short: the location carries the product (it has a stock figure for it) and has
    // none available, or fewer than the product's reorder point (products.reorder_min).
    for (qint64 product : QSet<qint64>(productIds.cbegin(), productIds.cend())) {
        Result<QSqlQuery> s =
            runQuery(m_db,
                     QStringLiteral(
                         "SELECT s.location_id FROM stock_levels s JOIN products p "
                         "ON p.id = s.product_id WHERE s.product_id = ? AND "
                         "(s.on_hand - s.reserved <= 0 OR s.on_hand - s.reserved < p.reorder_min)"),
                     {product});
        if (!s.ok())
            return Error{s.error()};
        while (s.value().next()) {
            const qint64 location = s.value().value(0).toLongLong();
            for (models::ReturnLocationCandidate &c : candidates)
                if (c.id == location)
                    ++c.productsShort;
        }
    }
    return models::suggestReturnLocation(customer, candidates);
}

Result<models::ReturnAuthorisation> SqlReturns::createReturn(const models::NewReturn &request)
{
    qint64 returnId = 0;
    {
        Transaction txn(m_db);
        if (!txn.isActive())
            return begun(txn);
        Result<models::ReturnableOrder> order = loadReturnable(request.orderNumber, std::nullopt);
        if (!order.ok())
            return Error{order.error()};
        const models::ReturnableOrder &o = order.value();

        QList<models::ReturnRequestLine> checks;
        QList<qint64> products;
        QStringList words;
        QHash<qint64, int> wanted;
        for (const models::NewReturnLine &n : request.lines) {
            if (n.quantity == 0)
                continue;
            wanted[n.orderLineId] += n.quantity;
        }
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
            const auto line = std::find_if(o.lines.cbegin(), o.lines.cend(), [&](const auto &l) {
                return l.orderLineId == it.key();
            });
            if (line == o.lines.cend())
                return Error{QStringLiteral("order %1 has no line with id %2")
                                 .arg(o.orderNumber)
                                 .arg(it.key())};
            checks.append(
                {line->lineNo, line->sku, line->shipped, line->alreadyReturned, it.value()});
            words.append(QStringLiteral("%1 × %2").arg(it.value()).arg(line->sku));
        }
        std::sort(checks.begin(), checks.end(),
                  [](const auto &a, const auto &b) { return a.lineNo < b.lineNo; });
        if (Status s = models::checkReturnRequest(o.orderNumber, checks); !s)
            return Error{s.error()};

        // Only the products being returned.
        Result<QSqlQuery> rp = runQuery(
            m_db, QStringLiteral("SELECT id, product_id FROM order_lines WHERE order_id = ?"),
            {o.orderId});
        if (!rp.ok())
            return Error{rp.error()};
        while (rp.value().next())
            if (wanted.contains(rp.value().value(0).toLongLong()) && !rp.value().value(1).isNull())
                products.append(rp.value().value(1).toLongLong());
        // A kit is stocked as its components: those are what a location may be short of.
        for (qsizetype i = products.size() - 1; i >= 0; --i) {
            Result<QList<models::KitComponent>> parts = kitComponents(m_db, products.at(i));
            if (!parts.ok())
                return Error{parts.error()};
            if (parts.value().isEmpty())
                continue;
            products.removeAt(i);
            for (const models::KitComponent &c : parts.value())
                products.append(c.productId);
        }
        Result<models::ReturnLocationSuggestion> where = suggestLocation(o.orderId, products);
        if (!where.ok())
            return Error{where.error()};

        const QString reason = models::returnReasonCode(request.reason);
        Result<QSqlQuery> insert = runQuery(
            m_db,
            QStringLiteral(
                "INSERT INTO returns (order_id, status, reason, customer_note, "
                "location_id, suggested_location_id, location_reason, currency, "
                "requested_at, user_name) VALUES (?, 'requested', ?, ?, ?, ?, ?, ?, ?, ?)"),
            {o.orderId, reason, request.customerNote.isEmpty() ? nullText() : request.customerNote,
             optionalId(where->locationId), optionalId(where->locationId), where->reason,
             o.currency, isoUtc(now()), m_user});
        if (!insert.ok())
            return Error{insert.error()};
        returnId = insert.value().lastInsertId().toLongLong();
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
            if (Status s = runStatement(m_db,
                                        QStringLiteral("INSERT INTO return_lines (return_id, "
                                                       "order_line_id, quantity, reason) "
                                                       "VALUES (?, ?, ?, ?)"),
                                        {returnId, it.key(), it.value(), reason});
                !s)
                return Error{s.error()};
        words.sort();
        if (Status s =
                addEvent(o.orderId, QStringLiteral("Return requested: %1 (%2)")
                                        .arg(words.join(QStringLiteral(", ")),
                                             models::returnReasonLabel(request.reason).toLower()));
            !s)
            return Error{s.error()};
        if (request.authorise) {
            Head h{returnId,
                   QStringLiteral("return request %1").arg(returnId),
                   o.orderId,
                   o.orderNumber,
                   ReturnStatus::Requested,
                   where->locationId,
                   o.currency,
                   0};
            if (Status s = giveRmaNumber(h); !s)
                return Error{s.error()};
        }
        if (Status s = txn.commit(); !s)
            return Error{s.error()};
    }
    return returnDetail(returnId);
}

Status SqlReturns::authorise(qint64 returnId)
{
    return withReturn(returnId, [this](const Head &h) { return giveRmaNumber(h); });
}

Status SqlReturns::reject(qint64 returnId, const QString &why)
{
    if (why.trimmed().isEmpty())
        return Error{QStringLiteral("say why the return is rejected")};
    return withReturn(returnId, [&](const Head &h) -> Status {
        if (Status s =
                endWithReason(h, ReturnStatus::Rejected, QStringLiteral("rejected"), why.trimmed());
            !s)
            return s;
        // What arrived goes back to the customer: it no longer counts as returned.
        if (h.status != ReturnStatus::Received)
            return {};
        return runStatement(
            m_db,
            QStringLiteral("UPDATE order_lines SET quantity_returned = quantity_returned - "
                           "(SELECT COALESCE(SUM(quantity_received), 0) FROM return_lines "
                           "WHERE return_id = ? AND order_line_id = order_lines.id) "
                           "WHERE id IN (SELECT order_line_id FROM return_lines WHERE "
                           "return_id = ?)"),
            {returnId, returnId});
    });
}

Status SqlReturns::cancel(qint64 returnId, const QString &why)
{
    if (why.trimmed().isEmpty())
        return Error{QStringLiteral("say why the return is cancelled")};
    return withReturn(returnId, [&](const Head &h) {
        return endWithReason(h, ReturnStatus::Cancelled, QStringLiteral("cancelled"),
                             why.trimmed());
    });
}

Status SqlReturns::setLocation(qint64 returnId, qint64 locationId)
{
    return withReturn(returnId, [&](const Head &h) -> Status {
        if (h.status != ReturnStatus::Requested && h.status != ReturnStatus::Authorised &&
            h.status != ReturnStatus::Received)
            return Error{QStringLiteral("%1 is %2: its location can only change before inspection")
                             .arg(h.name, models::returnStatusCode(h.status))};
        Result<QVariant> code = queryScalar(
            m_db, QStringLiteral("SELECT code FROM locations WHERE id = ? AND active = 1"),
            {locationId});
        if (!code.ok())
            return Error{QStringLiteral("%1: location %2 does not exist or is not active")
                             .arg(h.name)
                             .arg(locationId)};
        if (Status s = setReturnColumn(m_db, "location_id", returnId, locationId); !s)
            return s;
        return addEvent(
            h.orderId,
            QStringLiteral("%1 to come back to %2").arg(h.name, code.value().toString()));
    });
}

Status SqlReturns::receive(qint64 returnId, const QList<models::ReturnLineCount> &counted)
{
    return withReturn(returnId, [&](const Head &h) -> Status {
        if (Status s = models::ReturnWorkflow::check(h.name, h.status, ReturnStatus::Received); !s)
            return s;
        Result<QSqlQuery> lines =
            runQuery(m_db,
                     QStringLiteral(
                         "SELECT rl.id, rl.order_line_id, rl.quantity, ol.sku FROM return_lines rl "
                         "JOIN order_lines ol ON ol.id = rl.order_line_id WHERE rl.return_id = ?"),
                     {returnId});
        if (!lines.ok())
            return Error{lines.error()};
        QHash<qint64, int> counts;
        for (const models::ReturnLineCount &c : counted)
            counts[c.returnLineId] += c.quantity;
        int total = 0, authorised = 0;
        QStringList words;
        QSet<qint64> seen;
        while (lines.value().next()) {
            const QSqlQuery &r = lines.value();
            const qint64 lineId = r.value(0).toLongLong();
            const int quantity = r.value(2).toInt();
            const QString sku = r.value(3).toString();
            const int got = counts.value(lineId, 0);
            seen.insert(lineId);
            if (Status s = models::checkReceivedQuantity(h.name, sku, quantity, got); !s)
                return s;
            total += got;
            authorised += quantity;
            if (got == 0)
                continue;
            words.append(QStringLiteral("%1 × %2").arg(got).arg(sku));
            if (Status s = runStatement(
                    m_db,
                    QStringLiteral("UPDATE return_lines SET quantity_received = ? WHERE id = ?"),
                    {got, lineId});
                !s)
                return s;
            if (Status s = runStatement(m_db,
                                        QStringLiteral("UPDATE order_lines SET quantity_returned = "
                                                       "quantity_returned + ? WHERE id = ?"),
                                        {got, r.value(1).toLongLong()});
                !s)
                return s;
        }
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            if (!seen.contains(it.key()) && it.value() != 0)
                return Error{QStringLiteral("%1 has no line %2").arg(h.name).arg(it.key())};
        if (total == 0)
            return Error{QStringLiteral("%1: nothing was counted in; if the parcel never comes, "
                                        "cancel the return")
                             .arg(h.name)};
        return move(h, ReturnStatus::Received, QStringLiteral("received_at"),
                    QStringLiteral("%1 received: %2 of %3 unit(s) (%4)")
                        .arg(h.name)
                        .arg(total)
                        .arg(authorised)
                        .arg(words.join(QStringLiteral(", "))));
    });
}

Status SqlReturns::inspect(qint64 returnId, const models::LineInspection &in)
{
    return withReturn(returnId, [&](const Head &h) -> Status {
        if (h.status != ReturnStatus::Received)
            return Error{QStringLiteral("%1 is %2: only a received return is inspected")
                             .arg(h.name, models::returnStatusCode(h.status))};
        Result<QSqlQuery> line = runQuery(
            m_db,
            QStringLiteral("SELECT rl.quantity_received, rl.disposition, ol.sku, ol.product_id "
                           "FROM return_lines rl JOIN order_lines ol ON ol.id = rl.order_line_id "
                           "WHERE rl.id = ? AND rl.return_id = ?"),
            {in.returnLineId, returnId});
        if (!line.ok())
            return Error{line.error()};
        if (!line.value().next())
            return Error{QStringLiteral("%1 has no line %2").arg(h.name).arg(in.returnLineId)};
        const int quantity = line.value().value(0).toInt();
        const QString sku = line.value().value(2).toString();
        const QVariant product = line.value().value(3);
        if (!line.value().value(1).isNull())
            return Error{QStringLiteral("%1, %2: already inspected (%3)")
                             .arg(h.name, sku, line.value().value(1).toString())};
        if (quantity == 0)
            return Error{
                QStringLiteral("%1, %2: nothing of it arrived, so there is nothing to inspect")
                    .arg(h.name, sku)};
        const std::optional<qint64> locationId = in.locationId ? in.locationId : h.locationId;
        if (!locationId)
            return Error{QStringLiteral("%1, %2: choose the location it goes to").arg(h.name, sku)};
        Result<QVariant> locationCode = queryScalar(
            m_db, QStringLiteral("SELECT code FROM locations WHERE id = ?"), {*locationId});
        if (!locationCode.ok())
            return Error{QStringLiteral("%1, %2: location %3 does not exist")
                             .arg(h.name, sku)
                             .arg(*locationId)};
        const QString where = locationCode.value().toString();
        if (in.restock && product.isNull())
            return Error{QStringLiteral("%1, %2: the SKU is not in the catalogue, so it cannot be "
                                        "restocked; write it off or map the SKU first")
                             .arg(h.name, sku)};
        if (!in.restock && in.writeOffReason.trimmed().isEmpty())
            return Error{QStringLiteral("%1, %2: say why it is written off").arg(h.name, sku)};

        // What goes back on the shelf or off the books: the product, or, for a kit, each
        // of its components times the kits that came back (a kit is never stocked as itself).
        QList<models::KitComponent> units;
        bool kit = false;
        if (!product.isNull()) {
            Result<QList<models::KitComponent>> parts = kitComponents(m_db, product.toLongLong());
            if (!parts.ok())
                return Error{parts.error()};
            kit = !parts.value().isEmpty();
            if (kit)
                units = models::KitRules::unitsFor(parts.value(), quantity);
            else
                units.append({product.toLongLong(), sku, {}, quantity, 0});
        }

        // The bin: the one typed (every part of a kit goes there), else each product's
        // primary bin at the location.
        QVariant binId;
        QString binCode;
        if (in.restock && !in.binCode.trimmed().isEmpty()) {
            Result<QSqlQuery> bin = runQuery(
                m_db,
                QStringLiteral("SELECT id, code FROM bins WHERE location_id = ? AND code = ?"),
                {*locationId, in.binCode.trimmed().toUpper()});
            if (!bin.ok())
                return Error{bin.error()};
            if (!bin.value().next())
                return Error{QStringLiteral("%1, %2: %3 has no bin %4")
                                 .arg(h.name, sku, where, in.binCode.trimmed())};
            binId = bin.value().value(0);
            binCode = bin.value().value(1).toString();
        }
        auto primaryBin = [&](qint64 productId) -> Result<QString> {
            Result<QSqlQuery> bin =
                runQuery(m_db,
                         QStringLiteral("SELECT b.id, b.code FROM product_bins pb JOIN bins b "
                                        "ON b.id = pb.bin_id WHERE pb.product_id = ? AND "
                                        "b.location_id = ? ORDER BY pb.is_primary DESC, "
                                        "b.pick_sequence LIMIT 1"),
                         {productId, *locationId});
            if (!bin.ok())
                return Error{bin.error()};
            if (!bin.value().next())
                return QString();
            if (!kit) // one product: the line remembers its bin
                binId = bin.value().value(0);
            return bin.value().value(1).toString();
        };

        const QString rma = h.name;
        auto movement = [&](const models::KitComponent &u, models::StockReason reason, int qty,
                            const QString &note) {
            models::StockMovement m;
            m.productId = u.productId;
            m.locationId = *locationId;
            m.quantity = qty;
            m.reason = reason;
            m.referenceType = QStringLiteral("return");
            m.referenceId = rma;
            m.note = note;
            m.user = m_user;
            m.atUtc = now();
            Result<qint64> recorded = recordStockMovementInTransaction(m_db, m);
            if (!recorded.ok())
                return Status(
                    Error{QStringLiteral("%1, %2: %3")
                              .arg(rma, kit ? QStringLiteral("%1, part %2").arg(sku, u.sku) : sku,
                                   recorded.error())});
            return Status::success();
        };
        const QString ofKit = kit ? QStringLiteral("kit %1").arg(sku) : QString();
        auto joinNote = [](const QString &a, const QString &b) {
            return a.isEmpty() ? b : b.isEmpty() ? a : QStringLiteral("%1; %2").arg(a, b);
        };
        QString detail;
        QStringList partWords;
        if (in.restock) {
            for (const models::KitComponent &u : std::as_const(units)) {
                QString bin = binCode;
                if (bin.isEmpty()) {
                    Result<QString> primary = primaryBin(u.productId);
                    if (!primary.ok())
                        return Error{primary.error()};
                    bin = primary.value();
                }
                if (Status s = movement(
                        u, models::StockReason::Restocked, u.quantity,
                        joinNote(bin.isEmpty() ? QString() : QStringLiteral("bin %1").arg(bin),
                                 ofKit));
                    !s)
                    return s;
                if (kit)
                    partWords.append(QStringLiteral("%1 × %2%3")
                                         .arg(u.quantity)
                                         .arg(u.sku, bin.isEmpty() || !binCode.isEmpty()
                                                         ? QString()
                                                         : QStringLiteral(" (bin %1)").arg(bin)));
                else
                    binCode = bin;
            }
            detail =
                QStringLiteral("%1: %2 × %3 restocked at %4%5")
                    .arg(rma)
                    .arg(quantity)
                    .arg(sku, where,
                         binCode.isEmpty() ? QString() : QStringLiteral(" (bin %1)").arg(binCode));
        } else {
            const QString why = in.writeOffReason.trimmed();
            for (const models::KitComponent &u : std::as_const(units)) {
                if (Status s = movement(u, models::StockReason::ReturnReceived, u.quantity,
                                        joinNote(why, ofKit));
                    !s)
                    return s;
                if (Status s = movement(u, models::StockReason::WriteOff, -u.quantity,
                                        joinNote(why, ofKit));
                    !s)
                    return s;
                if (kit)
                    partWords.append(QStringLiteral("%1 × %2").arg(u.quantity).arg(u.sku));
            }
            detail = QStringLiteral("%1: %2 × %3 written off at %4 (%5)")
                         .arg(rma)
                         .arg(quantity)
                         .arg(sku, where, why);
        }
        if (!partWords.isEmpty())
            detail += QStringLiteral(": %1").arg(partWords.join(QStringLiteral(", ")));
        if (Status s = runStatement(
                m_db,
                QStringLiteral(
                    "UPDATE return_lines SET condition = ?, disposition = ?, location_id = ?, "
                    "bin_id = ?, note = ?, inspected_at = ? WHERE id = ?"),
                {models::returnConditionCode(in.condition),
                 in.restock ? QStringLiteral("restock") : QStringLiteral("write_off"), *locationId,
                 binId.isNull() ? QVariant(QMetaType(QMetaType::LongLong)) : binId,
                 in.restock ? nullText() : QVariant(in.writeOffReason.trimmed()), isoUtc(now()),
                 in.returnLineId});
            !s)
            return s;
        if (Status s = addEvent(h.orderId, detail); !s)
            return s;

        // The last line inspected: the whole return is.
        Result<QVariant> open =
            queryScalar(m_db,
                        QStringLiteral("SELECT COUNT(*) FROM return_lines WHERE return_id = ? AND "
                                       "quantity_received > 0 AND disposition IS NULL"),
                        {returnId});
        if (!open.ok())
            return Error{open.error()};
        if (open.value().toInt() == 0)
            if (Status s = move(
                    h, ReturnStatus::Inspected, QStringLiteral("inspected_at"),
                    QStringLiteral("%1 inspected: every line restocked or written off").arg(rma));
                !s)
                return s;

        // Restocked units may be what a backordered order waits for.
        if (!in.restock)
            return Status::success();
        return allocateInTransaction(m_db, m_user, now(), [&](AllocationRun &run) -> Status {
            AllocationSummary summary;
            for (const models::KitComponent &u : std::as_const(units)) {
                Result<QList<qint64>> queue = run.queue(u.productId);
                if (!queue.ok())
                    return Error{queue.error()};
                for (qint64 orderId : queue.value())
                    if (Status s =
                            run.allocate(orderId, AllocationRun::Mode::Queue, false, summary);
                        !s)
                        return s;
            }
            return Status::success();
        });
    });
}

Result<models::RefundSuggestion> SqlReturns::refundSuggestion(qint64 returnId)
{
    Result<models::ReturnAuthorisation> a = returnDetail(returnId);
    if (!a.ok())
        return Error{a.error()};
    const bool arrived =
        a->status != ReturnStatus::Requested && a->status != ReturnStatus::Authorised;
    models::RefundInput in;
    in.reason = models::returnReasonFromCode(a->reason).value_or(models::ReturnReason::ChangedMind);
    // Items replaced by an exchange order are not refunded as well.
    if (!a->exchangeOrderId)
        for (const models::ReturnLine &l : a->lines)
            in.lines.append({l.unitPrice.minorUnits(), arrived ? l.quantityReceived : l.quantity});
    Result<QSqlQuery> o =
        runQuery(m_db,
                 QStringLiteral(
                     "SELECT o.shipping_minor, o.total_minor, o.refunded_minor, "
                     "(SELECT COUNT(*) FROM returns r WHERE r.order_id = o.id AND r.id <> ? AND "
                     " r.shipping_refund_minor > 0 AND r.status IN ('refund_pending', 'refunded', "
                     "'closed')), ") +
                     kOtherPendingRefunds + QStringLiteral(" FROM orders o WHERE o.id = ?"),
                 {returnId, returnId, a->orderId});
    if (!o.ok())
        return Error{o.error()};
    if (o.value().next()) {
        in.orderShippingMinor = o.value().value(0).toLongLong();
        in.orderTotalMinor = o.value().value(1).toLongLong();
        in.alreadyRefundedMinor = o.value().value(2).toLongLong() + o.value().value(4).toLongLong();
        in.shippingRefundedBefore = o.value().value(3).toInt() > 0;
    }
    in.restockingFeePercent =
        setting(QStringLiteral("returns.restocking_fee_percent"), QStringLiteral("0")).toInt();
    return models::suggestRefund(in, a->refund.currency());
}

Status SqlReturns::approveRefund(qint64 returnId, std::optional<qint64> amountMinor)
{
    return withReturn(returnId, [&](const Head &h) -> Status {
        if (Status s = models::ReturnWorkflow::check(h.name, h.status, ReturnStatus::RefundPending);
            !s)
            return s;
        Result<models::RefundSuggestion> suggestion = refundSuggestion(returnId);
        if (!suggestion.ok())
            return Error{suggestion.error()};
        const models::RefundSuggestion &sg = suggestion.value();
        const qint64 amount = amountMinor.value_or(sg.totalMinor);
        if (amount < 0)
            return Error{QStringLiteral("%1: a refund cannot be negative").arg(h.name)};
        Result<QSqlQuery> left =
            runQuery(m_db,
                     QStringLiteral("SELECT o.total_minor - o.refunded_minor - ") +
                         kOtherPendingRefunds + QStringLiteral(" FROM orders o WHERE o.id = ?"),
                     {returnId, h.orderId});
        if (!left.ok())
            return Error{left.error()};
        const qint64 remaining = left.value().next() ? left.value().value(0).toLongLong() : 0;
        if (amount > remaining)
            return Error{
                QStringLiteral("%1: %2 is more than the %3 left to refund on order %4")
                    .arg(
                        h.name, models::Money(amount, h.currency).toDisplayString(),
                        models::Money(std::max<qint64>(0, remaining), h.currency).toDisplayString(),
                        h.orderNumber)};
        if (Status s = runStatement(
                m_db,
                QStringLiteral("UPDATE returns SET refund_minor = ?, shipping_refund_minor = ?, "
                               "restocking_fee_minor = ? WHERE id = ?"),
                {amount, std::min(sg.shippingMinor, amount),
                 amountMinor ? 0 : sg.restockingFeeMinor, returnId});
            !s)
            return s;
        return move(
            h, ReturnStatus::RefundPending, QStringLiteral("refund_approved_at"),
            QStringLiteral("%1: refund of %2 approved%3")
                .arg(h.name, models::Money(amount, h.currency).toDisplayString(),
                     amountMinor && *amountMinor != sg.totalMinor
                         ? QStringLiteral(" (suggested %1)")
                               .arg(models::Money(sg.totalMinor, h.currency).toDisplayString())
                         : QStringLiteral(" (%1)").arg(sg.explanation)));
    });
}

Status SqlReturns::recordRefund(qint64 returnId, const QString &reference)
{
    if (reference.trimmed().isEmpty())
        return Error{QStringLiteral("type the payment's refund reference")};
    return withReturn(returnId, [&](const Head &h) -> Status {
        if (Status s =
                move(h, ReturnStatus::Refunded, QStringLiteral("refunded_at"),
                     QStringLiteral("%1: %2 refunded (reference %3)")
                         .arg(h.name, models::Money(h.refundMinor, h.currency).toDisplayString(),
                              reference.trimmed()));
            !s)
            return s;
        if (Status s = setReturnColumn(m_db, "refund_reference", returnId, reference.trimmed()); !s)
            return s;
        return runStatement(m_db,
                            QStringLiteral("UPDATE orders SET refunded_minor = refunded_minor + "
                                           "?, updated_at = ? WHERE id = ?"),
                            {h.refundMinor, isoUtc(now()), h.orderId});
    });
}

Status SqlReturns::close(qint64 returnId)
{
    return withReturn(returnId, [this](const Head &h) {
        return move(h, ReturnStatus::Closed, QStringLiteral("closed_at"),
                    QStringLiteral("%1 closed").arg(h.name));
    });
}

Result<QString> SqlReturns::createExchange(qint64 returnId)
{
    Transaction txn(m_db);
    if (!txn.isActive())
        return begun(txn);
    Result<models::ReturnAuthorisation> a = returnDetail(returnId);
    if (!a.ok())
        return Error{a.error()};
    const ReturnStatus st = a->status;
    if (st != ReturnStatus::Authorised && st != ReturnStatus::Received &&
        st != ReturnStatus::Inspected)
        return Error{QStringLiteral("%1 is %2: an exchange is made for an authorised, received or "
                                    "inspected return, before its refund is approved")
                         .arg(a->displayName(), models::returnStatusCode(st))};
    if (a->exchangeOrderId)
        return Error{QStringLiteral("%1 already has exchange order %2")
                         .arg(a->displayName(), a->exchangeOrderNumber)};
    const bool arrived = st != ReturnStatus::Authorised;
    QList<QPair<const models::ReturnLine *, int>> lines;
    int items = 0;
    for (const models::ReturnLine &l : a->lines) {
        const int n = arrived ? l.quantityReceived : l.quantity;
        if (n <= 0)
            continue;
        if (!l.productId)
            return Error{QStringLiteral("%1, %2: the SKU is not in the catalogue, so no "
                                        "replacement can be sent")
                             .arg(a->displayName(), l.sku)};
        lines.append({&l, n});
        items += n;
    }
    if (lines.isEmpty())
        return Error{QStringLiteral("%1: nothing to replace").arg(a->displayName())};

    const QString number = a->rmaNumber + QStringLiteral("-X");
    const QString at = isoUtc(now());
    const QString note =
        QStringLiteral("Exchange for %1 (order %2): no charge").arg(a->rmaNumber, a->orderNumber);
    Result<QSqlQuery> insert = runQuery(
        m_db,
        QStringLiteral(
            "INSERT INTO orders (channel_id, external_id, order_number, customer_id, status, "
            "priority, placed_at, buyer_name, buyer_email, ship_name, ship_company, ship_line1, "
            "ship_line2, ship_city, ship_region, ship_postcode, ship_country, ship_phone, "
            "shipping_service, is_expedited, currency, payment_status, item_count, notes, "
            "created_at, updated_at) "
            "SELECT channel_id, ?, ?, customer_id, 'new', priority, ?, buyer_name, buyer_email, "
            "ship_name, ship_company, ship_line1, ship_line2, ship_city, ship_region, "
            "ship_postcode, ship_country, ship_phone, shipping_service, is_expedited, currency, "
            "'paid', ?, ?, ?, ? FROM orders WHERE id = ?"),
        {QStringLiteral("exchange-%1").arg(a->rmaNumber), number, at, items, note, at, at,
         a->orderId});
    if (!insert.ok())
        return Error{insert.error()};
    const qint64 orderId = insert.value().lastInsertId().toLongLong();
    int lineNo = 0;
    for (const auto &[line, n] : lines)
        if (Status s =
                runStatement(m_db,
                             QStringLiteral("INSERT INTO order_lines (order_id, line_no, "
                                            "product_id, sku, title, quantity) VALUES "
                                            "(?, ?, ?, ?, ?, ?)"),
                             {orderId, ++lineNo, *line->productId, line->sku, line->title, n});
            !s)
            return Error{s.error()};
    if (Status s = setReturnColumn(m_db, "exchange_order_id", returnId, orderId); !s)
        return Error{s.error()};
    if (Status s = runStatement(m_db,
                                QStringLiteral("INSERT INTO order_events (order_id, at, kind, "
                                               "to_status, detail, user_name) VALUES "
                                               "(?, ?, 'imported', 'new', ?, ?)"),
                                {orderId, at, note, m_user});
        !s)
        return Error{s.error()};
    if (Status s = addEvent(a->orderId, QStringLiteral("%1: exchange order %2 created (%3 unit(s))")
                                            .arg(a->rmaNumber, number)
                                            .arg(items));
        !s)
        return Error{s.error()};

    // Allocated like any order, in the same transaction; the review checks are skipped
    // (a person made it on purpose, and it would look like a duplicate of the original).
    if (Status s = allocateInTransaction(
            m_db, m_user, now(),
            [orderId](AllocationRun &run) {
                AllocationSummary summary;
                return run.allocate(orderId, AllocationRun::Mode::Released, false, summary);
            });
        !s)
        return Error{s.error()};
    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return number;
}

Result<QList<models::ReturnListRow>> SqlReturns::waitingForInspection(int olderThanDays)
{
    return listWhere(QStringLiteral("WHERE r.status = 'received' AND r.received_at < ?"),
                     {isoUtc(now().addDays(-olderThanDays))}, QStringLiteral("r.received_at, r.id"),
                     5000);
}

Result<QList<models::ReturnListRow>> SqlReturns::refundsOwed()
{
    return listWhere(QStringLiteral("WHERE r.status IN ('inspected', 'refund_pending')"), {},
                     QStringLiteral("r.inspected_at, r.id"), 5000);
}

Result<QList<models::ReturnRateRow>> SqlReturns::returnRates(int limit)
{
    Result<QSqlQuery> q = runQuery(
        m_db,
        QStringLiteral("SELECT ol.sku, r.reason, SUM(CASE WHEN r.status IN ('requested', "
                       "'authorised') THEN rl.quantity ELSE rl.quantity_received END) AS units "
                       "FROM return_lines rl JOIN returns r ON r.id = rl.return_id "
                       "JOIN order_lines ol ON ol.id = rl.order_line_id "
                       "WHERE r.status NOT IN ('rejected', 'cancelled') "
                       "GROUP BY ol.sku, r.reason HAVING units > 0 "
                       "ORDER BY units DESC, ol.sku, r.reason LIMIT ?"),
        {limit});
    if (!q.ok())
        return Error{q.error()};
    QList<models::ReturnRateRow> rows;
    QHash<QString, int> shipped;
    while (q.value().next())
        rows.append({q.value().value(0).toString(), q.value().value(1).toString(),
                     q.value().value(2).toInt(), 0, 0});
    for (models::ReturnRateRow &row : rows) {
        if (!shipped.contains(row.sku)) {
            Result<QVariant> s = queryScalar(
                m_db,
                QStringLiteral("SELECT COALESCE(SUM(quantity_shipped), 0) FROM order_lines "
                               "WHERE sku = ?"),
                {row.sku});
            if (!s.ok())
                return Error{s.error()};
            shipped.insert(row.sku, s.value().toInt());
        }
        row.unitsShipped = shipped.value(row.sku);
        row.ratePercent = row.unitsShipped > 0 ? 100.0 * row.unitsReturned / row.unitsShipped : 0;
    }
    return rows;
}

Result<models::ProcessingTimes> SqlReturns::processingTimes()
{
    // The two times of every refunded return first (a narrow read), then the full rows
    // of only the slowest.
    Result<QSqlQuery> q =
        runQuery(m_db, QStringLiteral("SELECT id, received_at, refunded_at FROM returns WHERE "
                                      "received_at IS NOT NULL AND refunded_at IS NOT NULL"));
    if (!q.ok())
        return Error{q.error()};
    QList<QPair<double, qint64>> all; // days, return id
    while (q.value().next())
        all.append({timeOf(q.value().value(1)).secsTo(timeOf(q.value().value(2))) / 86400.0,
                    q.value().value(0).toLongLong()});
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a > b; });
    models::ProcessingTimes t;
    t.refunded = int(all.size());
    if (all.isEmpty())
        return t;
    const qsizetype n = all.size();
    t.longestDays = all.constFirst().first;
    t.medianDays = all.at(n / 2).first;
    t.p90Days = all.at(std::min<qsizetype>(n - 1, n / 10)).first;
    QStringList marks;
    QVariantList ids;
    for (qsizetype i = 0; i < std::min<qsizetype>(n, 20); ++i) {
        marks.append(QStringLiteral("?"));
        ids.append(all.at(i).second);
    }
    Result<QList<models::ReturnListRow>> rows =
        listWhere(QStringLiteral("WHERE r.id IN (%1)").arg(marks.join(QLatin1Char(','))), ids,
                  QStringLiteral("r.id"), 20);
    if (!rows.ok())
        return Error{rows.error()};
    t.slowest = rows.value();
    std::sort(t.slowest.begin(), t.slowest.end(), [](const auto &a, const auto &b) {
        return a.receivedAtUtc.secsTo(a.refundedAtUtc) > b.receivedAtUtc.secsTo(b.refundedAtUtc);
    });
    return t;
}

} // namespace storage
