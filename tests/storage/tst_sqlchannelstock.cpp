// The channel stock feed over a real database and through each channel's writer:
// available-to-promise over every location (the store keeps its buffer, reservations
// come off), channel SKUs with units per listing, the channel's buffer, products
// without a mapping under their own SKU, a kit limited by its scarcest component,
// and each upload file's header and rows read back column by column.

#include "allocationshop.h"
#include "importers/channelstockfeed.h"
#include "storage/database.h"
#include "storage/sqlchannelstock.h"
#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace allocationshop;

namespace {

QList<QStringList> rowsOf(const QByteArray &file, QChar separator)
{
    QList<QStringList> out;
    for (const QString &line : QString::fromUtf8(file).split(QStringLiteral("\r\n"))) {
        if (line.isEmpty())
            continue;
        out.append(line.split(separator)); // the fixtures hold no quoted separators
    }
    return out;
}

} // namespace

class TestSqlChannelStock : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void quantitiesPerListing();
    void shopifyFile();
    void amazonFile();
    void ebayFile();
    void unknownChannel();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    models::ChannelStockFeed feed(const QString &channel);
    const models::ChannelStockRow *row(const models::ChannelStockFeed &f, const QString &sku);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
};

void TestSqlChannelStock::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = storage::Database::open(m_dir->filePath(QStringLiteral("feed.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(build(db()));
    // Mug: 20 at Leeds (3 reserved) + 4 at the Bristol shop, which keeps 1 back = 20.
    // T-shirt: 7 at Milton Keynes. Cap: nothing.
    VERIFY_OK(move(db(), Mug, LDS, 20));
    VERIFY_OK(move(db(), Mug, BRS, 4));
    VERIFY_OK(move(db(), Tee, MKY, 7));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("UPDATE stock_levels SET reserved = 3 WHERE product_id = 1 AND "
                             "location_id = 1")));
    const char *statements[] = {
        "UPDATE channels SET stock_buffer = 2 WHERE code = 'amazon'",
        "INSERT INTO channels (id, code, name, currency, stock_buffer) VALUES "
        "(3, 'ebay', 'eBay', 'GBP', 0)",
        // Amazon sells the mug singly and as a pack of 6; eBay sells it as MUG-EB.
        "INSERT INTO channel_skus (channel_id, channel_sku, product_id, units_per_listing) "
        "VALUES (2, 'AMZ-MUG', 1, 1), (2, 'AMZ-MUG-6', 1, 6), (3, 'MUG-EB', 1, 1)",
        // A gift set of 2 mugs and 1 T-shirt: limited by the T-shirts (7) and mugs (20/2).
        "INSERT INTO products (id, sku, name, cost_currency, price_currency, is_kit, created_at) "
        "VALUES (4, 'SET-01', 'Gift set, mug & tee', 'GBP', 'GBP', 1, '2026-01-01T00:00:00Z')",
        "INSERT INTO kit_components (kit_product_id, component_product_id, quantity) VALUES "
        "(4, 1, 2), (4, 2, 1)",
        "INSERT INTO settings (key, value) VALUES ('shopify.location', 'Leeds warehouse')",
    };
    for (const char *sql : statements)
        VERIFY_OK(storage::runStatement(db(), QString::fromLatin1(sql)));
}

void TestSqlChannelStock::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

models::ChannelStockFeed TestSqlChannelStock::feed(const QString &channel)
{
    const models::Result<models::ChannelStockFeed> f = storage::readChannelStock(db(), channel);
    if (!f.ok())
        qWarning("%s", qPrintable(f.error()));
    return f.ok() ? f.value() : models::ChannelStockFeed();
}

const models::ChannelStockRow *TestSqlChannelStock::row(const models::ChannelStockFeed &f,
                                                        const QString &sku)
{
    for (const models::ChannelStockRow &r : f.rows)
        if (r.listingSku == sku)
            return &r;
    return nullptr;
}

void TestSqlChannelStock::quantitiesPerListing()
{
    const models::ChannelStockFeed amazon = feed(QStringLiteral("amazon"));
    QCOMPARE(amazon.buffer, 2);
    QStringList skus;
    for (const models::ChannelStockRow &r : amazon.rows)
        skus.append(r.listingSku);
    // The mug appears only under its Amazon SKUs; the others under their own.
    QCOMPARE(skus, (QStringList{QStringLiteral("AMZ-MUG"), QStringLiteral("AMZ-MUG-6"),
                                QStringLiteral("CAP-01"), QStringLiteral("SET-01"),
                                QStringLiteral("TEE-M")}));
    QCOMPARE(row(amazon, QStringLiteral("AMZ-MUG"))->availableToPromise, 20);
    QCOMPARE(row(amazon, QStringLiteral("AMZ-MUG"))->quantity, 18);  // 20 - buffer 2
    QCOMPARE(row(amazon, QStringLiteral("AMZ-MUG-6"))->quantity, 1); // floor(20/6) - 2
    QCOMPARE(row(amazon, QStringLiteral("TEE-M"))->quantity, 5);
    QCOMPARE(row(amazon, QStringLiteral("CAP-01"))->quantity, 0); // never below 0
    QCOMPARE(row(amazon, QStringLiteral("SET-01"))->availableToPromise, 7);
    QCOMPARE(row(amazon, QStringLiteral("SET-01"))->quantity, 5);

    const models::ChannelStockFeed shopify = feed(QStringLiteral("shopify"));
    QCOMPARE(shopify.buffer, 0);
    QCOMPARE(row(shopify, QStringLiteral("MUG-01"))->quantity, 20);
    QCOMPARE(shopify.shopifyLocation, QStringLiteral("Leeds warehouse"));
}

void TestSqlChannelStock::shopifyFile()
{
    const QByteArray file = importers::shopifyInventoryCsv(feed(QStringLiteral("shopify")));
    const QList<QStringList> rows = rowsOf(file, QLatin1Char(','));
    QCOMPARE(rows.at(0).join(QLatin1Char(',')),
             QString::fromLatin1(importers::kShopifyInventoryHeader));
    QCOMPARE(rows.at(0).size(), 19);
    QCOMPARE(rows.size(), 1 + 4);
    const QStringList header = rows.at(0);
    const auto cell = [&](const QStringList &r, const char *column) {
        return r.at(header.indexOf(QString::fromLatin1(column)));
    };
    QStringList mug;
    for (const QStringList &r : rows)
        if (cell(r, "SKU") == QLatin1String("MUG-01"))
            mug = r;
    QVERIFY(!mug.isEmpty());
    QCOMPARE(cell(mug, "Handle"), QStringLiteral("mug"));
    QCOMPARE(cell(mug, "Title"), QStringLiteral("Mug"));
    QCOMPARE(cell(mug, "Option1 Name"), QStringLiteral("Title"));
    QCOMPARE(cell(mug, "Option1 Value"), QStringLiteral("Default Title"));
    QCOMPARE(cell(mug, "Location"), QStringLiteral("Leeds warehouse"));
    QCOMPARE(cell(mug, "On hand (new)"), QStringLiteral("20"));
    QCOMPARE(cell(mug, "Available (not editable)"), QStringLiteral("20"));
    QVERIFY(file.contains("\"Gift set, mug & tee\"")); // quoted, not split
    QCOMPARE(importers::shopifyHandle(QStringLiteral("Gift set, mug & tee")),
             QStringLiteral("gift-set-mug-tee"));
    QCOMPARE(importers::shopifyHandle(QStringLiteral("Crème Brûlée Dish 12cm")),
             QStringLiteral("creme-brulee-dish-12cm"));
}

void TestSqlChannelStock::amazonFile()
{
    const QByteArray file = importers::amazonPriceQuantityTxt(feed(QStringLiteral("amazon")));
    const QList<QStringList> rows = rowsOf(file, QLatin1Char('\t'));
    QCOMPARE(rows.at(0), (QStringList{QStringLiteral("sku"), QStringLiteral("price"),
                                      QStringLiteral("minimum-seller-allowed-price"),
                                      QStringLiteral("maximum-seller-allowed-price"),
                                      QStringLiteral("quantity"), QStringLiteral("handling-time"),
                                      QStringLiteral("fulfillment-channel")}));
    QCOMPARE(rows.size(), 1 + 5);
    for (const QStringList &r : rows)
        QCOMPARE(r.size(), 7);
    QCOMPARE(rows.at(1), (QStringList{QStringLiteral("AMZ-MUG"), QString(), QString(), QString(),
                                      QStringLiteral("18"), QString(), QString()}));
    QCOMPARE(rows.at(2).at(0), QStringLiteral("AMZ-MUG-6"));
    QCOMPARE(rows.at(2).at(4), QStringLiteral("1"));
}

void TestSqlChannelStock::ebayFile()
{
    const QByteArray file = importers::ebayQuantityCsv(feed(QStringLiteral("ebay")));
    const QList<QStringList> rows = rowsOf(file, QLatin1Char(','));
    QCOMPARE(rows.at(0),
             (QStringList{QStringLiteral("Action(SiteID=UK|Country=GB|Currency=GBP|Version=1193|"
                                         "CC=UTF-8)"),
                          QStringLiteral("ItemID"), QStringLiteral("CustomLabel"),
                          QStringLiteral("Quantity")}));
    QCOMPARE(rows.at(1), (QStringList{QStringLiteral("Revise"), QString(), QStringLiteral("CAP-01"),
                                      QStringLiteral("0")}));
    QCOMPARE(rows.at(2), (QStringList{QStringLiteral("Revise"), QString(), QStringLiteral("MUG-EB"),
                                      QStringLiteral("20")}));
    QCOMPARE(importers::ebayActionHeader(QStringLiteral("USD")),
             QStringLiteral("Action(SiteID=US|Country=US|Currency=USD|Version=1193|CC=UTF-8)"));
}

void TestSqlChannelStock::unknownChannel()
{
    const models::Result<models::ChannelStockFeed> f =
        storage::readChannelStock(db(), QStringLiteral("etsy"));
    QVERIFY(!f.ok());
    QVERIFY2(f.error().contains(QLatin1String("etsy")), qPrintable(f.error()));
}

QTEST_GUILESS_MAIN(TestSqlChannelStock)
#include "tst_sqlchannelstock.moc"
