// `backroom print` through the real executable over a demo shop: a label as PDF,
// PNG and ZPL (and sent to a network label printer: a loopback server that must
// receive the very bytes of the .zpl file), a packing slip, a pick list of two
// orders, a customs form; every barcode read back and compared with the database.
// Refusals: an unknown order (named), no --out, a label without an address, a
// number two channels share, ZPL for a document that is not a label.

#include "../printing/printtestutil.h"
#include "apptestutil.h"

#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using apptest::backroom;
using apptest::sql;

class TestPrintCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void labelPdf();
    void labelPng();
    void labelZpl();
    void labelToNetworkPrinter();
    void packingSlip();
    void pickListOfTwoOrders();
    void customs();
    void refusals();
    void sharedNumberAsksForTheChannel();

private:
    QString db() const { return m_dir.filePath(QStringLiteral("shop.db")); }
    QString out(const QString &name) const { return m_dir.filePath(name); }
    QStringList print(const QString &what, const QString &order, const QString &file) const
    {
        return {QStringLiteral("print"),   what,  QStringLiteral("--db"),  db(),
                QStringLiteral("--order"), order, QStringLiteral("--out"), out(file)};
    }

    QTemporaryDir m_dir;
    QString m_shipped;  // an order with a shipment
    QString m_tracking; // its tracking number
    QString m_abroad;   // shipped by post from GB to the US
};

void TestPrintCommand::initTestCase()
{
    const apptest::Run demo = backroom({QStringLiteral("demo"), QStringLiteral("--db"), db(),
                                        QStringLiteral("--orders"), QStringLiteral("400")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    const QStringList shipped =
        sql(db(), QStringLiteral("SELECT o.order_number || '|' || s.tracking_number FROM orders o "
                                 "JOIN shipments s ON s.order_id = o.id JOIN channels c ON "
                                 "c.id = o.channel_id WHERE c.code = 'shopify' ORDER BY o.id "
                                 "LIMIT 1"));
    QCOMPARE(shipped.size(), 1);
    m_shipped = shipped.first().section(QLatin1Char('|'), 0, 0);
    m_tracking = shipped.first().section(QLatin1Char('|'), 1);
    const QStringList abroad =
        sql(db(), QStringLiteral("SELECT o.order_number FROM orders o JOIN shipments s ON "
                                 "s.order_id = o.id JOIN locations l ON l.id = o.location_id WHERE "
                                 "o.ship_country = 'US' AND l.country = 'GB' AND s.carrier = "
                                 "'Royal Mail' ORDER BY o.id LIMIT 1"));
    QCOMPARE(abroad.size(), 1);
    m_abroad = abroad.first();
}

void TestPrintCommand::labelPdf()
{
    const apptest::Run r =
        backroom(print(QStringLiteral("label"), m_shipped, QStringLiteral("l.pdf")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(m_shipped.toUtf8()));
    if (printtest::tool("pdftoppm").isEmpty())
        QSKIP("poppler-utils are not installed");
    QCOMPARE(printtest::pdfPageSizePt(out(QStringLiteral("l.pdf"))), QSizeF(288, 432));
    const QImage page = printtest::rasterize(out(QStringLiteral("l.pdf")), 203);
    QVERIFY(!page.isNull());
    const QStringList codes =
        printtest::readEach(page, {printing::BarcodeKind::Code128, printing::BarcodeKind::QrCode});
    QCOMPARE(codes, QStringList({m_tracking, m_shipped}));
}

void TestPrintCommand::labelPng()
{
    QStringList args = print(QStringLiteral("label"), m_shipped, QStringLiteral("l.png"));
    const apptest::Run r = backroom(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage page(out(QStringLiteral("l.png")));
    QCOMPARE(page.size(), QSize(812, 1218)); // 4x6 in at 203 dpi
    QCOMPARE(
        printtest::readEach(page, {printing::BarcodeKind::Code128, printing::BarcodeKind::QrCode}),
        QStringList({m_tracking, m_shipped}));
}

void TestPrintCommand::labelZpl()
{
    QStringList args = print(QStringLiteral("label"), m_shipped, QStringLiteral("l.zpl"));
    args << QStringLiteral("--dpi") << QStringLiteral("300");
    const apptest::Run r = backroom(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(out(QStringLiteral("l.zpl")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray zpl = f.readAll();
    QVERIFY(zpl.startsWith("^XA\n^CI28\n^PW1200\n^LL1800\n"));
    QVERIFY(zpl.contains(m_tracking.toUtf8()));
    QVERIFY(zpl.endsWith("^XZ\n"));
}

void TestPrintCommand::labelToNetworkPrinter()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QByteArray received;
    bool closed = false;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *s = server.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, this, [&received, s] { received += s->readAll(); });
        connect(s, &QTcpSocket::disconnected, this, [&closed, &received, s] {
            received += s->readAll();
            closed = true;
        });
    });
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BACKROOM_EXECUTABLE),
            {QStringLiteral("print"), QStringLiteral("label"), QStringLiteral("--db"), db(),
             QStringLiteral("--order"), m_shipped, QStringLiteral("--printer"),
             QStringLiteral("127.0.0.1:%1").arg(server.serverPort())});
    QTRY_VERIFY_WITH_TIMEOUT(closed && p.state() == QProcess::NotRunning, 60000);
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().contains("127.0.0.1:"));

    const apptest::Run file =
        backroom(print(QStringLiteral("label"), m_shipped, QStringLiteral("n.zpl")));
    QCOMPARE(file.exitCode, 0);
    QFile f(out(QStringLiteral("n.zpl")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(received, f.readAll());

    // Nobody listening: the message names the printer.
    const quint16 port = server.serverPort();
    server.close();
    const apptest::Run refused =
        backroom({QStringLiteral("print"), QStringLiteral("label"), QStringLiteral("--db"), db(),
                  QStringLiteral("--order"), m_shipped, QStringLiteral("--printer"),
                  QStringLiteral("127.0.0.1:%1").arg(port)});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("label printer 127.0.0.1:%1").arg(port)),
             qPrintable(refused.err));
}

void TestPrintCommand::packingSlip()
{
    const apptest::Run r =
        backroom(print(QStringLiteral("packing-slip"), m_shipped, QStringLiteral("s.pdf")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    if (printtest::tool("pdftotext").isEmpty())
        QSKIP("poppler-utils are not installed");
    const QString text = printtest::pdfText(out(QStringLiteral("s.pdf")));
    QVERIFY(text.contains(QStringLiteral("PACKING SLIP")));
    QVERIFY(text.contains(QStringLiteral("Order %1").arg(m_shipped)));
    const QStringList skus =
        sql(db(), QStringLiteral("SELECT l.sku FROM order_lines l JOIN orders o ON o.id = "
                                 "l.order_id WHERE o.order_number = '%1'")
                      .arg(m_shipped));
    QVERIFY(!skus.isEmpty());
    for (const QString &sku : skus)
        QVERIFY2(text.contains(sku), qPrintable(sku));
}

void TestPrintCommand::pickListOfTwoOrders()
{
    const QStringList two =
        sql(db(), QStringLiteral("SELECT order_number FROM orders WHERE location_id = (SELECT id "
                                 "FROM locations WHERE code = 'LDS') "
                                 "ORDER BY id LIMIT 2"));
    QCOMPARE(two.size(), 2);
    const apptest::Run r =
        backroom({QStringLiteral("print"), QStringLiteral("pick-list"), QStringLiteral("--db"),
                  db(), QStringLiteral("--orders"), two.join(QLatin1Char(',')),
                  QStringLiteral("--out"), out(QStringLiteral("pl.pdf"))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    if (printtest::tool("pdftoppm").isEmpty())
        QSKIP("poppler-utils are not installed");
    const QString text = printtest::pdfText(out(QStringLiteral("pl.pdf")));
    QVERIFY(text.contains(QStringLiteral("BATCH PICK LIST")) &&
            text.contains(QStringLiteral("PL-")));
    QVERIFY(text.contains(two.at(0)) && text.contains(two.at(1)));
    const QImage page = printtest::rasterize(out(QStringLiteral("pl.pdf")), 203);
    const QStringList codes = printtest::readEach(page, {printing::BarcodeKind::Code128});
    QCOMPARE(codes.size(), 1);
    QVERIFY2(codes.first().startsWith(QStringLiteral("PL-")) || two.contains(codes.first()),
             qPrintable(codes.first()));
}

void TestPrintCommand::customs()
{
    const apptest::Run r =
        backroom(print(QStringLiteral("customs"), m_abroad, QStringLiteral("c.pdf")));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("CN2"), r.out.constData());
    const QString tracking = sql(db(), QStringLiteral("SELECT s.tracking_number FROM shipments s "
                                                      "JOIN orders o ON o.id = s.order_id WHERE "
                                                      "o.order_number = '%1'")
                                           .arg(m_abroad))
                                 .value(0);
    if (printtest::tool("pdftoppm").isEmpty())
        QSKIP("poppler-utils are not installed");
    const QString text = printtest::pdfText(out(QStringLiteral("c.pdf")));
    QVERIFY2(text.contains(QStringLiteral("CN 2")), qPrintable(text));
    const QString hs =
        sql(db(), QStringLiteral("SELECT p.hs_code FROM order_lines l JOIN orders o ON o.id = "
                                 "l.order_id JOIN products p ON p.id = l.product_id WHERE "
                                 "o.order_number = '%1' LIMIT 1")
                      .arg(m_abroad))
            .value(0);
    QVERIFY(!hs.isEmpty());
    QVERIFY2(text.contains(hs), qPrintable(text));
    const QImage page = printtest::rasterize(out(QStringLiteral("c.pdf")), 203);
    QVERIFY(printtest::readEach(page, {printing::BarcodeKind::Code128}).contains(tracking) ||
            printtest::readEach(page, {printing::BarcodeKind::Code128}).contains(m_abroad));

    // At home: no form, and the exit status says nothing was printed.
    const QString home =
        sql(db(), QStringLiteral("SELECT o.order_number FROM orders o JOIN locations l ON l.id = "
                                 "o.location_id WHERE o.ship_country = 'GB' AND l.country = 'GB' "
                                 "LIMIT 1"))
            .value(0);
    const apptest::Run none =
        backroom(print(QStringLiteral("customs"), home, QStringLiteral("h.pdf")));
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains(QStringLiteral("no customs form is needed")), qPrintable(none.err));
    QVERIFY(!QFile::exists(out(QStringLiteral("h.pdf"))));
}

void TestPrintCommand::refusals()
{
    apptest::Run r =
        backroom(print(QStringLiteral("label"), QStringLiteral("#99999"), QStringLiteral("x.pdf")));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("no order numbered #99999")), qPrintable(r.err));
    QVERIFY(!QFile::exists(out(QStringLiteral("x.pdf"))));

    r = backroom({QStringLiteral("print"), QStringLiteral("label"), QStringLiteral("--db"), db(),
                  QStringLiteral("--order"), m_shipped});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--out")), qPrintable(r.err));

    r = backroom(print(QStringLiteral("packing-slip"), m_shipped, QStringLiteral("s.zpl")));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("ZPL is for shipping labels only")), qPrintable(r.err));

    const QString bare =
        sql(db(), QStringLiteral("SELECT order_number FROM orders WHERE status IN ('new', "
                                 "'on_hold', 'backordered', 'ready', 'packed') ORDER BY id DESC "
                                 "LIMIT 1"))
            .value(0);
    QVERIFY(!bare.isEmpty());
    sql(db(), QStringLiteral("UPDATE orders SET ship_line1 = NULL, ship_city = NULL, ship_postcode "
                             "= NULL WHERE order_number = '%1'")
                  .arg(bare));
    r = backroom(print(QStringLiteral("label"), bare, QStringLiteral("bare.pdf")));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("order %1 has no delivery address").arg(bare)),
             qPrintable(r.err));
}

void TestPrintCommand::sharedNumberAsksForTheChannel()
{
    const QString ebay = sql(db(), QStringLiteral("SELECT o.id FROM orders o JOIN channels c ON "
                                                  "c.id = o.channel_id WHERE c.code = 'ebay' "
                                                  "LIMIT 1"))
                             .value(0);
    sql(db(),
        QStringLiteral("UPDATE orders SET order_number = '%1' WHERE id = %2").arg(m_shipped, ebay));
    apptest::Run r =
        backroom(print(QStringLiteral("packing-slip"), m_shipped, QStringLiteral("d.pdf")));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("eBay, Shopify")) &&
                 r.err.contains(QStringLiteral("--channel")),
             qPrintable(r.err));
    QStringList args = print(QStringLiteral("packing-slip"), m_shipped, QStringLiteral("d.pdf"));
    args << QStringLiteral("--channel") << QStringLiteral("shopify");
    r = backroom(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestPrintCommand)
#include "tst_printcommand.moc"
