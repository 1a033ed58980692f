#pragma once

#include "models/carrier.h"
#include "models/channel.h"
#include "models/kit.h"
#include "models/location.h"
#include "models/order.h"
#include "models/product.h"
#include "models/purchaseorder.h"
#include "models/result.h"
#include "models/returnauthorisation.h"
#include "models/shipment.h"
#include "models/stockmovement.h"
#include "storage/sqlitebulkwriter.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>

struct sqlite3;

namespace storage {

// Writes a whole shop in one transaction at bulk speed, for the demo data set and
// first loads of large histories. SQLite-only: it drives SQLite's C API through a
// SqliteBulkWriter, which runs the prepared INSERTs on a second thread while the
// caller builds the next rows. It must be the file's only writer: it hands out new
// row ids itself (continuing after the largest in each table), so callers get ids
// at once without waiting for SQLite. Errors surface from commit(); nothing is
// committed after one. Stock levels are kept as running totals of the movements
// written and stored at commit, inside the same transaction, so on hand always
// equals the sum of the ledger.
class SqliteBulkLoader
{
public:
    enum class Journal
    {
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

    qint64 addChannel(const models::Channel &channel);
    qint64 addSupplier(const models::Supplier &supplier);
    qint64 addLocation(const models::Location &location, double latitude, double longitude);
    qint64 addBin(const models::Bin &bin);
    // Sets product.id; writes its barcodes too.
    void addProduct(models::Product &product, const QDateTime &createdAtUtc);
    void assignBin(qint64 productId, qint64 binId);
    // Makes an added product a kit of these components (added before it).
    void addKitComponents(qint64 kitProductId, const QList<models::KitComponent> &components);
    qint64 addCustomer(const models::Customer &customer, const QDateTime &createdAtUtc);
    // Sets order.id and each line's id.
    void addOrder(models::Order &order, qint64 channelId, std::optional<qint64> customerId,
                  const QDateTime &createdAtUtc);
    void addOrderEvent(const models::OrderEvent &event);
    void addMovement(const models::StockMovement &movement);
    void addReservation(qint64 orderLineId, qint64 productId, qint64 locationId, int quantity,
                        const QDateTime &atUtc);
    void addShipment(models::Shipment &shipment);
    void addReturn(models::ReturnAuthorisation &rma);
    void addPurchaseOrder(models::PurchaseOrder &po);
    void setSetting(const QString &key, const QString &value);
    // Carriers and services with the ids they come with (a new database has none).
    void addCarrier(const models::Carrier &carrier, const QString &trackingUrl);
    void addCarrierService(const models::CarrierService &service);

    qint64 movementsWritten() const { return m_movements; }

private:
    explicit SqliteBulkLoader(sqlite3 *db);
    qint64 nextId(int table);

    sqlite3 *m_db = nullptr;
    SqliteBulkWriter m_writer;
    bool m_inTransaction = false;
    bool m_scratch = false;
    std::vector<QByteArray> m_deferredIndexes; // dropped for a scratch load, rebuilt at commit
    std::vector<qint64> m_lastIds;
    struct Level
    {
        qint64 onHand = 0;
        qint64 reserved = 0;
    };
    QHash<QPair<qint64, qint64>, Level> m_levels;
    qint64 m_movements = 0;
};

} // namespace storage
