// The Reorder screen as a user meets it: suggestions computed off the GUI thread
// over a real demo shop, filters, rows selected with the keyboard, draft purchase
// orders after a confirmation, and Cancel on a slow computation.

#include "app/demoshop.h"
#include "models/reordermodel.h"
#include "storage/database.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlreordersource.h"
#include "storage/sqlrun.h"
#include "storage/sqlstocklevelsource.h"
#include "ui/lazytableview.h"
#include "ui/mainwindow.h"
#include "ui/reorderscreen.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using models::ReorderModel;
using models::ReorderSuggestion;

namespace {

const QString kShots = QStringLiteral("/tmp/reordershots");

bool showAndActivate(QWidget &widget)
{
    widget.show();
    widget.activateWindow();
    return QTest::qWaitForWindowActive(&widget);
}

QString labelText(QWidget *parent, const QString &name)
{
    const auto *label = parent->findChild<QLabel *>(name);
    return label ? label->text() : QStringLiteral("<no %1>").arg(name);
}

ui::ReorderSourceFactory sqlFactory(const QString &path)
{
    return [path]() -> models::Result<std::unique_ptr<models::ReorderSource>> {
        models::Result<std::unique_ptr<storage::SqlReorderSource>> source =
            storage::SqlReorderSource::open(path);
        if (!source.ok())
            return models::Error{source.error()};
        return std::unique_ptr<models::ReorderSource>(std::move(source).value());
    };
}

// Reports progress until it is told to stop: a computation too slow to wait for.
class EndlessReorderSource : public models::ReorderSource
{
public:
    models::Result<models::ReorderSettings> settings() override
    {
        return models::ReorderSettings{};
    }
    models::Result<QList<ReorderSuggestion>>
    suggestions(const models::ReorderQuery &, const models::ReorderProgress &progress) override
    {
        for (qint64 done = 0;; done += 10) {
            if (!progress(done, 1'000'000))
                return models::Error{QStringLiteral("cancelled")};
            QThread::msleep(5);
        }
    }
    models::Result<models::DraftPurchaseOrders>
    createDraftPurchaseOrders(const QList<ReorderSuggestion> &, const QString &) override
    {
        return models::Error{QStringLiteral("not here")};
    }
};

} // namespace

class TestReorderScreen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void filtersSelectionAndDraftPurchaseOrders();
    void cancelStopsASlowComputation();
    void mainWindowHostsTheReorderScreen();
    void noDatabaseIsExplained();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_settingsDir;
    QString m_path;
};

void TestReorderScreen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("BackroomTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_reorderscreen"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    // A half year of sales ending yesterday, so the 90-day window is full of them.
    m_path = m_dir.filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 3000;
    options.products = 120;
    options.seed = 11;
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(m_path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    // The demo shop reorders generously by itself; a 99% service level asks for more.
    {
        models::Result<std::unique_ptr<storage::SqlReorderSource>> source =
            storage::SqlReorderSource::open(m_path);
        QVERIFY2(source.ok(), qPrintable(source.error()));
        models::ReorderSettings settings = source.value()->settings().value();
        settings.serviceLevelPercent = 99;
        QVERIFY(source.value()->saveSettings(settings).ok());
    }
    QDir().mkpath(kShots);
}

void TestReorderScreen::cleanupTestCase()
{
    QSettings().clear();
}

void TestReorderScreen::filtersSelectionAndDraftPurchaseOrders()
{
    ui::ReorderScreen screen(sqlFactory(m_path), QStringLiteral("tester"));
    screen.resize(1400, 860);
    QSignalSpy computed(&screen, &ui::ReorderScreen::computed);
    // Showing the screen starts the computation on a worker thread.
    QVERIFY(showAndActivate(screen));
    QVERIFY(screen.isComputing());
    QVERIFY(screen.findChild<QProgressBar *>(QStringLiteral("reorderProgress"))->isVisible());
    QVERIFY(screen.findChild<QPushButton *>(QStringLiteral("reorderCancel"))->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(computed.count(), 1, 60'000);
    QVERIFY(!screen.isComputing());
    QVERIFY(!screen.findChild<QProgressBar *>(QStringLiteral("reorderProgress"))->isVisible());
    QCOMPARE(labelText(&screen, QStringLiteral("screenError")), QString());

    ReorderModel *model = screen.model();
    const int all = model->rowCount();
    QVERIFY(all > 100);
    QVERIFY2(model->rowsToOrder() > 0, "the demo shop has something to reorder");
    QVERIFY(labelText(&screen, QStringLiteral("screenSummary"))
                .contains(QStringLiteral("90-day sales window, 99% service level")));
    // Grouped by supplier: rows of a supplier are together.
    QStringList suppliers;
    for (int r = 0; r < all; ++r) {
        const QString s = model->index(r, ReorderModel::SupplierColumn).data().toString();
        if (suppliers.isEmpty() || suppliers.last() != s) {
            QVERIFY2(!suppliers.contains(s), qPrintable(s));
            suppliers.append(s);
        }
    }
    QVERIFY(suppliers.size() > 1);
    for (int r = 0; r < std::min(all, 50); ++r)
        QVERIFY(!model->index(r, ReorderModel::ExplanationColumn).data().toString().isEmpty());
    QVERIFY(screen.grab().save(kShots + QStringLiteral("/reorder-all.png")));

    // Location filter, from the keyboard: the first location in the list.
    auto *location = screen.findChild<QComboBox *>(QStringLiteral("reorderLocationFilter"));
    location->setFocus();
    QTest::keyClick(location, Qt::Key_Down);
    const QString code = location->currentText();
    QVERIFY(code != QStringLiteral("All locations"));
    QVERIFY(model->rowCount() > 0 && model->rowCount() < all);
    for (int r = 0; r < model->rowCount(); ++r)
        QCOMPARE(model->suggestionAt(r)->locationCode, code);
    QVERIFY(screen.grab().save(kShots + QStringLiteral("/reorder-location.png")));
    QTest::keyClick(location, Qt::Key_Up); // back to every location
    QCOMPARE(model->rowCount(), all);

    // Only rows at or below their reorder point.
    auto *onlyBelow = screen.findChild<QCheckBox *>(QStringLiteral("reorderOnlyBelow"));
    onlyBelow->setFocus();
    QTest::keyClick(onlyBelow, Qt::Key_Space);
    QVERIFY(onlyBelow->isChecked());
    const int below = model->rowCount();
    QVERIFY2(below >= 3, qPrintable(QString::number(below)));
    for (int r = 0; r < below; ++r) {
        QVERIFY(model->suggestionAt(r)->outcome.belowReorderPoint);
        QVERIFY(model->suggestionAt(r)->outcome.suggestedQuantity > 0);
    }

    // The supplier filter narrows to the first supplier's rows.
    auto *supplier = screen.findChild<QComboBox *>(QStringLiteral("reorderSupplierFilter"));
    supplier->setFocus();
    QTest::keyClick(supplier, Qt::Key_Down);
    QVERIFY(model->rowCount() <= below);
    for (int r = 0; r < model->rowCount(); ++r)
        QCOMPARE(model->index(r, ReorderModel::SupplierColumn).data().toString(),
                 supplier->currentText());
    QTest::keyClick(supplier, Qt::Key_Up); // back to every supplier
    QCOMPARE(model->rowCount(), below);

    // Three rows selected with the keyboard.
    auto *createDrafts = screen.findChild<QPushButton *>(QStringLiteral("reorderCreateDrafts"));
    QVERIFY(!createDrafts->isEnabled());
    ui::LazyTableView *table = screen.table();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 3);
    // The current row's reasoning is spelled out under the table.
    QVERIFY(labelText(&screen, QStringLiteral("reorderDetail"))
                .contains(model->suggestionAt(2)->outcome.explanation));
    QVERIFY(createDrafts->isEnabled());
    QList<ReorderSuggestion> chosen;
    for (int r = 0; r < 3; ++r)
        chosen.append(*model->suggestionAt(r));
    const models::DraftPurchaseOrderPlan plan = models::planDraftPurchaseOrders(chosen);
    QCOMPARE(plan.lines, 3);
    QVERIFY(screen.grab().save(kShots + QStringLiteral("/reorder-selected.png")));

    // The confirmation says how many orders and lines; Enter confirms.
    createDrafts->setFocus();
    QTest::keyClick(createDrafts, Qt::Key_Space);
    QTRY_VERIFY(screen.confirmation() && screen.confirmation()->isVisible());
    QMessageBox *box = screen.confirmation();
    const QString expected =
        plan.orders == 1
            ? QStringLiteral("Create 1 draft purchase order with 3 lines?")
            : QStringLiteral("Create %1 draft purchase orders with 3 lines?").arg(plan.orders);
    QCOMPARE(box->text(), expected);
    QVERIFY(box->informativeText().contains(QStringLiteral("delivery location")));
    QVERIFY(box->grab().save(kShots + QStringLiteral("/reorder-confirmation.png")));
    QSignalSpy created(&screen, &ui::ReorderScreen::draftPurchaseOrdersCreated);
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(created.count(), 1);
    const QStringList numbers = created.first().first().toStringList();
    QCOMPARE(numbers.size(), plan.orders);

    // The drafts are in the database with the suggested quantities.
    {
        models::Result<std::unique_ptr<storage::Database>> db = storage::Database::open(m_path);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const QSqlDatabase c = db.value()->connection();
        for (const ReorderSuggestion &s : std::as_const(chosen)) {
            const models::Result<QVariant> quantity = storage::queryScalar(
                c,
                QStringLiteral("SELECT pol.quantity_ordered FROM purchase_order_lines pol "
                               "JOIN purchase_orders po ON po.id = pol.purchase_order_id "
                               "WHERE po.status = 'draft' AND po.supplier_id = ? "
                               "AND po.location_id = ? AND pol.product_id = ?"),
                {*s.supplierId, s.locationId, s.productId});
            QVERIFY2(quantity.ok(), qPrintable(quantity.error()));
            QCOMPARE(quantity.value().toInt(), s.outcome.suggestedQuantity);
        }
        const models::Result<QVariant> drafts = storage::queryScalar(
            c, QStringLiteral("SELECT COUNT(*) FROM purchase_orders WHERE status = 'draft'"));
        QCOMPARE(drafts.value().toInt(), plan.orders);
    }

    // The screen recalculates: what was ordered is inbound now.
    QTRY_COMPARE_WITH_TIMEOUT(computed.count(), 2, 60'000);
    QVERIFY(labelText(&screen, QStringLiteral("reorderNotice")).contains(numbers.first()));
    QCOMPARE(location->currentText(), QStringLiteral("All locations")); // the filters stay
    QVERIFY(onlyBelow->isChecked());
    for (const ReorderSuggestion &s : model->suggestions())
        for (const ReorderSuggestion &c : std::as_const(chosen))
            if (s.productId == c.productId && s.locationId == c.locationId)
                QVERIFY(s.inbound >= c.outcome.suggestedQuantity);
    QVERIFY(screen.grab().save(kShots + QStringLiteral("/reorder-after.png")));
}

void TestReorderScreen::cancelStopsASlowComputation()
{
    ui::ReorderScreen screen(
        []() -> models::Result<std::unique_ptr<models::ReorderSource>> {
            return std::unique_ptr<models::ReorderSource>(new EndlessReorderSource);
        },
        QStringLiteral("tester"));
    QSignalSpy computed(&screen, &ui::ReorderScreen::computed);
    QVERIFY(showAndActivate(screen));
    auto *progress = screen.findChild<QProgressBar *>(QStringLiteral("reorderProgress"));
    QTRY_VERIFY(progress->value() > 0); // the bar moves while the GUI thread stays free
    QCOMPARE(progress->maximum(), 1'000'000);

    auto *cancel = screen.findChild<QPushButton *>(QStringLiteral("reorderCancel"));
    cancel->setFocus();
    QTest::keyClick(cancel, Qt::Key_Space);
    QTRY_COMPARE(computed.count(), 1);
    QVERIFY(!screen.isComputing());
    QVERIFY(!progress->isVisible());
    QVERIFY(
        labelText(&screen, QStringLiteral("reorderNotice")).contains(QStringLiteral("cancelled")));
    QCOMPARE(labelText(&screen, QStringLiteral("screenError")), QString());
    QVERIFY(screen.findChild<QPushButton *>(QStringLiteral("reorderRecalculate"))->isEnabled());

    // Closing while a computation runs cancels it and waits.
    auto *again = new ui::ReorderScreen(
        []() -> models::Result<std::unique_ptr<models::ReorderSource>> {
            return std::unique_ptr<models::ReorderSource>(new EndlessReorderSource);
        },
        QString());
    again->recalculate();
    QVERIFY(again->isComputing());
    delete again;
}

void TestReorderScreen::mainWindowHostsTheReorderScreen()
{
    models::Result<std::unique_ptr<storage::Database>> db = storage::Database::open(m_path);
    QVERIFY2(db.ok(), qPrintable(db.error()));
    storage::SqlOrderQueueSource orders(db.value()->connection());
    storage::SqlStockLevelSource stock(db.value()->connection());
    ui::ScreenSources sources{&orders, &stock, m_path};
    sources.makeReorderSource = sqlFactory(m_path);
    ui::MainWindow window(sources);
    window.resize(1400, 860);
    QVERIFY(showAndActivate(window));

    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window.screenSlug(window.currentScreen()), QStringLiteral("reorder"));
    auto *screen = window.findChild<ui::ReorderScreen *>(QStringLiteral("reorderScreen"));
    QVERIFY(screen);
    QVERIFY(screen->table()->hasFocus());
    QTRY_VERIFY_WITH_TIMEOUT(!screen->isComputing(), 60'000);
    QVERIFY(screen->model()->rowCount() > 0);
    QVERIFY(window.grab().save(kShots + QStringLiteral("/reorder-window.png")));
}

void TestReorderScreen::noDatabaseIsExplained()
{
    ui::ReorderScreen screen({}, QString());
    QVERIFY(showAndActivate(screen));
    QVERIFY(!screen.isComputing());
    QVERIFY(
        labelText(&screen, QStringLiteral("screenError")).contains(QStringLiteral("no database")));
    QVERIFY(!screen.findChild<QPushButton *>(QStringLiteral("reorderRecalculate"))->isEnabled());
}

QTEST_MAIN(TestReorderScreen)
#include "tst_reorderscreen.moc"
