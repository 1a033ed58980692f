#include "ui/orderdetailpanel.h"

#include <QLabel>
#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ui {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString localTime(const QDateTime &utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                         : QStringLiteral("—");
}

QString section(const QString &title)
{
    return QStringLiteral("<h4 style='margin:10px 0 4px 0; color:#57606a;'>%1</h4>")
        .arg(esc(title));
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='color:#57606a; padding-right:12px;'>%1</td>"
                          "<td>%2</td></tr>")
        .arg(esc(label), value);
}

} // namespace

OrderDetailPanel::OrderDetailPanel(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_body(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("orderDetailPanel"));
    m_title->setObjectName(QStringLiteral("orderDetailTitle"));
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    m_body->setObjectName(QStringLiteral("orderDetailText"));
    m_body->setOpenLinks(false);
    m_body->setFrameShape(QFrame::NoFrame);
    // Text wraps to the panel's width; a sideways scroll bar would hide the prices.
    m_body->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_body->setFocusPolicy(Qt::ClickFocus); // Tab goes from the queue to the filters, not here

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_body, 1);
    setMinimumWidth(280);
    showMessage(tr("Select an order to see its details."));
}

void OrderDetailPanel::showMessage(const QString &message)
{
    m_orderId = 0;
    m_title->setText(tr("Order details"));
    m_body->setHtml(QStringLiteral("<p style='color:#57606a;'>%1</p>").arg(esc(message)));
}

QString OrderDetailPanel::plainText() const
{
    return m_title->text() + QLatin1Char('\n') + m_body->toPlainText();
}

void OrderDetailPanel::showDetail(const models::OrderDetail &d)
{
    m_orderId = d.id;
    m_title->setText(tr("%1 · %2").arg(d.orderNumber, d.channelName));

    QString html;
    html += QStringLiteral("<table cellspacing=0 cellpadding=1>");
    QString status = esc(models::orderStatusLabel(d.status));
    if (d.status == models::OrderStatus::OnHold)
        status = QStringLiteral("<b style='color:#d26a00;'>%1</b>").arg(status);
    html += row(tr("Status"), status);
    if (!d.holdReason.isEmpty())
        html += row(tr("Hold reason"), QStringLiteral("<b>%1</b>").arg(esc(d.holdReason)));
    html += row(tr("Placed"), esc(localTime(d.placedAtUtc)));
    html += row(tr("Ship by"), esc(localTime(d.shipByUtc)));
    if (!d.locationCode.isEmpty())
        html += row(tr("Ships from"), esc(d.locationCode));
    html +=
        row(tr("Customer"),
            esc(d.buyerName) +
                (d.buyerEmail.isEmpty() ? QString() : QStringLiteral("<br>") + esc(d.buyerEmail)));
    html += QStringLiteral("</table>");
    for (const QString &line : d.shipsWith)
        html += QStringLiteral("<p style='margin:6px 0 0 0; color:#0550ae;'><b>%1</b></p>")
                    .arg(esc(line));

    html += section(tr("Lines"));
    html += QStringLiteral("<table cellspacing=0 cellpadding=2 width='100%'>"
                           "<tr style='color:#57606a;'><td>%1</td><td>%2</td>"
                           "<td align=right>%3</td><td align=right>%4</td></tr>")
                .arg(tr("SKU"), tr("Title"), tr("Qty"), tr("Price"));
    for (const models::OrderDetailLine &l : d.lines) {
        html += QStringLiteral("<tr><td style='white-space:nowrap;'><b>%1</b></td><td>%2</td>"
                               "<td align=right>%3</td><td align=right "
                               "style='white-space:nowrap;'>%4</td></tr>")
                    .arg(esc(l.sku), esc(l.title), QString::number(l.quantity),
                         esc(l.unitPrice.toDisplayString()));
        QStringList stock;
        for (const models::OrderDetailStock &s : l.stock)
            stock << tr("%1: %2 on hand / %3 reserved")
                         .arg(esc(s.locationCode))
                         .arg(s.onHand)
                         .arg(s.reserved);
        html +=
            QStringLiteral("<tr><td></td><td colspan=3 style='color:#57606a;'>%1</td></tr>")
                .arg(stock.isEmpty() ? tr("No stock record") : stock.join(QStringLiteral("<br>")));
    }
    html += QStringLiteral("</table>");

    html += section(tr("Ship to"));
    const models::Address &a = d.shipTo;
    QStringList address;
    for (const QString &part : {a.name, a.company, a.line1, a.line2,
                                QStringList{a.postcode, a.city}.join(QLatin1Char(' ')).trimmed(),
                                a.region, a.country, a.phone})
        if (!part.trimmed().isEmpty())
            address << esc(part);
    html += address.join(QStringLiteral("<br>"));
    if (!d.shippingService.isEmpty())
        html += QStringLiteral("<br><span style='color:#57606a;'>%1</span>")
                    .arg(esc(d.shippingService));

    html += section(tr("Payment"));
    html += QStringLiteral("<table cellspacing=0 cellpadding=1>");
    html += row(tr("Status"), esc(d.paymentStatus.isEmpty() ? tr("unknown") : d.paymentStatus));
    html += row(tr("Subtotal"), esc(d.subtotal.toDisplayString()));
    html += row(tr("Shipping"), esc(d.shipping.toDisplayString()));
    html += row(tr("Tax"), esc(d.tax.toDisplayString()));
    if (d.discount.minorUnits() != 0)
        html += row(tr("Discount"), esc(d.discount.toDisplayString()));
    html += row(tr("Total"), QStringLiteral("<b>%1</b>").arg(esc(d.total.toDisplayString())));
    if (d.refunded.minorUnits() != 0)
        html += row(tr("Refunded"), esc(d.refunded.toDisplayString()));
    html += QStringLiteral("</table>");

    if (!d.notes.isEmpty()) {
        html += section(tr("Notes"));
        html += esc(d.notes).replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    }

    html += section(tr("Timeline"));
    html += QStringLiteral("<table cellspacing=0 cellpadding=2>");
    for (const models::OrderDetailEvent &e : d.events)
        html += QStringLiteral("<tr><td style='color:#57606a;' nowrap>%1</td><td><b>%2</b> %3"
                               "<span style='color:#57606a;'> — %4</span></td></tr>")
                    .arg(esc(localTime(e.atUtc)), esc(e.kind), esc(e.detail), esc(e.user));
    if (d.events.isEmpty())
        html +=
            QStringLiteral("<tr><td style='color:#57606a;'>%1</td></tr>").arg(tr("No events yet"));
    html += QStringLiteral("</table>");
    m_body->setHtml(html);
}

} // namespace ui
