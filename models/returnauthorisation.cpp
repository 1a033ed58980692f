#include "models/returnauthorisation.h"

#include <QCoreApplication>

namespace models {

namespace {

struct StatusName
{
    ReturnStatus status;
    const char *code;
    const char *label;
};

constexpr StatusName kStatuses[] = {
    {ReturnStatus::Requested, "requested", QT_TRANSLATE_NOOP("ReturnStatus", "Requested")},
    {ReturnStatus::Authorised, "authorised", QT_TRANSLATE_NOOP("ReturnStatus", "Authorised")},
    {ReturnStatus::Received, "received", QT_TRANSLATE_NOOP("ReturnStatus", "Received")},
    {ReturnStatus::Inspected, "inspected", QT_TRANSLATE_NOOP("ReturnStatus", "Inspected")},
    {ReturnStatus::RefundPending, "refund_pending",
     QT_TRANSLATE_NOOP("ReturnStatus", "Refund pending")},
    {ReturnStatus::Refunded, "refunded", QT_TRANSLATE_NOOP("ReturnStatus", "Refunded")},
    {ReturnStatus::Closed, "closed", QT_TRANSLATE_NOOP("ReturnStatus", "Closed")},
    {ReturnStatus::Rejected, "rejected", QT_TRANSLATE_NOOP("ReturnStatus", "Rejected")},
    {ReturnStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("ReturnStatus", "Cancelled")},
};

struct ReasonName
{
    ReturnReason reason;
    const char *code;
    const char *label;
    bool shopFault;
};

constexpr ReasonName kReasons[] = {
    {ReturnReason::Damaged, "damaged", QT_TRANSLATE_NOOP("ReturnReason", "Damaged"), true},
    {ReturnReason::WrongItemSent, "wrong_item",
     QT_TRANSLATE_NOOP("ReturnReason", "Wrong item sent"), true},
    {ReturnReason::NotAsDescribed, "not_as_described",
     QT_TRANSLATE_NOOP("ReturnReason", "Not as described"), true},
    {ReturnReason::DoesntFit, "doesnt_fit", QT_TRANSLATE_NOOP("ReturnReason", "Doesn't fit"),
     false},
    {ReturnReason::ChangedMind, "changed_mind", QT_TRANSLATE_NOOP("ReturnReason", "Changed mind"),
     false},
    {ReturnReason::ArrivedLate, "arrived_late", QT_TRANSLATE_NOOP("ReturnReason", "Arrived late"),
     true},
};

constexpr const char *kConditions[] = {"resellable", "refurbish", "damaged"};

} // namespace

QList<ReturnStatus> allReturnStatuses()
{
    QList<ReturnStatus> out;
    for (const auto &s : kStatuses)
        out.append(s.status);
    return out;
}

QString returnStatusCode(ReturnStatus status)
{
    return QString::fromLatin1(kStatuses[static_cast<int>(status)].code);
}

QString returnStatusLabel(ReturnStatus status)
{
    return QCoreApplication::translate("ReturnStatus", kStatuses[static_cast<int>(status)].label);
}

std::optional<ReturnStatus> returnStatusFromCode(QStringView code)
{
    for (const auto &s : kStatuses)
        if (code == QLatin1StringView(s.code))
            return s.status;
    return std::nullopt;
}

bool isFinalReturnStatus(ReturnStatus status)
{
    return status == ReturnStatus::Closed || status == ReturnStatus::Rejected ||
           status == ReturnStatus::Cancelled;
}

QList<ReturnReason> allReturnReasons()
{
    QList<ReturnReason> out;
    for (const auto &r : kReasons)
        out.append(r.reason);
    return out;
}

QString returnReasonCode(ReturnReason reason)
{
    return QString::fromLatin1(kReasons[static_cast<int>(reason)].code);
}

QString returnReasonLabel(ReturnReason reason)
{
    return QCoreApplication::translate("ReturnReason", kReasons[static_cast<int>(reason)].label);
}

std::optional<ReturnReason> returnReasonFromCode(QStringView code)
{
    for (const auto &r : kReasons)
        if (code == QLatin1StringView(r.code))
            return r.reason;
    return std::nullopt;
}

bool isShopFault(ReturnReason reason)
{
    return kReasons[static_cast<int>(reason)].shopFault;
}

QString returnConditionCode(ReturnCondition condition)
{
    return QString::fromLatin1(kConditions[static_cast<int>(condition)]);
}

std::optional<ReturnCondition> returnConditionFromCode(QStringView code)
{
    for (int i = 0; i < 3; ++i)
        if (code == QLatin1StringView(kConditions[i]))
            return static_cast<ReturnCondition>(i);
    return std::nullopt;
}

QString rmaNumberFor(qint64 returnId)
{
    return QStringLiteral("RMA-%1").arg(returnId, 6, 10, QLatin1Char('0'));
}

QString ReturnAuthorisation::displayName() const
{
    return rmaNumber.isEmpty() ? QStringLiteral("return request %1").arg(id) : rmaNumber;
}

} // namespace models
