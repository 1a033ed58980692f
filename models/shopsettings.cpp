#include "models/shopsettings.h"

#include "models/money.h"
#include "models/orderpriority.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <iterator>
#include <tuple>

namespace models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ShopSettings", text);
}

// ISO 4217 codes of currencies in use (funds, metals and testing codes left out).
constexpr const char *kCurrencies[] = {
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
};

const QStringList kLocationKinds{QStringLiteral("warehouse"), QStringLiteral("store"),
                                 QStringLiteral("3pl")};

// Bounds for the counts on the Locations and Channels pages.
constexpr int kMaxBuffer = 100'000;
constexpr int kMaxCapacity = 1'000'000;
constexpr int kMaxRoutingPriority = 999;
constexpr int kMaxNameLength = 100;

SettingSpec text(const char *key, const char *label, const char *defaultValue)
{
    return {QString::fromLatin1(key),
            tr(label),
            SettingKind::Text,
            QString::fromUtf8(defaultValue),
            {}};
}

SettingSpec choice(const char *key, const char *label, const char *defaultValue,
                   QStringList choices)
{
    return {QString::fromLatin1(key), tr(label), SettingKind::Choice,
            QString::fromLatin1(defaultValue), std::move(choices)};
}

SettingSpec count(const char *key, const char *label, int defaultValue, int minimum, int maximum)
{
    return {QString::fromLatin1(key),
            tr(label),
            SettingKind::Count,
            QString::number(defaultValue),
            {},
            minimum,
            maximum};
}

SettingSpec of(SettingKind kind, const char *key, const char *label, const char *defaultValue)
{
    return {QString::fromLatin1(key), tr(label), kind, QString::fromLatin1(defaultValue), {}};
}

QString inPage(const QString &page, const QString &field, const QString &problem)
{
    return QStringLiteral("%1 › %2: %3").arg(page, field, problem);
}

} // namespace

const QList<SettingSpec> &settingSpecs()
{
    static const QList<SettingSpec> specs{
        text("shop.name", "Shop name", "My shop"),
        of(SettingKind::Currency, "shop.currency", "Currency", "GBP"),
        choice("allocation.split", "Split orders", "allow",
               {QStringLiteral("never"), QStringLiteral("ask"), QStringLiteral("allow")}),
        choice("allocation.shortfall", "When stock is short", "backorder",
               {QStringLiteral("backorder"), QStringLiteral("hold")}),
        of(SettingKind::Amount, "allocation.wait_cost_per_day_minor", "Cost of a day's wait",
           "100"),
        count("allocation.restock_days", "Restock days", 7, 0, 365),
        of(SettingKind::Priority, "allocation.priority", "Priority order",
           "manual,expedited,ship_by,vip_value,placed"),
        of(SettingKind::Amount, "allocation.high_value_minor", "High-value order", "15000"),
        count("allocation.quantity_factor", "Times the usual quantity", 10, 1, 1000),
        count("allocation.quantity_minimum", "Unusual from (units)", 10, 0, 100'000),
        count("allocation.duplicate_window_minutes", "Duplicate window (minutes)", 60, 0,
              7 * 24 * 60),
        choice("picking.short_pick", "Short pick", "hold",
               {QStringLiteral("hold"), QStringLiteral("backorder")}),
        count("returns.restocking_fee_percent", "Restocking fee (%)", 0, 0, 100),
        count("returns.inspection_days", "Inspection overdue after (days)", 3, 0, 365),
        of(SettingKind::Optional, "shopify.location", "Shopify location", ""),
    };
    return specs;
}

std::optional<SettingSpec> settingSpec(QStringView key)
{
    for (const SettingSpec &s : settingSpecs())
        if (s.key == key)
            return s;
    return std::nullopt;
}

bool operator==(const LocationSettings &a, const LocationSettings &b)
{
    const auto fields = [](const LocationSettings &l) {
        return std::tie(l.id, l.code, l.name, l.kind, l.active, l.shipsFromStore, l.storeBuffer,
                        l.dailyCapacity, l.routingPriority, l.allowsBackorders, l.defaultReturns,
                        l.address.line1, l.address.line2, l.address.city, l.address.region,
                        l.address.postcode, l.address.country);
    };
    return fields(a) == fields(b);
}

QString ShopSettings::value(const QString &key) const
{
    if (const auto it = values.constFind(key); it != values.cend())
        return it.value();
    const std::optional<SettingSpec> spec = settingSpec(key);
    return spec ? spec->defaultValue : QString();
}

bool isIsoCurrency(QStringView code)
{
    if (code.size() != 3)
        return false;
    const QByteArray latin = code.toLatin1();
    return std::any_of(std::begin(kCurrencies), std::end(kCurrencies),
                       [&](const char *c) { return latin == c; });
}

Result<QString> parseCurrencyCode(QStringView text)
{
    const QString code = text.trimmed().toString().toUpper();
    if (code.isEmpty())
        return Error{tr("give a three-letter currency code such as GBP, EUR or USD")};
    if (code.size() != 3 || !isIsoCurrency(code))
        return Error{tr("\"%1\" is not an ISO 4217 currency code (GBP, EUR, USD, ...)")
                         .arg(text.trimmed().toString())};
    return code;
}

Result<int> parseWholeNumber(QStringView text, int minimum, int maximum)
{
    const QStringView t = text.trimmed();
    const QString range = tr("a whole number from %1 to %2").arg(minimum).arg(maximum);
    if (t.isEmpty())
        return Error{tr("give %1").arg(range)};
    bool ok = false;
    const qint64 v = t.toLongLong(&ok);
    if (!ok)
        return Error{tr("\"%1\" is not %2").arg(t.toString(), range)};
    if (v < minimum || v > maximum)
        return Error{tr("%1 is outside the range: use %2").arg(t.toString(), range)};
    return int(v);
}

Result<int> parsePercent(QStringView text)
{
    QStringView t = text.trimmed();
    if (t.endsWith(QLatin1Char('%')))
        t = t.chopped(1).trimmed();
    return parseWholeNumber(t, 0, 100);
}

Result<qint64> parseAmountMinor(QStringView text, const QString &currency)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return Error{tr("give an amount, 0 or more")};
    Result<Money> m = Money::parse(t, currency);
    if (!m.ok())
        return Error{tr("\"%1\" is not an amount of money").arg(t.toString())};
    if (m->currency() != currency)
        return Error{tr("\"%1\" is in %2; amounts are in the shop's currency, %3")
                         .arg(t.toString(), m->currency(), currency)};
    if (m->isNegative())
        return Error{tr("\"%1\" is less than nothing: use 0 or more").arg(t.toString())};
    return m->minorUnits();
}

QString amountText(qint64 minor, const QString &currency)
{
    return Money(minor, currency).toPlainString();
}

Result<QString> parsePriorityCriteria(QStringView text)
{
    Result<PriorityPolicy> p = PriorityPolicy::parse(text, 0);
    if (!p.ok())
        return Error{p.error()};
    QStringList codes;
    for (PriorityCriterion c : p->criteria)
        codes.append(priorityCriterionCode(c));
    return codes.join(QLatin1Char(','));
}

Result<QString> parseCountryCode(QStringView text)
{
    const QString code = text.trimmed().toString().toUpper();
    const bool letters = code.size() == 2 && std::all_of(code.cbegin(), code.cend(), [](QChar c) {
                             return c >= QLatin1Char('A') && c <= QLatin1Char('Z');
                         });
    if (!letters)
        return Error{code.isEmpty() ? tr("give the two-letter country code, e.g. GB")
                                    : tr("\"%1\" is not a two-letter country code such as GB, "
                                         "US or DE")
                                          .arg(text.trimmed().toString())};
    return code;
}

Result<QString> checkSetting(const SettingSpec &spec, QStringView value)
{
    auto named = [&spec](const QString &problem) {
        return Error{QStringLiteral("%1: %2").arg(spec.label, problem)};
    };
    const QStringView v = value.trimmed();
    switch (spec.kind) {
    case SettingKind::Text:
        if (v.isEmpty())
            return named(tr("cannot be empty"));
        if (v.size() > kMaxNameLength)
            return named(tr("is longer than %1 characters").arg(kMaxNameLength));
        return v.toString();
    case SettingKind::Optional:
        if (v.size() > kMaxNameLength)
            return named(tr("is longer than %1 characters").arg(kMaxNameLength));
        return v.toString();
    case SettingKind::Currency: {
        Result<QString> c = parseCurrencyCode(v);
        return c.ok() ? c : named(c.error());
    }
    case SettingKind::Choice: {
        const QString code = v.toString().toLower();
        if (!spec.choices.contains(code))
            return named(tr("\"%1\" is not one of %2")
                             .arg(v.toString(), spec.choices.join(QStringLiteral(", "))));
        return code;
    }
    case SettingKind::Count: {
        Result<int> n = parseWholeNumber(v, spec.minimum, spec.maximum);
        return n.ok() ? Result<QString>(QString::number(*n)) : named(n.error());
    }
    case SettingKind::Amount: {
        // Stored as minor units: a whole number, 0 or more.
        bool ok = false;
        const qint64 minor = v.toLongLong(&ok);
        if (!ok || minor < 0)
            return named(tr("\"%1\" is not an amount of 0 or more in minor units (pence, cents)")
                             .arg(v.toString()));
        return QString::number(minor);
    }
    case SettingKind::Priority: {
        Result<QString> p = parsePriorityCriteria(v);
        return p.ok() ? p : named(p.error());
    }
    }
    return v.toString();
}

namespace {

Status validateChannels(const QList<ChannelSettings> &channels)
{
    const QString page = tr("Channels");
    for (const ChannelSettings &c : channels) {
        const QString who = c.name.isEmpty() ? c.code : c.name;
        if (c.name.trimmed().isEmpty())
            return Error{inPage(page, c.code, tr("the channel needs a name"))};
        if (c.stockBuffer < 0 || c.stockBuffer > kMaxBuffer)
            return Error{inPage(page, who,
                                tr("units held back must be from 0 to %1, not %2")
                                    .arg(kMaxBuffer)
                                    .arg(c.stockBuffer))};
    }
    return {};
}

Status validateLocation(const LocationSettings &l)
{
    const QString page = tr("Locations");
    const QString who = l.code.trimmed().isEmpty() ? tr("new location") : l.code.trimmed();
    auto problem = [&](const char *field, const QString &what) {
        return Status(Error{inPage(page, who + QStringLiteral(" › ") + tr(field), what)});
    };
    const QString code = l.code.trimmed();
    if (code.isEmpty())
        return problem("Code", tr("give a short code such as LDS"));
    if (code.size() > 20 || code.contains(QLatin1Char(' ')))
        return problem("Code", tr("use up to 20 letters or digits without spaces"));
    if (l.name.trimmed().isEmpty())
        return problem("Name", tr("cannot be empty"));
    if (l.name.trimmed().size() > kMaxNameLength)
        return problem("Name", tr("is longer than %1 characters").arg(kMaxNameLength));
    if (!kLocationKinds.contains(l.kind))
        return problem("Kind", tr("\"%1\" is not warehouse, store or 3pl").arg(l.kind));
    if (l.storeBuffer < 0 || l.storeBuffer > kMaxBuffer)
        return problem(
            "Store buffer",
            tr("use a whole number from 0 to %1, not %2").arg(kMaxBuffer).arg(l.storeBuffer));
    if (l.dailyCapacity && (*l.dailyCapacity < 0 || *l.dailyCapacity > kMaxCapacity))
        return problem("Daily capacity",
                       tr("use a whole number from 0 to %1, or leave it empty").arg(kMaxCapacity));
    if (l.routingPriority < 0 || l.routingPriority > kMaxRoutingPriority)
        return problem("Routing priority",
                       tr("use a whole number from 0 to %1").arg(kMaxRoutingPriority));
    if (Result<QString> c = parseCountryCode(l.address.country); !c.ok())
        return problem("Country", c.error());
    return {};
}

} // namespace

Status validateSettings(const ShopSettings &settings)
{
    const QMap<QString, QString> pages{
        {QStringLiteral("shop"), tr("Shop")},
        {QStringLiteral("allocation"), tr("Allocation")},
        {QStringLiteral("picking"), tr("Picking and packing")},
        {QStringLiteral("returns"), tr("Returns")},
        {QStringLiteral("shopify"), tr("Channels")},
    };
    for (const SettingSpec &spec : settingSpecs()) {
        Result<QString> v = checkSetting(spec, settings.value(spec.key));
        if (!v.ok())
            return Error{QStringLiteral("%1 › %2").arg(
                pages.value(spec.key.section(QLatin1Char('.'), 0, 0)), v.error())};
    }
    if (Status s = validateChannels(settings.channels); !s)
        return s;

    QSet<QString> codes;
    int defaultReturns = 0;
    int active = 0;
    for (const LocationSettings &l : settings.locations) {
        if (Status s = validateLocation(l); !s)
            return s;
        const QString code = l.code.trimmed().toUpper();
        if (codes.contains(code))
            return Error{
                inPage(tr("Locations"), l.code.trimmed(),
                       tr("another location already has the code %1").arg(l.code.trimmed()))};
        codes.insert(code);
        defaultReturns += l.defaultReturns ? 1 : 0;
        active += l.active ? 1 : 0;
    }
    if (defaultReturns > 1)
        return Error{inPage(tr("Returns"), tr("Default returns location"),
                            tr("choose one location, not %1").arg(defaultReturns))};
    if (!settings.locations.isEmpty() && active == 0)
        return Error{inPage(tr("Locations"), tr("Active"),
                            tr("keep at least one location active, or no order can ship"))};
    for (const LocationSettings &l : settings.locations)
        if (l.defaultReturns && !l.active)
            return Error{
                inPage(tr("Returns"), tr("Default returns location"),
                       tr("%1 is not active; choose an active location").arg(l.code.trimmed()))};
    return {};
}

} // namespace models
