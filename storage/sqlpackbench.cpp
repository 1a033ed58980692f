#include "storage/sqlpackbench.h"

#include "models/gs1.h"
#include "models/orderstatemachine.h"
#include "models/picklistcode.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QHash>

#include <algorithm>

namespace storage {

using models::Error;
using models::OrderStatus;
using models::PackOrder;
using models::Result;
using models::Status;

namespace {

// At least this much time per packer, so the first order of the day does not
// show as thousands an hour.
constexpr double kMinimumHours = 0.25;

bool packable(OrderStatus s)
{
    return s == OrderStatus::Ready || s == OrderStatus::Picking;
}

// Why an order in this status cannot be packed, naming it.
QString refusal(const QString &number, OrderStatus status, const QString &holdReason)
{
    switch (status) {
    case OrderStatus::Packed:
        return QStringLiteral("%1 is already packed").arg(number);
    case OrderStatus::OnHold:
        return holdReason.isEmpty() ? QStringLiteral("%1 is on hold").arg(number)
                                    : QStringLiteral("%1 is on hold: %2").arg(number, holdReason);
    case OrderStatus::Cancelled:
        return QStringLiteral("%1 is cancelled").arg(number);
    case OrderStatus::Shipped:
    case OrderStatus::PartiallyShipped:
        return QStringLiteral("%1 has already shipped").arg(number);
    case OrderStatus::Delivered:
        return QStringLiteral("%1 has already been delivered").arg(number);
    case OrderStatus::New:
        return QStringLiteral("%1 is not allocated yet: allocate it on the Orders screen first")
            .arg(number);
    case OrderStatus::Backordered:
        return QStringLiteral("%1 is backordered: it is waiting for stock").arg(number);
    case OrderStatus::Ready:
    case OrderStatus::Picking:
        break;
    }
    return QString();
}

// The forms a GTIN may be stored in: as scanned, and as GTIN-14, EAN-13, UPC-A and
// EAN-8 with the leading zeros that make them the same number.
QStringList barcodeForms(const QString &code)
{
    const models::gs1::ScannedText text = models::gs1::splitSymbologyIdentifier(code);
    QStringList forms{text.data};
    std::optional<QString> g = models::gs1::gtinOfScan(code);
    if (!g)
        g = models::gs1::toGtin14(text.data);
    if (g) {
        for (int digits : {14, 13, 12, 8}) {
            const QString form = g->right(digits);
            if (g->left(14 - digits).count(u'0') == 14 - digits && !forms.contains(form))
                forms.append(form);
        }
    }
    return forms;
}

} // namespace

SqlPackBench::SqlPackBench(QSqlDatabase db, QString station, QString packer)
    : m_db(std::move(db)), m_station(std::move(station)), m_packer(std::move(packer)),
      m_byNumber(m_db), m_bySlot(m_db), m_byLabel(m_db), m_header(m_db), m_lines(m_db),
      m_barcodes(m_db), m_channelSkus(m_db), m_barcodeProduct(m_db), m_skuProduct(m_db),
      m_channelSkuProduct(m_db), m_insertScan(m_db), m_kitParts(m_db)
{}

QDateTime SqlPackBench::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

Status SqlPackBench::prepare()
{
    if (m_prepared)
        return {};
    const struct
    {
        QSqlQuery *query;
        const char *sql;
    } all[] = {
        {&m_byNumber, "SELECT id FROM orders WHERE order_number = ?"},
        {&m_bySlot, "SELECT o.order_id FROM pick_lists l JOIN pick_list_orders o "
                    "ON o.pick_list_id = l.id WHERE l.code = ? AND o.slot = ? "
                    "AND o.removed_at IS NULL"},
        {&m_byLabel, "SELECT o.id FROM orders o JOIN channels c ON c.id = o.channel_id "
                     "WHERE c.code = ? AND o.external_id = ?"},
        {&m_header, "SELECT o.order_number, o.status, o.hold_reason, c.name, o.ship_name, "
                    "o.shipping_service FROM orders o JOIN channels c ON c.id = o.channel_id "
                    "WHERE o.id = ?"},
        {&m_lines, "SELECT l.id, l.product_id, l.sku, COALESCE(p.name, l.title), "
                   "l.quantity - l.quantity_shipped, p.weight_grams, p.length_mm, p.width_mm, "
                   "p.height_mm, COALESCE(p.is_kit, 0) FROM order_lines l "
                   "LEFT JOIN products p ON p.id = l.product_id "
                   "WHERE l.order_id = ? ORDER BY l.line_no"},
        {&m_kitParts, "SELECT k.component_product_id, p.sku, p.name, k.quantity, p.weight_grams, "
                      "p.length_mm, p.width_mm, p.height_mm FROM kit_components k "
                      "JOIN products p ON p.id = k.component_product_id "
                      "WHERE k.kit_product_id = ? ORDER BY p.sku"},
        {&m_barcodes, "SELECT barcode FROM product_barcodes WHERE product_id = ? "
                      "ORDER BY is_primary DESC, id"},
        {&m_channelSkus, "SELECT channel_sku FROM channel_skus WHERE product_id = ?"},
        {&m_barcodeProduct, "SELECT p.id, p.sku, p.name FROM product_barcodes b "
                            "JOIN products p ON p.id = b.product_id WHERE b.barcode = ?"},
        {&m_skuProduct, "SELECT id, sku, name FROM products WHERE sku = ?"},
        {&m_channelSkuProduct, "SELECT p.id, p.sku, p.name FROM channel_skus s "
                               "JOIN products p ON p.id = s.product_id WHERE s.channel_sku = ?"},
        {&m_insertScan, "INSERT INTO pack_scans (order_id, station, packer, at, code, result, "
                        "units, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
    };
    for (const auto &[query, sql] : all) {
        query->setForwardOnly(true);
        if (!query->prepare(QString::fromLatin1(sql)))
            return sqlError(*query, QString::fromLatin1(sql));
    }
    m_prepared = true;
    return {};
}

Result<QList<qint64>> SqlPackBench::candidates(const QString &code, QString *slot)
{
    QList<qint64> ids;
    auto collect = [&ids](QSqlQuery &q, const QVariantList &binds) -> Status {
        if (Status s = execPrepared(q, binds); !s)
            return s;
        while (q.next())
            if (!ids.contains(q.value(0).toLongLong()))
                ids.append(q.value(0).toLongLong());
        q.finish();
        return {};
    };
    if (const std::optional<models::SlotBarcode> s = models::parseSlotBarcode(code)) {
        *slot = models::slotBarcode(s->listCode, s->slot);
        if (Status st = collect(m_bySlot, {s->listCode, s->slot}); !st)
            return Error{st.error()};
        return ids;
    }
    // The label's order code: "BR:<channel>:<channel order id>[:<order number>]".
    const QStringList parts = code.split(u':');
    if (parts.size() >= 3 && parts.first().compare(QLatin1String("BR"), Qt::CaseInsensitive) == 0) {
        if (Status st = collect(m_byLabel, {parts.at(1).toLower(), parts.at(2)}); !st)
            return Error{st.error()};
        if (!ids.isEmpty() || parts.size() < 4)
            return ids;
        return candidates(parts.at(3), slot);
    }
    if (Status st = collect(m_byNumber, {code}); !st)
        return Error{st.error()};
    if (ids.isEmpty() && !code.startsWith(u'#'))
        if (Status st = collect(m_byNumber, {QStringLiteral("#") + code}); !st)
            return Error{st.error()};
    return ids;
}

Result<PackOrder> SqlPackBench::load(qint64 orderId)
{
    PackOrder o;
    o.id = orderId;
    if (Status s = execPrepared(m_header, {orderId}); !s)
        return Error{s.error()};
    if (!m_header.next())
        return Error{QStringLiteral("order %1 is gone").arg(orderId)};
    o.orderNumber = m_header.value(0).toString();
    o.status = models::orderStatusFromCode(m_header.value(1).toString()).value_or(OrderStatus::New);
    const QString holdReason = m_header.value(2).toString();
    o.channelName = m_header.value(3).toString();
    o.shipName = m_header.value(4).toString();
    o.shippingService = m_header.value(5).toString();
    m_header.finish();
    if (!packable(o.status))
        return Error{refusal(o.orderNumber, o.status, holdReason)};

    if (Status s = execPrepared(m_lines, {orderId}); !s)
        return Error{s.error()};
    QList<QPair<models::PackLine, bool>> rows; // line, is a kit
    while (m_lines.next()) {
        models::PackLine l;
        l.orderLineId = m_lines.value(0).toLongLong();
        l.productId = m_lines.value(1).toLongLong();
        l.sku = m_lines.value(2).toString();
        l.title = m_lines.value(3).toString();
        l.quantity = m_lines.value(4).toInt();
        l.weightGrams = m_lines.value(5).toInt();
        l.lengthMm = m_lines.value(6).toInt();
        l.widthMm = m_lines.value(7).toInt();
        l.heightMm = m_lines.value(8).toInt();
        if (l.quantity > 0)
            rows.append({l, m_lines.value(9).toInt() != 0});
    }
    m_lines.finish();

    // A product's codes, read once however many lines (or kits) it is on.
    QHash<qint64, QPair<QStringList, QStringList>> codes;
    const auto codesOf = [&](qint64 productId) -> Result<QPair<QStringList, QStringList>> {
        if (const auto it = codes.constFind(productId); it != codes.cend())
            return *it;
        QStringList barcodes, channelSkus;
        if (Status s = execPrepared(m_barcodes, {productId}); !s)
            return Error{s.error()};
        while (m_barcodes.next())
            barcodes.append(m_barcodes.value(0).toString());
        m_barcodes.finish();
        if (Status s = execPrepared(m_channelSkus, {productId}); !s)
            return Error{s.error()};
        while (m_channelSkus.next())
            channelSkus.append(m_channelSkus.value(0).toString());
        m_channelSkus.finish();
        codes.insert(productId, {barcodes, channelSkus});
        return codes.value(productId);
    };

    for (const auto &[line, isKit] : std::as_const(rows)) {
        if (!isKit) {
            o.lines.append(line);
            continue;
        }
        // A kit goes in the box as its parts: kits still to ship × each part's quantity.
        models::PackKit kit;
        kit.orderLineId = line.orderLineId;
        kit.productId = line.productId;
        kit.sku = line.sku;
        kit.title = line.title;
        kit.quantity = line.quantity;
        Result<QPair<QStringList, QStringList>> own = codesOf(kit.productId);
        if (!own.ok())
            return Error{own.error()};
        kit.barcodes = own->first;
        kit.channelSkus = own->second;
        QList<models::PackLine> parts;
        if (Status s = execPrepared(m_kitParts, {kit.productId}); !s)
            return Error{s.error()};
        while (m_kitParts.next()) {
            models::PackLine part;
            part.productId = m_kitParts.value(0).toLongLong();
            part.sku = m_kitParts.value(1).toString();
            part.title = m_kitParts.value(2).toString();
            part.quantity = m_kitParts.value(3).toInt();
            part.weightGrams = m_kitParts.value(4).toInt();
            part.lengthMm = m_kitParts.value(5).toInt();
            part.widthMm = m_kitParts.value(6).toInt();
            part.heightMm = m_kitParts.value(7).toInt();
            parts.append(part);
        }
        m_kitParts.finish();
        if (parts.isEmpty())
            return Error{QStringLiteral("%1: %2 is a kit with no parts; give it its parts in the "
                                        "product editor before packing")
                             .arg(o.orderNumber, kit.sku)};
        o.appendKit(kit, parts);
    }
    for (models::PackLine &l : o.lines) {
        if (l.productId == 0)
            continue;
        Result<QPair<QStringList, QStringList>> c = codesOf(l.productId);
        if (!c.ok())
            return Error{c.error()};
        l.barcodes = c->first;
        l.channelSkus = c->second;
    }
    if (o.lines.isEmpty())
        return Error{QStringLiteral("%1 has nothing left to pack").arg(o.orderNumber)};
    return o;
}

Result<PackOrder> SqlPackBench::findOrder(const QString &scanned)
{
    const QString code = scanned.trimmed();
    if (code.isEmpty())
        return Error{QStringLiteral("Nothing was scanned")};
    if (Status s = prepare(); !s)
        return Error{s.error()};
    QString slot;
    Result<QList<qint64>> ids = candidates(code, &slot);
    if (!ids)
        return Error{ids.error()};
    if (ids->isEmpty()) {
        return Error{slot.isEmpty() ? QStringLiteral("No order has the code \"%1\"").arg(code)
                                    : QStringLiteral("%1: no order in that slot").arg(slot)};
    }
    QList<PackOrder> found;
    QString firstRefusal;
    for (qint64 id : ids.value()) {
        Result<PackOrder> o = load(id);
        if (o.ok())
            found.append(std::move(o).value());
        else if (firstRefusal.isEmpty())
            firstRefusal = o.error();
    }
    if (found.isEmpty())
        return Error{firstRefusal};
    if (found.size() > 1) {
        QStringList channels;
        for (const PackOrder &o : std::as_const(found))
            channels.append(o.channelName);
        return Error{QStringLiteral("%1 names %2 orders (%3): scan the order code on the packing "
                                    "slip or the pick-list slot instead")
                         .arg(code)
                         .arg(found.size())
                         .arg(channels.join(QStringLiteral(", ")))};
    }
    found.first().pickSlot = slot;
    return found.first();
}

std::optional<models::ScannedProduct> SqlPackBench::identify(const QString &scanned)
{
    const QString code = scanned.trimmed();
    if (code.isEmpty() || !prepare())
        return std::nullopt;
    auto first = [](QSqlQuery &q,
                    const QVariantList &binds) -> std::optional<models::ScannedProduct> {
        if (!execPrepared(q, binds))
            return std::nullopt;
        std::optional<models::ScannedProduct> p;
        if (q.next())
            p = models::ScannedProduct{q.value(0).toLongLong(), q.value(1).toString(),
                                       q.value(2).toString()};
        q.finish();
        return p;
    };
    for (const QString &form : barcodeForms(code))
        if (auto p = first(m_barcodeProduct, {form}))
            return p;
    const QString text = models::gs1::splitSymbologyIdentifier(code).data;
    if (auto p = first(m_skuProduct, {text}))
        return p;
    if (auto p = first(m_skuProduct, {text.toUpper()}))
        return p;
    return first(m_channelSkuProduct, {text});
}

Result<QList<models::PackBox>> SqlPackBench::boxes()
{
    Result<QSqlQuery> q = runQuery(
        m_db,
        QStringLiteral(
            "SELECT code, name, length_mm, width_mm, height_mm, max_weight_grams, tare_grams "
            "FROM pack_boxes WHERE active = 1 ORDER BY length_mm * width_mm * height_mm, code"));
    if (!q)
        return Error{q.error()};
    QList<models::PackBox> out;
    while (q.value().next()) {
        out.append({q.value().value(0).toString(), q.value().value(1).toString(),
                    q.value().value(2).toInt(), q.value().value(3).toInt(),
                    q.value().value(4).toInt(), q.value().value(5).toInt(),
                    q.value().value(6).toInt()});
    }
    return out;
}

Status SqlPackBench::logScan(const models::PackScanRecord &scan)
{
    if (Status s = prepare(); !s)
        return s;
    Transaction txn(m_db);
    if (!txn.isActive())
        return Error{txn.error()};
    if (Status s = execPrepared(
            m_insertScan, {scan.orderId > 0 ? QVariant(scan.orderId) : optionalId({}), m_station,
                           m_packer, isoUtc(now()), scan.code, models::scanResultCode(scan.result),
                           scan.units, scan.detail.isEmpty() ? nullText() : QVariant(scan.detail)});
        !s)
        return s;
    return txn.commit();
}

Status SqlPackBench::markPacked(const models::PackCompletion &c)
{
    if (Status s = prepare(); !s)
        return s;
    Transaction txn(m_db);
    if (!txn.isActive())
        return Error{txn.error()};
    Result<QSqlQuery> q = runQuery(
        m_db,
        QStringLiteral("SELECT order_number, status, hold_reason, channel_id, external_id, "
                       "item_count FROM orders WHERE id = ?"),
        {c.orderId});
    if (!q)
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("order %1 is gone").arg(c.orderId)};
    models::Order order;
    order.id = c.orderId;
    order.orderNumber = q.value().value(0).toString();
    order.status =
        models::orderStatusFromCode(q.value().value(1).toString()).value_or(OrderStatus::New);
    order.holdReason = q.value().value(2).toString();
    if (!packable(order.status))
        return Error{refusal(order.orderNumber, order.status, order.holdReason)};
    const OrderStatus before = order.status;
    const QDateTime at = now();

    QList<OrderStatus> path;
    if (order.status == OrderStatus::Ready)
        path << OrderStatus::Picking;
    path << OrderStatus::Packed;
    const QString detail =
        QStringLiteral("packed at %1%2, %3 g%4")
            .arg(m_station,
                 c.boxCode.isEmpty() ? QString() : QStringLiteral(" in %1").arg(c.boxCode))
            .arg(c.weightGrams)
            .arg(c.weightEstimated ? QStringLiteral(" (estimated)") : QString());
    for (OrderStatus to : path) {
        Result<models::OrderEvent> e =
            models::OrderStateMachine::transition(order, to, QString(), m_packer, at);
        if (!e)
            return Error{QStringLiteral("%1: %2").arg(order.orderNumber, e.error())};
        if (Status s = runStatement(
                m_db,
                QStringLiteral("INSERT INTO order_events (order_id, at, kind, from_status, "
                               "to_status, detail, user_name) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {c.orderId, isoUtc(at), models::orderEventKindCode(e->kind),
                 models::orderStatusCode(*e->fromStatus), models::orderStatusCode(*e->toStatus),
                 to == OrderStatus::Packed ? detail : QStringLiteral("packed at the bench"),
                 m_packer});
            !s)
            return s;
    }
    Result<QSqlQuery> updated = runQuery(
        m_db,
        QStringLiteral("UPDATE orders SET status = 'packed', packed_at = ?, packed_by = ?, "
                       "pack_box_code = ?, pack_weight_grams = ?, pack_weight_estimated = ?, "
                       "updated_at = ? WHERE id = ? AND status = ?"),
        {isoUtc(at), m_packer, c.boxCode.isEmpty() ? nullText() : QVariant(c.boxCode),
         c.weightGrams > 0 ? QVariant(c.weightGrams) : QVariant(QMetaType::fromType<int>()),
         c.weightEstimated ? 1 : 0, isoUtc(at), c.orderId, models::orderStatusCode(before)});
    if (!updated)
        return Error{updated.error()};
    if (updated.value().numRowsAffected() != 1)
        return Error{QStringLiteral("%1 changed while it was being packed").arg(order.orderNumber)};
    if (Status s = execPrepared(m_insertScan,
                                {c.orderId, m_station, m_packer, isoUtc(at), order.orderNumber,
                                 QStringLiteral("packed"), c.units, detail});
        !s)
        return s;
    return txn.commit();
}

Status SqlPackBench::recordWeight(qint64 orderId, int grams)
{
    if (grams <= 0)
        return Error{QStringLiteral("a weight must be more than 0 g")};
    Transaction txn(m_db);
    if (!txn.isActive())
        return Error{txn.error()};
    Result<QSqlQuery> q = runQuery(m_db,
                                   QStringLiteral("UPDATE orders SET pack_weight_grams = ?, "
                                                  "pack_weight_estimated = 0, updated_at = ? "
                                                  "WHERE id = ? AND status = 'packed'"),
                                   {grams, isoUtc(now()), orderId});
    if (!q)
        return Error{q.error()};
    if (q.value().numRowsAffected() != 1)
        return Error{
            QStringLiteral("order %1 is not packed: its weight was not recorded").arg(orderId)};
    return txn.commit();
}

Result<models::PackFigures> SqlPackBench::figuresSince(const QDateTime &sinceUtc)
{
    models::PackFigures f;
    const QString since = isoUtc(sinceUtc);
    // Orders packed in the period, and whether any of their item scans was wrong.
    Result<QSqlQuery> orders = runQuery(
        m_db,
        QStringLiteral(
            "SELECT p.packer, COUNT(*), SUM(p.units), "
            "SUM(CASE WHEN EXISTS (SELECT 1 FROM pack_scans w WHERE w.order_id = p.order_id "
            "AND w.result IN ('wrong', 'over', 'unknown')) THEN 0 ELSE 1 END) "
            "FROM pack_scans p WHERE p.at >= ? AND p.result = 'packed' GROUP BY p.packer"),
        {since});
    if (!orders)
        return Error{orders.error()};
    QHash<QString, models::PackerFigures> byPacker;
    while (orders.value().next()) {
        models::PackerFigures &p = byPacker[orders.value().value(0).toString()];
        p.packer = orders.value().value(0).toString();
        p.orders = orders.value().value(1).toInt();
        p.items = orders.value().value(2).toInt();
        f.ordersPacked += p.orders;
        f.ordersAccurate += orders.value().value(3).toInt();
    }
    Result<QSqlQuery> scans =
        runQuery(m_db,
                 QStringLiteral("SELECT packer, SUM(CASE WHEN result IN ('right', 'wrong', 'over', "
                                "'unknown') THEN 1 ELSE 0 END), SUM(CASE WHEN result IN ('wrong', "
                                "'over', 'unknown') THEN 1 ELSE 0 END), MIN(at), MAX(at) "
                                "FROM pack_scans WHERE at >= ? GROUP BY packer"),
                 {since});
    if (!scans)
        return Error{scans.error()};
    while (scans.value().next()) {
        models::PackerFigures &p = byPacker[scans.value().value(0).toString()];
        p.packer = scans.value().value(0).toString();
        p.misScans = scans.value().value(2).toInt();
        f.itemScans += scans.value().value(1).toInt();
        f.misScans += p.misScans;
        const QDateTime first =
            QDateTime::fromString(scans.value().value(3).toString(), Qt::ISODate);
        const QDateTime last =
            QDateTime::fromString(scans.value().value(4).toString(), Qt::ISODate);
        p.hours = std::max(kMinimumHours, first.secsTo(last) / 3600.0);
    }
    f.packers = byPacker.values();
    std::sort(f.packers.begin(), f.packers.end(),
              [](const models::PackerFigures &a, const models::PackerFigures &b) {
                  return a.orders != b.orders ? a.orders > b.orders : a.packer < b.packer;
              });
    return f;
}

} // namespace storage
