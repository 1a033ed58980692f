#include "storage/migrator.h"
#include "storage/sqlitescript.h"
#include "storage/sqlrun.h"

#include <QSqlDatabase>
#include <QTest>

// Splitting migration scripts into statements: a ';' only ends a statement where
// SQLite's tokenizer says it does.
class TestSqliteScript : public QObject
{
    Q_OBJECT

private slots:
    void split_data();
    void split();
    void splitStatementsRun();
    void builtInMigrationSplitsIntoRunnableStatements();
};

void TestSqliteScript::split_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");

    QTest::newRow("empty script") << QString() << QStringList{};
    QTest::newRow("only whitespace") << QStringLiteral("  \n\t\n") << QStringList{};
    QTest::newRow("only comments")
        << QStringLiteral("-- nothing yet\n/* still nothing */\n") << QStringList{};
    QTest::newRow("one statement") << QStringLiteral("CREATE TABLE a (x);\n")
                                   << QStringList{QStringLiteral("CREATE TABLE a (x);")};
    QTest::newRow("two statements on two lines")
        << QStringLiteral("CREATE TABLE a (x);\nCREATE TABLE b (y);\n")
        << QStringList{QStringLiteral("CREATE TABLE a (x);"),
                       QStringLiteral("CREATE TABLE b (y);")};
    QTest::newRow("two statements on one line")
        << QStringLiteral("CREATE TABLE a (x); CREATE TABLE b (y);")
        << QStringList{QStringLiteral("CREATE TABLE a (x);"),
                       QStringLiteral("CREATE TABLE b (y);")};
    QTest::newRow("statement over several lines")
        << QStringLiteral("CREATE TABLE a (\n    x INTEGER,\n    y TEXT\n);\n")
        << QStringList{QStringLiteral("CREATE TABLE a (\n    x INTEGER,\n    y TEXT\n);")};
    QTest::newRow("semicolon in a string")
        << QStringLiteral("INSERT INTO t VALUES ('a;b');\nINSERT INTO t VALUES ('c');\n")
        << QStringList{QStringLiteral("INSERT INTO t VALUES ('a;b');"),
                       QStringLiteral("INSERT INTO t VALUES ('c');")};
    QTest::newRow("semicolon and newline in a string")
        << QStringLiteral("INSERT INTO t VALUES ('line one;\nline two');\n")
        << QStringList{QStringLiteral("INSERT INTO t VALUES ('line one;\nline two');")};
    QTest::newRow("quote-escaped string with semicolon")
        << QStringLiteral("INSERT INTO t VALUES ('it''s; fine');\n")
        << QStringList{QStringLiteral("INSERT INTO t VALUES ('it''s; fine');")};
    QTest::newRow("semicolon in a quoted identifier")
        << QStringLiteral("CREATE TABLE \"odd;name\" (x);\n")
        << QStringList{QStringLiteral("CREATE TABLE \"odd;name\" (x);")};
    QTest::newRow("double dash inside a string is not a comment")
        << QStringLiteral("INSERT INTO t VALUES ('--not a comment;');\n")
        << QStringList{QStringLiteral("INSERT INTO t VALUES ('--not a comment;');")};
    QTest::newRow("semicolon in a line comment inside a statement")
        << QStringLiteral("CREATE TABLE a (\n    x INTEGER -- one; two\n);\n")
        << QStringList{QStringLiteral("CREATE TABLE a (\n    x INTEGER -- one; two\n);")};
    QTest::newRow("semicolon in a block comment")
        << QStringLiteral("/* a; b */ CREATE TABLE a (x);\n")
        << QStringList{QStringLiteral("/* a; b */ CREATE TABLE a (x);")};
    QTest::newRow("leading comment kept with its statement")
        << QStringLiteral("-- the items; all of them\nCREATE TABLE a (x);\n")
        << QStringList{QStringLiteral("-- the items; all of them\nCREATE TABLE a (x);")};
    QTest::newRow("comment after a statement on the same line")
        << QStringLiteral("CREATE TABLE a (x); -- first\nCREATE TABLE b (y);\n")
        << QStringList{QStringLiteral("CREATE TABLE a (x);"),
                       QStringLiteral("-- first\nCREATE TABLE b (y);")};
    QTest::newRow("trigger body with BEGIN ... END")
        << QStringLiteral("CREATE TRIGGER t_log AFTER INSERT ON t\nBEGIN\n"
                          "    INSERT INTO log VALUES (1);\n    INSERT INTO log VALUES (2);\nEND;\n"
                          "CREATE TABLE after_trigger (x);\n")
        << QStringList{QStringLiteral("CREATE TRIGGER t_log AFTER INSERT ON t\nBEGIN\n"
                                      "    INSERT INTO log VALUES (1);\n"
                                      "    INSERT INTO log VALUES (2);\nEND;"),
                       QStringLiteral("CREATE TABLE after_trigger (x);")};
    QTest::newRow("trigger on one line")
        << QStringLiteral("CREATE TRIGGER t_no_delete BEFORE DELETE ON t BEGIN SELECT "
                          "RAISE(ABORT, 'no; never'); END; CREATE TABLE z (x);")
        << QStringList{QStringLiteral("CREATE TRIGGER t_no_delete BEFORE DELETE ON t BEGIN SELECT "
                                      "RAISE(ABORT, 'no; never'); END;"),
                       QStringLiteral("CREATE TABLE z (x);")};
    QTest::newRow("trigger with CASE ... END inside")
        << QStringLiteral("CREATE TRIGGER t_case AFTER INSERT ON t BEGIN\n"
                          "    UPDATE t SET y = CASE WHEN new.x > 0 THEN 'up;' ELSE 'down' END;\n"
                          "END;\n")
        << QStringList{QStringLiteral("CREATE TRIGGER t_case AFTER INSERT ON t BEGIN\n"
                                      "    UPDATE t SET y = CASE WHEN new.x > 0 THEN 'up;' ELSE "
                                      "'down' END;\nEND;")};
    QTest::newRow("comment-only tail dropped")
        << QStringLiteral("CREATE TABLE a (x);\n-- the end\n-- really\n")
        << QStringList{QStringLiteral("CREATE TABLE a (x);")};
    QTest::newRow("block-comment tail dropped")
        << QStringLiteral("CREATE TABLE a (x);\n/* the end;\n   really */\n")
        << QStringList{QStringLiteral("CREATE TABLE a (x);")};
    QTest::newRow("empty statements dropped") << QStringLiteral("CREATE TABLE a (x);;\n;\n")
                                              << QStringList{QStringLiteral("CREATE TABLE a (x);")};
    QTest::newRow("unterminated last statement kept for SQLite to judge")
        << QStringLiteral("CREATE TABLE a (x);\nCREATE TABLE b (y)")
        << QStringList{QStringLiteral("CREATE TABLE a (x);"), QStringLiteral("CREATE TABLE b (y)")};
    QTest::newRow("Windows line endings")
        << QStringLiteral("CREATE TABLE a (x);\r\nCREATE TABLE b (y);\r\n")
        << QStringList{QStringLiteral("CREATE TABLE a (x);"),
                       QStringLiteral("CREATE TABLE b (y);")};
}

void TestSqliteScript::split()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    QCOMPARE(storage::splitSqliteScript(script), statements);
}

void TestSqliteScript::splitStatementsRun()
{
    // What comes out of the splitter is what QtSql can run: one statement at a time.
    const QString script = QStringLiteral(
        "CREATE TABLE t (x INTEGER, y TEXT); -- the table\n"
        "CREATE TABLE log (n INTEGER);\n"
        "CREATE TRIGGER t_log AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.x); END;\n"
        "INSERT INTO t VALUES (1, 'a;b'); INSERT INTO t VALUES (2, '--c');\n"
        "/* done */\n");
    const QStringList statements = storage::splitSqliteScript(script);
    QCOMPARE(statements.size(), 5);

    const QString name = QStringLiteral("tst_sqlitescript_memory");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
        for (const QString &sql : statements) {
            const models::Status s = storage::runStatement(db, sql);
            QVERIFY2(s.ok(), qPrintable(s.error()));
        }
        const models::Result<QVariant> n =
            storage::queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM log"));
        QVERIFY2(n.ok(), qPrintable(n.error()));
        QCOMPARE(n.value().toInt(), 2);
        const models::Result<QVariant> y =
            storage::queryScalar(db, QStringLiteral("SELECT y FROM t WHERE x = 1"));
        QVERIFY2(y.ok(), qPrintable(y.error()));
        QCOMPARE(y.value().toString(), QStringLiteral("a;b"));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestSqliteScript::builtInMigrationSplitsIntoRunnableStatements()
{
    const QList<storage::Migration> migrations = storage::Migrator::builtIn();
    QVERIFY(!migrations.isEmpty());
    const QStringList statements = storage::splitSqliteScript(migrations.first().script);
    QVERIFY(statements.size() > 30);
    const auto triggers =
        std::count_if(statements.cbegin(), statements.cend(), [](const QString &s) {
            return s.contains(QStringLiteral("CREATE TRIGGER"));
        });
    QCOMPARE(triggers, 2);

    const QString name = QStringLiteral("tst_sqlitescript_builtin");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
        for (const QString &sql : statements) {
            const models::Status s = storage::runStatement(db, sql);
            QVERIFY2(s.ok(), qPrintable(s.error()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QTEST_GUILESS_MAIN(TestSqliteScript)
#include "tst_sqlitescript.moc"
