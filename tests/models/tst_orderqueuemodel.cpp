#include "models/orderqueuemodel.h"

#include <QSignalSpy>
#include <QTest>

using models::OrderQueueModel;
using models::OrderQueueQuery;
using models::OrderQueueRow;
using models::OrderSortKey;

namespace {

// A million orders that exist only as a formula: row i is order #(i+1). It records
// every call so the test can prove the model asks for little and passes the sort on.
class FakeOrderSource : public models::OrderSource
{
public:
    explicit FakeOrderSource(qint64 rows) : m_rows(rows) {}

    void setQuery(const OrderQueueQuery &query) override
    {
        queries.append(query);
        current = query;
    }

    models::Result<qint64> count() override
    {
        ++countCalls;
        if (!countError.isEmpty())
            return models::Error{countError};
        m_partial = countLimit > 0 && m_rows > countLimit;
        return m_partial ? countLimit : m_rows;
    }

    bool countIsPartial() const override { return m_partial; }
    void raiseCountLimit() override { countLimit *= 10; }

    models::Result<QList<OrderQueueRow>> fetch(qint64 offset, int limit) override
    {
        fetches.append({offset, limit});
        if (!fetchError.isEmpty())
            return models::Error{fetchError};
        QList<OrderQueueRow> rows;
        for (qint64 i = offset; i < std::min(m_rows, offset + limit); ++i)
            rows.append(rowFor(i));
        return rows;
    }

    static OrderQueueRow rowFor(qint64 i)
    {
        OrderQueueRow r;
        r.id = i + 1;
        r.channelName = QStringLiteral("Shopify");
        r.orderNumber = QStringLiteral("#%1").arg(i + 1);
        r.placedAtUtc = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i);
        r.customerName = QStringLiteral("Customer %1").arg(i + 1);
        r.country = QStringLiteral("DE");
        r.itemCount = static_cast<int>(i % 5) + 1;
        r.total = models::Money(1234, QStringLiteral("EUR"));
        r.status = i % 2 ? models::OrderStatus::OnHold : models::OrderStatus::New;
        r.holdReason = i % 2 ? QStringLiteral("address check") : QString();
        r.expedited = i % 3 == 0;
        return r;
    }

    QList<OrderQueueQuery> queries;
    OrderQueueQuery current;
    QList<QPair<qint64, int>> fetches;
    int countCalls = 0;
    qint64 countLimit = 0; // > 0: counting stops there, as a filtered SQL count does
    QString countError;
    QString fetchError;

private:
    qint64 m_rows;
    bool m_partial = false;
};

constexpr qint64 kMillion = 1000000;

} // namespace

class TestOrderQueueModel : public QObject
{
    Q_OBJECT

private slots:
    void rowCountIsTheSourceCount();
    void setFilterPassesItOnAndKeepsTheSort();
    void partialCountGrowsAsTheViewAsks();
    void firstAndLastRow();
    void readingBothEndsFetchesFewPages();
    void scrollingReusesCachedPages();
    void evictedPagesAreFetchedAgain();
    void sortOnPlacedPassesDirection_data();
    void sortOnPlacedPassesDirection();
    void sortOnShipByChangesKey();
    void sortOnOtherColumnsIsIgnored();
    void fetchErrorIsReported();
    void countErrorIsReported();
    void refreshClearsError();
    void headers();
    void lateIsAnOpenOrderPastShipBy_data();
    void lateIsAnOpenOrderPastShipBy();
};

void TestOrderQueueModel::rowCountIsTheSourceCount()
{
    FakeOrderSource source(kMillion);
    OrderQueueModel model(&source);
    QCOMPARE(model.rowCount(), 1000000);
    QCOMPARE(model.columnCount(), int(OrderQueueModel::ColumnCount));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0); // a table, not a tree
    QCOMPARE(model.pagesFetched(), qint64(0));      // counting reads no rows
    QVERIFY(source.fetches.isEmpty());
    QVERIFY(model.lastError().isEmpty());
}

void TestOrderQueueModel::firstAndLastRow()
{
    FakeOrderSource source(kMillion);
    OrderQueueModel model(&source);

    const QModelIndex first = model.index(0, OrderQueueModel::NumberColumn);
    QCOMPARE(model.data(first).toString(), QStringLiteral("#1"));
    QCOMPARE(model.data(first, OrderQueueModel::OrderIdRole).toLongLong(), qint64(1));
    QCOMPARE(model.data(model.index(0, OrderQueueModel::ChannelColumn)).toString(),
             QStringLiteral("Shopify"));
    QCOMPARE(model.data(model.index(0, OrderQueueModel::CustomerColumn)).toString(),
             QStringLiteral("Customer 1"));
    QCOMPARE(model.data(model.index(0, OrderQueueModel::TotalColumn)).toString(),
             QStringLiteral("€12.34"));
    QCOMPARE(
        model.data(model.index(0, OrderQueueModel::StatusColumn), OrderQueueModel::StatusCodeRole)
            .toString(),
        QStringLiteral("new"));
    QCOMPARE(model.data(model.index(0, OrderQueueModel::FlagsColumn)).toString(),
             QStringLiteral("Expedited"));

    const QModelIndex last = model.index(999999, OrderQueueModel::NumberColumn);
    QVERIFY(last.isValid());
    QCOMPARE(model.data(last).toString(), QStringLiteral("#1000000"));
    QCOMPARE(model.data(last, OrderQueueModel::OrderIdRole).toLongLong(), qint64(1000000));
    QCOMPARE(model.data(model.index(999999, OrderQueueModel::StatusColumn)).toString(),
             QStringLiteral("On hold: address check"));
    QCOMPARE(
        model.data(model.index(999999, OrderQueueModel::StatusColumn), Qt::ToolTipRole).toString(),
        QStringLiteral("address check"));
    QCOMPARE(model.data(model.index(999999, OrderQueueModel::ItemsColumn)).toInt(), 5);
    QCOMPARE(model.data(model.index(999999, OrderQueueModel::FlagsColumn)).toString(),
             QStringLiteral("Expedited")); // 999999 is a multiple of 3
    QCOMPARE(model.data(model.index(999998, OrderQueueModel::FlagsColumn)).toString(), QString());

    // Past the end there is no index and no data.
    QVERIFY(!model.index(1000000, 0).isValid());
    QVERIFY(!model.data(model.index(1000000, 0)).isValid());
}

void TestOrderQueueModel::readingBothEndsFetchesFewPages()
{
    FakeOrderSource source(kMillion);
    OrderQueueModel model(&source);

    // A screenful at the top and one at the bottom, every column and role a view asks for.
    for (int row : {0, 999960}) {
        for (int r = row; r < row + 40; ++r) {
            for (int col = 0; col < model.columnCount(); ++col) {
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                                 int(Qt::ForegroundRole), int(Qt::TextAlignmentRole)})
                    model.data(model.index(r, col), role);
            }
        }
    }
    QCOMPARE(model.data(model.index(39, OrderQueueModel::NumberColumn)).toString(),
             QStringLiteral("#40"));
    QCOMPARE(model.data(model.index(999960, OrderQueueModel::NumberColumn)).toString(),
             QStringLiteral("#999961"));

    QCOMPARE(model.pagesFetched(), qint64(2));
    QCOMPARE(source.fetches.size(), 2);
    // Each fetch is one bounded page, never the rows before it.
    for (const auto &f : std::as_const(source.fetches))
        QVERIFY2(f.second <= 1000, qPrintable(QString::number(f.second)));
    QCOMPARE(source.fetches.first().first, qint64(0));
    QVERIFY(source.fetches.last().first > 999000);
}

void TestOrderQueueModel::scrollingReusesCachedPages()
{
    FakeOrderSource source(kMillion);
    OrderQueueModel model(&source);

    for (int row = 500000; row < 500100; ++row)
        QCOMPARE(model.data(model.index(row, OrderQueueModel::NumberColumn)).toString(),
                 QStringLiteral("#%1").arg(row + 1));
    const qint64 afterFirstPass = model.pagesFetched();
    QVERIFY(afterFirstPass >= 1);
    QVERIFY(afterFirstPass <= 2);
    for (int row = 500099; row >= 500000; --row)
        model.data(model.index(row, OrderQueueModel::NumberColumn));
    QCOMPARE(model.pagesFetched(), afterFirstPass);
}

void TestOrderQueueModel::evictedPagesAreFetchedAgain()
{
    FakeOrderSource source(kMillion);
    OrderQueueModel model(&source);

    // Jump far apart more often than any cache holds pages: memory stays bounded,
    // and a dropped page is simply fetched again.
    for (int i = 0; i < 200; ++i)
        QCOMPARE(model.data(model.index(i * 4000, OrderQueueModel::NumberColumn)).toString(),
                 QStringLiteral("#%1").arg(i * 4000 + 1));
    QCOMPARE(model.pagesFetched(), qint64(200));
    QCOMPARE(model.data(model.index(0, OrderQueueModel::NumberColumn)).toString(),
             QStringLiteral("#1"));
    QCOMPARE(model.pagesFetched(), qint64(201));
}

void TestOrderQueueModel::sortOnPlacedPassesDirection_data()
{
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<bool>("ascending");

    QTest::newRow("oldest first") << Qt::AscendingOrder << true;
    QTest::newRow("newest first") << Qt::DescendingOrder << false;
}

void TestOrderQueueModel::sortOnPlacedPassesDirection()
{
    QFETCH(Qt::SortOrder, order);
    QFETCH(bool, ascending);

    FakeOrderSource source(kMillion);
    OrderQueueModel model(&source);
    model.data(model.index(10, 0));
    QCOMPARE(model.pagesFetched(), qint64(1));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const int countsBefore = source.countCalls;
    model.sort(OrderQueueModel::PlacedColumn, order);

    QCOMPARE(source.current.sortKey, OrderSortKey::PlacedAt);
    QCOMPARE(source.current.ascending, ascending);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(source.countCalls, countsBefore + 1);
    QCOMPARE(model.pagesFetched(), qint64(0)); // the cached pages were for the old order
    QCOMPARE(model.rowCount(), 1000000);
}

void TestOrderQueueModel::sortOnShipByChangesKey()
{
    FakeOrderSource source(kMillion);
    OrderQueueModel model(&source);
    model.sort(OrderQueueModel::ShipByColumn, Qt::AscendingOrder);
    QCOMPARE(source.current.sortKey, OrderSortKey::ShipBy);
    QVERIFY(source.current.ascending);
    model.sort(OrderQueueModel::PlacedColumn, Qt::DescendingOrder);
    QCOMPARE(source.current.sortKey, OrderSortKey::PlacedAt);
    QVERIFY(!source.current.ascending);
}

void TestOrderQueueModel::sortOnOtherColumnsIsIgnored()
{
    FakeOrderSource source(kMillion);
    OrderQueueModel model(&source);
    const qsizetype queriesBefore = source.queries.size();
    model.data(model.index(0, 0));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sort(OrderQueueModel::CustomerColumn, Qt::AscendingOrder);
    model.sort(OrderQueueModel::TotalColumn, Qt::DescendingOrder);
    QCOMPARE(source.queries.size(), queriesBefore);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.pagesFetched(), qint64(1));
}

void TestOrderQueueModel::fetchErrorIsReported()
{
    FakeOrderSource source(kMillion);
    OrderQueueModel model(&source);
    QSignalSpy errors(&model, &OrderQueueModel::errorOccurred);

    source.fetchError = QStringLiteral("database error: disk I/O error");
    QVERIFY(!model.data(model.index(5, OrderQueueModel::NumberColumn)).isValid());
    QCOMPARE(model.lastError(), QStringLiteral("database error: disk I/O error"));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("database error: disk I/O error"));
}

void TestOrderQueueModel::countErrorIsReported()
{
    FakeOrderSource source(kMillion);
    OrderQueueModel model(&source);
    QSignalSpy errors(&model, &OrderQueueModel::errorOccurred);

    source.countError = QStringLiteral("database error: no such table: orders");
    model.refresh();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.lastError(), QStringLiteral("database error: no such table: orders"));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), model.lastError());
}

void TestOrderQueueModel::refreshClearsError()
{
    FakeOrderSource source(kMillion);
    source.countError = QStringLiteral("locked");
    OrderQueueModel model(&source);
    QCOMPARE(model.lastError(), QStringLiteral("locked"));
    QCOMPARE(model.rowCount(), 0);

    source.countError.clear();
    QSignalSpy errors(&model, &OrderQueueModel::errorOccurred);
    model.refresh();
    QVERIFY(model.lastError().isEmpty());
    QCOMPARE(model.rowCount(), 1000000);
    QCOMPARE(model.data(model.index(2, OrderQueueModel::NumberColumn)).toString(),
             QStringLiteral("#3"));
    QCOMPARE(errors.count(), 0);
}

void TestOrderQueueModel::headers()
{
    FakeOrderSource source(3);
    OrderQueueModel model(&source);
    for (int col = 0; col < model.columnCount(); ++col)
        QVERIFY(!model.headerData(col, Qt::Horizontal, Qt::DisplayRole).toString().isEmpty());
    QCOMPARE(
        model.headerData(OrderQueueModel::PlacedColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Placed"));
}

void TestOrderQueueModel::lateIsAnOpenOrderPastShipBy_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("shipBy");
    QTest::addColumn<bool>("late");
    const QString past = QStringLiteral("2026-11-24T17:00:00Z");
    const QString future = QStringLiteral("2026-11-26T17:00:00Z");
    for (const char *open :
         {"new", "on_hold", "ready", "picking", "packed", "backordered", "partially_shipped"}) {
        QTest::addRow("%s past ship-by", open) << QString::fromLatin1(open) << past << true;
        QTest::addRow("%s before ship-by", open) << QString::fromLatin1(open) << future << false;
    }
    for (const char *closed : {"shipped", "delivered", "cancelled"})
        QTest::addRow("%s past ship-by", closed) << QString::fromLatin1(closed) << past << false;
    QTest::newRow("no ship-by") << QStringLiteral("new") << QString() << false;
    QTest::newRow("exactly at ship-by")
        << QStringLiteral("new") << QStringLiteral("2026-11-25T09:00:00Z") << false;
}

void TestOrderQueueModel::lateIsAnOpenOrderPastShipBy()
{
    QFETCH(QString, status);
    QFETCH(QString, shipBy);
    QFETCH(bool, late);
    OrderQueueRow row;
    row.status = *models::orderStatusFromCode(status);
    row.shipByUtc = QDateTime::fromString(shipBy, Qt::ISODate);
    const QDateTime now(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC);
    QCOMPARE(OrderQueueModel::isLate(row, now), late);
}

void TestOrderQueueModel::setFilterPassesItOnAndKeepsTheSort()
{
    FakeOrderSource source(kMillion);
    OrderQueueModel model(&source);
    model.sort(OrderQueueModel::ShipByColumn, Qt::AscendingOrder);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    models::OrderQueueFilter filter;
    filter.statuses = {models::OrderStatus::New, models::OrderStatus::Backordered};
    filter.search = QStringLiteral("smith");
    model.setFilter(filter);
    QCOMPARE(resets.size(), 1);
    QCOMPARE(source.current.filter, filter);
    QCOMPARE(source.current.sortKey, OrderSortKey::ShipBy);
    QVERIFY(source.current.ascending);
    // A later sort keeps the filter.
    model.sort(OrderQueueModel::PlacedColumn, Qt::DescendingOrder);
    QCOMPARE(source.current.filter, filter);
    QCOMPARE(model.orderIdAt(0), qint64(1));
    QCOMPARE(model.orderIdAt(-1), qint64(0));
    QCOMPARE(model.orderIdAt(kMillion), qint64(0));
}

void TestOrderQueueModel::partialCountGrowsAsTheViewAsks()
{
    FakeOrderSource source(25'000);
    source.countLimit = 1000;
    OrderQueueModel model(&source);
    QCOMPARE(model.rowCount(), 1000);
    QVERIFY(model.countIsPartial());
    QVERIFY(model.canFetchMore({}));
    (void)model.data(model.index(0, 0)); // a page in the cache

    // Growing is an insertion at the end, not a reset: the view keeps its place.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 10'000);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1000);
    QCOMPARE(inserted.at(0).at(2).toInt(), 9999);
    QCOMPARE(resets.size(), 0);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 25'000);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.index(24'999, OrderQueueModel::NumberColumn).data().toString(),
             QStringLiteral("#25000"));
}

QTEST_GUILESS_MAIN(TestOrderQueueModel)
#include "tst_orderqueuemodel.moc"
