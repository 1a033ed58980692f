#pragma once

#include "models/returnssource.h"

#include <QDateTime>
#include <QSqlDatabase>

#include <functional>

namespace storage {

// Returns (RMA) over the open database. Every action is one write transaction that
// checks models::ReturnWorkflow first, so a refused move leaves nothing changed.
//
// Stock: nothing moves until inspection. A line restocked is one ledger movement
// (+n 'restocked', reference 'return' / the RMA number) at the chosen location and
// bin, after which backordered orders wanting the product are allocated again in the
// same transaction. A line written off is booked in and straight out again:
// +n 'return_received' then -n 'write_off', in the same transaction, so on hand stays
// the sum of the ledger, available never rises, and the write-off is on the books
// with its reason. A kit is never stocked as itself: a kit line restocked or written
// off moves each of its components (kits × per-kit quantity) in the same way, into
// the typed bin or else each component's primary bin, and backorders are filled for
// each component. The line itself (authorised, received, refunded) counts kits.
//
// order_lines.quantity_returned counts what arrived (added on receipt, taken back if
// the return is then rejected); orders.refunded_minor grows when a refund is recorded.
// Each step writes a 'returned' event on the order's timeline.
class SqlReturns : public models::ReturnsSource
{
public:
    SqlReturns(QSqlDatabase db, QString userName);

    // Tests pin the clock; invalid: the real one.
    void setNow(const QDateTime &nowUtc) { m_now = nowUtc; }

    models::Result<QList<models::ReturnListRow>>
    listReturns(const models::ReturnListFilter &filter) override;
    models::Result<models::ReturnAuthorisation> returnDetail(qint64 returnId) override;
    models::Result<qint64> findForReceipt(const QString &scanned) override;
    models::Result<models::ReturnableOrder> returnableOrder(const QString &orderNumber) override;
    models::Result<QList<models::ReturnLocationChoice>> locations() override;

    models::Result<models::ReturnAuthorisation>
    createReturn(const models::NewReturn &request) override;
    models::Status authorise(qint64 returnId) override;
    models::Status reject(qint64 returnId, const QString &why) override;
    models::Status cancel(qint64 returnId, const QString &why) override;
    models::Status setLocation(qint64 returnId, qint64 locationId) override;
    models::Status receive(qint64 returnId, const QList<models::ReturnLineCount> &counted) override;
    models::Status inspect(qint64 returnId, const models::LineInspection &inspection) override;
    models::Result<models::RefundSuggestion> refundSuggestion(qint64 returnId) override;
    models::Status approveRefund(qint64 returnId, std::optional<qint64> amountMinor) override;
    models::Status recordRefund(qint64 returnId, const QString &reference) override;
    models::Status close(qint64 returnId) override;
    models::Result<QString> createExchange(qint64 returnId) override;

    models::Result<QList<models::ReturnListRow>> waitingForInspection(int olderThanDays) override;
    models::Result<QList<models::ReturnListRow>> refundsOwed() override;
    models::Result<QList<models::ReturnRateRow>> returnRates(int limit) override;
    models::Result<models::ProcessingTimes> processingTimes() override;
    int inspectionDays() override;

private:
    struct Head;
    QDateTime now() const;
    models::Result<Head> head(qint64 returnId);
    models::Status move(const Head &h, models::ReturnStatus to, const QString &timeColumn,
                        const QString &eventDetail);
    models::Status addEvent(qint64 orderId, const QString &detail);
    // One transaction: reads the return, runs step on it, commits only if step succeeded.
    models::Status withReturn(qint64 returnId,
                              const std::function<models::Status(const Head &)> &step);
    // Requested -> authorised: the RMA number is written, then the status moves.
    models::Status giveRmaNumber(const Head &h);
    // Rejected or cancelled: closed with the reason the person gave.
    models::Status endWithReason(const Head &h, models::ReturnStatus to, const QString &verb,
                                 const QString &why);
    models::Result<models::ReturnableOrder> loadReturnable(const QString &orderNumber,
                                                           std::optional<qint64> exceptReturn);
    models::Result<models::ReturnLocationSuggestion>
    suggestLocation(qint64 orderId, const QList<qint64> &productIds);
    models::Result<QList<models::ReturnListRow>>
    listWhere(const QString &where, const QVariantList &binds, const QString &order, int limit);
    QString setting(const QString &key, const QString &fallback);

    QSqlDatabase m_db;
    QString m_user;
    QDateTime m_now;
};

} // namespace storage
