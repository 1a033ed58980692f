// Labels that come out when the pack bench finishes an order: the bench over the
// real storage on a demo shop, a loopback QTcpServer standing in for the network
// label printer, the scanner typing into the scan field.
#include "app/demoshop.h"
#include "models/picklistcode.h"
#include "printing/zpllabel.h"
#include "storage/database.h"
#include "storage/sqlorderactions.h"
#include "storage/sqlorderdocumentsource.h"
#include "storage/sqlpackbench.h"
#include "storage/sqlpicklistsource.h"
#include "storage/sqlrun.h"
#include "ui/labelautoprinter.h"
#include "ui/labeloutputdialog.h"
#include "ui/packbenchscreen.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using State = ui::PackBenchScreen::State;

namespace {

class SilentSound : public ui::PackSound
{
public:
    void play(Cue) override {}
};

// A label printer on the loopback: every connection's bytes, in the order the
// connections closed.
class FakeLabelPrinter : public QObject
{
public:
    bool listen(quint16 port = 0)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, s, [s, buffer] { *buffer += s->readAll(); });
                connect(s, &QTcpSocket::disconnected, this, [this, s, buffer] {
                    *buffer += s->readAll();
                    jobs << *buffer;
                    s->deleteLater();
                });
            }
        });
        return m_server.listen(QHostAddress::LocalHost, port);
    }
    quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> jobs;

private:
    QTcpServer m_server;
};

// With BACKROOM_SCREENSHOT_DIR set, keeps a picture of `w` there to look at.
void keepPicture(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("BACKROOM_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// A port nothing listens on: taken, then given back.
quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace

class TestLabelAutoPrint : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void printsTheLabelWhenTheOrderIsPacked();
    void printerDownShowsRedAndF5Reprints();
    void batchLabelsComeOutInSlotOrder();
    void heldLabelComesOutWhenThePackerMovesOn();
    void writesPdfsIntoAFolderWithTheSlip();
    void settingsDialogByKeyboardAndRemembered();

private:
    QList<qint64> readyOrders(int count);
    QString numberOf(qint64 orderId);
    QStringList codesFor(qint64 orderId);
    void scan(const QString &code);
    void pack(const QString &orderCode, qint64 orderId);
    QString status(qint64 orderId);
    printing::LabelOutputSettings zplTo(quint16 port) const;

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    QSqlDatabase m_check;
    QSet<qint64> m_used;
    std::unique_ptr<storage::SqlPackBench> m_packBench;
    std::unique_ptr<storage::SqlOrderDocumentSource> m_documents;
    std::unique_ptr<storage::SqlPickListSource> m_pickLists;
    std::unique_ptr<ui::PackBenchScreen> m_bench;
    ui::LabelAutoPrinter *m_printer = nullptr;
};

void TestLabelAutoPrint::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("BackroomTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_labelautoprint"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 6000; // a few dozen open orders around `today`
    options.seed = 5;
    options.today = QDate(2026, 11, 25);
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    m_check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("label-check"));
    m_check.setDatabaseName(path);
    QVERIFY(m_check.open());
    // New orders allocated as the Orders screen does it, so plenty are ready to pack.
    QList<qint64> fresh;
    models::Result<QSqlQuery> news = storage::runQuery(
        m_check, QStringLiteral("SELECT id FROM orders WHERE status IN ('new', 'backordered')"));
    QVERIFY2(news.ok(), qPrintable(news.error()));
    while (news.value().next())
        fresh << news.value().value(0).toLongLong();
    news.value().finish();
    storage::SqlOrderActions(m_db->connection(), QStringLiteral("owner")).allocate(fresh);
    m_packBench = std::make_unique<storage::SqlPackBench>(
        m_db->connection(), QStringLiteral("bench-1"), QStringLiteral("pat"));
    m_documents = std::make_unique<storage::SqlOrderDocumentSource>(m_db->connection());
    m_pickLists =
        std::make_unique<storage::SqlPickListSource>(m_db->connection(), QStringLiteral("pat"));
}

void TestLabelAutoPrint::init()
{
    m_bench = std::make_unique<ui::PackBenchScreen>(m_packBench.get());
    m_bench->setSound(std::make_unique<SilentSound>());
    m_printer = new ui::LabelAutoPrinter(m_documents.get(), m_pickLists.get(), m_bench.get());
    m_bench->show();
}

void TestLabelAutoPrint::cleanup()
{
    m_bench.reset();
    m_printer = nullptr;
}

printing::LabelOutputSettings TestLabelAutoPrint::zplTo(quint16 port) const
{
    printing::LabelOutputSettings s;
    s.kind = printing::LabelOutputKind::NetworkZpl;
    s.networkPrinter = QStringLiteral("127.0.0.1:%1").arg(port);
    s.dpi = 203;
    return s;
}

// Ready orders not used by an earlier test, with a number of their own, at one location.
QList<qint64> TestLabelAutoPrint::readyOrders(int count)
{
    QList<qint64> out;
    models::Result<QSqlQuery> q = storage::runQuery(
        m_check,
        QStringLiteral("SELECT o.id FROM orders o WHERE o.status = 'ready' AND o.location_id = "
                       "(SELECT location_id FROM orders WHERE status = 'ready' GROUP BY "
                       "location_id ORDER BY COUNT(*) DESC LIMIT 1) AND (SELECT COUNT(*) FROM "
                       "orders x WHERE x.order_number = o.order_number) = 1 ORDER BY o.id"));
    if (!q.ok())
        qWarning("%s", qPrintable(q.error()));
    while (q.ok() && q.value().next() && out.size() < count) {
        const qint64 id = q.value().value(0).toLongLong();
        if (!m_used.contains(id))
            out << id;
    }
    for (qint64 id : out)
        m_used.insert(id);
    return out;
}

QString TestLabelAutoPrint::numberOf(qint64 orderId)
{
    return storage::queryScalar(
               m_check, QStringLiteral("SELECT order_number FROM orders WHERE id = ?"), {orderId})
        ->toString();
}

QString TestLabelAutoPrint::status(qint64 orderId)
{
    return storage::queryScalar(m_check, QStringLiteral("SELECT status FROM orders WHERE id = ?"),
                                {orderId})
        ->toString();
}

QStringList TestLabelAutoPrint::codesFor(qint64 orderId)
{
    QStringList codes;
    models::Result<QSqlQuery> lines = storage::runQuery(
        m_check,
        QStringLiteral("SELECT COALESCE((SELECT barcode FROM product_barcodes b "
                       "WHERE b.product_id = l.product_id ORDER BY is_primary DESC "
                       "LIMIT 1), l.sku), l.quantity - l.quantity_shipped "
                       "FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no"),
        {orderId});
    while (lines.ok() && lines.value().next())
        for (int i = 0; i < lines.value().value(1).toInt(); ++i)
            codes << lines.value().value(0).toString();
    return codes;
}

void TestLabelAutoPrint::scan(const QString &code)
{
    QTest::keyClicks(m_bench->scanField(), code);
    QTest::keyClick(m_bench->scanField(), Qt::Key_Return);
}

void TestLabelAutoPrint::pack(const QString &orderCode, qint64 orderId)
{
    scan(orderCode);
    QVERIFY2(m_bench->state() == State::Loaded, qPrintable(m_bench->message()));
    const QStringList codes = codesFor(orderId);
    QVERIFY(!codes.isEmpty());
    for (const QString &code : codes)
        scan(code);
    QVERIFY2(m_bench->state() == State::Done, qPrintable(m_bench->message()));
}

void TestLabelAutoPrint::printsTheLabelWhenTheOrderIsPacked()
{
    FakeLabelPrinter zebra;
    QVERIFY(zebra.listen());
    m_printer->setSettings(zplTo(zebra.port()));
    const QList<qint64> ids = readyOrders(2);
    QCOMPARE(ids.size(), 2);
    const QString number = numberOf(ids.at(0));
    QSignalSpy printed(m_printer, &ui::LabelAutoPrinter::printed);
    pack(number, ids.at(0));
    // The bench takes the next order at once, while the label is on its way.
    scan(numberOf(ids.at(1)));
    QVERIFY2(m_bench->state() == State::Loaded, qPrintable(m_bench->message()));
    QTRY_COMPARE(zebra.jobs.size(), 1);
    const QByteArray zpl = zebra.jobs.first();
    QVERIFY(zpl.startsWith("^XA"));
    QVERIFY(zpl.trimmed().endsWith("^XZ"));
    QVERIFY2(zpl.contains(printing::zplFieldData(number)), zpl.constData());
    // Not shipped yet: the tracking band says so and carries no tracking barcode.
    QVERIFY(zpl.contains("NOT YET TRACKED"));
    QTRY_COMPARE(printed.size(), 1);
    QCOMPARE(printed.first().at(0).toLongLong(), ids.at(0));
    QVERIFY(!m_bench->printProblem());
    QVERIFY2(m_bench->printStatus().contains(number), qPrintable(m_bench->printStatus()));
    QCOMPARE(status(ids.at(0)), QStringLiteral("packed"));
}

void TestLabelAutoPrint::printerDownShowsRedAndF5Reprints()
{
    const quint16 port = closedPort();
    m_printer->setSettings(zplTo(port));
    const QList<qint64> ids = readyOrders(1);
    QCOMPARE(ids.size(), 1);
    const QString number = numberOf(ids.at(0));
    QSignalSpy failed(m_printer, &ui::LabelAutoPrinter::failed);
    pack(number, ids.at(0));
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(m_bench->printProblem());
    const QString red = m_bench->printStatus();
    QVERIFY2(red.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(red));
    QVERIFY2(red.contains(number), qPrintable(red));
    QVERIFY2(red.contains(QLatin1String("F5")), qPrintable(red));
    // The red band really is red.
    const QImage shot =
        m_bench->findChild<QLabel *>(QStringLiteral("packPrintStatus"))->grab().toImage();
    QCOMPARE(shot.pixelColor(2, shot.height() / 2).name(), QStringLiteral("#c5221f"));
    m_bench->resize(1280, 1000);
    keepPicture(m_bench.get(), QStringLiteral("labelprint-printer-down"));
    // The order stays packed whatever the printer does.
    QCOMPARE(status(ids.at(0)), QStringLiteral("packed"));

    FakeLabelPrinter zebra;
    QVERIFY(zebra.listen(port));
    QTest::keyClick(m_bench->scanField(), Qt::Key_F5);
    QTRY_COMPARE(zebra.jobs.size(), 1);
    QVERIFY(zebra.jobs.first().contains(printing::zplFieldData(number)));
    QTRY_VERIFY(!m_bench->printProblem());
    // F5 again prints the last order's label once more.
    QTest::keyClick(m_bench->scanField(), Qt::Key_F5);
    QTRY_COMPARE(zebra.jobs.size(), 2);
    QCOMPARE(zebra.jobs.at(1), zebra.jobs.at(0));
}

void TestLabelAutoPrint::batchLabelsComeOutInSlotOrder()
{
    FakeLabelPrinter zebra;
    QVERIFY(zebra.listen());
    m_printer->setSettings(zplTo(zebra.port()));
    const QList<qint64> ids = readyOrders(3);
    QCOMPARE(ids.size(), 3);
    const qint64 location =
        storage::queryScalar(m_check, QStringLiteral("SELECT location_id FROM orders WHERE id = ?"),
                             {ids.first()})
            ->toLongLong();
    models::PickListRequest request;
    request.locationId = location;
    request.orderIds = ids;
    request.kind = models::PickListKind::Batch;
    models::Result<QList<models::PickListSummary>> made = m_pickLists->create(request);
    QVERIFY2(made.ok(), qPrintable(made.error()));
    const qint64 listId = made->first().id;
    models::Result<models::PickListDetail> list = m_pickLists->list(listId);
    QVERIFY2(list.ok(), qPrintable(list.error()));
    QCOMPARE(list->orders.size(), 3);
    QHash<int, qint64> bySlot;
    for (const models::PickListOrder &o : list->orders)
        bySlot[o.slot] = o.orderId;
    const QList<int> slotNumbers = bySlot.keys();
    QCOMPARE(QSet<int>(slotNumbers.begin(), slotNumbers.end()), (QSet<int>{1, 2, 3}));

    // Slot 3 first: held, and the bench says for what.
    pack(models::slotBarcode(listId, 3), bySlot[3]);
    QCOMPARE(m_printer->heldOrders(), QStringList{numberOf(bySlot[3])});
    QVERIFY2(m_bench->printStatus().contains(QLatin1String("slot 1, 2")),
             qPrintable(m_bench->printStatus()));
    // Slot 1: out at once; 3 still waits for 2.
    pack(models::slotBarcode(listId, 1), bySlot[1]);
    QTRY_COMPARE(zebra.jobs.size(), 1);
    QCOMPARE(m_printer->heldOrders(), QStringList{numberOf(bySlot[3])});
    // Slot 2: then 2 and 3, in that order.
    pack(models::slotBarcode(listId, 2), bySlot[2]);
    QTRY_COMPARE(zebra.jobs.size(), 3);
    QVERIFY(m_printer->heldOrders().isEmpty());
    for (int slot = 1; slot <= 3; ++slot)
        QVERIFY2(zebra.jobs.at(slot - 1).contains(printing::zplFieldData(numberOf(bySlot[slot]))),
                 qPrintable(QStringLiteral("slot %1").arg(slot)));
    QTest::qWait(200);
    QCOMPARE(zebra.jobs.size(), 3);
}

void TestLabelAutoPrint::heldLabelComesOutWhenThePackerMovesOn()
{
    FakeLabelPrinter zebra;
    QVERIFY(zebra.listen());
    m_printer->setSettings(zplTo(zebra.port()));
    const QList<qint64> ids = readyOrders(3);
    QCOMPARE(ids.size(), 3);
    models::PickListRequest request;
    request.locationId =
        storage::queryScalar(m_check, QStringLiteral("SELECT location_id FROM orders WHERE id = ?"),
                             {ids.first()})
            ->toLongLong();
    request.orderIds = {ids.at(0), ids.at(1)};
    models::Result<QList<models::PickListSummary>> made = m_pickLists->create(request);
    QVERIFY2(made.ok(), qPrintable(made.error()));
    const qint64 listId = made->first().id;
    models::Result<models::PickListDetail> list = m_pickLists->list(listId);
    QVERIFY2(list.ok(), qPrintable(list.error()));
    qint64 second = 0;
    for (const models::PickListOrder &o : list->orders)
        if (o.slot == 2)
            second = o.orderId;
    QVERIFY(second != 0);
    pack(models::slotBarcode(listId, 2), second);
    QCOMPARE(m_printer->heldOrders().size(), 1);
    QTest::qWait(100);
    QCOMPARE(zebra.jobs.size(), 0);
    // An order from no list: the held label comes out first, then this one.
    pack(numberOf(ids.at(2)), ids.at(2));
    QTRY_COMPARE(zebra.jobs.size(), 2);
    QVERIFY(zebra.jobs.at(0).contains(printing::zplFieldData(numberOf(second))));
    QVERIFY(zebra.jobs.at(1).contains(printing::zplFieldData(numberOf(ids.at(2)))));
    QVERIFY(m_printer->heldOrders().isEmpty());
}

void TestLabelAutoPrint::writesPdfsIntoAFolderWithTheSlip()
{
    QTemporaryDir out;
    printing::LabelOutputSettings s;
    s.kind = printing::LabelOutputKind::PdfFolder;
    s.pdfFolder = out.filePath(QStringLiteral("labels"));
    s.packingSlip = true;
    m_printer->setSettings(s);
    const QList<qint64> ids = readyOrders(1);
    QCOMPARE(ids.size(), 1);
    const QString number = numberOf(ids.at(0));
    QSignalSpy printed(m_printer, &ui::LabelAutoPrinter::printed);
    pack(number, ids.at(0));
    QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 1, 15000);
    const QString stem = QString(number).remove(u'#');
    QDir dir(s.pdfFolder);
    for (const QString &name : {QStringLiteral("label-%1.pdf").arg(stem),
                                QStringLiteral("packing-slip-%1.pdf").arg(stem)}) {
        QFile f(dir.filePath(name));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(dir.filePath(name)));
        QVERIFY(f.read(5) == "%PDF-");
    }
}

void TestLabelAutoPrint::settingsDialogByKeyboardAndRemembered()
{
    // F9 on the bench asks for the settings (the controller opens the dialog).
    ui::PackBenchScreen bare(m_packBench.get());
    QSignalSpy asked(&bare, &ui::PackBenchScreen::printerSettingsRequested);
    QTest::keyClick(bare.scanField(), Qt::Key_F9);
    QCOMPARE(asked.size(), 1);

    printing::LabelOutputSettings start;
    start.kind = printing::LabelOutputKind::PdfFolder;
    start.pdfFolder = QStringLiteral("/tmp/x");
    ui::LabelOutputDialog dialog(start);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    // The kind box has the keyboard first: Up twice goes to the network printer.
    QVERIFY(dialog.kindBox()->hasFocus());
    QTest::keyClick(dialog.kindBox(), Qt::Key_Up);
    QTest::keyClick(dialog.kindBox(), Qt::Key_Up);
    QCOMPARE(dialog.settings().kind, printing::LabelOutputKind::NetworkZpl);
    // Enter with no address refuses and says why.
    QTest::keyClick(dialog.kindBox(), Qt::Key_Tab);
    QVERIFY(dialog.networkPrinterField()->hasFocus());
    QTest::keyClick(dialog.networkPrinterField(), Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QTest::keyClicks(dialog.networkPrinterField(), QStringLiteral("10.0.0.7:6101"));
    QTest::keyClick(dialog.networkPrinterField(), Qt::Key_Tab);
    QVERIFY(dialog.dpiBox()->hasFocus());
    QTest::keyClick(dialog.dpiBox(), Qt::Key_Down);
    QTest::keyClick(dialog.dpiBox(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space); // the slip box
    QCOMPARE(dialog.slipBox()->isChecked(), true);
    keepPicture(&dialog, QStringLiteral("labelprint-settings"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const printing::LabelOutputSettings chosen = dialog.settings();
    QCOMPARE(chosen.networkPrinter, QStringLiteral("10.0.0.7:6101"));
    QCOMPARE(chosen.dpi, 300);
    QVERIFY(chosen.packingSlip);
    QCOMPARE(chosen.labelDestination(), QStringLiteral("label printer 10.0.0.7:6101"));

    ui::saveLabelOutputSettings(chosen);
    const printing::LabelOutputSettings back = ui::loadLabelOutputSettings();
    QCOMPARE(back.kind, printing::LabelOutputKind::NetworkZpl);
    QCOMPARE(back.networkPrinter, chosen.networkPrinter);
    QCOMPARE(back.dpi, 300);
    QVERIFY(back.packingSlip);
    QCOMPARE(back.pdfFolder, QStringLiteral("/tmp/x"));
    QSettings().clear();
}

QTEST_MAIN(TestLabelAutoPrint)
#include "tst_labelautoprint.moc"
