#pragma once

#include <QList>
#include <QString>

namespace models {

// How a product's daily demand is predicted.
enum class ForecastMethod
{
    TrailingAverage, // the mean of the days it was in stock
    SeasonalNaive,   // each weekday sells what it sold a week before
    HoltWinters      // additive level, trend and weekly season
};

QString forecastMethodName(ForecastMethod method);
QString forecastMethodCode(ForecastMethod method);

// Smoothing weights for Holt-Winters. Small trend weight: a few busy days should
// not read as a lasting trend in a shop's sales.
struct HoltWintersParameters
{
    double alpha = 0.2;  // level
    double beta = 0.02;  // trend
    double gamma = 0.15; // season
};

// The next `horizon` days after `history` (oldest first).
QList<double> trailingAverageForecast(const QList<double> &history, int horizon);
// Needs at least one week of history; shorter falls back to the average.
QList<double> seasonalNaiveForecast(const QList<double> &history, int horizon);
// Needs at least two weeks of history; shorter falls back to the average.
QList<double> holtWintersForecast(const QList<double> &history, int horizon,
                                  const HoltWintersParameters &parameters = {});

// The method a product's reorder point uses, and how well each did.
struct ForecastChoice
{
    ForecastMethod method = ForecastMethod::TrailingAverage;
    double dailyDemand = 0;    // the chosen method's mean forecast over the horizon
    double error = 0;          // its mean absolute error per day in the backtest
    double trailingError = 0;  // the trailing average's, for comparison
    bool backtested = false;   // false: the average was kept without a backtest
    bool intermittent = false; // sold on fewer than half its days in stock
};

// Backtests the trailing average against the seasonal methods on the last
// `backtestWeeks` weeks of `sales` (oldest first): each week is forecast from the
// days before it, and days out of stock count neither in the fits nor in the error.
// A seasonal method is chosen only when its mean absolute error is lower than the
// average's; otherwise the trailing average stands. `horizonDays` is how far ahead
// the chosen method's demand is averaged (the lead time).
// Products that sell on fewer than half their days in stock keep the average without a
// backtest: on such sparse series a forecast of zero has the lowest absolute error, and
// choosing it would leave slow sellers without a reorder point. Their weekly pattern,
// if any, does not change the demand over a lead time much either.
ForecastChoice chooseForecast(const QList<int> &sales, const QList<bool> &stockedOut,
                              int backtestWeeks, int horizonDays);

} // namespace models
