#include "storage/sqlpicklistsource.h"

#include "models/picklistcode.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QHash>

namespace storage {

using models::Error;
using models::PickListDetail;
using models::PickListSummary;
using models::Result;

namespace {

QDateTime fromIso(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromString(v.toString(), Qt::ISODate);
}

// Columns 0..13 of a summary row, in the order readSummary() expects.
const char *const kSummarySelect =
    "SELECT pl.id, pl.code, pl.location_id, l.code, l.name, pl.kind, pl.status, pl.created_at, "
    "pl.user_name, "
    "(SELECT COUNT(*) FROM pick_list_orders po WHERE po.pick_list_id = pl.id "
    " AND po.removed_at IS NULL), "
    "(SELECT COUNT(*) FROM pick_list_lines pll WHERE pll.pick_list_id = pl.id), "
    "(SELECT COALESCE(SUM(a.quantity), 0) FROM pick_list_lines pll "
    " JOIN pick_list_line_orders a ON a.pick_list_line_id = pll.id "
    " JOIN order_lines ol ON ol.id = a.order_line_id "
    " JOIN pick_list_orders po ON po.pick_list_id = pll.pick_list_id "
    "  AND po.order_id = ol.order_id "
    " WHERE pll.pick_list_id = pl.id AND po.removed_at IS NULL), "
    "(SELECT COALESCE(SUM(pll.short_quantity), 0) FROM pick_list_lines pll "
    " WHERE pll.pick_list_id = pl.id) "
    "FROM pick_lists pl JOIN locations l ON l.id = pl.location_id ";

Result<PickListSummary> readSummary(const QSqlQuery &r)
{
    PickListSummary s;
    s.id = r.value(0).toLongLong();
    s.code = r.value(1).toString();
    s.locationId = r.value(2).toLongLong();
    s.locationCode = r.value(3).toString();
    s.locationName = r.value(4).toString();
    const auto kind = models::pickListKindFromCode(r.value(5).toString());
    const auto status = models::pickListStatusFromCode(r.value(6).toString());
    if (!kind || !status)
        return Error{QStringLiteral("pick list %1 has an unknown kind or status (%2, %3)")
                         .arg(s.code, r.value(5).toString(), r.value(6).toString())};
    s.kind = *kind;
    s.status = *status;
    s.createdUtc = fromIso(r.value(7));
    s.user = r.value(8).toString();
    s.orders = r.value(9).toInt();
    s.lines = r.value(10).toInt();
    s.units = r.value(11).toInt();
    s.shortUnits = r.value(12).toInt();
    return s;
}

} // namespace

SqlPickListSource::SqlPickListSource(QSqlDatabase db, QString user)
    : m_db(std::move(db)), m_user(std::move(user))
{}

QDateTime SqlPickListSource::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

Result<models::PriorityPolicy> SqlPickListSource::priorityPolicy()
{
    Result<QSqlQuery> q =
        runQuery(m_db, QStringLiteral("SELECT key, value FROM settings WHERE key IN "
                                      "('allocation.priority', 'allocation.high_value_minor')"));
    if (!q.ok())
        return Error{q.error()};
    QHash<QString, QString> settings;
    while (q.value().next())
        settings.insert(q.value().value(0).toString(), q.value().value(1).toString());
    bool ok = false;
    qint64 highValue =
        settings.value(QStringLiteral("allocation.high_value_minor")).toLongLong(&ok);
    if (!ok || highValue < 0)
        highValue = models::PriorityPolicy().highValueMinor;
    const QString criteria = settings.value(QStringLiteral("allocation.priority"));
    if (criteria.isEmpty()) {
        models::PriorityPolicy policy;
        policy.highValueMinor = highValue;
        return policy;
    }
    Result<models::PriorityPolicy> policy = models::PriorityPolicy::parse(criteria, highValue);
    if (!policy.ok())
        return Error{QStringLiteral("setting allocation.priority: %1").arg(policy.error())};
    return policy;
}

Result<QList<models::PickLocation>> SqlPickListSource::locations()
{
    Result<QSqlQuery> q =
        runQuery(m_db, QStringLiteral("SELECT l.id, l.code, l.name, (SELECT COUNT(*) FROM orders o "
                                      "WHERE o.location_id = l.id AND o.status = 'ready') "
                                      "FROM locations l WHERE l.active = 1 "
                                      "ORDER BY l.routing_priority, l.code"));
    if (!q.ok())
        return Error{q.error()};
    QList<models::PickLocation> out;
    while (q.value().next())
        out.append({q.value().value(0).toLongLong(), q.value().value(1).toString(),
                    q.value().value(2).toString(), q.value().value(3).toInt()});
    return out;
}

Result<models::ReadyOrders> SqlPickListSource::readyOrders(qint64 locationId)
{
    models::ReadyOrders ready;
    Result<models::PriorityPolicy> policy = priorityPolicy();
    if (!policy.ok())
        return Error{policy.error()};
    ready.priority = policy.value();
    Result<QSqlQuery> q =
        runQuery(m_db,
                 QStringLiteral(
                     "SELECT o.id, o.priority, o.is_expedited, o.ship_by, COALESCE(cu.is_vip, 0), "
                     "o.total_minor, o.placed_at, o.order_number, c.code, "
                     "COALESCE(o.shipping_service, '') FROM orders o "
                     "JOIN channels c ON c.id = o.channel_id "
                     "LEFT JOIN customers cu ON cu.id = o.customer_id "
                     "WHERE o.location_id = ? AND o.status = 'ready'"),
                 {locationId});
    if (!q.ok())
        return Error{q.error()};
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        models::WaveCandidate c;
        c.priority.orderId = r.value(0).toLongLong();
        c.priority.manualPriority = r.value(1).toInt();
        c.priority.expedited = r.value(2).toInt() != 0;
        c.priority.shipByUtc = fromIso(r.value(3));
        c.priority.vipCustomer = r.value(4).toInt() != 0;
        c.priority.totalMinor = r.value(5).toLongLong();
        c.priority.placedAtUtc = fromIso(r.value(6));
        c.orderNumber = r.value(7).toString();
        c.channelCode = r.value(8).toString();
        c.shippingService = r.value(9).toString().trimmed();
        ready.orders.append(c);
    }
    return ready;
}

Result<PickListSummary> SqlPickListSource::summary(qint64 listId)
{
    Result<QSqlQuery> q = runQuery(
        m_db, QString::fromLatin1(kSummarySelect) + QStringLiteral("WHERE pl.id = ?"), {listId});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{
            QStringLiteral("pick list %1 does not exist").arg(models::pickListCode(listId))};
    return readSummary(q.value());
}

Result<QList<PickListSummary>> SqlPickListSource::openLists(qint64 locationId)
{
    Result<QSqlQuery> q =
        runQuery(m_db,
                 QString::fromLatin1(kSummarySelect) +
                     QStringLiteral("WHERE pl.location_id = ? AND pl.status = 'open' "
                                    "ORDER BY pl.id DESC"),
                 {locationId});
    if (!q.ok())
        return Error{q.error()};
    QList<PickListSummary> out;
    while (q.value().next()) {
        Result<PickListSummary> s = readSummary(q.value());
        if (!s.ok())
            return Error{s.error()};
        out.append(s.value());
    }
    return out;
}

Result<PickListDetail> SqlPickListSource::listByCode(const QString &code)
{
    const std::optional<qint64> id = models::parsePickListCode(code);
    if (!id)
        return Error{QStringLiteral("\"%1\" is not a pick list code (PL-000012)").arg(code)};
    return list(*id);
}

Result<PickListDetail> SqlPickListSource::list(qint64 listId)
{
    // One read transaction: the list, its orders and lines as of one moment.
    Transaction snapshot(m_db, Transaction::Mode::Read);
    PickListDetail detail;
    Result<PickListSummary> s = summary(listId);
    if (!s.ok())
        return Error{s.error()};
    detail.summary = s.value();

    Result<QSqlQuery> orders = runQuery(
        m_db,
        QStringLiteral("SELECT po.slot, po.order_id, o.order_number, c.code, o.status, "
                       "po.removed_at IS NOT NULL FROM pick_list_orders po "
                       "JOIN orders o ON o.id = po.order_id JOIN channels c ON c.id = o.channel_id "
                       "WHERE po.pick_list_id = ? ORDER BY po.slot"),
        {listId});
    if (!orders.ok())
        return Error{orders.error()};
    QHash<qint64, bool> removed; // order -> taken off the list
    while (orders.value().next()) {
        const QSqlQuery &r = orders.value();
        models::PickListOrder o;
        o.slot = r.value(0).toInt();
        o.orderId = r.value(1).toLongLong();
        o.orderNumber = r.value(2).toString();
        o.channelCode = r.value(3).toString();
        o.status = models::orderStatusFromCode(r.value(4).toString())
                       .value_or(models::OrderStatus::Picking);
        o.removed = r.value(5).toBool();
        removed.insert(o.orderId, o.removed);
        detail.orders.append(o);
    }

    Result<QSqlQuery> lines = runQuery(
        m_db,
        QStringLiteral(
            "SELECT pll.id, pll.line_no, pll.product_id, p.sku, p.name, "
            "(SELECT pb.barcode FROM product_barcodes pb WHERE pb.product_id = p.id "
            " ORDER BY pb.is_primary DESC, pb.id LIMIT 1), "
            "pll.bin_id, b.code, COALESCE(b.pick_sequence, 0), pll.quantity, pll.short_quantity "
            "FROM pick_list_lines pll JOIN products p ON p.id = pll.product_id "
            "LEFT JOIN bins b ON b.id = pll.bin_id WHERE pll.pick_list_id = ? "
            "ORDER BY pll.line_no"),
        {listId});
    if (!lines.ok())
        return Error{lines.error()};
    QHash<qint64, qsizetype> lineIndex;
    while (lines.value().next()) {
        const QSqlQuery &r = lines.value();
        models::PickLine l;
        l.id = r.value(0).toLongLong();
        l.lineNo = r.value(1).toInt();
        l.productId = r.value(2).toLongLong();
        l.sku = r.value(3).toString();
        l.title = r.value(4).toString();
        l.barcode = r.value(5).toString();
        if (!r.value(6).isNull())
            l.binId = r.value(6).toLongLong();
        l.binCode = r.value(7).toString();
        l.binSequence = r.value(8).toInt();
        l.quantity = r.value(9).toInt();
        l.shortQuantity = r.value(10).toInt();
        lineIndex.insert(l.id, detail.lines.size());
        detail.lines.append(l);
    }

    Result<QSqlQuery> allocations =
        runQuery(m_db,
                 QStringLiteral("SELECT a.pick_list_line_id, a.slot, ol.order_id, a.order_line_id, "
                                "a.quantity, CASE WHEN ol.product_id <> pll.product_id "
                                "THEN COALESCE(kp.sku, ol.sku) END FROM pick_list_line_orders a "
                                "JOIN pick_list_lines pll ON pll.id = a.pick_list_line_id "
                                "JOIN order_lines ol ON ol.id = a.order_line_id "
                                "LEFT JOIN products kp ON kp.id = ol.product_id "
                                "WHERE pll.pick_list_id = ? ORDER BY a.pick_list_line_id, a.slot, "
                                "a.order_line_id"),
                 {listId});
    if (!allocations.ok())
        return Error{allocations.error()};
    while (allocations.value().next()) {
        const QSqlQuery &r = allocations.value();
        const auto it = lineIndex.constFind(r.value(0).toLongLong());
        if (it == lineIndex.cend())
            continue;
        detail.lines[*it].allocations.append({r.value(1).toInt(), r.value(2).toLongLong(),
                                              r.value(3).toLongLong(), r.value(4).toInt(),
                                              r.value(5).toString()});
    }
    return detail;
}

} // namespace storage
