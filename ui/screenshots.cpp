#include "ui/screenshots.h"

#include "ui/mainwindow.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QPixmap>
#include <QStackedWidget>
#include <QThread>

namespace ui {

namespace {

constexpr QSize kScreenshotSize(1400, 860);

// Layout requests and deferred resizes arrive as posted events; deliver them so the
// grab shows the screen as a user would see it, not half laid out.
void settle()
{
    for (int pass = 0; pass < 3; ++pass)
        QCoreApplication::processEvents();
}

// Screens that compute on a worker thread when shown (reorder suggestions, reports)
// are grabbed with their result, not their progress bar: such a screen owns the
// QThread while it runs (ui/workerrun). A minute is the most waited.
void waitForResults(MainWindow &window)
{
    const auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("screens"));
    if (!stack || !stack->currentWidget())
        return;
    const QWidget *screen = stack->currentWidget();
    const QDeadlineTimer deadline(60'000);
    while (!screen->findChildren<QThread *>().isEmpty() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
    settle();
}

} // namespace

models::Status saveScreenshots(MainWindow &window, const QString &outDir)
{
    const QDir dir(outDir);
    if (!dir.mkpath(QStringLiteral(".")))
        return models::Error{QCoreApplication::translate(
                                 "ui::Screenshots", "Could not create the screenshot folder %1")
                                 .arg(QDir::toNativeSeparators(outDir))};

    const bool wasHidden = !window.isVisible();
    const QSize previousSize = window.size();
    const int previousScreen = window.currentScreen();
    if (wasHidden) {
        // Lay the window out for real without it flashing up on the user's desktop.
        window.setAttribute(Qt::WA_DontShowOnScreen, true);
        window.show();
    }
    window.resize(kScreenshotSize);
    settle();

    models::Status status;
    for (int i = 0; i < window.screenCount(); ++i) {
        window.showScreen(i);
        settle();
        waitForResults(window);
        const QString name = QStringLiteral("%1-%2.png")
                                 .arg(i + 1, 2, 10, QLatin1Char('0'))
                                 .arg(window.screenSlug(i));
        const QString path = dir.filePath(name);
        if (!window.grab().save(path, "PNG")) {
            status = models::Error{
                QCoreApplication::translate("ui::Screenshots", "Could not write the screenshot %1")
                    .arg(QDir::toNativeSeparators(path))};
            break;
        }
    }

    window.showScreen(previousScreen);
    window.resize(previousSize);
    if (wasHidden) {
        window.hide();
        window.setAttribute(Qt::WA_DontShowOnScreen, false);
    }
    return status;
}

} // namespace ui
