#pragma once

#include "models/result.h"
#include "models/stockoperations.h"

#include <QHash>
#include <QList>
#include <QString>

namespace models {

// What was on hand before (or after) a movement of the ledger: at each location, and
// across every location shown.
struct LedgerBalance
{
    QHash<qint64, int> perLocation;
    int total = 0;

    int at(qint64 locationId) const { return perLocation.value(locationId); }
    friend bool operator==(const LedgerBalance &, const LedgerBalance &) = default;
};

// Fills the running balances of `rows` (oldest first) from the balance before the
// first of them, and returns the balance after the last.
LedgerBalance runLedgerBalances(QList<LedgerEntry> &rows, LedgerBalance opening);
// The balance before `rows` (oldest first) from the balance after them.
LedgerBalance ledgerBalanceBefore(const QList<LedgerEntry> &rows, LedgerBalance closing);

struct LedgerProduct
{
    qint64 productId = 0;
    QString sku;
    QString name;
};

// A product's ledger, oldest first, a page at a time: the number of movements and any
// run of them by position, each with its running balances, without reading the rest.
class StockLedgerSource
{
public:
    virtual ~StockLedgerSource() = default;
    virtual Result<LedgerProduct> product() = 0;
    virtual Result<qint64> count() = 0;
    virtual Result<QList<LedgerEntry>> fetch(qint64 offset, int limit) = 0;
};

// Pages of a ledger already read whole.
class ListLedgerSource : public StockLedgerSource
{
public:
    explicit ListLedgerSource(Result<ProductLedger> ledger) : m_ledger(std::move(ledger)) {}

    Result<LedgerProduct> product() override;
    Result<qint64> count() override;
    Result<QList<LedgerEntry>> fetch(qint64 offset, int limit) override;

private:
    Result<ProductLedger> m_ledger;
};

} // namespace models
