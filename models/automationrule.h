#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace models {

// Automation rules the owner writes: conditions on a new order's fields, and the
// actions that follow when they match. Rules run in position order before allocation.

enum class RuleField
{
    Channel,         // channel code: shopify, amazon, ebay
    ShipCountry,     // ISO country code of the ship-to address
    OrderTotal,      // minor units; the condition's currency must match the order's
    Sku,             // any line's SKU
    WeightGrams,     // sum of line quantity x product weight
    ShippingService, // the service the buyer chose (or an earlier rule set)
    CustomerVip,     // "yes" / "no"
    ItemCount,       // sum of line quantities
};

enum class RuleOperator
{
    Equals,
    NotEquals,
    InList, // comma-separated values
    Greater,
    Less,
    Contains, // text contains (case-insensitive)
};

struct RuleCondition
{
    RuleField field = RuleField::ShipCountry;
    RuleOperator op = RuleOperator::Equals;
    QString value;    // text, number, or a comma-separated list for InList
    QString currency; // OrderTotal only: the value is in this currency's minor units

    bool operator==(const RuleCondition &) const = default;
};

enum class RuleActionKind
{
    TagVip,          // marks the order's customer as VIP
    Hold,            // puts the order on hold with `text` as the reason
    SetPriority,     // orders.priority = `number`
    RouteToLocation, // the allocator's preferred location: location code in `text`
    ChooseService,   // orders.shipping_service = `text`
};

struct RuleAction
{
    RuleActionKind kind = RuleActionKind::Hold;
    QString text;
    int number = 0;

    bool operator==(const RuleAction &) const = default;
};

struct AutomationRule
{
    qint64 id = 0; // 0 until stored
    QString name;
    bool enabled = true;
    int position = 0;
    bool matchAll = true; // false: any condition matches
    QList<RuleCondition> conditions;
    QList<RuleAction> actions;

    bool operator==(const AutomationRule &) const = default;
};

// What the conditions look at, and what the actions change: one order as the rules
// see it. The evaluation returns a changed copy.
struct RuleOrder
{
    qint64 id = 0;
    QString orderNumber;
    QString channelCode;
    QString shipCountry;
    qint64 totalMinor = 0;
    QString currency;
    QStringList skus;
    qint64 weightGrams = 0;
    QString shippingService;
    bool customerVip = false;
    bool hasCustomer = false;
    int itemCount = 0;
    // Changed by actions:
    int priority = 0;
    bool held = false;
    QString holdReason;
    QString preferredLocation; // location code, empty: none
};

// One rule that matched and changed something: its timeline text.
struct RuleFiring
{
    int ruleIndex = -1;            // into the evaluated list
    QString text;                  // "Rule 'Big orders to Leeds' set priority 2"
    bool held = false;             // this firing put the order on hold
    QList<RuleActionKind> changed; // the actions that changed something
};

struct RuleOutcome
{
    QList<RuleFiring> firings;
    RuleOrder after;
    bool changed() const { return !firings.isEmpty(); }
};

QString ruleFieldCode(RuleField f);
std::optional<RuleField> ruleFieldFromCode(const QString &code);
QString ruleFieldLabel(RuleField f);
QString ruleOperatorCode(RuleOperator o);
std::optional<RuleOperator> ruleOperatorFromCode(const QString &code);
QString ruleOperatorLabel(RuleOperator o);
QString ruleActionCode(RuleActionKind k);
std::optional<RuleActionKind> ruleActionFromCode(const QString &code);
QString ruleActionLabel(RuleActionKind k);

// Whether the rule needs the order's lines (SKU or weight conditions).
bool ruleNeedsLines(const AutomationRule &rule);

bool conditionMatches(const RuleCondition &c, const RuleOrder &order);
bool ruleMatches(const AutomationRule &rule, const RuleOrder &order);

// Runs the enabled rules in position order over one order. Every matching rule fires
// its actions in turn; a firing is recorded only when it changes something. Priority,
// location and service are set by the first matching rule that sets them (the rules
// after it leave them), so running the rules twice over the same order adds nothing
// the second time. A rule that puts the order on hold stops the rules after it: a held
// order waits for a person.
RuleOutcome evaluateRules(const QList<AutomationRule> &rules, const RuleOrder &order);

// A problem with a rule the owner wrote, naming the rule and the condition or
// action; empty when the rule is fine.
QString validateRule(const AutomationRule &rule);

// Conditions and actions as stored: compact JSON arrays.
QString conditionsToJson(const QList<RuleCondition> &conditions);
QString actionsToJson(const QList<RuleAction> &actions);
// Unknown fields, operators or actions are left out; `error` names the first one.
QList<RuleCondition> conditionsFromJson(const QString &json, QString *error = nullptr);
QList<RuleAction> actionsFromJson(const QString &json, QString *error = nullptr);

// What previewing a list of rules over the new orders finds, per rule.
struct RulePreview
{
    QString ruleName;
    int matched = 0;          // orders the rule would fire on (and change)
    QStringList firstNumbers; // first few order numbers
    int held = 0, prioritised = 0, routed = 0, serviced = 0, vip = 0;
};

// The rules the owner edits, stored; and what they would do. Implemented in storage/.
class AutomationSource
{
public:
    virtual ~AutomationSource() = default;
    virtual QList<AutomationRule> rules(QString *error) = 0;
    // Replaces the stored rules with `rules` (positions from list order) in one go.
    virtual QString saveRules(const QList<AutomationRule> &rules) = 0; // empty: saved
    virtual QList<RulePreview> preview(const QList<AutomationRule> &rules, int firstN,
                                       int *ordersLookedAt, QString *error) = 0;
};

} // namespace models
