#include "printing/document.h"

#include "printing/canvas.h"

namespace printing {

PageSetup PageSetup::label4x6(int printerDpi)
{
    return {QStringLiteral("4x6 in label"), QSizeF(101.6, 152.4), QMarginsF(3, 3, 3, 3),
            printerDpi};
}

PageSetup PageSetup::label4x4(int printerDpi)
{
    return {QStringLiteral("4x4 in label"), QSizeF(101.6, 101.6), QMarginsF(3, 3, 3, 3),
            printerDpi};
}

PageSetup PageSetup::roll62mm(qreal lengthMm, int printerDpi)
{
    // About 1.5 mm each side of a 62 mm roll cannot be printed on.
    return {QStringLiteral("62 mm roll"), QSizeF(62, lengthMm), QMarginsF(2, 2, 2, 2), printerDpi};
}

PageSetup PageSetup::a4()
{
    return {QStringLiteral("A4"), QSizeF(210, 297), QMarginsF(12, 12, 12, 12), 0};
}

PageSetup PageSetup::letter()
{
    return {QStringLiteral("Letter"), QSizeF(215.9, 279.4), QMarginsF(12.7, 12.7, 12.7, 12.7), 0};
}

QPageSize PageSetup::pageSize() const
{
    if (name == u"A4")
        return QPageSize(QPageSize::A4);
    if (name == u"Letter")
        return QPageSize(QPageSize::Letter);
    // Exact: a fuzzy match would snap a 4x6 in label to the nearest postcard.
    return QPageSize(sizeMm, QPageSize::Millimeter, name, QPageSize::ExactMatch);
}

void Document::paintPage(Canvas &canvas, int index) const
{
    if (index >= 0 && index < m_pages.size())
        m_pages.at(index)(canvas);
}

} // namespace printing
