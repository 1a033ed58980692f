// The read-only source documents print from, over a real migrated SQLite file:
// orders found by the number the queue shows (with or without '#', and a number
// two channels share), the location and its address, the latest shipment that was
// not voided with its parcels, and per line the product's weight, HS code, origin,
// bin at the shipping location and primary barcode; a kit line with its parts.

#include "storage/database.h"
#include "storage/sqlkits.h"
#include "storage/sqlorderdocumentsource.h"
#include "storage/transaction.h"
#include "storagetestutil.h"

#include <QTemporaryDir>

using storage::Database;

class TestSqlOrderDocumentSource : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findsByNumber();
    void readsEverythingAnOrderPrints();
    void unroutedOrderShipsFromTheFirstLocation();
    void customsColumnsRefuseNonsense();
    void kitLineCarriesItsParts();

private:
    bool exec(const QString &sql);
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

bool TestSqlOrderDocumentSource::exec(const QString &sql)
{
    const models::Status s = storage::runStatement(m_db->connection(), sql);
    if (!s.ok())
        qWarning("%s", qPrintable(s.error()));
    return s.ok();
}

void TestSqlOrderDocumentSource::initTestCase()
{
    auto opened = Database::open(m_dir.filePath(QStringLiteral("docs.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    const char *statements[] = {
        "INSERT INTO settings (key, value) VALUES ('shop.name', 'Hearth & Field')",
        "INSERT INTO channels (id, code, name, currency) VALUES (1, 'shopify', 'Shopify', 'GBP'), "
        "(2, 'ebay', 'eBay', 'GBP'), (3, 'amazon', 'Amazon', 'GBP')",
        "INSERT INTO locations (id, code, name, kind, address_line1, city, postcode, country, "
        "routing_priority) VALUES (1, 'LDS', 'Leeds warehouse', 'warehouse', 'Unit 4', 'Leeds', "
        "'LS10 1AB', 'GB', 1), (2, 'RTM', 'Rotterdam 3PL', '3pl', 'Waalhaven 21', 'Rotterdam', "
        "'3089 JH', 'NL', 2)",
        "INSERT INTO bins (id, location_id, code, pick_sequence) VALUES (1, 1, 'A-01-1', 10), "
        "(2, 2, 'R-9', 5)",
        "INSERT INTO products (id, sku, name, cost_currency, price_currency, weight_grams, "
        "created_at, hs_code, origin_country) VALUES "
        "(1, 'MUG-1', 'Mug', 'GBP', 'GBP', 380, '2026-01-01T00:00:00Z', '691200', 'GB'), "
        "(2, 'LMP-1', 'Lamp', 'GBP', 'GBP', 2100, '2026-01-01T00:00:00Z', NULL, NULL)",
        "INSERT INTO product_bins (product_id, bin_id) VALUES (1, 1), (1, 2)",
        "INSERT INTO product_barcodes (product_id, barcode, symbology, is_primary) VALUES "
        "(1, '5061234000015', 'EAN13', 1)",
        "INSERT INTO orders (id, channel_id, external_id, order_number, status, placed_at, "
        "buyer_name, buyer_email, ship_name, ship_line1, ship_city, ship_postcode, ship_country, "
        "shipping_service, currency, subtotal_minor, shipping_minor, total_minor, location_id, "
        "created_at, updated_at) VALUES "
        "(1, 1, 'S1', '#1001', 'shipped', '2026-05-01T10:00:00Z', 'Ann Buyer', 'ann@x.example', "
        "'Ann Buyer', '1 High St', 'York', 'YO1 1AA', 'GB', 'Royal Mail Tracked 48', 'GBP', "
        "3000, 395, 3395, 1, '2026-05-01T10:00:00Z', '2026-05-01T10:00:00Z'), "
        "(2, 2, 'E7', '7', 'ready', '2026-05-02T10:00:00Z', 'Bo', NULL, 'Bo', '2 Low Rd', "
        "'Leeds', 'LS1 1AA', 'GB', NULL, 'GBP', 0, 0, 0, NULL, '2026-05-02T10:00:00Z', "
        "'2026-05-02T10:00:00Z'), "
        "(3, 3, 'A7', '7', 'ready', '2026-05-02T11:00:00Z', 'Cy', NULL, 'Cy', '3 Mid Rd', "
        "'Leeds', 'LS1 1AB', 'GB', NULL, 'GBP', 0, 0, 0, 2, '2026-05-02T11:00:00Z', "
        "'2026-05-02T11:00:00Z')",
        "INSERT INTO order_lines (order_id, line_no, product_id, sku, title, quantity, "
        "unit_price_minor, total_minor) VALUES (1, 1, 1, 'MUG-1', 'Mug', 2, 1000, 2000), "
        "(1, 2, 2, 'LMP-1', 'Lamp', 1, 1000, 1000), (1, 3, NULL, 'ODD-1', 'Unknown', 1, 0, 0), "
        "(2, 1, 1, 'MUG-1', 'Mug', 1, 1000, 1000), (3, 1, 1, 'MUG-1', 'Mug', 1, 1000, 1000)",
        "INSERT INTO shipments (id, order_id, location_id, carrier, service, tracking_number, "
        "status, created_at, shipped_at) VALUES "
        "(1, 1, 1, 'DPD', 'DPD Next Day', 'OLD1', 'voided', '2026-05-03T09:00:00Z', NULL), "
        "(2, 1, 1, 'Royal Mail', 'Royal Mail Tracked 48', 'RM1GB', 'shipped', "
        "'2026-05-02T09:00:00Z', '2026-05-02T16:00:00Z'), "
        "(3, 1, 1, 'Royal Mail', 'Royal Mail Tracked 48', 'RM0GB', 'shipped', "
        "'2026-05-01T09:00:00Z', '2026-05-01T16:00:00Z')",
        "INSERT INTO parcels (shipment_id, weight_grams, tracking_number) VALUES "
        "(2, 900, 'RM1AGB'), (2, 2400, NULL), (3, 100, NULL)",
    };
    for (const char *s : statements)
        QVERIFY(exec(QString::fromUtf8(s)));
}

void TestSqlOrderDocumentSource::findsByNumber()
{
    storage::SqlOrderDocumentSource source(m_db->connection());
    auto hashed = source.findOrders(QStringLiteral("#1001"), QString());
    VERIFY_OK(hashed);
    QCOMPARE(hashed->size(), 1);
    QCOMPARE(hashed->first().orderId, 1);
    auto bare = source.findOrders(QStringLiteral("1001"), QString());
    VERIFY_OK(bare);
    QCOMPARE(bare->size(), 1);
    QCOMPARE(bare->first().orderNumber, QStringLiteral("#1001"));

    auto shared = source.findOrders(QStringLiteral("7"), QString());
    VERIFY_OK(shared);
    QCOMPARE(shared->size(), 2);
    const auto both = models::uniqueOrder(QStringLiteral("7"), shared.value());
    QVERIFY(!both.ok());
    QVERIFY2(both.error().contains(QStringLiteral("Amazon, eBay")), qPrintable(both.error()));
    QVERIFY(both.error().contains(QStringLiteral("--channel")));
    auto ebay = source.findOrders(QStringLiteral("7"), QStringLiteral("ebay"));
    VERIFY_OK(ebay);
    QCOMPARE(ebay->size(), 1);
    QCOMPARE(ebay->first().orderId, 2);

    auto none = source.findOrders(QStringLiteral("#404"), QString());
    VERIFY_OK(none);
    const auto missing = models::uniqueOrder(QStringLiteral("#404"), none.value());
    QCOMPARE(missing.error(), QStringLiteral("no order numbered #404"));
}

void TestSqlOrderDocumentSource::readsEverythingAnOrderPrints()
{
    storage::SqlOrderDocumentSource source(m_db->connection());
    auto order = source.orderDocument(1);
    VERIFY_OK(order);
    const models::OrderDocumentData &o = order.value();
    QCOMPARE(o.orderNumber, QStringLiteral("#1001"));
    QCOMPARE(o.channelName, QStringLiteral("Shopify"));
    QCOMPARE(o.shopName, QStringLiteral("Hearth & Field"));
    QCOMPARE(o.shipTo.postcode, QStringLiteral("YO1 1AA"));
    QCOMPARE(o.total, models::Money(3395, QStringLiteral("GBP")));
    QVERIFY(o.shipFrom.has_value());
    QCOMPARE(o.shipFrom->code, QStringLiteral("LDS"));
    QCOMPARE(o.shipFrom->address.city, QStringLiteral("Leeds"));

    // The latest shipment that was not voided, parcels in order.
    QVERIFY(o.shipment.has_value());
    QCOMPARE(o.shipment->trackingNumber, QStringLiteral("RM1GB"));
    QCOMPARE(o.shipment->parcels.size(), 2);
    QCOMPARE(o.shipment->parcels.at(0).weightGrams, 900);
    QCOMPARE(o.shipment->parcels.at(0).trackingNumber, QStringLiteral("RM1AGB"));
    QCOMPARE(o.shipment->parcels.at(1).trackingNumber, QString());
    QCOMPARE(o.shipment->shippedAtUtc, QDateTime(QDate(2026, 5, 2), QTime(16, 0), Qt::UTC));

    QCOMPARE(o.lines.size(), 3);
    const models::DocumentLine &mug = o.lines.at(0);
    QCOMPARE(mug.unitWeightGrams, 380);
    QCOMPARE(mug.hsCode, QStringLiteral("691200"));
    QCOMPARE(mug.originCountry, QStringLiteral("GB"));
    QCOMPARE(mug.binCode, QStringLiteral("A-01-1")); // the Leeds bin, not Rotterdam's
    QCOMPARE(mug.binSequence, 10);
    QCOMPARE(mug.barcode, QStringLiteral("5061234000015"));
    QCOMPARE(o.lines.at(1).hsCode, QString());
    QCOMPARE(o.lines.at(1).binCode, QString());
    QVERIFY(!o.lines.at(2).productId.has_value());
    QCOMPARE(o.lines.at(2).unitWeightGrams, 0);

    auto rotterdam = source.orderDocument(3);
    VERIFY_OK(rotterdam);
    QCOMPARE(rotterdam->lines.first().binCode, QStringLiteral("R-9"));
    QVERIFY(!rotterdam->shipment.has_value());

    QVERIFY(!source.orderDocument(999).ok());
}

void TestSqlOrderDocumentSource::unroutedOrderShipsFromTheFirstLocation()
{
    storage::SqlOrderDocumentSource source(m_db->connection());
    auto order = source.orderDocument(2);
    VERIFY_OK(order);
    QVERIFY(order->shipFrom.has_value());
    QCOMPARE(order->shipFrom->code, QStringLiteral("LDS"));
    QCOMPARE(order->shippingService, QString());
}

void TestSqlOrderDocumentSource::customsColumnsRefuseNonsense()
{
    QVERIFY(
        !storage::runStatement(m_db->connection(),
                               QStringLiteral("UPDATE products SET hs_code = '69' WHERE id = 1"))
             .ok());
    QVERIFY(!storage::runStatement(
                 m_db->connection(),
                 QStringLiteral("UPDATE products SET origin_country = 'GBR' WHERE id = 1"))
                 .ok());
    QCOMPARE(storagetest::scalar(m_db->connection(),
                                 QStringLiteral("SELECT hs_code FROM products WHERE id = 1"))
                 .toString(),
             QStringLiteral("691200"));
}

void TestSqlOrderDocumentSource::kitLineCarriesItsParts()
{
    // GIFT-1 (no weight of its own) = 1 × MUG-1 (380 g) + 2 × CST-1 (60 g).
    QVERIFY(exec(QStringLiteral(
        "INSERT INTO products (id, sku, name, cost_currency, price_currency, weight_grams, "
        "created_at, hs_code) VALUES (3, 'CST-1', 'Coaster', 'GBP', 'GBP', 60, "
        "'2026-01-01T00:00:00Z', NULL), (4, 'GIFT-1', 'Gift set', 'GBP', 'GBP', 0, "
        "'2026-01-01T00:00:00Z', '691200'), (5, 'BOX-1', 'Boxed set', 'GBP', 'GBP', 1500, "
        "'2026-01-01T00:00:00Z', NULL)")));
    {
        storage::Transaction txn(m_db->connection());
        QVERIFY(txn.isActive());
        VERIFY_OK(storage::writeKitComponents(
            m_db->connection(), 4,
            {{1, QStringLiteral("MUG-1"), {}, 1}, {3, QStringLiteral("CST-1"), {}, 2}}));
        VERIFY_OK(storage::writeKitComponents(m_db->connection(), 5,
                                              {{3, QStringLiteral("CST-1"), {}, 6}}));
        VERIFY_OK(txn.commit());
    }
    QVERIFY(exec(QStringLiteral(
        "INSERT INTO orders (id, channel_id, external_id, order_number, status, placed_at, "
        "ship_name, ship_line1, ship_city, ship_postcode, ship_country, currency, "
        "subtotal_minor, total_minor, location_id, created_at, updated_at) VALUES "
        "(4, 1, 'S4', '#1004', 'packed', '2026-05-04T10:00:00Z', 'Di', '4 Top Rd', 'Leeds', "
        "'LS1 1AC', 'GB', 'GBP', 6500, 6500, 1, '2026-05-04T10:00:00Z', "
        "'2026-05-04T10:00:00Z')")));
    QVERIFY(exec(QStringLiteral(
        "INSERT INTO order_lines (order_id, line_no, product_id, sku, title, quantity, "
        "unit_price_minor, total_minor) VALUES (4, 1, 4, 'GIFT-1', 'Gift set', 2, 2500, 5000), "
        "(4, 2, 5, 'BOX-1', 'Boxed set', 1, 1500, 1500)")));

    storage::SqlOrderDocumentSource source(m_db->connection());
    auto order = source.orderDocument(4);
    VERIFY_OK(order);
    QCOMPARE(order->lines.size(), 2);
    const models::DocumentLine &gift = order->lines.at(0);
    QCOMPARE(gift.sku, QStringLiteral("GIFT-1"));
    QCOMPARE(gift.quantity, 2); // kits
    QCOMPARE(gift.parts.size(), 2);
    QCOMPARE(gift.parts.at(0).sku, QStringLiteral("CST-1"));
    QCOMPARE(gift.parts.at(0).name, QStringLiteral("Coaster"));
    QCOMPARE(gift.parts.at(0).quantity, 2); // per kit
    QCOMPARE(gift.parts.at(1).sku, QStringLiteral("MUG-1"));
    QCOMPARE(gift.parts.at(1).quantity, 1);
    QCOMPARE(models::kitContentsText(gift.parts, gift.quantity),
             QStringLiteral("each contains 2 × Coaster, 1 × Mug"));
    QCOMPARE(gift.unitWeightGrams, 380 + 2 * 60);    // the parts' weight
    QCOMPARE(gift.hsCode, QStringLiteral("691200")); // customs: the kit, as one item
    QCOMPARE(gift.binCode, QString());               // picked as its parts
    const models::DocumentLine &boxed = order->lines.at(1);
    QCOMPARE(boxed.parts.size(), 1);
    QCOMPARE(boxed.unitWeightGrams, 1500); // a kit with a weight of its own keeps it
    QCOMPARE(models::kitContentsText(boxed.parts, 1), QStringLiteral("contains 6 × Coaster"));

    // An ordinary line has no parts.
    auto plain = source.orderDocument(1);
    VERIFY_OK(plain);
    QVERIFY(plain->lines.first().parts.isEmpty());
}

QTEST_GUILESS_MAIN(TestSqlOrderDocumentSource)
#include "tst_sqlorderdocumentsource.moc"
