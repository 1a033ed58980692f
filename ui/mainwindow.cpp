#include "ui/mainwindow.h"

#include "ui/aboutdialog.h"
#include "ui/automationrulesdialog.h"
#include "ui/cominglaterscreen.h"
#include "ui/importdialog.h"
#include "ui/importlook.h"
#include "ui/ordersscreen.h"
#include "ui/packbenchscreen.h"
#include "ui/picklistsscreen.h"
#include "ui/pulldialog.h"
#include "ui/purchasingscreen.h"
#include "ui/reorderscreen.h"
#include "ui/reportsscreen.h"
#include "ui/returnsscreen.h"
#include "ui/screencatalogue.h"
#include "ui/settingsscreen.h"
#include "ui/shippingscreen.h"
#include "ui/sidebar.h"
#include "ui/stockscreen.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace ui {

namespace {

const QString kGeometryKey = QStringLiteral("MainWindow/geometry");
const QString kStateKey = QStringLiteral("MainWindow/state");
// How long the status bar says what an import did.
constexpr int kImportMessageMs = 30'000;
// First run: roomy enough for the order queue's columns, but never larger than
// most of the screen (1366×768 laptops are common in small shops).
constexpr QSize kDefaultSize(1400, 860);
constexpr double kMaxScreenShare = 0.9;
// Ctrl+1 .. Ctrl+9: one digit per screen.
constexpr int kMaxShortcuts = 9;

} // namespace

MainWindow::MainWindow(const ScreenSources &sources, QWidget *parent)
    : QMainWindow(parent), m_sidebar(new Sidebar(this)), m_stack(new QStackedWidget(this)),
      m_makeImportSink(sources.makeImportSink), m_userName(sources.userName)
{
    setWindowTitle(tr("Backroom"));
    setWindowIcon(applicationIcon());
    setObjectName(QStringLiteral("mainWindow"));
    m_stack->setObjectName(QStringLiteral("screens"));
    // Screens sit on white, set apart from the tinted sidebar and status bar.
    m_stack->setAttribute(Qt::WA_StyledBackground, true);
    m_stack->setStyleSheet(QStringLiteral("#screens { background: #ffffff; }"));

    for (const ScreenEntry &entry : ScreenCatalogue::entries()) {
        QWidget *screen = nullptr;
        if (entry.slug == QLatin1String("orders"))
            screen = m_orders = new OrdersScreen(sources.orders, sources.orderDetails,
                                                 sources.orderActions, m_stack);
        else if (entry.slug == QLatin1String("stock"))
            screen = m_stock = new StockScreen(sources.stock, sources.stockOperations, m_stack);
        else if (entry.slug == QLatin1String("reorder"))
            screen = new ReorderScreen(sources.makeReorderSource, sources.userName, m_stack);
        else if (entry.slug == QLatin1String("pick"))
            screen = m_pickLists = new PickListsScreen(sources.pickLists, m_stack);
        else if (entry.slug == QLatin1String("purchasing"))
            screen = new PurchasingScreen(sources.purchasing, sources.userName, m_stack);
        else if (entry.slug == QLatin1String("pack"))
            screen = m_packBench = new PackBenchScreen(sources.packBench, m_stack);
        else if (entry.slug == QLatin1String("returns"))
            screen = new ReturnsScreen(sources.returns, m_stack);
        else if (entry.slug == QLatin1String("shipping"))
            screen = new ShippingScreen(sources.shipping, m_stack);
        else if (entry.slug == QLatin1String("reports"))
            screen = new ReportsScreen(sources.makeReportSource, m_stack);
        else if (entry.slug == QLatin1String("settings"))
            screen = m_settings = new SettingsScreen(sources.settings, m_stack);
        else
            screen = new ComingLaterScreen(entry.title, entry.plannedDescription, m_stack);
        addScreen(screen, entry.slug, entry.title, style()->standardIcon(entry.icon));
    }

    if (m_orders)
        m_orders->setDocumentSource(sources.orderDocuments);
    // Orders screen › Create pick list (Ctrl+K): the list is made on the Pick lists screen.
    if (m_orders && m_pickLists)
        connect(m_orders, &OrdersScreen::pickListRequested, this,
                [this](const QList<qint64> &orderIds) {
                    showScreen(int(m_stack->indexOf(m_pickLists)));
                    m_pickLists->createFromOrders(orderIds);
                    m_orders->refresh();
                });

    // Pack bench › F11: the bench takes the whole screen, without sidebar and bars.
    if (m_packBench)
        connect(m_packBench, &PackBenchScreen::fullScreenChanged, this, [this](bool on) {
            m_sidebar->setVisible(!on);
            menuBar()->setVisible(!on);
            statusBar()->setVisible(!on);
            setWindowState(on ? windowState() | Qt::WindowFullScreen
                              : windowState() & ~Qt::WindowFullScreen);
        });

    // The sidebar drives the stack. Focus stays where it is, so arrowing through the
    // sidebar is not interrupted; showScreen() moves focus into the screen.
    // Leaving Settings with unsaved changes asks first; Cancel stays on Settings.
    connect(m_sidebar, &Sidebar::currentIndexChanged, m_stack, [this](int index) {
        if (m_settings && m_stack->currentWidget() == m_settings &&
            m_stack->indexOf(m_settings) != index && !m_settings->confirmLeave()) {
            const QSignalBlocker block(m_sidebar->list());
            m_sidebar->setCurrentIndex(int(m_stack->indexOf(m_settings)));
            return;
        }
        m_stack->setCurrentIndex(index);
    });

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    buildMenus();
    // File > Automation rules…: the owner's rules that run before each allocation.
    if (auto *fileMenu = menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu"))) {
        QAction *rules = fileMenu->addAction(tr("&Automation rules…"));
        rules->setObjectName(QStringLiteral("automationRulesAction"));
        connect(rules, &QAction::triggered, this, [this, source = sources.automation] {
            auto *dialog = new AutomationRulesDialog(source, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
    }
    buildStatusBar(sources.databasePath);
    setAcceptDrops(true); // export files dropped anywhere on the window are imported
    m_sidebar->setCurrentIndex(0);
    restoreWindowSettings();
}

void MainWindow::addScreen(QWidget *screen, const QString &slug, const QString &title,
                           const QIcon &icon)
{
    screen->setObjectName(slug + QStringLiteral("Screen"));
    const int index = m_stack->addWidget(screen);
    m_slugs.append(slug);
    m_titles.append(title);
    QString toolTip = title;
    if (index < kMaxShortcuts) {
        addScreenShortcut(index);
        toolTip = tr("%1 (%2)").arg(
            title,
            QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)).toString(QKeySequence::NativeText));
    }
    m_sidebar->addEntry(icon, title, toolTip);
}

void MainWindow::addScreenShortcut(int index)
{
    // Window-wide actions, so the shortcut works whichever widget has focus.
    auto *action = new QAction(this);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    connect(action, &QAction::triggered, this, [this, index] { showScreen(index); });
    addAction(action);
}

void MainWindow::buildMenus()
{
    // File > Import orders… (Ctrl+I): a day's exports, one or several at once.
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *import = file->addAction(tr("&Import orders…"));
    import->setObjectName(QStringLiteral("importOrdersAction"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(import, &QAction::triggered, this, &MainWindow::chooseImportFiles);
    QAction *pull = file->addAction(tr("&Pull orders from channels…"));
    pull->setObjectName(QStringLiteral("pullOrdersAction"));
    connect(pull, &QAction::triggered, this, &MainWindow::openPullDialog);

    // Help > About Backroom (macOS moves it to the application menu).
    QAction *about = menuBar()->addMenu(tr("&Help"))->addAction(tr("&About Backroom"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        auto *dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::chooseImportFiles()
{
    const QString folder =
        QSettings().value(importlook::lastDirectoryKey, QDir::homePath()).toString();
    // open(), not exec(): the window keeps painting, and tests can answer the dialog.
    auto *chooser = new QFileDialog(this, tr("Import orders"), folder,
                                    tr("Order exports (*.csv *.tsv *.txt);;All files (*)"));
    chooser->setObjectName(QStringLiteral("importFileDialog"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFiles);
    chooser->setAcceptMode(QFileDialog::AcceptOpen);
    connect(chooser, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        if (files.isEmpty())
            return;
        QSettings().setValue(importlook::lastDirectoryKey,
                             QFileInfo(files.constFirst()).absolutePath());
        openImportDialog(files);
    });
    chooser->open();
}

ImportDialog *MainWindow::openImportDialog(const QStringList &files)
{
    auto *dialog = new ImportDialog(files, m_makeImportSink, m_userName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::ordersImported, this, [this](const QString &summary) {
        m_orders->refresh();
        statusBar()->showMessage(summary, kImportMessageMs);
    });
    dialog->open();
    return dialog;
}

PullDialog *MainWindow::openPullDialog()
{
    auto *dialog = new PullDialog(m_makeImportSink, m_userName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PullDialog::ordersPulled, this, [this](const QString &summary) {
        m_orders->refresh();
        statusBar()->showMessage(summary, kImportMessageMs);
    });
    dialog->open();
    return dialog;
}

namespace {

// The local files among dropped URLs; empty when anything else was dropped.
QStringList droppedFiles(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    QStringList files;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile() || QFileInfo(url.toLocalFile()).isDir())
            return {};
        files.append(url.toLocalFile());
    }
    return files;
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = droppedFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    openImportDialog(files);
}

void MainWindow::buildStatusBar(const QString &databasePath)
{
    auto *path = new QLabel(this);
    path->setObjectName(QStringLiteral("databasePathLabel"));
    path->setText(databasePath.isEmpty()
                      ? tr("No database open")
                      : tr("Database: %1").arg(QDir::toNativeSeparators(databasePath)));
    path->setToolTip(path->text());
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_orderCount = new QLabel(this);
    m_orderCount->setObjectName(QStringLiteral("orderCountLabel"));

    statusBar()->setSizeGripEnabled(false);
    statusBar()->setStyleSheet(
        QStringLiteral("QStatusBar { background: #f6f8fa; border-top: 1px solid #d8dee4;"
                       "  color: #57606a; }"
                       "QStatusBar QLabel { padding: 2px 8px; color: #57606a; }"
                       "QStatusBar::item { border: none; }"));
    statusBar()->addWidget(path, 1);
    statusBar()->addPermanentWidget(m_orderCount);

    // The same words as the Orders header, so the count is in view on every screen.
    connect(m_orders, &OrdersScreen::summaryChanged, m_orderCount, &QLabel::setText);
    m_orderCount->setText(m_orders->summary());
}

int MainWindow::screenCount() const
{
    return m_stack->count();
}

QString MainWindow::screenTitle(int index) const
{
    return m_titles.value(index);
}

QString MainWindow::screenSlug(int index) const
{
    return m_slugs.value(index);
}

int MainWindow::currentScreen() const
{
    return m_stack->currentIndex();
}

void MainWindow::showScreen(int index)
{
    if (index < 0 || index >= screenCount())
        return;
    m_sidebar->setCurrentIndex(index);
    // Screens with a focus proxy (their table) take focus; the others leave it in
    // the sidebar, since they have nothing to type into.
    if (QWidget *proxy = m_stack->widget(index)->focusProxy())
        proxy->setFocus(Qt::ShortcutFocusReason);
    else
        m_sidebar->list()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_settings && !m_settings->confirmLeave()) {
        event->ignore();
        return;
    }
    saveWindowSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreWindowSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(kDefaultSize.boundedTo(screen()->availableGeometry().size() * kMaxScreenShare));
    restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::saveWindowSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

} // namespace ui
