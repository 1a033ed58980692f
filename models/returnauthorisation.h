#pragma once

#include "models/money.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace models {

// requested -> authorised (RMA number) -> received -> inspected -> restocked or
// written off -> refunded -> closed; or rejected.
enum class ReturnStatus
{
    Requested,
    Authorised,
    Received,
    Inspected,
    Restocked,
    WrittenOff,
    Refunded,
    Closed,
    Rejected,
};

QString returnStatusCode(ReturnStatus status);

struct ReturnLine
{
    qint64 orderLineId = 0;
    int quantity = 0;
    int quantityReceived = 0;
    QString reason;
    QString condition;   // resellable, refurbish, damaged (after inspection)
    QString disposition; // restock, write_off
};

struct ReturnAuthorisation
{
    qint64 id = 0;
    QString rmaNumber;
    qint64 orderId = 0;
    ReturnStatus status = ReturnStatus::Requested;
    QString reason; // damaged, wrong_item, not_as_described, doesnt_fit, changed_mind, arrived_late
    QString customerNote;
    std::optional<qint64> locationId; // where it comes back to
    Money refund;
    QDateTime requestedAtUtc;
    QDateTime authorisedAtUtc;
    QDateTime receivedAtUtc;
    QDateTime inspectedAtUtc;
    QDateTime refundedAtUtc;
    QDateTime closedAtUtc;
    QList<ReturnLine> lines;
};

} // namespace models
