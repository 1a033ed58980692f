#include "storage/database.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlordersearch.h"
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
Q_DECLARE_METATYPE(models::OrderQueueFilter)

namespace {

// An order as the filters and search judge it, read with plain SQL.
struct Record
{
    QString status;
    qint64 channelId = 0;
    qint64 locationId = 0;
    QDateTime placed;
    QDateTime shipBy;
    QStringList texts; // number, names, e-mail, SKUs, tracking numbers
    QString number;
};

const QDateTime kNow(QDate(2026, 3, 20), QTime(8, 0), Qt::UTC);

// What the filter means, written out plainly, to hold the SQL to.
bool passes(const Record &r, const models::OrderQueueFilter &f)
{
    if (!f.statuses.isEmpty()) {
        bool any = false;
        for (models::OrderStatus s : f.statuses)
            any = any || models::orderStatusCode(s) == r.status;
        if (!any)
            return false;
    }
    if (f.onHoldOnly && r.status != QLatin1String("on_hold"))
        return false;
    if (f.channelId && r.channelId != f.channelId)
        return false;
    if (f.locationId && r.locationId != f.locationId)
        return false;
    if (f.lateOnly) {
        const auto st = models::orderStatusFromCode(r.status);
        if (!st || !models::isOpen(*st) || !r.shipBy.isValid() || !(r.shipBy < kNow))
            return false;
    }
    if (f.placedFromUtc.isValid() && r.placed < f.placedFromUtc)
        return false;
    if (f.placedToUtc.isValid() && !(r.placed < f.placedToUtc))
        return false;
    const QString text = f.search.trimmed();
    if (text.size() >= 3) {
        bool any = false;
        for (const QString &t : r.texts)
            any = any || t.contains(text, Qt::CaseInsensitive);
        if (!any)
            return false;
    } else if (!text.isEmpty() && !r.number.startsWith(text)) {
        return false;
    }
    return true;
}

} // namespace

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

    void filters_data();
    void filters();
    void search_data();
    void search();
    void searchFollowsChanges();
    void searchBacklogIsWorkedOffInSlices();
    void filterChoices();

private:
    // The ids `filter` lets through, in the order of `key`.
    QList<qint64> truth(const models::OrderQueueFilter &filter, OrderSortKey key,
                        bool ascending) const;
    QHash<qint64, Record> m_records;
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
            "total_minor, item_count, location_id, created_at, updated_at, buyer_email) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return nullptr;
    QSqlQuery line(c);
    if (!line.prepare(QStringLiteral("INSERT INTO order_lines (order_id, line_no, sku, title, "
                                     "quantity) VALUES (?, ?, ?, 'Item', 1)")))
        return nullptr;
    QSqlQuery shipment(c);
    if (!shipment.prepare(QStringLiteral("INSERT INTO shipments (order_id, tracking_number, "
                                         "status, created_at) VALUES (?, ?, 'shipped', ?)")))
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
            QStringLiteral("buyer%1@example.com").arg(i),
        };
        if (models::Status s = storage::execPrepared(insert, binds); !s) {
            qWarning("%s", qPrintable(s.error()));
            return nullptr;
        }
        // What search finds beyond the order row: a SKU on every order, a second line
        // on every seventh, and a tracking number on the shipped ones.
        QList<QVariantList> more = {
            {i, 1, QStringLiteral("SKU-%1").arg(i % 50, 3, 10, QLatin1Char('0'))}};
        if (i % 7 == 0)
            more.append({i, 2, QStringLiteral("MUG-RED")});
        for (const QVariantList &l : std::as_const(more))
            if (!storage::execPrepared(line, l).ok())
                return nullptr;
        if (status == QLatin1String("shipped") &&
            !storage::execPrepared(shipment,
                                   {i, QStringLiteral("TRK%1").arg(i * 13), isoUtc(base, format)})
                 .ok())
            return nullptr;
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
    // One database searched through the index, the other with every row still waiting
    // to be indexed: search must find the same either way.
    VERIFY_OK(storage::indexPendingSearch(m_seconds->connection()));
    QCOMPARE(storagetest::scalar(m_seconds->connection(),
                                 QStringLiteral("SELECT COUNT(*) FROM search_pending")),
             QVariant(0));
    QVERIFY(storagetest::scalar(m_millis->connection(),
                                QStringLiteral("SELECT COUNT(*) FROM search_pending"))
                .toInt() > kOrders);

    models::Result<QSqlQuery> q = storage::runQuery(
        m_seconds->connection(),
        QStringLiteral(
            "SELECT o.id, o.status, o.channel_id, COALESCE(o.location_id, 0), o.placed_at, "
            "o.ship_by, o.order_number, COALESCE(o.buyer_name, ''), COALESCE(o.ship_name, ''), "
            "COALESCE(o.buyer_email, ''), "
            "(SELECT group_concat(sku, '|') FROM order_lines WHERE order_id = o.id), "
            "(SELECT group_concat(tracking_number, '|') FROM shipments WHERE order_id = o.id) "
            "FROM orders o"));
    VERIFY_OK(q);
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        Record rec;
        rec.status = r.value(1).toString();
        rec.channelId = r.value(2).toLongLong();
        rec.locationId = r.value(3).toLongLong();
        rec.placed = QDateTime::fromString(r.value(4).toString(), Qt::ISODate);
        rec.shipBy = QDateTime::fromString(r.value(5).toString(), Qt::ISODate);
        rec.number = r.value(6).toString();
        rec.texts << rec.number << r.value(7).toString() << r.value(8).toString()
                  << r.value(9).toString() << r.value(10).toString().split(QLatin1Char('|'))
                  << r.value(11).toString().split(QLatin1Char('|'), Qt::SkipEmptyParts);
        m_records.insert(r.value(0).toLongLong(), rec);
    }
    QCOMPARE(m_records.size(), kOrders);
}

QList<qint64> TestSqlOrderQueueSource::truth(const models::OrderQueueFilter &filter,
                                             OrderSortKey key, bool ascending) const
{
    QList<qint64> out;
    for (qint64 id : truth(TimeFormat::Seconds, key, ascending))
        if (passes(m_records.value(id), filter))
            out.append(id);
    return out;
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

void TestSqlOrderQueueSource::filters_data()
{
    using models::OrderQueueFilter;
    using models::OrderStatus;
    QTest::addColumn<OrderQueueFilter>("filter");
    QTest::addColumn<OrderSortKey>("key");
    QTest::addColumn<bool>("ascending");
    QTest::addColumn<qint64>("countLimit");

    const QDateTime base(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
    const QList<std::pair<const char *, OrderQueueFilter>> filters = {
        {"no filter", {}},
        {"status new", {.statuses = {OrderStatus::New}}},
        {"status new or shipped", {.statuses = {OrderStatus::New, OrderStatus::Shipped}}},
        {"channel 2", {.channelId = 2}},
        {"location 1", {.locationId = 1}},
        {"late", {.lateOnly = true}},
        {"on hold", {.onHoldOnly = true}},
        {"placed in two hours",
         {.placedFromUtc = base.addSecs(3600), .placedToUtc = base.addSecs(3 * 3600)}},
        {"placed from", {.placedFromUtc = base.addSecs(2 * 3600)}},
        {"placed before", {.placedToUtc = base.addSecs(2 * 3600)}},
        {"channel 3 + location 2", {.channelId = 3, .locationId = 2}},
        {"late + channel 1", {.channelId = 1, .lateOnly = true}},
        {"on hold + location 1 + placed from",
         {.locationId = 1, .onHoldOnly = true, .placedFromUtc = base.addSecs(3600)}},
        {"status ready + search SKU",
         {.statuses = {OrderStatus::Ready}, .search = QStringLiteral("sku-01")}},
        {"search MUG", {.search = QStringLiteral("MUG")}},
        {"nothing matches", {.statuses = {OrderStatus::Delivered}}},
    };
    for (const auto &[name, filter] : filters)
        for (OrderSortKey key : {OrderSortKey::PlacedAt, OrderSortKey::ShipBy})
            for (bool ascending : {false, true})
                for (qint64 limit : {SqlOrderQueueSource::kCountLimit, qint64(150)})
                    QTest::addRow("%s, %s %s, count up to %lld", name,
                                  key == OrderSortKey::PlacedAt ? "placed" : "ship-by",
                                  ascending ? "ascending" : "descending",
                                  static_cast<long long>(limit))
                        << filter << key << ascending << limit;
}

void TestSqlOrderQueueSource::filters()
{
    QFETCH(models::OrderQueueFilter, filter);
    QFETCH(OrderSortKey, key);
    QFETCH(bool, ascending);
    QFETCH(qint64, countLimit);

    const QList<qint64> expected = truth(filter, key, ascending);
    const models::OrderQueueQuery query{key, ascending, filter, kNow};
    const bool partial = !filter.isEmpty() && expected.size() > countLimit;
    const qint64 visible = partial ? countLimit : expected.size();
    constexpr int kPage = 37;

    // Forward, a page at a time, as scrolling down reads it.
    SqlOrderQueueSource source(m_seconds->connection());
    source.setCountLimit(countLimit);
    source.setQuery(query);
    const models::Result<qint64> n = source.count();
    VERIFY_OK(n);
    QCOMPARE(n.value(), visible);
    QCOMPARE(source.countIsPartial(), partial);
    QList<qint64> seen;
    for (qint64 offset = 0; offset < visible; offset += kPage) {
        const models::Result<QList<OrderQueueRow>> page = source.fetch(offset, kPage);
        VERIFY_OK(page);
        seen += idsOf(page.value());
    }
    QString diff = difference(seen, expected.mid(0, visible));
    QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("forward: ") + diff));

    // Backward from the end with nothing read before, as Ctrl+End then scrolling up.
    SqlOrderQueueSource back(m_seconds->connection());
    back.setCountLimit(countLimit);
    back.setQuery(query);
    VERIFY_OK(back.count());
    QList<qint64> reversed;
    for (qint64 end = visible; end > 0; end -= kPage) {
        const qint64 start = std::max<qint64>(0, end - kPage);
        const models::Result<QList<OrderQueueRow>> page =
            back.fetch(start, static_cast<int>(end - start));
        VERIFY_OK(page);
        reversed = idsOf(page.value()) + reversed;
    }
    diff = difference(reversed, expected.mid(0, visible));
    QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("backward: ") + diff));

    // Counting further reaches every match, and the pages past the old end are right.
    while (source.countIsPartial()) {
        source.raiseCountLimit();
        VERIFY_OK(source.count());
    }
    QCOMPARE(source.count().value(), qint64(expected.size()));
    const qint64 tail = std::max<qint64>(0, expected.size() - kPage);
    const models::Result<QList<OrderQueueRow>> last = source.fetch(tail, kPage);
    VERIFY_OK(last);
    diff = difference(idsOf(last.value()), expected.mid(tail, kPage));
    QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("last page: ") + diff));
}

void TestSqlOrderQueueSource::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("atLeast"); // so a typo in the fixture cannot make it vacuous
    QTest::addColumn<bool>("indexed");

    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "order number, whole", indexed ? "indexed" : "waiting")
            << QStringLiteral("#101234") << 1 << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "order number, middle", indexed ? "indexed" : "waiting")
            << QStringLiteral("0123") << 1 << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "order number, short prefix", indexed ? "indexed" : "waiting")
            << QStringLiteral("#1") << kOrders << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "order number, two characters not at the start",
                      indexed ? "indexed" : "waiting")
            << QStringLiteral("12") << 0 << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "buyer name, any case", indexed ? "indexed" : "waiting")
            << QStringLiteral("bUYER 12") << 10 << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "ship-to name", indexed ? "indexed" : "waiting")
            << QStringLiteral("ship to 7") << 80 << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "e-mail", indexed ? "indexed" : "waiting")
            << QStringLiteral("buyer2999@example") << 1 << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "e-mail domain", indexed ? "indexed" : "waiting")
            << QStringLiteral("@example.com") << kOrders << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "SKU", indexed ? "indexed" : "waiting")
            << QStringLiteral("SKU-049") << 50 << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "second line's SKU", indexed ? "indexed" : "waiting")
            << QStringLiteral("mug-r") << 400 << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "tracking number", indexed ? "indexed" : "waiting")
            << QStringLiteral("TRK39") << 1 << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "quotes and operators", indexed ? "indexed" : "waiting")
            << QStringLiteral("\"a\" OR b*") << 0 << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "no match", indexed ? "indexed" : "waiting")
            << QStringLiteral("zzzz") << 0 << indexed;
    for (bool indexed : {true, false})
        QTest::addRow("%s, %s", "surrounding spaces", indexed ? "indexed" : "waiting")
            << QStringLiteral("  SKU-007  ") << 50 << indexed;
}

void TestSqlOrderQueueSource::search()
{
    QFETCH(QString, text);
    QFETCH(int, atLeast);
    QFETCH(bool, indexed);

    const models::OrderQueueFilter filter{.search = text};
    QList<qint64> expected = truth(filter, OrderSortKey::PlacedAt, false);
    QVERIFY2(expected.size() >= atLeast, qPrintable(QString::number(expected.size())));
    SqlOrderQueueSource source((indexed ? m_seconds : m_millis)->connection());
    source.setQuery({OrderSortKey::PlacedAt, false, filter, kNow});
    while (source.count().ok() && source.countIsPartial())
        source.raiseCountLimit();
    const models::Result<QList<OrderQueueRow>> rows = source.fetch(0, kOrders);
    VERIFY_OK(rows);
    // The two databases differ in milliseconds only, which may reorder ties: compare sets.
    QList<qint64> ids = idsOf(rows.value());
    std::sort(ids.begin(), ids.end());
    std::sort(expected.begin(), expected.end());
    const QString diff = difference(ids, expected);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestSqlOrderQueueSource::searchFollowsChanges()
{
    // The triggers of 0005 keep the index in step with each table.
    std::unique_ptr<Database> db =
        fill(m_dir.filePath(QStringLiteral("changes.db")), TimeFormat::Seconds);
    QVERIFY(db);
    const QSqlDatabase c = db->connection();
    SqlOrderQueueSource source(c);
    auto matches = [&source](const QString &text) {
        source.setQuery({OrderSortKey::PlacedAt, false, {.search = text}, kNow});
        const models::Result<QList<OrderQueueRow>> rows = source.fetch(0, 100);
        return rows.ok() ? idsOf(rows.value()) : QList<qint64>{-1};
    };
    QCOMPARE(matches(QStringLiteral("Zebedee")), QList<qint64>());
    VERIFY_OK(storage::runStatement(
        c, QStringLiteral("UPDATE orders SET buyer_name = 'Zebedee Quux' WHERE id = 5")));
    QCOMPARE(matches(QStringLiteral("zebedee")), QList<qint64>{5});
    QCOMPARE(matches(QStringLiteral("Buyer 5")).contains(5), false);
    VERIFY_OK(storage::runStatement(
        c, QStringLiteral("UPDATE order_lines SET sku = 'LAMP-9' WHERE order_id = 6")));
    QCOMPARE(matches(QStringLiteral("lamp-9")), QList<qint64>{6});
    VERIFY_OK(storage::runStatement(
        c, QStringLiteral("INSERT INTO shipments (order_id, tracking_number, status, created_at) "
                          "VALUES (8, 'XYZ123', 'draft', '2026-03-01T00:00:00Z')")));
    QCOMPARE(matches(QStringLiteral("yz12")), QList<qint64>{8});
    VERIFY_OK(storage::runStatement(
        c, QStringLiteral("DELETE FROM shipments WHERE tracking_number = 'XYZ123'")));
    QCOMPARE(matches(QStringLiteral("yz12")), QList<qint64>());
    VERIFY_OK(
        storage::runStatement(c, QStringLiteral("DELETE FROM order_lines WHERE order_id = 6")));
    QCOMPARE(matches(QStringLiteral("lamp-9")), QList<qint64>());
    // Changed rows wait to be indexed, are found meanwhile, and still after indexing.
    QCOMPARE(matches(QStringLiteral("zebedee")), QList<qint64>{5});
    VERIFY_OK(storage::indexPendingSearch(c));
    QCOMPARE(matches(QStringLiteral("zebedee")), QList<qint64>{5});
    VERIFY_OK(storage::runStatement(
        c, QStringLiteral("UPDATE orders SET buyer_name = 'Ann Other' WHERE id = 5")));
    QCOMPARE(matches(QStringLiteral("zebedee")), QList<qint64>());
    VERIFY_OK(
        storage::runStatement(c, QStringLiteral("DELETE FROM order_events WHERE order_id = 6")));
    VERIFY_OK(
        storage::runStatement(c, QStringLiteral("DELETE FROM order_lines WHERE order_id = 6")));
    VERIFY_OK(storage::runStatement(c, QStringLiteral("DELETE FROM orders WHERE id = 6")));
    QCOMPARE(matches(QStringLiteral("buyer6@")), QList<qint64>());
    VERIFY_OK(storage::indexPendingSearch(c));
    // The index agrees with its tables after all of that.
    VERIFY_OK(storage::runStatement(
        c, QStringLiteral("INSERT INTO orders_search (orders_search) VALUES ('integrity-check')")));
    VERIFY_OK(storage::runStatement(
        c, QStringLiteral(
               "INSERT INTO order_lines_search (order_lines_search) VALUES ('integrity-check')")));
    VERIFY_OK(storage::runStatement(
        c, QStringLiteral(
               "INSERT INTO shipments_search (shipments_search) VALUES ('integrity-check')")));
}

void TestSqlOrderQueueSource::searchBacklogIsWorkedOffInSlices()
{
    // A shop written without imports (the demo) starts with every row waiting; the
    // app indexes it a slice at a time, and search answers the same throughout.
    std::unique_ptr<Database> db =
        fill(m_dir.filePath(QStringLiteral("slices.db")), TimeFormat::Seconds);
    QVERIFY(db);
    const QSqlDatabase c = db->connection();
    const qint64 waiting =
        storagetest::scalar(c, QStringLiteral("SELECT COUNT(*) FROM search_pending")).toLongLong();
    QVERIFY(waiting > 0);
    SqlOrderQueueSource source(c);
    auto matches = [&source](const QString &text) {
        source.setQuery({OrderSortKey::PlacedAt, false, {.search = text}, kNow});
        const models::Result<QList<OrderQueueRow>> rows = source.fetch(0, 100);
        return rows.ok() ? idsOf(rows.value()) : QList<qint64>{-1};
    };
    const QList<qint64> before = matches(QStringLiteral("buyer1"));
    QVERIFY(!before.isEmpty());
    qint64 indexed = 0;
    int slices = 0;
    for (;;) {
        const models::Result<qint64> slice = storage::indexPendingSearchSlice(c, 7);
        VERIFY_OK(slice);
        if (slice.value() == 0)
            break;
        QVERIFY(slice.value() <= 3 * 7);
        indexed += slice.value();
        ++slices;
        QCOMPARE(matches(QStringLiteral("buyer1")), before);
    }
    QCOMPARE(indexed, waiting);
    QVERIFY(slices > 1);
    QCOMPARE(storagetest::scalar(c, QStringLiteral("SELECT COUNT(*) FROM search_pending")).toInt(),
             0);
    // Each slice left segments of its own (automerge is off); merging them in small
    // steps ends, and search answers the same after.
    int steps = 0;
    for (;;) {
        const models::Result<bool> merged = storage::mergeSearchSegments(c, 16);
        VERIFY_OK(merged);
        if (!merged.value())
            break;
        QVERIFY(++steps < 1000);
    }
    QVERIFY(steps > 0);
    QCOMPARE(matches(QStringLiteral("buyer1")), before);
    VERIFY_OK(storage::runStatement(
        c, QStringLiteral("INSERT INTO orders_search (orders_search) VALUES ('integrity-check')")));
    VERIFY_OK(storage::runStatement(
        c, QStringLiteral(
               "INSERT INTO order_lines_search (order_lines_search) VALUES ('integrity-check')")));
}

void TestSqlOrderQueueSource::filterChoices()
{
    SqlOrderQueueSource source(m_seconds->connection());
    const models::Result<QList<models::OrderFilterChoice>> channels = source.channels();
    VERIFY_OK(channels);
    QCOMPARE(channels->size(), 3);
    QCOMPARE(channels->at(0).label, QStringLiteral("Amazon"));
    QCOMPARE(channels->at(0).id, qint64(2));
    const models::Result<QList<models::OrderFilterChoice>> locations = source.locations();
    VERIFY_OK(locations);
    QCOMPARE(locations->size(), 2);
    QCOMPARE(locations->at(0).label, QStringLiteral("SHOP Shop"));
}

QTEST_GUILESS_MAIN(TestSqlOrderQueueSource)
#include "tst_sqlorderqueuesource.moc"
