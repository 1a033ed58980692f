#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlallocator.h"

#include "allocationshop.h"
#include "storagetestutil.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace allocationshop;
using storage::AllocationSummary;
using storage::Database;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);

storage::AllocationOptions options()
{
    storage::AllocationOptions o;
    o.nowUtc = kNow;
    o.user = QStringLiteral("tester");
    return o;
}

} // namespace

class TestSqlAllocator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void routesAndReserves();
    void runningTwiceChangesNothing();
    void lastUnitGoesToTheHigherPriority();
    void shortfallHoldSetting();
    void cancelReleasesReservations();
    void backorderFilledWhenStockArrives();
    void holdReleasesAndReleaseReallocates();
    void splitAskThenRelease();
    void exceptionsHoldWithReasons();
    void storeKeepsItsBuffer();
    void checkFindsBrokenReservations();
    void randomInterleavingsKeepTheInvariants();
    void twoProcessesNeverOversell();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        return storagetest::scalar(db(), sql, binds);
    }
    qint64 order(const NewOrder &o);
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

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestSqlAllocator::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    models::Result<std::unique_ptr<Database>> opened =
        Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(build(db()));
}

void TestSqlAllocator::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

qint64 TestSqlAllocator::order(const NewOrder &o)
{
    const models::Result<qint64> id = addOrder(db(), o);
    if (!id.ok())
        qWarning("%s", qPrintable(id.error()));
    return id.ok() ? id.value() : 0;
}

AllocationSummary TestSqlAllocator::allocate()
{
    const models::Result<AllocationSummary> s = storage::allocateNewOrders(db(), options());
    if (!s.ok())
        qWarning("allocation failed: %s", qPrintable(s.error()));
    return s.ok() ? s.value() : AllocationSummary();
}

void TestSqlAllocator::verifyConsistent()
{
    const models::Result<storage::ConsistencyReport> report = storage::checkConsistency(db());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->clean(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestSqlAllocator::routesAndReserves()
{
    VERIFY_OK(move(db(), Mug, LDS, 5));
    VERIFY_OK(move(db(), Tee, LDS, 5));
    VERIFY_OK(move(db(), Mug, MKY, 5));
    const qint64 id = order(withLines({{Mug, 2}, {Tee, 1}}));
    QVERIFY(id > 0);

    const AllocationSummary s = allocate();
    QCOMPARE(s.ready, qint64(1));
    QCOMPARE(statusOf(id), QStringLiteral("ready"));
    QCOMPARE(
        scalar(QStringLiteral("SELECT location_id FROM orders WHERE id = ?"), {id}).toLongLong(),
        qint64(LDS));
    QCOMPARE(reserved(Mug, LDS), 2);
    QCOMPARE(reserved(Tee, LDS), 1);
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'active'")).toInt(),
        2);
    const QString routed =
        scalar(QStringLiteral(
                   "SELECT detail FROM order_events WHERE order_id = ? AND kind = 'routed'"),
               {id})
            .toString();
    QVERIFY2(routed.startsWith(QStringLiteral("Routed to LDS: only location with both lines")),
             qPrintable(routed));
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM order_events WHERE order_id = ? AND kind = "
                              "'status' AND from_status = 'new' AND to_status = 'ready'"),
               {id})
            .toInt(),
        1);
    QCOMPARE(scalar(QStringLiteral("SELECT orders FROM location_daily_load WHERE location_id = ?"),
                    {qint64(LDS)})
                 .toInt(),
             1);
    verifyConsistent();
}

void TestSqlAllocator::runningTwiceChangesNothing()
{
    VERIFY_OK(move(db(), Mug, LDS, 1));
    order(withLines({{Mug, 1}}));
    NewOrder other = withLines({{Mug, 1}}); // backordered
    other.name = QStringLiteral("Noah Jones");
    order(other);
    order(withLines({{0, 1}})); // held
    const AllocationSummary first = allocate();
    QCOMPARE(first.ready + first.backordered + first.held, qint64(3));

    const QString fingerprint = QStringLiteral(
        "SELECT (SELECT COUNT(*) FROM order_events) || '/' || (SELECT COUNT(*) FROM reservations) "
        "|| '/' || (SELECT group_concat(status || updated_at) FROM orders) || '/' || "
        "(SELECT SUM(reserved) FROM stock_levels)");
    const QString before = scalar(fingerprint).toString();
    const AllocationSummary second = allocate();
    QCOMPARE(second.ready + second.split + second.backordered + second.held, qint64(0));
    QCOMPARE(second.unchanged, qint64(1)); // the backorder, looked at again
    QCOMPARE(scalar(fingerprint).toString(), before);
    verifyConsistent();
}

void TestSqlAllocator::lastUnitGoesToTheHigherPriority()
{
    VERIFY_OK(move(db(), Mug, LDS, 1));
    NewOrder older = withLines({{Mug, 1}});
    older.placedAtUtc = kNow.addSecs(-7200);
    NewOrder newer = withLines({{Mug, 1}});
    newer.placedAtUtc = kNow.addSecs(-3600);
    newer.name = QStringLiteral("Noah Jones");
    NewOrder fast = newer;
    fast.expedited = true;
    fast.name = QStringLiteral("Ava Brown");
    const qint64 a = order(older);
    const qint64 b = order(newer);
    const qint64 c = order(fast);

    const AllocationSummary s = allocate();
    QCOMPARE(s.ready, qint64(1));
    QCOMPARE(s.backordered, qint64(2));
    QCOMPARE(statusOf(c), QStringLiteral("ready"));
    QCOMPARE(statusOf(a), QStringLiteral("backordered"));
    QCOMPARE(statusOf(b), QStringLiteral("backordered"));
    QCOMPARE(reserved(Mug, LDS), 1);
    verifyConsistent();
}

void TestSqlAllocator::shortfallHoldSetting()
{
    VERIFY_OK(storage::runStatement(
        db(),
        QStringLiteral("UPDATE settings SET value = 'hold' WHERE key = 'allocation.shortfall'")));
    const qint64 id = order(withLines({{Mug, 1}}));
    const AllocationSummary s = allocate();
    QCOMPARE(s.held, qint64(1));
    QCOMPARE(s.heldByKind.value(QStringLiteral("out_of_stock")), qint64(1));
    QCOMPARE(statusOf(id), QStringLiteral("on_hold"));
    QVERIFY(scalar(QStringLiteral("SELECT hold_reason FROM orders WHERE id = ?"), {id})
                .toString()
                .startsWith(QStringLiteral("Out of stock: no location has 1 × MUG-01")));
}

void TestSqlAllocator::cancelReleasesReservations()
{
    VERIFY_OK(move(db(), Mug, LDS, 3));
    const qint64 id = order(withLines({{Mug, 2}}));
    allocate();
    QCOMPARE(reserved(Mug, LDS), 2);
    VERIFY_OK(
        storage::cancelOrder(db(), id, QStringLiteral("Customer changed their mind"), options()));
    QCOMPARE(statusOf(id), QStringLiteral("cancelled"));
    QCOMPARE(reserved(Mug, LDS), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM reservations")).toString(),
             QStringLiteral("released"));
    QVERIFY(scalar(QStringLiteral("SELECT detail FROM order_events WHERE order_id = ? AND kind = "
                                  "'reserved' ORDER BY id DESC LIMIT 1"),
                   {id})
                .toString()
                .startsWith(QStringLiteral("Released reservations")));
    // Cancelling again is refused by the state machine, not half-done.
    QVERIFY(!storage::cancelOrder(db(), id, QStringLiteral("again"), options()).ok());
    verifyConsistent();
}

void TestSqlAllocator::backorderFilledWhenStockArrives()
{
    VERIFY_OK(move(db(), Mug, LDS, 1));
    const qint64 first = order(withLines({{Mug, 1}}));
    NewOrder later = withLines({{Mug, 2}});
    later.placedAtUtc = later.placedAtUtc.addSecs(60);
    later.name = QStringLiteral("Noah Jones");
    const qint64 second = order(later);
    allocate();
    QCOMPARE(statusOf(first), QStringLiteral("ready"));
    QCOMPARE(statusOf(second), QStringLiteral("backordered"));

    VERIFY_OK(move(db(), Mug, MKY, 2, models::StockReason::Received));
    const models::Result<AllocationSummary> filled =
        storage::fillBackorders(db(), Mug, MKY, options());
    QVERIFY2(filled.ok(), qPrintable(filled.error()));
    QCOMPARE(filled->ready, qint64(1));
    QCOMPARE(statusOf(second), QStringLiteral("ready"));
    QCOMPARE(reserved(Mug, MKY), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM order_events WHERE order_id = ? AND "
                                   "from_status = 'backordered' AND to_status = 'ready'"),
                    {second})
                 .toInt(),
             1);
    verifyConsistent();
}

void TestSqlAllocator::holdReleasesAndReleaseReallocates()
{
    VERIFY_OK(move(db(), Mug, LDS, 2));
    const qint64 id = order(withLines({{Mug, 2}}));
    allocate();
    QCOMPARE(reserved(Mug, LDS), 2);
    QVERIFY(!storage::holdOrder(db(), id, QStringLiteral("  "), options()).ok());
    VERIFY_OK(storage::holdOrder(db(), id, QStringLiteral("Fraud check"), options()));
    QCOMPARE(statusOf(id), QStringLiteral("on_hold"));
    QCOMPARE(reserved(Mug, LDS), 0);
    verifyConsistent();
    QCOMPARE(allocate().considered, qint64(0)); // held orders wait for a person

    const models::Result<AllocationSummary> released =
        storage::releaseOrder(db(), id, {}, options());
    QVERIFY2(released.ok(), qPrintable(released.error()));
    QCOMPARE(released->ready, qint64(1));
    QCOMPARE(statusOf(id), QStringLiteral("ready"));
    QCOMPARE(reserved(Mug, LDS), 2);
    verifyConsistent();
}

void TestSqlAllocator::splitAskThenRelease()
{
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("UPDATE settings SET value = 'ask' WHERE key = 'allocation.split'")));
    VERIFY_OK(move(db(), Mug, LDS, 1));
    VERIFY_OK(move(db(), Tee, MKY, 1));
    const qint64 id = order(withLines({{Mug, 1}, {Tee, 1}}));
    const AllocationSummary s = allocate();
    QCOMPARE(s.heldByKind.value(QStringLiteral("split_decision")), qint64(1));
    QVERIFY(scalar(QStringLiteral("SELECT hold_reason FROM orders WHERE id = ?"), {id})
                .toString()
                .startsWith(QStringLiteral("Needs a decision: split?")));

    storage::ReleaseChoice choice;
    choice.allowSplit = true;
    const models::Result<AllocationSummary> r = storage::releaseOrder(db(), id, choice, options());
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->split, qint64(1));
    QCOMPARE(statusOf(id), QStringLiteral("ready"));
    QCOMPARE(reserved(Mug, LDS), 1);
    QCOMPARE(reserved(Tee, MKY), 1);
    verifyConsistent();
}

void TestSqlAllocator::exceptionsHoldWithReasons()
{
    VERIFY_OK(move(db(), Mug, LDS, 100));
    const qint64 unknown = order(withLines({{0, 1}}));
    NewOrder badPostcode = withLines({{Mug, 1}});
    badPostcode.postcode = QStringLiteral("12345");
    const qint64 postcode = order(badPostcode);
    NewOrder faraway = withLines({{Mug, 1}});
    faraway.country = QStringLiteral("JP");
    faraway.postcode = QStringLiteral("100-0001");
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("DELETE FROM location_rates WHERE country IS NULL")));
    const qint64 japan = order(faraway);

    NewOrder first = withLines({{Mug, 1}});
    first.email = QStringLiteral("olivia@example.com");
    first.name = QStringLiteral("Olivia Twice");
    first.placedAtUtc = kNow.addSecs(-1800);
    const qint64 original = order(first);
    NewOrder again = first;
    again.placedAtUtc = kNow.addSecs(-600);
    again.channel = 2;
    const qint64 copy = order(again);

    for (int i = 0; i < 5; ++i) {
        NewOrder usual = withLines({{Tee, 1}});
        usual.name = QStringLiteral("Buyer %1").arg(i);
        usual.placedAtUtc = kNow.addDays(-10 - i);
        order(usual);
    }
    VERIFY_OK(move(db(), Tee, LDS, 100));
    NewOrder bulk = withLines({{Tee, 40}});
    bulk.name = QStringLiteral("Bulk Buyer");
    const qint64 huge = order(bulk);

    const AllocationSummary s = allocate();
    QCOMPARE(s.heldByKind.value(QStringLiteral("unknown_sku")), qint64(1));
    QCOMPARE(s.heldByKind.value(QStringLiteral("bad_postcode")), qint64(1));
    QCOMPARE(s.heldByKind.value(QStringLiteral("unshippable_country")), qint64(1));
    QCOMPARE(s.heldByKind.value(QStringLiteral("likely_duplicate")), qint64(1));
    QCOMPARE(s.heldByKind.value(QStringLiteral("unusual_quantity")), qint64(1));
    for (qint64 id : {unknown, postcode, japan, copy, huge})
        QCOMPARE(statusOf(id), QStringLiteral("on_hold"));
    QCOMPARE(statusOf(original), QStringLiteral("ready"));
    const QString why =
        scalar(QStringLiteral("SELECT hold_reason FROM orders WHERE id = ?"), {copy}).toString();
    QVERIFY2(why.startsWith(QStringLiteral("Likely duplicate of")), qPrintable(why));

    // Released by a person, the duplicate ships: the review checks are not repeated.
    const models::Result<AllocationSummary> r = storage::releaseOrder(db(), copy, {}, options());
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(statusOf(copy), QStringLiteral("ready"));
    // The unknown SKU stays held: nothing can be reserved for it.
    const models::Result<AllocationSummary> u = storage::releaseOrder(db(), unknown, {}, options());
    QVERIFY2(u.ok(), qPrintable(u.error()));
    QCOMPARE(statusOf(unknown), QStringLiteral("on_hold"));
    verifyConsistent();
}

void TestSqlAllocator::storeKeepsItsBuffer()
{
    VERIFY_OK(move(db(), Mug, BRS, 2)); // store_buffer defaults to 1
    NewOrder two = withLines({{Mug, 2}});
    two.postcode = QStringLiteral("BS7 8AD");
    const qint64 a = order(two);
    NewOrder one = withLines({{Mug, 1}});
    one.name = QStringLiteral("Noah Jones");
    one.placedAtUtc = one.placedAtUtc.addSecs(60);
    const qint64 b = order(one);
    allocate();
    QCOMPARE(statusOf(a), QStringLiteral("backordered"));
    QCOMPARE(statusOf(b), QStringLiteral("ready"));
    QCOMPARE(reserved(Mug, BRS), 1);
}

void TestSqlAllocator::checkFindsBrokenReservations()
{
    VERIFY_OK(move(db(), Mug, LDS, 5));
    const qint64 id = order(withLines({{Mug, 2}}));
    allocate();
    verifyConsistent();
    // Break it behind the allocator's back: a cancelled order still holding stock, and a
    // line reserving more than it wants.
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("UPDATE orders SET status = 'cancelled' WHERE id = ?"), {id}));
    VERIFY_OK(storage::runStatement(db(), QStringLiteral("UPDATE reservations SET quantity = 3")));
    VERIFY_OK(storage::runStatement(
        db(),
        QStringLiteral(
            "UPDATE stock_levels SET reserved = 3 WHERE product_id = 1 AND location_id = 1")));
    const models::Result<storage::ConsistencyReport> report = storage::checkConsistency(db());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    const QString all = report->problems.join(QLatin1Char('\n'));
    QCOMPARE(report->problems.size(), 2);
    QVERIFY2(all.contains(QStringLiteral("is active but order")) &&
                 all.contains(QStringLiteral("cancelled")),
             qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("reserves 3 but only wants 2")), qPrintable(all));
}

void TestSqlAllocator::randomInterleavingsKeepTheInvariants()
{
    // Seeded, so a failure is the same failure next time.
    QRandomGenerator rng(20261124);
    const qint64 products[] = {Mug, Tee, Cap};
    const qint64 locations[] = {LDS, MKY, BRS, RTM};
    for (qint64 p : products)
        for (qint64 l : locations)
            if (const int opening = static_cast<int>(rng.bounded(0, 4)); opening > 0)
                VERIFY_OK(move(db(), p, l, opening));
    VERIFY_OK(storage::runStatement(
        db(),
        QStringLiteral("UPDATE settings SET value = 'never' WHERE key = 'allocation.split'")));

    const char *countries[][2] = {
        {"GB", "LS1 4AP"}, {"GB", "BS7 8AD"}, {"NL", "1011 AB"}, {"DE", "10115"}};
    QList<qint64> orders;
    int refused = 0;
    const int steps = 2000;
    for (int step = 0; step < steps; ++step) {
        const quint32 op = rng.bounded(100);
        QString what;
        if (op < 30) {
            NewOrder o;
            const int lines = 1 + static_cast<int>(rng.bounded(3));
            for (int i = 0; i < lines; ++i)
                o.lines.append({products[rng.bounded(3)], 1 + static_cast<int>(rng.bounded(3))});
            const auto &c = countries[rng.bounded(4)];
            o.country = QString::fromLatin1(c[0]);
            o.postcode = QString::fromLatin1(c[1]);
            o.name = QStringLiteral("Buyer %1").arg(step);
            o.expedited = rng.bounded(5) == 0;
            o.placedAtUtc = kNow.addSecs(-static_cast<qint64>(rng.bounded(86400)));
            orders.append(order(o));
            what = QStringLiteral("new order");
        } else if (op < 50) {
            QVERIFY2(storage::allocateNewOrders(db(), options()).ok(), "allocation failed");
            what = QStringLiteral("allocate");
        } else if (op < 60 && !orders.isEmpty()) {
            const qint64 id = orders.at(rng.bounded(orders.size()));
            (void)storage::cancelOrder(db(), id, QStringLiteral("random cancel"), options());
            what = QStringLiteral("cancel %1").arg(id);
        } else if (op < 68 && !orders.isEmpty()) {
            const qint64 id = orders.at(rng.bounded(orders.size()));
            (void)storage::holdOrder(db(), id, QStringLiteral("random hold"), options());
            what = QStringLiteral("hold %1").arg(id);
        } else if (op < 76 && !orders.isEmpty()) {
            const qint64 id = orders.at(rng.bounded(orders.size()));
            storage::ReleaseChoice choice;
            choice.allowSplit = rng.bounded(2) == 0;
            (void)storage::releaseOrder(db(), id, choice, options());
            what = QStringLiteral("release %1").arg(id);
        } else if (op < 88) {
            const qint64 p = products[rng.bounded(3)];
            const qint64 l = locations[rng.bounded(4)];
            VERIFY_OK(move(db(), p, l, 1 + static_cast<int>(rng.bounded(3)),
                           models::StockReason::Received));
            const models::Result<AllocationSummary> f =
                storage::fillBackorders(db(), p, l, options());
            QVERIFY2(f.ok(), qPrintable(f.error()));
            what = QStringLiteral("receive %1 at %2").arg(p).arg(l);
        } else {
            const qint64 p = products[rng.bounded(3)];
            const qint64 l = locations[rng.bounded(4)];
            const int q = static_cast<int>(rng.bounded(1, 4));
            if (!move(db(), p, l, rng.bounded(2) ? q : -q, models::StockReason::CountCorrection)
                     .ok())
                ++refused; // would take on hand below what is reserved
            what = QStringLiteral("adjust %1 at %2").arg(p).arg(l);
        }
        const models::Result<storage::ConsistencyReport> report = storage::checkConsistency(db());
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QVERIFY2(report->clean(),
                 qPrintable(QStringLiteral("after step %1 (%2):\n%3")
                                .arg(step)
                                .arg(what, report->problems.join(QLatin1Char('\n')))));
    }
    const QString outcomes =
        scalar(QStringLiteral("SELECT group_concat(status || ':' || n) FROM "
                              "(SELECT status, COUNT(*) AS n FROM orders GROUP BY status)"))
            .toString();
    qInfo("%d steps, %d adjustments refused; orders %s", steps, refused, qPrintable(outcomes));
    QVERIFY(outcomes.contains(QStringLiteral("ready")));
    QVERIFY(outcomes.contains(QStringLiteral("backordered")));
    QVERIFY(outcomes.contains(QStringLiteral("cancelled")));
}

void TestSqlAllocator::twoProcessesNeverOversell()
{
    // Scarce stock: far more orders than units, so the two fight over the last ones.
    VERIFY_OK(move(db(), Mug, LDS, 30));
    VERIFY_OK(move(db(), Tee, MKY, 20));
    VERIFY_OK(move(db(), Cap, LDS, 10));
    const QString path = m_dir->filePath(QStringLiteral("shop.db"));
    const int seconds = 10;

    QList<QProcess *> workers;
    for (int i = 0; i < 2; ++i) {
        auto *p = new QProcess(this);
        p->start(QStringLiteral(ALLOCATION_STRESS_EXECUTABLE),
                 {path, QString::number(seconds), QString::number(i + 1)});
        QVERIFY2(p->waitForStarted(), qPrintable(p->errorString()));
        workers.append(p);
    }
    for (QProcess *p : std::as_const(workers)) {
        QVERIFY(p->waitForFinished((seconds + 40) * 1000));
        const QString out = QString::fromUtf8(p->readAllStandardOutput());
        const QString err = QString::fromUtf8(p->readAllStandardError());
        qInfo("%s", qPrintable(out.trimmed()));
        QVERIFY2(!err.contains(QLatin1String("busy"), Qt::CaseInsensitive) &&
                     !err.contains(QLatin1String("locked"), Qt::CaseInsensitive),
                 qPrintable(err));
        QVERIFY2(p->exitCode() == 0 && err.isEmpty(), qPrintable(err));
    }
    verifyConsistent();
    // Never more reserved than received anywhere.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stock_levels WHERE reserved > on_hand"))
                 .toInt(),
             0);
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = 'ready'")).toInt() >
            10);
    QVERIFY(
        scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = 'backordered'")).toInt() >
        0);
}

QTEST_GUILESS_MAIN(TestSqlAllocator)
#include "tst_sqlallocator.moc"
