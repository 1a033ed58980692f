#pragma once

#include "models/result.h"

#include <QBitArray>
#include <QString>

namespace printing {

// The symbologies Backroom prints: Code 128 for SKUs, order and RMA numbers;
// EAN-13 / UPC-A for retail GTINs; QR Code and Data Matrix for longer payloads
// (tracking URLs, return links) on labels.
enum class BarcodeKind
{
    Code128,
    Ean13,
    UpcA,
    QrCode,
    DataMatrix,
};

// "Code 128", "EAN-13", ... as printed in messages.
QString barcodeKindName(BarcodeKind kind);

inline bool isLinear(BarcodeKind kind)
{
    return kind == BarcodeKind::Code128 || kind == BarcodeKind::Ean13 || kind == BarcodeKind::UpcA;
}

// A barcode as a grid of modules (the narrowest bar or the smallest square),
// before it is given a size. Renderers scale it by whole device pixels per module.
struct BarcodeSymbol
{
    BarcodeKind kind = BarcodeKind::Code128;
    QString content;
    int columns = 0;
    int rows = 0;   // 1 for linear codes: every bar runs the full height
    QBitArray dark; // row-major, columns * rows

    // The clear margin the symbology requires around the symbol, in modules.
    int quietLeft = 0;
    int quietRight = 0;
    int quietTop = 0;
    int quietBottom = 0;

    bool isDark(int column, int row) const { return dark.testBit(row * columns + column); }
    int totalColumns() const { return quietLeft + columns + quietRight; }
    int totalRows() const { return quietTop + rows + quietBottom; }
};

// Checks `content` against the symbology's rules and encodes it. Refuses, with a
// message naming the symbology and the offending character or digit: empty
// content; EAN-13/UPC-A that are not exactly 13/12 digits or have a wrong check
// digit (a wrong GTIN on a shelf label is worse than none); Code 128 outside
// printable ASCII (scanners type the content as keystrokes, so a control
// character would act as a key); Data Matrix beyond Latin-1; content too long.
models::Result<BarcodeSymbol> encodeBarcode(BarcodeKind kind, const QString &content);

} // namespace printing
