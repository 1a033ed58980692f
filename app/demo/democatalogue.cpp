#include "app/demo/democatalogue.h"

#include "app/demo/demorandom.h"
#include "models/gtin.h"

#include <algorithm>

namespace app::demo {

namespace {

struct Category
{
    const char *code;
    const char *name;
    const char *size; // appended to the name, may be empty
    int priceLo;      // pence
    int priceHi;
    int weightGrams;
    int packSize;
    int supplier;       // index into demoSuppliers()
    const char *hsCode; // Harmonized System tariff number, for customs declarations
};

// Where each supplier's goods are made (ISO 3166-1 alpha-2), by demoSuppliers() index.
const char *const kSupplierOrigin[] = {"GB", "GB", "GB", "GB", "DE", "PT",
                                       "VN", "IN", "GB", "CN", "FR", "CN"};

const Category kCategories[] = {
    {"MUG", "Stoneware Mug", "350 ml", 950, 1800, 380, 6, 0, "691200"},
    {"BWL", "Ceramic Bowl", "16 cm", 1200, 2400, 520, 6, 1, "691200"},
    {"PLT", "Dinner Plate", "27 cm", 1400, 2600, 640, 6, 1, "691200"},
    {"CND", "Soy Candle", "200 g", 1600, 3200, 420, 12, 3, "340600"},
    {"TWL", "Cotton Tea Towel", "", 700, 1400, 90, 10, 2, "630291"},
    {"CSH", "Linen Cushion Cover", "45 x 45 cm", 1800, 3800, 210, 4, 7, "630499"},
    {"THR", "Wool Throw", "130 x 170 cm", 4500, 9500, 1100, 1, 2, "630120"},
    {"VAS", "Glass Vase", "", 1800, 4800, 750, 4, 4, "701399"},
    {"CST", "Cork Coaster Set of 4", "", 800, 1500, 120, 12, 5, "450390"},
    {"BSK", "Seagrass Basket", "", 1900, 4200, 600, 2, 6, "460219"},
    {"PLN", "Terracotta Planter", "", 1200, 3600, 1300, 4, 1, "691490"},
    {"JAR", "Glass Storage Jar", "1 l", 900, 1900, 540, 6, 4, "701349"},
    {"BRD", "Oak Chopping Board", "", 2400, 5200, 1200, 2, 8, "441990"},
    {"LMP", "Table Lamp", "", 4500, 12000, 2100, 1, 9, "940520"},
    {"DIF", "Reed Diffuser", "100 ml", 1800, 3400, 380, 12, 10, "330749"},
    {"APR", "Linen Apron", "", 2200, 3800, 260, 5, 7, "621149"},
    {"NPK", "Cotton Napkins Set of 4", "", 1200, 2200, 180, 10, 11, "630251"},
    {"TRY", "Serving Tray", "", 2200, 4600, 800, 2, 8, "441990"},
};

const char *const kCollections[] = {"Hearth",   "Fieldhouse", "Coastal", "Nordic",
                                    "Heritage", "Meadow",     "Harbour", "Ridge",
                                    "Orchard",  "Moorland",   "Linden",  "Wren"};

struct Colour
{
    const char *name;
    const char *code;
};

const Colour kColours[] = {{"Sage", "SAG"}, {"Oat", "OAT"},  {"Charcoal", "CHA"}, {"Ochre", "OCH"},
                           {"Rust", "RUS"}, {"Sky", "SKY"},  {"Ink", "INK"},      {"Clay", "CLA"},
                           {"Moss", "MOS"}, {"Sand", "SAN"}, {"Chalk", "CHK"},    {"Plum", "PLU"}};

// Prices end as shops price them: .00, .50 or .95.
int shopPrice(DemoRandom &r, int lo, int hi)
{
    const int pounds = static_cast<int>(r.between(lo / 100, hi / 100));
    const int endings[] = {0, 50, 95, 95};
    return pounds * 100 + endings[r.between(0, 3)];
}

} // namespace

QList<models::Supplier> demoSuppliers()
{
    struct S
    {
        const char *name;
        const char *email;
        const char *currency;
        int lead;
    };
    const S suppliers[] = {
        {"Dales Pottery Ltd", "orders@dalespottery.example", "GBP", 14},
        {"Staffordshire Ceramics Co.", "trade@staffsceramics.example", "GBP", 21},
        {"Lancashire Linen Mill", "sales@lancslinen.example", "GBP", 10},
        {"Cotswold Candle Works", "wholesale@cotswoldcandle.example", "GBP", 7},
        {"Nordhaus Glas GmbH", "bestellung@nordhausglas.example", "EUR", 28},
        {"Porto Cork & Co", "export@portocork.example", "EUR", 35},
        {"Hanoi Handwoven", "export@hanoihandwoven.example", "USD", 45},
        {"Jaipur Textile House", "orders@jaipurtextile.example", "USD", 42},
        {"Kent Woodcraft", "hello@kentwoodcraft.example", "GBP", 12},
        {"Brightlight Lamps", "trade@brightlight.example", "GBP", 21},
        {"Aroma Atelier", "commandes@aroma-atelier.example", "EUR", 14},
        {"Shenzhen Homeware Export", "sales@szhomeware.example", "USD", 40},
    };
    QList<models::Supplier> out;
    for (const S &s : suppliers) {
        models::Supplier sup;
        sup.name = QString::fromUtf8(s.name);
        sup.email = QString::fromLatin1(s.email);
        sup.currency = QString::fromLatin1(s.currency);
        sup.leadTimeDays = s.lead;
        out.append(sup);
    }
    return out;
}

std::vector<DemoProduct> demoCatalogue(quint64 seed, int count)
{
    std::vector<DemoProduct> out;
    out.reserve(static_cast<size_t>(count));
    constexpr int categoryCount = sizeof(kCategories) / sizeof(kCategories[0]);

    // Shuffle ranks so the best sellers are spread over categories.
    std::vector<int> rank(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i)
        rank[static_cast<size_t>(i)] = i;
    DemoRandom shuffle = DemoRandom::forEntity(seed, 2, 0);
    for (int i = count - 1; i > 0; --i)
        std::swap(rank[static_cast<size_t>(i)], rank[static_cast<size_t>(shuffle.between(0, i))]);

    for (int i = 0; i < count; ++i) {
        DemoRandom r = DemoRandom::forEntity(seed, 3, static_cast<quint64>(i));
        const Category &cat = kCategories[i % categoryCount];
        const QString collection = QString::fromLatin1(r.pick(kCollections));
        const Colour &colour = r.pick(kColours);

        DemoProduct d;
        models::Product &p = d.product;
        p.sku = QStringLiteral("HF-%1-%2-%3")
                    .arg(QLatin1String(cat.code))
                    .arg(i + 1, 4, 10, QLatin1Char('0'))
                    .arg(QLatin1String(colour.code));
        p.name =
            QStringLiteral("%1 %2%3 – %4")
                .arg(collection, QString::fromLatin1(cat.name),
                     *cat.size ? QStringLiteral(", ") + QString::fromLatin1(cat.size) : QString(),
                     QString::fromLatin1(colour.name));
        const int price = shopPrice(r, cat.priceLo, cat.priceHi);
        p.price = models::Money(price, QStringLiteral("GBP"));
        p.cost = models::Money(price * r.between(30, 48) / 100, QStringLiteral("GBP"));
        p.weightGrams = static_cast<int>(cat.weightGrams * r.between(85, 115) / 100);
        p.packSize = cat.packSize;
        p.hsCode = QString::fromLatin1(cat.hsCode);
        p.originCountry = QString::fromLatin1(kSupplierOrigin[cat.supplier]);
        if (r.chance(100))
            p.leadTimeDays = static_cast<int>(r.between(5, 60));

        // EAN-13 under a UK company prefix; some imported lines carry a UPC-A as well,
        // and a few carry only the UPC-A.
        const QString ean = models::gtin::withCheckDigit(
            QStringLiteral("5061234%1").arg(i + 1, 5, 10, QLatin1Char('0')));
        const QString upc = models::gtin::withCheckDigit(
            QStringLiteral("084123%1").arg(i + 1, 5, 10, QLatin1Char('0')));
        const int kind = static_cast<int>(r.between(0, 99));
        if (kind < 85) {
            p.barcodes.append({ean, models::BarcodeSymbology::Ean13, true});
        } else if (kind < 95) {
            p.barcodes.append({ean, models::BarcodeSymbology::Ean13, true});
            p.barcodes.append({upc, models::BarcodeSymbology::UpcA, false});
        } else {
            p.barcodes.append({upc, models::BarcodeSymbology::UpcA, true});
        }

        d.popularity = 1000000 / (rank[static_cast<size_t>(i)] + 8);
        d.supplierIndex = cat.supplier;
        d.stockedAt[0] = true;
        d.stockedAt[1] = r.chance(700);
        d.stockedAt[2] = r.chance(250);
        d.stockedAt[3] = r.chance(400);
        out.push_back(std::move(d));
    }
    return out;
}

namespace {

// The best sellers of a category, most popular first.
std::vector<int> bestSellers(const std::vector<DemoProduct> &catalogue, const char *category)
{
    std::vector<int> out;
    const QString prefix = QStringLiteral("HF-%1-").arg(QLatin1String(category));
    for (size_t i = 0; i < catalogue.size(); ++i)
        if (catalogue[i].product.sku.startsWith(prefix))
            out.push_back(static_cast<int>(i));
    std::stable_sort(out.begin(), out.end(), [&catalogue](int a, int b) {
        return catalogue[static_cast<size_t>(a)].popularity >
               catalogue[static_cast<size_t>(b)].popularity;
    });
    return out;
}

} // namespace

std::vector<DemoKit> demoKits(const std::vector<DemoProduct> &catalogue)
{
    const std::vector<int> mugs = bestSellers(catalogue, "MUG");
    const std::vector<int> coasters = bestSellers(catalogue, "CST");
    const std::vector<int> plates = bestSellers(catalogue, "PLT");
    const std::vector<int> bowls = bestSellers(catalogue, "BWL");
    if (mugs.empty() || coasters.empty() || plates.empty() || bowls.empty())
        return {};
    const int secondMug = mugs.size() > 1 ? mugs[1] : mugs[0];

    struct Plan
    {
        const char *sku;
        const char *name;
        std::vector<std::pair<int, int>> parts;
        int pricePercent; // of the parts' shelf prices
        qint64 popularity;
    };
    const Plan plans[] = {
        {"HF-KIT-GIFT-01",
         "%1 Mug & Coaster Gift Set – %2",
         {{mugs[0], 2}, {coasters[0], 1}},
         90,
         50},
        {"HF-KIT-MUG6-01", "%1 Stoneware Mug, Multipack of 6 – %2", {{secondMug, 6}}, 80, 30},
        {"HF-KIT-DINE-01",
         "%1 Dinnerware Starter Set for 4",
         {{plates[0], 4}, {bowls[0], 4}, {mugs[0], 4}},
         85,
         20},
    };

    std::vector<DemoKit> out;
    int number = 0;
    for (const Plan &plan : plans) {
        DemoKit kit;
        models::Product &p = kit.product;
        p.sku = QString::fromLatin1(plan.sku);
        // Named after its main part's collection and colour: "Hearth Stoneware Mug,
        // 350 ml – Sage" gives "Hearth" and "Sage".
        const QString mainName =
            catalogue[static_cast<size_t>(plan.parts.front().first)].product.name;
        p.name = QString::fromUtf8(plan.name).arg(mainName.section(QLatin1Char(' '), 0, 0));
        if (p.name.contains(QLatin1String("%2")))
            p.name = p.name.arg(mainName.section(QStringLiteral(" – "), 1));
        qint64 price = 0;
        qint64 cost = 0;
        for (const auto &[index, quantity] : plan.parts) {
            const models::Product &part = catalogue[static_cast<size_t>(index)].product;
            price += part.price.minorUnits() * quantity;
            cost += part.cost.minorUnits() * quantity;
            p.weightGrams += part.weightGrams * quantity;
        }
        // A whole-pound price ending .95, below the parts bought one by one.
        price = price * plan.pricePercent / 100 / 100 * 100 - 5;
        p.price = models::Money(price, QStringLiteral("GBP"));
        p.cost = models::Money(cost, QStringLiteral("GBP"));
        const models::Product &main =
            catalogue[static_cast<size_t>(plan.parts.front().first)].product;
        p.hsCode = main.hsCode;
        p.originCountry = main.originCountry;
        p.barcodes.append({models::gtin::withCheckDigit(
                               QStringLiteral("5061235%1").arg(++number, 5, 10, QLatin1Char('0'))),
                           models::BarcodeSymbology::Ean13, true});
        kit.parts = plan.parts;
        kit.popularity = plan.popularity;
        out.push_back(std::move(kit));
    }
    return out;
}

} // namespace app::demo
