#pragma once

#include <QImage>
#include <QString>

#include <optional>

namespace printing {

// A barcode found in a picture, as a scanner would type it.
struct ReadBarcode
{
    QString format; // ZXing's name: "EAN-13", "Code128", "QRCode", …
    // The content. GS1 codes (GS1-128, GS1 DataMatrix, GS1 QR) keep their FNC1
    // separators as GS and are prefixed with their symbology identifier ("]C1",
    // "]d2", "]Q3"), as a scanner set to send AIM identifiers does, so the same
    // element-string reading applies to both.
    QString text;
};

// The first barcode ZXing finds in the image: retail (EAN-13, EAN-8, UPC-A, UPC-E),
// Code 128, Code 39, ITF, QR Code, Data Matrix; turned any way, skewed a little,
// photographed with noise. None when there is none (or the image is empty).
std::optional<ReadBarcode> readBarcode(const QImage &image);

} // namespace printing
