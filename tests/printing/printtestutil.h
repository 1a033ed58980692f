#pragma once

// Reading printed documents back the way a packer's scanner and a carrier's
// sorter would: the PDF rasterised by poppler, barcodes decoded by ZXing.

#include "printing/barcodesymbol.h"
#include "printing/canvas.h"

#include <ZXing/ReadBarcode.h>

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace printtest {

inline QString zxingName(printing::BarcodeKind kind)
{
    switch (kind) {
    case printing::BarcodeKind::Code128:
        return QStringLiteral("Code128");
    case printing::BarcodeKind::Ean13:
        return QStringLiteral("EAN-13");
    case printing::BarcodeKind::UpcA:
        return QStringLiteral("UPC-A");
    case printing::BarcodeKind::QrCode:
        return QStringLiteral("QRCode");
    case printing::BarcodeKind::DataMatrix:
        return QStringLiteral("DataMatrix");
    }
    return QString();
}

inline QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

inline QString run(const QString &program, const QStringList &args, bool *ok = nullptr)
{
    QProcess process;
    process.start(program, args);
    const bool finished = process.waitForFinished(60000);
    if (ok)
        *ok = finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return QString::fromUtf8(process.readAllStandardOutput());
}

// One page (1-based) of `pdf` as an image at `dpi`, through pdftoppm.
inline QImage rasterize(const QString &pdf, int dpi, int page = 1)
{
    const QString base = QFileInfo(pdf).absolutePath() +
                         QStringLiteral("/page_%1_%2").arg(QFileInfo(pdf).baseName()).arg(dpi);
    bool ok = false;
    run(tool("pdftoppm"),
        {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-f"), QString::number(page),
         QStringLiteral("-l"), QString::number(page), QStringLiteral("-png"),
         QStringLiteral("-singlefile"), pdf, base},
        &ok);
    return ok ? QImage(base + QStringLiteral(".png")) : QImage();
}

inline ZXing::DecodeHints hintsFor(const QList<printing::BarcodeKind> &kinds)
{
    ZXing::BarcodeFormats formats;
    for (printing::BarcodeKind kind : kinds)
        formats |= ZXing::BarcodeFormatFromString(zxingName(kind).toStdString());
    ZXing::DecodeHints hints;
    hints.setFormats(formats);
    hints.setTryRotate(true);
    hints.setTryHarder(true);
    return hints;
}

// One barcode of each of `kinds` found anywhere in `image`, as a scanner
// pointed at the whole page would. (ZXing 1.4's ReadBarcodes asserts when a
// page holds several linear codes, so each kind is read on its own.)
inline QStringList readEach(const QImage &image, const QList<printing::BarcodeKind> &kinds)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(),
                                ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    QStringList texts;
    for (printing::BarcodeKind kind : kinds) {
        const ZXing::Result r = ZXing::ReadBarcode(view, hintsFor({kind}));
        if (r.isValid())
            texts.append(QString::fromStdString(r.text()));
    }
    return texts;
}

// The barcode printed at `placed`, cut out of the page image with a margin
// (the quiet zone is part of what is being checked) and decoded.
inline QString readPlaced(const QImage &page, const printing::PlacedBarcode &placed, int dpi)
{
    const qreal px = dpi / 25.4;
    const QRectF mm = placed.rectMm.adjusted(-2, -2, 2, 2);
    const QRect crop = QRect(qFloor(mm.left() * px), qFloor(mm.top() * px), qCeil(mm.width() * px),
                             qCeil(mm.height() * px))
                           .intersected(page.rect());
    const QImage gray = page.copy(crop).convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(),
                                ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    const ZXing::Result result = ZXing::ReadBarcode(view, hintsFor({placed.kind}));
    return result.isValid() ? QString::fromStdString(result.text()) : QString();
}

// "Page size:      288 x 432 pts" from pdfinfo, for `page` (1-based).
inline QSizeF pdfPageSizePt(const QString &pdf, int page = 1)
{
    const QString info = run(tool("pdfinfo"), {QStringLiteral("-f"), QString::number(page),
                                               QStringLiteral("-l"), QString::number(page), pdf});
    static const QRegularExpression re(
        QStringLiteral("Page\\s+\\d*\\s*size:\\s+([\\d.]+) x ([\\d.]+) pts"));
    const QRegularExpressionMatch m = re.match(info);
    return m.hasMatch() ? QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble()) : QSizeF();
}

inline int pdfPageCount(const QString &pdf)
{
    const QString info = run(tool("pdfinfo"), {pdf});
    static const QRegularExpression re(QStringLiteral("Pages:\\s+(\\d+)"));
    const QRegularExpressionMatch m = re.match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// The text of `pdf` in reading order (pdftotext), pages separated by form feeds.
inline QString pdfText(const QString &pdf)
{
    return run(tool("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
}

// Any pixel darker than near-white outside `inside`.
inline bool inkOutside(const QImage &image, const QRect &inside)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *line = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x) {
            if (line[x] < 230 && !inside.contains(x, y))
                return true;
        }
    }
    return false;
}

// With BACKROOM_PRINT_SHOTS set, the pages as 100 dpi PNGs for people to look at.
inline void keepShots(const QString &pdf, const QString &name)
{
    const QString dir = qEnvironmentVariable("BACKROOM_PRINT_SHOTS");
    if (dir.isEmpty() || tool("pdftoppm").isEmpty())
        return;
    QDir().mkpath(dir);
    run(tool("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("100"), QStringLiteral("-png"), pdf,
                           dir + QLatin1Char('/') + name});
}

} // namespace printtest
