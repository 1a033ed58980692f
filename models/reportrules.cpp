#include "models/reportrules.h"

#include <algorithm>

namespace models {

int DateRange::days() const
{
    if (!from.isValid() || !to.isValid() || to < from)
        return 0;
    return static_cast<int>(from.daysTo(to)) + 1;
}

bool DateRange::contains(const QDate &day) const
{
    return day.isValid() && day >= from && day <= to;
}

DateRange presetRange(RangePreset preset, const QDate &today)
{
    switch (preset) {
    case RangePreset::Last7Days:
        return {today.addDays(-6), today};
    case RangePreset::Last30Days:
        return {today.addDays(-29), today};
    case RangePreset::Last90Days:
        return {today.addDays(-89), today};
    case RangePreset::ThisMonth:
        return {QDate(today.year(), today.month(), 1), today};
    }
    return {today, today};
}

QDate weekStart(const QDate &day)
{
    return day.addDays(1 - day.dayOfWeek());
}

QList<QDate> weekStarts(const DateRange &range)
{
    QList<QDate> out;
    if (range.days() == 0)
        return out;
    for (QDate w = weekStart(range.from); w <= range.to; w = w.addDays(7))
        out.append(w);
    return out;
}

int weekIndex(const DateRange &range, const QDate &day)
{
    if (!range.contains(day))
        return -1;
    return static_cast<int>(weekStart(range.from).daysTo(weekStart(day)) / 7);
}

Bucket bucketFor(const DateRange &range)
{
    return range.days() <= 31 ? Bucket::Day : Bucket::Week;
}

QList<QDate> bucketStarts(const DateRange &range, Bucket bucket)
{
    if (bucket == Bucket::Week)
        return weekStarts(range);
    QList<QDate> out;
    for (int i = 0; i < range.days(); ++i)
        out.append(range.from.addDays(i));
    return out;
}

int bucketIndex(const DateRange &range, Bucket bucket, const QDate &day)
{
    if (!range.contains(day))
        return -1;
    return bucket == Bucket::Week ? weekIndex(range, day)
                                  : static_cast<int>(range.from.daysTo(day));
}

std::optional<double> ratePercent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return std::nullopt;
    return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

Lateness lateness(const QDateTime &shipBy, const std::optional<QDateTime> &shippedAt,
                  const QDateTime &now)
{
    if (shippedAt && shippedAt->isValid())
        return *shippedAt > shipBy ? Lateness::ShippedLate : Lateness::OnTime;
    return now > shipBy ? Lateness::LateUnshipped : Lateness::NotDue;
}

bool isLate(Lateness l)
{
    return l == Lateness::ShippedLate || l == Lateness::LateUnshipped;
}

qint64 hoursLate(const QDateTime &shipBy, const std::optional<QDateTime> &shippedAt,
                 const QDateTime &now)
{
    const QDateTime end = shippedAt && shippedAt->isValid() ? *shippedAt : now;
    const qint64 seconds = shipBy.secsTo(end);
    return seconds > 0 ? seconds / 3600 : 0;
}

QList<qint64> dailyBalances(qint64 currentBalance, const QList<qint64> &netByDay,
                            const DateRange &range)
{
    const int days = range.days();
    QList<qint64> out(days, 0);
    // Net of the days after each day, summed from the newest backwards.
    qint64 after = 0;
    for (qsizetype i = netByDay.size() - 1; i >= days; --i)
        after += netByDay.at(i);
    for (int i = days - 1; i >= 0; --i) {
        out[i] = currentBalance - after;
        if (i < netByDay.size())
            after += netByDay.at(i);
    }
    return out;
}

StockOutStats stockOutStats(const QList<qint64> &balances, const DateRange &range)
{
    StockOutStats s;
    for (qsizetype i = 0; i < balances.size(); ++i) {
        const qint64 b = balances.at(i);
        s.unitDays += std::max<qint64>(b, 0);
        if (b <= 0) {
            ++s.daysOut;
            ++s.currentRunDays;
            if (!s.firstOut.isValid())
                s.firstOut = range.from.addDays(i);
        } else {
            ++s.daysInStock;
            s.currentRunDays = 0;
        }
    }
    if (!balances.isEmpty())
        s.averageBalance = static_cast<double>(s.unitDays) / static_cast<double>(balances.size());
    return s;
}

double averageDailyDemand(qint64 unitsSold, int daysInStock)
{
    if (daysInStock <= 0 || unitsSold <= 0)
        return 0;
    return static_cast<double>(unitsSold) / daysInStock;
}

double lostSalesUnits(double averageDailyDemand, int daysOut)
{
    if (daysOut <= 0 || averageDailyDemand <= 0)
        return 0;
    return averageDailyDemand * daysOut;
}

qint64 averageInventoryValueMinor(qint64 valueDaysMinor, int days)
{
    if (days <= 0 || valueDaysMinor <= 0)
        return 0;
    return (valueDaysMinor + days / 2) / days;
}

std::optional<double> inventoryTurnover(qint64 costOfGoodsShippedMinor,
                                        qint64 inventoryValueDaysMinor, int days)
{
    if (inventoryValueDaysMinor <= 0 || days <= 0)
        return std::nullopt;
    return static_cast<double>(std::max<qint64>(costOfGoodsShippedMinor, 0)) * days /
           static_cast<double>(inventoryValueDaysMinor);
}

std::optional<double> daysOfStock(qint64 onHand, qint64 unitsSold, int days)
{
    if (unitsSold <= 0 || days <= 0)
        return std::nullopt;
    return static_cast<double>(std::max<qint64>(onHand, 0)) * days / static_cast<double>(unitsSold);
}

CoverBand coverBand(const std::optional<double> &daysOfStock)
{
    if (!daysOfStock)
        return CoverBand::NoSales;
    if (*daysOfStock <= 30)
        return CoverBand::UpTo30Days;
    if (*daysOfStock <= 90)
        return CoverBand::UpTo90Days;
    if (*daysOfStock <= 180)
        return CoverBand::UpTo180Days;
    return CoverBand::Over180Days;
}

} // namespace models
