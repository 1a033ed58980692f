#pragma once

#include "models/address.h"
#include "printing/barcodesymbol.h"

#include <QDate>
#include <QString>

#include <optional>

namespace printing {

enum class WeightUnit
{
    Kilograms,
    Pounds,
};

// Everything printed on one parcel's shipping label, as plain values: the
// caller fills it from the order, the shipment and the carrier's response.
struct LabelData
{
    models::Address shipFrom;
    models::Address shipTo;
    QString carrier; // "UPS", "Royal Mail"
    QString service; // "Ground", "Tracked 48"
    // The carrier's, printed as Code 128. Empty before the carrier has given one
    // (a label printed from the order's chosen service): the tracking band then
    // says "NOT YET TRACKED" and carries no barcode, so nothing on the label can
    // be scanned as a tracking number that is not one.
    QString trackingNumber;
    QString orderNumber; // what the customer sees, "#1002"
    // Scanned at the bench to find the order; orderNumber when empty.
    QString orderReference;
    BarcodeKind orderCodeKind = BarcodeKind::QrCode; // or BarcodeKind::DataMatrix
    int weightGrams = 0;                             // 0: not printed
    WeightUnit weightUnit = WeightUnit::Kilograms;
    int parcelNumber = 1;
    int parcelCount = 1;
    QDate shipDate;

    QString orderCode() const { return orderReference.isEmpty() ? orderNumber : orderReference; }
};

// "1.25 kg", "2.8 lb"; empty for 0 g.
QString formatWeight(int grams, WeightUnit unit);

// The label's two codes, encoded: the tracking number as Code 128 and the order
// code as QR Code or Data Matrix. What both the PDF and the ZPL label need, with
// one message naming the order and parcel when a code cannot be made.
struct LabelCodes
{
    std::optional<BarcodeSymbol> tracking; // none without a tracking number
    BarcodeSymbol order;
};
models::Result<LabelCodes> encodeLabelCodes(const LabelData &label);

} // namespace printing
