#include "models/orderexceptions.h"

#include "models/shippingrate.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OrderExceptions", text);
}

struct PostcodeFormat
{
    const char *country;
    const char *pattern; // matched against the upper-cased, trimmed postcode
    const char *example;
};

// The formats the shop's markets use; a space is optional where people often drop it.
const PostcodeFormat kFormats[] = {
    {"GB", "^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$", "LS10 1AB"},
    {"US", "^[0-9]{5}(-[0-9]{4})?$", "11201"},
    {"DE", "^[0-9]{5}$", "10115"},
    {"FR", "^[0-9]{5}$", "75001"},
    {"AU", "^[0-9]{4}$", "2000"},
    {"CA", "^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$", "M5V 3L9"},
    {"NL", "^[1-9][0-9]{3} ?[A-Z]{2}$", "1011 AB"},
    {"IE", "^([AC-FHKNPRTV-Y][0-9]{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$", "D02 X285"},
    {"BE", "^[1-9][0-9]{3}$", "1000"},
    {"ES", "^[0-5][0-9]{4}$", "28001"},
    {"IT", "^[0-9]{5}$", "00118"},
};

// Places whose addresses have no postcode (Ireland has Eircodes, but many
// addresses are written without one, so there it is optional).
const char *const kNoPostcode[] = {"AE", "AG", "AO", "AW", "BS", "BZ", "BJ", "BO",
                                   "BW", "CW", "FJ", "GD", "GH", "HK", "IE", "JM",
                                   "KI", "MO", "QA", "TV", "UG", "ZW"};

const PostcodeFormat *formatFor(QStringView country)
{
    for (const PostcodeFormat &f : kFormats)
        if (country.compare(QLatin1StringView(f.country), Qt::CaseInsensitive) == 0)
            return &f;
    return nullptr;
}

const QRegularExpression &regexFor(const PostcodeFormat &format)
{
    // Built once per country; QRegularExpression is safe to share for matching.
    static QHash<const PostcodeFormat *, QRegularExpression> cache = [] {
        QHash<const PostcodeFormat *, QRegularExpression> all;
        for (const PostcodeFormat &f : kFormats)
            all.insert(&f, QRegularExpression(QString::fromLatin1(f.pattern)));
        return all;
    }();
    return cache[&format];
}

QString itemsKey(QList<QPair<QString, int>> items)
{
    for (auto &i : items)
        i.first = i.first.trimmed().toUpper();
    std::sort(items.begin(), items.end());
    QStringList parts;
    for (const auto &i : items)
        parts.append(QStringLiteral("%1x%2").arg(i.first).arg(i.second));
    return parts.join(QLatin1Char(','));
}

QString folded(const QString &s)
{
    return s.simplified().toCaseFolded();
}

} // namespace

QString holdKindCode(HoldKind kind)
{
    switch (kind) {
    case HoldKind::UnknownSku:
        return QStringLiteral("unknown_sku");
    case HoldKind::MissingAddress:
        return QStringLiteral("missing_address");
    case HoldKind::BadPostcode:
        return QStringLiteral("bad_postcode");
    case HoldKind::UnshippableCountry:
        return QStringLiteral("unshippable_country");
    case HoldKind::UnusualQuantity:
        return QStringLiteral("unusual_quantity");
    case HoldKind::LikelyDuplicate:
        return QStringLiteral("likely_duplicate");
    case HoldKind::OutOfStock:
        return QStringLiteral("out_of_stock");
    case HoldKind::SplitDecision:
        return QStringLiteral("split_decision");
    case HoldKind::NoRate:
        return QStringLiteral("no_rate");
    case HoldKind::Manual:
        return QStringLiteral("manual");
    case HoldKind::EmptyKit:
        return QStringLiteral("empty_kit");
    }
    return QStringLiteral("manual");
}

bool OrderExceptions::usesPostcodes(QStringView country)
{
    for (const char *c : kNoPostcode)
        if (country.compare(QLatin1StringView(c), Qt::CaseInsensitive) == 0)
            return false;
    return true;
}

bool OrderExceptions::postcodeFits(QStringView country, QStringView postcode)
{
    const QString code = postcode.trimmed().toString().toUpper();
    if (code.isEmpty())
        return !usesPostcodes(country);
    const PostcodeFormat *format = formatFor(country);
    if (!format)
        return true;
    return regexFor(*format).match(code).hasMatch();
}

std::optional<OrderHold> OrderExceptions::unknownSku(const QList<ExceptionLine> &lines)
{
    QStringList unknown;
    for (const ExceptionLine &l : lines)
        if (!l.productKnown)
            unknown.append(
                tr("%1 (line %2)").arg(l.sku.isEmpty() ? tr("no SKU") : l.sku).arg(l.lineNumber));
    if (unknown.isEmpty())
        return std::nullopt;
    return OrderHold{HoldKind::UnknownSku,
                     tr("Unknown SKU: %1").arg(unknown.join(QStringLiteral(", ")))};
}

std::optional<OrderHold> OrderExceptions::missingAddressField(const Address &a)
{
    QStringList missing;
    if (a.name.trimmed().isEmpty())
        missing.append(tr("name"));
    if (a.line1.trimmed().isEmpty())
        missing.append(tr("address line 1"));
    if (a.city.trimmed().isEmpty())
        missing.append(tr("city"));
    if (a.postcode.trimmed().isEmpty() && !a.country.trimmed().isEmpty() &&
        usesPostcodes(a.country.trimmed()))
        missing.append(tr("postcode"));
    if (a.country.trimmed().isEmpty())
        missing.append(tr("country"));
    if (missing.isEmpty())
        return std::nullopt;
    return OrderHold{HoldKind::MissingAddress,
                     tr("Address incomplete: no %1").arg(missing.join(QStringLiteral(", ")))};
}

std::optional<OrderHold> OrderExceptions::postcodeMismatch(const Address &a)
{
    const QString country = a.country.trimmed().toUpper();
    if (country.isEmpty() || a.postcode.trimmed().isEmpty())
        return std::nullopt; // a missing field is the address check's to report
    if (postcodeFits(country, a.postcode))
        return std::nullopt;
    const PostcodeFormat *format = formatFor(country);
    return OrderHold{HoldKind::BadPostcode,
                     tr("Postcode \"%1\" does not look like a %2 postcode (e.g. %3)")
                         .arg(a.postcode.trimmed(), country,
                              format ? QString::fromLatin1(format->example) : QString())};
}

std::optional<OrderHold> OrderExceptions::unshippableCountry(const QString &country,
                                                             const QSet<QString> &servedCountries,
                                                             bool anywhere)
{
    const QString code = country.trimmed().toUpper();
    if (code.isEmpty() || anywhere || servedCountries.contains(code))
        return std::nullopt;
    return OrderHold{HoldKind::UnshippableCountry,
                     tr("No location ships to %1: add a rate for it or cancel").arg(code)};
}

std::optional<OrderHold> OrderExceptions::unusualQuantity(const QList<ExceptionLine> &lines,
                                                          const ExceptionPolicy &policy)
{
    for (const ExceptionLine &l : lines) {
        if (l.quantity <= policy.quantityMinimum || !l.medianQuantity)
            continue;
        if (qint64(l.quantity) > qint64(policy.quantityFactor) * std::max(1, *l.medianQuantity))
            return OrderHold{HoldKind::UnusualQuantity,
                             tr("Unusual quantity: %1 × %2 (line %3), usually %4")
                                 .arg(l.quantity)
                                 .arg(l.sku)
                                 .arg(l.lineNumber)
                                 .arg(*l.medianQuantity)};
    }
    return std::nullopt;
}

std::optional<OrderHold> OrderExceptions::likelyDuplicate(const DuplicateFacts &order,
                                                          const QList<DuplicateFacts> &others,
                                                          const ExceptionPolicy &policy)
{
    if (order.items.isEmpty())
        return std::nullopt;
    const QString items = itemsKey(order.items);
    const qint64 window = qint64(policy.duplicateWindowMinutes) * 60;
    for (const DuplicateFacts &o : others) {
        if (o.orderId == order.orderId)
            continue;
        // The earlier of the two is the original.
        const bool earlier = o.placedAtUtc < order.placedAtUtc ||
                             (o.placedAtUtc == order.placedAtUtc && o.orderId < order.orderId);
        if (!earlier || o.placedAtUtc.secsTo(order.placedAtUtc) > window)
            continue;
        const bool sameEmail =
            !order.email.trimmed().isEmpty() && folded(order.email) == folded(o.email);
        const bool sameNameAndPostcode = !order.name.trimmed().isEmpty() &&
                                         !order.postcode.trimmed().isEmpty() &&
                                         folded(order.name) == folded(o.name) &&
                                         RateTable::normalisedPostcode(order.postcode) ==
                                             RateTable::normalisedPostcode(o.postcode);
        if (!sameEmail && !sameNameAndPostcode)
            continue;
        if (itemsKey(o.items) != items)
            continue;
        return OrderHold{HoldKind::LikelyDuplicate,
                         tr("Likely duplicate of %1 (%2), placed %3 min earlier by the same buyer "
                            "with the same items")
                             .arg(o.orderNumber, o.channelCode)
                             .arg(o.placedAtUtc.secsTo(order.placedAtUtc) / 60)};
    }
    return std::nullopt;
}

} // namespace models
