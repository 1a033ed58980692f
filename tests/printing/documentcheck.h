#pragma once

// Every barcode a document places, read back twice: from the page drawn as an
// image at 203 dpi, and from the PDF rasterised by pdftoppm at 203 dpi.

#include "printing/documentrender.h"
#include "printtestutil.h"

#include <QTest>

namespace printtest {

// Fails the calling test (QVERIFY) unless every placed barcode decodes to its
// content both ways; `expected` barcodes at least must have been placed.
inline void verifyBarcodesReadBack(const printing::Document &document, const QString &pdfPath,
                                   int expected)
{
    constexpr int Dpi = 203;
    QList<printing::PlacedBarcode> placed;
    for (int page = 0; page < document.pageCount(); ++page) {
        printing::RenderReport report;
        const QImage image = printing::renderPage(document, page, Dpi, &report);
        for (const printing::PlacedBarcode &b : std::as_const(report.barcodes)) {
            QCOMPARE(readPlaced(image, b, Dpi), b.content);
            placed.append(b);
        }
    }
    QVERIFY2(
        placed.size() >= expected,
        qPrintable(
            QStringLiteral("%1 barcodes placed, %2 expected").arg(placed.size()).arg(expected)));

    auto pdf = printing::writePdf(document, pdfPath);
    QVERIFY2(pdf.ok(), qPrintable(pdf.error()));
    QCOMPARE(pdf->barcodes.size(), placed.size());
    if (tool("pdftoppm").isEmpty())
        QSKIP("pdftoppm is not installed");
    for (int page = 0; page < document.pageCount(); ++page) {
        const QImage image = rasterize(pdfPath, Dpi, page + 1);
        QVERIFY(!image.isNull());
        for (const printing::PlacedBarcode &b : std::as_const(pdf->barcodes)) {
            if (b.page == page)
                QCOMPARE(readPlaced(image, b, Dpi), b.content);
        }
    }
}

} // namespace printtest
