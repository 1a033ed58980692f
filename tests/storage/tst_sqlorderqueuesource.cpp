#include "storage/database.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>

using models::OrderQueueQuery;
using models::OrderQueueRow;
using models::OrderSortKey;
using storage::Database;
using storage::SqlOrderQueueSource;

namespace {

constexpr int kOrders = 3000;
// So many orders share one timestamp that whole pages fall inside the tie.
constexpr int kBigTie = 450;

// How the importer wrote times: both are UTC ISO-8601, as DESIGN.md asks.
enum class TimeFormat
{
    Seconds,
    Milliseconds
};

QString isoUtc(const QDateTime &t, TimeFormat format)
{
    return t.toString(format == TimeFormat::Seconds ? QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")
                                                    : QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

// The first place two id lists differ, or an empty string when they are the same.
QString difference(const QList<qint64> &actual, const QList<qint64> &expected)
{
    for (qsizetype i = 0; i < std::min(actual.size(), expected.size()); ++i)
        if (actual.at(i) != expected.at(i))
            return QStringLiteral("at %1: id %2, expected %3")
                .arg(i)
                .arg(actual.at(i))
                .arg(expected.at(i));
    if (actual.size() != expected.size())
        return QStringLiteral("%1 rows, expected %2").arg(actual.size()).arg(expected.size());
    return {};
}

QList<qint64> idsOf(const QList<OrderQueueRow> &rows)
{
    QList<qint64> ids;
    ids.reserve(rows.size());
    for (const OrderQueueRow &r : rows)
        ids.append(r.id);
    return ids;
}

} // namespace

Q_DECLARE_METATYPE(TimeFormat)
Q_DECLARE_METATYPE(OrderSortKey)

class TestSqlOrderQueueSource : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void count();
    void rowFields();
    void beyondTheEnd();

    void sequentialPages_data();
    void sequentialPages();
    void farHalfWithoutBookmark_data();
    void farHalfWithoutBookmark();
    void middleWithoutBookmark_data();
    void middleWithoutBookmark();
    void mixedJumps_data();
    void mixedJumps();
    void setQueryForgetsBookmarks();

private:
    Database *database(TimeFormat format) const
    {
        return format == TimeFormat::Seconds ? m_seconds.get() : m_millis.get();
    }
    std::unique_ptr<Database> fill(const QString &path, TimeFormat format);
    // The whole queue as a plain query would list it: the truth every page must match.
    QList<qint64> truth(TimeFormat format, OrderSortKey key, bool ascending) const;
    void addSortColumns();

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_seconds;
    std::unique_ptr<Database> m_millis;
};

std::unique_ptr<Database> TestSqlOrderQueueSource::fill(const QString &path, TimeFormat format)
{
    models::Result<std::unique_ptr<Database>> opened = Database::open(path);
    if (!opened.ok()) {
        qWarning("%s", qPrintable(opened.error()));
        return nullptr;
    }
    std::unique_ptr<Database> db = std::move(opened).value();
    const QSqlDatabase c = db->connection();

    auto run = [&c](const QString &sql) { return storage::runStatement(c, sql).ok(); };
    if (!run(QStringLiteral("INSERT INTO channels (id, code, name, currency) VALUES "
                            "(1, 'shopify', 'Shopify', 'EUR'), (2, 'amazon', 'Amazon', 'EUR'), "
                            "(3, 'ebay', 'eBay', 'GBP')")) ||
        !run(QStringLiteral("INSERT INTO locations (id, code, name, kind, country) VALUES "
                            "(1, 'WH1', 'Warehouse', 'warehouse', 'DE'), "
                            "(2, 'SHOP', 'Shop', 'store', 'DE')")))
        return nullptr;

    storage::Transaction tx(c);
    if (!tx.isActive())
        return nullptr;
    QSqlQuery insert(c);
    if (!insert.prepare(QStringLiteral(
            "INSERT INTO orders (id, channel_id, external_id, order_number, status, hold_reason, "
            "placed_at, ship_by, buyer_name, ship_name, ship_country, is_expedited, currency, "
            "total_minor, item_count, location_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return nullptr;

    const QDateTime base(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
    const QStringList statuses = {QStringLiteral("new"), QStringLiteral("on_hold"),
                                  QStringLiteral("ready"), QStringLiteral("shipped")};
    for (int i = 1; i <= kOrders; ++i) {
        // Ids do not follow time: timestamps are spread over the ids, with ties of about
        // ten orders each, one tie far bigger than a page, and some sub-second times.
        QDateTime placed;
        if (i % 6 == 0 && i / 6 <= kBigTie)
            placed = base.addDays(10); // the big tie
        else
            placed = base.addSecs(60 * ((i * 7919) % 260));
        if (format == TimeFormat::Milliseconds && i % 4 == 1)
            placed = placed.addMSecs(250);
        // No ship-by date for every ninth order (not all channels give one), ties for the rest.
        QVariant shipBy;
        if (i % 9 != 0)
            shipBy = isoUtc(base.addDays((i * 31) % 40), format);

        const int channel = i % 3 + 1;
        const QString status = statuses.at(i % statuses.size());
        const QVariantList binds = {
            i,
            channel,
            QStringLiteral("ext-%1").arg(i),
            QStringLiteral("#%1").arg(100000 + i),
            status,
            status == QLatin1String("on_hold") ? QVariant(QStringLiteral("address check"))
                                               : QVariant(),
            isoUtc(placed, format),
            shipBy,
            QStringLiteral("Buyer %1").arg(i),
            i % 5 == 0 ? QVariant() : QVariant(QStringLiteral("Ship To %1").arg(i)),
            i % 2 ? QStringLiteral("DE") : QStringLiteral("FR"),
            i % 10 == 0 ? 1 : 0,
            channel == 3 ? QStringLiteral("GBP") : QStringLiteral("EUR"),
            1000 + i,
            i % 4 + 1,
            i % 3 == 0 ? QVariant() : QVariant(i % 2 + 1),
            isoUtc(base, format),
            isoUtc(base, format),
        };
        if (models::Status s = storage::execPrepared(insert, binds); !s) {
            qWarning("%s", qPrintable(s.error()));
            return nullptr;
        }
    }
    if (!tx.commit().ok())
        return nullptr;
    return db;
}

void TestSqlOrderQueueSource::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_seconds = fill(m_dir.filePath(QStringLiteral("seconds.db")), TimeFormat::Seconds);
    QVERIFY(m_seconds);
    m_millis = fill(m_dir.filePath(QStringLiteral("millis.db")), TimeFormat::Milliseconds);
    QVERIFY(m_millis);
}

void TestSqlOrderQueueSource::cleanupTestCase()
{
    m_seconds.reset();
    m_millis.reset();
}

QList<qint64> TestSqlOrderQueueSource::truth(TimeFormat format, OrderSortKey key,
                                             bool ascending) const
{
    const QString column =
        key == OrderSortKey::PlacedAt ? QStringLiteral("placed_at") : QStringLiteral("ship_by");
    const QString dir = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    QList<qint64> ids;
    models::Result<QSqlQuery> q = storage::runQuery(
        database(format)->connection(),
        QStringLiteral("SELECT id FROM orders ORDER BY %1 %2, id %2").arg(column, dir));
    if (!q.ok())
        return ids;
    while (q.value().next())
        ids.append(q.value().value(0).toLongLong());
    return ids;
}

void TestSqlOrderQueueSource::addSortColumns()
{
    QTest::addColumn<TimeFormat>("format");
    QTest::addColumn<OrderSortKey>("key");
    QTest::addColumn<bool>("ascending");
    QTest::addColumn<int>("pageSize");

    for (TimeFormat format : {TimeFormat::Seconds, TimeFormat::Milliseconds}) {
        for (OrderSortKey key : {OrderSortKey::PlacedAt, OrderSortKey::ShipBy}) {
            for (bool ascending : {true, false}) {
                for (int pageSize : {200, 97}) {
                    QTest::addRow("%s, %s %s, pages of %d",
                                  format == TimeFormat::Seconds ? "times in seconds"
                                                                : "times with milliseconds",
                                  key == OrderSortKey::PlacedAt ? "placed" : "ship-by",
                                  ascending ? "ascending" : "descending", pageSize)
                        << format << key << ascending << pageSize;
                }
            }
        }
    }
}

void TestSqlOrderQueueSource::count()
{
    SqlOrderQueueSource source(m_seconds->connection());
    const models::Result<qint64> n = source.count();
    QVERIFY2(n.ok(), qPrintable(n.error()));
    QCOMPARE(n.value(), qint64(kOrders));
}

void TestSqlOrderQueueSource::rowFields()
{
    SqlOrderQueueSource source(m_seconds->connection());
    source.setQuery({OrderSortKey::PlacedAt, true});
    const models::Result<QList<OrderQueueRow>> rows = source.fetch(0, kOrders);
    QVERIFY2(rows.ok(), qPrintable(rows.error()));
    QCOMPARE(rows->size(), kOrders);
    auto find = [&rows](qint64 id) {
        const auto it = std::find_if(rows->cbegin(), rows->cend(),
                                     [id](const OrderQueueRow &r) { return r.id == id; });
        return it == rows->cend() ? OrderQueueRow() : *it;
    };

    // Order 10 as fill() wrote it: Amazon, ready, expedited, no ship-to name, at WH1.
    const OrderQueueRow ten = find(10);
    QCOMPARE(ten.id, qint64(10));
    QCOMPARE(ten.channelName, QStringLiteral("Amazon"));
    QCOMPARE(ten.orderNumber, QStringLiteral("#100010"));
    QCOMPARE(ten.placedAtUtc, QDateTime(QDate(2026, 3, 1), QTime(10, 30), Qt::UTC));
    QCOMPARE(ten.shipByUtc, QDateTime(QDate(2026, 3, 31), QTime(8, 0), Qt::UTC));
    QCOMPARE(ten.customerName, QStringLiteral("Buyer 10")); // falls back to the buyer
    QCOMPARE(ten.country, QStringLiteral("FR"));
    QCOMPARE(ten.itemCount, 3);
    QCOMPARE(ten.total.minorUnits(), qint64(1010));
    QCOMPARE(ten.total.currency(), QStringLiteral("EUR"));
    QCOMPARE(ten.status, models::OrderStatus::Ready);
    QVERIFY(ten.holdReason.isEmpty());
    QCOMPARE(ten.locationCode, QStringLiteral("WH1"));
    QVERIFY(ten.expedited);

    // Order 9: Shopify, on hold with a reason, no ship-by date, not routed yet.
    const OrderQueueRow nine = find(9);
    QCOMPARE(nine.channelName, QStringLiteral("Shopify"));
    QCOMPARE(nine.status, models::OrderStatus::OnHold);
    QCOMPARE(nine.holdReason, QStringLiteral("address check"));
    QVERIFY(!nine.shipByUtc.isValid());
    QCOMPARE(nine.customerName, QStringLiteral("Ship To 9"));
    QCOMPARE(nine.locationCode, QString());
    QVERIFY(!nine.expedited);

    // Order 11: eBay, in pounds.
    const OrderQueueRow eleven = find(11);
    QCOMPARE(eleven.channelName, QStringLiteral("eBay"));
    QCOMPARE(eleven.total.toPlainString(), QStringLiteral("10.11"));
    QCOMPARE(eleven.total.currency(), QStringLiteral("GBP"));
}

void TestSqlOrderQueueSource::beyondTheEnd()
{
    SqlOrderQueueSource source(m_seconds->connection());
    models::Result<QList<OrderQueueRow>> rows = source.fetch(kOrders, 200);
    QVERIFY2(rows.ok(), qPrintable(rows.error()));
    QVERIFY(rows->isEmpty());
    rows = source.fetch(kOrders - 10, 200);
    QVERIFY2(rows.ok(), qPrintable(rows.error()));
    QCOMPARE(rows->size(), 10);
    rows = source.fetch(0, 0);
    QVERIFY2(rows.ok(), qPrintable(rows.error()));
    QVERIFY(rows->isEmpty());
}

void TestSqlOrderQueueSource::sequentialPages_data()
{
    addSortColumns();
}

void TestSqlOrderQueueSource::sequentialPages()
{
    QFETCH(TimeFormat, format);
    QFETCH(OrderSortKey, key);
    QFETCH(bool, ascending);
    QFETCH(int, pageSize);

    const QList<qint64> expected = truth(format, key, ascending);
    QCOMPARE(expected.size(), kOrders);

    // Scrolling from the top: after the first page every page seeks from a bookmark.
    SqlOrderQueueSource source(database(format)->connection());
    source.setQuery({key, ascending});
    QList<qint64> seen;
    for (qint64 offset = 0; offset < kOrders; offset += pageSize) {
        const models::Result<QList<OrderQueueRow>> page = source.fetch(offset, pageSize);
        QVERIFY2(page.ok(), qPrintable(page.error()));
        const QList<qint64> ids = idsOf(page.value());
        const QString diff = difference(ids, expected.mid(offset, pageSize));
        QVERIFY2(diff.isEmpty(),
                 qPrintable(QStringLiteral("page at %1: %2").arg(offset).arg(diff)));
        seen += ids;
    }
    const QString diff = difference(seen, expected);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestSqlOrderQueueSource::farHalfWithoutBookmark_data()
{
    addSortColumns();
}

void TestSqlOrderQueueSource::farHalfWithoutBookmark()
{
    QFETCH(TimeFormat, format);
    QFETCH(OrderSortKey, key);
    QFETCH(bool, ascending);
    QFETCH(int, pageSize);

    const QList<qint64> expected = truth(format, key, ascending);
    // Jumping to the bottom reads the index from the other end.
    for (qint64 offset : {qint64(kOrders - pageSize), qint64(kOrders - 1), qint64(kOrders / 2 + 1),
                          qint64(kOrders - 2 * pageSize - 13), qint64(kOrders - 50)}) {
        SqlOrderQueueSource source(database(format)->connection());
        source.setQuery({key, ascending});
        const models::Result<QList<OrderQueueRow>> page = source.fetch(offset, pageSize);
        QVERIFY2(page.ok(), qPrintable(page.error()));
        const QString diff = difference(idsOf(page.value()), expected.mid(offset, pageSize));
        QVERIFY2(diff.isEmpty(),
                 qPrintable(QStringLiteral("page at %1: %2").arg(offset).arg(diff)));
    }
}

void TestSqlOrderQueueSource::middleWithoutBookmark_data()
{
    addSortColumns();
}

void TestSqlOrderQueueSource::middleWithoutBookmark()
{
    QFETCH(TimeFormat, format);
    QFETCH(OrderSortKey, key);
    QFETCH(bool, ascending);
    QFETCH(int, pageSize);

    const QList<qint64> expected = truth(format, key, ascending);
    // Dragging the scroll bar into the first half with nothing read before it.
    for (qint64 offset :
         {qint64(1), qint64(777), qint64(kOrders / 2 - pageSize), qint64(kOrders / 2)}) {
        SqlOrderQueueSource source(database(format)->connection());
        source.setQuery({key, ascending});
        const models::Result<QList<OrderQueueRow>> page = source.fetch(offset, pageSize);
        QVERIFY2(page.ok(), qPrintable(page.error()));
        const QString diff = difference(idsOf(page.value()), expected.mid(offset, pageSize));
        QVERIFY2(diff.isEmpty(),
                 qPrintable(QStringLiteral("page at %1: %2").arg(offset).arg(diff)));
    }
}

void TestSqlOrderQueueSource::mixedJumps_data()
{
    addSortColumns();
}

void TestSqlOrderQueueSource::mixedJumps()
{
    QFETCH(TimeFormat, format);
    QFETCH(OrderSortKey, key);
    QFETCH(bool, ascending);
    QFETCH(int, pageSize);

    const QList<qint64> expected = truth(format, key, ascending);
    // A user jumping about: each page read leaves a bookmark the next one may use,
    // whichever way it was read (forward, reversed from the end, by offset).
    SqlOrderQueueSource source(database(format)->connection());
    source.setQuery({key, ascending});
    QList<qint64> offsets;
    for (qint64 start :
         {qint64(kOrders - 3 * pageSize), qint64(1000), qint64(0), qint64(kOrders / 2 - pageSize)})
        for (int step = 0; step < 3; ++step)
            offsets.append(start + step * pageSize);
    for (qint64 offset : std::as_const(offsets)) {
        const models::Result<QList<OrderQueueRow>> page = source.fetch(offset, pageSize);
        QVERIFY2(page.ok(), qPrintable(page.error()));
        const QString diff = difference(idsOf(page.value()), expected.mid(offset, pageSize));
        QVERIFY2(diff.isEmpty(),
                 qPrintable(QStringLiteral("page at %1: %2").arg(offset).arg(diff)));
    }
}

void TestSqlOrderQueueSource::setQueryForgetsBookmarks()
{
    // A bookmark is a position in one order; after a new sort it must not be used.
    SqlOrderQueueSource source(m_seconds->connection());
    source.setQuery({OrderSortKey::PlacedAt, true});
    QVERIFY(source.fetch(0, 200).ok());

    source.setQuery({OrderSortKey::ShipBy, false});
    const models::Result<QList<OrderQueueRow>> page = source.fetch(200, 200);
    QVERIFY2(page.ok(), qPrintable(page.error()));
    const QList<qint64> expected = truth(TimeFormat::Seconds, OrderSortKey::ShipBy, false);
    const QString diff = difference(idsOf(page.value()), expected.mid(200, 200));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

QTEST_GUILESS_MAIN(TestSqlOrderQueueSource)
#include "tst_sqlorderqueuesource.moc"
