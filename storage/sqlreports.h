#pragma once

#include "models/reportsource.h"

#include <QSqlDatabase>

#include <memory>

namespace storage {

class Database;

// The Reports screen's and `backroom report`'s figures, read from the orders,
// shipments, stock ledger, pack scans and cycle counts. Each report is a handful of
// aggregate queries over indexed ranges; the per-day stock balances behind
// stock-outs and turnover are rebuilt backwards from today's on hand, as the
// reorder suggestions do. Cancel interrupts a running query.
class SqlReports final : public models::ReportSource
{
public:
    // Uses a connection already open in this thread.
    explicit SqlReports(QSqlDatabase db);
    // Opens a connection of its own, in the calling thread (e.g. a worker's).
    static models::Result<std::unique_ptr<SqlReports>> open(const QString &databasePath);
    ~SqlReports() override;

    models::Result<models::ReportChoices> choices() override;
    models::Result<models::Report> run(const models::ReportQuery &query,
                                       const models::ReportProgress &progress = {}) override;

    // The id of a channel or location by its code ("amazon", "MAIN"); an Error naming
    // the code when there is none.
    models::Result<qint64> channelIdForCode(const QString &code);
    models::Result<qint64> locationIdForCode(const QString &code);

private:
    SqlReports(std::unique_ptr<Database> owned, QSqlDatabase db);

    std::unique_ptr<Database> m_owned;
    QSqlDatabase m_db;
};

} // namespace storage
