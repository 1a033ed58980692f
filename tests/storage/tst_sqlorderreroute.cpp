// Rerouting orders with their reserved stock, setting priority in bulk, and the
// Orders screen's saved views, over a real database.

#include "allocationshop.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlallocator.h"
#include "storage/sqlcombinedshipments.h"
#include "storage/sqlorderactions.h"
#include "storage/sqlorderreroute.h"
#include "storage/sqlorderviews.h"
#include "storagetestutil.h"

#include <QTemporaryDir>

using namespace allocationshop;
using storage::Database;
using storagetest::scalar;

class TestSqlOrderReroute : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rerouteMovesReservations();
    void rerouteRefusesWhenStockIsShort();
    void rerouteLeavesPickedOrders();
    void setPriorityInOneTransaction();
    void savedViews();
    void combinedShipmentOffer();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    // An order for 2 mugs and 1 T-shirt, allocated: reserved at Leeds.
    qint64 readyAtLeeds();
    int reservedAt(qint64 product, qint64 location) const
    {
        return scalar(db(),
                      QStringLiteral("SELECT reserved FROM stock_levels WHERE product_id = ? AND "
                                     "location_id = ?"),
                      {product, location})
            .toInt();
    }
    void verifyConsistent()
    {
        const models::Result<storage::ConsistencyReport> report = storage::checkConsistency(db());
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QVERIFY2(report.value().clean(), qPrintable(report.value().problems.join(u'\n')));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestSqlOrderReroute::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    models::Result<std::unique_ptr<Database>> opened =
        Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(build(db()));
    VERIFY_OK(move(db(), Mug, LDS, 5));
    VERIFY_OK(move(db(), Tee, LDS, 3));
    VERIFY_OK(move(db(), Mug, BRS, 4));
}

void TestSqlOrderReroute::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

qint64 TestSqlOrderReroute::readyAtLeeds()
{
    const models::Result<qint64> id = addOrder(db(), withLines({{Mug, 2}, {Tee, 1}}));
    if (!id.ok())
        return 0;
    const models::Result<storage::AllocationSummary> run = storage::allocateNewOrders(db());
    if (!run.ok() || run.value().ready != 1)
        return 0;
    return scalar(db(), QStringLiteral("SELECT location_id FROM orders WHERE id = ?"), {id.value()})
                       .toLongLong() == LDS
               ? id.value()
               : 0;
}

void TestSqlOrderReroute::rerouteMovesReservations()
{
    const qint64 order = readyAtLeeds();
    QVERIFY(order > 0);
    VERIFY_OK(move(db(), Tee, BRS, 2));
    QCOMPARE(reservedAt(Mug, LDS), 2);

    storage::SqlOrderActions actions(db(), QStringLiteral("tester"));
    const models::OrderActionSummary s =
        actions.reroute({order}, BRS, QStringLiteral("Closer to the customer"));
    QVERIFY2(s.errors.isEmpty(), qPrintable(s.errors.join(u'\n')));
    QCOMPARE(s.done, 1);
    QCOMPARE(s.message, QStringLiteral("Rerouted 1 order to Bristol shop"));

    QCOMPARE(reservedAt(Mug, LDS), 0);
    QCOMPARE(reservedAt(Tee, LDS), 0);
    QCOMPARE(reservedAt(Mug, BRS), 2);
    QCOMPARE(reservedAt(Tee, BRS), 1);
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT COUNT(*) FROM reservations r JOIN order_lines l ON "
                                   "l.id = r.order_line_id WHERE l.order_id = ? AND r.status = "
                                   "'active' AND r.location_id = ?"),
                    {order, qint64(BRS)})
                 .toInt(),
             2);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT location_id FROM orders WHERE id = ?"), {order})
                 .toLongLong(),
             qint64(BRS));
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT status FROM orders WHERE id = ?"), {order}).toString(),
        QStringLiteral("ready"));
    QCOMPARE(
        scalar(db(),
               QStringLiteral("SELECT detail FROM order_events WHERE order_id = ? AND "
                              "kind = 'routed' ORDER BY id DESC LIMIT 1"),
               {order})
            .toString(),
        QStringLiteral("Rerouted from Leeds to Bristol shop by tester: Closer to the customer"));
    verifyConsistent();

    // Asked again, there is nothing to move.
    const models::OrderActionSummary again = actions.reroute({order}, BRS, QStringLiteral("x"));
    QCOMPARE(again.done, 0);
    QCOMPARE(again.skipped, 1);
}

void TestSqlOrderReroute::rerouteRefusesWhenStockIsShort()
{
    const qint64 order = readyAtLeeds();
    QVERIFY(order > 0);
    const QVariant eventsBefore = scalar(
        db(), QStringLiteral("SELECT COUNT(*) FROM order_events WHERE order_id = ?"), {order});
    // Bristol has mugs but no T-shirts.
    const models::Result<bool> r =
        storage::rerouteOrder(db(), order, BRS, QStringLiteral("Closer"), QStringLiteral("tester"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QStringLiteral("TEE-M")), qPrintable(r.error()));
    QVERIFY2(r.error().contains(QStringLiteral("Bristol shop has 0 of TEE-M free, 1 needed")),
             qPrintable(r.error()));
    // Nothing moved, nothing recorded.
    QCOMPARE(reservedAt(Mug, LDS), 2);
    QCOMPARE(reservedAt(Tee, LDS), 1);
    QCOMPARE(reservedAt(Mug, BRS), 0);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT location_id FROM orders WHERE id = ?"), {order})
                 .toLongLong(),
             qint64(LDS));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM order_events WHERE order_id = ?"),
                    {order}),
             eventsBefore);
    verifyConsistent();

    // Through the bulk action, the refusal is the message.
    storage::SqlOrderActions actions(db(), QStringLiteral("tester"));
    const models::OrderActionSummary s = actions.reroute({order}, BRS, QStringLiteral("Closer"));
    QCOMPARE(s.done, 0);
    QCOMPARE(s.errors.size(), 1);
    QVERIFY2(s.message.contains(QStringLiteral("TEE-M")), qPrintable(s.message));
}

void TestSqlOrderReroute::rerouteLeavesPickedOrders()
{
    const qint64 order = readyAtLeeds();
    QVERIFY(order > 0);
    VERIFY_OK(move(db(), Tee, BRS, 2));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("UPDATE orders SET status = 'picking' WHERE id = ?"), {order}));
    storage::SqlOrderActions actions(db(), QStringLiteral("tester"));
    const models::OrderActionSummary s = actions.reroute({order}, BRS, QStringLiteral("Closer"));
    QCOMPARE(s.done, 0);
    QCOMPARE(s.skipped, 1);
    QCOMPARE(reservedAt(Mug, LDS), 2);
    const models::Result<bool> r =
        storage::rerouteOrder(db(), order, BRS, QStringLiteral("x"), QStringLiteral("tester"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QStringLiteral("not yet picked")), qPrintable(r.error()));
}

void TestSqlOrderReroute::setPriorityInOneTransaction()
{
    const models::Result<qint64> a = addOrder(db(), withLines({{Mug, 1}}));
    const models::Result<qint64> b = addOrder(db(), withLines({{Mug, 1}}));
    VERIFY_OK(a);
    VERIFY_OK(b);
    storage::SqlOrderActions actions(db(), QStringLiteral("tester"));
    const models::OrderActionSummary s = actions.setPriority({a.value(), b.value()}, 10);
    QVERIFY2(s.errors.isEmpty(), qPrintable(s.message));
    QCOMPARE(s.message, QStringLiteral("Set priority High on 2 orders"));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT SUM(priority) FROM orders WHERE id IN (?, ?)"),
                    {a.value(), b.value()})
                 .toInt(),
             20);
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT detail FROM order_events WHERE order_id = ? "
                                   "ORDER BY id DESC LIMIT 1"),
                    {a.value()})
                 .toString(),
             QStringLiteral("Priority set from Normal to High by tester"));

    // One order that does not exist: none of them changes.
    const models::OrderActionSummary bad = actions.setPriority({a.value(), 999999}, 20);
    QCOMPARE(bad.done, 0);
    QVERIFY2(bad.message.contains(QStringLiteral("999999")), qPrintable(bad.message));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT priority FROM orders WHERE id = ?"), {a.value()})
                 .toInt(),
             10);
    // Out of range is refused before anything is written.
    QVERIFY(!actions.setPriority({a.value()}, 5000).errors.isEmpty());
}

void TestSqlOrderReroute::savedViews()
{
    storage::SqlOrderViews store(db());
    models::OrderView view{.name = QStringLiteral("Late Amazon orders")};
    view.filter.lateOnly = true;
    view.filter.channelId = 2;
    view.sortKey = models::OrderSortKey::ShipBy;
    VERIFY_OK(store.saveView(view));
    models::Result<QList<models::OrderView>> views = store.views();
    VERIFY_OK(views);
    QCOMPARE(views.value(), QList<models::OrderView>{view});

    // Saved again under the same name (any case) it is replaced, not doubled.
    view.filter.search = QStringLiteral("smith");
    VERIFY_OK(store.saveView(view));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM order_views")).toInt(), 1);
    QCOMPARE(store.views().value().constFirst().filter.search, QStringLiteral("smith"));

    const models::Status builtIn = store.saveView({.name = QStringLiteral("Ready to pick")});
    QVERIFY(!builtIn.ok());
    QVERIFY(
        store.saveView({.name = QStringLiteral("  ")}).error().contains(QStringLiteral("name")));

    VERIFY_OK(store.deleteView(QStringLiteral("Late Amazon orders")));
    QVERIFY(store.views().value().isEmpty());
    const models::Status missing = store.deleteView(QStringLiteral("Late Amazon orders"));
    QVERIFY(missing.error().contains(QStringLiteral("no saved view named")));
}

void TestSqlOrderReroute::combinedShipmentOffer()
{
    NewOrder mine = withLines({{Mug, 1}});
    const models::Result<qint64> a = addOrder(db(), mine);
    NewOrder amazon = withLines({{Tee, 1}});
    amazon.channel = 2;
    amazon.name = QStringLiteral("OLIVIA  SMITH");
    amazon.postcode = QStringLiteral("ls14ap");
    const models::Result<qint64> b = addOrder(db(), amazon);
    NewOrder neighbour = withLines({{Cap, 1}});
    neighbour.name = QStringLiteral("Tom Smith");
    const models::Result<qint64> c = addOrder(db(), neighbour);
    const models::Result<qint64> shipped = addOrder(db(), withLines({{Cap, 1}}));
    VERIFY_OK(a);
    VERIFY_OK(b);
    VERIFY_OK(c);
    VERIFY_OK(shipped);
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("UPDATE orders SET status = 'shipped' WHERE id = ?"),
        {shipped.value()}));
    const QString numberB =
        scalar(db(), QStringLiteral("SELECT order_number FROM orders WHERE id = ?"), {b.value()})
            .toString();
    const QString numberA =
        scalar(db(), QStringLiteral("SELECT order_number FROM orders WHERE id = ?"), {a.value()})
            .toString();

    models::Result<QStringList> lines = storage::shipsWithLines(db(), a.value());
    VERIFY_OK(lines);
    QCOMPARE(
        lines.value(),
        QStringList{QStringLiteral("Ships with %1 (Amazon) to the same address").arg(numberB)});
    lines = storage::shipsWithLines(db(), b.value());
    VERIFY_OK(lines);
    QCOMPARE(
        lines.value(),
        QStringList{QStringLiteral("Ships with %1 (Shopify) to the same address").arg(numberA)});
    QVERIFY(storage::shipsWithLines(db(), c.value()).value().isEmpty());
    QVERIFY(storage::shipsWithLines(db(), shipped.value()).value().isEmpty());

    // The lookup is the open-orders postcode index, not a scan.
    models::Result<QSqlQuery> plan = storage::runQuery(
        db(),
        QStringLiteral("EXPLAIN QUERY PLAN SELECT o.id FROM orders o WHERE "
                       "upper(replace(o.ship_postcode, ' ', '')) = upper(replace(?, ' ', '')) "
                       "AND o.status IN ('new', 'ready', 'on_hold', 'backordered') AND o.id <> ?"),
        {QStringLiteral("LS1 4AP"), a.value()});
    VERIFY_OK(plan);
    QString detail;
    while (plan.value().next())
        detail += plan.value().value(3).toString() + QLatin1Char('\n');
    QVERIFY2(detail.contains(QStringLiteral("orders_open_ship_postcode")), qPrintable(detail));
}

QTEST_GUILESS_MAIN(TestSqlOrderReroute)
#include "tst_sqlorderreroute.moc"
