#include "app/commands.h"
#include "app/console.h"
#include "app/opendatabase.h"
#include "models/reportrules.h"
#include "models/reporttablemodel.h"
#include "storage/sqlreports.h"
#include "ui/reportexport.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>
#include <cstdio>

namespace app {

namespace {

// Rows of each table shown in the plain-text answer; --format csv|json gives all.
constexpr int kTextRows = 15;
constexpr int kMaxColumnWidth = 28;

QString fitted(const QString &text, int width, bool right)
{
    const QString cut = text.size() > width ? text.left(width - 1) + QChar(0x2026) : text;
    return right ? cut.rightJustified(width) : cut.leftJustified(width);
}

void printTable(const models::ReportTable &t)
{
    QList<int> widths;
    for (const models::ReportColumn &c : t.columns)
        widths.append(static_cast<int>(c.title.size()));
    const qsizetype shown = std::min<qsizetype>(t.rows.size(), kTextRows);
    QList<QStringList> cells;
    for (qsizetype r = 0; r < shown; ++r) {
        QStringList row;
        for (qsizetype c = 0; c < t.columns.size(); ++c) {
            row.append(
                models::ReportTableModel::displayText(t.rows.at(r).value(c), t.columns.at(c).kind));
            widths[c] = std::min(kMaxColumnWidth,
                                 std::max(widths.at(c), static_cast<int>(row.last().size())));
        }
        cells.append(row);
    }
    const auto line = [&](const QStringList &values) {
        QStringList out;
        for (qsizetype c = 0; c < values.size(); ++c)
            out.append(fitted(values.at(c), widths.at(c),
                              models::ReportTableModel::isNumeric(t.columns.at(c).kind)));
        return out.join(QStringLiteral("  "));
    };
    const qint64 total = t.totalRows >= 0 ? t.totalRows : t.rows.size();
    printOut(QString());
    printOut(QStringLiteral("%1 (%2)").arg(t.title).arg(total));
    QStringList titles;
    for (const models::ReportColumn &c : t.columns)
        titles.append(c.title);
    printOut(line(titles));
    for (const QStringList &row : cells)
        printOut(line(row));
    if (total > shown)
        printOut(QStringLiteral("… %1 more (use --format csv or json for every row)")
                     .arg(total - shown));
}

} // namespace

int runReportCommand(const CommandLine &cl)
{
    const std::optional<models::ReportKind> kind = models::reportKindFromSlug(cl.what);
    if (!kind) {
        printError(QStringLiteral("report: unknown report \"%1\"").arg(cl.what));
        return 2;
    }
    const QString name = QStringLiteral("report %1").arg(cl.what);
    models::ReportQuery q;
    q.kind = *kind;
    q.now = QDateTime::currentDateTimeUtc();
    q.to = q.now.date();
    if (!cl.to.isEmpty()) {
        q.to = QDate::fromString(cl.to, Qt::ISODate);
        if (!q.to.isValid()) {
            printError(
                QStringLiteral("%1: --to wants a date as YYYY-MM-DD, not \"%2\"").arg(name, cl.to));
            return 2;
        }
    }
    q.from = cl.from.isValid() ? cl.from
                               : models::presetRange(models::RangePreset::Last30Days, q.to).from;
    if (q.from > q.to) {
        printError(QStringLiteral("%1: --from %2 is after --to %3")
                       .arg(name, q.from.toString(Qt::ISODate), q.to.toString(Qt::ISODate)));
        return 2;
    }

    const OpenedDatabase opened = openExistingDatabase(cl.databasePath, name);
    if (!opened.database)
        return 1;
    storage::SqlReports reports(opened.database->connection());
    if (!cl.channel.isEmpty()) {
        const models::Result<qint64> id = reports.channelIdForCode(cl.channel);
        if (!id.ok()) {
            printError(QStringLiteral("%1: %2").arg(name, id.error()));
            return 1;
        }
        q.channelId = id.value();
    }
    if (!cl.location.isEmpty()) {
        const models::Result<qint64> id = reports.locationIdForCode(cl.location);
        if (!id.ok()) {
            printError(QStringLiteral("%1: %2").arg(name, id.error()));
            return 1;
        }
        q.locationId = id.value();
    }
    const models::Result<models::Report> report = reports.run(q);
    if (!report.ok()) {
        printError(QStringLiteral("%1: %2").arg(name, report.error()));
        return 1;
    }

    if (cl.format.isEmpty() && cl.out.isEmpty()) {
        printOut(models::reportTitle(report->kind));
        printOut(report->headline);
        for (const QString &f : report->findings)
            printOut(QStringLiteral("- ") + f);
        for (const models::ReportTable &t : report->tables)
            printTable(t);
        return 0;
    }
    const QByteArray bytes = cl.format == QLatin1String("json") ? ui::reportJson(report.value())
                                                                : ui::reportCsv(report.value());
    if (cl.out.isEmpty()) {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        std::fflush(stdout);
        return 0;
    }
    if (const models::Status s = ui::writeReportFile(cl.out, bytes); !s) {
        printError(QStringLiteral("%1: %2").arg(name, s.error()));
        return 1;
    }
    printOut(QStringLiteral("%1: %2").arg(models::reportTitle(report->kind), report->headline));
    printOut(QStringLiteral("Written to %1").arg(cl.out));
    return 0;
}

} // namespace app
