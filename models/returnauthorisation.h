#pragma once

#include "models/address.h"
#include "models/kit.h"
#include "models/money.h"
#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace models {

// The life of a return (RMA). The transition table (ReturnWorkflow) is the only way
// between these:
//
//   requested -> authorised -> received -> inspected -> refund_pending -> refunded -> closed
//       |            |            |
//       |            |            +-> rejected   (it arrived, and is not taken back)
//       |            +-> cancelled               (the customer never sent it)
//       +-> rejected, cancelled
//
// The RMA number is given on authorisation. Restocked and written off are per line
// (ReturnLine::disposition): every line that arrived is inspected, and the last
// inspection moves the return to inspected. Rejected, cancelled and closed are final.
enum class ReturnStatus
{
    Requested,
    Authorised,
    Received,
    Inspected,
    RefundPending,
    Refunded,
    Closed,
    Rejected,
    Cancelled,
};

QList<ReturnStatus> allReturnStatuses();
QString returnStatusCode(ReturnStatus status);  // "refund_pending"
QString returnStatusLabel(ReturnStatus status); // "Refund pending"
std::optional<ReturnStatus> returnStatusFromCode(QStringView code);
// No transition leaves these.
bool isFinalReturnStatus(ReturnStatus status);

// Why the customer sends it back, as the customer said it.
enum class ReturnReason
{
    Damaged,
    WrongItemSent,
    NotAsDescribed,
    DoesntFit,
    ChangedMind,
    ArrivedLate,
};

QList<ReturnReason> allReturnReasons();
QString returnReasonCode(ReturnReason reason);  // "wrong_item"
QString returnReasonLabel(ReturnReason reason); // "Wrong item sent"
std::optional<ReturnReason> returnReasonFromCode(QStringView code);
// Damaged, wrong item sent, not as described, arrived late: the shop pays the
// shipping back and charges no restocking fee.
bool isShopFault(ReturnReason reason);

// What inspection found, per line.
enum class ReturnCondition
{
    Resellable,
    Refurbish,
    Damaged,
};
QString returnConditionCode(ReturnCondition condition);
std::optional<ReturnCondition> returnConditionFromCode(QStringView code);

struct ReturnLine
{
    qint64 id = 0;
    qint64 orderLineId = 0;
    QString sku;
    QString title;
    std::optional<qint64> productId;
    int quantity = 0; // authorised
    int quantityReceived = 0;
    Money unitPrice; // what the customer paid per unit, after the line's discount
    QString reason;
    QString condition;                // resellable, refurbish, damaged (after inspection)
    QString disposition;              // restock, write_off (after inspection)
    std::optional<qint64> locationId; // where it was restocked or written off
    QString locationCode;
    QString binCode;
    QString note; // the write-off reason
    QDateTime inspectedAtUtc;
    // A kit: its parts, quantities per kit. The kit stays one line of the return (counted,
    // refunded and inspected in kits), and restocking or writing it off moves every part:
    // quantityReceived × per-kit quantity of each.
    QList<KitComponent> parts;

    bool needsInspection() const { return quantityReceived > 0 && disposition.isEmpty(); }
};

struct ReturnAuthorisation
{
    qint64 id = 0;
    QString rmaNumber; // empty until authorised
    qint64 orderId = 0;
    QString orderNumber;
    QString channelCode;
    QString customerName;
    ReturnStatus status = ReturnStatus::Requested;
    QString reason; // a returnReasonCode
    QString customerNote;
    std::optional<qint64> locationId; // where it comes back to
    QString locationCode;
    Address returnAddress; // that location's address, for the slip
    std::optional<qint64> suggestedLocationId;
    QString locationReason; // why that location was suggested
    Money refund;
    Money shippingRefund; // part of `refund`
    Money restockingFee;  // taken off `refund`
    QString refundReference;
    QString statusReason;                  // why rejected or cancelled
    std::optional<qint64> exchangeOrderId; // a replacement sent instead of a refund
    QString exchangeOrderNumber;
    QDateTime requestedAtUtc;
    QDateTime authorisedAtUtc;
    QDateTime receivedAtUtc;
    QDateTime inspectedAtUtc;
    QDateTime refundApprovedAtUtc;
    QDateTime refundedAtUtc;
    QDateTime closedAtUtc;
    QList<ReturnLine> lines;

    // "RMA-000123", or "return request 123" before it is authorised: for messages.
    QString displayName() const;
};

// The RMA number of the return with this id: "RMA-000123".
QString rmaNumberFor(qint64 returnId);

} // namespace models
