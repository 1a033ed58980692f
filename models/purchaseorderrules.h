#pragma once

#include "models/purchaseorder.h"
#include "models/result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace models {

// The purchase-order life cycle and the arithmetic of receiving, as pure rules.
//
// draft -> sent -> partially received -> received -> closed, and cancelled. A draft or
// a sent order may be cancelled while nothing has arrived; a partly received order is
// closed short instead (what came stays booked in). Receipts move sent and partially
// received orders on; the transition table says which moves a person may make by hand.
class PurchaseOrderRules
{
public:
    using PoStatus = PurchaseOrder::Status;

    static bool isAllowed(PoStatus from, PoStatus to);
    static QList<PoStatus> allowedFrom(PoStatus from);
    // Refuses a move not in the table, naming the order and both statuses.
    static Status checkTransition(const QString &poNumber, PoStatus from, PoStatus to);

    // Lines, supplier and location may be changed only while the order is a draft; the
    // expected date while it is still open.
    static bool linesEditable(PoStatus status);
    static bool expectedDateEditable(PoStatus status);
    // Sent or partly received: goods are still expected (inbound for available-to-promise).
    static bool isOpen(PoStatus status);
    // Open and expected before `today`.
    static bool isOverdue(PoStatus status, const QDate &expected, const QDate &today);
    // Receipts can be posted against it.
    static bool canReceive(PoStatus status);

    // The status after a receipt, from every line's ordered and received quantities.
    static PoStatus statusAfterReceipt(const QList<PurchaseOrderLine> &lines);
};

std::optional<PurchaseOrder::Status> purchaseOrderStatusFromCode(QStringView code);
QString purchaseOrderStatusLabel(PurchaseOrder::Status status); // "Partially received"
QList<PurchaseOrder::Status> allPurchaseOrderStatuses();

// What arrived for one line in one delivery.
struct ReceiptCount
{
    int outstanding = 0; // ordered less received before this delivery (never below 0)
    int counted = 0;     // units that arrived, damaged ones included
    int damaged = 0;     // of those, units that arrived unusable
};

enum class DiscrepancyKind
{
    Over,    // more arrived than was still outstanding
    Under,   // some arrived, but fewer than outstanding (a short delivery)
    Damaged, // arrived unusable: booked in, then written off
};
QString discrepancyKindCode(DiscrepancyKind kind); // "over", "under", "damaged"
QString discrepancyKindLabel(DiscrepancyKind kind);
std::optional<DiscrepancyKind> discrepancyKindFromCode(QStringView code);

struct Discrepancy
{
    DiscrepancyKind kind = DiscrepancyKind::Over;
    int quantity = 0;
};

// How one line's delivery is booked: every unit that arrived counts as received on the
// line and is recorded in the ledger as 'received'; damaged units are then written off
// with reason 'damaged', so only `intoStock` stays on hand.
struct ReceiptOutcome
{
    int received = 0;  // added to the line's quantity received
    int intoStock = 0; // on hand after the write-off
    int writtenOff = 0;
    QList<Discrepancy> discrepancies;
};

// Refuses negative counts and more damaged units than arrived.
Result<ReceiptOutcome> bookReceiptLine(const ReceiptCount &count);

// A purchase-order line as the receiving bench sees it: the codes that identify its
// product (barcodes and the SKU).
struct ReceivingLine
{
    qint64 lineId = 0;
    QString sku;
    QStringList barcodes;
};

// Which line a scanned code belongs to: a barcode exactly (leading zeros kept, so
// UPC-A 12 digits and its EAN-13 form with a leading 0 both match), or the SKU
// without regard to case. None when the product is not on the order.
std::optional<qsizetype> lineForScan(const QList<ReceivingLine> &lines, const QString &code);

} // namespace models
