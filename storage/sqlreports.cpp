#include "storage/sqlreports.h"

#include "models/reportrules.h"
#include "storage/database.h"
#include "storage/sqlreportparts.h"
#include "storage/sqlrun.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>

namespace storage {

using models::DateRange;
using models::Error;
using models::Report;
using models::ReportCell;
using models::ReportChart;
using models::ReportKind;
using models::ReportQuery;
using models::ReportTable;
using models::Result;
using models::Status;
using namespace storage::reports;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("storage::SqlReports", text);
}

// How many currently late orders the list carries (the headline counts them all).
constexpr int kLateListRows = 1000;
constexpr int kTopProducts = 25;

QVariant moneyCell(qint64 minor, const QString &currency)
{
    return QVariant::fromValue(models::Money(minor, currency));
}

QVariant percentCell(const std::optional<double> &p)
{
    return p ? QVariant(*p) : QVariant();
}

struct Buckets
{
    DateRange range;
    models::Bucket bucket;
    QList<QDate> starts;

    explicit Buckets(const DateRange &r)
        : range(r), bucket(models::bucketFor(r)), starts(models::bucketStarts(r, bucket))
    {}
    int index(const QDate &day) const { return models::bucketIndex(range, bucket, day); }
    QStringList labels() const
    {
        QStringList out;
        for (const QDate &d : starts)
            out.append(bucketLabel(d, bucket == models::Bucket::Week));
        return out;
    }
    QString axis() const
    {
        return bucket == models::Bucket::Week ? tr("Week starting") : tr("Day");
    }
    // A chart with one category per bucket; the title's %1 becomes "week" or "day".
    void setChart(ReportChart &chart, ReportChart::Style style, const QString &title,
                  const QString &valueTitle) const
    {
        chart.style = style;
        chart.title = title.arg(bucket == models::Bucket::Week ? tr("week") : tr("day"));
        chart.valueTitle = valueTitle;
        chart.categories = labels();
    }
};

// ---- Late orders ---------------------------------------------------------------

struct LateCounts
{
    qint64 due = 0;
    qint64 onTime = 0;
    qint64 shippedLate = 0;
    qint64 lateOpen = 0;
    qint64 late() const { return shippedLate + lateOpen; }
};

Result<Report> lateReport(const QSqlDatabase &db, const ReportQuery &query, Steps &steps,
                          const Names &names, const QDateTime &now)
{
    const DateRange range{query.from, query.to};
    const Buckets buckets(range);
    const QString nowIso = isoUtc(now);
    Report report;
    QList<double> shippedLateSeries(buckets.starts.size(), 0);
    QList<double> lateOpenSeries(buckets.starts.size(), 0);
    QMap<QPair<QString, QString>, LateCounts> byPlace;
    LateCounts total;
    QMap<QDate, LateCounts> byDay;

    if (!steps.next())
        return steps.cancelledError(query.kind);
    {
        // An order counts as shipped at its first shipment; one marked shipped by its
        // channel without a shipment here counts as shipped on time.
        Cursor c;
        if (Status s =
                c.open(db,
                       "SELECT SUBSTR(o.ship_by, 1, 10), o.channel_id, o.location_id, "
                       "       COALESCE((SELECT CASE WHEN MIN(s.shipped_at) IS NULL THEN NULL "
                       "                             WHEN MIN(s.shipped_at) <= o.ship_by THEN 1 "
                       "                             ELSE 2 END "
                       "                 FROM shipments s "
                       "                 WHERE s.order_id = o.id AND s.shipped_at IS NOT NULL "
                       "                   AND s.status <> 'voided'), "
                       "                CASE WHEN o.status IN ('shipped', 'delivered') THEN 1 "
                       "                     WHEN o.ship_by < ? THEN 3 ELSE 0 END), "
                       "       COUNT(*) "
                       "FROM orders o "
                       "WHERE o.ship_by >= ? AND o.ship_by < ? AND o.status <> 'cancelled' "
                       "  AND (? IS NULL OR o.channel_id = ?) AND (? IS NULL OR o.location_id = ?) "
                       "GROUP BY 1, 2, 3, 4",
                       {nowIso, dayStartIso(range.from), dayStartIso(range.to.addDays(1)),
                        idOrNull(query.channelId), idOrNull(query.channelId),
                        idOrNull(query.locationId), idOrNull(query.locationId)});
            !s)
            return Error{s.error()};
        while (c.next()) {
            const QDate day = parseDay(c.text(0));
            // 1 on time, 2 shipped late, 3 late and not shipped, 0 not due yet.
            LateCounts n;
            const qint64 orders = c.integer(4);
            n.due = orders;
            switch (c.integer(3)) {
            case 1:
                n.onTime = orders;
                break;
            case 2:
                n.shippedLate = orders;
                break;
            case 3:
                n.lateOpen = orders;
                break;
            default:
                break;
            }
            const QPair<QString, QString> place{names.channel(c.optionalInteger(1)),
                                                names.location(c.optionalInteger(2))};
            LateCounts &p = byPlace[place];
            for (LateCounts *t : {&p, &total, &byDay[day]}) {
                t->due += n.due;
                t->onTime += n.onTime;
                t->shippedLate += n.shippedLate;
                t->lateOpen += n.lateOpen;
            }
            if (const int b = buckets.index(day); b >= 0) {
                shippedLateSeries[b] += static_cast<double>(n.shippedLate);
                lateOpenSeries[b] += static_cast<double>(n.lateOpen);
            }
        }
        if (Status s = steps.finish(c, query.kind); !s)
            return Error{s.error()};
    }

    buckets.setChart(report.chart, ReportChart::Style::StackedBars, tr("Late orders by ship-by %1"),
                     tr("Orders"));
    report.chart.series = {{tr("Shipped late"), shippedLateSeries},
                           {tr("Not shipped, past ship-by"), lateOpenSeries}};

    ReportTable places;
    places.title = tr("By channel and location");
    places.columns = {{tr("Channel")},
                      {tr("Location")},
                      {tr("Due"), ReportCell::Count},
                      {tr("On time"), ReportCell::Count},
                      {tr("Shipped late"), ReportCell::Count},
                      {tr("Late, not shipped"), ReportCell::Count},
                      {tr("Late"), ReportCell::Percent}};
    QString worstPlace;
    double worstRate = -1;
    qint64 worstLate = 0, worstDue = 0;
    // A rate over a handful of orders says little: 2 late of 3 is not "most often late".
    constexpr qint64 kFewestForARate = 10;
    for (auto it = byPlace.cbegin(); it != byPlace.cend(); ++it) {
        const LateCounts &n = it.value();
        const std::optional<double> rate = models::ratePercent(n.late(), n.due);
        places.rows.append({it.key().first, it.key().second, n.due, n.onTime, n.shippedLate,
                            n.lateOpen, percentCell(rate)});
        if (rate && *rate > worstRate && n.late() > 0 && n.due >= kFewestForARate) {
            worstRate = *rate;
            worstLate = n.late();
            worstDue = n.due;
            worstPlace = tr("%1 from %2").arg(it.key().first, it.key().second);
        }
    }
    std::stable_sort(places.rows.begin(), places.rows.end(),
                     [](const QVariantList &a, const QVariantList &b) {
                         return a.at(6).toDouble() > b.at(6).toDouble();
                     });

    // The orders late right now, whatever their ship-by day.
    if (!steps.next())
        return steps.cancelledError(query.kind);
    ReportTable lateNow;
    lateNow.title = tr("Late now");
    lateNow.columns = {{tr("Order")},
                       {tr("Channel")},
                       {tr("Location")},
                       {tr("Status")},
                       {tr("Ship by"), ReportCell::DateTime},
                       {tr("Days late"), ReportCell::Decimal},
                       {tr("Buyer")}};
    qint64 lateNowCount = 0;
    QDateTime oldest;
    {
        Cursor c;
        if (Status s =
                c.open(db,
                       "SELECT o.order_number, o.channel_id, o.location_id, o.status, o.ship_by, "
                       "       o.buyer_name, COUNT(*) OVER () "
                       "FROM orders o "
                       "WHERE o.ship_by < ? "
                       "  AND o.status IN ('new', 'on_hold', 'ready', 'picking', 'packed', "
                       "                   'backordered', 'partially_shipped') "
                       "  AND (? IS NULL OR o.channel_id = ?) AND (? IS NULL OR o.location_id = ?) "
                       "ORDER BY o.ship_by, o.id LIMIT ?",
                       {nowIso, idOrNull(query.channelId), idOrNull(query.channelId),
                        idOrNull(query.locationId), idOrNull(query.locationId), kLateListRows});
            !s)
            return Error{s.error()};
        while (c.next()) {
            const QDateTime shipBy = parseIso(c.text(4));
            if (!oldest.isValid())
                oldest = shipBy;
            lateNowCount = c.integer(6);
            const double days =
                static_cast<double>(models::hoursLate(shipBy, std::nullopt, now)) / 24.0;
            lateNow.rows.append({c.text(0), names.channel(c.optionalInteger(1)),
                                 names.location(c.optionalInteger(2)), c.text(3), shipBy, days,
                                 c.text(5)});
        }
        if (Status s = steps.finish(c, query.kind); !s)
            return Error{s.error()};
    }
    lateNow.totalRows = lateNowCount;

    const QString scope = scopeText(query, names);
    if (total.due == 0) {
        report.headline = tr("No orders were due to ship %1%2.").arg(rangeText(query), scope);
    } else {
        report.headline =
            tr("%1 of %2 orders due to ship %3%4 were late (%5): %6 shipped late, %7 not "
               "shipped yet.")
                .arg(count(total.late()), count(total.due), rangeText(query), scope,
                     percent(models::ratePercent(total.late(), total.due)),
                     count(total.shippedLate), count(total.lateOpen));
    }
    if (!worstPlace.isEmpty() && byPlace.size() > 1)
        report.findings.append(
            tr("Most often late: %1, %2 of its orders (%3 of %4).")
                .arg(worstPlace, percent(worstRate), count(worstLate), count(worstDue)));
    QDate worstDay;
    qint64 worstDayLate = 0;
    for (auto it = byDay.cbegin(); it != byDay.cend(); ++it)
        if (it.value().late() > worstDayLate) {
            worstDayLate = it.value().late();
            worstDay = it.key();
        }
    if (worstDay.isValid())
        report.findings.append(
            tr("Worst day: %1, with %2 late orders.")
                .arg(QLocale(QLocale::English).toString(worstDay, QStringLiteral("ddd d MMM")),
                     count(worstDayLate)));
    if (lateNowCount > 0)
        report.findings.append(
            tr("%1 orders are late right now; the oldest was due %2 days ago.")
                .arg(count(lateNowCount),
                     decimal(static_cast<double>(models::hoursLate(oldest, std::nullopt, now)) /
                                 24.0,
                             0)));
    else
        report.findings.append(tr("No order is late right now."));
    report.tables = {places, lateNow};
    return report;
}

// ---- Sales by channel --------------------------------------------------------------

// Orders, units and revenue per currency (a channel may sell in several).
struct CurrencyCounts
{
    qint64 orders = 0;
    qint64 units = 0;
    qint64 revenue = 0;
};

struct SalesCounts
{
    qint64 orders = 0;
    qint64 units = 0;
    QMap<QString, qint64> revenue; // per currency
    QMap<QString, CurrencyCounts> perCurrency;
};

QString revenueText(const QMap<QString, qint64> &revenue)
{
    QStringList parts;
    for (auto it = revenue.cbegin(); it != revenue.cend(); ++it)
        parts.append(money(it.value(), it.key()));
    return parts.isEmpty() ? money(0, QStringLiteral("USD")) : parts.join(QStringLiteral(" + "));
}

Result<Report> salesReport(const QSqlDatabase &db, const ReportQuery &query, Steps &steps,
                           const Names &names)
{
    const DateRange range{query.from, query.to};
    const QList<QDate> weeks = models::weekStarts(range);
    Report report;
    QMap<QString, QList<SalesCounts>> byChannelWeek;
    QMap<QString, SalesCounts> byChannel;
    SalesCounts total;
    const QVariantList binds{dayStartIso(range.from),    dayStartIso(range.to.addDays(1)),
                             idOrNull(query.channelId),  idOrNull(query.channelId),
                             idOrNull(query.locationId), idOrNull(query.locationId)};

    if (!steps.next())
        return steps.cancelledError(query.kind);
    {
        Cursor c;
        if (Status s = c.open(db,
                              "SELECT SUBSTR(o.placed_at, 1, 10), o.channel_id, o.currency, "
                              "       COUNT(*), SUM(o.item_count), SUM(o.total_minor) "
                              "FROM orders o "
                              "WHERE o.placed_at >= ? AND o.placed_at < ? "
                              "  AND o.status <> 'cancelled' "
                              "  AND (? IS NULL OR o.channel_id = ?) "
                              "  AND (? IS NULL OR o.location_id = ?) "
                              "GROUP BY 1, 2, 3",
                              binds);
            !s)
            return Error{s.error()};
        while (c.next()) {
            const int w = models::weekIndex(range, parseDay(c.text(0)));
            const QString channel = names.channel(c.optionalInteger(1));
            const QString currency = c.text(2);
            QList<SalesCounts> &perWeek = byChannelWeek[channel];
            if (perWeek.isEmpty())
                perWeek.resize(weeks.size());
            for (SalesCounts *t : {&byChannel[channel], &total,
                                   w >= 0 ? &perWeek[w] : static_cast<SalesCounts *>(nullptr)}) {
                if (!t)
                    continue;
                t->orders += c.integer(3);
                t->units += c.integer(4);
                t->revenue[currency] += c.integer(5);
                CurrencyCounts &pc = t->perCurrency[currency];
                pc.orders += c.integer(3);
                pc.units += c.integer(4);
                pc.revenue += c.integer(5);
            }
        }
        if (Status s = steps.finish(c, query.kind); !s)
            return Error{s.error()};
    }

    // One currency: the chart shows revenue; several: orders, which always add up.
    const bool oneCurrency = total.revenue.size() <= 1;
    const QString currency =
        oneCurrency && !total.revenue.isEmpty() ? total.revenue.firstKey() : QString();
    const int decimals = currency.isEmpty() ? 0 : models::Money::decimalsFor(currency);
    report.chart.style = ReportChart::Style::StackedBars;
    report.chart.title =
        oneCurrency ? tr("Revenue per channel per week") : tr("Orders per channel per week");
    report.chart.valueTitle =
        oneCurrency ? tr("Revenue (%1)").arg(currency.isEmpty() ? tr("none") : currency)
                    : tr("Orders");
    for (const QDate &w : weeks)
        report.chart.categories.append(bucketLabel(w, true));

    ReportTable weekly;
    weekly.title = tr("Per channel per week");
    weekly.columns = {{tr("Week starting"), ReportCell::Date},
                      {tr("Channel")},
                      {tr("Orders"), ReportCell::Count},
                      {tr("Units"), ReportCell::Count},
                      {tr("Revenue"), ReportCell::Money}};
    for (auto it = byChannelWeek.cbegin(); it != byChannelWeek.cend(); ++it) {
        models::ReportSeries series{it.key(), {}};
        for (qsizetype w = 0; w < weeks.size(); ++w) {
            const SalesCounts &n = it.value().at(w);
            double value = static_cast<double>(n.orders);
            if (oneCurrency) {
                value = static_cast<double>(n.revenue.value(currency));
                for (int d = 0; d < decimals; ++d)
                    value /= 10.0;
            }
            series.values.append(value);
        }
        report.chart.series.append(series);
    }
    for (qsizetype w = 0; w < weeks.size(); ++w)
        for (auto it = byChannelWeek.cbegin(); it != byChannelWeek.cend(); ++it) {
            const SalesCounts &n = it.value().at(w);
            if (n.orders == 0)
                continue;
            for (auto r = n.perCurrency.cbegin(); r != n.perCurrency.cend(); ++r)
                weekly.rows.append({weeks.at(w), it.key(), r.value().orders, r.value().units,
                                    moneyCell(r.value().revenue, r.key())});
        }

    ReportTable channels;
    channels.title = tr("Per channel");
    channels.columns = {{tr("Channel")},
                        {tr("Orders"), ReportCell::Count},
                        {tr("Share of orders"), ReportCell::Percent},
                        {tr("Units"), ReportCell::Count},
                        {tr("Revenue"), ReportCell::Money},
                        {tr("Average order"), ReportCell::Money}};
    QString topChannel;
    qint64 topOrders = 0;
    for (auto it = byChannel.cbegin(); it != byChannel.cend(); ++it) {
        const SalesCounts &n = it.value();
        for (auto r = n.perCurrency.cbegin(); r != n.perCurrency.cend(); ++r) {
            const CurrencyCounts &pc = r.value();
            channels.rows.append({it.key(), pc.orders,
                                  percentCell(models::ratePercent(pc.orders, total.orders)),
                                  pc.units, moneyCell(pc.revenue, r.key()),
                                  moneyCell(pc.orders > 0 ? pc.revenue / pc.orders : 0, r.key())});
        }
        if (n.orders > topOrders) {
            topOrders = n.orders;
            topChannel = it.key();
        }
    }

    if (!steps.next())
        return steps.cancelledError(query.kind);
    QString bestSeller;
    ReportTable top;
    top.title = tr("Top products by units");
    top.columns = {{tr("SKU")},
                   {tr("Product")},
                   {tr("Units"), ReportCell::Count},
                   {tr("Orders"), ReportCell::Count},
                   {tr("Revenue"), ReportCell::Money}};
    {
        // Summed here rather than by GROUP BY: a hash per product beats sorting a
        // million lines. Lines arrive order by order, so counting orders per product
        // only needs the last order seen.
        struct ProductSales
        {
            QString sku;
            QString title;
            qint64 units = 0;
            qint64 orders = 0;
            qint64 lastOrder = -1;
            QMap<QString, CurrencyCounts> perCurrency;
        };
        QHash<qint64, ProductSales> byProduct; // unknown products by negative sku hash
        QHash<QString, qint64> unknownKeys;
        Cursor c;
        if (Status s = c.open(db,
                              "SELECT l.product_id, l.quantity, l.total_minor, o.currency, o.id, "
                              "       CASE WHEN l.product_id IS NULL THEN l.sku END, "
                              "       CASE WHEN l.product_id IS NULL THEN l.title END "
                              "FROM orders o "
                              "JOIN order_lines l ON l.order_id = o.id "
                              "WHERE o.placed_at >= ? AND o.placed_at < ? "
                              "  AND o.status <> 'cancelled' "
                              "  AND (? IS NULL OR o.channel_id = ?) "
                              "  AND (? IS NULL OR o.location_id = ?)",
                              binds);
            !s)
            return Error{s.error()};
        QString lastCurrency;
        QByteArray lastCurrencyBytes;
        while (c.next()) {
            qint64 key = 0;
            if (c.isNull(0)) {
                const QString sku = c.text(5);
                key = unknownKeys.value(sku, 0);
                if (key == 0) {
                    key = -(unknownKeys.size() + 1);
                    unknownKeys.insert(sku, key);
                    byProduct[key].sku = sku;
                    byProduct[key].title = c.text(6);
                }
            } else {
                key = c.integer(0);
            }
            ProductSales &p = byProduct[key];
            p.units += c.integer(1);
            const qint64 order = c.integer(4);
            const bool newOrder = order != p.lastOrder;
            if (newOrder) {
                ++p.orders;
                p.lastOrder = order;
            }
            // Most orders share a currency: build the text only when it changes.
            if (lastCurrency.isEmpty() || !c.textEquals(3, lastCurrencyBytes)) {
                lastCurrency = c.text(3);
                lastCurrencyBytes = lastCurrency.toUtf8();
            }
            CurrencyCounts &pc = p.perCurrency[lastCurrency];
            pc.units += c.integer(1);
            pc.orders += newOrder ? 1 : 0;
            pc.revenue += c.integer(2);
        }
        if (Status s = steps.finish(c, query.kind); !s)
            return Error{s.error()};
        QList<qint64> keys = byProduct.keys();
        std::sort(keys.begin(), keys.end(), [&byProduct](qint64 a, qint64 b) {
            const ProductSales &x = byProduct[a];
            const ProductSales &y = byProduct[b];
            return x.units != y.units ? x.units > y.units : a < b;
        });
        if (keys.size() > kTopProducts)
            keys.resize(kTopProducts);
        QHash<qint64, QPair<QString, QString>> productNames;
        {
            Result<QSqlQuery> q =
                runQuery(db, QStringLiteral("SELECT id, sku, name FROM products"));
            if (!q.ok())
                return Error{q.error()};
            while (q.value().next())
                productNames.insert(q.value().value(0).toLongLong(),
                                    {q.value().value(1).toString(), q.value().value(2).toString()});
        }
        if (!keys.isEmpty()) {
            const ProductSales &best = byProduct[keys.first()];
            const QPair<QString, QString> name =
                keys.first() > 0 ? productNames.value(keys.first())
                                 : QPair<QString, QString>(best.sku, best.title);
            bestSeller = tr("Best seller: %1 (%2), %3 units.")
                             .arg(name.second, name.first, count(best.units));
        }
        for (qint64 key : keys) {
            const ProductSales &p = byProduct[key];
            const QPair<QString, QString> name =
                key > 0 ? productNames.value(key) : QPair<QString, QString>(p.sku, p.title);
            for (auto r = p.perCurrency.cbegin(); r != p.perCurrency.cend(); ++r)
                top.rows.append({name.first, name.second, r.value().units, r.value().orders,
                                 moneyCell(r.value().revenue, r.key())});
        }
    }

    const QString scope = scopeText(query, names);
    if (total.orders == 0) {
        report.headline = tr("No orders were placed %1%2.").arg(rangeText(query), scope);
    } else {
        report.headline = tr("%1 orders placed %2%3: %4 units, %5 in revenue.")
                              .arg(count(total.orders), rangeText(query), scope, count(total.units),
                                   revenueText(total.revenue));
        report.findings.append(tr("%1 brought the most orders: %2 (%3).")
                                   .arg(topChannel, count(topOrders),
                                        percent(models::ratePercent(topOrders, total.orders))));
        report.findings.append(
            tr("%1 orders a day on average.")
                .arg(decimal(static_cast<double>(total.orders) / range.days(), 1)));
        if (!bestSeller.isEmpty())
            report.findings.append(bestSeller);
    }
    report.tables = {channels, weekly, top};
    return report;
}

// ---- Accuracy ------------------------------------------------------------------------

struct PackerCounts
{
    qint64 scans = 0;
    qint64 misScans = 0;
    qint64 ordersPacked = 0;
    qint64 ordersClean = 0;
};

Result<Report> accuracyReport(const QSqlDatabase &db, const ReportQuery &query, Steps &steps,
                              const Names &names)
{
    const DateRange range{query.from, query.to};
    const Buckets buckets(range);
    Report report;
    const QVariantList binds{dayStartIso(range.from),    dayStartIso(range.to.addDays(1)),
                             idOrNull(query.channelId),  idOrNull(query.channelId),
                             idOrNull(query.locationId), idOrNull(query.locationId)};
    QList<qint64> packedPerBucket(buckets.starts.size(), 0);
    QList<qint64> cleanPerBucket(buckets.starts.size(), 0);
    QList<qint64> shippedPerBucket(buckets.starts.size(), 0);
    QList<qint64> onTimePerBucket(buckets.starts.size(), 0);

    // Pack accuracy: per order packed in the range, whether any scan was a mis-scan
    // (a wrong item, one too many, or a code no product has).
    if (!steps.next())
        return steps.cancelledError(query.kind);
    QMap<QString, PackerCounts> packers;
    PackerCounts packTotal;
    {
        Cursor c;
        if (Status s =
                c.open(db,
                       "SELECT ps.packer, SUBSTR(MAX(CASE WHEN ps.result = 'packed' THEN ps.at "
                       "END), 1, 10), "
                       "       SUM(CASE WHEN ps.result IN ('right', 'wrong', 'over', 'unknown') "
                       "                THEN 1 ELSE 0 END), "
                       "       SUM(CASE WHEN ps.result IN ('wrong', 'over', 'unknown') "
                       "                THEN 1 ELSE 0 END) "
                       "FROM pack_scans ps "
                       "LEFT JOIN orders o ON o.id = ps.order_id "
                       "WHERE ps.at >= ? AND ps.at < ? "
                       "  AND (? IS NULL OR o.channel_id = ?) AND (? IS NULL OR o.location_id = ?) "
                       "GROUP BY ps.packer, ps.order_id",
                       binds);
            !s)
            return Error{s.error()};
        while (c.next()) {
            PackerCounts &p = packers[c.text(0)];
            const bool packed = !c.isNull(1);
            const bool clean = c.integer(3) == 0;
            for (PackerCounts *t : {&p, &packTotal}) {
                t->scans += c.integer(2);
                t->misScans += c.integer(3);
                t->ordersPacked += packed ? 1 : 0;
                t->ordersClean += packed && clean ? 1 : 0;
            }
            if (const int b = packed ? buckets.index(parseDay(c.text(1))) : -1; b >= 0) {
                ++packedPerBucket[b];
                cleanPerBucket[b] += clean ? 1 : 0;
            }
        }
        if (Status s = steps.finish(c, query.kind); !s)
            return Error{s.error()};
    }

    // Shipping on time: orders whose first shipment left in the range.
    if (!steps.next())
        return steps.cancelledError(query.kind);
    QMap<QString, QPair<qint64, qint64>> onTimeByChannel; // shipped, on time
    qint64 shipped = 0;
    qint64 onTime = 0;
    {
        Cursor c;
        if (Status s = c.open(
                db,
                "SELECT SUBSTR(x.first_shipped, 1, 10), o.channel_id, COUNT(*), "
                "       SUM(CASE WHEN o.ship_by IS NULL OR x.first_shipped <= o.ship_by "
                "                THEN 1 ELSE 0 END) "
                "FROM (SELECT s.order_id, MIN(s.shipped_at) AS first_shipped FROM shipments s "
                "      WHERE s.shipped_at >= ? AND s.shipped_at < ? AND s.status <> 'voided' "
                "      GROUP BY s.order_id) x "
                "JOIN orders o ON o.id = x.order_id "
                "WHERE (? IS NULL OR o.channel_id = ?) AND (? IS NULL OR o.location_id = ?) "
                "  AND NOT EXISTS (SELECT 1 FROM shipments e WHERE e.order_id = x.order_id "
                "                  AND e.shipped_at < x.first_shipped AND e.status <> 'voided') "
                "GROUP BY 1, 2",
                binds);
            !s)
            return Error{s.error()};
        while (c.next()) {
            const QString channel = names.channel(c.optionalInteger(1));
            onTimeByChannel[channel].first += c.integer(2);
            onTimeByChannel[channel].second += c.integer(3);
            shipped += c.integer(2);
            onTime += c.integer(3);
            if (const int b = buckets.index(parseDay(c.text(0))); b >= 0) {
                shippedPerBucket[b] += c.integer(2);
                onTimePerBucket[b] += c.integer(3);
            }
        }
        if (Status s = steps.finish(c, query.kind); !s)
            return Error{s.error()};
    }

    // Inventory accuracy: count lines posted in the range, right when the count found
    // what the ledger said at the moment of counting.
    if (!steps.next())
        return steps.cancelledError(query.kind);
    ReportTable counts;
    counts.title = tr("Cycle counts by location");
    counts.columns = {{tr("Location")},
                      {tr("Lines counted"), ReportCell::Count},
                      {tr("Right"), ReportCell::Count},
                      {tr("Accuracy"), ReportCell::Percent},
                      {tr("Units off"), ReportCell::Count}};
    qint64 linesCounted = 0;
    qint64 linesRight = 0;
    {
        Cursor c;
        if (Status s =
                c.open(db,
                       "SELECT sc.location_id, COUNT(*), "
                       "       SUM(CASE WHEN l.counted = COALESCE(l.on_hand_at_count, l.expected) "
                       "                THEN 1 ELSE 0 END), "
                       "       SUM(ABS(l.counted - COALESCE(l.on_hand_at_count, l.expected))) "
                       "FROM stock_counts sc JOIN stock_count_lines l ON l.count_id = sc.id "
                       "WHERE sc.status = 'posted' AND sc.posted_at >= ? AND sc.posted_at < ? "
                       "  AND l.counted IS NOT NULL AND (? IS NULL OR sc.location_id = ?) "
                       "GROUP BY sc.location_id",
                       {binds.at(0), binds.at(1), binds.at(4), binds.at(5)});
            !s)
            return Error{s.error()};
        while (c.next()) {
            counts.rows.append({names.location(c.optionalInteger(0)), c.integer(1), c.integer(2),
                                percentCell(models::ratePercent(c.integer(2), c.integer(1))),
                                c.integer(3)});
            linesCounted += c.integer(1);
            linesRight += c.integer(2);
        }
        if (!c.error().isEmpty())
            return Error{c.error()};
    }

    buckets.setChart(report.chart, ReportChart::Style::Lines,
                     tr("Pack accuracy and shipping on time by %1"), tr("Percent"));
    models::ReportSeries packSeries{tr("Packed without a mis-scan"), {}};
    models::ReportSeries shipSeries{tr("Shipped on time"), {}};
    for (qsizetype b = 0; b < buckets.starts.size(); ++b) {
        packSeries.values.append(
            models::ratePercent(cleanPerBucket.at(b), packedPerBucket.at(b)).value_or(qQNaN()));
        shipSeries.values.append(
            models::ratePercent(onTimePerBucket.at(b), shippedPerBucket.at(b)).value_or(qQNaN()));
    }
    report.chart.series = {packSeries, shipSeries};

    ReportTable packerTable;
    packerTable.title = tr("Packers");
    packerTable.columns = {{tr("Packer")},
                           {tr("Orders packed"), ReportCell::Count},
                           {tr("Packed without a mis-scan"), ReportCell::Percent},
                           {tr("Item scans"), ReportCell::Count},
                           {tr("Mis-scans"), ReportCell::Count},
                           {tr("Mis-scan rate"), ReportCell::Percent}};
    for (auto it = packers.cbegin(); it != packers.cend(); ++it)
        packerTable.rows.append(
            {it.key(), it.value().ordersPacked,
             percentCell(models::ratePercent(it.value().ordersClean, it.value().ordersPacked)),
             it.value().scans, it.value().misScans,
             percentCell(models::ratePercent(it.value().misScans, it.value().scans))});

    ReportTable shipping;
    shipping.title = tr("Shipping on time by channel");
    shipping.columns = {{tr("Channel")},
                        {tr("Orders shipped"), ReportCell::Count},
                        {tr("On time"), ReportCell::Count},
                        {tr("On-time rate"), ReportCell::Percent}};
    for (auto it = onTimeByChannel.cbegin(); it != onTimeByChannel.cend(); ++it)
        shipping.rows.append(
            {it.key(), it.value().first, it.value().second,
             percentCell(models::ratePercent(it.value().second, it.value().first))});

    const QString scope = scopeText(query, names);
    QStringList headline;
    if (packTotal.ordersPacked > 0)
        headline.append(
            tr("%1 of %2 orders packed without a mis-scan")
                .arg(percent(models::ratePercent(packTotal.ordersClean, packTotal.ordersPacked)),
                     count(packTotal.ordersPacked)));
    if (shipped > 0)
        headline.append(tr("%1 of %2 orders shipped on time")
                            .arg(percent(models::ratePercent(onTime, shipped)), count(shipped)));
    if (linesCounted > 0)
        headline.append(tr("stock counts %1 right")
                            .arg(percent(models::ratePercent(linesRight, linesCounted))));
    report.headline =
        headline.isEmpty()
            ? tr("Nothing was packed, shipped or counted %1%2.").arg(rangeText(query), scope)
            : tr("%1%2: %3.").arg(rangeText(query), scope, headline.join(QStringLiteral("; ")));
    if (packTotal.ordersPacked == 0)
        report.findings.append(tr("No order was packed at the pack bench in this range, so "
                                  "there is no pack accuracy to show."));
    else
        report.findings.append(
            tr("Mis-scans: %1 of %2 item scans (%3), each caught before the label printed.")
                .arg(count(packTotal.misScans), count(packTotal.scans),
                     percent(models::ratePercent(packTotal.misScans, packTotal.scans))));
    if (linesCounted == 0)
        report.findings.append(tr("No cycle count was posted in this range."));
    else
        report.findings.append(tr("%1 of %2 counted lines matched the ledger.")
                                   .arg(count(linesRight), count(linesCounted)));
    report.tables = {packerTable, shipping, counts};
    return report;
}

} // namespace

SqlReports::SqlReports(QSqlDatabase db) : m_db(std::move(db)) {}

SqlReports::SqlReports(std::unique_ptr<Database> owned, QSqlDatabase db)
    : m_owned(std::move(owned)), m_db(std::move(db))
{}

SqlReports::~SqlReports() = default;

Result<std::unique_ptr<SqlReports>> SqlReports::open(const QString &databasePath)
{
    Result<std::unique_ptr<Database>> db = Database::open(databasePath);
    if (!db.ok())
        return Error{db.error()};
    const QSqlDatabase connection = db.value()->connection();
    return std::unique_ptr<SqlReports>(new SqlReports(std::move(db).value(), connection));
}

Result<models::ReportChoices> SqlReports::choices()
{
    models::ReportChoices out;
    Result<QSqlQuery> c =
        runQuery(m_db, QStringLiteral("SELECT id, name FROM channels ORDER BY name"));
    if (!c.ok())
        return Error{c.error()};
    while (c.value().next())
        out.channels.append({c.value().value(0).toLongLong(), c.value().value(1).toString()});
    Result<QSqlQuery> l = runQuery(
        m_db,
        QStringLiteral("SELECT id, code, name FROM locations WHERE active = 1 ORDER BY code"));
    if (!l.ok())
        return Error{l.error()};
    while (l.value().next())
        out.locations.append({l.value().value(0).toLongLong(),
                              QStringLiteral("%1 — %2").arg(l.value().value(1).toString(),
                                                            l.value().value(2).toString())});
    return out;
}

Result<qint64> SqlReports::channelIdForCode(const QString &code)
{
    const Result<QVariant> id = queryScalar(
        m_db, QStringLiteral("SELECT id FROM channels WHERE code = ?"), {code.trimmed().toLower()});
    if (!id.ok())
        return Error{QStringLiteral("no channel has the code \"%1\"").arg(code)};
    return id.value().toLongLong();
}

Result<qint64> SqlReports::locationIdForCode(const QString &code)
{
    const Result<QVariant> id =
        queryScalar(m_db, QStringLiteral("SELECT id FROM locations WHERE upper(code) = upper(?)"),
                    {code.trimmed()});
    if (!id.ok())
        return Error{QStringLiteral("no location has the code \"%1\"").arg(code)};
    return id.value().toLongLong();
}

Result<Report> SqlReports::run(const ReportQuery &query, const models::ReportProgress &progress)
{
    ReportQuery q = query;
    const QDateTime now = q.now.isValid() ? q.now.toUTC() : QDateTime::currentDateTimeUtc();
    q.now = now;
    if (!q.to.isValid())
        q.to = now.date();
    if (!q.from.isValid())
        q.from = q.to.addDays(-29);
    if (q.from > q.to)
        return Error{QStringLiteral("%1 report: the range starts (%2) after it ends (%3)")
                         .arg(models::reportTitle(q.kind), q.from.toString(Qt::ISODate),
                              q.to.toString(Qt::ISODate))};

    Result<Names> names = readNames(m_db);
    if (!names.ok())
        return Error{names.error()};
    // One snapshot: every query of a report sees the same database.
    const bool snapshot = runStatement(m_db, QStringLiteral("BEGIN")).ok();
    Result<Report> report = Error{};
    {
        Steps steps(m_db, progress, q.kind == ReportKind::Accuracy ? 3 : 2);
        switch (q.kind) {
        case ReportKind::Late:
            report = lateReport(m_db, q, steps, names.value(), now);
            break;
        case ReportKind::Sales:
            report = salesReport(m_db, q, steps, names.value());
            break;
        case ReportKind::Accuracy:
            report = accuracyReport(m_db, q, steps, names.value());
            break;
        case ReportKind::StockOuts:
            report = stockOutsReport(m_db, q, steps);
            break;
        case ReportKind::Turnover:
            report = turnoverReport(m_db, q, steps);
            break;
        }
        if (!report.ok() && steps.cancelled())
            report = steps.cancelledError(q.kind);
    }
    if (snapshot)
        (void)runStatement(m_db, QStringLiteral("ROLLBACK"));
    if (report.ok()) {
        report.value().kind = q.kind;
        report.value().from = q.from;
        report.value().to = q.to;
    }
    return report;
}

} // namespace storage
