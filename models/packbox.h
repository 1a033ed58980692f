#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace models {

// A carton the bench packs into. Scanning its code (a label on the shelf of boxes)
// chooses it.
struct PackBox
{
    QString code; // "BOX-M"
    QString name; // "Medium box"
    int lengthMm = 0;
    int widthMm = 0;
    int heightMm = 0;
    int maxWeightGrams = 0; // 0: no limit
    int tareGrams = 0;      // the empty box
};

struct BoxItem
{
    int lengthMm = 0;
    int widthMm = 0;
    int heightMm = 0;
    int quantity = 1;
};

// Room left for filling and the way things sit in a box: items may take up to this
// share of its volume.
inline constexpr double kBoxFillShare = 0.8;

// The smallest box (by volume; then by code) that holds the items: every item fits
// in it whichever way it is turned, their volume is at most kBoxFillShare of the
// box's, and the contents plus the box stay within its weight limit. None when an
// item's size is not known, or nothing is big enough.
std::optional<PackBox> suggestBox(const QList<PackBox> &boxes, const QList<BoxItem> &items,
                                  int contentWeightGrams);

} // namespace models
