#include "../importers/fakechannelserver.h"
#include "apptestutil.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

QByteArray shopifyPage()
{
    QFile f(QStringLiteral(BACKROOM_TEST_DATA_DIR "/importers/api/shopify_orders_response.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing the Shopify sample");
    return f.readAll();
}

} // namespace

// `backroom pull` as a script runs it, against a local fake of the channel's API:
// exit statuses, --json, the token file, the saved connection, and a second pull
// of the same orders writing nothing.
class TestPullCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    fakeapi::Server m_server;
    QString m_db;
    QString m_tokenFile;

    // Runs the executable while this thread keeps serving the fake API.
    apptest::Run pull(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // The saved connections are this test's own.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        QEventLoop loop;
        QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        QObject::connect(&p, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        p.start(QStringLiteral(BACKROOM_EXECUTABLE), QStringList{QStringLiteral("pull")} + args);
        loop.exec();
        if (p.state() != QProcess::NotRunning)
            qFatal("backroom pull did not finish");
        return {p.exitCode(), p.readAllStandardOutput(),
                QString::fromUtf8(p.readAllStandardError())};
    }
    QStringList common() const
    {
        return {QStringLiteral("--db"),         m_db,
                QStringLiteral("--channel"),    QStringLiteral("shopify"),
                QStringLiteral("--endpoint"),   m_server.base(),
                QStringLiteral("--token-file"), m_tokenFile};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("shop.db"));
        m_tokenFile = m_dir.filePath(QStringLiteral("token.txt"));
        QFile token(m_tokenFile);
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("shpat_from_file\n");
    }

    void pullsAndRepeatsWritingNothing()
    {
        m_server.clear();
        m_server.on("orders.json", {fakeapi::json(shopifyPage())});
        const apptest::Run first =
            pull(common() + QStringList{QStringLiteral("--json"), QStringLiteral("--since"),
                                        QStringLiteral("2026-07-01")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonObject o = QJsonDocument::fromJson(first.out).object();
        QCOMPARE(o.value(u"status").toString(), QStringLiteral("pulled"));
        QCOMPARE(o.value(u"channel").toString(), QStringLiteral("shopify"));
        QCOMPARE(o.value(u"orders_new").toInt(), 2);
        QCOMPARE(o.value(u"on_hold").toInt(), 2); // an empty catalogue knows no SKU
        QCOMPARE(o.value(u"pages").toInt(), 1);
        QCOMPARE(m_server.seen().at(0).headers.value("x-shopify-access-token"),
                 QByteArray("shpat_from_file"));
        QVERIFY(m_server.seen().at(0).target.contains("updated_at_min="));
        QCOMPARE(apptest::sql(m_db, QStringLiteral("SELECT COUNT(*) FROM orders")),
                 QStringList{QStringLiteral("2")});

        const apptest::Run again = pull(common());
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains("pulled 2 order(s) from 1 page(s): 0 new, 0 updated, 2 "
                                    "unchanged"),
                 again.out.constData());
        QCOMPARE(apptest::sql(m_db, QStringLiteral("SELECT COUNT(*) FROM orders")),
                 QStringList{QStringLiteral("2")});
    }

    void refusedTokenSaysSo()
    {
        m_server.clear();
        m_server.on("orders.json", {fakeapi::json(R"({"errors":"Invalid API key"})", 401)});
        const apptest::Run r = pull(common());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("Shopify refused the token for shop 127.0.0.1:%1: "
                                               "check the access token")
                                    .arg(m_server.port())
                                    .toUtf8()),
                 r.out.constData());
    }

    void savedConnectionIsUsed()
    {
        {
            QSettings saved(m_dir.filePath(QStringLiteral("config/Backroom/Backroom.conf")),
                            QSettings::IniFormat);
            saved.setValue(QStringLiteral("connections/shopify/endpoint"), m_server.base());
            saved.setValue(QStringLiteral("connections/shopify/token"),
                           QStringLiteral("shpat_saved"));
        }
        m_server.clear();
        m_server.on("orders.json", {fakeapi::json(shopifyPage())});
        const apptest::Run r = pull({QStringLiteral("--db"), m_db, QStringLiteral("--channel"),
                                     QStringLiteral("shopify"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        QCOMPARE(m_server.seen().at(0).headers.value("x-shopify-access-token"),
                 QByteArray("shpat_saved"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("no channel") << QStringList{} << "pull needs --channel shopify|ebay|amazon";
        QTest::newRow("no token") << QStringList{QStringLiteral("--channel"),
                                                 QStringLiteral("ebay")}
                                  << "no eBay token is set";
        QTest::newRow("token file missing")
            << QStringList{QStringLiteral("--channel"), QStringLiteral("ebay"),
                           QStringLiteral("--token-file"), QStringLiteral("/nonexistent/token")}
            << "the token file /nonexistent/token cannot be read";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const apptest::Run r = pull(QStringList{QStringLiteral("--db"), m_db} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestPullCommand)
#include "tst_pullcommand.moc"
