#include "app/demo/demopeople.h"

#include "app/demo/demorandom.h"

namespace app::demo {

namespace {

const char *const kFirstNames[] = {
    "Olivia", "Amelia",  "Isla",    "Ava",     "Mia",      "Ivy",      "Lily",   "Isabella",
    "Rosie",  "Sophia",  "Grace",   "Freya",   "Evie",     "Florence", "Poppy",  "Harper",
    "Noah",   "Oliver",  "George",  "Arthur",  "Muhammad", "Leo",      "Harry",  "Oscar",
    "Archie", "Henry",   "Theo",    "Jack",    "Charlie",  "Thomas",   "James",  "William",
    "Aoife",  "Saoirse", "Niamh",   "Cian",    "Darragh",  "Lukas",    "Anna",   "Lena",
    "Felix",  "Jonas",   "Emma",    "Chloé",   "Léa",      "Hugo",     "Lucas",  "Sem",
    "Daan",   "Fenna",   "Emily",   "Madison", "Ethan",    "Mason",    "Chloe",  "Liam",
    "Zoë",    "Siobhán", "Mateusz", "Priya",   "Aarav",    "Yusuf",    "Fatima", "Kofi",
};

const char *const kLastNames[] = {
    "Smith",     "Jones",   "Taylor",   "Brown",     "Williams", "Wilson",     "Johnson",
    "Davies",    "Patel",   "Robinson", "Wright",    "Thompson", "Evans",      "Walker",
    "White",     "Roberts", "Green",    "Hall",      "Thomas",   "Clarke",     "Jackson",
    "Wood",      "Harris",  "Edwards",  "Turner",    "Martin",   "Cooper",     "Hill",
    "Ward",      "Hughes",  "Moore",    "Clark",     "King",     "Harrison",   "Lewis",
    "Baker",     "Lee",     "Allen",    "Morris",    "Khan",     "Scott",      "Watson",
    "Murphy",    "O'Brien", "Kelly",    "Byrne",     "Ryan",     "Müller",     "Schmidt",
    "Schneider", "Fischer", "Weber",    "Martin",    "Bernard",  "Dubois",     "Lefèvre",
    "de Jong",   "Jansen",  "de Vries", "Bakker",    "Miller",   "Garcia",     "Davis",
    "Rodriguez", "Nguyen",  "Singh",    "MacDonald", "Fraser",   "Ní Bhriain", "Kowalski",
};

const char *const kStreets[] = {
    "High Street", "Station Road",     "Church Lane",   "Victoria Road", "Park Avenue",
    "Mill Lane",   "Queen Street",     "Manor Road",    "The Green",     "Kings Road",
    "Oak Close",   "Springfield Road", "Chapel Street", "New Road",      "Orchard Way",
};

struct City
{
    const char *city;
    const char *region;
    const char *postcodePrefix;
};

const City kGbCities[] = {
    {"Leeds", "West Yorkshire", "LS"},
    {"Manchester", "Greater Manchester", "M"},
    {"London", "", "SE"},
    {"London", "", "N"},
    {"Bristol", "", "BS"},
    {"Birmingham", "West Midlands", "B"},
    {"Edinburgh", "", "EH"},
    {"Glasgow", "", "G"},
    {"Cardiff", "", "CF"},
    {"Sheffield", "South Yorkshire", "S"},
    {"Norwich", "Norfolk", "NR"},
    {"Brighton", "East Sussex", "BN"},
    {"York", "North Yorkshire", "YO"},
    {"Belfast", "County Antrim", "BT"},
    {"Oxford", "Oxfordshire", "OX"},
    {"Newcastle upon Tyne", "Tyne and Wear", "NE"},
};

struct Market
{
    const char *country;
    const char *currency;
    int weight;
};

// Where the shop's buyers live.
const Market kMarkets[] = {
    {"GB", "GBP", 700}, {"IE", "EUR", 40}, {"DE", "EUR", 70}, {"FR", "EUR", 50},
    {"NL", "EUR", 40},  {"US", "USD", 60}, {"AU", "AUD", 20}, {"CA", "CAD", 20},
};

QString latin(const char *s)
{
    return QString::fromUtf8(s);
}

QString gbPostcode(DemoRandom &r, const char *prefix)
{
    static const char letters[] = "ABDEFGHJLNPQRSTUWXYZ";
    return QStringLiteral("%1%2 %3%4%5")
        .arg(latin(prefix))
        .arg(r.between(1, 19))
        .arg(r.between(1, 9))
        .arg(QLatin1Char(letters[r.between(0, 19)]))
        .arg(QLatin1Char(letters[r.between(0, 19)]));
}

models::Address addressFor(DemoRandom &r, const QString &country, const QString &name)
{
    models::Address a;
    a.name = name;
    a.country = country;
    const QString street = latin(r.pick(kStreets));
    const qint64 number = r.between(1, 180);
    if (country == QLatin1String("GB")) {
        const City &c = r.pick(kGbCities);
        a.line1 = QStringLiteral("%1 %2").arg(number).arg(street);
        a.city = latin(c.city);
        a.region = latin(c.region);
        a.postcode = gbPostcode(r, c.postcodePrefix);
        a.phone = QStringLiteral("07%1").arg(r.between(100000000, 999999999));
    } else if (country == QLatin1String("IE")) {
        a.line1 = QStringLiteral("%1 %2").arg(number).arg(street);
        a.city = QStringLiteral("Dublin");
        a.region = QStringLiteral("Co. Dublin");
        a.postcode = QStringLiteral("D%1 X%2")
                         .arg(r.between(1, 24), 2, 10, QLatin1Char('0'))
                         .arg(r.between(100, 999));
    } else if (country == QLatin1String("DE")) {
        const char *cities[] = {"Berlin", "Hamburg", "München", "Köln", "Leipzig"};
        a.line1 =
            QStringLiteral("%1 %2")
                .arg(latin(r.pick({"Hauptstraße", "Gartenweg", "Schillerstraße", "Lindenallee"})))
                .arg(number);
        a.city = latin(r.pick(cities));
        a.postcode = QStringLiteral("%1").arg(r.between(10115, 99998), 5, 10, QLatin1Char('0'));
    } else if (country == QLatin1String("FR")) {
        const char *cities[] = {"Paris", "Lyon", "Marseille", "Lille", "Nantes"};
        a.line1 = QStringLiteral("%1 %2").arg(number).arg(
            latin(r.pick({"rue de la République", "avenue Victor Hugo", "rue des Écoles"})));
        a.city = latin(r.pick(cities));
        a.postcode = QStringLiteral("%1").arg(r.between(1000, 95999), 5, 10, QLatin1Char('0'));
    } else if (country == QLatin1String("NL")) {
        const char *cities[] = {"Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven"};
        a.line1 =
            QStringLiteral("%1 %2")
                .arg(latin(r.pick({"Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsplein"})))
                .arg(number);
        a.city = latin(r.pick(cities));
        a.postcode = QStringLiteral("%1 %2%3")
                         .arg(r.between(1011, 9999))
                         .arg(QLatin1Char(static_cast<char>('A' + r.between(0, 25))))
                         .arg(QLatin1Char(static_cast<char>('A' + r.between(0, 25))));
    } else if (country == QLatin1String("US")) {
        struct S
        {
            const char *city, *state;
            int zipLo, zipHi;
        };
        const S states[] = {{"Brooklyn", "NY", 11201, 11239},
                            {"Austin", "TX", 78701, 78759},
                            {"Portland", "OR", 97201, 97239},
                            {"Denver", "CO", 80202, 80249},
                            {"Chicago", "IL", 60601, 60661}};
        const S &s = r.pick(states);
        a.line1 = QStringLiteral("%1 %2")
                      .arg(number * 10)
                      .arg(latin(r.pick({"Maple Ave", "Oak St", "Elm Street", "Pine Rd"})));
        a.city = latin(s.city);
        a.region = latin(s.state);
        a.postcode = QString::number(r.between(s.zipLo, s.zipHi));
    } else if (country == QLatin1String("AU")) {
        struct S
        {
            const char *city, *state;
            int pcLo, pcHi;
        };
        const S states[] = {{"Sydney", "NSW", 2000, 2234},
                            {"Melbourne", "VIC", 3000, 3207},
                            {"Brisbane", "QLD", 4000, 4179}};
        const S &s = r.pick(states);
        a.line1 = QStringLiteral("%1 %2").arg(number).arg(
            latin(r.pick({"George St", "Bourke St", "Queen St"})));
        a.city = latin(s.city);
        a.region = latin(s.state);
        a.postcode = QString::number(r.between(s.pcLo, s.pcHi));
    } else {
        struct S
        {
            const char *city, *prov, *fsa;
        };
        const S provinces[] = {
            {"Toronto", "ON", "M5V"}, {"Vancouver", "BC", "V6B"}, {"Montréal", "QC", "H2X"}};
        const S &s = r.pick(provinces);
        a.line1 = QStringLiteral("%1 %2").arg(number).arg(
            latin(r.pick({"King St W", "Main St", "Rue Sherbrooke"})));
        a.city = latin(s.city);
        a.region = latin(s.prov);
        a.postcode = QStringLiteral("%1 %2%3%4")
                         .arg(latin(s.fsa))
                         .arg(r.between(1, 9))
                         .arg(QLatin1Char(static_cast<char>('A' + r.between(0, 25))))
                         .arg(r.between(0, 9));
    }
    if (r.chance(60))
        a.line2 = QStringLiteral("Flat %1").arg(r.between(1, 40));
    return a;
}

QString emailLocal(const QString &first, const QString &last, DemoRandom &r)
{
    QString local = (first + QLatin1Char('.') + last).toLower();
    local = local.normalized(QString::NormalizationForm_D);
    QString ascii;
    for (QChar c : std::as_const(local))
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('.'))
            ascii += c;
    if (r.chance(400))
        ascii += QString::number(r.between(1, 99));
    return ascii;
}

} // namespace

DemoPerson demoPerson(quint64 seed, qint64 index)
{
    DemoRandom r = DemoRandom::forEntity(seed, 1, static_cast<quint64>(index));
    std::vector<qint64> cumulative;
    qint64 total = 0;
    for (const Market &m : kMarkets)
        cumulative.push_back(total += m.weight);
    const Market &market = kMarkets[r.weighted(cumulative)];

    const QString first = latin(r.pick(kFirstNames));
    const QString last = latin(r.pick(kLastNames));
    DemoPerson p;
    p.customer.name = first + QLatin1Char(' ') + last;
    const char *domains[] = {"gmail.com",   "outlook.com",    "icloud.com", "yahoo.co.uk",
                             "hotmail.com", "btinternet.com", "web.de",     "orange.fr"};
    p.customer.email = emailLocal(first, last, r) + QLatin1Char('@') + latin(r.pick(domains));
    p.customer.vip = r.chance(15);
    p.currency = latin(market.currency);
    p.address = addressFor(r, latin(market.country), p.customer.name);
    p.customer.phone = p.address.phone;
    if (r.chance(50))
        p.address.company = last + QStringLiteral(" & Co");
    return p;
}

} // namespace app::demo
