// Put-away on receipt (which bin a delivery goes into, and when a bin is remembered)
// and the ledger's running balances carried from one page to the next.

#include "models/putaway.h"
#include "models/stockledgersource.h"

#include <QTest>

using models::BinRef;
using models::LedgerBalance;
using models::LedgerEntry;
using models::PutAway;

Q_DECLARE_METATYPE(std::optional<BinRef>)
Q_DECLARE_METATYPE(QList<BinRef>)

namespace {
using Moves = QList<QPair<qint64, int>>; // (location, quantity) per movement
} // namespace

class TestPutAway : public QObject
{
    Q_OBJECT

private slots:
    void choosesTheBin_data();
    void choosesTheBin();
    void balancesRunFromTheOpening_data();
    void balancesRunFromTheOpening();
};

void TestPutAway::choosesTheBin_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<std::optional<BinRef>>("typedBin");
    QTest::addColumn<QList<BinRef>>("productBins");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("binId"); // 0: no bin
    QTest::addColumn<bool>("remember");
    QTest::addColumn<QString>("error");

    const BinRef a{11, QStringLiteral("A-01-2")};
    const BinRef b{12, QStringLiteral("B-03-1")};
    const BinRef c{13, QStringLiteral("C-07-4")};
    const std::optional<BinRef> none;

    QTest::newRow("nothing typed: the primary bin")
        << QString() << none << QList<BinRef>{a, b} << true << qint64(11) << false << QString();
    QTest::newRow("nothing typed, no bin here: none, as before")
        << QString() << none << QList<BinRef>{} << true << qint64(0) << false << QString();
    QTest::newRow("blank typed counts as nothing")
        << QStringLiteral("   ") << none << QList<BinRef>{b} << true << qint64(12) << false
        << QString();
    QTest::newRow("scanned another of its bins")
        << QStringLiteral("B-03-1") << std::optional<BinRef>(b) << QList<BinRef>{a, b} << true
        << qint64(12) << false << QString();
    QTest::newRow("scanned a bin it has no place in: used, not remembered")
        << QStringLiteral("C-07-4") << std::optional<BinRef>(c) << QList<BinRef>{a} << true
        << qint64(13) << false << QString();
    QTest::newRow("a first bin for a product with none here is remembered")
        << QStringLiteral("c-07-4 ") << std::optional<BinRef>(c) << QList<BinRef>{} << true
        << qint64(13) << true << QString();
    QTest::newRow("unknown code refused in words")
        << QStringLiteral("Z-99-9") << none << QList<BinRef>{a} << false << qint64(0) << false
        << QStringLiteral("LDS has no bin Z-99-9");
    QTest::newRow("unknown code refused even with no bin here")
        << QStringLiteral("Q1") << none << QList<BinRef>{} << false << qint64(0) << false
        << QStringLiteral("LDS has no bin Q1");
}

void TestPutAway::choosesTheBin()
{
    QFETCH(QString, typed);
    QFETCH(std::optional<BinRef>, typedBin);
    QFETCH(QList<BinRef>, productBins);
    QFETCH(bool, ok);
    QFETCH(qint64, binId);
    QFETCH(bool, remember);
    QFETCH(QString, error);

    const models::Result<PutAway> p =
        models::choosePutAway(typed, typedBin, productBins, QStringLiteral("LDS"));
    QCOMPARE(p.ok(), ok);
    if (!ok) {
        QVERIFY2(p.error().startsWith(error), qPrintable(p.error()));
        return;
    }
    QCOMPARE(p->bin ? p->bin->id : qint64(0), binId);
    QCOMPARE(p->remember, remember);
}

void TestPutAway::balancesRunFromTheOpening_data()
{
    // Movements as (location, quantity); the opening per location 1 and 2.
    QTest::addColumn<Moves>("moves");
    QTest::addColumn<int>("open1");
    QTest::addColumn<int>("open2");
    QTest::addColumn<QList<int>>("balances");
    QTest::addColumn<QList<int>>("totals");

    QTest::newRow("first page from nothing") << Moves{{1, 10}, {1, -3}, {1, 5}} << 0 << 0
                                             << QList<int>{10, 7, 12} << QList<int>{10, 7, 12};
    QTest::newRow("a page further on carries the opening")
        << Moves{{1, -2}, {1, 4}} << 40 << 0 << QList<int>{38, 42} << QList<int>{38, 42};
    QTest::newRow("two locations: each its own, the total across")
        << Moves{{1, 5}, {2, 7}, {1, -1}, {2, -7}} << 3 << 10 << QList<int>{8, 17, 7, 10}
        << QList<int>{18, 25, 24, 17};
    QTest::newRow("below zero where backorders are allowed")
        << Moves{{2, -4}} << 0 << 1 << QList<int>{-3} << QList<int>{-3};
}

void TestPutAway::balancesRunFromTheOpening()
{
    QFETCH(Moves, moves);
    QFETCH(int, open1);
    QFETCH(int, open2);
    QFETCH(QList<int>, balances);
    QFETCH(QList<int>, totals);

    QList<LedgerEntry> rows;
    for (const auto &[location, quantity] : moves) {
        LedgerEntry e;
        e.locationId = location;
        e.quantity = quantity;
        rows.append(e);
    }
    LedgerBalance opening;
    opening.perLocation = {{1, open1}, {2, open2}};
    opening.total = open1 + open2;
    const LedgerBalance closing = models::runLedgerBalances(rows, opening);
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).balance, balances.at(i));
        QCOMPARE(rows.at(i).totalBalance, totals.at(i));
    }
    QCOMPARE(closing.total, totals.constLast());
    // Read backward from the page after, the opening comes back exactly.
    QCOMPARE(models::ledgerBalanceBefore(rows, closing), opening);
}

QTEST_APPLESS_MAIN(TestPutAway)
#include "tst_putaway.moc"
