#include "printing/documentrender.h"
#include "printing/packingslip.h"

#include "printtestutil.h"

#include <QTemporaryDir>
#include <QtTest>

using printing::PackingSlipData;

namespace {

PackingSlipData sampleSlip(int lineCount)
{
    PackingSlipData s;
    s.shopName = QStringLiteral("Acme Goods");
    s.shopAddress = {QString(),
                     QString(),
                     QStringLiteral("1 Warehouse Rd"),
                     QString(),
                     QStringLiteral("Chicago"),
                     QStringLiteral("IL"),
                     QStringLiteral("60601"),
                     QStringLiteral("US"),
                     QString()};
    s.shopContact = QStringLiteral("help@acme.example · acme.example");
    s.orderNumber = QStringLiteral("#1002");
    s.orderDateUtc = QDateTime(QDate(2024, 5, 15), QTime(12, 0), Qt::UTC);
    s.channel = QStringLiteral("Shopify");
    s.shipTo = {QStringLiteral("Lee Sample"),
                QString(),
                QStringLiteral("7 Example Ave"),
                QString(),
                QStringLiteral("Austin"),
                QStringLiteral("TX"),
                QStringLiteral("73301"),
                QStringLiteral("US"),
                QString()};
    s.billTo = {QStringLiteral("Pat Buyer"),
                QStringLiteral("Buyer Corp"),
                QStringLiteral("99 Billing Blvd"),
                QString(),
                QStringLiteral("Denver"),
                QStringLiteral("CO"),
                QStringLiteral("80202"),
                QStringLiteral("US"),
                QString()};
    const QString usd = QStringLiteral("USD");
    qint64 subtotal = 0;
    for (int i = 1; i <= lineCount; ++i) {
        const int qty = 1 + i % 3;
        const qint64 unit = 499 + 100 * i;
        QString title = QStringLiteral("Widget model %1").arg(i);
        if (i % 7 == 0)
            title += QStringLiteral(" — extra long title with colour, size and a note that wraps "
                                    "onto a second line in the item column");
        s.lines.append({QStringLiteral("SKU-%1").arg(i, 4, 10, QLatin1Char('0')), title, qty,
                        models::Money(unit, usd), models::Money(unit * qty, usd)});
        subtotal += unit * qty;
    }
    s.subtotal = models::Money(subtotal, usd);
    s.shipping = models::Money(895, usd);
    s.tax = models::Money(0, usd);
    s.discount = models::Money(0, usd);
    s.total = models::Money(subtotal + 895, usd);
    s.returnInstructions =
        QStringLiteral("Changed your mind? Return unused items within 30 days. Scan the code or "
                       "visit the link to print a free return label.");
    s.returnUrl = QStringLiteral("https://acme.example/returns?order=1002&zip=73301");
    s.giftMessage = QStringLiteral("Happy birthday, Lee! Love, Pat");
    return s;
}

} // namespace

class TestPackingSlip : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pagesAndLines_data();
    void pagesAndLines();
    void returnCodeScans();
    void giftHidesPrices();
    void refusals();
    void kitShowsItsParts();

private:
    QTemporaryDir m_dir;
};

void TestPackingSlip::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (printtest::tool("pdftotext").isEmpty() || printtest::tool("pdftoppm").isEmpty())
        QSKIP("poppler-utils (pdftotext, pdftoppm) is not installed");
}

void TestPackingSlip::pagesAndLines_data()
{
    QTest::addColumn<int>("lines");
    QTest::addColumn<bool>("letter");
    QTest::addColumn<int>("pages");
    // 60 rows of about 6.5 mm (every 7th wraps) do not fit the ~180 mm left
    // under the addresses on page 1, nor the rest on page 2.
    QTest::newRow("1 line a4") << 1 << false << 1;
    QTest::newRow("1 line letter") << 1 << true << 1;
    QTest::newRow("60 lines a4") << 60 << false << 3;
    QTest::newRow("60 lines letter") << 60 << true << 3;
}

// Every line appears once, in order; every page repeats the header, the
// table header where the table continues and "Page n of m".
void TestPackingSlip::pagesAndLines()
{
    QFETCH(int, lines);
    QFETCH(bool, letter);
    QFETCH(int, pages);

    const PackingSlipData slip = sampleSlip(lines);
    auto document = printing::packingSlipDocument(slip, letter ? printing::PageSetup::letter()
                                                               : printing::PageSetup::a4());
    QVERIFY2(document.ok(), qPrintable(document.error()));
    QCOMPARE(document->pageCount(), pages);
    const QString name =
        QStringLiteral("packing_slip_%1_%2").arg(lines).arg(letter ? u"letter" : u"a4");
    const QString pdf = m_dir.filePath(name + QStringLiteral(".pdf"));
    auto report = printing::writePdf(*document, pdf);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    printtest::keepShots(pdf, name);
    QCOMPARE(printtest::pdfPageCount(pdf), pages);
    const QSizeF size = printtest::pdfPageSizePt(pdf);
    QVERIFY(qAbs(size.width() - (letter ? 612 : 595.276)) < 0.5);

    const QStringList texts = printtest::pdfText(pdf).split(u'\f', Qt::SkipEmptyParts);
    QCOMPARE(texts.size(), pages);
    int next = 1;
    for (int p = 0; p < pages; ++p) {
        const QString &text = texts.at(p);
        QVERIFY(text.contains(QStringLiteral("PACKING SLIP")));
        QVERIFY(text.contains(QStringLiteral("Order #1002")));
        QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(p + 1).arg(pages)),
                 qPrintable(text));
        qsizetype at = 0;
        const int first = next;
        while (next <= lines) {
            const QString sku = QStringLiteral("SKU-%1").arg(next, 4, 10, QLatin1Char('0'));
            const qsizetype found = text.indexOf(sku, at);
            if (found < 0)
                break;
            at = found + sku.size();
            ++next;
        }
        if (next > first)
            QVERIFY2(text.contains(QStringLiteral("Unit price")), "table header repeated");
    }
    QCOMPARE(next, lines + 1); // every SKU, in order, none missing
    QVERIFY(texts.first().contains(QStringLiteral("Pat Buyer")));
    QVERIFY(texts.last().contains(QStringLiteral("Total")));
    QVERIFY(texts.last().contains(slip.total.toDisplayString()));
}

void TestPackingSlip::returnCodeScans()
{
    const PackingSlipData slip = sampleSlip(60);
    auto document = printing::packingSlipDocument(slip, printing::PageSetup::a4());
    QVERIFY(document.ok());
    const QString pdf = m_dir.filePath(QStringLiteral("returns.pdf"));
    auto report = printing::writePdf(*document, pdf);
    QVERIFY(report.ok());
    QCOMPARE(report->barcodes.size(), 1);
    const printing::PlacedBarcode &qr = report->barcodes.first();
    QCOMPARE(qr.page, document->pageCount() - 1);
    for (int dpi : {150, 300}) {
        const QImage page = printtest::rasterize(pdf, dpi, qr.page + 1);
        QVERIFY(!page.isNull());
        QCOMPARE(printtest::readPlaced(page, qr, dpi), slip.returnUrl);
        QVERIFY(
            printtest::readEach(page, {printing::BarcodeKind::QrCode}).contains(slip.returnUrl));
    }
}

void TestPackingSlip::giftHidesPrices()
{
    const PackingSlipData slip = sampleSlip(12);
    auto gift = printing::packingSlipDocument(slip, printing::PageSetup::letter(), {true});
    QVERIFY(gift.ok());
    const QString pdf = m_dir.filePath(QStringLiteral("gift.pdf"));
    QVERIFY(printing::writePdf(*gift, pdf).ok());
    printtest::keepShots(pdf, QStringLiteral("packing_slip_gift"));
    const QString text = printtest::pdfText(pdf);
    for (int i = 1; i <= 12; ++i)
        QVERIFY(text.contains(QStringLiteral("SKU-%1").arg(i, 4, 10, QLatin1Char('0'))));
    QVERIFY(!text.contains(u'$'));
    QVERIFY(!text.contains(QStringLiteral("Unit price")));
    QVERIFY(!text.contains(QStringLiteral("Subtotal")));
    QVERIFY(!text.contains(QStringLiteral("Pat Buyer"))); // billing stays private
    QVERIFY(text.contains(QStringLiteral("Happy birthday")));
    QVERIFY(text.contains(QStringLiteral("Lee Sample")));

    const QString priced = m_dir.filePath(QStringLiteral("priced.pdf"));
    auto normal = printing::packingSlipDocument(slip, printing::PageSetup::letter());
    QVERIFY(normal.ok());
    QVERIFY(printing::writePdf(*normal, priced).ok());
    const QString pricedText = printtest::pdfText(priced);
    QVERIFY(pricedText.contains(slip.lines.first().unitPrice.toDisplayString()));
    QVERIFY(!pricedText.contains(QStringLiteral("Happy birthday")));
}

void TestPackingSlip::refusals()
{
    PackingSlipData slip = sampleSlip(0);
    QVERIFY(!printing::packingSlipDocument(slip, printing::PageSetup::a4()).ok());
    slip = sampleSlip(1);
    slip.returnUrl = QString(8000, u'x');
    auto refused = printing::packingSlipDocument(slip, printing::PageSetup::a4());
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().startsWith(QStringLiteral("order #1002: return code")),
             qPrintable(refused.error()));
}

void TestPackingSlip::kitShowsItsParts()
{
    PackingSlipData slip = sampleSlip(2);
    const QString usd = QStringLiteral("USD");
    printing::PackingSlipLine kit{QStringLiteral("GIFT-01"), QStringLiteral("Gift set"), 1,
                                  models::Money(2999, usd), models::Money(2999, usd)};
    kit.parts = {{1, QStringLiteral("MUG-01"), QStringLiteral("Mug"), 1, 400},
                 {2, QStringLiteral("COASTER-01"), QStringLiteral("Coaster"), 2, 50}};
    slip.lines.insert(1, kit);
    for (bool gift : {false, true}) {
        auto document = printing::packingSlipDocument(slip, printing::PageSetup::a4(), {gift});
        QVERIFY2(document.ok(), qPrintable(document.error()));
        const QString name =
            gift ? QStringLiteral("packing_slip_kit_gift") : QStringLiteral("packing_slip_kit");
        const QString pdf = m_dir.filePath(name + QStringLiteral(".pdf"));
        QVERIFY(printing::writePdf(*document, pdf).ok());
        printtest::keepShots(pdf, name);
        const QString text = printtest::pdfText(pdf);
        const qsizetype at = text.indexOf(QStringLiteral("Gift set"));
        QVERIFY2(at >= 0, qPrintable(text));
        // Under the kit's name, before the next line.
        const qsizetype parts = text.indexOf(QStringLiteral("contains 1 × Mug, 2 × Coaster"));
        QVERIFY2(parts > at, qPrintable(text));
        QVERIFY2(parts < text.indexOf(QStringLiteral("SKU-0002")), qPrintable(text));
        QCOMPARE(text.count(QStringLiteral("contains")), 1);
    }
}

QTEST_MAIN(TestPackingSlip)
#include "tst_packingslip.moc"
