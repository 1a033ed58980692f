#include "models/stockmovement.h"

#include <QCoreApplication>

#include <iterator>

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
    {StockReason::ReturnReceived, "return_received",
     QT_TRANSLATE_NOOP("StockReason", "Return received"), false},
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
    {StockReason::ShortPick, "short_pick",
     QT_TRANSLATE_NOOP("StockReason", "Short pick: bin was wrong"), false},
};

// Codes and labels are looked up by the enum's value: the table must follow its order.
constexpr bool reasonsInEnumOrder()
{
    for (size_t i = 0; i < std::size(kReasons); ++i)
        if (static_cast<size_t>(kReasons[i].reason) != i)
            return false;
    return true;
}
static_assert(reasonsInEnumOrder(), "kReasons must list every StockReason in the enum's order");

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
