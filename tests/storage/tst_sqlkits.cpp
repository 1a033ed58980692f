// Kits in storage: writing a kit's components (saved, replaced, turned back into an
// ordinary product, refused with nothing written), reading them back, what the
// components make at each location, and the product editor's storage for a new product
// and a new kit.

#include "allocationshop.h"
#include "storage/database.h"
#include "storage/sqlkitlookup.h"
#include "storage/sqlkits.h"
#include "storage/sqlproducteditor.h"
#include "storage/transaction.h"
#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace allocationshop;
using models::KitComponent;
using storage::Database;

namespace {

enum Extra : qint64
{
    Coaster = 4,
    Gift = 5,
    Box = 6
};

} // namespace

class TestSqlKits : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void savesAKit();
    void replacesTheComponents();
    void turnsBackIntoAnOrdinaryProduct();
    void refusesWithNothingWritten_data();
    void refusesWithNothingWritten();
    void whatAKitMakes();
    void findsPartsByCode();
    void productEditorSavesANewKit();
    void productEditorRefusesAKitWithStock();
    void newProductIsListed();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    models::Status write(qint64 kit, const QList<KitComponent> &components);
    qint64 count(const QString &sql, const QVariantList &binds = {})
    {
        return storagetest::scalar(db(), sql, binds).toLongLong();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestSqlKits::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    models::Result<std::unique_ptr<Database>> opened =
        Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(build(db()));
    VERIFY_OK(storage::runStatement(
        db(),
        QStringLiteral("INSERT INTO products (id, sku, name, cost_currency, price_currency, "
                       "weight_grams, created_at) VALUES "
                       "(4, 'COASTER-01', 'Coaster', 'GBP', 'GBP', 60, ?), "
                       "(5, 'GIFT-01', 'Gift set', 'GBP', 'GBP', 0, ?), "
                       "(6, 'BOX-01', 'Cap box', 'GBP', 'GBP', 0, ?)"),
        {kCreated, kCreated, kCreated}));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO product_barcodes (product_id, barcode, symbology, "
                             "is_primary) VALUES (5, '5012345678900', 'EAN13', 1), "
                             "(4, '4006381333931', 'EAN13', 1)")));
    // Mugs at Leeds and Bristol, coasters at Leeds and one at Bristol.
    VERIFY_OK(move(db(), Mug, LDS, 10));
    VERIFY_OK(move(db(), Mug, BRS, 4));
    VERIFY_OK(move(db(), Coaster, LDS, 6));
    VERIFY_OK(move(db(), Coaster, BRS, 1));
}

void TestSqlKits::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

models::Status TestSqlKits::write(qint64 kit, const QList<KitComponent> &components)
{
    storage::Transaction txn(db(), storage::Transaction::Mode::Write);
    if (models::Status s = storage::writeKitComponents(db(), kit, components); !s)
        return s;
    return txn.commit();
}

void TestSqlKits::savesAKit()
{
    VERIFY_OK(write(Gift, {{Mug, QStringLiteral("MUG-01"), {}, 1},
                           {Coaster, QStringLiteral("COASTER-01"), {}, 2}}));
    QCOMPARE(count(QStringLiteral("SELECT is_kit FROM products WHERE id = 5")), 1);
    const models::Result<QList<KitComponent>> parts = storage::kitComponents(db(), Gift);
    VERIFY_OK(parts);
    QCOMPARE(parts->size(), 2);
    // In SKU order, with names and weights from the products.
    QCOMPARE(parts->at(0).sku, QStringLiteral("COASTER-01"));
    QCOMPARE(parts->at(0).name, QStringLiteral("Coaster"));
    QCOMPARE(parts->at(0).quantity, 2);
    QCOMPARE(parts->at(0).weightGrams, 60);
    QCOMPARE(parts->at(1).sku, QStringLiteral("MUG-01"));
    QCOMPARE(parts->at(1).productId, qint64(Mug));
    QCOMPARE(parts->at(1).quantity, 1);
    QCOMPARE(parts->at(1).weightGrams, 400);
    QCOMPARE(models::KitRules::weightGrams(parts.value()), 520);

    const models::Result<storage::KitMap> kits = storage::loadKits(db());
    VERIFY_OK(kits);
    QCOMPARE(kits->size(), 1);
    QCOMPARE(kits->value(Gift).size(), 2);
    QCOMPARE(models::KitRules::describe(kits->value(Gift)),
             QStringLiteral("2 × COASTER-01, 1 × MUG-01"));
    // An ordinary product has no components.
    QVERIFY(storage::kitComponents(db(), Mug)->isEmpty());
}

void TestSqlKits::replacesTheComponents()
{
    VERIFY_OK(write(Gift, {{Mug, QStringLiteral("MUG-01"), {}, 1},
                           {Coaster, QStringLiteral("COASTER-01"), {}, 2}}));
    VERIFY_OK(write(Gift, {{Cap, {}, {}, 3}})); // the SKU left out is looked up
    const QList<KitComponent> parts = storage::kitComponents(db(), Gift).value();
    QCOMPARE(parts.size(), 1);
    QCOMPARE(parts.at(0).sku, QStringLiteral("CAP-01"));
    QCOMPARE(parts.at(0).quantity, 3);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM kit_components")), 1);
}

void TestSqlKits::turnsBackIntoAnOrdinaryProduct()
{
    VERIFY_OK(write(Gift, {{Mug, QStringLiteral("MUG-01"), {}, 1}}));
    VERIFY_OK(write(Gift, {}));
    QCOMPARE(count(QStringLiteral("SELECT is_kit FROM products WHERE id = 5")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM kit_components")), 0);
    QVERIFY(storage::loadKits(db())->isEmpty());
}

void TestSqlKits::refusesWithNothingWritten_data()
{
    QTest::addColumn<QString>("before"); // what is set up first
    QTest::addColumn<qint64>("kit");
    QTest::addColumn<QList<KitComponent>>("components");
    QTest::addColumn<QString>("words");

    const KitComponent mug{Mug, QStringLiteral("MUG-01"), {}, 1, 0};
    const KitComponent coasters{Coaster, QStringLiteral("COASTER-01"), {}, 2, 0};
    QTest::newRow("a kit inside a kit")
        << QStringLiteral("box") << qint64(Gift)
        << QList<KitComponent>{mug, {Box, QStringLiteral("BOX-01"), {}, 1, 0}}
        << QStringLiteral("component 2 (BOX-01): is a kit itself, and kits do not nest");
    QTest::newRow("a component becoming a kit")
        << QStringLiteral("gift") << qint64(Mug)
        << QList<KitComponent>{{Cap, QStringLiteral("CAP-01"), {}, 1, 0}}
        << QStringLiteral("kit MUG-01: it is a component of the kit GIFT-01");
    QTest::newRow("itself") << QString() << qint64(Gift)
                            << QList<KitComponent>{mug, {Gift, QStringLiteral("GIFT-01"), {}, 1, 0}}
                            << QStringLiteral("component 2 (GIFT-01): a kit cannot contain itself");
    QTest::newRow("zero per kit")
        << QString() << qint64(Gift)
        << QList<KitComponent>{mug, {Coaster, QStringLiteral("COASTER-01"), {}, 0, 0}}
        << QStringLiteral("component 2 (COASTER-01): the quantity 0 must be from 1 to 999");
    QTest::newRow("listed twice") << QString() << qint64(Gift)
                                  << QList<KitComponent>{mug, coasters, mug}
                                  << QStringLiteral("component 3 (MUG-01): listed twice");
    QTest::newRow("no such product")
        << QString() << qint64(Gift) << QList<KitComponent>{mug, {99, {}, {}, 1, 0}}
        << QStringLiteral("component 2: no such product");
    QTest::newRow("stock of its own")
        << QStringLiteral("stock") << qint64(Gift) << QList<KitComponent>{mug, coasters}
        << QStringLiteral("kit GIFT-01: it still holds stock or reservations of its own");
}

void TestSqlKits::refusesWithNothingWritten()
{
    QFETCH(QString, before);
    QFETCH(qint64, kit);
    QFETCH(QList<KitComponent>, components);
    QFETCH(QString, words);

    if (before == QLatin1String("box"))
        VERIFY_OK(write(Box, {{Cap, QStringLiteral("CAP-01"), {}, 2}}));
    else if (before == QLatin1String("gift"))
        VERIFY_OK(write(Gift, {{Mug, QStringLiteral("MUG-01"), {}, 1}}));
    else if (before == QLatin1String("stock"))
        VERIFY_OK(move(db(), Gift, LDS, 1));
    const qint64 rows = count(QStringLiteral("SELECT COUNT(*) FROM kit_components"));
    const qint64 kits = count(QStringLiteral("SELECT COUNT(*) FROM products WHERE is_kit = 1"));

    storage::Transaction txn(db(), storage::Transaction::Mode::Write);
    const models::Status s = storage::writeKitComponents(db(), kit, components);
    QVERIFY(!s);
    QVERIFY2(s.error().contains(words), qPrintable(s.error()));
    // Nothing was written even inside the caller's transaction.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM kit_components")), rows);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM products WHERE is_kit = 1")), kits);
}

void TestSqlKits::whatAKitMakes()
{
    VERIFY_OK(write(Gift, {{Mug, QStringLiteral("MUG-01"), {}, 1},
                           {Coaster, QStringLiteral("COASTER-01"), {}, 2}}));
    // Found by its barcode and by its SKU alike.
    for (const QString &code : {QStringLiteral("5012345678900"), QStringLiteral("GIFT-01")}) {
        const auto kit = storage::findKit(db(), code);
        VERIFY_OK(kit);
        QVERIFY(kit->has_value());
        QCOMPARE(kit->value().sku, QStringLiteral("GIFT-01"));
        QCOMPARE(kit->value().components.size(), 2);
        const models::KitStock &stock = kit->value().stock;
        // Every active location in routing order: LDS, MKY, BRS, RTM.
        QCOMPARE(stock.locations.size(), 4);
        QCOMPARE(stock.locations.at(0).locationCode, QStringLiteral("LDS"));
        QCOMPARE(stock.locations.at(0).kits, 3); // 10 mugs, 6 coasters: 3 kits
        QCOMPARE(stock.locations.at(2).locationCode, QStringLiteral("BRS"));
        QCOMPARE(stock.locations.at(2).kits, 0); // 4 mugs but 1 coaster
        QCOMPARE(stock.making().size(), 1);
        QCOMPARE(stock.scarcestSku, QStringLiteral("COASTER-01"));
        QCOMPARE(stock.total(), 3);
    }
    // Reserved stock is not available: a reservation of 5 mugs at Leeds leaves 5.
    VERIFY_OK(
        storage::runStatement(db(), QStringLiteral("UPDATE stock_levels SET reserved = 8 "
                                                   "WHERE product_id = 1 AND location_id = 1")));
    QCOMPARE(storage::findKit(db(), QStringLiteral("GIFT-01"))->value().stock.locations.at(0).kits,
             2);
    // Not a kit, or no such code: none.
    QVERIFY(!storage::findKit(db(), QStringLiteral("MUG-01"))->has_value());
    QVERIFY(!storage::findKit(db(), QStringLiteral("NOPE"))->has_value());
}

void TestSqlKits::findsPartsByCode()
{
    VERIFY_OK(write(Box, {{Cap, QStringLiteral("CAP-01"), {}, 2}}));
    const auto coaster = storage::findKitPart(db(), QStringLiteral("4006381333931"));
    VERIFY_OK(coaster);
    QVERIFY(coaster->has_value());
    QCOMPARE(coaster->value().component.sku, QStringLiteral("COASTER-01"));
    QCOMPARE(coaster->value().component.name, QStringLiteral("Coaster"));
    QCOMPARE(coaster->value().component.quantity, 1);
    QVERIFY(!coaster->value().isKit);
    QVERIFY(storage::findKitPart(db(), QStringLiteral("BOX-01"))->value().isKit);
    QVERIFY(!storage::findKitPart(db(), QStringLiteral("NOPE"))->has_value());
}

void TestSqlKits::productEditorSavesANewKit()
{
    models::Result<models::ProductRecord> blank = storage::loadProductRecord(db(), 0);
    VERIFY_OK(blank);
    QCOMPARE(blank->id, 0);
    QCOMPARE(blank->costCurrency, QStringLiteral("GBP"));
    QCOMPARE(blank->bins.size(), 4);
    models::ProductRecord r = blank.value();
    r.sku = QStringLiteral("DUO-01");
    r.name = QStringLiteral("Mug duo");
    r.isKit = true;
    // A kit without components is refused, naming the field.
    const auto empty = storage::saveProductRecord(db(), r);
    QVERIFY(!empty.ok());
    QVERIFY2(empty.error().startsWith(QStringLiteral("components: ")), qPrintable(empty.error()));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM products WHERE sku = 'DUO-01'")), 0);

    r.components = {{Mug, QStringLiteral("MUG-01"), {}, 2}};
    const auto saved = storage::saveProductRecord(db(), r);
    VERIFY_OK(saved);
    const models::ProductRecord back = storage::loadProductRecord(db(), saved.value()).value();
    QVERIFY(back.isKit);
    QCOMPARE(back.components.size(), 1);
    QCOMPARE(back.components.at(0).quantity, 2);
    // A kit is never stocked as itself: no stock row of its own.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_levels WHERE product_id = ?"),
                   {saved.value()}),
             0);

    // Unticking it makes it an ordinary product again.
    models::ProductRecord plain = back;
    plain.isKit = false;
    VERIFY_OK(storage::saveProductRecord(db(), plain));
    QCOMPARE(count(QStringLiteral("SELECT is_kit FROM products WHERE id = ?"), {saved.value()}), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM kit_components")), 0);

    // A second product with the same SKU: refused, naming the clash.
    models::ProductRecord twin = blank.value();
    twin.sku = QStringLiteral("DUO-01");
    twin.name = QStringLiteral("Another duo");
    const auto clash = storage::saveProductRecord(db(), twin);
    QVERIFY(!clash.ok());
    QVERIFY2(
        clash.error().contains(QStringLiteral("sku: DUO-01 is already the SKU of \"Mug duo\"")),
        qPrintable(clash.error()));
}

void TestSqlKits::productEditorRefusesAKitWithStock()
{
    VERIFY_OK(move(db(), Gift, LDS, 2));
    models::ProductRecord r = storage::loadProductRecord(db(), Gift).value();
    QVERIFY(!r.isKit);
    r.isKit = true;
    r.components = {{Mug, QStringLiteral("MUG-01"), {}, 1}};
    r.name = QStringLiteral("Renamed");
    const auto saved = storage::saveProductRecord(db(), r);
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().startsWith(QStringLiteral("components: kit GIFT-01: it still holds "
                                                     "stock")),
             qPrintable(saved.error()));
    // One transaction: the name did not change either.
    QCOMPARE(storagetest::scalar(db(), QStringLiteral("SELECT name FROM products WHERE id = 5"))
                 .toString(),
             QStringLiteral("Gift set"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM kit_components")), 0);
}

void TestSqlKits::newProductIsListed()
{
    models::ProductRecord r = storage::loadProductRecord(db(), 0).value();
    r.sku = QStringLiteral("JUG-01");
    r.name = QStringLiteral("Jug");
    const auto plain = storage::saveProductRecord(db(), r);
    VERIFY_OK(plain);
    // No bins: listed at the first location in routing order, with nothing on hand.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_levels WHERE product_id = ? AND "
                                  "location_id = 1 AND on_hand = 0"),
                   {plain.value()}),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_levels WHERE product_id = ?"),
                   {plain.value()}),
             1);

    r.sku = QStringLiteral("JUG-02");
    for (models::ProductBinInput &b : r.bins)
        if (b.locationCode == QLatin1String("BRS") || b.locationCode == QLatin1String("MKY"))
            b.binCodes = {QStringLiteral("S-01")};
    const auto binned = storage::saveProductRecord(db(), r);
    VERIFY_OK(binned);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_levels WHERE product_id = ? AND "
                                  "location_id IN (2, 3)"),
                   {binned.value()}),
             2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock_levels WHERE product_id = ?"),
                   {binned.value()}),
             2);
}

QTEST_GUILESS_MAIN(TestSqlKits)
#include "tst_sqlkits.moc"
