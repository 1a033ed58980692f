#include "storage/database.h"
#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using storage::Database;
using storage::Transaction;
using storagetest::RawConnection;
using storagetest::scalar;

namespace {

const QString kInsertChannel = QStringLiteral(
    "INSERT INTO channels (code, name, currency, stock_buffer) VALUES (?, ?, 'EUR', ?)");

int channelCount(const QSqlDatabase &db)
{
    return scalar(db, QStringLiteral("SELECT COUNT(*) FROM channels")).toInt();
}

} // namespace

class TestTransaction : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void commitsOnlyOnCommit();
    void destructorRollsBack();
    void explicitRollback();
    void errorMidwayLeavesNothing_data();
    void errorMidwayLeavesNothing();
    void readTransaction();
    void secondWriterWaitsThenFails();
    void secondWriterSucceedsAfterFirstCommits();
    void writerInAnotherThreadQueues();

private:
    QString m_path;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestTransaction::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("backroom.db"));
    models::Result<std::unique_ptr<Database>> db = Database::open(m_path);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    m_db = std::move(db).value();
}

void TestTransaction::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestTransaction::commitsOnlyOnCommit()
{
    const QSqlDatabase c = m_db->connection();
    RawConnection other(m_path);
    QVERIFY(other.isOpen());

    Transaction tx(c);
    QVERIFY2(tx.isActive(), qPrintable(tx.error()));
    VERIFY_OK(storage::runStatement(c, kInsertChannel,
                                    {QStringLiteral("shopify"), QStringLiteral("Shopify"), 0}));
    VERIFY_OK(storage::runStatement(c, kInsertChannel,
                                    {QStringLiteral("ebay"), QStringLiteral("eBay"), 0}));
    QCOMPARE(channelCount(c), 2);          // this connection sees its own writes
    QCOMPARE(channelCount(other.db()), 0); // nobody else does yet

    VERIFY_OK(tx.commit());
    QVERIFY(!tx.isActive());
    QCOMPARE(channelCount(c), 2);
    QCOMPARE(channelCount(other.db()), 2);

    // Committing twice is an error, not a second commit.
    const models::Status again = tx.commit();
    QVERIFY(!again.ok());
}

void TestTransaction::destructorRollsBack()
{
    const QSqlDatabase c = m_db->connection();
    {
        Transaction tx(c);
        QVERIFY2(tx.isActive(), qPrintable(tx.error()));
        VERIFY_OK(storage::runStatement(c, kInsertChannel,
                                        {QStringLiteral("shopify"), QStringLiteral("Shopify"), 0}));
        QCOMPARE(channelCount(c), 1);
        // Leaves the scope without commit(), as an early return would.
    }
    QCOMPARE(channelCount(c), 0);

    // And the connection is usable again: a new transaction can begin.
    Transaction next(c);
    QVERIFY2(next.isActive(), qPrintable(next.error()));
    VERIFY_OK(next.commit());
}

void TestTransaction::explicitRollback()
{
    const QSqlDatabase c = m_db->connection();
    Transaction tx(c);
    QVERIFY2(tx.isActive(), qPrintable(tx.error()));
    VERIFY_OK(storage::runStatement(c, kInsertChannel,
                                    {QStringLiteral("shopify"), QStringLiteral("Shopify"), 0}));
    tx.rollback();
    QVERIFY(!tx.isActive());
    QCOMPARE(channelCount(c), 0);
    QVERIFY(!tx.commit().ok());
    QCOMPARE(channelCount(c), 0);
}

void TestTransaction::errorMidwayLeavesNothing_data()
{
    QTest::addColumn<QString>("badSql");
    QTest::addColumn<QVariantList>("badBinds");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("unique violation")
        << kInsertChannel
        << QVariantList{QStringLiteral("shopify"), QStringLiteral("Shopify again"), 0}
        << QStringLiteral("UNIQUE");
    QTest::newRow("check violation")
        << kInsertChannel << QVariantList{QStringLiteral("amazon"), QStringLiteral("Amazon"), -1}
        << QStringLiteral("CHECK");
    QTest::newRow("foreign key violation")
        << QStringLiteral("INSERT INTO orders (channel_id, external_id, order_number, status, "
                          "placed_at, currency, created_at, updated_at) VALUES (?, 'x', '#1', "
                          "'new', '2026-01-01T00:00:00Z', 'EUR', '2026-01-01T00:00:00Z', "
                          "'2026-01-01T00:00:00Z')")
        << QVariantList{999} << QStringLiteral("FOREIGN KEY");
    QTest::newRow("not null violation")
        << kInsertChannel << QVariantList{QStringLiteral("ebay"), QVariant(), 0}
        << QStringLiteral("NOT NULL");
}

void TestTransaction::errorMidwayLeavesNothing()
{
    QFETCH(QString, badSql);
    QFETCH(QVariantList, badBinds);
    QFETCH(QString, expectedError);

    const QSqlDatabase c = m_db->connection();
    // A batch as a repository writes it: one transaction, stop at the first error.
    auto importBatch = [&]() -> models::Status {
        Transaction tx(c);
        if (!tx.isActive())
            return models::Error{tx.error()};
        for (const char *code : {"shopify", "etsy"}) {
            if (models::Status s = storage::runStatement(
                    c, kInsertChannel, {QString::fromLatin1(code), QString::fromLatin1(code), 0});
                !s)
                return s;
        }
        if (models::Status s = storage::runStatement(c, badSql, badBinds); !s)
            return s;
        return tx.commit();
    };

    const models::Status s = importBatch();
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(expectedError), qPrintable(s.error()));
    QCOMPARE(channelCount(c), 0);
    QCOMPARE(scalar(c, QStringLiteral("SELECT COUNT(*) FROM orders")).toInt(), 0);

    RawConnection other(m_path);
    QCOMPARE(channelCount(other.db()), 0);
}

void TestTransaction::readTransaction()
{
    const QSqlDatabase c = m_db->connection();
    VERIFY_OK(storage::runStatement(c, kInsertChannel,
                                    {QStringLiteral("shopify"), QStringLiteral("Shopify"), 0}));
    Transaction read(c, Transaction::Mode::Read);
    QVERIFY2(read.isActive(), qPrintable(read.error()));
    QCOMPARE(channelCount(c), 1);

    // A read transaction does not hold the write lock: another connection can write.
    models::Result<std::unique_ptr<Database>> other = Database::open(m_path);
    QVERIFY2(other.ok(), qPrintable(other.error()));
    VERIFY_OK(storage::runStatement(other.value()->connection(), kInsertChannel,
                                    {QStringLiteral("ebay"), QStringLiteral("eBay"), 0}));
    // ... and the reader keeps its snapshot until it ends.
    QCOMPARE(channelCount(c), 1);
    VERIFY_OK(read.commit());
    QCOMPARE(channelCount(c), 2);
}

void TestTransaction::secondWriterWaitsThenFails()
{
    models::Result<std::unique_ptr<Database>> second = Database::open(m_path);
    QVERIFY2(second.ok(), qPrintable(second.error()));
    const QSqlDatabase c2 = second.value()->connection();
    // Wait only briefly: the first writer will not finish while we wait.
    VERIFY_OK(storage::runStatement(c2, QStringLiteral("PRAGMA busy_timeout = 50")));

    const QSqlDatabase c1 = m_db->connection();
    Transaction first(c1);
    QVERIFY2(first.isActive(), qPrintable(first.error()));
    VERIFY_OK(storage::runStatement(c1, kInsertChannel,
                                    {QStringLiteral("shopify"), QStringLiteral("Shopify"), 0}));

    {
        Transaction blocked(c2);
        QVERIFY(!blocked.isActive());
        QVERIFY2(blocked.error().contains(QStringLiteral("locked")), qPrintable(blocked.error()));
        QVERIFY(!blocked.commit().ok());
    }
    // Readers are never blocked by the writer (WAL).
    QCOMPARE(channelCount(c2), 0);

    VERIFY_OK(first.commit());
    QCOMPARE(channelCount(c2), 1);
}

void TestTransaction::secondWriterSucceedsAfterFirstCommits()
{
    models::Result<std::unique_ptr<Database>> second = Database::open(m_path);
    QVERIFY2(second.ok(), qPrintable(second.error()));
    const QSqlDatabase c1 = m_db->connection();
    const QSqlDatabase c2 = second.value()->connection();

    {
        Transaction first(c1);
        QVERIFY2(first.isActive(), qPrintable(first.error()));
        VERIFY_OK(storage::runStatement(c1, kInsertChannel,
                                        {QStringLiteral("shopify"), QStringLiteral("Shopify"), 0}));
        VERIFY_OK(first.commit());
    }
    {
        Transaction next(c2);
        QVERIFY2(next.isActive(), qPrintable(next.error()));
        VERIFY_OK(storage::runStatement(c2, kInsertChannel,
                                        {QStringLiteral("ebay"), QStringLiteral("eBay"), 0}));
        VERIFY_OK(next.commit());
    }
    QCOMPARE(channelCount(c1), 2);
    QCOMPARE(channelCount(c2), 2);
}

void TestTransaction::writerInAnotherThreadQueues()
{
    // The first writer holds the lock while a second thread starts its own write.
    // Whether the second thread gets there before or after the commit, its busy
    // timeout makes it queue rather than fail: both rows end up written.
    const QSqlDatabase c1 = m_db->connection();
    Transaction first(c1);
    QVERIFY2(first.isActive(), qPrintable(first.error()));
    VERIFY_OK(storage::runStatement(c1, kInsertChannel,
                                    {QStringLiteral("shopify"), QStringLiteral("Shopify"), 0}));

    QString threadError = QStringLiteral("did not run");
    const QString path = m_path;
    std::unique_ptr<QThread> thread(QThread::create([&threadError, path] {
        models::Result<std::unique_ptr<Database>> db = Database::open(path);
        if (!db.ok()) {
            threadError = db.error();
            return;
        }
        const QSqlDatabase c = db.value()->connection();
        Transaction tx(c);
        if (!tx.isActive()) {
            threadError = tx.error();
            return;
        }
        if (models::Status s = storage::runStatement(
                c, kInsertChannel, {QStringLiteral("ebay"), QStringLiteral("eBay"), 0});
            !s) {
            threadError = s.error();
            return;
        }
        const models::Status s = tx.commit();
        threadError = s.ok() ? QString() : s.error();
    }));
    thread->start();
    VERIFY_OK(first.commit());
    QVERIFY(thread->wait());
    QVERIFY2(threadError.isEmpty(), qPrintable(threadError));
    QCOMPARE(channelCount(c1), 2);
}

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
