#include "models/pickwave.h"

#include <QMap>

#include <algorithm>

namespace models {

namespace {

QList<QPair<QString, int>> countsOf(const QList<WaveCandidate> &orders,
                                    QString WaveCandidate::*field)
{
    QMap<QString, int> counts;
    for (const WaveCandidate &o : orders)
        ++counts[o.*field];
    QList<QPair<QString, int>> out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.append({it.key(), it.value()});
    std::stable_sort(out.begin(), out.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    return out;
}

} // namespace

bool isPriorityOrder(const WaveCandidate &order)
{
    return order.priority.manualPriority > 0 || order.priority.expedited;
}

QList<WaveCandidate> selectWave(QList<WaveCandidate> ready, const WaveSpec &spec,
                                const OrderPriority &priority)
{
    ready.removeIf([&spec](const WaveCandidate &o) {
        switch (spec.kind) {
        case WaveKind::NextOrders:
            return false;
        case WaveKind::Channel:
            return o.channelCode != spec.channelCode;
        case WaveKind::Priority:
            return !isPriorityOrder(o);
        case WaveKind::Carrier:
            return o.shippingService != spec.shippingService;
        case WaveKind::Selection:
            return !spec.selection.contains(o.priority.orderId);
        }
        return true;
    });
    std::sort(ready.begin(), ready.end(),
              [&priority](const WaveCandidate &a, const WaveCandidate &b) {
                  return priority.before(a.priority, b.priority);
              });
    if (spec.limit > 0 && ready.size() > spec.limit)
        ready.resize(spec.limit);
    return ready;
}

QList<QPair<QString, int>> channelCounts(const QList<WaveCandidate> &orders)
{
    return countsOf(orders, &WaveCandidate::channelCode);
}

QList<QPair<QString, int>> serviceCounts(const QList<WaveCandidate> &orders)
{
    return countsOf(orders, &WaveCandidate::shippingService);
}

QList<ShortfallShare> assignShortfall(const QList<ShortfallShare> &orders, int missing)
{
    QList<ShortfallShare> out;
    for (qsizetype i = orders.size() - 1; i >= 0 && missing > 0; --i) {
        const ShortfallShare &o = orders.at(i);
        if (o.quantity <= 0)
            continue;
        const int take = std::min(o.quantity, missing);
        out.append({o.orderId, take});
        missing -= take;
    }
    return out;
}

} // namespace models
