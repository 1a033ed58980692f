#include "app/commandline.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The command line as a user or a script runs it: the real executable, its output
// and its exit status.
class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    // `withDisplay` false runs it as on a server with no display at all: no
    // QT_QPA_PLATFORM and no DISPLAY/WAYLAND_DISPLAY.
    static Run backroom(const QStringList &args, bool withDisplay = true)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (withDisplay) {
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        } else {
            for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
                env.remove(QString::fromLatin1(name));
        }
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BACKROOM_EXECUTABLE), args);
        if (!p.waitForFinished(120000))
            qFatal("backroom did not finish");
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    // Changes the file behind Backroom's back, as a bug or a hand edit would.
    static void tamper(const QString &path, const QString &sql)
    {
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY2(q.exec(sql), qPrintable(sql));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("shop.db"));
        const Run r = backroom({QStringLiteral("demo"), QStringLiteral("--orders"),
                                QStringLiteral("400"), QStringLiteral("--today"),
                                QStringLiteral("2026-11-25"), QStringLiteral("--db"), m_db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("400 orders")));
    }

    void parsesOptionsAnywhere_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("db");
        QTest::addColumn<bool>("valid");
        QTest::newRow("db first") << QStringList{QStringLiteral("--db"), QStringLiteral("a.db"),
                                                 QStringLiteral("check")}
                                  << QStringLiteral("check") << QStringLiteral("a.db") << true;
        QTest::newRow("db last") << QStringList{QStringLiteral("check"), QStringLiteral("--db"),
                                                QStringLiteral("b.db")}
                                 << QStringLiteral("check") << QStringLiteral("b.db") << true;
        QTest::newRow("db with =") << QStringList{QStringLiteral("--db=c.db")} << QString()
                                   << QStringLiteral("c.db") << true;
        QTest::newRow("no command") << QStringList{} << QString() << QString() << true;
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << QString() << QString() << false;
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--nope")} << QString() << QString() << false;
        QTest::newRow("missing value")
            << QStringList{QStringLiteral("check"), QStringLiteral("--db")} << QString()
            << QString() << false;
        QTest::newRow("bad orders")
            << QStringList{QStringLiteral("demo"), QStringLiteral("--orders"),
                           QStringLiteral("many")}
            << QString() << QString() << false;
        QTest::newRow("bad date") << QStringList{QStringLiteral("demo"), QStringLiteral("--today"),
                                                 QStringLiteral("25/11/2026")}
                                  << QString() << QString() << false;
    }

    void parsesOptionsAnywhere()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, command);
        QFETCH(QString, db);
        QFETCH(bool, valid);
        args.prepend(QStringLiteral("backroom"));
        const app::ParsedCommandLine parsed = app::parseCommandLine(args);
        QCOMPARE(parsed.commandLine.has_value(), valid);
        if (!valid) {
            QVERIFY(!parsed.error.isEmpty());
            return;
        }
        QCOMPARE(parsed.commandLine->command, command);
        QCOMPARE(parsed.commandLine->databasePath, db);
    }

    void versionAndHelp()
    {
        Run r = backroom({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("Backroom " BACKROOM_VERSION));
        r = backroom({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *word : {"demo", "backup", "check", "screenshot", "--db"})
            QVERIFY2(r.out.contains(QLatin1String(word)), word);
    }

    void helpAndVersionNeedNoDisplay_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
        QTest::newRow("-h") << QStringList{QStringLiteral("-h")};
        QTest::newRow("--version") << QStringList{QStringLiteral("--version")};
        QTest::newRow("--db and --help") << QStringList{
            QStringLiteral("--db"), QStringLiteral("x.db"), QStringLiteral("--help")};
    }

    void helpAndVersionNeedNoDisplay()
    {
        QFETCH(QStringList, args);
        const Run r = backroom(args, false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("Backroom")) ||
                r.out.contains(QLatin1String("backroom")));
    }

    void errorsGoToStderrWithStatus2()
    {
        Run r = backroom({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QLatin1String("frobnicate")));
        r = backroom({QStringLiteral("demo")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("--db")));
        r = backroom({QStringLiteral("check"), QStringLiteral("--db"),
                      m_dir.filePath(QStringLiteral("missing.db"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("does not exist")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing.db"))));
    }

    void checkPassesOnDemoThenFindsTampering()
    {
        const QString db = m_dir.filePath(QStringLiteral("tampered.db"));
        QVERIFY(QFile::copy(m_db, db));
        Run r = backroom({QStringLiteral("check"), QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QLatin1String("integrity ok")));

        // On hand no longer equals the ledger for one product at one location.
        tamper(db, QStringLiteral("UPDATE stock_levels SET on_hand = on_hand + 7 WHERE rowid = "
                                  "(SELECT MIN(rowid) FROM stock_levels)"));
        r = backroom({QStringLiteral("check"), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QLatin1String("stock ledger: HF-")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("1 problem(s) found")));
    }

    void backupIsAWorkingCopy()
    {
        const QString copy = m_dir.filePath(QStringLiteral("backups/copy.db"));
        Run r = backroom(
            {QStringLiteral("backup"), QStringLiteral("--db"), m_db, QStringLiteral("--to"), copy});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(copy));
        QVERIFY(!QFile::exists(copy + QStringLiteral(".part")));
        r = backroom({QStringLiteral("check"), QStringLiteral("--db"), copy});
        QCOMPARE(r.exitCode, 0);
        r = backroom(
            {QStringLiteral("backup"), QStringLiteral("--db"), m_db, QStringLiteral("--to"), m_db});
        QCOMPARE(r.exitCode, 2);
    }

    void newerDatabaseIsRefusedUntouched()
    {
        const QString db = m_dir.filePath(QStringLiteral("future.db"));
        QVERIFY(QFile::copy(m_db, db));
        tamper(db, QStringLiteral("INSERT INTO schema_version (version, name, applied_at) "
                                  "VALUES (99, '0099_future.sql', '2030-01-01T00:00:00Z')"));
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const Run r = backroom({QStringLiteral("check"), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("newer Backroom")), qPrintable(r.err));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void screenshotsWithoutADisplay()
    {
        const QString out = m_dir.filePath(QStringLiteral("shots"));
        const Run r = backroom({QStringLiteral("screenshot"), QStringLiteral("--db"), m_db,
                                QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFileInfo(out + QStringLiteral("/01-orders.png")).size() > 10000);
        QVERIFY(QFileInfo(out + QStringLiteral("/10-settings.png")).size() > 1000);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
