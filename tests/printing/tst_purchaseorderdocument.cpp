// The purchase order the purchasing screen sends: drawn from a plain struct, its
// PO number read back as Code 128 from the image and the PDF on every page, the
// figures in the PDF text, and the refusals.

#include "documentcheck.h"
#include "printing/purchaseorderdocument.h"

#include <QTemporaryDir>

using models::Money;
using printing::PurchaseOrderDocumentData;

namespace {

PurchaseOrderDocumentData sample(int lines)
{
    PurchaseOrderDocumentData po;
    po.poNumber = QStringLiteral("PO-2026-0042");
    po.buyerName = QStringLiteral("Hearth & Field Homewares");
    po.buyerEmail = QStringLiteral("buying@hearthfield.example");
    po.supplierName = QStringLiteral("Dales Pottery Ltd");
    po.supplierAddress.line1 = QStringLiteral("Mill Lane");
    po.supplierAddress.city = QStringLiteral("Skipton");
    po.supplierAddress.postcode = QStringLiteral("BD23 1AA");
    po.supplierAddress.country = QStringLiteral("GB");
    po.supplierEmail = QStringLiteral("orders@dalespottery.example");
    po.shipToName = QStringLiteral("Leeds warehouse");
    po.shipTo.line1 = QStringLiteral("Unit 4, Aire Valley Park");
    po.shipTo.city = QStringLiteral("Leeds");
    po.shipTo.postcode = QStringLiteral("LS10 1AB");
    po.shipTo.country = QStringLiteral("GB");
    po.orderDate = QDate(2026, 6, 1);
    po.expectedDate = QDate(2026, 6, 15);
    po.currency = QStringLiteral("GBP");
    for (int i = 0; i < lines; ++i)
        po.lines.append({QStringLiteral("HF-MUG-%1-SAG").arg(i + 1, 4, 10, QLatin1Char('0')),
                         QStringLiteral("DP-%1").arg(100 + i),
                         QStringLiteral("Hearth Stoneware Mug, 350 ml – Sage"), 24,
                         Money(425, QStringLiteral("GBP"))});
    po.shipping = Money(1500, QStringLiteral("GBP"));
    po.notes = QStringLiteral("Deliver weekdays 08:00–15:00. Pallets must not exceed 1.2 m.");
    return po;
}

} // namespace

class TestPurchaseOrderDocument : public QObject
{
    Q_OBJECT

private slots:
    void rendersAndReadsBack();
    void longOrderRepeatsTheNumber();
    void refusals();

private:
    QTemporaryDir m_dir;
};

void TestPurchaseOrderDocument::rendersAndReadsBack()
{
    const PurchaseOrderDocumentData po = sample(3);
    QCOMPARE(po.subtotal(), Money(3 * 24 * 425, QStringLiteral("GBP")));
    QCOMPARE(po.total(), Money(3 * 24 * 425 + 1500, QStringLiteral("GBP")));
    auto document = printing::purchaseOrderDocument(po);
    QVERIFY2(document.ok(), qPrintable(document.error()));
    QCOMPARE(document->pageCount(), 1);
    const QString pdf = m_dir.filePath(QStringLiteral("po.pdf"));
    printtest::verifyBarcodesReadBack(document.value(), pdf, 1);
    printing::RenderReport report;
    printing::renderPage(document.value(), 0, 100, &report);
    QCOMPARE(report.barcodes.first().content, po.poNumber);
    QCOMPARE(report.barcodes.first().kind, printing::BarcodeKind::Code128);

    if (printtest::tool("pdftotext").isEmpty())
        return;
    printtest::keepShots(pdf, QStringLiteral("purchase-order"));
    const QString text = printtest::pdfText(pdf);
    for (const QString &s :
         {QStringLiteral("Dales Pottery Ltd"), QStringLiteral("DP-101"),
          QStringLiteral("HF-MUG-0003-SAG"), QStringLiteral("15 Jun 2026"),
          QStringLiteral("£306.00"), QStringLiteral("£321.00"), QStringLiteral("Leeds warehouse")})
        QVERIFY2(text.contains(s), qPrintable(s + QStringLiteral(" not in:\n") + text));
}

void TestPurchaseOrderDocument::longOrderRepeatsTheNumber()
{
    auto document = printing::purchaseOrderDocument(sample(60));
    QVERIFY(document.ok());
    QVERIFY(document->pageCount() >= 2);
    printtest::verifyBarcodesReadBack(document.value(), m_dir.filePath(QStringLiteral("long.pdf")),
                                      document->pageCount());
}

void TestPurchaseOrderDocument::refusals()
{
    PurchaseOrderDocumentData po = sample(0);
    QVERIFY(printing::purchaseOrderDocument(po).error().contains(QStringLiteral("no lines")));
    po = sample(2);
    po.poNumber.clear();
    QVERIFY(!printing::purchaseOrderDocument(po).ok());
    po = sample(2);
    po.lines[1].unitCost = Money(425, QStringLiteral("EUR"));
    QVERIFY2(
        printing::purchaseOrderDocument(po).error().contains(QStringLiteral("HF-MUG-0002-SAG")),
        qPrintable(printing::purchaseOrderDocument(po).error()));
}

QTEST_MAIN(TestPurchaseOrderDocument)
#include "tst_purchaseorderdocument.moc"
