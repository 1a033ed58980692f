// The Transfers dialog's Receive tab over a real database, driven with keys as a
// receiver does: each line shows the product's bin at the destination in grey, a bin
// typed or scanned into a line's Bin field is where it is put away, and an unknown bin
// refuses the whole receipt in the dialog with nothing received. The dialog is saved as
// a PNG in /tmp/transfershots.

#include "../storage/allocationshop.h"
#include "../storage/storagetestutil.h"
#include "storage/database.h"
#include "storage/sqlstockoperations.h"
#include "storage/sqltransfers.h"
#include "ui/transferdialog.h"

#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace allocationshop;

namespace {

const QString kShots = QStringLiteral("/tmp/transfershots");

} // namespace

class TestTransferDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void receivedIntoTheTypedBin();
    void unknownBinRefusedWithNothingReceived();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        return storagetest::scalar(db(), sql, binds);
    }
    // Four mugs and three caps on their way from Milton Keynes to Leeds; the dialog
    // open on its Receive tab.
    void shipAndOpen();
    QLineEdit *binField(int row) const;
    void clickReceive();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlStockOperations> m_operations;
    std::unique_ptr<ui::TransferDialog> m_dialog;
    qint64 m_transfer = 0;
};

void TestTransferDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = storage::Database::open(m_dir->filePath(QStringLiteral("transfers.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(build(db()));
    // Leeds: the mug lives in A-01-2, B-03-1 is free, D-01-1 is free; the cap has no bin
    // there. Milton Keynes has M-01-1.
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO bins (id, location_id, code, pick_sequence) VALUES "
                             "(1, 1, 'A-01-2', 10), (2, 1, 'B-03-1', 20), (4, 1, 'D-01-1', 40), "
                             "(5, 2, 'M-01-1', 10)")));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO product_bins (product_id, bin_id, is_primary) VALUES "
                             "(1, 1, 1)")));
    m_operations = std::make_unique<storage::SqlStockOperations>(db(), QStringLiteral("receiver"));
}

void TestTransferDialog::cleanup()
{
    m_dialog.reset();
    m_operations.reset();
    m_db.reset();
    m_dir.reset();
}

void TestTransferDialog::shipAndOpen()
{
    VERIFY_OK(move(db(), Mug, MKY, 10));
    VERIFY_OK(move(db(), Cap, MKY, 10));
    const models::Result<qint64> t =
        storage::shipTransfer(db(), MKY, LDS, {{Mug, 4}, {Cap, 3}}, QStringLiteral("sender"));
    VERIFY_OK(t);
    m_transfer = t.value();
    m_dialog = std::make_unique<ui::TransferDialog>(m_operations.get(), MKY);
    m_dialog->show();
    m_dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    m_dialog->tabs()->setCurrentIndex(1);
    auto *lines = m_dialog->findChild<QTableWidget *>(QStringLiteral("transferReceiptLines"));
    QVERIFY(lines);
    QCOMPARE(lines->rowCount(), 2);
    QCOMPARE(lines->horizontalHeaderItem(6)->text(), QStringLiteral("Bin"));
    QCOMPARE(lines->item(0, 0)->text(), QStringLiteral("MUG-01"));
    QCOMPARE(lines->item(1, 0)->text(), QStringLiteral("CAP-01"));
    // The product's bin at Leeds in grey; none for the cap.
    QVERIFY(binField(0) && binField(1));
    QCOMPARE(binField(0)->placeholderText(), QStringLiteral("A-01-2"));
    QCOMPARE(binField(1)->placeholderText(), QStringLiteral("no bin"));
}

QLineEdit *TestTransferDialog::binField(int row) const
{
    return m_dialog->findChild<QLineEdit *>(QStringLiteral("transferBin%1").arg(row));
}

void TestTransferDialog::clickReceive()
{
    QTest::mouseClick(m_dialog->findChild<QPushButton *>(QStringLiteral("transferReceive")),
                      Qt::LeftButton);
}

void TestTransferDialog::receivedIntoTheTypedBin()
{
    shipAndOpen();
    if (QTest::currentTestFailed())
        return;
    // The mug's bin scanned (Enter moves on to the cap's), the cap's typed.
    binField(0)->setFocus();
    QTest::keyClicks(binField(0), QStringLiteral("B-03-1"));
    QTest::keyClick(binField(0), Qt::Key_Return);
    QTRY_VERIFY(binField(1)->hasFocus());
    QTest::keyClicks(binField(1), QStringLiteral("d-01-1"));
    QDir().mkpath(kShots);
    QVERIFY(m_dialog->grab().save(kShots + QStringLiteral("/transfer-receive-bins.png")));
    clickReceive();
    QVERIFY2(m_dialog->error().isEmpty(), qPrintable(m_dialog->error()));
    QVERIFY(m_dialog->changed());
    QCOMPARE(m_dialog->resultMessage(),
             QStringLiteral("Transfer %1: 7 units received at LDS").arg(m_transfer));

    const auto binOf = [this](qint64 product) {
        return scalar(QStringLiteral("SELECT b.code FROM stock_movements m JOIN bins b ON b.id = "
                                     "m.bin_id WHERE m.reason_code = 'transfer_in' AND "
                                     "m.product_id = ? AND m.location_id = ?"),
                      {product, qint64(LDS)})
            .toString();
    };
    QCOMPARE(binOf(Mug), QStringLiteral("B-03-1"));
    QCOMPARE(binOf(Cap), QStringLiteral("D-01-1"));
    // The cap's first bin at Leeds is remembered; the mug keeps its own.
    QCOMPARE(scalar(QStringLiteral("SELECT b.code FROM product_bins pb JOIN bins b ON b.id = "
                                   "pb.bin_id WHERE pb.product_id = ? AND b.location_id = ?"),
                    {qint64(Cap), qint64(LDS)})
                 .toString(),
             QStringLiteral("D-01-1"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM product_bins WHERE product_id = ?"),
                    {qint64(Mug)})
                 .toInt(),
             1);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM transfers WHERE id = ?"), {m_transfer})
                 .toString(),
             QStringLiteral("received"));
    // Nothing is left in transit to show.
    auto *lines = m_dialog->findChild<QTableWidget *>(QStringLiteral("transferReceiptLines"));
    QCOMPARE(lines->rowCount(), 0);
}

void TestTransferDialog::unknownBinRefusedWithNothingReceived()
{
    shipAndOpen();
    if (QTest::currentTestFailed())
        return;
    binField(1)->setFocus();
    QTest::keyClicks(binField(1), QStringLiteral("X-00-0"));
    QTest::keyClick(binField(1), Qt::Key_Return);
    clickReceive();
    QDir().mkpath(kShots);
    QVERIFY(m_dialog->grab().save(kShots + QStringLiteral("/transfer-receive-refused.png")));
    const QString error = m_dialog->error();
    QVERIFY2(error.contains(QLatin1String("CAP-01")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("LDS has no bin X-00-0")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("nothing was received")), qPrintable(error));
    QVERIFY(!m_dialog->changed());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE reason_code = "
                                   "'transfer_in'"))
                 .toInt(),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT SUM(quantity_received) FROM transfer_lines WHERE "
                                   "transfer_id = ?"),
                    {m_transfer})
                 .toInt(),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM product_bins WHERE product_id = ?"),
                    {qint64(Cap)})
                 .toInt(),
             0);
    // The transfer stays open with what was typed, to be put right.
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM transfers WHERE id = ?"), {m_transfer})
                 .toString(),
             QStringLiteral("in_transit"));
    QCOMPARE(binField(1)->text(), QStringLiteral("X-00-0"));
}

QTEST_MAIN(TestTransferDialog)
#include "tst_transferdialog.moc"
