#include "storage/database.h"
#include "storage/sqlitebulkloader.h"
#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>

// The bulk loader: ids handed out at once, rows written on the second thread,
// stock levels equal to the ledger, errors reported at commit with nothing kept.
class TestSqliteBulkLoader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newDatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("bulk%1.db").arg(++m_files));
        auto db = storage::Database::open(path);
        if (!db.ok())
            qFatal("%s", qPrintable(db.error()));
        return path;
    }

    static models::Product product(const QString &sku)
    {
        models::Product p;
        p.sku = sku;
        p.name = QStringLiteral("Stoneware Mug – Sage");
        p.cost = models::Money(450, QStringLiteral("GBP"));
        p.price = models::Money(1295, QStringLiteral("GBP"));
        p.barcodes.append({QStringLiteral("5061234000017"), models::BarcodeSymbology::Ean13, true});
        return p;
    }

    static models::StockMovement movement(qint64 productId, qint64 locationId, int quantity)
    {
        models::StockMovement m;
        m.productId = productId;
        m.locationId = locationId;
        m.quantity = quantity;
        m.reason = quantity > 0 ? models::StockReason::Received : models::StockReason::Shipped;
        m.user = QStringLiteral("test");
        m.atUtc = QDateTime(QDate(2026, 11, 1), QTime(9, 30, 15), Qt::UTC);
        return m;
    }

    static models::Location location()
    {
        models::Location l;
        l.code = QStringLiteral("LDS");
        l.name = QStringLiteral("Leeds warehouse");
        l.address.country = QStringLiteral("GB");
        return l;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void writesRowsAndLevelsThatAddUp_data()
    {
        QTest::addColumn<bool>("scratch");
        QTest::newRow("safe (WAL)") << false;
        QTest::newRow("scratch") << true;
    }

    void writesRowsAndLevelsThatAddUp()
    {
        QFETCH(bool, scratch);
        const QString path = newDatabase();
        {
            auto loader = storage::SqliteBulkLoader::open(
                path, scratch ? storage::SqliteBulkLoader::Journal::Scratch
                              : storage::SqliteBulkLoader::Journal::Safe);
            VERIFY_OK(loader);
            storage::SqliteBulkLoader &l = *loader.value();
            VERIFY_OK(l.begin());
            const qint64 lds = l.addLocation(location(), 53.7, -1.5);
            QCOMPARE(lds, 1);
            models::Product p = product(QStringLiteral("HF-MUG-0001-SAG"));
            l.addProduct(p, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
            QCOMPARE(p.id, 1);
            // Enough rows to cross several batches on the writer thread.
            for (int i = 0; i < 10000; ++i)
                l.addMovement(movement(p.id, lds, i % 3 == 2 ? -1 : 2));
            VERIFY_OK(l.commit());
            VERIFY_OK(l.finish());
        }
        storagetest::RawConnection raw(path);
        QVERIFY(raw.isOpen());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM stock_movements")).toInt(), 10000);
        const int sum =
            raw.scalar(QStringLiteral("SELECT SUM(quantity) FROM stock_movements")).toInt();
        QCOMPARE(raw.scalar(QStringLiteral("SELECT on_hand FROM stock_levels")).toInt(), sum);
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT name FROM products WHERE sku = 'HF-MUG-0001-SAG'"))
                .toString(),
            QStringLiteral("Stoneware Mug – Sage"));
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT created_at FROM stock_movements LIMIT 1")).toString(),
            QStringLiteral("2026-11-01T09:30:15Z"));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        // A scratch load drops the secondary indexes while it writes: all are back.
        QCOMPARE(
            raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' "
                                      "AND name = 'stock_movements_product'"))
                .toInt(),
            1);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
    }

    void idsContinueAfterWhatIsThere()
    {
        const QString path = newDatabase();
        for (int round = 1; round <= 2; ++round) {
            auto loader =
                storage::SqliteBulkLoader::open(path, storage::SqliteBulkLoader::Journal::Safe);
            VERIFY_OK(loader);
            VERIFY_OK(loader.value()->begin());
            models::Location l = location();
            l.code += QString::number(round);
            QCOMPARE(loader.value()->addLocation(l, 0, 0), round);
            VERIFY_OK(loader.value()->commit());
        }
    }

    void anErrorSurfacesAtCommitAndNothingIsKept()
    {
        const QString path = newDatabase();
        {
            auto loader =
                storage::SqliteBulkLoader::open(path, storage::SqliteBulkLoader::Journal::Safe);
            VERIFY_OK(loader);
            storage::SqliteBulkLoader &l = *loader.value();
            VERIFY_OK(l.begin());
            models::Product first = product(QStringLiteral("HF-DUP"));
            l.addProduct(first, QDateTime::currentDateTimeUtc());
            models::Product second = product(QStringLiteral("HF-DUP")); // the same SKU again
            second.barcodes.clear();
            l.addProduct(second, QDateTime::currentDateTimeUtc());
            const models::Status s = l.commit();
            QVERIFY(!s.ok());
            QVERIFY2(s.error().contains(QLatin1String("UNIQUE")), qPrintable(s.error()));
            QVERIFY2(s.error().contains(QLatin1String("products")), qPrintable(s.error()));
        }
        storagetest::RawConnection raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM products")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSqliteBulkLoader)
#include "tst_sqlitebulkloader.moc"
