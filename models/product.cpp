#include "models/product.h"

namespace models {

QString barcodeSymbologyCode(BarcodeSymbology s)
{
    switch (s) {
    case BarcodeSymbology::Ean13:
        return QStringLiteral("EAN13");
    case BarcodeSymbology::UpcA:
        return QStringLiteral("UPCA");
    case BarcodeSymbology::Code128:
        return QStringLiteral("CODE128");
    }
    return QStringLiteral("CODE128");
}

} // namespace models
