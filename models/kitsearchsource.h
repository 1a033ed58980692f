#pragma once

#include "models/stocklevelrow.h"
#include "models/stockoperations.h"

#include <functional>
#include <optional>

namespace models {

// The Stock screen's rows with kits understood: a kit has no stock of its own, so when
// the search is a kit's SKU or barcode the list holds its components' rows instead
// (each component as its own exact search, with the rest of the filter kept), and
// kit() says which kit it was. Any other search goes straight to the source.
class KitSearchSource : public StockLevelSource
{
public:
    using KitLookup = std::function<Result<std::optional<KitOverview>>(const QString &code)>;

    KitSearchSource(StockLevelSource *source, KitLookup lookup);

    void setFilter(const StockFilter &filter) override;
    Result<qint64> count() override;
    Result<QList<StockLevelRow>> fetch(qint64 offset, int limit) override;
    Result<QList<StockChoice>> locations() override { return m_source->locations(); }
    Result<QList<StockChoice>> suppliers() override { return m_source->suppliers(); }

    // The kit the search names; empty when it names none.
    const std::optional<KitOverview> &kit() const { return m_kit; }

private:
    Status loadComponentRows();

    StockLevelSource *m_source;
    KitLookup m_lookup;
    StockFilter m_filter;
    std::optional<KitOverview> m_kit;
    QList<StockLevelRow> m_rows;
    bool m_loaded = false;
};

} // namespace models
