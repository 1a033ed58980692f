#include "app/demoshop.h"
#include "storage/database.h"
#include "storage/sqlcarriers.h"
#include "storage/sqlcarriersetup.h"
#include "storage/sqlshippingsource.h"
#include "ui/carriersdialog.h"
#include "ui/shippingscreen.h"

#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString kShots = QStringLiteral("/tmp/carriersshots");

bool showAndActivate(QWidget &widget)
{
    widget.show();
    widget.activateWindow();
    return QTest::qWaitForWindowActive(&widget);
}

void clickCell(QTableWidget *table, int row, int column)
{
    const QRect rect = table->visualItemRect(table->item(row, column));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

// Clicks the cell, opens its editor with F2, replaces the text and presses Return.
void typeInto(QTableWidget *table, int row, int column, const QString &text)
{
    clickCell(table, row, column);
    QTest::keyClick(table, Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor && editor != table);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

int rowNamed(QTableWidget *table, const QString &name)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0) && table->item(r, 0)->text() == name)
            return r;
    return -1;
}

} // namespace

class TestCarriersDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void addsAServiceWithARate();
    void refusesANegativePrice();
    void switchingAServiceOffHidesItFromShipping();
    void opensFromTheShippingScreen();

private:
    // Adds a service with one rate to the first carrier; returns the carrier's name.
    QString addService(ui::CarriersDialog &dialog, const QString &name, const QString &price);

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_shop;
};

void TestCarriersDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 60;
    options.products = 40;
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    auto opened = storage::Database::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_shop = std::move(opened).value();
}

QString TestCarriersDialog::addService(ui::CarriersDialog &dialog, const QString &name,
                                       const QString &price)
{
    auto *carriers = dialog.findChild<QTableWidget *>(QStringLiteral("carriers"));
    auto *services = dialog.findChild<QTableWidget *>(QStringLiteral("services"));
    auto *rates = dialog.findChild<QTableWidget *>(QStringLiteral("rates"));
    if (!carriers || !services || !rates || carriers->rowCount() == 0)
        return {};
    clickCell(carriers, 0, ui::CarriersDialog::CarrierName);
    const QString carrier = carriers->item(0, ui::CarriersDialog::CarrierName)->text();
    const int before = services->rowCount();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addService")),
                      Qt::LeftButton);
    const int row = services->rowCount() - 1;
    if (row != before)
        return {};
    typeInto(services, row, ui::CarriersDialog::ServiceName, name);
    typeInto(services, row, ui::CarriersDialog::ServiceLevel, QStringLiteral("express"));
    typeInto(services, row, ui::CarriersDialog::ServiceTransit, QStringLiteral("1"));
    typeInto(services, row, ui::CarriersDialog::ServiceCutoff, QStringLiteral("17:30"));
    clickCell(services, row, ui::CarriersDialog::ServiceName);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addRate")), Qt::LeftButton);
    if (rates->rowCount() != 1)
        return {};
    typeInto(rates, 0, ui::CarriersDialog::RateCountry, QStringLiteral("gb"));
    typeInto(rates, 0, ui::CarriersDialog::RatePrefix, QStringLiteral("BT"));
    typeInto(rates, 0, ui::CarriersDialog::RateWeight, QStringLiteral("2000"));
    typeInto(rates, 0, ui::CarriersDialog::RatePrice, price);
    typeInto(rates, 0, ui::CarriersDialog::RateCurrency, QStringLiteral("GBP"));
    return carrier;
}

void TestCarriersDialog::addsAServiceWithARate()
{
    storage::SqlCarrierSetup source(m_shop->connection());
    const QString name = QStringLiteral("Island Express");
    QString carrier;
    {
        ui::CarriersDialog dialog(&source);
        QVERIFY(showAndActivate(dialog));
        carrier = addService(dialog, name, QStringLiteral("7.45"));
        QVERIFY(!carrier.isEmpty());
        QDir().mkpath(kShots);
        dialog.grab().save(kShots + QStringLiteral("/carriers-added.png"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
        QCOMPARE(dialog.message(), QStringLiteral("Saved."));
    }

    // Opened again, the service and its rate are read back from the database.
    ui::CarriersDialog again(&source);
    QVERIFY(showAndActivate(again));
    auto *carriers = again.findChild<QTableWidget *>(QStringLiteral("carriers"));
    auto *services = again.findChild<QTableWidget *>(QStringLiteral("services"));
    auto *rates = again.findChild<QTableWidget *>(QStringLiteral("rates"));
    const int carrierRow = rowNamed(carriers, carrier);
    QVERIFY(carrierRow >= 0);
    clickCell(carriers, carrierRow, ui::CarriersDialog::CarrierName);
    const int serviceRow = rowNamed(services, name);
    QVERIFY2(serviceRow >= 0, qPrintable(name));
    QCOMPARE(services->item(serviceRow, ui::CarriersDialog::ServiceLevel)->text(),
             QStringLiteral("express"));
    QCOMPARE(services->item(serviceRow, ui::CarriersDialog::ServiceTransit)->text(),
             QStringLiteral("1"));
    QCOMPARE(services->item(serviceRow, ui::CarriersDialog::ServiceCutoff)->text(),
             QStringLiteral("17:30"));
    clickCell(services, serviceRow, ui::CarriersDialog::ServiceName);
    QCOMPARE(rates->rowCount(), 1);
    QCOMPARE(rates->item(0, ui::CarriersDialog::RateCountry)->text(), QStringLiteral("GB"));
    QCOMPARE(rates->item(0, ui::CarriersDialog::RatePrefix)->text(), QStringLiteral("BT"));
    QCOMPARE(rates->item(0, ui::CarriersDialog::RateWeight)->text(), QStringLiteral("2000"));
    QCOMPARE(rates->item(0, ui::CarriersDialog::RatePrice)->text(), QStringLiteral("7.45"));
    again.grab().save(kShots + QStringLiteral("/carriers-reopened.png"));

    const models::Result<QList<models::CarrierService>> stored =
        storage::loadCarrierServices(m_shop->connection());
    QVERIFY2(stored.ok(), qPrintable(stored.error()));
    bool found = false;
    for (const models::CarrierService &s : stored.value()) {
        if (s.name != name)
            continue;
        found = true;
        QCOMPARE(s.carrierName, carrier);
        QCOMPARE(s.rates.size(), 1);
        QCOMPARE(s.rates.at(0).costMinor, qint64(745));
        QCOMPARE(s.rates.at(0).maxWeightGrams.value_or(0), 2000);
    }
    QVERIFY(found);
}

void TestCarriersDialog::refusesANegativePrice()
{
    storage::SqlCarrierSetup source(m_shop->connection());
    const QString name = QStringLiteral("Refused Service");
    {
        ui::CarriersDialog dialog(&source);
        QVERIFY(showAndActivate(dialog));
        const QString carrier = addService(dialog, name, QStringLiteral("-1.50"));
        QVERIFY(!carrier.isEmpty());
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
        QVERIFY2(dialog.message().contains(QStringLiteral("%1, %2, rate 1").arg(carrier, name)),
                 qPrintable(dialog.message()));
        QVERIFY2(dialog.message().contains(QStringLiteral("negative")),
                 qPrintable(dialog.message()));
        QDir().mkpath(kShots);
        dialog.grab().save(kShots + QStringLiteral("/carriers-refused.png"));
    }
    const models::Result<QList<models::CarrierService>> stored =
        storage::loadCarrierServices(m_shop->connection());
    QVERIFY2(stored.ok(), qPrintable(stored.error()));
    for (const models::CarrierService &s : stored.value())
        QVERIFY(s.name != name);
}

void TestCarriersDialog::switchingAServiceOffHidesItFromShipping()
{
    storage::SqlCarrierSetup source(m_shop->connection());
    auto shipping = [this] {
        QStringList names;
        const auto loaded = storage::loadCarrierServices(m_shop->connection());
        if (loaded.ok())
            for (const models::CarrierService &s : loaded.value())
                names.append(s.name);
        return names;
    };
    QString name;
    {
        ui::CarriersDialog dialog(&source);
        QVERIFY(showAndActivate(dialog));
        auto *carriers = dialog.findChild<QTableWidget *>(QStringLiteral("carriers"));
        auto *services = dialog.findChild<QTableWidget *>(QStringLiteral("services"));
        clickCell(carriers, 0, ui::CarriersDialog::CarrierName);
        QVERIFY(services->rowCount() > 0);
        name = services->item(0, ui::CarriersDialog::ServiceName)->text();
        QVERIFY(shipping().contains(name));
        QTableWidgetItem *on = services->item(0, ui::CarriersDialog::ServiceActive);
        QCOMPARE(on->checkState(), Qt::Checked);
        // Space on the selected check cell toggles it, as a keyboard user would.
        clickCell(services, 0, ui::CarriersDialog::ServiceActive);
        QTest::keyClick(services, Qt::Key_Space);
        QCOMPARE(on->checkState(), Qt::Unchecked);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
        QCOMPARE(dialog.message(), QStringLiteral("Saved."));
    }
    QVERIFY2(!shipping().contains(name), qPrintable(shipping().join(u',')));
    {
        // The editor still lists it, switched off, and can switch it back on.
        ui::CarriersDialog dialog(&source);
        QVERIFY(showAndActivate(dialog));
        auto *carriers = dialog.findChild<QTableWidget *>(QStringLiteral("carriers"));
        auto *services = dialog.findChild<QTableWidget *>(QStringLiteral("services"));
        clickCell(carriers, 0, ui::CarriersDialog::CarrierName);
        const int row = rowNamed(services, name);
        QVERIFY(row >= 0);
        QCOMPARE(services->item(row, ui::CarriersDialog::ServiceActive)->checkState(),
                 Qt::Unchecked);
        clickCell(services, row, ui::CarriersDialog::ServiceActive);
        QTest::keyClick(services, Qt::Key_Space);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
    }
    QVERIFY(shipping().contains(name));
}

void TestCarriersDialog::opensFromTheShippingScreen()
{
    storage::SqlShippingSource source(m_shop->connection(), QStringLiteral("dana"));
    ui::ShippingScreen screen(&source);
    screen.resize(1300, 760);
    QVERIFY(showAndActivate(screen));
    QVERIFY(screen.findChild<ui::CarriersDialog *>() == nullptr);
    QTest::keyClick(&screen, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    auto *dialog = screen.findChild<ui::CarriersDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(dialog->findChild<QTableWidget *>(QStringLiteral("carriers"))->rowCount() > 0);
    dialog->close();

    // Without a database the button is off and the key does nothing.
    ui::ShippingScreen empty(nullptr);
    QVERIFY(!empty.findChild<QPushButton *>(QStringLiteral("carriersAndRates"))->isEnabled());
}

QTEST_MAIN(TestCarriersDialog)
#include "tst_carriersdialog.moc"
