#pragma once

#include "models/result.h"
#include "printing/canvas.h"
#include "printing/document.h"
#include "printing/labeldata.h"

#include <QList>

namespace printing {

enum class LabelStock
{
    Label4x6, // thermal, one label per page
    Label4x4,
    Roll62mm, // 62 mm continuous roll, 100 mm long, printed across the roll
    A4FourUp, // laser sheet cut into four 105 x 148 mm labels
};

PageSetup labelPageSetup(LabelStock stock, int printerDpi = 203);

// Draws one label into `box` (millimetres), laid out for the box's shape:
// tall boxes stack the blocks, wide boxes (a label across a roll) put the
// order code beside the address. `printerDpi` 0 means any printer.
void paintShippingLabel(Canvas &canvas, const QRectF &box, const LabelData &label, int printerDpi);

// One label per parcel. Refuses, naming the parcel, a tracking number Code 128
// cannot carry or an order reference the 2D code cannot.
models::Result<Document> shippingLabelDocument(const QList<LabelData> &labels, LabelStock stock,
                                               int printerDpi = 203);

} // namespace printing
