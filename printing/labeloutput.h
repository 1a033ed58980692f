#pragma once

// Where the pack bench's labels and packing slips go when an order is packed, and
// the blocking send that puts them there (call it off the GUI thread: it may wait
// for a network printer).

#include "models/orderdocument.h"
#include "models/result.h"
#include "printing/labeldata.h"
#include "printing/packingslip.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace printing {

enum class LabelOutputKind
{
    NetworkZpl,    // ZPL over raw TCP to a label printer, "HOST[:PORT]"
    SystemPrinter, // drawn on a printer the system knows (QPrinter), 4x6 in
    PdfFolder,     // a PDF per order written into a folder
};

struct LabelOutputSettings
{
    LabelOutputKind kind = LabelOutputKind::NetworkZpl;
    QString networkPrinter; // "10.0.0.7:9100", "zebra1"
    int dpi = 203;          // 203 or 300: the label printer's resolution
    QString systemPrinter;  // empty: the system default
    QString pdfFolder;
    bool packingSlip = false;
    QString slipPrinter; // a system printer for the A4 slip; empty: the system default
    int connectTimeoutMs = 3000;

    // "label printer 10.0.0.7:9100", "printer Zebra-ZD420", "folder /srv/labels":
    // how messages name where the label went.
    QString labelDestination() const;
    // Empty when the settings can be used, else what is missing, in plain words.
    QString problem() const;
};

// What comes out for one packed order: a label per parcel, and the slip if wanted.
struct OrderPrintJob
{
    qint64 orderId = 0;
    QString orderNumber;
    QList<LabelData> labels;
    std::optional<PackingSlipData> slip;
};

models::Result<OrderPrintJob> printJobForOrder(const models::OrderDocumentData &order,
                                               bool withPackingSlip, const QDate &today);

// Sends the job to where `settings` says: every label, then the slip. Blocking;
// safe on any thread (QPainter draws on QPrinter and QPdfWriter off the GUI
// thread). Errors name the printer or folder and the order.
models::Status sendOrderPrintJob(const OrderPrintJob &job, const LabelOutputSettings &settings);

} // namespace printing
