#include "models/customsrules.h"

#include <QStringList>

#include <algorithm>
#include <optional>

namespace models {

namespace {

const char *const kEuMembers[] = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES",
                                  "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
                                  "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"};

// Designated postal operators as carriers name them on labels and in services.
const char *const kPostalOperators[] = {"royal mail",    "parcelforce",    "usps",
                                        "canada post",   "australia post", "postnl",
                                        "deutsche post", "la poste",       "colissimo",
                                        "an post",       "correos",        "poste italiane",
                                        "bpost",         "swiss post",     "japan post",
                                        "nz post",       "postnord",       "österreichische post",
                                        "ctt",           "posti"};

struct Limit
{
    const char *currency;
    qint64 major; // whole units
};

// 300 SDR as the post offices of each currency publish it.
const Limit kCn22Limits[] = {{"GBP", 270},  {"EUR", 325},  {"USD", 400},  {"CAD", 550},
                             {"AUD", 600},  {"NZD", 650},  {"CHF", 350},  {"SEK", 4300},
                             {"DKK", 2800}, {"NOK", 4400}, {"PLN", 1700}, {"JPY", 60000}};

} // namespace

QString customsFormName(CustomsForm form)
{
    switch (form) {
    case CustomsForm::None:
        return QStringLiteral("None");
    case CustomsForm::Cn22:
        return QStringLiteral("CN22");
    case CustomsForm::Cn23:
        return QStringLiteral("CN23");
    case CustomsForm::CommercialInvoice:
        return QStringLiteral("Commercial invoice");
    }
    return QString();
}

bool isEuCustomsUnion(const QString &country)
{
    const QString c = country.trimmed().toUpper();
    return std::any_of(std::begin(kEuMembers), std::end(kEuMembers),
                       [&c](const char *m) { return c == QLatin1String(m); });
}

bool isPostalCarrier(const QString &carrier)
{
    const QString c = carrier.trimmed().toLower();
    if (c.isEmpty())
        return true;
    return std::any_of(std::begin(kPostalOperators), std::end(kPostalOperators),
                       [&c](const char *p) { return c.startsWith(QString::fromUtf8(p)); });
}

std::optional<Money> cn22ValueLimit(const QString &currency)
{
    const QString code = currency.trimmed().toUpper();
    for (const Limit &l : kCn22Limits) {
        if (code == QLatin1String(l.currency)) {
            qint64 minor = l.major;
            for (int i = 0; i < Money::decimalsFor(code); ++i)
                minor *= 10;
            return Money(minor, code);
        }
    }
    return std::nullopt;
}

CustomsForm customsFormFor(const CustomsShipment &s)
{
    const QString from = s.fromCountry.trimmed().toUpper();
    const QString to = s.toCountry.trimmed().toUpper();
    if (!from.isEmpty() && from == to)
        return CustomsForm::None;
    if (isEuCustomsUnion(from) && isEuCustomsUnion(to))
        return CustomsForm::None;
    if (!isPostalCarrier(s.carrier))
        return CustomsForm::CommercialInvoice;
    const std::optional<Money> limit = cn22ValueLimit(s.contentsValue.currency());
    if (!limit)
        return CustomsForm::Cn23;
    if (s.contentsValue.minorUnits() > limit->minorUnits() || s.weightGrams > Cn22WeightLimitGrams)
        return CustomsForm::Cn23;
    return CustomsForm::Cn22;
}

} // namespace models
