// SqliteStatement::bindTime() formats times itself: it must store exactly what
// QDateTime's ISO text would, or stored times would compare wrongly with the rest.
#include "storage/sqlitestatement.h"

#include <QSqlDatabase>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestSqliteStatement : public QObject
{
    Q_OBJECT

private slots:
    void bindTimeIsIsoUtc();
};

void TestSqliteStatement::bindTimeIsIsoUtc()
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"statement"_s);
        db.setDatabaseName(u":memory:"_s);
        QVERIFY(db.open());
        storage::SqliteStatement st;
        QVERIFY(st.prepare(storage::sqliteHandleOf(db), "SELECT ?").ok());

        QList<QDateTime> times = {
            QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(-1, Qt::UTC),
            QDateTime::fromMSecsSinceEpoch(-86'400'001, Qt::UTC),
            QDateTime(QDate(2000, 2, 29), QTime(23, 59, 59, 999), Qt::UTC),
            QDateTime(QDate(1900, 3, 1), QTime(0, 0), Qt::UTC),
            QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC),
            QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC),
            QDateTime(QDate(2026, 6, 1), QTime(10, 20, 3), Qt::OffsetFromUTC, 3600),
            QDateTime(QDate(2026, 7, 1), QTime(0, 30),
                      QTimeZone(QByteArrayLiteral("Europe/London"))),
        };
        // Every day of four years either side of a leap year and a century.
        for (const QDate start : {QDate(1999, 12, 25), QDate(2099, 12, 25)})
            for (int d = 0; d < 4 * 366; ++d)
                times.append(
                    QDateTime(start.addDays(d), QTime(d % 24, d % 60, (d * 7) % 60), Qt::UTC));
        for (const QDateTime &t : std::as_const(times)) {
            st.bindTime(1, t);
            QVERIFY(st.step());
            QCOMPARE(st.text(0), t.toUTC().toString(Qt::ISODate));
            st.reset();
        }
        st.bindTime(1, QDateTime());
        QVERIFY(st.step());
        QVERIFY(st.isNull(0));
        st.reset();
    }
    QSqlDatabase::removeDatabase(u"statement"_s);
}

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"
