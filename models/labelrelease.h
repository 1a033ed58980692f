#pragma once

#include "models/picklist.h"

#include <QList>
#include <QSet>

namespace models {

// Labels of a batch pick list come out in slot order, so the parcels stack in the
// order the list was picked even when the packer takes the slots out of order.
//
// `held` are the slots of one list whose orders are packed and whose labels wait;
// `orders` is the list as stored now. Walking the slots upwards, a held slot is
// released; a slot whose order still waits to be packed (ready or picking, and not
// taken off the list) stops the walk, holding every later label; any other slot
// (packed earlier, on hold, cancelled, removed by a short pick) is passed over.
// Returns the slots to print now, lowest first. A held slot the list does not
// name is released too: nothing can come before it.
QList<int> slotsToRelease(const QList<PickListOrder> &orders, const QSet<int> &held);

// The slots before `slot` whose orders still wait to be packed, lowest first: what
// a held label waits for.
QList<int> slotsWaitedFor(const QList<PickListOrder> &orders, const QSet<int> &held, int slot);

} // namespace models
