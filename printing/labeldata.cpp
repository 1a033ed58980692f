#include "printing/labeldata.h"

namespace printing {

models::Result<LabelCodes> encodeLabelCodes(const LabelData &l)
{
    const QString parcel = QStringLiteral("order %1, parcel %2 of %3")
                               .arg(l.orderNumber)
                               .arg(l.parcelNumber)
                               .arg(l.parcelCount);
    std::optional<BarcodeSymbol> tracking;
    if (!l.trackingNumber.isEmpty()) {
        auto symbol = encodeBarcode(BarcodeKind::Code128, l.trackingNumber);
        if (!symbol)
            return models::Error{
                QStringLiteral("%1: tracking number: %2").arg(parcel, symbol.error())};
        tracking = std::move(symbol).value();
    }
    if (l.orderCodeKind != BarcodeKind::QrCode && l.orderCodeKind != BarcodeKind::DataMatrix)
        return models::Error{
            QStringLiteral("%1: the order code must be a QR Code or Data Matrix").arg(parcel)};
    auto order = encodeBarcode(l.orderCodeKind, l.orderCode());
    if (!order)
        return models::Error{QStringLiteral("%1: order code: %2").arg(parcel, order.error())};
    return LabelCodes{std::move(tracking), std::move(order).value()};
}

} // namespace printing
