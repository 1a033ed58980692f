#include "models/picklistcode.h"
#include "printing/documentrender.h"
#include "printing/picklistprint.h"

#include "printtestutil.h"

#include <QTemporaryDir>
#include <QTest>

namespace {

// List 12: four orders in slots 1..4, the third taken off by a short pick.
models::PickListDetail storedList()
{
    models::PickListDetail d;
    d.summary.id = 12;
    d.summary.code = models::pickListCode(12);
    d.summary.locationName = QStringLiteral("Leeds warehouse");
    d.summary.createdUtc = QDateTime(QDate(2026, 11, 24), QTime(9, 30), Qt::UTC);
    d.summary.user = QStringLiteral("mia.packer");
    for (int slot = 1; slot <= 4; ++slot) {
        models::PickListOrder o;
        o.slot = slot;
        o.orderId = 100 + slot;
        o.orderNumber = QStringLiteral("#10%1").arg(slot);
        o.removed = slot == 3;
        d.orders.append(o);
    }
    const auto line = [](int no, const char *bin, const char *sku, const char *barcode,
                         QList<std::pair<int, int>> shares) {
        models::PickLine l;
        l.id = no;
        l.lineNo = no;
        l.productId = no;
        l.sku = QString::fromLatin1(sku);
        l.title = QStringLiteral("Stoneware mug, %1").arg(no);
        l.barcode = QString::fromLatin1(barcode);
        l.binCode = QString::fromLatin1(bin);
        if (*bin)
            l.binId = no;
        qint64 orderLine = no * 10;
        for (const auto &[slot, quantity] : shares) {
            l.allocations.append({slot, 100 + slot, ++orderLine, quantity});
            l.quantity += quantity;
        }
        return l;
    };
    d.lines = {
        line(1, "A-2", "TEE-M", "5012345678900", {{1, 1}, {2, 2}}),
        line(2, "A-10", "MUG-01", "", {{1, 1}, {1, 2}, {3, 1}, {4, 1}}),
        line(3, "B-1-9", "CAP-01", "036000291452", {{3, 2}}), // only the removed order
        line(4, "", "SOCK-3", "", {{4, 1}}),
    };
    return d;
}

} // namespace

// A stored pick list as it prints: slot barcodes a scanner reads back as
// "PL-000012-03", walking order kept, orders a short pick removed left out.
class TestPickListPrint : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void printData();
    void slotBarcodesReadBack();

private:
    QTemporaryDir m_dir;
};

void TestPickListPrint::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestPickListPrint::printData()
{
    const printing::PickListData data = printing::pickListPrintData(storedList());
    QCOMPARE(data.listId, QStringLiteral("PL-000012"));
    QCOMPARE(data.locationName, QStringLiteral("Leeds warehouse"));
    QCOMPARE(data.totes.size(), 3);
    QCOMPARE(data.totes.at(0).code, QStringLiteral("PL-000012-01"));
    QCOMPARE(data.totes.at(2).code, QStringLiteral("PL-000012-04"));
    QCOMPARE(data.totes.at(2).number, 4);
    QCOMPARE(data.totes.at(2).orderNumber, QStringLiteral("#104"));
    QCOMPARE(data.rows.size(), 3); // the cap went only to the removed order
    QCOMPARE(data.rows.at(0).binCode, QStringLiteral("A-2"));
    QCOMPARE(data.rows.at(1).sku, QStringLiteral("MUG-01"));
    QCOMPARE(data.rows.at(1).totalQuantity(), 4); // slot 3's unit left out
    QCOMPARE(data.rows.at(1).allocations.size(), 2);
    QCOMPARE(data.rows.at(1).allocations.at(0).slot, 1);
    QCOMPARE(data.rows.at(1).allocations.at(0).quantity, 3); // two order lines, one slot
    QCOMPARE(data.rows.at(2).binCode, QStringLiteral("—"));
    QCOMPARE(data.rows.at(2).productBarcode, QString());
}

void TestPickListPrint::slotBarcodesReadBack()
{
    if (printtest::tool("pdftoppm").isEmpty())
        QSKIP("poppler-utils (pdftoppm) is not installed");
    const auto document = printing::pickListDocument(printing::pickListPrintData(storedList()),
                                                     printing::PageSetup::a4());
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const QString pdf = m_dir.filePath(QStringLiteral("pl12.pdf"));
    const auto report = printing::writePdf(*document, pdf, QStringLiteral("PL-000012"));
    QVERIFY2(report.ok(), qPrintable(report.error()));
    printtest::keepShots(pdf, QStringLiteral("pick_list_stored"));
    const QImage page = printtest::rasterize(pdf, 300);
    QVERIFY(!page.isNull());
    QStringList slotCodes;
    for (const printing::PlacedBarcode &placed : report->barcodes) {
        QCOMPARE(printtest::readPlaced(page, placed, 300), placed.content);
        if (models::parseSlotBarcode(placed.content))
            slotCodes.append(placed.content);
    }
    QCOMPARE(slotCodes, (QStringList{QStringLiteral("PL-000012-01"), QStringLiteral("PL-000012-02"),
                                     QStringLiteral("PL-000012-04")}));
    const QString text = printtest::pdfText(pdf);
    QVERIFY2(text.contains(QStringLiteral("BATCH PICK LIST PL-000012")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("#103")));
}

QTEST_MAIN(TestPickListPrint)
#include "tst_picklistprint.moc"
