#include "models/picklistcode.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlallocator.h"
#include "storage/sqlpicklistsource.h"

#include "allocationshop.h"
#include "kitfixture.h"
#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace allocationshop;
using models::PickListKind;
using storage::Database;
using storage::SqlPickListSource;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);

QDateTime placed(int hour)
{
    return QDateTime(QDate(2026, 11, 24), QTime(hour, 0), Qt::UTC);
}

} // namespace

// Pick lists over a real database: creating them from ready orders, short picks that
// keep the stock ledger and reservations consistent, picked and cancelled lists.
class TestSqlPickLists : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createsBatchInWalkingOrder();
    void refusesOrdersNotReadyThere();
    void createsSingleOrderLists();
    void shortPickHoldsLatestPriority();
    void shortPickBackorders();
    void shortPickRefusals();
    void shortPickLeavesPackedOrders();
    void markPickedAndCancel();
    void findsListBySlotCode();
    void kitLinesPickTheirParts();
    void shortPickOnAKitPartHoldsItsOrder();
    void kitWithoutComponentsIsRefused();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        return storagetest::scalar(db(), sql, binds);
    }
    QString statusOf(qint64 orderId) const
    {
        return scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {orderId})
            .toString();
    }
    QString numberOf(qint64 orderId) const
    {
        return scalar(QStringLiteral("SELECT order_number FROM orders WHERE id = ?"), {orderId})
            .toString();
    }
    // A ready order at Leeds, placed at `hour` (earlier is higher priority).
    qint64 readyOrder(QList<QPair<qint64, int>> lines, int hour);
    void verifyConsistent();
    // GIFT-01 (1 × MUG-01 + 2 × COASTER-01) with coasters in bin A-5 at Leeds.
    void addGiftSet();
    qint64 readyKitOrder(const QString &number, QList<QPair<qint64, int>> lines, int hour);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlPickListSource> m_source;
};

void TestSqlPickLists::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    models::Result<std::unique_ptr<Database>> opened =
        Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(build(db()));
    // Stock only at Leeds, so every order is routed there.
    VERIFY_OK(move(db(), Mug, LDS, 20));
    VERIFY_OK(move(db(), Tee, LDS, 20));
    VERIFY_OK(move(db(), Cap, LDS, 20));
    // Bins walked, then the cap (no bin at Leeds).
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO bins (id, location_id, code, pick_sequence) VALUES "
                             "(1, 1, 'A-10', 0), (2, 1, 'A-2', 0), (3, 2, 'Z-1', 0)")));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO product_bins (product_id, bin_id, is_primary) VALUES "
                             "(1, 1, 1), (2, 2, 1), (3, 3, 1)")));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO product_barcodes (product_id, barcode, symbology, "
                             "is_primary) VALUES (1, '5012345678900', 'EAN13', 1)")));
    m_source = std::make_unique<SqlPickListSource>(db(), QStringLiteral("picker"));
    m_source->setNow(kNow);
}

void TestSqlPickLists::cleanup()
{
    m_source.reset();
    m_db.reset();
    m_dir.reset();
}

qint64 TestSqlPickLists::readyOrder(QList<QPair<qint64, int>> lines, int hour)
{
    NewOrder o = withLines(std::move(lines));
    o.placedAtUtc = placed(hour);
    const models::Result<qint64> id = addOrder(db(), o);
    if (!id.ok())
        return 0;
    storage::AllocationOptions options;
    options.nowUtc = kNow;
    options.onlyOrders = {id.value()};
    const models::Result<storage::AllocationSummary> s = storage::allocateNewOrders(db(), options);
    if (!s.ok() || statusOf(id.value()) != QLatin1String("ready"))
        qWarning("order %lld did not become ready: %s", id.value(), qPrintable(s.error()));
    return id.value();
}

void TestSqlPickLists::verifyConsistent()
{
    const models::Result<storage::ConsistencyReport> report = storage::checkConsistency(db());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->clean(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestSqlPickLists::createsBatchInWalkingOrder()
{
    const qint64 late = readyOrder({{Mug, 1}, {Cap, 1}}, 11);
    const qint64 early = readyOrder({{Tee, 2}, {Mug, 2}}, 9);
    const qint64 middle = readyOrder({{Mug, 3}}, 10);

    const auto locations = m_source->locations();
    VERIFY_OK(locations);
    QCOMPARE(locations->first().code, QStringLiteral("LDS"));
    QCOMPARE(locations->first().readyOrders, 3);
    const auto ready = m_source->readyOrders(LDS);
    VERIFY_OK(ready);
    QCOMPARE(ready->orders.size(), 3);

    const auto created = m_source->create({LDS, {late, early, middle}, PickListKind::Batch});
    VERIFY_OK(created);
    QCOMPARE(created->size(), 1);
    const models::PickListSummary s = created->first();
    QCOMPARE(s.code, QStringLiteral("PL-000001"));
    QCOMPARE(s.kind, PickListKind::Batch);
    QCOMPARE(s.status, models::PickListStatus::Open);
    QCOMPARE(s.orders, 3);
    QCOMPARE(s.lines, 3);
    QCOMPARE(s.units, 9);
    QCOMPARE(s.user, QStringLiteral("picker"));

    const auto detail = m_source->list(s.id);
    VERIFY_OK(detail);
    // Slots by priority: oldest placed first.
    QCOMPARE(detail->orders.size(), 3);
    QCOMPARE(detail->orders.at(0).orderId, early);
    QCOMPARE(detail->orders.at(1).orderId, middle);
    QCOMPARE(detail->orders.at(2).orderId, late);
    // Walking order: A-2 (tee), A-10 (mug), then the cap with no bin at Leeds.
    QCOMPARE(detail->lines.size(), 3);
    QCOMPARE(detail->lines.at(0).binCode, QStringLiteral("A-2"));
    QCOMPARE(detail->lines.at(0).sku, QStringLiteral("TEE-M"));
    QCOMPARE(detail->lines.at(1).binCode, QStringLiteral("A-10"));
    QCOMPARE(detail->lines.at(1).quantity, 6);
    QCOMPARE(detail->lines.at(1).barcode, QStringLiteral("5012345678900"));
    QCOMPARE(detail->lines.at(1).allocations.size(), 3);
    QCOMPARE(detail->lines.at(1).allocations.at(0).slot, 1);
    QCOMPARE(detail->lines.at(1).allocations.at(0).quantity, 2);
    QCOMPARE(detail->lines.at(1).allocations.at(2).slot, 3);
    QCOMPARE(detail->lines.at(2).sku, QStringLiteral("CAP-01"));
    QVERIFY(detail->lines.at(2).binCode.isEmpty());

    for (qint64 id : {early, middle, late})
        QCOMPARE(statusOf(id), QStringLiteral("picking"));
    QCOMPARE(scalar(QStringLiteral("SELECT detail FROM order_events WHERE order_id = ? AND "
                                   "to_status = 'picking'"),
                    {late})
                 .toString(),
             QStringLiteral("On pick list PL-000001, slot 3"));
    // The pack bench's view: the two tables by their agreed names.
    QCOMPARE(scalar(QStringLiteral("SELECT po.order_id FROM pick_lists pl JOIN pick_list_orders "
                                   "po ON po.pick_list_id = pl.id WHERE pl.code = ? AND "
                                   "po.slot = ?"),
                    {QStringLiteral("PL-000001"), 2})
                 .toLongLong(),
             middle);
    QCOMPARE(m_source->readyOrders(LDS)->orders.size(), 0);
    verifyConsistent();
}

void TestSqlPickLists::refusesOrdersNotReadyThere()
{
    const qint64 ready = readyOrder({{Mug, 1}}, 9);
    const models::Result<qint64> fresh = addOrder(db(), withLines({{Mug, 1}}));
    VERIFY_OK(fresh);
    // Stock at Milton Keynes only for the tee: an order ready there.
    VERIFY_OK(move(db(), Tee, MKY, 5));
    VERIFY_OK(storage::runStatement(db(),
                                    QStringLiteral("UPDATE orders SET location_id = 2 "
                                                   "WHERE id = ?"),
                                    {ready}));

    const auto created = m_source->create({LDS, {ready, fresh.value()}, PickListKind::Batch});
    QVERIFY(!created.ok());
    QVERIFY2(created.error().contains(numberOf(ready) + QStringLiteral(" (ready at MKY)")),
             qPrintable(created.error()));
    QVERIFY2(created.error().contains(numberOf(fresh.value()) + QStringLiteral(" (new)")),
             qPrintable(created.error()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM pick_lists")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM pick_list_orders")).toInt(), 0);
    QCOMPARE(statusOf(ready), QStringLiteral("ready"));

    QVERIFY(!m_source->create({LDS, {}, PickListKind::Batch}).ok());
    QVERIFY(!m_source->create({LDS, {987654}, PickListKind::Batch}).ok());
}

void TestSqlPickLists::createsSingleOrderLists()
{
    const qint64 a = readyOrder({{Mug, 1}, {Tee, 1}}, 10);
    const qint64 b = readyOrder({{Cap, 2}}, 9);
    const auto created = m_source->create({LDS, {a, b}, PickListKind::Single});
    VERIFY_OK(created);
    QCOMPARE(created->size(), 2);
    // Priority order: b was placed first.
    const auto first = m_source->list(created->at(0).id);
    VERIFY_OK(first);
    QCOMPARE(first->summary.kind, PickListKind::Single);
    QCOMPARE(first->orders.size(), 1);
    QCOMPARE(first->orders.first().orderId, b);
    QCOMPARE(first->orders.first().slot, 1);
    QCOMPARE(first->lines.size(), 1);
    const auto second = m_source->list(created->at(1).id);
    VERIFY_OK(second);
    QCOMPARE(second->summary.code, QStringLiteral("PL-000002"));
    QCOMPARE(second->lines.size(), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT detail FROM order_events WHERE order_id = ? AND "
                                   "to_status = 'picking'"),
                    {a})
                 .toString(),
             QStringLiteral("On pick list PL-000002"));
    const auto open = m_source->openLists(LDS);
    VERIFY_OK(open);
    QCOMPARE(open->size(), 2);
    QCOMPARE(open->first().code, QStringLiteral("PL-000002")); // newest first
    verifyConsistent();
}

void TestSqlPickLists::shortPickHoldsLatestPriority()
{
    const qint64 first = readyOrder({{Mug, 2}, {Tee, 1}}, 8);
    const qint64 second = readyOrder({{Mug, 2}}, 9);
    const qint64 third = readyOrder({{Mug, 1}, {Cap, 1}}, 10);
    const auto created = m_source->create({LDS, {first, second, third}, PickListKind::Batch});
    VERIFY_OK(created);
    const qint64 listId = created->first().id;
    const auto detail = m_source->list(listId);
    VERIFY_OK(detail);
    const models::PickLine mugs = detail->lines.at(1);
    QCOMPARE(mugs.sku, QStringLiteral("MUG-01"));
    QCOMPARE(mugs.quantity, 5);

    const int onHandBefore = scalar(QStringLiteral("SELECT on_hand FROM stock_levels WHERE "
                                                   "product_id = 1 AND location_id = 1"))
                                 .toInt();
    const auto outcome = m_source->markShort(listId, mugs.id, 2);
    VERIFY_OK(outcome);
    QVERIFY(!outcome->backordered);
    // The latest-priority order takes the first missing unit, the one before it the next.
    QCOMPARE(outcome->orderNumbers, (QStringList{numberOf(third), numberOf(second)}));
    QCOMPARE(statusOf(first), QStringLiteral("picking"));
    QCOMPARE(statusOf(second), QStringLiteral("on_hold"));
    QCOMPARE(statusOf(third), QStringLiteral("on_hold"));
    QCOMPARE(
        scalar(QStringLiteral("SELECT hold_reason FROM orders WHERE id = ?"), {third}).toString(),
        QStringLiteral("Short pick on PL-000001: SKU MUG-01, 2 missing at bin A-10"));
    // On hand down by the missing units, through the ledger, with the reason.
    QCOMPARE(scalar(QStringLiteral("SELECT on_hand FROM stock_levels WHERE product_id = 1 AND "
                                   "location_id = 1"))
                 .toInt(),
             onHandBefore - 2);
    QCOMPARE(scalar(QStringLiteral("SELECT quantity || ' ' || reason_code || ' ' || reference_id "
                                   "FROM stock_movements ORDER BY id DESC LIMIT 1"))
                 .toString(),
             QStringLiteral("-2 short_pick PL-000001"));
    // The held orders no longer reserve anything; the first still does.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM reservations r JOIN order_lines l ON "
                                   "l.id = r.order_line_id WHERE l.order_id IN (?, ?) AND "
                                   "r.status = 'active'"),
                    {second, third})
                 .toInt(),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT reserved FROM stock_levels WHERE product_id = 1 AND "
                                   "location_id = 1"))
                 .toInt(),
             2);
    verifyConsistent();

    const auto after = m_source->list(listId);
    VERIFY_OK(after);
    QCOMPARE(after->summary.orders, 1);
    QCOMPARE(after->summary.shortUnits, 2);
    QCOMPARE(after->summary.units, 3); // the first order's two mugs and a tee
    QVERIFY(!after->orders.at(0).removed);
    QVERIFY(after->orders.at(1).removed);
    QVERIFY(after->orders.at(2).removed);
    QCOMPARE(after->lines.at(1).shortQuantity, 2);
}

void TestSqlPickLists::shortPickBackorders()
{
    VERIFY_OK(storage::runStatement(db(), QStringLiteral("UPDATE settings SET value = 'backorder' "
                                                         "WHERE key = 'picking.short_pick'")));
    const qint64 a = readyOrder({{Tee, 1}}, 8);
    const qint64 b = readyOrder({{Tee, 3}}, 9);
    const auto created = m_source->create({LDS, {a, b}, PickListKind::Batch});
    VERIFY_OK(created);
    const auto detail = m_source->list(created->first().id);
    VERIFY_OK(detail);
    const auto outcome = m_source->markShort(created->first().id, detail->lines.first().id, 3);
    VERIFY_OK(outcome);
    QVERIFY(outcome->backordered);
    QCOMPARE(outcome->orderNumbers, QStringList{numberOf(b)});
    QCOMPARE(statusOf(a), QStringLiteral("picking"));
    QCOMPARE(statusOf(b), QStringLiteral("backordered"));
    QCOMPARE(scalar(QStringLiteral("SELECT detail FROM order_events WHERE order_id = ? AND "
                                   "to_status = 'backordered'"),
                    {b})
                 .toString(),
             QStringLiteral("Short pick on PL-000001: SKU TEE-M, 3 missing at bin A-2"));
    QCOMPARE(scalar(QStringLiteral("SELECT on_hand FROM stock_levels WHERE product_id = 2 AND "
                                   "location_id = 1"))
                 .toInt(),
             17);
    verifyConsistent();
    QVERIFY(outcome->message.contains(QStringLiteral("backordered")));
}

void TestSqlPickLists::shortPickRefusals()
{
    const qint64 a = readyOrder({{Mug, 2}}, 8);
    const auto created = m_source->create({LDS, {a}, PickListKind::Batch});
    VERIFY_OK(created);
    const qint64 listId = created->first().id;
    const qint64 lineId = m_source->list(listId)->lines.first().id;
    const int movements = scalar(QStringLiteral("SELECT COUNT(*) FROM stock_movements")).toInt();

    QVERIFY(!m_source->markShort(listId, lineId, 0).ok());
    const auto tooMany = m_source->markShort(listId, lineId, 3);
    QVERIFY(!tooMany.ok());
    QVERIFY2(tooMany.error().contains(QStringLiteral("MUG-01")), qPrintable(tooMany.error()));
    QVERIFY(!m_source->markShort(listId, lineId + 100, 1).ok());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stock_movements")).toInt(), movements);
    QCOMPARE(statusOf(a), QStringLiteral("picking"));

    VERIFY_OK(m_source->markPicked(listId));
    const auto closed = m_source->markShort(listId, lineId, 1);
    QVERIFY(!closed.ok());
    QVERIFY2(closed.error().contains(QStringLiteral("PL-000001 is picked")),
             qPrintable(closed.error()));
    verifyConsistent();
}

void TestSqlPickLists::shortPickLeavesPackedOrders()
{
    const qint64 early = readyOrder({{Cap, 1}}, 8);
    const qint64 late = readyOrder({{Cap, 1}, {Tee, 1}}, 11);
    const auto created = m_source->create({LDS, {early, late}, PickListKind::Batch});
    VERIFY_OK(created);
    const qint64 listId = created->first().id;
    // The pack bench already packed the second order: it had its cap.
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("UPDATE orders SET status = 'packed' WHERE id = ?"), {late}));
    const qint64 lineId = m_source->list(listId)->lines.last().id; // the cap, with no bin
    QCOMPARE(m_source->list(listId)->lines.last().sku, QStringLiteral("CAP-01"));
    QVERIFY(!m_source->markShort(listId, lineId, 2).ok());
    const auto outcome = m_source->markShort(listId, lineId, 1);
    VERIFY_OK(outcome);
    QCOMPARE(outcome->orderNumbers, QStringList{numberOf(early)});
    QCOMPARE(statusOf(early), QStringLiteral("on_hold"));
    QCOMPARE(statusOf(late), QStringLiteral("packed"));
    verifyConsistent();
}

void TestSqlPickLists::markPickedAndCancel()
{
    const qint64 a = readyOrder({{Mug, 1}}, 8);
    const qint64 b = readyOrder({{Tee, 1}}, 9);
    const auto one = m_source->create({LDS, {a}, PickListKind::Batch});
    const auto two = m_source->create({LDS, {b}, PickListKind::Batch});
    VERIFY_OK(one);
    VERIFY_OK(two);

    VERIFY_OK(m_source->markPicked(one->first().id));
    QCOMPARE(m_source->list(one->first().id)->summary.status, models::PickListStatus::Picked);
    QCOMPARE(statusOf(a), QStringLiteral("picking")); // the pack bench takes it from here
    QVERIFY(!m_source->markPicked(one->first().id).ok());
    QCOMPARE(scalar(QStringLiteral("SELECT detail FROM order_events WHERE order_id = ? AND "
                                   "kind = 'note'"),
                    {a})
                 .toString(),
             QStringLiteral("Picked on PL-000001, slot 1"));

    const int reservedBefore =
        scalar(QStringLiteral("SELECT SUM(reserved) FROM stock_levels")).toInt();
    VERIFY_OK(m_source->cancel(two->first().id));
    QCOMPARE(statusOf(b), QStringLiteral("ready"));
    QCOMPARE(m_source->list(two->first().id)->summary.status, models::PickListStatus::Cancelled);
    QCOMPARE(scalar(QStringLiteral("SELECT SUM(reserved) FROM stock_levels")).toInt(),
             reservedBefore);
    QCOMPARE(scalar(QStringLiteral("SELECT detail FROM order_events WHERE order_id = ? AND "
                                   "from_status = 'picking' AND to_status = 'ready'"),
                    {b})
                 .toString(),
             QStringLiteral("Pick list PL-000002 cancelled"));
    QVERIFY(!m_source->cancel(two->first().id).ok());
    const auto open = m_source->openLists(LDS);
    VERIFY_OK(open);
    QCOMPARE(open->size(), 0);

    // A cancelled list's order can go on a new list.
    const auto again = m_source->create({LDS, {b}, PickListKind::Batch});
    VERIFY_OK(again);
    QCOMPARE(again->first().code, QStringLiteral("PL-000003"));
    verifyConsistent();
}

void TestSqlPickLists::findsListBySlotCode()
{
    const qint64 a = readyOrder({{Mug, 1}}, 8);
    const qint64 b = readyOrder({{Tee, 1}}, 9);
    const auto created = m_source->create({LDS, {a, b}, PickListKind::Batch});
    VERIFY_OK(created);
    const auto slot = models::parseSlotBarcode(models::slotBarcode(created->first().code, 2));
    QVERIFY(slot);
    const auto detail = m_source->listByCode(slot->listCode);
    VERIFY_OK(detail);
    QCOMPARE(detail->orders.at(slot->slot - 1).orderId, b);
    QVERIFY(!m_source->listByCode(QStringLiteral("PL-000099")).ok());
    QVERIFY(!m_source->listByCode(QStringLiteral("nonsense")).ok());
}

void TestSqlPickLists::addGiftSet()
{
    VERIFY_OK(kitfixture::addGiftSet(db()));
    VERIFY_OK(kitfixture::stock(db(), kitfixture::Coaster, LDS, 20));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO bins (id, location_id, code, pick_sequence) VALUES "
                             "(4, 1, 'A-5', 0)")));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO product_bins (product_id, bin_id, is_primary) VALUES "
                             "(10, 4, 1)")));
}

qint64 TestSqlPickLists::readyKitOrder(const QString &number, QList<QPair<qint64, int>> lines,
                                       int hour)
{
    kitfixture::KitOrder o;
    o.number = number;
    o.lines = std::move(lines);
    o.locationId = LDS;
    o.placedAt = storage::isoUtc(placed(hour));
    return kitfixture::addReadyOrder(db(), o);
}

void TestSqlPickLists::kitLinesPickTheirParts()
{
    addGiftSet();
    const qint64 a =
        readyKitOrder(QStringLiteral("#K1"), {{kitfixture::Gift, 2}, {kitfixture::Coaster, 1}}, 9);
    const qint64 b = readyKitOrder(QStringLiteral("#K2"), {{kitfixture::Gift, 1}}, 10);
    const qint64 c = readyKitOrder(QStringLiteral("#K3"), {{Tee, 1}}, 11);
    QVERIFY(a && b && c);
    // #K2 sold three gift sets and two have shipped: one is still to pick.
    VERIFY_OK(storage::runStatement(db(),
                                    QStringLiteral("UPDATE order_lines SET quantity = 3, "
                                                   "quantity_shipped = 2 WHERE order_id = ?"),
                                    {b}));
    verifyConsistent();
    const qint64 kitLineA =
        scalar(QStringLiteral("SELECT id FROM order_lines WHERE order_id = ? AND line_no = 1"), {a})
            .toLongLong();

    const auto created = m_source->create({LDS, {c, b, a}, PickListKind::Batch});
    VERIFY_OK(created);
    // Tee 1; coasters 2 × 2 + 1 on its own + 1 × 2; mugs 2 + 1. No line for the kit itself.
    QCOMPARE(created->first().lines, 3);
    QCOMPARE(created->first().units, 1 + 7 + 3);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM pick_list_lines WHERE product_id = ?"),
                    {kitfixture::Gift})
                 .toInt(),
             0);
    const auto detail = m_source->list(created->first().id);
    VERIFY_OK(detail);
    QCOMPARE(detail->orders.at(0).orderId, a);
    QCOMPARE(detail->orders.at(1).orderId, b);
    QCOMPARE(detail->orders.at(2).orderId, c);
    // Walking order: A-2 (tee), A-5 (coasters), A-10 (mugs).
    QCOMPARE(detail->lines.size(), 3);
    QCOMPARE(detail->lines.at(0).sku, QStringLiteral("TEE-M"));
    QVERIFY(models::pickKitNote(detail->lines.at(0).allocations).isEmpty());
    const models::PickLine &coasters = detail->lines.at(1);
    QCOMPARE(coasters.sku, QStringLiteral("COASTER-01"));
    QCOMPARE(coasters.binCode, QStringLiteral("A-5"));
    QCOMPARE(coasters.barcode, QStringLiteral("4006381333948"));
    QCOMPARE(coasters.quantity, 7);
    QCOMPARE(coasters.allocations.size(), 3);
    QCOMPARE(coasters.allocations.at(0).slot, 1);
    QCOMPARE(coasters.allocations.at(0).orderLineId, kitLineA);
    QCOMPARE(coasters.allocations.at(0).quantity, 4);
    QCOMPARE(coasters.allocations.at(0).kitSku, QStringLiteral("GIFT-01"));
    QCOMPARE(coasters.allocations.at(1).slot, 1);
    QCOMPARE(coasters.allocations.at(1).quantity, 1);
    QVERIFY(coasters.allocations.at(1).kitSku.isEmpty());
    QCOMPARE(coasters.allocations.at(2).slot, 2);
    QCOMPARE(coasters.allocations.at(2).quantity, 2);
    QCOMPARE(models::pickKitNote(coasters.allocations),
             QStringLiteral("6 for GIFT-01, 1 on its own"));
    const models::PickLine &mugs = detail->lines.at(2);
    QCOMPARE(mugs.sku, QStringLiteral("MUG-01"));
    QCOMPARE(mugs.binCode, QStringLiteral("A-10"));
    QCOMPARE(mugs.quantity, 3);
    QCOMPARE(models::pickKitNote(mugs.allocations), QStringLiteral("for GIFT-01"));
    for (qint64 id : {a, b, c})
        QCOMPARE(statusOf(id), QStringLiteral("picking"));
    verifyConsistent();
}

void TestSqlPickLists::shortPickOnAKitPartHoldsItsOrder()
{
    addGiftSet();
    const qint64 first = readyKitOrder(QStringLiteral("#K1"), {{kitfixture::Gift, 1}}, 9);
    const qint64 second =
        readyKitOrder(QStringLiteral("#K2"), {{kitfixture::Gift, 1}, {Tee, 1}}, 10);
    QVERIFY(first && second);
    const auto created = m_source->create({LDS, {first, second}, PickListKind::Batch});
    VERIFY_OK(created);
    const auto detail = m_source->list(created->first().id);
    VERIFY_OK(detail);
    const models::PickLine coasters = detail->lines.at(1);
    QCOMPARE(coasters.sku, QStringLiteral("COASTER-01"));
    QCOMPARE(coasters.quantity, 4);

    // One coaster missing: the order placed second goes without, and with it its whole gift set.
    const auto outcome = m_source->markShort(created->first().id, coasters.id, 1);
    VERIFY_OK(outcome);
    QCOMPARE(outcome->orderNumbers, QStringList{QStringLiteral("#K2")});
    QCOMPARE(
        outcome->message,
        QStringLiteral("1 × COASTER-01 (part of GIFT-01) short on PL-000001: #K2 put on hold"));
    QCOMPARE(statusOf(second), QStringLiteral("on_hold"));
    QCOMPARE(statusOf(first), QStringLiteral("picking"));
    QCOMPARE(
        scalar(QStringLiteral("SELECT hold_reason FROM orders WHERE id = ?"), {second}).toString(),
        QStringLiteral("Short pick on PL-000001: SKU COASTER-01 (part of GIFT-01), 1 missing "
                       "at bin A-5"));
    // Every reservation of #K2 released: the kit's mug and coasters and the tee.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM reservations r JOIN order_lines l ON "
                                   "l.id = r.order_line_id WHERE l.order_id = ? AND "
                                   "r.status = 'active'"),
                    {second})
                 .toInt(),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT reserved FROM stock_levels WHERE product_id = ? AND "
                                   "location_id = ?"),
                    {kitfixture::Coaster, LDS})
                 .toInt(),
             2);
    QCOMPARE(scalar(QStringLiteral("SELECT reserved FROM stock_levels WHERE product_id = ? AND "
                                   "location_id = ?"),
                    {kitfixture::Mug, LDS})
                 .toInt(),
             1);
    // The coaster bin held one fewer: on hand comes down, reason short_pick.
    QCOMPARE(scalar(QStringLiteral("SELECT on_hand FROM stock_levels WHERE product_id = ? AND "
                                   "location_id = ?"),
                    {kitfixture::Coaster, LDS})
                 .toInt(),
             19);
    const auto after = m_source->list(created->first().id);
    VERIFY_OK(after);
    QVERIFY(after->orders.at(1).removed);
    QCOMPARE(after->summary.units, 1 + 2);
    verifyConsistent();
}

void TestSqlPickLists::kitWithoutComponentsIsRefused()
{
    const qint64 id = readyOrder({{Cap, 1}}, 9);
    QVERIFY(id);
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("UPDATE products SET is_kit = 1 WHERE id = ?"), {Cap}));
    const auto created = m_source->create({LDS, {id}, PickListKind::Batch});
    QVERIFY(!created.ok());
    QCOMPARE(created.error(), QStringLiteral("order %1 line 1: CAP-01 is a kit with no components; "
                                             "give it its components before it is picked")
                                  .arg(numberOf(id)));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM pick_lists")).toInt(), 0);
    QCOMPARE(statusOf(id), QStringLiteral("ready"));
}

QTEST_GUILESS_MAIN(TestSqlPickLists)
#include "tst_sqlpicklists.moc"
