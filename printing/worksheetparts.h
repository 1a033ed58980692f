#pragma once

#include "printing/canvas.h"
#include "printing/documentflow.h"

#include <QList>
#include <QRectF>
#include <QString>

namespace printing {

// Parts shared by the warehouse worksheets (pick list, count sheet), which are
// laser-printed and read back with a hand scanner.

constexpr qreal WorksheetMinModuleMm = 0.19; // 7.5 mil

// The body text style of a worksheet.
TextStyle worksheetBody();

// A product's code as a barcode (EAN-13 or UPC-A when it is one, else Code 128),
// or as plain text when the barcode would not fit `box` at the smallest module.
void paintProductCode(Canvas &c, const QRectF &box, const QString &code);

// Table cells of a worksheet line: the bin in large bold type, and the
// product's code (see paintProductCode) with room for a scanner to read it.
TableCell worksheetBinCell(const QString &binCode);
TableCell productCodeCell(const QString &code);

// The header band: title, facts and counts on the left, the worksheet's own
// Code 128 on the right (`codeWidthMm` wide), and a rule under it all.
void paintWorksheetHeader(Canvas &c, const QRectF &header, const QString &title,
                          const QStringList &facts, const QString &counts, qreal codeWidthMm,
                          const QString &code);

} // namespace printing
