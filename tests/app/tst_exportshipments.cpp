// backroom export shipments, through the real executable: a demo shop, plus three
// orders shipped by the same code the Shipping screen runs, exported per channel
// and read back field by field.

#include "apptestutil.h"

#include "models/stockmovement.h"
#include "storage/database.h"
#include "storage/sqlrun.h"
#include "storage/sqlshipments.h"
#include "storage/sqlstockledger.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using apptest::backroom;
using apptest::Run;

namespace {

// RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks.
QList<QStringList> readCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << cell;
            cell.clear();
        } else if (c == u'\n') {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
        } else if (c != u'\r') {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty())
        rows << (row << cell);
    return rows;
}

QString readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace

class TestExportShipments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void amazonConfirmationFieldByField();
    void ebayTrackingUploadFieldByField();
    void shopifyFulfilmentRecordFieldByField();
    void demoShipmentsExportForEveryChannel();
    void sinceLeavesOlderShipmentsOut();
    void unknownChannelIsRefused();
    void checkStillPassesAfterShipping();

private:
    // A packed order of `quantity` x the product, shipped with `serviceName` at 15:00
    // on 26 November 2026; returns the parcels' tracking numbers.
    QStringList shipOrder(const QString &channel, const QString &externalId, const QString &number,
                          const QString &lineId, const QString &serviceName, int quantity,
                          int parcels);
    QString exportTo(const QString &channel, const QString &since);

    QTemporaryDir m_dir;
    QString m_db;
    qint64 m_productId = 0;
    QString m_sku;
    QString m_title;
    QStringList m_amazonTracking;
    QStringList m_amazonOtherTracking;
    QStringList m_ebayTracking;
    QStringList m_shopifyTracking;
};

void TestExportShipments::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("shop.db"));
    const Run r = backroom({QStringLiteral("demo"), QStringLiteral("--orders"),
                            QStringLiteral("400"), QStringLiteral("--today"),
                            QStringLiteral("2026-11-25"), QStringLiteral("--db"), m_db});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    m_amazonTracking =
        shipOrder(QStringLiteral("amazon"), QStringLiteral("203-1234567-7654321"),
                  QStringLiteral("203-1234567-7654321"), QStringLiteral("61234567890123"),
                  QStringLiteral("Royal Mail Tracked 48"), 2, 1);
    m_amazonOtherTracking =
        shipOrder(QStringLiteral("amazon"), QStringLiteral("204-7654321-1234567"),
                  QStringLiteral("204-7654321-1234567"), QStringLiteral("61234567890999"),
                  QStringLiteral("Evri Standard"), 1, 1);
    m_ebayTracking = shipOrder(QStringLiteral("ebay"), QStringLiteral("12-14001-10001"),
                               QStringLiteral("12-14001-10001"), QStringLiteral("2843105937012"),
                               QStringLiteral("DPD Next Day"), 1, 1);
    m_shopifyTracking = shipOrder(QStringLiteral("shopify"), QStringLiteral("5300000000001"),
                                  QStringLiteral("#9001"), QStringLiteral("14000000000001"),
                                  QStringLiteral("Royal Mail Tracked 24"), 3, 2);
}

QStringList TestExportShipments::shipOrder(const QString &channel, const QString &externalId,
                                           const QString &number, const QString &lineId,
                                           const QString &serviceName, int quantity, int parcels)
{
    auto opened = storage::Database::open(m_db);
    if (!opened.ok())
        qFatal("%s", qPrintable(opened.error()));
    const QSqlDatabase db = opened.value()->connection();
    auto value = [&](const QString &sql, const QVariantList &binds = {}) {
        const auto v = storage::queryScalar(db, sql, binds);
        if (!v.ok())
            qFatal("%s", qPrintable(v.error()));
        return v.value();
    };
    const qint64 location =
        value(QStringLiteral("SELECT id FROM locations WHERE code = 'LDS'")).toLongLong();
    if (m_productId == 0) {
        m_productId = value(QStringLiteral("SELECT MIN(id) FROM products")).toLongLong();
        m_sku = value(QStringLiteral("SELECT sku FROM products WHERE id = ?"), {m_productId})
                    .toString();
        m_title = value(QStringLiteral("SELECT name FROM products WHERE id = ?"), {m_productId})
                      .toString();
    }
    models::StockMovement in;
    in.productId = m_productId;
    in.locationId = location;
    in.quantity = quantity;
    in.reason = models::StockReason::Found;
    in.referenceType = QStringLiteral("adjustment");
    in.user = QStringLiteral("test");
    if (!storage::recordStockMovement(db, in).ok())
        qFatal("no stock");
    const qint64 channelId =
        value(QStringLiteral("SELECT id FROM channels WHERE code = ?"), {channel}).toLongLong();
    const QString at = QStringLiteral("2026-11-24T10:00:00Z");
    const qint64 orderId =
        storage::runQuery(db,
                          QStringLiteral("INSERT INTO orders (channel_id, external_id, "
                                         "order_number, status, placed_at, currency, ship_country, "
                                         "location_id, created_at, updated_at) VALUES (?, ?, ?, "
                                         "'packed', ?, 'GBP', 'GB', ?, ?, ?)"),
                          {channelId, externalId, number, at, location, at, at})
            .value()
            .lastInsertId()
            .toLongLong();
    const qint64 lineRow =
        storage::runQuery(db,
                          QStringLiteral("INSERT INTO order_lines (order_id, line_no, "
                                         "external_line_id, product_id, sku, title, quantity) "
                                         "VALUES (?, 1, ?, ?, ?, ?, ?)"),
                          {orderId, lineId, m_productId, m_sku, m_title, quantity})
            .value()
            .lastInsertId()
            .toLongLong();
    Q_UNUSED(lineRow);
    storage::ShipmentRequest req;
    req.orderId = orderId;
    req.serviceId =
        value(QStringLiteral("SELECT id FROM carrier_services WHERE name = ?"), {serviceName})
            .toLongLong();
    for (int i = 0; i < parcels; ++i)
        req.parcels.append({900, 300, 220, 150,
                            serviceName.startsWith(QLatin1String("Evri"))
                                ? QStringLiteral("H00AA00123456789") + QString::number(i)
                                : QString()});
    req.user = QStringLiteral("test");
    req.atUtc = QDateTime(QDate(2026, 11, 26), QTime(15, 0), Qt::UTC);
    const auto shipped = storage::shipOrder(db, req);
    if (!shipped.ok())
        qFatal("%s", qPrintable(shipped.error()));
    return shipped->trackingNumbers;
}

QString TestExportShipments::exportTo(const QString &channel, const QString &since)
{
    const QString out = m_dir.filePath(channel + since + QStringLiteral(".txt"));
    QStringList args{QStringLiteral("export"),    QStringLiteral("shipments"),
                     QStringLiteral("--channel"), channel,
                     QStringLiteral("--db"),      m_db,
                     QStringLiteral("--out"),     out};
    if (!since.isEmpty())
        args << QStringLiteral("--since") << since;
    const Run r = backroom(args);
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.err));
    return r.exitCode == 0 ? readFile(out) : QString();
}

void TestExportShipments::amazonConfirmationFieldByField()
{
    const QString text = exportTo(QStringLiteral("amazon"), QStringLiteral("2026-11-26"));
    QVERIFY(text.endsWith(u'\n'));
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    // The header of Amazon's sample and help page G641, exactly.
    QCOMPARE(lines.at(0),
             QStringLiteral("order-id\torder-item-id\tquantity\tship-date\t"
                            "carrier-code\tcarrier-name\ttracking-number\tship-method"));
    const QStringList rm = lines.at(1).split(u'\t');
    QCOMPARE(rm.size(), 8);
    QCOMPARE(rm.at(0), QStringLiteral("203-1234567-7654321"));
    QCOMPARE(rm.at(1), QStringLiteral("61234567890123"));
    QCOMPARE(rm.at(2), QStringLiteral("2"));
    QCOMPARE(rm.at(3), QStringLiteral("2026-11-26"));
    QCOMPARE(rm.at(4), QStringLiteral("Royal Mail"));
    QCOMPARE(rm.at(5), QString()); // only with "Other"
    QCOMPARE(rm.at(6), m_amazonTracking.at(0));
    QVERIFY(QRegularExpression(QStringLiteral("^TT\\d{9}GB$")).match(rm.at(6)).hasMatch());
    QCOMPARE(rm.at(7), QStringLiteral("Royal Mail Tracked 48"));
    const QStringList evri = lines.at(2).split(u'\t');
    QCOMPARE(evri.size(), 8);
    QCOMPARE(evri.at(0), QStringLiteral("204-7654321-1234567"));
    QCOMPARE(evri.at(4), QStringLiteral("Other"));
    QCOMPARE(evri.at(5), QStringLiteral("Evri"));
    QCOMPARE(evri.at(6), QStringLiteral("H00AA001234567890"));
    QCOMPARE(evri.at(7), QStringLiteral("Evri Standard"));
}

void TestExportShipments::ebayTrackingUploadFieldByField()
{
    const QList<QStringList> rows =
        readCsv(exportTo(QStringLiteral("ebay"), QStringLiteral("2026-11-26")));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0), QStringList{QStringLiteral("#INFO")});
    QCOMPARE(
        rows.at(1),
        QStringList({QStringLiteral("Shipping Status"), QStringLiteral("Order Number"),
                     QStringLiteral("Item Number"), QStringLiteral("Item Title"),
                     QStringLiteral("Custom Label"), QStringLiteral("Transaction ID"),
                     QStringLiteral("Shipping Carrier Used"), QStringLiteral("Tracking Number")}));
    const QStringList &r = rows.at(2);
    QCOMPARE(r.size(), 8);
    QCOMPARE(r.at(0), QStringLiteral("Shipped"));
    QCOMPARE(r.at(1), QStringLiteral("12-14001-10001"));
    QCOMPARE(r.at(2), QString());
    QCOMPARE(r.at(3), m_title);
    QCOMPARE(r.at(4), m_sku);
    QCOMPARE(r.at(5), QStringLiteral("2843105937012"));
    QCOMPARE(r.at(6), QStringLiteral("DPD"));
    QCOMPARE(r.at(7), m_ebayTracking.at(0));
    QVERIFY(QRegularExpression(QStringLiteral("^1550\\d{11}$")).match(r.at(7)).hasMatch());
}

void TestExportShipments::shopifyFulfilmentRecordFieldByField()
{
    const QList<QStringList> rows =
        readCsv(exportTo(QStringLiteral("shopify"), QStringLiteral("2026-11-26")));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0),
             QStringList({QStringLiteral("Name"), QStringLiteral("Fulfilled at"),
                          QStringLiteral("Lineitem quantity"), QStringLiteral("Lineitem name"),
                          QStringLiteral("Lineitem sku"), QStringLiteral("Shipping Method"),
                          QStringLiteral("Tracking Company"), QStringLiteral("Tracking Number"),
                          QStringLiteral("Tracking URL")}));
    const QStringList &r = rows.at(1);
    QCOMPARE(r.size(), 9);
    QCOMPARE(r.at(0), QStringLiteral("#9001"));
    QCOMPARE(r.at(1), QStringLiteral("2026-11-26T15:00:00Z"));
    QCOMPARE(r.at(2), QStringLiteral("3"));
    QCOMPARE(r.at(3), m_title);
    QCOMPARE(r.at(4), m_sku);
    QCOMPARE(r.at(5), QStringLiteral("Royal Mail Tracked 24"));
    QCOMPARE(r.at(6), QStringLiteral("Royal Mail"));
    QCOMPARE(m_shopifyTracking.size(), 2);
    QCOMPARE(r.at(7), m_shopifyTracking.join(QStringLiteral(", ")));
    QCOMPARE(r.at(8),
             QStringLiteral("https://www.royalmail.com/track-your-item#/tracking-results/") +
                 m_shopifyTracking.at(0));
}

void TestExportShipments::demoShipmentsExportForEveryChannel()
{
    // The demo's own shipments: every line of every shipped Amazon order.
    const QString text = exportTo(QStringLiteral("amazon"), QString());
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    const QStringList expected = apptest::sql(
        m_db, QStringLiteral("SELECT COUNT(*) FROM shipment_lines sl JOIN shipments s ON s.id = "
                             "sl.shipment_id JOIN orders o ON o.id = s.order_id JOIN channels c "
                             "ON c.id = o.channel_id WHERE c.code = 'amazon' AND s.status IN "
                             "('shipped', 'delivered')"));
    QCOMPARE(lines.size() - 1, expected.value(0).toInt());
    QVERIFY(lines.size() > 20);
    const QRegularExpression orderId(QStringLiteral("^\\d{3}-\\d{7}-\\d{7}$"));
    const QRegularExpression itemId(QStringLiteral("^\\d{14}$"));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList f = lines.at(i).split(u'\t');
        QCOMPARE(f.size(), 8);
        QVERIFY2(orderId.match(f.at(0)).hasMatch(), qPrintable(lines.at(i)));
        QVERIFY2(itemId.match(f.at(1)).hasMatch(), qPrintable(lines.at(i)));
        QVERIFY(f.at(2).toInt() > 0);
        QVERIFY(QDate::fromString(f.at(3), Qt::ISODate).isValid());
        QVERIFY(!f.at(4).isEmpty());
        QCOMPARE(f.at(5).isEmpty(), f.at(4) != QLatin1String("Other"));
        QVERIFY(!f.at(6).isEmpty());
        QVERIFY(!f.at(7).isEmpty());
    }
    // eBay and Shopify: a header and rows of the header's width.
    const QList<QStringList> ebay = readCsv(exportTo(QStringLiteral("ebay"), QString()));
    QVERIFY(ebay.size() > 3);
    for (qsizetype i = 1; i < ebay.size(); ++i)
        QCOMPARE(ebay.at(i).size(), 8);
    const QList<QStringList> shopify = readCsv(exportTo(QStringLiteral("shopify"), QString()));
    QVERIFY(shopify.size() > 20);
    for (const QStringList &row : shopify)
        QCOMPARE(row.size(), 9);
}

void TestExportShipments::sinceLeavesOlderShipmentsOut()
{
    const QStringList all = exportTo(QStringLiteral("shopify"), QStringLiteral("2026-10-01"))
                                .split(u'\n', Qt::SkipEmptyParts);
    const QStringList afterLast = exportTo(QStringLiteral("shopify"), QStringLiteral("2026-11-27"))
                                      .split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(all.size() > 2);
    QCOMPARE(afterLast.size(), 1); // the header alone
}

void TestExportShipments::unknownChannelIsRefused()
{
    const Run none = backroom(
        {QStringLiteral("export"), QStringLiteral("shipments"), QStringLiteral("--db"), m_db});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(QStringLiteral("export shipments needs --channel amazon, ebay or "
                                              "shopify")),
             qPrintable(none.err));
}

void TestExportShipments::checkStillPassesAfterShipping()
{
    const Run r = backroom({QStringLiteral("check"), QStringLiteral("--db"), m_db});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
}

QTEST_GUILESS_MAIN(TestExportShipments)
#include "tst_exportshipments.moc"
