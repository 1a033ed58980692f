#include "storage/sqlreordersource.h"

#include "storage/database.h"
#include "storage/purchaseordernumber.h"
#include "storage/sqlcursor.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QHash>
#include <QMap>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace storage {

using models::DraftPurchaseOrders;
using models::Error;
using models::ReorderInput;
using models::ReorderSettings;
using models::ReorderSuggestion;
using models::Result;
using models::Status;

namespace {

using Key = QPair<qint64, qint64>; // product, location

// How often a long computation reports progress and checks for Cancel.
constexpr qint64 kProgressEvery = 2000;

// "2026-11-25..." to a Julian day without building a QString per ledger row.
qint64 julianDay(const QString &isoDay)
{
    if (isoDay.size() < 10)
        return 0;
    const auto digits = [&isoDay](int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; ++i)
            n = n * 10 + (isoDay.at(i).unicode() - '0');
        return n;
    };
    return QDate(digits(0, 4), digits(5, 2), digits(8, 2)).toJulianDay();
}

struct Candidate
{
    ReorderSuggestion row;
    ReorderInput input;
    bool evaluated = false;
};

const char *const kSettingKeys[] = {"reorder.window_days", "reorder.service_level",
                                    "reorder.cover_days", "reorder.backtest_weeks"};

} // namespace

SqlReorderSource::SqlReorderSource(QSqlDatabase db) : m_db(std::move(db)) {}

SqlReorderSource::SqlReorderSource(std::unique_ptr<Database> owned, QSqlDatabase db)
    : m_owned(std::move(owned)), m_db(std::move(db))
{}

SqlReorderSource::~SqlReorderSource() = default;

Result<std::unique_ptr<SqlReorderSource>> SqlReorderSource::open(const QString &databasePath)
{
    Result<std::unique_ptr<Database>> db = Database::open(databasePath);
    if (!db.ok())
        return Error{db.error()};
    const QSqlDatabase connection = db.value()->connection();
    return std::unique_ptr<SqlReorderSource>(
        new SqlReorderSource(std::move(db).value(), connection));
}

Result<ReorderSettings> SqlReorderSource::settings()
{
    Result<QSqlQuery> q =
        runQuery(m_db, QStringLiteral("SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?)"),
                 {QString::fromLatin1(kSettingKeys[0]), QString::fromLatin1(kSettingKeys[1]),
                  QString::fromLatin1(kSettingKeys[2]), QString::fromLatin1(kSettingKeys[3])});
    if (!q.ok())
        return Error{q.error()};
    ReorderSettings s;
    while (q.value().next()) {
        const QString key = q.value().value(0).toString();
        bool ok = false;
        const int value = q.value().value(1).toString().toInt(&ok);
        if (!ok || value < 0)
            continue; // a hand-edited value that is not a number keeps the default
        if (key == QLatin1String(kSettingKeys[0]) && value >= 7)
            s.windowDays = value;
        else if (key == QLatin1String(kSettingKeys[1]))
            s.serviceLevelPercent = value;
        else if (key == QLatin1String(kSettingKeys[2]))
            s.coverDays = value;
        else if (key == QLatin1String(kSettingKeys[3]))
            s.backtestWeeks = value;
    }
    return s;
}

Status SqlReorderSource::saveSettings(const ReorderSettings &settings)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{tx.error()};
    const int values[] = {settings.windowDays, settings.serviceLevelPercent, settings.coverDays,
                          settings.backtestWeeks};
    for (int i = 0; i < 4; ++i) {
        if (Status s = runStatement(
                m_db,
                QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                {QString::fromLatin1(kSettingKeys[i]), QString::number(values[i])});
            !s)
            return s;
    }
    return tx.commit();
}

Result<QList<ReorderSuggestion>>
SqlReorderSource::suggestions(const models::ReorderQuery &query,
                              const models::ReorderProgress &progress)
{
    ReorderSettings settings;
    if (query.settings) {
        settings = *query.settings;
    } else {
        Result<ReorderSettings> stored = this->settings();
        if (!stored.ok())
            return Error{stored.error()};
        settings = stored.value();
    }
    const int window = std::max(7, settings.windowDays);
    const QDate today =
        query.today.isValid() ? query.today : QDateTime::currentDateTimeUtc().date();
    const QDate first = today.addDays(-window);
    const qint64 firstDay = first.toJulianDay();
    const QVariant location = optionalId(query.locationId);

    // A consistent picture: levels, purchase orders and ledger from one snapshot.
    Transaction snapshot(m_db, Transaction::Mode::Read);
    if (!snapshot.isActive())
        return Error{snapshot.error()};

    QHash<Key, int> inbound;
    {
        SqlCursor c;
        if (Status s = c.open(m_db,
                              "SELECT pol.product_id, po.location_id, "
                              "       SUM(pol.quantity_ordered - pol.quantity_received) "
                              "FROM purchase_order_lines pol "
                              "JOIN purchase_orders po ON po.id = pol.purchase_order_id "
                              "WHERE po.status IN ('draft', 'sent', 'partially_received') "
                              "  AND pol.quantity_ordered > pol.quantity_received "
                              "  AND (? IS NULL OR po.location_id = ?) "
                              "GROUP BY pol.product_id, po.location_id",
                              {location, location});
            !s)
            return Error{s.error()};
        while (c.next())
            inbound.insert({c.integer(0), c.integer(1)}, static_cast<int>(c.integer(2)));
        if (!c.error().isEmpty())
            return Error{c.error()};
    }

    // Every stocked product × location; kits are sold, never bought.
    std::vector<Candidate> candidates;
    QHash<Key, qsizetype> indexOf;
    {
        SqlCursor c;
        if (Status s = c.open(
                m_db,
                "SELECT sl.product_id, sl.location_id, sl.on_hand, sl.reserved, p.sku, p.name, "
                "       l.code, p.supplier_id, s.name, p.lead_time_days, "
                "       COALESCE(s.lead_time_days, 14), p.safety_stock, p.reorder_max, "
                "       p.pack_size, p.supplier_min_qty "
                "FROM stock_levels sl "
                "JOIN products p ON p.id = sl.product_id "
                "JOIN locations l ON l.id = sl.location_id "
                "LEFT JOIN suppliers s ON s.id = p.supplier_id "
                "WHERE p.active = 1 AND p.is_kit = 0 AND l.active = 1 "
                "  AND (? IS NULL OR sl.location_id = ?)",
                {location, location});
            !s)
            return Error{s.error()};
        while (c.next()) {
            Candidate k;
            ReorderSuggestion &r = k.row;
            r.productId = c.integer(0);
            r.locationId = c.integer(1);
            r.onHand = static_cast<int>(c.integer(2));
            r.reserved = static_cast<int>(c.integer(3));
            r.sku = c.text(4);
            r.productName = c.text(5);
            r.locationCode = c.text(6);
            if (!c.isNull(7))
                r.supplierId = c.integer(7);
            r.supplierName = c.text(8);
            r.inbound = inbound.value({r.productId, r.locationId});
            r.packSize = static_cast<int>(c.integer(13));

            ReorderInput &in = k.input;
            if (!c.isNull(9))
                in.productLeadTimeDays = static_cast<int>(c.integer(9));
            in.supplierLeadTimeDays = static_cast<int>(c.integer(10));
            in.safetyStock = static_cast<int>(c.integer(11));
            in.reorderMax = static_cast<int>(c.integer(12));
            in.packSize = r.packSize;
            in.minimumOrderQuantity = static_cast<int>(c.integer(14));
            in.onHand = r.onHand;
            in.reserved = r.reserved;
            in.inbound = r.inbound;
            indexOf.insert({r.productId, r.locationId}, static_cast<qsizetype>(candidates.size()));
            candidates.push_back(std::move(k));
        }
        if (!c.error().isEmpty())
            return Error{c.error()};
    }

    const qint64 total = static_cast<qint64>(candidates.size());
    qint64 done = 0;
    std::vector<int> sold(static_cast<size_t>(window));
    std::vector<int> net(static_cast<size_t>(window));
    qint64 netSinceWindow = 0; // including today's, which is after the window

    // Rebuilds each day's balance backwards from today's on hand; a day counts as out
    // of stock when it opened and closed with nothing and nothing was sold.
    const auto evaluate = [&](Candidate &k) -> bool {
        ReorderInput &in = k.input;
        in.dailySales.resize(window);
        in.stockedOut.resize(window);
        qint64 balance = k.row.onHand - netSinceWindow;
        for (int d = 0; d < window; ++d) {
            const qint64 opening = balance;
            balance += net[static_cast<size_t>(d)];
            in.dailySales[d] = sold[static_cast<size_t>(d)];
            in.stockedOut[d] = opening <= 0 && balance <= 0 && sold[static_cast<size_t>(d)] == 0;
        }
        k.row.outcome = models::ReorderRules::evaluate(in, settings);
        k.evaluated = true;
        in.dailySales = {};
        in.stockedOut = {};
        ++done;
        return !progress || done % kProgressEvery != 0 || progress(done, total);
    };
    const auto resetDays = [&] {
        std::fill(sold.begin(), sold.end(), 0);
        std::fill(net.begin(), net.end(), 0);
        netSinceWindow = 0;
    };
    const Error cancelled{QStringLiteral("reorder suggestions: cancelled")};

    {
        // One pass over the window's movements, a row per product, location and day.
        SqlCursor c;
        if (Status s =
                c.open(m_db,
                       "SELECT product_id, location_id, SUBSTR(created_at, 1, 10) AS day, "
                       "       SUM(CASE WHEN reason_code = 'shipped' THEN -quantity ELSE 0 END), "
                       "       SUM(quantity) "
                       "FROM stock_movements "
                       "WHERE created_at >= ? AND (? IS NULL OR location_id = ?) "
                       "GROUP BY product_id, location_id, day "
                       "ORDER BY product_id, location_id, day",
                       {first.toString(Qt::ISODate), location, location});
            !s)
            return Error{s.error()};
        qsizetype current = -1;
        Key currentKey{-1, -1};
        while (c.next()) {
            const Key key{c.integer(0), c.integer(1)};
            if (key != currentKey) {
                if (current >= 0 && !evaluate(candidates[static_cast<size_t>(current)]))
                    return cancelled;
                resetDays();
                currentKey = key;
                current = indexOf.value(key, -1);
            }
            if (current < 0)
                continue; // inactive product, or a kit
            const qint64 day = julianDay(c.text(2)) - firstDay;
            const qint64 change = c.integer(4);
            netSinceWindow += change;
            if (day >= 0 && day < window) {
                sold[static_cast<size_t>(day)] += static_cast<int>(c.integer(3));
                net[static_cast<size_t>(day)] += static_cast<int>(change);
            }
        }
        if (!c.error().isEmpty())
            return Error{c.error()};
        if (current >= 0 && !evaluate(candidates[static_cast<size_t>(current)]))
            return cancelled;
    }
    // Products that did not move in the window.
    resetDays();
    for (Candidate &k : candidates)
        if (!k.evaluated && !evaluate(k))
            return cancelled;
    snapshot.rollback();

    // Grouped by supplier (those without one last), then SKU and location.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        const ReorderSuggestion &x = a.row;
        const ReorderSuggestion &y = b.row;
        if (x.supplierId.has_value() != y.supplierId.has_value())
            return x.supplierId.has_value();
        if (const int c = QString::compare(x.supplierName, y.supplierName); c != 0)
            return c < 0;
        if (x.supplierId != y.supplierId)
            return x.supplierId < y.supplierId;
        if (const int c = QString::compare(x.sku, y.sku); c != 0)
            return c < 0;
        return x.locationCode < y.locationCode;
    });
    QList<ReorderSuggestion> rows;
    rows.reserve(static_cast<qsizetype>(candidates.size()));
    for (Candidate &k : candidates)
        rows.append(std::move(k.row));
    if (progress)
        progress(total, total);
    return rows;
}

Result<DraftPurchaseOrders>
SqlReorderSource::createDraftPurchaseOrders(const QList<ReorderSuggestion> &rows,
                                            const QString &userName)
{
    DraftPurchaseOrders result;
    // One order per supplier and delivery location, in a stable order.
    QMap<Key, QList<const ReorderSuggestion *>> orders;
    for (const ReorderSuggestion &row : rows) {
        if (row.outcome.suggestedQuantity <= 0)
            continue;
        if (!row.supplierId) {
            ++result.skippedWithoutSupplier;
            continue;
        }
        orders[{*row.supplierId, row.locationId}].append(&row);
    }
    if (orders.isEmpty())
        return result;

    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{tx.error()};

    // PO numbers continue the shop's "PO-00042" sequence.
    Result<qint64> last = lastPurchaseOrderSequence(m_db);
    if (!last.ok())
        return Error{last.error()};
    qint64 sequence = last.value();

    const QString now = isoUtc(QDateTime::currentDateTimeUtc());
    const QString note =
        userName.isEmpty() ? QStringLiteral("Drafted from reorder suggestions")
                           : QStringLiteral("Drafted from reorder suggestions by %1").arg(userName);
    QSqlQuery insertOrder(m_db);
    QSqlQuery insertLine(m_db);
    if (!insertOrder.prepare(QStringLiteral(
            "INSERT INTO purchase_orders (po_number, supplier_id, location_id, status, currency, "
            "notes, created_at) "
            "SELECT ?, s.id, ?, 'draft', s.currency, ?, ? FROM suppliers s WHERE s.id = ?")))
        return sqlError(insertOrder, insertOrder.lastQuery());
    if (!insertLine.prepare(QStringLiteral(
            "INSERT INTO purchase_order_lines (purchase_order_id, product_id, quantity_ordered, "
            "unit_cost_minor) SELECT ?, p.id, ?, p.cost_minor FROM products p WHERE p.id = ?")))
        return sqlError(insertLine, insertLine.lastQuery());

    for (auto it = orders.cbegin(); it != orders.cend(); ++it) {
        const QString number = purchaseOrderNumber(++sequence);
        if (Status s =
                execPrepared(insertOrder, {number, it.key().second, note, now, it.key().first});
            !s)
            return Error{s.error()};
        if (insertOrder.numRowsAffected() != 1)
            return Error{QStringLiteral("purchase order %1: supplier %2 does not exist")
                             .arg(number)
                             .arg(it.key().first)};
        const qint64 id = insertOrder.lastInsertId().toLongLong();
        for (const ReorderSuggestion *row : it.value()) {
            if (Status s =
                    execPrepared(insertLine, {id, row->outcome.suggestedQuantity, row->productId});
                !s)
                return Error{s.error()};
            ++result.lines;
        }
        result.purchaseOrderIds.append(id);
        result.poNumbers.append(number);
    }
    if (Status s = tx.commit(); !s)
        return Error{s.error()};
    return result;
}

} // namespace storage
