#include "models/stockmovement.h"

#include <QCoreApplication>

namespace models {

namespace {

struct ReasonName
{
    StockReason reason;
    const char *code;
    const char *label;
    bool manual;
};

constexpr ReasonName kReasons[] = {
    {StockReason::Opening, "opening", QT_TRANSLATE_NOOP("StockReason", "Opening balance"), false},
    {StockReason::Received, "received", QT_TRANSLATE_NOOP("StockReason", "Received"), false},
    {StockReason::Shipped, "shipped", QT_TRANSLATE_NOOP("StockReason", "Shipped"), false},
    {StockReason::Restocked, "restocked", QT_TRANSLATE_NOOP("StockReason", "Return restocked"),
     false},
    {StockReason::Damaged, "damaged", QT_TRANSLATE_NOOP("StockReason", "Damaged"), true},
    {StockReason::Lost, "lost", QT_TRANSLATE_NOOP("StockReason", "Lost"), true},
    {StockReason::Found, "found", QT_TRANSLATE_NOOP("StockReason", "Found"), true},
    {StockReason::CountCorrection, "count_correction",
     QT_TRANSLATE_NOOP("StockReason", "Count correction"), true},
    {StockReason::Sample, "sample", QT_TRANSLATE_NOOP("StockReason", "Sample"), true},
    {StockReason::WriteOff, "write_off", QT_TRANSLATE_NOOP("StockReason", "Write-off"), true},
    {StockReason::TransferOut, "transfer_out", QT_TRANSLATE_NOOP("StockReason", "Transfer out"),
     false},
    {StockReason::TransferIn, "transfer_in", QT_TRANSLATE_NOOP("StockReason", "Transfer in"),
     false},
};

} // namespace

QList<StockReason> allStockReasons()
{
    QList<StockReason> out;
    for (const auto &r : kReasons)
        out.append(r.reason);
    return out;
}

QString stockReasonCode(StockReason reason)
{
    return QString::fromLatin1(kReasons[static_cast<int>(reason)].code);
}

QString stockReasonLabel(StockReason reason)
{
    return QCoreApplication::translate("StockReason", kReasons[static_cast<int>(reason)].label);
}

std::optional<StockReason> stockReasonFromCode(QStringView code)
{
    for (const auto &r : kReasons)
        if (code == QLatin1StringView(r.code))
            return r.reason;
    return std::nullopt;
}

bool isManualAdjustmentReason(StockReason reason)
{
    return kReasons[static_cast<int>(reason)].manual;
}

} // namespace models
