#pragma once

#include "models/reorderforecast.h"

#include <QList>
#include <QString>

#include <optional>

namespace models {

// How suggestions are worked out; kept in the settings table ("reorder.*").
struct ReorderSettings
{
    int windowDays = 90;         // the trailing window of sales
    int serviceLevelPercent = 0; // 0: the product's fixed safety stock; 90, 95, 98 or 99
    int coverDays = 0;           // 0: order up to the product's max; N: cover N days more
    int backtestWeeks = 4;       // 0: always the trailing average
};

// Average daily demand over the days a product was in stock, and its spread.
struct DemandStats
{
    double averagePerDay = 0;
    double standardDeviation = 0; // population, over the same days
    int daysInStock = 0;
    int daysOutOfStock = 0;
};

// One product at one location: its sales history and what the rules need.
struct ReorderInput
{
    QList<int> dailySales;  // units sold each day of the window, oldest first
    QList<bool> stockedOut; // same length: true when on hand was 0 all day
    std::optional<int> productLeadTimeDays;
    int supplierLeadTimeDays = 14;
    int safetyStock = 0; // the product's fixed figure
    int reorderMax = 0;  // 0: not set
    int packSize = 1;
    int minimumOrderQuantity = 1; // the supplier's, in units
    int onHand = 0;
    int reserved = 0;
    int inbound = 0; // on open purchase orders, not yet received
};

// What the rules decided for one product at one location, and why.
struct ReorderOutcome
{
    DemandStats demand;
    ForecastChoice forecast;
    double dailyDemand = 0; // what the reorder point uses: the chosen method's
    int leadTimeDays = 0;
    int safetyStock = 0;
    int reorderPoint = 0;
    int position = 0; // on hand + inbound - reserved
    int targetLevel = 0;
    bool belowReorderPoint = false;
    int suggestedQuantity = 0;
    QString explanation; // "sells 5.2/day, 14-day lead, 37 on hand, 12 inbound → order 60 …"
};

class ReorderRules
{
public:
    // Days out of stock say nothing about demand, so they are left out.
    static DemandStats demand(const QList<int> &dailySales, const QList<bool> &stockedOut);

    // The product's own lead time, else its supplier's.
    static int leadTime(std::optional<int> productLeadTimeDays, int supplierLeadTimeDays);

    // z for the one-sided normal quantile of a service level: 90, 95, 98 or 99 percent.
    static std::optional<double> serviceLevelZ(int percent);
    static QList<int> serviceLevels();

    // z·σ·√(lead time), rounded up.
    static int statisticalSafetyStock(double z, double standardDeviation, int leadTimeDays);

    // Daily demand × lead time + safety stock, rounded up to whole units.
    static int reorderPoint(double dailyDemand, int leadTimeDays, int safetyStock);

    // Units to bring the position up to `targetLevel`, rounded up to whole packs and to
    // at least the minimum order quantity (itself in whole packs); 0 when the position
    // is above the reorder point.
    static int orderQuantity(int position, int reorderPoint, int targetLevel, int packSize,
                             int minimumOrderQuantity);
    static bool isBelowReorderPoint(int position, int reorderPoint);

    static ReorderOutcome evaluate(const ReorderInput &input, const ReorderSettings &settings);

    // The outcome in words, for the row it belongs to.
    static QString explain(const ReorderInput &input, const ReorderOutcome &outcome);
};

} // namespace models
