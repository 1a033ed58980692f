// The ledger dialog over a product with thousands of movements: it opens on the newest
// page having read only that page, scrolling up with the keyboard brings older rows in
// a page at a time with their running balances, and the location chooser re-reads.
// Also the receiving panel's Bin column (the product's bin shown, another one typed) and
// the Stock screen's Bin column naming every bin of a product at the row's location.

#include "models/stockledgermodel.h"
#include "models/stocklevelmodel.h"
#include "storage/database.h"
#include "storage/sqlrun.h"
#include "storage/sqlstocklevelsource.h"
#include "storage/sqlstockoperations.h"
#include "storage/transaction.h"
#include "ui/countformat.h"
#include "ui/lazytableview.h"
#include "ui/receivingpanel.h"
#include "ui/stockledgerdialog.h"
#include "ui/stockscreen.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QScrollBar>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kShots = QStringLiteral("/tmp/stockshots");
constexpr int kMovements = 5'000;

void shoot(QWidget *w, const QString &name)
{
    QDir().mkpath(kShots);
    w->grab().save(QStringLiteral("%1/%2.png").arg(kShots, name));
}

} // namespace

class TestStockLedgerDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void opensOnTheNewestPage();
    void scrollingUpReadsOlderPages();
    void everyLocationMergesTheirLedgers();
    void receivingPanelTakesABin();
    void stockScreenShowsEveryBin();

private:
    bool run(const QString &sql, const QVariantList &binds = {})
    {
        const models::Status s = storage::runStatement(m_db->connection(), sql, binds);
        if (!s)
            qWarning("%s", qPrintable(s.error()));
        return s.ok();
    }
    // The balance column must climb by each row's change, row after row.
    static void verifyRunning(const models::StockLedgerModel *model, int from, int to);

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlStockOperations> m_operations;
    std::unique_ptr<ui::StockLedgerDialog> m_dialog;
};

void TestStockLedgerDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("ledger.db"));
    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    storage::Transaction txn(m_db->connection());
    QVERIFY(run(QStringLiteral(
        "INSERT INTO locations (id, code, name, kind, country) VALUES "
        "(1, 'LDS', 'Leeds', 'warehouse', 'GB'), (2, 'MKY', 'Milton Keynes', 'warehouse', 'GB')")));
    QVERIFY(run(QStringLiteral(
        "INSERT INTO products (id, sku, name, cost_currency, price_currency, created_at) VALUES "
        "(1, 'MUG-01', 'Stoneware mug', 'GBP', 'GBP', '2026-01-01T00:00:00Z')")));
    // Receipts of 12 and shipments of 1 to 3, alternating between the two locations.
    QSqlQuery insert(m_db->connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO stock_movements (product_id, location_id, quantity, reason_code, "
        "reference_type, reference_id, note, user_name, created_at) "
        "VALUES (1, ?, ?, ?, ?, ?, ?, 'dana', ?)"));
    int onHand[3] = {0, 0, 0};
    const QDateTime start(QDate(2025, 1, 1), QTime(8, 0), Qt::UTC);
    for (int i = 0; i < kMovements; ++i) {
        const int location = 1 + i % 2;
        const bool in = i % 5 == 0;
        const int quantity = in ? 12 : -(1 + i % 3);
        onHand[location] += quantity;
        QVERIFY(storage::execPrepared(
                    insert, {location, quantity,
                             in ? QStringLiteral("received") : QStringLiteral("shipped"),
                             in ? QStringLiteral("purchase_order") : QStringLiteral("order"),
                             in ? QStringLiteral("PO-%1").arg(i, 5, 10, QLatin1Char('0'))
                                : QStringLiteral("SH-%1").arg(100000 + i),
                             in ? QStringLiteral("Receipt %1").arg(i) : QString(),
                             storage::isoUtc(start.addSecs(i * 3600))})
                    .ok());
    }
    for (int location : {1, 2})
        QVERIFY(run(QStringLiteral("INSERT INTO stock_levels (product_id, location_id, on_hand) "
                                   "VALUES (1, ?, ?)"),
                    {location, onHand[location]}));
    QVERIFY(txn.commit().ok());
    m_operations = std::make_unique<storage::SqlStockOperations>(m_db->connection(),
                                                                 QStringLiteral("tester"), path);
}

void TestStockLedgerDialog::cleanupTestCase()
{
    m_dialog.reset();
    m_operations.reset();
    m_db.reset();
}

void TestStockLedgerDialog::verifyRunning(const models::StockLedgerModel *model, int from, int to)
{
    for (int row = std::max(1, from); row <= to; ++row) {
        const models::LedgerEntry *previous = model->entryAt(row - 1);
        const models::LedgerEntry *e = model->entryAt(row);
        QVERIFY(previous && e);
        QCOMPARE(e->totalBalance, previous->totalBalance + e->quantity);
    }
}

void TestStockLedgerDialog::opensOnTheNewestPage()
{
    m_dialog = std::make_unique<ui::StockLedgerDialog>(m_operations.get(), 1, 1);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    models::StockLedgerModel *model = m_dialog->model();
    QCOMPARE(model->rowCount(), kMovements / 2);
    // Only the newest page was read, and it is the one in view.
    QCOMPARE(model->pagesFetched(), qint64(1));
    ui::LazyTableView *table = m_dialog->table();
    QCOMPARE(table->currentIndex().row(), kMovements / 2 - 1);
    QVERIFY(table->verticalScrollBar()->value() == table->verticalScrollBar()->maximum());
    const int onHand =
        storage::queryScalar(m_db->connection(),
                             QStringLiteral("SELECT on_hand FROM stock_levels "
                                            "WHERE product_id = 1 AND location_id = 1"))
            .value()
            .toInt();
    QCOMPARE(
        model->index(kMovements / 2 - 1, models::StockLedgerModel::BalanceColumn).data().toInt(),
        onHand);
    QVERIFY2(
        m_dialog->summary().contains(QStringLiteral("on hand %1").arg(ui::formatCount(onHand))),
        qPrintable(m_dialog->summary()));
    QVERIFY2(m_dialog->summary().contains(
                 QStringLiteral("%1 movements").arg(ui::formatCount(kMovements / 2))),
             qPrintable(m_dialog->summary()));
    QApplication::processEvents();
    shoot(m_dialog.get(), QStringLiteral("ledger-newest"));
}

void TestStockLedgerDialog::scrollingUpReadsOlderPages()
{
    QVERIFY(m_dialog);
    models::StockLedgerModel *model = m_dialog->model();
    ui::LazyTableView *table = m_dialog->table();
    table->setFocus();
    const qint64 pagesBefore = model->pagesFetched();
    // Page Up a few dozen times, as a user holding the key would.
    for (int i = 0; i < 40; ++i)
        QTest::keyClick(table, Qt::Key_PageUp);
    QApplication::processEvents();
    const int top = table->rowAt(0);
    QVERIFY2(top < kMovements / 2 - 400, qPrintable(QString::number(top)));
    QVERIFY(model->pagesFetched() > pagesBefore);
    // The rows now in view have their text and running balances.
    const int bottom = table->rowAt(table->viewport()->height() - 2);
    QVERIFY(bottom > top);
    for (int row = top; row <= bottom; ++row) {
        QVERIFY(
            !model->index(row, models::StockLedgerModel::TimeColumn).data().toString().isEmpty());
        QVERIFY(
            !model->index(row, models::StockLedgerModel::ReasonColumn).data().toString().isEmpty());
    }
    verifyRunning(model, top, bottom);
    shoot(m_dialog.get(), QStringLiteral("ledger-scrolled"));

    // Ctrl+Home: the very first movement, the opening receipt of 12.
    QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
    QApplication::processEvents();
    QCOMPARE(table->currentIndex().row(), 0);
    QCOMPARE(model->index(0, models::StockLedgerModel::ChangeColumn).data().toString(),
             QStringLiteral("+12"));
    QCOMPARE(model->index(0, models::StockLedgerModel::BalanceColumn).data().toInt(), 12);
    verifyRunning(model, 0, 30);
}

void TestStockLedgerDialog::everyLocationMergesTheirLedgers()
{
    QVERIFY(m_dialog);
    auto *location = m_dialog->findChild<QComboBox *>(QStringLiteral("ledgerLocation"));
    QVERIFY(location);
    location->setCurrentIndex(location->findData(qint64(0)));
    models::StockLedgerModel *model = m_dialog->model();
    QCOMPARE(model->rowCount(), kMovements);
    const int last = kMovements - 1;
    // The last row: its own location's balance and the total across both.
    const int total = storage::queryScalar(m_db->connection(),
                                           QStringLiteral("SELECT SUM(on_hand) FROM stock_levels"))
                          .value()
                          .toInt();
    QCOMPARE(model->entryAt(last)->totalBalance, total);
    QCOMPARE(model->entryAt(last)->locationCode, QStringLiteral("MKY"));
    QCOMPARE(model->entryAt(last - 1)->locationCode, QStringLiteral("LDS"));
    verifyRunning(model, last - 300, last);
    QApplication::processEvents();
    shoot(m_dialog.get(), QStringLiteral("ledger-all-locations"));
    m_dialog->close();
}

void TestStockLedgerDialog::receivingPanelTakesABin()
{
    models::PurchaseOrderDetail order;
    order.header.id = 7;
    order.header.poNumber = QStringLiteral("PO-00007");
    order.header.status = models::PurchaseOrder::Status::Sent;
    order.lines = {
        {11,
         1,
         QStringLiteral("MUG-01"),
         {},
         QStringLiteral("Stoneware mug"),
         {QStringLiteral("5012345678900")},
         10,
         0,
         250,
         QStringLiteral("A-01-2")},
        {12, 2, QStringLiteral("CAP-01"), {}, QStringLiteral("Cap"), {}, 4, 0, 120, QString()}};
    ui::ReceivingPanel panel;
    panel.resize(900, 300);
    panel.setOrder(order);
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    QCOMPARE(panel.binField(0)->placeholderText(), QStringLiteral("A-01-2"));
    QCOMPARE(panel.binField(1)->placeholderText(), QStringLiteral("no bin"));

    // Scan the mug twice, then scan a bin label for the cap and count one by hand.
    panel.scanField()->setFocus();
    for (int i = 0; i < 2; ++i) {
        QTest::keyClicks(panel.scanField(), QStringLiteral("5012345678900"));
        QTest::keyClick(panel.scanField(), Qt::Key_Return);
    }
    panel.binField(1)->setFocus();
    QTest::keyClicks(panel.binField(1), QStringLiteral("D-01-1"));
    QTest::keyClick(panel.binField(1), Qt::Key_Return);
    QVERIFY(panel.scanField()->hasFocus()); // back to scanning
    panel.countedBox(1)->setValue(1);
    shoot(&panel, QStringLiteral("receiving-bins"));

    const models::Receipt r = panel.receipt();
    QCOMPARE(r.lines.size(), 2);
    QCOMPARE(r.lines.at(0).counted, 2);
    QCOMPARE(r.lines.at(0).binCode, QString()); // the product's own bin
    QCOMPARE(r.lines.at(1).binCode, QStringLiteral("D-01-1"));
}

void TestStockLedgerDialog::stockScreenShowsEveryBin()
{
    QVERIFY(run(QStringLiteral("INSERT INTO bins (id, location_id, code, pick_sequence) VALUES "
                               "(1, 1, 'B-03-1', 20), (2, 1, 'A-01-2', 10), (3, 2, 'M-01-1', 5)")));
    // Two bins at Leeds (the primary is listed first whatever its code), one at MKY.
    QVERIFY(run(QStringLiteral("INSERT INTO product_bins (product_id, bin_id, is_primary) VALUES "
                               "(1, 1, 1), (1, 2, 0), (1, 3, 1)")));
    storage::SqlStockLevelSource source(m_db->connection());
    ui::StockScreen screen(&source);
    screen.resize(1280, 360);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    models::StockLevelModel *model = screen.model();
    QCOMPARE(model->rowCount(), 2);
    QHash<QString, QString> bins;
    for (int row = 0; row < model->rowCount(); ++row)
        bins.insert(model->index(row, models::StockLevelModel::LocationColumn).data().toString(),
                    model->index(row, models::StockLevelModel::BinColumn).data().toString());
    QCOMPARE(bins.value(QStringLiteral("LDS")), QStringLiteral("B-03-1, A-01-2"));
    QCOMPARE(bins.value(QStringLiteral("MKY")), QStringLiteral("M-01-1"));
    QApplication::processEvents();
    shoot(&screen, QStringLiteral("stock-bins"));
}

QTEST_MAIN(TestStockLedgerDialog)
#include "tst_stockledgerdialog.moc"
