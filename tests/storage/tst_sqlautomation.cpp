#include "storage/database.h"
#include "storage/sqlallocator.h"
#include "storage/sqlautomation.h"

#include "allocationshop.h"
#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace allocationshop;
using models::AutomationRule;
using models::RuleAction;
using models::RuleActionKind;
using models::RuleCondition;
using models::RuleField;
using models::RuleOperator;
using storage::Database;

class TestSqlAutomation : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void saveAndLoadKeepOrder();
    void unknownLocationSavesNothing();
    void applyHoldsRoutesAndWritesTimeline();
    void secondRunChangesNothing();
    void onlyTheChosenOrders();
    void previewWritesNothing();
    void allocationLeavesHeldOrders();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        return storagetest::scalar(db(), sql, binds);
    }
    qint64 order(NewOrder o)
    {
        const models::Result<qint64> id = addOrder(db(), o);
        if (!id.ok())
            qWarning("%s", qPrintable(id.error()));
        return id.ok() ? id.value() : 0;
    }
    static QList<AutomationRule> sampleRules();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

QList<AutomationRule> TestSqlAutomation::sampleRules()
{
    AutomationRule vat;
    vat.name = QStringLiteral("VAT check");
    vat.conditions = {{RuleField::ShipCountry, RuleOperator::Equals, QStringLiteral("DE"), {}}};
    vat.actions = {{RuleActionKind::Hold, QStringLiteral("Check VAT"), 0}};
    AutomationRule heavy;
    heavy.name = QStringLiteral("Heavy to Leeds");
    heavy.conditions = {
        {RuleField::WeightGrams, RuleOperator::Greater, QStringLiteral("1000"), {}}};
    heavy.actions = {{RuleActionKind::SetPriority, {}, 2},
                     {RuleActionKind::RouteToLocation, QStringLiteral("LDS"), 0},
                     {RuleActionKind::ChooseService, QStringLiteral("Freight"), 0}};
    AutomationRule vip;
    vip.name = QStringLiteral("Amazon regulars");
    vip.conditions = {{RuleField::Channel, RuleOperator::Equals, QStringLiteral("amazon"), {}}};
    vip.actions = {{RuleActionKind::TagVip, {}, 0}};
    return {vat, heavy, vip};
}

void TestSqlAutomation::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    models::Result<std::unique_ptr<Database>> opened =
        Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(build(db()));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO customers (id, email, name, is_vip, created_at) VALUES "
                             "(2, 'ann@example.com', 'Ann Regular', 0, '2026-01-01T00:00:00Z')")));
}

void TestSqlAutomation::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestSqlAutomation::saveAndLoadKeepOrder()
{
    QList<AutomationRule> rules = sampleRules();
    rules[1].enabled = false;
    rules[2].matchAll = false;
    VERIFY_OK(storage::saveAutomationRules(db(), rules));
    models::Result<QList<AutomationRule>> loaded = storage::loadAutomationRules(db());
    VERIFY_OK(loaded);
    QCOMPARE(loaded->size(), 3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(loaded->at(i).id > 0);
        QCOMPARE(loaded->at(i).position, i + 1);
        QCOMPARE(loaded->at(i).name, rules.at(i).name);
        QCOMPARE(loaded->at(i).enabled, rules.at(i).enabled);
        QCOMPARE(loaded->at(i).matchAll, rules.at(i).matchAll);
        QCOMPARE(loaded->at(i).conditions, rules.at(i).conditions);
        QCOMPARE(loaded->at(i).actions, rules.at(i).actions);
    }
    // Reordered and one removed: ids kept, positions follow the list.
    QList<AutomationRule> next{loaded->at(2), loaded->at(0)};
    VERIFY_OK(storage::saveAutomationRules(db(), next));
    loaded = storage::loadAutomationRules(db());
    VERIFY_OK(loaded);
    QCOMPARE(loaded->size(), 2);
    QCOMPARE(loaded->at(0).id, next.at(0).id);
    QCOMPARE(loaded->at(0).name, QStringLiteral("Amazon regulars"));
    QCOMPARE(loaded->at(1).name, QStringLiteral("VAT check"));
}

void TestSqlAutomation::unknownLocationSavesNothing()
{
    VERIFY_OK(storage::saveAutomationRules(db(), sampleRules()));
    QList<AutomationRule> rules = sampleRules();
    rules[1].actions[1].text = QStringLiteral("GLASGOW");
    rules.removeAt(0);
    const models::Status s = storage::saveAutomationRules(db(), rules);
    QVERIFY(!s.ok());
    QCOMPARE(s.error(),
             QStringLiteral("rule 'Heavy to Leeds': there is no location with code \"GLASGOW\""));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM automation_rules")).toInt(), 3);
}

void TestSqlAutomation::applyHoldsRoutesAndWritesTimeline()
{
    VERIFY_OK(storage::saveAutomationRules(db(), sampleRules()));
    NewOrder german = withLines({{Mug, 4}}); // 1600 g, but the hold stops the rules after it
    german.country = QStringLiteral("DE");
    const qint64 de = order(german);
    const qint64 heavy = order(withLines({{Mug, 3}})); // 1200 g
    const qint64 light = order(withLines({{Tee, 1}}));
    NewOrder amazon = withLines({{Cap, 1}});
    amazon.channel = 2;
    amazon.customerId = 2;
    const qint64 az = order(amazon);

    const models::Result<storage::RulesRunSummary> run =
        storage::applyRulesToNewOrders(db(), QStringLiteral("tester"));
    VERIFY_OK(run);
    QCOMPARE(run->ordersLookedAt, 4);
    QCOMPARE(run->ordersChanged, 3);
    QCOMPARE(run->firings, 3);
    QCOMPARE(run->held, 1);

    QCOMPARE(scalar(QStringLiteral("SELECT status || '|' || hold_reason || '|' || priority FROM "
                                   "orders WHERE id = ?"),
                    {de})
                 .toString(),
             QStringLiteral("on_hold|Check VAT|0"));
    QCOMPARE(scalar(QStringLiteral("SELECT detail || '|' || from_status || '|' || to_status || "
                                   "'|' || user_name FROM order_events WHERE order_id = ? AND "
                                   "kind = 'rule'"),
                    {de})
                 .toString(),
             QStringLiteral("Rule 'VAT check' held the order: Check VAT|new|on_hold|tester"));
    QCOMPARE(scalar(QStringLiteral("SELECT status || '|' || priority || '|' || shipping_service "
                                   "|| '|' || preferred_location_id FROM orders WHERE id = ?"),
                    {heavy})
                 .toString(),
             QStringLiteral("new|2|Freight|%1").arg(qint64(LDS)));
    QCOMPARE(scalar(QStringLiteral("SELECT detail FROM order_events WHERE order_id = ? AND kind "
                                   "= 'rule'"),
                    {heavy})
                 .toString(),
             QStringLiteral("Rule 'Heavy to Leeds' set priority 2, routed to LDS, chose service "
                            "Freight"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM order_events WHERE order_id = ?"), {light})
                 .toInt(),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT is_vip FROM customers WHERE id = 2")).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT detail FROM order_events WHERE order_id = ?"), {az})
                 .toString(),
             QStringLiteral("Rule 'Amazon regulars' tagged the customer VIP"));
}

void TestSqlAutomation::secondRunChangesNothing()
{
    VERIFY_OK(storage::saveAutomationRules(db(), sampleRules()));
    order(withLines({{Mug, 3}}));
    VERIFY_OK(storage::applyRulesToNewOrders(db(), QStringLiteral("tester")));
    const int events = scalar(QStringLiteral("SELECT COUNT(*) FROM order_events")).toInt();
    QCOMPARE(events, 1);
    const models::Result<storage::RulesRunSummary> again =
        storage::applyRulesToNewOrders(db(), QStringLiteral("tester"));
    VERIFY_OK(again);
    QCOMPARE(again->ordersChanged, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM order_events")).toInt(), events);
}

void TestSqlAutomation::onlyTheChosenOrders()
{
    VERIFY_OK(storage::saveAutomationRules(db(), sampleRules()));
    NewOrder german = withLines({{Tee, 1}});
    german.country = QStringLiteral("DE");
    const qint64 a = order(german);
    const qint64 b = order(german);
    const models::Result<storage::RulesRunSummary> run =
        storage::applyRulesToNewOrders(db(), QStringLiteral("tester"), {b});
    VERIFY_OK(run);
    QCOMPARE(run->ordersLookedAt, 1);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {a}).toString(),
             QStringLiteral("new"));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {b}).toString(),
             QStringLiteral("on_hold"));
}

void TestSqlAutomation::previewWritesNothing()
{
    QStringList numbers;
    for (int i = 0; i < 7; ++i) {
        NewOrder german = withLines({{Tee, 1}});
        german.country = QStringLiteral("DE");
        const qint64 id = order(german);
        numbers.append(scalar(QStringLiteral("SELECT order_number FROM orders WHERE id = ?"), {id})
                           .toString());
    }
    order(withLines({{Mug, 3}}));
    int lookedAt = 0;
    const models::Result<QList<models::RulePreview>> p =
        storage::previewRules(db(), sampleRules(), 5, &lookedAt);
    VERIFY_OK(p);
    QCOMPARE(lookedAt, 8);
    QCOMPARE(p->size(), 3);
    QCOMPARE(p->at(0).matched, 7);
    QCOMPARE(p->at(0).held, 7);
    QCOMPARE(p->at(0).firstNumbers, numbers.mid(0, 5));
    QCOMPARE(p->at(1).matched, 1);
    QCOMPARE(p->at(1).prioritised, 1);
    QCOMPARE(p->at(1).routed, 1);
    QCOMPARE(p->at(2).matched, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE status <> 'new'")).toInt(),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM order_events")).toInt(), 0);
}

void TestSqlAutomation::allocationLeavesHeldOrders()
{
    VERIFY_OK(move(db(), Tee, LDS, 5));
    VERIFY_OK(storage::saveAutomationRules(db(), sampleRules()));
    NewOrder german = withLines({{Tee, 1}});
    german.country = QStringLiteral("DE");
    german.name = QStringLiteral("Hans Weber");
    german.postcode = QStringLiteral("10115");
    const qint64 de = order(german);
    const qint64 gb = order(withLines({{Tee, 1}}));
    VERIFY_OK(storage::applyRulesToNewOrders(db(), QStringLiteral("tester")));
    storage::AllocationOptions options;
    options.user = QStringLiteral("tester");
    VERIFY_OK(storage::allocateNewOrders(db(), options));
    const QString gbStatus =
        scalar(QStringLiteral(
                   "SELECT status || ' ' || COALESCE(hold_reason, '') FROM orders WHERE id = ?"),
               {gb})
            .toString();
    QVERIFY2(gbStatus.startsWith(QStringLiteral("ready")), qPrintable(gbStatus));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {de}).toString(),
             QStringLiteral("on_hold"));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {gb}).toString(),
             QStringLiteral("ready"));
}

QTEST_GUILESS_MAIN(TestSqlAutomation)
#include "tst_sqlautomation.moc"
