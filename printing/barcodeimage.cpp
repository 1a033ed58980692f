#include "printing/barcodeimage.h"

#include <QFont>
#include <QList>
#include <QPainter>
#include <QPainterPath>
#include <QTransform>

#include <algorithm>
#include <cmath>

namespace printing {

namespace {

constexpr int MaxModulePx = 64;
constexpr int MaxHeightPx = 10000;

models::Error refuse(const BarcodeSymbol &symbol, const QString &why)
{
    return {QStringLiteral("%1 \"%2\": %3").arg(barcodeKindName(symbol.kind), symbol.content, why)};
}

// Sets pixels [from, to) of a Format_Mono scanline (most significant bit first).
void setBits(uchar *line, int from, int to)
{
    for (int x = from; x < to; ++x)
        line[x >> 3] |= uchar(0x80 >> (x & 7));
}

// EAN-13 and UPC-A guard bars (and UPC-A's first and last digit) run down
// between the digit groups of the human-readable text.
bool isLongBar(BarcodeKind kind, int column)
{
    const bool guard = column <= 2 || (column >= 45 && column <= 49) || column >= 92;
    switch (kind) {
    case BarcodeKind::Ean13:
        return guard;
    case BarcodeKind::UpcA:
        return guard || column <= 9 || column >= 85;
    default:
        return false;
    }
}

struct TextRun
{
    QString text;
    qreal left; // in modules from the left edge of the quiet zone
    qreal right;
    qreal relativeSize; // UPC-A prints its first and last digit smaller
};

QList<TextRun> textRuns(const BarcodeSymbol &s)
{
    const qreal q = s.quietLeft;
    const QString &c = s.content;
    switch (s.kind) {
    case BarcodeKind::Ean13:
        return {{c.left(1), q - 8, q - 1, 1.0},
                {c.mid(1, 6), q + 4, q + 44, 1.0},
                {c.mid(7, 6), q + 51, q + 91, 1.0}};
    case BarcodeKind::UpcA:
        return {{c.left(1), q - 7, q - 1, 0.7},
                {c.mid(1, 5), q + 11, q + 44, 1.0},
                {c.mid(6, 5), q + 51, q + 84, 1.0},
                {c.right(1), q + 96, q + 102, 0.7}};
    case BarcodeKind::Code128:
        return {{c, q, q + s.columns, 1.0}};
    default:
        return {};
    }
}

// Draws the runs as filled glyph outlines: exact size on any device and no font
// to embed in a PDF. All runs share one scale so the digits match.
void paintText(QPainter &painter, const QList<TextRun> &runs, qreal moduleWidth, qreal originX,
               qreal bandTop, qreal bandHeight)
{
    QFont font;
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(100);

    QList<QPainterPath> paths;
    qreal scale = 0;
    for (const TextRun &run : runs) {
        QPainterPath path;
        path.addText(0, 0, font, run.text);
        const QRectF box = path.boundingRect();
        if (box.isEmpty())
            return; // no usable font (a bare CI container): bars alone still scan
        const qreal fitHeight = 0.8 * bandHeight / box.height() / run.relativeSize;
        const qreal fitWidth =
            (run.right - run.left) * moduleWidth / box.width() / run.relativeSize;
        const qreal s = std::min(fitHeight, fitWidth);
        scale = paths.isEmpty() ? s : std::min(scale, s);
        paths.append(path);
    }
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const TextRun &run = runs.at(i);
        const QRectF box = paths.at(i).boundingRect();
        const qreal s = scale * run.relativeSize;
        QTransform m;
        m.translate(originX + (run.left + run.right) / 2 * moduleWidth, bandTop + bandHeight / 2);
        m.scale(s, s);
        m.translate(-box.center().x(), -box.center().y());
        painter.fillPath(m.map(paths.at(i)), Qt::black);
    }
}

} // namespace

models::Result<QImage> renderBarcode(BarcodeKind kind, const QString &content, int moduleWidthPx,
                                     int heightPx)
{
    auto symbol = encodeBarcode(kind, content);
    if (!symbol)
        return models::Error{symbol.error()};
    return renderBarcode(*symbol, moduleWidthPx, heightPx);
}

models::Result<QImage> renderBarcode(const BarcodeSymbol &symbol, int moduleWidthPx, int heightPx)
{
    if (moduleWidthPx < 1 || moduleWidthPx > MaxModulePx) {
        return refuse(symbol, QStringLiteral("module width %1 px is outside 1 to %2 px")
                                  .arg(moduleWidthPx)
                                  .arg(MaxModulePx));
    }
    const bool linear = isLinear(symbol.kind);
    if (linear && (heightPx < 1 || heightPx > MaxHeightPx)) {
        return refuse(
            symbol,
            QStringLiteral("height %1 px is outside 1 to %2 px").arg(heightPx).arg(MaxHeightPx));
    }

    const int m = moduleWidthPx;
    const int width = symbol.totalColumns() * m;
    const int height = linear ? heightPx : symbol.totalRows() * m;
    QImage image(width, height, QImage::Format_Mono);
    if (image.isNull())
        return refuse(symbol,
                      QStringLiteral("out of memory for a %1 x %2 image").arg(width).arg(height));
    image.setColorCount(2);
    image.setColor(0, qRgb(255, 255, 255));
    image.setColor(1, qRgb(0, 0, 0));
    image.fill(0);

    // Draw one scanline per module row, then copy it down the module's height.
    const qsizetype lineBytes = image.bytesPerLine();
    for (int row = 0; row < symbol.rows; ++row) {
        const int top = linear ? 0 : (symbol.quietTop + row) * m;
        const int lines = linear ? height : m;
        uchar *first = image.scanLine(top);
        for (int col = 0; col < symbol.columns; ++col) {
            if (symbol.isDark(col, row)) {
                const int x = (symbol.quietLeft + col) * m;
                setBits(first, x, x + m);
            }
        }
        for (int i = 1; i < lines; ++i)
            std::copy_n(first, lineBytes, image.scanLine(top + i));
    }
    return image;
}

models::Status paintBarcode(QPainter &painter, const QRectF &target, BarcodeKind kind,
                            const QString &content, HumanReadable text)
{
    auto symbol = encodeBarcode(kind, content);
    if (!symbol)
        return models::Error{symbol.error()};
    return paintBarcode(painter, target, *symbol, text);
}

models::Status paintBarcode(QPainter &painter, const QRectF &target, const BarcodeSymbol &symbol,
                            HumanReadable text)
{
    if (!painter.isActive())
        return refuse(symbol, QStringLiteral("the painter is not active"));
    if (target.isEmpty())
        return refuse(symbol, QStringLiteral("the target rectangle is empty"));

    // Device pixels per logical unit along each logical axis (rotation-proof).
    const QTransform toDevice = painter.deviceTransform();
    const qreal dx = std::hypot(toDevice.m11(), toDevice.m12());
    const qreal dy = std::hypot(toDevice.m21(), toDevice.m22());
    const bool gridAligned = (qFuzzyIsNull(toDevice.m12()) && qFuzzyIsNull(toDevice.m21())) ||
                             (qFuzzyIsNull(toDevice.m11()) && qFuzzyIsNull(toDevice.m22()));

    const bool linear = isLinear(symbol.kind);
    qreal moduleDevice = target.width() * dx / symbol.totalColumns();
    if (!linear)
        moduleDevice = std::min(moduleDevice, target.height() * dy / symbol.totalRows());
    if (gridAligned)
        moduleDevice = std::floor(moduleDevice);
    if (moduleDevice < 1) {
        return refuse(symbol, QStringLiteral("the target is too small: %1 modules across need at "
                                             "least %1 device pixels")
                                  .arg(symbol.totalColumns()));
    }
    const qreal moduleW = moduleDevice / dx;
    const qreal moduleH = moduleDevice / dy; // square on the device for matrix codes
    const qreal boxW = symbol.totalColumns() * moduleW;
    const qreal boxH = linear ? target.height() : symbol.totalRows() * moduleH;

    QPointF origin(target.left() + (target.width() - boxW) / 2,
                   target.top() + (target.height() - boxH) / 2);
    if (gridAligned) {
        bool invertible = false;
        const QTransform toLogical = toDevice.inverted(&invertible);
        const QPointF device = toDevice.map(origin);
        if (invertible)
            origin = toLogical.map(QPointF(std::round(device.x()), std::round(device.y())));
    }

    // Text band under linear codes, about 9 modules tall as on retail EAN labels.
    const bool withText = linear && text == HumanReadable::Below;
    const qreal textH = withText ? std::min(9 * moduleW * dx / dy, 0.3 * boxH) : 0.0;
    const qreal shortBottom = origin.y() + boxH - textH;
    const qreal longBottom = origin.y() + boxH - textH / 2;

    QPainterPath bars;
    // Winding fill so touching rectangles merge into one shape: no hairline seams
    // between rows of a QR Code in PDF viewers.
    bars.setFillRule(Qt::WindingFill);
    for (int row = 0; row < symbol.rows; ++row) {
        const qreal top = linear ? origin.y() : origin.y() + (symbol.quietTop + row) * moduleH;
        int col = 0;
        while (col < symbol.columns) {
            if (!symbol.isDark(col, row)) {
                ++col;
                continue;
            }
            const bool longBar = withText && isLongBar(symbol.kind, col);
            int end = col + 1;
            while (end < symbol.columns && symbol.isDark(end, row) &&
                   (!withText || isLongBar(symbol.kind, end) == longBar))
                ++end;
            const qreal bottom = linear ? (longBar ? longBottom : shortBottom) : top + moduleH;
            bars.addRect(QRectF(origin.x() + (symbol.quietLeft + col) * moduleW, top,
                                (end - col) * moduleW, bottom - top));
            col = end;
        }
    }

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(QRectF(origin, QSizeF(boxW, boxH)), Qt::white); // the quiet zone is clear
    painter.fillPath(bars, Qt::black);
    if (withText) {
        painter.setRenderHint(QPainter::Antialiasing, true);
        paintText(painter, textRuns(symbol), moduleW, origin.x(), shortBottom, textH);
    }
    painter.restore();
    return models::Status::success();
}

} // namespace printing
