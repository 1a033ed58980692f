#pragma once

#include "models/channel.h"
#include "models/location.h"
#include "models/order.h"
#include "models/product.h"
#include "models/purchaseorder.h"
#include "models/result.h"
#include "models/returnauthorisation.h"
#include "models/shipment.h"
#include "models/stockmovement.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;

namespace storage {

// Writes a whole shop in one transaction at bulk speed, for the demo data set and
// for first loads of large histories. It talks to SQLite's C API directly with
// prepared statements (about three times the rows per second of QSqlQuery), so it
// is SQLite-only and works on a file no one else has open. Stock levels are kept as
// running totals of the movements written and stored at commit, inside the same
// transaction, so on hand always equals the sum of the ledger.
class SqliteBulkLoader
{
public:
    enum class Journal {
        Safe,   // WAL, as every Backroom database
        Scratch // no journal: only for a new file that is thrown away if the load fails
    };

    // `path` must already hold the current schema (open it once with Database first).
    static models::Result<std::unique_ptr<SqliteBulkLoader>> open(const QString &path,
                                                                  Journal journal);
    ~SqliteBulkLoader(); // rolls back what was not committed
    SqliteBulkLoader(const SqliteBulkLoader &) = delete;
    SqliteBulkLoader &operator=(const SqliteBulkLoader &) = delete;

    models::Status begin();
    models::Status commit();
    // After commit: back to WAL and fresh planner statistics for the indexes.
    models::Status finish();

    models::Result<qint64> addChannel(const models::Channel &channel);
    models::Result<qint64> addSupplier(const models::Supplier &supplier);
    models::Result<qint64> addLocation(const models::Location &location, double latitude,
                                       double longitude);
    models::Result<qint64> addBin(const models::Bin &bin);
    // Inserts the product and its barcodes; sets product.id.
    models::Status addProduct(models::Product &product, const QDateTime &createdAtUtc);
    models::Status assignBin(qint64 productId, qint64 binId);
    models::Result<qint64> addCustomer(const models::Customer &customer,
                                       const QDateTime &createdAtUtc);
    // Inserts the order and its lines; sets order.id and each line's id.
    models::Status addOrder(models::Order &order, qint64 channelId,
                            std::optional<qint64> customerId, const QDateTime &createdAtUtc);
    models::Status addOrderEvent(const models::OrderEvent &event);
    models::Status addMovement(const models::StockMovement &movement);
    models::Status addReservation(qint64 orderLineId, qint64 productId, qint64 locationId,
                                  int quantity, const QDateTime &atUtc);
    models::Status addShipment(models::Shipment &shipment);
    models::Status addReturn(models::ReturnAuthorisation &rma);
    models::Status addPurchaseOrder(models::PurchaseOrder &po);
    models::Status setSetting(const QString &key, const QString &value);

    qint64 movementsWritten() const { return m_movements; }

private:
    class Statement;
    explicit SqliteBulkLoader(sqlite3 *db);
    Statement &statement(int which);
    models::Status writeStockLevels();

    sqlite3 *m_db = nullptr;
    bool m_inTransaction = false;
    std::vector<std::unique_ptr<Statement>> m_statements;
    struct Level
    {
        qint64 onHand = 0;
        qint64 reserved = 0;
    };
    QHash<QPair<qint64, qint64>, Level> m_levels;
    qint64 m_movements = 0;
};

} // namespace storage
