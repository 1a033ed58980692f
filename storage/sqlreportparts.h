#pragma once

// Shared by the report queries (storage/sqlreports*.cpp): a forward-only cursor on
// SQLite's C API with a QSqlQuery fallback, the Cancel hook, and how figures read.

#include "models/report.h"
#include "models/reportsource.h"
#include "models/result.h"
#include "storage/sqlcursor.h"
#include "storage/sqlitestatement.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <optional>

namespace storage::reports {

using Cursor = SqlCursor;

// Reports progress as steps of a report and lets Cancel interrupt a running query
// (through SQLite's progress handler) for as long as it lives.
class Steps
{
public:
    Steps(const QSqlDatabase &db, const models::ReportProgress &progress, int total);
    ~Steps();
    Steps(const Steps &) = delete;
    Steps &operator=(const Steps &) = delete;

    // Moves to the next step; false when cancelled.
    bool next();
    bool cancelled() const { return m_cancelled; }
    models::Error cancelledError(models::ReportKind kind) const;
    // How a cursor's rows ended: cancelled, the cursor's error, or read to the end.
    models::Status finish(const Cursor &cursor, models::ReportKind kind) const;
    // Asked by SQLite every few thousand instructions; true stops the query.
    bool poll();

private:
    sqlite3 *m_handle = nullptr;
    models::ReportProgress m_progress;
    int m_total = 1;
    int m_done = 0;
    bool m_cancelled = false;
    QElapsedTimer m_sinceAsked;
};

// The [from, to] days as the bounds stored times compare against: from's midnight
// and the midnight after to, both "YYYY-MM-DDT00:00:00Z".
QString dayStartIso(const QDate &day);
QDateTime parseIso(const QString &text);
QDate parseDay(const QString &text); // the first ten characters, "YYYY-MM-DD"

// A bound value for an optional id (NULL: no filter).
QVariant idOrNull(const std::optional<qint64> &id);

// Names of channels and locations by id, for the rows.
struct Names
{
    QHash<qint64, QString> channels;
    QHash<qint64, QString> locations;
    QString channel(const std::optional<qint64> &id) const;
    QString location(const std::optional<qint64> &id) const;
};
models::Result<Names> readNames(const QSqlDatabase &db);

// How figures read in headlines: "1,234", "12.5%", "3.2", "£1,234.56".
QString count(qint64 n);
QString percent(const std::optional<double> &p);
QString decimal(double v, int decimals = 1);
QString money(qint64 minor, const QString &currency);
QString rangeText(const models::ReportQuery &query);
QString scopeText(const models::ReportQuery &query, const Names &names);
QString bucketLabel(const QDate &start, bool week);

models::Result<models::Report> stockOutsReport(const QSqlDatabase &db,
                                               const models::ReportQuery &query, Steps &steps);
models::Result<models::Report> turnoverReport(const QSqlDatabase &db,
                                              const models::ReportQuery &query, Steps &steps);

} // namespace storage::reports
