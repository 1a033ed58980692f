#include "printing/barcodereader.h"

// The UTF-8 text() of ZXing 1.4 (its default still returns std::wstring).
#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

namespace printing {

namespace {

// The image at most this wide or tall: a phone photo of 4000 px decodes no better
// than a scaled copy and takes ten times as long.
constexpr int kMaxSide = 2000;

bool isGs1Identifier(const std::string &id)
{
    return id == "]C1" || id == "]d2" || id == "]Q3" || id == "]e0";
}

} // namespace

std::optional<ReadBarcode> readBarcode(const QImage &image)
{
    if (image.isNull())
        return std::nullopt;
    QImage gray = image;
    if (gray.width() > kMaxSide || gray.height() > kMaxSide)
        gray = gray.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    gray = gray.convertToFormat(QImage::Format_Grayscale8);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::EAN13 | ZXing::BarcodeFormat::EAN8 |
                     ZXing::BarcodeFormat::UPCA | ZXing::BarcodeFormat::UPCE |
                     ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::Code39 |
                     ZXing::BarcodeFormat::ITF | ZXing::BarcodeFormat::QRCode |
                     ZXing::BarcodeFormat::DataMatrix);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setTryDownscale(true);
    // One symbol: ZXing 1.4 asserts on several linear codes read at once.
    hints.setMaxNumberOfSymbols(1);
    auto read = [&hints](const QImage &lum) {
        const ZXing::ImageView view(lum.constBits(), lum.width(), lum.height(),
                                    ZXing::ImageFormat::Lum, int(lum.bytesPerLine()));
        return ZXing::ReadBarcode(view, hints);
    };
    ZXing::Result r = read(gray);
    // Grainy pictures (a webcam in poor light) read once the grain is averaged out:
    // halving the size averages each 2×2 block.
    if (!r.isValid() && gray.width() >= 200 && gray.height() >= 100)
        r = read(gray.scaled(gray.width() / 2, gray.height() / 2, Qt::IgnoreAspectRatio,
                             Qt::SmoothTransformation));
    if (!r.isValid())
        return std::nullopt;
    ReadBarcode out;
    out.format = QString::fromStdString(ZXing::ToString(r.format()));
    const std::string id = r.symbologyIdentifier();
    out.text = QString::fromStdString(isGs1Identifier(id) ? id + r.text() : r.text());
    return out;
}

} // namespace printing
