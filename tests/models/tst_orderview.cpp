#include "models/orderview.h"

#include <QTest>
#include <QTimeZone>

Q_DECLARE_METATYPE(models::OrderView)

using models::OrderQueueFilter;
using models::OrderSortKey;
using models::OrderStatus;
using models::OrderView;

class TestOrderView : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void decodeRefuses_data();
    void decodeRefuses();
    void names_data();
    void names();
    void builtIns();
};

void TestOrderView::roundTrip_data()
{
    QTest::addColumn<OrderView>("view");
    QTest::addColumn<QString>("stored");
    QTest::newRow("everything") << OrderView{.name = QStringLiteral("v")}
                                << QStringLiteral(R"({"asc":false,"sort":"placed"})");
    OrderView late{.name = QStringLiteral("Late Amazon orders")};
    late.filter.lateOnly = true;
    late.filter.channelId = 3;
    late.sortKey = OrderSortKey::ShipBy;
    late.ascending = true;
    QTest::newRow("late amazon") << late
                                 << QStringLiteral(
                                        R"({"asc":true,"channel":3,"late":true,"sort":"ship_by"})");
    OrderView many{.name = QStringLiteral("Leeds backlog")};
    many.filter.statuses = {OrderStatus::New, OrderStatus::Backordered};
    many.filter.locationId = 2;
    many.filter.onHoldOnly = true;
    many.filter.placedFromUtc = QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc());
    many.filter.placedToUtc = QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::utc());
    many.filter.search = QStringLiteral("smith \"jr\"");
    QTest::newRow("statuses, dates, quoted search")
        << many
        << QStringLiteral(
               R"({"asc":false,"location":2,"on_hold":true,)"
               R"("placed_from":"2026-11-01T00:00:00Z","placed_to":"2026-12-01T00:00:00Z",)"
               R"("search":"smith \"jr\"","sort":"placed","statuses":["new","backordered"]})");
}

void TestOrderView::roundTrip()
{
    QFETCH(OrderView, view);
    QFETCH(QString, stored);
    QCOMPARE(models::encodeOrderView(view), stored);
    const models::Result<OrderView> back = models::decodeOrderView(view.name, stored);
    QVERIFY2(back.ok(), qPrintable(back.error()));
    QCOMPARE(back.value(), view);
}

void TestOrderView::decodeRefuses_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << QStringLiteral("late=1") << QStringLiteral("cannot be read");
    QTest::newRow("array") << QStringLiteral("[1]") << QStringLiteral("not a JSON object");
    QTest::newRow("status") << QStringLiteral(R"({"statuses":["lost"]})")
                            << QStringLiteral("unknown status \"lost\"");
    QTest::newRow("date") << QStringLiteral(R"({"placed_from":"yesterday"})")
                          << QStringLiteral("unreadable date in placed_from");
    QTest::newRow("sort") << QStringLiteral(R"({"sort":"total"})")
                          << QStringLiteral("unknown key \"total\"");
}

void TestOrderView::decodeRefuses()
{
    QFETCH(QString, stored);
    QFETCH(QString, message);
    const models::Result<OrderView> v = models::decodeOrderView(QStringLiteral("Mine"), stored);
    QVERIFY(!v.ok());
    QVERIFY2(v.error().contains(message), qPrintable(v.error()));
    QVERIFY2(v.error().contains(QStringLiteral("\"Mine\"")), qPrintable(v.error()));
}

void TestOrderView::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::newRow("plain") << QStringLiteral("Late Amazon orders") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("spaces") << QStringLiteral("   ") << false;
    QTest::newRow("built-in") << QStringLiteral("Late") << false;
    QTest::newRow("built-in other case") << QStringLiteral(" on HOLD ") << false;
    QTest::newRow("long") << QString(81, QLatin1Char('x')) << false;
    QTest::newRow("80") << QString(80, QLatin1Char('x')) << true;
}

void TestOrderView::names()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QCOMPARE(models::checkOrderViewName(name).ok(), ok);
}

void TestOrderView::builtIns()
{
    const QList<OrderView> views = models::builtInOrderViews();
    QCOMPARE(views.size(), 3);
    QCOMPARE(views.at(0).name, QStringLiteral("Late"));
    QVERIFY(views.at(0).filter.lateOnly);
    QVERIFY(views.at(1).filter.onHoldOnly);
    QCOMPARE(views.at(2).filter.statuses, QList<OrderStatus>{OrderStatus::Ready});
    for (const OrderView &v : views)
        QVERIFY(v.builtIn);
}

QTEST_APPLESS_MAIN(TestOrderView)
#include "tst_orderview.moc"
