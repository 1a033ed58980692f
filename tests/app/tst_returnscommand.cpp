// `backroom returns list` through the real executable, over a demo shop: the text
// table, one JSON object per line, the status filter and its refusal of unknown
// statuses, and `backroom check` agreeing the demo's returns add up.

#include "apptestutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using apptest::Run;
using apptest::sql;

class TestReturnsCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

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

    void textTable()
    {
        const Run r = apptest::backroom(
            {QStringLiteral("returns"), QStringLiteral("list"), QStringLiteral("--db"), m_db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
        const int total =
            sql(m_db, QStringLiteral("SELECT COUNT(*) FROM returns")).value(0).toInt();
        QVERIFY(total > 0);
        QCOMPARE(lines.size(), total + 2); // header, rows, count
        QVERIFY(lines.first().startsWith(QStringLiteral("RMA")));
        QVERIFY(lines.first().contains(QStringLiteral("Status")));
        QCOMPARE(lines.last(),
                 QStringLiteral("%1 return(s)").arg(QLocale(QLocale::English).toString(total)));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("RMA-")) ||
                lines.at(1).startsWith(QStringLiteral("(req ")));
    }

    void jsonLinesFiltered_data()
    {
        QTest::addColumn<QString>("status");
        for (const char *s : {"received", "refund_pending", "closed", "authorised"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void jsonLinesFiltered()
    {
        QFETCH(QString, status);
        const Run r = apptest::backroom({QStringLiteral("returns"), QStringLiteral("list"),
                                         QStringLiteral("--status"), status,
                                         QStringLiteral("--json"), QStringLiteral("--db"), m_db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> lines = r.out.split('\n');
        const int expected =
            sql(m_db,
                QStringLiteral("SELECT COUNT(*) FROM returns WHERE status = '%1'").arg(status))
                .value(0)
                .toInt();
        QVERIFY2(expected > 0, qPrintable(status)); // the demo has returns in every one of these
        int rows = 0;
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            const QJsonObject o = doc.object();
            QCOMPARE(o.value(QStringLiteral("status")).toString(), status);
            QVERIFY(o.value(QStringLiteral("rma_number"))
                        .toString()
                        .startsWith(QStringLiteral("RMA-")));
            QVERIFY(!o.value(QStringLiteral("order_number")).toString().isEmpty());
            QVERIFY(o.value(QStringLiteral("units")).toInt() > 0);
            QVERIFY(o.contains(QStringLiteral("refund_minor")));
            QCOMPARE(o.value(QStringLiteral("received_at")).isNull(),
                     status == QLatin1String("authorised"));
            ++rows;
        }
        QCOMPARE(rows, expected);
    }

    void unknownStatusNamesTheAllowedOnes()
    {
        const Run r = apptest::backroom({QStringLiteral("returns"), QStringLiteral("list"),
                                         QStringLiteral("--status"), QStringLiteral("lost"),
                                         QStringLiteral("--db"), m_db});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("unknown status \"lost\"")), qPrintable(r.err));
        for (const char *s : {"requested", "authorised", "received", "inspected", "refund_pending",
                              "refunded", "closed", "rejected", "cancelled"})
            QVERIFY2(r.err.contains(QString::fromLatin1(s)), s);
    }

    void missingDatabase()
    {
        const Run r =
            apptest::backroom({QStringLiteral("returns"), QStringLiteral("list"),
                               QStringLiteral("--db"), m_dir.filePath(QStringLiteral("none.db"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("does not exist")));
    }

    void demoReturnsAddUp()
    {
        // Restocked demo returns are in the ledger; refunds owed have no reference yet.
        QCOMPARE(sql(m_db, QStringLiteral("SELECT COUNT(*) FROM returns WHERE status IN "
                                          "('refunded', 'closed') AND refund_reference IS NULL"))
                     .value(0),
                 QStringLiteral("0"));
        QCOMPARE(sql(m_db, QStringLiteral("SELECT COUNT(*) FROM returns WHERE status = "
                                          "'requested' AND rma_number IS NOT NULL"))
                     .value(0),
                 QStringLiteral("0"));
        const Run r = apptest::backroom({QStringLiteral("check"), QStringLiteral("--db"), m_db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
    }
};

QTEST_GUILESS_MAIN(TestReturnsCommand)
#include "tst_returnscommand.moc"
