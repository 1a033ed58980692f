#include "models/reorderforecast.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace models {

namespace {

constexpr int kSeason = 7; // days in a week

double mean(const QList<double> &values)
{
    if (values.isEmpty())
        return 0;
    double sum = 0;
    for (double v : values)
        sum += v;
    return sum / static_cast<double>(values.size());
}

double meanOf(const QList<double> &values, qsizetype from, qsizetype count)
{
    double sum = 0;
    for (qsizetype i = from; i < from + count; ++i)
        sum += values.at(i);
    return sum / static_cast<double>(count);
}

// The first `count` days with each day out of stock replaced by the same weekday a
// week earlier (or, in the first week, the mean of the days in stock): what the shop
// would have sold, as far as the past can tell, without looking past the forecast
// origin. Filling with the mean instead would print a flat week into the pattern.
QList<double> filledHistory(const QList<int> &sales, const QList<bool> &stockedOut, qsizetype count)
{
    double sum = 0;
    int inStock = 0;
    for (qsizetype i = 0; i < count; ++i) {
        if (!stockedOut.at(i)) {
            sum += sales.at(i);
            ++inStock;
        }
    }
    const double fill = inStock > 0 ? sum / inStock : 0;
    QList<double> history;
    history.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        if (!stockedOut.at(i))
            history.append(sales.at(i));
        else
            history.append(i >= kSeason ? history.at(i - kSeason) : fill);
    }
    return history;
}

using Forecaster = QList<double> (*)(const QList<double> &, int);

QList<double> holtWintersDefault(const QList<double> &history, int horizon)
{
    return holtWintersForecast(history, horizon);
}

// Daily demand cannot be negative, whatever a trend says.
double meanForecast(const QList<double> &forecast)
{
    if (forecast.isEmpty())
        return 0;
    double sum = 0;
    for (double v : forecast)
        sum += std::max(0.0, v);
    return sum / static_cast<double>(forecast.size());
}

} // namespace

QString forecastMethodName(ForecastMethod method)
{
    switch (method) {
    case ForecastMethod::TrailingAverage:
        return QCoreApplication::translate("models::Forecast", "Trailing average");
    case ForecastMethod::SeasonalNaive:
        return QCoreApplication::translate("models::Forecast", "Same weekday last week");
    case ForecastMethod::HoltWinters:
        return QCoreApplication::translate("models::Forecast", "Holt-Winters");
    }
    return {};
}

QString forecastMethodCode(ForecastMethod method)
{
    switch (method) {
    case ForecastMethod::TrailingAverage:
        return QStringLiteral("trailing_average");
    case ForecastMethod::SeasonalNaive:
        return QStringLiteral("seasonal_naive");
    case ForecastMethod::HoltWinters:
        return QStringLiteral("holt_winters");
    }
    return {};
}

QList<double> trailingAverageForecast(const QList<double> &history, int horizon)
{
    return QList<double>(std::max(0, horizon), mean(history));
}

QList<double> seasonalNaiveForecast(const QList<double> &history, int horizon)
{
    const qsizetype n = history.size();
    if (n < kSeason)
        return trailingAverageForecast(history, horizon);
    QList<double> forecast;
    forecast.reserve(std::max(0, horizon));
    for (int h = 0; h < horizon; ++h)
        forecast.append(history.at(n - kSeason + h % kSeason));
    return forecast;
}

QList<double> holtWintersForecast(const QList<double> &history, int horizon,
                                  const HoltWintersParameters &p)
{
    const qsizetype n = history.size();
    if (n < 2 * kSeason)
        return trailingAverageForecast(history, horizon);

    // Start from the first two weeks: the trend from their means, the level at the
    // end of the first week, and each weekday's offset from that trend line (so a
    // steady rise is not mistaken for a weekly pattern).
    const double firstWeek = meanOf(history, 0, kSeason);
    const double secondWeek = meanOf(history, kSeason, kSeason);
    const double middle = (kSeason - 1) / 2.0;
    double trend = (secondWeek - firstWeek) / kSeason;
    double level = firstWeek + middle * trend;
    double season[kSeason];
    for (int i = 0; i < kSeason; ++i)
        season[i] = history.at(i) - (firstWeek + (i - middle) * trend);

    for (qsizetype t = kSeason; t < n; ++t) {
        const double x = history.at(t);
        double &s = season[t % kSeason];
        const double nextLevel = p.alpha * (x - s) + (1 - p.alpha) * (level + trend);
        trend = p.beta * (nextLevel - level) + (1 - p.beta) * trend;
        s = p.gamma * (x - nextLevel) + (1 - p.gamma) * s;
        level = nextLevel;
    }

    QList<double> forecast;
    forecast.reserve(std::max(0, horizon));
    for (int h = 1; h <= horizon; ++h)
        forecast.append(level + h * trend + season[(n - 1 + h) % kSeason]);
    return forecast;
}

ForecastChoice chooseForecast(const QList<int> &sales, const QList<bool> &stockedOut,
                              int backtestWeeks, int horizonDays)
{
    Q_ASSERT(sales.size() == stockedOut.size());
    const qsizetype n = sales.size();
    const int horizon = std::max(1, horizonDays);

    ForecastChoice choice;
    const QList<double> full = filledHistory(sales, stockedOut, n);
    QList<double> inStock;
    int daysWithSales = 0;
    for (qsizetype i = 0; i < n; ++i) {
        if (!stockedOut.at(i)) {
            inStock.append(sales.at(i));
            daysWithSales += sales.at(i) > 0 ? 1 : 0;
        }
    }
    choice.dailyDemand = mean(inStock);
    choice.intermittent = 2 * daysWithSales < inStock.size();

    // Two weeks to start Holt-Winters before the first week forecast.
    const qsizetype holdout = static_cast<qsizetype>(backtestWeeks) * kSeason;
    if (backtestWeeks <= 0 || n < holdout + 2 * kSeason || inStock.isEmpty() || choice.intermittent)
        return choice;

    const Forecaster methods[] = {trailingAverageForecast, seasonalNaiveForecast,
                                  holtWintersDefault};
    double errors[3] = {0, 0, 0};
    int days = 0;
    for (qsizetype origin = n - holdout; origin < n; origin += kSeason) {
        const QList<double> history = filledHistory(sales, stockedOut, origin);
        QList<double> forecasts[3];
        for (int m = 0; m < 3; ++m)
            forecasts[m] = methods[m](history, kSeason);
        for (int d = 0; d < kSeason; ++d) {
            if (stockedOut.at(origin + d))
                continue; // what it would have sold is unknown
            ++days;
            for (int m = 0; m < 3; ++m)
                errors[m] += std::abs(forecasts[m].at(d) - sales.at(origin + d));
        }
    }
    if (days == 0)
        return choice;

    for (double &e : errors)
        e /= days;
    choice.backtested = true;
    choice.trailingError = errors[0];
    choice.error = errors[0];
    // The simpler seasonal method first, so it wins a tie with Holt-Winters.
    // A seasonal method must beat the average by more than rounding noise.
    constexpr double kMargin = 1e-9;
    for (int m = 1; m < 3; ++m) {
        if (errors[m] < choice.error - kMargin) {
            choice.error = errors[m];
            choice.method = static_cast<ForecastMethod>(m);
        }
    }
    if (choice.method != ForecastMethod::TrailingAverage)
        choice.dailyDemand = meanForecast(methods[static_cast<int>(choice.method)](full, horizon));
    return choice;
}

} // namespace models
