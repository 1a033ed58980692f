#include "ui/reportchartview.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// Calm, distinguishable colours that print well in grey too.
const QList<QColor> &seriesColours()
{
    static const QList<QColor> colours{QColor(0xcf, 0x22, 0x2e), QColor(0xbf, 0x87, 0x00),
                                       QColor(0x09, 0x69, 0xda), QColor(0x1a, 0x7f, 0x37),
                                       QColor(0x82, 0x50, 0xdf), QColor(0x57, 0x60, 0x6a)};
    return colours;
}

} // namespace

ReportChartView::ReportChartView(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(240);
    setChart(new QChart);
    chart()->legend()->setAlignment(Qt::AlignBottom);
}

void ReportChartView::setReportChart(const models::ReportChart &report)
{
    auto *c = new QChart;
    c->setTitle(report.isEmpty() ? tr("%1: nothing to chart in this range").arg(report.title)
                                 : report.title);
    QFont titleFont = c->titleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setWeight(QFont::DemiBold);
    c->setTitleFont(titleFont);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setBackgroundRoundness(0);

    auto *categories = new QBarCategoryAxis;
    // Many days or weeks ("28 Oct" each): Qt Charts cuts a label wider than its bar's
    // slot, so the bars are labelled by the day of the month alone and the axis title
    // says which months ("28 Oct – 26 Nov").
    const bool dated =
        std::all_of(report.categories.cbegin(), report.categories.cend(), [](const QString &c) {
            const QStringList parts = c.split(QLatin1Char(' '));
            return parts.size() == 2 && parts.first().toInt() > 0;
        });
    if (report.categories.size() > 12 && dated) {
        QStringList days;
        for (const QString &c : report.categories)
            days.append(c.section(QLatin1Char(' '), 0, 0));
        categories->append(days);
        categories->setTitleText(QStringLiteral("%1 – %2").arg(report.categories.constFirst(),
                                                               report.categories.constLast()));
    } else {
        categories->append(report.categories);
        if (report.categories.size() > 12)
            categories->setLabelsAngle(-60);
    }
    QFont small = categories->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    categories->setLabelsFont(small);

    auto *values = new QValueAxis;
    values->setTitleText(report.valueTitle);
    values->setLabelFormat(QStringLiteral("%.0f"));
    double top = 0;
    for (const models::ReportSeries &s : report.series)
        for (double v : s.values)
            if (!std::isnan(v))
                top = std::max(top, v);
    c->addAxis(categories, Qt::AlignBottom);
    c->addAxis(values, Qt::AlignLeft);

    m_seriesNames.clear();
    m_categories = static_cast<int>(report.categories.size());
    const bool percent = report.valueTitle == tr("Percent");
    if (report.style == models::ReportChart::Style::StackedBars) {
        auto *bars = new QStackedBarSeries;
        double stackedTop = 0;
        QList<double> sums(report.categories.size(), 0);
        for (qsizetype i = 0; i < report.series.size(); ++i) {
            const models::ReportSeries &s = report.series.at(i);
            auto *set = new QBarSet(s.name);
            set->setColor(seriesColours().at(i % seriesColours().size()));
            set->setBorderColor(seriesColours().at(i % seriesColours().size()));
            for (qsizetype k = 0; k < s.values.size(); ++k) {
                set->append(s.values.at(k));
                if (k < sums.size())
                    sums[k] += s.values.at(k);
            }
            bars->append(set);
            m_seriesNames.append(s.name);
        }
        for (double v : sums)
            stackedTop = std::max(stackedTop, v);
        top = stackedTop;
        c->addSeries(bars);
        bars->attachAxis(categories);
        bars->attachAxis(values);
    } else {
        for (qsizetype i = 0; i < report.series.size(); ++i) {
            const models::ReportSeries &s = report.series.at(i);
            auto *line = new QLineSeries;
            line->setName(s.name);
            QPen pen(seriesColours().at((i + 2) % seriesColours().size()));
            pen.setWidthF(2.0);
            line->setPen(pen);
            line->setPointsVisible(true);
            for (qsizetype k = 0; k < s.values.size(); ++k)
                if (!std::isnan(s.values.at(k)))
                    line->append(static_cast<double>(k), s.values.at(k));
            c->addSeries(line);
            line->attachAxis(categories);
            line->attachAxis(values);
            m_seriesNames.append(s.name);
        }
    }
    if (percent) {
        values->setRange(0, 100);
        values->setTickCount(6);
    } else {
        values->setRange(0, top > 0 ? top * 1.1 : 1);
        values->applyNiceNumbers();
        // Large figures read as thousands: "1,500" rather than "1500000".
        if (top >= 100'000) {
            values->setLabelFormat(QStringLiteral("%.0fk"));
            for (QAbstractSeries *series : c->series()) {
                if (auto *bars = qobject_cast<QStackedBarSeries *>(series))
                    for (QBarSet *set : bars->barSets())
                        for (int k = 0; k < set->count(); ++k)
                            set->replace(k, set->at(k) / 1000.0);
                if (auto *line = qobject_cast<QLineSeries *>(series)) {
                    QList<QPointF> points = line->points();
                    for (QPointF &p : points)
                        p.setY(p.y() / 1000.0);
                    line->replace(points);
                }
            }
            values->setRange(values->min() / 1000.0, values->max() / 1000.0);
        }
    }
    c->legend()->setVisible(report.series.size() > 1 || !report.series.isEmpty());

    QChart *old = chart();
    setChart(c);
    delete old;
}

QStringList ReportChartView::seriesNames() const
{
    return m_seriesNames;
}

int ReportChartView::categoryCount() const
{
    return m_categories;
}

} // namespace ui
