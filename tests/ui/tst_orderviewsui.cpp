// Saved views on the Orders screen, driven as a user would: filters set, a view
// saved under a name, the filters cleared, the view chosen again.

#include "app/demoshop.h"
#include "models/orderqueuemodel.h"
#include "storage/database.h"
#include "storage/sqlorderactions.h"
#include "storage/sqlorderdetailsource.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlrun.h"
#include "ui/lazytableview.h"
#include "ui/orderfilterbar.h"
#include "ui/ordersscreen.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using models::OrderQueueModel;

namespace {

qint64 scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    const models::Result<QVariant> v = storage::queryScalar(db, sql, binds);
    return v.ok() ? v.value().toLongLong() : -1;
}

} // namespace

class TestOrderViewsUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void saveClearChooseDelete();
    void builtInReadyToPick();

private:
    OrderQueueModel *model() const { return m_screen->model(); }
    QList<qint64> shownIds() const
    {
        QList<qint64> ids;
        for (int r = 0; r < std::min(model()->rowCount(), 50); ++r)
            ids << model()->orderIdAt(r);
        return ids;
    }
    void chooseView(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlOrderQueueSource> m_orders;
    std::unique_ptr<storage::SqlOrderDetailSource> m_details;
    std::unique_ptr<storage::SqlOrderActions> m_actions;
    std::unique_ptr<ui::OrdersScreen> m_screen;
};

void TestOrderViewsUi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 1500;
    options.seed = 11;
    options.today = QDate::currentDate();
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    m_orders = std::make_unique<storage::SqlOrderQueueSource>(m_db->connection());
    m_details = std::make_unique<storage::SqlOrderDetailSource>(m_db->connection());
    m_actions =
        std::make_unique<storage::SqlOrderActions>(m_db->connection(), QStringLiteral("tester"));
    m_screen = std::make_unique<ui::OrdersScreen>(m_orders.get(), m_details.get(), m_actions.get());
    m_screen->resize(1366, 740);
    m_screen->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_screen.get()));
}

void TestOrderViewsUi::cleanupTestCase()
{
    m_screen.reset();
    m_actions.reset();
    m_details.reset();
    m_orders.reset();
    m_db.reset();
}

void TestOrderViewsUi::chooseView(const QString &name)
{
    QComboBox *views = m_screen->filterBar()->viewBox();
    views->setFocus();
    // Typed into the list, as one picks from a closed combo box with the keyboard.
    // A pause first, as between two people's typing: the list's type-ahead starts afresh.
    QTest::qWait(QApplication::keyboardInputInterval() + 50);
    QTest::keyClicks(views, name);
    QCOMPARE(views->currentText(), name);
}

void TestOrderViewsUi::saveClearChooseDelete()
{
    ui::OrderFilterBar *bar = m_screen->filterBar();
    const QSqlDatabase db = m_db->connection();
    const int all = model()->rowCount();
    QVERIFY(all > 0);

    // Amazon, open and not late by the clock: an ordinary working filter; plus a
    // search for part of the order number and the queue sorted by ship-by date.
    auto *channel = bar->findChild<QComboBox *>(QStringLiteral("channelFilter"));
    channel->setFocus();
    QTest::keyClicks(channel, QStringLiteral("Amazon"));
    QCOMPARE(channel->currentText(), QStringLiteral("Amazon"));
    auto *statuses = bar->findChild<QPushButton *>(QStringLiteral("statusFilter"));
    QVERIFY(statuses);
    for (QAction *a : statuses->menu()->actions())
        if (a->text() == QStringLiteral("New") || a->text() == QStringLiteral("Backordered"))
            a->trigger(); // what a click on the menu entry does
    QTest::mouseClick(m_screen->table()->horizontalHeader()->viewport(), Qt::LeftButton, {},
                      QPoint(m_screen->table()->horizontalHeader()->sectionViewportPosition(
                                 OrderQueueModel::ShipByColumn) +
                                 5,
                             5));
    QCOMPARE(model()->query().sortKey, models::OrderSortKey::ShipBy);
    const int filtered = model()->rowCount();
    const qint64 expected = scalar(
        db, QStringLiteral("SELECT COUNT(*) FROM orders o JOIN channels c ON c.id = o.channel_id "
                           "WHERE c.name = 'Amazon' AND o.status IN ('new', 'backordered')"));
    QCOMPARE(filtered, int(expected));
    QVERIFY(filtered > 0 && filtered < all);
    const QList<qint64> before = shownIds();
    const models::OrderQueueQuery savedQuery = model()->query();

    // Save view…: the name typed into the dialog, Enter.
    QTimer::singleShot(0, this, [] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        auto *edit = dialog->findChild<QLineEdit *>();
        QVERIFY(edit);
        QTest::keyClicks(edit, QStringLiteral("Amazon to do"));
        QTest::keyClick(edit, Qt::Key_Return);
    });
    QTest::mouseClick(bar->findChild<QToolButton *>(QStringLiteral("saveView")), Qt::LeftButton);
    QCOMPARE(m_screen->actionMessage(), QStringLiteral("Saved view \"Amazon to do\""));
    QCOMPARE(bar->currentViewName(), QStringLiteral("Amazon to do"));
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM order_views WHERE name = ?"),
                    {QStringLiteral("Amazon to do")}),
             qint64(1));

    // Clear: every order again, newest placed first.
    QTest::mouseClick(bar->findChild<QToolButton *>(QStringLiteral("clearFilters")),
                      Qt::LeftButton);
    QTest::mouseClick(m_screen->table()->horizontalHeader()->viewport(), Qt::LeftButton, {},
                      QPoint(m_screen->table()->horizontalHeader()->sectionViewportPosition(
                                 OrderQueueModel::PlacedColumn) +
                                 5,
                             5));
    QCOMPARE(model()->rowCount(), all);
    QVERIFY(bar->currentViewName().isEmpty());
    QVERIFY(shownIds() != before);

    // Chosen again: the same rows in the same order, and the bar shows the filters.
    chooseView(QStringLiteral("Amazon to do"));
    QCOMPARE(model()->rowCount(), filtered);
    QCOMPARE(shownIds(), before);
    QCOMPARE(model()->query().filter, savedQuery.filter);
    QCOMPARE(model()->query().sortKey, savedQuery.sortKey);
    QCOMPARE(model()->query().ascending, savedQuery.ascending);
    QCOMPARE(channel->currentText(), QStringLiteral("Amazon"));
    QCOMPARE(m_screen->table()->horizontalHeader()->sortIndicatorSection(),
             int(OrderQueueModel::ShipByColumn));
    QDir().mkpath(QStringLiteral("/tmp/ordershots"));
    m_screen->grab().save(QStringLiteral("/tmp/ordershots/10-saved-view.png"));

    // Changing a filter by hand leaves the view.
    auto *late = bar->findChild<QCheckBox *>(QStringLiteral("lateFilter"));
    QTest::mouseClick(late, Qt::LeftButton);
    QVERIFY(bar->currentViewName().isEmpty());
    QTest::mouseClick(late, Qt::LeftButton);

    // Deleted: gone from the list and the database; built-ins cannot be deleted.
    chooseView(QStringLiteral("Amazon to do"));
    auto *remove = bar->findChild<QToolButton *>(QStringLiteral("deleteView"));
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(bar->viewBox()->findText(QStringLiteral("Amazon to do")), -1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM order_views")), qint64(0));
    chooseView(QStringLiteral("On hold"));
    QVERIFY(!remove->isEnabled());
}

void TestOrderViewsUi::builtInReadyToPick()
{
    chooseView(QStringLiteral("Ready to pick"));
    const qint64 ready = scalar(
        m_db->connection(), QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = 'ready'"));
    QVERIFY(ready > 0);
    QCOMPARE(model()->rowCount(), int(ready));
    QCOMPARE(model()->query().sortKey, models::OrderSortKey::ShipBy);
    QVERIFY(model()->query().ascending);
    // A built-in name is refused for a saved view.
    QTimer::singleShot(0, this, [] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        auto *edit = dialog->findChild<QLineEdit *>();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("late"));
        QTest::keyClick(edit, Qt::Key_Return);
    });
    QTest::mouseClick(m_screen->filterBar()->findChild<QToolButton *>(QStringLiteral("saveView")),
                      Qt::LeftButton);
    QVERIFY2(m_screen->actionMessage().contains(QStringLiteral("built-in")),
             qPrintable(m_screen->actionMessage()));
}

QTEST_MAIN(TestOrderViewsUi)
#include "tst_orderviewsui.moc"
