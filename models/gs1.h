#pragma once

#include "models/result.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace models::gs1 {

// One GS1 Application Identifier and its data, "(01)09506000134352" as {"01", "09506000134352"}.
struct Element
{
    QString ai;
    QString data;
    friend bool operator==(const Element &, const Element &) = default;
};

// What a scanner typed, split into the symbology identifier it may have prefixed
// ("]C1" GS1-128, "]d2" GS1 DataMatrix, "]Q3" GS1 QR Code, "]E0" EAN/UPC …) and
// the data after it. Scanners that send no identifier leave `identifier` empty.
struct ScannedText
{
    QString identifier;
    QString data;
};
ScannedText splitSymbologyIdentifier(QStringView scanned);

// True when the identifier says the data is a GS1 element string.
bool isGs1Identifier(QStringView identifier);

// Parses a GS1 element string: AIs of predefined length run into the next one;
// variable-length data ends at FNC1 (sent as the GS character, 0x1D) or at the end.
// Also reads the bracketed human-readable form "(01)09506000134352(10)AB12".
// Refuses, naming the AI and what is wrong: an AI it does not know, data too short
// or too long, non-digits where digits belong, a GTIN with a wrong check digit.
Result<QList<Element>> parseElementString(QStringView data);

// The GTIN-14 of a scan that is a GS1 element string holding (01), whether the
// scanner sent a GS1 identifier or not (an unmarked string must start with "01",
// hold a valid GTIN-14 and parse as a whole). Empty for anything else.
std::optional<QString> gtinOfScan(QStringView scanned);

// A GTIN-8/12/13/14 padded with leading zeros to the 14 digits of (01), so that
// EAN-13 "5012345678900", UPC-A "012345678905" and their GTIN-14 forms compare
// equal. Empty when `code` is not a valid GTIN.
std::optional<QString> toGtin14(QStringView code);

} // namespace models::gs1
