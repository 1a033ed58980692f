#include "models/trackingnumber.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlrun.h"
#include "storage/sqlshippingsource.h"
#include "ui/screenheader.h"
#include "ui/shippingscreen.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

namespace {

models::ShippingRate gbRate(std::optional<int> maxGrams, qint64 pence, int days)
{
    models::ShippingRate r;
    r.fromCountry = QStringLiteral("GB");
    r.country = QStringLiteral("GB");
    r.maxWeightGrams = maxGrams;
    r.costMinor = pence;
    r.currency = QStringLiteral("GBP");
    r.transitDays = days;
    return r;
}

// The screen's data in memory: two packed orders, Royal Mail (S10 numbers) and Evri.
class FakeShippingSource : public models::ShippingSource
{
public:
    FakeShippingSource()
    {
        models::OrderToShip a;
        a.orderId = 7;
        a.orderNumber = QStringLiteral("#1007");
        a.channel = QStringLiteral("Shopify");
        a.shipName = QStringLiteral("Ada Lovelace");
        a.country = QStringLiteral("GB");
        a.postcode = QStringLiteral("LS1 4AP");
        a.fromCountry = QStringLiteral("GB");
        a.locationCode = QStringLiteral("LDS");
        a.items = 2;
        a.weightGrams = 850;
        a.deliverBy = QDate(2026, 11, 30);
        models::OrderToShip b = a;
        b.orderId = 9;
        b.orderNumber = QStringLiteral("#1009");
        b.shipName = QStringLiteral("Alan Turing");
        b.deliverBy = QDate();
        orders = {a, b};

        models::Carrier rm;
        rm.id = 1;
        rm.name = QStringLiteral("Royal Mail");
        rm.trackingScheme = models::TrackingScheme::S10;
        rm.trackingPrefix = QStringLiteral("TT");
        rm.trackingSuffix = QStringLiteral("GB");
        models::Carrier evri;
        evri.id = 2;
        evri.name = QStringLiteral("Evri");
        carrierList = {rm, evri};

        models::CarrierService t48;
        t48.id = 11;
        t48.carrierId = 1;
        t48.carrierName = rm.name;
        t48.name = QStringLiteral("Royal Mail Tracked 48");
        t48.cutoff = QTime(16, 30);
        t48.rates = {gbRate(2000, 395, 2), gbRate(20000, 695, 2)};
        models::CarrierService standard;
        standard.id = 12;
        standard.carrierId = 2;
        standard.carrierName = evri.name;
        standard.name = QStringLiteral("Evri Standard");
        standard.cutoff = QTime(15, 0);
        standard.rates = {gbRate(15000, 299, 3)};
        serviceList = {t48, standard};
    }

    models::Result<QList<models::OrderToShip>> ordersToShip() override { return orders; }
    models::Result<QList<models::CarrierService>> services() override { return serviceList; }
    models::Result<QList<models::Carrier>> carriers() override { return carrierList; }
    models::Result<QList<models::ShippedShipment>> shippedSince(const QDateTime &) override
    {
        return shipped;
    }
    models::Result<QString> ship(const models::ShipmentToMake &s) override
    {
        made.append(s);
        for (qsizetype i = 0; i < orders.size(); ++i) {
            if (orders.at(i).orderId != s.orderId)
                continue;
            models::ShippedShipment row;
            row.orderNumber = orders.at(i).orderNumber;
            row.service = s.serviceId == 11 ? QStringLiteral("Royal Mail Tracked 48")
                                            : QStringLiteral("Evri Standard");
            row.parcels = static_cast<int>(s.parcels.size());
            row.tracking = s.parcels.constFirst().trackingNumber;
            row.atUtc = QDateTime(QDate(2026, 11, 26), QTime(10, 5), Qt::UTC);
            shipped.prepend(row);
            orders.removeAt(i);
            return QStringLiteral("%1: Shipped 1 parcel with %2, tracking %3")
                .arg(row.orderNumber, row.service, row.tracking);
        }
        return models::Error{QStringLiteral("order has already shipped")};
    }

    QList<models::OrderToShip> orders;
    QList<models::Carrier> carrierList;
    QList<models::CarrierService> serviceList;
    QList<models::ShippedShipment> shipped;
    QList<models::ShipmentToMake> made;
};

QString validRoyalMail()
{
    models::Carrier rm;
    rm.name = QStringLiteral("Royal Mail");
    rm.trackingScheme = models::TrackingScheme::S10;
    rm.trackingPrefix = QStringLiteral("TT");
    rm.trackingSuffix = QStringLiteral("GB");
    return models::TrackingNumber::generate(rm, 40000123).value();
}

} // namespace

class TestShippingScreen : public QObject
{
    Q_OBJECT

private slots:
    void withoutADatabaseSaysSo();
    void suggestsTheCheapestServiceThatArrivesInTime();
    void scanTrackingAndMarkShipped();
    void badScanIsRefusedLoudly();
    void scanningAnOrderNumberChoosesIt();
    void shipsThroughTheDatabase();
    void grabForReview();
};

namespace {

void pinClock(ui::ShippingScreen &screen)
{
    screen.setClock([] { return QDateTime(QDate(2026, 11, 26), QTime(10, 0)); });
}

} // namespace

void TestShippingScreen::withoutADatabaseSaysSo()
{
    ui::ShippingScreen screen(nullptr);
    screen.show();
    auto *error = screen.findChild<QLabel *>(QStringLiteral("screenError"));
    QVERIFY(error);
    QCOMPARE(error->text(), QStringLiteral("Nothing to ship: no database is open."));
    QVERIFY(!screen.findChild<QPushButton *>(QStringLiteral("markShipped"))->isEnabled());
    QVERIFY(!screen.findChild<QLineEdit *>(QStringLiteral("scan"))->isEnabled());
}

void TestShippingScreen::suggestsTheCheapestServiceThatArrivesInTime()
{
    FakeShippingSource source;
    ui::ShippingScreen screen(&source);
    pinClock(screen);
    auto *waiting = screen.findChild<QTableWidget *>(QStringLiteral("waitingOrders"));
    QCOMPARE(waiting->rowCount(), 2);
    // #1007 must arrive by Mon 30 Nov: Evri (Tue 1 Dec) is too slow, so Royal Mail.
    QCOMPARE(waiting->item(0, 6)->text(), QStringLiteral("Royal Mail Tracked 48"));
    QCOMPARE(waiting->item(0, 7)->text(), QStringLiteral("£3.95"));
    QVERIFY(waiting->item(0, 6)->toolTip().contains(
        QStringLiteral("1 other service arrives too late")));
    // #1009 has no promise: the cheapest.
    QCOMPARE(waiting->item(1, 6)->text(), QStringLiteral("Evri Standard"));
    QCOMPARE(waiting->item(1, 7)->text(), QStringLiteral("£2.99"));
    QCOMPARE(waiting->item(0, 4)->text(), QStringLiteral("1 kg")); // 850 g + packaging
    auto *reason = screen.findChild<QLabel *>(QStringLiteral("serviceReason"));
    QVERIFY2(reason->text().contains(QStringLiteral("Royal Mail Tracked 48 at £3.95")),
             qPrintable(reason->text()));
}

void TestShippingScreen::scanTrackingAndMarkShipped()
{
    FakeShippingSource source;
    ui::ShippingScreen screen(&source);
    pinClock(screen);
    screen.show();
    screen.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&screen));
    auto *waiting = screen.findChild<QTableWidget *>(QStringLiteral("waitingOrders"));
    auto *scan = screen.findChild<QLineEdit *>(QStringLiteral("scan"));
    auto *parcels = screen.findChild<QTableWidget *>(QStringLiteral("parcels"));

    // Choose the first order with the mouse, as the packer would.
    const QRect cell = waiting->visualItemRect(waiting->item(0, 0));
    QTest::mouseClick(waiting->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(screen.currentOrderId(), qint64(7));
    QVERIFY(scan->hasFocus());

    const QString tracking = validRoyalMail();
    QTest::keyClicks(scan, tracking);
    QTest::keyClick(scan, Qt::Key_Return);
    QCOMPARE(parcels->item(0, 4)->text(), tracking);
    QVERIFY(scan->text().isEmpty());

    QTest::keyClick(scan, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(source.made.size(), 1);
    QCOMPARE(source.made.at(0).orderId, qint64(7));
    QCOMPARE(source.made.at(0).serviceId, qint64(11));
    QCOMPARE(source.made.at(0).parcels.at(0).trackingNumber, tracking);
    QCOMPARE(source.made.at(0).parcels.at(0).weightGrams, 1000);
    QCOMPARE(source.made.at(0).cost, models::Money(395, QStringLiteral("GBP")));

    // The row left the list; today's list has it.
    QCOMPARE(waiting->rowCount(), 1);
    QCOMPARE(waiting->item(0, 0)->text(), QStringLiteral("#1009"));
    QVERIFY2(screen.message().startsWith(QStringLiteral("#1007: Shipped 1 parcel with Royal Mail")),
             qPrintable(screen.message()));
    auto *today = screen.findChild<QTableWidget *>(QStringLiteral("shippedToday"));
    QCOMPARE(today->rowCount(), 1);
    QCOMPARE(today->item(0, 1)->text(), QStringLiteral("#1007"));
    QCOMPARE(today->item(0, 4)->text(), tracking);
}

void TestShippingScreen::badScanIsRefusedLoudly()
{
    FakeShippingSource source;
    ui::ShippingScreen screen(&source);
    pinClock(screen);
    screen.show();
    auto *scan = screen.findChild<QLineEdit *>(QStringLiteral("scan"));
    auto *parcels = screen.findChild<QTableWidget *>(QStringLiteral("parcels"));
    QString wrong = validRoyalMail();
    wrong[10] = wrong.at(10) == u'0' ? u'1' : u'0';
    QTest::keyClicks(scan, wrong);
    QTest::keyClick(scan, Qt::Key_Return);
    QVERIFY2(screen.message().contains(QStringLiteral("check digit is wrong")),
             qPrintable(screen.message()));
    QVERIFY(parcels->item(0, 4)->text().isEmpty());
    QVERIFY(source.made.isEmpty());
}

void TestShippingScreen::scanningAnOrderNumberChoosesIt()
{
    FakeShippingSource source;
    ui::ShippingScreen screen(&source);
    pinClock(screen);
    screen.show();
    screen.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&screen));
    auto *scan = screen.findChild<QLineEdit *>(QStringLiteral("scan"));
    QCOMPARE(screen.currentOrderId(), qint64(7));
    QTest::keyClicks(scan, QStringLiteral("1009"));
    QTest::keyClick(scan, Qt::Key_Return);
    QCOMPARE(screen.currentOrderId(), qint64(9));
    auto *service = screen.findChild<QComboBox *>(QStringLiteral("service"));
    QVERIFY(service->currentText().startsWith(QStringLiteral("Evri Standard")));
    // Evri numbers come from its own labels: anything scanned is taken.
    QTest::keyClicks(scan, QStringLiteral("H00A01234567890"));
    QTest::keyClick(scan, Qt::Key_Return);
    QTest::keyClick(scan, Qt::Key_Enter, Qt::ControlModifier);
    QCOMPARE(source.made.size(), 1);
    QCOMPARE(source.made.at(0).orderId, qint64(9));
    QCOMPARE(source.made.at(0).serviceId, qint64(12));
}

// The whole way down: the screen over a real database, as the app wires it.
void TestShippingScreen::shipsThroughTheDatabase()
{
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(QStringLiteral("shop.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    const QSqlDatabase db = opened.value()->connection();
    const QString now = QStringLiteral("2026-11-25T09:30:00Z");
    for (const QString &sql : {
             QStringLiteral("INSERT INTO products (id, sku, name, cost_currency, price_currency, "
                            "weight_grams, created_at) VALUES (1, 'MUG-01', 'Mug', 'GBP', 'GBP', "
                            "400, '%1')")
                 .arg(now),
             QStringLiteral("INSERT INTO locations (id, code, name, kind, country) VALUES "
                            "(1, 'LDS', 'Leeds', 'warehouse', 'GB')"),
             QStringLiteral("INSERT INTO channels (id, code, name, currency) VALUES "
                            "(1, 'shopify', 'Shopify', 'GBP')"),
             QStringLiteral("INSERT INTO stock_movements (product_id, location_id, quantity, "
                            "reason_code, user_name, created_at) VALUES (1, 1, 10, 'opening', "
                            "'owner', '%1')")
                 .arg(now),
             QStringLiteral("INSERT INTO stock_levels (product_id, location_id, on_hand, reserved) "
                            "VALUES (1, 1, 10, 2)"),
             QStringLiteral("INSERT INTO orders (id, channel_id, external_id, order_number, "
                            "status, placed_at, currency, ship_name, ship_country, "
                            "ship_postcode, location_id, created_at, updated_at) VALUES (1, 1, "
                            "'5300000000001', '#1001', 'packed', '%1', 'GBP', 'Ada Lovelace', "
                            "'GB', 'LS1 4AP', 1, '%1', '%1')")
                 .arg(now),
             QStringLiteral("INSERT INTO order_lines (id, order_id, line_no, product_id, sku, "
                            "title, quantity) VALUES (1, 1, 1, 1, 'MUG-01', 'Mug', 2)"),
             QStringLiteral("INSERT INTO reservations (order_line_id, product_id, location_id, "
                            "quantity, status, created_at) VALUES (1, 1, 1, 2, 'active', '%1')")
                 .arg(now),
             QStringLiteral("INSERT INTO carriers (id, code, name, tracking_scheme, "
                            "tracking_prefix, tracking_suffix, tracking_next) VALUES (1, "
                            "'royal_mail', 'Royal Mail', 's10', 'TT', 'GB', 40000123)"),
             QStringLiteral("INSERT INTO carrier_services (id, carrier_id, name, service_level, "
                            "transit_days) VALUES (1, 1, 'Royal Mail Tracked 48', 'standard', 2)"),
             QStringLiteral("INSERT INTO carrier_rates (service_id, country, max_weight_grams, "
                            "cost_minor, currency) VALUES (1, 'GB', 2000, 395, 'GBP')"),
         })
        QVERIFY2(storage::runStatement(db, sql).ok(), qPrintable(sql));

    storage::SqlShippingSource source(db, QStringLiteral("mia.packer"));
    ui::ShippingScreen screen(&source);
    screen.show();
    screen.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&screen));
    auto *waiting = screen.findChild<QTableWidget *>(QStringLiteral("waitingOrders"));
    QCOMPARE(waiting->rowCount(), 1);
    QCOMPARE(waiting->item(0, 6)->text(), QStringLiteral("Royal Mail Tracked 48"));
    auto *scan = screen.findChild<QLineEdit *>(QStringLiteral("scan"));
    // Nothing scanned: Royal Mail numbers this parcel from its range.
    QTest::keyClick(scan, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(waiting->rowCount(), 0);
    QVERIFY2(screen.message().contains(QStringLiteral("tracking TT400001231GB")),
             qPrintable(screen.message()));
    auto value = [&](const QString &sql) { return storage::queryScalar(db, sql).value(); };
    QCOMPARE(value(QStringLiteral("SELECT status FROM orders WHERE id = 1")).toString(),
             QStringLiteral("shipped"));
    QCOMPARE(
        value(QStringLiteral("SELECT on_hand || '/' || reserved FROM stock_levels")).toString(),
        QStringLiteral("8/0"));
    QCOMPARE(value(QStringLiteral("SELECT tracking_number FROM parcels")).toString(),
             QStringLiteral("TT400001231GB"));
    QCOMPARE(screen.findChild<QTableWidget *>(QStringLiteral("shippedToday"))->rowCount(), 1);
    const auto report = storage::checkConsistency(db);
    QVERIFY(report.ok());
    QVERIFY2(report->clean(), qPrintable(report->problems.join(u'\n')));
    // Once more, as a second click would: refused, nothing moves.
    QTest::keyClick(scan, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM stock_movements")).toInt(), 2);
}

void TestShippingScreen::grabForReview()
{
    const QString dir = qEnvironmentVariable("BACKROOM_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set BACKROOM_SCREENSHOT_DIR to keep a picture of the screen");
    FakeShippingSource source;
    ui::ShippingScreen screen(&source);
    pinClock(screen);
    screen.resize(1300, 760);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    QVERIFY(screen.grab().save(dir + QStringLiteral("/shipping-fake.png")));
    auto *scan = screen.findChild<QLineEdit *>(QStringLiteral("scan"));
    QTest::keyClicks(scan, validRoyalMail());
    QTest::keyClick(scan, Qt::Key_Return);
    QTest::keyClick(scan, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(screen.grab().save(dir + QStringLiteral("/shipping-fake-shipped.png")));
}

QTEST_MAIN(TestShippingScreen)
#include "tst_shippingscreen.moc"
