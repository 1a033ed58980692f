#include "printing/barcodeimage.h"

#include <ZXing/ReadBarcode.h>

#include <QDir>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using printing::BarcodeKind;
using printing::HumanReadable;

Q_DECLARE_METATYPE(printing::BarcodeKind)

namespace {

QString zxingName(BarcodeKind kind)
{
    switch (kind) {
    case BarcodeKind::Code128:
        return QStringLiteral("Code128");
    case BarcodeKind::Ean13:
        return QStringLiteral("EAN-13");
    case BarcodeKind::UpcA:
        return QStringLiteral("UPC-A");
    case BarcodeKind::QrCode:
        return QStringLiteral("QRCode");
    case BarcodeKind::DataMatrix:
        return QStringLiteral("DataMatrix");
    }
    return QString();
}

struct Decoded
{
    bool found = false;
    QString text;
    QString format;
};

// Reads the image back the way a scanner app would: any orientation, only the
// expected symbology (so an EAN-13 starting with 0 is not reported as UPC-A).
Decoded readBack(const QImage &image, BarcodeKind kind)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(),
                                ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormatFromString(zxingName(kind).toStdString()));
    hints.setTryRotate(true);
    hints.setTryHarder(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    return {result.isValid(), QString::fromStdString(result.text()),
            QString::fromLatin1(ZXing::ToString(result.format()))};
}

void addContentRows()
{
    QTest::addColumn<BarcodeKind>("kind");
    QTest::addColumn<QString>("content");

    QTest::newRow("code128 sku") << BarcodeKind::Code128 << QStringLiteral("SKU-000123");
    QTest::newRow("code128 order") << BarcodeKind::Code128 << QStringLiteral("ORDER #10042/b");
    QTest::newRow("code128 digits") << BarcodeKind::Code128 << QStringLiteral("0123456789012");
    QTest::newRow("code128 punctuation")
        << BarcodeKind::Code128 << QStringLiteral("a b~{}|\\`'\"_=+");
    QTest::newRow("code128 80 chars") << BarcodeKind::Code128 << QString(80, QLatin1Char('X'));
    QTest::newRow("ean13") << BarcodeKind::Ean13 << QStringLiteral("4006381333931");
    QTest::newRow("ean13 uk") << BarcodeKind::Ean13 << QStringLiteral("5012345678900");
    QTest::newRow("ean13 leading 0") << BarcodeKind::Ean13 << QStringLiteral("0036000291452");
    QTest::newRow("upca") << BarcodeKind::UpcA << QStringLiteral("036000291452");
    QTest::newRow("upca 2") << BarcodeKind::UpcA << QStringLiteral("012345678905");
    QTest::newRow("qr short") << BarcodeKind::QrCode << QStringLiteral("hello");
    QTest::newRow("qr url") << BarcodeKind::QrCode
                            << QStringLiteral("https://example.invalid/rma/RMA-2024-0001");
    QTest::newRow("qr latin1") << BarcodeKind::QrCode << QStringLiteral("caf\u00e9 \u00a35");
    QTest::newRow("qr utf8") << BarcodeKind::QrCode
                             << QStringLiteral("Gr\u00fc\u00dfe \u20ac \U0001F600 \u65e5\u672c");
    QTest::newRow("qr 500 chars") << BarcodeKind::QrCode
                                  << QStringLiteral("0123456789abcdefghij").repeated(25);
    QTest::newRow("datamatrix") << BarcodeKind::DataMatrix << QStringLiteral("ABC-123");
    QTest::newRow("datamatrix latin1") << BarcodeKind::DataMatrix << QStringLiteral("caf\u00e9");
    QTest::newRow("datamatrix 100 digits")
        << BarcodeKind::DataMatrix << QStringLiteral("0123456789").repeated(10);
}

// Only pure black and pure white: no grey edge from a bar straddling a pixel.
bool isBilevel(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *line = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x) {
            if (line[x] != 0 && line[x] != 255)
                return false;
        }
    }
    return true;
}

// Along one line across the symbol, every bar and space between the first and
// the last bar is a whole number of modules, all modules the same number of
// pixels: what snapping to the device grid buys.
bool runsAreWholeModules(const QImage &image, bool vertical, int at)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    QList<bool> dark;
    const int length = vertical ? gray.height() : gray.width();
    for (int i = 0; i < length; ++i)
        dark.append((vertical ? gray.constScanLine(i)[at] : gray.constScanLine(at)[i]) < 128);
    const qsizetype first = dark.indexOf(true);
    const qsizetype last = dark.lastIndexOf(true);
    if (first < 0)
        return false;
    QList<int> runs;
    for (qsizetype i = first; i <= last; ++i) {
        if (i == first || dark.at(i) != dark.at(i - 1))
            runs.append(0);
        ++runs.last();
    }
    const int module = *std::min_element(runs.cbegin(), runs.cend());
    return std::all_of(runs.cbegin(), runs.cend(), [module](int run) { return run % module == 0; });
}

bool isAllWhite(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *line = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x) {
            if (line[x] != 255)
                return false;
        }
    }
    return true;
}

} // namespace

class TestBarcodeImage : public QObject
{
    Q_OBJECT

private slots:
    void renderReadsBack_data() { addContentRows(); }
    void renderReadsBack();
    void renderIsCrisp();
    void paintReadsBack_data();
    void paintReadsBack();
    void pdfReadsBack_data();
    void pdfReadsBack();
    void refusals_data();
    void refusals();
    void badSizes();
};

void TestBarcodeImage::renderReadsBack()
{
    QFETCH(BarcodeKind, kind);
    QFETCH(QString, content);

    for (int module : {1, 2, 3, 5}) {
        // ZXing 1.4's Data Matrix detector cannot find 1-pixel modules at all
        // (whatever the quiet zone): a limit of the reader, not of the symbol.
        if (kind == BarcodeKind::DataMatrix && module == 1)
            continue;
        auto image = printing::renderBarcode(kind, content, module, 40 * module);
        QVERIFY2(image.ok(), qPrintable(image.error()));
        QCOMPARE(image->format(), QImage::Format_Mono);
        const Decoded decoded = readBack(*image, kind);
        QVERIFY2(decoded.found, qPrintable(QStringLiteral("module %1 px").arg(module)));
        QCOMPARE(decoded.text, content);
        QCOMPARE(decoded.format, zxingName(kind));

        const QString samples = qEnvironmentVariable("BACKROOM_BARCODE_SAMPLES");
        if (!samples.isEmpty() && module == 3) {
            QDir().mkpath(samples);
            const QString name = QString::fromLatin1(QTest::currentDataTag())
                                     .replace(QLatin1Char(' '), QLatin1Char('_'));
            image->save(samples + QStringLiteral("/render_%1.png").arg(name));
        }
    }
}

// Every bar and space is a whole number of modules: runs along a scanline
// through the symbol are exact multiples of the module width, quiet zone included.
void TestBarcodeImage::renderIsCrisp()
{
    const int module = 3;
    auto symbol = printing::encodeBarcode(BarcodeKind::Ean13, QStringLiteral("4006381333931"));
    QVERIFY(symbol.ok());
    auto image = printing::renderBarcode(*symbol, module, 50);
    QVERIFY(image.ok());
    QCOMPARE(image->width(), (11 + 95 + 7) * module);
    QCOMPARE(image->height(), 50);

    const QImage gray = image->convertToFormat(QImage::Format_Grayscale8);
    const uchar *line = gray.constScanLine(25);
    int run = 1;
    for (int x = 1; x <= gray.width(); ++x) {
        if (x < gray.width() && line[x] == line[x - 1]) {
            ++run;
            continue;
        }
        QCOMPARE(run % module, 0);
        QVERIFY(line[x - 1] == 0 || line[x - 1] == 255);
        run = 1;
    }
    // The quiet zones are white.
    for (int x = 0; x < 11 * module; ++x)
        QCOMPARE(int(line[x]), 255);
    for (int x = gray.width() - 7 * module; x < gray.width(); ++x)
        QCOMPARE(int(line[x]), 255);
}

void TestBarcodeImage::paintReadsBack_data()
{
    addContentRows();
}

// A 300 dpi raster of a label, drawn in millimetres, upright and turned a
// quarter (as on a 4x6" label printed in portrait), with and without text.
void TestBarcodeImage::paintReadsBack()
{
    QFETCH(BarcodeKind, kind);
    QFETCH(QString, content);

    const qreal dotsPerMm = 300 / 25.4;
    const QSizeF areaMm = printing::isLinear(kind) ? QSizeF(100, 30) : QSizeF(40, 40);
    for (bool rotated : {false, true}) {
        for (HumanReadable text : {HumanReadable::Below, HumanReadable::None}) {
            const QSizeF imageMm = rotated ? areaMm.transposed() : areaMm;
            QImage image(qCeil((imageMm.width() + 8) * dotsPerMm),
                         qCeil((imageMm.height() + 8) * dotsPerMm), QImage::Format_RGB32);
            image.fill(Qt::white);
            {
                QPainter painter(&image);
                painter.scale(dotsPerMm, dotsPerMm);
                painter.translate(4.3, 4.7); // deliberately off the pixel grid
                if (rotated) {
                    painter.translate(imageMm.width(), 0);
                    painter.rotate(90);
                }
                const auto status = printing::paintBarcode(painter, QRectF(QPointF(0, 0), areaMm),
                                                           kind, content, text);
                QVERIFY2(status.ok(), qPrintable(status.error()));
            }
            const QString samples = qEnvironmentVariable("BACKROOM_BARCODE_SAMPLES");
            if (!samples.isEmpty() && !rotated && text == HumanReadable::Below) {
                QDir().mkpath(samples);
                const QString name = QString::fromLatin1(QTest::currentDataTag())
                                         .replace(QLatin1Char(' '), QLatin1Char('_'));
                image.save(samples + QStringLiteral("/paint_%1.png").arg(name));
            }
            // Snapped to the pixel grid, even from an origin off it and turned.
            if (text == HumanReadable::None)
                QVERIFY(isBilevel(image));
            const qreal acrossMm = printing::isLinear(kind) ? 10 : 20; // through the bars
            const int at = rotated ? qRound((4.3 + imageMm.width() - acrossMm) * dotsPerMm)
                                   : qRound((4.7 + acrossMm) * dotsPerMm);
            QVERIFY(runsAreWholeModules(image, rotated, at));
            const Decoded decoded = readBack(image, kind);
            QVERIFY2(decoded.found, rotated ? "rotated" : "upright");
            QCOMPARE(decoded.text, content);
            QCOMPARE(decoded.format, zxingName(kind));
        }
    }
}

void TestBarcodeImage::pdfReadsBack_data()
{
    addContentRows();
}

// Vector output: a PDF page rasterised by poppler at a coarse and a fine
// resolution, neither a multiple of the module size, still reads back.
void TestBarcodeImage::pdfReadsBack()
{
    QFETCH(BarcodeKind, kind);
    QFETCH(QString, content);

    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (pdftoppm.isEmpty())
        QSKIP("pdftoppm (poppler-utils) is not installed");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pdf = dir.filePath(QStringLiteral("label.pdf"));
    const QRectF target =
        printing::isLinear(kind) ? QRectF(6.5, 10.1, 190, 35) : QRectF(70.3, 8.2, 60, 60);
    auto symbol = printing::encodeBarcode(kind, content);
    QVERIFY2(symbol.ok(), qPrintable(symbol.error()));
    qreal moduleMm = 0;
    {
        QPdfWriter writer(pdf);
        writer.setPageSize(QPageSize(QSizeF(203.2, 76.2), QPageSize::Millimeter)); // 8x3"
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter(&writer);
        const qreal unitsPerMm = writer.resolution() / 25.4;
        painter.scale(unitsPerMm, unitsPerMm);
        const auto status = printing::paintBarcode(painter, target, *symbol);
        QVERIFY2(status.ok(), qPrintable(status.error()));
        // As paintBarcode sizes it: whole PDF units (1/1200") per module.
        const int across = printing::isLinear(kind)
                               ? symbol->totalColumns()
                               : std::max(symbol->totalColumns(), symbol->totalRows());
        moduleMm = std::floor(target.width() * unitsPerMm / across) / unitsPerMm;
    }

    int readable = 0;
    for (int dpi : {150, 300}) {
        // Below about 2 pixels per module a rasterised bar and space blur into
        // each other (80 characters of Code 128 across 190 mm at 150 dpi).
        if (moduleMm * dpi / 25.4 < 2)
            continue;
        ++readable;
        const QString base = dir.filePath(QStringLiteral("page%1").arg(dpi));
        QProcess process;
        process.start(pdftoppm, {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"),
                                 QStringLiteral("-singlefile"), pdf, base});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QImage page(base + QStringLiteral(".png"));
        QVERIFY(!page.isNull());

        const QString samples = qEnvironmentVariable("BACKROOM_BARCODE_SAMPLES");
        if (!samples.isEmpty() && dpi == 150) {
            QDir().mkpath(samples);
            const QString name = QString::fromLatin1(QTest::currentDataTag())
                                     .replace(QLatin1Char(' '), QLatin1Char('_'));
            page.save(samples + QStringLiteral("/pdf_%1.png").arg(name));
        }
        const Decoded decoded = readBack(page, kind);
        QVERIFY2(decoded.found, qPrintable(QStringLiteral("%1 dpi").arg(dpi)));
        QCOMPARE(decoded.text, content);
        QCOMPARE(decoded.format, zxingName(kind));
    }
    QVERIFY(readable > 0);
}

void TestBarcodeImage::refusals_data()
{
    QTest::addColumn<BarcodeKind>("kind");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("message");

    QTest::newRow("ean13 wrong check digit")
        << BarcodeKind::Ean13 << QStringLiteral("4006381333932")
        << QStringLiteral("EAN-13 \"4006381333932\": wrong check digit 2, it should be 1");
    QTest::newRow("ean13 letter") << BarcodeKind::Ean13 << QStringLiteral("40063813339A1")
                                  << QStringLiteral("character 12 (\"A\", U+0041) is not a digit");
    QTest::newRow("ean13 arabic-indic digit")
        << BarcodeKind::Ean13 << QStringLiteral("400638133393\u0661")
        << QStringLiteral("character 13");
    QTest::newRow("ean13 12 digits")
        << BarcodeKind::Ean13 << QStringLiteral("400638133393")
        << QStringLiteral("needs 13 digits including the check digit, not 12");
    QTest::newRow("ean13 empty") << BarcodeKind::Ean13 << QString()
                                 << QStringLiteral("EAN-13 \"\": nothing to encode");
    QTest::newRow("ean13 space") << BarcodeKind::Ean13 << QStringLiteral("4006381 333931")
                                 << QStringLiteral("is not a digit");
    QTest::newRow("upca wrong check digit")
        << BarcodeKind::UpcA << QStringLiteral("036000291453")
        << QStringLiteral("UPC-A \"036000291453\": wrong check digit 3, it should be 2");
    QTest::newRow("upca 13 digits") << BarcodeKind::UpcA << QStringLiteral("0036000291452")
                                    << QStringLiteral("needs 12 digits");
    QTest::newRow("code128 accent") << BarcodeKind::Code128 << QStringLiteral("caf\u00e9")
                                    << QStringLiteral("character 4 (\"\u00e9\", U+00E9) is not "
                                                      "printable ASCII");
    QTest::newRow("code128 tab") << BarcodeKind::Code128 << QStringLiteral("a\tb")
                                 << QStringLiteral("character 2");
    QTest::newRow("code128 81 chars") << BarcodeKind::Code128 << QString(81, QLatin1Char('X'))
                                      << QStringLiteral("81 characters is too long, at most 80");
    QTest::newRow("code128 empty")
        << BarcodeKind::Code128 << QString() << QStringLiteral("Code 128 \"\": nothing to encode");
    QTest::newRow("qr empty") << BarcodeKind::QrCode << QString()
                              << QStringLiteral("QR Code \"\": nothing to encode");
    QTest::newRow("qr too long") << BarcodeKind::QrCode << QString(8000, QLatin1Char('a'))
                                 << QStringLiteral("cannot be encoded (8000 characters)");
    QTest::newRow("datamatrix euro") << BarcodeKind::DataMatrix << QStringLiteral("5 \u20ac")
                                     << QStringLiteral("character 3 (\"\u20ac\", U+20AC) is "
                                                       "outside Latin-1");
    QTest::newRow("datamatrix too long")
        << BarcodeKind::DataMatrix << QString(5000, QLatin1Char('a'))
        << QStringLiteral("cannot be encoded (5000 characters)");
}

void TestBarcodeImage::refusals()
{
    QFETCH(BarcodeKind, kind);
    QFETCH(QString, content);
    QFETCH(QString, message);

    const auto image = printing::renderBarcode(kind, content, 2, 60);
    QVERIFY(!image.ok());
    QVERIFY2(image.error().contains(message), qPrintable(image.error()));
    QVERIFY2(image.error().startsWith(printing::barcodeKindName(kind)), qPrintable(image.error()));

    QImage canvas(400, 400, QImage::Format_RGB32);
    canvas.fill(Qt::white);
    QPainter painter(&canvas);
    const auto status = printing::paintBarcode(painter, QRectF(0, 0, 400, 400), kind, content);
    painter.end();
    QVERIFY(!status.ok());
    QCOMPARE(status.error(), image.error());
    QVERIFY(isAllWhite(canvas));
}

void TestBarcodeImage::badSizes()
{
    const QString sku = QStringLiteral("SKU-1");
    for (int module : {0, -1, 65}) {
        const auto image = printing::renderBarcode(BarcodeKind::Code128, sku, module, 50);
        QVERIFY(!image.ok());
        QVERIFY2(image.error().contains(QStringLiteral("module width")), qPrintable(image.error()));
    }
    const auto flat = printing::renderBarcode(BarcodeKind::Code128, sku, 2, 0);
    QVERIFY(!flat.ok());
    QVERIFY2(flat.error().contains(QStringLiteral("height 0 px")), qPrintable(flat.error()));
    // Matrix codes are square and ignore the height.
    QVERIFY(printing::renderBarcode(BarcodeKind::QrCode, sku, 2, 0).ok());

    // Code 128 "SKU-1" is 90 modules plus 20 of quiet zone: 109 pixels cannot hold it.
    QImage canvas(200, 100, QImage::Format_RGB32);
    canvas.fill(Qt::white);
    QPainter painter(&canvas);
    auto tooSmall =
        printing::paintBarcode(painter, QRectF(0, 0, 109, 50), BarcodeKind::Code128, sku);
    QVERIFY(!tooSmall.ok());
    QVERIFY2(tooSmall.error().contains(QStringLiteral("too small")), qPrintable(tooSmall.error()));
    QVERIFY(printing::paintBarcode(painter, QRectF(0, 0, 110, 50), BarcodeKind::Code128, sku).ok());
    auto empty = printing::paintBarcode(painter, QRectF(), BarcodeKind::Code128, sku);
    QVERIFY(!empty.ok());
    painter.end();

    QPainter inactive;
    QVERIFY(
        !printing::paintBarcode(inactive, QRectF(0, 0, 100, 100), BarcodeKind::QrCode, sku).ok());
}

QTEST_MAIN(TestBarcodeImage)
#include "tst_barcodeimage.moc"
