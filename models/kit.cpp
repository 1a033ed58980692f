#include "models/kit.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("KitRules", text);
}

} // namespace

int KitRules::kitsAvailable(const QList<KitComponent> &components,
                            const QHash<qint64, int> &available)
{
    if (components.isEmpty())
        return 0;
    int kits = std::numeric_limits<int>::max();
    for (const KitComponent &c : components)
        kits = std::min(kits, std::max(0, available.value(c.productId)) / std::max(1, c.quantity));
    return kits;
}

QList<KitComponent> KitRules::unitsFor(const QList<KitComponent> &components, int kits)
{
    QList<KitComponent> out = components;
    for (KitComponent &c : out)
        c.quantity *= kits;
    return out;
}

int KitRules::kitsCompleted(const QList<KitComponent> &components, const QHash<qint64, int> &units)
{
    return kitsAvailable(components, units);
}

int KitRules::weightGrams(const QList<KitComponent> &components)
{
    qint64 grams = 0;
    for (const KitComponent &c : components)
        grams += qint64(c.weightGrams) * c.quantity;
    return static_cast<int>(std::min<qint64>(grams, std::numeric_limits<int>::max()));
}

Status KitRules::validate(qint64 kitProductId, const QList<KitComponent> &components,
                          const QSet<qint64> &kitProductIds)
{
    if (components.isEmpty())
        return Error{tr("a kit needs at least one component")};
    QSet<qint64> seen;
    for (qsizetype i = 0; i < components.size(); ++i) {
        const KitComponent &c = components.at(i);
        const QString where = c.sku.isEmpty() ? tr("component %1").arg(i + 1)
                                              : tr("component %1 (%2)").arg(i + 1).arg(c.sku);
        if (c.productId <= 0)
            return Error{tr("%1: no such product").arg(where)};
        if (c.quantity < 1 || c.quantity > 999)
            return Error{
                tr("%1: the quantity %2 must be from 1 to 999").arg(where).arg(c.quantity)};
        if (c.productId == kitProductId)
            return Error{tr("%1: a kit cannot contain itself").arg(where)};
        if (kitProductIds.contains(c.productId))
            return Error{tr("%1: is a kit itself, and kits do not nest").arg(where)};
        if (seen.contains(c.productId))
            return Error{tr("%1: listed twice; give one row its total quantity").arg(where)};
        seen.insert(c.productId);
    }
    return {};
}

QString KitRules::describe(const QList<KitComponent> &components)
{
    QStringList parts;
    for (const KitComponent &c : components)
        parts.append(QStringLiteral("%1 × %2").arg(c.quantity).arg(c.sku));
    return parts.join(QStringLiteral(", "));
}

} // namespace models
