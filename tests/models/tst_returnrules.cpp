#include "models/returnrules.h"

#include <QtTest>

using models::ReturnReason;
using models::ReturnStatus;

namespace {

ReturnStatus status(const char *code)
{
    const auto s = models::returnStatusFromCode(QString::fromLatin1(code));
    if (!s)
        qFatal("unknown status %s", code);
    return *s;
}

models::ReturnLocationCandidate location(qint64 id, const char *code, const char *country,
                                         const char *city, const char *postcode, double lat,
                                         double lon, int productsShort, bool store = true)
{
    models::ReturnLocationCandidate c;
    c.id = id;
    c.code = QString::fromLatin1(code);
    c.country = QString::fromLatin1(country);
    c.city = QString::fromLatin1(city);
    c.postcode = QString::fromLatin1(postcode);
    c.latitude = lat;
    c.longitude = lon;
    c.productsShort = productsShort;
    c.storeOrWarehouse = store;
    return c;
}

} // namespace

class TestReturnRules : public QObject
{
    Q_OBJECT

private slots:
    void codesRoundTrip();
    void transitions_data();
    void transitions();
    void refusalNamesTheWayOn();
    void returnable_data();
    void returnable();
    void overReturnRefused_data();
    void overReturnRefused();
    void receivedCount_data();
    void receivedCount();
    void refund_data();
    void refund();
    void postcodeArea_data();
    void postcodeArea();
    void suggestedLocation_data();
    void suggestedLocation();
};

void TestReturnRules::codesRoundTrip()
{
    for (ReturnStatus s : models::allReturnStatuses())
        QVERIFY(models::returnStatusFromCode(models::returnStatusCode(s)) == s);
    for (ReturnReason r : models::allReturnReasons())
        QVERIFY(models::returnReasonFromCode(models::returnReasonCode(r)) == r);
    QCOMPARE(models::returnStatusCode(ReturnStatus::RefundPending),
             QStringLiteral("refund_pending"));
    QCOMPARE(models::returnReasonCode(ReturnReason::WrongItemSent), QStringLiteral("wrong_item"));
    QVERIFY(!models::returnStatusFromCode(u"restocked"));
    QCOMPARE(models::rmaNumberFor(123), QStringLiteral("RMA-000123"));
}

void TestReturnRules::transitions_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("allowed");
    auto row = [](const char *from, const char *to, bool allowed) {
        QTest::addRow("%s -> %s", from, to)
            << QString::fromLatin1(from) << QString::fromLatin1(to) << allowed;
    };
    // The way through.
    row("requested", "authorised", true);
    row("authorised", "received", true);
    row("received", "inspected", true);
    row("inspected", "refund_pending", true);
    row("refund_pending", "refunded", true);
    row("refunded", "closed", true);
    // The ways out.
    row("requested", "rejected", true);
    row("requested", "cancelled", true);
    row("authorised", "cancelled", true);
    row("received", "rejected", true);
    // Refused: skipping a step.
    row("requested", "received", false);
    row("authorised", "inspected", false);
    row("received", "refund_pending", false);
    row("inspected", "refunded", false);
    row("refund_pending", "closed", false);
    row("requested", "closed", false);
    // Refused: going back.
    row("received", "authorised", false);
    row("refunded", "refund_pending", false);
    row("inspected", "received", false);
    // Refused: cancelling what arrived, rejecting what was paid.
    row("received", "cancelled", false);
    row("inspected", "cancelled", false);
    row("refund_pending", "rejected", false);
    row("refunded", "rejected", false);
    // Final states stay final.
    row("closed", "refunded", false);
    row("rejected", "authorised", false);
    row("cancelled", "authorised", false);
    row("cancelled", "requested", false);
    // Standing still is not a move.
    row("received", "received", false);
}

void TestReturnRules::transitions()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, allowed);
    const ReturnStatus f = status(qPrintable(from));
    const ReturnStatus t = status(qPrintable(to));
    QCOMPARE(models::ReturnWorkflow::allows(f, t), allowed);
    const models::Status s = models::ReturnWorkflow::check(QStringLiteral("RMA-000007"), f, t);
    QCOMPARE(s.ok(), allowed);
    if (!allowed)
        QVERIFY2(s.error().startsWith(QStringLiteral("RMA-000007 is %1").arg(from)),
                 qPrintable(s.error()));
}

void TestReturnRules::refusalNamesTheWayOn()
{
    const models::Status s = models::ReturnWorkflow::check(
        QStringLiteral("RMA-000042"), ReturnStatus::Received, ReturnStatus::Refunded);
    QCOMPARE(s.error(),
             QStringLiteral("RMA-000042 is received: it can go to inspected or rejected, not to "
                            "refunded"));
    const models::Status closed = models::ReturnWorkflow::check(
        QStringLiteral("RMA-000042"), ReturnStatus::Closed, ReturnStatus::Refunded);
    QCOMPARE(closed.error(), QStringLiteral("RMA-000042 is closed: nothing more can happen to it"));
    for (ReturnStatus s : models::allReturnStatuses())
        QCOMPARE(models::ReturnWorkflow::allowedFrom(s).isEmpty(), models::isFinalReturnStatus(s));
}

void TestReturnRules::returnable_data()
{
    QTest::addColumn<int>("shipped");
    QTest::addColumn<QList<models::ReturnClaim>>("claims");
    QTest::addColumn<int>("expected");
    using C = models::ReturnClaim;
    QTest::newRow("nothing returned") << 3 << QList<C>{} << 3;
    QTest::newRow("not shipped") << 0 << QList<C>{} << 0;
    QTest::newRow("one open request holds what it asks")
        << 3 << QList<C>{{ReturnStatus::Requested, 2, 0}} << 1;
    QTest::newRow("authorised holds what it asks")
        << 3 << QList<C>{{ReturnStatus::Authorised, 3, 0}} << 0;
    QTest::newRow("received holds what arrived")
        << 3 << QList<C>{{ReturnStatus::Received, 3, 1}} << 2;
    QTest::newRow("refunded holds what arrived")
        << 4 << QList<C>{{ReturnStatus::Refunded, 2, 2}} << 2;
    QTest::newRow("rejected and cancelled hold nothing")
        << 2 << QList<C>{{ReturnStatus::Rejected, 2, 2}, {ReturnStatus::Cancelled, 1, 0}} << 2;
    QTest::newRow("two returns across the line")
        << 5 << QList<C>{{ReturnStatus::Closed, 2, 2}, {ReturnStatus::Authorised, 2, 0}} << 1;
    QTest::newRow("never below zero")
        << 1 << QList<C>{{ReturnStatus::Closed, 1, 1}, {ReturnStatus::Requested, 1, 0}} << 0;
}

void TestReturnRules::returnable()
{
    QFETCH(int, shipped);
    QFETCH(QList<models::ReturnClaim>, claims);
    QFETCH(int, expected);
    QCOMPARE(models::returnableQuantity(shipped, claims), expected);
}

void TestReturnRules::overReturnRefused_data()
{
    QTest::addColumn<QList<models::ReturnRequestLine>>("lines");
    QTest::addColumn<QString>("error"); // empty: accepted
    using L = models::ReturnRequestLine;
    QTest::newRow("within") << QList<L>{{1, QStringLiteral("MUG-01"), 2, 0, 2}} << QString();
    QTest::newRow("the rest after an earlier return")
        << QList<L>{{1, QStringLiteral("MUG-01"), 3, 1, 2}} << QString();
    QTest::newRow("over")
        << QList<L>{{2, QStringLiteral("MUG-01"), 2, 1, 3}}
        << QStringLiteral("order #1001: line 2 (MUG-01): 3 asked, only 1 returnable (2 shipped, "
                          "1 already returned)");
    QTest::newRow("nothing shipped")
        << QList<L>{{1, QStringLiteral("TEA-9"), 0, 0, 1}}
        << QStringLiteral("order #1001: line 1 (TEA-9): 1 asked, only 0 returnable (0 shipped, "
                          "0 already returned)");
    QTest::newRow("zero")
        << QList<L>{{1, QStringLiteral("MUG-01"), 2, 0, 0}}
        << QStringLiteral("order #1001: line 1 (MUG-01): the quantity must be at least 1, not 0");
    QTest::newRow("empty") << QList<L>{}
                           << QStringLiteral(
                                  "order #1001: a return needs at least one line with a quantity");
    QTest::newRow("two lines, one over")
        << QList<L>{{1, QStringLiteral("A"), 1, 0, 1}, {3, QStringLiteral("C"), 1, 1, 1}}
        << QStringLiteral("order #1001: line 3 (C): 1 asked, only 0 returnable (1 shipped, 1 "
                          "already returned)");
}

void TestReturnRules::overReturnRefused()
{
    QFETCH(QList<models::ReturnRequestLine>, lines);
    QFETCH(QString, error);
    const models::Status s = models::checkReturnRequest(QStringLiteral("#1001"), lines);
    QCOMPARE(s.ok(), error.isEmpty());
    if (!error.isEmpty())
        QCOMPARE(s.error(), error);
}

void TestReturnRules::receivedCount_data()
{
    QTest::addColumn<int>("authorised");
    QTest::addColumn<int>("received");
    QTest::addColumn<bool>("ok");
    QTest::newRow("all") << 2 << 2 << true;
    QTest::newRow("fewer") << 2 << 1 << true;
    QTest::newRow("none of this line") << 2 << 0 << true;
    QTest::newRow("more than authorised") << 2 << 3 << false;
    QTest::newRow("negative") << 2 << -1 << false;
}

void TestReturnRules::receivedCount()
{
    QFETCH(int, authorised);
    QFETCH(int, received);
    QFETCH(bool, ok);
    const models::Status s = models::checkReceivedQuantity(
        QStringLiteral("RMA-000001"), QStringLiteral("MUG-01"), authorised, received);
    QCOMPARE(s.ok(), ok);
    if (!ok)
        QVERIFY(s.error().startsWith(QStringLiteral("RMA-000001, MUG-01: ")));
}

void TestReturnRules::refund_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<bool>("shippingBefore");
    QTest::addColumn<int>("feePercent");
    QTest::addColumn<qint64>("alreadyRefunded");
    QTest::addColumn<qint64>("items");
    QTest::addColumn<qint64>("shipping");
    QTest::addColumn<qint64>("fee");
    QTest::addColumn<qint64>("total");
    // One line at 12.50, order shipping 4.95, order total 29.95 (2 units + shipping).
    QTest::newRow("damaged: shipping back, no fee")
        << "damaged" << 1 << false << 10 << qint64(0) << qint64(1250) << qint64(495) << qint64(0)
        << qint64(1745);
    QTest::newRow("wrong item: shipping back")
        << "wrong_item" << 2 << false << 0 << qint64(0) << qint64(2500) << qint64(495) << qint64(0)
        << qint64(2995);
    QTest::newRow("arrived late: shipping back")
        << "arrived_late" << 1 << false << 0 << qint64(0) << qint64(1250) << qint64(495)
        << qint64(0) << qint64(1745);
    QTest::newRow("not as described, shipping paid back before")
        << "not_as_described" << 1 << true << 0 << qint64(1745) << qint64(1250) << qint64(0)
        << qint64(0) << qint64(1250);
    QTest::newRow("changed mind: no shipping, no fee set")
        << "changed_mind" << 1 << false << 0 << qint64(0) << qint64(1250) << qint64(0) << qint64(0)
        << qint64(1250);
    QTest::newRow("doesn't fit: 10% fee rounded down")
        << "doesnt_fit" << 1 << false << 10 << qint64(0) << qint64(1250) << qint64(0) << qint64(125)
        << qint64(1125);
    QTest::newRow("changed mind: 15% of 25.00")
        << "changed_mind" << 2 << false << 15 << qint64(0) << qint64(2500) << qint64(0)
        << qint64(375) << qint64(2125);
    QTest::newRow("capped at what is left of the order")
        << "damaged" << 2 << false << 0 << qint64(1000) << qint64(2500) << qint64(495) << qint64(0)
        << qint64(1995);
    QTest::newRow("nothing arrived") << "damaged" << 0 << true << 0 << qint64(0) << qint64(0)
                                     << qint64(0) << qint64(0) << qint64(0);
}

void TestReturnRules::refund()
{
    QFETCH(QString, reason);
    QFETCH(int, quantity);
    QFETCH(bool, shippingBefore);
    QFETCH(int, feePercent);
    QFETCH(qint64, alreadyRefunded);
    models::RefundInput in;
    in.reason = *models::returnReasonFromCode(reason);
    in.lines = {{1250, quantity}};
    in.orderShippingMinor = 495;
    in.shippingRefundedBefore = shippingBefore;
    in.restockingFeePercent = feePercent;
    in.orderTotalMinor = 2995;
    in.alreadyRefundedMinor = alreadyRefunded;
    const models::RefundSuggestion s = models::suggestRefund(in, QStringLiteral("GBP"));
    QTEST(s.itemsMinor, "items");
    QTEST(s.shippingMinor, "shipping");
    QTEST(s.restockingFeeMinor, "fee");
    QTEST(s.totalMinor, "total");
    QVERIFY(!s.explanation.isEmpty());
}

void TestReturnRules::postcodeArea_data()
{
    QTest::addColumn<QString>("postcode");
    QTest::addColumn<QString>("area");
    QTest::newRow("GB two letters") << "LS10 1AB"
                                    << "LS";
    QTest::newRow("GB one letter") << "m1 2ab"
                                   << "M";
    QTest::newRow("NL digits") << "3089 JH"
                               << "30";
    QTest::newRow("US zip") << "73301"
                            << "73";
    QTest::newRow("empty") << ""
                           << "";
}

void TestReturnRules::postcodeArea()
{
    QFETCH(QString, postcode);
    QFETCH(QString, area);
    QCOMPARE(models::postcodeArea(postcode), area);
}

void TestReturnRules::suggestedLocation_data()
{
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("city");
    QTest::addColumn<QString>("postcode");
    QTest::addColumn<QList<int>>("shortOf"); // per location LDS, MKY, BRS, RTM
    QTest::addColumn<QString>("expected");   // code, or "" for none
    QTest::newRow("nothing short: default returns (LDS)")
        << "GB"
        << "Bristol"
        << "BS7 1AA" << QList<int>{0, 0, 0, 0} << "LDS";
    QTest::newRow("the short one in the customer's town")
        << "GB"
        << "Bristol"
        << "BS7 1AA" << QList<int>{1, 1, 1, 0} << "BRS";
    QTest::newRow("same postcode area wins over another town")
        << "GB"
        << "Leeds"
        << "LS6 2QQ" << QList<int>{1, 1, 0, 0} << "LDS";
    QTest::newRow("nearest to the customer's own location: Leeds customer, MKY over BRS")
        << "GB"
        << "Leeds"
        << "LS6 2QQ" << QList<int>{0, 1, 1, 0} << "MKY";
    QTest::newRow("nearest to the customer's own location: Bristol customer, MKY over LDS")
        << "GB"
        << "Bristol"
        << "BS1 4DJ" << QList<int>{1, 1, 0, 0} << "MKY";
    QTest::newRow("a 3PL is never suggested") << "NL"
                                              << "Rotterdam"
                                              << "3011 AA" << QList<int>{0, 0, 0, 2} << "LDS";
    QTest::newRow("same country before another country")
        << "NL"
        << "Utrecht"
        << "3511 AB" << QList<int>{0, 1, 0, 0} << "MKY";
    QTest::newRow("more products short does not beat nearer")
        << "GB"
        << "Bristol"
        << "BS7 1AA" << QList<int>{3, 0, 1, 0} << "BRS";
}

void TestReturnRules::suggestedLocation()
{
    QFETCH(QString, country);
    QFETCH(QString, city);
    QFETCH(QString, postcode);
    QFETCH(QList<int>, shortOf);
    QFETCH(QString, expected);
    QList<models::ReturnLocationCandidate> candidates{
        location(1, "LDS", "GB", "Leeds", "LS10 1AB", 53.7757, -1.5310, shortOf[0]),
        location(2, "MKY", "GB", "Milton Keynes", "MK11 3EJ", 52.0406, -0.8090, shortOf[1]),
        location(3, "BRS", "GB", "Bristol", "BS7 8AD", 51.4734, -2.5900, shortOf[2]),
        location(4, "RTM", "NL", "Rotterdam", "3089 JH", 51.8850, 4.4350, shortOf[3], false)};
    candidates[0].isDefaultReturns = true;
    const models::ReturnLocationSuggestion s =
        models::suggestReturnLocation({country, QString(), city, postcode}, candidates);
    QVERIFY(!s.reason.isEmpty());
    QString code;
    for (const auto &c : candidates)
        if (s.locationId && c.id == *s.locationId)
            code = c.code;
    QVERIFY2(code == expected, qPrintable(QStringLiteral("%1: %2").arg(code, s.reason)));
}

QTEST_GUILESS_MAIN(TestReturnRules)
#include "tst_returnrules.moc"
