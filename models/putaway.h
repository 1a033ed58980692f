#pragma once

#include "models/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace models {

// A bin at one location.
struct BinRef
{
    qint64 id = 0;
    QString code;
    friend bool operator==(const BinRef &, const BinRef &) = default;
};

// Where received stock goes at a location, and whether the product's bins there
// should remember it.
struct PutAway
{
    std::optional<BinRef> bin; // none: received at the location without a bin
    bool remember = false;     // a new home bin for a product that had none there
    friend bool operator==(const PutAway &, const PutAway &) = default;
};

// The bin code a receiver scanned or typed, as bins are stored: trimmed, upper case.
QString normalBinCode(const QString &typed);

// Chooses the bin for a receipt of one product at one location.
// - `typed`: what the receiver scanned or typed; empty for the product's own bin.
// - `typedBin`: the location's bin with that code, none when the location has none.
// - `productBins`: the product's bins at the location, the primary first.
// Nothing typed: the primary bin, or no bin when the product has none there. A typed
// code must name a bin of the location (refused in words otherwise); a product with no
// bin there remembers it.
Result<PutAway> choosePutAway(const QString &typed, const std::optional<BinRef> &typedBin,
                              const QList<BinRef> &productBins, const QString &locationCode);

} // namespace models
