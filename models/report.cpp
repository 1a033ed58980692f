#include "models/report.h"

#include <QCoreApplication>

namespace models {

QList<ReportKind> allReportKinds()
{
    return {ReportKind::Late, ReportKind::StockOuts, ReportKind::Accuracy, ReportKind::Turnover,
            ReportKind::Sales};
}

QString reportSlug(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Late:
        return QStringLiteral("late");
    case ReportKind::StockOuts:
        return QStringLiteral("stockouts");
    case ReportKind::Accuracy:
        return QStringLiteral("accuracy");
    case ReportKind::Turnover:
        return QStringLiteral("turnover");
    case ReportKind::Sales:
        return QStringLiteral("sales");
    }
    return {};
}

std::optional<ReportKind> reportKindFromSlug(const QString &slug)
{
    for (ReportKind kind : allReportKinds())
        if (reportSlug(kind) == slug.trimmed().toLower())
            return kind;
    return std::nullopt;
}

QString reportTitle(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Late:
        return QCoreApplication::translate("models::Report", "Late orders");
    case ReportKind::StockOuts:
        return QCoreApplication::translate("models::Report", "Stock-outs");
    case ReportKind::Accuracy:
        return QCoreApplication::translate("models::Report", "Accuracy");
    case ReportKind::Turnover:
        return QCoreApplication::translate("models::Report", "Turnover");
    case ReportKind::Sales:
        return QCoreApplication::translate("models::Report", "Sales by channel");
    }
    return {};
}

bool ReportChart::isEmpty() const
{
    for (const ReportSeries &s : series)
        for (double v : s.values)
            if (v != 0)
                return false;
    return true;
}

} // namespace models
