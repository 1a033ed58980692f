// Reorder suggestions over a real ledger: demand from shipments in the window,
// days out of stock rebuilt from the running balance, inbound from open purchase
// orders, the location filter, Cancel, and draft purchase orders written in one
// transaction.

#include "storage/database.h"
#include "storage/sqlreordersource.h"
#include "storage/sqlstockledger.h"
#include "storagetestutil.h"

#include <QTemporaryDir>

using models::ReorderSuggestion;
using storagetest::scalar;

namespace {

const QDate kToday(2026, 6, 1);

QDateTime dayAt(const QDate &day, int hour = 10)
{
    return QDateTime(day, QTime(hour, 0), Qt::UTC);
}

} // namespace

class TestSqlReorder : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void settingsHaveDefaultsAndPersist();
    void demandFromShipmentsAndInboundFromOpenOrders();
    void daysOutOfStockAreLeftOut();
    void locationFilter();
    void cancelStopsTheRun();
    void draftPurchaseOrdersPerSupplierAndLocation();
    void aFailedDraftWritesNothing();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    void exec(const QString &sql, const QVariantList &binds = {});
    void move(qint64 product, qint64 location, int quantity, models::StockReason reason,
              const QDateTime &at);
    QList<ReorderSuggestion> suggestions(std::optional<qint64> location = {});
    static const ReorderSuggestion *find(const QList<ReorderSuggestion> &rows, qint64 product,
                                         qint64 location);

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
};

void TestSqlReorder::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QStringLiteral("reorder.db")));
    models::Result<std::unique_ptr<storage::Database>> opened =
        storage::Database::open(m_dir.filePath(QStringLiteral("reorder.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();

    const QString at = QStringLiteral("2025-01-01T00:00:00Z");
    exec(QStringLiteral("INSERT INTO suppliers (id, name, currency, lead_time_days) VALUES "
                        "(1, 'Acme Ceramics', 'GBP', 14), (2, 'Birch & Co', 'EUR', 21)"));
    exec(QStringLiteral("INSERT INTO locations (id, code, name, kind, country) VALUES "
                        "(1, 'WH1', 'Warehouse', 'warehouse', 'GB'), "
                        "(2, 'SHOP', 'Shop', 'store', 'GB')"));
    const QString product = QStringLiteral(
        "INSERT INTO products (id, sku, name, supplier_id, cost_minor, cost_currency, "
        "price_currency, lead_time_days, safety_stock, reorder_max, pack_size, "
        "supplier_min_qty, is_kit, active, created_at) "
        "VALUES (?, ?, ?, ?, ?, 'GBP', 'GBP', ?, ?, ?, ?, ?, ?, ?, ?)");
    const QVariant noLead{QMetaType(QMetaType::Int)};
    const QVariant noSupplier{QMetaType(QMetaType::LongLong)};
    exec(product, {1, QStringLiteral("MUG-01"), QStringLiteral("Mug"), 1, 250, noLead, 20, 200, 1,
                   1, 0, 1, at});
    exec(product,
         {2, QStringLiteral("BOWL-02"), QStringLiteral("Bowl"), 2, 400, 10, 0, 0, 12, 1, 0, 1, at});
    exec(product, {3, QStringLiteral("JUG-03"), QStringLiteral("Jug"), noSupplier, 900, noLead, 5,
                   50, 1, 1, 0, 1, at});
    exec(product, {4, QStringLiteral("KIT-04"), QStringLiteral("Breakfast set"), 1, 0, noLead, 0, 0,
                   1, 1, 1, 1, at});
    exec(product, {5, QStringLiteral("OLD-05"), QStringLiteral("Retired plate"), 1, 0, noLead, 0, 0,
                   1, 1, 0, 0, at});

    const QDate first = kToday.addDays(-90);
    // Mug at WH1: 500 counted before the window, 5 shipped every day of it.
    move(1, 1, 500, models::StockReason::Opening, dayAt(first.addDays(-10)));
    for (int d = 0; d < 90; ++d)
        move(1, 1, -5, models::StockReason::Shipped, dayAt(first.addDays(d)));
    // Bowl at WH1: 60 at the start, 6 a day until gone on day 10, nothing for 80 days.
    move(2, 1, 60, models::StockReason::Opening, dayAt(first.addDays(-1)));
    for (int d = 0; d < 10; ++d)
        move(2, 1, -6, models::StockReason::Shipped, dayAt(first.addDays(d)));
    // A damaged unit is not a sale.
    move(1, 2, 50, models::StockReason::Opening, dayAt(first.addDays(-1)));
    move(1, 2, -1, models::StockReason::Damaged, dayAt(first.addDays(3)));
    for (int d = 0; d < 90; d += 2)
        move(1, 2, -1, models::StockReason::Shipped, dayAt(first.addDays(d), 15));
    // Jug at SHOP has no supplier; the kit and the retired plate are not reordered.
    move(3, 2, 2, models::StockReason::Opening, dayAt(first.addDays(-1)));
    move(4, 1, 5, models::StockReason::Opening, dayAt(first.addDays(-1)));
    move(5, 1, 5, models::StockReason::Opening, dayAt(first.addDays(-1)));
    // Today's sales are after the window, but move the balance.
    move(1, 1, -3, models::StockReason::Shipped, dayAt(kToday, 8));

    // Open orders for the mug at WH1: 12 still to come on a sent order, 5 on a draft;
    // a received order and a cancelled one are not inbound.
    exec(QStringLiteral("INSERT INTO purchase_orders (id, po_number, supplier_id, location_id, "
                        "status, currency, "
                        "created_at) VALUES (1, 'PO-00007', 1, 1, 'partially_received', 'GBP', ?), "
                        "(2, 'PO-00008', 1, 1, 'received', 'GBP', ?), (3, 'PO-00009', 1, 1, "
                        "'cancelled', 'GBP', ?), "
                        "(4, 'PO-00010', 1, 1, 'draft', 'GBP', ?)"),
         {at, at, at, at});
    exec(
        QStringLiteral("INSERT INTO purchase_order_lines (purchase_order_id, product_id, "
                       "quantity_ordered, quantity_received) VALUES (1, 1, 20, 8), (2, 1, 50, 50), "
                       "(3, 1, 30, 0), (4, 1, 5, 0)"));
}

void TestSqlReorder::cleanup()
{
    m_db.reset();
}

void TestSqlReorder::exec(const QString &sql, const QVariantList &binds)
{
    const models::Status s = storage::runStatement(db(), sql, binds);
    QVERIFY2(s.ok(), qPrintable(s.error()));
}

void TestSqlReorder::move(qint64 product, qint64 location, int quantity, models::StockReason reason,
                          const QDateTime &at)
{
    models::StockMovement m;
    m.productId = product;
    m.locationId = location;
    m.quantity = quantity;
    m.reason = reason;
    m.user = QStringLiteral("test");
    m.atUtc = at;
    const models::Result<qint64> id = storage::recordStockMovement(db(), m);
    QVERIFY2(id.ok(), qPrintable(id.error()));
}

QList<ReorderSuggestion> TestSqlReorder::suggestions(std::optional<qint64> location)
{
    storage::SqlReorderSource source(db());
    models::ReorderQuery query;
    query.today = kToday;
    query.locationId = location;
    models::Result<QList<ReorderSuggestion>> rows = source.suggestions(query);
    if (!rows.ok()) {
        qWarning("%s", qPrintable(rows.error()));
        return {};
    }
    return rows.value();
}

const ReorderSuggestion *TestSqlReorder::find(const QList<ReorderSuggestion> &rows, qint64 product,
                                              qint64 location)
{
    for (const ReorderSuggestion &r : rows)
        if (r.productId == product && r.locationId == location)
            return &r;
    return nullptr;
}

void TestSqlReorder::settingsHaveDefaultsAndPersist()
{
    storage::SqlReorderSource source(db());
    models::Result<models::ReorderSettings> s = source.settings();
    VERIFY_OK(s);
    QCOMPARE(s->windowDays, 90);
    QCOMPARE(s->serviceLevelPercent, 0);
    QCOMPARE(s->coverDays, 0);
    QCOMPARE(s->backtestWeeks, 4);

    models::ReorderSettings changed = s.value();
    changed.serviceLevelPercent = 95;
    changed.coverDays = 30;
    VERIFY_OK(source.saveSettings(changed));
    s = source.settings();
    VERIFY_OK(s);
    QCOMPARE(s->serviceLevelPercent, 95);
    QCOMPARE(s->coverDays, 30);
}

void TestSqlReorder::demandFromShipmentsAndInboundFromOpenOrders()
{
    const QList<ReorderSuggestion> rows = suggestions();
    // Mug ×2, bowl, jug; not the kit, not the retired plate.
    QCOMPARE(rows.size(), 4);

    const ReorderSuggestion *mug = find(rows, 1, 1);
    QVERIFY(mug);
    QCOMPARE(mug->sku, QStringLiteral("MUG-01"));
    QCOMPARE(mug->supplierName, QStringLiteral("Acme Ceramics"));
    QCOMPARE(mug->onHand, 500 - 450 - 3);
    QCOMPARE(mug->inbound, 12 + 5);
    QCOMPARE(mug->outcome.demand.averagePerDay, 5.0);
    QCOMPARE(mug->outcome.demand.daysOutOfStock, 0);
    QCOMPARE(mug->outcome.leadTimeDays, 14);
    QCOMPARE(mug->outcome.reorderPoint, 90); // 5 × 14 + 20
    QCOMPARE(mug->outcome.suggestedQuantity, 200 - (47 + 17));
    QCOMPARE(mug->outcome.explanation,
             QStringLiteral("sells 5.0/day, 14-day lead, 47 on hand, 17 inbound → order 136"));

    // Every other day one mug, at the shop; the damaged one is not demand.
    const ReorderSuggestion *shopMug = find(rows, 1, 2);
    QVERIFY(shopMug);
    QCOMPARE(shopMug->outcome.demand.averagePerDay, 0.5);
    QCOMPARE(shopMug->onHand, 50 - 1 - 45);
    QCOMPARE(shopMug->inbound, 0);

    // Grouped by supplier, those without one last.
    QCOMPARE(rows.at(0).supplierName, QStringLiteral("Acme Ceramics"));
    QCOMPARE(rows.at(2).supplierName, QStringLiteral("Birch & Co"));
    QVERIFY(!rows.at(3).supplierId.has_value());
    QCOMPARE(rows.at(3).sku, QStringLiteral("JUG-03"));
}

void TestSqlReorder::daysOutOfStockAreLeftOut()
{
    const QList<ReorderSuggestion> rows = suggestions();
    const ReorderSuggestion *bowl = find(rows, 2, 1);
    QVERIFY(bowl);
    QCOMPARE(bowl->onHand, 0);
    // Day 10 opens with nothing: out of stock from then to the end of the window.
    QCOMPARE(bowl->outcome.demand.daysOutOfStock, 80);
    QCOMPARE(bowl->outcome.demand.averagePerDay, 6.0);
    QCOMPARE(bowl->outcome.leadTimeDays, 10); // the product's own, not the supplier's 21
    QCOMPARE(bowl->outcome.reorderPoint, 60);
    // No max: 30 days past the reorder point (60 + 180), in packs of 12.
    QCOMPARE(bowl->outcome.suggestedQuantity, 240);
    QCOMPARE(bowl->outcome.explanation,
             QStringLiteral("sells 6.0/day, 10-day lead, 0 on hand → order 240 (pack of 12)"));
}

void TestSqlReorder::locationFilter()
{
    const QList<ReorderSuggestion> rows = suggestions(2);
    QCOMPARE(rows.size(), 2);
    for (const ReorderSuggestion &r : rows)
        QCOMPARE(r.locationCode, QStringLiteral("SHOP"));
}

void TestSqlReorder::cancelStopsTheRun()
{
    // Enough rows for several progress reports: 3,000 more products, never moved.
    QVERIFY(db().transaction());
    QSqlQuery product(db());
    QVERIFY(product.prepare(QStringLiteral(
        "INSERT INTO products (id, sku, name, supplier_id, cost_currency, price_currency, "
        "created_at) VALUES (?, ?, 'Filler', 1, 'GBP', 'GBP', '2025-01-01T00:00:00Z')")));
    QSqlQuery level(db());
    QVERIFY(level.prepare(QStringLiteral("INSERT INTO stock_levels (product_id, location_id, "
                                         "on_hand, reserved) VALUES (?, 1, 0, 0)")));
    for (int id = 100; id < 3100; ++id) {
        VERIFY_OK(storage::execPrepared(product, {id, QStringLiteral("FILL-%1").arg(id)}));
        VERIFY_OK(storage::execPrepared(level, {id}));
    }
    QVERIFY(db().commit());

    storage::SqlReorderSource source(db());
    models::ReorderQuery query;
    query.today = kToday;
    QList<qint64> reports;
    models::Result<QList<ReorderSuggestion>> rows =
        source.suggestions(query, [&reports](qint64 done, qint64 total) {
            reports.append(done);
            return total == 3004 && reports.size() < 1;
        });
    QVERIFY(!rows.ok());
    QVERIFY2(rows.error().contains(QStringLiteral("cancelled")), qPrintable(rows.error()));
    QCOMPARE(reports.size(), 1);

    reports.clear();
    rows = source.suggestions(query, [&reports](qint64 done, qint64) {
        reports.append(done);
        return true;
    });
    VERIFY_OK(rows);
    QCOMPARE(rows->size(), 3004);
    QVERIFY(reports.size() >= 2);
    QCOMPARE(reports.last(), 3004);
}

void TestSqlReorder::draftPurchaseOrdersPerSupplierAndLocation()
{
    const QList<ReorderSuggestion> rows = suggestions();
    storage::SqlReorderSource source(db());
    const models::Result<models::DraftPurchaseOrders> drafts =
        source.createDraftPurchaseOrders(rows, QStringLiteral("sam"));
    VERIFY_OK(drafts);

    // Acme for WH1 (the mug), Acme for SHOP (the shop's mug), Birch for WH1 (the bowl);
    // the jug has no supplier.
    const models::DraftPurchaseOrderPlan plan = models::planDraftPurchaseOrders(rows);
    QCOMPARE(drafts->purchaseOrderIds.size(), plan.orders);
    QCOMPARE(drafts->lines, plan.lines);
    QCOMPARE(drafts->skippedWithoutSupplier, plan.skippedWithoutSupplier);
    QCOMPARE(drafts->poNumbers.first(), QStringLiteral("PO-00011"));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM purchase_orders WHERE status = "
                                         "'draft' AND po_number > 'PO-00010'"))
                 .toInt(),
             plan.orders);

    const ReorderSuggestion *bowl = find(rows, 2, 1);
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT pol.quantity_ordered FROM purchase_order_lines pol "
                                    "JOIN purchase_orders po ON po.id = pol.purchase_order_id "
                                    "WHERE po.supplier_id = 2 AND pol.product_id = 2 "
                                    "AND po.location_id = 1 AND po.status = 'draft'"))
            .toInt(),
        bowl->outcome.suggestedQuantity);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT currency FROM purchase_orders WHERE "
                                         "supplier_id = 2 AND status = 'draft'"))
                 .toString(),
             QStringLiteral("EUR"));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT unit_cost_minor FROM purchase_order_lines "
                                         "WHERE product_id = 2"))
                 .toInt(),
             400);

    // The drafts now count as inbound: the bowl needs nothing more.
    const ReorderSuggestion *again = find(suggestions(), 2, 1);
    QCOMPARE(again->inbound, bowl->outcome.suggestedQuantity);
    QCOMPARE(again->outcome.suggestedQuantity, 0);
}

void TestSqlReorder::aFailedDraftWritesNothing()
{
    QList<ReorderSuggestion> rows = suggestions();
    const int before = scalar(db(), QStringLiteral("SELECT COUNT(*) FROM purchase_orders")).toInt();
    rows.append(rows.first());
    rows.last().supplierId = 99; // no such supplier
    storage::SqlReorderSource source(db());
    const models::Result<models::DraftPurchaseOrders> drafts =
        source.createDraftPurchaseOrders(rows, QStringLiteral("sam"));
    QVERIFY(!drafts.ok());
    QVERIFY2(drafts.error().contains(QStringLiteral("supplier 99")), qPrintable(drafts.error()));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM purchase_orders")).toInt(), before);
}

QTEST_GUILESS_MAIN(TestSqlReorder)
#include "tst_sqlreorder.moc"
