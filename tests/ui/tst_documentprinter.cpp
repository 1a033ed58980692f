// Printing documents from the screens: a batch of a label and a packing slip printed
// as one job (each page on its own paper, every barcode read back from the PDF),
// the paper remembered per document type and changed from the preview's Paper box,
// and the Orders screen's "Print labels…" (Ctrl+P) and "Print packing slips…"
// (Ctrl+Shift+P) over a demo shop: the preview holds one page per parcel or order.

#include "../printing/printtestutil.h"
#include "app/demoshop.h"
#include "printing/documentbatch.h"
#include "printing/orderdocuments.h"
#include "printing/packingslip.h"
#include "printing/shippinglabel.h"
#include "storage/database.h"
#include "storage/sqlorderactions.h"
#include "storage/sqlorderdetailsource.h"
#include "storage/sqlorderdocumentsource.h"
#include "storage/sqlorderqueuesource.h"
#include "storage/sqlrun.h"
#include "ui/documentprinter.h"
#include "ui/lazytableview.h"
#include "ui/orderprinting.h"
#include "ui/ordersscreen.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QPdfWriter>
#include <QPrinter>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

namespace {

printing::LabelData label()
{
    printing::LabelData l;
    l.shipFrom = {QStringLiteral("Hearth & Field"),
                  QString(),
                  QStringLiteral("Unit 4"),
                  QString(),
                  QStringLiteral("Leeds"),
                  QString(),
                  QStringLiteral("LS10 1AB"),
                  QStringLiteral("GB"),
                  QString()};
    l.shipTo = {QStringLiteral("Ann Buyer"),
                QString(),
                QStringLiteral("1 High St"),
                QString(),
                QStringLiteral("York"),
                QString(),
                QStringLiteral("YO1 1AA"),
                QStringLiteral("GB"),
                QString()};
    l.carrier = QStringLiteral("Royal Mail");
    l.service = QStringLiteral("Tracked 48");
    l.trackingNumber = QStringLiteral("RM123456785GB");
    l.orderNumber = QStringLiteral("#1001");
    return l;
}

printing::Document slip()
{
    printing::PackingSlipData s;
    s.shopName = QStringLiteral("Hearth & Field");
    s.orderNumber = QStringLiteral("#1001");
    s.shipTo = label().shipTo;
    s.lines.append({QStringLiteral("MUG-1"), QStringLiteral("Mug"), 2,
                    models::Money(1000, QStringLiteral("GBP")),
                    models::Money(2000, QStringLiteral("GBP"))});
    return printing::packingSlipDocument(s, printing::PageSetup::a4()).value();
}

// Watches for the preview an action opens: records its title and page count,
// then closes it.
struct PreviewSeen
{
    int pages = -1;
    QString title;
};

void watchPreview(PreviewSeen *seen)
{
    *seen = PreviewSeen();
    QTimer::singleShot(0, [seen] {
        auto *dialog = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen->title = dialog->windowTitle();
        if (auto *w = dialog->findChild<QPrintPreviewWidget *>()) {
            w->updatePreview();
            seen->pages = w->pageCount();
        }
        dialog->reject();
    });
}

} // namespace

class TestDocumentPrinter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void batchPrintsEachPageOnItsPaper();
    void remembersPaperPerType();
    void ordersScreenPrintsTheSelection();

private:
    QTemporaryDir m_dir;
};

void TestDocumentPrinter::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("BackroomTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_documentprinter"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QSettings().clear();
}

void TestDocumentPrinter::batchPrintsEachPageOnItsPaper()
{
    auto labels =
        printing::shippingLabelDocument({label(), label()}, printing::LabelStock::Label4x6);
    QVERIFY(labels.ok());
    const QString pdf = m_dir.filePath(QStringLiteral("batch.pdf"));
    {
        // Through a QPrinter, as the preview's Print button does.
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(pdf);
        ui::DocumentPrinter documents(QStringLiteral("label"));
        auto report = documents.print({labels.value(), labels.value()}, printer);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->pages, 4);
        QCOMPARE(report->barcodes.size(), 8); // tracking and order code on each label
        QCOMPARE(report->barcodes.last().page, 3);
    }
    // A PDF writer takes each document's own paper.
    const QString mixed = m_dir.filePath(QStringLiteral("mixed.pdf"));
    {
        QPdfWriter writer(mixed);
        writer.setResolution(1218);
        QVERIFY(printing::paintDocuments({labels.value(), slip()}, writer).ok());
    }
    if (printtest::tool("pdftoppm").isEmpty())
        QSKIP("poppler-utils are not installed");
    QCOMPARE(printtest::pdfPageCount(pdf), 4);
    QCOMPARE(printtest::pdfPageSizePt(pdf, 4), QSizeF(288, 432));
    const QImage page = printtest::rasterize(pdf, 203, 4);
    const QStringList codes =
        printtest::readEach(page, {printing::BarcodeKind::Code128, printing::BarcodeKind::QrCode});
    QCOMPARE(codes, QStringList({QStringLiteral("RM123456785GB"), QStringLiteral("#1001")}));
    QCOMPARE(printtest::pdfPageCount(mixed), 3);
    QCOMPARE(printtest::pdfPageSizePt(mixed, 1), QSizeF(288, 432));
    const QSizeF a4 = printtest::pdfPageSizePt(mixed, 3);
    QVERIFY2(qAbs(a4.width() - 595) < 1 && qAbs(a4.height() - 842) < 1,
             qPrintable(QStringLiteral("%1 x %2").arg(a4.width()).arg(a4.height())));
}

void TestDocumentPrinter::remembersPaperPerType()
{
    ui::DocumentPrinter slips(QStringLiteral("packing-slip"));
    QCOMPARE(slips.rememberedPaper(QStringLiteral("A4")), QStringLiteral("A4"));
    QStringList asked;
    const ui::DocumentPrinter::Builder build =
        [&asked](const QString &paper) -> models::Result<QList<printing::Document>> {
        asked.append(paper);
        printing::PackingSlipData s;
        s.orderNumber = QStringLiteral("#1");
        s.lines.append({QStringLiteral("A"), QStringLiteral("A"), 1, {}, {}});
        auto d = printing::packingSlipDocument(s, paper == u"Letter" ? printing::PageSetup::letter()
                                                                     : printing::PageSetup::a4());
        return QList<printing::Document>{d.value()};
    };
    QPrintPreviewDialog *dialog = slips.createPreview(
        build, {QStringLiteral("A4"), QStringLiteral("Letter")}, QStringLiteral("Slips"), nullptr);
    auto *box = dialog->findChild<QComboBox *>(QStringLiteral("paperBox"));
    QVERIFY(box);
    QCOMPARE(box->currentText(), QStringLiteral("A4"));
    box->setCurrentText(QStringLiteral("Letter"));
    QCOMPARE(asked, QStringList({QStringLiteral("A4"), QStringLiteral("Letter")}));
    delete dialog;

    // Remembered for slips, not for labels.
    QCOMPARE(slips.rememberedPaper(QStringLiteral("A4")), QStringLiteral("Letter"));
    QCOMPARE(QSettings().value(QStringLiteral("printing/packing-slip/paper")).toString(),
             QStringLiteral("Letter"));
    ui::DocumentPrinter labels(QStringLiteral("label"));
    QCOMPARE(labels.rememberedPaper(QStringLiteral("4x6 in label")),
             QStringLiteral("4x6 in label"));
    dialog = slips.createPreview(build, {QStringLiteral("A4"), QStringLiteral("Letter")},
                                 QStringLiteral("Slips"), nullptr);
    QCOMPARE(asked.last(), QStringLiteral("Letter"));
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("paperBox"))->currentText(),
             QStringLiteral("Letter"));
    delete dialog;
    QSettings().clear();
}

void TestDocumentPrinter::ordersScreenPrintsTheSelection()
{
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 200;
    options.seed = 7;
    options.today = QDate(2026, 11, 25);
    QVERIFY(app::writeDemoShop(path, options).ok());
    auto db = storage::Database::open(path);
    QVERIFY(db.ok());
    storage::SqlOrderQueueSource orders(db.value()->connection());
    storage::SqlOrderDetailSource details(db.value()->connection());
    storage::SqlOrderActions actions(db.value()->connection(), QStringLiteral("tester"));
    storage::SqlOrderDocumentSource documents(db.value()->connection());

    ui::OrdersScreen screen(&orders, &details, &actions);
    screen.setDocumentSource(&documents);
    screen.resize(1200, 700);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    auto *labelsAction = screen.findChild<QAction *>(QStringLiteral("printLabelsAction"));
    auto *slipsAction = screen.findChild<QAction *>(QStringLiteral("printPackingSlipsAction"));
    QVERIFY(labelsAction && slipsAction);
    QVERIFY(!labelsAction->isEnabled()); // nothing selected yet
    QCOMPARE(labelsAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_P));
    QCOMPARE(slipsAction->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));

    // Select three orders from the keyboard, as a user would.
    ui::LazyTableView *table = screen.table();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
    QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
    const QList<qint64> ids = screen.selectedOrderIds();
    QCOMPARE(ids.size(), 3);
    QVERIFY(labelsAction->isEnabled());

    // Parcels (or one label for an order not shipped yet), as the mapping counts them.
    int expectedLabels = 0;
    for (qint64 id : ids) {
        auto labels =
            printing::labelsForOrder(documents.orderDocument(id).value(), QDate::currentDate());
        expectedLabels += labels.ok() ? int(labels->size()) : 0;
    }
    QVERIFY(expectedLabels >= 1);

    PreviewSeen seen;
    watchPreview(&seen);
    QTest::keyClick(table, Qt::Key_P, Qt::ControlModifier);
    QTRY_VERIFY(seen.pages >= 0);
    QCOMPARE(seen.pages, expectedLabels);
    QVERIFY2(seen.title.startsWith(QStringLiteral("Labels for ")), qPrintable(seen.title));
    QVERIFY2(screen.actionMessage().startsWith(QStringLiteral("Labels for ")),
             qPrintable(screen.actionMessage()));

    // Back in the queue after the preview closed.
    screen.activateWindow();
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    watchPreview(&seen);
    QTest::keyClick(table, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY2(seen.pages >= 0, qPrintable(screen.actionMessage()));
    QCOMPARE(seen.pages, 3); // one page per order's slip
    QCOMPARE(seen.title, QStringLiteral("Packing slips for 3 orders"));

    // An order without an address is named and left out; the rest still print.
    const qint64 first = ids.first();
    QVERIFY(storage::runStatement(
                db.value()->connection(),
                QStringLiteral("UPDATE orders SET ship_line1 = NULL WHERE id = ?"), {first})
                .ok());
    const QString number = documents.orderDocument(first)->orderNumber;
    watchPreview(&seen);
    labelsAction->trigger();
    QTRY_VERIFY(seen.pages >= 0);
    QVERIFY2(screen.actionMessage().contains(
                 QStringLiteral("left out: order %1 has no delivery address").arg(number)),
             qPrintable(screen.actionMessage()));
}

QTEST_MAIN(TestDocumentPrinter)
#include "tst_documentprinter.moc"
