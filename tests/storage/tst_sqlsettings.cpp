#include "allocationshop.h"
#include "storagetestutil.h"

#include "storage/database.h"
#include "storage/sqlallocator.h"
#include "storage/sqlchannelstock.h"
#include "storage/sqlpicklistsource.h"
#include "storage/sqlsettings.h"

#include <QSqlError>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using models::LocationSettings;
using models::ShopSettings;
using storage::Database;
using storage::SqlSettings;

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-11-25T12:00:00Z"), Qt::ISODate);

} // namespace

// The Settings screen's storage on a real database: what it loads, what a save writes
// (all of it, or nothing), and that the rest of Backroom reads what was saved.
class TestSqlSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadsTheMigrationDefaults();
    void saveThenLoadGivesTheSameSettings();
    void addsALocation();
    void refusedSaveWritesNothing();
    void failureHalfWayRollsBack();
    void allocatorReadsTheSavedShortfall();
    void pickListsReadTheSavedPriority();
    void channelFeedReadsTheSavedBuffer();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        return storagetest::scalar(db(), sql, binds);
    }
    // Every row the Settings screen can change, as text: equal before and after means
    // nothing was written.
    QString dump() const;
    ShopSettings loaded();
    models::Status save(const ShopSettings &s) { return m_settings->saveSettings(s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlSettings> m_settings;
};

void TestSqlSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    models::Result<std::unique_ptr<Database>> opened =
        Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(allocationshop::build(db()));
    m_settings = std::make_unique<SqlSettings>(db(), QStringLiteral("owner"));
    m_settings->setNow(kNow);
}

void TestSqlSettings::cleanup()
{
    m_settings.reset();
    m_db.reset();
    m_dir.reset();
}

QString TestSqlSettings::dump() const
{
    QStringList out;
    for (const QString &sql : {QStringLiteral("SELECT key, value FROM settings ORDER BY key"),
                               QStringLiteral("SELECT * FROM channels ORDER BY id"),
                               QStringLiteral("SELECT * FROM locations ORDER BY id")}) {
        QSqlQuery q(db());
        if (!q.exec(sql))
            return q.lastError().text();
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            out.append(row.join(QLatin1Char('|')));
        }
    }
    return out.join(QLatin1Char('\n'));
}

ShopSettings TestSqlSettings::loaded()
{
    const models::Result<models::SettingsSnapshot> s = m_settings->loadSettings();
    if (!s.ok()) {
        qWarning("%s", qPrintable(s.error()));
        return {};
    }
    return s->settings;
}

void TestSqlSettings::loadsTheMigrationDefaults()
{
    const models::Result<models::SettingsSnapshot> s = m_settings->loadSettings();
    VERIFY_OK(s);
    const ShopSettings &settings = s->settings;
    QCOMPARE(settings.value(QStringLiteral("allocation.split")), QStringLiteral("allow"));
    QCOMPARE(settings.value(QStringLiteral("allocation.shortfall")), QStringLiteral("backorder"));
    QCOMPARE(settings.value(QStringLiteral("allocation.priority")),
             QStringLiteral("manual,expedited,ship_by,vip_value,placed"));
    QCOMPARE(settings.value(QStringLiteral("picking.short_pick")), QStringLiteral("hold"));
    QCOMPARE(settings.value(QStringLiteral("returns.inspection_days")), QStringLiteral("3"));
    QCOMPARE(settings.values.size(), models::settingSpecs().size());
    QCOMPARE(settings.channels.size(), 2);
    QCOMPARE(settings.channels.at(1).code, QStringLiteral("amazon"));
    QCOMPARE(settings.locations.size(), 4);
    const LocationSettings &bristol = settings.locations.at(2);
    QCOMPARE(bristol.code, QStringLiteral("BRS"));
    QCOMPARE(bristol.kind, QStringLiteral("store"));
    QCOMPARE(bristol.storeBuffer, 1);
    QVERIFY(!bristol.dailyCapacity);
    QCOMPARE(bristol.routingPriority, 3);
    // Never saved on the Settings screen yet.
    QVERIFY(s->savedBy.isEmpty());
    QVERIFY(!s->savedAtUtc.isValid());
}

void TestSqlSettings::saveThenLoadGivesTheSameSettings()
{
    ShopSettings s = loaded();
    s.values.insert(QStringLiteral("shop.name"), QStringLiteral("Hearth & Field"));
    s.values.insert(QStringLiteral("shop.currency"), QStringLiteral("EUR"));
    s.values.insert(QStringLiteral("allocation.split"), QStringLiteral("never"));
    s.values.insert(QStringLiteral("allocation.wait_cost_per_day_minor"), QStringLiteral("250"));
    s.values.insert(QStringLiteral("returns.restocking_fee_percent"), QStringLiteral("15"));
    s.values.insert(QStringLiteral("shopify.location"), QStringLiteral("Leeds warehouse"));
    s.channels[1].stockBuffer = 3;
    s.locations[0].defaultReturns = true;
    s.locations[0].address.line1 = QStringLiteral("Unit 4, Ring Road");
    s.locations[0].address.city = QStringLiteral("Leeds");
    s.locations[0].address.postcode = QStringLiteral("LS10 1AB");
    s.locations[2].shipsFromStore = false;
    s.locations[2].storeBuffer = 4;
    s.locations[1].dailyCapacity = 250;
    s.locations[3].active = false;
    VERIFY_OK(save(s));

    const models::Result<models::SettingsSnapshot> back = m_settings->loadSettings();
    VERIFY_OK(back);
    QCOMPARE(back->settings, s);
    QCOMPARE(back->savedBy, QStringLiteral("owner"));
    QCOMPARE(back->savedAtUtc, kNow);
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'settings.updated_at'")),
             QVariant(QStringLiteral("2026-11-25T12:00:00Z")));
    QCOMPARE(
        scalar(QStringLiteral("SELECT daily_capacity FROM locations WHERE code = 'MKY'")).toInt(),
        250);
    QVERIFY(
        scalar(QStringLiteral("SELECT address_line2 FROM locations WHERE code = 'LDS'")).isNull());

    // Values are stored in their canonical form.
    s.values.insert(QStringLiteral("allocation.priority"), QStringLiteral(" Placed , manual "));
    s.values.insert(QStringLiteral("shop.currency"), QStringLiteral("usd"));
    VERIFY_OK(save(s));
    QCOMPARE(loaded().value(QStringLiteral("allocation.priority")),
             QStringLiteral("placed,manual"));
    QCOMPARE(loaded().value(QStringLiteral("shop.currency")), QStringLiteral("USD"));
}

void TestSqlSettings::addsALocation()
{
    ShopSettings s = loaded();
    LocationSettings manchester;
    manchester.code = QStringLiteral("MAN");
    manchester.name = QStringLiteral("Manchester");
    manchester.kind = QStringLiteral("store");
    manchester.address.country = QStringLiteral("gb");
    manchester.routingPriority = 5;
    manchester.defaultReturns = true;
    s.locations.append(manchester);
    VERIFY_OK(save(s));

    const ShopSettings back = loaded();
    QCOMPARE(back.locations.size(), 5);
    const LocationSettings &added = back.locations.last();
    QVERIFY(added.id > 4);
    QCOMPARE(added.code, QStringLiteral("MAN"));
    QCOMPARE(added.address.country, QStringLiteral("GB"));
    QCOMPARE(added.kind, QStringLiteral("store"));
    QVERIFY(added.defaultReturns);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM locations WHERE is_default_returns = 1"))
                 .toInt(),
             1);
}

void TestSqlSettings::refusedSaveWritesNothing()
{
    const QString before = dump();
    ShopSettings s = loaded();
    // Good changes first, one bad value last: none of it may reach the file.
    s.values.insert(QStringLiteral("shop.name"), QStringLiteral("Changed"));
    s.values.insert(QStringLiteral("allocation.split"), QStringLiteral("never"));
    s.channels[0].stockBuffer = 9;
    s.locations[0].name = QStringLiteral("Leeds (main)");
    s.values.insert(QStringLiteral("returns.restocking_fee_percent"), QStringLiteral("140"));

    const models::Status refused = save(s);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QStringLiteral("Restocking fee")),
             qPrintable(refused.error()));
    QCOMPARE(dump(), before);

    // A location's bad country is named with the location.
    s.values.insert(QStringLiteral("returns.restocking_fee_percent"), QStringLiteral("10"));
    s.locations[3].address.country = QStringLiteral("Holland");
    const models::Status country = save(s);
    QVERIFY(!country.ok());
    QVERIFY2(country.error().contains(QStringLiteral("RTM")), qPrintable(country.error()));
    QCOMPARE(dump(), before);
}

void TestSqlSettings::failureHalfWayRollsBack()
{
    const QString before = dump();
    ShopSettings s = loaded();
    s.values.insert(QStringLiteral("shop.name"), QStringLiteral("Changed"));
    s.locations[0].name = QStringLiteral("Leeds (main)");
    // Valid on its own, but gone from the database: found only while writing, after
    // the settings rows and the first location were written in the same transaction.
    VERIFY_OK(storage::runStatement(db(), QStringLiteral("DELETE FROM locations WHERE id = 4")));
    const QString afterDelete = dump();
    QVERIFY(afterDelete != before);
    const models::Status refused = save(s);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QStringLiteral("RTM")), qPrintable(refused.error()));
    QCOMPARE(dump(), afterDelete);
}

void TestSqlSettings::allocatorReadsTheSavedShortfall()
{
    using namespace allocationshop;
    storage::AllocationOptions options;
    options.nowUtc = kNow;
    // No mugs anywhere: the migration's default waits for stock (backorder).
    const models::Result<qint64> first = addOrder(db(), withLines({{Mug, 1}}));
    VERIFY_OK(first);
    models::Result<storage::AllocationSummary> run = storage::allocateNewOrders(db(), options);
    VERIFY_OK(run);
    QCOMPARE(run->backordered, 1);

    ShopSettings s = loaded();
    s.values.insert(QStringLiteral("allocation.shortfall"), QStringLiteral("hold"));
    VERIFY_OK(save(s));
    const models::Result<qint64> second = addOrder(db(), withLines({{Mug, 1}}));
    VERIFY_OK(second);
    run = storage::allocateNewOrders(db(), options);
    VERIFY_OK(run);
    QCOMPARE(run->held, 1);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {second.value()}),
             QVariant(QStringLiteral("on_hold")));
}

void TestSqlSettings::pickListsReadTheSavedPriority()
{
    storage::SqlPickListSource pickLists(db(), QStringLiteral("picker"));
    models::Result<models::ReadyOrders> ready = pickLists.readyOrders(1);
    VERIFY_OK(ready);
    QCOMPARE(ready->priority.criteria.first(), models::PriorityCriterion::Manual);
    QCOMPARE(ready->priority.highValueMinor, 15000);

    ShopSettings s = loaded();
    s.values.insert(QStringLiteral("allocation.priority"), QStringLiteral("placed,expedited"));
    s.values.insert(QStringLiteral("allocation.high_value_minor"), QStringLiteral("50000"));
    VERIFY_OK(save(s));
    ready = pickLists.readyOrders(1);
    VERIFY_OK(ready);
    const QList<models::PriorityCriterion> expected{models::PriorityCriterion::Placed,
                                                    models::PriorityCriterion::Expedited};
    QCOMPARE(ready->priority.criteria, expected);
    QCOMPARE(ready->priority.highValueMinor, 50000);
}

void TestSqlSettings::channelFeedReadsTheSavedBuffer()
{
    VERIFY_OK(allocationshop::move(db(), allocationshop::Mug, 1, 10));
    ShopSettings s = loaded();
    s.channels[0].stockBuffer = 4;
    s.values.insert(QStringLiteral("shopify.location"), QStringLiteral("Leeds warehouse"));
    VERIFY_OK(save(s));
    const models::Result<models::ChannelStockFeed> feed =
        storage::readChannelStock(db(), QStringLiteral("shopify"));
    VERIFY_OK(feed);
    QCOMPARE(feed->buffer, 4);
    QCOMPARE(feed->shopifyLocation, QStringLiteral("Leeds warehouse"));
    const auto mug = std::find_if(feed->rows.cbegin(), feed->rows.cend(), [](const auto &row) {
        return row.productSku == QLatin1String("MUG-01");
    });
    QVERIFY(mug != feed->rows.cend());
    QCOMPARE(mug->availableToPromise, 10);
    QCOMPARE(mug->quantity, 6);
}

QTEST_GUILESS_MAIN(TestSqlSettings)
#include "tst_sqlsettings.moc"
