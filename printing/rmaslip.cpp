#include "printing/rmaslip.h"

#include "models/orderdocument.h"

#include "printing/canvas.h"
#include "printing/documentflow.h"

#include <QLocale>

#include <memory>

namespace printing {

namespace {

const TextStyle Body{9.5, 7, false, true, Qt::AlignLeft};
const TextStyle Caption{7.5, 6, true, true, Qt::AlignLeft};

QString standardInstructions(const RmaSlipData &slip)
{
    return QStringLiteral(
               "1. Pack the items listed above, in their original packaging if you still have "
               "it.\n"
               "2. Put this slip inside the parcel, or write %1 clearly on the outside.\n"
               "3. Send the parcel to the address above and keep the proof of postage.\n"
               "4. We check every return the day it arrives and refund you within 5 working "
               "days of receiving it.")
        .arg(slip.rmaNumber);
}

void paintFrame(Canvas &c, const QRectF &header, const QRectF &footer, const RmaSlipData &slip)
{
    const qreal split = header.width() * 0.5;
    c.drawParagraphs(QRectF(header.left(), header.top(), split - 4, header.height() - 2),
                     {{slip.shopName, TextStyle{18, 11, true, false}},
                      {QStringLiteral("Returns"), Body.withSize(10), 1}});
    const TextStyle right = Body.withAlign(Qt::AlignRight);
    c.drawParagraphs(
        QRectF(header.left() + split, header.top(), header.width() - split, header.height() - 2),
        {{QStringLiteral("RETURN AUTHORISATION"), TextStyle{12, 8, true, false, Qt::AlignRight}},
         {slip.rmaNumber, TextStyle{16, 10, true, false, Qt::AlignRight}, 1},
         {QStringLiteral("Order %1").arg(slip.orderNumber), right.withSize(10), 1},
         {QStringLiteral("Page %1 of %2").arg(c.pageIndex() + 1).arg(c.pageCount()), right, 1}});
    c.drawRule(header.bottom(), header.left(), header.right(), 0.6);
    c.drawRule(footer.top(), footer.left(), footer.right(), 0.2);
    c.drawText(footer.adjusted(0, 1, 0, 0),
               QStringLiteral("%1 · %2 · Order %3 · Page %4 of %5")
                   .arg(slip.shopName, slip.rmaNumber, slip.orderNumber)
                   .arg(c.pageIndex() + 1)
                   .arg(c.pageCount()),
               Body.withSize(7.5).withAlign(Qt::AlignHCenter).noWrap());
}

} // namespace

RmaSlipData RmaSlipData::fromReturn(const models::ReturnAuthorisation &rma, const QString &shopName)
{
    RmaSlipData slip;
    slip.shopName = shopName;
    slip.rmaNumber = rma.rmaNumber;
    slip.orderNumber = rma.orderNumber;
    slip.customerName = rma.customerName;
    const std::optional<models::ReturnReason> reason = models::returnReasonFromCode(rma.reason);
    slip.reason = reason ? models::returnReasonLabel(*reason) : rma.reason;
    slip.authorisedAtUtc = rma.authorisedAtUtc;
    slip.returnAddress = rma.returnAddress;
    for (const models::ReturnLine &l : rma.lines)
        slip.lines.append({l.sku, l.title, l.quantity, l.parts});
    return slip;
}

models::Result<Document> rmaSlipDocument(const RmaSlipData &slip, const PageSetup &page)
{
    if (slip.rmaNumber.isEmpty())
        return models::Error{
            QStringLiteral("order %1: the return has no RMA number yet; authorise it first")
                .arg(slip.orderNumber)};
    if (slip.lines.isEmpty())
        return models::Error{
            QStringLiteral("%1: an RMA slip needs at least one line").arg(slip.rmaNumber)};
    for (BarcodeKind kind : {BarcodeKind::Code128, BarcodeKind::QrCode})
        if (auto s = encodeBarcode(kind, slip.rmaNumber); !s)
            return models::Error{QStringLiteral("%1: %2").arg(slip.rmaNumber, s.error())};

    const auto data = std::make_shared<const RmaSlipData>(slip);
    Flow flow;

    // The codes the returns bench scans: Code 128 for a hand scanner, QR for a phone
    // or a 2D scanner. Both hold just the RMA number.
    flow.addBlock(32, [data](Canvas &c, const QRectF &r) {
        c.drawFrame(r, 0.4);
        const QRectF inner = r.adjusted(4, 3, -4, -3);
        BarcodeOptions qr;
        qr.text = false;
        qr.minModuleMm = 0.4;
        qr.maxModuleMm = 1.2;
        qr.align = Qt::AlignRight | Qt::AlignVCenter;
        const QRectF used = c.drawBarcode(
            QRectF(inner.right() - inner.height(), inner.top(), inner.height(), inner.height()),
            BarcodeKind::QrCode, data->rmaNumber, qr);
        BarcodeOptions code;
        code.text = true;
        code.textSizePt = 11;
        code.minModuleMm = 0.25;
        code.maxModuleMm = 0.5;
        code.align = Qt::AlignLeft | Qt::AlignVCenter;
        const qreal codeW = std::min(110.0, inner.width() - used.width() - 8);
        c.drawBarcode(QRectF(inner.left(), inner.top(), codeW, inner.height()),
                      BarcodeKind::Code128, data->rmaNumber, code);
    });
    flow.addSpace(5);

    // Where it goes, and what this return is.
    const TextStyle name{11, 8, true, false};
    const TextStyle lines = Body.withSize(10.5);
    flow.addBlock(36, [data, name, lines](Canvas &c, const QRectF &r) {
        const qreal w = (r.width() - 8) / 2;
        c.drawText(QRectF(r.left(), r.top(), w, 4), QStringLiteral("SEND THE PARCEL TO"), Caption);
        c.drawAddress(QRectF(r.left(), r.top() + 5, w, r.height() - 5), data->returnAddress, name,
                      lines);
        const QLocale en(QLocale::English);
        QStringList facts;
        facts.append(QStringLiteral("Return %1").arg(data->rmaNumber));
        facts.append(QStringLiteral("Order %1").arg(data->orderNumber));
        if (!data->customerName.isEmpty())
            facts.append(QStringLiteral("Customer: %1").arg(data->customerName));
        if (!data->reason.isEmpty())
            facts.append(QStringLiteral("Reason: %1").arg(data->reason));
        if (data->authorisedAtUtc.isValid())
            facts.append(QStringLiteral("Authorised %1")
                             .arg(en.toString(data->authorisedAtUtc.toLocalTime().date(),
                                              QLocale::LongFormat)));
        c.drawText(QRectF(r.left() + w + 8, r.top(), w, 4), QStringLiteral("THIS RETURN"), Caption);
        c.drawText(QRectF(r.left() + w + 8, r.top() + 5, w, r.height() - 5),
                   facts.join(QLatin1Char('\n')), Body.withSize(10));
    });
    flow.addSpace(4);

    auto table = std::make_shared<Table>(
        QList<TableColumn>{{QStringLiteral("SKU"), 40, Qt::AlignLeft},
                           {QStringLiteral("Item"), 0, Qt::AlignLeft},
                           {QStringLiteral("Qty to return"), 28, Qt::AlignRight}},
        Body, Body.withBold().withSize(8.5));
    int units = 0;
    for (const RmaSlipLine &l : slip.lines) {
        // A kit comes back whole: its parts are listed under its name.
        const QString contents = models::kitContentsText(l.parts, l.quantity);
        table->addRow(
            {l.sku, contents.isEmpty() ? l.title : QStringLiteral("%1\n%2").arg(l.title, contents),
             QString::number(l.quantity)});
        units += l.quantity;
    }
    flow.addTable(table);
    flow.addBlock(7, [units](Canvas &c, const QRectF &r) {
        c.drawText(r.adjusted(0, 1.5, -1.2, 0), QStringLiteral("%1 item(s)").arg(units),
                   Body.withBold().withAlign(Qt::AlignRight).noWrap());
    });
    flow.addSpace(5);

    const QString steps =
        slip.instructions.isEmpty() ? standardInstructions(slip) : slip.instructions;
    const qreal h = textHeightMm(steps, Body.withSize(10), 170) + 14;
    flow.addBlock(h, [steps](Canvas &c, const QRectF &r) {
        c.drawFrame(r, 0.3);
        c.drawParagraphs(r.adjusted(4, 2, -4, -2),
                         {{QStringLiteral("HOW TO RETURN"), TextStyle{11, 8, true, false}},
                          {steps, Body.withSize(10), 1.5}});
    });

    PageFrame frame;
    frame.headerMm = 30;
    frame.footerMm = 6;
    frame.gapMm = 5;
    frame.paint = [data](Canvas &c, const QRectF &header, const QRectF &footer) {
        paintFrame(c, header, footer, *data);
    };
    return flowDocument(page, frame, flow);
}

} // namespace printing
