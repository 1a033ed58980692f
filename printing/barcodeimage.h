#pragma once

#include "models/result.h"
#include "printing/barcodesymbol.h"

#include <QImage>
#include <QRectF>
#include <QString>

class QPainter;

namespace printing {

// A barcode as a 1-bit image (QImage::Format_Mono, 0 = white, 1 = black), for
// screens, previews and raster-only printers. Every module is exactly
// `moduleWidthPx` whole pixels and the symbology's quiet zone is included, so
// no bar is ever resampled. Linear codes are `heightPx` tall; matrix codes are
// square modules and ignore `heightPx`. No human-readable text: see paintBarcode.
models::Result<QImage> renderBarcode(BarcodeKind kind, const QString &content, int moduleWidthPx,
                                     int heightPx);
models::Result<QImage> renderBarcode(const BarcodeSymbol &symbol, int moduleWidthPx, int heightPx);

enum class HumanReadable
{
    None,
    // Digits beneath linear codes (EAN-13 / UPC-A in their retail layout, with
    // the guard bars running down between the digit groups). Matrix codes never
    // get text.
    Below,
};

// Draws the barcode, quiet zone included, as large as fits in `target` (in the
// painter's logical coordinates), centred, on a white box. Bars are filled
// rectangles, so PDF output stays sharp at any zoom. The module width is
// rounded down to whole device pixels (dots on a 203 dpi label printer, 1/1200"
// in a QPdfWriter) and the symbol is aligned to the device grid, because bars of
// uneven dot counts scan badly. Works with translated, scaled and 90-degree
// rotated painters. Refuses bad content (see encodeBarcode) and a target too
// small for one device pixel per module.
models::Status paintBarcode(QPainter &painter, const QRectF &target, BarcodeKind kind,
                            const QString &content, HumanReadable text = HumanReadable::Below);
models::Status paintBarcode(QPainter &painter, const QRectF &target, const BarcodeSymbol &symbol,
                            HumanReadable text = HumanReadable::Below);

} // namespace printing
