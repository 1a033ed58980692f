#include "printing/zpllabel.h"

#include "printing/canvas.h"
#include "printing/document.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace printing {

namespace {

// Font 0 (CG Triumvirate Bold Condensed) averages about half its height per
// character; 0.6 leaves room for capitals and wide letters.
constexpr qreal CharWidthPerHeight = 0.6;
constexpr qreal LineHeightPerFont = 1.1;

class ZplWriter
{
public:
    explicit ZplWriter(int dpi) : m_dpi(dpi) {}

    int dots(qreal mm) const { return qRound(mm * m_dpi / MmPerInch); }

    void raw(const QByteArray &command) { m_out += command + '\n'; }
    void comment(const char *text) { m_out += QByteArray("^FX ") + text + '\n'; }

    // A text field at (x, y) mm in font 0, `fontDots` tall, optionally wrapped
    // in a ^FB block `widthMm` wide with at most `lines` lines.
    void text(qreal xMm, qreal yMm, int fontDots, const QStringList &lines, qreal widthMm = 0,
              int maxLines = 1, char justify = 'L')
    {
        QByteArray data;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                data += "\\&"; // ^FB line break
            data += zplFieldData(lines.at(i));
        }
        m_out += "^FO" + QByteArray::number(dots(xMm)) + ',' + QByteArray::number(dots(yMm));
        m_out += "^A0N," + QByteArray::number(fontDots) + ',' + QByteArray::number(fontDots);
        if (widthMm > 0) {
            m_out += "^FB" + QByteArray::number(dots(widthMm)) + ',' +
                     QByteArray::number(std::max(1, maxLines)) + ",0," + justify + ",0";
        }
        m_out += "^FH^FD" + data + "^FS\n";
    }

    void line(qreal xMm, qreal yMm, qreal widthMm, qreal thicknessMm)
    {
        const int t = std::max(1, dots(thicknessMm));
        m_out += "^FO" + QByteArray::number(dots(xMm)) + ',' + QByteArray::number(dots(yMm)) +
                 "^GB" + QByteArray::number(dots(widthMm)) + ',' + QByteArray::number(t) + ',' +
                 QByteArray::number(t) + "^FS\n";
    }

    void field(int xDots, int yDots, const QByteArray &body)
    {
        m_out +=
            "^FO" + QByteArray::number(xDots) + ',' + QByteArray::number(yDots) + body + "^FS\n";
    }

    QByteArray result() const { return m_out; }

private:
    int m_dpi;
    QByteArray m_out;
};

// Lines wrapped at `charsPerLine`, as the printer's ^FB would, counted.
int wrappedLineCount(const QStringList &lines, int charsPerLine)
{
    int count = 0;
    for (const QString &line : lines)
        count += std::max<int>(1, int(std::ceil(double(line.size()) / std::max(1, charsPerLine))));
    return count;
}

// The largest font (in dots, from `maxDots` down to `minDots`) at which
// `lines` wrap into a block `widthDots` x `heightDots`.
int fitFont(const QStringList &lines, int widthDots, int heightDots, int maxDots, int minDots)
{
    for (int font = maxDots; font > minDots; --font) {
        const int perLine = int(widthDots / (CharWidthPerHeight * font));
        if (wrappedLineCount(lines, perLine) * font * LineHeightPerFont <= heightDots)
            return font;
    }
    return minDots;
}

// Code 128 field data. Automatic mode (the printer picks subsets, so long
// digit runs pack in subset C) unless the data holds '>', which that mode
// would read as a subset switch: then subset B with the invocation codes the
// ZPL guide gives for '>', '^' and '~'.
QByteArray code128Field(const QString &content, int heightDots)
{
    const QByteArray height = QByteArray::number(heightDots);
    if (!content.contains(QLatin1Char('>')))
        return "^BCN," + height + ",Y,N,N,A^FH^FD" + zplFieldData(content);
    QByteArray data = ">:";
    for (QChar c : content) {
        switch (c.unicode()) {
        case '>':
            data += ">0";
            break;
        case '^':
            data += "><";
            break;
        case '~':
            data += ">=";
            break;
        default:
            data += char(c.unicode());
        }
    }
    return "^BCN," + height + ",Y,N,N,N^FD" + data;
}

} // namespace

QByteArray zplFieldData(const QString &text)
{
    QByteArray out;
    for (const char byte : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(byte);
        if (u == '^' || u == '~' || u == '_' || u == '\\' || u < 0x20 || u == 0x7f) {
            out += '_';
            out += QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
        } else {
            out += byte;
        }
    }
    return out;
}

models::Result<QByteArray> zplLabel(const LabelData &l, const ZplOptions &options)
{
    const QString parcel = QStringLiteral("order %1, parcel %2 of %3")
                               .arg(l.orderNumber)
                               .arg(l.parcelNumber)
                               .arg(l.parcelCount);
    if (options.dpi != 203 && options.dpi != 300 && options.dpi != 600)
        return models::Error{
            QStringLiteral("%1: %2 dpi is not a Zebra resolution").arg(parcel).arg(options.dpi)};
    auto codes = encodeLabelCodes(l);
    if (!codes)
        return models::Error{codes.error()};
    const BarcodeSymbol *tracking = codes->tracking ? &*codes->tracking : nullptr;
    const BarcodeSymbol *orderCode = &codes->order;

    ZplWriter z(options.dpi);
    const qreal widthMm = options.widthIn * MmPerInch;
    const qreal heightMm = options.heightIn * MmPerInch;
    const int pw = qRound(options.widthIn * options.dpi);
    const int ll = qRound(options.heightIn * options.dpi);
    const qreal m = 3; // margin
    const qreal inner = widthMm - 2 * m;
    // Vertical bands as on the PDF label, scaled to the stock's height.
    const qreal k = (heightMm - 2 * m) / 146.4;
    auto at = [&](qreal y) { return m + y * k; };

    z.raw("^XA");
    z.raw("^CI28");
    z.raw("^PW" + QByteArray::number(pw));
    z.raw("^LL" + QByteArray::number(ll));
    z.raw("^LH0,0");
    z.raw("^PON");
    z.raw("^MMT");

    z.comment("sender");
    z.text(m, at(0), z.dots(2.2), {QStringLiteral("FROM")});
    QStringList from{l.shipFrom.name};
    from.append(addressLines(l.shipFrom));
    const int fromFont = fitFont(from, z.dots(inner * 0.55), z.dots(15 * k), z.dots(3), z.dots(2));
    z.text(m, at(3), fromFont, from, inner * 0.55,
           int(z.dots(15 * k) / (fromFont * LineHeightPerFont)));
    z.text(m + inner * 0.57, at(0), z.dots(5), {l.carrier.toUpper()}, inner * 0.43, 1, 'R');
    z.text(m + inner * 0.57, at(6), z.dots(3.8), {l.service.toUpper()}, inner * 0.43, 1, 'R');
    if (l.shipDate.isValid()) {
        z.text(m + inner * 0.57, at(11.5), z.dots(2.6), {l.shipDate.toString(Qt::ISODate)},
               inner * 0.43, 1, 'R');
    }
    z.line(m, at(20), inner, 0.75);

    z.comment("recipient, wrapped in field blocks");
    z.text(m, at(22), z.dots(2.2), {QStringLiteral("SHIP TO")});
    const qreal toX = m + 4;
    const qreal toW = inner - 4;
    const QStringList name{l.shipTo.name.trimmed()};
    const int nameFont = fitFont(name, z.dots(toW), z.dots(8.5 * k * 2), z.dots(7.5), z.dots(3.5));
    const int nameLines =
        wrappedLineCount(name, int(z.dots(toW) / (CharWidthPerHeight * nameFont)));
    const qreal nameH =
        std::min(2, nameLines) * nameFont * LineHeightPerFont * MmPerInch / options.dpi;
    z.text(toX, at(26), nameFont, name, toW, std::min(2, nameLines));
    QStringList address = addressLines(l.shipTo);
    if (!l.shipTo.country.isEmpty())
        address.append(countryName(l.shipTo.country).toUpper());
    const qreal addressTop = at(26) + nameH + 1;
    const qreal addressH = at(71) - addressTop;
    const int addressFont = fitFont(address, z.dots(toW), z.dots(addressH), z.dots(6), z.dots(2.5));
    z.text(toX, addressTop, addressFont, address, toW,
           int(z.dots(addressH) / (addressFont * LineHeightPerFont)));
    z.line(m, at(73), inner, 0.75);

    z.comment("order, weight, parcel");
    const QString facts[3][2] = {
        {QStringLiteral("ORDER"), l.orderNumber},
        {QStringLiteral("WEIGHT"), formatWeight(l.weightGrams, l.weightUnit)},
        {QStringLiteral("PARCEL"),
         QStringLiteral("%1 of %2").arg(l.parcelNumber).arg(l.parcelCount)},
    };
    const char justify[3] = {'L', 'C', 'R'};
    for (int i = 0; i < 3; ++i) {
        const qreal x = m + i * inner / 3;
        z.text(x, at(75), z.dots(2.2), {facts[i][0]}, inner / 3, 1, justify[i]);
        if (!facts[i][1].isEmpty())
            z.text(x, at(78.5), z.dots(4.5), {facts[i][1]}, inner / 3, 1, justify[i]);
    }
    z.line(m, at(85.5), inner, 0.4);

    z.comment("tracking number, Code 128 with its interpretation line");
    z.text(m, at(87.5), z.dots(2.2), {QStringLiteral("TRACKING NUMBER")});
    if (tracking) {
        // The widest whole-dot module up to 0.5 mm (at least 2 dots) that keeps
        // the symbol and its 10-module quiet zones on the label.
        const int columns = tracking->totalColumns();
        const int maxModule = std::max(2, z.dots(0.5));
        const int module = std::clamp(z.dots(inner) / columns, 2, maxModule);
        const int barHeight = z.dots(24 * k);
        const int barX = std::max(0, (pw - columns * module) / 2 + tracking->quietLeft * module);
        z.raw("^BY" + QByteArray::number(module) + ",3," + QByteArray::number(barHeight));
        z.field(barX, z.dots(at(91)), code128Field(l.trackingNumber, barHeight));
    } else {
        // No barcode: nothing on the label may be read as a tracking number.
        z.text(m, at(97), z.dots(5), {QStringLiteral("NOT YET TRACKED")}, inner, 1, 'C');
        z.text(m, at(106), z.dots(2.8),
               {QStringLiteral("Add the carrier's label or tracking number")}, inner, 1, 'C');
    }
    z.line(m, at(122), inner, 0.4);

    z.comment("order reference");
    const qreal bottomTop = at(124);
    const int codeSide = z.dots(std::min(at(146.4) - bottomTop, inner * 0.4));
    const int symbolModules = std::max(orderCode->columns, orderCode->rows) +
                              (l.orderCodeKind == BarcodeKind::QrCode ? 4 : 0);
    const int magnification = std::clamp(codeSide / symbolModules, 2, 10);
    const int codeX = z.dots(m + inner) - symbolModules * magnification;
    if (l.orderCodeKind == BarcodeKind::QrCode) {
        z.field(codeX, z.dots(bottomTop),
                "^BQN,2," + QByteArray::number(magnification) + "^FH^FDMA," +
                    zplFieldData(l.orderCode()));
    } else {
        z.field(codeX, z.dots(bottomTop),
                "^BXN," + QByteArray::number(magnification) + ",200^FH^FD" +
                    zplFieldData(l.orderCode()));
    }
    const qreal refW = inner - (symbolModules * magnification) * MmPerInch / options.dpi - 3;
    z.text(m, bottomTop + 4, z.dots(2.2), {QStringLiteral("ORDER REFERENCE")});
    const int refFont = fitFont({l.orderCode()}, z.dots(refW), z.dots(10), z.dots(4), z.dots(2.5));
    z.text(m, bottomTop + 7.5, refFont, {l.orderCode()}, refW,
           int(z.dots(14) / (refFont * LineHeightPerFont)));

    z.raw("^PQ" + QByteArray::number(std::max(1, options.copies)));
    z.raw("^XZ");
    return z.result();
}

models::Result<QByteArray> zplLabels(const QList<LabelData> &labels, const ZplOptions &options)
{
    QByteArray job;
    for (const LabelData &l : labels) {
        auto one = zplLabel(l, options);
        if (!one)
            return models::Error{one.error()};
        job += *one;
    }
    return job;
}

} // namespace printing
