#include "storage/sqlpurchasing.h"

#include "models/stockmovement.h"
#include "storage/purchaseordernumber.h"
#include "storage/sqlallocator.h"
#include "storage/sqlputaway.h"
#include "storage/sqlrun.h"
#include "storage/sqlstockledger.h"
#include "storage/transaction.h"

#include <QHash>
#include <QSet>

#include <functional>
#include <utility>

namespace storage {

using models::Error;
using models::PurchaseOrder;
using models::PurchaseOrderRules;
using models::Result;
using models::Status;
using PoStatus = models::PurchaseOrder::Status;

namespace {

QDate dateOf(const QVariant &isoText)
{
    if (isoText.isNull())
        return {};
    const QString text = isoText.toString();
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC().date() : QDate::fromString(text.left(10), Qt::ISODate);
}

QVariant expectedText(const QDate &expected)
{
    return expected.isValid() ? QVariant(isoUtc(QDateTime(expected, QTime(0, 0), Qt::UTC)))
                              : nullText();
}

QDate todayOr(const QDate &today)
{
    return today.isValid() ? today : QDateTime::currentDateTimeUtc().date();
}

struct Header
{
    QString number;
    PoStatus status = PoStatus::Draft;
    qint64 locationId = 0;
};

Result<Header> readHeader(const QSqlDatabase &db, qint64 id)
{
    Result<QSqlQuery> q = runQuery(
        db,
        QStringLiteral("SELECT po_number, status, location_id FROM purchase_orders WHERE id = ?"),
        {id});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("purchase order %1 does not exist").arg(id)};
    Header h;
    h.number = q.value().value(0).toString();
    const std::optional<PoStatus> status =
        models::purchaseOrderStatusFromCode(q.value().value(1).toString());
    if (!status)
        return Error{QStringLiteral("purchase order %1: unknown status \"%2\"")
                         .arg(h.number, q.value().value(1).toString())};
    h.status = *status;
    h.locationId = q.value().value(2).toLongLong();
    return h;
}

// "purchase order PO-0042 is sent", the start of a refusal that depends on the status.
QString numberAndStatus(const Header &h)
{
    return QStringLiteral("purchase order %1 is %2")
        .arg(h.number, models::purchaseOrderStatusLabel(h.status).toLower());
}

// Runs `sql` with `binds` and hands every row it returns to `read`, in order.
Status eachRow(const QSqlDatabase &db, const QString &sql, const QVariantList &binds,
               const std::function<void(const QSqlQuery &)> &read)
{
    Result<QSqlQuery> q = runQuery(db, sql, binds);
    if (!q.ok())
        return Error{q.error()};
    while (q.value().next())
        read(q.value());
    return {};
}

// The rows of `sql` as choices: the first column is the id, `fill` reads the rest.
Result<QList<models::PurchasingChoice>>
readChoices(const QSqlDatabase &db, const QString &sql,
            const std::function<void(const QSqlQuery &, models::PurchasingChoice &)> &fill)
{
    QList<models::PurchasingChoice> out;
    if (Status s = eachRow(db, sql, {},
                           [&](const QSqlQuery &r) {
                               models::PurchasingChoice c;
                               c.id = r.value(0).toLongLong();
                               fill(r, c);
                               out.append(c);
                           });
        !s)
        return Error{s.error()};
    return out;
}

// Columns 1 and 2: the code and the name.
void readCodeAndName(const QSqlQuery &r, models::PurchasingChoice &c)
{
    c.code = r.value(1).toString();
    c.name = r.value(2).toString();
}

const char kSummarySelect[] =
    "SELECT po.id, po.po_number, po.supplier_id, s.name, po.location_id, l.code, po.status, "
    "       po.currency, po.ordered_at, po.expected_at, COUNT(pol.id), "
    "       COALESCE(SUM(pol.quantity_ordered), 0), COALESCE(SUM(pol.quantity_received), 0), "
    "       COALESCE(SUM(pol.quantity_ordered * pol.unit_cost_minor), 0), "
    "       (SELECT COUNT(*) FROM po_discrepancies d WHERE d.purchase_order_id = po.id) "
    "FROM purchase_orders po "
    "JOIN suppliers s ON s.id = po.supplier_id "
    "JOIN locations l ON l.id = po.location_id "
    "LEFT JOIN purchase_order_lines pol ON pol.purchase_order_id = po.id ";

} // namespace

SqlPurchasing::SqlPurchasing(QSqlDatabase db) : m_db(std::move(db)) {}

Result<QList<models::PurchaseOrderSummary>>
SqlPurchasing::summaries(const QString &where, const QVariantList &binds, const QDate &today)
{
    Result<QSqlQuery> q = runQuery(m_db,
                                   QString::fromLatin1(kSummarySelect) + where +
                                       QStringLiteral(" GROUP BY po.id ORDER BY po.id DESC"),
                                   binds);
    if (!q.ok())
        return Error{q.error()};
    QList<models::PurchaseOrderSummary> rows;
    QSqlQuery &r = q.value();
    while (r.next()) {
        models::PurchaseOrderSummary s;
        s.id = r.value(0).toLongLong();
        s.poNumber = r.value(1).toString();
        s.supplierId = r.value(2).toLongLong();
        s.supplierName = r.value(3).toString();
        s.locationId = r.value(4).toLongLong();
        s.locationCode = r.value(5).toString();
        s.status =
            models::purchaseOrderStatusFromCode(r.value(6).toString()).value_or(PoStatus::Draft);
        s.currency = r.value(7).toString();
        if (!r.value(8).isNull())
            s.orderedAtUtc = QDateTime::fromString(r.value(8).toString(), Qt::ISODate);
        s.expected = dateOf(r.value(9));
        s.lines = r.value(10).toInt();
        s.unitsOrdered = r.value(11).toInt();
        s.unitsReceived = r.value(12).toInt();
        s.totalMinor = r.value(13).toLongLong();
        s.discrepancies = r.value(14).toInt();
        s.overdue = PurchaseOrderRules::isOverdue(s.status, s.expected, today);
        rows.append(s);
    }
    return rows;
}

Result<QList<models::PurchaseOrderSummary>>
SqlPurchasing::purchaseOrders(const models::PurchaseOrderFilter &filter)
{
    const QDate today = todayOr(filter.today);
    const QVariant status =
        filter.status ? QVariant(models::purchaseOrderStatusCode(*filter.status)) : nullText();
    const QVariant supplier = optionalId(filter.supplierId);
    // Overdue: open and expected before today (the rule, in SQL so the list stays short).
    return summaries(
        QStringLiteral("WHERE (? IS NULL OR po.status = ?) AND (? IS NULL OR po.supplier_id = ?) "
                       "AND (? = 0 OR (po.status IN ('sent', 'partially_received') "
                       "AND po.expected_at < ?))"),
        {status, status, supplier, supplier, filter.onlyOverdue ? 1 : 0,
         today.toString(Qt::ISODate)},
        today);
}

Result<models::PurchaseOrderDetail> SqlPurchasing::purchaseOrder(qint64 id, const QDate &today)
{
    Result<QList<models::PurchaseOrderSummary>> head =
        summaries(QStringLiteral("WHERE po.id = ?"), {id}, todayOr(today));
    if (!head.ok())
        return Error{head.error()};
    if (head.value().isEmpty())
        return Error{QStringLiteral("purchase order %1 does not exist").arg(id)};
    models::PurchaseOrderDetail d;
    d.header = head.value().constFirst();

    // Read in this order: the barcodes go onto the lines read before them.
    QHash<qint64, QList<qsizetype>> byProduct;
    const QList<std::pair<QString, std::function<void(const QSqlQuery &)>>> reads{
        // One row at most: the order's supplier and location.
        {QStringLiteral("SELECT s.email, s.phone, l.name, l.address_line1, l.address_line2, "
                        "       l.city, l.region, l.postcode, l.country, po.notes, po.created_at, "
                        "       (SELECT value FROM settings WHERE key = 'shop.name') "
                        "FROM purchase_orders po "
                        "JOIN suppliers s ON s.id = po.supplier_id "
                        "JOIN locations l ON l.id = po.location_id WHERE po.id = ?"),
         [&d](const QSqlQuery &r) {
             d.supplierEmail = r.value(0).toString();
             d.supplierPhone = r.value(1).toString();
             d.locationName = r.value(2).toString();
             d.locationAddress.name = d.locationName;
             d.locationAddress.line1 = r.value(3).toString();
             d.locationAddress.line2 = r.value(4).toString();
             d.locationAddress.city = r.value(5).toString();
             d.locationAddress.region = r.value(6).toString();
             d.locationAddress.postcode = r.value(7).toString();
             d.locationAddress.country = r.value(8).toString();
             d.notes = r.value(9).toString();
             d.createdAtUtc = QDateTime::fromString(r.value(10).toString(), Qt::ISODate);
             d.shopName = r.value(11).toString();
         }},
        {QStringLiteral("SELECT pol.id, pol.product_id, p.sku, p.supplier_sku, p.name, "
                        "       pol.quantity_ordered, pol.quantity_received, pol.unit_cost_minor "
                        "FROM purchase_order_lines pol JOIN products p ON p.id = pol.product_id "
                        "WHERE pol.purchase_order_id = ? ORDER BY pol.id"),
         [&d, &byProduct](const QSqlQuery &r) {
             models::PurchaseOrderLineDetail l;
             l.lineId = r.value(0).toLongLong();
             l.productId = r.value(1).toLongLong();
             l.sku = r.value(2).toString();
             l.supplierSku = r.value(3).toString();
             l.name = r.value(4).toString();
             l.ordered = r.value(5).toInt();
             l.received = r.value(6).toInt();
             l.unitCostMinor = r.value(7).toLongLong();
             byProduct[l.productId].append(d.lines.size());
             d.lines.append(l);
         }},
        {QStringLiteral("SELECT b.product_id, b.barcode FROM product_barcodes b "
                        "WHERE b.product_id IN (SELECT product_id FROM purchase_order_lines "
                        "WHERE purchase_order_id = ?) ORDER BY b.is_primary DESC, b.id"),
         [&d, &byProduct](const QSqlQuery &r) {
             for (qsizetype i : byProduct.value(r.value(0).toLongLong()))
                 d.lines[i].barcodes.append(r.value(1).toString());
         }},
        // The products' bins at the order's location, the primary first: where a receipt
        // goes when no other bin is scanned.
        {QStringLiteral("SELECT pol.product_id, b.code FROM purchase_orders po "
                        "JOIN purchase_order_lines pol ON pol.purchase_order_id = po.id "
                        "JOIN product_bins pb ON pb.product_id = pol.product_id "
                        "JOIN bins b ON b.id = pb.bin_id AND b.location_id = po.location_id "
                        "WHERE po.id = ? ORDER BY pb.is_primary DESC, b.pick_sequence, b.code"),
         [&d, &byProduct](const QSqlQuery &r) {
             for (qsizetype i : byProduct.value(r.value(0).toLongLong()))
                 if (d.lines[i].binCode.isEmpty())
                     d.lines[i].binCode = r.value(1).toString();
         }},
        {QStringLiteral("SELECT d.purchase_order_line_id, p.sku, d.kind, d.quantity, d.note, "
                        "       d.user_name, d.created_at FROM po_discrepancies d "
                        "JOIN purchase_order_lines pol ON pol.id = d.purchase_order_line_id "
                        "JOIN products p ON p.id = pol.product_id "
                        "WHERE d.purchase_order_id = ? ORDER BY d.id"),
         [&d](const QSqlQuery &r) {
             models::DiscrepancyRecord x;
             x.lineId = r.value(0).toLongLong();
             x.sku = r.value(1).toString();
             x.kind = models::discrepancyKindFromCode(r.value(2).toString())
                          .value_or(models::DiscrepancyKind::Over);
             x.quantity = r.value(3).toInt();
             x.note = r.value(4).toString();
             x.user = r.value(5).toString();
             x.atUtc = QDateTime::fromString(r.value(6).toString(), Qt::ISODate);
             d.discrepancies.append(x);
         }}};
    for (const auto &[sql, read] : reads)
        if (Status s = eachRow(m_db, sql, {id}, read); !s)
            return Error{s.error()};
    return d;
}

Result<QList<models::PurchasingChoice>> SqlPurchasing::suppliers()
{
    return readChoices(m_db,
                       QStringLiteral("SELECT id, name, currency FROM suppliers ORDER BY name, id"),
                       [](const QSqlQuery &r, models::PurchasingChoice &c) {
                           c.name = r.value(1).toString();
                           c.currency = r.value(2).toString();
                       });
}

Result<QList<models::PurchasingChoice>> SqlPurchasing::locations()
{
    return readChoices(m_db,
                       QStringLiteral("SELECT id, code, name FROM locations WHERE active = 1 "
                                      "ORDER BY kind <> 'warehouse', routing_priority, code"),
                       readCodeAndName);
}

Result<QList<models::PurchasingChoice>> SqlPurchasing::products()
{
    // Kits are sold, never bought.
    return readChoices(m_db,
                       QStringLiteral("SELECT id, sku, name, cost_minor, supplier_id FROM products "
                                      "WHERE active = 1 AND is_kit = 0 ORDER BY sku"),
                       [](const QSqlQuery &r, models::PurchasingChoice &c) {
                           readCodeAndName(r, c);
                           c.costMinor = r.value(3).toLongLong();
                           if (!r.value(4).isNull())
                               c.supplierId = r.value(4).toLongLong();
                       });
}

Result<qint64> SqlPurchasing::saveDraft(const models::PurchaseOrderDraft &draft)
{
    if (draft.lines.isEmpty())
        return Error{QStringLiteral("a purchase order needs at least one line")};
    QSet<qint64> seen;
    for (qsizetype i = 0; i < draft.lines.size(); ++i) {
        const auto &l = draft.lines.at(i);
        if (l.quantity <= 0)
            return Error{QStringLiteral("line %1: the quantity must be 1 or more").arg(i + 1)};
        if (l.unitCostMinor < 0)
            return Error{QStringLiteral("line %1: the unit cost cannot be negative").arg(i + 1)};
        if (seen.contains(l.productId))
            return Error{QStringLiteral("line %1: the product is already on the order").arg(i + 1)};
        seen.insert(l.productId);
    }

    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{tx.error()};
    Result<QVariant> currency = queryScalar(
        m_db, QStringLiteral("SELECT currency FROM suppliers WHERE id = ?"), {draft.supplierId});
    if (!currency.ok())
        return Error{QStringLiteral("supplier %1 does not exist").arg(draft.supplierId)};
    Result<QVariant> location = queryScalar(
        m_db, QStringLiteral("SELECT code FROM locations WHERE id = ?"), {draft.locationId});
    if (!location.ok())
        return Error{QStringLiteral("location %1 does not exist").arg(draft.locationId)};

    qint64 id = draft.id;
    if (id == 0) {
        Result<qint64> last = lastPurchaseOrderSequence(m_db);
        if (!last.ok())
            return Error{last.error()};
        Result<QSqlQuery> insert = runQuery(
            m_db,
            QStringLiteral("INSERT INTO purchase_orders (po_number, supplier_id, location_id, "
                           "status, currency, expected_at, notes, created_at) "
                           "VALUES (?, ?, ?, 'draft', ?, ?, ?, ?)"),
            {purchaseOrderNumber(last.value() + 1), draft.supplierId, draft.locationId,
             currency.value(), expectedText(draft.expected),
             draft.notes.isEmpty() ? nullText() : QVariant(draft.notes),
             isoUtc(QDateTime::currentDateTimeUtc())});
        if (!insert.ok())
            return Error{insert.error()};
        id = insert.value().lastInsertId().toLongLong();
    } else {
        Result<Header> h = readHeader(m_db, id);
        if (!h.ok())
            return Error{h.error()};
        if (!PurchaseOrderRules::linesEditable(h.value().status))
            return Error{
                QStringLiteral("%1: only a draft can be changed").arg(numberAndStatus(h.value()))};
        if (Status s = runStatement(
                m_db,
                QStringLiteral("UPDATE purchase_orders SET supplier_id = ?, location_id = ?, "
                               "currency = ?, expected_at = ?, notes = ? WHERE id = ?"),
                {draft.supplierId, draft.locationId, currency.value(), expectedText(draft.expected),
                 draft.notes.isEmpty() ? nullText() : QVariant(draft.notes), id});
            !s)
            return Error{s.error()};
        if (Status s = runStatement(
                m_db,
                QStringLiteral("DELETE FROM purchase_order_lines WHERE purchase_order_id = ?"),
                {id});
            !s)
            return Error{s.error()};
    }

    QSqlQuery insertLine(m_db);
    if (!insertLine.prepare(QStringLiteral(
            "INSERT INTO purchase_order_lines (purchase_order_id, product_id, quantity_ordered, "
            "unit_cost_minor) SELECT ?, p.id, ?, ? FROM products p WHERE p.id = ? AND p.is_kit = "
            "0")))
        return sqlError(insertLine, insertLine.lastQuery());
    for (qsizetype i = 0; i < draft.lines.size(); ++i) {
        const auto &l = draft.lines.at(i);
        if (Status s = execPrepared(insertLine, {id, l.quantity, l.unitCostMinor, l.productId}); !s)
            return Error{s.error()};
        if (insertLine.numRowsAffected() != 1)
            return Error{QStringLiteral("line %1: product %2 does not exist or is a kit")
                             .arg(i + 1)
                             .arg(l.productId)};
    }
    if (Status s = tx.commit(); !s)
        return Error{s.error()};
    return id;
}

Status SqlPurchasing::setExpectedDate(qint64 id, const QDate &expected)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{tx.error()};
    Result<Header> h = readHeader(m_db, id);
    if (!h.ok())
        return Error{h.error()};
    if (!PurchaseOrderRules::expectedDateEditable(h.value().status))
        return Error{QStringLiteral("%1: its expected date no longer matters")
                         .arg(numberAndStatus(h.value()))};
    if (Status s = runStatement(
            m_db, QStringLiteral("UPDATE purchase_orders SET expected_at = ? WHERE id = ?"),
            {expectedText(expected), id});
        !s)
        return s;
    return tx.commit();
}

Status SqlPurchasing::changeStatus(qint64 id, PoStatus to, const QString &user)
{
    Q_UNUSED(user)
    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{tx.error()};
    Result<Header> h = readHeader(m_db, id);
    if (!h.ok())
        return Error{h.error()};
    const Header &header = h.value();
    if (to == PoStatus::PartiallyReceived || to == PoStatus::Received)
        return Error{QStringLiteral("purchase order %1: receiving is done by posting a receipt")
                         .arg(header.number)};
    if (Status s = PurchaseOrderRules::checkTransition(header.number, header.status, to); !s)
        return s;
    QString sql = QStringLiteral("UPDATE purchase_orders SET status = ? WHERE id = ?");
    if (to == PoStatus::Sent) {
        Result<QVariant> lines = queryScalar(
            m_db,
            QStringLiteral("SELECT COUNT(*) FROM purchase_order_lines WHERE purchase_order_id = ?"),
            {id});
        if (!lines.ok())
            return Error{lines.error()};
        if (lines.value().toInt() == 0)
            return Error{
                QStringLiteral("purchase order %1 has no lines to send").arg(header.number)};
        // Sent without an expected date (a draft from the Reorder screen): the supplier's
        // lead time from today, so the order can be flagged when it is late.
        Result<QVariant> lead =
            queryScalar(m_db,
                        QStringLiteral("SELECT s.lead_time_days FROM purchase_orders po "
                                       "JOIN suppliers s ON s.id = po.supplier_id WHERE po.id = ?"),
                        {id});
        if (!lead.ok())
            return Error{lead.error()};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        sql = QStringLiteral("UPDATE purchase_orders SET status = ?, "
                             "ordered_at = COALESCE(ordered_at, ?), "
                             "expected_at = COALESCE(expected_at, ?) WHERE id = ?");
        if (Status s = runStatement(m_db, sql,
                                    {models::purchaseOrderStatusCode(to), isoUtc(now),
                                     expectedText(now.date().addDays(lead.value().toInt())), id});
            !s)
            return s;
    } else if (Status s = runStatement(m_db, sql, {models::purchaseOrderStatusCode(to), id}); !s) {
        return s;
    }
    return tx.commit();
}

Result<models::ReceiptResult> SqlPurchasing::postReceipt(const models::Receipt &receipt)
{
    const QDateTime at =
        receipt.atUtc.isValid() ? receipt.atUtc.toUTC() : QDateTime::currentDateTimeUtc();
    const QString user = receipt.user.isEmpty() ? QStringLiteral("system") : receipt.user;
    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{tx.error()};
    Result<Header> h = readHeader(m_db, receipt.purchaseOrderId);
    if (!h.ok())
        return Error{h.error()};
    const Header header = h.value();
    if (!PurchaseOrderRules::canReceive(header.status))
        return Error{QStringLiteral("%1: only a sent or partly received order can be received")
                         .arg(numberAndStatus(header))};

    struct Line
    {
        qint64 productId = 0;
        QString sku;
        models::PurchaseOrderLine figures;
    };
    QHash<qint64, Line> lines;
    QList<qint64> lineOrder;
    {
        Result<QSqlQuery> q =
            runQuery(m_db,
                     QStringLiteral("SELECT pol.id, pol.product_id, p.sku, pol.quantity_ordered, "
                                    "pol.quantity_received FROM purchase_order_lines pol "
                                    "JOIN products p ON p.id = pol.product_id "
                                    "WHERE pol.purchase_order_id = ? ORDER BY pol.id"),
                     {receipt.purchaseOrderId});
        if (!q.ok())
            return Error{q.error()};
        while (q.value().next()) {
            Line l;
            const qint64 lineId = q.value().value(0).toLongLong();
            l.productId = q.value().value(1).toLongLong();
            l.sku = q.value().value(2).toString();
            l.figures.productId = l.productId;
            l.figures.quantityOrdered = q.value().value(3).toInt();
            l.figures.quantityReceived = q.value().value(4).toInt();
            lines.insert(lineId, l);
            lineOrder.append(lineId);
        }
    }

    // Every line is checked before anything is written.
    struct Booked
    {
        qint64 lineId = 0;
        QString note;
        models::ReceiptOutcome outcome;
        models::PutAway putAway;
    };
    Result<QVariant> locationCode = queryScalar(
        m_db, QStringLiteral("SELECT code FROM locations WHERE id = ?"), {header.locationId});
    if (!locationCode.ok())
        return Error{locationCode.error()};
    QList<Booked> booked;
    QSet<qint64> counted;
    int unitsIn = 0;
    int unitsDamaged = 0;
    for (const models::Receipt::Line &in : receipt.lines) {
        auto it = lines.find(in.lineId);
        if (it == lines.end())
            return Error{QStringLiteral("purchase order %1: line %2 is not on it")
                             .arg(header.number)
                             .arg(in.lineId)};
        if (counted.contains(in.lineId))
            return Error{QStringLiteral("purchase order %1, SKU %2: counted twice in one receipt")
                             .arg(header.number, it->sku)};
        counted.insert(in.lineId);
        if (in.counted == 0 && in.damaged == 0)
            continue;
        models::ReceiptCount c;
        c.outstanding = it->figures.quantityOrdered - it->figures.quantityReceived;
        c.counted = in.counted;
        c.damaged = in.damaged;
        Result<models::ReceiptOutcome> outcome = models::bookReceiptLine(c);
        if (!outcome.ok())
            return Error{QStringLiteral("purchase order %1, SKU %2: %3")
                             .arg(header.number, it->sku, outcome.error())};
        Result<models::PutAway> putAway = resolvePutAway(
            m_db, it->productId, header.locationId, locationCode.value().toString(), in.binCode);
        if (!putAway.ok())
            return Error{QStringLiteral("purchase order %1, SKU %2: %3; nothing was received")
                             .arg(header.number, it->sku, putAway.error())};
        booked.append({in.lineId, in.note, outcome.value(), putAway.value()});
        unitsIn += outcome.value().received;
        unitsDamaged += outcome.value().writtenOff;
    }
    if (booked.isEmpty())
        return Error{
            QStringLiteral("purchase order %1: nothing was counted, so there is no receipt to post")
                .arg(header.number)};

    const QString now = isoUtc(at);
    Result<QSqlQuery> insertReceipt = runQuery(
        m_db,
        QStringLiteral("INSERT INTO po_receipts (purchase_order_id, received_at, user_name, "
                       "units_received, units_damaged) VALUES (?, ?, ?, ?, ?)"),
        {receipt.purchaseOrderId, now, user, unitsIn, unitsDamaged});
    if (!insertReceipt.ok())
        return Error{insertReceipt.error()};
    const qint64 receiptId = insertReceipt.value().lastInsertId().toLongLong();

    models::ReceiptResult result;
    QList<qint64> arrived;
    for (const Booked &b : std::as_const(booked)) {
        Line &line = lines[b.lineId];
        line.figures.quantityReceived += b.outcome.received;
        if (Status s = runStatement(m_db,
                                    QStringLiteral("UPDATE purchase_order_lines SET "
                                                   "quantity_received = quantity_received + ? "
                                                   "WHERE id = ?"),
                                    {b.outcome.received, b.lineId});
            !s)
            return Error{s.error()};

        models::StockMovement m;
        m.productId = line.productId;
        m.locationId = header.locationId;
        m.referenceType = QStringLiteral("purchase_order");
        m.referenceId = header.number;
        m.user = user;
        m.atUtc = at;
        if (b.putAway.bin)
            m.binId = b.putAway.bin->id;
        if (Status s = rememberPutAway(m_db, line.productId, b.putAway); !s)
            return Error{s.error()};
        const auto move = [&](int quantity, models::StockReason reason,
                              const QString &note) -> Status {
            m.quantity = quantity;
            m.reason = reason;
            m.note = note;
            Result<qint64> moved = recordStockMovementInTransaction(m_db, m);
            if (!moved.ok())
                return Error{QStringLiteral("purchase order %1, SKU %2: %3")
                                 .arg(header.number, line.sku, moved.error())};
            return {};
        };
        if (b.outcome.received > 0) {
            if (Status s = move(b.outcome.received, models::StockReason::Received,
                                QStringLiteral("Receipt %1").arg(receiptId));
                !s)
                return Error{s.error()};
        }
        if (b.outcome.writtenOff > 0) {
            if (Status s = move(-b.outcome.writtenOff, models::StockReason::Damaged,
                                QStringLiteral("Receipt %1: arrived damaged").arg(receiptId));
                !s)
                return Error{s.error()};
        }
        for (const models::Discrepancy &x : b.outcome.discrepancies) {
            if (Status s = runStatement(
                    m_db,
                    QStringLiteral("INSERT INTO po_discrepancies (purchase_order_id, "
                                   "purchase_order_line_id, receipt_id, kind, quantity, note, "
                                   "user_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                    {receipt.purchaseOrderId, b.lineId, receiptId,
                     models::discrepancyKindCode(x.kind), x.quantity,
                     b.note.isEmpty() ? nullText() : QVariant(b.note), user, now});
                !s)
                return Error{s.error()};
            ++result.discrepancies;
        }
        result.unitsIntoStock += b.outcome.intoStock;
        result.unitsWrittenOff += b.outcome.writtenOff;
        if (b.outcome.intoStock > 0 && !arrived.contains(line.productId))
            arrived.append(line.productId);
    }

    QList<models::PurchaseOrderLine> figures;
    for (qint64 id : std::as_const(lineOrder))
        figures.append(lines.value(id).figures);
    result.status = PurchaseOrderRules::statusAfterReceipt(figures);
    if (Status s = PurchaseOrderRules::checkTransition(header.number, header.status, result.status);
        !s)
        return Error{s.error()};
    if (Status s = runStatement(
            m_db,
            QStringLiteral("UPDATE purchase_orders SET status = ?, received_at = ? WHERE id = ?"),
            {models::purchaseOrderStatusCode(result.status),
             result.status == PoStatus::Received ? QVariant(now) : nullText(),
             receipt.purchaseOrderId});
        !s)
        return Error{s.error()};

    // Orders waiting for what arrived, highest priority first, in this same commit.
    if (!arrived.isEmpty()) {
        AllocationOptions options;
        options.user = user;
        options.nowUtc = at;
        Result<AllocationSummary> filled = fillBackordersInTransaction(m_db, arrived, options);
        if (!filled.ok())
            return Error{QStringLiteral("purchase order %1: filling backorders: %2")
                             .arg(header.number, filled.error())};
        result.backordersFilled = filled.value().ready + filled.value().split;
    }
    if (Status s = tx.commit(); !s)
        return Error{s.error()};
    return result;
}

} // namespace storage
