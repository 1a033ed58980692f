#include "storage/sqlautomation.h"

#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>

namespace storage {

using models::AutomationRule;
using models::Error;
using models::Result;
using models::RuleOrder;
using models::Status;

namespace {

// The new orders with the fields the conditions look at; lines only when a rule
// needs them. Order ids keep the list in import order.
Result<QList<RuleOrder>> loadNewOrders(const QSqlDatabase &db, bool withLines,
                                       const QSet<qint64> &onlyOrders)
{
    Result<QSqlQuery> q = runQuery(
        db, QStringLiteral(
                "SELECT o.id, o.order_number, c.code, o.ship_country, o.total_minor, o.currency, "
                "o.shipping_service, o.customer_id, COALESCE(cu.is_vip, 0), o.item_count, "
                "o.priority, pl.code FROM orders o JOIN channels c ON c.id = o.channel_id "
                "LEFT JOIN customers cu ON cu.id = o.customer_id "
                "LEFT JOIN locations pl ON pl.id = o.preferred_location_id "
                "WHERE o.status = 'new' ORDER BY o.id"));
    if (!q.ok())
        return Error{q.error()};
    QList<RuleOrder> out;
    QHash<qint64, qsizetype> indexOf;
    QSqlQuery &r = q.value();
    while (r.next()) {
        const qint64 id = r.value(0).toLongLong();
        if (!onlyOrders.isEmpty() && !onlyOrders.contains(id))
            continue;
        RuleOrder o;
        o.id = id;
        o.orderNumber = r.value(1).toString();
        o.channelCode = r.value(2).toString();
        o.shipCountry = r.value(3).toString().trimmed().toUpper();
        o.totalMinor = r.value(4).toLongLong();
        o.currency = r.value(5).toString();
        o.shippingService = r.value(6).toString();
        o.hasCustomer = !r.value(7).isNull();
        o.customerVip = r.value(8).toInt() != 0;
        o.itemCount = r.value(9).toInt();
        o.priority = r.value(10).toInt();
        o.preferredLocation = r.value(11).toString();
        indexOf.insert(id, out.size());
        out.append(std::move(o));
    }
    if (!withLines || out.isEmpty())
        return out;
    Result<QSqlQuery> lines = runQuery(
        db, QStringLiteral("SELECT l.order_id, l.sku, l.quantity * COALESCE(p.weight_grams, 0) "
                           "FROM order_lines l JOIN orders o ON o.id = l.order_id "
                           "LEFT JOIN products p ON p.id = l.product_id WHERE o.status = 'new'"));
    if (!lines.ok())
        return Error{lines.error()};
    QSqlQuery &l = lines.value();
    while (l.next()) {
        const auto it = indexOf.constFind(l.value(0).toLongLong());
        if (it == indexOf.cend())
            continue;
        RuleOrder &o = out[*it];
        o.skus.append(l.value(1).toString());
        o.weightGrams += l.value(2).toLongLong();
    }
    return out;
}

bool anyNeedsLines(const QList<AutomationRule> &rules)
{
    for (const AutomationRule &r : rules)
        if (r.enabled && models::ruleNeedsLines(r))
            return true;
    return false;
}

Result<QHash<QString, qint64>> locationIds(const QSqlDatabase &db)
{
    Result<QSqlQuery> q = runQuery(db, QStringLiteral("SELECT code, id FROM locations"));
    if (!q.ok())
        return Error{q.error()};
    QHash<QString, qint64> out;
    while (q.value().next())
        out.insert(q.value().value(0).toString().toUpper(), q.value().value(1).toLongLong());
    return out;
}

// Every rule validates and names only locations that exist.
Status checkRules(const QList<AutomationRule> &rules, const QHash<QString, qint64> &locations)
{
    for (const AutomationRule &r : rules) {
        if (const QString problem = models::validateRule(r); !problem.isEmpty())
            return Error{problem};
        for (const models::RuleAction &a : r.actions)
            if (a.kind == models::RuleActionKind::RouteToLocation &&
                !locations.contains(a.text.trimmed().toUpper()))
                return Error{QStringLiteral("rule '%1': there is no location with code \"%2\"")
                                 .arg(r.name.trimmed(), a.text.trimmed())};
    }
    return {};
}

} // namespace

Result<QList<AutomationRule>> loadAutomationRules(const QSqlDatabase &db)
{
    Result<QSqlQuery> q = runQuery(
        db, QStringLiteral("SELECT id, name, enabled, position, match_all, conditions_json, "
                           "actions_json FROM automation_rules ORDER BY position, id"));
    if (!q.ok())
        return Error{q.error()};
    QList<AutomationRule> out;
    QSqlQuery &r = q.value();
    while (r.next()) {
        AutomationRule rule;
        rule.id = r.value(0).toLongLong();
        rule.name = r.value(1).toString();
        rule.enabled = r.value(2).toInt() != 0;
        rule.position = r.value(3).toInt();
        rule.matchAll = r.value(4).toInt() != 0;
        QString problem;
        rule.conditions = models::conditionsFromJson(r.value(5).toString(), &problem);
        rule.actions = models::actionsFromJson(r.value(6).toString(), &problem);
        if (!problem.isEmpty())
            return Error{QStringLiteral("rule '%1': %2").arg(rule.name, problem)};
        out.append(rule);
    }
    return out;
}

Status saveAutomationRules(const QSqlDatabase &db, const QList<AutomationRule> &rules)
{
    Transaction txn(db, Transaction::Mode::Write);
    if (!txn.isActive())
        return Error{
            QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};
    Result<QHash<QString, qint64>> locations = locationIds(db);
    if (!locations.ok())
        return Error{locations.error()};
    if (Status s = checkRules(rules, locations.value()); !s)
        return s;
    const QString now = isoUtc(QDateTime::currentDateTimeUtc());
    QSet<qint64> kept;
    for (const AutomationRule &r : rules)
        if (r.id > 0)
            kept.insert(r.id);
    Result<QSqlQuery> existing = runQuery(db, QStringLiteral("SELECT id FROM automation_rules"));
    if (!existing.ok())
        return Error{existing.error()};
    QList<qint64> gone;
    while (existing.value().next())
        if (const qint64 id = existing.value().value(0).toLongLong(); !kept.contains(id))
            gone.append(id);
    for (qint64 id : gone)
        if (Status s =
                runStatement(db, QStringLiteral("DELETE FROM automation_rules WHERE id = ?"), {id});
            !s)
            return s;
    for (int i = 0; i < rules.size(); ++i) {
        const AutomationRule &r = rules.at(i);
        const QVariantList values{r.name.trimmed(),
                                  r.enabled ? 1 : 0,
                                  i + 1,
                                  r.matchAll ? 1 : 0,
                                  models::conditionsToJson(r.conditions),
                                  models::actionsToJson(r.actions),
                                  now};
        Status s;
        if (r.id > 0)
            s = runStatement(db,
                             QStringLiteral("UPDATE automation_rules SET name = ?, enabled = ?, "
                                            "position = ?, match_all = ?, conditions_json = ?, "
                                            "actions_json = ?, updated_at = ? WHERE id = ?"),
                             values + QVariantList{r.id});
        else
            s = runStatement(
                db,
                QStringLiteral("INSERT INTO automation_rules (name, enabled, position, "
                               "match_all, conditions_json, actions_json, updated_at, "
                               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                values + QVariantList{now});
        if (!s)
            return s;
    }
    return txn.commit();
}

Result<RulesRunSummary> applyRulesToNewOrders(const QSqlDatabase &db, const QString &user,
                                              const QSet<qint64> &onlyOrders)
{
    Result<QList<AutomationRule>> rules = loadAutomationRules(db);
    if (!rules.ok())
        return Error{rules.error()};
    RulesRunSummary summary;
    bool anyEnabled = false;
    for (const AutomationRule &r : rules.value())
        anyEnabled = anyEnabled || r.enabled;
    if (!anyEnabled)
        return summary;

    Transaction txn(db, Transaction::Mode::Write);
    if (!txn.isActive())
        return Error{
            QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};
    Result<QHash<QString, qint64>> locations = locationIds(db);
    if (!locations.ok())
        return Error{locations.error()};
    if (Status s = checkRules(rules.value(), locations.value()); !s)
        return Error{s.error()};
    Result<QList<RuleOrder>> orders = loadNewOrders(db, anyNeedsLines(rules.value()), onlyOrders);
    if (!orders.ok())
        return Error{orders.error()};
    summary.ordersLookedAt = static_cast<int>(orders.value().size());

    const QString updateSql = QStringLiteral(
        "UPDATE orders SET status = ?, hold_reason = ?, priority = ?, shipping_service = ?, "
        "preferred_location_id = ?, updated_at = ? WHERE id = ? AND status = 'new'");
    const QString vipSql = QStringLiteral(
        "UPDATE customers SET is_vip = 1 WHERE id = (SELECT customer_id FROM orders WHERE id = ?)");
    const QString eventSql = QStringLiteral(
        "INSERT INTO order_events (order_id, at, kind, from_status, to_status, detail, user_name) "
        "VALUES (?, ?, 'rule', ?, ?, ?, ?)");
    QSqlQuery update(db), vip(db), event(db);
    if (!update.prepare(updateSql))
        return sqlError(update, updateSql);
    if (!vip.prepare(vipSql))
        return sqlError(vip, vipSql);
    if (!event.prepare(eventSql))
        return sqlError(event, eventSql);

    const QString now = isoUtc(QDateTime::currentDateTimeUtc());
    for (const RuleOrder &before : orders.value()) {
        const models::RuleOutcome outcome = models::evaluateRules(rules.value(), before);
        if (!outcome.changed())
            continue;
        const RuleOrder &o = outcome.after;
        std::optional<qint64> location;
        if (!o.preferredLocation.isEmpty())
            location = locations.value().value(o.preferredLocation.toUpper());
        if (Status s = execPrepared(
                update, {o.held ? QStringLiteral("on_hold") : QStringLiteral("new"),
                         o.held ? QVariant(o.holdReason) : nullText(), o.priority,
                         o.shippingService.isEmpty() ? nullText() : QVariant(o.shippingService),
                         optionalId(location), now, o.id});
            !s)
            return Error{s.error()};
        if (o.customerVip && !before.customerVip)
            if (Status s = execPrepared(vip, {o.id}); !s)
                return Error{s.error()};
        for (const models::RuleFiring &f : outcome.firings) {
            if (Status s = execPrepared(
                    event,
                    {o.id, now, f.held ? QVariant(QStringLiteral("new")) : nullText(),
                     f.held ? QVariant(QStringLiteral("on_hold")) : nullText(), f.text, user});
                !s)
                return Error{s.error()};
            ++summary.firings;
        }
        ++summary.ordersChanged;
        if (o.held)
            ++summary.held;
    }
    if (Status s = txn.commit(); !s)
        return Error{s.error()};
    return summary;
}

Result<QList<models::RulePreview>> previewRules(const QSqlDatabase &db,
                                                const QList<AutomationRule> &rules, int firstN,
                                                int *ordersLookedAt)
{
    Transaction txn(db, Transaction::Mode::Read);
    Result<QHash<QString, qint64>> locations = locationIds(db);
    if (!locations.ok())
        return Error{locations.error()};
    if (Status s = checkRules(rules, locations.value()); !s)
        return Error{s.error()};
    Result<QList<RuleOrder>> orders = loadNewOrders(db, anyNeedsLines(rules), {});
    if (!orders.ok())
        return Error{orders.error()};
    if (ordersLookedAt)
        *ordersLookedAt = static_cast<int>(orders.value().size());
    QList<models::RulePreview> out;
    for (const AutomationRule &r : rules) {
        models::RulePreview p;
        p.ruleName = r.name.trimmed();
        out.append(p);
    }
    for (const RuleOrder &o : orders.value()) {
        const models::RuleOutcome outcome = models::evaluateRules(rules, o);
        for (const models::RuleFiring &f : outcome.firings) {
            models::RulePreview &p = out[f.ruleIndex];
            ++p.matched;
            if (p.firstNumbers.size() < firstN)
                p.firstNumbers.append(o.orderNumber);
            for (models::RuleActionKind k : f.changed) {
                switch (k) {
                case models::RuleActionKind::Hold:
                    ++p.held;
                    break;
                case models::RuleActionKind::SetPriority:
                    ++p.prioritised;
                    break;
                case models::RuleActionKind::RouteToLocation:
                    ++p.routed;
                    break;
                case models::RuleActionKind::ChooseService:
                    ++p.serviced;
                    break;
                case models::RuleActionKind::TagVip:
                    ++p.vip;
                    break;
                }
            }
        }
    }
    return out;
}

QList<AutomationRule> SqlAutomation::rules(QString *error)
{
    Result<QList<AutomationRule>> r = loadAutomationRules(m_db);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return {};
    }
    return r.value();
}

QString SqlAutomation::saveRules(const QList<AutomationRule> &rules)
{
    const Status s = saveAutomationRules(m_db, rules);
    return s ? QString() : s.error();
}

QList<models::RulePreview> SqlAutomation::preview(const QList<AutomationRule> &rules, int firstN,
                                                  int *ordersLookedAt, QString *error)
{
    Result<QList<models::RulePreview>> r = previewRules(m_db, rules, firstN, ordersLookedAt);
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return {};
    }
    return r.value();
}

models::OrderActionSummary RulesFirstOrderActions::allocate(const QList<qint64> &orderIds)
{
    const Result<RulesRunSummary> rules =
        applyRulesToNewOrders(m_db, m_user, QSet<qint64>(orderIds.cbegin(), orderIds.cend()));
    if (!rules.ok()) {
        models::OrderActionSummary failed;
        failed.errors.append(rules.error());
        failed.message =
            QStringLiteral("Automation rules: %1; nothing was allocated").arg(rules.error());
        return failed;
    }
    models::OrderActionSummary s = m_inner->allocate(orderIds);
    if (rules.value().ordersChanged > 0)
        s.message = QStringLiteral("Rules changed %1 order(s), %2 held; %3")
                        .arg(rules.value().ordersChanged)
                        .arg(rules.value().held)
                        .arg(s.message);
    return s;
}

} // namespace storage
