#pragma once

#include "models/address.h"
#include "models/result.h"
#include "printing/barcodeimage.h"
#include "printing/barcodesymbol.h"

#include <QList>
#include <QRectF>
#include <QString>
#include <QTransform>

class QPainter;

namespace printing {

// How a run of text looks. Sizes are in typographic points (1/72"), so the
// same style reads the same on a label, a sheet or a screen preview.
struct TextStyle
{
    qreal sizePt = 10;
    // Auto-shrinking text goes no smaller than this before it starts wrapping
    // harder and, as a last resort, shrinking further (see fitParagraphs).
    qreal minSizePt = 6;
    bool bold = false;
    bool wrap = true; // false: one line per paragraph, shrunk to the width
    Qt::Alignment align = Qt::AlignLeft;
    bool allCaps = false;

    TextStyle withSize(qreal pt) const;
    TextStyle withBold(bool on = true) const;
    TextStyle withAlign(Qt::Alignment a) const;
    TextStyle noWrap() const;
};

// One paragraph of a text block; '\n' inside starts a new line.
struct Paragraph
{
    QString text;
    TextStyle style;
    qreal spaceBeforeMm = 0;
};

// What auto-shrink settled on.
struct TextFit
{
    qreal scale = 1;    // applied to every paragraph's size
    qreal heightMm = 0; // of the laid-out text
    bool fits = true;   // false: even the smallest size overflowed and was clipped
};

// The height `paragraphs` need at their own sizes in a column `widthMm` wide.
qreal textHeightMm(const QList<Paragraph> &paragraphs, qreal widthMm);
qreal textHeightMm(const QString &text, const TextStyle &style, qreal widthMm);

// The largest common scale (at most 1) at which `paragraphs` fit `sizeMm`:
// first shrinking to each style's minimum, then letting one-line paragraphs
// wrap, then shrinking below the minimum down to 4 pt. Never clips unless
// even that overflows (fits == false).
TextFit fitParagraphs(const QList<Paragraph> &paragraphs, const QSizeF &sizeMm);

// The country name for an ISO 3166-1 alpha-2 code ("DE" -> "Germany"), the
// code itself when unknown.
QString countryName(const QString &isoCode);

struct BarcodeOptions
{
    // Human-readable text: under Code 128 in a real font (searchable in PDFs,
    // legible when the bars are damaged); EAN/UPC in their retail layout.
    bool text = true;
    qreal textSizePt = 8;
    // Module width limits. The symbol is drawn at the widest module within
    // these that fits the box; a box too narrow for minModuleMm is an error,
    // never a barcode too fine for the printer.
    qreal minModuleMm = 0.19;
    qreal maxModuleMm = 0.5;
    // Modules are rounded down to whole dots of this printer (0: leave it to
    // the device). Bars of uneven dot counts scan badly on thermal printers.
    int printerDpi = 0;
    Qt::Alignment align = Qt::AlignHCenter | Qt::AlignVCenter;
};

// Where a barcode landed, so tests and previews can find it again.
struct PlacedBarcode
{
    int page = 0;
    BarcodeKind kind = BarcodeKind::Code128;
    QString content;
    QRectF rectMm; // on the page, the symbol with its quiet zone and text
    qreal moduleMm = 0;
};

// One page being drawn, in millimetres from the sheet's top left corner. The
// building blocks of every document: text that shrinks to fit its box,
// addresses, barcodes with their quiet zones, checkboxes and rules. Blocks that
// can fail (barcodes) record the first error instead of aborting the page, so
// a renderer reports it once at the end.
class Canvas
{
public:
    Canvas(QPainter &painter, int pageIndex, int pageCount);

    QPainter &painter() { return m_painter; }
    int pageIndex() const { return m_pageIndex; }
    int pageCount() const { return m_pageCount; }

    // Draws the paragraphs inside `box` at the largest scale that fits, placed
    // vertically by `vertical` (AlignTop, AlignVCenter, AlignBottom).
    TextFit drawParagraphs(const QRectF &box, const QList<Paragraph> &paragraphs,
                           Qt::Alignment vertical = Qt::AlignTop);
    TextFit drawText(const QRectF &box, const QString &text, const TextStyle &style,
                     Qt::Alignment vertical = Qt::AlignTop);

    // Name (bold, `nameStyle`), company, street lines, "city region postcode"
    // and the country name in capitals (`style`), shrunk together to fit.
    TextFit drawAddress(const QRectF &box, const models::Address &address,
                        const TextStyle &nameStyle, const TextStyle &style,
                        bool withCountry = true);

    // The barcode and its quiet zone inside `box`; returns the rectangle used,
    // an empty one when it could not be drawn (the reason is in status()).
    QRectF drawBarcode(const QRectF &box, BarcodeKind kind, const QString &content,
                       const BarcodeOptions &options = {});

    void drawCheckbox(const QRectF &box, qreal lineMm = 0.3);
    void drawRule(qreal y, qreal left, qreal right, qreal thicknessMm = 0.3);
    void drawFrame(const QRectF &box, qreal thicknessMm = 0.3);
    void fillRect(const QRectF &box, const QColor &color);

    const QList<PlacedBarcode> &barcodes() const { return m_barcodes; }
    const models::Status &status() const { return m_status; }

private:
    void fail(const QString &message);

    QPainter &m_painter;
    QTransform m_pageTransform; // millimetres on the page to device
    int m_pageIndex;
    int m_pageCount;
    QList<PlacedBarcode> m_barcodes;
    models::Status m_status;
};

// The text lines of an address as printed, without the country.
QStringList addressLines(const models::Address &address);

} // namespace printing
