#include "storage/sqlreportparts.h"

#include "models/money.h"
#include "storage/sqlrun.h"

#include <QCoreApplication>

namespace storage::reports {

using models::Error;
using models::Result;
using models::Status;

namespace {

// How often a running query asks whether Cancel was pressed (in SQLite VM steps),
// and how often the caller hears about it.
constexpr int kPollInstructions = 50'000;
constexpr qint64 kAskEveryMs = 50;

int pollHandler(void *steps)
{
    return static_cast<Steps *>(steps)->poll() ? 1 : 0;
}

} // namespace

Steps::Steps(const QSqlDatabase &db, const models::ReportProgress &progress, int total)
    : m_handle(sqliteHandleOf(db)), m_progress(progress), m_total(std::max(total, 1))
{
    m_sinceAsked.start();
    if (m_handle && m_progress)
        sqlite3_progress_handler(m_handle, kPollInstructions, &pollHandler, this);
}

Steps::~Steps()
{
    if (m_handle && m_progress)
        sqlite3_progress_handler(m_handle, 0, nullptr, nullptr);
}

bool Steps::next()
{
    if (m_cancelled)
        return false;
    m_done = std::min(m_done + 1, m_total);
    if (m_progress && !m_progress(m_done, m_total))
        m_cancelled = true;
    m_sinceAsked.restart();
    return !m_cancelled;
}

bool Steps::poll()
{
    if (m_cancelled)
        return true;
    if (m_sinceAsked.elapsed() < kAskEveryMs)
        return false;
    m_sinceAsked.restart();
    if (m_progress && !m_progress(m_done, m_total))
        m_cancelled = true;
    return m_cancelled;
}

Error Steps::cancelledError(models::ReportKind kind) const
{
    return Error{QStringLiteral("%1 report: cancelled").arg(models::reportTitle(kind))};
}

Status Steps::finish(const Cursor &cursor, models::ReportKind kind) const
{
    if (m_cancelled)
        return cancelledError(kind);
    if (!cursor.error().isEmpty())
        return Error{cursor.error()};
    return {};
}

QString dayStartIso(const QDate &day)
{
    return day.toString(Qt::ISODate) + QStringLiteral("T00:00:00Z");
}

QDateTime parseIso(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.toUTC();
}

QDate parseDay(const QString &text)
{
    return QDate::fromString(text.left(10), Qt::ISODate);
}

QVariant idOrNull(const std::optional<qint64> &id)
{
    return id ? QVariant(*id) : QVariant(QMetaType(QMetaType::LongLong));
}

QString Names::channel(const std::optional<qint64> &id) const
{
    if (!id)
        return QCoreApplication::translate("storage::SqlReports", "(no channel)");
    return channels.value(*id, QStringLiteral("#%1").arg(*id));
}

QString Names::location(const std::optional<qint64> &id) const
{
    if (!id)
        return QCoreApplication::translate("storage::SqlReports", "(not routed)");
    return locations.value(*id, QStringLiteral("#%1").arg(*id));
}

Result<Names> readNames(const QSqlDatabase &db)
{
    Names names;
    Result<QSqlQuery> c = runQuery(db, QStringLiteral("SELECT id, name FROM channels"));
    if (!c.ok())
        return Error{c.error()};
    while (c.value().next())
        names.channels.insert(c.value().value(0).toLongLong(), c.value().value(1).toString());
    Result<QSqlQuery> l = runQuery(db, QStringLiteral("SELECT id, code FROM locations"));
    if (!l.ok())
        return Error{l.error()};
    while (l.value().next())
        names.locations.insert(l.value().value(0).toLongLong(), l.value().value(1).toString());
    return names;
}

QString count(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString percent(const std::optional<double> &p)
{
    if (!p)
        return QStringLiteral("–");
    return QLocale(QLocale::English).toString(*p, 'f', 1) + QLatin1Char('%');
}

QString decimal(double v, int decimals)
{
    return QLocale(QLocale::English).toString(v, 'f', decimals);
}

QString money(qint64 minor, const QString &currency)
{
    return models::Money(minor, currency).toDisplayString();
}

QString rangeText(const models::ReportQuery &query)
{
    const QString format = QStringLiteral("d MMM yyyy");
    if (query.from == query.to)
        return QLocale(QLocale::English).toString(query.from, format);
    return QStringLiteral("%1 – %2").arg(QLocale(QLocale::English).toString(query.from, format),
                                         QLocale(QLocale::English).toString(query.to, format));
}

QString scopeText(const models::ReportQuery &query, const Names &names)
{
    QStringList parts;
    if (query.channelId)
        parts.append(names.channel(query.channelId));
    if (query.locationId)
        parts.append(names.location(query.locationId));
    return parts.isEmpty() ? QString()
                           : QStringLiteral(" (%1)").arg(parts.join(QStringLiteral(", ")));
}

QString bucketLabel(const QDate &start, bool week)
{
    const QLocale en(QLocale::English);
    return week ? en.toString(start, QStringLiteral("d MMM"))
                : en.toString(start, QStringLiteral("d MMM"));
}

} // namespace storage::reports
