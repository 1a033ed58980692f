#include "storage/database.h"
#include "storage/sqlorderimportsink.h"
#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

using models::ChannelOrderState;
using models::ImportedLine;
using models::ImportedOrder;
using models::ImportOutcome;
using storage::Database;
using storage::SqlOrderImportSink;
using storagetest::scalar;

Q_DECLARE_METATYPE(models::ImportedOrder)

// The database side of an order import: what one file writes, what a second import
// of it writes (nothing), how a channel's update lands, and what a failed file leaves.
class TestSqlOrderImportSink : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_files = 0;

    QSqlDatabase db() const { return m_db->connection(); }
    qint64 count(const QString &table) const
    {
        return scalar(db(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)).toLongLong();
    }
    QVariant orderValue(const QString &column, const QString &externalId = QStringLiteral("5001"))
    {
        return scalar(db(),
                      QStringLiteral("SELECT %1 FROM orders WHERE external_id = ?").arg(column),
                      {externalId});
    }

    static ImportedOrder order(const QString &externalId = QStringLiteral("5001"))
    {
        ImportedOrder o;
        o.channelCode = QStringLiteral("shopify");
        o.externalId = externalId;
        o.number = QStringLiteral("#") + externalId;
        o.placedAtUtc = QDateTime(QDate(2026, 6, 8), QTime(12, 55, 28), Qt::UTC);
        o.paymentStatus = QStringLiteral("pending");
        o.buyerName = QStringLiteral("Alex One");
        o.buyerEmail = QStringLiteral("Alex.One@example.com");
        o.shipTo.name = QStringLiteral("Alex One");
        o.shipTo.line1 = QStringLiteral("5 Sample Road, Sutton Coldfield");
        o.shipTo.city = QStringLiteral("Birmingham");
        o.shipTo.postcode = QStringLiteral("B74 3EX");
        o.shipTo.country = QStringLiteral("GB");
        o.currency = QStringLiteral("GBP");
        o.lines = {line(QStringLiteral("A-1"), 1, 1000), line(QStringLiteral("B-2"), 2, 1500)};
        o.subtotalMinor = 4000;
        o.shippingMinor = 400;
        o.totalMinor = 4400;
        o.firstRow = 2;
        o.sourceRows = {{2, {QStringLiteral("#5001"), QStringLiteral("a \"quoted\", field")}},
                        {3, {QStringLiteral("#5001"), QStringLiteral("second")}}};
        return o;
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

    models::ImportRunInfo run()
    {
        models::ImportRunInfo r;
        r.fileName = QStringLiteral("orders-%1.csv").arg(++m_files);
        r.formatCode = QStringLiteral("shopify");
        r.header = {QStringLiteral("Name"), QStringLiteral("Notes, more")};
        r.userName = QStringLiteral("tester");
        r.startedAtUtc = QDateTime::currentDateTimeUtc();
        return r;
    }

    // One whole file of orders through the sink; the outcome of each.
    QList<models::ImportedOrderResult> importFile(const QList<ImportedOrder> &orders)
    {
        SqlOrderImportSink sink(db());
        QList<models::ImportedOrderResult> out;
        const models::Status begun = sink.begin(run());
        if (!begun) {
            qWarning("%s", qPrintable(begun.error()));
            return out;
        }
        models::ImportRunTotals totals;
        for (const ImportedOrder &o : orders) {
            auto r = sink.write(o);
            if (!r) {
                qWarning("%s", qPrintable(r.error()));
                return {};
            }
            out.append(r.value());
            totals.errors.append(o.errors);
        }
        const models::Status committed = sink.commit(totals);
        if (!committed)
            qWarning("%s", qPrintable(committed.error()));
        return out;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        static int n = 0;
        const QString path = m_dir.filePath(QStringLiteral("shop-%1.db").arg(++n));
        QFile::remove(path);
        auto opened = Database::open(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        m_db = std::move(opened).value();
        for (const char *sql :
             {"INSERT INTO channels (code, name, currency) VALUES ('shopify', 'Shopify', 'GBP')",
              "INSERT INTO products (sku, name, cost_currency, price_currency, created_at) "
              "VALUES ('A-1', 'Apron', 'GBP', 'GBP', '2026-01-01T00:00:00Z')",
              "INSERT INTO products (sku, name, cost_currency, price_currency, created_at) "
              "VALUES ('B-2', 'Bowl', 'GBP', 'GBP', '2026-01-01T00:00:00Z')",
              "INSERT INTO channel_skus (channel_id, channel_sku, product_id, units_per_listing) "
              "VALUES (1, 'BOWL-6PACK', 2, 6)"})
            VERIFY_OK(storage::runStatement(db(), QString::fromLatin1(sql)));
    }
    void cleanup() { m_db.reset(); }

    void newOrderIsWrittenWhole()
    {
        const auto results = importFile({order()});
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().outcome, ImportOutcome::Created);
        QCOMPARE(results.first().lines, 2);
        QVERIFY(!results.first().onHold);
        QCOMPARE(count(QStringLiteral("orders")), 1);
        QCOMPARE(orderValue(QStringLiteral("status")).toString(), QStringLiteral("new"));
        QCOMPARE(orderValue(QStringLiteral("item_count")).toInt(), 3);
        QCOMPARE(orderValue(QStringLiteral("channel_state")).toString(), QStringLiteral("open"));
        QCOMPARE(orderValue(QStringLiteral("placed_at")).toString(),
                 QStringLiteral("2026-06-08T12:55:28Z"));
        QCOMPARE(count(QStringLiteral("order_lines")), 2);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM order_lines WHERE product_id IS "
                                             "NOT NULL"))
                     .toInt(),
                 2);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT kind FROM order_events")).toString(),
                 QStringLiteral("imported"));
        QCOMPARE(scalar(db(), QStringLiteral("SELECT rows FROM order_sources")).toString(),
                 QStringLiteral("#5001,\"a \"\"quoted\"\", field\"\n#5001,second"));
        QCOMPARE(scalar(db(), QStringLiteral("SELECT first_row FROM order_sources")).toInt(), 2);
        // The customer is found by e-mail (stored lower case) and linked.
        QCOMPARE(count(QStringLiteral("customers")), 1);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT email FROM customers")).toString(),
                 QStringLiteral("alex.one@example.com"));
        QCOMPARE(orderValue(QStringLiteral("customer_id")).toLongLong(),
                 scalar(db(), QStringLiteral("SELECT id FROM customers")).toLongLong());
        // A second order of the same buyer links to the same customer.
        importFile({order(QStringLiteral("5002"))});
        QCOMPARE(count(QStringLiteral("customers")), 1);
        // Without an e-mail, name and postcode find them.
        ImportedOrder noEmail = order(QStringLiteral("5003"));
        noEmail.buyerEmail.clear();
        noEmail.buyerName = QStringLiteral("Sam Two");
        ImportedOrder again = noEmail;
        again.externalId = QStringLiteral("5004");
        importFile({noEmail, again});
        QCOMPARE(count(QStringLiteral("customers")), 2);
        QCOMPARE(count(QStringLiteral("orders")), 4);
        QCOMPARE(orderValue(QStringLiteral("customer_id"), QStringLiteral("5004")),
                 orderValue(QStringLiteral("customer_id"), QStringLiteral("5003")));
    }

    void reimportWritesNothing()
    {
        importFile({order(), order(QStringLiteral("5002"))});
        const QStringList tables = {QStringLiteral("orders"), QStringLiteral("order_lines"),
                                    QStringLiteral("order_events"), QStringLiteral("order_sources"),
                                    QStringLiteral("customers")};
        QList<qint64> before;
        for (const QString &t : tables)
            before.append(count(t));
        const QString updatedAt = orderValue(QStringLiteral("updated_at")).toString();
        const qint64 runId = orderValue(QStringLiteral("import_run_id")).toLongLong();
        QTest::qSleep(1100); // a write would show a later updated_at

        const auto results = importFile({order(), order(QStringLiteral("5002"))});
        QCOMPARE(results.size(), 2);
        for (const auto &r : results) {
            QCOMPARE(r.outcome, ImportOutcome::Unchanged);
            QCOMPARE(r.lines, 2);
        }
        for (qsizetype i = 0; i < tables.size(); ++i)
            QCOMPARE(count(tables.at(i)), before.at(i));
        QCOMPARE(orderValue(QStringLiteral("updated_at")).toString(), updatedAt);
        QCOMPARE(orderValue(QStringLiteral("import_run_id")).toLongLong(), runId);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT orders_unchanged FROM import_runs ORDER BY id "
                                             "DESC LIMIT 1"))
                     .toInt(),
                 0); // totals are the caller's; the sink records what it is given
    }

    void updateAddsOneEvent_data()
    {
        QTest::addColumn<ImportedOrder>("changed");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("lines");
        QTest::addColumn<QString>("detail");

        ImportedOrder paid = order();
        paid.paymentStatus = QStringLiteral("paid");
        QTest::newRow("paid") << paid << QStringLiteral("new") << 2
                              << QStringLiteral("payment pending -> paid");
        ImportedOrder cancelled = order();
        cancelled.state = ChannelOrderState::Cancelled;
        cancelled.refundedMinor = 4400;
        QTest::newRow("cancelled") << cancelled << QStringLiteral("cancelled") << 2
                                   << QStringLiteral("cancelled on the channel");
        ImportedOrder refunded = order();
        refunded.refundedMinor = 1000;
        refunded.paymentStatus = QStringLiteral("partially_refunded");
        QTest::newRow("refunded") << refunded << QStringLiteral("new") << 2
                                  << QStringLiteral("refunded 10.00 GBP");
        ImportedOrder shipped = order();
        shipped.state = ChannelOrderState::Shipped;
        QTest::newRow("shipped") << shipped << QStringLiteral("shipped") << 2
                                 << QStringLiteral("shipped on the channel");
        ImportedOrder removed = order();
        removed.lines.removeLast();
        QTest::newRow("line removed")
            << removed << QStringLiteral("new") << 1 << QStringLiteral("line 2 (B-2) removed");
        ImportedOrder added = order();
        added.lines.append(line(QStringLiteral("A-1"), 4, 900));
        QTest::newRow("line added")
            << added << QStringLiteral("new") << 3 << QStringLiteral("line 3 added (A-1 x 4)");
        ImportedOrder quantity = order();
        quantity.lines[0].quantity = 3;
        QTest::newRow("quantity") << quantity << QStringLiteral("new") << 2
                                  << QStringLiteral("line 1: quantity 1 -> 3");
        ImportedOrder address = order();
        address.shipTo.postcode = QStringLiteral("B74 3EY");
        QTest::newRow("address fixed")
            << address << QStringLiteral("new") << 2 << QStringLiteral("ship-to address changed");
        ImportedOrder unknown = order();
        unknown.lines.append(line(QStringLiteral("ZZ-9"), 1, 100));
        QTest::newRow("unknown SKU added") << unknown << QStringLiteral("on_hold") << 3
                                           << QStringLiteral("on hold: unknown SKU ZZ-9");
    }

    void updateAddsOneEvent()
    {
        QFETCH(ImportedOrder, changed);
        QFETCH(QString, status);
        QFETCH(int, lines);
        QFETCH(QString, detail);

        importFile({order()});
        const qint64 id = orderValue(QStringLiteral("id")).toLongLong();
        const auto results = importFile({changed});
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().outcome, ImportOutcome::Updated);
        QCOMPARE(count(QStringLiteral("orders")), 1);
        QCOMPARE(orderValue(QStringLiteral("id")).toLongLong(), id);
        QCOMPARE(orderValue(QStringLiteral("status")).toString(), status);
        QCOMPARE(count(QStringLiteral("order_lines")), lines);
        QCOMPARE(count(QStringLiteral("order_events")), 2);
        QCOMPARE(count(QStringLiteral("order_sources")), 2); // every version kept
        const QString got =
            scalar(db(), QStringLiteral("SELECT detail FROM order_events ORDER BY id DESC LIMIT 1"))
                .toString();
        QVERIFY2(got.contains(detail), qPrintable(got));
        // The same update again is unchanged: still two events.
        QCOMPARE(importFile({changed}).first().outcome, ImportOutcome::Unchanged);
        QCOMPARE(count(QStringLiteral("order_events")), 2);
    }

    void progressedOrderCancelledOnChannelIsHeld()
    {
        importFile({order()});
        VERIFY_OK(
            storage::runStatement(db(), QStringLiteral("UPDATE orders SET status = 'picking'")));
        ImportedOrder cancelled = order();
        cancelled.state = ChannelOrderState::Cancelled;
        importFile({cancelled});
        QCOMPARE(orderValue(QStringLiteral("status")).toString(), QStringLiteral("on_hold"));
        QVERIFY(orderValue(QStringLiteral("hold_reason"))
                    .toString()
                    .startsWith(QStringLiteral("cancelled on the channel while picking")));
        QCOMPARE(scalar(db(), QStringLiteral("SELECT from_status || '>' || to_status FROM "
                                             "order_events ORDER BY id DESC LIMIT 1"))
                     .toString(),
                 QStringLiteral("picking>on_hold"));
    }

    void unknownSkuHoldsNamingEveryOne()
    {
        ImportedOrder o = order();
        o.lines.append(line(QStringLiteral("ZZ-9"), 1, 100));
        o.lines.append(line(QStringLiteral("ZZ-8"), 1, 100));
        const auto results = importFile({o});
        QVERIFY(results.first().onHold);
        QCOMPARE(orderValue(QStringLiteral("status")).toString(), QStringLiteral("on_hold"));
        QCOMPARE(orderValue(QStringLiteral("hold_reason")).toString(),
                 QStringLiteral("unknown SKU ZZ-9, ZZ-8"));
        QCOMPARE(scalar(db(), QStringLiteral("SELECT COUNT(*) FROM order_lines WHERE product_id IS "
                                             "NULL"))
                     .toInt(),
                 2);
    }

    void channelSkuMapsWithUnitsPerListing()
    {
        ImportedOrder o = order();
        o.lines = {line(QStringLiteral("BOWL-6PACK"), 2, 1200)};
        importFile({o});
        QCOMPARE(orderValue(QStringLiteral("status")).toString(), QStringLiteral("new"));
        QCOMPARE(scalar(db(), QStringLiteral("SELECT product_id FROM order_lines")).toInt(), 2);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT quantity FROM order_lines")).toInt(), 12);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT unit_price_minor FROM order_lines")).toInt(),
                 200);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT total_minor FROM order_lines")).toInt(), 2400);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT sku FROM order_lines")).toString(),
                 QStringLiteral("BOWL-6PACK"));
    }

    void fieldErrorHoldsNamingRowAndField()
    {
        ImportedOrder o = order();
        o.errors = {{5, QStringLiteral("Total"), QStringLiteral("\"abc\" is not an amount")},
                    {6, QStringLiteral("Lineitem quantity"), QStringLiteral("empty")}};
        const auto results = importFile({o});
        QVERIFY(results.first().onHold);
        QCOMPARE(orderValue(QStringLiteral("hold_reason")).toString(),
                 QStringLiteral("row 5, field Total: \"abc\" is not an amount"));
        QCOMPARE(count(QStringLiteral("import_row_errors")), 2);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT field FROM import_row_errors WHERE row_number "
                                             "= 6"))
                     .toString(),
                 QStringLiteral("Lineitem quantity"));
    }

    void cancelledArrivesCancelled()
    {
        ImportedOrder o = order();
        o.state = ChannelOrderState::Cancelled;
        o.refundedMinor = 4400;
        o.paymentStatus = QStringLiteral("refunded");
        o.lines.append(line(QStringLiteral("ZZ-9"), 1, 100)); // no hold: nothing to do for it
        importFile({o});
        QCOMPARE(orderValue(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QVERIFY(orderValue(QStringLiteral("hold_reason")).isNull());
        QCOMPARE(orderValue(QStringLiteral("refunded_minor")).toInt(), 4400);
        QCOMPARE(count(QStringLiteral("reservations")), 0);
    }

    void runIsRecordedWithCountsAndErrors()
    {
        SqlOrderImportSink sink(db());
        models::ImportRunInfo info = run();
        VERIFY_OK(sink.begin(info));
        QCOMPARE(scalar(db(), QStringLiteral("SELECT status FROM import_runs")).toString(),
                 QStringLiteral("running"));
        QVERIFY(sink.write(order()).ok());
        models::ImportRunTotals totals;
        totals.fileSha256 = QStringLiteral("ab12");
        totals.rowsRead = 4;
        totals.ordersCreated = 1;
        totals.lines = 2;
        totals.errors = {{9, QStringLiteral("Id"), QStringLiteral("stray row")}};
        VERIFY_OK(sink.commit(totals));
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT status, format, header, file_name, file_sha256, rows_read, orders_created, "
            "lines, rows_rejected, finished_at, user_name, channel_id FROM import_runs")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("succeeded"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("shopify"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("Name,\"Notes, more\""));
        QCOMPARE(q.value(3).toString(), info.fileName);
        QCOMPARE(q.value(4).toString(), QStringLiteral("ab12"));
        QCOMPARE(q.value(5).toInt(), 4);
        QCOMPARE(q.value(6).toInt(), 1);
        QCOMPARE(q.value(7).toInt(), 2);
        QCOMPARE(q.value(8).toInt(), 1);
        QVERIFY(!q.value(9).toString().isEmpty());
        QCOMPARE(q.value(10).toString(), QStringLiteral("tester"));
        QCOMPARE(q.value(11).toInt(), 1);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT message FROM import_row_errors")).toString(),
                 QStringLiteral("stray row"));
    }

    void rollbackLeavesTheDatabaseAsBefore()
    {
        importFile({order()});
        const QStringList tables = {
            QStringLiteral("orders"),       QStringLiteral("order_lines"),
            QStringLiteral("order_events"), QStringLiteral("order_sources"),
            QStringLiteral("customers"),    QStringLiteral("import_runs"),
            QStringLiteral("channels"),     QStringLiteral("import_row_errors")};
        QList<qint64> before;
        for (const QString &t : tables)
            before.append(count(t));
        {
            SqlOrderImportSink sink(db());
            VERIFY_OK(sink.begin(run()));
            ImportedOrder changed = order();
            changed.paymentStatus = QStringLiteral("paid");
            QVERIFY(sink.write(changed).ok());
            QVERIFY(sink.write(order(QStringLiteral("6001"))).ok());
            sink.rollback();
        }
        {
            // Destroyed without commit: the same.
            SqlOrderImportSink sink(db());
            VERIFY_OK(sink.begin(run()));
            QVERIFY(sink.write(order(QStringLiteral("6002"))).ok());
        }
        for (qsizetype i = 0; i < tables.size(); ++i)
            QCOMPARE(count(tables.at(i)), before.at(i));
        QCOMPARE(orderValue(QStringLiteral("payment_status")).toString(),
                 QStringLiteral("pending"));
    }

    void rejectedFileIsRecorded()
    {
        SqlOrderImportSink sink(db());
        models::ImportRunInfo info = run();
        VERIFY_OK(sink.begin(info));
        QVERIFY(sink.write(order()).ok());
        sink.rollback();
        models::ImportRunTotals totals;
        totals.rowsRead = 3;
        totals.errors = {{3, QStringLiteral("Total"), QStringLiteral("bad")}};
        VERIFY_OK(sink.recordRejected(info, totals, QStringLiteral("rejected"),
                                      QStringLiteral("file x: not an export")));
        QCOMPARE(count(QStringLiteral("orders")), 0);
        QCOMPARE(count(QStringLiteral("import_runs")), 1);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT status || '|' || message FROM import_runs"))
                     .toString(),
                 QStringLiteral("rejected|file x: not an export"));
        QCOMPARE(count(QStringLiteral("import_row_errors")), 1);
        VERIFY_OK(
            sink.recordRejected(info, {}, QStringLiteral("cancelled"), QStringLiteral("stop")));
        QCOMPARE(
            scalar(db(), QStringLiteral("SELECT status FROM import_runs WHERE id = 2")).toString(),
            QStringLiteral("cancelled"));
        // And the sink imports the next file as usual.
        QCOMPARE(importFile({order()}).size(), 1);
    }

    void ownConnectionOnAWorkerThread()
    {
        const QString path = m_db->path();
        QString error;
        models::ImportedOrderResult result;
        QThread *worker = QThread::create([&] {
            auto sink = SqlOrderImportSink::open(path);
            if (!sink) {
                error = sink.error();
                return;
            }
            models::ImportRunInfo info;
            info.fileName = QStringLiteral("t.csv");
            info.formatCode = QStringLiteral("ebay"); // a channel not there yet
            info.userName = QStringLiteral("t");
            if (auto s = sink.value()->begin(info); !s) {
                error = s.error();
                return;
            }
            ImportedOrder o = order(QStringLiteral("12-34567-89012"));
            o.channelCode = QStringLiteral("ebay");
            o.currency = QStringLiteral("EUR");
            auto w = sink.value()->write(o);
            if (!w) {
                error = w.error();
                return;
            }
            result = w.value();
            if (auto s = sink.value()->commit({}); !s)
                error = s.error();
        });
        worker->start();
        QVERIFY(worker->wait(30000));
        delete worker;
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(result.outcome, ImportOutcome::Created);
        QCOMPARE(scalar(db(), QStringLiteral("SELECT name || '|' || currency FROM channels WHERE "
                                             "code = 'ebay'"))
                     .toString(),
                 QStringLiteral("eBay|EUR"));
    }

    void migrationUpgradesAVersionOneDatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("v1.db"));
        QFile::remove(path);
        {
            Database::Options v1;
            v1.migrations = storage::Migrator::builtIn().mid(0, 1);
            auto old = Database::open(path, v1);
            QVERIFY2(old.ok(), qPrintable(old.error()));
            const QSqlDatabase c = old.value()->connection();
            for (const char *sql :
                 {"INSERT INTO channels (code, name, currency) VALUES ('shopify', 'S', 'GBP')",
                  "INSERT INTO import_runs (channel_id, source, file_name, started_at, status, "
                  "orders_created, user_name) VALUES (1, 'file', 'old.csv', "
                  "'2026-01-01T00:00:00Z', 'succeeded', 1, 'u')",
                  "INSERT INTO import_row_errors (import_run_id, row_number, field, message) "
                  "VALUES (1, 4, 'Total', 'bad')",
                  "INSERT INTO orders (channel_id, external_id, order_number, status, "
                  "placed_at, currency, import_run_id, created_at, updated_at) VALUES (1, 'x', "
                  "'#1', 'new', '2026-01-01T00:00:00Z', 'GBP', 1, '2026-01-01T00:00:00Z', "
                  "'2026-01-01T00:00:00Z')"})
                VERIFY_OK(storage::runStatement(c, QString::fromLatin1(sql)));
        }
        auto upgraded = Database::open(path);
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.error()));
        QCOMPARE(upgraded.value()->migrationReport().fromVersion, 1);
        QCOMPARE(upgraded.value()->migrationReport().toVersion,
                 storage::Migrator::latestVersion(storage::Migrator::builtIn()));
        const QSqlDatabase c = upgraded.value()->connection();
        QCOMPARE(scalar(c, QStringLiteral("SELECT file_name || '|' || orders_created || '|' || "
                                          "orders_unchanged FROM import_runs"))
                     .toString(),
                 QStringLiteral("old.csv|1|0"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM import_row_errors")).toInt(), 1);
        QCOMPARE(scalar(c, QStringLiteral("SELECT import_run_id FROM orders")).toInt(), 1);
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM pragma_foreign_key_check")).toInt(),
                 0);
        VERIFY_OK(
            storage::runStatement(c, QStringLiteral("UPDATE import_runs SET status = 'rejected'")));
        QVERIFY(c.tables().contains(QStringLiteral("order_sources")));
        // The rebuilt table keeps its children tied to it.
        VERIFY_OK(
            storage::runStatement(c, QStringLiteral("UPDATE orders SET import_run_id = NULL")));
        VERIFY_OK(storage::runStatement(c, QStringLiteral("DELETE FROM import_runs")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM import_row_errors")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSqlOrderImportSink)
#include "tst_sqlorderimportsink.moc"
