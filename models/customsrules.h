#pragma once

#include "models/money.h"

#include <QString>

#include <optional>

namespace models {

// The paperwork a parcel needs to cross a customs border.
enum class CustomsForm
{
    None,              // domestic, or inside the EU customs union
    Cn22,              // postal, small: up to 300 SDR and 2 kg
    Cn23,              // postal, above either limit
    CommercialInvoice, // courier (DPD, DHL, UPS, ...): they ask for an invoice
};

// "CN22", "CN23", "Commercial invoice", "None".
QString customsFormName(CustomsForm form);

// What decides the form: both countries as ISO 3166-1 alpha-2 codes, the declared
// value of the contents, the gross weight and the carrier ("Royal Mail", "DPD";
// may be a service name such as "Royal Mail International Tracked").
struct CustomsShipment
{
    QString fromCountry;
    QString toCountry;
    Money contentsValue;
    int weightGrams = 0;
    QString carrier;
};

// Members of the EU customs union (not the UK since 2021). Case-insensitive.
bool isEuCustomsUnion(const QString &country);

// Post offices (the UPU members' designated operators), whose international
// parcels carry a CN22 or CN23; anything else is treated as a courier. An empty
// carrier counts as the post: an unrouted order goes out by post by default.
bool isPostalCarrier(const QString &carrier);

// 300 SDR in `currency`, rounded down to a whole unit as post offices publish it
// (GBP 270, EUR 325, USD 400, ...); nullopt for a currency without a published
// figure, in which case the larger CN23 is used.
std::optional<Money> cn22ValueLimit(const QString &currency);
constexpr int Cn22WeightLimitGrams = 2000;

// The rule: same country or both inside the EU customs union: none. Otherwise a
// courier wants a commercial invoice; the post wants a CN22 when the contents are
// worth at most 300 SDR and weigh at most 2 kg, else a CN23. An unknown country
// (empty) is treated as abroad: a form too many is better than a parcel held.
CustomsForm customsFormFor(const CustomsShipment &shipment);

} // namespace models
