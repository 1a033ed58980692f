// Creating products and kits from the Stock screen, headless, over a real demo shop:
// the New product button and Ctrl+N, a SKU clash named under the field, a kit's
// components added by typing and scanning, removed with Delete, what it makes, the
// stock fields a kit has no use for, and the banner a kit's code brings up on the Stock
// screen. Dialogs and screens are saved as PNGs in /tmp/productshots.

#include "app/demoshop.h"
#include "models/stocklevelmodel.h"
#include "storage/database.h"
#include "storage/sqlrun.h"
#include "storage/sqlstocklevelsource.h"
#include "storage/sqlstockoperations.h"
#include "ui/lazytableview.h"
#include "ui/producteditordialog.h"
#include "ui/stockfilterbar.h"
#include "ui/stockscreen.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

#include <functional>
#include <memory>

namespace {

const QString kShots = QStringLiteral("/tmp/productshots");

void shoot(QWidget *w, const QString &name)
{
    QDir().mkpath(kShots);
    w->grab().save(QStringLiteral("%1/%2.png").arg(kShots, name));
}

} // namespace

class TestProductEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void newProductButtonCreatesAProduct();
    void skuClashIsNamed();
    void makingAKit();
    void kitCodeShowsTheBanner();

private:
    void onNextDialog(std::function<void(QDialog *)> act);
    QVariant scalar(const QString &sql, const QVariantList &binds = {});
    QToolButton *button(const QString &action);
    void typeInto(QWidget *w, const QString &text);
    void pressNew();

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlStockLevelSource> m_source;
    std::unique_ptr<storage::SqlStockOperations> m_operations;
    std::unique_ptr<ui::StockScreen> m_screen;
};

void TestProductEditor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 300;
    options.products = 60;
    options.seed = 5;
    options.today = QDate(2026, 11, 25);
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    m_source = std::make_unique<storage::SqlStockLevelSource>(m_db->connection());
    m_operations = std::make_unique<storage::SqlStockOperations>(m_db->connection(),
                                                                 QStringLiteral("tester"), path);
    m_screen = std::make_unique<ui::StockScreen>(m_source.get(), m_operations.get());
    m_screen->resize(1280, 720);
    m_screen->show();
    m_screen->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_screen.get()));
}

void TestProductEditor::cleanupTestCase()
{
    m_screen.reset();
    m_operations.reset();
    m_source.reset();
    m_db.reset();
}

void TestProductEditor::onNextDialog(std::function<void(QDialog *)> act)
{
    auto *poll = new QTimer(this);
    auto tries = std::make_shared<int>(0);
    connect(poll, &QTimer::timeout, this, [poll, tries, act] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            if (++*tries > 250) {
                poll->deleteLater();
                QFAIL("no dialog opened");
            }
            return;
        }
        poll->stop();
        poll->deleteLater();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        act(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
    poll->start(20);
}

QVariant TestProductEditor::scalar(const QString &sql, const QVariantList &binds)
{
    const models::Result<QVariant> v = storage::queryScalar(m_db->connection(), sql, binds);
    return v.ok() ? v.value() : QVariant();
}

QToolButton *TestProductEditor::button(const QString &action)
{
    for (QToolButton *b : m_screen->findChildren<QToolButton *>())
        if (b->defaultAction() && b->defaultAction()->objectName() == action)
            return b;
    return nullptr;
}

void TestProductEditor::typeInto(QWidget *w, const QString &text)
{
    w->setFocus(Qt::OtherFocusReason);
    QTest::keyClicks(w, text);
}

// Ctrl+N in the table, with the screen the active window again after a dialog.
void TestProductEditor::pressNew()
{
    m_screen->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_screen.get()));
    m_screen->table()->setFocus();
    QTest::keyClick(m_screen->table(), Qt::Key_N, Qt::ControlModifier);
}

void TestProductEditor::newProductButtonCreatesAProduct()
{
    QToolButton *newProduct = button(QStringLiteral("newProductAction"));
    QVERIFY(newProduct);
    QCOMPARE(newProduct->text(), QStringLiteral("New product…"));
    bool seen = false;
    onNextDialog([&](QDialog *d) {
        auto *dialog = qobject_cast<ui::ProductEditorDialog *>(d);
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("New product"));
        auto *sku = d->findChild<QLineEdit *>(QStringLiteral("productSku"));
        auto *name = d->findChild<QLineEdit *>(QStringLiteral("productName"));
        QVERIFY(sku->text().isEmpty());
        QCOMPARE(d->findChild<QLineEdit *>(QStringLiteral("productCurrency"))->text(),
                 QStringLiteral("GBP"));
        typeInto(sku, QStringLiteral("HF-JUG-9001-SAG"));
        typeInto(name, QStringLiteral("Hearth Stoneware Jug, 1 l, Sage"));
        auto *bins = d->findChild<QTableWidget *>(QStringLiteral("productBins"));
        QCOMPARE(bins->item(0, 0)->text(), QStringLiteral("BRS"));
        bins->item(1, 1)->setText(QStringLiteral("J-01-1")); // LDS
        shoot(d, QStringLiteral("01-new-product"));
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("productSave")),
                          Qt::LeftButton);
        QVERIFY2(!d->isVisible(), qPrintable(dialog->fieldError(QString())));
        seen = true;
    });
    QTest::mouseClick(newProduct, Qt::LeftButton);
    QVERIFY(seen);
    const qint64 id =
        scalar(QStringLiteral("SELECT id FROM products WHERE sku = 'HF-JUG-9001-SAG'"))
            .toLongLong();
    QVERIFY(id > 0);
    // The screen shows it: searched for, listed at Leeds where it has its bin.
    QCOMPARE(m_screen->filterBar()->searchEdit()->text(), QStringLiteral("HF-JUG-9001-SAG"));
    QCOMPARE(m_screen->model()->rowCount(), 1);
    QCOMPARE(m_screen->currentRow()->productId, id);
    QCOMPARE(m_screen->currentRow()->locationCode, QStringLiteral("LDS"));
    QCOMPARE(m_screen->findChild<QLabel *>(QStringLiteral("stockStatus"))->text(),
             QStringLiteral("Product HF-JUG-9001-SAG created"));
    shoot(m_screen.get(), QStringLiteral("02-new-product-listed"));
}

void TestProductEditor::skuClashIsNamed()
{
    const QString taken =
        scalar(QStringLiteral("SELECT sku FROM products WHERE is_kit = 0 ORDER BY id LIMIT 1"))
            .toString();
    const QString owner =
        scalar(QStringLiteral("SELECT name FROM products WHERE sku = ?"), {taken}).toString();
    const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM products")).toLongLong();
    bool seen = false;
    onNextDialog([&](QDialog *d) {
        auto *dialog = qobject_cast<ui::ProductEditorDialog *>(d);
        typeInto(d->findChild<QLineEdit *>(QStringLiteral("productSku")), taken);
        typeInto(d->findChild<QLineEdit *>(QStringLiteral("productName")),
                 QStringLiteral("A namesake"));
        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("productSave")),
                          Qt::LeftButton);
        QVERIFY(d->isVisible());
        QCOMPARE(dialog->fieldError(QStringLiteral("sku")),
                 QStringLiteral("%1 is already the SKU of \"%2\"").arg(taken, owner));
        shoot(d, QStringLiteral("03-sku-clash"));
        seen = true;
    });
    pressNew();
    QVERIFY(seen);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM products")).toLongLong(), before);
}

void TestProductEditor::makingAKit()
{
    // Two parts from the shop: the best stocked ones at Leeds.
    const QString mug = scalar(QStringLiteral("SELECT p.sku FROM products p JOIN stock_levels s "
                                              "ON s.product_id = p.id WHERE p.sku LIKE 'HF-MUG-%' "
                                              "AND s.location_id = 1 ORDER BY s.on_hand - "
                                              "s.reserved DESC LIMIT 1"))
                            .toString();
    const QString mugBarcode =
        scalar(QStringLiteral("SELECT b.barcode FROM product_barcodes b JOIN products p ON p.id = "
                              "b.product_id WHERE p.sku = ? AND b.is_primary = 1"),
               {mug})
            .toString();
    const QString towel = scalar(QStringLiteral("SELECT sku FROM products WHERE sku LIKE "
                                                "'HF-TWL-%' ORDER BY id LIMIT 1"))
                              .toString();
    const QString plate = scalar(QStringLiteral("SELECT sku FROM products WHERE sku LIKE "
                                                "'HF-PLT-%' ORDER BY id LIMIT 1"))
                              .toString();
    QVERIFY(!mug.isEmpty() && !mugBarcode.isEmpty() && !towel.isEmpty() && !plate.isEmpty());

    bool seen = false;
    onNextDialog([&](QDialog *d) {
        auto *dialog = qobject_cast<ui::ProductEditorDialog *>(d);
        typeInto(d->findChild<QLineEdit *>(QStringLiteral("productSku")),
                 QStringLiteral("HF-KIT-BRUNCH-01"));
        typeInto(d->findChild<QLineEdit *>(QStringLiteral("productName")),
                 QStringLiteral("Brunch Set for 2"));
        auto *kit = d->findChild<QCheckBox *>(QStringLiteral("productIsKit"));
        auto *code = d->findChild<QLineEdit *>(QStringLiteral("kitComponentCode"));
        auto *table = d->findChild<QTableWidget *>(QStringLiteral("kitComponents"));
        QVERIFY(!code->isVisible());
        // Space on the switch turns it into a kit: the stock fields step aside.
        kit->setFocus();
        QTest::keyClick(kit, Qt::Key_Space);
        QVERIFY(kit->isChecked());
        QVERIFY(code->isVisible());
        for (const char *name : {"productBins", "productSupplier", "productMin", "productMax",
                                 "productSafetyStock", "productLeadTime"}) {
            auto *field = d->findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(!field->isEnabled(), name);
            QVERIFY(field->toolTip().contains(QStringLiteral("no stock of its own")));
        }
        QVERIFY(d->findChild<QLabel *>(QStringLiteral("kitStockReason"))->isVisible());
        QVERIFY(dialog->makesText().startsWith(QStringLiteral("Add the parts")));

        // Typed SKU, then the same mug scanned by its barcode: two per kit. Enter adds,
        // it never saves.
        typeInto(code, mug);
        QTest::keyClick(code, Qt::Key_Return);
        QVERIFY(d->isVisible());
        QCOMPARE(table->rowCount(), 1);
        QTest::keyClicks(code, mugBarcode);
        QTest::keyClick(code, Qt::Key_Return);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 2)->data(Qt::EditRole).toInt(), 2);
        QTest::keyClicks(code, towel);
        QTest::keyClick(code, Qt::Key_Return);
        QTest::keyClicks(code, plate);
        QTest::keyClick(code, Qt::Key_Return);
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(1, 0)->text(), towel);
        QVERIFY(!table->item(1, 1)->text().isEmpty()); // its name

        // Refused: an unknown code, a kit, with words under the table.
        QTest::keyClicks(code, QStringLiteral("NO-SUCH-SKU"));
        QTest::keyClick(code, Qt::Key_Return);
        QCOMPARE(dialog->fieldError(QStringLiteral("components")),
                 QStringLiteral("No product has the SKU or barcode NO-SUCH-SKU"));
        code->clear();
        QTest::keyClicks(code, QStringLiteral("HF-KIT-GIFT-01"));
        QTest::keyClick(code, Qt::Key_Return);
        QCOMPARE(dialog->fieldError(QStringLiteral("components")),
                 QStringLiteral("HF-KIT-GIFT-01 is a kit itself, and kits do not nest"));
        QCOMPARE(table->rowCount(), 3);

        // Delete removes the selected part (the plate), keys set the towel's quantity.
        table->setFocus();
        table->setCurrentCell(2, 0);
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(table->rowCount(), 2);
        table->setCurrentCell(1, 2);
        QTest::keyClick(table, Qt::Key_F2);
        QWidget *editor = QApplication::focusWidget();
        QVERIFY(editor && editor != table);
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("3"));
        QTest::keyClick(editor, Qt::Key_Return);
        // The editor commits when the event loop next runs.
        QTRY_COMPARE(table->item(1, 2)->data(Qt::EditRole).toInt(), 3);
        const QList<models::KitComponent> parts = dialog->components();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0).sku, mug);
        QCOMPARE(parts.at(0).quantity, 2);
        QCOMPARE(parts.at(1).quantity, 3);
        QVERIFY2(dialog->makesText().startsWith(QStringLiteral("Makes ")),
                 qPrintable(dialog->makesText()));
        QVERIFY2(dialog->makesText().contains(QStringLiteral(" is the scarcest")),
                 qPrintable(dialog->makesText()));
        shoot(d, QStringLiteral("04-kit-editor"));

        QTest::mouseClick(d->findChild<QPushButton *>(QStringLiteral("productSave")),
                          Qt::LeftButton);
        QVERIFY2(!d->isVisible(), qPrintable(dialog->fieldError(QStringLiteral("components")) +
                                             dialog->fieldError(QString())));
        seen = true;
    });
    pressNew();
    QVERIFY(seen);

    const qint64 kitId =
        scalar(QStringLiteral("SELECT id FROM products WHERE sku = 'HF-KIT-BRUNCH-01' AND is_kit "
                              "= 1"))
            .toLongLong();
    QVERIFY(kitId > 0);
    QCOMPARE(scalar(QStringLiteral("SELECT GROUP_CONCAT(p.sku || '=' || k.quantity) FROM "
                                   "(SELECT * FROM kit_components WHERE kit_product_id = ? "
                                   "ORDER BY component_product_id) k JOIN products p ON p.id = "
                                   "k.component_product_id"),
                    {kitId})
                 .toString()
                 .split(QLatin1Char(','))
                 .size(),
             2);
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM stock_levels WHERE product_id = ?"), {kitId})
            .toLongLong(),
        0);
    // The screen shows the new kit: its parts' rows under the banner.
    QVERIFY2(
        m_screen->kitBanner().startsWith(
            QStringLiteral("HF-KIT-BRUNCH-01 is a kit of 2 × %1 and 3 × %2: ").arg(mug, towel)),
        qPrintable(m_screen->kitBanner()));
    QVERIFY(m_screen->model()->rowCount() > 0);
    for (int row = 0; row < m_screen->model()->rowCount(); ++row) {
        const QString sku = m_screen->model()->rowAt(row)->sku;
        QVERIFY2(sku == mug || sku == towel, qPrintable(sku));
    }
    QCOMPARE(m_screen->findChild<QLabel *>(QStringLiteral("stockStatus"))->text(),
             QStringLiteral("Kit HF-KIT-BRUNCH-01 created"));
}

void TestProductEditor::kitCodeShowsTheBanner()
{
    // The demo's gift set, scanned by its barcode into the search box.
    const qint64 giftId =
        scalar(
            QStringLiteral("SELECT id FROM products WHERE sku = 'HF-KIT-GIFT-01' AND is_kit = 1"))
            .toLongLong();
    QVERIFY(giftId > 0);
    const QString barcode =
        scalar(QStringLiteral("SELECT barcode FROM product_barcodes WHERE product_id = ?"),
               {giftId})
            .toString();
    QStringList parts;
    QStringList partSkus;
    {
        QSqlQuery q(m_db->connection());
        q.prepare(QStringLiteral("SELECT k.quantity, p.sku FROM kit_components k JOIN products p "
                                 "ON p.id = k.component_product_id WHERE k.kit_product_id = ? "
                                 "ORDER BY p.sku"));
        q.addBindValue(giftId);
        QVERIFY(q.exec());
        while (q.next()) {
            parts.append(
                QStringLiteral("%1 × %2").arg(q.value(0).toInt()).arg(q.value(1).toString()));
            partSkus.append(q.value(1).toString());
        }
    }
    QCOMPARE(parts.size(), 2);
    // What it makes at Leeds, worked out here from the stock levels.
    const int makesAtLeeds =
        scalar(QStringLiteral("SELECT MIN((s.on_hand - s.reserved) / k.quantity) FROM "
                              "kit_components k JOIN stock_levels s ON s.product_id = "
                              "k.component_product_id AND s.location_id = (SELECT id FROM "
                              "locations WHERE code = 'LDS') WHERE k.kit_product_id = ?"),
               {giftId})
            .toInt();

    QLineEdit *search = m_screen->filterBar()->searchEdit();
    search->setFocus();
    search->selectAll();
    QTest::keyClicks(search, barcode);
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(!m_screen->kitBanner().isEmpty());
    const QString banner = m_screen->kitBanner();
    QVERIFY2(banner.startsWith(QStringLiteral("HF-KIT-GIFT-01 is a kit of %1 and %2: makes ")
                                   .arg(parts.at(0), parts.at(1))),
             qPrintable(banner));
    if (makesAtLeeds > 0)
        QVERIFY2(banner.contains(QStringLiteral("makes %1 at LDS").arg(makesAtLeeds)),
                 qPrintable(banner));
    QVERIFY(m_screen->model()->rowCount() >= 2);
    for (int row = 0; row < m_screen->model()->rowCount(); ++row)
        QVERIFY(partSkus.contains(m_screen->model()->rowAt(row)->sku));
    shoot(m_screen.get(), QStringLiteral("05-kit-banner"));

    // The banner's link opens the kit itself in the editor.
    bool seen = false;
    onNextDialog([&](QDialog *d) {
        auto *dialog = qobject_cast<ui::ProductEditorDialog *>(d);
        QVERIFY(dialog);
        QVERIFY(d->findChild<QCheckBox *>(QStringLiteral("productIsKit"))->isChecked());
        QCOMPARE(dialog->components().size(), 2);
        QVERIFY2(dialog->makesText().startsWith(QStringLiteral("Makes ")),
                 qPrintable(dialog->makesText()));
        shoot(d, QStringLiteral("06-demo-kit-editor"));
        seen = true;
    });
    auto *link = m_screen->findChild<QLabel *>(QStringLiteral("stockKitBanner"));
    QVERIFY(link->text().contains(QStringLiteral("href")));
    emit link->linkActivated(QStringLiteral("edit"));
    QVERIFY(seen);

    // An ordinary product's SKU: no banner.
    search->selectAll();
    QTest::keyClicks(search, partSkus.first());
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(m_screen->kitBanner().isEmpty());
    QVERIFY(!m_screen->findChild<QLabel *>(QStringLiteral("stockKitBanner"))->isVisible());
}

QTEST_MAIN(TestProductEditor)
#include "tst_producteditor.moc"
