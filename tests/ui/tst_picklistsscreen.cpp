// The Pick lists screen as a user meets it over a real demo shop: a wave of ready
// orders made into a batch list, a line marked short through its dialog (the
// stock check still passes), the list saved as PDF, marked picked or cancelled,
// and the Orders screen's Create pick list (Ctrl+K) on selected ready orders.

#include "app/demoshop.h"
#include "models/orderqueuemodel.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlallocator.h"
#include "storage/sqlorderactions.h"
#include "storage/sqlorderdetailsource.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlpicklistsource.h"
#include "storage/sqlrun.h"
#include "storage/sqlstocklevelsource.h"
#include "ui/lazytableview.h"
#include "ui/mainwindow.h"
#include "ui/ordersscreen.h"
#include "ui/picklistsscreen.h"
#include "ui/screenheader.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

namespace {

const QString kShots = QStringLiteral("/tmp/pickshots");

bool showAndActivate(QWidget &widget)
{
    widget.show();
    widget.activateWindow();
    return QTest::qWaitForWindowActive(&widget);
}

void shoot(QWidget *widget, const QString &name)
{
    QDir().mkpath(kShots);
    widget->grab().save(kShots + QLatin1Char('/') + name + QStringLiteral(".png"));
}

QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    const models::Result<QVariant> v = storage::queryScalar(db, sql, binds);
    return v.ok() ? v.value() : QVariant();
}

} // namespace

class TestPickListsScreen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void noDatabase();
    void batchFromWave();
    void shortPickThroughTheDialog();
    void savePdfAndMarkPicked();
    void createFromOrdersScreen();
    void cancelPutsOrdersBack();

private:
    ui::PickListsScreen *screen() const { return m_window->pickListsScreen(); }
    template <typename T> T *child(const char *name) const
    {
        T *w = screen()->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no %s", name);
        return w;
    }
    void showPickScreen();
    void verifyConsistent();

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlOrderQueueSource> m_orders;
    std::unique_ptr<storage::SqlStockLevelSource> m_stock;
    std::unique_ptr<storage::SqlOrderDetailSource> m_details;
    std::unique_ptr<storage::SqlOrderActions> m_actions;
    std::unique_ptr<storage::SqlPickListSource> m_pickLists;
    std::unique_ptr<ui::MainWindow> m_window;
    QSqlDatabase m_check;
};

void TestPickListsScreen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 5000;
    options.seed = 7;
    options.today = QDate(2026, 11, 25);
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));

    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    // New orders become ready the way the owner makes them so: an allocation run.
    const auto allocated = storage::allocateNewOrders(m_db->connection());
    QVERIFY2(allocated.ok(), qPrintable(allocated.error()));
    m_orders = std::make_unique<storage::SqlOrderQueueSource>(m_db->connection());
    m_stock = std::make_unique<storage::SqlStockLevelSource>(m_db->connection());
    m_details = std::make_unique<storage::SqlOrderDetailSource>(m_db->connection());
    m_actions =
        std::make_unique<storage::SqlOrderActions>(m_db->connection(), QStringLiteral("tester"));
    m_pickLists =
        std::make_unique<storage::SqlPickListSource>(m_db->connection(), QStringLiteral("mia"));
    ui::ScreenSources sources;
    sources.orders = m_orders.get();
    sources.stock = m_stock.get();
    sources.databasePath = path;
    sources.orderDetails = m_details.get();
    sources.orderActions = m_actions.get();
    sources.pickLists = m_pickLists.get();
    m_window = std::make_unique<ui::MainWindow>(sources);
    m_window->resize(1366, 768);
    QVERIFY(showAndActivate(*m_window));
    QVERIFY(screen());

    m_check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
    m_check.setDatabaseName(path);
    QVERIFY(m_check.open());
    QVERIFY2(scalar(m_check, QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = 'ready' "
                                            "AND location_id = 1"))
                     .toInt() >= 15,
             "the demo shop has ready orders at its main warehouse");
}

void TestPickListsScreen::cleanupTestCase()
{
    m_window.reset();
    m_pickLists.reset();
    m_actions.reset();
    m_details.reset();
    m_stock.reset();
    m_orders.reset();
    m_check = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    m_db.reset();
}

void TestPickListsScreen::showPickScreen()
{
    QVERIFY(showAndActivate(*m_window)); // a closed dialog may have left no window active
    for (int i = 0; i < m_window->screenCount(); ++i)
        if (m_window->screenSlug(i) == QLatin1String("pick"))
            QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
    QCOMPARE(m_window->screenSlug(m_window->currentScreen()), QStringLiteral("pick"));
}

void TestPickListsScreen::verifyConsistent()
{
    const auto report = storage::checkConsistency(m_check);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->clean(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestPickListsScreen::noDatabase()
{
    ui::PickListsScreen empty(nullptr);
    empty.resize(900, 500);
    // Fits beside the sidebar on a 1024-pixel-wide window.
    QVERIFY2(empty.minimumSizeHint().width() <= 800,
             qPrintable(QString::number(empty.minimumSizeHint().width())));
    QVERIFY(empty.findChild<ui::ScreenHeader *>()->error().contains(
        QStringLiteral("no database is open")));
    QVERIFY(!empty.findChild<QPushButton *>(QStringLiteral("pickCreateBatch"))->isEnabled());
    QVERIFY(!empty.findChild<QPushButton *>(QStringLiteral("pickPrint"))->isEnabled());
    QVERIFY(empty.createFromOrders({1, 2}).contains(QStringLiteral("no database is open")));
    shoot(&empty, QStringLiteral("00-no-database"));
}

void TestPickListsScreen::batchFromWave()
{
    showPickScreen();
    auto *location = child<QComboBox>("pickLocation");
    QVERIFY(location->currentText().startsWith(QStringLiteral("Leeds warehouse")));
    const int readyBefore = scalar(m_check, QStringLiteral("SELECT COUNT(*) FROM orders WHERE "
                                                           "status = 'ready' AND location_id = 1"))
                                .toInt();
    QVERIFY(child<QLabel>("pickWaveSummary")->text().contains(QString::number(readyBefore)));

    // At most 8 orders, typed into the spin box.
    auto *limit = child<QSpinBox>("pickLimit");
    limit->setFocus();
    QTest::keyClick(limit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(limit, QStringLiteral("8"));
    QTest::keyClick(limit, Qt::Key_Tab);
    QCOMPARE(limit->value(), 8);
    QCOMPARE(screen()->waveOrderIds().size(), 8);
    QVERIFY(
        child<QLabel>("pickWaveSummary")->text().endsWith(QStringLiteral("this wave: 8 orders")));

    QTest::mouseClick(child<QPushButton>("pickCreateBatch"), Qt::LeftButton);
    QVERIFY2(screen()->actionMessage().startsWith(QStringLiteral("Created PL-000001: 8 orders")),
             qPrintable(screen()->actionMessage()));
    QCOMPARE(child<QTreeWidget>("pickOpenLists")->topLevelItemCount(), 1);
    QCOMPARE(child<QTreeWidget>("pickListOrders")->topLevelItemCount(), 8);
    QCOMPARE(child<QTreeWidget>("pickListOrders")->topLevelItem(2)->text(1),
             QStringLiteral("PL-000001-03"));
    QVERIFY(child<QTreeWidget>("pickListLines")->topLevelItemCount() >= 8);
    QCOMPARE(scalar(m_check, QStringLiteral("SELECT COUNT(*) FROM orders o JOIN pick_list_orders "
                                            "po ON po.order_id = o.id WHERE po.pick_list_id = 1 "
                                            "AND o.status = 'picking'"))
                 .toInt(),
             8);
    QVERIFY(child<QLabel>("pickWaveSummary")->text().contains(QString::number(readyBefore - 8)));
    shoot(m_window.get(), QStringLiteral("01-batch-created"));
    verifyConsistent();
}

void TestPickListsScreen::shortPickThroughTheDialog()
{
    auto *lines = child<QTreeWidget>("pickListLines");
    const auto before = screen()->currentList();
    QVERIFY(before);
    // The first line in walking order: one unit is not in its bin.
    lines->setFocus();
    QTest::keyClick(lines, Qt::Key_Home);
    const models::PickLine line = before->lines.first();
    const int onHand = scalar(m_check,
                              QStringLiteral("SELECT on_hand FROM stock_levels WHERE product_id = "
                                             "? AND location_id = 1"),
                              {line.productId})
                           .toInt();
    QString asked;
    QTimer::singleShot(0, this, [&asked] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        asked = dialog->labelText();
        shoot(dialog, QStringLiteral("02-short-dialog"));
        QTest::keyClick(dialog, Qt::Key_Return); // one unit, the default
    });
    QTest::mouseClick(child<QPushButton>("pickMarkShort"), Qt::LeftButton);
    QVERIFY2(asked.contains(line.sku), qPrintable(asked));
    QVERIFY2(screen()->actionMessage().contains(QStringLiteral("put on hold")),
             qPrintable(screen()->actionMessage()));
    QCOMPARE(scalar(m_check,
                    QStringLiteral("SELECT on_hand FROM stock_levels WHERE product_id = ? AND "
                                   "location_id = 1"),
                    {line.productId})
                 .toInt(),
             onHand - 1);
    const auto after = screen()->currentList();
    QVERIFY(after);
    QCOMPARE(after->summary.orders, before->summary.orders - 1);
    QCOMPARE(after->lines.first().shortQuantity, 1);
    const qint64 held = after->lines.first().allocations.last().orderId;
    QVERIFY(scalar(m_check, QStringLiteral("SELECT hold_reason FROM orders WHERE id = ?"), {held})
                .toString()
                .startsWith(QStringLiteral("Short pick on PL-000001: SKU ") + line.sku));
    shoot(m_window.get(), QStringLiteral("03-after-short-pick"));
    verifyConsistent();
}

void TestPickListsScreen::savePdfAndMarkPicked()
{
    const QString pdf = m_dir.filePath(QStringLiteral("PL-000001.pdf"));
    QVERIFY(screen()->savePdf(pdf));
    QVERIFY(screen()->actionMessage().startsWith(QStringLiteral("Saved PL-000001")));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QFile::remove(kShots + QStringLiteral("/PL-000001.pdf"));
    QDir().mkpath(kShots);
    QVERIFY(QFile::copy(pdf, kShots + QStringLiteral("/PL-000001.pdf")));

    QTest::mouseClick(child<QPushButton>("pickMarkPicked"), Qt::LeftButton);
    QVERIFY2(screen()->actionMessage().startsWith(QStringLiteral("PL-000001 picked")),
             qPrintable(screen()->actionMessage()));
    QCOMPARE(scalar(m_check, QStringLiteral("SELECT status FROM pick_lists WHERE id = 1")),
             QVariant(QStringLiteral("picked")));
    QCOMPARE(child<QTreeWidget>("pickOpenLists")->topLevelItemCount(), 0);
    QVERIFY(!child<QPushButton>("pickMarkPicked")->isEnabled());
}

void TestPickListsScreen::createFromOrdersScreen()
{
    // Orders screen: select three ready orders of the main warehouse, Ctrl+K.
    QVERIFY(showAndActivate(*m_window));
    m_window->showScreen(0);
    ui::OrdersScreen *orders = m_window->ordersScreen();
    models::OrderQueueModel *model = orders->model();
    ui::LazyTableView *table = orders->table();
    table->setFocus();
    QList<qint64> chosen;
    for (int row = 0; row < model->rowCount() && chosen.size() < 3; ++row) {
        const qint64 id = model->orderIdAt(row);
        if (scalar(m_check,
                   QStringLiteral("SELECT COUNT(*) FROM orders WHERE id = ? AND status = 'ready' "
                                  "AND location_id = 1"),
                   {id})
                .toInt() != 1)
            continue;
        table->selectionModel()->select(model->index(row, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        chosen.append(id);
    }
    QCOMPARE(chosen.size(), 3);
    QTest::keyClick(table, Qt::Key_K, Qt::ControlModifier);

    QCOMPARE(m_window->screenSlug(m_window->currentScreen()), QStringLiteral("pick"));
    QVERIFY2(screen()->actionMessage().startsWith(QStringLiteral("Created PL-000002: 3 orders")),
             qPrintable(screen()->actionMessage()));
    const auto list = screen()->currentList();
    QVERIFY(list);
    QCOMPARE(list->summary.code, QStringLiteral("PL-000002"));
    QList<qint64> onList;
    for (const models::PickListOrder &o : list->orders)
        onList.append(o.orderId);
    std::sort(onList.begin(), onList.end());
    std::sort(chosen.begin(), chosen.end());
    QCOMPARE(onList, chosen);
    QCOMPARE(child<QComboBox>("pickWave")->currentText(),
             QStringLiteral("Selected on the Orders screen"));
    shoot(m_window.get(), QStringLiteral("04-from-orders-screen"));

    // The same orders again: they are being picked, so nothing is made.
    m_window->showScreen(0);
    QTest::keyClick(table, Qt::Key_K, Qt::ControlModifier);
    QVERIFY2(screen()->actionMessage().contains(QStringLiteral("not ready")),
             qPrintable(screen()->actionMessage()));
    QCOMPARE(scalar(m_check, QStringLiteral("SELECT COUNT(*) FROM pick_lists")).toInt(), 2);
}

void TestPickListsScreen::cancelPutsOrdersBack()
{
    showPickScreen();
    const auto list = screen()->currentList();
    QVERIFY(list);
    QTest::mouseClick(child<QPushButton>("pickCancelList"), Qt::LeftButton);
    QVERIFY2(
        screen()->actionMessage().startsWith(list->summary.code + QStringLiteral(" cancelled")),
        qPrintable(screen()->actionMessage()));
    for (const models::PickListOrder &o : list->orders)
        QCOMPARE(
            scalar(m_check, QStringLiteral("SELECT status FROM orders WHERE id = ?"), {o.orderId}),
            QVariant(QStringLiteral("ready")));
    QCOMPARE(child<QTreeWidget>("pickOpenLists")->topLevelItemCount(), 0);
    verifyConsistent();
    shoot(m_window.get(), QStringLiteral("05-after-cancel"));
}

QTEST_MAIN(TestPickListsScreen)
#include "tst_picklistsscreen.moc"
