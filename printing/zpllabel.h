#pragma once

#include "models/result.h"
#include "printing/labeldata.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace printing {

struct ZplOptions
{
    int dpi = 203;     // 203 (8 dots/mm), 300 (12 dots/mm) or 600
    qreal widthIn = 4; // the label stock
    qreal heightIn = 6;
    int copies = 1; // ^PQ
};

// Field data for ^FH^FD...^FS with '_' as the escape character: '^' and '~'
// (which would start a command), '_' itself, '\' (which starts a line break
// in a ^FB block) and control characters become _XX hex bytes; everything else
// stays UTF-8 for ^CI28. A buyer named "A^B~C" prints as typed.
QByteArray zplFieldData(const QString &text);

// The label in ZPL II: ^XA ... ^XZ with ^CI28, fonts and barcodes sized in
// printer dots for `options.dpi`, the address in ^FB blocks that shrink their
// font until the text fits. Refuses, naming the parcel, a tracking number
// Code 128 cannot carry, an order code that is not a QR Code or Data Matrix,
// or an unsupported resolution.
models::Result<QByteArray> zplLabel(const LabelData &label, const ZplOptions &options = {});

// Several labels in one print job, one ^XA ... ^XZ format each.
models::Result<QByteArray> zplLabels(const QList<LabelData> &labels,
                                     const ZplOptions &options = {});

} // namespace printing
