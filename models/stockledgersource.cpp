#include "models/stockledgersource.h"

#include <algorithm>

namespace models {

LedgerBalance runLedgerBalances(QList<LedgerEntry> &rows, LedgerBalance opening)
{
    for (LedgerEntry &e : rows) {
        e.balance = (opening.perLocation[e.locationId] += e.quantity);
        e.totalBalance = (opening.total += e.quantity);
    }
    return opening;
}

LedgerBalance ledgerBalanceBefore(const QList<LedgerEntry> &rows, LedgerBalance closing)
{
    for (const LedgerEntry &e : rows) {
        closing.perLocation[e.locationId] -= e.quantity;
        closing.total -= e.quantity;
    }
    return closing;
}

std::unique_ptr<StockLedgerSource> StockOperations::ledgerSource(qint64 productId,
                                                                 qint64 locationId)
{
    return std::make_unique<ListLedgerSource>(ledger(productId, locationId));
}

Result<LedgerProduct> ListLedgerSource::product()
{
    if (!m_ledger.ok())
        return Error{m_ledger.error()};
    const ProductLedger &l = m_ledger.value();
    return LedgerProduct{l.productId, l.sku, l.name};
}

Result<qint64> ListLedgerSource::count()
{
    if (!m_ledger.ok())
        return Error{m_ledger.error()};
    return qint64(m_ledger.value().entries.size());
}

Result<QList<LedgerEntry>> ListLedgerSource::fetch(qint64 offset, int limit)
{
    if (!m_ledger.ok())
        return Error{m_ledger.error()};
    const QList<LedgerEntry> &all = m_ledger.value().entries;
    if (offset < 0 || offset >= all.size() || limit <= 0)
        return QList<LedgerEntry>();
    return all.mid(offset, std::min<qint64>(limit, all.size() - offset));
}

} // namespace models
