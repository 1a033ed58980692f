#pragma once

#include "models/money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace models {

// The reports of the Reports screen and of `backroom report`.
enum class ReportKind
{
    Late,
    StockOuts,
    Accuracy,
    Turnover,
    Sales
};

QList<ReportKind> allReportKinds();
// "late", "stockouts", "accuracy", "turnover", "sales": the command line's words.
QString reportSlug(ReportKind kind);
std::optional<ReportKind> reportKindFromSlug(const QString &slug);
QString reportTitle(ReportKind kind);

// What one run of a report covers. Days are UTC calendar days, both ends included.
struct ReportQuery
{
    ReportKind kind = ReportKind::Late;
    QDate from;
    QDate to;
    std::optional<qint64> channelId;  // none: every channel
    std::optional<qint64> locationId; // none: every location
    QDateTime now;                    // invalid: the current time (UTC)
    int deadStockDays = 90;           // Turnover: no sale in this many days is dead stock
};

// How a table cell is shown and exported. Money cells hold a models::Money.
enum class ReportCell
{
    Text,
    Count,
    Decimal,
    Percent,
    Money,
    Date,
    DateTime
};

struct ReportColumn
{
    QString title;
    ReportCell kind = ReportCell::Text;
};

struct ReportTable
{
    QString title;
    QList<ReportColumn> columns;
    QList<QVariantList> rows;
    qint64 totalRows = -1; // when the rows are the first of a longer list; -1: all shown
};

struct ReportSeries
{
    QString name;
    QList<double> values; // one per category
};

// A chart of figures per category (a day, a week): stacked bars or lines.
struct ReportChart
{
    enum class Style
    {
        StackedBars,
        Lines
    };
    Style style = Style::StackedBars;
    QString title;
    QString valueTitle; // the value axis
    QStringList categories;
    QList<ReportSeries> series;
    bool isEmpty() const;
};

// A finished report: the answer in words first, then a chart and tables.
struct Report
{
    ReportKind kind = ReportKind::Late;
    QDate from;
    QDate to;
    QString headline;     // one sentence with the main figure
    QStringList findings; // further sentences, most important first
    ReportChart chart;
    QList<ReportTable> tables;
};

// One choice for the channel and location filters.
struct ReportChoice
{
    qint64 id = 0;
    QString name;
};

struct ReportChoices
{
    QList<ReportChoice> channels;
    QList<ReportChoice> locations;
};

} // namespace models
