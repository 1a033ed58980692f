#include "printing/documentrender.h"
#include "printing/shippinglabel.h"

#include "printtestutil.h"

#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

using printing::BarcodeKind;
using printing::LabelData;
using printing::LabelStock;

Q_DECLARE_METATYPE(printing::BarcodeKind)
Q_DECLARE_METATYPE(printing::LabelStock)

namespace {

LabelData sampleLabel()
{
    LabelData l;
    l.shipFrom = {QStringLiteral("Acme Goods"),
                  QString(),
                  QStringLiteral("1 Warehouse Rd"),
                  QString(),
                  QStringLiteral("Chicago"),
                  QStringLiteral("IL"),
                  QStringLiteral("60601"),
                  QStringLiteral("US"),
                  QString()};
    l.shipTo = {QStringLiteral("Lee Sample"),
                QStringLiteral("Sample & Sons LLC"),
                QStringLiteral("7 Example Ave"),
                QStringLiteral("Suite 200"),
                QStringLiteral("Austin"),
                QStringLiteral("TX"),
                QStringLiteral("73301"),
                QStringLiteral("US"),
                QString()};
    l.carrier = QStringLiteral("UPS");
    l.service = QStringLiteral("Ground");
    l.trackingNumber = QStringLiteral("1Z999AA10123456784");
    l.orderNumber = QStringLiteral("#1002");
    l.orderReference = QStringLiteral("BR:shopify:5551234:1002");
    l.weightGrams = 1250;
    l.weightUnit = printing::WeightUnit::Pounds;
    l.parcelNumber = 1;
    l.parcelCount = 2;
    l.shipDate = QDate(2024, 5, 17);
    return l;
}

QString stockName(LabelStock stock)
{
    switch (stock) {
    case LabelStock::Label4x6:
        return QStringLiteral("label_4x6");
    case LabelStock::Label4x4:
        return QStringLiteral("label_4x4");
    case LabelStock::Roll62mm:
        return QStringLiteral("label_62mm");
    case LabelStock::A4FourUp:
        return QStringLiteral("label_a4_four");
    }
    return QString();
}

} // namespace

class TestShippingLabel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void barcodesReadBack_data();
    void barcodesReadBack();
    void pageSize_data();
    void pageSize();
    void longAddressShrinksInsideBox_data();
    void longAddressShrinksInsideBox();
    void longAddressLabelStillScans();
    void parcelsAndText();
    void refusals();

private:
    QTemporaryDir m_dir;
};

void TestShippingLabel::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestShippingLabel::barcodesReadBack_data()
{
    QTest::addColumn<LabelStock>("stock");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<BarcodeKind>("orderCode");
    QTest::addColumn<QString>("tracking");

    const QString ups = QStringLiteral("1Z999AA10123456784");
    const QString usps = QStringLiteral("9400100000000000000002");
    for (int dpi : {203, 300}) {
        const QByteArray d = QByteArray::number(dpi);
        QTest::newRow(("4x6 qr ups " + d).constData())
            << LabelStock::Label4x6 << dpi << BarcodeKind::QrCode << ups;
        QTest::newRow(("4x6 datamatrix usps " + d).constData())
            << LabelStock::Label4x6 << dpi << BarcodeKind::DataMatrix << usps;
        QTest::newRow(("4x4 qr usps " + d).constData())
            << LabelStock::Label4x4 << dpi << BarcodeKind::QrCode << usps;
        QTest::newRow(("4x4 datamatrix ups " + d).constData())
            << LabelStock::Label4x4 << dpi << BarcodeKind::DataMatrix << ups;
        QTest::newRow(("62mm qr ups " + d).constData())
            << LabelStock::Roll62mm << dpi << BarcodeKind::QrCode << ups;
        QTest::newRow(("a4 qr ups " + d).constData())
            << LabelStock::A4FourUp << dpi << BarcodeKind::QrCode << ups;
        QTest::newRow(("a4 datamatrix usps " + d).constData())
            << LabelStock::A4FourUp << dpi << BarcodeKind::DataMatrix << usps;
    }
}

// Printed through a PDF at the label printer's resolution, every barcode on
// the label reads back exactly, both cut out where it was placed and found by
// a scan of the whole page.
void TestShippingLabel::barcodesReadBack()
{
    QFETCH(LabelStock, stock);
    QFETCH(int, dpi);
    QFETCH(BarcodeKind, orderCode);
    QFETCH(QString, tracking);
    if (printtest::tool("pdftoppm").isEmpty())
        QSKIP("pdftoppm (poppler-utils) is not installed");

    LabelData label = sampleLabel();
    label.orderCodeKind = orderCode;
    label.trackingNumber = tracking;
    auto document = printing::shippingLabelDocument({label}, stock, dpi);
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const QString pdf =
        m_dir.filePath(QStringLiteral("%1_%2_%3.pdf")
                           .arg(stockName(stock))
                           .arg(dpi)
                           .arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_')));
    auto report = printing::writePdf(*document, pdf);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(report->barcodes.size(), 2);
    if (orderCode == BarcodeKind::QrCode)
        printtest::keepShots(pdf, stockName(stock) + QStringLiteral("_%1").arg(dpi));

    const QImage page = printtest::rasterize(pdf, dpi);
    QVERIFY(!page.isNull());
    for (const printing::PlacedBarcode &placed : report->barcodes) {
        const QString expected =
            placed.kind == BarcodeKind::Code128 ? tracking : label.orderReference;
        QCOMPARE(placed.content, expected);
        QCOMPARE(printtest::readPlaced(page, placed, dpi), expected);
        if (placed.kind == BarcodeKind::Code128) {
            // Thermal printers need at least 2 dots (0.25 mm at 203 dpi) per module.
            QVERIFY2(placed.moduleMm >= 0.25 - 1e-9, qPrintable(QString::number(placed.moduleMm)));
            // Not for the laser sheet, each module a whole number of printer dots.
            if (stock != LabelStock::A4FourUp) {
                const qreal dots = placed.moduleMm * dpi / 25.4;
                QVERIFY2(qAbs(dots - qRound(dots)) < 1e-6, qPrintable(QString::number(dots)));
            }
        }
    }
    // ZXing 1.4 finds a Data Matrix only near the middle of an image, so on a
    // whole page it is read where it was placed (above), like a hand scanner.
    const QStringList found =
        printtest::readEach(page, {BarcodeKind::Code128, BarcodeKind::QrCode});
    QVERIFY2(found.contains(tracking), qPrintable(found.join(u'|')));
    if (orderCode == BarcodeKind::QrCode)
        QVERIFY2(found.contains(label.orderReference), qPrintable(found.join(u'|')));
}

void TestShippingLabel::pageSize_data()
{
    QTest::addColumn<LabelStock>("stock");
    QTest::addColumn<QSizeF>("points");
    QTest::newRow("4x6") << LabelStock::Label4x6 << QSizeF(288, 432);
    QTest::newRow("4x4") << LabelStock::Label4x4 << QSizeF(288, 288);
    QTest::newRow("62mm x 100mm") << LabelStock::Roll62mm
                                  << QSizeF(62 / 25.4 * 72, 100 / 25.4 * 72);
    QTest::newRow("a4") << LabelStock::A4FourUp << QSizeF(595.276, 841.89);
}

void TestShippingLabel::pageSize()
{
    QFETCH(LabelStock, stock);
    QFETCH(QSizeF, points);

    auto document = printing::shippingLabelDocument({sampleLabel()}, stock);
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const QSizeF mm = document->pageSetup().sizeMm;
    QVERIFY(qAbs(mm.width() / 25.4 * 72 - points.width()) < 0.5);
    QVERIFY(qAbs(mm.height() / 25.4 * 72 - points.height()) < 0.5);

    if (printtest::tool("pdfinfo").isEmpty())
        QSKIP("pdfinfo (poppler-utils) is not installed");
    const QString pdf = m_dir.filePath(QStringLiteral("size_%1.pdf").arg(stockName(stock)));
    QVERIFY(printing::writePdf(*document, pdf).ok());
    const QSizeF pdfSize = printtest::pdfPageSizePt(pdf);
    QVERIFY2(qAbs(pdfSize.width() - points.width()) < 0.5,
             qPrintable(QString::number(pdfSize.width())));
    QVERIFY2(qAbs(pdfSize.height() - points.height()) < 0.5,
             qPrintable(QString::number(pdfSize.height())));
}

void TestShippingLabel::longAddressShrinksInsideBox_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("line1");
    QTest::addColumn<bool>("shrinks");
    QTest::newRow("ordinary") << QStringLiteral("Lee Sample") << QStringLiteral("7 Example Ave")
                              << false;
    QTest::newRow("long name")
        << QStringLiteral("Maximiliane Konstanze Wilhelmina von Hohenzollern-Sigmaringen")
        << QStringLiteral("7 Example Ave") << true;
    QTest::newRow("long street") << QStringLiteral("Lee Sample")
                                 << QStringLiteral(
                                        "Apartment 1204, Building C, Riverside Industrial Estate, "
                                        "4321 Northwest Longstreet Boulevard Extension")
                                 << true;
    QTest::newRow("one long word") << QStringLiteral("Lee")
                                   << QStringLiteral("Donaudampfschifffahrtselektrizitaetenhaupt"
                                                     "betriebswerkbauunterbeamtengesellschaft")
                                   << true;
    QTest::newRow("cyrillic") << QStringLiteral("Александра Константиновна Преображенская")
                              << QStringLiteral("ул. Большая Садовая, д. 302-бис, кв. 50") << true;
}

// The ship-to block at the size it has on a 4x6 label: long text is shrunk
// (and wrapped) until it fits, and no ink ever falls outside the box.
void TestShippingLabel::longAddressShrinksInsideBox()
{
    QFETCH(QString, name);
    QFETCH(QString, line1);
    QFETCH(bool, shrinks);

    models::Address address = sampleLabel().shipTo;
    address.name = name;
    address.line1 = line1;
    const qreal dpi = 300;
    const QRectF boxMm(5, 5, 91.6, 44);
    QImage image(qRound(101.6 / 25.4 * dpi), qRound(55 / 25.4 * dpi), QImage::Format_RGB32);
    image.fill(Qt::white);
    printing::TextFit fit;
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(dpi / 25.4, dpi / 25.4);
        printing::Canvas canvas(painter, 0, 1);
        fit = canvas.drawAddress(boxMm, address, printing::TextStyle{20, 9, true, false},
                                 printing::TextStyle{16.4, 8, false, true});
    }
    QVERIFY(fit.fits);
    QCOMPARE(fit.scale < 1, shrinks);
    QVERIFY(fit.heightMm <= boxMm.height());
    const QRect boxPx(qFloor(boxMm.left() * dpi / 25.4), qFloor(boxMm.top() * dpi / 25.4),
                      qCeil(boxMm.width() * dpi / 25.4) + 1,
                      qCeil(boxMm.height() * dpi / 25.4) + 1);
    QVERIFY(!printtest::inkOutside(image, boxPx));
    QVERIFY(printtest::inkOutside(image, QRect())); // something was drawn
}

// An absurd address does not push into the barcodes: both still scan.
void TestShippingLabel::longAddressLabelStillScans()
{
    LabelData label = sampleLabel();
    label.shipTo.name = QString(120, u'W');
    label.shipTo.company = QStringLiteral("Company ").repeated(12);
    label.shipTo.line1 = QStringLiteral("Street ").repeated(20);
    label.shipTo.line2 = QStringLiteral("Floor ").repeated(20);
    auto document = printing::shippingLabelDocument({label}, LabelStock::Label4x6);
    QVERIFY(document.ok());
    printing::RenderReport report;
    const QImage page = printing::renderPage(*document, 0, 203, &report);
    QCOMPARE(report.barcodes.size(), 2);
    for (const printing::PlacedBarcode &placed : report.barcodes)
        QCOMPARE(printtest::readPlaced(page, placed, 203), placed.content);
}

// One page per parcel, with the facts a carrier and a packer look for.
void TestShippingLabel::parcelsAndText()
{
    QList<LabelData> parcels;
    for (int i = 1; i <= 3; ++i) {
        LabelData l = sampleLabel();
        l.parcelNumber = i;
        l.parcelCount = 3;
        l.trackingNumber = QStringLiteral("1Z999AA1012345678%1").arg(i);
        parcels.append(l);
    }
    auto document = printing::shippingLabelDocument(parcels, LabelStock::Label4x6);
    QVERIFY(document.ok());
    QCOMPARE(document->pageCount(), 3);
    auto sheet = printing::shippingLabelDocument(parcels + parcels, LabelStock::A4FourUp);
    QVERIFY(sheet.ok());
    QCOMPARE(sheet->pageCount(), 2);

    if (printtest::tool("pdftotext").isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    const QString pdf = m_dir.filePath(QStringLiteral("parcels.pdf"));
    QVERIFY(printing::writePdf(*document, pdf).ok());
    const QStringList pages = printtest::pdfText(pdf).split(u'\f', Qt::SkipEmptyParts);
    QCOMPARE(pages.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QString &text = pages.at(i);
        QVERIFY2(text.contains(QStringLiteral("%1 of 3").arg(i + 1)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("1Z999AA1012345678%1").arg(i + 1)));
        QVERIFY(text.contains(QStringLiteral("Lee Sample")));
        QVERIFY(text.contains(QStringLiteral("Austin TX 73301")));
        QVERIFY(text.contains(QStringLiteral("UNITED STATES")));
        QVERIFY(text.contains(QStringLiteral("2.8 lb")));
        QVERIFY(text.contains(QStringLiteral("#1002")));
    }
}

void TestShippingLabel::refusals()
{
    LabelData label = sampleLabel();
    label.trackingNumber = QStringLiteral("1Z\u00e9");
    auto document = printing::shippingLabelDocument({label}, LabelStock::Label4x6);
    QVERIFY(!document.ok());
    QVERIFY2(document.error().contains(QStringLiteral("order #1002, parcel 1 of 2: tracking")),
             qPrintable(document.error()));

    label = sampleLabel();
    label.orderCodeKind = BarcodeKind::Code128;
    QVERIFY(!printing::shippingLabelDocument({label}, LabelStock::Label4x6).ok());
    QVERIFY(!printing::shippingLabelDocument({}, LabelStock::Label4x6).ok());
}

QTEST_MAIN(TestShippingLabel)
#include "tst_shippinglabel.moc"
