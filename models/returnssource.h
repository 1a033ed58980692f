#pragma once

#include "models/money.h"
#include "models/result.h"
#include "models/returnauthorisation.h"
#include "models/returnrules.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace models {

// One row of the returns list.
struct ReturnListRow
{
    qint64 id = 0;
    QString rmaNumber; // empty before authorisation
    QString orderNumber;
    QString customerName;
    ReturnStatus status = ReturnStatus::Requested;
    QString reason;
    int units = 0; // authorised
    int unitsReceived = 0;
    QString locationCode;
    Money refund;
    QDateTime requestedAtUtc;
    QDateTime receivedAtUtc;
    QDateTime refundedAtUtc;
};

// An order line as a new return sees it.
struct ReturnableLine
{
    qint64 orderLineId = 0;
    int lineNo = 0;
    QString sku;
    QString title;
    int shipped = 0;
    int alreadyReturned = 0; // held by other RMAs
    int returnable = 0;
    Money unitPrice;
};

struct ReturnableOrder
{
    qint64 orderId = 0;
    QString orderNumber;
    QString customerName;
    QString currency;
    QList<ReturnableLine> lines;
};

struct NewReturnLine
{
    qint64 orderLineId = 0;
    int quantity = 0;
};

// Units counted in at the returns bench for one line of the return.
struct ReturnLineCount
{
    qint64 returnLineId = 0;
    int quantity = 0;
};

struct NewReturn
{
    QString orderNumber;
    ReturnReason reason = ReturnReason::ChangedMind;
    QString customerNote;
    QList<NewReturnLine> lines;
    bool authorise = true; // give it its RMA number straight away
};

// One line's inspection at the returns bench.
struct LineInspection
{
    qint64 returnLineId = 0;
    ReturnCondition condition = ReturnCondition::Resellable;
    bool restock = true;              // false: written off
    std::optional<qint64> locationId; // empty: the return's location
    QString binCode;                  // restock: empty means the product's primary bin there
    QString writeOffReason;           // write-off: required
};

struct ReturnLocationChoice
{
    qint64 id = 0;
    QString code;
    QString name;
};

// Refunds still owed, returns waiting too long: the "no return left in limbo" views.
struct ReturnRateRow
{
    QString sku;
    QString reason;
    int unitsReturned = 0;
    int unitsShipped = 0; // of that SKU, all orders
    double ratePercent = 0;
};

struct ProcessingTimes
{
    int refunded = 0;      // returns with both a receipt and a refund
    double medianDays = 0; // receipt to refund
    double p90Days = 0;
    double longestDays = 0;
    QList<ReturnListRow> slowest; // up to 20, slowest first
};

struct ReturnListFilter
{
    std::optional<ReturnStatus> status;
    int limit = 2000;
};

// What the Returns screen reads and does. Implemented in storage/ over the open
// database; every action is one transaction.
class ReturnsSource
{
public:
    virtual ~ReturnsSource() = default;

    virtual Result<QList<ReturnListRow>> listReturns(const ReturnListFilter &filter) = 0;
    virtual Result<ReturnAuthorisation> returnDetail(qint64 returnId) = 0;
    // An RMA barcode ("RMA-000123") or an order number: the return to receive.
    virtual Result<qint64> findForReceipt(const QString &scanned) = 0;
    virtual Result<ReturnableOrder> returnableOrder(const QString &orderNumber) = 0;
    virtual Result<QList<ReturnLocationChoice>> locations() = 0;

    virtual Result<ReturnAuthorisation> createReturn(const NewReturn &request) = 0;
    virtual Status authorise(qint64 returnId) = 0;
    virtual Status reject(qint64 returnId, const QString &why) = 0;
    virtual Status cancel(qint64 returnId, const QString &why) = 0;
    virtual Status setLocation(qint64 returnId, qint64 locationId) = 0;
    // Lines left out arrived with nothing.
    virtual Status receive(qint64 returnId, const QList<ReturnLineCount> &counted) = 0;
    virtual Status inspect(qint64 returnId, const LineInspection &inspection) = 0;
    virtual Result<RefundSuggestion> refundSuggestion(qint64 returnId) = 0;
    // Empty amount: the suggestion.
    virtual Status approveRefund(qint64 returnId, std::optional<qint64> amountMinor) = 0;
    virtual Status recordRefund(qint64 returnId, const QString &reference) = 0;
    virtual Status close(qint64 returnId) = 0;
    // A replacement order (status new, then allocated like any order) for what comes
    // back, instead of refunding the items; returns its order number.
    virtual Result<QString> createExchange(qint64 returnId) = 0;

    virtual Result<QList<ReturnListRow>> waitingForInspection(int olderThanDays) = 0;
    virtual Result<QList<ReturnListRow>> refundsOwed() = 0;
    virtual Result<QList<ReturnRateRow>> returnRates(int limit) = 0;
    virtual Result<ProcessingTimes> processingTimes() = 0;
    virtual int inspectionDays() = 0; // the "waiting too long" threshold from settings
};

} // namespace models
