#include "printing/canvas.h"

#include "printing/document.h"

#include <QFont>
#include <QLocale>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace printing {

namespace {

// Fonts are sized in hundredths of a millimetre: pixel sizes are whole numbers,
// and whole millimetres would be far too coarse for type.
constexpr qreal UnitsPerMm = 100;
constexpr qreal FloorSizePt = 4;

QFont fontFor(const TextStyle &style, qreal scale)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"),
                      QStringLiteral("Arial"), QStringLiteral("Helvetica")});
    font.setStyleHint(QFont::SansSerif);
    // Unhinted metrics scale linearly, so a layout measured here matches the
    // glyphs on every device.
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setBold(style.bold);
    font.setPixelSize(std::max(1, qRound(style.sizePt * scale * MmPerPoint * UnitsPerMm)));
    return font;
}

struct Laid
{
    std::vector<std::unique_ptr<QTextLayout>> layouts;
    qreal height = 0;         // in text units
    bool overflowing = false; // a line wider than the column
};

Laid layOut(const QList<Paragraph> &paragraphs, qreal widthMm, qreal scale, bool forceWrap)
{
    Laid laid;
    const qreal width = widthMm * UnitsPerMm;
    bool first = true;
    for (const Paragraph &p : paragraphs) {
        if (p.text.isEmpty())
            continue;
        QString text = p.style.allCaps ? p.text.toUpper() : p.text;
        text.replace(QLatin1Char('\n'), QChar::LineSeparator);
        auto layout = std::make_unique<QTextLayout>(text, fontFor(p.style, scale));
        QTextOption option(p.style.align);
        option.setWrapMode(p.style.wrap || forceWrap ? QTextOption::WrapAtWordBoundaryOrAnywhere
                                                     : QTextOption::NoWrap);
        layout->setTextOption(option);
        if (!first)
            laid.height += p.spaceBeforeMm * scale * UnitsPerMm;
        first = false;
        layout->beginLayout();
        for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
            line.setLineWidth(width);
            line.setPosition(QPointF(0, laid.height));
            laid.height += line.height();
            if (line.naturalTextWidth() > width + 0.5)
                laid.overflowing = true;
        }
        layout->endLayout();
        laid.layouts.push_back(std::move(layout));
    }
    return laid;
}

struct Fit
{
    qreal scale = 1;
    bool forceWrap = false;
    bool fits = true;
};

Fit findFit(const QList<Paragraph> &paragraphs, const QSizeF &sizeMm)
{
    qreal minScale = 1;
    qreal floorScale = 1;
    for (const Paragraph &p : paragraphs) {
        if (p.text.isEmpty() || p.style.sizePt <= 0)
            continue;
        minScale = std::min(minScale, p.style.minSizePt / p.style.sizePt);
        floorScale = std::min(floorScale, FloorSizePt / p.style.sizePt);
    }
    minScale = std::clamp(minScale, 0.05, 1.0);
    floorScale = std::clamp(floorScale, 0.05, minScale);

    const qreal height = sizeMm.height() * UnitsPerMm;
    auto fitsAt = [&](qreal scale, bool forceWrap) {
        const Laid laid = layOut(paragraphs, sizeMm.width(), scale, forceWrap);
        return !laid.overflowing && laid.height <= height;
    };
    struct Stage
    {
        bool forceWrap;
        qreal low, high;
    };
    const Stage stages[] = {
        {false, minScale, 1.0}, {true, minScale, 1.0}, {true, floorScale, minScale}};
    for (const Stage &stage : stages) {
        if (fitsAt(stage.high, stage.forceWrap))
            return {stage.high, stage.forceWrap, true};
        if (!fitsAt(stage.low, stage.forceWrap))
            continue;
        qreal low = stage.low;   // fits
        qreal high = stage.high; // does not
        for (int i = 0; i < 10; ++i) {
            const qreal mid = (low + high) / 2;
            (fitsAt(mid, stage.forceWrap) ? low : high) = mid;
        }
        return {low, stage.forceWrap, true};
    }
    return {floorScale, true, false};
}

// Postcode before the town, as these countries' postal services ask.
bool postcodeFirst(const QString &country)
{
    static const QStringList codes = {
        QStringLiteral("AT"), QStringLiteral("BE"), QStringLiteral("CH"), QStringLiteral("CZ"),
        QStringLiteral("DE"), QStringLiteral("DK"), QStringLiteral("ES"), QStringLiteral("FI"),
        QStringLiteral("FR"), QStringLiteral("IT"), QStringLiteral("NL"), QStringLiteral("NO"),
        QStringLiteral("PL"), QStringLiteral("PT"), QStringLiteral("SE")};
    return codes.contains(country.toUpper());
}

QString joinNonEmpty(const QStringList &parts, QChar separator = QLatin1Char(' '))
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            kept.append(part.trimmed());
    }
    return kept.join(separator);
}

} // namespace

TextStyle TextStyle::withSize(qreal pt) const
{
    TextStyle s = *this;
    s.minSizePt = std::min(s.minSizePt * pt / s.sizePt, pt);
    s.sizePt = pt;
    return s;
}

TextStyle TextStyle::withBold(bool on) const
{
    TextStyle s = *this;
    s.bold = on;
    return s;
}

TextStyle TextStyle::withAlign(Qt::Alignment a) const
{
    TextStyle s = *this;
    s.align = a;
    return s;
}

TextStyle TextStyle::noWrap() const
{
    TextStyle s = *this;
    s.wrap = false;
    return s;
}

qreal textHeightMm(const QList<Paragraph> &paragraphs, qreal widthMm)
{
    return layOut(paragraphs, widthMm, 1, true).height / UnitsPerMm;
}

qreal textHeightMm(const QString &text, const TextStyle &style, qreal widthMm)
{
    return textHeightMm({{text, style}}, widthMm);
}

TextFit fitParagraphs(const QList<Paragraph> &paragraphs, const QSizeF &sizeMm)
{
    const Fit fit = findFit(paragraphs, sizeMm);
    const Laid laid = layOut(paragraphs, sizeMm.width(), fit.scale, fit.forceWrap);
    return {fit.scale, std::min(laid.height / UnitsPerMm, sizeMm.height()), fit.fits};
}

QString countryName(const QString &isoCode)
{
    const QLocale::Territory territory = QLocale::codeToTerritory(isoCode.trimmed());
    if (territory == QLocale::AnyTerritory)
        return isoCode;
    return QLocale::territoryToString(territory);
}

QStringList addressLines(const models::Address &a)
{
    QStringList lines;
    for (const QString &s : {a.company, a.line1, a.line2}) {
        if (!s.trimmed().isEmpty())
            lines.append(s.trimmed());
    }
    const QString country = a.country.toUpper();
    if (country == u"GB" || country == u"IE") {
        lines.append(joinNonEmpty({a.city, a.region}, QLatin1Char(','))
                         .replace(QLatin1Char(','), QStringLiteral(", ")));
        if (!a.postcode.trimmed().isEmpty())
            lines.append(a.postcode.trimmed());
    } else if (postcodeFirst(country)) {
        lines.append(joinNonEmpty({a.postcode, a.city, a.region}));
    } else {
        lines.append(joinNonEmpty({a.city, a.region, a.postcode}));
    }
    lines.removeAll(QString());
    return lines;
}

Canvas::Canvas(QPainter &painter, int pageIndex, int pageCount)
    : m_painter(painter), m_pageTransform(painter.transform()), m_pageIndex(pageIndex),
      m_pageCount(pageCount)
{}

TextFit Canvas::drawParagraphs(const QRectF &box, const QList<Paragraph> &paragraphs,
                               Qt::Alignment vertical)
{
    const Fit fit = findFit(paragraphs, box.size());
    const Laid laid = layOut(paragraphs, box.width(), fit.scale, fit.forceWrap);
    const qreal heightMm = laid.height / UnitsPerMm;
    qreal top = box.top();
    if (fit.fits && (vertical & Qt::AlignVCenter))
        top += (box.height() - heightMm) / 2;
    else if (fit.fits && (vertical & Qt::AlignBottom))
        top += box.height() - heightMm;

    m_painter.save();
    m_painter.setPen(Qt::black);
    if (!fit.fits)
        m_painter.setClipRect(box, Qt::IntersectClip);
    m_painter.translate(box.left(), top);
    m_painter.scale(1 / UnitsPerMm, 1 / UnitsPerMm);
    for (const auto &layout : laid.layouts)
        layout->draw(&m_painter, QPointF(0, 0));
    m_painter.restore();
    return {fit.scale, std::min(heightMm, box.height()), fit.fits};
}

TextFit Canvas::drawText(const QRectF &box, const QString &text, const TextStyle &style,
                         Qt::Alignment vertical)
{
    return drawParagraphs(box, {{text, style}}, vertical);
}

TextFit Canvas::drawAddress(const QRectF &box, const models::Address &address,
                            const TextStyle &nameStyle, const TextStyle &style, bool withCountry)
{
    QList<Paragraph> paragraphs;
    paragraphs.append({address.name.trimmed(), nameStyle});
    for (const QString &line : addressLines(address))
        paragraphs.append({line, style});
    if (withCountry && !address.country.trimmed().isEmpty()) {
        TextStyle countryStyle = style;
        countryStyle.allCaps = true;
        paragraphs.append({countryName(address.country), countryStyle});
    }
    return drawParagraphs(box, paragraphs);
}

QRectF Canvas::drawBarcode(const QRectF &box, BarcodeKind kind, const QString &content,
                           const BarcodeOptions &options)
{
    auto symbol = encodeBarcode(kind, content);
    if (!symbol) {
        fail(symbol.error());
        return {};
    }
    const bool linear = isLinear(kind);
    const bool ownText = options.text && kind == BarcodeKind::Code128;
    const TextStyle textStyle =
        TextStyle{options.textSizePt, options.textSizePt * 0.7, false, false, Qt::AlignHCenter};
    const qreal textGap = 0.6;
    const qreal textH = ownText ? textHeightMm(content, textStyle, 1000) + textGap : 0;
    const QRectF bars(box.left(), box.top(), box.width(), box.height() - textH);

    qreal module = linear ? bars.width() / symbol->totalColumns()
                          : std::min(bars.width() / symbol->totalColumns(),
                                     bars.height() / symbol->totalRows());
    module = std::min(module, options.maxModuleMm);
    if (options.printerDpi > 0) {
        const qreal dot = MmPerInch / options.printerDpi;
        module = std::floor(module / dot + 1e-6) * dot;
    }
    if (module < options.minModuleMm - 1e-9 || bars.height() <= 0) {
        const QString why =
            QStringLiteral("%1 \"%2\": a %3 x %4 mm box is too small; %5 modules of at least "
                           "%6 mm need %7 mm")
                .arg(barcodeKindName(kind), content)
                .arg(box.width(), 0, 'f', 1)
                .arg(box.height(), 0, 'f', 1)
                .arg(symbol->totalColumns())
                .arg(options.minModuleMm, 0, 'f', 2)
                .arg(symbol->totalColumns() * options.minModuleMm, 0, 'f', 1);
        fail(why);
        return {};
    }

    const qreal symbolW = symbol->totalColumns() * module;
    const qreal symbolH = linear ? bars.height() : symbol->totalRows() * module;
    qreal left = box.left();
    if (options.align & Qt::AlignHCenter)
        left += (box.width() - symbolW) / 2;
    else if (options.align & Qt::AlignRight)
        left += box.width() - symbolW;
    qreal top = box.top();
    if (!linear && (options.align & Qt::AlignVCenter))
        top += (bars.height() - symbolH) / 2;
    else if (!linear && (options.align & Qt::AlignBottom))
        top += bars.height() - symbolH;

    // A little slack so paintBarcode's rounding down to device pixels keeps a
    // module that is already a whole number of them.
    const qreal slack = 0.4 * module;
    const QRectF target(left - slack / 2, top, symbolW + slack, symbolH + (linear ? 0 : slack));
    const HumanReadable retailText =
        options.text && !ownText ? HumanReadable::Below : HumanReadable::None;
    const models::Status painted = paintBarcode(m_painter, target, *symbol, retailText);
    if (!painted.ok()) {
        fail(painted.error());
        return {};
    }
    QRectF used(left, top, symbolW, symbolH);
    if (ownText) {
        const QRectF textBox(left, top + symbolH + textGap, symbolW, textH - textGap);
        drawText(textBox, content, textStyle.noWrap());
        used.setBottom(textBox.bottom());
    }
    // Recorded in page millimetres, whatever rotation the block was drawn with.
    const QTransform toPage = m_painter.transform() * m_pageTransform.inverted();
    m_barcodes.append({m_pageIndex, kind, content, toPage.mapRect(used), module});
    return used;
}

void Canvas::drawCheckbox(const QRectF &box, qreal lineMm)
{
    const qreal side = std::min(box.width(), box.height());
    const QRectF square(box.left(), box.top() + (box.height() - side) / 2, side, side);
    drawFrame(square, lineMm);
}

void Canvas::drawRule(qreal y, qreal left, qreal right, qreal thicknessMm)
{
    fillRect(QRectF(left, y - thicknessMm / 2, right - left, thicknessMm), Qt::black);
}

void Canvas::drawFrame(const QRectF &box, qreal thicknessMm)
{
    const qreal t = thicknessMm;
    fillRect(QRectF(box.left(), box.top(), box.width(), t), Qt::black);
    fillRect(QRectF(box.left(), box.bottom() - t, box.width(), t), Qt::black);
    fillRect(QRectF(box.left(), box.top(), t, box.height()), Qt::black);
    fillRect(QRectF(box.right() - t, box.top(), t, box.height()), Qt::black);
}

void Canvas::fillRect(const QRectF &box, const QColor &color)
{
    m_painter.fillRect(box, color);
}

void Canvas::fail(const QString &message)
{
    if (m_status.ok())
        m_status = models::Error{message};
}

} // namespace printing
