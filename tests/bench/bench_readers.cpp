// Times the order-file readers on large, realistic exports: a Shopify CSV of
// 100,000 orders (about 250,000 rows, 79 columns, multi-line orders, quoted
// addresses, multi-line notes, non-Latin names) and an Amazon order report TSV of
// the same size. Each file is written to a temporary folder, then read twice:
// once by CsvReader alone (the floor) and once through openOrderFile + next().
// Usage: bench_readers [--orders N] [--runs R] [--keep DIR [--reuse]]
// (--keep leaves the files in DIR; --reuse reads the ones already there, for profiling.)
// Target: the Shopify file through openOrderFile + next() in <= 0.5 s (Release),
// so that parse + database writes of 100,000 orders stay <= 1.5 s.
#include "importers/csvreader.h"
#include "importers/orderfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <random>

namespace {

// Deterministic, so every run reads the same bytes.
class Dice
{
public:
    explicit Dice(quint32 seed) : m_engine(seed) {}
    int below(int n) { return int(m_engine() % quint32(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename T, std::size_t N> const T &pick(const std::array<T, N> &from)
    {
        return from[std::size_t(below(int(N)))];
    }

private:
    std::mt19937 m_engine;
};

constexpr std::array<const char *, 12> kFirstNames = {"Jordan",
                                                      "Alex",
                                                      "Sam",
                                                      "Kim",
                                                      "Pat",
                                                      "Zo\xc3\xab",
                                                      "J\xc3\xbcrgen",
                                                      "Chris",
                                                      "\xe5\xa4\xaa\xe9\x83\x8e",
                                                      "\xce\x95\xce\xbb\xce\xad\xce\xbd\xce\xb7",
                                                      "Morgan",
                                                      "Taylor"};
constexpr std::array<const char *, 10> kLastNames = {
    "Sample",
    "M\xc3\xbcller",
    "O'Brien",
    "Smith",
    "Nguyen",
    "\xe5\xb1\xb1\xe7\x94\xb0",
    "\xce\xa0\xce\xb1\xcf\x80\xce\xb1\xce\xb4\xcf\x8c\xcf\x80\xce\xbf\xcf\x85\xce\xbb\xce\xbf\xcf"
    "\x82",
    "Jones",
    "Williams",
    "Brown"};
constexpr std::array<const char *, 8> kStreets = {"Example Grove",
                                                  "Sample Road",
                                                  "High Street",
                                                  "Church Lane",
                                                  "Station Road",
                                                  "Mill Way",
                                                  "Rue de l'\xc3\x89glise",
                                                  "Market Square"};
constexpr std::array<const char *, 8> kCities = {"Sydney",      "Leeds",     "Bournemouth",
                                                 "Springfield", "Austin",    "M\xc3\xbcnchen",
                                                 "Oldham",      "Wellington"};
struct Region
{
    const char *province;
    const char *country;
    const char *provinceName;
};
constexpr std::array<Region, 5> kRegions = {{{"NSW", "AU", "New South Wales"},
                                             {"ENG", "GB", "England"},
                                             {"CA", "US", "California"},
                                             {"TX", "US", "Texas"},
                                             {"BY", "DE", "Bavaria"}}};
constexpr std::array<const char *, 10> kProducts = {
    "Classic Black T-Shirt - L / Standard Shirt",
    "Stubby Cooler - Black/gold",
    "Strapless Ruched Mini Dress - White / S",
    "Women\xe2\x80\x99s Sparkle Off-Shoulder Maxi Dress - Brown / S",
    "Ceramic Mug 11oz \"Blue\"",
    "Cork Coaster 4-pack",
    "Crew Tee Black M",
    "Canvas Tote, Natural",
    "Enamel Pin Set (3)",
    "Poster A2 - Limited Edition"};
constexpr std::array<const char *, 4> kShipping = {"Standard Shipping", "Express Post",
                                                   "Shipped by Seller: Shipped by seller", ""};

QByteArray csvQuoted(const QByteArray &text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n'))
        return text;
    QByteArray out = text;
    out.replace("\"", "\"\"");
    return '"' + out + '"';
}

QByteArray money(int cents)
{
    return QByteArray::number(cents / 100) + '.' + QByteArray::number(100 + cents % 100).mid(1);
}

QByteArray shopifyDate(int order, int secondsLater)
{
    const int seconds = 7 * 3600 + (order * 37 + secondsLater) % (16 * 3600);
    const int day = 1 + order % 28;
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "2026-06-%02d %02d:%02d:%02d +1000", day, seconds / 3600,
                  seconds / 60 % 60, seconds % 60);
    return buffer;
}

// How many lines an order has: 1 to 5, 2.5 on average.
int lineCount(Dice &dice)
{
    const int roll = dice.below(100);
    return roll < 30 ? 1 : roll < 55 ? 2 : roll < 75 ? 3 : roll < 90 ? 4 : 5;
}

struct Written
{
    qint64 rows = 0;
    qint64 bytes = 0;
};

bool flushTo(QFile &file, QByteArray &block, bool force)
{
    if (!force && block.size() < 1024 * 1024)
        return true;
    const bool ok = file.write(block) == block.size();
    block.clear();
    return ok;
}

Written writeShopify(const QString &path, int orders)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    Dice dice(1001);
    Written written;
    QByteArray block(
        "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts "
        "Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping "
        "Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at "
        "price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment "
        "status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing "
        "Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping "
        "Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping "
        "City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note "
        "Attributes,Cancelled at,Payment Method,Payment Reference,Refunded "
        "Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk "
        "Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 "
        "Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt "
        "Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms "
        "Name,Next Payment Due At,Payment References\n");
    ++written.rows;
    for (int o = 0; o < orders; ++o) {
        const QByteArray name = '#' + QByteArray::number(100000 + orders - o); // newest first
        const QByteArray buyer =
            QByteArray(dice.pick(kFirstNames)) + ' ' + QByteArray(dice.pick(kLastNames));
        const QByteArray email = "buyer" + QByteArray::number(o) + "@example.com";
        const Region &region = dice.pick(kRegions);
        const QByteArray street = QByteArray::number(1 + dice.below(200)) + ' ' +
                                  dice.pick(kStreets) + ", " + dice.pick(kCities);
        const QByteArray zip = qstrcmp(region.country, "AU") == 0
                                   ? "'" + QByteArray::number(2000 + dice.below(900))
                                   : QByteArray::number(10000 + dice.below(80000));
        const QByteArray phone = "+61400" + QByteArray::number(100000 + dice.below(900000));
        const QByteArray created = shopifyDate(o, 0);
        const QByteArray paid = shopifyDate(o, 1);
        const bool cancelled = dice.chance(3);
        const bool fulfilled = !cancelled && dice.chance(40);
        const QByteArray shipping = dice.pick(kShipping);
        const int lines = lineCount(dice);
        QList<int> prices;
        QList<int> quantities;
        int subtotal = 0;
        for (int l = 0; l < lines; ++l) {
            prices.append(500 + dice.below(9000));
            quantities.append(1 + (dice.chance(20) ? dice.below(3) : 0));
            subtotal += prices.last() * quantities.last();
        }
        const int shippingCents = shipping.isEmpty() ? 0 : 400 + dice.below(1200);
        const int tax = subtotal / 11;
        const QByteArray notes = dice.chance(10) ? csvQuoted("Please leave at the back door, "
                                                             "thanks")
                                                 : QByteArray();
        const QByteArray noteAttributes =
            dice.chance(15) ? csvQuoted("Customer Payment: \xc2\xa3" + money(subtotal) +
                                        "\nTikTok Shop Discount: \xc2\xa3"
                                        "11\ntiktok_fulfillment_type: 3PL")
                            : QByteArray("\"\"");
        for (int l = 0; l < lines; ++l) {
            const QByteArray sku =
                "SKU-" + QByteArray::number(1000 + (o * 7 + l * 13) % 5000) + "-BLK-M";
            const QByteArray lineitem = QByteArray::number(quantities[l]) + ',' +
                                        csvQuoted(kProducts[(o + l) % kProducts.size()]) + ',' +
                                        money(prices[l]) + ",," + sku + ",true,true," +
                                        (fulfilled ? "fulfilled" : "pending");
            if (l == 0) {
                block += name + ',' + email + ',' + (cancelled ? "refunded" : "paid") + ',' + paid +
                         ',' + (fulfilled ? "fulfilled" : "unfulfilled") + ',' +
                         (fulfilled ? shopifyDate(o, 86400) : QByteArray()) + ",no,AUD," +
                         money(subtotal) + ',' + money(shippingCents) + ',' + money(tax) + ',' +
                         money(subtotal + shippingCents) + ",,0.00," + csvQuoted(shipping) + ',' +
                         created + ',' + lineitem + ',' + csvQuoted(buyer) + ',' +
                         csvQuoted(street) + ',' + csvQuoted(street) + ",,," + dice.pick(kCities) +
                         ',' + zip + ',' + region.province + ',' + region.country + ',' + phone +
                         ',' + csvQuoted(buyer) + ',' + csvQuoted(street) + ',' +
                         csvQuoted(street) + ",,," + dice.pick(kCities) + ',' + zip + ',' +
                         region.province + ',' + region.country + ',' + phone + ',' + notes + ',' +
                         noteAttributes + ',' + (cancelled ? shopifyDate(o, 3600) : QByteArray()) +
                         ",Shopify Payments,rXXXXXXXXXXXXXXXXXXXXXX" + QByteArray::number(o) + ',' +
                         (cancelled ? money(subtotal + shippingCents) : "0.00") +
                         ",Vertex Graphics,0.00,,,," + QByteArray::number(12088417878384LL + o) +
                         ",\"NORMAL, Shipped by Seller\",Low,web,0.00,GST 10%," + money(tax) +
                         ",,,,,,,,,,,," + region.provinceName + ',' + region.provinceName + ",r" +
                         QByteArray::number(o) + ",,,r" + QByteArray::number(o) + '\n';
            } else {
                block +=
                    name + ',' + email + ",,,,,,,,,,,,,," + created + ',' + lineitem +
                    ",,,,,,,,,,,,,,,,,,,,,,,,,,,Vertex Graphics,,,,,,,,,0.00,,,,,,,,,,,,,,,,,,,"
                    "\n";
            }
            ++written.rows;
        }
        if (!flushTo(file, block, false))
            return {};
    }
    if (!flushTo(file, block, true))
        return {};
    written.bytes = file.size();
    return written;
}

Written writeAmazon(const QString &path, int orders)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    Dice dice(2002);
    Written written;
    QByteArray block(
        "order-id\torder-item-id\tpurchase-date\tpayments-date\tbuyer-email\tbuyer-name\tbuyer-"
        "phone-number\tsku\tproduct-name\tquantity-purchased\tcurrency\titem-price\titem-tax\tship"
        "ping-price\tshipping-tax\tship-service-level\trecipient-name\tship-address-1\tship-"
        "address-2\tship-address-3\tship-city\tship-state\tship-postal-code\tship-country\tship-"
        "phone-number\tbill-address-1\tbill-address-2\tbill-address-3\tbill-city\tbill-state\tbill-"
        "postal-code\tbill-country\titem-promotion-discount\titem-promotion-id\tship-promotion-"
        "discount\tship-promotion-id\tdelivery-start-date\tdelivery-end-date\tdelivery-time-"
        "zone\tdelivery-Instructions\tsales-channel\tlatest-ship-date\r\n");
    ++written.rows;
    for (int o = 0; o < orders; ++o) {
        char id[32];
        std::snprintf(id, sizeof id, "%03d-%07d-%07d", 111 + o % 800, o, (o * 7919) % 10000000);
        const QByteArray buyer =
            QByteArray(dice.pick(kFirstNames)) + ' ' + QByteArray(dice.pick(kLastNames));
        const QByteArray email = "x" + QByteArray::number(o) + "@marketplace.amazon.com";
        const QByteArray street =
            QByteArray::number(1 + dice.below(200)) + ' ' + QByteArray(dice.pick(kStreets));
        const Region &region = dice.pick(kRegions);
        char date[40];
        std::snprintf(date, sizeof date, "2026-07-%02dT%02d:%02d:%02d-07:00", 1 + o % 28, o % 24,
                      o % 60, (o * 7) % 60);
        const QByteArray level = dice.chance(20) ? "Expedited" : "Standard";
        const int lines = lineCount(dice);
        for (int l = 0; l < lines; ++l) {
            const int quantity = 1 + (dice.chance(20) ? dice.below(3) : 0);
            const int price = (500 + dice.below(9000)) * quantity;
            const bool promotion = dice.chance(10);
            block += QByteArray(id) + '\t' + QByteArray::number(10000000000000LL + o * 5 + l) +
                     '\t' + date + '\t' + date + '\t' + email + '\t' + buyer + "\t555-123-4567\t" +
                     "SKU-" + QByteArray::number(1000 + (o * 7 + l * 13) % 5000) + '\t' +
                     kProducts[(o + l) % kProducts.size()] + '\t' + QByteArray::number(quantity) +
                     "\tUSD\t" + money(price) + '\t' + money(price / 10) + '\t' + money(399) +
                     "\t0.00\t" + level + '\t' + buyer + '\t' + street + "\t\t\t" +
                     dice.pick(kCities) + '\t' + region.province + '\t' +
                     QByteArray::number(10000 + dice.below(80000)) + '\t' + region.country +
                     "\t555-123-4567\t\t\t\t\t\t\t\t" + (promotion ? money(100) : "0.00") + '\t' +
                     (promotion ? "PROMO-1" : "") + "\t0.00\t\t\t\t\t\tAmazon.com\t" + date +
                     "\r\n";
            ++written.rows;
            if (promotion && dice.chance(50)) {
                // A second promotion on the same item: a continuation row.
                block +=
                    QByteArray(id) + '\t' + QByteArray::number(10000000000000LL + o * 5 + l) +
                    "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t0.50\tPROMO-2"
                    "\t\t\t\t\t\t\t\t\r\n";
                ++written.rows;
            }
        }
        if (!flushTo(file, block, false))
            return {};
    }
    if (!flushTo(file, block, true))
        return {};
    written.bytes = file.size();
    return written;
}

struct Timing
{
    double seconds = 0;
    double cpuSeconds = 0; // the process's CPU time: steadier than the clock on a busy machine
    qint64 rows = 0;
    qint64 orders = 0;
    qint64 lines = 0;
    qint64 fieldErrors = 0;
    QString error;
};

Timing timeCsv(const QString &path)
{
    Timing timing;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        timing.error = file.errorString();
        return timing;
    }
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    importers::CsvReader reader(file, QFileInfo(path).fileName());
    importers::CsvRecord record;
    while (reader.next(record))
        ++timing.rows;
    timing.seconds = double(timer.nsecsElapsed()) / 1e9;
    timing.cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    if (!reader.status())
        timing.error = reader.status().error();
    return timing;
}

Timing timeReader(const QString &path)
{
    Timing timing;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        timing.error = file.errorString();
        return timing;
    }
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    auto opened = importers::openOrderFile(file, QFileInfo(path).fileName());
    if (!opened) {
        timing.error = opened.error();
        return timing;
    }
    importers::OrderFileReader &reader = **opened;
    models::ImportedOrder order;
    while (reader.next(order)) {
        ++timing.orders;
        timing.lines += order.lines.size();
        timing.fieldErrors += order.errors.size();
    }
    timing.seconds = double(timer.nsecsElapsed()) / 1e9;
    timing.cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    timing.rows = reader.recordsRead();
    if (!reader.status())
        timing.error = reader.status().error();
    return timing;
}

// The best of `runs`: the figure least disturbed by whatever else the machine does.
Timing best(int runs, Timing (*measure)(const QString &), const QString &path)
{
    Timing fastest;
    for (int r = 0; r < runs; ++r) {
        const Timing timing = measure(path);
        if (!timing.error.isEmpty())
            return timing;
        if (r == 0 || timing.seconds < fastest.seconds)
            fastest = timing;
    }
    return fastest;
}

void report(const char *what, const Timing &timing, const Written &written, const char *target)
{
    if (!timing.error.isEmpty()) {
        std::printf("  %-28s FAILED: %s\n", what, qPrintable(timing.error));
        return;
    }
    const double seconds = std::max(timing.seconds, 1e-9);
    std::printf("  %-24s %6.3f s (cpu %6.3f s)  %8.0f rows/s  %6.1f MB/s", what, timing.seconds,
                timing.cpuSeconds, double(timing.rows) / seconds,
                double(written.bytes) / 1e6 / seconds);
    if (timing.orders > 0)
        std::printf("  %lld orders, %lld lines, %lld field errors", timing.orders, timing.lines,
                    timing.fieldErrors);
    std::printf("  %s\n", target);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    int orders = 100'000;
    int runs = 3;
    QString keep;
    const bool reuse = args.contains(QLatin1String("--reuse"));
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--orders"))
            orders = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--runs"))
            runs = std::max(1, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--keep"))
            keep = args.at(i + 1);
    }
    QTemporaryDir temporary;
    const QString dir = keep.isEmpty() ? temporary.path() : keep;
    const QString shopifyPath = dir + QStringLiteral("/shopify_orders_export.csv");
    const QString amazonPath = dir + QStringLiteral("/amazon_order_report.txt");

    const bool written =
        reuse && !keep.isEmpty() && QFileInfo::exists(shopifyPath) && QFileInfo::exists(amazonPath);
    const Written shopify =
        written ? Written{0, QFileInfo(shopifyPath).size()} : writeShopify(shopifyPath, orders);
    const Written amazon =
        written ? Written{0, QFileInfo(amazonPath).size()} : writeAmazon(amazonPath, orders);
    if (shopify.bytes == 0 || amazon.bytes == 0) {
        std::fprintf(stderr, "bench_readers: cannot write the files in %s\n", qPrintable(dir));
        return 1;
    }
    std::printf("Shopify export: %s, %.1f MB, best of %d runs\n", qPrintable(shopifyPath),
                double(shopify.bytes) / 1e6, runs);
    report("CsvReader alone", best(runs, timeCsv, shopifyPath), shopify, "");
    report("openOrderFile + next()", best(runs, timeReader, shopifyPath), shopify,
           "[target: 100,000 orders <= 0.5 s]");
    std::printf("Amazon order report: %s, %.1f MB, best of %d runs\n", qPrintable(amazonPath),
                double(amazon.bytes) / 1e6, runs);
    report("CsvReader alone", best(runs, timeCsv, amazonPath), amazon, "");
    report("openOrderFile + next()", best(runs, timeReader, amazonPath), amazon,
           "[target: 100,000 orders <= 0.5 s]");
    return 0;
}
