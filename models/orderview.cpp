#include "models/orderview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace models {

QList<OrderView> builtInOrderViews()
{
    OrderView late{.name = QStringLiteral("Late"), .builtIn = true};
    late.filter.lateOnly = true;
    late.sortKey = OrderSortKey::ShipBy;
    late.ascending = true; // the most overdue first
    OrderView held{.name = QStringLiteral("On hold"), .builtIn = true};
    held.filter.onHoldOnly = true;
    OrderView ready{.name = QStringLiteral("Ready to pick"), .builtIn = true};
    ready.filter.statuses = {OrderStatus::Ready};
    ready.sortKey = OrderSortKey::ShipBy;
    ready.ascending = true;
    return {late, held, ready};
}

QString encodeOrderView(const OrderView &view)
{
    const OrderQueueFilter &f = view.filter;
    QJsonObject o;
    if (!f.statuses.isEmpty()) {
        QJsonArray statuses;
        for (OrderStatus s : f.statuses)
            statuses.append(orderStatusCode(s));
        o.insert(QStringLiteral("statuses"), statuses);
    }
    if (f.channelId)
        o.insert(QStringLiteral("channel"), f.channelId);
    if (f.locationId)
        o.insert(QStringLiteral("location"), f.locationId);
    if (f.lateOnly)
        o.insert(QStringLiteral("late"), true);
    if (f.onHoldOnly)
        o.insert(QStringLiteral("on_hold"), true);
    if (f.placedFromUtc.isValid())
        o.insert(QStringLiteral("placed_from"), f.placedFromUtc.toUTC().toString(Qt::ISODate));
    if (f.placedToUtc.isValid())
        o.insert(QStringLiteral("placed_to"), f.placedToUtc.toUTC().toString(Qt::ISODate));
    if (!f.search.isEmpty())
        o.insert(QStringLiteral("search"), f.search);
    o.insert(QStringLiteral("sort"), view.sortKey == OrderSortKey::ShipBy
                                         ? QStringLiteral("ship_by")
                                         : QStringLiteral("placed"));
    o.insert(QStringLiteral("asc"), view.ascending);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<OrderView> decodeOrderView(const QString &name, const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (!doc.isObject())
        return Error{QStringLiteral("Saved view \"%1\" cannot be read: %2")
                         .arg(name, parseError.error == QJsonParseError::NoError
                                        ? QStringLiteral("not a JSON object")
                                        : parseError.errorString())};
    const QJsonObject o = doc.object();
    OrderView view{.name = name};
    OrderQueueFilter &f = view.filter;
    for (const QJsonValue &v : o.value(QStringLiteral("statuses")).toArray()) {
        const std::optional<OrderStatus> s = orderStatusFromCode(v.toString());
        if (!s)
            return Error{QStringLiteral("Saved view \"%1\" names an unknown status \"%2\"")
                             .arg(name, v.toString())};
        f.statuses.append(*s);
    }
    f.channelId = o.value(QStringLiteral("channel")).toInteger();
    f.locationId = o.value(QStringLiteral("location")).toInteger();
    f.lateOnly = o.value(QStringLiteral("late")).toBool();
    f.onHoldOnly = o.value(QStringLiteral("on_hold")).toBool();
    for (const auto &[key, target] : {std::pair{QStringLiteral("placed_from"), &f.placedFromUtc},
                                      std::pair{QStringLiteral("placed_to"), &f.placedToUtc}}) {
        if (!o.contains(key))
            continue;
        *target = QDateTime::fromString(o.value(key).toString(), Qt::ISODate).toUTC();
        if (!target->isValid())
            return Error{QStringLiteral("Saved view \"%1\" has an unreadable date in %2: \"%3\"")
                             .arg(name, key, o.value(key).toString())};
    }
    f.search = o.value(QStringLiteral("search")).toString();
    const QString sort = o.value(QStringLiteral("sort")).toString(QStringLiteral("placed"));
    if (sort == QLatin1String("ship_by"))
        view.sortKey = OrderSortKey::ShipBy;
    else if (sort != QLatin1String("placed"))
        return Error{
            QStringLiteral("Saved view \"%1\" sorts by an unknown key \"%2\"").arg(name, sort)};
    view.ascending = o.value(QStringLiteral("asc")).toBool();
    return view;
}

Status checkOrderViewName(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return Error{QStringLiteral("A view needs a name.")};
    if (n.size() > 80)
        return Error{QStringLiteral("A view name is at most 80 characters.")};
    for (const OrderView &b : builtInOrderViews())
        if (b.name.compare(n, Qt::CaseInsensitive) == 0)
            return Error{QStringLiteral("\"%1\" is a built-in view; choose another name.").arg(n)};
    return Status::success();
}

} // namespace models
