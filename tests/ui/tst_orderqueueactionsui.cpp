// The Orders screen's Set priority… (Ctrl+Shift+U) and Reroute to… (Ctrl+Shift+R),
// and the combined-shipment line in the detail panel, on a demo shop.

#include "app/demoshop.h"
#include "models/orderqueuemodel.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlorderactions.h"
#include "storage/sqlorderdetailsource.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlrun.h"
#include "ui/lazytableview.h"
#include "ui/orderdetailpanel.h"
#include "ui/orderfilterbar.h"
#include "ui/ordersscreen.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using models::OrderQueueModel;

namespace {

QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    const models::Result<QVariant> v = storage::queryScalar(db, sql, binds);
    return v.ok() ? v.value() : QVariant();
}

} // namespace

class TestOrderQueueActionsUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void setPriorityByKeyboard();
    void rerouteByKeyboard();
    void combinedShipmentLine();

private:
    OrderQueueModel *model() const { return m_screen->model(); }
    QSqlDatabase db() const { return m_db->connection(); }
    // Shows only `orderId` and makes it the selected, current row.
    void selectOnly(qint64 orderId);

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlOrderQueueSource> m_orders;
    std::unique_ptr<storage::SqlOrderDetailSource> m_details;
    std::unique_ptr<storage::SqlOrderActions> m_actions;
    std::unique_ptr<ui::OrdersScreen> m_screen;
};

void TestOrderQueueActionsUi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 1500;
    options.seed = 5;
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
    m_screen->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_screen.get()));
}

void TestOrderQueueActionsUi::cleanupTestCase()
{
    m_screen.reset();
    m_actions.reset();
    m_details.reset();
    m_orders.reset();
    m_db.reset();
}

void TestOrderQueueActionsUi::selectOnly(qint64 orderId)
{
    const QString number =
        scalar(db(), QStringLiteral("SELECT order_number FROM orders WHERE id = ?"), {orderId})
            .toString();
    m_screen->filterBar()->setFilter({.search = number});
    QCOMPARE(model()->rowCount(), 1);
    ui::LazyTableView *table = m_screen->table();
    table->setFocus();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(model()->index(0, 1)).center());
    QCOMPARE(m_screen->selectedOrderIds(), QList<qint64>{orderId});
    m_screen->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_screen.get()));
}

void TestOrderQueueActionsUi::setPriorityByKeyboard()
{
    const qint64 id =
        scalar(db(), QStringLiteral("SELECT id FROM orders WHERE status = 'new' AND priority = 0 "
                                    "ORDER BY id LIMIT 1"))
            .toLongLong();
    QVERIFY(id > 0);
    selectOnly(id);
    QTimer::singleShot(0, this, [] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        auto *edit = dialog->findChild<QComboBox *>(QStringLiteral("reasonEdit"));
        QVERIFY(edit);
        QTest::keyClicks(edit, QStringLiteral("urgent"));
        QTest::keyClick(edit, Qt::Key_Return);
    });
    QTest::keyClick(m_screen->table(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_screen->actionMessage(), QStringLiteral("Set priority Urgent on 1 order"));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT priority FROM orders WHERE id = ?"), {id}).toInt(),
             20);
}

void TestOrderQueueActionsUi::rerouteByKeyboard()
{
    // A ready order whose reserved stock is all free at another active location.
    models::Result<QSqlQuery> found = storage::runQuery(
        db(),
        QStringLiteral(
            "SELECT o.id, o.location_id, l2.id, l1.name, l2.name FROM orders o "
            "JOIN locations l1 ON l1.id = o.location_id "
            "JOIN locations l2 ON l2.id <> o.location_id AND l2.active = 1 "
            "WHERE o.status = 'ready' AND EXISTS (SELECT 1 FROM order_lines ol JOIN "
            "reservations r ON r.order_line_id = ol.id AND r.status = 'active' WHERE "
            "ol.order_id = o.id AND r.location_id = o.location_id) AND NOT EXISTS (SELECT 1 FROM "
            "order_lines ol JOIN reservations r ON r.order_line_id = ol.id AND r.status = "
            "'active' LEFT JOIN stock_levels sl ON sl.product_id = r.product_id AND "
            "sl.location_id = l2.id WHERE ol.order_id = o.id AND COALESCE(sl.on_hand - "
            "sl.reserved, 0) < r.quantity) ORDER BY o.id LIMIT 1"));
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QVERIFY(found.value().next());
    const qint64 id = found.value().value(0).toLongLong();
    const qint64 to = found.value().value(2).toLongLong();
    const QString fromName = found.value().value(3).toString();
    const QString toName = found.value().value(4).toString();
    found.value().finish();

    selectOnly(id);
    QTimer::singleShot(0, this, [to] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog);
        auto *where = dialog->findChild<QComboBox *>(QStringLiteral("rerouteLocation"));
        QVERIFY(where);
        // Down the list to the location, then Tab to the reason.
        where->setFocus();
        for (int i = 0; i < where->count() && where->currentData().toLongLong() != to; ++i)
            QTest::keyClick(where, Qt::Key_Down);
        QCOMPARE(where->currentData().toLongLong(), to);
        auto *reason = dialog->findChild<QComboBox *>(QStringLiteral("reasonEdit"));
        QTest::keyClicks(reason, QStringLiteral("Closer to the customer"));
        QTest::keyClick(reason, Qt::Key_Return);
    });
    QTest::keyClick(m_screen->table(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_screen->actionMessage(), QStringLiteral("Rerouted 1 order to %1").arg(toName));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT location_id FROM orders WHERE id = ?"), {id})
                 .toLongLong(),
             to);
    QCOMPARE(scalar(db(),
                    QStringLiteral("SELECT COUNT(*) FROM order_lines ol JOIN reservations r ON "
                                   "r.order_line_id = ol.id WHERE ol.order_id = ? AND r.status = "
                                   "'active' AND r.location_id <> ?"),
                    {id, to})
                 .toInt(),
             0);
    // The timeline in the detail panel says who moved it, from where, and why.
    QTRY_COMPARE(m_screen->detailPanel()->orderId(), id);
    const QString detail = m_screen->detailPanel()->plainText();
    QVERIFY2(detail.contains(QStringLiteral("Rerouted from %1 to %2 by tester: Closer to the "
                                            "customer")
                                 .arg(fromName, toName)),
             qPrintable(detail));
    const models::Result<storage::ConsistencyReport> report = storage::checkConsistency(db());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report.value().clean(), qPrintable(report.value().problems.join(u'\n')));
}

void TestOrderQueueActionsUi::combinedShipmentLine()
{
    // Two open orders from different channels; the second is made to go to the same
    // customer at the same address, written the way another channel would write it.
    models::Result<QSqlQuery> pair = storage::runQuery(
        db(), QStringLiteral("SELECT a.id, b.id, b.order_number, cb.name FROM orders a "
                             "JOIN orders b ON b.channel_id <> a.channel_id "
                             "JOIN channels cb ON cb.id = b.channel_id "
                             "WHERE a.status = 'new' AND b.status = 'ready' "
                             "AND a.ship_postcode IS NOT NULL ORDER BY a.id, b.id LIMIT 1"));
    QVERIFY2(pair.ok(), qPrintable(pair.error()));
    QVERIFY(pair.value().next());
    const qint64 a = pair.value().value(0).toLongLong();
    const qint64 b = pair.value().value(1).toLongLong();
    const QString numberB = pair.value().value(2).toString();
    const QString channelB = pair.value().value(3).toString();
    pair.value().finish();
    QVERIFY2(
        storage::runStatement(
            db(),
            QStringLiteral("UPDATE orders SET ship_name = upper(a.ship_name), ship_line1 = "
                           "lower(a.ship_line1), ship_postcode = lower(replace(a.ship_postcode, "
                           "' ', '')), ship_country = a.ship_country, buyer_email = "
                           "upper(a.buyer_email), customer_id = NULL FROM (SELECT * FROM "
                           "orders WHERE id = ?) AS a WHERE orders.id = ?"),
            {a, b})
            .ok(),
        "copying the address");

    selectOnly(a);
    QTRY_COMPARE(m_screen->detailPanel()->orderId(), a);
    const QString detail = m_screen->detailPanel()->plainText();
    const QString expected =
        QStringLiteral("Ships with %1%2 (%3) to the same address")
            .arg(numberB.startsWith(QLatin1Char('#')) ? QString() : QStringLiteral("#"), numberB,
                 channelB);
    QVERIFY2(detail.contains(expected), qPrintable(detail));
    QDir().mkpath(QStringLiteral("/tmp/ordershots"));
    m_screen->grab().save(QStringLiteral("/tmp/ordershots/11-ships-with.png"));
}

QTEST_MAIN(TestOrderQueueActionsUi)
#include "tst_orderqueueactionsui.moc"
