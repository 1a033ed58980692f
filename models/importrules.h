#pragma once

#include "models/importedorder.h"
#include "models/orderstatus.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace models {

// What an import knows when it decides an order's status: what Backroom holds
// (nothing for a new order), what the channel says now and said last time, and what
// is wrong with the order's data.
struct ImportStatusInput
{
    std::optional<OrderStatus> stored; // unset: the order is new
    QString storedHoldReason;
    ChannelOrderState channel = ChannelOrderState::Open;
    // What the channel said at the last import; unset when unknown (an order that
    // did not come from an import), read as open.
    std::optional<ChannelOrderState> storedChannel;
    std::optional<ImportFieldError> firstError; // the first broken field of its rows
    QStringList unknownSkus;                    // SKUs no product or channel SKU knows
    bool contentChanged = false;                // lines or the ship-to address changed
};

struct ImportStatusDecision
{
    OrderStatus status = OrderStatus::New;
    QString holdReason; // set exactly when status is OnHold
    // What the timeline says about the status; empty when there is nothing to say.
    QString eventText;
};

// How an order imported from a channel lands, or how a channel's update moves an
// order Backroom already holds. An order never moves backwards: once shipped,
// delivered or cancelled it stays so and the update only leaves a note. Work already
// started (ready, picking, packed) is never cancelled behind the packer's back: it
// goes on hold with a reason saying what to do. A hold the import made itself
// (broken field, unknown SKU) is lifted by the import that no longer finds the cause;
// a hold a person made is left alone.
ImportStatusDecision decideImportedStatus(const ImportStatusInput &input);

// "row 12, field Total: not a number; unknown SKU A-1, B-2": empty when nothing holds it.
QString importHoldReason(const std::optional<ImportFieldError> &firstError,
                         const QStringList &unknownSkus);
// True for a reason importHoldReason made: such a hold is the import's to lift.
bool isImportHoldReason(const QString &reason);
// True for the allocator's own unknown-SKU hold ("Unknown SKU: ZZ-1 (line 2)", made by
// OrderExceptions::unknownSku for a line whose product went missing after import):
// mapping the SKU is what lifts it, as it lifts the import's.
bool isAllocatorUnknownSkuHold(const QString &reason);
// `reason` (one importHoldReason made) with its unknown-SKU part replaced by
// `unknownSkus`: the broken-field part stays; no SKUs left drops that part.
QString withUnknownSkus(const QString &reason, const QStringList &unknownSkus);
// How a hold reason names a line's SKU; a line without one, by its title.
QString importSkuLabel(const QString &sku, const QString &title);

QString channelOrderStateCode(ChannelOrderState state); // "open", "cancelled", "shipped"
std::optional<ChannelOrderState> channelOrderStateFromCode(QStringView code);

} // namespace models
