#pragma once

#include "models/result.h"
#include "printing/canvas.h"
#include "printing/document.h"

#include <QImage>
#include <QList>
#include <QString>

class QPagedPaintDevice;
class QPrinter;

namespace printing {

// What a renderer drew: the page count and where each barcode landed.
struct RenderReport
{
    int pages = 0;
    QList<PlacedBarcode> barcodes;
};

// Draws every page of `document` on a paged device (QPdfWriter or QPrinter)
// whose painter origin is the sheet's top left corner, after giving it the
// document's page size. Fails with the first block that could not be drawn
// (a barcode that does not fit, say) after finishing all pages.
models::Result<RenderReport> paintDocument(const Document &document, QPagedPaintDevice &device);

// A PDF file. The resolution is a multiple of the label printer's (1218 units
// per inch for 203 dpi), so barcode modules stay whole printer dots.
models::Result<RenderReport> writePdf(const Document &document, const QString &path,
                                      const QString &title = QString());

// A real printer or a print preview's QPrinter: full-page mode, so the
// drawing lines up with the paper edge whatever the driver's margins.
models::Result<RenderReport> printDocument(const Document &document, QPrinter &printer);

// One page as an image at `dpi` (previews and tests); white background.
QImage renderPage(const Document &document, int pageIndex, qreal dpi,
                  RenderReport *report = nullptr);

} // namespace printing
