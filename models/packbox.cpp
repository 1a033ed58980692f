#include "models/packbox.h"

#include <algorithm>
#include <array>

namespace models {

namespace {

std::array<int, 3> sorted(int a, int b, int c)
{
    std::array<int, 3> d{a, b, c};
    std::sort(d.begin(), d.end());
    return d;
}

qint64 volume(int a, int b, int c)
{
    return qint64(a) * b * c;
}

} // namespace

std::optional<PackBox> suggestBox(const QList<PackBox> &boxes, const QList<BoxItem> &items,
                                  int contentWeightGrams)
{
    if (items.isEmpty())
        return std::nullopt;
    qint64 itemsVolume = 0;
    for (const BoxItem &i : items) {
        if (i.lengthMm <= 0 || i.widthMm <= 0 || i.heightMm <= 0)
            return std::nullopt;
        itemsVolume += volume(i.lengthMm, i.widthMm, i.heightMm) * std::max(i.quantity, 1);
    }
    std::optional<PackBox> best;
    for (const PackBox &b : boxes) {
        const std::array<int, 3> box = sorted(b.lengthMm, b.widthMm, b.heightMm);
        const qint64 boxVolume = volume(box[0], box[1], box[2]);
        if (boxVolume <= 0 || double(itemsVolume) > double(boxVolume) * kBoxFillShare)
            continue;
        if (b.maxWeightGrams > 0 && contentWeightGrams + b.tareGrams > b.maxWeightGrams)
            continue;
        const bool allFit = std::all_of(items.cbegin(), items.cend(), [&](const BoxItem &i) {
            const std::array<int, 3> item = sorted(i.lengthMm, i.widthMm, i.heightMm);
            return item[0] <= box[0] && item[1] <= box[1] && item[2] <= box[2];
        });
        if (!allFit)
            continue;
        if (!best) {
            best = b;
            continue;
        }
        const qint64 bestVolume = volume(best->lengthMm, best->widthMm, best->heightMm);
        if (boxVolume < bestVolume || (boxVolume == bestVolume && b.code < best->code))
            best = b;
    }
    return best;
}

} // namespace models
