#pragma once

#include "models/report.h"

#include <QChartView>

namespace ui {

// A report's chart: stacked bars or lines over its days or weeks, with the value
// axis titled, the category labels turned when they are many, and the legend below.
class ReportChartView : public QChartView
{
    Q_OBJECT
public:
    explicit ReportChartView(QWidget *parent = nullptr);

    void setReportChart(const models::ReportChart &chart);
    // What is shown, for tests: the series names and the number of categories.
    QStringList seriesNames() const;
    int categoryCount() const;

private:
    QStringList m_seriesNames;
    int m_categories = 0;
};

} // namespace ui
