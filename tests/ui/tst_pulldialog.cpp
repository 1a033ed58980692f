#include "../importers/fakechannelserver.h"
#include "storage/database.h"
#include "storage/sqlorderimportsink.h"
#include "storage/sqlrun.h"
#include "ui/importsummarypage.h"
#include "ui/pulldialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using ui::PullDialog;

// File › Pull orders from channels… driven as a user would: type the shop and the
// token, press Pull, watch it work off the GUI thread, read the summary; Cancel
// during a long wait; no database; a connection with a field missing.
class TestPullDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    fakeapi::Server m_server;

    ui::OrderImportSinkFactory factory() const
    {
        const QString path = m_path;
        return [path]() -> models::Result<std::unique_ptr<models::OrderImportSink>> {
            auto sink = storage::SqlOrderImportSink::open(path);
            if (!sink)
                return models::Error{sink.error()};
            return std::unique_ptr<models::OrderImportSink>(std::move(sink).value());
        };
    }
    static QByteArray shopifyPage()
    {
        QFile f(
            QStringLiteral(BACKROOM_TEST_DATA_DIR "/importers/api/shopify_orders_response.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing the Shopify sample");
        return f.readAll();
    }
    static void fillShop(PullDialog &d, const QString &shop, const QString &token)
    {
        auto *endpoint = d.findChild<QLineEdit *>(QStringLiteral("endpointEdit"));
        endpoint->clear();
        QTest::keyClicks(endpoint, shop);
        auto *tokenEdit = d.findChild<QLineEdit *>(QStringLiteral("tokenEdit"));
        tokenEdit->clear();
        QTest::keyClicks(tokenEdit, token);
    }
    void look(QWidget &w, const QString &name)
    {
        w.grab().save(m_dir.filePath(name + QStringLiteral(".png")));
        if (!qEnvironmentVariableIsEmpty("BACKROOM_LOOK_DIR"))
            w.grab().save(qEnvironmentVariable("BACKROOM_LOOK_DIR") + u'/' + name +
                          QStringLiteral(".png"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("BackroomTest"));
        QCoreApplication::setApplicationName(QStringLiteral("PullDialog"));
        m_path = m_dir.filePath(QStringLiteral("shop.db"));
        auto db = storage::Database::open(m_path);
        QVERIFY2(db.ok(), qPrintable(db.error()));
    }

    void pullsAndSumsUp()
    {
        m_server.clear();
        m_server.on("orders.json",
                    {{429, R"({"errors":"slow down"})", {{"Retry-After", "0.3"}}, false},
                     fakeapi::json(shopifyPage())});
        PullDialog d(factory(), QStringLiteral("tester"));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        fillShop(d, m_server.base(), QStringLiteral("shpat_typed"));
        look(d, QStringLiteral("pull-setup"));
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("pullButton")), Qt::LeftButton);
        QCOMPARE(d.stage(), PullDialog::Stage::Pulling);
        QVERIFY(d.findChild<QProgressBar *>(QStringLiteral("progressBar"))->isVisible());
        // The window stays live while the pull waits out the 429.
        QTRY_VERIFY_WITH_TIMEOUT(
            !d.findChild<QLabel *>(QStringLiteral("noticeText"))->text().isEmpty() ||
                d.stage() == PullDialog::Stage::Summary,
            5000);
        look(d, QStringLiteral("pull-progress"));
        QTRY_COMPARE_WITH_TIMEOUT(d.stage(), PullDialog::Stage::Summary, 10000);
        look(d, QStringLiteral("pull-summary"));
        QCOMPARE(d.report().status, importers::api::PullReport::Status::Pulled);
        QCOMPARE(d.report().totals.ordersCreated, 2);
        QCOMPARE(m_server.seen().last().headers.value("x-shopify-access-token"),
                 QByteArray("shpat_typed"));
        QVERIFY(
            d.findChild<QLabel *>(QStringLiteral("summaryHeadline"))
                ->text()
                .startsWith(QLatin1String("Pulled 2 order(s) from 1 page(s) of Shopify: 2 new")));
        QVERIFY(d.findChild<QPushButton *>(QStringLiteral("closeButton"))->isVisible());
        // Remembered for this PC, the token too.
        QCOMPARE(QSettings().value(QStringLiteral("connections/shopify/endpoint")).toString(),
                 m_server.base());
        QCOMPARE(QSettings().value(QStringLiteral("connections/shopify/token")).toString(),
                 QStringLiteral("shpat_typed"));
    }

    void savedTokenIsNotShownButUsed()
    {
        m_server.clear();
        m_server.on("orders.json", {fakeapi::json(shopifyPage())});
        PullDialog d(factory(), QStringLiteral("tester"));
        d.show();
        auto *token = d.findChild<QLineEdit *>(QStringLiteral("tokenEdit"));
        QVERIFY(token->text().isEmpty());
        QCOMPARE(token->placeholderText(), QStringLiteral("saved on this PC"));
        QCOMPARE(d.findChild<QLineEdit *>(QStringLiteral("endpointEdit"))->text(), m_server.base());
        QTest::keyClick(&d, Qt::Key_Return); // Pull is the default button
        QTRY_COMPARE_WITH_TIMEOUT(d.stage(), PullDialog::Stage::Summary, 10000);
        QCOMPARE(d.report().totals.ordersUnchanged, 2);
        QCOMPARE(m_server.seen().last().headers.value("x-shopify-access-token"),
                 QByteArray("shpat_typed"));
    }

    void cancelDuringAWait()
    {
        m_server.clear();
        m_server.on("orders.json",
                    {{429, R"({"errors":"slow down"})", {{"Retry-After", "60"}}, false}});
        PullDialog d(factory(), QStringLiteral("tester"));
        d.show();
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("pullButton")), Qt::LeftButton);
        QCOMPARE(d.stage(), PullDialog::Stage::Pulling);
        QTRY_VERIFY_WITH_TIMEOUT(!m_server.seen().isEmpty(), 5000);
        QTest::keyClick(&d, Qt::Key_Escape); // cancels, does not close
        QVERIFY(d.isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(d.stage(), PullDialog::Stage::Summary, 5000);
        QCOMPARE(d.report().status, importers::api::PullReport::Status::Cancelled);
        QCOMPARE(d.findChild<QLabel *>(QStringLiteral("summaryHeadline"))->text(),
                 QStringLiteral("The pull was cancelled; nothing was written."));
    }

    void refusedTokenInTheSummary()
    {
        m_server.clear();
        m_server.on("orders.json", {fakeapi::json(R"({"errors":"Invalid API key"})", 401)});
        PullDialog d(factory(), QStringLiteral("tester"));
        d.show();
        fillShop(d, m_server.base(), QStringLiteral("shpat_wrong"));
        d.findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->setChecked(false);
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("pullButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(d.stage(), PullDialog::Stage::Summary, 10000);
        QCOMPARE(d.report().status, importers::api::PullReport::Status::Failed);
        QVERIFY2(d.report().message.startsWith(
                     QStringLiteral("Shopify refused the token for shop 127.0.0.1:%1: check the "
                                    "access token")
                         .arg(m_server.port())),
                 qPrintable(d.report().message));
        look(d, QStringLiteral("pull-refused"));
        // Not remembered: the saved token is still the good one.
        QCOMPARE(QSettings().value(QStringLiteral("connections/shopify/token")).toString(),
                 QStringLiteral("shpat_typed"));
    }

    void missingFieldSaysWhich()
    {
        PullDialog d(factory(), QStringLiteral("tester"));
        d.show();
        auto *channel = d.findChild<QComboBox *>(QStringLiteral("channelCombo"));
        channel->setFocus();
        QTest::keyClick(channel, Qt::Key_Down); // eBay
        QCOMPARE(channel->currentData().toString(), QStringLiteral("ebay"));
        QVERIFY(d.findChild<QLineEdit *>(QStringLiteral("marketplaceEdit"))->isVisible());
        QTest::mouseClick(d.findChild<QPushButton *>(QStringLiteral("pullButton")), Qt::LeftButton);
        QCOMPARE(d.stage(), PullDialog::Stage::Setup);
        QCOMPARE(d.findChild<QLabel *>(QStringLiteral("setupMessage"))->text(),
                 QStringLiteral("no eBay token is set: an OAuth user access token is needed"));
    }

    void noDatabase()
    {
        PullDialog d({}, QStringLiteral("tester"));
        d.show();
        QVERIFY(!d.findChild<QPushButton *>(QStringLiteral("pullButton"))->isEnabled());
        QCOMPARE(d.findChild<QLabel *>(QStringLiteral("setupMessage"))->text(),
                 QStringLiteral("No database is open."));
    }
};

QTEST_MAIN(TestPullDialog)
#include "tst_pulldialog.moc"
