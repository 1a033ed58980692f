// The purchase-order life cycle as a table, the status a receipt leaves, how one
// line's delivery is booked (over, under, damaged), which line a scan belongs to, and
// when an order is overdue.

#include "models/purchaseorderrules.h"

#include <QTest>

using models::DiscrepancyKind;
using models::PurchaseOrder;
using models::PurchaseOrderRules;
using S = models::PurchaseOrder::Status;

Q_DECLARE_METATYPE(models::PurchaseOrder::Status)

namespace {

// The life cycle, written out independently of the implementation. Every pair not
// listed must be refused.
const std::pair<S, S> kExpectedMoves[] = {
    {S::Draft, S::Sent},
    {S::Draft, S::Cancelled},
    {S::Sent, S::PartiallyReceived},
    {S::Sent, S::Received},
    {S::Sent, S::Cancelled},
    {S::PartiallyReceived, S::PartiallyReceived},
    {S::PartiallyReceived, S::Received},
    {S::PartiallyReceived, S::Closed},
    {S::Received, S::Closed},
};

models::PurchaseOrderLine line(int ordered, int received)
{
    models::PurchaseOrderLine l;
    l.quantityOrdered = ordered;
    l.quantityReceived = received;
    return l;
}

} // namespace

class TestPurchaseOrderRules : public QObject
{
    Q_OBJECT

private slots:
    void transitions_data();
    void transitions();
    void refusalNamesTheOrder();
    void statusAfterReceipt_data();
    void statusAfterReceipt();
    void bookReceiptLine_data();
    void bookReceiptLine();
    void lineForScan_data();
    void lineForScan();
    void overdue_data();
    void overdue();
    void codesRoundTrip();
};

void TestPurchaseOrderRules::transitions_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<S>("to");
    QTest::addColumn<bool>("allowed");
    const QList<S> all = models::allPurchaseOrderStatuses();
    for (S from : all)
        for (S to : all) {
            bool allowed = false;
            for (const auto &m : kExpectedMoves)
                allowed = allowed || (m.first == from && m.second == to);
            const QByteArray name = (models::purchaseOrderStatusCode(from) +
                                     QStringLiteral(" -> ") + models::purchaseOrderStatusCode(to))
                                        .toUtf8();
            QTest::newRow(name.constData()) << from << to << allowed;
        }
}

void TestPurchaseOrderRules::transitions()
{
    QFETCH(S, from);
    QFETCH(S, to);
    QFETCH(bool, allowed);
    QCOMPARE(PurchaseOrderRules::isAllowed(from, to), allowed);
    QCOMPARE(PurchaseOrderRules::checkTransition(QStringLiteral("PO-00001"), from, to).ok(),
             allowed);
    if (from != to)
        QCOMPARE(PurchaseOrderRules::allowedFrom(from).contains(to), allowed);
}

void TestPurchaseOrderRules::refusalNamesTheOrder()
{
    const models::Status s =
        PurchaseOrderRules::checkTransition(QStringLiteral("PO-00042"), S::Received, S::Draft);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QLatin1String("PO-00042")), qPrintable(s.error()));
    QVERIFY2(s.error().contains(QLatin1String("received")), qPrintable(s.error()));
}

void TestPurchaseOrderRules::statusAfterReceipt_data()
{
    QTest::addColumn<QList<int>>("ordered");
    QTest::addColumn<QList<int>>("received");
    QTest::addColumn<S>("status");
    QTest::newRow("nothing yet") << QList<int>{5, 3} << QList<int>{0, 0} << S::Sent;
    QTest::newRow("one line part") << QList<int>{5, 3} << QList<int>{2, 0} << S::PartiallyReceived;
    QTest::newRow("one line whole") << QList<int>{5, 3} << QList<int>{5, 0} << S::PartiallyReceived;
    QTest::newRow("all whole") << QList<int>{5, 3} << QList<int>{5, 3} << S::Received;
    QTest::newRow("over counts as whole") << QList<int>{5, 3} << QList<int>{7, 3} << S::Received;
    QTest::newRow("over on one, short on other")
        << QList<int>{5, 3} << QList<int>{9, 1} << S::PartiallyReceived;
}

void TestPurchaseOrderRules::statusAfterReceipt()
{
    QFETCH(QList<int>, ordered);
    QFETCH(QList<int>, received);
    QFETCH(S, status);
    QList<models::PurchaseOrderLine> lines;
    for (qsizetype i = 0; i < ordered.size(); ++i)
        lines.append(line(ordered.at(i), received.at(i)));
    QCOMPARE(PurchaseOrderRules::statusAfterReceipt(lines), status);
}

void TestPurchaseOrderRules::bookReceiptLine_data()
{
    QTest::addColumn<int>("outstanding");
    QTest::addColumn<int>("counted");
    QTest::addColumn<int>("damaged");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("intoStock");
    QTest::addColumn<int>("over");
    QTest::addColumn<int>("under");
    QTest::addColumn<int>("damagedFlag");
    QTest::newRow("exact") << 10 << 10 << 0 << true << 10 << 0 << 0 << 0;
    QTest::newRow("short") << 10 << 6 << 0 << true << 6 << 0 << 4 << 0;
    QTest::newRow("over") << 10 << 12 << 0 << true << 12 << 2 << 0 << 0;
    QTest::newRow("exact with damaged") << 10 << 10 << 3 << true << 7 << 0 << 0 << 3;
    QTest::newRow("short and damaged") << 10 << 8 << 1 << true << 7 << 0 << 2 << 1;
    QTest::newRow("over and damaged") << 4 << 5 << 5 << true << 0 << 1 << 0 << 5;
    QTest::newRow("after the line was complete") << 0 << 2 << 0 << true << 2 << 2 << 0 << 0;
    QTest::newRow("only damaged units arrived") << 3 << 1 << 1 << true << 0 << 0 << 2 << 1;
    QTest::newRow("more damaged than arrived") << 10 << 2 << 3 << false << 0 << 0 << 0 << 0;
    QTest::newRow("negative count") << 10 << -1 << 0 << false << 0 << 0 << 0 << 0;
}

void TestPurchaseOrderRules::bookReceiptLine()
{
    QFETCH(int, outstanding);
    QFETCH(int, counted);
    QFETCH(int, damaged);
    QFETCH(bool, ok);
    QFETCH(int, intoStock);
    QFETCH(int, over);
    QFETCH(int, under);
    QFETCH(int, damagedFlag);
    const models::Result<models::ReceiptOutcome> r =
        models::bookReceiptLine({outstanding, counted, damaged});
    QCOMPARE(r.ok(), ok);
    if (!ok)
        return;
    QCOMPARE(r->received, counted);
    QCOMPARE(r->intoStock, intoStock);
    QCOMPARE(r->writtenOff, damaged);
    int seenOver = 0, seenUnder = 0, seenDamaged = 0;
    for (const models::Discrepancy &d : r->discrepancies) {
        QVERIFY(d.quantity > 0);
        (d.kind == DiscrepancyKind::Over    ? seenOver
         : d.kind == DiscrepancyKind::Under ? seenUnder
                                            : seenDamaged) += d.quantity;
    }
    QCOMPARE(seenOver, over);
    QCOMPARE(seenUnder, under);
    QCOMPARE(seenDamaged, damagedFlag);
}

void TestPurchaseOrderRules::lineForScan_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line"); // -1: none
    QTest::newRow("EAN-13") << QStringLiteral("5012345678900") << 0;
    QTest::newRow("UPC-A of a stored EAN-13 with leading 0") << QStringLiteral("012345678905") << 1;
    QTest::newRow("GTIN-14 padding") << QStringLiteral("00012345678905") << 1;
    QTest::newRow("SKU") << QStringLiteral("TEE-M") << 1;
    QTest::newRow("SKU other case") << QStringLiteral("mug-01") << 0;
    QTest::newRow("spaces around") << QStringLiteral(" 5012345678900 ") << 0;
    QTest::newRow("unknown barcode") << QStringLiteral("4006381333931") << -1;
    QTest::newRow("empty") << QString() << -1;
}

void TestPurchaseOrderRules::lineForScan()
{
    QFETCH(QString, code);
    QFETCH(int, line);
    const QList<models::ReceivingLine> lines = {
        {11, QStringLiteral("MUG-01"), {QStringLiteral("5012345678900")}},
        {12, QStringLiteral("TEE-M"), {QStringLiteral("0012345678905")}},
    };
    const std::optional<qsizetype> found = models::lineForScan(lines, code);
    QCOMPARE(found ? int(*found) : -1, line);
}

void TestPurchaseOrderRules::overdue_data()
{
    QTest::addColumn<S>("status");
    QTest::addColumn<QDate>("expected");
    QTest::addColumn<bool>("overdue");
    QTest::newRow("sent, yesterday") << S::Sent << QDate(2026, 11, 25) << true;
    QTest::newRow("sent, today") << S::Sent << QDate(2026, 11, 26) << false;
    QTest::newRow("partly received, last week")
        << S::PartiallyReceived << QDate(2026, 11, 19) << true;
    QTest::newRow("draft, last week") << S::Draft << QDate(2026, 11, 19) << false;
    QTest::newRow("received, last week") << S::Received << QDate(2026, 11, 19) << false;
    QTest::newRow("cancelled, last week") << S::Cancelled << QDate(2026, 11, 19) << false;
    QTest::newRow("sent, no date") << S::Sent << QDate() << false;
}

void TestPurchaseOrderRules::overdue()
{
    QFETCH(S, status);
    QFETCH(QDate, expected);
    QFETCH(bool, overdue);
    QCOMPARE(PurchaseOrderRules::isOverdue(status, expected, QDate(2026, 11, 26)), overdue);
}

void TestPurchaseOrderRules::codesRoundTrip()
{
    for (S s : models::allPurchaseOrderStatuses())
        QCOMPARE(models::purchaseOrderStatusFromCode(models::purchaseOrderStatusCode(s)), s);
    QVERIFY(!models::purchaseOrderStatusFromCode(u"lost").has_value());
    for (DiscrepancyKind k :
         {DiscrepancyKind::Over, DiscrepancyKind::Under, DiscrepancyKind::Damaged})
        QCOMPARE(models::discrepancyKindFromCode(models::discrepancyKindCode(k)), k);
}

QTEST_APPLESS_MAIN(TestPurchaseOrderRules)
#include "tst_purchaseorderrules.moc"
