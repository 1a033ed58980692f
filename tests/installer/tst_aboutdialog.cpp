// The About box and the icon as a merchant meets them: Help > About Backroom in the
// main window opens it; it names this version and the Qt, ZXing-C++ and SQLite the
// build used, and carries their licences in full; the icon exists at every size the
// platforms ask for.

#include "storage/database.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlstocklevelsource.h"
#include "ui/aboutdialog.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>

class TestAboutDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void iconHasEverySize();
    void namesVersionAndLibraries();
    void carriesLicencesInFull_data();
    void carriesLicencesInFull();
    void helpMenuOpensIt();
};

void TestAboutDialog::initTestCase()
{
    // Window geometry goes to a throwaway settings file, not the developer's.
    QStandardPaths::setTestModeEnabled(true);
}

void TestAboutDialog::iconHasEverySize()
{
    const QIcon icon = ui::applicationIcon();
    QVERIFY(!icon.isNull());
    const QList<QSize> sizes = icon.availableSizes();
    for (const int side : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        QVERIFY2(sizes.contains(QSize(side, side)), qPrintable(QString::number(side)));
    // Drawn, not blank: the corner is transparent, the middle is not.
    const QImage image = icon.pixmap(64, 64).toImage();
    QCOMPARE(image.size(), QSize(64, 64));
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(image.pixel(32, 32)), 255);
}

void TestAboutDialog::namesVersionAndLibraries()
{
    ui::AboutDialog dialog;
    const auto *version = dialog.findChild<QLabel *>(QStringLiteral("versionLabel"));
    QVERIFY(version);
    QVERIFY2(version->text().contains(QStringLiteral(BACKROOM_VERSION)),
             qPrintable(version->text()));

    const auto *builtWith = dialog.findChild<QLabel *>(QStringLiteral("builtWithLabel"));
    QVERIFY(builtWith);
    const QString text = builtWith->text();
    QVERIFY2(text.contains(QStringLiteral("Qt %1").arg(QStringLiteral(QT_VERSION_STR))),
             qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("ZXing-C\\+\\+ \\d+\\.\\d+"))),
             qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("SQLite 3\\.\\d+"))),
             qPrintable(text));
}

void TestAboutDialog::carriesLicencesInFull_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<int>("minimumLength");
    QTest::newRow("overview") << QStringLiteral("THIRD-PARTY.txt")
                              << QStringLiteral("Copyright 2016-2022 Nu-book Inc.") << 500;
    QTest::newRow("Qt: LGPL") << QStringLiteral("LGPL-3.0.txt")
                              << QStringLiteral("GNU LESSER GENERAL PUBLIC LICENSE") << 7000;
    QTest::newRow("Qt: GPL") << QStringLiteral("GPL-3.0.txt")
                             << QStringLiteral("GNU GENERAL PUBLIC LICENSE") << 30000;
    QTest::newRow("ZXing-C++: Apache")
        << QStringLiteral("Apache-2.0.txt") << QStringLiteral("Apache License") << 10000;
}

void TestAboutDialog::carriesLicencesInFull()
{
    QFETCH(QString, file);
    QFETCH(QString, phrase);
    QFETCH(int, minimumLength);
    ui::AboutDialog dialog;
    const auto *view = dialog.findChild<QPlainTextEdit *>(QStringLiteral("licence:") + file);
    QVERIFY(view);
    const QString text = view->toPlainText();
    QVERIFY2(text.contains(phrase), qPrintable(text.left(200)));
    QVERIFY2(text.size() >= minimumLength, qPrintable(QString::number(text.size())));
    QVERIFY(view->isReadOnly());
}

void TestAboutDialog::helpMenuOpensIt()
{
    models::Result<std::unique_ptr<storage::Database>> db =
        storage::Database::open(QStringLiteral(":memory:"));
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
    storage::SqlOrderQueueSource orders(db.value()->connection());
    storage::SqlStockLevelSource stock(db.value()->connection());
    ui::MainWindow window(ui::ScreenSources{&orders, &stock, QStringLiteral(":memory:")});
    QVERIFY(!window.windowIcon().isNull());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
    QVERIFY(about);
    QCOMPARE(about->menuRole(), QAction::AboutRole);
    about->trigger();
    ui::AboutDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ui::AboutDialog *>()) && dialog->isVisible());
    QVERIFY(dialog->testAttribute(Qt::WA_DeleteOnClose));
    QCOMPARE(dialog->findChild<QTabWidget *>(QStringLiteral("aboutTabs"))->count(), 5);
    dialog->close();
    QTRY_VERIFY(!window.findChild<ui::AboutDialog *>());
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
