#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace models {

// One row of a rate table: what a parcel from a location to a destination costs
// and how long it takes. Empty fields match anything.
struct ShippingRate
{
    qint64 id = 0;
    std::optional<qint64> locationId; // empty: every location (in fromCountry, if set)
    QString fromCountry;              // empty: any origin
    QString country;                  // empty: any destination
    QString postcodePrefix;           // empty: every postcode
    std::optional<int> maxWeightGrams;
    qint64 costMinor = 0;
    QString currency;
    int transitDays = 0;
};

// The rates of every location. The most specific matching row wins: a row for the
// location beats one for its country of origin, which beats a row for any origin;
// then a named destination country beats "anywhere"; then the longest postcode
// prefix; then the smallest weight band the parcel fits.
class RateTable
{
public:
    RateTable() = default;
    explicit RateTable(QList<ShippingRate> rates);

    std::optional<ShippingRate> find(qint64 locationId, QStringView fromCountry,
                                     QStringView country, QStringView postcode,
                                     int weightGrams) const;

    bool isEmpty() const { return m_rates.isEmpty(); }
    const QList<ShippingRate> &rates() const { return m_rates; }

    // Upper case without spaces, as prefixes are compared.
    static QString normalisedPostcode(QStringView postcode);

private:
    QList<ShippingRate> m_rates; // prefixes already normalised
};

} // namespace models
