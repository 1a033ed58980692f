// The Purchasing screen as the goods-in bench uses it, over a real database: the list
// with its overdue flag and filters, receiving a delivery by scanning (each scan one
// more on its line, a product not on the order refused in red with nothing counted),
// posting the receipt (the order becomes partially received, the stock arrives, the
// short lines are recorded as discrepancies), sending a draft, the supplier's CSV and
// PDF, and the plain statement shown when no database is open.

#include "../storage/allocationshop.h"
#include "app/demoshop.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlpurchasing.h"
#include "storage/sqlrun.h"
#include "ui/purchaseordereditor.h"
#include "ui/purchasingscreen.h"
#include "ui/receivingpanel.h"
#include "ui/screenheader.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace allocationshop;
using S = models::PurchaseOrder::Status;

namespace {

const QString kShots = QStringLiteral("/tmp/purchasingshots");

bool showAndActivate(QWidget &widget)
{
    widget.resize(1300, 760);
    widget.show();
    widget.activateWindow();
    return QTest::qWaitForWindowActive(&widget);
}

void scan(QLineEdit *field, const QString &code)
{
    field->setFocus();
    QTest::keyClicks(field, code);
    QTest::keyClick(field, Qt::Key_Return);
}

} // namespace

class TestPurchasingScreen : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void receiveByScanning();
    void sendADraftAndFilter();
    void csvAndPdfForTheSupplier();
    void newOrderThroughTheEditor();
    void receiveAWholeOrderOnTheDemoShop();
    void withoutADatabase();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QVariant scalar(const QString &sql) const
    {
        const models::Result<QVariant> v = storage::queryScalar(db(), sql);
        return v.ok() ? v.value() : QVariant();
    }
    qint64 purchaseOrder(const QList<QPair<qint64, int>> &lines, bool send, const QDate &expected);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlPurchasing> m_source;
};

void TestPurchasingScreen::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = storage::Database::open(m_dir->filePath(QStringLiteral("po.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    QVERIFY(build(db()).ok());
    const char *statements[] = {
        "INSERT INTO suppliers (id, name, currency, email) VALUES "
        "(1, 'Acme Ceramics', 'GBP', 'orders@acme.example'), (2, 'Birch & Co', 'GBP', NULL)",
        "UPDATE products SET supplier_id = 1, cost_minor = 275, supplier_sku = 'AC-' || sku",
        "INSERT INTO product_barcodes (product_id, barcode, symbology, is_primary) VALUES "
        "(1, '5012345678900', 'EAN13', 1), (2, '5012345678917', 'EAN13', 1), "
        "(3, '5012345678924', 'EAN13', 1)",
        "INSERT INTO settings (key, value) VALUES ('shop.name', 'Hearth & Field Homewares')",
        "UPDATE locations SET address_line1 = 'Unit 4, Aire Park', city = 'Leeds', "
        "postcode = 'LS10 1AB' WHERE id = 1",
    };
    for (const char *sql : statements)
        QVERIFY(storage::runStatement(db(), QString::fromLatin1(sql)).ok());
    m_source = std::make_unique<storage::SqlPurchasing>(db());
}

void TestPurchasingScreen::cleanup()
{
    m_source.reset();
    m_db.reset();
    m_dir.reset();
}

qint64 TestPurchasingScreen::purchaseOrder(const QList<QPair<qint64, int>> &lines, bool send,
                                           const QDate &expected)
{
    models::PurchaseOrderDraft d;
    d.supplierId = 1;
    d.locationId = LDS;
    d.expected = expected;
    for (const auto &[product, quantity] : lines)
        d.lines.append({product, quantity, 275});
    const models::Result<qint64> id = m_source->saveDraft(d);
    if (!id.ok())
        return 0;
    if (send && !m_source->changeStatus(id.value(), S::Sent, QStringLiteral("sam")).ok())
        return 0;
    return id.value();
}

void TestPurchasingScreen::receiveByScanning()
{
    const QDate lastWeek = QDate::currentDate().addDays(-7);
    const qint64 po = purchaseOrder({{Mug, 5}, {Tee, 3}}, true, lastWeek);
    QVERIFY(po);
    ui::PurchasingScreen screen(m_source.get(), QStringLiteral("dana"));
    QVERIFY(showAndActivate(screen));
    QCOMPARE(screen.model()->rowCount(), 1);
    // Fits beside the sidebar on a 1366-pixel laptop screen.
    QVERIFY2(screen.minimumSizeHint().width() < 1000,
             qPrintable(QString::number(screen.minimumSizeHint().width())));
    // Expected last week and still open: flagged overdue in the list.
    QVERIFY2(screen.model()->item(0, 3)->text().contains(QLatin1String("overdue")),
             qPrintable(screen.model()->item(0, 3)->text()));
    QVERIFY(screen.header()->summary().contains(QLatin1String("1 overdue")));

    QTest::mouseClick(screen.table()->viewport(), Qt::LeftButton, {},
                      screen.table()->visualRect(screen.model()->index(0, 0)).center());
    QCOMPARE(screen.selectedId(), std::optional<qint64>(po));
    screen.tabs()->setCurrentIndex(1);
    ui::ReceivingPanel *panel = screen.receiving();
    QLineEdit *field = panel->scanField();
    QVERIFY(field->isEnabled());
    QVERIFY(!panel->postButton()->isEnabled());

    // The mug by its barcode, the T-shirt by its SKU.
    scan(field, QStringLiteral("5012345678900"));
    QCOMPARE(panel->countedBox(0)->value(), 1);
    QVERIFY(!panel->messageIsError());
    QVERIFY2(panel->message().contains(QLatin1String("MUG-01")), qPrintable(panel->message()));
    QVERIFY(field->text().isEmpty());
    scan(field, QStringLiteral("TEE-M"));
    QCOMPARE(panel->countedBox(1)->value(), 1);

    // The cap is a real product, but not on this order: refused, nothing counted.
    scan(field, QStringLiteral("5012345678924"));
    QVERIFY(panel->messageIsError());
    QVERIFY2(panel->message().contains(QLatin1String("not on PO-00001")),
             qPrintable(panel->message()));
    QCOMPARE(panel->countedBox(0)->value(), 1);
    QCOMPARE(panel->countedBox(1)->value(), 1);
    QDir().mkpath(kShots);
    screen.grab().save(kShots + QStringLiteral("/receiving-refused-scan.png"));

    QVERIFY(panel->postButton()->isEnabled());
    QTest::mouseClick(panel->postButton(), Qt::LeftButton);
    QVERIFY2(!panel->messageIsError(), qPrintable(panel->message()));
    QVERIFY2(panel->message().contains(QLatin1String("partially received")),
             qPrintable(panel->message()));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM purchase_orders")).toString(),
             QStringLiteral("partially_received"));
    QCOMPARE(scalar(QStringLiteral("SELECT on_hand FROM stock_levels WHERE product_id = 1 AND "
                                   "location_id = 1"))
                 .toInt(),
             1);
    QVERIFY(screen.model()->item(0, 3)->text().startsWith(QLatin1String("Partially received")));
    QCOMPARE(screen.model()->item(0, 7)->text(), QStringLiteral("2 of 8"));
    // Both lines came short: two discrepancies, shown on their tab.
    QCOMPARE(screen.discrepancies()->rowCount(), 2);
    QCOMPARE(screen.discrepancies()->item(0, 2)->text(), QStringLiteral("Short"));
    QCOMPARE(screen.discrepancies()->item(0, 3)->text(), QStringLiteral("4"));
    // A fresh delivery starts from nothing.
    QCOMPARE(panel->countedBox(0)->value(), 0);
    screen.grab().save(kShots + QStringLiteral("/receiving-posted.png"));
}

void TestPurchasingScreen::sendADraftAndFilter()
{
    const qint64 draft = purchaseOrder({{Cap, 10}}, false, {});
    const qint64 sent = purchaseOrder({{Mug, 4}}, true, QDate::currentDate().addDays(10));
    QVERIFY(draft && sent);
    ui::PurchasingScreen screen(m_source.get(), QStringLiteral("dana"));
    QVERIFY(showAndActivate(screen));
    QCOMPARE(screen.model()->rowCount(), 2);
    QVERIFY(screen.selectPurchaseOrder(draft));
    auto *send = screen.findChild<QPushButton *>(QStringLiteral("purchasingSend"));
    QVERIFY(send->isEnabled());
    // A draft cannot be received yet.
    QVERIFY(!screen.receiving()->scanField()->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QCOMPARE(screen.current()->header.status, S::Sent);
    QVERIFY(screen.current()->header.orderedAtUtc.isValid());
    QVERIFY(!send->isEnabled());
    QVERIFY(screen.receiving()->scanField()->isEnabled());

    // Filters: by status and by supplier.
    QComboBox *status = screen.statusFilter();
    status->setCurrentIndex(status->findText(QStringLiteral("Draft")));
    QCOMPARE(screen.model()->rowCount(), 0);
    status->setCurrentIndex(status->findText(QStringLiteral("Sent")));
    QCOMPARE(screen.model()->rowCount(), 2);
    QComboBox *supplier = screen.supplierFilter();
    supplier->setCurrentIndex(supplier->findText(QStringLiteral("Birch & Co")));
    QCOMPARE(screen.model()->rowCount(), 0);
    supplier->setCurrentIndex(0);
    status->setCurrentIndex(status->findText(QStringLiteral("Overdue")));
    QCOMPARE(screen.model()->rowCount(), 0);
}

void TestPurchasingScreen::csvAndPdfForTheSupplier()
{
    const qint64 po = purchaseOrder({{Mug, 24}, {Tee, 6}}, true, QDate(2026, 12, 3));
    ui::PurchasingScreen screen(m_source.get(), QStringLiteral("dana"));
    QVERIFY(showAndActivate(screen));
    QVERIFY(screen.selectPurchaseOrder(po));
    const QString csv = m_dir->filePath(QStringLiteral("PO-00001.csv"));
    const models::Status wroteCsv = screen.exportCsv(csv);
    QVERIFY2(wroteCsv.ok(), qPrintable(wroteCsv.error()));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(
        lines.at(0).trimmed(),
        QByteArray("PO number,Supplier SKU,SKU,Name,Quantity,Unit cost,Currency,Expected date"));
    QCOMPARE(lines.at(1).trimmed(),
             QByteArray("PO-00001,AC-MUG-01,MUG-01,Mug,24,2.75,GBP,2026-12-03"));

    const QString pdf = m_dir->filePath(QStringLiteral("PO-00001.pdf"));
    const models::Status wrotePdf = screen.savePdf(pdf);
    QVERIFY2(wrotePdf.ok(), qPrintable(wrotePdf.error()));
    QFile p(pdf);
    QVERIFY(p.open(QIODevice::ReadOnly));
    QVERIFY(p.read(5) == QByteArray("%PDF-"));
    QVERIFY(p.size() > 2000);
    QDir().mkpath(kShots);
    QFile::remove(kShots + QStringLiteral("/PO-00001.pdf"));
    QFile::copy(pdf, kShots + QStringLiteral("/PO-00001.pdf"));
}

void TestPurchasingScreen::newOrderThroughTheEditor()
{
    ui::PurchaseOrderEditor editor(m_source.get(), std::nullopt);
    QVERIFY(showAndActivate(editor));
    editor.supplier()->setCurrentIndex(
        editor.supplier()->findText(QStringLiteral("Birch & Co (GBP)")));
    QVERIFY(editor.supplier()->currentIndex() >= 0);
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("poAddLine")), Qt::LeftButton);
    QTest::mouseClick(editor.findChild<QPushButton *>(QStringLiteral("poAddLine")), Qt::LeftButton);
    QCOMPARE(editor.lines()->rowCount(), 2);
    auto *product = editor.findChild<QComboBox *>(QStringLiteral("poLineProduct1"));
    product->setCurrentIndex(product->findData(qint64(Tee)));
    auto *quantity = editor.findChild<QSpinBox *>(QStringLiteral("poLineQuantity1"));
    quantity->selectAll();
    QTest::keyClicks(quantity, QStringLiteral("12"));
    auto *cost = editor.findChild<QLineEdit *>(QStringLiteral("poLineCost1"));
    QCOMPARE(cost->text(), QStringLiteral("2.75")); // the product's usual cost
    cost->selectAll();
    QTest::keyClicks(cost, QStringLiteral("3.10"));
    QDir().mkpath(kShots);
    editor.grab().save(kShots + QStringLiteral("/editor.png"));
    auto *buttons = editor.findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    QVERIFY(editor.savedId() > 0);
    const models::Result<models::PurchaseOrderDetail> d = m_source->purchaseOrder(editor.savedId());
    QVERIFY2(d.ok(), qPrintable(d.error()));
    QCOMPARE(d->header.status, S::Draft);
    QCOMPARE(d->header.supplierName, QStringLiteral("Birch & Co"));
    QCOMPARE(d->lines.size(), 2);
    QCOMPARE(d->lines.at(1).sku, QStringLiteral("TEE-M"));
    QCOMPARE(d->lines.at(1).ordered, 12);
    QCOMPARE(d->lines.at(1).unitCostMinor, qint64(310));

    // A bad cost keeps the dialog open with the line named.
    ui::PurchaseOrderEditor again(m_source.get(), std::nullopt);
    again.addLine(Mug, 1);
    again.findChild<QLineEdit *>(QStringLiteral("poLineCost0"))->setText(QStringLiteral("abc"));
    again.save();
    QCOMPARE(again.savedId(), qint64(0));
    QVERIFY(again.findChild<QLabel *>(QStringLiteral("poEditorError"))
                ->text()
                .contains(QLatin1String("Line 1")));
}

void TestPurchasingScreen::receiveAWholeOrderOnTheDemoShop()
{
    const QString path = m_dir->filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 400;
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    auto opened = storage::Database::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    std::unique_ptr<storage::Database> shop = std::move(opened).value();
    storage::SqlPurchasing source(shop->connection());

    ui::PurchasingScreen screen(&source, QStringLiteral("dana"));
    QVERIFY(showAndActivate(screen));
    QComboBox *status = screen.statusFilter();
    status->setCurrentIndex(status->findText(QStringLiteral("Sent")));
    QVERIFY(screen.model()->rowCount() > 0);
    QTest::mouseClick(screen.table()->viewport(), Qt::LeftButton, {},
                      screen.table()->visualRect(screen.model()->index(0, 0)).center());
    QVERIFY(screen.current().has_value());
    const models::PurchaseOrderDetail order = *screen.current();
    screen.tabs()->setCurrentIndex(1);
    ui::ReceivingPanel *panel = screen.receiving();

    // The first unit of each line scanned by its barcode, the rest typed in.
    for (int row = 0; row < order.lines.size(); ++row) {
        const models::PurchaseOrderLineDetail &l = order.lines.at(row);
        QVERIFY2(!l.barcodes.isEmpty(), qPrintable(l.sku));
        scan(panel->scanField(), l.barcodes.first());
        QVERIFY2(!panel->messageIsError(), qPrintable(panel->message()));
        QSpinBox *counted = panel->countedBox(row);
        QCOMPARE(counted->value(), 1);
        counted->selectAll();
        QTest::keyClicks(counted, QString::number(l.ordered - l.received));
    }
    QDir().mkpath(kShots);
    screen.grab().save(kShots + QStringLiteral("/demo-receiving.png"));
    QTest::mouseClick(panel->postButton(), Qt::LeftButton);
    QVERIFY2(!panel->messageIsError(), qPrintable(panel->message()));
    QCOMPARE(source.purchaseOrder(order.header.id)->header.status, S::Received);
    QCOMPARE(source.purchaseOrder(order.header.id)->discrepancies.size(), 0);
    // The ledger still adds up: what `backroom check` runs.
    const models::Result<storage::ConsistencyReport> report =
        storage::checkConsistency(shop->connection());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->clean(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestPurchasingScreen::withoutADatabase()
{
    ui::PurchasingScreen screen(nullptr, QString());
    QVERIFY(showAndActivate(screen));
    QVERIFY2(screen.minimumSizeHint().width() < 1000,
             qPrintable(QString::number(screen.minimumSizeHint().width())));
    const auto *label = screen.findChild<QLabel *>(QStringLiteral("purchasingNoDatabase"));
    QVERIFY(label && label->isVisible());
    QVERIFY(label->text().startsWith(QLatin1String("No database is open")));
    QVERIFY(!screen.findChild<QPushButton *>(QStringLiteral("purchasingNew"))->isVisible());
    screen.reload(); // nothing to read, nothing breaks
    screen.postReceipt();
}

QTEST_MAIN(TestPurchasingScreen)
#include "tst_purchasingscreen.moc"
