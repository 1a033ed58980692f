#include "models/stockoperationrules.h"

#include "models/gtin.h"

#include <QCoreApplication>
#include <QSet>

#include <cmath>

namespace models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StockOperationRules", text);
}

bool allDigits(const QString &s)
{
    for (QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return !s.isEmpty();
}

} // namespace

int CountLine::variance() const
{
    return counted && onHandAtCount ? *counted - *onHandAtCount : 0;
}

double CountLine::varianceRatio() const
{
    if (!counted || !onHandAtCount)
        return 0;
    const int diff = std::abs(*counted - *onHandAtCount);
    if (diff == 0)
        return 0;
    if (*onHandAtCount <= 0)
        return 1;
    return static_cast<double>(diff) / *onHandAtCount;
}

bool ReconciliationRow::countVarianceFlagged() const
{
    return worstCountVariance > kCountVarianceTolerance;
}

double ReconciliationReport::accuracy() const
{
    return countLines == 0 ? -1 : static_cast<double>(accurateLines) / countLines;
}

int ReconciliationReport::flaggedCount() const
{
    int n = 0;
    for (const ReconciliationRow &r : rows)
        n += r.flagged() ? 1 : 0;
    return n;
}

Status checkAdjustment(const StockAdjustment &a, const StockLevel &level, bool backordersAllowed)
{
    if (!a.reason)
        return Error{tr("an adjustment needs a reason: damaged, lost, found, count correction, "
                        "sample or write-off")};
    if (!isManualAdjustmentReason(*a.reason))
        return Error{tr("\"%1\" is recorded by Backroom itself, not by hand; pick damaged, lost, "
                        "found, count correction, sample or write-off")
                         .arg(stockReasonLabel(*a.reason))};
    if (a.quantity == 0)
        return Error{tr("the quantity is 0: nothing to adjust")};
    switch (*a.reason) {
    case StockReason::Found:
        if (a.quantity < 0)
            return Error{tr("\"Found\" adds stock: enter a positive quantity")};
        break;
    case StockReason::Damaged:
    case StockReason::Lost:
    case StockReason::Sample:
    case StockReason::WriteOff:
        if (a.quantity > 0)
            return Error{tr("\"%1\" takes stock away: enter a negative quantity")
                             .arg(stockReasonLabel(*a.reason))};
        break;
    default:
        break;
    }
    const int after = level.onHand + a.quantity;
    if (!backordersAllowed && after < level.reserved)
        return Error{tr("it would leave %1 on hand with %2 reserved for orders; release or "
                        "reallocate those orders first")
                         .arg(after)
                         .arg(level.reserved)};
    if (!backordersAllowed && after < 0)
        return Error{tr("it would take on hand below zero (%1)").arg(after)};
    return {};
}

Status checkTransferLines(qint64 from, qint64 to, const QList<TransferLineInput> &lines)
{
    if (from == 0 || to == 0)
        return Error{tr("a transfer needs a location to send from and one to receive at")};
    if (from == to)
        return Error{tr("a transfer goes from one location to another, not to itself")};
    if (lines.isEmpty())
        return Error{tr("a transfer needs at least one product")};
    QSet<qint64> seen;
    for (int i = 0; i < lines.size(); ++i) {
        const TransferLineInput &l = lines.at(i);
        if (l.quantity <= 0)
            return Error{tr("line %1: the quantity must be at least 1").arg(i + 1)};
        if (seen.contains(l.productId))
            return Error{tr("line %1: the product is already on the transfer").arg(i + 1)};
        seen.insert(l.productId);
    }
    return {};
}

Status checkTransferReceipt(const TransferLine &line, int quantity)
{
    if (quantity <= 0)
        return Error{tr("%1: receive at least 1").arg(line.sku)};
    if (quantity > line.outstanding())
        return Error{tr("%1: %2 received but only %3 still on the way")
                         .arg(line.sku)
                         .arg(quantity)
                         .arg(line.outstanding())};
    return {};
}

QString transferStatusAfter(const QList<TransferLine> &lines)
{
    for (const TransferLine &l : lines)
        if (l.outstanding() > 0)
            return QStringLiteral("in_transit");
    return QStringLiteral("received");
}

int countCorrection(const CountLine &line)
{
    return line.variance();
}

void addToReconciliation(ReconciliationRow &row, StockReason reason, int quantity, bool beforeRange)
{
    if (beforeRange) {
        row.opening += quantity;
    } else {
        switch (reason) {
        case StockReason::Received:
            row.received += quantity;
            break;
        case StockReason::Shipped:
            row.shipped += quantity;
            break;
        case StockReason::Restocked:
        case StockReason::ReturnReceived:
            row.returns += quantity;
            break;
        case StockReason::TransferIn:
        case StockReason::TransferOut:
            row.transfers += quantity;
            break;
        case StockReason::CountCorrection:
            row.counts += quantity;
            break;
        case StockReason::Opening:
        case StockReason::Damaged:
        case StockReason::Lost:
        case StockReason::Found:
        case StockReason::Sample:
        case StockReason::WriteOff:
        case StockReason::ShortPick:
            row.adjustments += quantity;
            break;
        }
    }
    row.closing = row.opening + row.received + row.shipped + row.returns + row.transfers +
                  row.adjustments + row.counts;
}

Result<QString> barcodeSymbology(const QString &code)
{
    if (code.isEmpty())
        return Error{tr("empty barcode")};
    if (allDigits(code)) {
        const qsizetype n = code.size();
        if (n != 8 && n != 12 && n != 13 && n != 14)
            return Error{
                tr("%1: %2 digits; a GTIN has 8, 12 (UPC-A), 13 (EAN-13) or 14").arg(code).arg(n)};
        if (!gtin::isValid(code))
            return Error{tr("%1: wrong check digit (should end in %2)")
                             .arg(code)
                             .arg(gtin::checkDigit(QStringView(code).first(n - 1)))};
        switch (n) {
        case 8:
            return QStringLiteral("EAN8");
        case 12:
            return QStringLiteral("UPCA");
        case 13:
            return QStringLiteral("EAN13");
        default:
            return QStringLiteral("GTIN14");
        }
    }
    for (QChar c : code)
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return Error{
                tr("%1: only printable characters without spaces can be scanned").arg(code)};
    return QStringLiteral("CODE128");
}

QList<FieldError> validateProduct(const ProductRecord &r)
{
    QList<FieldError> errors;
    const auto add = [&errors](const char *field, const QString &message) {
        errors.append({QString::fromLatin1(field), message});
    };
    if (r.sku.trimmed().isEmpty())
        add("sku", tr("a SKU is required"));
    else if (r.sku != r.sku.trimmed() || r.sku.contains(QLatin1Char(' ')))
        add("sku", tr("a SKU has no spaces"));
    if (r.name.trimmed().isEmpty())
        add("name", tr("a name is required"));
    QSet<QString> seen;
    for (const QString &code : r.barcodes) {
        if (seen.contains(code)) {
            add("barcodes", tr("%1 is listed twice").arg(code));
            continue;
        }
        seen.insert(code);
        if (Result<QString> s = barcodeSymbology(code); !s)
            add("barcodes", s.error());
    }
    for (const ProductBinInput &b : r.bins) {
        QSet<QString> codes;
        for (const QString &code : b.binCodes) {
            if (code.trimmed().isEmpty() || code.contains(QLatin1Char(' ')))
                add("bins", tr("%1: \"%2\" is not a bin code").arg(b.locationCode, code));
            if (codes.contains(code))
                add("bins", tr("%1: bin %2 is listed twice").arg(b.locationCode, code));
            codes.insert(code);
        }
    }
    if (r.costMinor < 0)
        add("cost", tr("the cost cannot be negative"));
    if (r.costCurrency.size() != 3)
        add("cost", tr("the cost needs a three-letter currency"));
    if (r.leadTimeDays && (*r.leadTimeDays < 0 || *r.leadTimeDays > 365))
        add("lead_time", tr("the lead time is 0 to 365 days"));
    if (r.safetyStock < 0)
        add("safety_stock", tr("safety stock cannot be negative"));
    if (r.reorderMin < 0)
        add("min", tr("the minimum cannot be negative"));
    if (r.reorderMax < 0)
        add("max", tr("the maximum cannot be negative"));
    else if (r.reorderMax > 0 && r.reorderMax < r.reorderMin)
        add("max",
            tr("the maximum (%1) is below the minimum (%2)").arg(r.reorderMax).arg(r.reorderMin));
    if (r.packSize < 1)
        add("pack_size", tr("the pack size is at least 1"));
    if (r.supplierMinQty < 1)
        add("supplier_min", tr("the supplier minimum is at least 1"));
    return errors;
}

} // namespace models
