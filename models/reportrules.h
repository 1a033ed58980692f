#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>

#include <optional>

namespace models {

// The pure arithmetic of the reports: date ranges and buckets, rates, lateness,
// stock timelines, lost sales and turnover. No SQL, no widgets.

struct DateRange
{
    QDate from;
    QDate to; // included
    int days() const;
    bool contains(const QDate &day) const;
    friend bool operator==(const DateRange &, const DateRange &) = default;
};

enum class RangePreset
{
    Last7Days,
    Last30Days,
    Last90Days,
    ThisMonth
};

// The days a preset covers, ending with (and including) today.
DateRange presetRange(RangePreset preset, const QDate &today);

// The Monday that starts the week of `day` (ISO weeks).
QDate weekStart(const QDate &day);
// The Mondays of every week the range touches, oldest first.
QList<QDate> weekStarts(const DateRange &range);
// Which week of weekStarts(range) a day falls in; -1 outside the range.
int weekIndex(const DateRange &range, const QDate &day);

// Charts show a bar per day up to a month, a bar per week beyond.
enum class Bucket
{
    Day,
    Week
};
Bucket bucketFor(const DateRange &range);
// The first day of each bucket, oldest first (a week's Monday may precede range.from).
QList<QDate> bucketStarts(const DateRange &range, Bucket bucket);
// Which bucket a day falls in; -1 outside the range.
int bucketIndex(const DateRange &range, Bucket bucket, const QDate &day);

// part / whole as a percentage; none when there is nothing to divide by.
std::optional<double> ratePercent(qint64 part, qint64 whole);

// Where an order stands against its ship-by time at `now`.
enum class Lateness
{
    NotDue,        // not shipped, ship-by still ahead
    OnTime,        // shipped no later than ship-by
    ShippedLate,   // shipped after ship-by
    LateUnshipped, // not shipped, ship-by passed
};
Lateness lateness(const QDateTime &shipBy, const std::optional<QDateTime> &shippedAt,
                  const QDateTime &now);
bool isLate(Lateness l);
// Whole hours from ship-by to shipped (or to now when not shipped); 0 when not late.
qint64 hoursLate(const QDateTime &shipBy, const std::optional<QDateTime> &shippedAt,
                 const QDateTime &now);

// The on-hand balance at the end of each day of a range, rebuilt backwards from the
// balance now: balance(end of d) = current − the net movements of the days after d.
// netByDay holds the net movement of each day from range.from up to today (index 0
// is range.from; days past the range count towards the days after it).
QList<qint64> dailyBalances(qint64 currentBalance, const QList<qint64> &netByDay,
                            const DateRange &range);

// What a product's daily balances and sales say about its stock-outs.
struct StockOutStats
{
    int daysOut = 0;        // days ending with nothing on hand
    int daysInStock = 0;    // the others
    int currentRunDays = 0; // out since this many days at the range's end (0: in stock)
    QDate firstOut;         // the first day out in the range; null when none
    double averageBalance = 0;
    qint64 unitDays = 0; // the daily balances (none below 0) summed: units × days held
};
StockOutStats stockOutStats(const QList<qint64> &balances, const DateRange &range);

// Average daily demand over the days in stock: units sold ÷ days in stock. With no
// day in stock there is no measured demand and the result is 0.
double averageDailyDemand(qint64 unitsSold, int daysInStock);
// Units the days out of stock probably cost: average daily demand × days out.
double lostSalesUnits(double averageDailyDemand, int daysOut);

// Average inventory value over `days` days, in minor units: the value held each day
// (units × days held × unit cost, summed) ÷ days, to the nearest minor unit. Whole
// numbers all the way, so no money passes through floating point. 0 without days.
qint64 averageInventoryValueMinor(qint64 valueDaysMinor, int days);
// Inventory turnover over a period: cost of goods shipped ÷ average inventory value,
// both in minor units of one currency, the average given as the value held each day
// summed over `days` days (with days = 1, the average itself). The one division is
// the last step, so the ratio is exact. None without inventory.
std::optional<double> inventoryTurnover(qint64 costOfGoodsShippedMinor,
                                        qint64 inventoryValueDaysMinor, int days = 1);
// How many days today's stock lasts at the period's average daily sales. None when
// nothing sold (the stock does not run down).
std::optional<double> daysOfStock(qint64 onHand, qint64 unitsSold, int days);

// Bands of days of cover the Turnover chart sums stock value into.
enum class CoverBand
{
    UpTo30Days,
    UpTo90Days,
    UpTo180Days,
    Over180Days,
    NoSales
};
CoverBand coverBand(const std::optional<double> &daysOfStock);

} // namespace models
