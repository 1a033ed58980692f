#include "ui/reportexport.h"

#include "importers/csvcell.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include <cmath>

namespace ui {

using models::Money;
using models::ReportCell;
using models::ReportTable;

namespace {

QString csvLine(const QStringList &cells)
{
    return cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

QString text(const QString &s)
{
    return importers::spreadsheetCsvCell(s);
}

QString plainNumber(double v, int decimals)
{
    if (std::isnan(v))
        return {};
    return QString::number(v, 'f', decimals);
}

// The cells one value becomes: two for money, one otherwise.
QStringList csvCells(const QVariant &value, ReportCell kind)
{
    const bool empty = !value.isValid() || value.isNull();
    switch (kind) {
    case ReportCell::Text:
        return {text(value.toString())};
    case ReportCell::Count:
        return {empty ? QString() : QString::number(value.toLongLong())};
    case ReportCell::Decimal:
        return {empty ? QString() : plainNumber(value.toDouble(), 2)};
    case ReportCell::Percent:
        return {empty ? QString() : plainNumber(value.toDouble(), 1)};
    case ReportCell::Money: {
        if (empty)
            return {QString(), QString()};
        const Money m = value.value<Money>();
        return {m.toPlainString(), text(m.currency())};
    }
    case ReportCell::Date:
        return {empty ? QString() : value.toDate().toString(Qt::ISODate)};
    case ReportCell::DateTime:
        return {empty ? QString() : value.toDateTime().toUTC().toString(Qt::ISODate)};
    }
    return {text(value.toString())};
}

QString tableText(const ReportTable &table)
{
    QStringList header;
    for (const models::ReportColumn &c : table.columns) {
        header.append(text(c.title));
        if (c.kind == ReportCell::Money)
            header.append(text(c.title + QStringLiteral(" currency")));
    }
    QString out = csvLine(header);
    for (const QVariantList &row : table.rows) {
        QStringList cells;
        for (qsizetype i = 0; i < table.columns.size(); ++i)
            cells += csvCells(row.value(i), table.columns.at(i).kind);
        out += csvLine(cells);
    }
    return out;
}

QJsonValue jsonValue(const QVariant &value, ReportCell kind)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue::Null;
    switch (kind) {
    case ReportCell::Text:
        return value.toString();
    case ReportCell::Count:
        return value.toLongLong();
    case ReportCell::Decimal:
    case ReportCell::Percent:
        return std::round(value.toDouble() * 100.0) / 100.0;
    case ReportCell::Money: {
        const Money m = value.value<Money>();
        return QJsonObject{{QStringLiteral("amount"), m.toPlainString()},
                           {QStringLiteral("currency"), m.currency()}};
    }
    case ReportCell::Date:
        return value.toDate().toString(Qt::ISODate);
    case ReportCell::DateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODate);
    }
    return value.toString();
}

QString slugOf(const QString &title)
{
    QString s = title.toLower();
    s.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    while (s.startsWith(QLatin1Char('-')))
        s.remove(0, 1);
    while (s.endsWith(QLatin1Char('-')))
        s.chop(1);
    return s;
}

} // namespace

QByteArray reportTableCsv(const ReportTable &table)
{
    return QByteArrayLiteral("\xEF\xBB\xBF") + tableText(table).toUtf8();
}

QByteArray reportCsv(const models::Report &report)
{
    QString out = csvLine({text(models::reportTitle(report.kind)),
                           report.from.toString(Qt::ISODate), report.to.toString(Qt::ISODate)});
    out += csvLine({text(report.headline)});
    for (const QString &f : report.findings)
        out += csvLine({text(f)});
    for (const ReportTable &t : report.tables) {
        out += QStringLiteral("\r\n");
        out += csvLine({text(t.title)});
        out += tableText(t);
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

QByteArray reportJson(const models::Report &report)
{
    QJsonObject root;
    root.insert(QStringLiteral("report"), models::reportSlug(report.kind));
    root.insert(QStringLiteral("title"), models::reportTitle(report.kind));
    root.insert(QStringLiteral("from"), report.from.toString(Qt::ISODate));
    root.insert(QStringLiteral("to"), report.to.toString(Qt::ISODate));
    root.insert(QStringLiteral("headline"), report.headline);
    root.insert(QStringLiteral("findings"), QJsonArray::fromStringList(report.findings));
    QJsonObject chart;
    chart.insert(QStringLiteral("title"), report.chart.title);
    chart.insert(QStringLiteral("valueTitle"), report.chart.valueTitle);
    chart.insert(QStringLiteral("categories"), QJsonArray::fromStringList(report.chart.categories));
    QJsonArray series;
    for (const models::ReportSeries &s : report.chart.series) {
        QJsonArray values;
        for (double v : s.values)
            values.append(std::isnan(v) ? QJsonValue(QJsonValue::Null)
                                        : QJsonValue(std::round(v * 100.0) / 100.0));
        series.append(
            QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("values"), values}});
    }
    chart.insert(QStringLiteral("series"), series);
    root.insert(QStringLiteral("chart"), chart);
    QJsonArray tables;
    for (const ReportTable &t : report.tables) {
        QJsonArray columns;
        for (const models::ReportColumn &c : t.columns)
            columns.append(c.title);
        QJsonArray rows;
        for (const QVariantList &row : t.rows) {
            QJsonArray cells;
            for (qsizetype i = 0; i < t.columns.size(); ++i)
                cells.append(jsonValue(row.value(i), t.columns.at(i).kind));
            rows.append(cells);
        }
        QJsonObject table{{QStringLiteral("title"), t.title},
                          {QStringLiteral("columns"), columns},
                          {QStringLiteral("rows"), rows}};
        if (t.totalRows >= 0)
            table.insert(QStringLiteral("totalRows"), t.totalRows);
        tables.append(table);
    }
    root.insert(QStringLiteral("tables"), tables);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

models::Status writeReportFile(const QString &path, const QByteArray &bytes)
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return models::Error{
            QStringLiteral("%1: cannot be written (%2)").arg(shown, file.errorString())};
    if (file.write(bytes) != bytes.size() || !file.commit())
        return models::Error{
            QStringLiteral("%1: cannot be written (%2)").arg(shown, file.errorString())};
    return models::Status::success();
}

QString suggestedReportFileName(const models::Report &report, const QString &tableTitle)
{
    QString name = slugOf(models::reportTitle(report.kind));
    if (!tableTitle.isEmpty())
        name += QLatin1Char('-') + slugOf(tableTitle);
    return QStringLiteral("%1-%2-to-%3.csv")
        .arg(name, report.from.toString(Qt::ISODate), report.to.toString(Qt::ISODate));
}

} // namespace ui
