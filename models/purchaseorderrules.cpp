#include "models/purchaseorderrules.h"

#include <algorithm>

namespace models {

namespace {

using S = PurchaseOrder::Status;

// The moves a person may make, and the ones a receipt makes.
constexpr std::pair<S, S> kMoves[] = {
    {S::Draft, S::Sent},
    {S::Draft, S::Cancelled},
    {S::Sent, S::PartiallyReceived},
    {S::Sent, S::Received},
    {S::Sent, S::Cancelled},
    {S::PartiallyReceived, S::PartiallyReceived}, // a further delivery, still short
    {S::PartiallyReceived, S::Received},
    {S::PartiallyReceived, S::Closed}, // closed short: the rest will not come
    {S::Received, S::Closed},
};

// GTIN-12/13/14 compared as 14 digits, so a UPC-A and its EAN-13 or GTIN-14 form match.
QString comparableCode(const QString &code)
{
    const QString trimmed = code.trimmed();
    const bool digits =
        !trimmed.isEmpty() && std::all_of(trimmed.cbegin(), trimmed.cend(),
                                          [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (digits && trimmed.size() >= 12 && trimmed.size() <= 14)
        return trimmed.rightJustified(14, u'0');
    return trimmed;
}

} // namespace

bool PurchaseOrderRules::isAllowed(PoStatus from, PoStatus to)
{
    return std::any_of(std::begin(kMoves), std::end(kMoves),
                       [&](const auto &m) { return m.first == from && m.second == to; });
}

QList<PurchaseOrder::Status> PurchaseOrderRules::allowedFrom(PoStatus from)
{
    QList<PoStatus> out;
    for (const auto &m : kMoves)
        if (m.first == from && m.second != from)
            out.append(m.second);
    return out;
}

Status PurchaseOrderRules::checkTransition(const QString &poNumber, PoStatus from, PoStatus to)
{
    if (isAllowed(from, to))
        return {};
    return Error{QStringLiteral("purchase order %1: cannot go from %2 to %3")
                     .arg(poNumber, purchaseOrderStatusLabel(from).toLower(),
                          purchaseOrderStatusLabel(to).toLower())};
}

bool PurchaseOrderRules::linesEditable(PoStatus status)
{
    return status == S::Draft;
}

bool PurchaseOrderRules::expectedDateEditable(PoStatus status)
{
    return status == S::Draft || isOpen(status);
}

bool PurchaseOrderRules::isOpen(PoStatus status)
{
    return status == S::Sent || status == S::PartiallyReceived;
}

bool PurchaseOrderRules::isOverdue(PoStatus status, const QDate &expected, const QDate &today)
{
    return isOpen(status) && expected.isValid() && today.isValid() && expected < today;
}

bool PurchaseOrderRules::canReceive(PoStatus status)
{
    return isOpen(status);
}

PurchaseOrder::Status PurchaseOrderRules::statusAfterReceipt(const QList<PurchaseOrderLine> &lines)
{
    bool any = false;
    bool all = !lines.isEmpty();
    for (const PurchaseOrderLine &l : lines) {
        any = any || l.quantityReceived > 0;
        all = all && l.quantityReceived >= l.quantityOrdered;
    }
    if (all)
        return S::Received;
    return any ? S::PartiallyReceived : S::Sent;
}

QList<PurchaseOrder::Status> allPurchaseOrderStatuses()
{
    return {S::Draft, S::Sent, S::PartiallyReceived, S::Received, S::Closed, S::Cancelled};
}

std::optional<PurchaseOrder::Status> purchaseOrderStatusFromCode(QStringView code)
{
    for (S s : allPurchaseOrderStatuses())
        if (purchaseOrderStatusCode(s) == code)
            return s;
    return std::nullopt;
}

QString purchaseOrderStatusLabel(PurchaseOrder::Status status)
{
    switch (status) {
    case S::Draft:
        return QStringLiteral("Draft");
    case S::Sent:
        return QStringLiteral("Sent");
    case S::PartiallyReceived:
        return QStringLiteral("Partially received");
    case S::Received:
        return QStringLiteral("Received");
    case S::Closed:
        return QStringLiteral("Closed");
    case S::Cancelled:
        return QStringLiteral("Cancelled");
    }
    return QString();
}

QString discrepancyKindCode(DiscrepancyKind kind)
{
    switch (kind) {
    case DiscrepancyKind::Over:
        return QStringLiteral("over");
    case DiscrepancyKind::Under:
        return QStringLiteral("under");
    case DiscrepancyKind::Damaged:
        return QStringLiteral("damaged");
    }
    return QString();
}

QString discrepancyKindLabel(DiscrepancyKind kind)
{
    switch (kind) {
    case DiscrepancyKind::Over:
        return QStringLiteral("Over-delivered");
    case DiscrepancyKind::Under:
        return QStringLiteral("Short");
    case DiscrepancyKind::Damaged:
        return QStringLiteral("Damaged");
    }
    return QString();
}

std::optional<DiscrepancyKind> discrepancyKindFromCode(QStringView code)
{
    for (DiscrepancyKind k :
         {DiscrepancyKind::Over, DiscrepancyKind::Under, DiscrepancyKind::Damaged})
        if (discrepancyKindCode(k) == code)
            return k;
    return std::nullopt;
}

Result<ReceiptOutcome> bookReceiptLine(const ReceiptCount &count)
{
    if (count.counted < 0 || count.damaged < 0)
        return Error{QStringLiteral("a received or damaged quantity cannot be negative")};
    if (count.damaged > count.counted)
        return Error{QStringLiteral("%1 damaged is more than the %2 that arrived")
                         .arg(count.damaged)
                         .arg(count.counted)};
    const int outstanding = std::max(0, count.outstanding);
    ReceiptOutcome out;
    out.received = count.counted;
    out.writtenOff = count.damaged;
    out.intoStock = count.counted - count.damaged;
    if (count.counted > outstanding)
        out.discrepancies.append({DiscrepancyKind::Over, count.counted - outstanding});
    else if (count.counted > 0 && count.counted < outstanding)
        out.discrepancies.append({DiscrepancyKind::Under, outstanding - count.counted});
    if (count.damaged > 0)
        out.discrepancies.append({DiscrepancyKind::Damaged, count.damaged});
    return out;
}

std::optional<qsizetype> lineForScan(const QList<ReceivingLine> &lines, const QString &code)
{
    const QString wanted = comparableCode(code);
    if (wanted.isEmpty())
        return std::nullopt;
    for (qsizetype i = 0; i < lines.size(); ++i)
        for (const QString &barcode : lines.at(i).barcodes)
            if (comparableCode(barcode) == wanted)
                return i;
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (lines.at(i).sku.compare(wanted, Qt::CaseInsensitive) == 0)
            return i;
    return std::nullopt;
}

} // namespace models
