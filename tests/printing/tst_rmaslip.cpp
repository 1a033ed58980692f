#include "printing/documentrender.h"
#include "printing/rmaslip.h"

#include "printtestutil.h"

#include <QTemporaryDir>
#include <QtTest>

using printing::RmaSlipData;

namespace {

RmaSlipData sampleSlip(int lineCount)
{
    RmaSlipData s;
    s.shopName = QStringLiteral("Hearth & Field Homewares");
    s.rmaNumber = QStringLiteral("RMA-000123");
    s.orderNumber = QStringLiteral("#1042");
    s.customerName = QStringLiteral("Olivia Smith");
    s.reason = QStringLiteral("Damaged");
    s.authorisedAtUtc = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
    s.returnAddress = {QStringLiteral("Hearth & Field Homewares"),
                       QStringLiteral("Returns, Leeds warehouse"),
                       QStringLiteral("Unit 4, Aire Valley Park"),
                       QString(),
                       QStringLiteral("Leeds"),
                       QString(),
                       QStringLiteral("LS10 1AB"),
                       QStringLiteral("GB"),
                       QString()};
    for (int i = 1; i <= lineCount; ++i)
        s.lines.append({QStringLiteral("MUG-%1").arg(i, 3, 10, QLatin1Char('0')),
                        QStringLiteral("Stoneware mug, speckled glaze %1").arg(i), 1 + i % 2});
    return s;
}

} // namespace

class TestRmaSlip : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void barcodesReadBack_data();
    void barcodesReadBack();
    void textOfTheSlip();
    void refusesWithoutNumber();
    void kitListsItsParts();

private:
    QTemporaryDir m_dir;
};

void TestRmaSlip::barcodesReadBack_data()
{
    QTest::addColumn<bool>("letter");
    QTest::addColumn<int>("dpi");
    QTest::newRow("A4 at 150 dpi") << false << 150;
    QTest::newRow("A4 at 300 dpi") << false << 300;
    QTest::newRow("Letter at 200 dpi") << true << 200;
}

void TestRmaSlip::barcodesReadBack()
{
    QFETCH(bool, letter);
    QFETCH(int, dpi);
    const RmaSlipData slip = sampleSlip(3);
    auto document = printing::rmaSlipDocument(slip, letter ? printing::PageSetup::letter()
                                                           : printing::PageSetup::a4());
    QVERIFY2(document.ok(), qPrintable(document.error()));
    QCOMPARE(document->pageCount(), 1);
    const QString pdf = m_dir.filePath(QStringLiteral("rma_%1_%2.pdf").arg(letter).arg(dpi));
    auto report = printing::writePdf(*document, pdf, slip.rmaNumber);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    printtest::keepShots(pdf, QStringLiteral("rma_slip_%1").arg(letter ? u"letter" : u"a4"));
    QCOMPARE(report->barcodes.size(), 2);
    const QImage page = printtest::rasterize(pdf, dpi);
    QVERIFY(!page.isNull());
    QList<printing::BarcodeKind> kinds;
    for (const printing::PlacedBarcode &placed : report->barcodes) {
        QCOMPARE(placed.content, slip.rmaNumber);
        QCOMPARE(printtest::readPlaced(page, placed, dpi), slip.rmaNumber);
        kinds.append(placed.kind);
    }
    QVERIFY(kinds.contains(printing::BarcodeKind::Code128));
    QVERIFY(kinds.contains(printing::BarcodeKind::QrCode));
    // A scanner pointed at the whole page finds both.
    QCOMPARE(
        printtest::readEach(page, {printing::BarcodeKind::Code128, printing::BarcodeKind::QrCode}),
        QStringList({slip.rmaNumber, slip.rmaNumber}));
}

void TestRmaSlip::textOfTheSlip()
{
    const RmaSlipData slip = sampleSlip(70); // enough lines for a second page
    auto document = printing::rmaSlipDocument(slip, printing::PageSetup::a4());
    QVERIFY(document.ok());
    QVERIFY(document->pageCount() >= 2);
    const QString pdf = m_dir.filePath(QStringLiteral("long.pdf"));
    QVERIFY(printing::writePdf(*document, pdf).ok());
    const QStringList pages = printtest::pdfText(pdf).split(u'\f', Qt::SkipEmptyParts);
    QCOMPARE(pages.size(), document->pageCount());
    for (int p = 0; p < pages.size(); ++p) {
        QVERIFY(pages.at(p).contains(QStringLiteral("RETURN AUTHORISATION")));
        QVERIFY(pages.at(p).contains(QStringLiteral("RMA-000123")));
        QVERIFY(pages.at(p).contains(QStringLiteral("Page %1 of %2").arg(p + 1).arg(pages.size())));
    }
    const QString all = pages.join(QLatin1Char('\n'));
    for (const printing::RmaSlipLine &l : slip.lines)
        QVERIFY2(all.contains(l.sku), qPrintable(l.sku));
    QVERIFY(pages.first().contains(QStringLiteral("Aire Valley Park")));
    QVERIFY(pages.first().contains(QStringLiteral("LS10 1AB")));
    QVERIFY(pages.first().contains(QStringLiteral("Order #1042")));
    QVERIFY(pages.first().contains(QStringLiteral("Reason: Damaged")));
    QVERIFY(pages.last().contains(QStringLiteral("HOW TO RETURN")));
}

void TestRmaSlip::refusesWithoutNumber()
{
    RmaSlipData slip = sampleSlip(1);
    slip.rmaNumber.clear();
    auto unauthorised = printing::rmaSlipDocument(slip, printing::PageSetup::a4());
    QVERIFY(!unauthorised.ok());
    QVERIFY(unauthorised.error().contains(QStringLiteral("authorise it first")));
    slip = sampleSlip(0);
    QVERIFY(!printing::rmaSlipDocument(slip, printing::PageSetup::a4()).ok());
}

void TestRmaSlip::kitListsItsParts()
{
    models::ReturnAuthorisation rma;
    rma.rmaNumber = QStringLiteral("RMA-000124");
    rma.orderNumber = QStringLiteral("#1043");
    rma.reason = QStringLiteral("changed_mind");
    models::ReturnLine kit;
    kit.sku = QStringLiteral("GIFT-01");
    kit.title = QStringLiteral("Gift set");
    kit.quantity = 1;
    kit.parts = {{1, QStringLiteral("MUG-01"), QStringLiteral("Mug"), 1, 400},
                 {2, QStringLiteral("COASTER-01"), QStringLiteral("Coaster"), 2, 50}};
    models::ReturnLine mug;
    mug.sku = QStringLiteral("MUG-02");
    mug.title = QStringLiteral("Tall mug");
    mug.quantity = 2;
    rma.lines = {kit, mug};
    const RmaSlipData slip = RmaSlipData::fromReturn(rma, QStringLiteral("Hearth & Field"));
    QCOMPARE(slip.lines.at(0).parts.size(), 2);
    QCOMPARE(slip.reason, QStringLiteral("Changed mind"));
    auto document = printing::rmaSlipDocument(slip, printing::PageSetup::a4());
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const QString pdf = m_dir.filePath(QStringLiteral("kit.pdf"));
    QVERIFY(printing::writePdf(*document, pdf).ok());
    printtest::keepShots(pdf, QStringLiteral("rma_slip_kit"));
    if (printtest::tool("pdftotext").isEmpty())
        QSKIP("pdftotext is not installed");
    const QString text = printtest::pdfText(pdf);
    const qsizetype at = text.indexOf(QStringLiteral("Gift set"));
    QVERIFY2(at >= 0, qPrintable(text));
    QVERIFY2(text.indexOf(QStringLiteral("contains 1 × Mug, 2 × Coaster")) > at, qPrintable(text));
    QCOMPARE(text.count(QStringLiteral("contains")), 1);
    QVERIFY(text.contains(QStringLiteral("3 item(s)"))); // kits count as one item each
}

QTEST_MAIN(TestRmaSlip)
#include "tst_rmaslip.moc"
