#pragma once

#include "models/reordersource.h"

#include <QAbstractTableModel>

#include <optional>

namespace models {

// Which suggestions the Reorder screen shows.
struct ReorderFilter
{
    std::optional<qint64> locationId;
    std::optional<qint64> supplierId;
    bool onlyBelowReorderPoint = false;
};

// Reorder suggestions, grouped by supplier (the rows arrive in supplier order), with
// filters. Every suggestion is held in memory: one row per stocked product and
// location is a few hundred thousand at most, and they are computed all at once.
class ReorderModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SupplierColumn,
        SkuColumn,
        NameColumn,
        LocationColumn,
        OnHandColumn,
        ReservedColumn,
        InboundColumn,
        DemandColumn,
        LeadTimeColumn,
        ReorderPointColumn,
        SuggestedColumn,
        MethodColumn,
        ExplanationColumn,
        ColumnCount
    };

    explicit ReorderModel(QObject *parent = nullptr);

    void setSuggestions(QList<ReorderSuggestion> suggestions);
    const QList<ReorderSuggestion> &suggestions() const { return m_all; }
    void setFilter(const ReorderFilter &filter);
    const ReorderFilter &filter() const { return m_filter; }

    // The suggestion shown at `row`; nullptr when out of range.
    const ReorderSuggestion *suggestionAt(int row) const;
    // Shown rows with something to order.
    int rowsToOrder() const;

    static QString shortMethodName(ForecastMethod method);
    // Which forecast a row uses and how it did in the backtest, in words.
    static QString methodDetail(const ReorderOutcome &outcome);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void applyFilter();

    QList<ReorderSuggestion> m_all;
    QList<int> m_shown; // indexes into m_all
    ReorderFilter m_filter;
};

} // namespace models
