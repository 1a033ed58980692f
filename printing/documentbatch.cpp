#include "printing/documentbatch.h"

#include "printing/canvas.h"

#include <QPagedPaintDevice>
#include <QPageLayout>
#include <QPainter>

namespace printing {

int totalPages(const QList<Document> &documents)
{
    int n = 0;
    for (const Document &d : documents)
        n += d.pageCount();
    return n;
}

models::Result<RenderReport> paintDocuments(const QList<Document> &documents,
                                            QPagedPaintDevice &device)
{
    if (totalPages(documents) == 0)
        return models::Error{QStringLiteral("nothing to print")};
    const auto layoutOf = [](const Document &d) {
        return QPageLayout(d.pageSetup().pageSize(), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                           QPageLayout::Millimeter);
    };
    qsizetype first = 0;
    while (documents.at(first).pageCount() == 0)
        ++first;
    device.setPageLayout(layoutOf(documents.at(first)));
    QPainter painter;
    if (!painter.begin(&device))
        return models::Error{QStringLiteral("could not start drawing on the output device")};
    RenderReport report;
    models::Status status;
    bool started = false;
    int sheet = 0;
    for (qsizetype d = first; d < documents.size(); ++d) {
        const Document &document = documents.at(d);
        for (int page = 0; page < document.pageCount(); ++page) {
            if (started) {
                // A PDF writer takes each document's paper; a printer keeps the
                // job's first (a driver cannot change paper inside a job).
                const QPageLayout layout = layoutOf(document);
                if (!device.pageLayout().isEquivalentTo(layout) &&
                    device.devType() != QInternal::Printer)
                    device.setPageLayout(layout);
                if (!device.newPage()) {
                    painter.end();
                    return models::Error{QStringLiteral("could not start page %1").arg(sheet + 1)};
                }
            }
            started = true;
            const qreal scaleX = device.logicalDpiX() / MmPerInch;
            const qreal scaleY = device.logicalDpiY() / MmPerInch;
            painter.save();
            painter.scale(scaleX, scaleY);
            Canvas canvas(painter, page, document.pageCount());
            document.paintPage(canvas, page);
            painter.restore();
            for (PlacedBarcode b : canvas.barcodes()) {
                b.page = sheet;
                report.barcodes.append(b);
            }
            if (status.ok() && !canvas.status().ok())
                status = models::Error{QStringLiteral("document %1, page %2: %3")
                                           .arg(d + 1)
                                           .arg(page + 1)
                                           .arg(canvas.status().error())};
            ++sheet;
        }
    }
    painter.end();
    report.pages = sheet;
    if (!status.ok())
        return models::Error{status.error()};
    return report;
}

} // namespace printing
