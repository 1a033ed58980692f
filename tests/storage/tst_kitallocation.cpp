// Kits reserved as their components, over a real database: allocation, backorders
// filled by a component's arrival, a kit without components, the parcel weight, and
// rerouting a kit order.

#include "allocationshop.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlallocator.h"
#include "storage/sqlkits.h"
#include "storage/sqlorderreroute.h"
#include "storagetestutil.h"

#include <QTemporaryDir>

using namespace allocationshop;
using storage::AllocationSummary;
using storage::Database;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);

// Beside the shop's MUG-01, TEE-M and CAP-01: a coaster, the gift set GIFT-01 (1 ×
// MUG-01 + 2 × COASTER-01) and EMPTY-01, marked a kit but given no parts.
enum KitProduct : qint64
{
    Coaster = 4,
    Gift = 5,
    Empty = 6,
};

storage::AllocationOptions options()
{
    storage::AllocationOptions o;
    o.nowUtc = kNow;
    o.user = QStringLiteral("tester");
    return o;
}

} // namespace

class TestKitAllocation : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void kitReservesItsComponents();
    void kitAndItsComponentSoldAlone();
    void kitNeverSplitsButOtherLinesMay();
    void componentArrivalFillsBackorderedKit();
    void kitWithoutComponentsIsHeld();
    void parcelWeightOfAKit();
    void rerouteMovesEveryComponent();
    void cancelReleasesEveryComponent();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        return storagetest::scalar(db(), sql, binds);
    }
    // An order of (product, quantity) lines, status new; the SKUs are the products'.
    qint64 order(const QList<QPair<qint64, int>> &lines);
    AllocationSummary allocate();
    void verifyConsistent();
    QString statusOf(qint64 orderId) const
    {
        return scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {orderId})
            .toString();
    }
    int reserved(qint64 product, qint64 location) const
    {
        return scalar(QStringLiteral("SELECT COALESCE(SUM(reserved), 0) FROM stock_levels "
                                     "WHERE product_id = ? AND location_id = ?"),
                      {product, location})
            .toInt();
    }
    // "line_no:SKU×quantity@LOCATION" for each active reservation of the order.
    QStringList reservationsOf(qint64 orderId) const;
    QString lastEvent(qint64 orderId, const char *kind) const
    {
        return scalar(QStringLiteral("SELECT detail FROM order_events WHERE order_id = ? AND "
                                     "kind = ? ORDER BY id DESC LIMIT 1"),
                      {orderId, QString::fromLatin1(kind)})
            .toString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestKitAllocation::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    models::Result<std::unique_ptr<Database>> opened =
        Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(build(db()));

    storage::Transaction txn(db());
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral(
                  "INSERT INTO products (id, sku, name, cost_currency, price_currency, "
                  "weight_grams, is_kit, created_at) VALUES "
                  "(4, 'COASTER-01', 'Coaster', 'GBP', 'GBP', 100, 0, '2026-01-01T00:00:00Z'), "
                  "(5, 'GIFT-01', 'Gift set', 'GBP', 'GBP', 0, 0, '2026-01-01T00:00:00Z'), "
                  "(6, 'EMPTY-01', 'Empty box', 'GBP', 'GBP', 0, 1, '2026-01-01T00:00:00Z')")));
    VERIFY_OK(storage::writeKitComponents(
        db(), Gift,
        {{Mug, QStringLiteral("MUG-01"), {}, 1}, {Coaster, QStringLiteral("COASTER-01"), {}, 2}}));
    VERIFY_OK(txn.commit());
}

void TestKitAllocation::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

qint64 TestKitAllocation::order(const QList<QPair<qint64, int>> &lines)
{
    static int sequence = 0;
    ++sequence;
    const QString placed = QStringLiteral("2026-11-24T10:00:00Z");
    models::Result<QSqlQuery> q = storage::runQuery(
        db(),
        QStringLiteral("INSERT INTO orders (channel_id, external_id, order_number, status, "
                       "placed_at, buyer_name, ship_name, ship_line1, ship_city, ship_postcode, "
                       "ship_country, currency, total_minor, item_count, created_at, updated_at) "
                       "VALUES (1, ?, ?, 'new', ?, ?, ?, '1 High Street', 'Leeds', 'LS1 4AP', "
                       "'GB', 'GBP', 2500, ?, ?, ?)"),
        // A buyer of their own each, so no order looks like another's duplicate.
        {QStringLiteral("kit-%1").arg(sequence), QStringLiteral("K%1").arg(sequence), placed,
         QStringLiteral("Kit Buyer %1").arg(sequence), QStringLiteral("Kit Buyer %1").arg(sequence),
         lines.size(), placed, placed});
    if (!q.ok()) {
        qWarning("%s", qPrintable(q.error()));
        return 0;
    }
    const qint64 id = q.value().lastInsertId().toLongLong();
    int lineNo = 0;
    for (const auto &l : lines) {
        if (models::Status s = storage::runStatement(
                db(),
                QStringLiteral("INSERT INTO order_lines (order_id, line_no, product_id, sku, "
                               "title, quantity) SELECT ?, ?, id, sku, name, ? FROM products "
                               "WHERE id = ?"),
                {id, ++lineNo, l.second, l.first});
            !s) {
            qWarning("%s", qPrintable(s.error()));
            return 0;
        }
    }
    return id;
}

AllocationSummary TestKitAllocation::allocate()
{
    const models::Result<AllocationSummary> s = storage::allocateNewOrders(db(), options());
    if (!s.ok())
        qWarning("allocation failed: %s", qPrintable(s.error()));
    return s.ok() ? s.value() : AllocationSummary();
}

void TestKitAllocation::verifyConsistent()
{
    const models::Result<storage::ConsistencyReport> report = storage::checkConsistency(db());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->clean(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

QStringList TestKitAllocation::reservationsOf(qint64 orderId) const
{
    QStringList out;
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "SELECT l.line_no, p.sku, r.quantity, lo.code FROM reservations r "
        "JOIN order_lines l ON l.id = r.order_line_id JOIN products p ON p.id = r.product_id "
        "JOIN locations lo ON lo.id = r.location_id WHERE l.order_id = ? AND r.status = 'active' "
        "ORDER BY l.line_no, p.sku"));
    q.addBindValue(orderId);
    if (!q.exec())
        return {QStringLiteral("query failed")};
    while (q.next())
        out.append(QStringLiteral("%1:%2×%3@%4")
                       .arg(q.value(0).toInt())
                       .arg(q.value(1).toString())
                       .arg(q.value(2).toInt())
                       .arg(q.value(3).toString()));
    return out;
}

void TestKitAllocation::kitReservesItsComponents()
{
    VERIFY_OK(move(db(), Mug, LDS, 5));
    VERIFY_OK(move(db(), Coaster, LDS, 3));
    VERIFY_OK(move(db(), Mug, MKY, 5));
    VERIFY_OK(move(db(), Coaster, MKY, 4));
    // Two kits need 2 mugs and 4 coasters: Leeds has coasters for one kit only.
    const qint64 id = order({{Gift, 2}});
    QVERIFY(id > 0);

    const AllocationSummary s = allocate();
    QCOMPARE(s.ready, qint64(1));
    QCOMPARE(statusOf(id), QStringLiteral("ready"));
    QCOMPARE(reservationsOf(id),
             QStringList({QStringLiteral("1:COASTER-01×4@MKY"), QStringLiteral("1:MUG-01×2@MKY")}));
    QCOMPARE(reserved(Mug, MKY), 2);
    QCOMPARE(reserved(Coaster, MKY), 4);
    QCOMPARE(reserved(Mug, LDS), 0);
    QCOMPARE(reserved(Coaster, LDS), 0);
    // The kit holds no stock and no reservation of its own.
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE product_id = ?"), {Gift})
            .toInt(),
        0);
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM stock_levels WHERE product_id = ?"), {Gift})
            .toInt(),
        0);
    QCOMPARE(lastEvent(id, "reserved"),
             QStringLiteral("Reserved 2 × GIFT-01 (4 × COASTER-01, 2 × MUG-01) at MKY"));
    QVERIFY2(lastEvent(id, "routed").contains(QStringLiteral("only location with 2 × GIFT-01")),
             qPrintable(lastEvent(id, "routed")));
    verifyConsistent();

    // Running again changes nothing.
    const AllocationSummary again = allocate();
    QCOMPARE(again.ready, qint64(0));
    QCOMPARE(reserved(Coaster, MKY), 4);
    verifyConsistent();
}

void TestKitAllocation::kitAndItsComponentSoldAlone()
{
    VERIFY_OK(move(db(), Mug, LDS, 1));
    VERIFY_OK(move(db(), Coaster, LDS, 2));
    VERIFY_OK(move(db(), Mug, MKY, 2));
    VERIFY_OK(move(db(), Coaster, MKY, 2));
    // The kit's mug and the mug on its own need 2 mugs in one place: only Milton Keynes.
    const qint64 id = order({{Gift, 1}, {Mug, 1}});
    const AllocationSummary s = allocate();
    QCOMPARE(s.ready, qint64(1));
    QCOMPARE(reservationsOf(id),
             QStringList({QStringLiteral("1:COASTER-01×2@MKY"), QStringLiteral("1:MUG-01×1@MKY"),
                          QStringLiteral("2:MUG-01×1@MKY")}));
    QCOMPARE(reserved(Mug, MKY), 2);
    QCOMPARE(reserved(Coaster, MKY), 2);
    QCOMPARE(lastEvent(id, "reserved"),
             QStringLiteral("Reserved 1 × GIFT-01 (2 × COASTER-01, 1 × MUG-01) at MKY, "
                            "1 × MUG-01 at MKY"));
    verifyConsistent();
}

void TestKitAllocation::kitNeverSplitsButOtherLinesMay()
{
    // Leeds has the mug, Milton Keynes the coasters: no one place makes a kit.
    VERIFY_OK(move(db(), Mug, LDS, 1));
    VERIFY_OK(move(db(), Tee, LDS, 1));
    VERIFY_OK(move(db(), Coaster, MKY, 2));
    const qint64 waiting = order({{Gift, 1}, {Tee, 1}});
    AllocationSummary s = allocate();
    QCOMPARE(s.backordered, qint64(1));
    QCOMPARE(statusOf(waiting), QStringLiteral("backordered"));
    QVERIFY2(lastEvent(waiting, "status").contains(QStringLiteral("no location has 1 × GIFT-01")),
             qPrintable(lastEvent(waiting, "status")));
    QVERIFY(reservationsOf(waiting).isEmpty());
    verifyConsistent();

    // With the kit whole at Milton Keynes and the T-shirt at Leeds, the order splits by
    // line: the kit's parts together, the T-shirt on its own.
    VERIFY_OK(move(db(), Mug, MKY, 1));
    s = allocate();
    QCOMPARE(s.split, qint64(1));
    QCOMPARE(statusOf(waiting), QStringLiteral("ready"));
    QCOMPARE(reservationsOf(waiting),
             QStringList({QStringLiteral("1:COASTER-01×2@MKY"), QStringLiteral("1:MUG-01×1@MKY"),
                          QStringLiteral("2:TEE-M×1@LDS")}));
    QCOMPARE(lastEvent(waiting, "reserved"),
             QStringLiteral("Reserved 1 × GIFT-01 (2 × COASTER-01, 1 × MUG-01) at MKY, "
                            "1 × TEE-M at LDS"));
    verifyConsistent();
}

void TestKitAllocation::componentArrivalFillsBackorderedKit()
{
    VERIFY_OK(move(db(), Mug, LDS, 3));
    VERIFY_OK(move(db(), Coaster, LDS, 1));
    const qint64 id = order({{Gift, 1}});
    QCOMPARE(allocate().backordered, qint64(1));
    QCOMPARE(statusOf(id), QStringLiteral("backordered"));

    // A mug arriving does not complete the kit: the order still waits.
    VERIFY_OK(move(db(), Mug, LDS, 1, models::StockReason::Received));
    models::Result<AllocationSummary> filled = storage::fillBackorders(db(), Mug, LDS, options());
    VERIFY_OK(filled);
    QCOMPARE(filled->considered, qint64(1));
    QCOMPARE(statusOf(id), QStringLiteral("backordered"));

    // The coaster it lacked arrives: the order that holds the kit is found and filled.
    VERIFY_OK(move(db(), Coaster, LDS, 1, models::StockReason::Received));
    filled = storage::fillBackorders(db(), Coaster, LDS, options());
    VERIFY_OK(filled);
    QCOMPARE(filled->considered, qint64(1));
    QCOMPARE(filled->ready, qint64(1));
    QCOMPARE(statusOf(id), QStringLiteral("ready"));
    QCOMPARE(reservationsOf(id),
             QStringList({QStringLiteral("1:COASTER-01×2@LDS"), QStringLiteral("1:MUG-01×1@LDS")}));
    QCOMPARE(reserved(Coaster, LDS), 2);
    QCOMPARE(reserved(Mug, LDS), 1);
    verifyConsistent();

    // A product no kit of the order contains finds nothing.
    filled = storage::fillBackorders(db(), Cap, LDS, options());
    VERIFY_OK(filled);
    QCOMPARE(filled->considered, qint64(0));

    // Receipts booked with their backorder fill in one transaction find the kit too.
    const qint64 second = order({{Gift, 1}});
    QCOMPARE(allocate().backordered, qint64(1));
    VERIFY_OK(move(db(), Coaster, LDS, 2, models::StockReason::Received));
    {
        storage::Transaction txn(db(), storage::Transaction::Mode::Write);
        models::Result<AllocationSummary> inTxn =
            storage::fillBackordersInTransaction(db(), {Coaster}, options());
        VERIFY_OK(inTxn);
        QCOMPARE(inTxn->ready, qint64(1));
        VERIFY_OK(txn.commit());
    }
    QCOMPARE(statusOf(second), QStringLiteral("ready"));
    verifyConsistent();
}

void TestKitAllocation::kitWithoutComponentsIsHeld()
{
    VERIFY_OK(move(db(), Mug, LDS, 5));
    const qint64 id = order({{Mug, 1}, {Empty, 1}});
    const AllocationSummary s = allocate();
    QCOMPARE(s.held, qint64(1));
    QCOMPARE(s.heldByKind.value(QStringLiteral("empty_kit")), qint64(1));
    QCOMPARE(statusOf(id), QStringLiteral("on_hold"));
    QCOMPARE(scalar(QStringLiteral("SELECT hold_reason FROM orders WHERE id = ?"), {id}).toString(),
             QStringLiteral(
                 "EMPTY-01 is a kit without components: add its parts in the product editor"));
    QVERIFY(reservationsOf(id).isEmpty());
    QCOMPARE(reserved(Mug, LDS), 0);
    verifyConsistent();
}

void TestKitAllocation::parcelWeightOfAKit()
{
    VERIFY_OK(move(db(), Mug, LDS, 5));
    VERIFY_OK(move(db(), Coaster, LDS, 10));
    // Leeds ships parcels up to 1 kg only; nowhere else ships.
    VERIFY_OK(storage::runStatement(db(), QStringLiteral("DELETE FROM location_rates")));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO location_rates (location_id, from_country, country, "
                             "max_weight_grams, cost_minor, currency, transit_days) "
                             "VALUES (1, 'GB', 'GB', 1000, 395, 'GBP', 2)")));
    // GIFT-01 has no weight of its own: its parts weigh 400 + 2 × 100 g, so two kits
    // are 1.2 kg.
    const qint64 heavy = order({{Gift, 2}});
    AllocationSummary s = allocate();
    QCOMPARE(s.heldByKind.value(QStringLiteral("no_rate")), qint64(1));
    QCOMPARE(
        scalar(QStringLiteral("SELECT hold_reason FROM orders WHERE id = ?"), {heavy}).toString(),
        QStringLiteral("No location ships a 1.2 kg parcel to GB"));

    // Its own weight, once set, is the one that counts: 2 × 450 g fits.
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("UPDATE products SET weight_grams = 450 WHERE id = ?"), {Gift}));
    const qint64 light = order({{Gift, 2}});
    s = allocate();
    QCOMPARE(s.ready, qint64(1));
    QCOMPARE(statusOf(light), QStringLiteral("ready"));
    verifyConsistent();
}

void TestKitAllocation::rerouteMovesEveryComponent()
{
    VERIFY_OK(move(db(), Mug, LDS, 5));
    VERIFY_OK(move(db(), Coaster, LDS, 5));
    VERIFY_OK(move(db(), Tee, LDS, 5));
    VERIFY_OK(move(db(), Mug, BRS, 5));
    VERIFY_OK(move(db(), Coaster, BRS, 1));
    VERIFY_OK(move(db(), Tee, BRS, 5));
    const qint64 id = order({{Gift, 1}, {Tee, 1}});
    QCOMPARE(allocate().ready, qint64(1));
    QCOMPARE(reservationsOf(id),
             QStringList({QStringLiteral("1:COASTER-01×2@LDS"), QStringLiteral("1:MUG-01×1@LDS"),
                          QStringLiteral("2:TEE-M×1@LDS")}));

    // The shop has 1 coaster free, the kit needs 2: refused, naming kit and component.
    models::Result<bool> moved = storage::rerouteOrder(db(), id, BRS, QStringLiteral("closer"),
                                                       QStringLiteral("tester"), kNow);
    QVERIFY(!moved.ok());
    QVERIFY2(moved.error().contains(
                 QStringLiteral("GIFT-01 needs 2 × COASTER-01; Bristol shop has 1 available")),
             qPrintable(moved.error()));
    QCOMPARE(reserved(Coaster, LDS), 2);
    QCOMPARE(reserved(Mug, LDS), 1);
    QCOMPARE(reserved(Mug, BRS), 0);
    verifyConsistent();

    VERIFY_OK(move(db(), Coaster, BRS, 1));
    moved = storage::rerouteOrder(db(), id, BRS, QStringLiteral("closer"), QStringLiteral("tester"),
                                  kNow);
    VERIFY_OK(moved);
    QVERIFY(moved.value());
    QCOMPARE(reservationsOf(id),
             QStringList({QStringLiteral("1:COASTER-01×2@BRS"), QStringLiteral("1:MUG-01×1@BRS"),
                          QStringLiteral("2:TEE-M×1@BRS")}));
    QCOMPARE(reserved(Coaster, LDS), 0);
    QCOMPARE(reserved(Mug, LDS), 0);
    QCOMPARE(reserved(Tee, LDS), 0);
    QCOMPARE(reserved(Coaster, BRS), 2);
    QCOMPARE(reserved(Mug, BRS), 1);
    QCOMPARE(reserved(Tee, BRS), 1);
    QCOMPARE(
        scalar(QStringLiteral("SELECT location_id FROM orders WHERE id = ?"), {id}).toLongLong(),
        qint64(BRS));
    verifyConsistent();
}

void TestKitAllocation::cancelReleasesEveryComponent()
{
    VERIFY_OK(move(db(), Mug, LDS, 5));
    VERIFY_OK(move(db(), Coaster, LDS, 5));
    const qint64 id = order({{Gift, 2}});
    QCOMPARE(allocate().ready, qint64(1));
    QCOMPARE(reserved(Coaster, LDS), 4);
    VERIFY_OK(storage::cancelOrder(db(), id, QStringLiteral("customer asked"), options()));
    QCOMPARE(statusOf(id), QStringLiteral("cancelled"));
    QCOMPARE(lastEvent(id, "reserved"),
             QStringLiteral("Released reservations: 4 × COASTER-01 (for GIFT-01) at LDS, "
                            "2 × MUG-01 (for GIFT-01) at LDS"));
    QCOMPARE(reserved(Coaster, LDS), 0);
    QCOMPARE(reserved(Mug, LDS), 0);
    QVERIFY(reservationsOf(id).isEmpty());
    verifyConsistent();
}

QTEST_GUILESS_MAIN(TestKitAllocation)
#include "tst_kitallocation.moc"
