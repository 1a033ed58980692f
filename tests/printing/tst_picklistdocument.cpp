#include "printing/documentrender.h"
#include "printing/picklistdocument.h"

#include "printtestutil.h"

#include <QTemporaryDir>
#include <QtTest>

using printing::PickListData;
using printing::PickRow;

namespace {

// Bins deliberately not in alphabetical order: the list keeps the walking
// order it is given.
PickListData batchList(int rowCount)
{
    PickListData l;
    l.listId = QStringLiteral("PL-000042");
    l.locationName = QStringLiteral("Main warehouse");
    l.createdUtc = QDateTime(QDate(2024, 5, 17), QTime(8, 30), Qt::UTC);
    l.picker = QStringLiteral("Sam");
    for (int s = 1; s <= 4; ++s)
        l.totes.append({s, QStringLiteral("PL42-S%1").arg(s, 2, 10, QLatin1Char('0')),
                        QStringLiteral("#10%1").arg(s + 10)});
    const QStringList gtins = {QStringLiteral("4006381333931"), QStringLiteral("036000291452"),
                               QString(), QStringLiteral("5012345678900")};
    for (int i = 0; i < rowCount; ++i) {
        PickRow row;
        row.binCode = QStringLiteral("%1-%2-%3")
                          .arg(QChar(u'A' + (i * 7) % 5))
                          .arg((i * 13) % 20 + 1, 2, 10, QLatin1Char('0'))
                          .arg(i % 4 + 1);
        row.sku = QStringLiteral("SKU-%1").arg(100 + i);
        row.title =
            QStringLiteral("Product %1").arg(i) +
            (i % 5 == 0 ? QStringLiteral(", long name with size and colour variants") : QString());
        row.productBarcode = gtins.at(i % gtins.size());
        row.allocations.append({i % 4 + 1, 1 + i % 2});
        if (i % 3 == 0)
            row.allocations.append({(i + 1) % 4 + 1, 2});
        l.rows.append(row);
    }
    return l;
}

} // namespace

class TestPickListDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void barcodesReadBack_data();
    void barcodesReadBack();
    void rowsInGivenOrder();
    void singleOrder();
    void refusals();

private:
    QTemporaryDir m_dir;
};

void TestPickListDocument::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (printtest::tool("pdftotext").isEmpty() || printtest::tool("pdftoppm").isEmpty())
        QSKIP("poppler-utils (pdftotext, pdftoppm) is not installed");
}

void TestPickListDocument::barcodesReadBack_data()
{
    QTest::addColumn<int>("dpi");
    QTest::newRow("300 dpi") << 300;
    QTest::newRow("203 dpi") << 203;
}

// The list id on every page, each slot's drop code and each product code
// read back exactly where they were printed.
void TestPickListDocument::barcodesReadBack()
{
    QFETCH(int, dpi);
    const PickListData list = batchList(30);
    auto document = printing::pickListDocument(list, printing::PageSetup::a4());
    QVERIFY2(document.ok(), qPrintable(document.error()));
    QVERIFY(document->pageCount() >= 2);
    const QString pdf = m_dir.filePath(QStringLiteral("batch_%1.pdf").arg(dpi));
    auto report = printing::writePdf(*document, pdf);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    if (dpi == 300)
        printtest::keepShots(pdf, QStringLiteral("pick_list_batch"));

    QList<QImage> pages;
    for (int p = 1; p <= document->pageCount(); ++p)
        pages.append(printtest::rasterize(pdf, dpi, p));
    int listCodes = 0;
    QStringList slotCodes;
    int productCodes = 0;
    for (const printing::PlacedBarcode &placed : report->barcodes) {
        QCOMPARE(printtest::readPlaced(pages.at(placed.page), placed, dpi), placed.content);
        if (placed.content == list.listId)
            ++listCodes;
        else if (placed.content.startsWith(QStringLiteral("PL42-S")))
            slotCodes.append(placed.content);
        else
            ++productCodes;
    }
    QCOMPARE(listCodes, document->pageCount());
    QCOMPARE(slotCodes, (QStringList{QStringLiteral("PL42-S01"), QStringLiteral("PL42-S02"),
                                     QStringLiteral("PL42-S03"), QStringLiteral("PL42-S04")}));
    QCOMPARE(productCodes, list.rows.size());
}

void TestPickListDocument::rowsInGivenOrder()
{
    const PickListData list = batchList(30);
    auto document = printing::pickListDocument(list, printing::PageSetup::letter());
    QVERIFY(document.ok());
    const QString pdf = m_dir.filePath(QStringLiteral("order.pdf"));
    QVERIFY(printing::writePdf(*document, pdf).ok());
    const QString text = printtest::pdfText(pdf);
    // Bins and SKUs each appear in the given sequence (a wrapped item cell can
    // put its SKU a text line above its bin, so they are followed separately).
    qsizetype binAt = 0;
    qsizetype skuAt = 0;
    for (const PickRow &row : list.rows) {
        binAt = text.indexOf(row.binCode, binAt);
        QVERIFY2(binAt >= 0, qPrintable(row.binCode));
        skuAt = text.indexOf(row.sku, skuAt);
        QVERIFY2(skuAt >= 0, qPrintable(row.sku));
    }
    QVERIFY(text.contains(QStringLiteral("Slot 1:")));
    QVERIFY(text.contains(QStringLiteral("4 orders")));
    const QStringList pages = text.split(u'\f', Qt::SkipEmptyParts);
    QCOMPARE(pages.size(), document->pageCount());
    for (int p = 0; p < pages.size(); ++p) {
        QVERIFY(pages.at(p).contains(QStringLiteral("BATCH PICK LIST PL-000042")));
        QVERIFY(pages.at(p).contains(QStringLiteral("Page %1 of %2").arg(p + 1).arg(pages.size())));
    }
}

void TestPickListDocument::singleOrder()
{
    PickListData list = batchList(6);
    list.listId = QStringLiteral("PL-000043");
    list.totes = {{1, QStringLiteral("PL43-S01"), QStringLiteral("#1011")}};
    for (PickRow &row : list.rows)
        row.allocations = {{1, 2}};
    auto document = printing::pickListDocument(list, printing::PageSetup::a4());
    QVERIFY2(document.ok(), qPrintable(document.error()));
    QCOMPARE(document->pageCount(), 1);
    const QString pdf = m_dir.filePath(QStringLiteral("single.pdf"));
    auto report = printing::writePdf(*document, pdf);
    QVERIFY(report.ok());
    printtest::keepShots(pdf, QStringLiteral("pick_list_single"));
    const QString text = printtest::pdfText(pdf);
    QVERIFY(text.contains(QStringLiteral("PICK LIST · ORDER #1011")));
    QVERIFY(!text.contains(QStringLiteral("Into slots")));
    QVERIFY(!text.contains(QStringLiteral("SLOTS")));
    const QImage page = printtest::rasterize(pdf, 300);
    for (const printing::PlacedBarcode &placed : report->barcodes)
        QCOMPARE(printtest::readPlaced(page, placed, 300), placed.content);
    QCOMPARE(report->barcodes.first().content, list.listId);
}

void TestPickListDocument::refusals()
{
    PickListData list = batchList(3);
    list.rows[1].allocations.append({9, 1});
    auto refused = printing::pickListDocument(list, printing::PageSetup::a4());
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QStringLiteral("SKU-101 is allocated to slot 9")),
             qPrintable(refused.error()));

    list = batchList(3);
    list.totes[2].code = QStringLiteral("S\u00e9");
    QVERIFY(!printing::pickListDocument(list, printing::PageSetup::a4()).ok());
    list = batchList(3);
    list.totes.clear();
    QVERIFY(!printing::pickListDocument(list, printing::PageSetup::a4()).ok());

    // A product code too long for its column prints as text; the list still prints.
    list = batchList(3);
    list.rows[0].productBarcode = QString(60, u'X');
    auto document = printing::pickListDocument(list, printing::PageSetup::a4());
    QVERIFY(document.ok());
    const QImage page = printing::renderPage(*document, 0, 150);
    QVERIFY(!page.isNull());
    QVERIFY(printing::writePdf(*document, m_dir.filePath(QStringLiteral("long.pdf"))).ok());
}

QTEST_MAIN(TestPickListDocument)
#include "tst_picklistdocument.moc"
