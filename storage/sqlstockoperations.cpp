#include "storage/sqlstockoperations.h"

#include "storage/database.h"
#include "storage/sqlcyclecounts.h"
#include "storage/sqlkitlookup.h"
#include "storage/sqlproducteditor.h"
#include "storage/sqlreconciliation.h"
#include "storage/sqlrun.h"
#include "storage/sqlstockadjustments.h"
#include "storage/sqlstockledgersource.h"
#include "storage/sqltransfers.h"

namespace storage {

using models::Error;
using models::Result;

SqlStockOperations::SqlStockOperations(QSqlDatabase db, QString user, QString databasePath)
    : m_db(std::move(db)), m_user(std::move(user)), m_path(std::move(databasePath))
{}

Result<qint64> SqlStockOperations::adjust(const models::StockAdjustment &adjustment)
{
    return adjustStock(m_db, adjustment, m_user);
}

Result<models::ProductLedger> SqlStockOperations::ledger(qint64 productId, qint64 locationId)
{
    return productLedger(m_db, productId, locationId);
}

std::unique_ptr<models::StockLedgerSource> SqlStockOperations::ledgerSource(qint64 productId,
                                                                            qint64 locationId)
{
    return std::make_unique<SqlStockLedgerSource>(m_db, productId, locationId);
}

Result<qint64> SqlStockOperations::findProduct(const QString &code)
{
    return findProductByCode(m_db, code);
}

Result<qint64> SqlStockOperations::shipTransfer(qint64 from, qint64 to,
                                                const QList<models::TransferLineInput> &lines)
{
    return storage::shipTransfer(m_db, from, to, lines, m_user);
}

Result<QList<models::Transfer>> SqlStockOperations::openTransfers()
{
    return storage::openTransfers(m_db);
}

models::Status SqlStockOperations::receiveTransfer(qint64 transferId,
                                                   const QMap<qint64, int> &quantities,
                                                   const QMap<qint64, QString> &binCodes)
{
    return storage::receiveTransfer(m_db, transferId, quantities, m_user, {}, binCodes);
}

Result<qint64> SqlStockOperations::startCount(qint64 locationId, qint64 binId)
{
    return storage::startCount(m_db, locationId, binId, m_user);
}

Result<models::StockCount> SqlStockOperations::count(qint64 countId)
{
    return loadCount(m_db, countId);
}

Result<QList<models::StockCount>> SqlStockOperations::openCounts()
{
    return storage::openCounts(m_db);
}

models::Status SqlStockOperations::enterCount(qint64 countId, qint64 productId, int counted)
{
    return storage::enterCount(m_db, countId, productId, counted, m_user);
}

Result<models::CountPostSummary> SqlStockOperations::postCount(qint64 countId)
{
    return storage::postCount(m_db, countId, m_user);
}

Result<QList<models::StockChoice>> SqlStockOperations::bins(qint64 locationId)
{
    return locationBins(m_db, locationId);
}

Result<models::ReconciliationReport>
SqlStockOperations::reconcile(const QDate &from, const QDate &to, const std::atomic_bool *cancel)
{
    if (m_path.isEmpty())
        return reconcileStock(m_db, from, to, cancel);
    Result<std::unique_ptr<Database>> own = Database::open(m_path);
    if (!own.ok())
        return Error{own.error()};
    return reconcileStock(own.value()->connection(), from, to, cancel);
}

Result<models::ProductRecord> SqlStockOperations::product(qint64 productId)
{
    return loadProductRecord(m_db, productId);
}

namespace {

Result<QList<models::StockChoice>> choices(const QSqlDatabase &db, const QString &sql)
{
    Result<QSqlQuery> q = runQuery(db, sql);
    if (!q.ok())
        return Error{q.error()};
    QList<models::StockChoice> out;
    while (q.value().next())
        out.append({q.value().value(0).toLongLong(), q.value().value(1).toString()});
    return out;
}

} // namespace

Result<QList<models::StockChoice>> SqlStockOperations::suppliers()
{
    return choices(m_db, QStringLiteral("SELECT id, name FROM suppliers ORDER BY name"));
}

Result<QList<models::StockChoice>> SqlStockOperations::locations()
{
    return choices(m_db, QStringLiteral("SELECT id, code || ' ' || name FROM locations "
                                        "WHERE active = 1 ORDER BY code"));
}

Result<qint64> SqlStockOperations::saveProduct(const models::ProductRecord &record)
{
    return saveProductRecord(m_db, record);
}

Result<std::optional<models::KitPartChoice>> SqlStockOperations::kitPart(const QString &code)
{
    return findKitPart(m_db, code);
}

Result<models::KitStock> SqlStockOperations::kitStock(const QList<models::KitComponent> &components)
{
    return kitStockNow(m_db, components);
}

Result<std::optional<models::KitOverview>> SqlStockOperations::kitByCode(const QString &code)
{
    return findKit(m_db, code);
}

} // namespace storage
