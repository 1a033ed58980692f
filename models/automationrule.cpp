#include "models/automationrule.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace models {

namespace {

struct FieldInfo
{
    RuleField field;
    const char *code;
    const char *label;
};
constexpr FieldInfo kFields[] = {
    {RuleField::Channel, "channel", "Channel"},
    {RuleField::ShipCountry, "ship_country", "Ship-to country"},
    {RuleField::OrderTotal, "order_total", "Order total (minor units)"},
    {RuleField::Sku, "sku", "Contains SKU"},
    {RuleField::WeightGrams, "weight_grams", "Total weight (g)"},
    {RuleField::ShippingService, "shipping_service", "Shipping service"},
    {RuleField::CustomerVip, "customer_vip", "Customer is VIP"},
    {RuleField::ItemCount, "item_count", "Item count"},
};

struct OpInfo
{
    RuleOperator op;
    const char *code;
    const char *label;
};
constexpr OpInfo kOps[] = {
    {RuleOperator::Equals, "equals", "equals"},
    {RuleOperator::NotEquals, "not_equals", "does not equal"},
    {RuleOperator::InList, "in", "is one of"},
    {RuleOperator::Greater, "greater", "is greater than"},
    {RuleOperator::Less, "less", "is less than"},
    {RuleOperator::Contains, "contains", "contains"},
};

struct ActionInfo
{
    RuleActionKind kind;
    const char *code;
    const char *label;
};
constexpr ActionInfo kActions[] = {
    {RuleActionKind::TagVip, "tag_vip", "Tag customer VIP"},
    {RuleActionKind::Hold, "hold", "Hold with reason"},
    {RuleActionKind::SetPriority, "set_priority", "Set priority"},
    {RuleActionKind::RouteToLocation, "route_location", "Route to location"},
    {RuleActionKind::ChooseService, "choose_service", "Choose shipping service"},
};

bool isNumeric(RuleField f)
{
    return f == RuleField::OrderTotal || f == RuleField::WeightGrams || f == RuleField::ItemCount;
}

QStringList listOf(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString t = part.trimmed(); !t.isEmpty())
            out.append(t);
    return out;
}

bool textMatches(RuleOperator op, const QString &actual, const QString &value)
{
    switch (op) {
    case RuleOperator::Equals:
        return actual.compare(value.trimmed(), Qt::CaseInsensitive) == 0;
    case RuleOperator::NotEquals:
        return actual.compare(value.trimmed(), Qt::CaseInsensitive) != 0;
    case RuleOperator::InList:
        for (const QString &v : listOf(value))
            if (actual.compare(v, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    case RuleOperator::Contains:
        return !value.trimmed().isEmpty() && actual.contains(value.trimmed(), Qt::CaseInsensitive);
    case RuleOperator::Greater:
        return actual.compare(value.trimmed(), Qt::CaseInsensitive) > 0;
    case RuleOperator::Less:
        return actual.compare(value.trimmed(), Qt::CaseInsensitive) < 0;
    }
    return false;
}

bool numberMatches(RuleOperator op, qint64 actual, const QString &value)
{
    if (op == RuleOperator::InList) {
        for (const QString &v : listOf(value)) {
            bool ok = false;
            if (v.toLongLong(&ok) == actual && ok)
                return true;
        }
        return false;
    }
    bool ok = false;
    const qint64 n = value.trimmed().toLongLong(&ok);
    if (!ok)
        return false;
    switch (op) {
    case RuleOperator::Equals:
        return actual == n;
    case RuleOperator::NotEquals:
        return actual != n;
    case RuleOperator::Greater:
        return actual > n;
    case RuleOperator::Less:
        return actual < n;
    case RuleOperator::Contains:
        return QString::number(actual).contains(value.trimmed());
    case RuleOperator::InList:
        break;
    }
    return false;
}

QString quoted(const QString &name)
{
    return QStringLiteral("'%1'").arg(name);
}

} // namespace

QString ruleFieldCode(RuleField f)
{
    for (const FieldInfo &i : kFields)
        if (i.field == f)
            return QString::fromLatin1(i.code);
    return {};
}

std::optional<RuleField> ruleFieldFromCode(const QString &code)
{
    for (const FieldInfo &i : kFields)
        if (code == QLatin1String(i.code))
            return i.field;
    return std::nullopt;
}

QString ruleFieldLabel(RuleField f)
{
    for (const FieldInfo &i : kFields)
        if (i.field == f)
            return QString::fromLatin1(i.label);
    return {};
}

QString ruleOperatorCode(RuleOperator o)
{
    for (const OpInfo &i : kOps)
        if (i.op == o)
            return QString::fromLatin1(i.code);
    return {};
}

std::optional<RuleOperator> ruleOperatorFromCode(const QString &code)
{
    for (const OpInfo &i : kOps)
        if (code == QLatin1String(i.code))
            return i.op;
    return std::nullopt;
}

QString ruleOperatorLabel(RuleOperator o)
{
    for (const OpInfo &i : kOps)
        if (i.op == o)
            return QString::fromLatin1(i.label);
    return {};
}

QString ruleActionCode(RuleActionKind k)
{
    for (const ActionInfo &i : kActions)
        if (i.kind == k)
            return QString::fromLatin1(i.code);
    return {};
}

std::optional<RuleActionKind> ruleActionFromCode(const QString &code)
{
    for (const ActionInfo &i : kActions)
        if (code == QLatin1String(i.code))
            return i.kind;
    return std::nullopt;
}

QString ruleActionLabel(RuleActionKind k)
{
    for (const ActionInfo &i : kActions)
        if (i.kind == k)
            return QString::fromLatin1(i.label);
    return {};
}

bool ruleNeedsLines(const AutomationRule &rule)
{
    for (const RuleCondition &c : rule.conditions)
        if (c.field == RuleField::Sku || c.field == RuleField::WeightGrams)
            return true;
    return false;
}

bool conditionMatches(const RuleCondition &c, const RuleOrder &o)
{
    switch (c.field) {
    case RuleField::Channel:
        return textMatches(c.op, o.channelCode, c.value);
    case RuleField::ShipCountry:
        return textMatches(c.op, o.shipCountry, c.value);
    case RuleField::ShippingService:
        return textMatches(c.op, o.shippingService, c.value);
    case RuleField::OrderTotal:
        // A total in another currency is not comparable: the condition does not hold.
        if (!c.currency.isEmpty() && c.currency.compare(o.currency, Qt::CaseInsensitive) != 0)
            return false;
        return numberMatches(c.op, o.totalMinor, c.value);
    case RuleField::WeightGrams:
        return numberMatches(c.op, o.weightGrams, c.value);
    case RuleField::ItemCount:
        return numberMatches(c.op, o.itemCount, c.value);
    case RuleField::CustomerVip: {
        const QString v = c.value.trimmed().toLower();
        const bool wanted =
            v == QLatin1String("yes") || v == QLatin1String("true") || v == QLatin1String("1");
        return c.op == RuleOperator::NotEquals ? o.customerVip != wanted : o.customerVip == wanted;
    }
    case RuleField::Sku:
        // Not equals / not in list: no line has the SKU.
        if (c.op == RuleOperator::NotEquals) {
            for (const QString &s : o.skus)
                if (s.compare(c.value.trimmed(), Qt::CaseInsensitive) == 0)
                    return false;
            return true;
        }
        for (const QString &s : o.skus)
            if (textMatches(c.op, s, c.value))
                return true;
        return false;
    }
    return false;
}

bool ruleMatches(const AutomationRule &rule, const RuleOrder &order)
{
    if (rule.conditions.isEmpty())
        return true; // a rule with no conditions applies to every new order
    for (const RuleCondition &c : rule.conditions) {
        const bool m = conditionMatches(c, order);
        if (rule.matchAll && !m)
            return false;
        if (!rule.matchAll && m)
            return true;
    }
    return rule.matchAll;
}

RuleOutcome evaluateRules(const QList<AutomationRule> &rules, const RuleOrder &order)
{
    RuleOutcome out;
    out.after = order;
    RuleOrder &o = out.after;
    if (o.held)
        return out;
    QList<int> indexes;
    for (int i = 0; i < rules.size(); ++i)
        if (rules.at(i).enabled)
            indexes.append(i);
    std::stable_sort(indexes.begin(), indexes.end(),
                     [&](int a, int b) { return rules.at(a).position < rules.at(b).position; });
    // The first matching rule that sets priority, location or service decides it, even
    // when the order already has that value: the rules after it do not override it, so a second
    // run over the same order finds nothing to change.
    QSet<RuleActionKind> claimed;
    for (int i : indexes) {
        const AutomationRule &rule = rules.at(i);
        if (!ruleMatches(rule, o))
            continue;
        QStringList did;
        QList<RuleActionKind> changed;
        bool heldNow = false;
        for (const RuleAction &a : rule.actions) {
            const bool setsValue = a.kind == RuleActionKind::SetPriority ||
                                   a.kind == RuleActionKind::RouteToLocation ||
                                   a.kind == RuleActionKind::ChooseService;
            if (setsValue && claimed.contains(a.kind))
                continue;
            if (setsValue)
                claimed.insert(a.kind);
            switch (a.kind) {
            case RuleActionKind::TagVip:
                if (o.hasCustomer && !o.customerVip) {
                    o.customerVip = true;
                    did.append(QStringLiteral("tagged the customer VIP"));
                }
                break;
            case RuleActionKind::Hold:
                if (!o.held) {
                    o.held = true;
                    o.holdReason = a.text.trimmed();
                    heldNow = true;
                    did.append(QStringLiteral("held the order: %1").arg(o.holdReason));
                }
                break;
            case RuleActionKind::SetPriority:
                if (o.priority != a.number) {
                    o.priority = a.number;
                    did.append(QStringLiteral("set priority %1").arg(a.number));
                }
                break;
            case RuleActionKind::RouteToLocation:
                if (o.preferredLocation.compare(a.text.trimmed(), Qt::CaseInsensitive) != 0) {
                    o.preferredLocation = a.text.trimmed();
                    did.append(QStringLiteral("routed to %1").arg(o.preferredLocation));
                }
                break;
            case RuleActionKind::ChooseService:
                if (o.shippingService != a.text.trimmed()) {
                    o.shippingService = a.text.trimmed();
                    did.append(QStringLiteral("chose service %1").arg(o.shippingService));
                }
                break;
            }
            if (did.size() > changed.size())
                changed.append(a.kind);
        }
        if (!did.isEmpty())
            out.firings.append(RuleFiring{
                i,
                QStringLiteral("Rule %1 %2").arg(quoted(rule.name), did.join(QStringLiteral(", "))),
                heldNow, changed});
        if (o.held)
            break;
    }
    return out;
}

QString validateRule(const AutomationRule &rule)
{
    const QString name = rule.name.trimmed();
    if (name.isEmpty())
        return QStringLiteral("a rule needs a name");
    if (rule.actions.isEmpty())
        return QStringLiteral("rule %1 has no actions").arg(quoted(name));
    for (int i = 0; i < rule.conditions.size(); ++i) {
        const RuleCondition &c = rule.conditions.at(i);
        const QString where = QStringLiteral("rule %1, condition %2 (%3)")
                                  .arg(quoted(name))
                                  .arg(i + 1)
                                  .arg(ruleFieldLabel(c.field));
        if (c.value.trimmed().isEmpty())
            return QStringLiteral("%1: the value is empty").arg(where);
        if (isNumeric(c.field)) {
            const QStringList values =
                c.op == RuleOperator::InList ? listOf(c.value) : QStringList{c.value.trimmed()};
            for (const QString &v : values) {
                bool ok = false;
                v.toLongLong(&ok);
                if (!ok)
                    return QStringLiteral("%1: \"%2\" is not a whole number").arg(where, v);
            }
        }
        if (c.field == RuleField::OrderTotal && c.currency.trimmed().size() != 3)
            return QStringLiteral("%1: give the currency as a three-letter code").arg(where);
    }
    for (int i = 0; i < rule.actions.size(); ++i) {
        const RuleAction &a = rule.actions.at(i);
        const QString where = QStringLiteral("rule %1, action %2 (%3)")
                                  .arg(quoted(name))
                                  .arg(i + 1)
                                  .arg(ruleActionLabel(a.kind));
        const bool needsText = a.kind == RuleActionKind::Hold ||
                               a.kind == RuleActionKind::RouteToLocation ||
                               a.kind == RuleActionKind::ChooseService;
        if (needsText && a.text.trimmed().isEmpty())
            return QStringLiteral("%1: the value is empty").arg(where);
    }
    return {};
}

QString conditionsToJson(const QList<RuleCondition> &conditions)
{
    QJsonArray a;
    for (const RuleCondition &c : conditions) {
        QJsonObject o{{QStringLiteral("field"), ruleFieldCode(c.field)},
                      {QStringLiteral("op"), ruleOperatorCode(c.op)},
                      {QStringLiteral("value"), c.value}};
        if (!c.currency.isEmpty())
            o.insert(QStringLiteral("currency"), c.currency);
        a.append(o);
    }
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QString actionsToJson(const QList<RuleAction> &actions)
{
    QJsonArray a;
    for (const RuleAction &r : actions) {
        QJsonObject o{{QStringLiteral("action"), ruleActionCode(r.kind)}};
        if (!r.text.isEmpty())
            o.insert(QStringLiteral("text"), r.text);
        if (r.kind == RuleActionKind::SetPriority)
            o.insert(QStringLiteral("number"), r.number);
        a.append(o);
    }
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<RuleCondition> conditionsFromJson(const QString &json, QString *error)
{
    QList<RuleCondition> out;
    const QJsonArray a = QJsonDocument::fromJson(json.toUtf8()).array();
    for (int i = 0; i < a.size(); ++i) {
        const QJsonObject o = a.at(i).toObject();
        const auto field = ruleFieldFromCode(o.value(QStringLiteral("field")).toString());
        const auto op = ruleOperatorFromCode(o.value(QStringLiteral("op")).toString());
        if (!field || !op) {
            if (error && error->isEmpty())
                *error = QStringLiteral("condition %1: unknown field or operator").arg(i + 1);
            continue;
        }
        out.append(RuleCondition{*field, *op, o.value(QStringLiteral("value")).toString(),
                                 o.value(QStringLiteral("currency")).toString()});
    }
    return out;
}

QList<RuleAction> actionsFromJson(const QString &json, QString *error)
{
    QList<RuleAction> out;
    const QJsonArray a = QJsonDocument::fromJson(json.toUtf8()).array();
    for (int i = 0; i < a.size(); ++i) {
        const QJsonObject o = a.at(i).toObject();
        const auto kind = ruleActionFromCode(o.value(QStringLiteral("action")).toString());
        if (!kind) {
            if (error && error->isEmpty())
                *error = QStringLiteral("action %1: unknown action").arg(i + 1);
            continue;
        }
        out.append(RuleAction{*kind, o.value(QStringLiteral("text")).toString(),
                              o.value(QStringLiteral("number")).toInt()});
    }
    return out;
}

} // namespace models
