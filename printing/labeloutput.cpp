#include "printing/labeloutput.h"

#include "printing/documentrender.h"
#include "printing/orderdocuments.h"
#include "printing/rawprinter.h"
#include "printing/shippinglabel.h"
#include "printing/zpllabel.h"

#include <QDir>
#include <QPrinter>

namespace printing {

namespace {

// "#1001" -> "1001", "202-123/4" -> "202-123_4": safe in a file name anywhere.
QString fileStem(const QString &orderNumber)
{
    QString out;
    for (const QChar c : orderNumber) {
        if (c.isLetterOrNumber() || c == u'-' || c == u'.')
            out += c;
        else if (c != u'#')
            out += u'_';
    }
    return out.isEmpty() ? QStringLiteral("order") : out;
}

models::Status printOnSystemPrinter(const Document &document, const QString &printerName,
                                    const QString &title)
{
    QPrinter printer(QPrinter::HighResolution);
    if (!printerName.isEmpty())
        printer.setPrinterName(printerName);
    if (!printer.isValid())
        return models::Error{
            printerName.isEmpty()
                ? QStringLiteral("no system printer is installed")
                : QStringLiteral("printer %1 is not installed on this computer").arg(printerName)};
    printer.setDocName(title);
    if (auto report = printDocument(document, printer); !report)
        return models::Error{
            QStringLiteral("printer %1: %2").arg(printer.printerName(), report.error())};
    return {};
}

models::Status writePdfInto(const Document &document, const QString &folder,
                            const QString &fileName, const QString &title)
{
    if (!QDir().mkpath(folder))
        return models::Error{QStringLiteral("could not make the folder %1").arg(folder)};
    if (auto report = writePdf(document, QDir(folder).filePath(fileName), title); !report)
        return models::Error{report.error()};
    return {};
}

models::Status sendLabels(const OrderPrintJob &job, const LabelOutputSettings &settings)
{
    const QString title = QStringLiteral("Shipping label %1").arg(job.orderNumber);
    if (settings.kind == LabelOutputKind::NetworkZpl) {
        auto address = parseRawPrinterAddress(settings.networkPrinter);
        if (!address)
            return models::Error{address.error()};
        ZplOptions options;
        options.dpi = settings.dpi;
        auto zpl = zplLabels(job.labels, options);
        if (!zpl)
            return models::Error{zpl.error()};
        RawPrintTimeouts timeouts;
        timeouts.connectMs = settings.connectTimeoutMs;
        return sendRawPrintJob(address.value(), zpl.value(), timeouts);
    }
    auto document = shippingLabelDocument(job.labels, LabelStock::Label4x6, settings.dpi);
    if (!document)
        return models::Error{document.error()};
    if (settings.kind == LabelOutputKind::SystemPrinter)
        return printOnSystemPrinter(document.value(), settings.systemPrinter, title);
    return writePdfInto(document.value(), settings.pdfFolder,
                        QStringLiteral("label-%1.pdf").arg(fileStem(job.orderNumber)), title);
}

models::Status sendSlip(const OrderPrintJob &job, const LabelOutputSettings &settings)
{
    auto document = packingSlipDocument(*job.slip, PageSetup::a4());
    if (!document)
        return models::Error{document.error()};
    const QString title = QStringLiteral("Packing slip %1").arg(job.orderNumber);
    if (settings.kind == LabelOutputKind::PdfFolder)
        return writePdfInto(document.value(), settings.pdfFolder,
                            QStringLiteral("packing-slip-%1.pdf").arg(fileStem(job.orderNumber)),
                            title);
    return printOnSystemPrinter(document.value(), settings.slipPrinter, title);
}

} // namespace

QString LabelOutputSettings::labelDestination() const
{
    switch (kind) {
    case LabelOutputKind::NetworkZpl:
        if (auto a = parseRawPrinterAddress(networkPrinter))
            return QStringLiteral("label printer %1").arg(a->toString());
        return QStringLiteral("label printer %1").arg(networkPrinter);
    case LabelOutputKind::SystemPrinter:
        return systemPrinter.isEmpty() ? QStringLiteral("the default printer")
                                       : QStringLiteral("printer %1").arg(systemPrinter);
    case LabelOutputKind::PdfFolder:
        return QStringLiteral("folder %1").arg(pdfFolder);
    }
    return QString();
}

QString LabelOutputSettings::problem() const
{
    switch (kind) {
    case LabelOutputKind::NetworkZpl:
        if (networkPrinter.trimmed().isEmpty())
            return QStringLiteral("no label printer address is set");
        if (auto a = parseRawPrinterAddress(networkPrinter); !a)
            return a.error();
        if (dpi != 203 && dpi != 300)
            return QStringLiteral("the label printer's resolution must be 203 or 300 dpi, not %1")
                .arg(dpi);
        return QString();
    case LabelOutputKind::SystemPrinter:
        return QString();
    case LabelOutputKind::PdfFolder:
        return pdfFolder.trimmed().isEmpty() ? QStringLiteral("no folder is set for the label PDFs")
                                             : QString();
    }
    return QString();
}

models::Result<OrderPrintJob> printJobForOrder(const models::OrderDocumentData &order,
                                               bool withPackingSlip, const QDate &today)
{
    auto labels = labelsForOrder(order, today);
    if (!labels)
        return models::Error{QStringLiteral("order %1: %2").arg(order.orderNumber, labels.error())};
    OrderPrintJob job;
    job.orderId = order.orderId;
    job.orderNumber = order.orderNumber;
    job.labels = labels.value();
    if (withPackingSlip)
        job.slip = packingSlipForOrder(order);
    return job;
}

models::Status sendOrderPrintJob(const OrderPrintJob &job, const LabelOutputSettings &settings)
{
    if (const QString p = settings.problem(); !p.isEmpty())
        return models::Error{
            QStringLiteral("label for %1 not printed: %2").arg(job.orderNumber, p)};
    if (models::Status s = sendLabels(job, settings); !s)
        return models::Error{
            QStringLiteral("label for %1 not printed: %2").arg(job.orderNumber, s.error())};
    if (job.slip)
        if (models::Status s = sendSlip(job, settings); !s)
            return models::Error{QStringLiteral("packing slip for %1 not printed: %2")
                                     .arg(job.orderNumber, s.error())};
    return {};
}

} // namespace printing
