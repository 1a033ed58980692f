#include "models/importrules.h"

namespace models {

namespace {

const QString kUnknownSkuPrefix = QStringLiteral("unknown SKU ");
const QString kRowPrefix = QStringLiteral("row ");

QString lowerLabel(OrderStatus status)
{
    return orderStatusLabel(status).toLower();
}

ImportStatusDecision hold(const QString &reason)
{
    return {OrderStatus::OnHold, reason, QStringLiteral("on hold: %1").arg(reason)};
}

ImportStatusDecision keep(const ImportStatusInput &in, const QString &text = {})
{
    const OrderStatus s = *in.stored;
    return {s, s == OrderStatus::OnHold ? in.storedHoldReason : QString(), text};
}

// The channel's state moved since the last import (cancelled, shipped or reopened
// there): unset when the rule for unchanged channel state applies.
std::optional<ImportStatusDecision> channelMoved(const ImportStatusInput &in)
{
    const OrderStatus s = *in.stored;
    const ChannelOrderState before = in.storedChannel.value_or(ChannelOrderState::Open);
    if (in.channel == before)
        return std::nullopt;

    switch (in.channel) {
    case ChannelOrderState::Cancelled:
        switch (s) {
        case OrderStatus::Cancelled:
            return keep(in);
        case OrderStatus::Shipped:
        case OrderStatus::Delivered:
            return keep(in, QStringLiteral("cancelled on the channel after it was %1: arrange the "
                                           "return or refund")
                                .arg(lowerLabel(s)));
        case OrderStatus::New:
        case OrderStatus::OnHold:
        case OrderStatus::Backordered:
            return ImportStatusDecision{
                OrderStatus::Cancelled, {}, QStringLiteral("cancelled on the channel")};
        case OrderStatus::Ready:
        case OrderStatus::Picking:
        case OrderStatus::Packed:
        case OrderStatus::PartiallyShipped:
            return hold(QStringLiteral("cancelled on the channel while %1: stop it, put its "
                                       "stock back and cancel it")
                            .arg(lowerLabel(s)));
        }
        break;
    case ChannelOrderState::Shipped:
        switch (s) {
        case OrderStatus::Shipped:
        case OrderStatus::Delivered:
            return keep(in);
        case OrderStatus::Cancelled:
            return keep(in, QStringLiteral("shipped on the channel although cancelled here: "
                                           "check it"));
        default:
            return ImportStatusDecision{
                OrderStatus::Shipped, {}, QStringLiteral("shipped on the channel")};
        }
    case ChannelOrderState::Open:
        // Reopened on the channel: Backroom never moves backwards by itself.
        if (s == OrderStatus::Cancelled || s == OrderStatus::Shipped || s == OrderStatus::Delivered)
            return keep(in, QStringLiteral("open again on the channel (it was %1 there) but %2 "
                                           "here: check it")
                                .arg(channelOrderStateCode(before), lowerLabel(s)));
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

QString importHoldReason(const std::optional<ImportFieldError> &firstError,
                         const QStringList &unknownSkus)
{
    QStringList parts;
    if (firstError)
        parts.append(QStringLiteral("row %1, field %2: %3")
                         .arg(firstError->row)
                         .arg(firstError->field, firstError->message));
    if (!unknownSkus.isEmpty())
        parts.append(kUnknownSkuPrefix + unknownSkus.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; "));
}

bool isImportHoldReason(const QString &reason)
{
    return reason.startsWith(kUnknownSkuPrefix) || reason.startsWith(kRowPrefix);
}

bool isAllocatorUnknownSkuHold(const QString &reason)
{
    // Kept equal to the words of OrderExceptions::unknownSku; a test ties the two.
    return reason.startsWith(QStringLiteral("Unknown SKU: "));
}

QString withUnknownSkus(const QString &reason, const QStringList &unknownSkus)
{
    // importHoldReason writes the field part first and the SKUs last, joined by "; ".
    QString fieldPart;
    if (!reason.startsWith(kUnknownSkuPrefix)) {
        const qsizetype at = reason.lastIndexOf(QStringLiteral("; ") + kUnknownSkuPrefix);
        fieldPart = at < 0 ? reason : reason.left(at);
    }
    const QString skuPart = importHoldReason(std::nullopt, unknownSkus);
    if (fieldPart.isEmpty())
        return skuPart;
    if (skuPart.isEmpty())
        return fieldPart;
    return fieldPart + QStringLiteral("; ") + skuPart;
}

QString importSkuLabel(const QString &sku, const QString &title)
{
    return sku.isEmpty() ? QStringLiteral("(none on \"%1\")").arg(title) : sku;
}

ImportStatusDecision decideImportedStatus(const ImportStatusInput &in)
{
    const QString dataHold = importHoldReason(in.firstError, in.unknownSkus);

    if (!in.stored) {
        if (in.channel == ChannelOrderState::Cancelled)
            return {OrderStatus::Cancelled, {}, QStringLiteral("cancelled on the channel")};
        if (in.channel == ChannelOrderState::Shipped)
            return {OrderStatus::Shipped, {}, QStringLiteral("shipped on the channel")};
        if (!dataHold.isEmpty())
            return hold(dataHold);
        return {OrderStatus::New, {}, {}};
    }

    if (std::optional<ImportStatusDecision> moved = channelMoved(in))
        return *moved;

    const OrderStatus s = *in.stored;
    switch (s) {
    case OrderStatus::New:
    case OrderStatus::Backordered:
        return dataHold.isEmpty() ? keep(in) : hold(dataHold);
    case OrderStatus::OnHold:
        if (!isImportHoldReason(in.storedHoldReason))
            return keep(in); // a person's hold: theirs to lift
        if (dataHold.isEmpty())
            return {OrderStatus::New,
                    {},
                    QStringLiteral("released: %1 is resolved").arg(in.storedHoldReason)};
        if (dataHold == in.storedHoldReason)
            return keep(in);
        return hold(dataHold);
    case OrderStatus::Ready:
    case OrderStatus::Picking:
    case OrderStatus::Packed:
    case OrderStatus::PartiallyShipped:
        if (in.contentChanged)
            return hold(QStringLiteral("changed on the channel while %1: check it before it ships")
                            .arg(lowerLabel(s)));
        return dataHold.isEmpty() ? keep(in) : hold(dataHold);
    case OrderStatus::Shipped:
    case OrderStatus::Delivered:
    case OrderStatus::Cancelled:
        return keep(in);
    }
    return keep(in);
}

QString channelOrderStateCode(ChannelOrderState state)
{
    switch (state) {
    case ChannelOrderState::Open:
        return QStringLiteral("open");
    case ChannelOrderState::Cancelled:
        return QStringLiteral("cancelled");
    case ChannelOrderState::Shipped:
        return QStringLiteral("shipped");
    }
    return {};
}

std::optional<ChannelOrderState> channelOrderStateFromCode(QStringView code)
{
    for (ChannelOrderState s :
         {ChannelOrderState::Open, ChannelOrderState::Cancelled, ChannelOrderState::Shipped})
        if (code == channelOrderStateCode(s))
            return s;
    return std::nullopt;
}

} // namespace models
