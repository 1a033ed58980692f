#include "app/commands.h"
#include "app/console.h"
#include "app/opendatabase.h"

#include "printing/customsdeclaration.h"
#include "printing/documentrender.h"
#include "printing/orderdocuments.h"
#include "printing/packingslip.h"
#include "printing/picklistdocument.h"
#include "printing/rawprinter.h"
#include "printing/shippinglabel.h"
#include "printing/zpllabel.h"
#include "storage/database.h"
#include "storage/sqlorderdocumentsource.h"

#include <QFileInfo>
#include <QImage>
#include <QSaveFile>

namespace app {

namespace {

// FILE for the first page, FILE-2.png, FILE-3.png... for the others.
QString pagePath(const QString &out, int page)
{
    if (page == 0)
        return out;
    const QFileInfo info(out);
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    const QString stem = out.left(out.size() - suffix.size());
    return QStringLiteral("%1-%2%3").arg(stem).arg(page + 1).arg(suffix);
}

// Writes the document as `format` (pdf or png); the written files or an error.
models::Result<QStringList> writeDocument(const printing::Document &document, const QString &format,
                                          const QString &out, int dpi, const QString &title)
{
    if (format == QLatin1String("pdf")) {
        auto report = printing::writePdf(document, out, title);
        if (!report)
            return models::Error{report.error()};
        return QStringList{out};
    }
    QStringList written;
    for (int page = 0; page < document.pageCount(); ++page) {
        printing::RenderReport report;
        const QImage image = printing::renderPage(document, page, dpi, &report);
        const QString path = pagePath(out, page);
        if (!image.save(path, "PNG"))
            return models::Error{QStringLiteral("cannot write %1").arg(path)};
        written.append(path);
    }
    return written;
}

models::Status writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return models::Error{QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

QString plural(qsizetype n, const QString &one)
{
    return QStringLiteral("%1 %2%3").arg(n).arg(one, n == 1 ? QString() : QStringLiteral("s"));
}

} // namespace

// backroom print label|packing-slip|pick-list|customs --order NUMBER [--channel C]
//   [--db PATH] [--format pdf|png|zpl] [--dpi 203|300] (--out FILE | --printer HOST[:PORT])
// backroom print pick-list --orders N1,N2,... --out FILE
int runPrintCommand(const CommandLine &cl)
{
    const QString what = cl.what;
    const QString command = QStringLiteral("print %1").arg(what);
    QStringList numbers = cl.orderNumbers;
    if (!numbers.isEmpty() && what != QLatin1String("pick-list")) {
        printError(QStringLiteral("%1 prints one order: use --order NUMBER (--orders is for pick "
                                  "lists)")
                       .arg(command));
        return 2;
    }
    if (!cl.order.isEmpty())
        numbers.prepend(cl.order);
    if (numbers.isEmpty()) {
        printError(QStringLiteral("%1 needs --order NUMBER, the order number as the Orders queue "
                                  "shows it (e.g. #1001)")
                       .arg(command));
        return 2;
    }

    const bool toPrinter = !cl.printer.isEmpty();
    if (toPrinter && what != QLatin1String("label")) {
        printError(QStringLiteral("%1: --printer sends ZPL to a label printer; only labels are "
                                  "ZPL")
                       .arg(command));
        return 2;
    }
    if (!toPrinter && cl.out.isEmpty()) {
        printError(QStringLiteral("%1 needs --out FILE (.pdf, .png%2)")
                       .arg(command, what == QLatin1String("label")
                                         ? QStringLiteral(", .zpl, or --printer HOST[:PORT]")
                                         : QString()));
        return 2;
    }
    QString format = cl.format;
    if (format.isEmpty())
        format = toPrinter ? QStringLiteral("zpl") : QFileInfo(cl.out).suffix().toLower();
    if (format != QLatin1String("pdf") && format != QLatin1String("png") &&
        format != QLatin1String("zpl")) {
        printError(QStringLiteral("%1: cannot tell the format from \"%2\": give --format pdf, png "
                                  "or zpl")
                       .arg(command, cl.out));
        return 2;
    }
    if (format == QLatin1String("zpl") && what != QLatin1String("label")) {
        printError(
            QStringLiteral("%1: ZPL is for shipping labels only; use pdf or png").arg(command));
        return 2;
    }
    if (toPrinter && format != QLatin1String("zpl")) {
        printError(
            QStringLiteral("%1: a network label printer takes ZPL, not %2").arg(command, format));
        return 2;
    }
    std::optional<printing::RawPrinterAddress> printer;
    if (toPrinter) {
        auto address = printing::parseRawPrinterAddress(cl.printer);
        if (!address) {
            printError(address.error());
            return 2;
        }
        printer = address.value();
    }

    const OpenedDatabase opened = openExistingDatabase(cl.databasePath, command);
    if (!opened.database)
        return 2;
    storage::SqlOrderDocumentSource source(opened.database->connection());
    QList<models::OrderDocumentData> orders;
    for (const QString &number : std::as_const(numbers)) {
        auto found = source.findOrders(number, cl.channel);
        if (!found) {
            printError(found.error());
            return 2;
        }
        auto match = models::uniqueOrder(number, found.value());
        if (!match) {
            printError(QStringLiteral("%1: %2%3")
                           .arg(command, match.error(),
                                cl.channel.isEmpty() || !found.value().isEmpty()
                                    ? QString()
                                    : QStringLiteral(" on %1").arg(cl.channel)));
            return 2;
        }
        auto order = source.orderDocument(match->orderId);
        if (!order) {
            printError(order.error());
            return 2;
        }
        orders.append(order.value());
    }

    const QDate today = QDate::currentDate();
    const models::OrderDocumentData &order = orders.first();
    QString done;
    models::Result<QStringList> written = QStringList();

    if (what == QLatin1String("label")) {
        auto labels = printing::labelsForOrder(order, today);
        if (!labels) {
            printError(labels.error());
            return 2;
        }
        const QString count = plural(labels->size(), QStringLiteral("label"));
        if (format == QLatin1String("zpl")) {
            printing::ZplOptions options;
            options.dpi = cl.dpi;
            auto zpl = printing::zplLabels(labels.value(), options);
            if (!zpl) {
                printError(zpl.error());
                return 2;
            }
            if (printer) {
                if (auto sent = printing::sendRawPrintJob(*printer, zpl.value()); !sent) {
                    printError(sent.error());
                    return 2;
                }
                printOut(
                    QStringLiteral("Sent %1 for order %2 to label printer %3 (%4 bytes of ZPL, "
                                   "%5 dpi)")
                        .arg(count, order.orderNumber, printer->toString())
                        .arg(zpl->size())
                        .arg(cl.dpi));
                return 0;
            }
            if (auto s = writeBytes(cl.out, zpl.value()); !s) {
                printError(s.error());
                return 2;
            }
            written = QStringList{cl.out};
        } else {
            auto document = printing::shippingLabelDocument(labels.value(),
                                                            printing::LabelStock::Label4x6, cl.dpi);
            if (!document) {
                printError(document.error());
                return 2;
            }
            written = writeDocument(document.value(), format, cl.out, cl.dpi,
                                    QStringLiteral("Shipping label %1").arg(order.orderNumber));
        }
        done = QStringLiteral("%1 for order %2").arg(count, order.orderNumber);
        if (labels->first().trackingNumber.isEmpty())
            printOut(QStringLiteral("Order %1 has no tracking number yet: the label says \"not yet "
                                    "tracked\"")
                         .arg(order.orderNumber));
    } else if (what == QLatin1String("packing-slip")) {
        auto document = printing::packingSlipDocument(printing::packingSlipForOrder(order),
                                                      printing::PageSetup::a4());
        if (!document) {
            printError(document.error());
            return 2;
        }
        written = writeDocument(document.value(), format, cl.out, cl.dpi,
                                QStringLiteral("Packing slip %1").arg(order.orderNumber));
        done = QStringLiteral("packing slip for order %1").arg(order.orderNumber);
    } else if (what == QLatin1String("pick-list")) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString listId =
            QStringLiteral("PL-%1").arg(now.toString(QStringLiteral("yyyyMMdd-HHmmss")));
        auto list = printing::pickListForOrders(orders, listId, now);
        if (!list) {
            printError(QStringLiteral("%1: %2").arg(command, list.error()));
            return 2;
        }
        auto document = printing::pickListDocument(list.value(), printing::PageSetup::a4());
        if (!document) {
            printError(document.error());
            return 2;
        }
        written = writeDocument(document.value(), format, cl.out, cl.dpi,
                                QStringLiteral("Pick list %1").arg(listId));
        done = QStringLiteral("pick list %1 for %2")
                   .arg(listId, plural(orders.size(), QStringLiteral("order")));
    } else {
        const printing::CustomsDeclarationData customs = printing::customsForOrder(order, today);
        if (customs.form == models::CustomsForm::None) {
            const QString from = order.shipFrom ? order.shipFrom->address.country : QString();
            printError(QStringLiteral("order %1 ships from %2 to %3: no customs form is needed")
                           .arg(order.orderNumber, from, order.shipTo.country));
            return 1;
        }
        for (const QString &gap : customs.gaps())
            printError(QStringLiteral("order %1: %2 (left blank on the form)")
                           .arg(order.orderNumber, gap));
        auto document =
            printing::customsDeclarationDocument(customs, printing::PageSetup::a4(), cl.dpi);
        if (!document) {
            printError(document.error());
            return 2;
        }
        written = writeDocument(
            document.value(), format, cl.out, cl.dpi,
            QStringLiteral("%1 %2").arg(models::customsFormName(customs.form), order.orderNumber));
        done = QStringLiteral("%1 for order %2")
                   .arg(models::customsFormName(customs.form), order.orderNumber);
    }
    if (!written) {
        printError(QStringLiteral("%1: %2").arg(command, written.error()));
        return 2;
    }
    printOut(QStringLiteral("Wrote %1 to %2").arg(done, written->join(QStringLiteral(", "))));
    return 0;
}

} // namespace app
