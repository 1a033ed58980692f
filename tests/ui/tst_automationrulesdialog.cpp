#include "storage/database.h"
#include "storage/sqlautomation.h"
#include "storage/sqlorderactions.h"
#include "ui/automationrulesdialog.h"
#include "ui/mainwindow.h"

#include "../storage/allocationshop.h"
#include "../storage/storagetestutil.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace allocationshop;

class TestAutomationRulesDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void holdGermanOrdersThenAllocate();
    void orderAndEnabledFollowTheList();
    void noDatabaseSaysSo();
    void menuOpensTheDialog();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        return storagetest::scalar(db(), sql, binds);
    }
    template <typename T> static T *child(QWidget *w, const char *name)
    {
        T *c = w->findChild<T *>(QString::fromLatin1(name));
        if (!c)
            qWarning("no child %s", name);
        return c;
    }
    static void click(QWidget *w, const char *name)
    {
        QTest::mouseClick(child<QPushButton>(w, name), Qt::LeftButton);
    }
    // The value editor in a conditions or actions table row (a QLineEdit cell widget).
    static QLineEdit *cell(QWidget *w, const char *table, int row, int column)
    {
        return qobject_cast<QLineEdit *>(child<QTableWidget>(w, table)->cellWidget(row, column));
    }
    static void type(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
};

void TestAutomationRulesDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = storage::Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(build(db()));
    VERIFY_OK(move(db(), Tee, LDS, 20));
}

void TestAutomationRulesDialog::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestAutomationRulesDialog::holdGermanOrdersThenAllocate()
{
    QList<qint64> german, all;
    for (int i = 0; i < 3; ++i) {
        NewOrder o = withLines({{Tee, 1}});
        o.country = QStringLiteral("DE");
        o.name = QStringLiteral("Buyer %1").arg(i);
        o.postcode = QStringLiteral("1011%1").arg(i);
        const auto id = addOrder(db(), o);
        VERIFY_OK(id);
        german.append(id.value());
        all.append(id.value());
    }
    const auto gb = addOrder(db(), withLines({{Tee, 1}}));
    VERIFY_OK(gb);
    all.append(gb.value());

    storage::SqlAutomation source(db());
    ui::AutomationRulesDialog dialog(&source);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    click(&dialog, "addRuleButton");
    type(child<QLineEdit>(&dialog, "ruleNameEdit"), QStringLiteral("VAT check"));
    QCOMPARE(child<QListWidget>(&dialog, "rulesList")->item(0)->text(),
             QStringLiteral("VAT check"));
    click(&dialog, "addConditionButton"); // Ship-to country equals …
    auto *conditions = child<QTableWidget>(&dialog, "conditionsTable");
    QCOMPARE(conditions->rowCount(), 1);
    QCOMPARE(qobject_cast<QComboBox *>(conditions->cellWidget(0, 0))->currentText(),
             QStringLiteral("Ship-to country"));
    type(cell(&dialog, "conditionsTable", 0, 2), QStringLiteral("DE"));
    click(&dialog, "addActionButton"); // Hold with reason …
    type(cell(&dialog, "actionsTable", 0, 1), QStringLiteral("Check VAT"));

    click(&dialog, "previewButton");
    const QString preview = child<QLabel>(&dialog, "previewLabel")->text();
    QVERIFY2(preview.contains(QStringLiteral("New orders: 4.")), qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("VAT check: 3 orders (3 held)")), qPrintable(preview));
    for (qint64 id : german) {
        const QString number =
            scalar(QStringLiteral("SELECT order_number FROM orders WHERE id = ?"), {id}).toString();
        QVERIFY2(preview.contains(number), qPrintable(preview));
    }
    // Preview writes nothing.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM automation_rules")).toInt(), 0);

    click(&dialog, "saveButton");
    QVERIFY2(child<QLabel>(&dialog, "messageLabel")->text().startsWith(QStringLiteral("Saved 1")),
             qPrintable(child<QLabel>(&dialog, "messageLabel")->text()));
    QCOMPARE(scalar(QStringLiteral("SELECT name FROM automation_rules")).toString(),
             QStringLiteral("VAT check"));

    // The Orders screen's Allocate: the rules first, then allocation.
    storage::SqlOrderActions plain(db(), QStringLiteral("owner"));
    storage::RulesFirstOrderActions actions(db(), &plain, QStringLiteral("owner"));
    const models::OrderActionSummary s = actions.allocate(all);
    QVERIFY2(s.errors.isEmpty(), qPrintable(s.errors.join(QLatin1Char('\n'))));
    QVERIFY2(s.message.startsWith(QStringLiteral("Rules changed 3 order(s), 3 held")),
             qPrintable(s.message));
    for (qint64 id : german) {
        QCOMPARE(scalar(QStringLiteral("SELECT status || ': ' || hold_reason FROM orders WHERE id "
                                       "= ?"),
                        {id})
                     .toString(),
                 QStringLiteral("on_hold: Check VAT"));
        QCOMPARE(scalar(QStringLiteral("SELECT detail FROM order_events WHERE order_id = ? AND "
                                       "kind = 'rule'"),
                        {id})
                     .toString(),
                 QStringLiteral("Rule 'VAT check' held the order: Check VAT"));
    }
    QCOMPARE(
        scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {gb.value()}).toString(),
        QStringLiteral("ready"));
    dialog.grab().save(QStringLiteral("/tmp/automation/dialog.png"));
}

void TestAutomationRulesDialog::orderAndEnabledFollowTheList()
{
    storage::SqlAutomation source(db());
    ui::AutomationRulesDialog dialog(&source);
    dialog.show();
    for (const QString &name : {QStringLiteral("First"), QStringLiteral("Second")}) {
        click(&dialog, "addRuleButton");
        type(child<QLineEdit>(&dialog, "ruleNameEdit"), name);
        click(&dialog, "addActionButton");
        type(cell(&dialog, "actionsTable", 0, 1), QStringLiteral("Look"));
    }
    auto *list = child<QListWidget>(&dialog, "rulesList");
    QCOMPARE(list->currentRow(), 1);
    click(&dialog, "moveUpButton");
    QCOMPARE(list->item(0)->text(), QStringLiteral("Second"));
    QCOMPARE(child<QLineEdit>(&dialog, "ruleNameEdit")->text(), QStringLiteral("Second"));
    // Untick "First" with the keyboard.
    list->setCurrentRow(1);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Space);
    QCOMPARE(list->item(1)->checkState(), Qt::Unchecked);
    click(&dialog, "saveButton");
    const auto stored = storage::loadAutomationRules(db());
    VERIFY_OK(stored);
    QCOMPARE(stored->size(), 2);
    QCOMPARE(stored->at(0).name, QStringLiteral("Second"));
    QVERIFY(stored->at(0).enabled);
    QCOMPARE(stored->at(1).name, QStringLiteral("First"));
    QVERIFY(!stored->at(1).enabled);

    // A rule without a reason is refused, naming the rule and the action.
    click(&dialog, "addRuleButton");
    type(child<QLineEdit>(&dialog, "ruleNameEdit"), QStringLiteral("Empty"));
    click(&dialog, "addActionButton");
    click(&dialog, "saveButton");
    QCOMPARE(
        child<QLabel>(&dialog, "messageLabel")->text(),
        QStringLiteral("Not saved: rule 'Empty', action 1 (Hold with reason): the value is empty"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM automation_rules")).toInt(), 2);
}

void TestAutomationRulesDialog::noDatabaseSaysSo()
{
    ui::AutomationRulesDialog dialog(nullptr);
    dialog.show();
    QCOMPARE(child<QLabel>(&dialog, "messageLabel")->text(),
             QStringLiteral("No database is open."));
    QVERIFY(!child<QPushButton>(&dialog, "previewButton")->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, "saveButton")->isEnabled());
}

void TestAutomationRulesDialog::menuOpensTheDialog()
{
    ui::ScreenSources sources;
    ui::MainWindow window(sources);
    window.show();
    auto *action = window.findChild<QAction *>(QStringLiteral("automationRulesAction"));
    QVERIFY(action);
    action->trigger();
    auto *dialog = window.findChild<ui::AutomationRulesDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->close();
}

QTEST_MAIN(TestAutomationRulesDialog)
#include "tst_automationrulesdialog.moc"
