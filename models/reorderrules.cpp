#include "models/reorderrules.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace models {

namespace {

// Without a max, a suggestion covers this many days beyond the reorder point.
constexpr int kCoverDaysWithoutMax = 30;
// Demand figures are doubles; a product of 5/day × 14 days must give 70, not 71.
constexpr double kRoundingSlack = 1e-9;

int ceilUnits(double units)
{
    return static_cast<int>(std::ceil(units - kRoundingSlack));
}

int roundUpToPack(int units, int packSize)
{
    const int pack = std::max(1, packSize);
    return (std::max(0, units) + pack - 1) / pack * pack;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("models::ReorderRules", text);
}

QString perDay(double units)
{
    // Slow sellers keep two decimals so they do not read as "sells 0.0/day".
    return QString::number(units, 'f', units > 0 && units < 0.1 ? 2 : 1);
}

} // namespace

DemandStats ReorderRules::demand(const QList<int> &dailySales, const QList<bool> &stockedOut)
{
    DemandStats stats;
    double sum = 0;
    double sumSquares = 0;
    for (qsizetype i = 0; i < dailySales.size(); ++i) {
        if (i < stockedOut.size() && stockedOut.at(i)) {
            ++stats.daysOutOfStock;
            continue;
        }
        const double units = dailySales.at(i);
        sum += units;
        sumSquares += units * units;
        ++stats.daysInStock;
    }
    if (stats.daysInStock == 0)
        return stats;
    const double n = stats.daysInStock;
    stats.averagePerDay = sum / n;
    stats.standardDeviation =
        std::sqrt(std::max(0.0, sumSquares / n - stats.averagePerDay * stats.averagePerDay));
    return stats;
}

int ReorderRules::leadTime(std::optional<int> productLeadTimeDays, int supplierLeadTimeDays)
{
    return std::max(0, productLeadTimeDays.value_or(supplierLeadTimeDays));
}

std::optional<double> ReorderRules::serviceLevelZ(int percent)
{
    switch (percent) {
    case 90:
        return 1.2816;
    case 95:
        return 1.6449;
    case 98:
        return 2.0537;
    case 99:
        return 2.3263;
    default:
        return std::nullopt;
    }
}

QList<int> ReorderRules::serviceLevels()
{
    return {90, 95, 98, 99};
}

int ReorderRules::statisticalSafetyStock(double z, double standardDeviation, int leadTimeDays)
{
    return std::max(0, ceilUnits(z * standardDeviation * std::sqrt(std::max(0, leadTimeDays))));
}

int ReorderRules::reorderPoint(double dailyDemand, int leadTimeDays, int safetyStock)
{
    return ceilUnits(dailyDemand * std::max(0, leadTimeDays)) + std::max(0, safetyStock);
}

bool ReorderRules::isBelowReorderPoint(int position, int reorderPoint)
{
    // A reorder point of 0 (no demand, no safety stock) asks for nothing, unless
    // orders are already waiting for stock that is not there.
    if (reorderPoint <= 0)
        return position < 0;
    return position <= reorderPoint;
}

int ReorderRules::orderQuantity(int position, int reorderPoint, int targetLevel, int packSize,
                                int minimumOrderQuantity)
{
    if (!isBelowReorderPoint(position, reorderPoint))
        return 0;
    const int need = std::max(1, std::max(targetLevel, reorderPoint) - position);
    return std::max(roundUpToPack(need, packSize), roundUpToPack(minimumOrderQuantity, packSize));
}

ReorderOutcome ReorderRules::evaluate(const ReorderInput &input, const ReorderSettings &settings)
{
    ReorderOutcome out;
    out.leadTimeDays = leadTime(input.productLeadTimeDays, input.supplierLeadTimeDays);
    out.demand = demand(input.dailySales, input.stockedOut);
    out.forecast = chooseForecast(input.dailySales, input.stockedOut, settings.backtestWeeks,
                                  out.leadTimeDays);
    out.dailyDemand = out.forecast.dailyDemand;

    const std::optional<double> z = serviceLevelZ(settings.serviceLevelPercent);
    out.safetyStock = z ? statisticalSafetyStock(*z, out.demand.standardDeviation, out.leadTimeDays)
                        : std::max(0, input.safetyStock);
    out.reorderPoint = reorderPoint(out.dailyDemand, out.leadTimeDays, out.safetyStock);
    out.position = input.onHand + input.inbound - input.reserved;

    if (settings.coverDays > 0)
        out.targetLevel = out.reorderPoint + ceilUnits(out.dailyDemand * settings.coverDays);
    else if (input.reorderMax > 0)
        out.targetLevel = std::max(input.reorderMax, out.reorderPoint);
    else
        out.targetLevel = out.reorderPoint + ceilUnits(out.dailyDemand * kCoverDaysWithoutMax);

    out.belowReorderPoint = isBelowReorderPoint(out.position, out.reorderPoint);
    out.suggestedQuantity = orderQuantity(out.position, out.reorderPoint, out.targetLevel,
                                          input.packSize, input.minimumOrderQuantity);
    out.explanation = explain(input, out);
    return out;
}

QString ReorderRules::explain(const ReorderInput &input, const ReorderOutcome &outcome)
{
    QStringList facts;
    if (outcome.dailyDemand <= 0)
        facts << tr("no sales");
    else if (outcome.forecast.method == ForecastMethod::TrailingAverage)
        facts << tr("sells %1/day").arg(perDay(outcome.dailyDemand));
    else if (outcome.forecast.method == ForecastMethod::SeasonalNaive)
        facts << tr("forecast %1/day (as the same weekdays last week)")
                     .arg(perDay(outcome.dailyDemand));
    else
        facts << tr("forecast %1/day (Holt-Winters)").arg(perDay(outcome.dailyDemand));
    facts << tr("%1-day lead").arg(outcome.leadTimeDays);
    facts << tr("%1 on hand").arg(input.onHand);
    if (input.reserved > 0)
        facts << tr("%1 reserved").arg(input.reserved);
    if (input.inbound > 0)
        facts << tr("%1 inbound").arg(input.inbound);
    const QString known = facts.join(QStringLiteral(", "));

    if (outcome.suggestedQuantity <= 0)
        return tr("%1 → no order (reorder point %2)").arg(known).arg(outcome.reorderPoint);

    QStringList terms;
    const int pack = std::max(1, input.packSize);
    if (pack > 1)
        terms << tr("pack of %1").arg(pack);
    if (outcome.suggestedQuantity == roundUpToPack(input.minimumOrderQuantity, pack) &&
        input.minimumOrderQuantity > pack)
        terms << tr("minimum %1").arg(input.minimumOrderQuantity);
    QString text = tr("%1 → order %2").arg(known).arg(outcome.suggestedQuantity);
    if (!terms.isEmpty())
        text += QStringLiteral(" (%1)").arg(terms.join(QStringLiteral(", ")));
    return text;
}

} // namespace models
