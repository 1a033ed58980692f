#include "models/stockmovement.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "storage/sqlrun.h"

#include "storagetestutil.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using storage::Database;
using storage::Migration;
using storagetest::FileFingerprint;
using storagetest::RawConnection;
using storagetest::scalar;

namespace {

// A made-up history for upgrade tests: version 1 makes a table, version 2 adds a column.
Migration itemsV1()
{
    return {1, QStringLiteral("0001_items.sql"),
            QStringLiteral("CREATE TABLE items (\n"
                           "    id   INTEGER PRIMARY KEY,\n"
                           "    name TEXT NOT NULL\n"
                           ");\n")};
}

Migration itemsV2()
{
    return {2, QStringLiteral("0002_item_price.sql"),
            QStringLiteral("ALTER TABLE items ADD COLUMN price_minor INTEGER NOT NULL DEFAULT 0;\n"
                           "UPDATE items SET price_minor = 100;\n")};
}

// Starts well, writes something, then fails: all of it must be undone.
Migration brokenV2()
{
    return {2, QStringLiteral("0002_broken.sql"),
            QStringLiteral("ALTER TABLE items ADD COLUMN note TEXT;\n"
                           "INSERT INTO items (name) VALUES ('half-written');\n"
                           "THIS IS NOT SQL;\n")};
}

Database::Options optionsWith(const QList<Migration> &migrations)
{
    Database::Options o;
    o.migrations = migrations;
    return o;
}

QStringList backupsIn(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.bak")}, QDir::Files);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void builtInMigrations();
    void migratesFromEmpty_data();
    void migratesFromEmpty();
    void recordsVersionOne();
    void reopenChangesNothing();
    void pragmasInEffect();
    void foreignKeysEnforced();
    void refusesNewerSchema();
    void refusesOtherSqliteDatabase();
    void refusesNonDatabase_data();
    void refusesNonDatabase();
    void refusesFolder();
    void createsMissingFolder();
    void upgradeMakesBackupFirst();
    void failingMigrationRollsBack();
    void stockMovementsAreAppendOnly();
    void withoutMigrateLeavesSchemaAlone();

private:
    QString freshPath(const QString &name = QStringLiteral("backroom.db"))
    {
        return m_dir.filePath(QStringLiteral("%1/%2").arg(++m_n).arg(name));
    }

    QTemporaryDir m_dir;
    int m_n = 0;
};

void TestDatabase::builtInMigrations()
{
    const QList<Migration> builtIn = storage::Migrator::builtIn();
    QVERIFY(!builtIn.isEmpty());
    QCOMPARE(builtIn.first().version, 1);
    QCOMPARE(builtIn.first().name, QStringLiteral("0001_initial.sql"));
    QVERIFY(builtIn.first().script.contains(QStringLiteral("CREATE TABLE orders")));
    for (qsizetype i = 1; i < builtIn.size(); ++i)
        QCOMPARE(builtIn.at(i).version, builtIn.at(i - 1).version + 1);
    QCOMPARE(storage::Migrator::latestVersion(builtIn), builtIn.constLast().version);
    QCOMPARE(storage::Migrator::latestVersion({}), 0);
}

void TestDatabase::migratesFromEmpty_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");

    // The tables DESIGN.md relies on, each with one column that proves its purpose.
    QTest::newRow("schema_version")
        << QStringLiteral("schema_version") << QStringLiteral("version");
    QTest::newRow("settings") << QStringLiteral("settings") << QStringLiteral("value");
    QTest::newRow("channels") << QStringLiteral("channels") << QStringLiteral("stock_buffer");
    QTest::newRow("suppliers") << QStringLiteral("suppliers") << QStringLiteral("lead_time_days");
    QTest::newRow("products") << QStringLiteral("products") << QStringLiteral("sku");
    QTest::newRow("product_barcodes")
        << QStringLiteral("product_barcodes") << QStringLiteral("barcode");
    QTest::newRow("kit_components")
        << QStringLiteral("kit_components") << QStringLiteral("quantity");
    QTest::newRow("channel_skus") << QStringLiteral("channel_skus")
                                  << QStringLiteral("channel_sku");
    QTest::newRow("locations") << QStringLiteral("locations") << QStringLiteral("code");
    QTest::newRow("bins") << QStringLiteral("bins") << QStringLiteral("pick_sequence");
    QTest::newRow("product_bins") << QStringLiteral("product_bins") << QStringLiteral("bin_id");
    QTest::newRow("reason_codes") << QStringLiteral("reason_codes") << QStringLiteral("manual");
    QTest::newRow("stock_levels") << QStringLiteral("stock_levels") << QStringLiteral("reserved");
    QTest::newRow("stock_movements")
        << QStringLiteral("stock_movements") << QStringLiteral("reason_code");
    QTest::newRow("transfers") << QStringLiteral("transfers") << QStringLiteral("to_location_id");
    QTest::newRow("stock_counts") << QStringLiteral("stock_counts") << QStringLiteral("status");
    QTest::newRow("customers") << QStringLiteral("customers") << QStringLiteral("email");
    QTest::newRow("import_runs") << QStringLiteral("import_runs") << QStringLiteral("file_sha256");
    QTest::newRow("import_row_errors")
        << QStringLiteral("import_row_errors") << QStringLiteral("row_number");
    QTest::newRow("orders") << QStringLiteral("orders") << QStringLiteral("external_id");
    QTest::newRow("order_lines") << QStringLiteral("order_lines")
                                 << QStringLiteral("quantity_shipped");
    QTest::newRow("order_events") << QStringLiteral("order_events")
                                  << QStringLiteral("from_status");
    QTest::newRow("reservations") << QStringLiteral("reservations") << QStringLiteral("status");
    QTest::newRow("shipments") << QStringLiteral("shipments") << QStringLiteral("tracking_number");
    QTest::newRow("parcels") << QStringLiteral("parcels") << QStringLiteral("weight_grams");
    QTest::newRow("shipment_lines")
        << QStringLiteral("shipment_lines") << QStringLiteral("quantity");
    QTest::newRow("returns") << QStringLiteral("returns") << QStringLiteral("rma_number");
    QTest::newRow("return_lines") << QStringLiteral("return_lines")
                                  << QStringLiteral("disposition");
    QTest::newRow("purchase_orders")
        << QStringLiteral("purchase_orders") << QStringLiteral("expected_at");
    QTest::newRow("purchase_order_lines")
        << QStringLiteral("purchase_order_lines") << QStringLiteral("quantity_received");
}

void TestDatabase::migratesFromEmpty()
{
    QFETCH(QString, table);
    QFETCH(QString, column);

    const QString path = freshPath();
    models::Result<std::unique_ptr<Database>> db = Database::open(path);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.value()->path(), path);
    QCOMPARE(db.value()->migrationReport().fromVersion, 0);
    QCOMPARE(db.value()->migrationReport().toVersion,
             storage::Migrator::latestVersion(storage::Migrator::builtIn()));
    QVERIFY(db.value()->migrationReport().upgraded());
    QVERIFY(db.value()->migrationReport().backupPath.isEmpty()); // nothing to back up
    QVERIFY(backupsIn(QFileInfo(path).absolutePath()).isEmpty());

    const QSqlDatabase c = db.value()->connection();
    QVERIFY2(c.tables().contains(table), qPrintable(c.tables().join(QLatin1Char(' '))));

    QSqlQuery q(c);
    QVERIFY(q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)));
    QStringList columns;
    while (q.next())
        columns.append(q.value(1).toString());
    QVERIFY2(columns.contains(column), qPrintable(columns.join(QLatin1Char(' '))));
}

void TestDatabase::recordsVersionOne()
{
    const QString path = freshPath();
    {
        models::Result<std::unique_ptr<Database>> db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.error()));
    }
    RawConnection raw(path);
    QVERIFY(raw.isOpen());
    const int latest = storage::Migrator::latestVersion(storage::Migrator::builtIn());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), latest);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT MIN(version) FROM schema_version")).toInt(), 1);
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT name FROM schema_version WHERE version = 1")).toString(),
        QStringLiteral("0001_initial.sql"));
    const QDateTime applied = QDateTime::fromString(
        raw.scalar(QStringLiteral("SELECT applied_at FROM schema_version WHERE version = 1"))
            .toString(),
        Qt::ISODate);
    QVERIFY(applied.isValid());
    QCOMPARE(applied.timeSpec(), Qt::UTC);

    // The append-only triggers and the indexes the queue depends on came with it.
    QStringList found;
    QSqlQuery q(raw.db());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT name FROM sqlite_master WHERE name IN ('stock_movements_no_update', "
        "'stock_movements_no_delete', 'orders_placed', 'orders_ship_by') ORDER BY name")));
    while (q.next())
        found.append(q.value(0).toString());
    QCOMPARE(found, (QStringList{QStringLiteral("orders_placed"), QStringLiteral("orders_ship_by"),
                                 QStringLiteral("stock_movements_no_delete"),
                                 QStringLiteral("stock_movements_no_update")}));
    // Reason codes are seeded, and match the ones the domain knows.
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM reason_codes")).toInt(),
             int(models::allStockReasons().size()));
    for (models::StockReason reason : models::allStockReasons())
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM reason_codes WHERE code = ?"),
                            {models::stockReasonCode(reason)})
                     .toInt(),
                 1);
}

void TestDatabase::reopenChangesNothing()
{
    const QString path = freshPath();
    const QString dir = QFileInfo(path).absolutePath();
    {
        models::Result<std::unique_ptr<Database>> db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        VERIFY_OK(storage::runStatement(db.value()->connection(),
                                        QStringLiteral("INSERT INTO settings VALUES ('k', 'v')")));
    }
    const QStringList filesBefore = QDir(dir).entryList(QDir::Files);

    {
        models::Result<std::unique_ptr<Database>> again = Database::open(path);
        QVERIFY2(again.ok(), qPrintable(again.error()));
        const storage::MigrationReport &report = again.value()->migrationReport();
        const int latest = storage::Migrator::latestVersion(storage::Migrator::builtIn());
        QCOMPARE(report.fromVersion, latest);
        QCOMPARE(report.toVersion, latest);
        QVERIFY(!report.upgraded());
        QVERIFY(report.backupPath.isEmpty());
        QVERIFY(backupsIn(dir).isEmpty());

        const QSqlDatabase c = again.value()->connection();
        QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), latest);
        QCOMPARE(scalar(c, QStringLiteral("SELECT value FROM settings WHERE key = 'k'")).toString(),
                 QStringLiteral("v"));
    }
    QCOMPARE(QDir(dir).entryList(QDir::Files), filesBefore);
}

void TestDatabase::pragmasInEffect()
{
    models::Result<std::unique_ptr<Database>> db = Database::open(freshPath());
    QVERIFY2(db.ok(), qPrintable(db.error()));
    const QSqlDatabase c = db.value()->connection();
    QVERIFY(c.isOpen());

    auto pragma = [&c](const char *name) {
        const models::Result<QVariant> v =
            storage::queryScalar(c, QStringLiteral("PRAGMA %1").arg(QLatin1String(name)));
        return v.ok() ? v.value() : QVariant();
    };
    QCOMPARE(pragma("journal_mode").toString(), QStringLiteral("wal"));
    QCOMPARE(pragma("foreign_keys").toInt(), 1);
    QCOMPARE(pragma("synchronous").toInt(), 1); // NORMAL
    QVERIFY(pragma("busy_timeout").toInt() > 0);
}

void TestDatabase::foreignKeysEnforced()
{
    models::Result<std::unique_ptr<Database>> db = Database::open(freshPath());
    QVERIFY2(db.ok(), qPrintable(db.error()));
    const models::Status s = storage::runStatement(
        db.value()->connection(),
        QStringLiteral("INSERT INTO order_lines (order_id, line_no, sku, title, quantity) "
                       "VALUES (424242, 1, 'MUG', 'Mug', 1)"));
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QStringLiteral("FOREIGN KEY")), qPrintable(s.error()));
}

void TestDatabase::refusesNewerSchema()
{
    const QString path = freshPath();
    {
        models::Result<std::unique_ptr<Database>> db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.error()));
    }
    {
        // A newer Backroom has been here.
        RawConnection raw(path);
        QVERIFY(raw.isOpen());
        VERIFY_OK(storage::runStatement(
            raw.db(), QStringLiteral("INSERT INTO schema_version (version, name, "
                                     "applied_at) VALUES (999, '0999_future.sql', "
                                     "'2030-01-01T00:00:00Z')")));
        // Out of WAL mode, so that switching it back on would show as a change too.
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode=DELETE")).toString(),
                 QStringLiteral("delete"));
    }
    const QString dir = QFileInfo(path).absolutePath();
    const QStringList filesBefore = QDir(dir).entryList(QDir::Files);
    const FileFingerprint before = FileFingerprint::of(path);
    QVERIFY(!before.sha256.isEmpty());

    {
        models::Result<std::unique_ptr<Database>> db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("newer")), qPrintable(db.error()));
        QVERIFY2(db.error().contains(QStringLiteral("999")), qPrintable(db.error()));
        QVERIFY2(db.error().contains(path), qPrintable(db.error()));
    }

    QCOMPARE(FileFingerprint::of(path).sha256, before.sha256);
    QCOMPARE(FileFingerprint::of(path).size, before.size);
    QCOMPARE(FileFingerprint::of(path).modified, before.modified);
    QCOMPARE(QDir(dir).entryList(QDir::Files), filesBefore);
    QVERIFY(backupsIn(dir).isEmpty());
    RawConnection raw(path);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
             QStringLiteral("delete"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 999);
}

void TestDatabase::refusesOtherSqliteDatabase()
{
    const QString path = freshPath(QStringLiteral("recipes.sqlite"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        RawConnection raw(path);
        QVERIFY(raw.isOpen());
        VERIFY_OK(
            storage::runStatement(raw.db(), QStringLiteral("CREATE TABLE recipes (name TEXT)")));
        VERIFY_OK(storage::runStatement(raw.db(),
                                        QStringLiteral("INSERT INTO recipes VALUES ('bread')")));
    }
    const FileFingerprint before = FileFingerprint::of(path);

    {
        models::Result<std::unique_ptr<Database>> db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QStringLiteral("not a Backroom")), qPrintable(db.error()));
        QVERIFY2(db.error().contains(path), qPrintable(db.error()));
    }
    QCOMPARE(FileFingerprint::of(path), before);

    RawConnection raw(path);
    QCOMPARE(raw.db().tables(), QStringList{QStringLiteral("recipes")});
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
             QStringLiteral("delete"));
}

void TestDatabase::refusesNonDatabase_data()
{
    QTest::addColumn<QByteArray>("content");

    QTest::newRow("a short text file") << QByteArray("hello\n");
    QTest::newRow("a CSV export saved with the wrong name")
        << QByteArray("order,sku,qty\n").append(QByteArray("1001,MUG-01,2\n").repeated(400));
    QTest::newRow("a PDF")
        << QByteArray("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n").append(QByteArray(5000, 'x'));
    QTest::newRow("a damaged SQLite header")
        << QByteArray("SQLite format 3").append('\0').append(QByteArray(4080, '\xff'));
}

void TestDatabase::refusesNonDatabase()
{
    QFETCH(QByteArray, content);

    const QString path = freshPath(QStringLiteral("orders.db"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const FileFingerprint before = FileFingerprint::of(path);

    {
        models::Result<std::unique_ptr<Database>> db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(path), qPrintable(db.error()));
        QVERIFY2(db.error().contains(QStringLiteral("not a Backroom database")),
                 qPrintable(db.error()));
    }
    QCOMPARE(FileFingerprint::of(path), before);
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files),
             QStringList{QStringLiteral("orders.db")});
}

void TestDatabase::refusesFolder()
{
    const QString path = freshPath(QStringLiteral("folder.db"));
    QVERIFY(QDir().mkpath(path));
    models::Result<std::unique_ptr<Database>> db = Database::open(path);
    QVERIFY(!db.ok());
    QVERIFY2(db.error().contains(QStringLiteral("folder")), qPrintable(db.error()));
}

void TestDatabase::createsMissingFolder()
{
    const QString path = m_dir.filePath(QStringLiteral("new/nested/folder/backroom.db"));
    models::Result<std::unique_ptr<Database>> db = Database::open(path);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QVERIFY(QFileInfo::exists(path));
}

void TestDatabase::upgradeMakesBackupFirst()
{
    const QString path = freshPath(QStringLiteral("shop.db"));
    const QString dir = QFileInfo(path).absolutePath();
    {
        models::Result<std::unique_ptr<Database>> db =
            Database::open(path, optionsWith({itemsV1()}));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QCOMPARE(db.value()->migrationReport().toVersion, 1);
        for (const char *name : {"mug", "tote", "poster"})
            VERIFY_OK(storage::runStatement(db.value()->connection(),
                                            QStringLiteral("INSERT INTO items (name) VALUES (?)"),
                                            {QString::fromLatin1(name)}));
    }
    QVERIFY(backupsIn(dir).isEmpty());

    models::Result<std::unique_ptr<Database>> db =
        Database::open(path, optionsWith({itemsV1(), itemsV2()}));
    QVERIFY2(db.ok(), qPrintable(db.error()));
    const storage::MigrationReport report = db.value()->migrationReport();
    QCOMPARE(report.fromVersion, 1);
    QCOMPARE(report.toVersion, 2);
    QVERIFY(report.upgraded());

    // The copy sits beside the database and is the old version, with the data.
    QVERIFY(!report.backupPath.isEmpty());
    QVERIFY2(report.backupPath.endsWith(QStringLiteral(".bak")), qPrintable(report.backupPath));
    QVERIFY2(QFileInfo::exists(report.backupPath), qPrintable(report.backupPath));
    QCOMPARE(QFileInfo(report.backupPath).absolutePath(), dir);
    QCOMPARE(backupsIn(dir).size(), 1);
    {
        RawConnection old(report.backupPath);
        QVERIFY(old.isOpen());
        QCOMPARE(old.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 1);
        QCOMPARE(old.scalar(QStringLiteral("SELECT COUNT(*) FROM items")).toInt(), 3);
        QVERIFY(!old.columnsOf(QStringLiteral("items")).contains(QStringLiteral("price_minor")));
        QCOMPARE(old.scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
    }
    // The old version also opens as a Backroom database of that version.
    {
        models::Result<std::unique_ptr<Database>> old =
            Database::open(report.backupPath, optionsWith({itemsV1()}));
        QVERIFY2(old.ok(), qPrintable(old.error()));
        QCOMPARE(old.value()->migrationReport().toVersion, 1);
    }

    // The live database is the new version, with the data carried over.
    const QSqlDatabase c = db.value()->connection();
    QCOMPARE(scalar(c, QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 2);
    QCOMPARE(scalar(c, QStringLiteral("SELECT SUM(price_minor) FROM items")).toInt(), 300);
}

void TestDatabase::failingMigrationRollsBack()
{
    const QString path = freshPath(QStringLiteral("shop.db"));
    const QString dir = QFileInfo(path).absolutePath();
    {
        models::Result<std::unique_ptr<Database>> db =
            Database::open(path, optionsWith({itemsV1()}));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        for (const char *name : {"mug", "tote", "poster"})
            VERIFY_OK(storage::runStatement(db.value()->connection(),
                                            QStringLiteral("INSERT INTO items (name) VALUES (?)"),
                                            {QString::fromLatin1(name)}));
    }

    QString message;
    {
        models::Result<std::unique_ptr<Database>> db =
            Database::open(path, optionsWith({itemsV1(), brokenV2()}));
        QVERIFY(!db.ok());
        message = db.error();
    }
    QVERIFY2(message.contains(QStringLiteral("0002_broken.sql")), qPrintable(message));
    const QStringList backups = backupsIn(dir);
    QCOMPARE(backups.size(), 1);
    QVERIFY2(message.contains(QDir(dir).filePath(backups.first())), qPrintable(message));

    {
        RawConnection raw(path);
        QVERIFY(raw.isOpen());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 1);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM items")).toInt(), 3);
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT COUNT(*) FROM items WHERE name = 'half-written'"))
                .toInt(),
            0);
        QVERIFY(!raw.columnsOf(QStringLiteral("items")).contains(QStringLiteral("note")));
    }

    // This Backroom still opens it as it was.
    models::Result<std::unique_ptr<Database>> db = Database::open(path, optionsWith({itemsV1()}));
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.value()->migrationReport().toVersion, 1);
}

void TestDatabase::stockMovementsAreAppendOnly()
{
    models::Result<std::unique_ptr<Database>> db = Database::open(freshPath());
    QVERIFY2(db.ok(), qPrintable(db.error()));
    const QSqlDatabase c = db.value()->connection();
    VERIFY_OK(storage::runStatement(
        c, QStringLiteral("INSERT INTO products (id, sku, name, cost_currency, price_currency, "
                          "created_at) VALUES (1, 'MUG-01', 'Mug', 'EUR', 'EUR', "
                          "'2026-01-01T00:00:00Z')")));
    VERIFY_OK(storage::runStatement(
        c, QStringLiteral("INSERT INTO locations (id, code, name, kind, country) "
                          "VALUES (1, 'WH1', 'Main warehouse', 'warehouse', 'DE')")));
    const QString insert = QStringLiteral(
        "INSERT INTO stock_movements (product_id, location_id, quantity, reason_code, user_name, "
        "created_at) VALUES (1, 1, ?, 'opening', 'anna', '2026-01-01T00:00:00Z')");
    VERIFY_OK(storage::runStatement(c, insert, {10}));

    const models::Status update =
        storage::runStatement(c, QStringLiteral("UPDATE stock_movements SET quantity = 50"));
    QVERIFY(!update.ok());
    QVERIFY2(update.error().contains(QStringLiteral("append-only")), qPrintable(update.error()));

    const models::Status remove =
        storage::runStatement(c, QStringLiteral("DELETE FROM stock_movements"));
    QVERIFY(!remove.ok());
    QVERIFY2(remove.error().contains(QStringLiteral("append-only")), qPrintable(remove.error()));

    // Corrections are new rows.
    VERIFY_OK(storage::runStatement(c, insert, {-2}));
    QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM stock_movements")).toInt(), 2);
    QCOMPARE(scalar(c, QStringLiteral("SELECT SUM(quantity) FROM stock_movements")).toInt(), 8);
}

void TestDatabase::withoutMigrateLeavesSchemaAlone()
{
    const QString path = freshPath();
    Database::Options options;
    options.migrate = false;
    models::Result<std::unique_ptr<Database>> db = Database::open(path, options);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    QCOMPARE(db.value()->migrationReport().fromVersion, 0);
    QCOMPARE(db.value()->migrationReport().toVersion, 0);
    QVERIFY(db.value()->connection().tables().isEmpty());
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
