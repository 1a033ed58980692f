#include "models/channelstock.h"

#include <algorithm>
#include <limits>

namespace models {

int ChannelStockRule::availableToPromise(const QList<LocationStock> &locations)
{
    qint64 total = 0;
    for (const LocationStock &l : locations) {
        if (!l.sellsOnline)
            continue;
        qint64 free = qint64(l.onHand) - l.reserved;
        if (l.isStore && free > 0)
            free -= std::min<qint64>(free, std::max(0, l.storeBuffer));
        total += free;
    }
    return static_cast<int>(std::clamp<qint64>(total, 0, std::numeric_limits<int>::max()));
}

int ChannelStockRule::listingQuantity(int availableToPromise, int unitsPerListing,
                                      int channelBuffer)
{
    if (availableToPromise <= 0)
        return 0;
    const int listings = availableToPromise / std::max(1, unitsPerListing);
    return std::max(0, listings - std::max(0, channelBuffer));
}

} // namespace models
