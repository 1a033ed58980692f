#include "printing/documentrender.h"

#include <QPagedPaintDevice>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>

#include <cmath>

namespace printing {

namespace {

models::Result<RenderReport> paintPages(const Document &document, QPagedPaintDevice &device,
                                        QPainter &painter)
{
    RenderReport report;
    models::Status status;
    const qreal scaleX = device.logicalDpiX() / MmPerInch;
    const qreal scaleY = device.logicalDpiY() / MmPerInch;
    for (int page = 0; page < document.pageCount(); ++page) {
        if (page > 0 && !device.newPage())
            return models::Error{QStringLiteral("could not start page %1").arg(page + 1)};
        painter.save();
        painter.scale(scaleX, scaleY);
        Canvas canvas(painter, page, document.pageCount());
        document.paintPage(canvas, page);
        painter.restore();
        report.barcodes.append(canvas.barcodes());
        if (status.ok() && !canvas.status().ok()) {
            status = models::Error{
                QStringLiteral("page %1: %2").arg(page + 1).arg(canvas.status().error())};
        }
        ++report.pages;
    }
    if (!status.ok())
        return models::Error{status.error()};
    return report;
}

} // namespace

models::Result<RenderReport> paintDocument(const Document &document, QPagedPaintDevice &device)
{
    if (document.pageCount() == 0)
        return models::Error{QStringLiteral("the document has no pages")};
    const QPageLayout layout(document.pageSetup().pageSize(), QPageLayout::Portrait,
                             QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    device.setPageLayout(layout);
    QPainter painter;
    if (!painter.begin(&device))
        return models::Error{QStringLiteral("could not start drawing on the output device")};
    auto report = paintPages(document, device, painter);
    painter.end();
    return report;
}

models::Result<RenderReport> writePdf(const Document &document, const QString &path,
                                      const QString &title)
{
    QPdfWriter writer(path);
    const int dpi = document.pageSetup().printerDpi;
    writer.setResolution(dpi > 0 ? dpi * int(std::ceil(1200.0 / dpi)) : 1200);
    writer.setCreator(QStringLiteral("Backroom"));
    if (!title.isEmpty())
        writer.setTitle(title);
    auto report = paintDocument(document, writer);
    if (!report)
        return models::Error{QStringLiteral("%1: %2").arg(path, report.error())};
    return report;
}

models::Result<RenderReport> printDocument(const Document &document, QPrinter &printer)
{
    printer.setFullPage(true);
    return paintDocument(document, printer);
}

QImage renderPage(const Document &document, int pageIndex, qreal dpi, RenderReport *report)
{
    const QSizeF mm = document.pageSetup().sizeMm;
    QImage image(qRound(mm.width() / MmPerInch * dpi), qRound(mm.height() / MmPerInch * dpi),
                 QImage::Format_RGB32);
    image.setDotsPerMeterX(qRound(dpi / 0.0254));
    image.setDotsPerMeterY(qRound(dpi / 0.0254));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(dpi / MmPerInch, dpi / MmPerInch);
    Canvas canvas(painter, pageIndex, document.pageCount());
    document.paintPage(canvas, pageIndex);
    painter.end();
    if (report) {
        report->pages = document.pageCount();
        report->barcodes.append(canvas.barcodes());
    }
    return image;
}

} // namespace printing
