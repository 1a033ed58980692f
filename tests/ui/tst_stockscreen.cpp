// The Stock screen as the owner uses it, headless, over a real demo shop: filters,
// a barcode scanned into the search box, an adjustment refused without a reason and
// recorded with one, the ledger, the product editor, transfers, cycle counts and the
// reconciliation report. Screens and dialogs are saved as PNGs in /tmp/stockshots.

#include "app/demoshop.h"
#include "models/reconciliationmodel.h"
#include "models/stocklevelmodel.h"
#include "storage/database.h"
#include "storage/sqlstocklevelsource.h"
#include "storage/sqlstockoperations.h"
#include "ui/cyclecountdialog.h"
#include "ui/lazytableview.h"
#include "ui/producteditordialog.h"
#include "ui/reconciliationdialog.h"
#include "ui/stockadjustdialog.h"
#include "ui/stockfilterbar.h"
#include "ui/stockledgerdialog.h"
#include "ui/stockscreen.h"
#include "ui/transferdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

#include <functional>
#include <memory>

using models::StockLevelModel;

namespace {

const QString kShots = QStringLiteral("/tmp/stockshots");

void shoot(QWidget *w, const QString &name)
{
    QDir().mkpath(kShots);
    w->grab().save(QStringLiteral("%1/%2.png").arg(kShots, name));
}

} // namespace

class TestStockScreen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsEveryRow();
    void filtersByLocationAndOutOfStock();
    void scanningABarcodeFindsTheProduct();
    void adjustmentNeedsAReason();
    void ledgerShowsEveryMovement();
    void productEditorNamesTheField();
    void transferAndCountDialogs();
    void reconciliationRunsOffTheGuiThread();

private:
    // Runs `act` on the next modal dialog once it is open, then closes it if `act` left
    // it open, so a failed check never leaves the test waiting on a dialog.
    void onNextDialog(std::function<void(QDialog *)> act);
    int scalarInt(const QString &sql, const QVariantList &binds = {});
    void selectRow(int row);

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlStockLevelSource> m_source;
    std::unique_ptr<storage::SqlStockOperations> m_operations;
    std::unique_ptr<ui::StockScreen> m_screen;
};

void TestStockScreen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 800;
    options.products = 300;
    options.seed = 11;
    options.today = QDate(2026, 11, 25);
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    m_source = std::make_unique<storage::SqlStockLevelSource>(m_db->connection());
    m_operations = std::make_unique<storage::SqlStockOperations>(m_db->connection(),
                                                                 QStringLiteral("tester"), path);
    m_screen = std::make_unique<ui::StockScreen>(m_source.get(), m_operations.get());
    m_screen->resize(1280, 760);
    m_screen->show();
    m_screen->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_screen.get()));
}

void TestStockScreen::cleanupTestCase()
{
    m_screen.reset();
    m_operations.reset();
    m_source.reset();
    m_db.reset();
}

void TestStockScreen::onNextDialog(std::function<void(QDialog *)> act)
{
    // Polled, so it waits for the dialog however the key that opens it is delivered.
    auto *poll = new QTimer(this);
    auto tries = std::make_shared<int>(0);
    connect(poll, &QTimer::timeout, this, [poll, tries, act] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            if (++*tries > 250) {
                poll->deleteLater();
                QFAIL("no dialog opened");
            }
            return;
        }
        poll->stop();
        poll->deleteLater();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        act(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
    poll->start(20);
}

int TestStockScreen::scalarInt(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(m_db->connection());
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

void TestStockScreen::selectRow(int row)
{
    // Back from a dialog, the window is active again before its shortcuts work.
    m_screen->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_screen.get()));
    m_screen->table()->setFocus();
    m_screen->table()->setCurrentIndex(m_screen->model()->index(row, StockLevelModel::SkuColumn));
}

void TestStockScreen::listsEveryRow()
{
    QCOMPARE(m_screen->model()->rowCount(),
             scalarInt(QStringLiteral("SELECT COUNT(*) FROM stock_levels")));
    // The actions that need a row wait for one.
    selectRow(0);
    QVERIFY(m_screen->findChild<QAction *>(QStringLiteral("adjustAction"))->isEnabled());
    shoot(m_screen.get(), QStringLiteral("01-stock"));
}

void TestStockScreen::filtersByLocationAndOutOfStock()
{
    auto *location = m_screen->findChild<QComboBox *>(QStringLiteral("stockLocationFilter"));
    QVERIFY(location);
    location->setFocus();
    QTest::keyClick(location, Qt::Key_Down); // the first location after "All locations"
    const qint64 locationId = location->currentData().toLongLong();
    QVERIFY(locationId != 0);
    const int atLocation = scalarInt(
        QStringLiteral("SELECT COUNT(*) FROM stock_levels WHERE location_id = ?"), {locationId});
    QCOMPARE(m_screen->model()->rowCount(), atLocation);
    for (int row = 0; row < std::min(atLocation, 30); ++row)
        QCOMPARE(m_screen->model()->rowAt(row)->locationId, locationId);

    auto *out = m_screen->findChild<QCheckBox *>(QStringLiteral("outOfStockFilter"));
    QTest::mouseClick(out, Qt::LeftButton, {}, QPoint(4, out->height() / 2));
    QVERIFY(out->isChecked());
    const int empty = scalarInt(QStringLiteral("SELECT COUNT(*) FROM stock_levels WHERE "
                                               "location_id = ? AND on_hand - reserved <= 0"),
                                {locationId});
    QCOMPARE(m_screen->model()->rowCount(), empty);
    for (int row = 0; row < m_screen->model()->rowCount(); ++row)
        QVERIFY(m_screen->model()->rowAt(row)->available() <= 0);
    shoot(m_screen.get(), QStringLiteral("02-filtered"));

    auto *clear = m_screen->findChild<QToolButton *>(QStringLiteral("clearStockFilters"));
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(!out->isChecked());
    QCOMPARE(location->currentIndex(), 0);
    QCOMPARE(m_screen->model()->rowCount(),
             scalarInt(QStringLiteral("SELECT COUNT(*) FROM stock_levels")));
}

void TestStockScreen::scanningABarcodeFindsTheProduct()
{
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT b.barcode, p.sku, (SELECT COUNT(*) FROM stock_levels WHERE product_id = p.id) "
        "FROM product_barcodes b JOIN products p ON p.id = b.product_id "
        "WHERE b.symbology = 'EAN13' AND EXISTS (SELECT 1 FROM stock_levels WHERE product_id = "
        "p.id) ORDER BY b.id LIMIT 1 OFFSET 5")));
    QVERIFY(q.next());
    const QString barcode = q.value(0).toString();
    const QString sku = q.value(1).toString();
    const int locations = q.value(2).toInt();

    // Ctrl+F, then the scanner types the code and Enter.
    QTest::keyClick(m_screen->table(), Qt::Key_F, Qt::ControlModifier);
    QLineEdit *search = m_screen->filterBar()->searchEdit();
    QVERIFY(search->hasFocus());
    QTest::keyClicks(search, barcode);
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(m_screen->model()->rowCount(), locations);
    for (int row = 0; row < locations; ++row)
        QCOMPARE(m_screen->model()->rowAt(row)->sku, sku);
    QVERIFY(m_screen->currentRow());
    QCOMPARE(m_screen->currentRow()->sku, sku);
    // The code stays selected: the next scan replaces it.
    QCOMPARE(search->selectedText(), barcode);
    auto *status = m_screen->findChild<QLabel *>(QStringLiteral("stockStatus"));
    QVERIFY2(status->text().contains(sku), qPrintable(status->text()));
    shoot(m_screen.get(), QStringLiteral("03-scanned"));

    // Part of a name finds every product with it.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("Linen"));
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(m_screen->model()->rowCount() > 0);
    for (int row = 0; row < std::min(20, m_screen->model()->rowCount()); ++row)
        QVERIFY(m_screen->model()->rowAt(row)->productName.contains(QStringLiteral("Linen")));
    // Nothing known.
    search->selectAll();
    QTest::keyClicks(search, QStringLiteral("0000000000000"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(m_screen->model()->rowCount(), 0);
    QVERIFY(status->text().contains(QStringLiteral("Nothing matches")));
    search->clear();
}

void TestStockScreen::adjustmentNeedsAReason()
{
    // A row with stock to spare.
    int row = 0;
    while (row < m_screen->model()->rowCount() && m_screen->model()->rowAt(row)->available() < 2)
        ++row;
    QVERIFY(row < m_screen->model()->rowCount());
    selectRow(row);
    const models::StockLevelRow before = *m_screen->currentRow();
    const int movementsBefore = scalarInt(QStringLiteral("SELECT COUNT(*) FROM stock_movements"));

    bool refused = false;
    bool recorded = false;
    onNextDialog([&](QDialog *dialog) {
        auto *quantity = dialog->findChild<QSpinBox *>(QStringLiteral("adjustQuantity"));
        auto *reason = dialog->findChild<QComboBox *>(QStringLiteral("adjustReason"));
        auto *note = dialog->findChild<QLineEdit *>(QStringLiteral("adjustNote"));
        auto *record = dialog->findChild<QPushButton *>(QStringLiteral("adjustRecord"));
        QVERIFY(quantity && reason && note && record);
        QTest::keyClicks(quantity, QStringLiteral("-2"));
        QCOMPARE(quantity->value(), -2);
        // Without a reason: refused, and the dialog says why and stays open.
        QTest::keyClick(quantity, Qt::Key_Return);
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("adjustError"));
        QVERIFY(dialog->isVisible());
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("needs a reason")),
                 qPrintable(error->text()));
        refused = true;
        shoot(dialog, QStringLiteral("04-adjust-refused"));
        // With one.
        reason->setFocus();
        QTest::keyClicks(reason, QStringLiteral("Damaged"));
        QCOMPARE(reason->currentData().toString(), QStringLiteral("damaged"));
        note->setFocus();
        QTest::keyClicks(note, QStringLiteral("Box crushed in delivery"));
        shoot(dialog, QStringLiteral("05-adjust"));
        QTest::mouseClick(record, Qt::LeftButton);
        recorded = !dialog->isVisible();
    });
    QTest::keyClick(m_screen->table(), Qt::Key_J, Qt::ControlModifier);
    QVERIFY(refused);
    QVERIFY(recorded);
    QCOMPARE(scalarInt(QStringLiteral("SELECT COUNT(*) FROM stock_movements")),
             movementsBefore + 1);
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT quantity, reason_code, note, user_name FROM "
                                  "stock_movements ORDER BY id DESC LIMIT 1")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), -2);
    QCOMPARE(q.value(1).toString(), QStringLiteral("damaged"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("Box crushed in delivery"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("tester"));
    // The list shows the new figure on the same row.
    QCOMPARE(m_screen->currentRow()->productId, before.productId);
    QCOMPARE(m_screen->currentRow()->onHand, before.onHand - 2);
    auto *status = m_screen->findChild<QLabel *>(QStringLiteral("stockStatus"));
    QVERIFY2(status->text().contains(before.sku), qPrintable(status->text()));
}

void TestStockScreen::ledgerShowsEveryMovement()
{
    selectRow(3);
    const models::StockLevelRow r = *m_screen->currentRow();
    const int movements =
        scalarInt(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE product_id = ? AND "
                                 "location_id = ?"),
                  {r.productId, r.locationId});
    bool seen = false;
    onNextDialog([&](QDialog *dialog) {
        auto *view = dialog->findChild<QTableView *>(QStringLiteral("ledgerTable"));
        QVERIFY(view);
        const auto text = [view](int row, int column) {
            return view->model()->index(row, column).data().toString();
        };
        QCOMPARE(view->model()->rowCount(), movements);
        // The running balance ends at what is on hand; every row says why and who.
        QCOMPARE(text(view->model()->rowCount() - 1, 7).toInt(), r.onHand);
        for (int i = 0; i < view->model()->rowCount(); ++i) {
            QVERIFY(!text(i, 3).isEmpty());
            QVERIFY(!text(i, 6).isEmpty());
        }
        QVERIFY(!text(0, 4).isEmpty()); // the opening count
        shoot(dialog, QStringLiteral("06-ledger"));
        // Every location: more rows, one balance per location and one across all.
        auto *location = dialog->findChild<QComboBox *>(QStringLiteral("ledgerLocation"));
        location->setCurrentIndex(0);
        QVERIFY(view->model()->rowCount() >= movements);
        seen = true;
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    QTest::keyClick(m_screen->table(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(seen);
}

void TestStockScreen::productEditorNamesTheField()
{
    selectRow(1);
    const qint64 productId = m_screen->currentRow()->productId;
    bool seen = false;
    onNextDialog([&](QDialog *d) {
        auto *dialog = qobject_cast<ui::ProductEditorDialog *>(d);
        QVERIFY(dialog);
        auto *barcodes = dialog->findChild<QPlainTextEdit *>(QStringLiteral("productBarcodes"));
        auto *max = dialog->findChild<QSpinBox *>(QStringLiteral("productMax"));
        auto *min = dialog->findChild<QSpinBox *>(QStringLiteral("productMin"));
        QVERIFY(!barcodes->toPlainText().isEmpty());
        shoot(dialog, QStringLiteral("07-product"));
        // A mistyped check digit and a max below the min: both named, nothing saved.
        barcodes->moveCursor(QTextCursor::End);
        barcodes->setFocus();
        QTest::keyClick(barcodes, Qt::Key_Return);
        QTest::keyClicks(barcodes, QStringLiteral("5012345678901"));
        min->setValue(10);
        max->setValue(5);
        QVERIFY(!dialog->save());
        QVERIFY2(
            dialog->fieldError(QStringLiteral("barcodes")).contains(QStringLiteral("check digit")),
            qPrintable(dialog->fieldError(QStringLiteral("barcodes"))));
        QVERIFY(!dialog->fieldError(QStringLiteral("max")).isEmpty());
        QVERIFY(dialog->fieldError(QStringLiteral("sku")).isEmpty());
        shoot(dialog, QStringLiteral("08-product-errors"));
        seen = true;
    });
    QTest::keyClick(m_screen->table(), Qt::Key_E, Qt::ControlModifier);
    QVERIFY(seen);
    QCOMPARE(scalarInt(QStringLiteral("SELECT COUNT(*) FROM product_barcodes WHERE barcode = "
                                      "'5012345678901'")),
             0);
    // Enter opens it too; saving a good change writes it.
    selectRow(1);
    onNextDialog([&](QDialog *d) {
        auto *safety = d->findChild<QSpinBox *>(QStringLiteral("productSafetyStock"));
        safety->setValue(17);
        auto *save = d->findChild<QPushButton *>(QStringLiteral("productSave"));
        QTest::mouseClick(save, Qt::LeftButton);
    });
    QTest::keyClick(m_screen->table(), Qt::Key_Return);
    QCOMPARE(
        scalarInt(QStringLiteral("SELECT safety_stock FROM products WHERE id = ?"), {productId}),
        17);
}

void TestStockScreen::transferAndCountDialogs()
{
    // A transfer of two units of the first row's product to another location.
    selectRow(0);
    const models::StockLevelRow r = *m_screen->currentRow();
    const int total = scalarInt(QStringLiteral("SELECT SUM(on_hand) FROM stock_levels WHERE "
                                               "product_id = ?"),
                                {r.productId});
    bool shipped = false;
    onNextDialog([&](QDialog *d) {
        auto *dialog = qobject_cast<ui::TransferDialog *>(d);
        auto *code = d->findChild<QLineEdit *>(QStringLiteral("transferCode"));
        QTest::keyClicks(code, r.sku);
        QTest::keyClick(code, Qt::Key_Return);
        QTest::keyClicks(code, r.sku); // scanned twice: one line of 2
        QTest::keyClick(code, Qt::Key_Return);
        auto *lines = d->findChild<QTableWidget *>(QStringLiteral("transferLines"));
        QCOMPARE(lines->rowCount(), 1);
        QCOMPARE(lines->item(0, 2)->text(), QStringLiteral("2"));
        shoot(d, QStringLiteral("09-transfer"));
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("transferShip")),
                          Qt::LeftButton);
        QVERIFY2(dialog->error().isEmpty(), qPrintable(dialog->error()));
        shipped = dialog->changed();
        dialog->tabs()->setCurrentIndex(1);
        auto *arrived = d->findChild<QTableWidget *>(QStringLiteral("transferReceiptLines"));
        QCOMPARE(arrived->rowCount(), 1);
        shoot(d, QStringLiteral("10-transfer-receive"));
    });
    QTest::keyClick(m_screen->table(), Qt::Key_T, Qt::ControlModifier);
    QVERIFY(shipped);
    QCOMPARE(scalarInt(QStringLiteral("SELECT SUM(on_hand) FROM stock_levels WHERE product_id = ?"),
                       {r.productId}),
             total - 2); // two on the road
    QCOMPARE(
        scalarInt(QStringLiteral("SELECT COUNT(*) FROM transfers WHERE status = 'in_transit'")), 1);

    // A count of a bin: start, scan, print, post.
    selectRow(0);
    bool posted = false;
    QString pdf;
    onNextDialog([&](QDialog *d) {
        auto *dialog = qobject_cast<ui::CycleCountDialog *>(d);
        auto *bin = d->findChild<QComboBox *>(QStringLiteral("countBin"));
        QVERIFY(bin->count() > 1);
        bin->setCurrentIndex(1);
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("startCount")),
                          Qt::LeftButton);
        QVERIFY2(dialog->error().isEmpty(), qPrintable(dialog->error()));
        QVERIFY(dialog->current().id != 0);
        QVERIFY(!dialog->current().lines.isEmpty());
        const models::CountLine line = dialog->current().lines.first();
        auto *scan = d->findChild<QLineEdit *>(QStringLiteral("countScan"));
        const QString code = line.barcode.isEmpty() ? line.sku : line.barcode;
        QTest::keyClicks(scan, code);
        QTest::keyClick(scan, Qt::Key_Return);
        QCOMPARE(dialog->current().lines.first().counted, std::optional<int>(1));
        QTest::keyClicks(scan, code);
        QTest::keyClick(scan, Qt::Key_Return);
        QCOMPARE(dialog->current().lines.first().counted, std::optional<int>(2));
        pdf = m_dir.filePath(QStringLiteral("count.pdf"));
        QVERIFY2(dialog->savePdf(pdf), qPrintable(dialog->error()));
        shoot(d, QStringLiteral("11-count"));
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("countPost")), Qt::LeftButton);
        QVERIFY2(dialog->error().isEmpty(), qPrintable(dialog->error()));
        posted = dialog->changed();
    });
    QTest::keyClick(m_screen->table(), Qt::Key_K, Qt::ControlModifier);
    QVERIFY(posted);
    QVERIFY(QFileInfo(pdf).size() > 1000);
    QFile::copy(pdf, kShots + QStringLiteral("/12-count-sheet.pdf"));
    QCOMPARE(scalarInt(QStringLiteral("SELECT COUNT(*) FROM stock_counts WHERE status = 'posted'")),
             1);
}

void TestStockScreen::reconciliationRunsOffTheGuiThread()
{
    selectRow(0);
    bool done = false;
    onNextDialog([&](QDialog *d) {
        auto *dialog = qobject_cast<ui::ReconciliationDialog *>(d);
        dialog->setRange(QDate(2026, 5, 1), QDateTime::currentDateTimeUtc().date());
        QSignalSpy finished(dialog, &ui::ReconciliationDialog::finished);
        dialog->run();
        QVERIFY(dialog->isRunning());
        QVERIFY(finished.wait(30000));
        QVERIFY2(dialog->summary().contains(QStringLiteral("pairs checked")),
                 qPrintable(dialog->summary()));
        // The count just posted gives the accuracy figure; nothing disagrees with the ledger.
        QVERIFY2(dialog->summary().contains(QStringLiteral("Inventory accuracy")),
                 qPrintable(dialog->summary()));
        QVERIFY(dialog->model()->rowCount() > 0);
        QCOMPARE(dialog->model()->report().rows.first().onHandDiffers(), false);
        shoot(d, QStringLiteral("13-reconciliation"));
        done = true;
    });
    QTest::keyClick(m_screen->table(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(done);
}

QTEST_MAIN(TestStockScreen)
#include "tst_stockscreen.moc"
