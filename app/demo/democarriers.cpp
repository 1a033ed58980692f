#include "app/demo/democarriers.h"

namespace app::demo {

namespace {

struct Band
{
    const char *from; // origin country
    const char *to;   // destination; nullptr: anywhere else
    const char *prefix;
    int maxGrams; // 0: any weight
    int pence;
    int days; // -1: the service's
};

struct ServicePlan
{
    int carrier; // index into the carriers below
    const char *name;
    const char *level;
    int transitDays;
    QTime cutoff;
    std::initializer_list<Band> bands;
};

models::ShippingRate rateOf(const Band &b, int serviceDays)
{
    models::ShippingRate r;
    r.fromCountry = QString::fromLatin1(b.from);
    r.country = b.to ? QString::fromLatin1(b.to) : QString();
    r.postcodePrefix = QString::fromLatin1(b.prefix);
    if (b.maxGrams > 0)
        r.maxWeightGrams = b.maxGrams;
    r.costMinor = b.pence;
    r.currency = QStringLiteral("GBP");
    r.transitDays = b.days >= 0 ? b.days : serviceDays;
    return r;
}

} // namespace

void addDemoCarriers(storage::SqliteBulkLoader &loader)
{
    struct CarrierPlan
    {
        const char *code;
        const char *name;
        const char *amazon; // nullptr: "Other" and the name
        models::TrackingScheme scheme;
        const char *prefix;
        const char *suffix;
        int digits;
        qint64 next;
        const char *url;
    };
    const CarrierPlan carriers[] = {
        {"royal_mail", "Royal Mail", "Royal Mail", models::TrackingScheme::S10, "TT", "GB", 8,
         40000001, "https://www.royalmail.com/track-your-item#/tracking-results/{tracking}"},
        {"dpd", "DPD", "DPD", models::TrackingScheme::Luhn, "1550", "", 10, 700000001,
         "https://track.dpd.co.uk/parcels/{tracking}"},
        {"evri", "Evri", nullptr, models::TrackingScheme::None, "", "", 8, 1,
         "https://www.evri.com/track/parcel/{tracking}"},
        {"dhl", "DHL", "DHL", models::TrackingScheme::None, "", "", 8, 1,
         "https://www.dhl.com/gb-en/home/tracking.html?tracking-id={tracking}"},
    };
    for (int i = 0; i < 4; ++i) {
        const CarrierPlan &p = carriers[i];
        models::Carrier c;
        c.id = i + 1;
        c.code = QString::fromLatin1(p.code);
        c.name = QString::fromLatin1(p.name);
        c.amazonCode = p.amazon ? QString::fromLatin1(p.amazon) : QString();
        c.ebayName = c.name;
        c.trackingScheme = p.scheme;
        c.trackingPrefix = QString::fromLatin1(p.prefix);
        c.trackingSuffix = QString::fromLatin1(p.suffix);
        c.trackingDigits = p.digits;
        c.trackingNext = p.next;
        loader.addCarrier(c, QString::fromLatin1(p.url));
    }

    // Prices in pence, before VAT, per parcel; bands up to the weight in grams.
    const ServicePlan services[] = {
        {0,
         "Royal Mail Tracked 24",
         "next_day",
         1,
         QTime(16, 30),
         {{"GB", "GB", "", 1000, 445, -1},
          {"GB", "GB", "", 2000, 495, -1},
          {"GB", "GB", "", 10000, 795, -1},
          {"GB", "GB", "", 20000, 1095, -1},
          {"GB", "GB", "BT", 20000, 1295, 2},
          {"GB", "GB", "HS", 20000, 1395, 3},
          {"GB", "GB", "ZE", 20000, 1395, 3}}},
        {0,
         "Royal Mail Tracked 48",
         "standard",
         2,
         QTime(16, 30),
         {{"GB", "GB", "", 1000, 335, -1},
          {"GB", "GB", "", 2000, 395, -1},
          {"GB", "GB", "", 10000, 695, -1},
          {"GB", "GB", "", 20000, 995, -1},
          {"GB", "GB", "BT", 20000, 1195, 3},
          {"GB", "GB", "HS", 20000, 1295, 4},
          {"GB", "GB", "ZE", 20000, 1295, 4}}},
        {0,
         "Royal Mail International Tracked",
         "standard",
         5,
         QTime(16, 30),
         {{"GB", "IE", "", 2000, 950, 4},
          {"GB", "IE", "", 5000, 1550, 4},
          {"GB", "DE", "", 2000, 1050, 4},
          {"GB", "DE", "", 5000, 1650, 4},
          {"GB", "FR", "", 2000, 1050, 4},
          {"GB", "FR", "", 5000, 1650, 4},
          {"GB", "NL", "", 2000, 1050, 4},
          {"GB", "NL", "", 5000, 1650, 4},
          {"GB", "US", "", 2000, 1450, 6},
          {"GB", "US", "", 5000, 2650, 6},
          {"GB", "CA", "", 2000, 1450, 7},
          {"GB", "CA", "", 5000, 2650, 7},
          {"GB", "AU", "", 2000, 1950, 9},
          {"GB", "AU", "", 5000, 3450, 9},
          {"GB", nullptr, "", 2000, 1950, 8}}},
        {1,
         "DPD Next Day",
         "next_day",
         1,
         QTime(17, 0),
         {{"GB", "GB", "", 10000, 695, -1},
          {"GB", "GB", "", 30000, 895, -1},
          {"GB", "GB", "BT", 30000, 1495, 2}}},
        {1,
         "DPD Classic",
         "standard",
         2,
         QTime(17, 0),
         {{"NL", "NL", "", 20000, 450, 1},
          {"NL", "BE", "", 20000, 550, 1},
          {"NL", "DE", "", 20000, 650, 2},
          {"NL", "FR", "", 20000, 650, 2},
          {"NL", "IE", "", 20000, 750, 3},
          {"GB", "IE", "", 20000, 1150, 3},
          {"GB", "DE", "", 20000, 1150, 3},
          {"GB", "FR", "", 20000, 1150, 3},
          {"GB", "NL", "", 20000, 1150, 3}}},
        {2,
         "Evri Standard",
         "economy",
         3,
         QTime(15, 0),
         {{"GB", "GB", "", 1000, 289, -1},
          {"GB", "GB", "", 2000, 329, -1},
          {"GB", "GB", "", 15000, 499, -1}}},
        {3,
         "DHL Express Europe",
         "express",
         1,
         QTime(17, 30),
         {{"NL", "NL", "", 5000, 950, 1},
          {"NL", "DE", "", 5000, 1250, 1},
          {"NL", "FR", "", 5000, 1250, 1},
          {"NL", "IE", "", 5000, 1350, 2},
          {"GB", "IE", "", 5000, 1650, 2},
          {"GB", "DE", "", 5000, 1650, 2},
          {"GB", "FR", "", 5000, 1650, 2},
          {"GB", "NL", "", 5000, 1650, 2}}},
        {3,
         "DHL Express Worldwide",
         "express",
         3,
         QTime(17, 30),
         {{"GB", "US", "", 5000, 2450, 3},
          {"GB", "CA", "", 5000, 2450, 3},
          {"GB", "AU", "", 5000, 2950, 4},
          {"GB", nullptr, "", 5000, 3450, 5},
          {"NL", "US", "", 5000, 2650, 3},
          {"NL", nullptr, "", 5000, 3450, 5}}},
    };
    qint64 id = 0;
    for (const ServicePlan &p : services) {
        models::CarrierService s;
        s.id = ++id;
        s.carrierId = p.carrier + 1;
        s.name = QString::fromLatin1(p.name);
        s.serviceLevel = QString::fromLatin1(p.level);
        s.transitDays = p.transitDays;
        s.cutoff = p.cutoff;
        for (const Band &b : p.bands)
            s.rates.append(rateOf(b, p.transitDays));
        loader.addCarrierService(s);
    }
}

} // namespace app::demo
