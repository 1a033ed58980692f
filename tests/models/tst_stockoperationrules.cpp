#include "models/stockoperationrules.h"

#include <QTest>

using models::StockReason;

Q_DECLARE_METATYPE(std::optional<StockReason>)

class TestStockOperationRules : public QObject
{
    Q_OBJECT

private slots:
    void adjustment_data();
    void adjustment();
    void transferLines_data();
    void transferLines();
    void transferReceipt_data();
    void transferReceipt();
    void transferStatus();
    void countVariance_data();
    void countVariance();
    void reconciliationColumns_data();
    void reconciliationColumns();
    void accuracy();
    void barcode_data();
    void barcode();
    void product_data();
    void product();
};

void TestStockOperationRules::adjustment_data()
{
    QTest::addColumn<std::optional<StockReason>>("reason");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<int>("onHand");
    QTest::addColumn<int>("reserved");
    QTest::addColumn<bool>("backorders");
    QTest::addColumn<QString>("refusal"); // part of the message; empty: accepted

    const std::optional<StockReason> none;
    QTest::newRow("no reason is refused")
        << none << -2 << 10 << 0 << false << QStringLiteral("needs a reason");
    QTest::newRow("no reason is refused even when adding")
        << none << 3 << 10 << 0 << false << QStringLiteral("needs a reason");
    QTest::newRow("damaged takes away")
        << std::optional(StockReason::Damaged) << -2 << 10 << 0 << false << QString();
    QTest::newRow("lost takes away")
        << std::optional(StockReason::Lost) << -1 << 1 << 0 << false << QString();
    QTest::newRow("found adds") << std::optional(StockReason::Found) << 4 << 0 << 0 << false
                                << QString();
    QTest::newRow("sample takes away")
        << std::optional(StockReason::Sample) << -1 << 5 << 0 << false << QString();
    QTest::newRow("write-off takes away")
        << std::optional(StockReason::WriteOff) << -5 << 5 << 0 << false << QString();
    QTest::newRow("count correction either way, up")
        << std::optional(StockReason::CountCorrection) << 3 << 5 << 0 << false << QString();
    QTest::newRow("count correction either way, down")
        << std::optional(StockReason::CountCorrection) << -3 << 5 << 0 << false << QString();
    QTest::newRow("found cannot take away")
        << std::optional(StockReason::Found) << -1 << 5 << 0 << false << QStringLiteral("positive");
    QTest::newRow("damaged cannot add") << std::optional(StockReason::Damaged) << 1 << 5 << 0
                                        << false << QStringLiteral("negative");
    QTest::newRow("zero moves nothing") << std::optional(StockReason::Lost) << 0 << 5 << 0 << false
                                        << QStringLiteral("nothing to adjust");
    QTest::newRow("system reasons are not for hand adjustments")
        << std::optional(StockReason::Received) << 5 << 0 << 0 << false
        << QStringLiteral("recorded by Backroom");
    QTest::newRow("transfers are not hand adjustments")
        << std::optional(StockReason::TransferOut) << -1 << 5 << 0 << false
        << QStringLiteral("recorded by Backroom");
    QTest::newRow("below reserved is refused, saying why")
        << std::optional(StockReason::Damaged) << -3 << 10 << 8 << false
        << QStringLiteral("leave 7 on hand with 8 reserved");
    QTest::newRow("down to exactly reserved is fine")
        << std::optional(StockReason::Damaged) << -2 << 10 << 8 << false << QString();
    QTest::newRow("below zero is refused") << std::optional(StockReason::Lost) << -6 << 5 << 0
                                           << false << QStringLiteral("leave -1 on hand");
    QTest::newRow("a backorder location may go below reserved")
        << std::optional(StockReason::Damaged) << -3 << 10 << 8 << true << QString();
}

void TestStockOperationRules::adjustment()
{
    QFETCH(std::optional<StockReason>, reason);
    QFETCH(int, quantity);
    QFETCH(int, onHand);
    QFETCH(int, reserved);
    QFETCH(bool, backorders);
    QFETCH(QString, refusal);
    models::StockAdjustment a;
    a.productId = 1;
    a.locationId = 1;
    a.quantity = quantity;
    a.reason = reason;
    models::StockLevel level{1, 1, onHand, reserved};
    const models::Status s = models::checkAdjustment(a, level, backorders);
    QCOMPARE(s.ok(), refusal.isEmpty());
    if (!refusal.isEmpty())
        QVERIFY2(s.error().contains(refusal), qPrintable(s.error()));
}

using Lines = QList<models::TransferLineInput>;
Q_DECLARE_METATYPE(Lines)

void TestStockOperationRules::transferLines_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<Lines>("lines");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("one line") << qint64(1) << qint64(2) << Lines{{7, 3}} << QString();
    QTest::newRow("two products") << qint64(1) << qint64(2) << Lines{{7, 3}, {8, 1}} << QString();
    QTest::newRow("to itself") << qint64(1) << qint64(1) << Lines{{7, 3}}
                               << QStringLiteral("not to itself");
    QTest::newRow("no destination")
        << qint64(1) << qint64(0) << Lines{{7, 3}} << QStringLiteral("receive at");
    QTest::newRow("nothing on it")
        << qint64(1) << qint64(2) << Lines{} << QStringLiteral("at least one product");
    QTest::newRow("zero units") << qint64(1) << qint64(2) << Lines{{7, 0}}
                                << QStringLiteral("line 1");
    QTest::newRow("same product twice") << qint64(1) << qint64(2) << Lines{{7, 1}, {7, 2}}
                                        << QStringLiteral("already on the transfer");
}

void TestStockOperationRules::transferLines()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(Lines, lines);
    QFETCH(QString, refusal);
    const models::Status s = models::checkTransferLines(from, to, lines);
    QCOMPARE(s.ok(), refusal.isEmpty());
    if (!refusal.isEmpty())
        QVERIFY2(s.error().contains(refusal), qPrintable(s.error()));
}

void TestStockOperationRules::transferReceipt_data()
{
    QTest::addColumn<int>("sent");
    QTest::addColumn<int>("received");
    QTest::addColumn<int>("now");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("all of it") << 5 << 0 << 5 << QString();
    QTest::newRow("part of it") << 5 << 0 << 2 << QString();
    QTest::newRow("the rest after a part") << 5 << 2 << 3 << QString();
    QTest::newRow("more than is on the way")
        << 5 << 2 << 4 << QStringLiteral("only 3 still on the way");
    QTest::newRow("nothing") << 5 << 0 << 0 << QStringLiteral("at least 1");
    QTest::newRow("negative") << 5 << 0 << -1 << QStringLiteral("at least 1");
}

void TestStockOperationRules::transferReceipt()
{
    QFETCH(int, sent);
    QFETCH(int, received);
    QFETCH(int, now);
    QFETCH(QString, refusal);
    models::TransferLine line{1,    7,       QStringLiteral("MUG-01"), QStringLiteral("Mug"),
                              sent, received};
    const models::Status s = models::checkTransferReceipt(line, now);
    QCOMPARE(s.ok(), refusal.isEmpty());
    if (!refusal.isEmpty()) {
        QVERIFY2(s.error().contains(refusal), qPrintable(s.error()));
        QVERIFY(s.error().contains(QStringLiteral("MUG-01")));
    }
}

void TestStockOperationRules::transferStatus()
{
    QList<models::TransferLine> lines{{1, 7, {}, {}, 5, 5}, {2, 8, {}, {}, 3, 1}};
    QCOMPARE(models::transferStatusAfter(lines), QStringLiteral("in_transit"));
    lines[1].received = 3;
    QCOMPARE(models::transferStatusAfter(lines), QStringLiteral("received"));
}

void TestStockOperationRules::countVariance_data()
{
    QTest::addColumn<int>("expected"); // on the sheet
    QTest::addColumn<int>("atCount");  // held when counted; -1: not counted
    QTest::addColumn<int>("counted");  // -1: not counted
    QTest::addColumn<int>("correction");
    QTest::addColumn<double>("ratio");
    QTest::addColumn<bool>("moved");
    QTest::newRow("as expected") << 10 << 10 << 10 << 0 << 0.0 << false;
    QTest::newRow("two missing") << 10 << 10 << 8 << -2 << 0.2 << false;
    QTest::newRow("one extra") << 10 << 10 << 11 << 1 << 0.1 << false;
    QTest::newRow("not counted: no correction") << 10 << -1 << -1 << 0 << 0.0 << false;
    // Three were picked between printing and counting: the sheet said 10, the shelf
    // held 7 when counted, and 7 were counted. Nothing is wrong.
    QTest::newRow("picked after printing is no variance") << 10 << 7 << 7 << 0 << 0.0 << true;
    QTest::newRow("received after printing is no variance") << 10 << 14 << 14 << 0 << 0.0 << true;
    QTest::newRow("moved and also short") << 10 << 7 << 6 << -1 << 1.0 / 7 << true;
    QTest::newRow("found where none were expected") << 0 << 0 << 2 << 2 << 1.0 << false;
}

void TestStockOperationRules::countVariance()
{
    QFETCH(int, expected);
    QFETCH(int, atCount);
    QFETCH(int, counted);
    QFETCH(int, correction);
    QFETCH(double, ratio);
    QFETCH(bool, moved);
    models::CountLine line;
    line.expected = expected;
    if (atCount >= 0)
        line.onHandAtCount = atCount;
    if (counted >= 0)
        line.counted = counted;
    QCOMPARE(models::countCorrection(line), correction);
    QVERIFY(qAbs(line.varianceRatio() - ratio) < 1e-9);
    QCOMPARE(line.movedSinceSheet(), moved);
}

using Moves = QList<QPair<StockReason, int>>;
Q_DECLARE_METATYPE(Moves)

void TestStockOperationRules::reconciliationColumns_data()
{
    QTest::addColumn<int>("before");
    QTest::addColumn<Moves>("within");
    QTest::addColumn<QList<int>>("columns"); // received, shipped, returns, transfers, adj, counts
    QTest::addColumn<int>("closing");
    QTest::newRow("quiet day") << 10 << Moves{} << QList<int>{0, 0, 0, 0, 0, 0} << 10;
    QTest::newRow("a trading day") << 10
                                   << Moves{{StockReason::Received, 24},
                                            {StockReason::Shipped, -3},
                                            {StockReason::Shipped, -2},
                                            {StockReason::Restocked, 1}}
                                   << QList<int>{24, -5, 1, 0, 0, 0} << 30;
    QTest::newRow("transfers both ways")
        << 5 << Moves{{StockReason::TransferOut, -4}, {StockReason::TransferIn, 1}}
        << QList<int>{0, 0, 0, -3, 0, 0} << 2;
    QTest::newRow("adjustments and a count") << 5
                                             << Moves{{StockReason::Damaged, -1},
                                                      {StockReason::Found, 2},
                                                      {StockReason::Sample, -1},
                                                      {StockReason::CountCorrection, -2}}
                                             << QList<int>{0, 0, 0, 0, 0, -2} << 3;
}

void TestStockOperationRules::reconciliationColumns()
{
    QFETCH(int, before);
    QFETCH(Moves, within);
    QFETCH(QList<int>, columns);
    QFETCH(int, closing);
    models::ReconciliationRow row;
    models::addToReconciliation(row, StockReason::Opening, before, true);
    for (const auto &m : within)
        models::addToReconciliation(row, m.first, m.second, false);
    QCOMPARE(row.opening, before);
    QCOMPARE(row.received, columns.at(0));
    QCOMPARE(row.shipped, columns.at(1));
    QCOMPARE(row.returns, columns.at(2));
    QCOMPARE(row.transfers, columns.at(3));
    // Hand adjustments net out in this row; the count has its own column.
    int adjustments = 0;
    for (const auto &m : within)
        if (models::isManualAdjustmentReason(m.first) && m.first != StockReason::CountCorrection)
            adjustments += m.second;
    QCOMPARE(row.adjustments, adjustments);
    QCOMPARE(row.counts, columns.at(5));
    QCOMPARE(row.closing, closing);
}

void TestStockOperationRules::accuracy()
{
    models::ReconciliationReport report;
    QCOMPARE(report.accuracy(), -1.0);
    report.countLines = 8;
    report.accurateLines = 6;
    QCOMPARE(report.accuracy(), 0.75);
    models::ReconciliationRow row;
    row.worstCountVariance = 0.01;
    QVERIFY(!row.countVarianceFlagged()); // exactly 1 % is within
    row.worstCountVariance = 0.0101;
    QVERIFY(row.countVarianceFlagged());
    row.worstCountVariance = 0;
    row.onHand = 5;
    row.ledgerTotal = 6;
    QVERIFY(row.flagged());
}

void TestStockOperationRules::barcode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("symbology"); // empty: refused
    QTest::addColumn<QString>("refusal");
    QTest::newRow("EAN-13") << QStringLiteral("5012345678900") << QStringLiteral("EAN13")
                            << QString();
    QTest::newRow("EAN-13, wrong check digit")
        << QStringLiteral("5012345678901") << QString() << QStringLiteral("should end in 0");
    QTest::newRow("UPC-A") << QStringLiteral("036000291452") << QStringLiteral("UPCA") << QString();
    QTest::newRow("UPC-A, wrong check digit")
        << QStringLiteral("036000291453") << QString() << QStringLiteral("check digit");
    QTest::newRow("EAN-8") << QStringLiteral("96385074") << QStringLiteral("EAN8") << QString();
    QTest::newRow("GTIN-14") << QStringLiteral("15012345678907") << QStringLiteral("GTIN14")
                             << QString();
    QTest::newRow("digits of no GTIN length")
        << QStringLiteral("12345") << QString() << QStringLiteral("5 digits");
    QTest::newRow("a Code 128 of letters")
        << QStringLiteral("HF-APR-0016") << QStringLiteral("CODE128") << QString();
    QTest::newRow("a space cannot be scanned")
        << QStringLiteral("AB 12") << QString() << QStringLiteral("printable");
    QTest::newRow("empty") << QStringLiteral("") << QString() << QStringLiteral("empty");
}

void TestStockOperationRules::barcode()
{
    QFETCH(QString, code);
    QFETCH(QString, symbology);
    QFETCH(QString, refusal);
    const models::Result<QString> s = models::barcodeSymbology(code);
    QCOMPARE(s.ok(), !symbology.isEmpty());
    if (s.ok())
        QCOMPARE(s.value(), symbology);
    else
        QVERIFY2(s.error().contains(refusal), qPrintable(s.error()));
}

void TestStockOperationRules::product_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QStringList>("fields"); // the fields named, in order
    QTest::newRow("sound") << QStringLiteral("") << QStringList{};
    QTest::newRow("no SKU") << QStringLiteral("sku=") << QStringList{QStringLiteral("sku")};
    QTest::newRow("SKU with a space")
        << QStringLiteral("sku=MUG 01") << QStringList{QStringLiteral("sku")};
    QTest::newRow("no name") << QStringLiteral("name=") << QStringList{QStringLiteral("name")};
    QTest::newRow("bad check digit")
        << QStringLiteral("barcode=5012345678901") << QStringList{QStringLiteral("barcodes")};
    QTest::newRow("barcode twice")
        << QStringLiteral("barcode=5012345678900") << QStringList{QStringLiteral("barcodes")};
    QTest::newRow("max below min") << QStringLiteral("max=3") << QStringList{QStringLiteral("max")};
    QTest::newRow("negative cost")
        << QStringLiteral("cost=-1") << QStringList{QStringLiteral("cost")};
    QTest::newRow("no currency") << QStringLiteral("currency=")
                                 << QStringList{QStringLiteral("cost")};
    QTest::newRow("lead time out of range")
        << QStringLiteral("lead=400") << QStringList{QStringLiteral("lead_time")};
    QTest::newRow("supplier minimum below 1")
        << QStringLiteral("suppliermin=0") << QStringList{QStringLiteral("supplier_min")};
    QTest::newRow("bin listed twice")
        << QStringLiteral("bin=A-01-1") << QStringList{QStringLiteral("bins")};
    QTest::newRow("two problems, both named")
        << QStringLiteral("sku=;max=3")
        << QStringList{QStringLiteral("sku"), QStringLiteral("max")};
}

void TestStockOperationRules::product()
{
    QFETCH(QString, change);
    QFETCH(QStringList, fields);
    models::ProductRecord r;
    r.sku = QStringLiteral("MUG-01");
    r.name = QStringLiteral("Mug");
    r.barcodes = {QStringLiteral("5012345678900"), QStringLiteral("036000291452")};
    r.bins = {{1, QStringLiteral("WH1"), {QStringLiteral("A-01-1")}}};
    r.costMinor = 420;
    r.costCurrency = QStringLiteral("GBP");
    r.reorderMin = 5;
    r.reorderMax = 20;
    r.packSize = 6;
    r.supplierMinQty = 24;
    for (const QString &part : change.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0);
        const QString value = part.section(QLatin1Char('='), 1);
        if (key == QLatin1String("sku"))
            r.sku = value;
        else if (key == QLatin1String("name"))
            r.name = value;
        else if (key == QLatin1String("barcode"))
            r.barcodes.append(value);
        else if (key == QLatin1String("max"))
            r.reorderMax = value.toInt();
        else if (key == QLatin1String("cost"))
            r.costMinor = value.toLongLong();
        else if (key == QLatin1String("currency"))
            r.costCurrency = value;
        else if (key == QLatin1String("lead"))
            r.leadTimeDays = value.toInt();
        else if (key == QLatin1String("suppliermin"))
            r.supplierMinQty = value.toInt();
        else if (key == QLatin1String("bin"))
            r.bins[0].binCodes.append(value);
    }
    QStringList named;
    for (const models::FieldError &e : models::validateProduct(r)) {
        named.append(e.field);
        QVERIFY(!e.message.isEmpty());
    }
    QCOMPARE(named, fields);
}

QTEST_GUILESS_MAIN(TestStockOperationRules)
#include "tst_stockoperationrules.moc"
