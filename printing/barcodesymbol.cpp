#include "printing/barcodesymbol.h"

#include "models/gtin.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>
#include <optional>

namespace printing {

namespace {

struct Spec
{
    ZXing::BarcodeFormat format;
    // Quiet zones in modules, from each symbology's standard: Code 128 10X;
    // EAN-13 11X left (the first digit is printed there) and 7X right; UPC-A 9X;
    // QR Code 4X; Data Matrix 1X.
    int quietLeft, quietRight, quietTopBottom;
};

Spec specFor(BarcodeKind kind)
{
    switch (kind) {
    case BarcodeKind::Code128:
        return {ZXing::BarcodeFormat::Code128, 10, 10, 0};
    case BarcodeKind::Ean13:
        return {ZXing::BarcodeFormat::EAN13, 11, 7, 0};
    case BarcodeKind::UpcA:
        return {ZXing::BarcodeFormat::UPCA, 9, 9, 0};
    case BarcodeKind::QrCode:
        return {ZXing::BarcodeFormat::QRCode, 4, 4, 4};
    case BarcodeKind::DataMatrix:
        return {ZXing::BarcodeFormat::DataMatrix, 1, 1, 1};
    }
    return {ZXing::BarcodeFormat::Code128, 10, 10, 0};
}

models::Error refuse(BarcodeKind kind, const QString &content, const QString &why)
{
    return {QStringLiteral("%1 \"%2\": %3").arg(barcodeKindName(kind), content, why)};
}

QString describeChar(const QString &content, qsizetype index)
{
    const QChar c = content.at(index);
    return QStringLiteral("character %1 (\"%2\", U+%3)")
        .arg(index + 1)
        .arg(c)
        .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0')));
}

// GTINs are refused here rather than left to ZXing, which would silently append
// a check digit to a short code and reports errors in its own words.
std::optional<models::Error> checkGtin(BarcodeKind kind, const QString &content, int digits)
{
    for (qsizetype i = 0; i < content.size(); ++i) {
        if (content.at(i) < u'0' || content.at(i) > u'9') { // ASCII only, not any Unicode digit
            return refuse(kind, content,
                          describeChar(content, i) + QStringLiteral(" is not a digit"));
        }
    }
    if (content.size() != digits) {
        return refuse(kind, content,
                      QStringLiteral("needs %1 digits including the check digit, not %2")
                          .arg(digits)
                          .arg(content.size()));
    }
    const int expected = models::gtin::checkDigit(QStringView(content).first(digits - 1));
    const int actual = content.back().digitValue();
    if (expected != actual) {
        return refuse(
            kind, content,
            QStringLiteral("wrong check digit %1, it should be %2").arg(actual).arg(expected));
    }
    return std::nullopt;
}

// ZXing 1.4's Code 128 writer stops at 80 characters.
constexpr qsizetype MaxCode128Length = 80;

std::optional<models::Error> checkContent(BarcodeKind kind, const QString &content)
{
    if (content.isEmpty())
        return refuse(kind, content, QStringLiteral("nothing to encode, the content is empty"));
    switch (kind) {
    case BarcodeKind::Ean13:
        return checkGtin(kind, content, 13);
    case BarcodeKind::UpcA:
        return checkGtin(kind, content, 12);
    case BarcodeKind::Code128:
        for (qsizetype i = 0; i < content.size(); ++i) {
            const char16_t c = content.at(i).unicode();
            if (c < 0x20 || c > 0x7e) {
                return refuse(kind, content,
                              describeChar(content, i) +
                                  QStringLiteral(" is not printable ASCII, which Code 128 needs"));
            }
        }
        if (content.size() > MaxCode128Length) {
            return refuse(kind, content,
                          QStringLiteral("%1 characters is too long, at most %2 fit")
                              .arg(content.size())
                              .arg(MaxCode128Length));
        }
        return std::nullopt;
    case BarcodeKind::DataMatrix:
        // ZXing 1.4 writes Data Matrix without ECI, so only Latin-1 reads back right.
        for (qsizetype i = 0; i < content.size(); ++i) {
            if (content.at(i).unicode() > 0xff) {
                return refuse(kind, content,
                              describeChar(content, i) +
                                  QStringLiteral(" is outside Latin-1, which Data Matrix "
                                                 "supports here; use a QR Code"));
            }
        }
        return std::nullopt;
    case BarcodeKind::QrCode:
        return std::nullopt;
    }
    return std::nullopt;
}

bool fitsLatin1(const QString &content)
{
    for (QChar c : content) {
        if (c.unicode() > 0xff)
            return false;
    }
    return true;
}

} // namespace

QString barcodeKindName(BarcodeKind kind)
{
    switch (kind) {
    case BarcodeKind::Code128:
        return QStringLiteral("Code 128");
    case BarcodeKind::Ean13:
        return QStringLiteral("EAN-13");
    case BarcodeKind::UpcA:
        return QStringLiteral("UPC-A");
    case BarcodeKind::QrCode:
        return QStringLiteral("QR Code");
    case BarcodeKind::DataMatrix:
        return QStringLiteral("Data Matrix");
    }
    return QString();
}

models::Result<BarcodeSymbol> encodeBarcode(BarcodeKind kind, const QString &content)
{
    if (auto refusal = checkContent(kind, content))
        return *refusal;

    const Spec spec = specFor(kind);
    ZXing::MultiFormatWriter writer(spec.format);
    // Margin 0 and size 0 give the bare symbol at one bit per module; the quiet
    // zone and the scale are ours to add, in whole pixels.
    writer.setMargin(0);
    // QR defaults to ISO-8859-1 and throws on anything beyond it; UTF-8 adds an
    // ECI header that some older scanners ignore, so only use it when needed.
    if (kind == BarcodeKind::QrCode && !fitsLatin1(content))
        writer.setEncoding(ZXing::CharacterSet::UTF8);

    ZXing::BitMatrix matrix;
    try {
        matrix = writer.encode(content.toStdWString(), 0, 0);
    } catch (const std::exception &e) {
        // Mostly "Data too big" for QR / Data Matrix; the checks above catch the rest.
        return refuse(kind, content,
                      QStringLiteral("cannot be encoded (%1 characters): %2")
                          .arg(content.size())
                          .arg(QString::fromUtf8(e.what())));
    }
    if (matrix.width() <= 0 || matrix.height() <= 0)
        return refuse(kind, content, QStringLiteral("the encoder produced an empty symbol"));

    BarcodeSymbol symbol;
    symbol.kind = kind;
    symbol.content = content;
    symbol.columns = matrix.width();
    symbol.rows = isLinear(kind) ? 1 : matrix.height();
    symbol.dark.resize(symbol.columns * symbol.rows);
    for (int y = 0; y < symbol.rows; ++y) {
        for (int x = 0; x < symbol.columns; ++x)
            symbol.dark.setBit(y * symbol.columns + x, matrix.get(x, y));
    }
    symbol.quietLeft = spec.quietLeft;
    symbol.quietRight = spec.quietRight;
    symbol.quietTop = spec.quietTopBottom;
    symbol.quietBottom = spec.quietTopBottom;
    return symbol;
}

} // namespace printing
