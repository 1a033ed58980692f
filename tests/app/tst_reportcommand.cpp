// `backroom report` through the real executable, over a demo shop: the words and
// tables, CSV and JSON whose figures agree with the database, a channel filter, and
// the refusals of an unknown report, channel or date.

#include "apptestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using apptest::Run;
using apptest::sql;

class TestReportCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    Run report(QStringList args)
    {
        args.prepend(QStringLiteral("report"));
        args << QStringLiteral("--db") << m_db;
        return apptest::backroom(args);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("shop.db"));
        const Run r =
            apptest::backroom({QStringLiteral("demo"), QStringLiteral("--orders"),
                               QStringLiteral("3000"), QStringLiteral("--today"),
                               QStringLiteral("2026-11-25"), QStringLiteral("--db"), m_db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void wordsAndTables()
    {
        const Run r =
            report({QStringLiteral("late"), QStringLiteral("--from"), QStringLiteral("2026-10-27"),
                    QStringLiteral("--to"), QStringLiteral("2026-11-25")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.startsWith(QStringLiteral("Late orders\n")), qPrintable(out.left(200)));
        QVERIFY2(out.contains(QStringLiteral("orders due to ship 27 Oct 2026 – 25 Nov 2026")),
                 qPrintable(out.left(400)));
        QVERIFY(out.contains(QStringLiteral("By channel and location (")));
        QVERIFY(out.contains(QStringLiteral("Late now (")));
    }

    void salesJsonAgreesWithTheDatabase()
    {
        const Run r =
            report({QStringLiteral("sales"), QStringLiteral("--from"), QStringLiteral("2026-11-01"),
                    QStringLiteral("--to"), QStringLiteral("2026-11-25"),
                    QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(o.value(QStringLiteral("report")).toString(), QStringLiteral("sales"));
        QCOMPARE(o.value(QStringLiteral("from")).toString(), QStringLiteral("2026-11-01"));
        const QJsonArray rows = o.value(QStringLiteral("tables"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("rows"))
                                    .toArray();
        qint64 orders = 0;
        for (const QJsonValue &row : rows)
            orders += row.toArray().at(1).toInteger();
        const qint64 expected =
            sql(m_db, QStringLiteral("SELECT COUNT(*) FROM orders WHERE status <> 'cancelled' "
                                     "AND placed_at >= '2026-11-01T00:00:00Z' "
                                     "AND placed_at < '2026-11-26T00:00:00Z'"))
                .value(0)
                .toLongLong();
        QVERIFY(expected > 0);
        QCOMPARE(orders, expected);
    }

    void csvFileForOneChannel()
    {
        const QString out = m_dir.filePath(QStringLiteral("amazon.csv"));
        const Run r = report({QStringLiteral("sales"), QStringLiteral("--channel"),
                              QStringLiteral("amazon"), QStringLiteral("--to"),
                              QStringLiteral("2026-11-25"), QStringLiteral("--format"),
                              QStringLiteral("csv"), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(bytes.mid(3));
        QVERIFY(text.startsWith(QStringLiteral("Sales by channel,2026-10-27,2026-11-25\r\n")));
        QVERIFY(text.contains(QStringLiteral("\r\nPer channel\r\nChannel,Orders,")));
        QVERIFY2(!text.contains(QStringLiteral("\r\nShopify,")), qPrintable(text.left(600)));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown report") << QStringList{QStringLiteral("profit")} << 2
                                        << QStringLiteral("report knows late|stockouts");
        QTest::newRow("no report")
            << QStringList{} << 2 << QStringLiteral("report needs which report");
        QTest::newRow("bad date") << QStringList{QStringLiteral("late"), QStringLiteral("--from"),
                                                 QStringLiteral("1 Nov")}
                                  << 2 << QStringLiteral("--from wants a date");
        QTest::newRow("backwards")
            << QStringList{QStringLiteral("late"), QStringLiteral("--from"),
                           QStringLiteral("2026-11-20"), QStringLiteral("--to"),
                           QStringLiteral("2026-11-01")}
            << 2 << QStringLiteral("is after --to");
        QTest::newRow("unknown location")
            << QStringList{QStringLiteral("stockouts"), QStringLiteral("--location"),
                           QStringLiteral("NOWHERE")}
            << 1 << QStringLiteral("no location has the code");
    }

    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = report(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestReportCommand)
#include "tst_reportcommand.moc"
