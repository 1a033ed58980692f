#include "models/shopsettings.h"

#include <QTest>

using namespace Qt::StringLiterals;

using models::LocationSettings;
using models::ShopSettings;

namespace {

// A shop as the migrations and a small setup leave it: every value valid.
ShopSettings validShop()
{
    ShopSettings s;
    for (const models::SettingSpec &spec : models::settingSpecs())
        s.values.insert(spec.key, spec.defaultValue);
    s.values.insert(QStringLiteral("shop.name"), QStringLiteral("Hearth & Field"));
    s.channels = {{1, QStringLiteral("shopify"), QStringLiteral("Shopify"), 2},
                  {2, QStringLiteral("amazon"), QStringLiteral("Amazon"), 0}};
    LocationSettings leeds;
    leeds.id = 1;
    leeds.code = QStringLiteral("LDS");
    leeds.name = QStringLiteral("Leeds");
    leeds.address.country = QStringLiteral("GB");
    leeds.defaultReturns = true;
    LocationSettings bristol = leeds;
    bristol.id = 2;
    bristol.code = QStringLiteral("BRS");
    bristol.name = QStringLiteral("Bristol shop");
    bristol.kind = QStringLiteral("store");
    bristol.defaultReturns = false;
    s.locations = {leeds, bristol};
    return s;
}

} // namespace

Q_DECLARE_METATYPE(models::ShopSettings)

// The rules behind the Settings screen: each field's values, and a save as a whole.
class TestShopSettings : public QObject
{
    Q_OBJECT

private slots:
    void currency_data();
    void currency();
    void wholeNumber_data();
    void wholeNumber();
    void percent_data();
    void percent();
    void amount_data();
    void amount();
    void priority_data();
    void priority();
    void country_data();
    void country();
    void checkSetting_data();
    void checkSetting();
    void validateSettings_data();
    void validateSettings();
    void everySpecDefaultIsValid();
};

void TestShopSettings::currency_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code"); // empty: refused

    QTest::newRow("GBP") << u"GBP"_s << u"GBP"_s;
    QTest::newRow("lower case, spaces") << u" eur "_s << u"EUR"_s;
    QTest::newRow("yen") << u"JPY"_s << u"JPY"_s;
    QTest::newRow("Kuwaiti dinar") << u"KWD"_s << u"KWD"_s;
    QTest::newRow("empty") << u""_s << u""_s;
    QTest::newRow("symbol") << u"£"_s << u""_s;
    QTest::newRow("two letters") << u"GB"_s << u""_s;
    QTest::newRow("four letters") << u"GBPX"_s << u""_s;
    QTest::newRow("made up") << u"ABC"_s << u""_s;
    QTest::newRow("gold is not a shop currency") << u"XAU"_s << u""_s;
    QTest::newRow("word") << u"pounds"_s << u""_s;
}

void TestShopSettings::currency()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    const models::Result<QString> r = models::parseCurrencyCode(text);
    QCOMPARE(r.ok(), !code.isEmpty());
    if (r.ok())
        QCOMPARE(r.value(), code);
    else
        QVERIFY(!r.error().isEmpty());
}

void TestShopSettings::wholeNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<int>("maximum");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("value");

    QTest::newRow("seven") << u"7"_s << 0 << 365 << true << 7;
    QTest::newRow("spaces") << u" 12 "_s << 0 << 365 << true << 12;
    QTest::newRow("lowest") << u"0"_s << 0 << 365 << true << 0;
    QTest::newRow("highest") << u"365"_s << 0 << 365 << true << 365;
    QTest::newRow("above") << u"366"_s << 0 << 365 << false << 0;
    QTest::newRow("below") << u"0"_s << 1 << 10 << false << 0;
    QTest::newRow("negative") << u"-1"_s << 0 << 365 << false << 0;
    QTest::newRow("decimal") << u"1.5"_s << 0 << 365 << false << 0;
    QTest::newRow("words") << u"seven"_s << 0 << 365 << false << 0;
    QTest::newRow("empty") << u""_s << 0 << 365 << false << 0;
    QTest::newRow("huge") << u"99999999999999999999"_s << 0 << 365 << false << 0;
}

void TestShopSettings::wholeNumber()
{
    QFETCH(QString, text);
    QFETCH(int, minimum);
    QFETCH(int, maximum);
    QFETCH(bool, ok);
    QFETCH(int, value);
    const models::Result<int> r = models::parseWholeNumber(text, minimum, maximum);
    QCOMPARE(r.ok(), ok);
    if (ok)
        QCOMPARE(r.value(), value);
    else
        QVERIFY2(r.error().contains(QString::number(maximum)), qPrintable(r.error()));
}

void TestShopSettings::percent_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("value"); // -1: refused

    QTest::newRow("zero") << u"0"_s << 0;
    QTest::newRow("fifteen") << u"15"_s << 15;
    QTest::newRow("with sign") << u"15%"_s << 15;
    QTest::newRow("sign after a space") << u" 20 % "_s << 20;
    QTest::newRow("all of it") << u"100"_s << 100;
    QTest::newRow("over a hundred") << u"101"_s << -1;
    QTest::newRow("negative") << u"-5"_s << -1;
    QTest::newRow("fraction") << u"12.5"_s << -1;
    QTest::newRow("sign only") << u"%"_s << -1;
    QTest::newRow("empty") << u""_s << -1;
}

void TestShopSettings::percent()
{
    QFETCH(QString, text);
    QFETCH(int, value);
    const models::Result<int> r = models::parsePercent(text);
    QCOMPARE(r.ok(), value >= 0);
    if (r.ok())
        QCOMPARE(r.value(), value);
}

void TestShopSettings::amount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qlonglong>("minor"); // -1: refused

    QTest::newRow("pounds and pence") << u"1.50"_s << u"GBP"_s << 150LL;
    QTest::newRow("whole pounds") << u"150"_s << u"GBP"_s << 15000LL;
    QTest::newRow("with symbol") << u"£2.00"_s << u"GBP"_s << 200LL;
    QTest::newRow("grouped") << u"1,250.00"_s << u"GBP"_s << 125000LL;
    QTest::newRow("zero") << u"0"_s << u"GBP"_s << 0LL;
    QTest::newRow("yen has no decimals") << u"1200"_s << u"JPY"_s << 1200LL;
    QTest::newRow("other currency") << u"€2.00"_s << u"GBP"_s << -1LL;
    QTest::newRow("negative") << u"-1.00"_s << u"GBP"_s << -1LL;
    QTest::newRow("words") << u"a pound"_s << u"GBP"_s << -1LL;
    QTest::newRow("empty") << u""_s << u"GBP"_s << -1LL;
}

void TestShopSettings::amount()
{
    QFETCH(QString, text);
    QFETCH(QString, currency);
    QFETCH(qlonglong, minor);
    const models::Result<qint64> r = models::parseAmountMinor(text, currency);
    QCOMPARE(r.ok(), minor >= 0);
    if (r.ok()) {
        QCOMPARE(r.value(), minor);
        // What the field shows reads back as the same amount.
        const QString shown = models::amountText(minor, currency);
        QCOMPARE(models::parseAmountMinor(shown, currency).value(), minor);
    }
}

void TestShopSettings::priority_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("stored"); // empty: refused

    QTest::newRow("default") << u"manual,expedited,ship_by,vip_value,placed"_s
                             << u"manual,expedited,ship_by,vip_value,placed"_s;
    QTest::newRow("spaces and case") << u" Placed , MANUAL "_s << u"placed,manual"_s;
    QTest::newRow("one") << u"ship_by"_s << u"ship_by"_s;
    QTest::newRow("trailing comma") << u"expedited,placed,"_s << u"expedited,placed"_s;
    QTest::newRow("twice") << u"placed,placed"_s << u""_s;
    QTest::newRow("unknown") << u"manual,cheapest"_s << u""_s;
    QTest::newRow("empty") << u""_s << u""_s;
    QTest::newRow("commas only") << u",,"_s << u""_s;
}

void TestShopSettings::priority()
{
    QFETCH(QString, text);
    QFETCH(QString, stored);
    const models::Result<QString> r = models::parsePriorityCriteria(text);
    QCOMPARE(r.ok(), !stored.isEmpty());
    if (r.ok())
        QCOMPARE(r.value(), stored);
}

void TestShopSettings::country_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");

    QTest::newRow("GB") << u"GB"_s << u"GB"_s;
    QTest::newRow("lower case") << u" nl "_s << u"NL"_s;
    QTest::newRow("three letters") << u"GBR"_s << u""_s;
    QTest::newRow("digits") << u"12"_s << u""_s;
    QTest::newRow("empty") << u""_s << u""_s;
}

void TestShopSettings::country()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    const models::Result<QString> r = models::parseCountryCode(text);
    QCOMPARE(r.ok(), !code.isEmpty());
    if (r.ok())
        QCOMPARE(r.value(), code);
}

void TestShopSettings::checkSetting_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("stored"); // empty: refused, with the field's label

    QTest::newRow("split never") << u"allocation.split"_s << u"never"_s << u"never"_s;
    QTest::newRow("split in capitals") << u"allocation.split"_s << u"ASK"_s << u"ask"_s;
    QTest::newRow("split unknown") << u"allocation.split"_s << u"sometimes"_s << u""_s;
    QTest::newRow("shortfall hold") << u"allocation.shortfall"_s << u"hold"_s << u"hold"_s;
    QTest::newRow("shortfall ask") << u"allocation.shortfall"_s << u"ask"_s << u""_s;
    QTest::newRow("short pick backorder")
        << u"picking.short_pick"_s << u"backorder"_s << u"backorder"_s;
    QTest::newRow("short pick cancel") << u"picking.short_pick"_s << u"cancel"_s << u""_s;
    QTest::newRow("fee 25") << u"returns.restocking_fee_percent"_s << u"25"_s << u"25"_s;
    QTest::newRow("fee 120") << u"returns.restocking_fee_percent"_s << u"120"_s << u""_s;
    QTest::newRow("restock days") << u"allocation.restock_days"_s << u" 14"_s << u"14"_s;
    QTest::newRow("restock days words") << u"allocation.restock_days"_s << u"a week"_s << u""_s;
    QTest::newRow("factor zero") << u"allocation.quantity_factor"_s << u"0"_s << u""_s;
    QTest::newRow("wait cost minor")
        << u"allocation.wait_cost_per_day_minor"_s << u"250"_s << u"250"_s;
    QTest::newRow("wait cost negative")
        << u"allocation.wait_cost_per_day_minor"_s << u"-1"_s << u""_s;
    QTest::newRow("wait cost decimal")
        << u"allocation.wait_cost_per_day_minor"_s << u"2.50"_s << u""_s;
    QTest::newRow("priority") << u"allocation.priority"_s << u"placed, manual"_s
                              << u"placed,manual"_s;
    QTest::newRow("priority bad") << u"allocation.priority"_s << u"loudest"_s << u""_s;
    QTest::newRow("currency") << u"shop.currency"_s << u"usd"_s << u"USD"_s;
    QTest::newRow("currency bad") << u"shop.currency"_s << u"XYZ"_s << u""_s;
    QTest::newRow("name") << u"shop.name"_s << u" Hearth "_s << u"Hearth"_s;
    QTest::newRow("name empty") << u"shop.name"_s << u"  "_s << u""_s;
    QTest::newRow("shopify location empty") << u"shopify.location"_s << u""_s << u""_s;
}

void TestShopSettings::checkSetting()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, stored);
    const std::optional<models::SettingSpec> spec = models::settingSpec(key);
    QVERIFY(spec);
    const models::Result<QString> r = models::checkSetting(*spec, value);
    // The optional Shopify location may be empty: that is its stored form.
    const bool expectOk = !stored.isEmpty() || spec->kind == models::SettingKind::Optional;
    QCOMPARE(r.ok(), expectOk);
    if (r.ok())
        QCOMPARE(r.value(), stored);
    else
        QVERIFY2(r.error().startsWith(spec->label + QLatin1Char(':')), qPrintable(r.error()));
}

void TestShopSettings::validateSettings_data()
{
    QTest::addColumn<ShopSettings>("settings");
    QTest::addColumn<QString>("error"); // empty: valid; else a part of the message

    QTest::newRow("valid") << validShop() << u""_s;
    {
        ShopSettings s = validShop();
        s.values.insert(QStringLiteral("returns.restocking_fee_percent"), QStringLiteral("150"));
        QTest::newRow("fee over 100") << s << u"Returns › Restocking fee (%)"_s;
    }
    {
        ShopSettings s = validShop();
        s.values.insert(QStringLiteral("shop.currency"), QStringLiteral("POUNDS"));
        QTest::newRow("currency") << s << u"Shop › Currency"_s;
    }
    {
        ShopSettings s = validShop();
        s.values.insert(QStringLiteral("allocation.priority"), QStringLiteral("placed,placed"));
        QTest::newRow("priority twice") << s << u"Allocation › Priority order"_s;
    }
    {
        ShopSettings s = validShop();
        s.channels[0].stockBuffer = -2;
        QTest::newRow("negative channel buffer") << s << u"Channels › Shopify"_s;
    }
    {
        ShopSettings s = validShop();
        s.locations[1].code = QStringLiteral("lds");
        QTest::newRow("duplicate code") << s << u"already has the code"_s;
    }
    {
        ShopSettings s = validShop();
        s.locations[1].name = QStringLiteral(" ");
        QTest::newRow("location without name") << s << u"Locations › BRS › Name"_s;
    }
    {
        ShopSettings s = validShop();
        s.locations[1].address.country = QStringLiteral("Britain");
        QTest::newRow("location country") << s << u"Locations › BRS › Country"_s;
    }
    {
        ShopSettings s = validShop();
        s.locations[0].dailyCapacity = -1;
        QTest::newRow("negative capacity") << s << u"Locations › LDS › Daily capacity"_s;
    }
    {
        ShopSettings s = validShop();
        s.locations[1].kind = QStringLiteral("garage");
        QTest::newRow("kind") << s << u"Locations › BRS › Kind"_s;
    }
    {
        ShopSettings s = validShop();
        s.locations[1].defaultReturns = true;
        QTest::newRow("two returns locations") << s << u"Default returns location"_s;
    }
    {
        ShopSettings s = validShop();
        s.locations[0].active = false;
        QTest::newRow("returns location inactive") << s << u"LDS is not active"_s;
    }
    {
        ShopSettings s = validShop();
        s.locations[0].active = false;
        s.locations[0].defaultReturns = false;
        s.locations[1].active = false;
        QTest::newRow("none active") << s << u"at least one location active"_s;
    }
    {
        ShopSettings s = validShop();
        LocationSettings added;
        added.name = QStringLiteral("Manchester");
        added.address.country = QStringLiteral("GB");
        s.locations.append(added);
        QTest::newRow("new location without code") << s << u"Locations › new location › Code"_s;
    }
    {
        ShopSettings s = validShop();
        s.values.remove(QStringLiteral("allocation.split"));
        QTest::newRow("missing key takes its default") << s << u""_s;
    }
}

void TestShopSettings::validateSettings()
{
    QFETCH(ShopSettings, settings);
    QFETCH(QString, error);
    const models::Status s = models::validateSettings(settings);
    QCOMPARE(s.ok(), error.isEmpty());
    if (!s.ok())
        QVERIFY2(s.error().contains(error), qPrintable(s.error()));
}

void TestShopSettings::everySpecDefaultIsValid()
{
    for (const models::SettingSpec &spec : models::settingSpecs()) {
        if (spec.kind == models::SettingKind::Text)
            continue; // a name: the shop gives its own
        const models::Result<QString> r = models::checkSetting(spec, spec.defaultValue);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r.value(), spec.defaultValue);
    }
}

QTEST_GUILESS_MAIN(TestShopSettings)
#include "tst_shopsettings.moc"
