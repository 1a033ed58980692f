#include "models/shippingrate.h"

#include <array>
#include <limits>

namespace models {

RateTable::RateTable(QList<ShippingRate> rates) : m_rates(std::move(rates))
{
    for (ShippingRate &r : m_rates) {
        r.postcodePrefix = normalisedPostcode(r.postcodePrefix);
        r.country = r.country.trimmed().toUpper();
        r.fromCountry = r.fromCountry.trimmed().toUpper();
    }
}

QString RateTable::normalisedPostcode(QStringView postcode)
{
    QString out;
    out.reserve(postcode.size());
    for (QChar c : postcode)
        if (!c.isSpace() && c != QLatin1Char('-'))
            out.append(c.toUpper());
    return out;
}

std::optional<ShippingRate> RateTable::find(qint64 locationId, QStringView fromCountry,
                                            QStringView country, QStringView postcode,
                                            int weightGrams) const
{
    const QString code = postcode.isEmpty() ? QString() : normalisedPostcode(postcode);
    const ShippingRate *best = nullptr;
    std::array<qint64, 5> bestScore{};
    for (const ShippingRate &r : m_rates) {
        if (r.locationId && *r.locationId != locationId)
            continue;
        if (!r.fromCountry.isEmpty() &&
            r.fromCountry.compare(fromCountry, Qt::CaseInsensitive) != 0)
            continue;
        if (!r.country.isEmpty() && r.country.compare(country, Qt::CaseInsensitive) != 0)
            continue;
        if (!r.postcodePrefix.isEmpty() && !code.startsWith(r.postcodePrefix))
            continue;
        if (r.maxWeightGrams && weightGrams > *r.maxWeightGrams)
            continue;
        // Higher is more specific, compared field by field in the documented order.
        const std::array<qint64, 5> score = {
            r.locationId ? 1 : 0,
            r.fromCountry.isEmpty() ? 0 : 1,
            r.country.isEmpty() ? 0 : 1,
            r.postcodePrefix.size(),
            r.maxWeightGrams ? -static_cast<qint64>(*r.maxWeightGrams)
                             : std::numeric_limits<qint64>::min(),
        };
        if (!best || score > bestScore) {
            best = &r;
            bestScore = score;
        }
    }
    if (!best)
        return std::nullopt;
    return *best;
}

} // namespace models
