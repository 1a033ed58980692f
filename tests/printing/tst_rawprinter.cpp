// Handing ZPL to a network label printer: a loopback QTcpServer stands in for the
// printer and records what arrives, which must be byte for byte what the .zpl file
// would hold; a closed port and an unreachable address fail with the host and port
// named; printer addresses parse as people type them.

#include "printing/rawprinter.h"
#include "printing/zpllabel.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <thread>

using printing::RawPrinterAddress;

namespace {

printing::LabelData label(int parcel)
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
    l.shipTo = {QStringLiteral("A^B~C _Sample"),
                QString(),
                QStringLiteral("1 Main St"),
                QString(),
                QStringLiteral("York"),
                QString(),
                QStringLiteral("YO1 1AA"),
                QStringLiteral("GB"),
                QString()};
    l.carrier = QStringLiteral("Royal Mail");
    l.service = QStringLiteral("Tracked 48");
    l.trackingNumber = QStringLiteral("RM12345678%1GB").arg(parcel);
    l.orderNumber = QStringLiteral("#1002");
    l.parcelNumber = parcel;
    l.parcelCount = 2;
    l.weightGrams = 1200;
    return l;
}

} // namespace

class TestRawPrinter : public QObject
{
    Q_OBJECT

private slots:
    void sendsExactlyTheFileBytes();
    void namesHostAndPortWhenRefused();
    void parsesAddresses_data();
    void parsesAddresses();
};

void TestRawPrinter::sendsExactlyTheFileBytes()
{
    auto job = printing::zplLabels({label(1), label(2)});
    QVERIFY2(job.ok(), qPrintable(job.error()));

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

    models::Status status;
    std::thread sender([&] {
        status = printing::sendRawPrintJob({QStringLiteral("127.0.0.1"), server.serverPort()},
                                           job.value());
    });
    QTRY_VERIFY_WITH_TIMEOUT(closed, 10000);
    sender.join();
    QVERIFY2(status.ok(), qPrintable(status.error()));
    QCOMPARE(received, job.value());
    QCOMPARE(received.count("^XA"), 2);
}

void TestRawPrinter::namesHostAndPortWhenRefused()
{
    // A port that was just free: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const models::Status refused = printing::sendRawPrintJob({QStringLiteral("127.0.0.1"), port},
                                                             QByteArray("^XA^XZ"), {2000, 2000});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().startsWith(
                 QStringLiteral("could not reach label printer 127.0.0.1:%1").arg(port)),
             qPrintable(refused.error()));

    // TEST-NET-1 is never routed: the connect timeout names the wait.
    const models::Status silent = printing::sendRawPrintJob({QStringLiteral("192.0.2.1"), 9100},
                                                            QByteArray("^XA^XZ"), {300, 300});
    QVERIFY(!silent.ok());
    QVERIFY2(silent.error().contains(QStringLiteral("192.0.2.1:9100")), qPrintable(silent.error()));
}

void TestRawPrinter::parsesAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("error");
    QTest::newRow("name") << "zebra1"
                          << "zebra1" << 9100 << "";
    QTest::newRow("ipv4 and port") << "10.0.0.7:6101"
                                   << "10.0.0.7" << 6101 << "";
    QTest::newRow("spaces") << " 10.0.0.7 "
                            << "10.0.0.7" << 9100 << "";
    QTest::newRow("ipv6 bracketed") << "[fe80::1]:9101"
                                    << "fe80::1" << 9101 << "";
    QTest::newRow("ipv6 bare") << "::1"
                               << "::1" << 9100 << "";
    QTest::newRow("no host") << ":9100"
                             << "" << 0 << "no host";
    QTest::newRow("port zero") << "zebra:0"
                               << "" << 0 << "1 to 65535";
    QTest::newRow("port text") << "zebra:abc"
                               << "" << 0 << "1 to 65535";
    QTest::newRow("port too big") << "zebra:70000"
                                  << "" << 0 << "1 to 65535";
    QTest::newRow("unclosed bracket") << "[fe80::1:9100"
                                      << "" << 0 << "missing ']'";
}

void TestRawPrinter::parsesAddresses()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, error);
    auto parsed = printing::parseRawPrinterAddress(text);
    if (!error.isEmpty()) {
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed->host, host);
    QCOMPARE(int(parsed->port), port);
}

QTEST_GUILESS_MAIN(TestRawPrinter)
#include "tst_rawprinter.moc"
