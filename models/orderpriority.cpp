#include "models/orderpriority.h"

#include <QCoreApplication>

#include <algorithm>

namespace models {

namespace {

struct CriterionName
{
    PriorityCriterion criterion;
    const char *code;
};

constexpr CriterionName kNames[] = {
    {PriorityCriterion::Manual, "manual"},  {PriorityCriterion::Expedited, "expedited"},
    {PriorityCriterion::ShipBy, "ship_by"}, {PriorityCriterion::VipValue, "vip_value"},
    {PriorityCriterion::Placed, "placed"},
};

template <typename T> int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

QString priorityCriterionCode(PriorityCriterion criterion)
{
    for (const auto &n : kNames)
        if (n.criterion == criterion)
            return QString::fromLatin1(n.code);
    return {};
}

Result<PriorityPolicy> PriorityPolicy::parse(QStringView criteria, qint64 highValueMinor)
{
    PriorityPolicy policy;
    policy.criteria.clear();
    policy.highValueMinor = highValueMinor;
    for (QStringView word : criteria.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        word = word.trimmed();
        const auto *found = std::find_if(std::begin(kNames), std::end(kNames), [&](const auto &n) {
            return word.compare(QLatin1StringView(n.code), Qt::CaseInsensitive) == 0;
        });
        if (found == std::end(kNames))
            return Error{QCoreApplication::translate(
                             "OrderPriority", "unknown priority criterion \"%1\" (use "
                                              "manual, expedited, ship_by, vip_value, placed)")
                             .arg(word.toString())};
        if (policy.criteria.contains(found->criterion))
            return Error{QCoreApplication::translate("OrderPriority",
                                                     "priority criterion \"%1\" is listed twice")
                             .arg(word.toString())};
        policy.criteria.append(found->criterion);
    }
    if (policy.criteria.isEmpty())
        return Error{QCoreApplication::translate("OrderPriority", "no priority criteria given")};
    if (highValueMinor < 0)
        return Error{
            QCoreApplication::translate("OrderPriority", "the high-value threshold is negative")};
    return policy;
}

OrderPriority::OrderPriority(PriorityPolicy policy) : m_policy(std::move(policy)) {}

int OrderPriority::compare(PriorityCriterion criterion, const PriorityFacts &a,
                           const PriorityFacts &b) const
{
    switch (criterion) {
    case PriorityCriterion::Manual:
        return threeWay(b.manualPriority, a.manualPriority);
    case PriorityCriterion::Expedited:
        return threeWay(b.expedited, a.expedited);
    case PriorityCriterion::ShipBy:
        if (a.shipByUtc.isValid() != b.shipByUtc.isValid())
            return a.shipByUtc.isValid() ? -1 : 1;
        return a.shipByUtc.isValid() ? threeWay(a.shipByUtc, b.shipByUtc) : 0;
    case PriorityCriterion::VipValue: {
        const bool ia = a.vipCustomer || a.totalMinor >= m_policy.highValueMinor;
        const bool ib = b.vipCustomer || b.totalMinor >= m_policy.highValueMinor;
        return threeWay(ib, ia);
    }
    case PriorityCriterion::Placed:
        return threeWay(a.placedAtUtc, b.placedAtUtc);
    }
    return 0;
}

bool OrderPriority::before(const PriorityFacts &a, const PriorityFacts &b) const
{
    for (PriorityCriterion c : m_policy.criteria)
        if (const int r = compare(c, a, b); r != 0)
            return r < 0;
    if (const int r = compare(PriorityCriterion::Placed, a, b); r != 0)
        return r < 0;
    return a.orderId < b.orderId;
}

void OrderPriority::sort(QList<PriorityFacts> &orders) const
{
    std::sort(orders.begin(), orders.end(),
              [this](const PriorityFacts &a, const PriorityFacts &b) { return before(a, b); });
}

} // namespace models
