#include "models/kitsearchsource.h"

namespace models {

KitSearchSource::KitSearchSource(StockLevelSource *source, KitLookup lookup)
    : m_source(source), m_lookup(std::move(lookup))
{}

void KitSearchSource::setFilter(const StockFilter &filter)
{
    m_filter = filter;
    m_kit.reset();
    m_rows.clear();
    m_loaded = false;
    const QString text = filter.search.trimmed();
    if (!text.isEmpty() && m_lookup) {
        // A failed lookup is no kit: the search then runs as it always did.
        if (const Result<std::optional<KitOverview>> found = m_lookup(text); found.ok())
            m_kit = found.value();
    }
    if (!m_kit)
        m_source->setFilter(filter);
}

Status KitSearchSource::loadComponentRows()
{
    if (m_loaded)
        return {};
    m_rows.clear();
    for (const KitComponent &c : std::as_const(m_kit->components)) {
        StockFilter one = m_filter;
        one.search = c.sku;
        m_source->setFilter(one);
        const Result<qint64> n = m_source->count();
        if (!n.ok())
            return Error{n.error()};
        if (n.value() == 0)
            continue;
        const Result<QList<StockLevelRow>> rows =
            m_source->fetch(0, static_cast<int>(std::min<qint64>(n.value(), 10'000)));
        if (!rows.ok())
            return Error{rows.error()};
        for (const StockLevelRow &r : rows.value())
            if (r.productId == c.productId) // the exact product, not a namesake
                m_rows.append(r);
    }
    m_loaded = true;
    return {};
}

Result<qint64> KitSearchSource::count()
{
    if (!m_kit)
        return m_source->count();
    // A count starts a fresh read, as it does for the source: what the kit makes too.
    m_loaded = false;
    if (const Result<std::optional<KitOverview>> again = m_lookup(m_filter.search.trimmed());
        again.ok() && again.value())
        m_kit = again.value();
    if (Status s = loadComponentRows(); !s)
        return Error{s.error()};
    return static_cast<qint64>(m_rows.size());
}

Result<QList<StockLevelRow>> KitSearchSource::fetch(qint64 offset, int limit)
{
    if (!m_kit)
        return m_source->fetch(offset, limit);
    if (Status s = loadComponentRows(); !s)
        return Error{s.error()};
    if (offset < 0 || offset >= m_rows.size() || limit <= 0)
        return QList<StockLevelRow>();
    return m_rows.mid(offset, limit);
}

} // namespace models
