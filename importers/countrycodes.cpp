#include "importers/countrycodes.h"

#include <QHash>

#include <array>

namespace importers {

namespace {

struct Country
{
    const char16_t *alpha2;
    const char16_t *alpha3;
    const char16_t *name; // English short name
};

// ISO 3166-1, all 249 entries, as published by the iso-codes project (Debian's
// /usr/share/iso-codes/json/iso_3166-1.json), plus Kosovo's XK: not assigned by
// ISO but used by the EU, carriers and the channels for addresses there.
constexpr Country kCountries[] = {
    {u"AD", u"AND", u"Andorra"},
    {u"AE", u"ARE", u"United Arab Emirates"},
    {u"AF", u"AFG", u"Afghanistan"},
    {u"AG", u"ATG", u"Antigua and Barbuda"},
    {u"AI", u"AIA", u"Anguilla"},
    {u"AL", u"ALB", u"Albania"},
    {u"AM", u"ARM", u"Armenia"},
    {u"AO", u"AGO", u"Angola"},
    {u"AQ", u"ATA", u"Antarctica"},
    {u"AR", u"ARG", u"Argentina"},
    {u"AS", u"ASM", u"American Samoa"},
    {u"AT", u"AUT", u"Austria"},
    {u"AU", u"AUS", u"Australia"},
    {u"AW", u"ABW", u"Aruba"},
    {u"AX", u"ALA", u"Åland Islands"},
    {u"AZ", u"AZE", u"Azerbaijan"},
    {u"BA", u"BIH", u"Bosnia and Herzegovina"},
    {u"BB", u"BRB", u"Barbados"},
    {u"BD", u"BGD", u"Bangladesh"},
    {u"BE", u"BEL", u"Belgium"},
    {u"BF", u"BFA", u"Burkina Faso"},
    {u"BG", u"BGR", u"Bulgaria"},
    {u"BH", u"BHR", u"Bahrain"},
    {u"BI", u"BDI", u"Burundi"},
    {u"BJ", u"BEN", u"Benin"},
    {u"BL", u"BLM", u"Saint Barthélemy"},
    {u"BM", u"BMU", u"Bermuda"},
    {u"BN", u"BRN", u"Brunei Darussalam"},
    {u"BO", u"BOL", u"Bolivia, Plurinational State of"},
    {u"BQ", u"BES", u"Bonaire, Sint Eustatius and Saba"},
    {u"BR", u"BRA", u"Brazil"},
    {u"BS", u"BHS", u"Bahamas"},
    {u"BT", u"BTN", u"Bhutan"},
    {u"BV", u"BVT", u"Bouvet Island"},
    {u"BW", u"BWA", u"Botswana"},
    {u"BY", u"BLR", u"Belarus"},
    {u"BZ", u"BLZ", u"Belize"},
    {u"CA", u"CAN", u"Canada"},
    {u"CC", u"CCK", u"Cocos (Keeling) Islands"},
    {u"CD", u"COD", u"Congo, The Democratic Republic of the"},
    {u"CF", u"CAF", u"Central African Republic"},
    {u"CG", u"COG", u"Congo"},
    {u"CH", u"CHE", u"Switzerland"},
    {u"CI", u"CIV", u"Côte d'Ivoire"},
    {u"CK", u"COK", u"Cook Islands"},
    {u"CL", u"CHL", u"Chile"},
    {u"CM", u"CMR", u"Cameroon"},
    {u"CN", u"CHN", u"China"},
    {u"CO", u"COL", u"Colombia"},
    {u"CR", u"CRI", u"Costa Rica"},
    {u"CU", u"CUB", u"Cuba"},
    {u"CV", u"CPV", u"Cabo Verde"},
    {u"CW", u"CUW", u"Curaçao"},
    {u"CX", u"CXR", u"Christmas Island"},
    {u"CY", u"CYP", u"Cyprus"},
    {u"CZ", u"CZE", u"Czechia"},
    {u"DE", u"DEU", u"Germany"},
    {u"DJ", u"DJI", u"Djibouti"},
    {u"DK", u"DNK", u"Denmark"},
    {u"DM", u"DMA", u"Dominica"},
    {u"DO", u"DOM", u"Dominican Republic"},
    {u"DZ", u"DZA", u"Algeria"},
    {u"EC", u"ECU", u"Ecuador"},
    {u"EE", u"EST", u"Estonia"},
    {u"EG", u"EGY", u"Egypt"},
    {u"EH", u"ESH", u"Western Sahara"},
    {u"ER", u"ERI", u"Eritrea"},
    {u"ES", u"ESP", u"Spain"},
    {u"ET", u"ETH", u"Ethiopia"},
    {u"FI", u"FIN", u"Finland"},
    {u"FJ", u"FJI", u"Fiji"},
    {u"FK", u"FLK", u"Falkland Islands (Malvinas)"},
    {u"FM", u"FSM", u"Micronesia, Federated States of"},
    {u"FO", u"FRO", u"Faroe Islands"},
    {u"FR", u"FRA", u"France"},
    {u"GA", u"GAB", u"Gabon"},
    {u"GB", u"GBR", u"United Kingdom"},
    {u"GD", u"GRD", u"Grenada"},
    {u"GE", u"GEO", u"Georgia"},
    {u"GF", u"GUF", u"French Guiana"},
    {u"GG", u"GGY", u"Guernsey"},
    {u"GH", u"GHA", u"Ghana"},
    {u"GI", u"GIB", u"Gibraltar"},
    {u"GL", u"GRL", u"Greenland"},
    {u"GM", u"GMB", u"Gambia"},
    {u"GN", u"GIN", u"Guinea"},
    {u"GP", u"GLP", u"Guadeloupe"},
    {u"GQ", u"GNQ", u"Equatorial Guinea"},
    {u"GR", u"GRC", u"Greece"},
    {u"GS", u"SGS", u"South Georgia and the South Sandwich Islands"},
    {u"GT", u"GTM", u"Guatemala"},
    {u"GU", u"GUM", u"Guam"},
    {u"GW", u"GNB", u"Guinea-Bissau"},
    {u"GY", u"GUY", u"Guyana"},
    {u"HK", u"HKG", u"Hong Kong"},
    {u"HM", u"HMD", u"Heard Island and McDonald Islands"},
    {u"HN", u"HND", u"Honduras"},
    {u"HR", u"HRV", u"Croatia"},
    {u"HT", u"HTI", u"Haiti"},
    {u"HU", u"HUN", u"Hungary"},
    {u"ID", u"IDN", u"Indonesia"},
    {u"IE", u"IRL", u"Ireland"},
    {u"IL", u"ISR", u"Israel"},
    {u"IM", u"IMN", u"Isle of Man"},
    {u"IN", u"IND", u"India"},
    {u"IO", u"IOT", u"British Indian Ocean Territory"},
    {u"IQ", u"IRQ", u"Iraq"},
    {u"IR", u"IRN", u"Iran, Islamic Republic of"},
    {u"IS", u"ISL", u"Iceland"},
    {u"IT", u"ITA", u"Italy"},
    {u"JE", u"JEY", u"Jersey"},
    {u"JM", u"JAM", u"Jamaica"},
    {u"JO", u"JOR", u"Jordan"},
    {u"JP", u"JPN", u"Japan"},
    {u"KE", u"KEN", u"Kenya"},
    {u"KG", u"KGZ", u"Kyrgyzstan"},
    {u"KH", u"KHM", u"Cambodia"},
    {u"KI", u"KIR", u"Kiribati"},
    {u"KM", u"COM", u"Comoros"},
    {u"KN", u"KNA", u"Saint Kitts and Nevis"},
    {u"KP", u"PRK", u"Korea, Democratic People's Republic of"},
    {u"KR", u"KOR", u"Korea, Republic of"},
    {u"KW", u"KWT", u"Kuwait"},
    {u"KY", u"CYM", u"Cayman Islands"},
    {u"KZ", u"KAZ", u"Kazakhstan"},
    {u"LA", u"LAO", u"Lao People's Democratic Republic"},
    {u"LB", u"LBN", u"Lebanon"},
    {u"LC", u"LCA", u"Saint Lucia"},
    {u"LI", u"LIE", u"Liechtenstein"},
    {u"LK", u"LKA", u"Sri Lanka"},
    {u"LR", u"LBR", u"Liberia"},
    {u"LS", u"LSO", u"Lesotho"},
    {u"LT", u"LTU", u"Lithuania"},
    {u"LU", u"LUX", u"Luxembourg"},
    {u"LV", u"LVA", u"Latvia"},
    {u"LY", u"LBY", u"Libya"},
    {u"MA", u"MAR", u"Morocco"},
    {u"MC", u"MCO", u"Monaco"},
    {u"MD", u"MDA", u"Moldova, Republic of"},
    {u"ME", u"MNE", u"Montenegro"},
    {u"MF", u"MAF", u"Saint Martin (French part)"},
    {u"MG", u"MDG", u"Madagascar"},
    {u"MH", u"MHL", u"Marshall Islands"},
    {u"MK", u"MKD", u"North Macedonia"},
    {u"ML", u"MLI", u"Mali"},
    {u"MM", u"MMR", u"Myanmar"},
    {u"MN", u"MNG", u"Mongolia"},
    {u"MO", u"MAC", u"Macao"},
    {u"MP", u"MNP", u"Northern Mariana Islands"},
    {u"MQ", u"MTQ", u"Martinique"},
    {u"MR", u"MRT", u"Mauritania"},
    {u"MS", u"MSR", u"Montserrat"},
    {u"MT", u"MLT", u"Malta"},
    {u"MU", u"MUS", u"Mauritius"},
    {u"MV", u"MDV", u"Maldives"},
    {u"MW", u"MWI", u"Malawi"},
    {u"MX", u"MEX", u"Mexico"},
    {u"MY", u"MYS", u"Malaysia"},
    {u"MZ", u"MOZ", u"Mozambique"},
    {u"NA", u"NAM", u"Namibia"},
    {u"NC", u"NCL", u"New Caledonia"},
    {u"NE", u"NER", u"Niger"},
    {u"NF", u"NFK", u"Norfolk Island"},
    {u"NG", u"NGA", u"Nigeria"},
    {u"NI", u"NIC", u"Nicaragua"},
    {u"NL", u"NLD", u"Netherlands"},
    {u"NO", u"NOR", u"Norway"},
    {u"NP", u"NPL", u"Nepal"},
    {u"NR", u"NRU", u"Nauru"},
    {u"NU", u"NIU", u"Niue"},
    {u"NZ", u"NZL", u"New Zealand"},
    {u"OM", u"OMN", u"Oman"},
    {u"PA", u"PAN", u"Panama"},
    {u"PE", u"PER", u"Peru"},
    {u"PF", u"PYF", u"French Polynesia"},
    {u"PG", u"PNG", u"Papua New Guinea"},
    {u"PH", u"PHL", u"Philippines"},
    {u"PK", u"PAK", u"Pakistan"},
    {u"PL", u"POL", u"Poland"},
    {u"PM", u"SPM", u"Saint Pierre and Miquelon"},
    {u"PN", u"PCN", u"Pitcairn"},
    {u"PR", u"PRI", u"Puerto Rico"},
    {u"PS", u"PSE", u"Palestine, State of"},
    {u"PT", u"PRT", u"Portugal"},
    {u"PW", u"PLW", u"Palau"},
    {u"PY", u"PRY", u"Paraguay"},
    {u"QA", u"QAT", u"Qatar"},
    {u"RE", u"REU", u"Réunion"},
    {u"RO", u"ROU", u"Romania"},
    {u"RS", u"SRB", u"Serbia"},
    {u"RU", u"RUS", u"Russian Federation"},
    {u"RW", u"RWA", u"Rwanda"},
    {u"SA", u"SAU", u"Saudi Arabia"},
    {u"SB", u"SLB", u"Solomon Islands"},
    {u"SC", u"SYC", u"Seychelles"},
    {u"SD", u"SDN", u"Sudan"},
    {u"SE", u"SWE", u"Sweden"},
    {u"SG", u"SGP", u"Singapore"},
    {u"SH", u"SHN", u"Saint Helena, Ascension and Tristan da Cunha"},
    {u"SI", u"SVN", u"Slovenia"},
    {u"SJ", u"SJM", u"Svalbard and Jan Mayen"},
    {u"SK", u"SVK", u"Slovakia"},
    {u"SL", u"SLE", u"Sierra Leone"},
    {u"SM", u"SMR", u"San Marino"},
    {u"SN", u"SEN", u"Senegal"},
    {u"SO", u"SOM", u"Somalia"},
    {u"SR", u"SUR", u"Suriname"},
    {u"SS", u"SSD", u"South Sudan"},
    {u"ST", u"STP", u"Sao Tome and Principe"},
    {u"SV", u"SLV", u"El Salvador"},
    {u"SX", u"SXM", u"Sint Maarten (Dutch part)"},
    {u"SY", u"SYR", u"Syrian Arab Republic"},
    {u"SZ", u"SWZ", u"Eswatini"},
    {u"TC", u"TCA", u"Turks and Caicos Islands"},
    {u"TD", u"TCD", u"Chad"},
    {u"TF", u"ATF", u"French Southern Territories"},
    {u"TG", u"TGO", u"Togo"},
    {u"TH", u"THA", u"Thailand"},
    {u"TJ", u"TJK", u"Tajikistan"},
    {u"TK", u"TKL", u"Tokelau"},
    {u"TL", u"TLS", u"Timor-Leste"},
    {u"TM", u"TKM", u"Turkmenistan"},
    {u"TN", u"TUN", u"Tunisia"},
    {u"TO", u"TON", u"Tonga"},
    {u"TR", u"TUR", u"Türkiye"},
    {u"TT", u"TTO", u"Trinidad and Tobago"},
    {u"TV", u"TUV", u"Tuvalu"},
    {u"TW", u"TWN", u"Taiwan, Province of China"},
    {u"TZ", u"TZA", u"Tanzania, United Republic of"},
    {u"UA", u"UKR", u"Ukraine"},
    {u"UG", u"UGA", u"Uganda"},
    {u"UM", u"UMI", u"United States Minor Outlying Islands"},
    {u"US", u"USA", u"United States"},
    {u"UY", u"URY", u"Uruguay"},
    {u"UZ", u"UZB", u"Uzbekistan"},
    {u"VA", u"VAT", u"Holy See (Vatican City State)"},
    {u"VC", u"VCT", u"Saint Vincent and the Grenadines"},
    {u"VE", u"VEN", u"Venezuela, Bolivarian Republic of"},
    {u"VG", u"VGB", u"Virgin Islands, British"},
    {u"VI", u"VIR", u"Virgin Islands, U.S."},
    {u"VN", u"VNM", u"Viet Nam"},
    {u"VU", u"VUT", u"Vanuatu"},
    {u"WF", u"WLF", u"Wallis and Futuna"},
    {u"WS", u"WSM", u"Samoa"},
    {u"YE", u"YEM", u"Yemen"},
    {u"YT", u"MYT", u"Mayotte"},
    {u"ZA", u"ZAF", u"South Africa"},
    {u"ZM", u"ZMB", u"Zambia"},
    {u"ZW", u"ZWE", u"Zimbabwe"},
    {u"XK", u"XKX", u"Kosovo"},
};

struct Alias
{
    const char16_t *name;
    const char16_t *alpha2;
};

// Names the channels, buyers and spreadsheets use besides the ISO short names:
// everyday English names, former names, the UK's nations, eBay's own country
// list, and the names in the country's own language that European buyers type.
constexpr Alias kAliases[] = {
    // Everyday English names (iso-codes "common_name").
    {u"Bolivia", u"BO"},
    {u"Iran", u"IR"},
    {u"South Korea", u"KR"},
    {u"Laos", u"LA"},
    {u"Moldova", u"MD"},
    {u"North Korea", u"KP"},
    {u"Syria", u"SY"},
    {u"Taiwan", u"TW"},
    {u"Tanzania", u"TZ"},
    {u"Venezuela", u"VE"},
    {u"Vietnam", u"VN"},
    // United States and United Kingdom, in all their spellings.
    {u"United States of America", u"US"},
    {u"America", u"US"},
    {u"UK", u"GB"},
    {u"Great Britain", u"GB"},
    {u"Britain", u"GB"},
    {u"England", u"GB"},
    {u"Scotland", u"GB"},
    {u"Wales", u"GB"},
    {u"Northern Ireland", u"GB"},
    {u"United Kingdom of Great Britain and Northern Ireland", u"GB"},
    // Other English names and former names.
    {u"Holland", u"NL"},
    {u"Republic of Korea", u"KR"},
    {u"Korea", u"KR"},
    {u"Korea, South", u"KR"},
    {u"Korea, North", u"KP"},
    {u"DPRK", u"KP"},
    {u"Russia", u"RU"},
    {u"Czech Republic", u"CZ"},
    {u"Macedonia", u"MK"},
    {u"Republic of North Macedonia", u"MK"},
    {u"Former Yugoslav Republic of Macedonia", u"MK"},
    {u"Swaziland", u"SZ"},
    {u"Ivory Coast", u"CI"},
    {u"Cote d'Ivoire (Ivory Coast)", u"CI"},
    {u"Cape Verde", u"CV"},
    {u"Burma", u"MM"},
    {u"East Timor", u"TL"},
    {u"Turkey", u"TR"},
    {u"Vatican", u"VA"},
    {u"Vatican City", u"VA"},
    {u"Vatican City State", u"VA"},
    {u"Holy See", u"VA"},
    {u"Palestine", u"PS"},
    {u"Palestinian Territories", u"PS"},
    {u"Palestinian Territory", u"PS"},
    {u"Brunei", u"BN"},
    {u"Democratic Republic of the Congo", u"CD"},
    {u"Congo, Democratic Republic of the", u"CD"},
    {u"DR Congo", u"CD"},
    {u"DRC", u"CD"},
    {u"Congo-Kinshasa", u"CD"},
    {u"Zaire", u"CD"},
    {u"Republic of the Congo", u"CG"},
    {u"Congo, Republic of the", u"CG"},
    {u"Congo-Brazzaville", u"CG"},
    {u"Micronesia", u"FM"},
    {u"Falkland Islands", u"FK"},
    {u"Falkland Islands (Islas Malvinas)", u"FK"},
    {u"Macau", u"MO"},
    {u"Hong Kong SAR", u"HK"},
    {u"Hong Kong SAR China", u"HK"},
    {u"Macao SAR China", u"MO"},
    {u"Saint Kitts-Nevis", u"KN"},
    {u"British Virgin Islands", u"VG"},
    {u"US Virgin Islands", u"VI"},
    {u"Saint Martin", u"MF"},
    {u"Sint Maarten", u"SX"},
    {u"Bonaire", u"BQ"},
    {u"Caribbean Netherlands", u"BQ"},
    {u"Curacao", u"CW"},
    {u"UAE", u"AE"},
    {u"Emirates", u"AE"},
    {u"People's Republic of China", u"CN"},
    {u"PRC", u"CN"},
    {u"Mainland China", u"CN"},
    {u"Bosnia", u"BA"},
    {u"Bosnia-Herzegovina", u"BA"},
    {u"Republic of Ireland", u"IE"},
    {u"Western Samoa", u"WS"},
    {u"Tahiti", u"PF"},
    {u"Svalbard", u"SJ"},
    {u"Jan Mayen", u"SJ"},
    {u"Heard and McDonald Islands", u"HM"},
    {u"Saint Helena", u"SH"},
    {u"Pitcairn Islands", u"PN"},
    {u"Reunion", u"RE"},
    {u"Timor Leste", u"TL"},
    {u"Gambia, The", u"GM"},
    {u"Bahamas, The", u"BS"},
    {u"Myanmar (Burma)", u"MM"},
    // Codes that are not ISO alpha-2 but that the EU and the UK write.
    {u"EL", u"GR"},
    // Names in the country's own language (and neighbours' languages) that
    // buyers type into the address form.
    {u"Deutschland", u"DE"},
    {u"Allemagne", u"DE"},
    {u"Alemania", u"DE"},
    {u"Germania", u"DE"},
    {u"Nederland", u"NL"},
    {u"Niederlande", u"NL"},
    {u"Pays-Bas", u"NL"},
    {u"Espana", u"ES"},
    {u"Spanien", u"ES"},
    {u"Espagne", u"ES"},
    {u"Italia", u"IT"},
    {u"Italien", u"IT"},
    {u"Italie", u"IT"},
    {u"Frankreich", u"FR"},
    {u"Francia", u"FR"},
    {u"Osterreich", u"AT"},
    {u"Oesterreich", u"AT"},
    {u"Autriche", u"AT"},
    {u"Schweiz", u"CH"},
    {u"Suisse", u"CH"},
    {u"Svizzera", u"CH"},
    {u"Belgique", u"BE"},
    {u"Belgie", u"BE"},
    {u"Belgien", u"BE"},
    {u"Polska", u"PL"},
    {u"Polen", u"PL"},
    {u"Sverige", u"SE"},
    {u"Schweden", u"SE"},
    {u"Norge", u"NO"},
    {u"Norwegen", u"NO"},
    {u"Danmark", u"DK"},
    {u"Danemark", u"DK"},
    {u"Suomi", u"FI"},
    {u"Finnland", u"FI"},
    {u"Eire", u"IE"},
    {u"Irland", u"IE"},
    {u"Hellas", u"GR"},
    {u"Ellada", u"GR"},
    {u"Griechenland", u"GR"},
    {u"Grece", u"GR"},
    {u"Magyarorszag", u"HU"},
    {u"Cesko", u"CZ"},
    {u"Ceska republika", u"CZ"},
    {u"Tschechien", u"CZ"},
    {u"Slovensko", u"SK"},
    {u"Hrvatska", u"HR"},
    {u"Slovenija", u"SI"},
    {u"Romania", u"RO"},
    {u"Luxemburg", u"LU"},
    {u"Eesti", u"EE"},
    {u"Latvija", u"LV"},
    {u"Lietuva", u"LT"},
    {u"Brasil", u"BR"},
    {u"Turkiye", u"TR"},
    {u"Rossiya", u"RU"},
    {u"Nippon", u"JP"},
};

struct Lookup
{
    QHash<QString, QString> byName; // normalised name, alias or code -> alpha-2
    QHash<QString, int> byAlpha2;   // alpha-2 -> index in kCountries
};

const Lookup &lookup()
{
    static const Lookup table = [] {
        Lookup l;
        const int count = int(std::size(kCountries));
        for (int i = 0; i < count; ++i) {
            const Country &c = kCountries[i];
            const QString alpha2 = QString::fromUtf16(c.alpha2);
            l.byAlpha2.insert(alpha2, i);
            l.byName.insert(normaliseCountryName(QString::fromUtf16(c.name)), alpha2);
            l.byName.insert(normaliseCountryName(alpha2), alpha2);
            l.byName.insert(normaliseCountryName(QString::fromUtf16(c.alpha3)), alpha2);
        }
        for (const Alias &a : kAliases) {
            // The ISO names and codes come first: an alias never overrides them.
            const QString key = normaliseCountryName(QString::fromUtf16(a.name));
            if (!l.byName.contains(key))
                l.byName.insert(key, QString::fromUtf16(a.alpha2));
        }
        return l;
    }();
    return table;
}

} // namespace

QString normaliseCountryName(QStringView text)
{
    // Letters that carry no accent to drop but that people write without the
    // special letter ("Ostergaard", "Lodz").
    static const QHash<QChar, QString> kFolded = {
        {QChar(0x00DF), QStringLiteral("ss")}, {QChar(0x00E6), QStringLiteral("ae")},
        {QChar(0x00F8), QStringLiteral("o")},  {QChar(0x0153), QStringLiteral("oe")},
        {QChar(0x0142), QStringLiteral("l")},  {QChar(0x0111), QStringLiteral("d")},
        {QChar(0x00FE), QStringLiteral("th")}, {QChar(0x0131), QStringLiteral("i")},
    };
    const QString decomposed =
        text.toString().toCaseFolded().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing ||
            c.category() == QChar::Mark_SpacingCombining)
            continue; // the accent of a decomposed letter
        if (c.isLetterOrNumber()) {
            const auto folded = kFolded.constFind(c);
            out += folded != kFolded.constEnd() ? *folded : QString(c);
        } else if (c == u'.' || c == u'\'' || c == QChar(0x2019) || c == QChar(0x02BC) ||
                   c == u'`') {
            continue; // "U.S.A." is "usa", "d'Ivoire" is "divoire"
        } else if (c == u'&') {
            out += QStringLiteral(" and ");
        } else {
            out += u' ';
        }
    }
    QStringList words = out.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.size() > 1 && words.constFirst() == u"the")
        words.removeFirst();
    for (QString &word : words) {
        if (word == u"st")
            word = QStringLiteral("saint"); // "St. Lucia", "St Kitts and Nevis"
    }
    return words.join(u' ');
}

QString countryCodeFor(QStringView nameOrCode)
{
    const QString key = normaliseCountryName(nameOrCode);
    if (key.isEmpty())
        return {};
    return lookup().byName.value(key);
}

QString countryName(QStringView alpha2)
{
    const auto it = lookup().byAlpha2.constFind(alpha2.toString().toUpper());
    if (it == lookup().byAlpha2.constEnd())
        return {};
    return QString::fromUtf16(kCountries[*it].name);
}

QString countryAlpha3(QStringView alpha2)
{
    const auto it = lookup().byAlpha2.constFind(alpha2.toString().toUpper());
    if (it == lookup().byAlpha2.constEnd())
        return {};
    return QString::fromUtf16(kCountries[*it].alpha3);
}

QStringList countryCodes()
{
    QStringList codes;
    codes.reserve(qsizetype(std::size(kCountries)));
    for (const Country &c : kCountries)
        codes.append(QString::fromUtf16(c.alpha2));
    return codes;
}

} // namespace importers
