#pragma once

#include "models/purchasingsource.h"

#include <QSqlDatabase>

namespace storage {

// Purchase orders over the database: the list and one order with its lines, barcodes
// and discrepancies; drafts written and renumbered in the shop's PO sequence; status
// moves checked against models::PurchaseOrderRules; and receipts booked in one
// transaction each: the lines' quantities, the ledger through recordStockMovement
// (received, then damaged units written off with reason 'damaged'), po_receipts and
// po_discrepancies, the order's new status, and backorders filled in priority order.
class SqlPurchasing final : public models::PurchasingSource
{
public:
    explicit SqlPurchasing(QSqlDatabase db);

    models::Result<QList<models::PurchaseOrderSummary>>
    purchaseOrders(const models::PurchaseOrderFilter &filter) override;
    models::Result<models::PurchaseOrderDetail> purchaseOrder(qint64 id,
                                                              const QDate &today = {}) override;
    models::Result<QList<models::PurchasingChoice>> suppliers() override;
    models::Result<QList<models::PurchasingChoice>> locations() override;
    models::Result<QList<models::PurchasingChoice>> products() override;

    models::Result<qint64> saveDraft(const models::PurchaseOrderDraft &draft) override;
    models::Status setExpectedDate(qint64 id, const QDate &expected) override;
    models::Status changeStatus(qint64 id, models::PurchaseOrder::Status to,
                                const QString &user) override;
    models::Result<models::ReceiptResult> postReceipt(const models::Receipt &receipt) override;

private:
    models::Result<QList<models::PurchaseOrderSummary>>
    summaries(const QString &where, const QVariantList &binds, const QDate &today);

    QSqlDatabase m_db;
};

} // namespace storage
