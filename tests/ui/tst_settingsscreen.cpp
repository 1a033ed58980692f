// The Settings screen as the owner meets it: fields changed from the keyboard, Ctrl+S,
// the settings read back; a wrong value refused with its field named and nothing
// written; Revert; and the question when leaving with changes unsaved.

#include "app/demoshop.h"
#include "storage/database.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlrun.h"
#include "storage/sqlsettings.h"
#include "storage/sqlstocklevelsource.h"
#include "ui/mainwindow.h"
#include "ui/settingsscreen.h"
#include "ui/sidebar.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

namespace {

QString labelText(QWidget *parent, const QString &name)
{
    const auto *label = parent->findChild<QLabel *>(name);
    return label ? label->text() : QStringLiteral("<no %1>").arg(name);
}

// Replaces a field's text the way a person does: select all, type.
void retype(QLineEdit *edit, const QString &text)
{
    QVERIFY(edit);
    edit->setFocus(Qt::MouseFocusReason);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

// Answers the next message box with `button` once it is up.
void answerNextQuestion(QMessageBox::StandardButton button, QString *asked = nullptr)
{
    QTimer::singleShot(0, [button, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (asked)
            *asked = box->text();
        box->button(button)->click();
    });
}

} // namespace

class TestSettingsScreen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void noDatabase();
    void editSaveWithKeyboardAndReload();
    void refusedSaveNamesTheFieldAndWritesNothing();
    void revertPutsBackWhatIsSaved();
    void addLocationFromTheKeyboard();
    void leavingWithChangesAsks();
    void everyPageRenders();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QVariant scalar(const QString &sql) const
    {
        const models::Result<QVariant> v = storage::queryScalar(db(), sql);
        return v.ok() ? v.value() : QVariant();
    }
    QString dump() const;
    template <typename T> T *field(QWidget *screen, const QString &name)
    {
        return screen->findChild<T *>(name);
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlSettings> m_source;
};

void TestSettingsScreen::initTestCase()
{
    // Never read or write the user's own window settings.
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestSettingsScreen::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 120;
    options.products = 60;
    options.today = QDate(2026, 11, 25);
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(m_path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(m_path);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    m_source = std::make_unique<storage::SqlSettings>(db(), QStringLiteral("owner"));
}

void TestSettingsScreen::cleanup()
{
    m_source.reset();
    m_db.reset();
    m_dir.reset();
}

QString TestSettingsScreen::dump() const
{
    QStringList out;
    for (const QString &sql :
         {QStringLiteral("SELECT key || '=' || value FROM settings ORDER BY key"),
          QStringLiteral("SELECT code || ':' || name || ':' || stock_buffer FROM channels "
                         "ORDER BY id"),
          QStringLiteral("SELECT code || ':' || name || ':' || kind || ':' || active || ':' || "
                         "store_buffer || ':' || COALESCE(daily_capacity, '-') || ':' || "
                         "routing_priority || ':' || is_default_returns FROM locations "
                         "ORDER BY id")}) {
        QSqlQuery q(db());
        q.exec(sql);
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out.join(QLatin1Char('\n'));
}

void TestSettingsScreen::noDatabase()
{
    ui::SettingsScreen screen(nullptr);
    QVERIFY(labelText(&screen, QStringLiteral("settingsNoDatabase")).contains(u"No database"));
    QVERIFY(screen.findChildren<QPushButton *>().isEmpty());
    QVERIFY(!screen.hasUnsavedChanges());
    QVERIFY(screen.confirmLeave());
    QVERIFY(!screen.save());
}

void TestSettingsScreen::editSaveWithKeyboardAndReload()
{
    ui::SettingsScreen screen(m_source.get());
    screen.resize(1200, 800);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    QVERIFY(!screen.hasUnsavedChanges());
    QCOMPARE(field<QLineEdit>(&screen, QStringLiteral("shop.name"))->text(),
             QStringLiteral("Hearth & Field Homewares"));
    // Amounts show in the shop's currency: 100 pence a day.
    QCOMPARE(
        field<QLineEdit>(&screen, QStringLiteral("allocation.wait_cost_per_day_minor"))->text(),
        QStringLiteral("1.00"));

    retype(field<QLineEdit>(&screen, QStringLiteral("shop.name")), QStringLiteral("Hearth Ltd"));
    QVERIFY(screen.hasUnsavedChanges());
    QCOMPARE(labelText(&screen, QStringLiteral("settingsStatus")),
             QStringLiteral("Unsaved changes"));
    auto *sections = field<QListWidget>(&screen, QStringLiteral("settingsSections"));
    QVERIFY(sections->item(0)->text().endsWith(u"•"));

    // Allocation: arrow down the sections, then change the fields.
    sections->setFocus();
    QTest::keyClick(sections, Qt::Key_Down);
    QCOMPARE(screen.currentSection(), 1);
    retype(field<QLineEdit>(&screen, QStringLiteral("allocation.restock_days")),
           QStringLiteral("14"));
    retype(field<QLineEdit>(&screen, QStringLiteral("allocation.wait_cost_per_day_minor")),
           QStringLiteral("2.50"));
    // Priority: "Oldest order first" to the top, "VIP or high value" not used.
    auto *priority = field<QListWidget>(&screen, QStringLiteral("priorityList"));
    priority->setFocus();
    QTest::keyClick(priority, Qt::Key_End);
    QCOMPARE(priority->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("placed"));
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(priority, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(priority->currentRow(), 0);
    QTest::keyClick(priority, Qt::Key_End);
    QCOMPARE(priority->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("vip_value"));
    QTest::keyClick(priority, Qt::Key_Space);
    QCOMPARE(priority->currentItem()->checkState(), Qt::Unchecked);
    auto *split = field<QComboBox>(&screen, QStringLiteral("allocation.split"));
    split->setFocus();
    QCOMPARE(split->currentData().toString(), QStringLiteral("allow"));
    QTest::keyClick(split, Qt::Key_Down);
    QTest::keyClick(split, Qt::Key_Down);
    QCOMPARE(split->currentData().toString(), QStringLiteral("never"));

    // Returns and channels.
    screen.showSection(3);
    retype(field<QLineEdit>(&screen, QStringLiteral("returns.restocking_fee_percent")),
           QStringLiteral("15"));
    screen.showSection(4);
    retype(field<QLineEdit>(&screen, QStringLiteral("channelBuffer_amazon")), QStringLiteral("3"));

    // Ctrl+S from the field being typed in.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!screen.hasUnsavedChanges(),
             qPrintable(screen.findChild<QLabel *>(QStringLiteral("screenError"))->text()));
    QCOMPARE(labelText(&screen, QStringLiteral("settingsStatus")), QStringLiteral("Saved"));
    QVERIFY(labelText(&screen, QStringLiteral("screenSummary")).contains(u"by owner"));
    QCOMPARE(screen.currentSection(), 4);

    QCOMPARE(scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'shop.name'")),
             QVariant(QStringLiteral("Hearth Ltd")));
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM settings WHERE key = "
                                   "'allocation.restock_days'")),
             QVariant(QStringLiteral("14")));
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM settings WHERE key = "
                                   "'allocation.wait_cost_per_day_minor'")),
             QVariant(QStringLiteral("250")));
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM settings WHERE key = "
                                   "'allocation.priority'")),
             QVariant(QStringLiteral("placed,manual,expedited,ship_by")));
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'allocation.split'")),
             QVariant(QStringLiteral("never")));
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM settings WHERE key = "
                                   "'returns.restocking_fee_percent'")),
             QVariant(QStringLiteral("15")));
    QCOMPARE(
        scalar(QStringLiteral("SELECT stock_buffer FROM channels WHERE code = 'amazon'")).toInt(),
        3);
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM settings WHERE key = "
                                   "'settings.updated_by'")),
             QVariant(QStringLiteral("owner")));

    // A fresh screen reads back what was saved.
    ui::SettingsScreen again(m_source.get());
    QCOMPARE(field<QLineEdit>(&again, QStringLiteral("shop.name"))->text(),
             QStringLiteral("Hearth Ltd"));
    QCOMPARE(field<QLineEdit>(&again, QStringLiteral("allocation.wait_cost_per_day_minor"))->text(),
             QStringLiteral("2.50"));
    auto *order = field<QListWidget>(&again, QStringLiteral("priorityList"));
    QCOMPARE(order->item(0)->data(Qt::UserRole).toString(), QStringLiteral("placed"));
    QCOMPARE(order->item(4)->data(Qt::UserRole).toString(), QStringLiteral("vip_value"));
    QCOMPARE(order->item(4)->checkState(), Qt::Unchecked);
    QCOMPARE(field<QComboBox>(&again, QStringLiteral("allocation.split"))->currentData(),
             QVariant(QStringLiteral("never")));
    QCOMPARE(field<QLineEdit>(&again, QStringLiteral("channelBuffer_amazon"))->text(),
             QStringLiteral("3"));
    QVERIFY(!again.hasUnsavedChanges());
}

void TestSettingsScreen::refusedSaveNamesTheFieldAndWritesNothing()
{
    const QString before = dump();
    ui::SettingsScreen screen(m_source.get());
    screen.resize(1200, 800);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    retype(field<QLineEdit>(&screen, QStringLiteral("shop.name")), QStringLiteral("Changed"));
    screen.showSection(3);
    retype(field<QLineEdit>(&screen, QStringLiteral("returns.restocking_fee_percent")),
           QStringLiteral("150"));
    screen.showSection(0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);

    const QString error = labelText(&screen, QStringLiteral("screenError"));
    QVERIFY2(error.contains(u"Returns › Restocking fee (%)"), qPrintable(error));
    QVERIFY2(error.contains(u"nothing was changed"), qPrintable(error));
    QCOMPARE(screen.currentSection(), 3); // taken to the page with the problem
    QVERIFY(
        field<QLineEdit>(&screen, QStringLiteral("returns.restocking_fee_percent"))->hasFocus());
    if (const QString review = qEnvironmentVariable("BACKROOM_SCREENSHOT_DIR"); !review.isEmpty())
        QVERIFY(screen.grab().save(review + QStringLiteral("/settings-refused.png")));
    QVERIFY(screen.hasUnsavedChanges());
    QCOMPARE(dump(), before);

    // An amount in another currency is refused the same way.
    retype(field<QLineEdit>(&screen, QStringLiteral("returns.restocking_fee_percent")),
           QStringLiteral("10"));
    screen.showSection(1);
    retype(field<QLineEdit>(&screen, QStringLiteral("allocation.high_value_minor")),
           QStringLiteral("EUR 200"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(labelText(&screen, QStringLiteral("screenError")).contains(u"High-value order"),
             qPrintable(labelText(&screen, QStringLiteral("screenError"))));
    QCOMPARE(dump(), before);
}

void TestSettingsScreen::revertPutsBackWhatIsSaved()
{
    ui::SettingsScreen screen(m_source.get());
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    auto *revert = field<QPushButton>(&screen, QStringLiteral("settingsRevert"));
    QVERIFY(!revert->isEnabled());
    retype(field<QLineEdit>(&screen, QStringLiteral("shop.currency")), QStringLiteral("EUR"));
    QVERIFY(revert->isEnabled());
    QTest::mouseClick(revert, Qt::LeftButton);
    QCOMPARE(field<QLineEdit>(&screen, QStringLiteral("shop.currency"))->text(),
             QStringLiteral("GBP"));
    QVERIFY(!screen.hasUnsavedChanges());
    // Typing the saved value back is not a change either.
    retype(field<QLineEdit>(&screen, QStringLiteral("shop.currency")), QStringLiteral("GBP"));
    QVERIFY(!screen.hasUnsavedChanges());
}

void TestSettingsScreen::addLocationFromTheKeyboard()
{
    const int before = scalar(QStringLiteral("SELECT COUNT(*) FROM locations")).toInt();
    ui::SettingsScreen screen(m_source.get());
    screen.resize(1200, 800);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    screen.showSection(5);
    auto *list = field<QListWidget>(&screen, QStringLiteral("locationsList"));
    QCOMPARE(list->count(), before);

    // Rename the second location.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentRow(), 1);
    const QString code = field<QLineEdit>(&screen, QStringLiteral("locationCode"))->text();
    QVERIFY(field<QLineEdit>(&screen, QStringLiteral("locationCode"))->isReadOnly());
    retype(field<QLineEdit>(&screen, QStringLiteral("locationName")),
           QStringLiteral("Second warehouse"));
    retype(field<QLineEdit>(&screen, QStringLiteral("locationDailyCapacity")),
           QStringLiteral("80"));

    // Add one: the button, then the fields.
    auto *add = field<QPushButton>(&screen, QStringLiteral("addLocation"));
    add->setFocus();
    QTest::keyClick(add, Qt::Key_Space);
    QCOMPARE(list->count(), before + 1);
    QVERIFY(field<QLineEdit>(&screen, QStringLiteral("locationCode"))->hasFocus());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("MAN"));
    retype(field<QLineEdit>(&screen, QStringLiteral("locationName")),
           QStringLiteral("Manchester shop"));
    auto *kind = field<QComboBox>(&screen, QStringLiteral("locationKind"));
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down);
    QCOMPARE(kind->currentData().toString(), QStringLiteral("store"));
    retype(field<QLineEdit>(&screen, QStringLiteral("locationCity")), QStringLiteral("Manchester"));
    QVERIFY(list->item(before)->text().startsWith(u"MAN · Manchester shop"));

    // The new place takes returns: chosen on the Returns page.
    screen.showSection(3);
    auto *returnsTo = field<QComboBox>(&screen, QStringLiteral("defaultReturnsLocation"));
    returnsTo->setFocus();
    QTest::keyClick(returnsTo, Qt::Key_End);
    QVERIFY(returnsTo->currentText().startsWith(u"MAN"));
    QVERIFY(labelText(&screen, QStringLiteral("shopReturnAddress")).contains(u"Manchester"));

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY2(!screen.hasUnsavedChanges(),
             qPrintable(labelText(&screen, QStringLiteral("screenError"))));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM locations")).toInt(), before + 1);
    QCOMPARE(scalar(QStringLiteral("SELECT kind || ':' || city || ':' || is_default_returns "
                                   "FROM locations WHERE code = 'MAN'")),
             QVariant(QStringLiteral("store:Manchester:1")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM locations WHERE is_default_returns = 1"))
                 .toInt(),
             1);
    QCOMPARE(scalar(QStringLiteral("SELECT name || ':' || daily_capacity FROM locations WHERE "
                                   "code = '%1'")
                        .arg(code)),
             QVariant(QStringLiteral("Second warehouse:80")));
    // After the save the new location's code is fixed like the others.
    list->setCurrentRow(before);
    QVERIFY(field<QLineEdit>(&screen, QStringLiteral("locationCode"))->isReadOnly());
}

void TestSettingsScreen::leavingWithChangesAsks()
{
    // Wired as the app wires it, over the real database.
    storage::SqlOrderQueueSource orders(db());
    storage::SqlStockLevelSource stock(db());
    ui::ScreenSources sources;
    sources.orders = &orders;
    sources.stock = &stock;
    sources.databasePath = m_path;
    sources.settings = m_source.get();
    ui::MainWindow window(sources);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::SettingsScreen *screen = window.settingsScreen();
    QVERIFY(screen);
    auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("screens"));
    const int settingsIndex = int(stack->indexOf(screen));
    window.showScreen(settingsIndex);
    QCOMPARE(window.currentScreen(), settingsIndex);
    retype(field<QLineEdit>(screen, QStringLiteral("returns.inspection_days")),
           QStringLiteral("5"));

    // Cancel: still on Settings, the change still there.
    QString asked;
    answerNextQuestion(QMessageBox::Cancel, &asked);
    window.showScreen(0);
    QVERIFY2(asked.contains(u"not saved"), qPrintable(asked));
    QCOMPARE(window.currentScreen(), settingsIndex);
    QCOMPARE(window.findChild<ui::Sidebar *>()->currentIndex(), settingsIndex);
    QVERIFY(screen->hasUnsavedChanges());

    // Save: saved, then the window moves on.
    answerNextQuestion(QMessageBox::Save);
    window.showScreen(0);
    QCOMPARE(window.currentScreen(), 0);
    QVERIFY(!screen->hasUnsavedChanges());

    // Discard: the change is dropped.
    window.showScreen(settingsIndex);
    retype(field<QLineEdit>(screen, QStringLiteral("returns.inspection_days")),
           QStringLiteral("9"));
    answerNextQuestion(QMessageBox::Discard);
    window.showScreen(1);
    QCOMPARE(window.currentScreen(), 1);
    QCOMPARE(field<QLineEdit>(screen, QStringLiteral("returns.inspection_days"))->text(),
             QStringLiteral("5"));

    // The saved value is in the file.
    QCOMPARE(scalar(QStringLiteral("SELECT value FROM settings WHERE key = "
                                   "'returns.inspection_days'")),
             QVariant(QStringLiteral("5")));
}

void TestSettingsScreen::everyPageRenders()
{
    ui::SettingsScreen screen(m_source.get());
    screen.resize(1186, 820); // the main window's screen area at its first-run size
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    const QString review = qEnvironmentVariable("BACKROOM_SCREENSHOT_DIR");
    QCOMPARE(screen.sectionCount(), 6);
    // Pages scroll rather than widen the window: it must still fit a 1024-wide laptop.
    QVERIFY2(screen.minimumSizeHint().width() <= 800,
             qPrintable(QString::number(screen.minimumSizeHint().width())));
    for (int i = 0; i < screen.sectionCount(); ++i) {
        screen.showSection(i);
        QCoreApplication::processEvents();
        const QImage image = screen.grab().toImage();
        QCOMPARE(screen.currentSection(), i);
        QCOMPARE(image.size() / image.devicePixelRatio(), QSize(1186, 820));
        if (!review.isEmpty())
            QVERIFY(image.save(QStringLiteral("%1/settings-%2.png").arg(review).arg(i + 1)));
    }
}

QTEST_MAIN(TestSettingsScreen)
#include "tst_settingsscreen.moc"
