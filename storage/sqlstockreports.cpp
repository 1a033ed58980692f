// The stock reports: stock-outs and turnover, from each product and location's daily
// on-hand balance over the range, rebuilt backwards from today's figure.
#include "models/reportrules.h"
#include "storage/sqlreportparts.h"
#include "storage/sqlrun.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>

#include <algorithm>
#include <cmath>

namespace storage::reports {

using models::DateRange;
using models::Error;
using models::Report;
using models::ReportCell;
using models::ReportChart;
using models::ReportQuery;
using models::ReportTable;
using models::Result;
using models::Status;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("storage::SqlReports", text);
}

QVariant moneyCell(qint64 minor, const QString &currency)
{
    return QVariant::fromValue(models::Money(minor, currency));
}

qint64 roundMinor(double v)
{
    return static_cast<qint64>(std::llround(v));
}

// One product at one location, with what the ledger said over the range.
struct Timeline
{
    qint64 productId = 0;
    qint64 locationId = 0;
    QString sku;
    QString name;
    QString location;
    qint64 onHand = 0;
    qint64 reserved = 0;
    qint64 costMinor = 0;
    QString costCurrency;
    qint64 priceMinor = 0;
    QString priceCurrency;
    QDate lastSale;
    QList<qint64> netByDay; // from range.from up to today
    qint64 sold = 0;        // units shipped in the range
    QList<qint64> balances;
    models::StockOutStats stats;
};

// The days the balances cover: the range, ending no later than today.
DateRange clampedRange(const ReportQuery &query)
{
    return {query.from, std::min(query.to, query.now.date())};
}

Result<QList<Timeline>> readTimelines(const QSqlDatabase &db, const ReportQuery &query,
                                      Steps &steps, bool withLastSale)
{
    const DateRange range = clampedRange(query);
    const int daysToToday = static_cast<int>(range.from.daysTo(query.now.date())) + 1;
    QList<Timeline> rows;
    QHash<QPair<qint64, qint64>, qsizetype> indexOf;

    if (!steps.next())
        return steps.cancelledError(query.kind);
    {
        Cursor c;
        const char *sql =
            withLastSale
                ? "SELECT sl.product_id, sl.location_id, sl.on_hand, sl.reserved, p.sku, p.name, "
                  "       p.cost_minor, p.cost_currency, p.price_minor, p.price_currency, l.code, "
                  "       (SELECT m.created_at FROM stock_movements m "
                  "        WHERE m.product_id = sl.product_id AND m.location_id = sl.location_id "
                  "          AND m.reason_code = 'shipped' "
                  "        ORDER BY m.created_at DESC LIMIT 1) "
                  "FROM stock_levels sl "
                  "JOIN products p ON p.id = sl.product_id "
                  "JOIN locations l ON l.id = sl.location_id "
                  "WHERE p.is_kit = 0 AND (? IS NULL OR sl.location_id = ?) "
                  "ORDER BY p.sku, l.code"
                : "SELECT sl.product_id, sl.location_id, sl.on_hand, sl.reserved, p.sku, p.name, "
                  "       p.cost_minor, p.cost_currency, p.price_minor, p.price_currency, l.code, "
                  "       NULL "
                  "FROM stock_levels sl "
                  "JOIN products p ON p.id = sl.product_id "
                  "JOIN locations l ON l.id = sl.location_id "
                  "WHERE p.is_kit = 0 AND (? IS NULL OR sl.location_id = ?) "
                  "ORDER BY p.sku, l.code";
        if (Status s = c.open(db, sql, {idOrNull(query.locationId), idOrNull(query.locationId)});
            !s)
            return Error{s.error()};
        while (c.next()) {
            Timeline t;
            t.productId = c.integer(0);
            t.locationId = c.integer(1);
            t.onHand = c.integer(2);
            t.reserved = c.integer(3);
            t.sku = c.text(4);
            t.name = c.text(5);
            t.costMinor = c.integer(6);
            t.costCurrency = c.text(7);
            t.priceMinor = c.integer(8);
            t.priceCurrency = c.text(9);
            t.location = c.text(10);
            if (!c.isNull(11))
                t.lastSale = parseDay(c.text(11));
            indexOf.insert({t.productId, t.locationId}, rows.size());
            rows.append(std::move(t));
        }
        if (Status s = steps.finish(c, query.kind); !s)
            return Error{s.error()};
    }

    // One pass over the movements since the range began, a row per product, location
    // and day.
    if (!steps.next())
        return steps.cancelledError(query.kind);
    {
        Cursor c;
        if (Status s = c.open(
                db,
                "SELECT product_id, location_id, SUBSTR(created_at, 1, 10), SUM(quantity), "
                "       SUM(CASE WHEN reason_code = 'shipped' THEN -quantity ELSE 0 END) "
                "FROM stock_movements "
                "WHERE created_at >= ? AND (? IS NULL OR location_id = ?) "
                "GROUP BY product_id, location_id, 3",
                {dayStartIso(range.from), idOrNull(query.locationId), idOrNull(query.locationId)});
            !s)
            return Error{s.error()};
        while (c.next()) {
            const qsizetype at = indexOf.value({c.integer(0), c.integer(1)}, -1);
            if (at < 0)
                continue;
            Timeline &t = rows[at];
            if (t.netByDay.isEmpty())
                t.netByDay.resize(daysToToday);
            const qint64 day = range.from.daysTo(parseDay(c.text(2)));
            if (day < 0)
                continue;
            if (day < t.netByDay.size())
                t.netByDay[day] += c.integer(3);
            else
                t.netByDay.last() += c.integer(3); // a movement stamped after now
            if (day < range.days())
                t.sold += c.integer(4);
        }
        if (Status s = steps.finish(c, query.kind); !s)
            return Error{s.error()};
    }
    for (Timeline &t : rows) {
        t.balances = models::dailyBalances(t.onHand, t.netByDay, range);
        t.stats = models::stockOutStats(t.balances, range);
    }
    return rows;
}

// The currency most of the values are in; the totals are summed in it.
QString mainCurrency(const QList<Timeline> &rows, bool cost)
{
    QHash<QString, int> seen;
    for (const Timeline &t : rows)
        ++seen[cost ? t.costCurrency : t.priceCurrency];
    QString best;
    int most = -1;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        if (it.value() > most || (it.value() == most && it.key() < best)) {
            most = it.value();
            best = it.key();
        }
    return best;
}

double majorUnits(qint64 minor, const QString &currency)
{
    double v = static_cast<double>(minor);
    for (int d = 0; d < models::Money::decimalsFor(currency); ++d)
        v /= 10.0;
    return v;
}

} // namespace

Result<Report> stockOutsReport(const QSqlDatabase &db, const ReportQuery &query, Steps &steps)
{
    Result<QList<Timeline>> read = readTimelines(db, query, steps, false);
    if (!read.ok())
        return Error{read.error()};
    const QList<Timeline> &rows = read.value();
    const DateRange range = clampedRange(query);
    const models::Bucket bucket = models::bucketFor(range);
    const QList<QDate> starts = models::bucketStarts(range, bucket);
    const QString currency = mainCurrency(rows, false);

    struct Row
    {
        const Timeline *t;
        bool outNow;
        double demand;
        double lostUnits;
        qint64 lostMinor;
    };
    QList<Row> out;
    QList<double> outDaysPerBucket(starts.size(), 0);
    QList<int> daysPerBucket(starts.size(), 0);
    for (int d = 0; d < range.days(); ++d)
        ++daysPerBucket[models::bucketIndex(range, bucket, range.from.addDays(d))];
    qint64 lostTotal = 0;
    qint64 productDaysOut = 0;
    for (const Timeline &t : rows) {
        // Demand: sold in the range, or orders waiting on it now.
        if (t.sold <= 0 && t.reserved <= 0)
            continue;
        const bool outNow = t.onHand - t.reserved <= 0;
        if (t.stats.daysOut == 0 && !outNow)
            continue;
        const double demand = models::averageDailyDemand(t.sold, t.stats.daysInStock);
        const double lost = models::lostSalesUnits(demand, t.stats.daysOut);
        const qint64 lostMinor = roundMinor(lost * static_cast<double>(t.priceMinor));
        out.append({&t, outNow, demand, lost, lostMinor});
        if (t.priceCurrency == currency)
            lostTotal += lostMinor;
        productDaysOut += t.stats.daysOut;
        for (qsizetype d = 0; d < t.balances.size(); ++d)
            if (t.balances.at(d) <= 0)
                outDaysPerBucket[models::bucketIndex(range, bucket, range.from.addDays(d))] += 1;
    }
    std::sort(out.begin(), out.end(), [](const Row &a, const Row &b) {
        if (a.outNow != b.outNow)
            return a.outNow;
        if (a.lostMinor != b.lostMinor)
            return a.lostMinor > b.lostMinor;
        return a.t->sku < b.t->sku;
    });

    Report report;
    report.chart.style = ReportChart::Style::StackedBars;
    report.chart.title = bucket == models::Bucket::Week
                             ? tr("Products out of stock (average per day of each week)")
                             : tr("Products out of stock at the end of each day");
    report.chart.valueTitle = tr("Products × locations");
    models::ReportSeries series{tr("Out of stock"), {}};
    for (qsizetype b = 0; b < starts.size(); ++b) {
        report.chart.categories.append(bucketLabel(starts.at(b), bucket == models::Bucket::Week));
        series.values.append(daysPerBucket.at(b) > 0 ? outDaysPerBucket.at(b) / daysPerBucket.at(b)
                                                     : 0);
    }
    report.chart.series = {series};

    ReportTable table;
    table.title = tr("Stock-outs, the current ones first");
    table.columns = {{tr("SKU")},
                     {tr("Product")},
                     {tr("Location")},
                     {tr("Available now"), ReportCell::Count},
                     {tr("Out now")},
                     {tr("Days out"), ReportCell::Count},
                     {tr("First out"), ReportCell::Date},
                     {tr("Sold in range"), ReportCell::Count},
                     {tr("Daily demand"), ReportCell::Decimal},
                     {tr("Lost units"), ReportCell::Decimal},
                     {tr("Lost sales"), ReportCell::Money}};
    int currentCount = 0;
    for (const Row &r : out) {
        currentCount += r.outNow ? 1 : 0;
        table.rows.append(
            {r.t->sku, r.t->name, r.t->location, r.t->onHand - r.t->reserved,
             r.outNow ? tr("Yes") : tr("No"), r.t->stats.daysOut,
             r.t->stats.firstOut.isValid() ? QVariant(r.t->stats.firstOut) : QVariant(), r.t->sold,
             r.demand, r.lostUnits, moneyCell(r.lostMinor, r.t->priceCurrency)});
    }

    const QString where =
        query.locationId && !rows.isEmpty() ? tr(" at %1").arg(rows.first().location) : QString();
    if (out.isEmpty()) {
        report.headline =
            tr("No product with demand ran out of stock%1 %2.").arg(where, rangeText(query));
    } else {
        report.headline = tr("%1 products ran out of stock%2 %3 for %4 product-days in all; "
                             "about %5 of sales lost.")
                              .arg(count(out.size()), where, rangeText(query),
                                   count(productDaysOut), money(lostTotal, currency));
        report.findings.append(currentCount > 0
                                   ? tr("%1 are out of stock right now (nothing available "
                                        "after reservations).")
                                         .arg(count(currentCount))
                                   : tr("None is out of stock right now."));
        const auto worst =
            std::max_element(out.cbegin(), out.cend(),
                             [](const Row &a, const Row &b) { return a.lostMinor < b.lostMinor; });
        if (worst != out.cend() && worst->lostMinor > 0)
            report.findings.append(tr("Costliest: %1 (%2) at %3, %4 days out, about %5 lost.")
                                       .arg(worst->t->name, worst->t->sku, worst->t->location)
                                       .arg(worst->t->stats.daysOut)
                                       .arg(money(worst->lostMinor, worst->t->priceCurrency)));
    }
    report.findings.append(tr("Lost sales = average daily sales on the days in stock × days "
                              "out, at today's price. Stock is shared by every channel."));
    report.tables = {table};
    return report;
}

Result<Report> turnoverReport(const QSqlDatabase &db, const ReportQuery &query, Steps &steps)
{
    Result<QList<Timeline>> read = readTimelines(db, query, steps, true);
    if (!read.ok())
        return Error{read.error()};
    const QList<Timeline> &rows = read.value();
    const DateRange range = clampedRange(query);
    const int days = range.days();
    const QString currency = mainCurrency(rows, true);
    const QDate today = query.now.date();

    ReportTable all;
    all.title = tr("Per product and location, slowest first");
    all.columns = {{tr("SKU")},
                   {tr("Product")},
                   {tr("Location")},
                   {tr("On hand"), ReportCell::Count},
                   {tr("Stock value"), ReportCell::Money},
                   {tr("Units shipped"), ReportCell::Count},
                   {tr("Cost of goods shipped"), ReportCell::Money},
                   {tr("Average stock value"), ReportCell::Money},
                   {tr("Turnover"), ReportCell::Decimal},
                   {tr("Days of stock"), ReportCell::Decimal},
                   {tr("Last sale"), ReportCell::Date}};
    ReportTable dead;
    dead.title = tr("Dead stock: no sale in %1 days").arg(query.deadStockDays);
    dead.columns = {{tr("SKU")},
                    {tr("Product")},
                    {tr("Location")},
                    {tr("On hand"), ReportCell::Count},
                    {tr("Value tied up"), ReportCell::Money},
                    {tr("Last sale"), ReportCell::Date},
                    {tr("Days since sale"), ReportCell::Count}};

    struct Row
    {
        const Timeline *t;
        std::optional<double> cover;
        qint64 valueMinor;
    };
    QList<Row> ordered;
    QList<Row> deadRows;
    qint64 cogsTotal = 0;
    qint64 valueDaysTotal = 0; // Σ units × days held × unit cost, in minor units
    qint64 valueTotal = 0;
    qint64 deadValue = 0;
    qint64 slowValue = 0;
    int slowCount = 0;
    QList<qint64> valueByBand(5, 0); // minor units; the chart gets major units
    for (const Timeline &t : rows) {
        if (t.onHand <= 0 && t.sold <= 0)
            continue;
        const qint64 value = std::max<qint64>(t.onHand, 0) * t.costMinor;
        const std::optional<double> cover = models::daysOfStock(t.onHand, t.sold, days);
        ordered.append({&t, cover, value});
        if (t.costCurrency == currency) {
            cogsTotal += t.sold * t.costMinor;
            valueDaysTotal += t.stats.unitDays * t.costMinor;
            valueTotal += value;
            valueByBand[static_cast<int>(models::coverBand(cover))] += value;
            if (cover && *cover > 180) {
                slowValue += value;
                ++slowCount;
            }
        }
        const qint64 sinceSale = t.lastSale.isValid() ? t.lastSale.daysTo(today) : -1;
        if (t.onHand > 0 && (sinceSale < 0 || sinceSale >= query.deadStockDays)) {
            deadRows.append({&t, cover, value});
            if (t.costCurrency == currency)
                deadValue += value;
        }
    }
    std::sort(ordered.begin(), ordered.end(), [](const Row &a, const Row &b) {
        const double x = a.cover.value_or(1e12);
        const double y = b.cover.value_or(1e12);
        if (x != y)
            return x > y;
        if (a.valueMinor != b.valueMinor)
            return a.valueMinor > b.valueMinor;
        return a.t->sku < b.t->sku;
    });
    std::sort(deadRows.begin(), deadRows.end(), [](const Row &a, const Row &b) {
        if (a.valueMinor != b.valueMinor)
            return a.valueMinor > b.valueMinor;
        return a.t->sku < b.t->sku;
    });
    for (const Row &r : ordered) {
        const Timeline &t = *r.t;
        const qint64 valueDays = t.stats.unitDays * t.costMinor;
        const qint64 averageValue = models::averageInventoryValueMinor(valueDays, days);
        const std::optional<double> turns =
            models::inventoryTurnover(t.sold * t.costMinor, valueDays, days);
        all.rows.append(
            {t.sku, t.name, t.location, t.onHand, moneyCell(r.valueMinor, t.costCurrency), t.sold,
             moneyCell(t.sold * t.costMinor, t.costCurrency),
             moneyCell(averageValue, t.costCurrency), turns ? QVariant(*turns) : QVariant(),
             r.cover ? QVariant(*r.cover) : QVariant(),
             t.lastSale.isValid() ? QVariant(t.lastSale) : QVariant()});
    }
    for (const Row &r : deadRows) {
        const Timeline &t = *r.t;
        dead.rows.append({t.sku, t.name, t.location, t.onHand,
                          moneyCell(r.valueMinor, t.costCurrency),
                          t.lastSale.isValid() ? QVariant(t.lastSale) : QVariant(),
                          t.lastSale.isValid() ? QVariant(t.lastSale.daysTo(today)) : QVariant()});
    }

    Report report;
    report.chart.style = ReportChart::Style::StackedBars;
    report.chart.title = tr("Stock value by days of stock left at the range's pace");
    report.chart.valueTitle = tr("Stock value (%1)").arg(currency);
    report.chart.categories = {tr("Up to 30 days"), tr("31–90 days"), tr("91–180 days"),
                               tr("Over 180 days"), tr("No sales")};
    QList<double> valueByBandMajor;
    for (qint64 minor : std::as_const(valueByBand))
        valueByBandMajor.append(majorUnits(minor, currency));
    report.chart.series = {{tr("Stock value"), valueByBandMajor}};

    const std::optional<double> turns = models::inventoryTurnover(cogsTotal, valueDaysTotal, days);
    if (!turns) {
        report.headline = tr("No stock with a cost was held %1.").arg(rangeText(query));
    } else {
        report.headline =
            tr("Stock turned %1 times in these %2 days (about %3 times a year at this pace); "
               "%4 of stock on hand.")
                .arg(decimal(*turns, 2))
                .arg(days)
                .arg(decimal(*turns * 365.0 / days, 1))
                .arg(money(valueTotal, currency));
    }
    report.findings.append(
        tr("Dead stock (no sale in %1 days): %2 product-locations, %3 tied up (%4 of the stock "
           "value).")
            .arg(query.deadStockDays)
            .arg(count(deadRows.size()), money(deadValue, currency),
                 percent(models::ratePercent(deadValue, valueTotal))));
    report.findings.append(tr("Slow movers (over 180 days of stock): %1, worth %2.")
                               .arg(count(slowCount), money(slowValue, currency)));
    report.findings.append(tr("Turnover = cost of goods shipped ÷ average stock value over the "
                              "range, at today's costs."));
    report.tables = {dead, all};
    return report;
}

} // namespace storage::reports
