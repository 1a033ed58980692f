#include "models/pickwalk.h"

#include <QHash>

#include <algorithm>

namespace models {

namespace {

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

} // namespace

int compareBinCodes(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    int zeros = 0; // <0: a has fewer leading zeros in the first run that differs in them
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            qsizetype ei = i;
            while (ei < a.size() && isDigit(a[ei]))
                ++ei;
            qsizetype ej = j;
            while (ej < b.size() && isDigit(b[ej]))
                ++ej;
            qsizetype si = i;
            while (si + 1 < ei && a[si] == QLatin1Char('0'))
                ++si;
            qsizetype sj = j;
            while (sj + 1 < ej && b[sj] == QLatin1Char('0'))
                ++sj;
            const QStringView da = a.sliced(si, ei - si);
            const QStringView db = b.sliced(sj, ej - sj);
            if (da.size() != db.size())
                return da.size() < db.size() ? -1 : 1;
            if (const int c = da.compare(db); c != 0)
                return c < 0 ? -1 : 1;
            if (zeros == 0 && (si - i) != (sj - j))
                zeros = (si - i) < (sj - j) ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded();
        const QChar cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1; // the shorter is a prefix of the longer
    if (zeros != 0)
        return zeros;
    if (const int c = a.compare(b); c != 0)
        return c < 0 ? -1 : 1;
    return 0;
}

bool walksBefore(const PickLine &a, const PickLine &b)
{
    const bool binA = !a.binCode.isEmpty();
    const bool binB = !b.binCode.isEmpty();
    if (binA != binB)
        return binA;
    if (binA) {
        if (a.binSequence != b.binSequence)
            return a.binSequence < b.binSequence;
        if (const int c = compareBinCodes(a.binCode, b.binCode); c != 0)
            return c < 0;
    }
    if (const int c = compareBinCodes(a.sku, b.sku); c != 0)
        return c < 0;
    return a.productId < b.productId;
}

QList<PickItem> kitPickItems(const PickItem &kitLine, const QList<KitComponent> &components)
{
    QList<PickItem> items;
    for (const KitComponent &c : components) {
        PickItem item;
        item.slot = kitLine.slot;
        item.orderId = kitLine.orderId;
        item.orderLineId = kitLine.orderLineId;
        item.productId = c.productId;
        item.sku = c.sku;
        item.title = c.name;
        item.quantity = kitLine.quantity * c.quantity;
        item.kitSku = kitLine.sku;
        items.append(item);
    }
    return items;
}

QList<PickLine> aggregatePickLines(const QList<PickItem> &items)
{
    QList<PickLine> lines;
    QHash<QPair<qint64, qint64>, qsizetype> index; // (product, bin or -1) -> line
    for (const PickItem &item : items) {
        if (item.quantity <= 0)
            continue;
        const QPair<qint64, qint64> key(item.productId, item.binId.value_or(-1));
        auto it = index.find(key);
        if (it == index.end()) {
            PickLine line;
            line.productId = item.productId;
            line.sku = item.sku;
            line.title = item.title;
            line.barcode = item.barcode;
            line.binId = item.binId;
            line.binCode = item.binId ? item.binCode : QString();
            line.binSequence = item.binSequence;
            lines.append(line);
            it = index.insert(key, lines.size() - 1);
        }
        PickLine &line = lines[*it];
        line.quantity += item.quantity;
        line.allocations.append(
            {item.slot, item.orderId, item.orderLineId, item.quantity, item.kitSku});
    }
    std::stable_sort(lines.begin(), lines.end(), walksBefore);
    int lineNo = 0;
    for (PickLine &line : lines) {
        line.lineNo = ++lineNo;
        std::stable_sort(line.allocations.begin(), line.allocations.end(),
                         [](const PickAllocation &x, const PickAllocation &y) {
                             return x.slot != y.slot ? x.slot < y.slot
                                                     : x.orderLineId < y.orderLineId;
                         });
    }
    return lines;
}

} // namespace models
