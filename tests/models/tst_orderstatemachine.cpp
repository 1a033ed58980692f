#include "models/orderstatemachine.h"

#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <utility>

using models::Order;
using models::OrderEvent;
using models::OrderStateMachine;
using models::OrderStatus;

namespace models {
char *toString(OrderStatus s)
{
    return QTest::toString(orderStatusCode(s));
}
} // namespace models

namespace {

using S = OrderStatus;

// The life cycle of DESIGN.md, written out independently of the implementation:
// new -> on hold (with a reason) -> ready (allocated) -> picking -> packed -> shipped
// -> delivered, with backordered, partially shipped and cancelled beside it.
// Every pair not listed here must be refused.
const std::pair<S, S> kExpectedMoves[] = {
    {S::New, S::OnHold},
    {S::New, S::Ready},
    {S::New, S::Backordered},
    {S::New, S::Cancelled},
    {S::OnHold, S::New},
    {S::OnHold, S::Ready},
    {S::OnHold, S::Backordered},
    {S::OnHold, S::Cancelled},
    {S::Backordered, S::Ready},
    {S::Backordered, S::OnHold},
    {S::Backordered, S::Cancelled},
    {S::Ready, S::Picking},
    {S::Ready, S::OnHold},
    {S::Ready, S::New},
    {S::Ready, S::Backordered},
    {S::Ready, S::Cancelled},
    {S::Picking, S::Packed},
    {S::Picking, S::Ready},
    {S::Picking, S::OnHold},
    {S::Picking, S::Backordered},
    {S::Picking, S::Cancelled},
    {S::Packed, S::Shipped},
    {S::Packed, S::PartiallyShipped},
    {S::Packed, S::Picking},
    {S::Packed, S::OnHold},
    {S::Packed, S::Cancelled},
    {S::PartiallyShipped, S::Picking},
    {S::PartiallyShipped, S::Shipped},
    {S::PartiallyShipped, S::Backordered},
    {S::PartiallyShipped, S::OnHold},
    {S::PartiallyShipped, S::Cancelled},
    {S::Shipped, S::Delivered},
};

bool expectedAllowed(S from, S to)
{
    for (const auto &m : kExpectedMoves)
        if (m.first == from && m.second == to)
            return true;
    return false;
}

Order sampleOrder(S status)
{
    Order o;
    o.id = 4711;
    o.channelCode = QStringLiteral("shopify");
    o.externalId = QStringLiteral("5550001");
    o.orderNumber = QStringLiteral("#1042");
    o.status = status;
    if (status == S::OnHold)
        o.holdReason = QStringLiteral("address check");
    return o;
}

QDateTime someTimeUtc()
{
    return QDateTime(QDate(2026, 11, 25), QTime(9, 30), Qt::UTC);
}

} // namespace

class TestOrderStateMachine : public QObject
{
    Q_OBJECT

private slots:
    void transition_data();
    void transition();
    void everyStatusIsASource();
    void allowedFromMatchesIsAllowed();
    void holdNeedsAReason_data();
    void holdNeedsAReason();
    void holdReasonIsKeptAndCleared();
    void eventFields();
    void eventTimeIsUtc();
    void statusCodesRoundTrip();
    void openAndReservingStatuses_data();
    void openAndReservingStatuses();
};

void TestOrderStateMachine::transition_data()
{
    QTest::addColumn<OrderStatus>("from");
    QTest::addColumn<OrderStatus>("to");
    QTest::addColumn<bool>("allowed");

    // Every ordered pair of statuses, self-moves included: allowed AND refused.
    const QList<OrderStatus> all = models::allOrderStatuses();
    for (OrderStatus from : all) {
        for (OrderStatus to : all) {
            const bool allowed = expectedAllowed(from, to);
            QTest::addRow("%s -> %s (%s)", qPrintable(models::orderStatusCode(from)),
                          qPrintable(models::orderStatusCode(to)), allowed ? "allowed" : "refused")
                << from << to << allowed;
        }
    }
}

void TestOrderStateMachine::transition()
{
    QFETCH(OrderStatus, from);
    QFETCH(OrderStatus, to);
    QFETCH(bool, allowed);

    QCOMPARE(OrderStateMachine::isAllowed(from, to), allowed);

    Order order = sampleOrder(from);
    const Order before = order;
    const QString reason = QStringLiteral("customer asked to wait");
    const models::Result<OrderEvent> event =
        OrderStateMachine::transition(order, to, reason, QStringLiteral("anna"), someTimeUtc());

    QCOMPARE(event.ok(), allowed);
    if (allowed) {
        QCOMPARE(order.status, to);
        QCOMPARE(event->fromStatus, std::optional<OrderStatus>(from));
        QCOMPARE(event->toStatus, std::optional<OrderStatus>(to));
        QCOMPARE(order.holdReason, to == S::OnHold ? reason : QString());
    } else {
        // Refused: nothing about the order changed, and the message names it.
        QCOMPARE(order.status, before.status);
        QCOMPARE(order.holdReason, before.holdReason);
        QVERIFY2(event.error().contains(QStringLiteral("#1042")), qPrintable(event.error()));
        QVERIFY2(event.error().contains(models::orderStatusLabel(from)), qPrintable(event.error()));
        QVERIFY2(event.error().contains(models::orderStatusLabel(to)), qPrintable(event.error()));
    }
}

void TestOrderStateMachine::everyStatusIsASource()
{
    // Each status the shop can act on has a way on; only the ends are final.
    for (OrderStatus s : models::allOrderStatuses()) {
        const bool final = s == S::Delivered || s == S::Cancelled;
        QCOMPARE(OrderStateMachine::allowedFrom(s).isEmpty(), final);
    }
    // And any order still open can be cancelled or held.
    for (OrderStatus s : models::allOrderStatuses()) {
        if (!models::isOpen(s) || s == S::OnHold)
            continue;
        QVERIFY2(OrderStateMachine::isAllowed(s, S::Cancelled),
                 qPrintable(models::orderStatusCode(s)));
        QVERIFY2(OrderStateMachine::isAllowed(s, S::OnHold),
                 qPrintable(models::orderStatusCode(s)));
    }
}

void TestOrderStateMachine::allowedFromMatchesIsAllowed()
{
    const QList<OrderStatus> all = models::allOrderStatuses();
    for (OrderStatus from : all) {
        const QList<OrderStatus> allowed = OrderStateMachine::allowedFrom(from);
        for (OrderStatus to : all)
            QCOMPARE(allowed.contains(to), OrderStateMachine::isAllowed(from, to));
        QCOMPARE(allowed.size(), QSet<OrderStatus>(allowed.cbegin(), allowed.cend()).size());
    }
}

void TestOrderStateMachine::holdNeedsAReason_data()
{
    QTest::addColumn<OrderStatus>("from");
    QTest::addColumn<QString>("reason");

    for (OrderStatus from : {S::New, S::Ready, S::Picking, S::Packed, S::Backordered}) {
        const QByteArray code = models::orderStatusCode(from).toLatin1();
        QTest::addRow("%s, no reason", code.constData()) << from << QString();
        QTest::addRow("%s, blank reason", code.constData()) << from << QStringLiteral(" \t ");
    }
}

void TestOrderStateMachine::holdNeedsAReason()
{
    QFETCH(OrderStatus, from);
    QFETCH(QString, reason);

    Order order = sampleOrder(from);
    const models::Result<OrderEvent> event = OrderStateMachine::transition(
        order, S::OnHold, reason, QStringLiteral("anna"), someTimeUtc());
    QVERIFY(!event.ok());
    QCOMPARE(order.status, from);
    QVERIFY(order.holdReason.isEmpty());
    QVERIFY2(event.error().contains(QStringLiteral("#1042")), qPrintable(event.error()));
    QVERIFY2(event.error().contains(QStringLiteral("reason")), qPrintable(event.error()));
}

void TestOrderStateMachine::holdReasonIsKeptAndCleared()
{
    Order order = sampleOrder(S::New);
    models::Result<OrderEvent> held = OrderStateMachine::transition(
        order, S::OnHold, QStringLiteral("  fraud check  "), QStringLiteral("anna"), someTimeUtc());
    QVERIFY2(held.ok(), qPrintable(held.error()));
    QCOMPARE(order.status, S::OnHold);
    QCOMPARE(order.holdReason, QStringLiteral("fraud check"));
    QCOMPARE(held->detail, QStringLiteral("fraud check"));

    // A hold cannot be "re-held" over itself: the reason stays what it was.
    models::Result<OrderEvent> again = OrderStateMachine::transition(
        order, S::OnHold, QStringLiteral("other"), QStringLiteral("anna"), someTimeUtc());
    QVERIFY(!again.ok());
    QCOMPARE(order.holdReason, QStringLiteral("fraud check"));

    models::Result<OrderEvent> released = OrderStateMachine::transition(
        order, S::Ready, QString(), QStringLiteral("anna"), someTimeUtc());
    QVERIFY2(released.ok(), qPrintable(released.error()));
    QCOMPARE(order.status, S::Ready);
    QVERIFY(order.holdReason.isEmpty());
}

void TestOrderStateMachine::eventFields()
{
    Order order = sampleOrder(S::Ready);
    const QDateTime at = someTimeUtc();
    const models::Result<OrderEvent> event =
        OrderStateMachine::transition(order, S::Picking, QString(), QStringLiteral("ben"), at);
    QVERIFY2(event.ok(), qPrintable(event.error()));
    QCOMPARE(event->orderId, qint64(4711));
    QCOMPARE(event->kind, OrderEvent::Kind::StatusChanged);
    QCOMPARE(event->fromStatus, std::optional<OrderStatus>(S::Ready));
    QCOMPARE(event->toStatus, std::optional<OrderStatus>(S::Picking));
    QCOMPARE(event->user, QStringLiteral("ben"));
    QCOMPARE(event->atUtc, at);
    QCOMPARE(event->atUtc.timeSpec(), Qt::UTC);
    QVERIFY(event->detail.isEmpty());
    QCOMPARE(models::orderEventKindCode(event->kind), QStringLiteral("status"));
}

void TestOrderStateMachine::eventTimeIsUtc()
{
    // A time given in another zone is recorded as the same instant in UTC.
    Order order = sampleOrder(S::New);
    const QDateTime berlin(QDate(2026, 7, 1), QTime(14, 0), QTimeZone(7200));
    const models::Result<OrderEvent> event =
        OrderStateMachine::transition(order, S::Ready, QString(), QStringLiteral("ben"), berlin);
    QVERIFY2(event.ok(), qPrintable(event.error()));
    QCOMPARE(event->atUtc.timeSpec(), Qt::UTC);
    QCOMPARE(event->atUtc.time(), QTime(12, 0));
    QCOMPARE(event->atUtc.date(), QDate(2026, 7, 1));
    QCOMPARE(event->atUtc.toString(Qt::ISODate), QStringLiteral("2026-07-01T12:00:00Z"));
}

void TestOrderStateMachine::statusCodesRoundTrip()
{
    const QList<OrderStatus> all = models::allOrderStatuses();
    QCOMPARE(all.size(), 10);
    QSet<QString> codes;
    for (OrderStatus s : all) {
        const QString code = models::orderStatusCode(s);
        codes.insert(code);
        QCOMPARE(models::orderStatusFromCode(code), std::optional<OrderStatus>(s));
        QVERIFY(!models::orderStatusLabel(s).isEmpty());
    }
    QCOMPARE(codes.size(), all.size());
    QCOMPARE(models::orderStatusFromCode(u"on hold"), std::optional<OrderStatus>());
    QCOMPARE(models::orderStatusFromCode(u"NEW"), std::optional<OrderStatus>());
    QCOMPARE(models::orderStatusFromCode(u""), std::optional<OrderStatus>());
}

void TestOrderStateMachine::openAndReservingStatuses_data()
{
    QTest::addColumn<OrderStatus>("status");
    QTest::addColumn<bool>("open");
    QTest::addColumn<bool>("reserves");

    QTest::newRow("new") << S::New << true << false;
    QTest::newRow("on_hold") << S::OnHold << true << false;
    QTest::newRow("ready") << S::Ready << true << true;
    QTest::newRow("picking") << S::Picking << true << true;
    QTest::newRow("packed") << S::Packed << true << true;
    QTest::newRow("partially_shipped") << S::PartiallyShipped << true << true;
    QTest::newRow("shipped") << S::Shipped << false << false;
    QTest::newRow("delivered") << S::Delivered << false << false;
    QTest::newRow("backordered") << S::Backordered << true << false;
    QTest::newRow("cancelled") << S::Cancelled << false << false;
}

void TestOrderStateMachine::openAndReservingStatuses()
{
    QFETCH(OrderStatus, status);
    QFETCH(bool, open);
    QFETCH(bool, reserves);
    QCOMPARE(models::isOpen(status), open);
    QCOMPARE(models::holdsReservation(status), reserves);
}

QTEST_GUILESS_MAIN(TestOrderStateMachine)
#include "tst_orderstatemachine.moc"
