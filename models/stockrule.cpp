#include "models/stockrule.h"

#include <QCoreApplication>

#include <numeric>

namespace models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StockRule", text);
}

} // namespace

int StockRule::onHandFromMovements(const QList<int> &movementQuantities)
{
    return std::accumulate(movementQuantities.cbegin(), movementQuantities.cend(), 0);
}

Status StockRule::checkLevel(const StockLevel &level, bool backordersAllowed)
{
    if (level.reserved < 0)
        return Error{tr("product %1 at location %2: reserved is negative (%3)")
                         .arg(level.productId)
                         .arg(level.locationId)
                         .arg(level.reserved)};
    if (!backordersAllowed && level.onHand < 0)
        return Error{tr("product %1 at location %2: on hand is negative (%3)")
                         .arg(level.productId)
                         .arg(level.locationId)
                         .arg(level.onHand)};
    if (!backordersAllowed && level.reserved > level.onHand)
        return Error{tr("product %1 at location %2: %3 reserved but only %4 on hand")
                         .arg(level.productId)
                         .arg(level.locationId)
                         .arg(level.reserved)
                         .arg(level.onHand)};
    return {};
}

Status StockRule::applyMovement(StockLevel &level, int quantity, bool backordersAllowed)
{
    if (quantity == 0)
        return Error{tr("a stock movement of zero records nothing")};
    StockLevel next = level;
    next.onHand += quantity;
    if (Status s = checkLevel(next, backordersAllowed); !s)
        return s;
    level = next;
    return {};
}

Status StockRule::reserve(StockLevel &level, int quantity, bool backordersAllowed)
{
    if (quantity <= 0)
        return Error{tr("a reservation needs a positive quantity")};
    StockLevel next = level;
    next.reserved += quantity;
    if (Status s = checkLevel(next, backordersAllowed); !s)
        return Error{tr("only %1 available, %2 wanted").arg(level.available()).arg(quantity)};
    level = next;
    return {};
}

} // namespace models
