// The Returns screen as the returns bench meets it: a parcel's RMA slip scanned (the
// scanner types the code and Enter), the counts checked, Enter again to book it in;
// a wrong code told plainly; and the views over a real demo shop.

#include "app/demoshop.h"
#include "storage/database.h"
#include "storage/sqlreturns.h"
#include "storage/sqlrun.h"
#include "ui/returnsscreen.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString labelText(QWidget *parent, const QString &name)
{
    const auto *label = parent->findChild<QLabel *>(name);
    return label ? label->text() : QStringLiteral("<no %1>").arg(name);
}

QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    const models::Result<QVariant> v = storage::queryScalar(db, sql, binds);
    return v.ok() ? v.value() : QVariant();
}

} // namespace

class TestReturnsScreen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void noDatabase();
    void receiveByScan();
    void unknownCodeIsToldPlainly();
    void viewsOverTheDemoShop();

private:
    models::ReturnAuthorisation newReturn(int units);

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlReturns> m_returns;
};

void TestReturnsScreen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 3000;
    options.products = 300;
    options.today = QDate(2026, 11, 25);
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    QVERIFY(demo->returns > 0);
    models::Result<std::unique_ptr<storage::Database>> db = storage::Database::open(path);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    m_db = std::move(db).value();
    m_returns = std::make_unique<storage::SqlReturns>(m_db->connection(), QStringLiteral("bench"));
}

void TestReturnsScreen::cleanupTestCase()
{
    m_returns.reset();
    m_db.reset();
}

models::ReturnAuthorisation TestReturnsScreen::newReturn(int units)
{
    // A delivered order with a line nothing was returned from yet.
    const QVariant line = scalar(
        m_db->connection(),
        QStringLiteral("SELECT ol.id FROM order_lines ol JOIN orders o ON o.id = ol.order_id "
                       "WHERE o.status = 'delivered' AND ol.quantity_shipped >= ? AND "
                       "NOT EXISTS (SELECT 1 FROM return_lines rl WHERE rl.order_line_id = ol.id) "
                       "ORDER BY ol.id LIMIT 1"),
        {units});
    const QString number = scalar(m_db->connection(),
                                  QStringLiteral("SELECT o.order_number FROM orders o JOIN "
                                                 "order_lines ol ON ol.order_id = o.id WHERE "
                                                 "ol.id = ?"),
                                  {line})
                               .toString();
    models::NewReturn request;
    request.orderNumber = number;
    request.reason = models::ReturnReason::NotAsDescribed;
    request.lines = {{line.toLongLong(), units}};
    const models::Result<models::ReturnAuthorisation> rma = m_returns->createReturn(request);
    if (!rma.ok())
        qWarning("%s", qPrintable(rma.error()));
    return rma.ok() ? rma.value() : models::ReturnAuthorisation();
}

void TestReturnsScreen::noDatabase()
{
    ui::ReturnsScreen screen(nullptr);
    screen.show();
    QVERIFY(labelText(&screen, QStringLiteral("returnsNoDatabase"))
                .contains(QStringLiteral("No database is open")));
    QVERIFY(!screen.findChild<QLineEdit *>(QStringLiteral("returnsScan")));
}

void TestReturnsScreen::receiveByScan()
{
    const models::ReturnAuthorisation rma = newReturn(1);
    QVERIFY(!rma.rmaNumber.isEmpty());

    ui::ReturnsScreen screen(m_returns.get());
    screen.resize(1300, 800);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    auto *scan = screen.findChild<QLineEdit *>(QStringLiteral("returnsScan"));
    auto *receive = screen.findChild<QPushButton *>(QStringLiteral("returnReceive"));
    QVERIFY(scan && receive);
    scan->setFocus();

    // The scanner types the slip's Code 128 and Enter.
    QTest::keyClicks(scan, rma.rmaNumber);
    QTest::keyClick(scan, Qt::Key_Return);
    QCOMPARE(screen.currentReturnId(), rma.id);
    QVERIFY2(labelText(&screen, QStringLiteral("returnTitle")).startsWith(rma.rmaNumber),
             qPrintable(labelText(&screen, QStringLiteral("returnTitle"))));
    QVERIFY(receive->isEnabled());
    QVERIFY(receive->hasFocus());
    QVERIFY(scan->text().isEmpty());
    auto *arrived = screen.findChild<QSpinBox *>(QStringLiteral("returnArrived0"));
    QVERIFY(arrived);
    QCOMPARE(arrived->value(), 1); // what was authorised, until counted otherwise

    // Enter books it in.
    QTest::keyClick(receive, Qt::Key_Return);
    QCOMPARE(scalar(m_db->connection(), QStringLiteral("SELECT status FROM returns WHERE id = ?"),
                    {rma.id})
                 .toString(),
             QStringLiteral("received"));
    QVERIFY2(labelText(&screen, QStringLiteral("returnsMessage"))
                 .contains(QStringLiteral("%1 received: 1 unit").arg(rma.rmaNumber)),
             qPrintable(labelText(&screen, QStringLiteral("returnsMessage"))));
    QVERIFY(labelText(&screen, QStringLiteral("returnTitle")).contains(QStringLiteral("Received")));
    QVERIFY(scan->hasFocus()); // ready for the next parcel
    QVERIFY(!receive->isEnabled());
    QVERIFY(screen.findChild<QPushButton *>(QStringLiteral("returnInspect"))->isEnabled());

    // Scanning it again says why nothing happens.
    QTest::keyClicks(scan, rma.rmaNumber);
    QTest::keyClick(scan, Qt::Key_Return);
    QVERIFY(labelText(&screen, QStringLiteral("returnsMessage"))
                .contains(QStringLiteral("only an authorised return is received")));

    // Two units, one arrives: the count is changed before Enter.
    const models::ReturnAuthorisation two = newReturn(2);
    QVERIFY(!two.rmaNumber.isEmpty());
    screen.refresh();
    scan->setFocus();
    QTest::keyClicks(scan, two.rmaNumber.toLower());
    QTest::keyClick(scan, Qt::Key_Return);
    auto *lines = screen.findChild<QTableWidget *>(QStringLiteral("returnLines"));
    arrived = qobject_cast<QSpinBox *>(lines->cellWidget(0, 3)); // the Arrived column
    QVERIFY(arrived);
    QCOMPARE(arrived->value(), 2);
    arrived->setValue(1);
    receive->setFocus();
    QTest::keyClick(receive, Qt::Key_Return);
    QCOMPARE(
        scalar(m_db->connection(),
               QStringLiteral("SELECT quantity_received FROM return_lines WHERE return_id = ?"),
               {two.id})
            .toInt(),
        1);
    QCoreApplication::processEvents(); // the layout settles as it would on screen
    if (qEnvironmentVariableIsSet("BACKROOM_SHOTS"))
        screen.grab().save(qEnvironmentVariable("BACKROOM_SHOTS") +
                           QStringLiteral("/returns-received.png"));
}

void TestReturnsScreen::unknownCodeIsToldPlainly()
{
    ui::ReturnsScreen screen(m_returns.get());
    screen.show();
    auto *scan = screen.findChild<QLineEdit *>(QStringLiteral("returnsScan"));
    QTest::keyClicks(scan, QStringLiteral("RMA-999999"));
    QTest::keyClick(scan, Qt::Key_Return);
    QCOMPARE(screen.currentReturnId(), qint64(0));
    QVERIFY2(labelText(&screen, QStringLiteral("returnsMessage"))
                 .contains(QStringLiteral("RMA-999999 is neither an RMA number nor an order")),
             qPrintable(labelText(&screen, QStringLiteral("returnsMessage"))));
}

void TestReturnsScreen::viewsOverTheDemoShop()
{
    ui::ReturnsScreen screen(m_returns.get());
    screen.resize(1400, 850);
    screen.show();
    auto *list = screen.findChild<QTableWidget *>(QStringLiteral("returnsList"));
    const int all = list->rowCount();
    QVERIFY(all > 0);
    auto *filter = screen.findChild<QComboBox *>(QStringLiteral("returnsStatusFilter"));
    filter->setCurrentIndex(filter->findData(QStringLiteral("refund_pending")));
    QVERIFY(list->rowCount() > 0);
    QVERIFY(list->rowCount() < all);
    for (int r = 0; r < list->rowCount(); ++r)
        QCOMPARE(list->item(r, 1)->text(), QStringLiteral("Refund pending"));
    // Some demo parcels waited on the shelf too long; some refunds are still owed.
    QVERIFY(screen.findChild<QTableWidget *>(QStringLiteral("returnsWaiting"))->rowCount() > 0);
    QVERIFY(screen.findChild<QTableWidget *>(QStringLiteral("returnsRefundsOwed"))->rowCount() > 0);
    auto *rates = screen.findChild<QTableWidget *>(QStringLiteral("returnsRates"));
    QCOMPARE(rates->rowCount(), 0); // read only when its tab is opened
    auto *tabs = screen.findChild<QTabWidget *>(QStringLiteral("returnsViews"));
    tabs->setCurrentWidget(rates);
    QVERIFY(rates->rowCount() > 0);
    tabs->setCurrentIndex(0);
    QVERIFY(labelText(&screen, QStringLiteral("returnsTimesSummary"))
                .contains(QStringLiteral("median")));
    // Selecting a row opens it.
    list->selectRow(0);
    QVERIFY(screen.currentReturnId() > 0);
    QCoreApplication::processEvents(); // the layout settles as it would on screen
    if (qEnvironmentVariableIsSet("BACKROOM_SHOTS"))
        screen.grab().save(qEnvironmentVariable("BACKROOM_SHOTS") +
                           QStringLiteral("/returns-views.png"));
}

QTEST_MAIN(TestReturnsScreen)
#include "tst_returnsscreen.moc"
