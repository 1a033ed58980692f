#include "models/putaway.h"

namespace models {

QString normalBinCode(const QString &typed)
{
    return typed.trimmed().toUpper();
}

Result<PutAway> choosePutAway(const QString &typed, const std::optional<BinRef> &typedBin,
                              const QList<BinRef> &productBins, const QString &locationCode)
{
    const QString code = normalBinCode(typed);
    if (code.isEmpty()) {
        if (productBins.isEmpty())
            return PutAway{};
        return PutAway{productBins.constFirst(), false};
    }
    if (!typedBin || normalBinCode(typedBin->code) != code)
        return Error{QStringLiteral("%1 has no bin %2: check the bin label, or set the bin up "
                                    "first in the product editor")
                         .arg(locationCode, typed.trimmed())};
    return PutAway{*typedBin, productBins.isEmpty()};
}

} // namespace models
