// The Reports screen as a user meets it: over a real demo shop, each report computed
// off the GUI thread, switched with the keyboard, the range changed, Run clicked, a
// table exported to CSV; with no database; and Cancel on a slow report.

#include "app/demoshop.h"
#include "storage/sqlreports.h"
#include "ui/reportchartview.h"
#include "ui/reportexport.h"
#include "ui/reportsscreen.h"
#include "ui/screenheader.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using models::Report;
using models::ReportKind;

namespace {

constexpr int kRunTimeoutMs = 60'000;

ui::ReportSourceFactory sqlFactory(const QString &path)
{
    return [path]() -> models::Result<std::unique_ptr<models::ReportSource>> {
        models::Result<std::unique_ptr<storage::SqlReports>> source =
            storage::SqlReports::open(path);
        if (!source.ok())
            return models::Error{source.error()};
        return std::unique_ptr<models::ReportSource>(std::move(source).value());
    };
}

// A report whose cells would run as formulas in a spreadsheet.
class FormulaReportSource : public models::ReportSource
{
public:
    models::Result<models::ReportChoices> choices() override { return models::ReportChoices{}; }
    models::Result<Report> run(const models::ReportQuery &q,
                               const models::ReportProgress &) override
    {
        Report r;
        r.kind = q.kind;
        r.from = q.from;
        r.to = q.to;
        r.headline = QStringLiteral("One row.");
        models::ReportTable t;
        t.title = QStringLiteral("Rows");
        t.columns = {{QStringLiteral("Name")},
                     {QStringLiteral("Units"), models::ReportCell::Count},
                     {QStringLiteral("Value"), models::ReportCell::Money}};
        t.rows = {{QStringLiteral("=HYPERLINK(\"http://x\")"), -3,
                   QVariant::fromValue(models::Money(-1250, QStringLiteral("GBP")))}};
        r.tables = {t};
        return r;
    }
};

// Reports progress until it is told to stop: a report too slow to wait for.
class EndlessReportSource : public models::ReportSource
{
public:
    models::Result<models::ReportChoices> choices() override { return models::ReportChoices{}; }
    models::Result<Report> run(const models::ReportQuery &,
                               const models::ReportProgress &progress) override
    {
        for (qint64 done = 0;; ++done) {
            if (!progress(done % 3, 3))
                return models::Error{QStringLiteral("Late orders report: cancelled")};
            QThread::msleep(5);
        }
    }
};

QString headerOf(QTableView *view, int column)
{
    return view->model()->headerData(column, Qt::Horizontal).toString();
}

} // namespace

class TestReportsScreen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void noDatabaseSaysSo();
    void switchReportsAndRange();
    void everyReportShowsChartAndTables();
    void exportGuardsFormulas();
    void cancelKeepsTheWindowResponsive();

private:
    // Waits until `runs` runs have finished in all and none is going.
    bool waitForRuns(ui::ReportsScreen &screen, QSignalSpy &spy, qsizetype runs);

    QTemporaryDir m_dir;
    QString m_path;
};

void TestReportsScreen::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("reports.db"));
    app::DemoOptions options;
    options.orders = 3000;
    options.products = 120;
    options.seed = 7;
    options.today = QDateTime::currentDateTimeUtc().date();
    const models::Result<app::DemoSummary> demo = app::writeDemoShop(m_path, options);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
}

bool TestReportsScreen::waitForRuns(ui::ReportsScreen &screen, QSignalSpy &spy, qsizetype runs)
{
    return QTest::qWaitFor([&] { return spy.count() >= runs && !screen.isRunning(); },
                           kRunTimeoutMs);
}

void TestReportsScreen::noDatabaseSaysSo()
{
    ui::ReportsScreen screen({});
    screen.resize(1200, 800);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    auto *header = screen.findChild<ui::ScreenHeader *>();
    QVERIFY(header);
    QVERIFY2(header->error().contains(QStringLiteral("no database is open")),
             qPrintable(header->error()));
    QVERIFY(!screen.findChild<QPushButton *>(QStringLiteral("reportRun"))->isEnabled());
    QVERIFY(!screen.isRunning());
}

void TestReportsScreen::switchReportsAndRange()
{
    ui::ReportsScreen screen(sqlFactory(m_path));
    QSignalSpy finished(&screen, &ui::ReportsScreen::finished);
    qsizetype runs = 0;
    screen.resize(1280, 860);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    QVERIFY(waitForRuns(screen, finished, ++runs)); // it runs on first show
    auto *header = screen.findChild<ui::ScreenHeader *>();
    QVERIFY2(header->error().isEmpty(), qPrintable(header->error()));
    QCOMPARE(screen.report().kind, ReportKind::Late);
    auto *tables = screen.findChild<QTabWidget *>(QStringLiteral("reportTables"));
    QCOMPARE(tables->count(), 2);
    auto *view = qobject_cast<QTableView *>(tables->widget(0));
    QCOMPARE(headerOf(view, 0), QStringLiteral("Channel"));
    QVERIFY(view->model()->rowCount() > 0);
    const QString headline = screen.findChild<QLabel *>(QStringLiteral("reportHeadline"))->text();
    QVERIFY2(headline.contains(QStringLiteral("orders due to ship")), qPrintable(headline));

    // The channels arrived with the first run.
    auto *channel = screen.findChild<QComboBox *>(QStringLiteral("reportChannel"));
    QCOMPARE(channel->count(), 4); // all + the demo's 3

    // Down in the report list: Stock-outs, run at once.
    auto *kind = screen.findChild<QComboBox *>(QStringLiteral("reportKind"));
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down);
    QVERIFY(waitForRuns(screen, finished, ++runs));
    QCOMPARE(screen.report().kind, ReportKind::StockOuts);
    view = qobject_cast<QTableView *>(tables->widget(0));
    QCOMPARE(headerOf(view, 0), QStringLiteral("SKU"));
    QCOMPARE(headerOf(view, 10), QStringLiteral("Lost sales"));

    // Down twice more: Turnover; then Last 90 days in the range list: weekly buckets.
    QTest::keyClick(kind, Qt::Key_Down);
    QVERIFY(waitForRuns(screen, finished, ++runs));
    QTest::keyClick(kind, Qt::Key_Down);
    QVERIFY(waitForRuns(screen, finished, ++runs));
    QCOMPARE(screen.report().kind, ReportKind::Turnover);
    auto *range = screen.findChild<QComboBox *>(QStringLiteral("reportRange"));
    range->setFocus();
    QTest::keyClick(range, Qt::Key_Down);
    QVERIFY(waitForRuns(screen, finished, ++runs));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    QCOMPARE(screen.report().from, today.addDays(-89));
    QCOMPARE(screen.report().to, today);
    QCOMPARE(tables->count(), 2);
    QVERIFY(tables->tabText(0).startsWith(QStringLiteral("Dead stock: no sale in 90 days")));

    // Sales, then one channel chosen with the keyboard, then Run clicked.
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down);
    QVERIFY(waitForRuns(screen, finished, ++runs));
    QCOMPARE(screen.report().kind, ReportKind::Sales);
    auto *chart = screen.findChild<ui::ReportChartView *>(QStringLiteral("reportChart"));
    QCOMPARE(chart->seriesNames().size(), 3); // one per channel
    QCOMPARE(chart->categoryCount(), 14);     // 90 days: weeks
    channel->setFocus();
    QTest::keyClick(channel, Qt::Key_Down);
    QVERIFY(waitForRuns(screen, finished, ++runs));
    QCOMPARE(screen.query().channelId.has_value(), true);
    QCOMPARE(chart->seriesNames(), QStringList{channel->currentText()});
    QTest::mouseClick(screen.findChild<QPushButton *>(QStringLiteral("reportRun")), Qt::LeftButton);
    QVERIFY(waitForRuns(screen, finished, ++runs));
    QCOMPARE(screen.report().kind, ReportKind::Sales);

    // A custom range typed into the start date.
    auto *from = screen.findChild<QDateEdit *>(QStringLiteral("reportFrom"));
    from->setDate(today.addDays(-6));
    QVERIFY(waitForRuns(screen, finished, ++runs));
    QCOMPARE(range->currentText(), QStringLiteral("Custom"));
    QCOMPARE(screen.report().from, today.addDays(-6));

    // Export the table on screen.
    const QString csv = m_dir.filePath(QStringLiteral("sales.csv"));
    QVERIFY(screen.exportCurrentTable(csv).ok());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.startsWith("\xEF\xBB\xBF"
                              "Channel,Orders,Share of orders,Units,Revenue,Revenue currency,"
                              "Average order,Average order currency\r\n"),
             bytes.left(200).constData());
}

void TestReportsScreen::everyReportShowsChartAndTables()
{
    // REPORTS_SHOTS=DIR saves each report as DIR/<report>.png, over REPORTS_SHOTS_DB
    // when given (a bigger shop) or the test's own.
    const QString shotsDb = qEnvironmentVariable("REPORTS_SHOTS_DB");
    ui::ReportsScreen screen(sqlFactory(shotsDb.isEmpty() ? m_path : shotsDb));
    QSignalSpy finished(&screen, &ui::ReportsScreen::finished);
    qsizetype runs = 0;
    screen.resize(1400, 860);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    QVERIFY(waitForRuns(screen, finished, ++runs));
    auto *kind = screen.findChild<QComboBox *>(QStringLiteral("reportKind"));
    auto *tables = screen.findChild<QTabWidget *>(QStringLiteral("reportTables"));
    auto *chart = screen.findChild<ui::ReportChartView *>(QStringLiteral("reportChart"));
    const QString shots = qEnvironmentVariable("REPORTS_SHOTS");
    for (int i = 0; i < kind->count(); ++i) {
        if (kind->currentIndex() != i) {
            kind->setCurrentIndex(i);
            QVERIFY(waitForRuns(screen, finished, ++runs));
        }
        auto *header = screen.findChild<ui::ScreenHeader *>();
        QVERIFY2(header->error().isEmpty(), qPrintable(header->error()));
        QCOMPARE(static_cast<int>(screen.report().kind), i);
        QVERIFY(!screen.report().headline.isEmpty());
        QVERIFY(!chart->seriesNames().isEmpty());
        QVERIFY(tables->count() >= 1);
        if (!shots.isEmpty()) {
            QTest::qWait(100); // the new words' layout request, before the grab
            QDir().mkpath(shots);
            QVERIFY(screen.grab().save(QDir(shots).filePath(
                models::reportSlug(screen.report().kind) + QStringLiteral(".png"))));
        }
    }
}

void TestReportsScreen::exportGuardsFormulas()
{
    ui::ReportsScreen screen([]() -> models::Result<std::unique_ptr<models::ReportSource>> {
        return std::unique_ptr<models::ReportSource>(new FormulaReportSource);
    });
    QSignalSpy finished(&screen, &ui::ReportsScreen::finished);
    qsizetype runs = 0;
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    QVERIFY(waitForRuns(screen, finished, ++runs));
    const QString csv = m_dir.filePath(QStringLiteral("formula.csv"));
    QVERIFY(screen.exportCurrentTable(csv).ok());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("\xEF\xBB\xBF"
                                        "Name,Units,Value,Value currency\r\n"
                                        "\"'=HYPERLINK(\"\"http://x\"\")\",-3,-12.50,GBP\r\n"));
    // The table on screen shows money and counts for people.
    auto *view = screen.findChild<QTableView *>(QStringLiteral("reportTable0"));
    QVERIFY(view);
    QCOMPARE(view->model()->index(0, 2).data().toString(), QStringLiteral("-£12.50"));
    // A folder that does not exist: the error names the file.
    const QString bad = m_dir.filePath(QStringLiteral("missing/formula.csv"));
    const models::Status s = screen.exportCurrentTable(bad);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().contains(QStringLiteral("formula.csv")), qPrintable(s.error()));
}

void TestReportsScreen::cancelKeepsTheWindowResponsive()
{
    ui::ReportsScreen screen([]() -> models::Result<std::unique_ptr<models::ReportSource>> {
        return std::unique_ptr<models::ReportSource>(new EndlessReportSource);
    });
    QSignalSpy finished(&screen, &ui::ReportsScreen::finished);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    QVERIFY(QTest::qWaitFor([&] { return screen.isRunning(); }, 5000));
    auto *progress = screen.findChild<QProgressBar *>(QStringLiteral("reportProgress"));
    auto *cancel = screen.findChild<QPushButton *>(QStringLiteral("reportCancel"));
    QVERIFY(QTest::qWaitFor([&] { return progress->maximum() == 3; }, 5000));
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return finished.count() == 1; }, 5000));
    QVERIFY(!screen.isRunning());
    QVERIFY(!progress->isVisible());
    QCOMPARE(screen.findChild<ui::ScreenHeader *>()->summary(), QStringLiteral("Cancelled"));
}

QTEST_MAIN(TestReportsScreen)
#include "tst_reportsscreen.moc"
