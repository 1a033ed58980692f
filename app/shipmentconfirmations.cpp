#include "app/shipmentconfirmations.h"

#include "app/jsonwriter.h"

namespace app {

namespace {

// Tab-delimited files have no quoting: a tab or line break inside a value would
// start a new field or row, so each becomes a space.
QByteArray tabCell(const QString &text)
{
    QString t = text;
    for (QChar &c : t)
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    return t.toUtf8();
}

QByteArray csvRow(const QStringList &cells)
{
    QByteArray out;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += ',';
        out += csvCell(cells.at(i));
    }
    return out + "\r\n";
}

QString shipDate(const QString &shippedAt)
{
    return shippedAt.left(10); // UTC yyyy-mm-dd of the stored ISO time
}

} // namespace

std::unique_ptr<ShipmentConfirmationWriter>
ShipmentConfirmationWriter::forChannel(const QString &channel)
{
    if (channel == QLatin1String("amazon"))
        return std::make_unique<AmazonShippingConfirmation>();
    if (channel == QLatin1String("ebay"))
        return std::make_unique<EbayTrackingUpload>();
    if (channel == QLatin1String("shopify"))
        return std::make_unique<ShopifyFulfilmentRecord>();
    return nullptr;
}

QByteArray AmazonShippingConfirmation::header() const
{
    return "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\t"
           "tracking-number\tship-method\n";
}

QByteArray AmazonShippingConfirmation::row(const storage::ShippedLine &l) const
{
    const bool other =
        l.amazonCarrierCode.isEmpty() ||
        l.amazonCarrierCode.compare(QLatin1String("Other"), Qt::CaseInsensitive) == 0;
    const QString code = other ? QStringLiteral("Other") : l.amazonCarrierCode;
    const QString name = other ? l.carrier.left(50) : QString();
    QByteArray out;
    for (const QString &cell : {l.orderExternalId, l.externalLineId, QString::number(l.quantity),
                                shipDate(l.shippedAt), code, name, l.trackingNumber, l.service})
        out += tabCell(cell) + '\t';
    out.chop(1);
    return out + '\n';
}

QByteArray EbayTrackingUpload::header() const
{
    return "#INFO\r\n" +
           csvRow({QStringLiteral("Shipping Status"), QStringLiteral("Order Number"),
                   QStringLiteral("Item Number"), QStringLiteral("Item Title"),
                   QStringLiteral("Custom Label"), QStringLiteral("Transaction ID"),
                   QStringLiteral("Shipping Carrier Used"), QStringLiteral("Tracking Number")});
}

QByteArray EbayTrackingUpload::row(const storage::ShippedLine &l) const
{
    // The importer keeps the Transaction ID as the line's id (the Item Number when
    // the report had none); the order number and transaction identify the line.
    return csvRow({QStringLiteral("Shipped"), l.orderExternalId, QString(), l.title, l.sku,
                   l.externalLineId, l.ebayCarrierName.isEmpty() ? l.carrier : l.ebayCarrierName,
                   l.trackingNumber});
}

QByteArray ShopifyFulfilmentRecord::header() const
{
    return csvRow({QStringLiteral("Name"), QStringLiteral("Fulfilled at"),
                   QStringLiteral("Lineitem quantity"), QStringLiteral("Lineitem name"),
                   QStringLiteral("Lineitem sku"), QStringLiteral("Shipping Method"),
                   QStringLiteral("Tracking Company"), QStringLiteral("Tracking Number"),
                   QStringLiteral("Tracking URL")});
}

QByteArray ShopifyFulfilmentRecord::row(const storage::ShippedLine &l) const
{
    return csvRow({l.orderNumber, l.shippedAt, QString::number(l.quantity), l.title, l.sku,
                   l.service, l.carrier, l.parcelTracking.join(QStringLiteral(", ")),
                   l.trackingUrl});
}

} // namespace app
