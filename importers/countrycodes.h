#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace importers {

// The ISO 3166-1 alpha-2 code for a country as channel exports write it: an
// English short name ("United Kingdom", "Korea, Republic of"), a common alias
// ("USA", "U.S.A.", "Great Britain", "England", "Holland", "South Korea"), a
// name in the country's own language ("Deutschland", "España", "Österreich"),
// or an alpha-2 or alpha-3 code ("DE", "deu"). Case, accents, punctuation and
// a leading "The" do not matter. Empty when the text names no country it knows.
QString countryCodeFor(QStringView nameOrCode);

// The English short name of an alpha-2 code ("GB" -> "United Kingdom"), for
// messages; empty for an unknown code.
QString countryName(QStringView alpha2);

// Its alpha-3 code ("GB" -> "GBR"); empty for an unknown code.
QString countryAlpha3(QStringView alpha2);

// Every alpha-2 code the table knows, ISO order of the codes.
QStringList countryCodes();

// The form names are compared in: accents and punctuation dropped, "&" as
// "and", case-folded, blanks collapsed, a leading "the " dropped.
QString normaliseCountryName(QStringView text);

} // namespace importers
