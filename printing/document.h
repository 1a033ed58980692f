#pragma once

#include <QList>
#include <QMarginsF>
#include <QPageSize>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <functional>

namespace printing {

class Canvas;

// The paper a document is laid out on, in millimetres. Drawing code never sees
// device pixels: every renderer maps 1 unit to 1 mm with the origin at the top
// left corner of the sheet, and the margins are only a layout hint.
struct PageSetup
{
    QString name;
    QSizeF sizeMm;
    QMarginsF marginsMm;
    // The printer resolution the layout is tuned for (barcode modules in whole
    // dots), 0 when any resolution will do (laser and inkjet sheets).
    int printerDpi = 0;

    static PageSetup label4x6(int printerDpi = 203);
    static PageSetup label4x4(int printerDpi = 203);
    // Continuous 62 mm roll (Brother QL and similar), cut at `lengthMm`.
    static PageSetup roll62mm(qreal lengthMm = 100, int printerDpi = 300);
    static PageSetup a4();
    static PageSetup letter();

    QRectF pageRect() const { return QRectF(QPointF(0, 0), sizeMm); }
    QRectF contentRect() const { return pageRect().marginsRemoved(marginsMm); }
    // A4 and Letter as the named sizes printer drivers expect, labels as custom sizes.
    QPageSize pageSize() const;
};

// A laid-out document: its paper and one drawing per page. Layout (pagination,
// font sizes) happens when the document is built, so every renderer (PDF,
// printer, image) draws exactly the same pages.
class Document
{
public:
    using PagePainter = std::function<void(Canvas &)>;

    Document() = default;
    explicit Document(PageSetup setup) : m_setup(std::move(setup)) {}

    const PageSetup &pageSetup() const { return m_setup; }
    int pageCount() const { return int(m_pages.size()); }
    void addPage(PagePainter page) { m_pages.append(std::move(page)); }
    void paintPage(Canvas &canvas, int index) const;

private:
    PageSetup m_setup;
    QList<PagePainter> m_pages;
};

constexpr qreal MmPerInch = 25.4;
constexpr qreal MmPerPoint = 25.4 / 72;

// Millimetres of `dots` printer dots at `dpi`.
inline qreal dotsToMm(int dots, int dpi)
{
    return dots * MmPerInch / dpi;
}

} // namespace printing
