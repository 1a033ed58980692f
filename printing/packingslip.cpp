#include "printing/packingslip.h"

#include "models/channel.h"
#include "models/orderdocument.h"

#include "printing/canvas.h"
#include "printing/documentflow.h"

#include <QLocale>

#include <memory>

namespace printing {

namespace {

const TextStyle Body{9.5, 7, false, true, Qt::AlignLeft};
const TextStyle Caption{7.5, 6, true, true, Qt::AlignLeft};

QString money(const models::Money &m)
{
    return m.currency().isEmpty() ? QString() : m.toDisplayString();
}

void paintFrame(Canvas &c, const QRectF &header, const QRectF &footer, const PackingSlipData &slip)
{
    const qreal split = header.width() * 0.55;
    QStringList shop = addressLines(slip.shopAddress);
    if (!slip.shopContact.isEmpty())
        shop.append(slip.shopContact);
    c.drawParagraphs(QRectF(header.left(), header.top(), split - 4, header.height() - 2),
                     {{slip.shopName, TextStyle{18, 11, true, false}},
                      {shop.join(QLatin1Char('\n')), Body.withSize(8.5), 1}});
    const QLocale locale(QLocale::English);
    QStringList facts;
    facts.append(QStringLiteral("Order %1").arg(slip.orderNumber));
    if (slip.orderDateUtc.isValid())
        facts.append(locale.toString(slip.orderDateUtc.toLocalTime().date(), QLocale::LongFormat));
    if (!slip.channel.isEmpty())
        facts.append(QStringLiteral("Ordered on %1").arg(slip.channel));
    const TextStyle right = Body.withAlign(Qt::AlignRight);
    c.drawParagraphs(
        QRectF(header.left() + split, header.top(), header.width() - split, header.height() - 2),
        {{QStringLiteral("PACKING SLIP"), TextStyle{14, 9, true, false, Qt::AlignRight}},
         {facts.join(QLatin1Char('\n')), right.withSize(10).withBold(), 1},
         {QStringLiteral("Page %1 of %2").arg(c.pageIndex() + 1).arg(c.pageCount()), right, 1}});
    c.drawRule(header.bottom(), header.left(), header.right(), 0.6);
    c.drawRule(footer.top(), footer.left(), footer.right(), 0.2);
    c.drawText(footer.adjusted(0, 1, 0, 0),
               QStringLiteral("%1 · Order %2 · Page %3 of %4")
                   .arg(slip.shopName, slip.orderNumber)
                   .arg(c.pageIndex() + 1)
                   .arg(c.pageCount()),
               Body.withSize(7.5).withAlign(Qt::AlignHCenter).noWrap());
}

} // namespace

PackingSlipData PackingSlipData::fromOrder(const models::Order &order)
{
    PackingSlipData slip;
    slip.orderNumber = order.orderNumber;
    slip.orderDateUtc = order.placedAtUtc;
    slip.channel = models::channelDisplayName(order.channelCode);
    slip.shipTo = order.shipTo;
    for (const models::OrderLine &l : order.lines)
        slip.lines.append({l.sku, l.title, l.quantity, l.unitPrice, l.lineTotal, {}});
    slip.subtotal = order.subtotal;
    slip.shipping = order.shipping;
    slip.discount = order.discount;
    slip.tax = order.tax;
    slip.total = order.total;
    return slip;
}

models::Result<Document> packingSlipDocument(const PackingSlipData &slip, const PageSetup &page,
                                             const PackingSlipOptions &options)
{
    if (slip.lines.isEmpty())
        return models::Error{QStringLiteral("order %1: a packing slip needs at least one line")
                                 .arg(slip.orderNumber)};
    if (!slip.returnUrl.isEmpty()) {
        if (auto s = encodeBarcode(BarcodeKind::QrCode, slip.returnUrl); !s)
            return models::Error{
                QStringLiteral("order %1: return code: %2").arg(slip.orderNumber, s.error())};
    }

    const auto data = std::make_shared<const PackingSlipData>(slip);
    const bool prices = !options.gift;
    Flow flow;

    // Addresses side by side. A gift's recipient does not see where the buyer
    // is billed.
    const bool billTo = prices && !slip.billTo.name.isEmpty();
    const TextStyle name{11, 8, true, false};
    const TextStyle lines = Body.withSize(10);
    flow.addBlock(34, [data, billTo, name, lines](Canvas &c, const QRectF &r) {
        const qreal w = (r.width() - 8) / 2;
        c.drawText(QRectF(r.left(), r.top(), w, 4), QStringLiteral("SHIP TO"), Caption);
        c.drawAddress(QRectF(r.left(), r.top() + 5, w, r.height() - 5), data->shipTo, name, lines);
        if (billTo) {
            c.drawText(QRectF(r.left() + w + 8, r.top(), w, 4), QStringLiteral("BILL TO"), Caption);
            c.drawAddress(QRectF(r.left() + w + 8, r.top() + 5, w, r.height() - 5), data->billTo,
                          name, lines);
        }
    });
    if (options.gift && !slip.giftMessage.isEmpty()) {
        flow.addSpace(3);
        const QString message = slip.giftMessage;
        const qreal h = std::min(40.0, textHeightMm(message, Body.withSize(11), 150) + 10);
        flow.addBlock(h, [message](Canvas &c, const QRectF &r) {
            c.drawFrame(r, 0.3);
            c.drawParagraphs(r.adjusted(4, 2, -4, -2),
                             {{QStringLiteral("GIFT MESSAGE"), Caption},
                              {message, TextStyle{11, 8, false, true}, 1}});
        });
    }
    flow.addSpace(5);

    QList<TableColumn> columns{{QStringLiteral("SKU"), 38, Qt::AlignLeft},
                               {QStringLiteral("Item"), 0, Qt::AlignLeft},
                               {QStringLiteral("Qty"), 14, Qt::AlignRight}};
    if (prices) {
        columns.append({QStringLiteral("Unit price"), 26, Qt::AlignRight});
        columns.append({QStringLiteral("Total"), 26, Qt::AlignRight});
    }
    auto table = std::make_shared<Table>(columns, Body, Body.withBold().withSize(8.5));
    int units = 0;
    for (const PackingSlipLine &l : slip.lines) {
        // A kit is one line with what it holds written under its name.
        const QString contents = models::kitContentsText(l.parts, l.quantity);
        QList<TableCell> row{
            l.sku, contents.isEmpty() ? l.title : QStringLiteral("%1\n%2").arg(l.title, contents),
            QString::number(l.quantity)};
        units += l.quantity;
        if (prices) {
            row.append(money(l.unitPrice));
            row.append(money(l.lineTotal));
        }
        table->addRow(row);
    }
    flow.addTable(table);
    flow.addSpace(3);

    // Totals (or, for a gift, just the item count) under the price columns.
    QList<QPair<QString, QString>> totals;
    totals.append({QStringLiteral("Items"), QString::number(units)});
    if (prices) {
        totals.append({QStringLiteral("Subtotal"), money(slip.subtotal)});
        if (!slip.discount.isZero())
            totals.append({QStringLiteral("Discount"), money(-slip.discount)});
        totals.append({QStringLiteral("Shipping"), money(slip.shipping)});
        if (!slip.tax.isZero())
            totals.append({QStringLiteral("Tax"), money(slip.tax)});
        totals.append({QStringLiteral("Total"), money(slip.total)});
    }
    const qreal rowH = 5.2;
    flow.addBlock(totals.size() * rowH + 1, [totals, rowH](Canvas &c, const QRectF &r) {
        const qreal w = 70;
        qreal y = r.top();
        for (qsizetype i = 0; i < totals.size(); ++i) {
            const bool last = i + 1 == totals.size() && totals.size() > 1;
            const TextStyle s = Body.withSize(last ? 11 : 9.5).withBold(last).noWrap();
            if (last)
                c.drawRule(y, r.right() - w, r.right(), 0.3);
            c.drawText(QRectF(r.right() - w, y + 0.6, w * 0.5, rowH), totals.at(i).first, s);
            c.drawText(QRectF(r.right() - w * 0.5, y + 0.6, w * 0.5 - 1.2, rowH),
                       totals.at(i).second, s.withAlign(Qt::AlignRight));
            y += rowH;
        }
    });

    if (!slip.returnInstructions.isEmpty() || !slip.returnUrl.isEmpty()) {
        flow.addSpace(6);
        const QString text = slip.returnInstructions;
        const QString url = slip.returnUrl;
        flow.addBlock(36, [text, url](Canvas &c, const QRectF &r) {
            c.drawFrame(r, 0.4);
            const QRectF inner = r.adjusted(4, 3, -4, -3);
            qreal codeW = 0;
            if (!url.isEmpty()) {
                BarcodeOptions o;
                o.text = false;
                o.minModuleMm = 0.4;
                o.maxModuleMm = 1.0;
                o.align = Qt::AlignRight | Qt::AlignVCenter;
                const QRectF used =
                    c.drawBarcode(QRectF(inner.right() - inner.height(), inner.top(),
                                         inner.height(), inner.height()),
                                  BarcodeKind::QrCode, url, o);
                codeW = used.width() + 5;
            }
            QList<Paragraph> p{{QStringLiteral("RETURNS"), TextStyle{11, 8, true, false}},
                               {text, Body, 1.5}};
            if (!url.isEmpty())
                p.append({url, Body.withSize(8.5), 1.5});
            c.drawParagraphs(
                QRectF(inner.left(), inner.top(), inner.width() - codeW, inner.height()), p,
                Qt::AlignVCenter);
        });
    }

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
