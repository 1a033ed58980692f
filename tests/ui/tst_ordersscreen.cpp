// The Orders screen as the owner uses it, headless, over a real demo shop wired as
// the app wires it: filters and search typed on the keyboard, orders selected with
// Shift+Down, held with a reason through the dialog, the database and the detail
// panel checked after. Pictures go to /tmp/ordershots for a person to look at.
#include "app/demoshop.h"
#include "models/orderqueuemodel.h"
#include "storage/database.h"
#include "storage/sqlorderactions.h"
#include "storage/sqlorderdetailsource.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlrun.h"
#include "storage/sqlstocklevelsource.h"
#include "ui/lazytableview.h"
#include "ui/mainwindow.h"
#include "ui/orderdetailpanel.h"
#include "ui/orderfilterbar.h"
#include "ui/ordersscreen.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using models::OrderQueueModel;

namespace {

const QString kShots = QStringLiteral("/tmp/ordershots");

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

qint64 scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    const models::Result<QVariant> v = storage::queryScalar(db, sql, binds);
    return v.ok() ? v.value().toLongLong() : -1;
}

} // namespace

class TestOrdersScreen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fitsASmallLaptopScreen();
    void filterSearchSelectAndHold();
    void cancelAsksFirst();

private:
    ui::OrdersScreen *screen() const { return m_window->ordersScreen(); }
    ui::LazyTableView *table() const { return screen()->table(); }
    OrderQueueModel *model() const { return screen()->model(); }
    QSqlDatabase db() const { return m_check; }
    // Types into the modal dialog the next action opens, then presses Enter (or Escape).
    void answerNextDialog(const QString &reason, bool accept = true);

    QTemporaryDir m_dir;
    // Wired as app::Workspace wires them: the database outlives the sources, which
    // outlive the window.
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlOrderQueueSource> m_orders;
    std::unique_ptr<storage::SqlStockLevelSource> m_stock;
    std::unique_ptr<storage::SqlOrderDetailSource> m_details;
    std::unique_ptr<storage::SqlOrderActions> m_actions;
    std::unique_ptr<ui::MainWindow> m_window;
    QSqlDatabase m_check;
    QString m_dialogText; // what the dialog said, as it was answered
};

void TestOrdersScreen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 2000;
    options.seed = 7;
    options.today = QDate(2026, 11, 25);
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));

    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    m_orders = std::make_unique<storage::SqlOrderQueueSource>(m_db->connection());
    m_stock = std::make_unique<storage::SqlStockLevelSource>(m_db->connection());
    m_details = std::make_unique<storage::SqlOrderDetailSource>(m_db->connection());
    m_actions =
        std::make_unique<storage::SqlOrderActions>(m_db->connection(), QStringLiteral("tester"));
    ui::ScreenSources sources;
    sources.orders = m_orders.get();
    sources.stock = m_stock.get();
    sources.databasePath = path;
    sources.orderDetails = m_details.get();
    sources.orderActions = m_actions.get();
    m_window = std::make_unique<ui::MainWindow>(sources);
    m_window->resize(1366, 768);
    QVERIFY(showAndActivate(*m_window));

    m_check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
    m_check.setDatabaseName(path);
    QVERIFY(m_check.open());
}

void TestOrdersScreen::cleanupTestCase()
{
    m_window.reset();
    m_actions.reset();
    m_details.reset();
    m_stock.reset();
    m_orders.reset();
    m_db.reset();
    m_check.close();
    m_check = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
}

void TestOrdersScreen::answerNextDialog(const QString &reason, bool accept)
{
    QTimer::singleShot(0, this, [this, reason, accept] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        m_dialogText.clear();
        for (const QLabel *l : dialog->findChildren<QLabel *>())
            m_dialogText += l->text() + QLatin1Char('\n');
        shoot(dialog, QStringLiteral("03-reason-dialog"));
        auto *edit = dialog->findChild<QComboBox *>(QStringLiteral("reasonEdit"));
        QVERIFY(edit);
        QTest::keyClicks(edit, reason);
        QTest::keyClick(edit, accept ? Qt::Key_Return : Qt::Key_Escape);
    });
}

void TestOrdersScreen::fitsASmallLaptopScreen()
{
    // Nothing may need more than a 1366×768 screen gives the window.
    QVERIFY2(m_window->minimumSizeHint().width() <= 1366,
             qPrintable(QString::number(m_window->minimumSizeHint().width())));
    QVERIFY(m_window->minimumSizeHint().height() <= 768);
    ui::OrderFilterBar *bar = screen()->filterBar();
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->width() >= bar->minimumSizeHint().width(),
             qPrintable(
                 QStringLiteral("%1 < %2").arg(bar->width()).arg(bar->minimumSizeHint().width())));
    // Every child of the filter bar is inside it, not cut off at its edge.
    for (QWidget *w : bar->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        if (w->isVisible())
            QVERIFY2(bar->rect().contains(w->geometry()), qPrintable(w->objectName()));
    QCOMPARE(screen()->summary(), QStringLiteral("2,000 orders"));
    shoot(m_window.get(), QStringLiteral("01-queue"));
}

void TestOrdersScreen::filterSearchSelectAndHold()
{
    // A filter typed: the channel list takes the first letters of a channel's name.
    auto *channel = screen()->findChild<QComboBox *>(QStringLiteral("channelFilter"));
    QVERIFY(channel);
    channel->setFocus();
    QTest::keyClicks(channel, QStringLiteral("eBay"));
    QCOMPARE(channel->currentText(), QStringLiteral("eBay"));
    const qint64 ebay =
        scalar(db(), QStringLiteral("SELECT COUNT(*) FROM orders o JOIN channels c "
                                    "ON c.id = o.channel_id WHERE c.name = 'eBay'"));
    QVERIFY(ebay > 0);
    QCOMPARE(model()->rowCount(), int(ebay));

    // A search typed: a surname of one of those buyers, in lower case.
    const models::Result<QVariant> name = storage::queryScalar(
        db(), QStringLiteral("SELECT o.buyer_name FROM orders o JOIN channels c ON c.id = "
                             "o.channel_id WHERE c.name = 'eBay' ORDER BY o.id LIMIT 1"));
    QVERIFY(name.ok());
    const QString surname = name.value().toString().section(QLatin1Char(' '), -1).toLower();
    QVERIFY(surname.size() >= 3);
    QTest::keyClick(screen(), Qt::Key_F, Qt::ControlModifier);
    QLineEdit *search = screen()->filterBar()->searchEdit();
    QVERIFY(search->hasFocus());
    QTest::keyClicks(search, surname);
    const qint64 expected = scalar(
        db(),
        QStringLiteral("SELECT COUNT(*) FROM orders o JOIN channels c ON c.id = o.channel_id "
                       "WHERE c.name = 'eBay' AND (o.buyer_name LIKE ? OR o.ship_name LIKE ? "
                       "OR o.buyer_email LIKE ? OR o.order_number LIKE ? OR EXISTS (SELECT 1 "
                       "FROM order_lines l WHERE l.order_id = o.id AND l.sku LIKE ?) OR EXISTS "
                       "(SELECT 1 FROM shipments s WHERE s.order_id = o.id AND "
                       "s.tracking_number LIKE ?))"),
        QVariantList(6, QVariant(QLatin1Char('%') + surname + QLatin1Char('%'))));
    QVERIFY(expected >= 1);
    QTRY_COMPARE(model()->rowCount(), int(expected));
    shoot(m_window.get(), QStringLiteral("02-filtered"));

    // Back to everything new, then three orders picked with the keyboard.
    screen()->filterBar()->setFilter({.statuses = {models::OrderStatus::New}});
    const qint64 fresh =
        scalar(db(), QStringLiteral("SELECT COUNT(*) FROM orders WHERE status = 'new'"));
    QVERIFY2(fresh >= 4, qPrintable(QString::number(fresh)));
    QCOMPARE(model()->rowCount(), int(fresh));
    table()->setFocus();
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, {},
                      table()->visualRect(model()->index(0, 1)).center());
    QTest::keyClick(table(), Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(table(), Qt::Key_Down, Qt::ShiftModifier);
    const QList<qint64> chosen = screen()->selectedOrderIds();
    QCOMPARE(chosen.size(), 3);

    // The detail panel follows the current order (the last one reached).
    const QString number = model()->index(2, OrderQueueModel::NumberColumn).data().toString();
    QTRY_COMPARE(screen()->detailPanel()->orderId(), chosen.at(2));
    QVERIFY(screen()->detailPanel()->plainText().contains(number));
    QVERIFY(screen()->detailPanel()->plainText().contains(QStringLiteral("on hand")));

    // Hold them with a reason, all on the keyboard.
    answerNextDialog(QStringLiteral("Address looks wrong"));
    QTest::keyClick(table(), Qt::Key_H, Qt::ControlModifier);
    QVERIFY2(m_dialogText.contains(QStringLiteral("3 orders")), qPrintable(m_dialogText));
    for (qint64 id : chosen) {
        QCOMPARE(scalar(db(),
                        QStringLiteral("SELECT COUNT(*) FROM orders WHERE id = ? AND "
                                       "status = 'on_hold' AND hold_reason = ?"),
                        {id, QStringLiteral("Address looks wrong")}),
                 qint64(1));
        QVERIFY(scalar(db(),
                       QStringLiteral("SELECT COUNT(*) FROM order_events WHERE order_id = ? "
                                      "AND detail LIKE '%Address looks wrong%'"),
                       {id}) >= 1);
    }
    QCOMPARE(screen()->actionMessage(), QStringLiteral("Put 3 orders on hold"));
    // Held orders are no longer new: the queue was read again in place.
    QCOMPARE(model()->rowCount(), int(fresh - 3));
    QCOMPARE(table()->currentIndex().row(), 2);

    // Among the held orders, the detail panel shows the reason.
    screen()->filterBar()->setFilter({.onHoldOnly = true, .search = number});
    QCOMPARE(model()->rowCount(), 1);
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, {},
                      table()->visualRect(model()->index(0, 1)).center());
    QTRY_COMPARE(screen()->detailPanel()->orderId(), chosen.at(2));
    const QString detail = screen()->detailPanel()->plainText();
    QVERIFY2(detail.contains(QStringLiteral("Hold reason")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("Address looks wrong")), qPrintable(detail));
    shoot(m_window.get(), QStringLiteral("04-held-detail"));

    // Release puts it back through allocation. (Offscreen, a closed dialog does not
    // hand activation back to the window, and shortcuts need an active window.)
    QVERIFY(showAndActivate(*m_window));
    QTest::keyClick(table(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY2(screen()->actionMessage().startsWith(QStringLiteral("Released 1 order")),
             qPrintable(screen()->actionMessage()));
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT COUNT(*) FROM orders WHERE id = ? AND status "
                                   "<> 'on_hold'"),
                    {chosen.at(2)}),
             qint64(1));
    QCOMPARE(model()->rowCount(), 0);
}

void TestOrdersScreen::cancelAsksFirst()
{
    screen()->filterBar()->setFilter({.statuses = {models::OrderStatus::New}});
    QVERIFY(model()->rowCount() > 0);
    table()->setFocus();
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, {},
                      table()->visualRect(model()->index(0, 1)).center());
    const qint64 id = screen()->selectedOrderIds().value(0);
    QVERIFY(id > 0);

    QVERIFY(showAndActivate(*m_window));
    // Escape keeps the order as it is.
    answerNextDialog(QStringLiteral("Customer changed mind"), false);
    QTest::keyClick(table(), Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(m_dialogText.contains(QStringLiteral("cannot be undone")), qPrintable(m_dialogText));
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT COUNT(*) FROM orders WHERE id = ? AND "
                                   "status = 'new'"),
                    {id}),
             qint64(1));

    QVERIFY(showAndActivate(*m_window));
    answerNextDialog(QStringLiteral("Customer changed mind"));
    QTest::keyClick(table(), Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT COUNT(*) FROM orders WHERE id = ? AND "
                                   "status = 'cancelled'"),
                    {id}),
             qint64(1));
    QCOMPARE(screen()->actionMessage(), QStringLiteral("Cancelled 1 order"));
    shoot(m_window.get(), QStringLiteral("05-after-cancel"));
}

QTEST_MAIN(TestOrdersScreen)
#include "tst_ordersscreen.moc"
