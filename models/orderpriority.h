#pragma once

#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>

namespace models {

// What decides which order gets scarce stock first.
enum class PriorityCriterion
{
    Manual,    // orders.priority set by hand: higher first
    Expedited, // paid for fast shipping
    ShipBy,    // the channel's ship-by date: earliest first, none last
    VipValue,  // a VIP customer or an order above the high-value threshold
    Placed,    // oldest first
};

QString priorityCriterionCode(PriorityCriterion criterion); // "manual", "expedited", ...

// The facts about one order that its priority is computed from.
struct PriorityFacts
{
    qint64 orderId = 0;
    int manualPriority = 0;
    bool expedited = false;
    QDateTime shipByUtc; // invalid: no ship-by date
    bool vipCustomer = false;
    qint64 totalMinor = 0;
    QDateTime placedAtUtc;
};

struct PriorityPolicy
{
    QList<PriorityCriterion> criteria = {PriorityCriterion::Manual, PriorityCriterion::Expedited,
                                         PriorityCriterion::ShipBy, PriorityCriterion::VipValue,
                                         PriorityCriterion::Placed};
    qint64 highValueMinor = 15000; // an order total at or above this counts as high value

    // Reads the setting's form: "expedited,ship_by,vip_value,placed" (any order, each once).
    static Result<PriorityPolicy> parse(QStringView criteria, qint64 highValueMinor);
};

// Orders by the policy's criteria in turn; oldest placed, then lowest id, settle
// whatever the criteria leave equal so the order is total and repeatable.
class OrderPriority
{
public:
    explicit OrderPriority(PriorityPolicy policy = {});

    // True when `a` should get stock before `b`.
    bool before(const PriorityFacts &a, const PriorityFacts &b) const;
    void sort(QList<PriorityFacts> &orders) const;

    const PriorityPolicy &policy() const { return m_policy; }

private:
    // <0 when a goes first, >0 when b does, 0 when the criterion cannot tell them apart.
    int compare(PriorityCriterion criterion, const PriorityFacts &a, const PriorityFacts &b) const;

    PriorityPolicy m_policy;
};

} // namespace models
