#include "models/returnrules.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace models {

namespace {

using RS = ReturnStatus;

QString joinedOr(const QStringList &words)
{
    if (words.isEmpty())
        return QStringLiteral("nowhere");
    if (words.size() == 1)
        return words.constFirst();
    return QStringList(words.mid(0, words.size() - 1)).join(QStringLiteral(", ")) +
           QStringLiteral(" or ") + words.constLast();
}

QString amount(qint64 minor, const QString &currency)
{
    if (currency.isEmpty())
        return QString::number(minor);
    return Money(minor, currency).toDisplayString();
}

bool sameText(const QString &a, const QString &b)
{
    return !a.trimmed().isEmpty() && a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

} // namespace

const QList<ReturnWorkflow::Transition> &ReturnWorkflow::table()
{
    static const QList<Transition> kTable{
        {RS::Requested, RS::Authorised},    // RMA number given
        {RS::Requested, RS::Rejected},      // not taken back (out of the return window, ...)
        {RS::Requested, RS::Cancelled},     // the customer withdrew it
        {RS::Authorised, RS::Received},     // scanned in at the returns bench
        {RS::Authorised, RS::Cancelled},    // never sent: nothing arrived
        {RS::Received, RS::Inspected},      // every line that arrived restocked or written off
        {RS::Received, RS::Rejected},       // arrived, not acceptable: sent back to the customer
        {RS::Inspected, RS::RefundPending}, // the refund amount approved
        {RS::RefundPending, RS::Refunded},  // paid, with the payment's reference
        {RS::Refunded, RS::Closed},
    };
    return kTable;
}

QList<ReturnStatus> ReturnWorkflow::allowedFrom(ReturnStatus from)
{
    QList<ReturnStatus> out;
    for (const Transition &t : table())
        if (t.from == from)
            out.append(t.to);
    return out;
}

bool ReturnWorkflow::allows(ReturnStatus from, ReturnStatus to)
{
    return std::any_of(table().cbegin(), table().cend(),
                       [&](const Transition &t) { return t.from == from && t.to == to; });
}

Status ReturnWorkflow::check(const QString &returnName, ReturnStatus from, ReturnStatus to)
{
    if (allows(from, to))
        return {};
    QStringList next;
    for (ReturnStatus s : allowedFrom(from))
        next.append(returnStatusCode(s));
    if (next.isEmpty())
        return Error{QStringLiteral("%1 is %2: nothing more can happen to it")
                         .arg(returnName, returnStatusCode(from))};
    return Error{
        QStringLiteral("%1 is %2: it can go to %3, not to %4")
            .arg(returnName, returnStatusCode(from), joinedOr(next), returnStatusCode(to))};
}

int claimedQuantity(const ReturnClaim &claim)
{
    switch (claim.status) {
    case RS::Rejected:
    case RS::Cancelled:
        return 0;
    case RS::Requested:
    case RS::Authorised:
        return claim.quantity;
    case RS::Received:
    case RS::Inspected:
    case RS::RefundPending:
    case RS::Refunded:
    case RS::Closed:
        return claim.quantityReceived;
    }
    return claim.quantity;
}

int returnableQuantity(int shipped, const QList<ReturnClaim> &claims)
{
    int held = 0;
    for (const ReturnClaim &c : claims)
        held += claimedQuantity(c);
    return std::max(0, shipped - held);
}

Status checkReturnRequest(const QString &orderNumber, const QList<ReturnRequestLine> &lines)
{
    if (lines.isEmpty())
        return Error{QStringLiteral("order %1: a return needs at least one line with a quantity")
                         .arg(orderNumber)};
    QStringList problems;
    for (const ReturnRequestLine &l : lines) {
        const QString where = QStringLiteral("line %1 (%2)").arg(l.lineNo).arg(l.sku);
        if (l.requested <= 0) {
            problems.append(QStringLiteral("%1: the quantity must be at least 1, not %2")
                                .arg(where)
                                .arg(l.requested));
            continue;
        }
        const int returnable = std::max(0, l.shipped - l.alreadyReturned);
        if (l.requested > returnable)
            problems.append(QStringLiteral("%1: %2 asked, only %3 returnable (%4 shipped, %5 "
                                           "already returned)")
                                .arg(where)
                                .arg(l.requested)
                                .arg(returnable)
                                .arg(l.shipped)
                                .arg(l.alreadyReturned));
    }
    if (problems.isEmpty())
        return {};
    return Error{
        QStringLiteral("order %1: %2").arg(orderNumber, problems.join(QStringLiteral("; ")))};
}

Status checkReceivedQuantity(const QString &returnName, const QString &sku, int authorised,
                             int received)
{
    if (received < 0)
        return Error{QStringLiteral("%1, %2: a count cannot be negative (%3)")
                         .arg(returnName, sku)
                         .arg(received)};
    if (received > authorised)
        return Error{QStringLiteral("%1, %2: %3 counted but only %4 authorised; authorise "
                                    "another return for the rest")
                         .arg(returnName, sku)
                         .arg(received)
                         .arg(authorised)};
    return {};
}

RefundSuggestion suggestRefund(const RefundInput &in, const QString &currency)
{
    RefundSuggestion s;
    int units = 0;
    for (const RefundLine &l : in.lines) {
        s.itemsMinor += l.unitPriceMinor * l.quantity;
        units += l.quantity;
    }
    QStringList words;
    words.append(QStringLiteral("%1 unit(s): %2").arg(units).arg(amount(s.itemsMinor, currency)));
    const bool shopFault = isShopFault(in.reason);
    if (shopFault) {
        if (in.shippingRefundedBefore) {
            words.append(QStringLiteral("shipping already refunded by an earlier return"));
        } else if (in.orderShippingMinor > 0) {
            s.shippingMinor = in.orderShippingMinor;
            words.append(QStringLiteral("shipping %1 refunded (%2)")
                             .arg(amount(s.shippingMinor, currency),
                                  returnReasonLabel(in.reason).toLower()));
        }
        words.append(QStringLiteral("no restocking fee"));
    } else {
        const int percent = std::clamp(in.restockingFeePercent, 0, 100);
        s.restockingFeeMinor = s.itemsMinor * percent / 100;
        words.append(QStringLiteral("shipping not refunded (%1)")
                         .arg(returnReasonLabel(in.reason).toLower()));
        if (s.restockingFeeMinor > 0)
            words.append(QStringLiteral("restocking fee %1 (%2%)")
                             .arg(amount(s.restockingFeeMinor, currency))
                             .arg(percent));
    }
    s.totalMinor = std::max<qint64>(0, s.itemsMinor + s.shippingMinor - s.restockingFeeMinor);
    const qint64 left = std::max<qint64>(0, in.orderTotalMinor - in.alreadyRefundedMinor);
    if (in.orderTotalMinor > 0 && s.totalMinor > left) {
        s.totalMinor = left;
        words.append(QStringLiteral("capped at the %1 left of the order's total")
                         .arg(amount(left, currency)));
    }
    s.explanation = words.join(QStringLiteral("; "));
    return s;
}

QString postcodeArea(const QString &postcode)
{
    const QString p = postcode.trimmed().toUpper();
    QString letters;
    for (QChar c : p) {
        if (c.isLetter())
            letters.append(c);
        else
            break;
    }
    if (!letters.isEmpty())
        return letters;
    QString digits;
    for (QChar c : p) {
        if (!c.isDigit() || digits.size() == 2)
            break;
        digits.append(c);
    }
    return digits;
}

double distanceKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double kEarthKm = 6371.0;
    const double rad = std::numbers::pi / 180.0;
    const double dLat = (lat2 - lat1) * rad;
    const double dLon = (lon2 - lon1) * rad;
    const double a =
        std::sin(dLat / 2) * std::sin(dLat / 2) +
        std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

ReturnLocationSuggestion suggestReturnLocation(const ReturnDestination &customer,
                                               const QList<ReturnLocationCandidate> &candidates)
{
    const QString area = postcodeArea(customer.postcode);
    auto rank = [&](const ReturnLocationCandidate &c) {
        if (!sameText(c.country, customer.country))
            return 3;
        if ((!area.isEmpty() && postcodeArea(c.postcode) == area) ||
            sameText(c.city, customer.city))
            return 0;
        if (sameText(c.region, customer.region))
            return 1;
        return 2;
    };
    static const char *const kRankWords[] = {"same postcode area or town", "same region",
                                             "same country", "another country"};

    // A location near the customer, to measure the others from.
    const ReturnLocationCandidate *anchor = nullptr;
    for (const ReturnLocationCandidate &c : candidates)
        if (rank(c) == 0 && c.latitude && c.longitude) {
            anchor = &c;
            break;
        }
    auto distance = [&](const ReturnLocationCandidate &c) {
        if (!anchor || !c.latitude || !c.longitude)
            return 0.0;
        return distanceKm(*anchor->latitude, *anchor->longitude, *c.latitude, *c.longitude);
    };

    const ReturnLocationCandidate *best = nullptr;
    auto better = [&](const ReturnLocationCandidate &a, const ReturnLocationCandidate &b) {
        const int ra = rank(a), rb = rank(b);
        if (ra != rb)
            return ra < rb;
        const double da = distance(a), db = distance(b);
        if (std::abs(da - db) > 0.5)
            return da < db;
        if (a.routingPriority != b.routingPriority)
            return a.routingPriority < b.routingPriority;
        return a.code < b.code;
    };
    for (const ReturnLocationCandidate &c : candidates) {
        if (!c.active || !c.storeOrWarehouse || c.productsShort <= 0)
            continue;
        if (!best || better(c, *best))
            best = &c;
    }
    ReturnLocationSuggestion out;
    if (best) {
        out.locationId = best->id;
        const int r = rank(*best);
        out.reason = QStringLiteral("%1 is short of %2 returned product(s) and is the nearest "
                                    "such location to the customer (%3")
                         .arg(best->code)
                         .arg(best->productsShort)
                         .arg(QLatin1String(kRankWords[r]));
        if (anchor && anchor != best && r > 0)
            out.reason +=
                QStringLiteral(", %1 km from %2").arg(qRound(distance(*best))).arg(anchor->code);
        out.reason += QLatin1Char(')');
        return out;
    }
    for (const ReturnLocationCandidate &c : candidates)
        if (c.isDefaultReturns && c.active) {
            out.locationId = c.id;
            out.reason = QStringLiteral("no store or warehouse is short of the returned "
                                        "products: %1, the default returns location")
                             .arg(c.code);
            return out;
        }
    out.reason = QStringLiteral("no store or warehouse is short of the returned products and "
                                "no location is marked for returns: choose one");
    return out;
}

} // namespace models
