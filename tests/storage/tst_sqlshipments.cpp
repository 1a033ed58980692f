#include "models/trackingnumber.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlallocator.h"
#include "storage/sqlkits.h"
#include "storage/sqlrun.h"
#include "storage/sqlshipments.h"
#include "storage/sqlshippingsource.h"

#include "storagetestutil.h"

#include "storage/transaction.h"

#include <QTemporaryDir>
#include <QTest>

using storage::Database;
using storagetest::scalar;

namespace {

const QString kNow = QStringLiteral("2026-11-25T09:30:00Z");
const QDateTime kShipAt(QDate(2026, 11, 26), QTime(15, 10), Qt::UTC);

} // namespace

// A shop with one GB warehouse, two products, Royal Mail (S10 numbers it generates)
// and Evri (numbers scanned from its labels), and orders in chosen states.
class TestSqlShipments : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void carriersAndServicesLoad();
    void shipsAPackedOrderInOneGo();
    void markingTwiceMovesStockOnce();
    void twoWindowsShipOnce();
    void partialShipmentThenTheRest();
    void refusesOrdersNotPacked_data();
    void refusesOrdersNotPacked();
    void generatesTrackingInSequence();
    void badScanLeavesNothing();
    void failureHalfWayLeavesNothing();
    void shippingScreenSource();
    void ownerConfiguresCarriersAndRates();
    void shipsAKitAsItsComponents();
    void kitsShipWholeInAPartialShipment();
    void kitWeighsItsComponentsWhenItHasNoWeight();
    void allocatedKitShips();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    void run(const QString &sql, const QVariantList &binds = {});
    // An order at LDS with MUG x2 and TEE x1, reserved, in `status`.
    qint64 order(const QString &status);
    // GIFT-01 (no weight of its own) = 1 × MUG-01 + 2 × COASTER-01 (50 g, 30 at LDS).
    void makeGiftKit();
    // An order at LDS with GIFT-01 × kits and TEE x1 in `status`; in ready or packed the
    // kit line holds its components' reservations (kits × 1 mug, kits × 2 coasters).
    qint64 kitOrder(const QString &status, int kits);
    storage::ShipmentRequest request(qint64 orderId, const QStringList &tracking) const;
    void verifyConsistent();
    qint64 count(const QString &sql, const QVariantList &binds = {}) const
    {
        return scalar(db(), sql, binds).toLongLong();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    int m_orders = 0;
};

void TestSqlShipments::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    models::Result<std::unique_ptr<Database>> db =
        Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    QVERIFY2(db.ok(), qPrintable(db.error()));
    m_db = std::move(db).value();
    m_orders = 0;

    const QString product = QStringLiteral(
        "INSERT INTO products (id, sku, name, cost_currency, price_currency, weight_grams, "
        "created_at) VALUES (?, ?, ?, 'GBP', 'GBP', ?, ?)");
    run(product, {1, QStringLiteral("MUG-01"), QStringLiteral("Mug"), 400, kNow});
    run(product, {2, QStringLiteral("TEE-M"), QStringLiteral("T-shirt M"), 200, kNow});
    run(QStringLiteral("INSERT INTO locations (id, code, name, kind, country) "
                       "VALUES (1, 'LDS', 'Leeds', 'warehouse', 'GB')"));
    run(QStringLiteral("INSERT INTO channels (id, code, name, currency) "
                       "VALUES (1, 'amazon', 'Amazon', 'GBP')"));
    const QString movement = QStringLiteral(
        "INSERT INTO stock_movements (product_id, location_id, quantity, reason_code, user_name, "
        "created_at) VALUES (?, 1, ?, 'opening', 'owner', ?)");
    run(movement, {1, 20, kNow});
    run(movement, {2, 5, kNow});
    run(QStringLiteral("INSERT INTO stock_levels (product_id, location_id, on_hand, reserved) "
                       "VALUES (1, 1, 20, 0), (2, 1, 5, 0)"));

    run(QStringLiteral(
        "INSERT INTO carriers (id, code, name, amazon_code, tracking_scheme, tracking_prefix, "
        "tracking_suffix, tracking_next) VALUES "
        "(1, 'royal_mail', 'Royal Mail', 'Royal Mail', 's10', 'RR', 'GB', 1), "
        "(2, 'evri', 'Evri', NULL, 'none', '', '', 1)"));
    run(QStringLiteral(
        "INSERT INTO carrier_services (id, carrier_id, name, service_level, transit_days, "
        "cutoff_time) VALUES (1, 1, 'Royal Mail Tracked 48', 'standard', 2, '16:30'), "
        "(2, 2, 'Evri Standard', 'economy', 3, '15:00')"));
    run(QStringLiteral(
        "INSERT INTO carrier_rates (service_id, from_country, country, max_weight_grams, "
        "cost_minor, currency) VALUES (1, 'GB', 'GB', 2000, 395, 'GBP'), "
        "(1, 'GB', 'GB', 20000, 695, 'GBP'), (2, 'GB', 'GB', 15000, 299, 'GBP')"));
}

void TestSqlShipments::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestSqlShipments::run(const QString &sql, const QVariantList &binds)
{
    VERIFY_OK(storage::runStatement(db(), sql, binds));
}

qint64 TestSqlShipments::order(const QString &status)
{
    const int n = ++m_orders;
    run(QStringLiteral("INSERT INTO orders (id, channel_id, external_id, order_number, status, "
                       "placed_at, currency, location_id, created_at, updated_at) "
                       "VALUES (?, 1, ?, ?, ?, ?, 'GBP', 1, ?, ?)"),
        {n, QStringLiteral("202-000000%1-0000001").arg(n), QStringLiteral("#%1").arg(1000 + n),
         status, kNow, kNow, kNow});
    const QString line = QStringLiteral(
        "INSERT INTO order_lines (id, order_id, line_no, external_line_id, product_id, sku, "
        "title, quantity) VALUES (?, ?, ?, ?, ?, ?, 'item', ?)");
    run(line, {n * 10 + 1, n, 1, QStringLiteral("1000000000000%1").arg(n), 1,
               QStringLiteral("MUG-01"), 2});
    run(line, {n * 10 + 2, n, 2, QStringLiteral("2000000000000%1").arg(n), 2,
               QStringLiteral("TEE-M"), 1});
    if (status == QLatin1String("packed") || status == QLatin1String("ready") ||
        status == QLatin1String("picking")) {
        const QString reserve = QStringLiteral(
            "INSERT INTO reservations (order_line_id, product_id, location_id, quantity, status, "
            "created_at) VALUES (?, ?, 1, ?, 'active', ?)");
        run(reserve, {n * 10 + 1, 1, 2, kNow});
        run(reserve, {n * 10 + 2, 2, 1, kNow});
        run(QStringLiteral("UPDATE stock_levels SET reserved = reserved + 2 WHERE product_id = 1"));
        run(QStringLiteral("UPDATE stock_levels SET reserved = reserved + 1 WHERE product_id = 2"));
    }
    return n;
}

storage::ShipmentRequest TestSqlShipments::request(qint64 orderId,
                                                   const QStringList &tracking) const
{
    storage::ShipmentRequest r;
    r.orderId = orderId;
    r.serviceId = 1;
    for (const QString &t : tracking)
        r.parcels.append({1000, 300, 220, 150, t});
    r.costMinor = 395;
    r.currency = QStringLiteral("GBP");
    r.user = QStringLiteral("mia.packer");
    r.atUtc = kShipAt;
    return r;
}

void TestSqlShipments::verifyConsistent()
{
    const models::Result<storage::ConsistencyReport> report = storage::checkConsistency(db());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->clean(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestSqlShipments::carriersAndServicesLoad()
{
    const auto carriers = storage::loadCarriers(db());
    VERIFY_OK(carriers);
    QCOMPARE(carriers->size(), 2);
    QCOMPARE(carriers->at(1).name, QStringLiteral("Royal Mail"));
    QCOMPARE(carriers->at(1).trackingScheme, models::TrackingScheme::S10);
    const auto services = storage::loadCarrierServices(db());
    VERIFY_OK(services);
    QCOMPARE(services->size(), 2);
    const models::CarrierService &rm = services->at(1);
    QCOMPARE(rm.name, QStringLiteral("Royal Mail Tracked 48"));
    QCOMPARE(rm.carrierName, QStringLiteral("Royal Mail"));
    QCOMPARE(rm.cutoff, QTime(16, 30));
    QCOMPARE(rm.rates.size(), 2);
    QCOMPARE(rm.rates.at(1).maxWeightGrams, std::optional<int>(20000));
    QCOMPARE(rm.rates.at(1).transitDays, 2); // the service's, the row has none
}

void TestSqlShipments::shipsAPackedOrderInOneGo()
{
    const qint64 id = order(QStringLiteral("packed"));
    const auto shipped =
        storage::shipOrder(db(), request(id, {QStringLiteral("RR473124829GB"), QString()}));
    VERIFY_OK(shipped);
    QCOMPARE(shipped->status, QStringLiteral("shipped"));
    QCOMPARE(shipped->trackingNumbers,
             QStringList({QStringLiteral("RR473124829GB"), QStringLiteral("RR000000014GB")}));
    QCOMPARE(shipped->event, QStringLiteral("Shipped 2 parcels with Royal Mail Tracked 48, "
                                            "tracking RR473124829GB, RR000000014GB"));

    // The ledger: one 'shipped' movement per line, at the order's location.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE reason_code = "
                                  "'shipped' AND reference_id = '#1001' AND location_id = 1")),
             qint64(2));
    QCOMPARE(count(QStringLiteral("SELECT quantity FROM stock_movements WHERE reason_code = "
                                  "'shipped' AND product_id = 1")),
             qint64(-2));
    QCOMPARE(count(QStringLiteral("SELECT on_hand FROM stock_levels WHERE product_id = 1")),
             qint64(18));
    QCOMPARE(count(QStringLiteral("SELECT reserved FROM stock_levels WHERE product_id = 1")),
             qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'consumed' "
                                  "AND closed_at IS NOT NULL")),
             qint64(2));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'active'")),
             qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT SUM(quantity_shipped) FROM order_lines WHERE "
                                  "order_id = ?"),
                   {id}),
             qint64(3));
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT status FROM orders WHERE id = ?"), {id}).toString(),
        QStringLiteral("shipped"));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT detail FROM order_events WHERE kind = 'shipped' "
                                         "AND from_status = 'packed' AND to_status = 'shipped'"))
                 .toString(),
             shipped->event);
    // The shipment, its parcels (tracking per parcel) and lines.
    QCOMPARE(scalar(db(), QStringLiteral("SELECT status || ' ' || carrier || ' ' || service || ' ' "
                                         "|| tracking_number || ' ' || shipped_at FROM shipments"))
                 .toString(),
             QStringLiteral("shipped Royal Mail Royal Mail Tracked 48 RR473124829GB "
                            "2026-11-26T15:10:00Z"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM parcels WHERE weight_grams = 1000")),
             qint64(2));
    QCOMPARE(count(QStringLiteral("SELECT SUM(quantity) FROM shipment_lines")), qint64(3));
    QCOMPARE(count(QStringLiteral("SELECT tracking_next FROM carriers WHERE id = 1")), qint64(2));
    verifyConsistent();
}

void TestSqlShipments::markingTwiceMovesStockOnce()
{
    const qint64 id = order(QStringLiteral("packed"));
    const auto shipment = storage::createShipment(db(), request(id, {QString()}));
    VERIFY_OK(shipment);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE reason_code = "
                                  "'shipped'")),
             qint64(0)); // a draft moves nothing
    VERIFY_OK(storage::markShipped(db(), shipment.value(), QStringLiteral("mia"), kShipAt));
    const auto again = storage::markShipped(db(), shipment.value(), QStringLiteral("mia"), kShipAt);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().contains(QStringLiteral("already marked shipped")),
             qPrintable(again.error()));
    QVERIFY(again.error().contains(QStringLiteral("#1001")));
    // And a second "ship" click on the order itself.
    const auto click = storage::shipOrder(db(), request(id, {QString()}));
    QVERIFY(!click.ok());
    QVERIFY2(click.error().contains(QStringLiteral("order #1001 has already shipped")),
             qPrintable(click.error()));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE reason_code = "
                                  "'shipped'")),
             qint64(2));
    QCOMPARE(count(QStringLiteral("SELECT on_hand FROM stock_levels WHERE product_id = 1")),
             qint64(18));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM shipments")), qint64(1));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM order_events WHERE kind = 'shipped'")),
             qint64(1));
    verifyConsistent();
}

void TestSqlShipments::twoWindowsShipOnce()
{
    const qint64 id = order(QStringLiteral("packed"));
    // A second window: its own connection to the same file.
    models::Result<std::unique_ptr<Database>> other =
        Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    VERIFY_OK(other);
    storage::ShipmentRequest mine = request(id, {QStringLiteral("H00A1")});
    mine.serviceId = 2;
    const auto first = storage::createShipment(db(), mine);
    storage::ShipmentRequest evri = request(id, {QStringLiteral("H00A2")});
    evri.serviceId = 2;
    const auto second = storage::createShipment(other.value()->connection(), evri);
    VERIFY_OK(first);
    VERIFY_OK(second); // both drafts exist while the order is still packed
    const auto a = storage::markShipped(other.value()->connection(), second.value(),
                                        QStringLiteral("jo"), kShipAt);
    VERIFY_OK(a);
    const auto b = storage::markShipped(db(), first.value(), QStringLiteral("mia"), kShipAt);
    QVERIFY(!b.ok());
    QVERIFY2(b.error().contains(QStringLiteral("has already shipped")), qPrintable(b.error()));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE reason_code = "
                                  "'shipped'")),
             qint64(2));
    QCOMPARE(count(QStringLiteral("SELECT on_hand FROM stock_levels WHERE product_id = 2")),
             qint64(4));
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT status FROM shipments WHERE id = ?"), {first.value()})
            .toString(),
        QStringLiteral("draft"));
    verifyConsistent();
}

void TestSqlShipments::partialShipmentThenTheRest()
{
    const qint64 id = order(QStringLiteral("packed"));
    storage::ShipmentRequest part = request(id, {QString()});
    part.lines = {{id * 10 + 1, 1}}; // one of the two mugs
    const auto first = storage::shipOrder(db(), part);
    VERIFY_OK(first);
    QCOMPARE(first->status, QStringLiteral("partially_shipped"));
    QVERIFY2(first->event.startsWith(QStringLiteral("Shipped part: 1 parcel with Royal Mail")),
             qPrintable(first->event));
    QCOMPARE(count(QStringLiteral("SELECT reserved FROM stock_levels WHERE product_id = 1")),
             qint64(1));
    QCOMPARE(count(QStringLiteral("SELECT quantity FROM reservations WHERE status = 'active' "
                                  "AND product_id = 1")),
             qint64(1));
    QCOMPARE(count(QStringLiteral("SELECT quantity FROM reservations WHERE status = 'consumed' "
                                  "AND product_id = 1")),
             qint64(1));
    verifyConsistent();

    const auto rest = storage::shipOrder(db(), request(id, {QString()}));
    VERIFY_OK(rest);
    QCOMPARE(rest->status, QStringLiteral("shipped"));
    QCOMPARE(count(QStringLiteral("SELECT SUM(quantity) FROM shipment_lines sl JOIN shipments s "
                                  "ON s.id = sl.shipment_id WHERE s.id = ?"),
                   {rest->shipmentId}),
             qint64(2)); // the other mug and the T-shirt
    QCOMPARE(count(QStringLiteral("SELECT on_hand FROM stock_levels WHERE product_id = 1")),
             qint64(18));
    QCOMPARE(count(QStringLiteral("SELECT SUM(reserved) FROM stock_levels")), qint64(0));
    verifyConsistent();
}

void TestSqlShipments::refusesOrdersNotPacked_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("ready") << QStringLiteral("ready")
                           << QStringLiteral("order #1001 is ready: only packed orders can ship");
    QTest::newRow("picking") << QStringLiteral("picking")
                             << QStringLiteral("order #1001 is picking: only packed orders");
    QTest::newRow("new") << QStringLiteral("new")
                         << QStringLiteral("order #1001 is new: only packed orders can ship");
    QTest::newRow("cancelled") << QStringLiteral("cancelled")
                               << QStringLiteral("order #1001 is cancelled: it cannot ship");
    QTest::newRow("shipped") << QStringLiteral("shipped")
                             << QStringLiteral("order #1001 has already shipped");
}

void TestSqlShipments::refusesOrdersNotPacked()
{
    QFETCH(QString, status);
    QFETCH(QString, message);
    const qint64 id = order(status);
    const auto r = storage::shipOrder(db(), request(id, {QString()}));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(message, Qt::CaseInsensitive), qPrintable(r.error()));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM shipments")), qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE reason_code = "
                                  "'shipped'")),
             qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT tracking_next FROM carriers WHERE id = 1")), qint64(1));
}

void TestSqlShipments::generatesTrackingInSequence()
{
    const auto a = storage::nextTrackingNumber(db(), 1);
    const auto b = storage::nextTrackingNumber(db(), 1);
    VERIFY_OK(a);
    VERIFY_OK(b);
    QCOMPARE(a.value(), QStringLiteral("RR000000014GB"));
    QCOMPARE(b.value(), QStringLiteral("RR000000028GB"));
    models::Carrier rm;
    rm.trackingScheme = models::TrackingScheme::S10;
    VERIFY_OK(models::TrackingNumber::check(rm, b.value()));
    const auto evri = storage::nextTrackingNumber(db(), 2);
    QVERIFY(!evri.ok());
    QVERIFY(evri.error().contains(QStringLiteral("scan or type")));
}

void TestSqlShipments::badScanLeavesNothing()
{
    const qint64 id = order(QStringLiteral("packed"));
    const auto r =
        storage::shipOrder(db(), request(id, {QString(), QStringLiteral("RR473124828GB")}));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QStringLiteral("order #1001 parcel 2: RR473124828GB: the check "
                                               "digit is wrong")),
             qPrintable(r.error()));
    // Parcel 1's generated number is not used up either.
    QCOMPARE(count(QStringLiteral("SELECT tracking_next FROM carriers WHERE id = 1")), qint64(1));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM shipments")), qint64(0));
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT status FROM orders WHERE id = ?"), {id}).toString(),
        QStringLiteral("packed"));
    storage::ShipmentRequest evri = request(id, {QString()});
    evri.serviceId = 2;
    const auto untracked = storage::shipOrder(db(), evri);
    QVERIFY(!untracked.ok());
    QVERIFY2(untracked.error().contains(QStringLiteral("scan or type the tracking number from "
                                                       "Evri's label")),
             qPrintable(untracked.error()));
}

void TestSqlShipments::failureHalfWayLeavesNothing()
{
    const qint64 id = order(QStringLiteral("packed"));
    // The T-shirts were lost (a ledger movement) and their reservation released.
    run(QStringLiteral("INSERT INTO stock_movements (product_id, location_id, quantity, "
                       "reason_code, user_name, created_at) VALUES (2, 1, -5, 'lost', 'owner', ?)"),
        {kNow});
    run(QStringLiteral("UPDATE stock_levels SET on_hand = 0, reserved = 0 WHERE product_id = 2"));
    run(QStringLiteral("UPDATE reservations SET status = 'released' WHERE product_id = 2"));
    const auto r = storage::shipOrder(db(), request(id, {QString()}));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QStringLiteral("order #1001 line 2 (TEE-M)")),
             qPrintable(r.error()));
    // Line 1 had already moved inside the transaction: all of it is undone.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE reason_code = "
                                  "'shipped'")),
             qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT quantity_shipped FROM order_lines WHERE id = ?"),
                   {id * 10 + 1}),
             qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT reserved FROM stock_levels WHERE product_id = 1")),
             qint64(2));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'consumed'")),
             qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM shipments")), qint64(0));
}

void TestSqlShipments::shippingScreenSource()
{
    const qint64 packed = order(QStringLiteral("packed"));
    order(QStringLiteral("ready")); // not yet packed: not listed
    run(QStringLiteral("UPDATE orders SET ship_name = 'Ada Lovelace', ship_country = 'GB', "
                       "ship_postcode = 'LS1 4AP', ship_by = '2026-11-27T23:59:00Z' WHERE id = ?"),
        {packed});
    storage::SqlShippingSource source(db(), QStringLiteral("mia.packer"));
    const auto waiting = source.ordersToShip();
    VERIFY_OK(waiting);
    QCOMPARE(waiting->size(), 1);
    const models::OrderToShip &o = waiting->at(0);
    QCOMPARE(o.orderNumber, QStringLiteral("#1001"));
    QCOMPARE(o.channel, QStringLiteral("Amazon"));
    QCOMPARE(o.fromCountry, QStringLiteral("GB"));
    QCOMPARE(o.locationCode, QStringLiteral("LDS"));
    QCOMPARE(o.items, 3);
    QCOMPARE(o.weightGrams, 2 * 400 + 200);
    QCOMPARE(o.shipBy, QDate(2026, 11, 27));

    models::ShipmentToMake s;
    s.orderId = packed;
    s.serviceId = 1;
    s.parcels = {{1150, 300, 220, 150, QString()}};
    s.cost = models::Money(395, QStringLiteral("GBP"));
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const auto shipped = source.ship(s);
    VERIFY_OK(shipped);
    QCOMPARE(shipped.value(), QStringLiteral("#1001: Shipped 1 parcel with Royal Mail Tracked 48, "
                                             "tracking RR000000014GB"));
    QCOMPARE(source.ordersToShip()->size(), 0);
    const auto today = source.shippedSince(before);
    VERIFY_OK(today);
    QCOMPARE(today->size(), 1);
    QCOMPARE(today->at(0).orderNumber, QStringLiteral("#1001"));
    QCOMPARE(today->at(0).service, QStringLiteral("Royal Mail Tracked 48"));
    QCOMPARE(today->at(0).parcels, 1);
    QCOMPARE(today->at(0).tracking, QStringLiteral("RR000000014GB"));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT user_name FROM order_events WHERE kind = "
                                         "'shipped'"))
                 .toString(),
             QStringLiteral("mia.packer"));
    QCOMPARE(count(QStringLiteral("SELECT cost_minor FROM shipments")), qint64(395));
    verifyConsistent();
}

void TestSqlShipments::ownerConfiguresCarriersAndRates()
{
    models::Carrier dpd;
    dpd.code = QStringLiteral("dpd");
    dpd.name = QStringLiteral("DPD");
    dpd.amazonCode = QStringLiteral("DPD");
    dpd.trackingScheme = models::TrackingScheme::Luhn;
    dpd.trackingPrefix = QStringLiteral("1550");
    dpd.trackingDigits = 10;
    dpd.trackingNext = 500;
    const auto id = storage::saveCarrier(db(), dpd, QStringLiteral("https://x/{tracking}"));
    VERIFY_OK(id);
    VERIFY_OK(storage::nextTrackingNumber(db(), id.value()));
    // Saving again updates it but never rewinds the sequence.
    dpd.name = QStringLiteral("DPD UK");
    dpd.trackingNext = 1;
    QCOMPARE(storage::saveCarrier(db(), dpd).value(), id.value());
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT name || ' ' || tracking_next FROM carriers "
                                   "WHERE id = ?"),
                    {id.value()})
                 .toString(),
             QStringLiteral("DPD UK 501"));

    models::CarrierService next;
    next.carrierId = id.value();
    next.name = QStringLiteral("DPD Next Day");
    next.serviceLevel = QStringLiteral("next_day");
    next.transitDays = 1;
    next.cutoff = QTime(17, 0);
    models::ShippingRate r;
    r.fromCountry = QStringLiteral("gb");
    r.country = QStringLiteral("gb");
    r.maxWeightGrams = 10000;
    r.costMinor = 695;
    r.currency = QStringLiteral("GBP");
    r.transitDays = 1;
    next.rates = {r, r};
    next.rates[1].maxWeightGrams = std::nullopt;
    next.rates[1].costMinor = 895;
    const auto service = storage::saveCarrierService(db(), next);
    VERIFY_OK(service);
    next.rates.removeLast(); // the owner drops the heavy band
    QCOMPARE(storage::saveCarrierService(db(), next).value(), service.value());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM carrier_rates WHERE service_id = ?"),
                   {service.value()}),
             qint64(1));
    const auto loaded = storage::loadCarrierServices(db());
    VERIFY_OK(loaded);
    const auto it = std::find_if(loaded->cbegin(), loaded->cend(),
                                 [&](const auto &s) { return s.id == service.value(); });
    QVERIFY(it != loaded->cend());
    QCOMPARE(it->carrierName, QStringLiteral("DPD UK"));
    QCOMPARE(it->cutoff, QTime(17, 0));
    QCOMPARE(it->rates.size(), 1);
    QCOMPARE(it->rates.at(0).country, QStringLiteral("GB"));

    next.rates[0].currency.clear();
    const auto bad = storage::saveCarrierService(db(), next);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error(), QStringLiteral("service DPD Next Day: rate 1 (gb) needs a "
                                         "three-letter currency"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM carrier_rates WHERE service_id = ?"),
                   {service.value()}),
             qint64(1)); // nothing half-written
}

void TestSqlShipments::makeGiftKit()
{
    run(QStringLiteral("INSERT INTO products (id, sku, name, cost_currency, price_currency, "
                       "weight_grams, created_at) VALUES (3, 'COASTER-01', 'Coaster', 'GBP', "
                       "'GBP', 50, ?), (4, 'GIFT-01', 'Gift set', 'GBP', 'GBP', 0, ?)"),
        {kNow, kNow});
    run(QStringLiteral("INSERT INTO stock_movements (product_id, location_id, quantity, "
                       "reason_code, user_name, created_at) VALUES (3, 1, 30, 'opening', "
                       "'owner', ?)"),
        {kNow});
    run(QStringLiteral("INSERT INTO stock_levels (product_id, location_id, on_hand, reserved) "
                       "VALUES (3, 1, 30, 0)"));
    storage::Transaction txn(db());
    QVERIFY(txn.isActive());
    VERIFY_OK(storage::writeKitComponents(
        db(), 4, {{1, QStringLiteral("MUG-01"), {}, 1}, {3, QStringLiteral("COASTER-01"), {}, 2}}));
    VERIFY_OK(txn.commit());
}

qint64 TestSqlShipments::kitOrder(const QString &status, int kits)
{
    const int n = ++m_orders;
    run(QStringLiteral("INSERT INTO orders (id, channel_id, external_id, order_number, status, "
                       "placed_at, currency, location_id, created_at, updated_at) "
                       "VALUES (?, 1, ?, ?, ?, ?, 'GBP', 1, ?, ?)"),
        {n, QStringLiteral("202-000000%1-0000001").arg(n), QStringLiteral("#%1").arg(1000 + n),
         status, kNow, kNow, kNow});
    const QString line = QStringLiteral(
        "INSERT INTO order_lines (id, order_id, line_no, external_line_id, product_id, sku, "
        "title, quantity) VALUES (?, ?, ?, ?, ?, ?, 'item', ?)");
    run(line, {n * 10 + 1, n, 1, QStringLiteral("1000000000000%1").arg(n), 4,
               QStringLiteral("GIFT-01"), kits});
    run(line, {n * 10 + 2, n, 2, QStringLiteral("2000000000000%1").arg(n), 2,
               QStringLiteral("TEE-M"), 1});
    if (status == QLatin1String("packed") || status == QLatin1String("ready")) {
        const QString reserve = QStringLiteral(
            "INSERT INTO reservations (order_line_id, product_id, location_id, quantity, status, "
            "created_at) VALUES (?, ?, 1, ?, 'active', ?)");
        run(reserve, {n * 10 + 1, 1, kits, kNow});
        run(reserve, {n * 10 + 1, 3, kits * 2, kNow});
        run(reserve, {n * 10 + 2, 2, 1, kNow});
        const QString held =
            QStringLiteral("UPDATE stock_levels SET reserved = reserved + ? WHERE product_id = ?");
        run(held, {kits, 1});
        run(held, {kits * 2, 3});
        run(held, {1, 2});
    }
    return n;
}

void TestSqlShipments::shipsAKitAsItsComponents()
{
    makeGiftKit();
    const qint64 id = kitOrder(QStringLiteral("packed"), 2);
    verifyConsistent(); // the fixture holds the kit's components the way allocation does
    const auto shipment = storage::createShipment(db(), request(id, {QString()}));
    VERIFY_OK(shipment);
    VERIFY_OK(storage::markShipped(db(), shipment.value(), QStringLiteral("mia"), kShipAt));

    // The components leave, never the kit: 2 mugs and 4 coasters, each its own movement.
    const QString moved = QStringLiteral(
        "SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE reason_code = 'shipped' "
        "AND reference_id = '#1001' AND location_id = 1 AND product_id = ?");
    QCOMPARE(count(moved, {1}), qint64(-2));
    QCOMPARE(count(moved, {3}), qint64(-4));
    QCOMPARE(count(moved, {2}), qint64(-1));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE product_id = 4")),
             qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_levels WHERE product_id = 4")),
             qint64(0));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT note FROM stock_movements WHERE reason_code = "
                                         "'shipped' AND product_id = 3"))
                 .toString(),
             QStringLiteral("Shipment %1, 2 × kit GIFT-01").arg(shipment.value()));
    const QString level =
        QStringLiteral("SELECT on_hand || '/' || reserved FROM stock_levels WHERE product_id = ?");
    QCOMPARE(scalar(db(), level, {1}).toString(), QStringLiteral("18/0"));
    QCOMPARE(scalar(db(), level, {3}).toString(), QStringLiteral("26/0"));
    // The kit line's reservations (one per component) are used up.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'active'")),
             qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT SUM(quantity) FROM reservations WHERE status = "
                                  "'consumed' AND order_line_id = ?"),
                   {id * 10 + 1}),
             qint64(6));
    // quantity_shipped counts whole kits.
    QCOMPARE(count(QStringLiteral("SELECT quantity_shipped FROM order_lines WHERE id = ?"),
                   {id * 10 + 1}),
             qint64(2));
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT status FROM orders WHERE id = ?"), {id}).toString(),
        QStringLiteral("shipped"));
    verifyConsistent();

    // Twice moves stock once.
    const auto again = storage::markShipped(db(), shipment.value(), QStringLiteral("mia"), kShipAt);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().contains(QStringLiteral("already marked shipped")),
             qPrintable(again.error()));
    QVERIFY(!storage::shipOrder(db(), request(id, {QString()})).ok());
    QCOMPARE(count(moved, {3}), qint64(-4));
    QCOMPARE(scalar(db(), level, {3}).toString(), QStringLiteral("26/0"));
    verifyConsistent();
}

void TestSqlShipments::kitsShipWholeInAPartialShipment()
{
    makeGiftKit();
    const qint64 id = kitOrder(QStringLiteral("packed"), 3);
    const qint64 kitLine = id * 10 + 1;

    // Less than one kit is refused, in words that say kits ship whole.
    storage::ShipmentRequest none = request(id, {QString()});
    none.lines = {{kitLine, 0}};
    const auto refused = storage::shipOrder(db(), none);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QStringLiteral("order #1001 line 1 (GIFT-01): a kit ships "
                                                     "whole")),
             qPrintable(refused.error()));
    QVERIFY2(refused.error().contains(QStringLiteral("from 1 to 3 kit(s), each 2 × COASTER-01, "
                                                     "1 × MUG-01")),
             qPrintable(refused.error()));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM shipments")), qint64(0));

    // One kit of three: its parts leave, the other two kits' parts stay held.
    storage::ShipmentRequest one = request(id, {QString()});
    one.lines = {{kitLine, 1}};
    const auto first = storage::shipOrder(db(), one);
    VERIFY_OK(first);
    QCOMPARE(first->status, QStringLiteral("partially_shipped"));
    QCOMPARE(
        count(QStringLiteral("SELECT quantity_shipped FROM order_lines WHERE id = ?"), {kitLine}),
        qint64(1));
    const QString held = QStringLiteral(
        "SELECT COALESCE(SUM(quantity), 0) FROM reservations WHERE status = ? AND product_id = ? "
        "AND order_line_id = ?");
    QCOMPARE(count(held, {QStringLiteral("active"), 1, kitLine}), qint64(2));
    QCOMPARE(count(held, {QStringLiteral("active"), 3, kitLine}), qint64(4));
    QCOMPARE(count(held, {QStringLiteral("consumed"), 1, kitLine}), qint64(1));
    QCOMPARE(count(held, {QStringLiteral("consumed"), 3, kitLine}), qint64(2));
    const QString level =
        QStringLiteral("SELECT on_hand || '/' || reserved FROM stock_levels WHERE product_id = ?");
    QCOMPARE(scalar(db(), level, {1}).toString(), QStringLiteral("19/2"));
    QCOMPARE(scalar(db(), level, {3}).toString(), QStringLiteral("28/4"));
    verifyConsistent();

    // More kits than are left is refused and moves nothing.
    storage::ShipmentRequest tooMany = request(id, {QString()});
    tooMany.lines = {{kitLine, 3}};
    const auto over = storage::shipOrder(db(), tooMany);
    QVERIFY(!over.ok());
    QVERIFY2(over.error().contains(QStringLiteral("3 to ship but 2 left unshipped")),
             qPrintable(over.error()));

    // The rest: two kits and the T-shirt.
    const auto rest = storage::shipOrder(db(), request(id, {QString()}));
    VERIFY_OK(rest);
    QCOMPARE(rest->status, QStringLiteral("shipped"));
    QCOMPARE(
        count(QStringLiteral("SELECT quantity_shipped FROM order_lines WHERE id = ?"), {kitLine}),
        qint64(3));
    QCOMPARE(scalar(db(), level, {1}).toString(), QStringLiteral("17/0"));
    QCOMPARE(scalar(db(), level, {3}).toString(), QStringLiteral("24/0"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'active'")),
             qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT SUM(quantity) FROM stock_movements WHERE reason_code = "
                                  "'shipped' AND product_id = 3")),
             qint64(-6));
    verifyConsistent();
}

void TestSqlShipments::kitWeighsItsComponentsWhenItHasNoWeight()
{
    makeGiftKit();
    kitOrder(QStringLiteral("packed"), 2);
    storage::SqlShippingSource source(db(), QStringLiteral("mia.packer"));
    auto waiting = source.ordersToShip();
    VERIFY_OK(waiting);
    QCOMPARE(waiting->size(), 1);
    QCOMPARE(waiting->at(0).items, 3);                              // kits count as items
    QCOMPARE(waiting->at(0).weightGrams, 2 * (400 + 2 * 50) + 200); // the parts' weight
    // A kit weighed as it is packed (its own box) counts its own weight.
    run(QStringLiteral("UPDATE products SET weight_grams = 700 WHERE id = 4"));
    waiting = source.ordersToShip();
    VERIFY_OK(waiting);
    QCOMPARE(waiting->at(0).weightGrams, 2 * 700 + 200);
}

// From allocation to the parcel: the allocator reserves the kit's components for the
// line, and shipping uses exactly those reservations up.
void TestSqlShipments::allocatedKitShips()
{
    makeGiftKit();
    const qint64 id = kitOrder(QStringLiteral("new"), 2);
    run(QStringLiteral("UPDATE orders SET location_id = NULL, ship_name = 'Ada', ship_line1 = "
                       "'1 Park Row', ship_city = 'Leeds', ship_postcode = 'LS1 5AB', "
                       "ship_country = 'GB' WHERE id = ?"),
        {id});
    storage::AllocationOptions options;
    options.nowUtc = kShipAt.addSecs(-3600);
    VERIFY_OK(storage::allocateNewOrders(db(), options));
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT status FROM orders WHERE id = ?"), {id}).toString(),
        QStringLiteral("ready"));
    const QString held = QStringLiteral(
        "SELECT COALESCE(SUM(quantity), 0) FROM reservations WHERE status = 'active' AND "
        "order_line_id = ? AND product_id = ?");
    QCOMPARE(count(held, {id * 10 + 1, 1}), qint64(2));
    QCOMPARE(count(held, {id * 10 + 1, 3}), qint64(4));
    verifyConsistent();

    run(QStringLiteral("UPDATE orders SET status = 'packed' WHERE id = ?"), {id});
    const auto shipped = storage::shipOrder(db(), request(id, {QString()}));
    VERIFY_OK(shipped);
    QCOMPARE(shipped->status, QStringLiteral("shipped"));
    const QString level =
        QStringLiteral("SELECT on_hand || '/' || reserved FROM stock_levels WHERE product_id = ?");
    QCOMPARE(scalar(db(), level, {1}).toString(), QStringLiteral("18/0"));
    QCOMPARE(scalar(db(), level, {3}).toString(), QStringLiteral("26/0"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'active'")),
             qint64(0));
    verifyConsistent();
}

QTEST_GUILESS_MAIN(TestSqlShipments)
#include "tst_sqlshipments.moc"
