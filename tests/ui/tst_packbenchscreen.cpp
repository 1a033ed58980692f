#include "app/demoshop.h"
#include "models/packbenchsource.h"
#include "printing/barcodeimage.h"
#include "printing/barcodereader.h"
#include "storage/database.h"
#include "storage/sqlorderactions.h"
#include "storage/sqlpackbench.h"
#include "storage/sqlrun.h"
#include "ui/mainwindow.h"
#include "ui/packbenchscreen.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using models::PackOrder;
using models::ScanResult;
using ui::PackBenchScreen;
using State = ui::PackBenchScreen::State;
using Cue = ui::PackSound::Cue;

Q_DECLARE_METATYPE(printing::BarcodeKind)

namespace {

// #1001: Mug ×2 (EAN-13 and UPC-A barcodes), T-shirt ×1 (Code 128), Cap ×3 (EAN-8).
PackOrder order1001()
{
    PackOrder o;
    o.id = 1001;
    o.orderNumber = QStringLiteral("#1001");
    o.channelName = QStringLiteral("Shopify");
    o.shipName = QStringLiteral("Jo Bloggs");
    o.shippingService = QStringLiteral("Royal Mail Tracked 48");
    models::PackLine mug;
    mug.orderLineId = 1;
    mug.productId = 10;
    mug.sku = QStringLiteral("MUG-01");
    mug.title = QStringLiteral("Stoneware mug");
    mug.quantity = 2;
    mug.barcodes = {QStringLiteral("5012345678900"), QStringLiteral("036000291452")};
    mug.weightGrams = 400;
    mug.lengthMm = 120;
    mug.widthMm = 90;
    mug.heightMm = 100;
    models::PackLine tee;
    tee.orderLineId = 2;
    tee.productId = 11;
    tee.sku = QStringLiteral("TEE-M");
    tee.title = QStringLiteral("T-shirt, medium");
    tee.quantity = 1;
    tee.barcodes = {QStringLiteral("BR-TEE-M")};
    tee.weightGrams = 200;
    tee.lengthMm = 250;
    tee.widthMm = 200;
    tee.heightMm = 20;
    models::PackLine cap;
    cap.orderLineId = 3;
    cap.productId = 12;
    cap.sku = QStringLiteral("CAP-01");
    cap.title = QStringLiteral("Baseball cap");
    cap.quantity = 3;
    cap.barcodes = {QStringLiteral("96385074")};
    cap.weightGrams = 150;
    cap.lengthMm = 200;
    cap.widthMm = 180;
    cap.heightMm = 100;
    o.lines = {mug, tee, cap};
    return o;
}

// #2001: the gift set GIFT-01 ×1 (1 × MUG-01 and 2 × COASTER-01; its own barcode
// 5000000000012) and a coaster ordered on its own.
PackOrder order2001()
{
    PackOrder o;
    o.id = 2001;
    o.orderNumber = QStringLiteral("#2001");
    o.channelName = QStringLiteral("Shopify");
    o.shipName = QStringLiteral("Sam Giver");
    models::PackLine mug = order1001().lines.first();
    mug.quantity = 1;
    models::PackLine coaster;
    coaster.productId = 13;
    coaster.sku = QStringLiteral("COASTER-01");
    coaster.title = QStringLiteral("Cork coaster");
    coaster.quantity = 2;
    coaster.barcodes = {QStringLiteral("4006381333948")};
    coaster.weightGrams = 80;
    coaster.lengthMm = 100;
    coaster.widthMm = 100;
    coaster.heightMm = 5;
    models::PackKit gift;
    gift.orderLineId = 21;
    gift.productId = 14;
    gift.sku = QStringLiteral("GIFT-01");
    gift.title = QStringLiteral("Gift set");
    gift.quantity = 1;
    gift.barcodes = {QStringLiteral("5000000000012")};
    o.appendKit(gift, {mug, coaster});
    coaster.orderLineId = 22;
    coaster.quantity = 1;
    o.lines.append(coaster);
    return o;
}

// The bench's data in memory: one order to pack, one already packed, one on hold.
class FakePackBench : public models::PackBenchSource
{
public:
    QList<models::PackScanRecord> scans;
    QList<models::PackCompletion> packed;
    QHash<qint64, int> weights;

    models::Result<PackOrder> findOrder(const QString &code) override
    {
        if (code == QLatin1String("#1001") || code == QLatin1String("1001") ||
            code == QLatin1String("BR:shopify:1001") || code == QLatin1String("PL-000012-03")) {
            if (!packed.isEmpty())
                return models::Error{QStringLiteral("#1001 is already packed")};
            return order1001();
        }
        if (code == QLatin1String("#2001"))
            return order2001();
        if (code == QLatin1String("#1002"))
            return models::Error{QStringLiteral("#1002 is on hold: address check")};
        return models::Error{QStringLiteral("No order has the code \"%1\"").arg(code)};
    }
    std::optional<models::ScannedProduct> identify(const QString &code) override
    {
        if (code == QLatin1String("4006381333931"))
            return models::ScannedProduct{20, QStringLiteral("SOCK-01"),
                                          QStringLiteral("Wool socks")};
        return std::nullopt;
    }
    models::Result<QList<models::PackBox>> boxes() override
    {
        return QList<models::PackBox>{
            {QStringLiteral("BOX-M"), QStringLiteral("Medium box"), 310, 220, 150, 15000, 180},
            {QStringLiteral("BOX-L"), QStringLiteral("Large box"), 450, 350, 250, 25000, 350}};
    }
    models::Status logScan(const models::PackScanRecord &scan) override
    {
        scans.append(scan);
        return {};
    }
    models::Status markPacked(const models::PackCompletion &c) override
    {
        packed.append(c);
        return {};
    }
    models::Status recordWeight(qint64 orderId, int grams) override
    {
        weights.insert(orderId, grams);
        return {};
    }
    models::Result<models::PackFigures> figuresSince(const QDateTime &) override
    {
        models::PackFigures f;
        f.ordersPacked = int(packed.size());
        f.ordersAccurate = f.ordersPacked;
        for (const models::PackScanRecord &s : std::as_const(scans)) {
            if (s.result == ScanResult::Right || s.result == ScanResult::Wrong ||
                s.result == ScanResult::OverScan || s.result == ScanResult::Unknown)
                ++f.itemScans;
            if (s.result == ScanResult::Wrong || s.result == ScanResult::OverScan ||
                s.result == ScanResult::Unknown)
                ++f.misScans;
        }
        if (f.ordersPacked)
            f.packers.append({QStringLiteral("pat"), f.ordersPacked, 6, f.misScans, 0.25});
        return f;
    }
    QString packer() const override { return QStringLiteral("pat"); }
    QString station() const override { return QStringLiteral("bench-1"); }
};

class RecordingSound : public ui::PackSound
{
public:
    explicit RecordingSound(QList<Cue> *cues) : m_cues(cues) {}
    void play(Cue cue) override { m_cues->append(cue); }

private:
    QList<Cue> *m_cues;
};

// Draws `image` rotated by `degrees` on white, as a photo or a tilted scan would be.
QImage rotated(const QImage &image, qreal degrees)
{
    const QImage src = image.convertToFormat(QImage::Format_RGB32);
    return src.transformed(QTransform().rotate(degrees), Qt::SmoothTransformation)
        .convertToFormat(QImage::Format_ARGB32);
}

QImage onWhite(const QImage &image, int margin)
{
    QImage out(image.width() + 2 * margin, image.height() + 2 * margin, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    p.drawImage(margin, margin, image);
    return out;
}

// Gray noise of ±amplitude on every pixel, seeded so a failure can be repeated.
QImage noisy(const QImage &image, int amplitude)
{
    QImage out = image.convertToFormat(QImage::Format_Grayscale8);
    QRandomGenerator rng(20261126);
    for (int y = 0; y < out.height(); ++y) {
        uchar *line = out.scanLine(y);
        for (int x = 0; x < out.width(); ++x) {
            const int v = line[x] + int(rng.bounded(2 * amplitude + 1)) - amplitude;
            line[x] = uchar(std::clamp(v, 0, 255));
        }
    }
    return out;
}

QImage transformed(const QImage &symbol, const QString &how)
{
    // Transparent corners of a rotated image count as white.
    const QImage base = onWhite(symbol, 40);
    if (how == QLatin1String("as printed"))
        return base;
    if (how == QStringLiteral("turned 90°"))
        return base.transformed(QTransform().rotate(90));
    if (how == QStringLiteral("tilted 4°"))
        return onWhite(rotated(base, 4), 0);
    if (how == QStringLiteral("tilted -7°"))
        return onWhite(rotated(base, -7), 0);
    if (how == QLatin1String("noisy"))
        return noisy(base, 60);
    if (how == QStringLiteral("noisy and tilted 3°"))
        return noisy(onWhite(rotated(base, 3), 0), 45);
    return {};
}

} // namespace

// The station driven as a packer drives it: a scanner typing codes and Enter, the
// keyboard for the shortcuts, images for benches without a scanner.
class TestPackBenchScreen : public QObject
{
    Q_OBJECT

private:
    FakePackBench m_source;
    QList<Cue> m_cues;
    std::unique_ptr<PackBenchScreen> m_screen;

    void scan(const QString &code)
    {
        QTest::keyClicks(m_screen->scanField(), code);
        QTest::keyClick(m_screen->scanField(), Qt::Key_Return);
    }
    QString panelColour() const
    {
        const QImage shot = m_screen->grab().toImage();
        return shot.pixelColor(shot.width() - 5, shot.height() / 2).name();
    }

private slots:
    void init();
    void cleanup();

    void withoutDatabaseSaysSo();
    void fitsASmallWindow();
    void packsAnOrderScanByScan();
    void refusesAnOrderWithItsReason();
    void itemBeforeOrderIsExplained();
    void nextOrderWhileOneIsOpen();
    void escapePutsTheOrderAside();
    void weightAfterPacking();
    void focusStaysInTheScanField();
    void greenCalmsDown();
    void f11AsksForFullScreen();
    void scannerSpeed();
    void imagesDecodeLikeScans_data();
    void imagesDecodeLikeScans();
    void imageWithoutBarcodeIsRed();
    void pastedImage();
    void packsADemoOrderInTheMainWindow();
    void packsAKitByItsParts();
    void screenshots();
};

void TestPackBenchScreen::init()
{
    m_source = FakePackBench();
    m_cues.clear();
    m_screen = std::make_unique<PackBenchScreen>(&m_source);
    m_screen->setSound(std::make_unique<RecordingSound>(&m_cues));
    m_screen->resize(1280, 800);
    m_screen->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_screen.get()));
    m_screen->activateWindow();
    QTRY_VERIFY(m_screen->scanField()->hasFocus());
}

void TestPackBenchScreen::cleanup()
{
    m_screen.reset();
}

void TestPackBenchScreen::withoutDatabaseSaysSo()
{
    PackBenchScreen empty(nullptr);
    QCOMPARE(empty.state(), State::NoDatabase);
    QVERIFY(empty.message().contains(QLatin1String("No database is open")));
    QVERIFY(!empty.scanField()->isEnabled());
    empty.submit(QStringLiteral("#1001")); // nothing happens, nothing breaks
    QCOMPARE(empty.state(), State::NoDatabase);
}

void TestPackBenchScreen::fitsASmallWindow()
{
    // A 1366×768 laptop with the sidebar beside the screen, whatever the screen says.
    PackBenchScreen empty(nullptr);
    QVERIFY2(empty.minimumSizeHint().width() <= 900,
             qPrintable(QString::number(empty.minimumSizeHint().width())));
    scan(QStringLiteral("#1001"));
    scan(QStringLiteral("4006381333931"));
    QVERIFY2(m_screen->minimumSizeHint().width() <= 900,
             qPrintable(QString::number(m_screen->minimumSizeHint().width())));
    QVERIFY2(m_screen->minimumSizeHint().height() <= 700,
             qPrintable(QString::number(m_screen->minimumSizeHint().height())));
}

void TestPackBenchScreen::packsAnOrderScanByScan()
{
    QCOMPARE(m_screen->state(), State::Idle);
    QCOMPARE(m_screen->message(), QStringLiteral("Scan an order"));
    const QString idle = panelColour();
    QSignalSpy packed(m_screen.get(), &PackBenchScreen::orderPacked);

    scan(QStringLiteral("#1001"));
    QCOMPARE(m_screen->state(), State::Loaded);
    QVERIFY2(m_screen->orderText().contains(QStringLiteral("#1001 · Jo Bloggs · Shopify")),
             qPrintable(m_screen->orderText()));
    QCOMPARE(m_screen->linesTable()->rowCount(), 3);
    QCOMPARE(m_screen->linesTable()->item(0, 0)->text(), QStringLiteral("0 / 2"));
    QVERIFY2(m_screen->boxText().contains(QLatin1String("Large box (BOX-L), suggested")),
             qPrintable(m_screen->boxText()));
    QCOMPARE(m_source.scans.last().result, ScanResult::OrderFound);
    QVERIFY(m_screen->scanField()->text().isEmpty());

    // Right item: counted, green, the right sound.
    scan(QStringLiteral("5012345678900"));
    QCOMPARE(m_screen->state(), State::Right);
    QCOMPARE(m_screen->session().packed(0), 1);
    QCOMPARE(m_screen->linesTable()->item(0, 0)->text(), QStringLiteral("1 / 2"));
    QCOMPARE(m_cues.last(), Cue::Right);
    const QString green = panelColour();
    QCOMPARE(green, QStringLiteral("#1e8e3e"));

    // Wrong item: nothing counted, red, named.
    scan(QStringLiteral("4006381333931"));
    QCOMPARE(m_screen->state(), State::Wrong);
    QCOMPARE(m_screen->session().unitsPacked(), 1);
    QVERIFY2(m_screen->message().contains(QLatin1String("Wool socks (SOCK-01)")),
             qPrintable(m_screen->message()));
    QVERIFY(m_screen->message().contains(QLatin1String("Stoneware mug (MUG-01)")));
    QCOMPARE(m_cues.last(), Cue::Wrong);
    QCOMPARE(panelColour(), QStringLiteral("#c5221f"));
    QVERIFY(panelColour() != idle);
    QCOMPARE(m_source.scans.last().result, ScanResult::Wrong);
    QCOMPARE(m_source.scans.last().orderId, 1001);

    // The mug's second barcode counts for the same line.
    scan(QStringLiteral("036000291452"));
    QCOMPARE(m_screen->state(), State::Right);
    QCOMPARE(m_screen->session().packed(0), 2);

    // One too many.
    scan(QStringLiteral("5012345678900"));
    QCOMPARE(m_screen->state(), State::Wrong);
    QVERIFY(m_screen->message().startsWith(QLatin1String("One too many")));
    QCOMPARE(m_screen->session().packed(0), 2);

    // Ctrl+Z takes back the last counted mug; scanning it again counts it again.
    QTest::keyClick(m_screen->scanField(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_screen->session().packed(0), 1);
    QCOMPARE(m_source.scans.last().result, ScanResult::Undo);
    QCOMPARE(m_source.scans.last().units, -1);
    scan(QStringLiteral("036000291452"));
    QCOMPARE(m_screen->session().packed(0), 2);

    // The UNDO code does the same.
    scan(QStringLiteral("96385074"));
    scan(QStringLiteral("UNDO"));
    QCOMPARE(m_screen->session().packed(2), 0);

    // x-quantity: a cap, then x3; x5 more than wanted is refused.
    scan(QStringLiteral("96385074"));
    scan(QStringLiteral("x5"));
    QCOMPARE(m_screen->state(), State::Wrong);
    QVERIFY2(m_screen->message().contains(QLatin1String("x5 refused")),
             qPrintable(m_screen->message()));
    QCOMPARE(m_screen->session().packed(2), 1);
    scan(QStringLiteral("x3"));
    QCOMPARE(m_screen->state(), State::Right);
    QCOMPARE(m_screen->session().packed(2), 3);
    QCOMPARE(m_screen->linesTable()->item(2, 0)->text(), QStringLiteral("3 / 3"));
    QVERIFY(packed.isEmpty());

    // The last item: done, marked packed once, the done sound, orderPacked(1001).
    scan(QStringLiteral("BR-TEE-M"));
    QCOMPARE(m_screen->state(), State::Done);
    QCOMPARE(packed.size(), 1);
    QCOMPARE(packed.first().at(0).toLongLong(), 1001);
    QCOMPARE(packed.first().at(1).toString(), QStringLiteral("#1001"));
    QCOMPARE(m_source.packed.size(), 1);
    QCOMPARE(m_source.packed.first().units, 6);
    QCOMPARE(m_source.packed.first().boxCode, QStringLiteral("BOX-L"));
    QVERIFY(m_source.packed.first().weightEstimated);
    QCOMPARE(m_source.packed.first().weightGrams, 2 * 400 + 200 + 3 * 150 + 350);
    QCOMPARE(m_cues.last(), Cue::Done);
    QCOMPARE(panelColour(), QStringLiteral("#0b5d2a"));
    QVERIFY2(m_screen->figuresText().contains(QLatin1String("Today: 1 order packed")),
             qPrintable(m_screen->figuresText()));

    // Scanning more after done starts over: the same order is refused now.
    scan(QStringLiteral("#1001"));
    QCOMPARE(m_screen->state(), State::Wrong);
    QCOMPARE(m_screen->message(), QStringLiteral("#1001 is already packed"));
    QCOMPARE(packed.size(), 1);
}

void TestPackBenchScreen::refusesAnOrderWithItsReason()
{
    scan(QStringLiteral("#1002"));
    QCOMPARE(m_screen->state(), State::Wrong);
    QCOMPARE(m_screen->message(), QStringLiteral("#1002 is on hold: address check"));
    QCOMPARE(m_source.scans.last().result, ScanResult::OrderRefused);
    QCOMPARE(m_cues.last(), Cue::Wrong);
    // An order code that is fine loads afterwards, from a pick-list slot.
    scan(QStringLiteral("PL-000012-03"));
    QCOMPARE(m_screen->state(), State::Loaded);
}

void TestPackBenchScreen::itemBeforeOrderIsExplained()
{
    scan(QStringLiteral("4006381333931"));
    QCOMPARE(m_screen->state(), State::Wrong);
    QCOMPARE(m_screen->message(),
             QStringLiteral("Wool socks (SOCK-01) is an item: scan the order first"));
    scan(QStringLiteral("x2"));
    QCOMPARE(m_screen->message(), QStringLiteral("Scan an order first"));
}

void TestPackBenchScreen::nextOrderWhileOneIsOpen()
{
    scan(QStringLiteral("#1001"));
    scan(QStringLiteral("1001")); // the same order by another code: not an item
    QCOMPARE(m_screen->state(), State::Wrong);
    QVERIFY2(m_screen->message().startsWith(QLatin1String("That is this order's own code (#1001)")),
             qPrintable(m_screen->message()));
    QCOMPARE(m_screen->session().unitsPacked(), 0);
}

void TestPackBenchScreen::escapePutsTheOrderAside()
{
    scan(QStringLiteral("#1001"));
    scan(QStringLiteral("MUG-01"));
    QTest::keyClick(m_screen->scanField(), Qt::Key_Escape);
    QCOMPARE(m_screen->state(), State::Idle);
    QCOMPARE(m_screen->message(), QStringLiteral("#1001 put aside. Scan an order"));
    QCOMPARE(m_screen->linesTable()->rowCount(), 0);
    QVERIFY(m_source.packed.isEmpty());
}

void TestPackBenchScreen::weightAfterPacking()
{
    scan(QStringLiteral("#1001"));
    scan(QStringLiteral("w1.9kg"));
    QVERIFY2(m_screen->boxText().contains(QLatin1String("Weight: 1.90 kg")),
             qPrintable(m_screen->boxText()));
    for (const char *code : {"MUG-01", "x2", "TEE-M", "CAP-01", "x3"})
        scan(QString::fromLatin1(code));
    QCOMPARE(m_screen->state(), State::Done);
    QCOMPARE(m_source.packed.first().weightGrams, 1900);
    QVERIFY(!m_source.packed.first().weightEstimated);
    // Weighed again after packing: recorded on the packed order.
    scan(QStringLiteral("w2050"));
    QCOMPARE(m_source.weights.value(1001), 2050);
    QCOMPARE(m_screen->state(), State::Done);
}

void TestPackBenchScreen::focusStaysInTheScanField()
{
    scan(QStringLiteral("#1001"));
    QTest::mouseClick(m_screen->linesTable()->viewport(), Qt::LeftButton, {}, QPoint(40, 20));
    QVERIFY(m_screen->scanField()->hasFocus());
    QTest::mouseClick(m_screen.get(), Qt::LeftButton, {}, QPoint(10, 10));
    QVERIFY(m_screen->scanField()->hasFocus());
    QTest::keyClick(m_screen.get(), Qt::Key_Tab);
    QVERIFY(m_screen->scanField()->hasFocus());
    scan(QStringLiteral("MUG-01"));
    QCOMPARE(m_screen->session().packed(0), 1);
}

void TestPackBenchScreen::greenCalmsDown()
{
    scan(QStringLiteral("#1001"));
    scan(QStringLiteral("MUG-01"));
    QCOMPARE(m_screen->state(), State::Right);
    QTRY_COMPARE_WITH_TIMEOUT(m_screen->state(), State::Loaded, 3000);
    // Red stays until the next scan.
    scan(QStringLiteral("nonsense"));
    QCOMPARE(m_screen->state(), State::Wrong);
    QTest::qWait(1500);
    QCOMPARE(m_screen->state(), State::Wrong);
}

void TestPackBenchScreen::f11AsksForFullScreen()
{
    QWidget host;
    PackBenchScreen inside(&m_source, &host);
    QSignalSpy spy(&inside, &PackBenchScreen::fullScreenChanged);
    QTest::keyClick(inside.scanField(), Qt::Key_F11);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.last().at(0).toBool(), true);
    QVERIFY(inside.isFullScreen());
    QTest::keyClick(inside.scanField(), Qt::Key_F11);
    QCOMPARE(spy.last().at(0).toBool(), false);
}

void TestPackBenchScreen::scannerSpeed()
{
    // A scanner types a code in a few milliseconds; every scan must be taken.
    scan(QStringLiteral("#1001"));
    QElapsedTimer t;
    t.start();
    for (const char *code : {"5012345678900", "036000291452", "BR-TEE-M", "96385074", "96385074"})
        scan(QString::fromLatin1(code));
    QCOMPARE(m_screen->session().unitsPacked(), 5);
    scan(QStringLiteral("96385074"));
    QCOMPARE(m_screen->state(), State::Done);
    QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
}

void TestPackBenchScreen::imagesDecodeLikeScans_data()
{
    QTest::addColumn<printing::BarcodeKind>("kind");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("line"); // -1: an order code

    using K = printing::BarcodeKind;
    const QStringList ways = {QStringLiteral("as printed"), QStringLiteral("turned 90°"),
                              QStringLiteral("tilted 4°"),  QStringLiteral("tilted -7°"),
                              QStringLiteral("noisy"),      QStringLiteral("noisy and tilted 3°")};
    for (const QString &how : ways) {
        QTest::addRow("EAN-13, %s", qPrintable(how))
            << K::Ean13 << QStringLiteral("5012345678900") << how << 0;
        QTest::addRow("UPC-A, %s", qPrintable(how))
            << K::UpcA << QStringLiteral("036000291452") << how << 0;
        QTest::addRow("Code 128, %s", qPrintable(how))
            << K::Code128 << QStringLiteral("BR-TEE-M") << how << 1;
        QTest::addRow("QR order code, %s", qPrintable(how))
            << K::QrCode << QStringLiteral("BR:shopify:1001") << how << -1;
    }
}

void TestPackBenchScreen::imagesDecodeLikeScans()
{
    QFETCH(printing::BarcodeKind, kind);
    QFETCH(QString, content);
    QFETCH(QString, how);
    QFETCH(int, line);

    // Written by ZXing's writer, as the labels and shelf tags are.
    models::Result<QImage> symbol = printing::renderBarcode(kind, content, 3, 120);
    QVERIFY2(symbol.ok(), qPrintable(symbol.error()));
    const QImage image = transformed(symbol.value(), how);
    QVERIFY(!image.isNull());

    if (line >= 0)
        scan(QStringLiteral("#1001"));
    QVERIFY2(m_screen->scanImage(image), qPrintable(m_screen->message()));
    if (line < 0) {
        QCOMPARE(m_screen->state(), State::Loaded);
        QCOMPARE(m_screen->session().order().id, 1001);
        return;
    }
    QCOMPARE(m_screen->state(), State::Right);
    QCOMPARE(m_screen->session().packed(line), 1);
    QCOMPARE(m_source.scans.last().code, content);
}

void TestPackBenchScreen::imageWithoutBarcodeIsRed()
{
    scan(QStringLiteral("#1001"));
    QImage blank(400, 300, QImage::Format_RGB32);
    blank.fill(Qt::white);
    QVERIFY(!m_screen->scanImage(blank));
    QCOMPARE(m_screen->state(), State::Wrong);
    QCOMPARE(m_screen->message(), QStringLiteral("No barcode found in the image"));
    QCOMPARE(m_screen->session().unitsPacked(), 0);

    QTemporaryDir dir;
    QVERIFY(!m_screen->scanImageFile(dir.filePath(QStringLiteral("missing.png"))));
    QCOMPARE(m_screen->state(), State::Wrong);
}

void TestPackBenchScreen::pastedImage()
{
    scan(QStringLiteral("#1001"));
    models::Result<QImage> symbol = printing::renderBarcode(
        printing::BarcodeKind::Ean13, QStringLiteral("5012345678900"), 3, 120);
    QVERIFY(symbol.ok());
    QApplication::clipboard()->setImage(onWhite(symbol.value(), 30));
    if (!QApplication::clipboard()->mimeData()->hasImage())
        QSKIP("this platform's clipboard holds no images");
    QTest::keyClick(m_screen->scanField(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_screen->state(), State::Right);
    QCOMPARE(m_screen->session().packed(0), 1);
    QVERIFY(m_screen->scanField()->text().isEmpty());
}

void TestPackBenchScreen::packsADemoOrderInTheMainWindow()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("demo.db"));
    app::DemoOptions options;
    options.orders = 400;
    options.seed = 3;
    options.today = QDate(2026, 11, 25);
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    // Wired as the app wires it: the database outlives the source, which outlives
    // the window.
    models::Result<std::unique_ptr<storage::Database>> opened = storage::Database::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    storage::SqlPackBench source(opened.value()->connection(), QStringLiteral("bench-1"),
                                 QStringLiteral("pat"));
    ui::ScreenSources sources;
    sources.packBench = &source;
    ui::MainWindow window(sources);
    PackBenchScreen *bench = window.packBenchScreen();
    QVERIFY(bench);
    bench->setSound(std::make_unique<RecordingSound>(&m_cues));

    // A second connection looks at the file as another program would.
    const QString name = QStringLiteral("packbench-demo-check");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        // New orders allocated as the Orders screen does it, so some are ready to pack.
        QList<qint64> fresh;
        models::Result<QSqlQuery> news = storage::runQuery(
            db, QStringLiteral("SELECT id FROM orders WHERE status IN ('new', 'backordered')"));
        QVERIFY2(news.ok(), qPrintable(news.error()));
        while (news.value().next())
            fresh << news.value().value(0).toLongLong();
        news.value().finish();
        storage::SqlOrderActions actions(opened.value()->connection(), QStringLiteral("owner"));
        actions.allocate(fresh);
        // The newest order ready to pack whose number is its own, and a code per unit.
        models::Result<QVariant> found = storage::queryScalar(
            db, QStringLiteral("SELECT o.id FROM orders o WHERE o.status IN ('ready', 'picking') "
                               "AND (SELECT COUNT(*) FROM orders x "
                               "WHERE x.order_number = o.order_number) = 1 "
                               "ORDER BY o.id DESC LIMIT 1"));
        QVERIFY2(found.ok(), qPrintable(found.error()));
        const qint64 id = found->toLongLong();
        const QString number =
            storage::queryScalar(db, QStringLiteral("SELECT order_number FROM orders WHERE id = ?"),
                                 {id})
                ->toString();
        QStringList codes;
        models::Result<QSqlQuery> lines = storage::runQuery(
            db,
            QStringLiteral("SELECT COALESCE((SELECT barcode FROM product_barcodes b "
                           "WHERE b.product_id = l.product_id ORDER BY is_primary DESC "
                           "LIMIT 1), l.sku), l.quantity - l.quantity_shipped "
                           "FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no"),
            {id});
        QVERIFY2(lines.ok(), qPrintable(lines.error()));
        while (lines.value().next())
            for (int i = 0; i < lines.value().value(1).toInt(); ++i)
                codes << lines.value().value(0).toString();
        QVERIFY(!codes.isEmpty());

        window.showScreen(4);
        QCOMPARE(window.screenSlug(4), QStringLiteral("pack"));
        QSignalSpy packed(bench, &PackBenchScreen::orderPacked);
        QTest::keyClicks(bench->scanField(), number);
        QTest::keyClick(bench->scanField(), Qt::Key_Return);
        QVERIFY2(bench->state() == State::Loaded, qPrintable(bench->message()));
        QTest::keyClicks(bench->scanField(), QStringLiteral("4006381333931")); // no such product
        QTest::keyClick(bench->scanField(), Qt::Key_Return);
        QCOMPARE(bench->state(), State::Wrong);
        QCOMPARE(bench->session().unitsPacked(), 0);
        for (const QString &code : std::as_const(codes)) {
            QTest::keyClicks(bench->scanField(), code);
            QTest::keyClick(bench->scanField(), Qt::Key_Return);
        }
        QVERIFY2(bench->state() == State::Done, qPrintable(bench->message()));
        QCOMPARE(packed.size(), 1);
        QCOMPARE(packed.first().at(0).toLongLong(), id);

        QCOMPARE(
            storage::queryScalar(db, QStringLiteral("SELECT status FROM orders WHERE id = ?"), {id})
                ->toString(),
            QStringLiteral("packed"));
        QCOMPARE(storage::queryScalar(db,
                                      QStringLiteral("SELECT group_concat(result, ',') FROM "
                                                     "(SELECT result FROM pack_scans WHERE "
                                                     "order_id = ? ORDER BY id)"),
                                      {id})
                     ->toString(),
                 QStringLiteral("order,unknown,") +
                     QStringList(codes.size(), QStringLiteral("right")).join(u',') +
                     QStringLiteral(",packed"));
        QVERIFY(bench->figuresText().contains(QLatin1String("Today: 1 order packed")));

        // F11 gives the bench the whole screen: no sidebar, menus or status bar.
        QTest::keyClick(bench->scanField(), Qt::Key_F11);
        QVERIFY(window.windowState() & Qt::WindowFullScreen);
        QVERIFY(window.menuBar()->isHidden());
        QVERIFY(window.statusBar()->isHidden());
        QVERIFY(
            window.findChild<QListWidget *>(QStringLiteral("sidebarList"))->isHidden() ||
            !window.findChild<QListWidget *>(QStringLiteral("sidebarList"))->isVisibleTo(&window));
        QTest::keyClick(bench->scanField(), Qt::Key_F11);
        QVERIFY(!(window.windowState() & Qt::WindowFullScreen));
        QVERIFY(!window.menuBar()->isHidden());
        QVERIFY(
            window.findChild<QListWidget *>(QStringLiteral("sidebarList"))->isVisibleTo(&window));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestPackBenchScreen::packsAKitByItsParts()
{
    const QString dir = qEnvironmentVariable("BACKROOM_SCREENSHOT_DIR");
    auto shot = [&](const QString &name) {
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QTest::qWait(20);
        m_screen->grab().save(dir + QStringLiteral("/pack-kit-") + name + QStringLiteral(".png"));
    };
    scan(QStringLiteral("#2001"));
    QCOMPARE(m_screen->state(), State::Loaded);
    // The kit's line, its parts indented beneath it, then the coaster of its own.
    QTableWidget *rows = m_screen->linesTable();
    QCOMPARE(rows->rowCount(), 4);
    QCOMPARE(rows->item(0, 0)->text(), QStringLiteral("0 / 1"));
    QCOMPARE(rows->item(0, 1)->text(), QStringLiteral("Gift set (kit: scan its parts)"));
    QCOMPARE(rows->item(0, 2)->text(), QStringLiteral("GIFT-01"));
    QVERIFY(rows->item(0, 1)->font().bold());
    QVERIFY(rows->item(1, 1)->text().startsWith(QLatin1String("   ")));
    QCOMPARE(rows->item(1, 1)->text().trimmed(), QStringLiteral("Stoneware mug"));
    QCOMPARE(rows->item(2, 2)->text(), QStringLiteral("COASTER-01"));
    QCOMPARE(rows->item(2, 0)->text(), QStringLiteral("0 / 2"));
    QCOMPARE(rows->item(3, 1)->text(), QStringLiteral("Cork coaster"));
    QCOMPARE(rows->item(3, 0)->text(), QStringLiteral("0 / 1"));
    shot(QStringLiteral("1-order"));

    // The kit's own barcode: red, nothing counted, the parts named.
    scan(QStringLiteral("5000000000012"));
    QCOMPARE(m_screen->state(), State::Wrong);
    QCOMPARE(m_screen->headline(), QStringLiteral("✗ Scan the kit's parts"));
    QCOMPARE(m_screen->message(), QStringLiteral("GIFT-01 (Gift set) is a kit: scan its parts, "
                                                 "1 × MUG-01 and 2 × COASTER-01"));
    QCOMPARE(m_screen->session().unitsPacked(), 0);
    QCOMPARE(m_source.scans.last().result, ScanResult::Refused);
    QCOMPARE(m_cues.last(), Cue::Wrong);
    shot(QStringLiteral("2-kit-refused"));

    // Two coasters fill the kit's part, then the mug completes the kit.
    scan(QStringLiteral("4006381333948"));
    QCOMPARE(m_screen->state(), State::Right);
    QVERIFY2(m_screen->headline().contains(QLatin1String("Cork coaster for GIFT-01 1 / 2")),
             qPrintable(m_screen->headline()));
    scan(QStringLiteral("COASTER-01"));
    QCOMPARE(rows->item(2, 0)->text(), QStringLiteral("2 / 2"));
    QCOMPARE(rows->item(3, 0)->text(), QStringLiteral("0 / 1"));
    QCOMPARE(rows->item(0, 0)->text(), QStringLiteral("0 / 1"));
    scan(QStringLiteral("5012345678900"));
    QCOMPARE(rows->item(0, 0)->text(), QStringLiteral("1 / 1"));
    shot(QStringLiteral("3-kit-done"));

    // The last coaster: packed, with the parts' weights and the box for them.
    scan(QStringLiteral("4006381333948"));
    QCOMPARE(m_screen->state(), State::Done);
    QCOMPARE(m_source.packed.size(), 1);
    QCOMPARE(m_source.packed.first().orderId, 2001);
    QCOMPARE(m_source.packed.first().units, 4);
    QCOMPARE(m_source.packed.first().boxCode, QStringLiteral("BOX-M"));
    QCOMPARE(m_source.packed.first().weightGrams, 400 + 3 * 80 + 180);
    shot(QStringLiteral("4-packed"));
}

void TestPackBenchScreen::screenshots()
{
    // For looking at: BACKROOM_SCREENSHOT_DIR=/some/dir ctest -R tst_packbenchscreen
    const QString dir = qEnvironmentVariable("BACKROOM_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("BACKROOM_SCREENSHOT_DIR not set");
    QDir().mkpath(dir);
    auto shot = [&](const QString &name) {
        QTest::qWait(20); // the layout settles as it would between two scans
        QVERIFY(
            m_screen->grab().save(dir + QStringLiteral("/pack-") + name + QStringLiteral(".png")));
    };
    shot(QStringLiteral("1-idle"));
    scan(QStringLiteral("#1001"));
    shot(QStringLiteral("2-order"));
    scan(QStringLiteral("5012345678900"));
    shot(QStringLiteral("3-green"));
    scan(QStringLiteral("4006381333931"));
    shot(QStringLiteral("4-red"));
    for (const char *code : {"036000291452", "TEE-M", "CAP-01", "x3"})
        scan(QString::fromLatin1(code));
    shot(QStringLiteral("5-done"));
}

QTEST_MAIN(TestPackBenchScreen)
#include "tst_packbenchscreen.moc"
