#include "models/labelrelease.h"

#include <algorithm>

namespace models {

namespace {

bool waitsToBePacked(const PickListOrder &o)
{
    return !o.removed && (o.status == OrderStatus::Ready || o.status == OrderStatus::Picking);
}

QList<PickListOrder> bySlot(QList<PickListOrder> orders)
{
    std::sort(orders.begin(), orders.end(),
              [](const PickListOrder &a, const PickListOrder &b) { return a.slot < b.slot; });
    return orders;
}

} // namespace

QList<int> slotsToRelease(const QList<PickListOrder> &orders, const QSet<int> &held)
{
    QList<int> out;
    QSet<int> named;
    bool blocked = false;
    for (const PickListOrder &o : bySlot(orders)) {
        named.insert(o.slot);
        if (blocked)
            continue;
        if (held.contains(o.slot))
            out << o.slot;
        else if (waitsToBePacked(o))
            blocked = true;
    }
    QList<int> strays;
    for (int s : held)
        if (!named.contains(s))
            strays << s;
    std::sort(strays.begin(), strays.end());
    out << strays;
    std::sort(out.begin(), out.end());
    return out;
}

QList<int> slotsWaitedFor(const QList<PickListOrder> &orders, const QSet<int> &held, int slot)
{
    QList<int> out;
    for (const PickListOrder &o : bySlot(orders))
        if (o.slot < slot && !held.contains(o.slot) && waitsToBePacked(o))
            out << o.slot;
    return out;
}

} // namespace models
