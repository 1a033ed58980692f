#include "models/reordermodel.h"
#include "models/reorderrules.h"

#include <QTest>

#include <cmath>

using models::ForecastMethod;
using models::ReorderInput;
using models::ReorderRules;
using models::ReorderSettings;

namespace {

QList<int> repeated(int units, int days)
{
    return QList<int>(days, units);
}

QList<bool> inStock(int days)
{
    return QList<bool>(days, false);
}

// `days` days of a weekly pattern (Monday first), plus `perDay` more each day.
QList<int> weekly(const QList<int> &week, int days, double perDay = 0)
{
    QList<int> sales;
    for (int d = 0; d < days; ++d)
        sales.append(week.at(d % week.size()) + static_cast<int>(std::lround(perDay * d)));
    return sales;
}

// Deterministic noise around `mean`: the same series every run.
QList<int> noisy(int mean, int spread, int days)
{
    QList<int> sales;
    quint32 state = 12345;
    for (int d = 0; d < days; ++d) {
        state = state * 1103515245u + 12345u;
        sales.append(mean - spread + static_cast<int>((state >> 16) % (2 * spread + 1)));
    }
    return sales;
}

} // namespace

Q_DECLARE_METATYPE(ForecastMethod)

// The reorder rules: demand from sales while in stock, reorder points, order
// quantities in whole packs, the words that explain them, and the choice of a
// seasonal forecast only where it beats the trailing average on the product's past.
class TestReorder : public QObject
{
    Q_OBJECT

private slots:
    void demand_data();
    void demand();
    void reorderPoint_data();
    void reorderPoint();
    void serviceLevelSafetyStock_data();
    void serviceLevelSafetyStock();
    void orderQuantity_data();
    void orderQuantity();
    void evaluate_data();
    void evaluate();
    void methodChoice_data();
    void methodChoice();
    void forecastsOfSyntheticSeries();
    void modelFiltersAndPlansDraftOrders();
};

void TestReorder::demand_data()
{
    QTest::addColumn<QList<int>>("sales");
    QTest::addColumn<QList<bool>>("stockedOut");
    QTest::addColumn<double>("average");
    QTest::addColumn<double>("deviation");
    QTest::addColumn<int>("daysOut");

    QTest::newRow("steady five a day") << repeated(5, 90) << inStock(90) << 5.0 << 0.0 << 0;
    QTest::newRow("zero demand") << repeated(0, 90) << inStock(90) << 0.0 << 0.0 << 0;
    QTest::newRow("alternating 3 and 7") << weekly({3, 7}, 90) << inStock(90) << 5.0 << 2.0 << 0;

    // Sold 6 a day for 60 days, then out of stock for 30: demand is 6, not 4.
    QList<bool> out = inStock(90);
    QList<int> sales = repeated(6, 90);
    for (int d = 60; d < 90; ++d) {
        out[d] = true;
        sales[d] = 0;
    }
    QTest::newRow("out-of-stock days excluded") << sales << out << 6.0 << 0.0 << 30;
    QTest::newRow("out of stock all window")
        << repeated(0, 90) << QList<bool>(90, true) << 0.0 << 0.0 << 90;
}

void TestReorder::demand()
{
    QFETCH(QList<int>, sales);
    QFETCH(QList<bool>, stockedOut);
    QFETCH(double, average);
    QFETCH(double, deviation);
    QFETCH(int, daysOut);
    const models::DemandStats d = ReorderRules::demand(sales, stockedOut);
    QCOMPARE(d.averagePerDay, average);
    QCOMPARE(d.standardDeviation, deviation);
    QCOMPARE(d.daysOutOfStock, daysOut);
    QCOMPARE(d.daysInStock, sales.size() - daysOut);
}

void TestReorder::reorderPoint_data()
{
    QTest::addColumn<double>("daily");
    QTest::addColumn<int>("lead");
    QTest::addColumn<int>("safety");
    QTest::addColumn<int>("point");

    QTest::newRow("worked example: 5 a day × 14 days + 20") << 5.0 << 14 << 20 << 90;
    QTest::newRow("zero demand: the safety stock") << 0.0 << 14 << 20 << 20;
    QTest::newRow("part units round up") << 5.2 << 14 << 0 << 73;
    QTest::newRow("no lead time") << 5.0 << 0 << 3 << 3;
    QTest::newRow("one unit a week") << 1.0 / 7 << 14 << 0 << 2;
}

void TestReorder::reorderPoint()
{
    QFETCH(double, daily);
    QFETCH(int, lead);
    QFETCH(int, safety);
    QFETCH(int, point);
    QCOMPARE(ReorderRules::reorderPoint(daily, lead, safety), point);
}

void TestReorder::serviceLevelSafetyStock_data()
{
    QTest::addColumn<int>("percent");
    QTest::addColumn<bool>("known");
    QTest::addColumn<int>("safety"); // for σ = 2 a day over a 16-day lead (√16 = 4)

    QTest::newRow("90%") << 90 << true << 11; // 1.2816 × 8 = 10.25
    QTest::newRow("95%") << 95 << true << 14; // 1.6449 × 8 = 13.16
    QTest::newRow("98%") << 98 << true << 17; // 2.0537 × 8 = 16.43
    QTest::newRow("99%") << 99 << true << 19; // 2.3263 × 8 = 18.61
    QTest::newRow("80% is not offered") << 80 << false << 0;
}

void TestReorder::serviceLevelSafetyStock()
{
    QFETCH(int, percent);
    QFETCH(bool, known);
    QFETCH(int, safety);
    const std::optional<double> z = ReorderRules::serviceLevelZ(percent);
    QCOMPARE(z.has_value(), known);
    if (z)
        QCOMPARE(ReorderRules::statisticalSafetyStock(*z, 2.0, 16), safety);
}

void TestReorder::orderQuantity_data()
{
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("point");
    QTest::addColumn<int>("target");
    QTest::addColumn<int>("pack");
    QTest::addColumn<int>("moq");
    QTest::addColumn<int>("quantity");

    QTest::newRow("above the reorder point") << 91 << 90 << 200 << 1 << 1 << 0;
    QTest::newRow("at the reorder point") << 90 << 90 << 200 << 1 << 1 << 110;
    QTest::newRow("up to the target") << 49 << 90 << 200 << 1 << 1 << 151;
    QTest::newRow("rounded up to packs of 12") << 49 << 90 << 200 << 12 << 1 << 156;
    QTest::newRow("exact packs stay") << 56 << 90 << 200 << 12 << 1 << 144;
    QTest::newRow("MOQ lifts a small order") << 85 << 90 << 100 << 1 << 50 << 50;
    QTest::newRow("MOQ in whole packs") << 85 << 90 << 100 << 12 << 50 << 60;
    QTest::newRow("MOQ below the need") << 10 << 90 << 100 << 1 << 50 << 90;
    QTest::newRow("no demand, no safety stock") << 0 << 0 << 0 << 1 << 1 << 0;
    QTest::newRow("backordered with no demand") << -3 << 0 << 0 << 1 << 1 << 3;
    QTest::newRow("target below the reorder point") << 40 << 90 << 50 << 1 << 1 << 50;
}

void TestReorder::orderQuantity()
{
    QFETCH(int, position);
    QFETCH(int, point);
    QFETCH(int, target);
    QFETCH(int, pack);
    QFETCH(int, moq);
    QFETCH(int, quantity);
    QCOMPARE(ReorderRules::orderQuantity(position, point, target, pack, moq), quantity);
}

void TestReorder::evaluate_data()
{
    QTest::addColumn<ReorderInput>("input");
    QTest::addColumn<int>("serviceLevel");
    QTest::addColumn<int>("coverDays");
    QTest::addColumn<int>("point");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<QString>("explanation");

    ReorderInput base;
    base.dailySales = repeated(5, 90);
    base.stockedOut = inStock(90);
    base.supplierLeadTimeDays = 14;
    base.safetyStock = 20;
    base.reorderMax = 200;
    base.onHand = 37;
    base.inbound = 12;

    QTest::newRow("worked example") << base << 0 << 0 << 90 << 151
                                    << QStringLiteral("sells 5.0/day, 14-day lead, 37 on hand, "
                                                      "12 inbound → order 151");

    ReorderInput own = base;
    own.productLeadTimeDays = 7;
    QTest::newRow("the product's lead time overrides the supplier's")
        << own << 0 << 0 << 55 << 151
        << QStringLiteral("sells 5.0/day, 7-day lead, 37 on hand, 12 inbound → order 151");

    ReorderInput packs = base;
    packs.packSize = 12;
    QTest::newRow("pack-size rounding")
        << packs << 0 << 0 << 90 << 156
        << QStringLiteral(
               "sells 5.0/day, 14-day lead, 37 on hand, 12 inbound → order 156 (pack of 12)");

    ReorderInput moq = base;
    moq.onHand = 70;
    moq.reorderMax = 100;
    moq.minimumOrderQuantity = 40;
    QTest::newRow("supplier minimum order quantity")
        << moq << 0 << 0 << 90 << 40
        << QStringLiteral("sells 5.0/day, 14-day lead, 70 on hand, 12 inbound → order 40 "
                          "(minimum 40)");

    QTest::newRow("cover 30 days instead of up to max")
        << base << 0 << 30 << 90 << 191
        << QStringLiteral("sells 5.0/day, 14-day lead, 37 on hand, 12 inbound → order 191");

    ReorderInput noMax = base;
    noMax.reorderMax = 0;
    QTest::newRow("no max: 30 days past the reorder point")
        << noMax << 0 << 0 << 90 << 191
        << QStringLiteral("sells 5.0/day, 14-day lead, 37 on hand, 12 inbound → order 191");

    ReorderInput above = base;
    above.onHand = 100;
    QTest::newRow("above the reorder point")
        << above << 0 << 0 << 90 << 0
        << QStringLiteral(
               "sells 5.0/day, 14-day lead, 100 on hand, 12 inbound → no order (reorder point 90)");

    ReorderInput reserved = above;
    reserved.reserved = 30;
    QTest::newRow("reserved stock is not there to sell")
        << reserved << 0 << 0 << 90 << 118
        << QStringLiteral(
               "sells 5.0/day, 14-day lead, 100 on hand, 30 reserved, 12 inbound → order 118");

    ReorderInput idle = base;
    idle.dailySales = repeated(0, 90);
    idle.safetyStock = 0;
    idle.onHand = 0;
    idle.inbound = 0;
    QTest::newRow("zero demand, no safety stock")
        << idle << 0 << 0 << 0 << 0
        << QStringLiteral("no sales, 14-day lead, 0 on hand → no order (reorder point 0)");

    ReorderInput idleSafety = idle;
    idleSafety.safetyStock = 10;
    idleSafety.reorderMax = 30;
    idleSafety.onHand = 4;
    QTest::newRow("zero demand, below the safety stock")
        << idleSafety << 0 << 0 << 10 << 26
        << QStringLiteral("no sales, 14-day lead, 4 on hand → order 26");

    // 6 a day while in stock, then 30 days with nothing to sell.
    ReorderInput gap = base;
    gap.dailySales = repeated(6, 90);
    gap.safetyStock = 0;
    gap.onHand = 0;
    gap.inbound = 0;
    gap.reorderMax = 0;
    for (int d = 60; d < 90; ++d) {
        gap.dailySales[d] = 0;
        gap.stockedOut[d] = true;
    }
    QTest::newRow("out-of-stock days excluded")
        << gap << 0 << 0 << 84 << 264
        << QStringLiteral("sells 6.0/day, 14-day lead, 0 on hand → order 264");

    // 3 and 7 alternately: 5 a day, σ 2; a 16-day lead; 95% → 1.6449 × 2 × 4 = 13.2.
    ReorderInput spread = base;
    spread.dailySales = weekly({3, 7}, 90);
    spread.supplierLeadTimeDays = 16;
    spread.onHand = 200;
    QTest::newRow("95% service level safety stock")
        << spread << 95 << 0 << 94 << 0
        << QStringLiteral(
               "sells 5.0/day, 16-day lead, 200 on hand, 12 inbound → no order (reorder point 94)");
    QTest::newRow("99% service level safety stock")
        << spread << 99 << 0 << 99 << 0
        << QStringLiteral(
               "sells 5.0/day, 16-day lead, 200 on hand, 12 inbound → no order (reorder point 99)");
}

void TestReorder::evaluate()
{
    QFETCH(ReorderInput, input);
    QFETCH(int, serviceLevel);
    QFETCH(int, coverDays);
    QFETCH(int, point);
    QFETCH(int, quantity);
    QFETCH(QString, explanation);

    ReorderSettings settings;
    settings.serviceLevelPercent = serviceLevel;
    settings.coverDays = coverDays;
    settings.backtestWeeks = 0; // the trailing average: the seasonal choice is tested below
    const models::ReorderOutcome out = ReorderRules::evaluate(input, settings);
    QCOMPARE(out.reorderPoint, point);
    QCOMPARE(out.suggestedQuantity, quantity);
    QCOMPARE(out.belowReorderPoint, quantity > 0);
    QCOMPARE(out.explanation, explanation);
    QCOMPARE(out.forecast.method, ForecastMethod::TrailingAverage);
}

void TestReorder::methodChoice_data()
{
    QTest::addColumn<QList<int>>("sales");
    QTest::addColumn<QList<bool>>("stockedOut");
    QTest::addColumn<ForecastMethod>("method");
    QTest::addColumn<bool>("backtested");

    const QList<int> week = {10, 10, 12, 12, 14, 30, 25};
    QTest::newRow("flat") << repeated(8, 90) << inStock(90) << ForecastMethod::TrailingAverage
                          << true;
    QTest::newRow("noise around a flat mean")
        << noisy(20, 6, 90) << inStock(90) << ForecastMethod::TrailingAverage << true;
    QTest::newRow("weekly pattern")
        << weekly(week, 90) << inStock(90) << ForecastMethod::SeasonalNaive << true;
    QTest::newRow("weekly pattern, trending up")
        << weekly(week, 90, 0.5) << inStock(90) << ForecastMethod::HoltWinters << true;
    QTest::newRow("trending up, no pattern")
        << weekly({4}, 90, 0.5) << inStock(90) << ForecastMethod::HoltWinters << true;

    // A stock-out in the last weeks is neither fitted nor scored.
    QList<int> gapSales = weekly(week, 90);
    QList<bool> gap = inStock(90);
    for (int d = 75; d < 80; ++d) {
        gapSales[d] = 0;
        gap[d] = true;
    }
    QTest::newRow("weekly pattern with a stock-out")
        << gapSales << gap << ForecastMethod::SeasonalNaive << true;
    QTest::newRow("too short to backtest")
        << weekly(week, 30) << inStock(30) << ForecastMethod::TrailingAverage << false;
    QTest::newRow("never sold") << repeated(0, 90) << inStock(90) << ForecastMethod::TrailingAverage
                                << false;
    // Sells on Saturdays only: a forecast of zero would win on absolute error.
    QTest::newRow("intermittent: the average, untested")
        << weekly({0, 0, 0, 0, 0, 3, 0}, 90) << inStock(90) << ForecastMethod::TrailingAverage
        << false;
    // Most days nothing, then none at all in the last weeks.
    QList<int> stopped = weekly({0, 1, 0, 2, 0, 1, 0}, 90);
    for (int d = 60; d < 90; ++d)
        stopped[d] = 0;
    QTest::newRow("slow seller gone quiet keeps its average")
        << stopped << inStock(90) << ForecastMethod::TrailingAverage << false;
}

void TestReorder::methodChoice()
{
    QFETCH(QList<int>, sales);
    QFETCH(QList<bool>, stockedOut);
    QFETCH(ForecastMethod, method);
    QFETCH(bool, backtested);

    const models::ForecastChoice c = models::chooseForecast(sales, stockedOut, 4, 14);
    QCOMPARE(c.method, method);
    QCOMPARE(c.backtested, backtested);
    if (c.method != ForecastMethod::TrailingAverage)
        QVERIFY2(c.error < c.trailingError,
                 qPrintable(QStringLiteral("%1 vs %2").arg(c.error).arg(c.trailingError)));
    else
        QCOMPARE(c.error, c.trailingError);
    QVERIFY(c.dailyDemand >= 0);
}

void TestReorder::forecastsOfSyntheticSeries()
{
    // A pure weekly pattern: both seasonal methods repeat it exactly.
    const QList<int> week = {10, 10, 12, 12, 14, 30, 25};
    QList<double> history;
    for (int v : weekly(week, 63))
        history.append(v);
    const QList<double> naive = models::seasonalNaiveForecast(history, 7);
    const QList<double> hw = models::holtWintersForecast(history, 7);
    for (int d = 0; d < 7; ++d) {
        QCOMPARE(naive.at(d), double(week.at((63 + d) % 7)));
        QVERIFY(std::abs(hw.at(d) - week.at((63 + d) % 7)) < 1e-6);
    }
    const models::ForecastChoice seasonal =
        models::chooseForecast(weekly(week, 90), inStock(90), 4, 14);
    QCOMPARE(seasonal.error, 0.0);
    QVERIFY(std::abs(seasonal.dailyDemand - 113.0 / 7) < 1e-9); // two whole weeks

    // A steady rise: Holt-Winters carries the trend over the lead time, where the
    // trailing average lags half a window behind.
    QList<double> rising;
    for (int d = 0; d < 90; ++d)
        rising.append(4 + 0.5 * d);
    const QList<double> ahead = models::holtWintersForecast(rising, 3);
    QVERIFY(std::abs(ahead.at(0) - (4 + 0.5 * 90)) < 1e-6);
    QVERIFY(std::abs(ahead.at(2) - (4 + 0.5 * 92)) < 1e-6);
    const models::ForecastChoice trend =
        models::chooseForecast(weekly({4}, 90, 0.5), inStock(90), 4, 14);
    QVERIFY(trend.dailyDemand > 45);
    QVERIFY(trend.trailingError > 10);
    QVERIFY(trend.error < 1.0);

    // Too little history for a season falls back to the average.
    QCOMPARE(models::holtWintersForecast({1, 2, 3}, 2), (QList<double>{2, 2}));
    QCOMPARE(models::seasonalNaiveForecast({1, 2, 3}, 2), (QList<double>{2, 2}));
}

void TestReorder::modelFiltersAndPlansDraftOrders()
{
    QList<models::ReorderSuggestion> rows;
    const auto add = [&rows](qint64 product, qint64 location, std::optional<qint64> supplier,
                             int quantity) {
        models::ReorderSuggestion s;
        s.productId = product;
        s.locationId = location;
        s.supplierId = supplier;
        s.sku = QStringLiteral("SKU-%1").arg(product);
        s.supplierName = QStringLiteral("Supplier %1").arg(supplier.value_or(0));
        s.outcome.suggestedQuantity = quantity;
        s.outcome.belowReorderPoint = quantity > 0;
        rows.append(s);
    };
    add(1, 10, 100, 12);
    add(1, 20, 100, 0);
    add(2, 10, 100, 24);
    add(3, 10, 200, 6);
    add(4, 20, std::nullopt, 5);

    models::ReorderModel model;
    model.setSuggestions(rows);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.rowsToOrder(), 4);
    QCOMPARE(model.index(4, models::ReorderModel::SupplierColumn).data().toString(),
             QStringLiteral("(no supplier)"));

    model.setFilter({.locationId = 10, .supplierId = {}, .onlyBelowReorderPoint = false});
    QCOMPARE(model.rowCount(), 3);
    model.setFilter({.locationId = {}, .supplierId = 100, .onlyBelowReorderPoint = true});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.suggestionAt(1)->productId, 2);
    model.setFilter({.locationId = {}, .supplierId = {}, .onlyBelowReorderPoint = true});
    QCOMPARE(model.rowCount(), 4);

    // One order per supplier and delivery location; rows without a supplier are skipped.
    const models::DraftPurchaseOrderPlan plan = models::planDraftPurchaseOrders(rows);
    QCOMPARE(plan.orders, 2);
    QCOMPARE(plan.suppliers, 2);
    QCOMPARE(plan.lines, 3);
    QCOMPARE(plan.skippedWithoutSupplier, 1);
}

QTEST_GUILESS_MAIN(TestReorder)
#include "tst_reorder.moc"
