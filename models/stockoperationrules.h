#pragma once

#include "models/result.h"
#include "models/stockoperations.h"
#include "models/stockrule.h"

#include <QList>
#include <QString>

namespace models {

// A count that differs from the system by more than this share is flagged.
constexpr double kCountVarianceTolerance = 0.01;

// An adjustment must name a reason a person may pick (damaged, lost, found, count
// correction, sample, write-off), move at least one unit in the direction its reason
// means, and never take on hand below what is reserved for orders.
Status checkAdjustment(const StockAdjustment &adjustment, const StockLevel &level,
                       bool backordersAllowed);

// From one location to another, at least one line, positive quantities, each product once.
Status checkTransferLines(qint64 fromLocationId, qint64 toLocationId,
                          const QList<TransferLineInput> &lines);

// A receipt of `quantity` against a line: positive and within what is still on its way.
Status checkTransferReceipt(const TransferLine &line, int quantity);

// "received" once every line is received in full, else "in_transit".
QString transferStatusAfter(const QList<TransferLine> &lines);

// The correction a count posts for a line: counted - on hand at count; 0 uncounted.
int countCorrection(const CountLine &line);

// Adds one movement to a reconciliation row: before the range it is opening
// balance; within it, it lands in the column its reason belongs to.
void addToReconciliation(ReconciliationRow &row, StockReason reason, int quantity,
                         bool beforeRange);

// Barcodes the product editor accepts: GTIN-8/12/13/14 with a right check digit, or
// any other printable code (Code 128) that is not all digits. The table's symbology
// code ("EAN13", "UPCA", "EAN8", "GTIN14", "CODE128") or an error naming the problem.
Result<QString> barcodeSymbology(const QString &code);

struct FieldError
{
    QString field; // sku, name, barcodes, bins, cost, lead_time, safety_stock, min, max, ...
    QString message;
};

// Everything wrong with a product record, one entry per problem, named by field.
QList<FieldError> validateProduct(const ProductRecord &record);

} // namespace models
