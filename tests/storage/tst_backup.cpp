#include "storage/database.h"
#include "storage/sqlitebackup.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include "storagetestutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using storage::Database;
using storagetest::RawConnection;
using storagetest::scalar;

class TestBackup : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void copiesLiveDatabase();
    void copyHasOnlyCommittedRows();
    void copyIsASelfContainedBackroomDatabase();
    void replacesAnOlderCopy();
    void missingSourceWritesNothing();
    void sourceThatIsNotADatabaseWritesNothing();
    void createsTargetFolder();

private:
    // A Backroom database with `rows` settings, left open (WAL) by the caller.
    std::unique_ptr<Database> openWithRows(const QString &path, int rows);

    std::unique_ptr<QTemporaryDir> m_dir;
};

// The settings rows the tests wrote: migrations add defaults (keys with a dot) of
// their own, which a copy must carry too but which the counts leave out.
const QString kCountTestSettings =
    QStringLiteral("SELECT COUNT(*) FROM settings WHERE key NOT LIKE '%.%'");

void TestBackup::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<Database> TestBackup::openWithRows(const QString &path, int rows)
{
    models::Result<std::unique_ptr<Database>> db = Database::open(path);
    if (!db.ok()) {
        qWarning("%s", qPrintable(db.error()));
        return nullptr;
    }
    const QSqlDatabase c = db.value()->connection();
    storage::Transaction tx(c);
    QSqlQuery insert(c);
    insert.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"));
    for (int i = 0; i < rows; ++i) {
        if (models::Status s = storage::execPrepared(
                insert, {QStringLiteral("key-%1").arg(i), QStringLiteral("value %1").arg(i)});
            !s) {
            qWarning("%s", qPrintable(s.error()));
            return nullptr;
        }
    }
    if (!tx.commit().ok())
        return nullptr;
    return std::move(db).value();
}

void TestBackup::copiesLiveDatabase()
{
    const QString source = m_dir->filePath(QStringLiteral("live.db"));
    const QString target = m_dir->filePath(QStringLiteral("copy.db"));
    std::unique_ptr<Database> live = openWithRows(source, 500);
    QVERIFY(live);
    // The rows are committed to the write-ahead log, not yet to the main file.
    QVERIFY(QFileInfo::exists(source + QStringLiteral("-wal")));

    VERIFY_OK(storage::backupSqliteDatabase(source, target));
    QVERIFY(QFileInfo::exists(target));
    QVERIFY(!QFileInfo::exists(target + QStringLiteral(".part")));

    RawConnection copy(target);
    QVERIFY(copy.isOpen());
    QCOMPARE(copy.scalar(kCountTestSettings).toInt(), 500);
    QCOMPARE(
        copy.scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'key-499'")).toString(),
        QStringLiteral("value 499"));
    QCOMPARE(copy.scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));

    // The source is still fine and still writable.
    VERIFY_OK(storage::runStatement(live->connection(),
                                    QStringLiteral("INSERT INTO settings VALUES ('after', 'x')")));
}

void TestBackup::copyHasOnlyCommittedRows()
{
    const QString source = m_dir->filePath(QStringLiteral("live.db"));
    const QString target = m_dir->filePath(QStringLiteral("copy.db"));
    std::unique_ptr<Database> live = openWithRows(source, 10);
    QVERIFY(live);

    // A write is in progress in the shop while the backup runs.
    const QSqlDatabase c = live->connection();
    storage::Transaction tx(c);
    QVERIFY2(tx.isActive(), qPrintable(tx.error()));
    VERIFY_OK(
        storage::runStatement(c, QStringLiteral("INSERT INTO settings VALUES ('pending', 'x')")));

    VERIFY_OK(storage::backupSqliteDatabase(source, target));
    VERIFY_OK(tx.commit());

    RawConnection copy(target);
    QVERIFY(copy.isOpen());
    QCOMPARE(copy.scalar(kCountTestSettings).toInt(), 10);
    QCOMPARE(scalar(c, kCountTestSettings).toInt(), 11);
}

void TestBackup::copyIsASelfContainedBackroomDatabase()
{
    const QString source = m_dir->filePath(QStringLiteral("live.db"));
    const QString target = m_dir->filePath(QStringLiteral("copy.db"));
    std::unique_ptr<Database> live = openWithRows(source, 3);
    QVERIFY(live);
    VERIFY_OK(storage::backupSqliteDatabase(source, target));

    // One file, not in WAL mode, so it can be mailed or copied to a stick as it is.
    QVERIFY(!QFileInfo::exists(target + QStringLiteral("-wal")));
    QVERIFY(!QFileInfo::exists(target + QStringLiteral("-shm")));
    {
        RawConnection copy(target);
        QCOMPARE(copy.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("delete"));
    }

    models::Result<std::unique_ptr<Database>> reopened = Database::open(target);
    QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
    QCOMPARE(reopened.value()->migrationReport().fromVersion,
             reopened.value()->migrationReport().toVersion);
    QVERIFY(!reopened.value()->migrationReport().upgraded());
    QCOMPARE(scalar(reopened.value()->connection(), kCountTestSettings)
                 .toInt(),
             3);
}

void TestBackup::replacesAnOlderCopy()
{
    const QString source = m_dir->filePath(QStringLiteral("live.db"));
    const QString target = m_dir->filePath(QStringLiteral("copy.db"));
    std::unique_ptr<Database> live = openWithRows(source, 3);
    QVERIFY(live);
    VERIFY_OK(storage::backupSqliteDatabase(source, target));
    VERIFY_OK(storage::runStatement(live->connection(),
                                    QStringLiteral("INSERT INTO settings VALUES ('new', 'x')")));
    VERIFY_OK(storage::backupSqliteDatabase(source, target));

    RawConnection copy(target);
    QCOMPARE(copy.scalar(kCountTestSettings).toInt(), 4);
}

void TestBackup::missingSourceWritesNothing()
{
    const QString source = m_dir->filePath(QStringLiteral("nowhere.db"));
    const QString target = m_dir->filePath(QStringLiteral("copies/copy.db"));

    const models::Status s = storage::backupSqliteDatabase(source, target);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(source), qPrintable(s.error()));
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(!QFileInfo::exists(target + QStringLiteral(".part")));
    QVERIFY(!QFileInfo::exists(source)); // not created by trying to read it
}

void TestBackup::sourceThatIsNotADatabaseWritesNothing()
{
    const QString source = m_dir->filePath(QStringLiteral("notes.txt"));
    const QString target = m_dir->filePath(QStringLiteral("copy.db"));
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("these are my notes, not a database\n").repeated(200));
    }
    const QByteArray before = storagetest::fileSha256(source);

    const models::Status s = storage::backupSqliteDatabase(source, target);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(source), qPrintable(s.error()));
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(!QFileInfo::exists(target + QStringLiteral(".part")));
    QCOMPARE(storagetest::fileSha256(source), before);
}

void TestBackup::createsTargetFolder()
{
    const QString source = m_dir->filePath(QStringLiteral("live.db"));
    const QString target = m_dir->filePath(QStringLiteral("backups/2026/11/backroom.db"));
    std::unique_ptr<Database> live = openWithRows(source, 7);
    QVERIFY(live);

    VERIFY_OK(storage::backupSqliteDatabase(source, target));
    QVERIFY(QFileInfo::exists(target));
    RawConnection copy(target);
    QCOMPARE(copy.scalar(kCountTestSettings).toInt(), 7);
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
