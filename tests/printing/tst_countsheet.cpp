#include "printing/countsheetdocument.h"
#include "printing/documentrender.h"

#include "printtestutil.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {

models::StockCount sheet(int lines)
{
    models::StockCount c;
    c.id = 37;
    c.locationCode = QStringLiteral("LDS");
    c.locationName = QStringLiteral("Leeds warehouse");
    c.createdUtc = QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC);
    c.user = QStringLiteral("anna");
    const QStringList codes = {QStringLiteral("5012345678900"), QStringLiteral("036000291452"),
                               QString()};
    for (int i = 0; i < lines; ++i) {
        models::CountLine l;
        l.sku = QStringLiteral("SKU-%1").arg(100 + i);
        l.name = QStringLiteral("Product %1").arg(i);
        l.barcode = codes.at(i % codes.size());
        l.binCode = QStringLiteral("A-%1-1").arg(i / 3 + 1, 2, 10, QLatin1Char('0'));
        l.expected = 7;
        c.lines.append(l);
    }
    return c;
}

} // namespace

class TestCountSheet : public QObject
{
    Q_OBJECT

private slots:
    void readsBack_data();
    void readsBack();
    void blindAndInWalkOrder();
    void emptyCountRefused();
};

void TestCountSheet::readsBack_data()
{
    QTest::addColumn<int>("lines");
    QTest::addColumn<int>("pages");
    QTest::newRow("one bin") << 3 << 1;
    QTest::newRow("a whole location over pages") << 60 << 4;
}

void TestCountSheet::readsBack()
{
    QFETCH(int, lines);
    QFETCH(int, pages);
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("count.pdf"));
    const auto doc = printing::countSheetDocument(sheet(lines), printing::PageSetup::a4());
    QVERIFY2(doc.ok(), qPrintable(doc.error()));
    const auto written = printing::writePdf(doc.value(), pdf);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    QCOMPARE(printtest::pdfPageCount(pdf), pages);
    printtest::keepShots(pdf, QStringLiteral("count-sheet-%1").arg(lines));
    // Every barcode on the first and last pages, cut out of the rendered PDF with its
    // quiet zone, scans as what it was meant to be: the count's code on every page,
    // the products' GTINs, and the SKU as Code 128 where a product has no GTIN.
    QStringList placedFirst;
    QStringList placedLast;
    for (int which = 0; which < 2; ++which) {
        const int page = which == 0 ? 1 : pages;
        const QImage image = printtest::rasterize(pdf, 300, page);
        QVERIFY(!image.isNull());
        for (const printing::PlacedBarcode &placed : written->barcodes) {
            if (placed.page != page - 1)
                continue;
            QCOMPARE(printtest::readPlaced(image, placed, 300), placed.content);
            (which == 0 ? placedFirst : placedLast).append(placed.content);
        }
    }
    QVERIFY(placedFirst.contains(QStringLiteral("COUNT-37")));
    QVERIFY(placedFirst.contains(QStringLiteral("5012345678900")));
    QVERIFY(placedFirst.contains(QStringLiteral("036000291452")));
    QVERIFY(placedFirst.contains(QStringLiteral("SKU-102")));
    QVERIFY(placedLast.contains(QStringLiteral("COUNT-37")));
}

void TestCountSheet::blindAndInWalkOrder()
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("count.pdf"));
    models::StockCount c = sheet(6);
    c.lines[0].expected = 9137; // must not be printed: the count is blind
    const auto doc = printing::countSheetDocument(c, printing::PageSetup::a4());
    QVERIFY(doc.ok());
    QVERIFY(printing::writePdf(doc.value(), pdf).ok());
    const QString text = printtest::pdfText(pdf);
    QVERIFY(!text.contains(QStringLiteral("9137")));
    QVERIFY(text.contains(QStringLiteral("CYCLE COUNT 37")));
    QVERIFY(text.contains(QStringLiteral("Counted by")));
    // Rows in the order given (the walk), not re-sorted.
    QVERIFY(text.indexOf(QStringLiteral("SKU-100")) < text.indexOf(QStringLiteral("SKU-103")));
    QVERIFY(text.indexOf(QStringLiteral("A-01-1")) < text.indexOf(QStringLiteral("A-02-1")));
}

void TestCountSheet::emptyCountRefused()
{
    models::StockCount c = sheet(0);
    c.binCode = QStringLiteral("Z-09-9");
    const auto doc = printing::countSheetDocument(c, printing::PageSetup::a4());
    QVERIFY(!doc.ok());
    QVERIFY2(doc.error().contains(QStringLiteral("in bin Z-09-9")), qPrintable(doc.error()));
}

QTEST_MAIN(TestCountSheet)
#include "tst_countsheet.moc"
