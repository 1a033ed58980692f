#pragma once

#include "ui/screensources.h"

#include <QList>
#include <QMainWindow>
#include <QStringList>

class QLabel;
class QStackedWidget;

namespace ui {

class ImportDialog;
class OrdersScreen;
class PackBenchScreen;
class PickListsScreen;
class PullDialog;
class SettingsScreen;
class Sidebar;
class StockScreen;

// The one window: a sidebar of screens on the left, the chosen screen on the right,
// and a status bar naming the database and how many orders it holds. Ctrl+1 to
// Ctrl+9 switch screens; File › Import orders… (Ctrl+I), or files dropped on the
// window, open the import dialog. Size, position and window state are remembered in the
// default QSettings (the app sets the organisation and application names).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const ScreenSources &sources, QWidget *parent = nullptr);

    int screenCount() const;
    // The title shown in the sidebar, translated.
    QString screenTitle(int index) const;
    // A stable, untranslated name for files and settings, e.g. "pick".
    QString screenSlug(int index) const;
    int currentScreen() const;
    // Switches to the screen and puts keyboard focus in it (e.g. its table).
    // Out-of-range indexes are ignored.
    void showScreen(int index);

    OrdersScreen *ordersScreen() const { return m_orders; }
    StockScreen *stockScreen() const { return m_stock; }
    PickListsScreen *pickListsScreen() const { return m_pickLists; }
    // The bench emits orderPacked() when an order is packed, for printing its label.
    PackBenchScreen *packBenchScreen() const { return m_packBench; }
    // Null when the catalogue has no Settings screen.
    SettingsScreen *settingsScreen() const { return m_settings; }

    // Opens the import dialog on these files (window-modal, deleted on close).
    ImportDialog *openImportDialog(const QStringList &files);
    // File › Pull orders from channels…: the channels' APIs (window-modal, deleted on close).
    PullDialog *openPullDialog();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void addScreen(QWidget *screen, const QString &slug, const QString &title, const QIcon &icon);
    void addScreenShortcut(int index);
    void buildMenus();
    void buildStatusBar(const QString &databasePath);
    void chooseImportFiles();
    void restoreWindowSettings();
    void saveWindowSettings() const;

    Sidebar *m_sidebar;
    QStackedWidget *m_stack;
    OrdersScreen *m_orders = nullptr;
    StockScreen *m_stock = nullptr;
    PickListsScreen *m_pickLists = nullptr;
    PackBenchScreen *m_packBench = nullptr;
    SettingsScreen *m_settings = nullptr;
    QLabel *m_orderCount = nullptr;
    OrderImportSinkFactory m_makeImportSink;
    QString m_userName;
    QList<QString> m_slugs;
    QList<QString> m_titles;
};

} // namespace ui
