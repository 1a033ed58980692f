#include "models/orderdocument.h"

#include "models/channel.h"

#include <QStringList>

namespace models {

QString kitContentsText(const QList<KitComponent> &parts, int kits)
{
    if (parts.isEmpty())
        return {};
    QStringList words;
    for (const KitComponent &c : parts)
        words.append(
            QStringLiteral("%1 × %2").arg(c.quantity).arg(c.name.isEmpty() ? c.sku : c.name));
    return (kits > 1 ? QStringLiteral("each contains %1") : QStringLiteral("contains %1"))
        .arg(words.join(QStringLiteral(", ")));
}

Result<OrderNumberMatch> uniqueOrder(const QString &number, const QList<OrderNumberMatch> &matches)
{
    if (matches.isEmpty())
        return Error{QStringLiteral("no order numbered %1").arg(number)};
    if (matches.size() == 1)
        return matches.first();
    QStringList channels;
    for (const OrderNumberMatch &m : matches)
        channels.append(channelDisplayName(m.channelCode));
    return Error{QStringLiteral("order number %1 is used on several channels (%2): "
                                "say which with --channel")
                     .arg(number, channels.join(QStringLiteral(", ")))};
}

} // namespace models
