#pragma once

#include "models/stockoperations.h"

#include <QSqlDatabase>
#include <QString>

namespace storage {

// The Stock screen's operations over one connection, each recorded as `user`. The
// reconciliation, which may run on a worker thread, opens a connection of its own to
// `databasePath` (or uses the shared one when no path is given).
class SqlStockOperations : public models::StockOperations
{
public:
    SqlStockOperations(QSqlDatabase db, QString user, QString databasePath = {});

    models::Result<qint64> adjust(const models::StockAdjustment &adjustment) override;
    models::Result<models::ProductLedger> ledger(qint64 productId, qint64 locationId) override;
    std::unique_ptr<models::StockLedgerSource> ledgerSource(qint64 productId,
                                                            qint64 locationId) override;
    models::Result<qint64> findProduct(const QString &code) override;

    models::Result<qint64> shipTransfer(qint64 fromLocationId, qint64 toLocationId,
                                        const QList<models::TransferLineInput> &lines) override;
    models::Result<QList<models::Transfer>> openTransfers() override;
    models::Status receiveTransfer(qint64 transferId, const QMap<qint64, int> &quantities,
                                   const QMap<qint64, QString> &binCodes) override;

    models::Result<qint64> startCount(qint64 locationId, qint64 binId) override;
    models::Result<models::StockCount> count(qint64 countId) override;
    models::Result<QList<models::StockCount>> openCounts() override;
    models::Status enterCount(qint64 countId, qint64 productId, int counted) override;
    models::Result<models::CountPostSummary> postCount(qint64 countId) override;
    models::Result<QList<models::StockChoice>> bins(qint64 locationId) override;

    models::Result<models::ReconciliationReport> reconcile(const QDate &from, const QDate &to,
                                                           const std::atomic_bool *cancel) override;

    models::Result<models::ProductRecord> product(qint64 productId) override;
    models::Result<QList<models::StockChoice>> suppliers() override;
    models::Result<QList<models::StockChoice>> locations() override;
    models::Result<qint64> saveProduct(const models::ProductRecord &record) override;
    models::Result<std::optional<models::KitPartChoice>> kitPart(const QString &code) override;
    models::Result<models::KitStock>
    kitStock(const QList<models::KitComponent> &components) override;
    models::Result<std::optional<models::KitOverview>> kitByCode(const QString &code) override;

private:
    QSqlDatabase m_db;
    QString m_user;
    QString m_path;
};

} // namespace storage
