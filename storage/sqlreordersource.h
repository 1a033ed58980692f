#pragma once

#include "models/reordersource.h"

#include <QSqlDatabase>

#include <memory>

namespace storage {

class Database;

// Reorder suggestions from the stock ledger. One aggregate query reads the window's
// movements per product, location and day (units shipped, and the net change that
// rebuilds each day's balance backwards from today's on hand, so days out of stock
// are known); each product × location is handed to models::ReorderRules as its last
// day arrives. Inbound is what open purchase orders (draft, sent, partly received)
// still expect.
class SqlReorderSource final : public models::ReorderSource
{
public:
    // Uses a connection already open in this thread.
    explicit SqlReorderSource(QSqlDatabase db);
    // Opens a connection of its own, in the calling thread (e.g. a worker's).
    static models::Result<std::unique_ptr<SqlReorderSource>> open(const QString &databasePath);
    ~SqlReorderSource() override;

    models::Result<models::ReorderSettings> settings() override;
    models::Status saveSettings(const models::ReorderSettings &settings);

    models::Result<QList<models::ReorderSuggestion>>
    suggestions(const models::ReorderQuery &query,
                const models::ReorderProgress &progress = {}) override;

    models::Result<models::DraftPurchaseOrders>
    createDraftPurchaseOrders(const QList<models::ReorderSuggestion> &rows,
                              const QString &userName) override;

private:
    SqlReorderSource(std::unique_ptr<Database> owned, QSqlDatabase db);

    std::unique_ptr<Database> m_owned;
    QSqlDatabase m_db;
};

} // namespace storage
