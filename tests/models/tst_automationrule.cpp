#include "models/automationrule.h"

#include <QTest>

using namespace models;

Q_DECLARE_METATYPE(models::RuleField)
Q_DECLARE_METATYPE(models::RuleOperator)

namespace {

RuleOrder sampleOrder()
{
    RuleOrder o;
    o.id = 7;
    o.orderNumber = QStringLiteral("SH-1007");
    o.channelCode = QStringLiteral("shopify");
    o.shipCountry = QStringLiteral("DE");
    o.totalMinor = 12500;
    o.currency = QStringLiteral("GBP");
    o.skus = {QStringLiteral("MUG-BLUE"), QStringLiteral("TEE-M")};
    o.weightGrams = 1800;
    o.shippingService = QStringLiteral("Standard");
    o.customerVip = false;
    o.hasCustomer = true;
    o.itemCount = 3;
    return o;
}

AutomationRule rule(const QString &name, QList<RuleCondition> conditions, QList<RuleAction> actions,
                    int position, bool matchAll = true)
{
    AutomationRule r;
    r.name = name;
    r.position = position;
    r.matchAll = matchAll;
    r.conditions = std::move(conditions);
    r.actions = std::move(actions);
    return r;
}

} // namespace

class TestAutomationRule : public QObject
{
    Q_OBJECT

private slots:
    void condition_data();
    void condition();
    void matchAllOrAny_data();
    void matchAllOrAny();
    void evaluation_data();
    void evaluation();
    void holdStopsTheRulesAfter();
    void secondRunAddsNothing();
    void firstRuleSetsTheValue();
    void validation_data();
    void validation();
    void jsonRoundTrip();
};

void TestAutomationRule::condition_data()
{
    QTest::addColumn<RuleField>("field");
    QTest::addColumn<RuleOperator>("op");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<bool>("matches");

    QTest::newRow("channel equals") << RuleField::Channel << RuleOperator::Equals << "Shopify"
                                    << "" << true;
    QTest::newRow("channel not equals") << RuleField::Channel << RuleOperator::NotEquals << "amazon"
                                        << "" << true;
    QTest::newRow("country equals") << RuleField::ShipCountry << RuleOperator::Equals << "DE"
                                    << "" << true;
    QTest::newRow("country other") << RuleField::ShipCountry << RuleOperator::Equals << "FR"
                                   << "" << false;
    QTest::newRow("country in list")
        << RuleField::ShipCountry << RuleOperator::InList << "FR, de ,AT"
        << "" << true;
    QTest::newRow("country not in list")
        << RuleField::ShipCountry << RuleOperator::InList << "FR,AT"
        << "" << false;
    QTest::newRow("total greater") << RuleField::OrderTotal << RuleOperator::Greater << "10000"
                                   << "GBP" << true;
    QTest::newRow("total greater, equal")
        << RuleField::OrderTotal << RuleOperator::Greater << "12500"
        << "GBP" << false;
    QTest::newRow("total other currency") << RuleField::OrderTotal << RuleOperator::Greater << "100"
                                          << "EUR" << false;
    QTest::newRow("total less") << RuleField::OrderTotal << RuleOperator::Less << "12501"
                                << "GBP" << true;
    QTest::newRow("total not a number") << RuleField::OrderTotal << RuleOperator::Greater << "lots"
                                        << "GBP" << false;
    QTest::newRow("sku equals a line") << RuleField::Sku << RuleOperator::Equals << "tee-m"
                                       << "" << true;
    QTest::newRow("sku not on order") << RuleField::Sku << RuleOperator::Equals << "HAT"
                                      << "" << false;
    QTest::newRow("sku contains") << RuleField::Sku << RuleOperator::Contains << "MUG"
                                  << "" << true;
    QTest::newRow("sku not equals: no line has it")
        << RuleField::Sku << RuleOperator::NotEquals << "HAT"
        << "" << true;
    QTest::newRow("sku not equals: a line has it")
        << RuleField::Sku << RuleOperator::NotEquals << "MUG-BLUE"
        << "" << false;
    QTest::newRow("sku in list") << RuleField::Sku << RuleOperator::InList << "HAT,MUG-BLUE"
                                 << "" << true;
    QTest::newRow("weight greater") << RuleField::WeightGrams << RuleOperator::Greater << "1500"
                                    << "" << true;
    QTest::newRow("weight less") << RuleField::WeightGrams << RuleOperator::Less << "1500"
                                 << "" << false;
    QTest::newRow("service contains")
        << RuleField::ShippingService << RuleOperator::Contains << "stand"
        << "" << true;
    QTest::newRow("service equals")
        << RuleField::ShippingService << RuleOperator::Equals << "Express"
        << "" << false;
    QTest::newRow("vip no") << RuleField::CustomerVip << RuleOperator::Equals << "no"
                            << "" << true;
    QTest::newRow("vip yes") << RuleField::CustomerVip << RuleOperator::Equals << "yes"
                             << "" << false;
    QTest::newRow("item count in list") << RuleField::ItemCount << RuleOperator::InList << "1,3"
                                        << "" << true;
    QTest::newRow("item count equals") << RuleField::ItemCount << RuleOperator::Equals << "2"
                                       << "" << false;
}

void TestAutomationRule::condition()
{
    QFETCH(RuleField, field);
    QFETCH(RuleOperator, op);
    QFETCH(QString, value);
    QFETCH(QString, currency);
    QFETCH(bool, matches);
    QCOMPARE(conditionMatches(RuleCondition{field, op, value, currency}, sampleOrder()), matches);
}

void TestAutomationRule::matchAllOrAny_data()
{
    QTest::addColumn<bool>("matchAll");
    QTest::addColumn<QString>("country");
    QTest::addColumn<bool>("matches");
    // Conditions: country = <country>, channel = amazon (false for the sample).
    QTest::newRow("all, one false") << true << "DE" << false;
    QTest::newRow("any, one true") << false << "DE" << true;
    QTest::newRow("any, none true") << false << "FR" << false;
}

void TestAutomationRule::matchAllOrAny()
{
    QFETCH(bool, matchAll);
    QFETCH(QString, country);
    QFETCH(bool, matches);
    const AutomationRule r =
        rule(QStringLiteral("r"),
             {{RuleField::ShipCountry, RuleOperator::Equals, country, {}},
              {RuleField::Channel, RuleOperator::Equals, QStringLiteral("amazon"), {}}},
             {{RuleActionKind::SetPriority, {}, 1}}, 1, matchAll);
    QCOMPARE(ruleMatches(r, sampleOrder()), matches);
}

void TestAutomationRule::evaluation_data()
{
    QTest::addColumn<int>("priorityAction");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QStringList>("texts");

    QTest::newRow("priority") << 2 << ""
                              << ""
                              << QStringList{
                                     QStringLiteral("Rule 'Big orders to Leeds' set priority 2")};
    QTest::newRow("priority and route")
        << 2 << "LEEDS"
        << ""
        << QStringList{
               QStringLiteral("Rule 'Big orders to Leeds' set priority 2, routed to LEEDS")};
    QTest::newRow("service only") << 0 << ""
                                  << "Express"
                                  << QStringList{QStringLiteral(
                                         "Rule 'Big orders to Leeds' chose service Express")};
    QTest::newRow("nothing changes") << 0 << ""
                                     << "Standard" << QStringList{};
}

void TestAutomationRule::evaluation()
{
    QFETCH(int, priorityAction);
    QFETCH(QString, location);
    QFETCH(QString, service);
    QFETCH(QStringList, texts);
    QList<RuleAction> actions{{RuleActionKind::SetPriority, {}, priorityAction}};
    if (!location.isEmpty())
        actions.append({RuleActionKind::RouteToLocation, location, 0});
    if (!service.isEmpty())
        actions.append({RuleActionKind::ChooseService, service, 0});
    const AutomationRule r = rule(QStringLiteral("Big orders to Leeds"),
                                  {{RuleField::OrderTotal, RuleOperator::Greater,
                                    QStringLiteral("10000"), QStringLiteral("GBP")}},
                                  actions, 1);
    const RuleOutcome out = evaluateRules({r}, sampleOrder());
    QStringList got;
    for (const RuleFiring &f : out.firings)
        got.append(f.text);
    QCOMPARE(got, texts);
    QCOMPARE(out.after.priority, priorityAction);
    if (!location.isEmpty())
        QCOMPARE(out.after.preferredLocation, location);
    QCOMPARE(out.after.shippingService, service.isEmpty() ? QStringLiteral("Standard") : service);
}

void TestAutomationRule::holdStopsTheRulesAfter()
{
    // Listed out of order: positions decide. The hold (position 1) stops the VIP rule.
    const AutomationRule vipRule =
        rule(QStringLiteral("VIP Germans"),
             {{RuleField::ShipCountry, RuleOperator::Equals, QStringLiteral("DE"), {}}},
             {{RuleActionKind::TagVip, {}, 0}}, 2);
    const AutomationRule hold =
        rule(QStringLiteral("VAT check"),
             {{RuleField::ShipCountry, RuleOperator::Equals, QStringLiteral("DE"), {}}},
             {{RuleActionKind::Hold, QStringLiteral("Check VAT"), 0}}, 1);
    RuleOutcome out = evaluateRules({vipRule, hold}, sampleOrder());
    QCOMPARE(out.firings.size(), 1);
    QCOMPARE(out.firings.at(0).ruleIndex, 1);
    QCOMPARE(out.firings.at(0).text, QStringLiteral("Rule 'VAT check' held the order: Check VAT"));
    QVERIFY(out.firings.at(0).held);
    QVERIFY(out.after.held);
    QVERIFY(!out.after.customerVip);

    // Disabled: the hold does not run, the VIP rule fires.
    AutomationRule off = hold;
    off.enabled = false;
    out = evaluateRules({vipRule, off}, sampleOrder());
    QCOMPARE(out.firings.size(), 1);
    QCOMPARE(out.firings.at(0).text, QStringLiteral("Rule 'VIP Germans' tagged the customer VIP"));
    QVERIFY(out.after.customerVip);
}

void TestAutomationRule::secondRunAddsNothing()
{
    const AutomationRule r =
        rule(QStringLiteral("Heavy"),
             {{RuleField::WeightGrams, RuleOperator::Greater, QStringLiteral("1000"), {}}},
             {{RuleActionKind::SetPriority, {}, 3},
              {RuleActionKind::ChooseService, QStringLiteral("Freight"), 0}},
             1);
    const RuleOutcome first = evaluateRules({r}, sampleOrder());
    QCOMPARE(first.firings.size(), 1);
    const RuleOutcome second = evaluateRules({r}, first.after);
    QVERIFY(!second.changed());
}

void TestAutomationRule::firstRuleSetsTheValue()
{
    const AutomationRule big = rule(QStringLiteral("Big"),
                                    {{RuleField::OrderTotal, RuleOperator::Greater,
                                      QStringLiteral("10000"), QStringLiteral("GBP")}},
                                    {{RuleActionKind::SetPriority, {}, 2}}, 1);
    const AutomationRule mugs =
        rule(QStringLiteral("Mugs"),
             {{RuleField::Sku, RuleOperator::Contains, QStringLiteral("MUG"), {}}},
             {{RuleActionKind::SetPriority, {}, 5},
              {RuleActionKind::ChooseService, QStringLiteral("Fragile"), 0}},
             2);
    const RuleOutcome first = evaluateRules({big, mugs}, sampleOrder());
    QCOMPARE(first.after.priority, 2);
    QCOMPARE(first.after.shippingService, QStringLiteral("Fragile"));
    QCOMPARE(first.firings.size(), 2);
    QCOMPARE(first.firings.at(1).text, QStringLiteral("Rule 'Mugs' chose service Fragile"));
    // The order already has priority 2: the first rule still decides it.
    QVERIFY(!evaluateRules({big, mugs}, first.after).changed());
}

void TestAutomationRule::validation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<RuleField>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("holdReason");
    QTest::addColumn<QString>("problem");

    QTest::newRow("fine") << "VAT" << RuleField::ShipCountry << "DE"
                          << ""
                          << "Check VAT"
                          << "";
    QTest::newRow("no name") << " " << RuleField::ShipCountry << "DE"
                             << ""
                             << "x"
                             << "a rule needs a name";
    QTest::newRow("empty value") << "VAT" << RuleField::ShipCountry << ""
                                 << ""
                                 << "x"
                                 << "rule 'VAT', condition 1 (Ship-to country): the value is empty";
    QTest::newRow("not a number")
        << "Big" << RuleField::ItemCount << "ten"
        << ""
        << "x"
        << "rule 'Big', condition 1 (Item count): \"ten\" is not a whole number";
    QTest::newRow("total without currency") << "Big" << RuleField::OrderTotal << "100"
                                            << ""
                                            << "x"
                                            << "rule 'Big', condition 1 (Order total (minor "
                                               "units)): give the currency as a three-letter code";
    QTest::newRow("hold without reason")
        << "VAT" << RuleField::ShipCountry << "DE"
        << ""
        << ""
        << "rule 'VAT', action 1 (Hold with reason): the value is empty";
}

void TestAutomationRule::validation()
{
    QFETCH(QString, name);
    QFETCH(RuleField, field);
    QFETCH(QString, value);
    QFETCH(QString, currency);
    QFETCH(QString, holdReason);
    QFETCH(QString, problem);
    const AutomationRule r = rule(name, {{field, RuleOperator::Equals, value, currency}},
                                  {{RuleActionKind::Hold, holdReason, 0}}, 1);
    QCOMPARE(validateRule(r), problem);
}

void TestAutomationRule::jsonRoundTrip()
{
    const QList<RuleCondition> conditions{
        {RuleField::OrderTotal, RuleOperator::Greater, QStringLiteral("5000"),
         QStringLiteral("EUR")},
        {RuleField::Sku, RuleOperator::InList, QStringLiteral("A,B"), {}}};
    const QList<RuleAction> actions{{RuleActionKind::SetPriority, {}, 4},
                                    {RuleActionKind::Hold, QStringLiteral("Check VAT"), 0}};
    QCOMPARE(conditionsFromJson(conditionsToJson(conditions)), conditions);
    QCOMPARE(actionsFromJson(actionsToJson(actions)), actions);
    QString error;
    conditionsFromJson(QStringLiteral("[{\"field\":\"colour\",\"op\":\"equals\"}]"), &error);
    QCOMPARE(error, QStringLiteral("condition 1: unknown field or operator"));
}

QTEST_GUILESS_MAIN(TestAutomationRule)
#include "tst_automationrule.moc"
