#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlorderimportsink.h"
#include "storage/sqlskumapping.h"
#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>

using models::ImportedLine;
using models::ImportedOrder;
using storage::Database;
using storage::SqlOrderImportSink;
using storagetest::scalar;

// Orders the import held for SKUs nobody knew, and what mapping such a SKU to a
// product does to them: lines re-mapped like the import would have, holds the import
// made lifted or reworded, every other hold left alone, all or nothing.
class TestSqlSkuMapping : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_files = 0;
    const QString m_user = QStringLiteral("tester");
    const QString kPersonHold = QStringLiteral("customer asked us to wait for a second parcel");

    QSqlDatabase db() const { return m_db->connection(); }
    QVariant orderValue(const QString &column, const QString &externalId)
    {
        return scalar(db(),
                      QStringLiteral("SELECT %1 FROM orders WHERE external_id = ?").arg(column),
                      {externalId});
    }
    qint64 count(const QString &sql, const QVariantList &binds = {}) const
    {
        return scalar(db(), sql, binds).toLongLong();
    }
    qint64 eventsOf(const QString &externalId)
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM order_events e JOIN orders o "
                                    "ON o.id = e.order_id WHERE o.external_id = ?"),
                     {externalId});
    }
    QString lastEventOf(const QString &externalId, const QString &column)
    {
        return scalar(db(),
                      QStringLiteral("SELECT e.%1 FROM order_events e JOIN orders o "
                                     "ON o.id = e.order_id WHERE o.external_id = ? "
                                     "ORDER BY e.id DESC LIMIT 1")
                          .arg(column),
                      {externalId})
            .toString();
    }

    static ImportedLine line(const QString &sku, int quantity, qint64 price)
    {
        ImportedLine l;
        l.sku = sku;
        l.title = QStringLiteral("Item ") + sku;
        l.quantity = quantity;
        l.unitPriceMinor = price;
        l.totalMinor = price * quantity;
        return l;
    }
    static ImportedOrder order(const QString &externalId, const QList<ImportedLine> &lines)
    {
        ImportedOrder o;
        o.channelCode = QStringLiteral("shopify");
        o.externalId = externalId;
        o.number = QStringLiteral("#") + externalId;
        o.placedAtUtc = QDateTime(QDate(2026, 6, 8), QTime(12, 55, 28), Qt::UTC);
        o.buyerName = QStringLiteral("Alex One");
        o.buyerEmail = QStringLiteral("alex.one@example.com");
        o.shipTo.name = QStringLiteral("Alex One");
        o.shipTo.line1 = QStringLiteral("5 Sample Road");
        o.shipTo.city = QStringLiteral("Birmingham");
        o.shipTo.postcode = QStringLiteral("B74 3EX");
        o.shipTo.country = QStringLiteral("GB");
        o.currency = QStringLiteral("GBP");
        o.lines = lines;
        for (const ImportedLine &l : lines)
            o.subtotalMinor += l.totalMinor;
        o.totalMinor = o.subtotalMinor;
        o.firstRow = 2;
        o.sourceRows = {{2, {o.number}}};
        return o;
    }

    // The shop of these tests: one order waiting on two unknown SKUs, one with a broken
    // field as well, one a person put on hold, one waiting on ZZ-1 alone.
    QList<ImportedOrder> shopOrders() const
    {
        ImportedOrder broken =
            order(QStringLiteral("6002"), {line(QStringLiteral("ZZ-1"), 1, 900)});
        broken.errors = {{7, QStringLiteral("Total"), QStringLiteral("not a number")}};
        return {order(QStringLiteral("6001"),
                      {line(QStringLiteral("ZZ-1"), 1, 1000), line(QStringLiteral("ZZ-2"), 2, 500),
                       line(QStringLiteral("A-1"), 1, 700)}),
                broken, order(QStringLiteral("6003"), {line(QStringLiteral("ZZ-1"), 1, 1000)}),
                order(QStringLiteral("6004"), {line(QStringLiteral("ZZ-1"), 3, 1000)})};
    }

    bool importFile(const QList<ImportedOrder> &orders)
    {
        SqlOrderImportSink sink(db());
        models::ImportRunInfo run;
        run.fileName = QStringLiteral("orders-%1.csv").arg(++m_files);
        run.formatCode = QStringLiteral("shopify");
        run.userName = m_user;
        run.startedAtUtc = QDateTime::currentDateTimeUtc();
        if (const models::Status s = sink.begin(run); !s) {
            qWarning("%s", qPrintable(s.error()));
            return false;
        }
        models::ImportRunTotals totals;
        for (const ImportedOrder &o : orders) {
            const auto r = sink.write(o);
            if (!r) {
                qWarning("%s", qPrintable(r.error()));
                return false;
            }
            totals.errors.append(o.errors);
        }
        const models::Status committed = sink.commit(totals);
        if (!committed)
            qWarning("%s", qPrintable(committed.error()));
        return committed.ok();
    }

    // A person's hold replaces the import's on 6003 (as the Orders screen would).
    void holdByPerson()
    {
        VERIFY_OK(storage::runStatement(
            db(), QStringLiteral("UPDATE orders SET hold_reason = ? WHERE external_id = '6003'"),
            {kPersonHold}));
    }

    // Everything a mapping could write, to prove a refusal wrote nothing.
    QStringList snapshot() const
    {
        QStringList out;
        for (const char *sql :
             {"SELECT id || ':' || channel_id || ':' || channel_sku || ':' || product_id || ':' || "
              "units_per_listing FROM channel_skus ORDER BY id",
              "SELECT id || ':' || COALESCE(product_id, '-') || ':' || quantity || ':' || "
              "unit_price_minor FROM order_lines ORDER BY id",
              "SELECT id || ':' || status || ':' || COALESCE(hold_reason, '-') || ':' || "
              "item_count "
              "|| ':' || updated_at FROM orders ORDER BY id",
              "SELECT COUNT(*) FROM order_events"}) {
            QSqlQuery q(db());
            if (!q.exec(QString::fromLatin1(sql)))
                out.append(QStringLiteral("ERROR"));
            while (q.next())
                out.append(q.value(0).toString());
        }
        return out;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        static int n = 0;
        const QString path = m_dir.filePath(QStringLiteral("shop-%1.db").arg(++n));
        auto opened = Database::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        m_db = std::move(opened).value();
        for (const char *sql :
             {"INSERT INTO channels (code, name, currency) VALUES ('shopify', 'Shopify', 'GBP')",
              "INSERT INTO products (sku, name, cost_currency, price_currency, created_at) "
              "VALUES ('A-1', 'Apron', 'GBP', 'GBP', '2026-01-01T00:00:00Z')",
              "INSERT INTO products (sku, name, cost_currency, price_currency, created_at) "
              "VALUES ('B-2', 'Bowl', 'GBP', 'GBP', '2026-01-01T00:00:00Z')"})
            VERIFY_OK(storage::runStatement(db(), QString::fromLatin1(sql)));
        QVERIFY(importFile(shopOrders()));
        holdByPerson();
    }
    void cleanup() { m_db.reset(); }

    void importHoldsWhatTheseTestsStartFrom()
    {
        QCOMPARE(orderValue(QStringLiteral("hold_reason"), QStringLiteral("6001")).toString(),
                 QStringLiteral("unknown SKU ZZ-1, ZZ-2"));
        QCOMPARE(orderValue(QStringLiteral("hold_reason"), QStringLiteral("6002")).toString(),
                 QStringLiteral("row 7, field Total: not a number; unknown SKU ZZ-1"));
        QCOMPARE(orderValue(QStringLiteral("status"), QStringLiteral("6003")).toString(),
                 QStringLiteral("on_hold"));
        QCOMPARE(orderValue(QStringLiteral("hold_reason"), QStringLiteral("6004")).toString(),
                 QStringLiteral("unknown SKU ZZ-1"));
    }

    void listsWhatWaits()
    {
        const auto listed = storage::listUnknownSkus(db());
        VERIFY_OK(listed);
        QCOMPARE(listed->size(), 2);
        const storage::UnknownSku &first = listed->at(0);
        QCOMPARE(first.channelCode, QStringLiteral("shopify"));
        QCOMPARE(first.channelSku, QStringLiteral("ZZ-1"));
        QCOMPARE(first.heldOrders, 4);
        QCOMPARE(first.lines, 4);
        QCOMPARE(first.firstTitle, QStringLiteral("Item ZZ-1"));
        QCOMPARE(listed->at(1).channelSku, QStringLiteral("ZZ-2"));
        QCOMPARE(listed->at(1).heldOrders, 1);
        QCOMPARE(listed->at(1).lines, 1);
    }

    void mappingLiftsOnlyTheImportsHolds()
    {
        const qint64 personEvents = eventsOf(QStringLiteral("6003"));
        auto first = storage::mapChannelSku(db(), QStringLiteral("shopify"), QStringLiteral("ZZ-1"),
                                            QStringLiteral("A-1"), 1, m_user);
        VERIFY_OK(first);
        QCOMPARE(first->linesRemapped, 4);
        QCOMPARE(first->ordersReleased, 1); // 6004
        QCOMPARE(first->ordersStillHeld, 3);
        QCOMPARE(first->productName, QStringLiteral("Apron"));
        QVERIFY(!first->replacedProductSku);

        // Waiting on ZZ-2 still: the reason says only that.
        QCOMPARE(orderValue(QStringLiteral("status"), QStringLiteral("6001")).toString(),
                 QStringLiteral("on_hold"));
        QCOMPARE(orderValue(QStringLiteral("hold_reason"), QStringLiteral("6001")).toString(),
                 QStringLiteral("unknown SKU ZZ-2"));
        QCOMPARE(lastEventOf(QStringLiteral("6001"), QStringLiteral("kind")),
                 QStringLiteral("note"));
        // The broken field keeps it held; the SKU is no longer part of the reason.
        QCOMPARE(orderValue(QStringLiteral("status"), QStringLiteral("6002")).toString(),
                 QStringLiteral("on_hold"));
        QCOMPARE(orderValue(QStringLiteral("hold_reason"), QStringLiteral("6002")).toString(),
                 QStringLiteral("row 7, field Total: not a number"));
        // A person's hold is theirs to lift; the timeline still says what was mapped.
        QCOMPARE(orderValue(QStringLiteral("status"), QStringLiteral("6003")).toString(),
                 QStringLiteral("on_hold"));
        QCOMPARE(orderValue(QStringLiteral("hold_reason"), QStringLiteral("6003")).toString(),
                 kPersonHold);
        QCOMPARE(eventsOf(QStringLiteral("6003")), personEvents + 1);
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = "
                                     "l.order_id WHERE o.external_id = '6003' AND l.product_id "
                                     "IS NULL")) == 0);
        // Nothing else waits: released, with the event saying why.
        QCOMPARE(orderValue(QStringLiteral("status"), QStringLiteral("6004")).toString(),
                 QStringLiteral("new"));
        QVERIFY(orderValue(QStringLiteral("hold_reason"), QStringLiteral("6004")).isNull());
        QCOMPARE(lastEventOf(QStringLiteral("6004"), QStringLiteral("kind")),
                 QStringLiteral("status"));
        QCOMPARE(lastEventOf(QStringLiteral("6004"), QStringLiteral("from_status")),
                 QStringLiteral("on_hold"));
        QCOMPARE(lastEventOf(QStringLiteral("6004"), QStringLiteral("to_status")),
                 QStringLiteral("new"));
        QCOMPARE(lastEventOf(QStringLiteral("6004"), QStringLiteral("detail")),
                 QStringLiteral("SKU ZZ-1 mapped to A-1 by tester; hold lifted"));
        QCOMPARE(lastEventOf(QStringLiteral("6004"), QStringLiteral("user_name")), m_user);

        auto second =
            storage::mapChannelSku(db(), QStringLiteral("shopify"), QStringLiteral("ZZ-2"),
                                   QStringLiteral("B-2"), 1, m_user);
        VERIFY_OK(second);
        QCOMPARE(second->linesRemapped, 1);
        QCOMPARE(second->ordersReleased, 1); // 6001
        QCOMPARE(second->ordersStillHeld, 0);
        QCOMPARE(orderValue(QStringLiteral("status"), QStringLiteral("6001")).toString(),
                 QStringLiteral("new"));
        QCOMPARE(lastEventOf(QStringLiteral("6001"), QStringLiteral("detail")),
                 QStringLiteral("SKU ZZ-2 mapped to B-2 by tester; hold lifted"));
        QCOMPARE(orderValue(QStringLiteral("status"), QStringLiteral("6002")).toString(),
                 QStringLiteral("on_hold"));

        const auto listed = storage::listUnknownSkus(db());
        VERIFY_OK(listed);
        QVERIFY(listed->isEmpty());
        const auto report = storage::checkConsistency(db());
        VERIFY_OK(report);
        QVERIFY2(report->clean(), qPrintable(report->problems.join(u'\n')));
    }

    // A line whose product went missing after import is held by the allocator, in its
    // own words; mapping the SKU lifts that hold too, or rewrites it to what still waits.
    void mappingLiftsTheAllocatorsUnknownSkuHold()
    {
        VERIFY_OK(storage::runStatement(
            db(), QStringLiteral("UPDATE orders SET hold_reason = 'Unknown SKU: ZZ-1 (line 1)' "
                                 "WHERE external_id = '6004'")));
        VERIFY_OK(storage::runStatement(
            db(),
            QStringLiteral("UPDATE orders SET hold_reason = 'Unknown SKU: ZZ-1 (line 1), ZZ-2 "
                           "(line 2)' WHERE external_id = '6001'")));
        auto mapped =
            storage::mapChannelSku(db(), QStringLiteral("shopify"), QStringLiteral("ZZ-1"),
                                   QStringLiteral("A-1"), 1, m_user);
        VERIFY_OK(mapped);
        QCOMPARE(orderValue(QStringLiteral("status"), QStringLiteral("6004")).toString(),
                 QStringLiteral("new"));
        QCOMPARE(lastEventOf(QStringLiteral("6004"), QStringLiteral("detail")),
                 QStringLiteral("SKU ZZ-1 mapped to A-1 by tester; hold lifted"));
        QCOMPARE(orderValue(QStringLiteral("status"), QStringLiteral("6001")).toString(),
                 QStringLiteral("on_hold"));
        QCOMPARE(orderValue(QStringLiteral("hold_reason"), QStringLiteral("6001")).toString(),
                 QStringLiteral("unknown SKU ZZ-2"));
    }

    void mappingAgainChangesNothing()
    {
        VERIFY_OK(storage::mapChannelSku(db(), QStringLiteral("shopify"), QStringLiteral("ZZ-1"),
                                         QStringLiteral("A-1"), 1, m_user));
        const QStringList before = snapshot();
        auto again = storage::mapChannelSku(db(), QStringLiteral("shopify"), QStringLiteral("ZZ-1"),
                                            QStringLiteral("A-1"), 1, m_user);
        VERIFY_OK(again);
        QCOMPARE(again->linesRemapped, 0);
        QCOMPARE(again->ordersReleased, 0);
        QCOMPARE(again->ordersStillHeld, 0);
        QCOMPARE(snapshot(), before);
    }

    void reimportAfterMappingKeepsTheRelease()
    {
        VERIFY_OK(storage::mapChannelSku(db(), QStringLiteral("shopify"), QStringLiteral("ZZ-1"),
                                         QStringLiteral("A-1"), 1, m_user));
        const QStringList before = snapshot();
        QVERIFY(importFile(shopOrders()));
        // Same content: the sink writes nothing to the orders, so nothing is held again.
        QCOMPARE(snapshot(), before);
        QCOMPARE(orderValue(QStringLiteral("status"), QStringLiteral("6004")).toString(),
                 QStringLiteral("new"));
    }

    void replacingAMappingSaysWhatItReplaced()
    {
        VERIFY_OK(storage::mapChannelSku(db(), QStringLiteral("shopify"), QStringLiteral("ZZ-1"),
                                         QStringLiteral("A-1"), 1, m_user));
        auto replaced =
            storage::mapChannelSku(db(), QStringLiteral("shopify"), QStringLiteral("ZZ-1"),
                                   QStringLiteral("B-2"), 2, m_user);
        VERIFY_OK(replaced);
        QCOMPARE(replaced->replacedProductSku.value_or(QString()), QStringLiteral("A-1"));
        QCOMPARE(replaced->linesRemapped, 0); // lines already mapped keep their product
        QCOMPARE(count(QStringLiteral("SELECT units_per_listing FROM channel_skus WHERE "
                                      "channel_sku = 'ZZ-1'")),
                 2);
    }

    // The mapping stores a line exactly as the import stores the same line once the
    // mapping exists: that import is the reference.
    void linesMatchWhatTheImportWouldStore_data()
    {
        QTest::addColumn<int>("units");
        QTest::addColumn<int>("quantity");
        QTest::addColumn<qint64>("price");
        QTest::addColumn<int>("shippedOnChannel");
        QTest::newRow("one per listing") << 1 << 2 << qint64(1000) << 0;
        QTest::newRow("six-pack") << 6 << 2 << qint64(1200) << 0;
        QTest::newRow("price not divisible") << 6 << 1 << qint64(1000) << 0;
        QTest::newRow("partly shipped on the channel") << 3 << 2 << qint64(900) << 1;
    }

    void linesMatchWhatTheImportWouldStore()
    {
        QFETCH(int, units);
        QFETCH(int, quantity);
        QFETCH(qint64, price);
        QFETCH(int, shippedOnChannel);
        ImportedLine pack = line(QStringLiteral("PACK"), quantity, price);
        pack.quantityShippedOnChannel = shippedOnChannel;
        QVERIFY(importFile({order(QStringLiteral("7001"), {pack})}));
        auto mapped =
            storage::mapChannelSku(db(), QStringLiteral("shopify"), QStringLiteral("PACK"),
                                   QStringLiteral("B-2"), units, m_user);
        VERIFY_OK(mapped);
        QCOMPARE(mapped->linesRemapped, 1);
        QCOMPARE(mapped->ordersReleased, 1);
        QVERIFY(importFile({order(QStringLiteral("7002"), {pack})}));

        const QString lineOf = QStringLiteral(
            "SELECT l.product_id || ':' || l.quantity || ':' || l.unit_price_minor || ':' || "
            "l.total_minor || ':' || l.quantity_shipped || ':' || o.item_count FROM order_lines l "
            "JOIN orders o ON o.id = l.order_id WHERE o.external_id = ?");
        const QString viaMapping = scalar(db(), lineOf, {QStringLiteral("7001")}).toString();
        const QString viaImport = scalar(db(), lineOf, {QStringLiteral("7002")}).toString();
        QVERIFY(!viaImport.isEmpty());
        QCOMPARE(viaMapping, viaImport);
        QCOMPARE(orderValue(QStringLiteral("item_count"), QStringLiteral("7001")).toInt(),
                 quantity * units);
        QCOMPARE(orderValue(QStringLiteral("status"), QStringLiteral("7001")).toString(),
                 orderValue(QStringLiteral("status"), QStringLiteral("7002")).toString());
    }

    void refusalWritesNothing_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("channelSku");
        QTest::addColumn<QString>("productSku");
        QTest::addColumn<int>("units");
        QTest::addColumn<QString>("named"); // what the message must name
        QTest::newRow("unknown product")
            << QStringLiteral("shopify") << QStringLiteral("ZZ-1") << QStringLiteral("NOPE-9") << 1
            << QStringLiteral("\"NOPE-9\"");
        QTest::newRow("unknown channel")
            << QStringLiteral("ebay") << QStringLiteral("ZZ-1") << QStringLiteral("A-1") << 1
            << QStringLiteral("\"ebay\"");
        QTest::newRow("no units") << QStringLiteral("shopify") << QStringLiteral("ZZ-1")
                                  << QStringLiteral("A-1") << 0 << QStringLiteral("units");
        QTest::newRow("no channel SKU")
            << QStringLiteral("shopify") << QString() << QStringLiteral("A-1") << 1
            << QStringLiteral("channel SKU");
    }

    void refusalWritesNothing()
    {
        QFETCH(QString, channel);
        QFETCH(QString, channelSku);
        QFETCH(QString, productSku);
        QFETCH(int, units);
        QFETCH(QString, named);
        const QStringList before = snapshot();
        auto refused = storage::mapChannelSku(db(), channel, channelSku, productSku, units, m_user);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(named), qPrintable(refused.error()));
        QCOMPARE(snapshot(), before);
        // The connection is free for the next writer.
        VERIFY_OK(storage::mapChannelSku(db(), QStringLiteral("shopify"), QStringLiteral("ZZ-1"),
                                         QStringLiteral("A-1"), 1, m_user));
    }
};

QTEST_GUILESS_MAIN(TestSqlSkuMapping)
#include "tst_sqlskumapping.moc"
