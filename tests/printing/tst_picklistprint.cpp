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

// List 13: slot 1 (#201) holds GIFT-01 ×2 and a coaster of its own, slot 2 (#202) one
// GIFT-01; a gift set is 1 × MUG-01 and 2 × COASTER-01. `removeSecond` takes #202 off.
models::PickListDetail kitList(bool removeSecond)
{
    models::PickListDetail d;
    d.summary.id = 13;
    d.summary.code = models::pickListCode(13);
    d.summary.locationName = QStringLiteral("Leeds warehouse");
    d.summary.createdUtc = QDateTime(QDate(2026, 11, 24), QTime(9, 30), Qt::UTC);
    for (int slot = 1; slot <= 2; ++slot) {
        models::PickListOrder o;
        o.slot = slot;
        o.orderId = 200 + slot;
        o.orderNumber = QStringLiteral("#20%1").arg(slot);
        o.removed = removeSecond && slot == 2;
        d.orders.append(o);
    }
    const QString gift = QStringLiteral("GIFT-01");
    models::PickLine coasters;
    coasters.id = coasters.lineNo = 1;
    coasters.productId = 10;
    coasters.sku = QStringLiteral("COASTER-01");
    coasters.title = QStringLiteral("Cork coaster");
    coasters.barcode = QStringLiteral("4006381333948");
    coasters.binId = 4;
    coasters.binCode = QStringLiteral("A-5");
    coasters.allocations = {
        {1, 201, 2011, 4, gift}, {1, 201, 2012, 1, {}}, {2, 202, 2021, 2, gift}};
    coasters.quantity = 7;
    models::PickLine mugs;
    mugs.id = mugs.lineNo = 2;
    mugs.productId = 1;
    mugs.sku = QStringLiteral("MUG-01");
    mugs.title = QStringLiteral("Stoneware mug");
    mugs.barcode = QStringLiteral("5012345678900");
    mugs.binId = 1;
    mugs.binCode = QStringLiteral("A-10");
    mugs.allocations = {{1, 201, 2011, 2, gift}, {2, 202, 2021, 1, gift}};
    mugs.quantity = 3;
    d.lines = {coasters, mugs};
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
    void kitPartsAreMarked();
    void kitPartsOnThePdf();

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

void TestPickListPrint::kitPartsAreMarked()
{
    const printing::PickListData data = printing::pickListPrintData(kitList(false));
    QCOMPARE(data.rows.size(), 2);
    const printing::PickRow &coasters = data.rows.at(0);
    QCOMPARE(coasters.kitNote, QStringLiteral("6 for GIFT-01, 1 on its own"));
    QCOMPARE(coasters.totalQuantity(), 7);
    // Slot 1's share stays in two parts: the kit's coasters and the one of its own.
    QCOMPARE(coasters.allocations.size(), 3);
    QCOMPARE(coasters.allocations.at(0).quantity, 4);
    QCOMPARE(coasters.allocations.at(0).kitSku, QStringLiteral("GIFT-01"));
    QCOMPARE(coasters.allocations.at(1).quantity, 1);
    QVERIFY(coasters.allocations.at(1).kitSku.isEmpty());
    QCOMPARE(data.rows.at(1).kitNote, QStringLiteral("for GIFT-01"));

    // With #202 taken off the list its gift set's parts go too.
    const printing::PickListData fewer = printing::pickListPrintData(kitList(true));
    QCOMPARE(fewer.rows.at(0).totalQuantity(), 5);
    QCOMPARE(fewer.rows.at(0).kitNote, QStringLiteral("4 for GIFT-01, 1 on its own"));
    QCOMPARE(fewer.rows.at(1).totalQuantity(), 2);
}

void TestPickListPrint::kitPartsOnThePdf()
{
    if (printtest::tool("pdftotext").isEmpty())
        QSKIP("poppler-utils (pdftotext) is not installed");
    for (const bool single : {false, true}) {
        printing::PickListData data = printing::pickListPrintData(kitList(single));
        const auto document = printing::pickListDocument(data, printing::PageSetup::a4());
        QVERIFY2(document.ok(), qPrintable(document.error()));
        const QString name =
            single ? QStringLiteral("pick_list_kit_single") : QStringLiteral("pick_list_kit_batch");
        const QString pdf = m_dir.filePath(name + QStringLiteral(".pdf"));
        const auto report = printing::writePdf(*document, pdf, data.listId);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        printtest::keepShots(pdf, name);
        const QString text = printtest::pdfText(pdf).simplified();
        // Each row's note under the item, and in a batch each slot's share of the kits.
        if (single) {
            QVERIFY2(text.contains(QStringLiteral("4 for GIFT-01, 1 on its own")),
                     qPrintable(text));
            QCOMPARE(text.count(QStringLiteral("for GIFT-01")), 2);
        } else {
            QVERIFY2(text.contains(QStringLiteral("6 for GIFT-01, 1 on its own")),
                     qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("Slot 1: 4 for GIFT-01")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("Slot 1: 1 on its own")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("Slot 2: 2 for GIFT-01")), qPrintable(text));
            QCOMPARE(text.count(QStringLiteral("for GIFT-01")), 6);
        }
    }
}

QTEST_MAIN(TestPickListPrint)
#include "tst_picklistprint.moc"
