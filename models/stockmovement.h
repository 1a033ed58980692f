#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace models {

// Why stock moved. Every movement in the ledger carries one.
enum class StockReason
{
    Opening,   // first count when a location starts using Backroom
    Received,  // purchase order receipt
    Shipped,   // left with an order
    Restocked, // a return, inspected and put back
    // A return that arrived and was written off: booked in, then straight out again
    // as a WriteOff in the same transaction, so it never adds to what can be sold.
    ReturnReceived,
    Damaged,
    Lost,
    Found,
    CountCorrection, // cycle count variance posted
    Sample,
    WriteOff,
    TransferOut,
    TransferIn,
    ShortPick, // a picker found fewer units in the bin than the ledger said
};

QList<StockReason> allStockReasons();
QString stockReasonCode(StockReason reason);
QString stockReasonLabel(StockReason reason);
std::optional<StockReason> stockReasonFromCode(QStringView code);
// Reasons a person picks for a manual adjustment (not the ones the system writes itself).
bool isManualAdjustmentReason(StockReason reason);

// One line of the append-only stock ledger: a signed quantity of one product at
// one location, with why, what it refers to, who and when.
struct StockMovement
{
    qint64 id = 0;
    qint64 productId = 0;
    qint64 locationId = 0;
    int quantity = 0; // + in, - out; never 0
    StockReason reason = StockReason::Received;
    QString referenceType; // "order", "purchase_order", "return", "adjustment", "transfer"
    QString referenceId;
    QString note;
    QString user;
    QDateTime atUtc;
    std::optional<qint64> binId; // the bin at the location it went into or came from
};

} // namespace models
