#pragma once

#include "models/automationrule.h"
#include "models/orderqueuerow.h"
#include "models/result.h"

#include <QSet>
#include <QSqlDatabase>

namespace storage {

struct RulesRunSummary
{
    int ordersLookedAt = 0; // new orders the rules were evaluated on
    int ordersChanged = 0;
    int firings = 0; // one timeline entry each
    int held = 0;
};

// The stored rules in position order.
models::Result<QList<models::AutomationRule>> loadAutomationRules(const QSqlDatabase &db);

// Replaces the stored rules with `rules` in one transaction; positions follow the list
// order. A rule that does not validate, or routes to an unknown location, changes nothing.
models::Status saveAutomationRules(const QSqlDatabase &db,
                                   const QList<models::AutomationRule> &rules);

// Runs the stored enabled rules over the orders with status 'new' (only `onlyOrders`
// when it is not empty) in one transaction: applies the actions and writes one
// order_events row (kind 'rule') per firing.
models::Result<RulesRunSummary> applyRulesToNewOrders(const QSqlDatabase &db, const QString &user,
                                                      const QSet<qint64> &onlyOrders = {});

// What `rules` would do to the new orders, without writing: per rule, the orders it
// would change and the first `firstN` of their numbers.
models::Result<QList<models::RulePreview>> previewRules(const QSqlDatabase &db,
                                                        const QList<models::AutomationRule> &rules,
                                                        int firstN, int *ordersLookedAt = nullptr);

// The rules editor's source over one connection.
class SqlAutomation : public models::AutomationSource
{
public:
    explicit SqlAutomation(QSqlDatabase db) : m_db(std::move(db)) {}
    QList<models::AutomationRule> rules(QString *error) override;
    QString saveRules(const QList<models::AutomationRule> &rules) override;
    QList<models::RulePreview> preview(const QList<models::AutomationRule> &rules, int firstN,
                                       int *ordersLookedAt, QString *error) override;

private:
    QSqlDatabase m_db;
};

// The Orders screen's actions with the rules run first: Allocate applies the rules to
// the selected new orders, then allocates what is still new. The rest passes through.
class RulesFirstOrderActions : public models::OrderActions
{
public:
    RulesFirstOrderActions(QSqlDatabase db, models::OrderActions *inner, QString user)
        : m_db(std::move(db)), m_inner(inner), m_user(std::move(user))
    {}
    models::OrderActionSummary allocate(const QList<qint64> &orderIds) override;
    models::OrderActionSummary hold(const QList<qint64> &orderIds, const QString &reason) override
    {
        return m_inner->hold(orderIds, reason);
    }
    models::OrderActionSummary release(const QList<qint64> &orderIds) override
    {
        return m_inner->release(orderIds);
    }
    models::OrderActionSummary cancel(const QList<qint64> &orderIds, const QString &reason) override
    {
        return m_inner->cancel(orderIds, reason);
    }

private:
    QSqlDatabase m_db;
    models::OrderActions *m_inner;
    QString m_user;
};

} // namespace storage
