// File › Import… as a user meets it: the files' formats and first orders, the
// channel override, an import that runs off the GUI thread into a sink, a Cancel
// that rolls back, the summary with its row errors saved as CSV, and the ways in
// from the main window (Ctrl+I, dropping files). A fake sink stands in for the
// database and records what the importer asked of it, and on which thread.
//
// For reviewing the look by eye:
//     BACKROOM_SCREENSHOT_DIR=/tmp/importshots ctest -R tst_importdialog

#include "importers/orderfileimport.h"
#include "models/orderqueuemodel.h"
#include "ui/importdialog.h"
#include "ui/importerrorcsv.h"
#include "ui/mainwindow.h"
#include "ui/ordersscreen.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QMutex>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>

using importers::ImportFileReport;
using ui::ImportDialog;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(BACKROOM_TEST_DATA_DIR "/ui/") + name;
}

const QString kShopifyFile = QStringLiteral("shopify_three_orders.csv");
const QString kProductsFile = QStringLiteral("products_not_an_export.csv");

// What the importer asked of the sink, across the worker thread and the test.
struct SinkJournal
{
    mutable QMutex mutex;
    QStringList calls; // "begin", "write #1001", "commit", "rollback", "recordRejected cancelled"
    models::ImportRunInfo lastRun;
    QThread *createdOn = nullptr;
    QThread *usedOn = nullptr;
    std::atomic<int> writes{0};
    int writeDelayMs = 0;

    void add(const QString &call)
    {
        const QMutexLocker lock(&mutex);
        calls.append(call);
        usedOn = QThread::currentThread();
    }
    int count(const QString &prefix) const
    {
        const QMutexLocker lock(&mutex);
        return int(std::count_if(calls.cbegin(), calls.cend(),
                                 [&](const QString &c) { return c.startsWith(prefix); }));
    }
};

// Every order is new, held when it has field errors; optionally slow, to be
// cancelled in the middle.
class FakeSink final : public models::OrderImportSink
{
public:
    explicit FakeSink(std::shared_ptr<SinkJournal> journal) : m_journal(std::move(journal)) {}

    models::Status begin(const models::ImportRunInfo &run) override
    {
        {
            const QMutexLocker lock(&m_journal->mutex);
            m_journal->lastRun = run;
        }
        m_journal->add(QStringLiteral("begin"));
        return models::Status::success();
    }
    models::Result<models::ImportedOrderResult> write(const models::ImportedOrder &order) override
    {
        if (m_journal->writeDelayMs > 0)
            QThread::msleep(m_journal->writeDelayMs);
        m_journal->add(QStringLiteral("write ") + order.number);
        ++m_journal->writes;
        models::ImportedOrderResult result;
        result.outcome = models::ImportOutcome::Created;
        result.onHold = !order.errors.isEmpty();
        result.lines = int(order.lines.size());
        return result;
    }
    models::Status commit(const models::ImportRunTotals &) override
    {
        m_journal->add(QStringLiteral("commit"));
        return models::Status::success();
    }
    void rollback() override { m_journal->add(QStringLiteral("rollback")); }
    models::Status recordRejected(const models::ImportRunInfo &, const models::ImportRunTotals &,
                                  const QString &status, const QString &message) override
    {
        m_journal->add(QStringLiteral("recordRejected %1: %2").arg(status, message));
        return models::Status::success();
    }

private:
    std::shared_ptr<SinkJournal> m_journal;
};

ui::OrderImportSinkFactory fakeSinkFactory(const std::shared_ptr<SinkJournal> &journal)
{
    return [journal]() -> models::Result<std::unique_ptr<models::OrderImportSink>> {
        journal->createdOn = QThread::currentThread();
        return std::unique_ptr<models::OrderImportSink>(std::make_unique<FakeSink>(journal));
    };
}

// A queue that counts how often it was asked for its size: a refresh asks again.
class CountingOrderSource : public models::OrderSource
{
public:
    void setQuery(const models::OrderQueueQuery &) override {}
    models::Result<qint64> count() override
    {
        ++counts;
        return rows;
    }
    models::Result<QList<models::OrderQueueRow>> fetch(qint64, int) override
    {
        return QList<models::OrderQueueRow>();
    }

    qint64 rows = 0;
    int counts = 0;
};

class EmptyStockSource : public models::StockLevelSource
{
public:
    models::Result<qint64> count() override { return qint64(0); }
    models::Result<QList<models::StockLevelRow>> fetch(qint64, int) override
    {
        return QList<models::StockLevelRow>();
    }
};

// The size the dialog takes on a 1366×768 laptop; the offscreen screen is
// narrower, and the pictures should show what most users see.
constexpr QSize kLaptopDialogSize(1040, 660);

bool showAndActivate(QWidget &window)
{
    window.show();
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

template <typename T> T *child(QWidget *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}

QString labelText(QWidget *parent, const QString &name)
{
    const auto *label = child<QLabel>(parent, name);
    return label ? label->text() : QStringLiteral("<no %1>").arg(name);
}

bool labelShown(QWidget *parent, const QString &name)
{
    const auto *label = child<QLabel>(parent, name);
    return label && label->isVisible();
}

QString cell(QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

QPushButton *button(QWidget *dialog, const QString &name)
{
    return child<QPushButton>(dialog, name);
}

void saveShot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("BACKROOM_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(widget.grab().save(QDir(dir).filePath(name)));
}

// A Shopify export of `orders` one-line orders, with the fixture's real header.
QString writeShopifyFile(const QString &path, int orders)
{
    QFile source(fixture(kShopifyFile));
    if (!source.open(QIODevice::ReadOnly))
        return {};
    const QByteArray header = source.readLine();
    const QByteArray firstRow = source.readLine(); // #1003, a complete first row
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(header);
    for (int i = 0; i < orders; ++i) {
        QByteArray row = firstRow;
        row.replace("#1003", QByteArray("#") + QByteArray::number(5000 + i));
        row.replace("5100000000003", QByteArray::number(6100000000000LL + i));
        out.write(row);
    }
    return path;
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void previewShowsEachFilesFormatAndFirstOrders();
    void channelOverrideRerunsThePreview();
    void importRunsOffTheGuiThreadAndSumsUp();
    void cancelRollsBackAndCommitsNothing_data();
    void cancelRollsBackAndCommitsNothing();
    void savedErrorsMatchTheTable();
    void errorCsvNeutralisesFormulas();
    void withoutASinkImportingIsUnavailable();
    void aSinkThatCannotOpenIsReported();
    void fileMenuImportOpensTheDialog();
    void droppedFilesOpenTheDialog();
    void importRefreshesOrdersAndStatusBar();

private:
    QTemporaryDir m_settingsDir;
};

void TestImportDialog::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("BackroomTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_importdialog"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestImportDialog::init()
{
    QSettings().clear();
}

void TestImportDialog::previewShowsEachFilesFormatAndFirstOrders()
{
    auto journal = std::make_shared<SinkJournal>();
    ImportDialog dialog({fixture(kShopifyFile), fixture(kProductsFile)}, fakeSinkFactory(journal),
                        QStringLiteral("tester"));
    dialog.resize(kLaptopDialogSize);
    QVERIFY(showAndActivate(dialog));
    QCOMPARE(dialog.stage(), ImportDialog::Stage::Preview);

    auto *files = child<QTableView>(&dialog, QStringLiteral("fileList"));
    QVERIFY(files);
    QCOMPARE(files->model()->rowCount(), 2);
    QCOMPARE(cell(files, 0, 0), kShopifyFile);
    QCOMPARE(cell(files, 0, 1), QStringLiteral("Shopify"));
    QCOMPARE(cell(files, 1, 0), kProductsFile);
    QCOMPARE(cell(files, 1, 2), QStringLiteral("Will not be imported"));
    QVERIFY(files->hasFocus());

    // The first file: detected as Shopify, its three orders, one of them to be held.
    QVERIFY2(labelText(&dialog, QStringLiteral("formatLabel")).contains(QStringLiteral("Shopify")),
             qPrintable(labelText(&dialog, QStringLiteral("formatLabel"))));
    QVERIFY2(!labelShown(&dialog, QStringLiteral("rejectionLabel")),
             qPrintable(labelText(&dialog, QStringLiteral("rejectionLabel"))));
    auto *preview = child<QTableView>(&dialog, QStringLiteral("previewTable"));
    QVERIFY(preview && preview->isVisible());
    QCOMPARE(preview->model()->rowCount(), 3);
    const QStringList headers = [preview] {
        QStringList labels;
        for (int c = 0; c < preview->model()->columnCount(); ++c)
            labels.append(preview->model()->headerData(c, Qt::Horizontal).toString());
        return labels;
    }();
    QCOMPARE(headers, (QStringList{QStringLiteral("Number"), QStringLiteral("Placed"),
                                   QStringLiteral("Customer"), QStringLiteral("Country"),
                                   QStringLiteral("Items"), QStringLiteral("Total"),
                                   QStringLiteral("Warning")}));
    QCOMPARE(cell(preview, 0, 0), QStringLiteral("#1003"));
    // Shown in local time; the file says 14:05 UTC.
    const QDateTime placed(QDate(2026, 3, 2), QTime(14, 5), Qt::UTC);
    QCOMPARE(cell(preview, 0, 1),
             QLocale().toString(placed.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")));
    QCOMPARE(cell(preview, 0, 2), QStringLiteral("Amelia Clarke"));
    QCOMPARE(cell(preview, 0, 3), QStringLiteral("GB"));
    QCOMPARE(cell(preview, 0, 4), QStringLiteral("3")); // 2 tea towels + 1 mug
    QCOMPARE(cell(preview, 0, 5), QStringLiteral("£54.00"));
    QCOMPARE(cell(preview, 0, 6), QString());
    QCOMPARE(cell(preview, 1, 0), QStringLiteral("#1002"));
    QVERIFY2(cell(preview, 1, 6).startsWith(QStringLiteral("On hold: Lineitem quantity")),
             qPrintable(cell(preview, 1, 6)));
    QCOMPARE(cell(preview, 2, 0), QStringLiteral("#1001"));
    QCOMPARE(cell(preview, 2, 5), QStringLiteral("£89.00"));
    QVERIFY(labelText(&dialog, QStringLiteral("previewNote")).contains(QStringLiteral("on hold")));

    QPushButton *import = button(&dialog, QStringLiteral("importButton"));
    QVERIFY(import->isVisible() && import->isEnabled() && import->isDefault());
    QCOMPARE(import->text(), QStringLiteral("&Import 1 file"));
    saveShot(dialog, QStringLiteral("01-preview.png"));

    // Down the file list: the product list, refused in plain words.
    QTest::keyClick(files, Qt::Key_Down);
    QCOMPARE(labelText(&dialog, QStringLiteral("fileTitle")), kProductsFile);
    QCOMPARE(labelText(&dialog, QStringLiteral("formatLabel")),
             QStringLiteral("Not a recognised order export"));
    QVERIFY(labelShown(&dialog, QStringLiteral("rejectionLabel")));
    const QString why = labelText(&dialog, QStringLiteral("rejectionLabel"));
    QVERIFY2(why.contains(QStringLiteral("Not a Shopify, Amazon or eBay order export")),
             qPrintable(why));
    QVERIFY2(!why.contains(QStringLiteral("nothing was imported")), qPrintable(why));
    QCOMPARE(preview->model()->rowCount(), 0);
    saveShot(dialog, QStringLiteral("02-preview-rejected.png"));
    QCOMPARE(journal->count(QString()), 0); // a preview writes nothing
}

void TestImportDialog::channelOverrideRerunsThePreview()
{
    auto journal = std::make_shared<SinkJournal>();
    ImportDialog dialog({fixture(kShopifyFile)}, fakeSinkFactory(journal), QString());
    QVERIFY(showAndActivate(dialog));
    auto *channel = child<QComboBox>(&dialog, QStringLiteral("channelCombo"));
    QCOMPARE(channel->currentText(), QStringLiteral("Detect"));
    QCOMPARE(channel->count(), 4);

    // Alt+C is the label's mnemonic; Down picks the next channel, Shopify.
    QTest::keyClick(&dialog, Qt::Key_C, Qt::AltModifier);
    QVERIFY(channel->hasFocus());
    QTest::keyClick(channel, Qt::Key_Down);
    QCOMPARE(channel->currentText(), QStringLiteral("Shopify"));
    QVERIFY(
        labelText(&dialog, QStringLiteral("formatLabel")).contains(QStringLiteral("as chosen")));
    QVERIFY(button(&dialog, QStringLiteral("importButton"))->isEnabled());

    // The wrong channel: the file is refused, and there is nothing to import.
    QTest::keyClick(channel, Qt::Key_Down);
    QCOMPARE(channel->currentText(), QStringLiteral("Amazon"));
    QVERIFY(labelShown(&dialog, QStringLiteral("rejectionLabel")));
    QVERIFY2(labelText(&dialog, QStringLiteral("rejectionLabel"))
                 .contains(QStringLiteral("Shopify export, not Amazon")),
             qPrintable(labelText(&dialog, QStringLiteral("rejectionLabel"))));
    QVERIFY(!button(&dialog, QStringLiteral("importButton"))->isEnabled());
    QCOMPARE(child<QTableView>(&dialog, QStringLiteral("previewTable"))->model()->rowCount(), 0);

    QTest::keyClick(channel, Qt::Key_Home);
    QCOMPARE(channel->currentText(), QStringLiteral("Detect"));
    QVERIFY(button(&dialog, QStringLiteral("importButton"))->isEnabled());
    QCOMPARE(child<QTableView>(&dialog, QStringLiteral("previewTable"))->model()->rowCount(), 3);
}

void TestImportDialog::importRunsOffTheGuiThreadAndSumsUp()
{
    auto journal = std::make_shared<SinkJournal>();
    ImportDialog dialog({fixture(kShopifyFile), fixture(kProductsFile)}, fakeSinkFactory(journal),
                        QStringLiteral("tester"));
    QSignalSpy imported(&dialog, &ImportDialog::ordersImported);
    dialog.resize(kLaptopDialogSize);
    QVERIFY(showAndActivate(dialog));

    // Enter in the file list presses the default button: Import.
    QTest::keyClick(child<QTableView>(&dialog, QStringLiteral("fileList")), Qt::Key_Return);
    QTRY_COMPARE(dialog.stage(), ImportDialog::Stage::Summary);

    // The sink was made and used on the import's thread, in one transaction.
    QVERIFY(journal->createdOn && journal->createdOn != QThread::currentThread());
    QCOMPARE(journal->usedOn, journal->createdOn);
    QCOMPARE(journal->calls,
             (QStringList{QStringLiteral("begin"), QStringLiteral("write #1003"),
                          QStringLiteral("write #1002"), QStringLiteral("write #1001"),
                          QStringLiteral("commit")}));
    QCOMPARE(journal->lastRun.fileName, kShopifyFile);
    QCOMPARE(journal->lastRun.formatCode, QStringLiteral("shopify"));
    QCOMPARE(journal->lastRun.userName, QStringLiteral("tester"));

    // One report per chosen file, the refused one with its reason.
    QCOMPARE(dialog.reports().size(), 2);
    QCOMPARE(dialog.reports().at(0).status, ImportFileReport::Status::Imported);
    QCOMPARE(dialog.reports().at(1).status, ImportFileReport::Status::Rejected);

    const QString sentence =
        QStringLiteral("Imported 1 file: 3 new orders; 1 on hold; 1 file rejected.");
    QCOMPARE(labelText(&dialog, QStringLiteral("summaryHeadline")), sentence);
    QCOMPARE(imported.size(), 1);
    QCOMPARE(imported.at(0).at(0).toString(), sentence);

    auto *summary = child<QTableView>(&dialog, QStringLiteral("summaryTable"));
    QVERIFY(summary->isVisible());
    QCOMPARE(summary->model()->rowCount(), 2);
    QCOMPARE(cell(summary, 0, 0), kShopifyFile);
    QCOMPARE(cell(summary, 0, 1), QStringLiteral("Shopify"));
    QCOMPARE(cell(summary, 0, 2), QStringLiteral("Imported"));
    QCOMPARE(cell(summary, 0, 3), QStringLiteral("3")); // new
    QCOMPARE(cell(summary, 0, 4), QStringLiteral("0")); // updated
    QCOMPARE(cell(summary, 0, 5), QStringLiteral("0")); // unchanged
    QCOMPARE(cell(summary, 0, 6), QStringLiteral("1")); // on hold
    QCOMPARE(cell(summary, 0, 7), QStringLiteral("1")); // errors
    QCOMPARE(cell(summary, 1, 0), kProductsFile);
    QCOMPARE(cell(summary, 1, 2), QStringLiteral("Rejected"));
    QVERIFY(labelShown(&dialog, QStringLiteral("summaryMessages")));
    QVERIFY(labelText(&dialog, QStringLiteral("summaryMessages"))
                .startsWith(kProductsFile +
                            QStringLiteral(": Not a Shopify, Amazon or eBay order export")));

    auto *errors = child<QTableView>(&dialog, QStringLiteral("errorTable"));
    QVERIFY(errors->isVisible());
    QCOMPARE(errors->model()->rowCount(), 1);
    QCOMPARE(cell(errors, 0, 0), kShopifyFile);
    QCOMPARE(cell(errors, 0, 1), QStringLiteral("4")); // header, #1003's two rows, then #1002
    QCOMPARE(cell(errors, 0, 2), QStringLiteral("Lineitem quantity"));
    QVERIFY2(cell(errors, 0, 3).contains(QStringLiteral("\"two\"")),
             qPrintable(cell(errors, 0, 3)));

    QPushButton *close = button(&dialog, QStringLiteral("closeButton"));
    QVERIFY(close->isVisible() && close->isDefault() && close->hasFocus());
    QVERIFY(button(&dialog, QStringLiteral("saveErrorsButton"))->isEnabled());
    QVERIFY(!button(&dialog, QStringLiteral("importButton"))->isVisible());
    saveShot(dialog, QStringLiteral("03-summary.png"));

    // Enter closes.
    QTest::keyClick(close, Qt::Key_Return);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestImportDialog::cancelRollsBackAndCommitsNothing_data()
{
    QTest::addColumn<bool>("escape");
    QTest::newRow("Cancel button") << false;
    QTest::newRow("Esc key") << true;
}

void TestImportDialog::cancelRollsBackAndCommitsNothing()
{
    QFETCH(bool, escape);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString big = writeShopifyFile(dir.filePath(QStringLiteral("big_export.csv")), 200);
    QVERIFY(!big.isEmpty());
    const QString second = writeShopifyFile(dir.filePath(QStringLiteral("second.csv")), 3);

    auto journal = std::make_shared<SinkJournal>();
    journal->writeDelayMs = 20; // 200 orders: four seconds if nobody cancels
    ImportDialog dialog({big, second}, fakeSinkFactory(journal), QString());
    QSignalSpy imported(&dialog, &ImportDialog::ordersImported);
    dialog.resize(kLaptopDialogSize);
    QVERIFY(showAndActivate(dialog));
    QTest::mouseClick(button(&dialog, QStringLiteral("importButton")), Qt::LeftButton);
    QCOMPARE(dialog.stage(), ImportDialog::Stage::Importing);

    // The window stays live while the sink is busy: the progress page is painted.
    QTRY_VERIFY(journal->writes.load() >= 3);
    QCOMPARE(dialog.stage(), ImportDialog::Stage::Importing);
    QTRY_VERIFY(
        labelText(&dialog, QStringLiteral("progressDetail")).contains(QStringLiteral("orders")));
    QVERIFY(labelText(&dialog, QStringLiteral("progressFileLabel"))
                .startsWith(QStringLiteral("Importing big_export.csv (file 1 of 2)")));
    QVERIFY(child<QProgressBar>(&dialog, QStringLiteral("importProgress"))->isVisible());
    QPushButton *cancel = button(&dialog, QStringLiteral("cancelImportButton"));
    QVERIFY(cancel->isVisible() && cancel->hasFocus());
    QVERIFY(!button(&dialog, QStringLiteral("closeButton"))->isVisible());
    saveShot(dialog, QStringLiteral("04-importing.png"));

    if (escape)
        QTest::keyClick(&dialog, Qt::Key_Escape);
    else
        QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(dialog.isVisible()); // Esc cancels the import, not the dialog
    QTRY_COMPARE(dialog.stage(), ImportDialog::Stage::Summary);

    QVERIFY(journal->writes.load() < 200);
    QCOMPARE(journal->count(QStringLiteral("begin")), 1); // the second file was never begun
    QCOMPARE(journal->count(QStringLiteral("rollback")), 1);
    QCOMPARE(journal->count(QStringLiteral("commit")), 0);
    QCOMPARE(journal->count(QStringLiteral("recordRejected cancelled: file big_export.csv: "
                                           "cancelled after")),
             1);
    QCOMPARE(imported.size(), 0);

    QCOMPARE(dialog.reports().size(), 2);
    QCOMPARE(dialog.reports().at(0).status, ImportFileReport::Status::Cancelled);
    QCOMPARE(dialog.reports().at(1).status, ImportFileReport::Status::Cancelled);
    QCOMPARE(labelText(&dialog, QStringLiteral("summaryHeadline")),
             QStringLiteral("Import cancelled: nothing was imported."));
    auto *summary = child<QTableView>(&dialog, QStringLiteral("summaryTable"));
    QCOMPARE(cell(summary, 0, 2), QStringLiteral("Cancelled"));
    QCOMPARE(cell(summary, 0, 3), QString()); // no counts for what was not kept
    const QString messages = labelText(&dialog, QStringLiteral("summaryMessages"));
    QVERIFY2(messages.contains(QStringLiteral("nothing was imported")), qPrintable(messages));
    QVERIFY(!child<QTableView>(&dialog, QStringLiteral("errorTable"))->isVisible());
    QVERIFY(!button(&dialog, QStringLiteral("saveErrorsButton"))->isEnabled());
    if (!escape)
        saveShot(dialog, QStringLiteral("05-cancelled.png"));
}

void TestImportDialog::savedErrorsMatchTheTable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings().setValue(QStringLiteral("Import/lastDirectory"), dir.path());
    auto journal = std::make_shared<SinkJournal>();
    ImportDialog dialog({fixture(kShopifyFile)}, fakeSinkFactory(journal), QString());
    QVERIFY(showAndActivate(dialog));
    QTest::mouseClick(button(&dialog, QStringLiteral("importButton")), Qt::LeftButton);
    QTRY_COMPARE(dialog.stage(), ImportDialog::Stage::Summary);

    // Alt+E: Save errors as CSV…, then the file chooser is answered.
    QTest::keyClick(&dialog, Qt::Key_E, Qt::AltModifier);
    QFileDialog *chooser = nullptr;
    QTRY_VERIFY((chooser = dialog.findChild<QFileDialog *>(
                     QStringLiteral("saveErrorsFileDialog"))) != nullptr);
    QCOMPARE(chooser->acceptMode(), QFileDialog::AcceptSave);
    QCOMPARE(QDir(chooser->directory()).canonicalPath(), QDir(dir.path()).canonicalPath());
    // The suggested name appears once the folder is read; the user types another.
    auto *name = chooser->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    QTRY_COMPARE(name->text(), QStringLiteral("import-errors.csv"));
    QTRY_VERIFY(name->hasFocus());
    QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(name, QStringLiteral("errors.csv"));
    QTest::keyClick(name, Qt::Key_Return);
    const QString path = dir.filePath(QStringLiteral("errors.csv"));

    QTRY_VERIFY(labelShown(&dialog, QStringLiteral("saveErrorsResult")));
    QVERIFY2(labelText(&dialog, QStringLiteral("saveErrorsResult"))
                 .startsWith(QStringLiteral("Saved 1 error to ")),
             qPrintable(labelText(&dialog, QStringLiteral("saveErrorsResult"))));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines =
        QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), QStringLiteral("file,row,field,message"));
    const QTableView *errors = child<QTableView>(&dialog, QStringLiteral("errorTable"));
    const QString message = errors->model()->index(0, 3).data().toString();
    QCOMPARE(lines.at(1), QStringLiteral("%1,4,Lineitem quantity,\"%2\"")
                              .arg(kShopifyFile, QString(message).replace(QStringLiteral("\""),
                                                                          QStringLiteral("\"\""))));
}

void TestImportDialog::errorCsvNeutralisesFormulas()
{
    const QList<ui::ImportErrorRow> rows = {
        {QStringLiteral("=cmd.csv"),
         {12, QStringLiteral("+Total"), QStringLiteral("-1 is not a quantity")}},
        {QStringLiteral("orders.csv"),
         {7, QStringLiteral("@SUM(A1)"), QStringLiteral("=HYPERLINK(\"x\")")}},
        {QStringLiteral("orders.csv"),
         {8, QStringLiteral("Lineitem sku"), QStringLiteral("a, b and \"c\"")}},
    };
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("errors.csv"));
    const models::Status written = ui::writeImportErrorsCsv(path, rows);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(file.readAll().mid(3)).split(QStringLiteral("\r\n"));
    QCOMPARE(lines, (QStringList{
                        QStringLiteral("file,row,field,message"),
                        QStringLiteral("'=cmd.csv,12,'+Total,'-1 is not a quantity"),
                        QStringLiteral("orders.csv,7,'@SUM(A1),\"'=HYPERLINK(\"\"x\"\")\""),
                        QStringLiteral("orders.csv,8,Lineitem sku,\"a, b and \"\"c\"\"\""),
                        QString(),
                    }));

    QCOMPARE(ui::neutraliseSpreadsheetCell(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(ui::neutraliseSpreadsheetCell(QString()), QString());

    // A folder in the way: the error names the file.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken.csv")));
    const models::Status refused =
        ui::writeImportErrorsCsv(dir.filePath(QStringLiteral("taken.csv")), rows);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QStringLiteral("taken.csv")), qPrintable(refused.error()));
}

void TestImportDialog::withoutASinkImportingIsUnavailable()
{
    ImportDialog dialog({fixture(kShopifyFile)}, {}, QString());
    QVERIFY(showAndActivate(dialog));
    QVERIFY(labelShown(&dialog, QStringLiteral("unavailableLabel")));
    QVERIFY(labelText(&dialog, QStringLiteral("unavailableLabel"))
                .startsWith(QStringLiteral("Importing is unavailable")));
    QVERIFY(!button(&dialog, QStringLiteral("importButton"))->isEnabled());
    // Still previewed, so the user can see what the file is.
    QCOMPARE(child<QTableView>(&dialog, QStringLiteral("previewTable"))->model()->rowCount(), 3);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
}

void TestImportDialog::aSinkThatCannotOpenIsReported()
{
    const ui::OrderImportSinkFactory broken =
        []() -> models::Result<std::unique_ptr<models::OrderImportSink>> {
        return models::Error{QStringLiteral("database /srv/shop.db is locked")};
    };
    ImportDialog dialog({fixture(kShopifyFile)}, broken, QString());
    QSignalSpy imported(&dialog, &ImportDialog::ordersImported);
    QVERIFY(showAndActivate(dialog));
    QTest::mouseClick(button(&dialog, QStringLiteral("importButton")), Qt::LeftButton);
    QTRY_COMPARE(dialog.stage(), ImportDialog::Stage::Summary);
    QCOMPARE(dialog.reports().at(0).status, ImportFileReport::Status::Rejected);
    QVERIFY(labelText(&dialog, QStringLiteral("summaryMessages"))
                .contains(QStringLiteral("database /srv/shop.db is locked")));
    QCOMPARE(labelText(&dialog, QStringLiteral("summaryHeadline")),
             QStringLiteral("Nothing was imported: 1 file rejected."));
    QCOMPARE(imported.size(), 0);
}

void TestImportDialog::fileMenuImportOpensTheDialog()
{
    CountingOrderSource orders;
    EmptyStockSource stock;
    auto journal = std::make_shared<SinkJournal>();
    ui::ScreenSources sources{&orders, &stock, QString()};
    sources.makeImportSink = fakeSinkFactory(journal);
    ui::MainWindow window(sources);
    QVERIFY(showAndActivate(window));

    // File comes before Help in the menu bar.
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(menus.size() >= 2);
    QCOMPARE(menus.at(0)->text(), QStringLiteral("&File"));
    QCOMPARE(menus.at(1)->text(), QStringLiteral("&Help"));
    auto *action = window.findChild<QAction *>(QStringLiteral("importOrdersAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
    QVERIFY(menus.at(0)->menu()->actions().contains(action));

    // Ctrl+I from the order table, then the file chooser is answered.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_I, Qt::ControlModifier);
    QFileDialog *chooser = nullptr;
    QTRY_VERIFY((chooser = window.findChild<QFileDialog *>(QStringLiteral("importFileDialog"))) !=
                nullptr);
    QCOMPARE(chooser->fileMode(), QFileDialog::ExistingFiles);
    QVERIFY(chooser->nameFilters().constFirst().contains(QStringLiteral("*.csv *.tsv *.txt")));
    auto *name = chooser->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    QTRY_VERIFY(name->hasFocus());
    QTest::keyClicks(name, fixture(kShopifyFile));
    QTest::keyClick(name, Qt::Key_Return);

    ImportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ImportDialog *>()) != nullptr);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->files(), QStringList{fixture(kShopifyFile)});
    QCOMPARE(QSettings().value(QStringLiteral("Import/lastDirectory")).toString(),
             QFileInfo(fixture(kShopifyFile)).absolutePath());
    dialog->close();
}

void TestImportDialog::droppedFilesOpenTheDialog()
{
    CountingOrderSource orders;
    EmptyStockSource stock;
    ui::MainWindow window({&orders, &stock, QString()});
    QVERIFY(showAndActivate(window));
    QVERIFY(window.acceptDrops());

    // A web link is not a file: refused at the door.
    QMimeData link;
    link.setUrls({QUrl(QStringLiteral("https://example.com/orders.csv"))});
    QDragEnterEvent refused(QPoint(50, 50), Qt::CopyAction, &link, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());

    QMimeData files;
    files.setUrls(
        {QUrl::fromLocalFile(fixture(kShopifyFile)), QUrl::fromLocalFile(fixture(kProductsFile))});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());

    auto *dialog = window.findChild<ImportDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->files(), (QStringList{fixture(kShopifyFile), fixture(kProductsFile)}));
    // No database behind this window: previewed, not importable.
    QVERIFY(labelShown(dialog, QStringLiteral("unavailableLabel")));
    dialog->close();
}

void TestImportDialog::importRefreshesOrdersAndStatusBar()
{
    CountingOrderSource orders;
    orders.rows = 10;
    EmptyStockSource stock;
    auto journal = std::make_shared<SinkJournal>();
    ui::ScreenSources sources{&orders, &stock, QString()};
    sources.makeImportSink = fakeSinkFactory(journal);
    sources.userName = QStringLiteral("owner");
    ui::MainWindow window(sources);
    QVERIFY(showAndActivate(window));
    QCOMPARE(window.ordersScreen()->orderCount(), 10);

    ImportDialog *dialog = window.openImportDialog({fixture(kShopifyFile)});
    QVERIFY(dialog->isVisible());
    const int countsBefore = orders.counts;
    orders.rows = 13; // what the database holds once the sink has committed
    QTest::mouseClick(button(dialog, QStringLiteral("importButton")), Qt::LeftButton);
    QTRY_COMPARE(dialog->stage(), ImportDialog::Stage::Summary);

    QCOMPARE(journal->lastRun.userName, QStringLiteral("owner"));
    QVERIFY(orders.counts > countsBefore);
    QCOMPARE(window.ordersScreen()->orderCount(), 13);
    QCOMPARE(window.ordersScreen()->summary(), QStringLiteral("13 orders"));
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Imported 1 file: 3 new orders; 1 on hold."));
    dialog->close();
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
