#pragma once

#include "models/orderimportsink.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace storage {

class Database;

// Writes imported orders into a Backroom database, one file per transaction
// (BEGIN IMMEDIATE at begin(), COMMIT at commit()): a crash or a Cancel leaves the
// database as it was. Orders are keyed by (channel, external id) and carry a hash of
// their imported content, so an unchanged order costs one index lookup and writes
// nothing; a changed one is updated in place with one timeline event saying what
// changed. SKUs map through channel_skus first, then products; the rule that turns
// what the channel says into a status is models::decideImportedStatus.
class SqlOrderImportSink final : public models::OrderImportSink
{
public:
    // Opens its own connection in the calling thread (so an import can run on a worker
    // thread); it is closed when the sink is destroyed.
    static models::Result<std::unique_ptr<SqlOrderImportSink>> open(const QString &databasePath);
    // Uses a connection already open (and migrated) in this thread.
    explicit SqlOrderImportSink(QSqlDatabase db);
    ~SqlOrderImportSink() override; // rolls back what was not committed
    SqlOrderImportSink(const SqlOrderImportSink &) = delete;
    SqlOrderImportSink &operator=(const SqlOrderImportSink &) = delete;

    models::Status begin(const models::ImportRunInfo &run) override;
    models::Result<models::ImportedOrderResult> write(const models::ImportedOrder &order) override;
    models::Status commit(const models::ImportRunTotals &totals) override;
    void rollback() override;
    models::Status recordRejected(const models::ImportRunInfo &run,
                                  const models::ImportRunTotals &totals, const QString &status,
                                  const QString &message) override;

    // The run begin() recorded; 0 before.
    qint64 runId() const { return m_runId; }

private:
    struct Statements;
    struct SkuMapping
    {
        std::optional<qint64> productId; // unset: unknown
        int unitsPerListing = 1;
    };

    SqlOrderImportSink(std::unique_ptr<Database> owned, QSqlDatabase db);
    models::Status prepare();
    models::Result<qint64> channelFor(const QString &code, bool create);
    models::Result<SkuMapping> mapSku(const QString &sku);
    models::Result<std::optional<qint64>> customerFor(const models::ImportedOrder &order);
    models::Status insertRun(const models::ImportRunInfo &run, qint64 channelId,
                             const QString &status);
    models::Status writeRunTotals(qint64 runId, const models::ImportRunTotals &totals,
                                  const QString &status, const QString &message);
    models::Result<models::ImportedOrderResult> insertOrder(const models::ImportedOrder &order,
                                                            const QByteArray &hash);
    models::Result<models::ImportedOrderResult>
    updateOrder(qint64 orderId, const models::ImportedOrder &order, const QByteArray &hash);
    models::Status insertSource(qint64 orderId, const models::ImportedOrder &order);
    models::Status insertEvent(qint64 orderId, const QString &kind, const QString &from,
                               const QString &to, const QString &detail);

    std::unique_ptr<Database> m_owned;
    QSqlDatabase m_db;
    std::unique_ptr<Statements> m_st;
    bool m_inTransaction = false;
    qint64 m_runId = 0;
    qint64 m_channelId = 0;
    bool m_channelCreated = false;
    QString m_userName;
    QString m_fileName;
    QString m_formatCode;
    bool m_fromApi = false;            // pulled from an API: source records are JSON
    QString m_now;                     // the run's time for created_at/updated_at and events
    QString m_importedDetail;          // the "imported" event's text, the same for the whole file
    QByteArray m_sourceBuffer;         // an order's raw rows as stored, reused between orders
    QHash<QString, SkuMapping> m_skus; // the catalogue is small; a file repeats SKUs
};

} // namespace storage
