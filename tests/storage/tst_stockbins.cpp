// Bins and the ledger over a real database: the ledger read a page at a time (its
// running balances equal the full scan's on every page, in every order of reading),
// put-away on receipt of a purchase order and of a transfer (the product's bin, a
// scanned bin, an unknown bin refused with nothing written, a first bin remembered),
// and the Stock screen's rows naming every bin of a product at their location.

#include "allocationshop.h"
#include "models/stockledgersource.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlpurchasing.h"
#include "storage/sqlstockadjustments.h"
#include "storage/sqlstockledgersource.h"
#include "storage/sqlstocklevelsource.h"
#include "storage/sqltransfers.h"
#include "storagetestutil.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace allocationshop;
using models::Receipt;
using S = models::PurchaseOrder::Status;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);

} // namespace

class TestStockBins : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void ledgerPagesMatchTheFullScan_data();
    void ledgerPagesMatchTheFullScan();
    void ledgerOfAProductWithNoMovements();

    void receiptGoesToTheProductsBin();
    void receiptGoesToTheScannedBin();
    void unknownBinIsRefusedAndNothingWritten();
    void firstBinIsRemembered();
    void receiptWithoutBinsAsBefore();
    void transferReceivedIntoBins();

    void stockRowsNameEveryBin();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        return storagetest::scalar(db(), sql, binds);
    }
    qint64 sentOrder(const QList<QPair<qint64, int>> &lines);
    qint64 lineOf(qint64 po, qint64 product) const
    {
        return scalar(QStringLiteral("SELECT id FROM purchase_order_lines WHERE "
                                     "purchase_order_id = ? AND product_id = ?"),
                      {po, product})
            .toLongLong();
    }
    // The bins of every received movement of the order, in order ('' for none).
    QStringList receivedBins(const QString &poNumber) const;
    qint64 bin(qint64 location, const QString &code) const
    {
        return scalar(QStringLiteral("SELECT id FROM bins WHERE location_id = ? AND code = ?"),
                      {location, code})
            .toLongLong();
    }
    void verifyConsistent();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlPurchasing> m_purchasing;
};

void TestStockBins::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = storage::Database::open(m_dir->filePath(QStringLiteral("bins.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(build(db()));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO suppliers (id, name, currency) VALUES "
                             "(1, 'Acme Ceramics', 'GBP')")));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("UPDATE products SET supplier_id = 1, cost_minor = 250")));
    // Leeds has four bins; the mug lives in A-01-2 (primary) and B-03-1, the T-shirt in
    // C-07-4; the cap has no bin there. Milton Keynes has one bin, nobody's yet.
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO bins (id, location_id, code, pick_sequence) VALUES "
                             "(1, 1, 'A-01-2', 10), (2, 1, 'B-03-1', 20), (3, 1, 'C-07-4', 30), "
                             "(4, 1, 'D-01-1', 40), (5, 2, 'M-01-1', 10)")));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO product_bins (product_id, bin_id, is_primary) VALUES "
                             "(1, 1, 1), (1, 2, 0), (2, 3, 1)")));
    m_purchasing = std::make_unique<storage::SqlPurchasing>(db());
}

void TestStockBins::cleanup()
{
    m_purchasing.reset();
    m_db.reset();
    m_dir.reset();
}

qint64 TestStockBins::sentOrder(const QList<QPair<qint64, int>> &lines)
{
    models::PurchaseOrderDraft d;
    d.supplierId = 1;
    d.locationId = LDS;
    for (const auto &[product, quantity] : lines)
        d.lines.append({product, quantity, 250});
    const models::Result<qint64> id = m_purchasing->saveDraft(d);
    if (!id.ok() || !m_purchasing->changeStatus(id.value(), S::Sent, QStringLiteral("t")).ok())
        return 0;
    return id.value();
}

QStringList TestStockBins::receivedBins(const QString &poNumber) const
{
    QStringList out;
    models::Result<QSqlQuery> q = storage::runQuery(
        db(),
        QStringLiteral("SELECT COALESCE(b.code, '') FROM stock_movements m "
                       "LEFT JOIN bins b ON b.id = m.bin_id WHERE m.reference_id = ? "
                       "AND m.reason_code = 'received' ORDER BY m.id"),
        {poNumber});
    while (q.ok() && q.value().next())
        out << q.value().value(0).toString();
    return out;
}

void TestStockBins::verifyConsistent()
{
    const models::Result<storage::ConsistencyReport> report = storage::checkConsistency(db());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->clean(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestStockBins::ledgerPagesMatchTheFullScan_data()
{
    QTest::addColumn<qint64>("location"); // 0: every location
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<QString>("order"); // forward, backward, jumps

    for (const qint64 location : {qint64(0), qint64(LDS)}) {
        const QString where = location ? QStringLiteral("Leeds") : QStringLiteral("everywhere");
        for (const int size : {1, 7, 200})
            for (const char *order : {"forward", "backward", "jumps"})
                QTest::addRow("%s, pages of %d, %s", qPrintable(where), size, order)
                    << location << size << QString::fromLatin1(order);
    }
}

void TestStockBins::ledgerPagesMatchTheFullScan()
{
    QFETCH(qint64, location);
    QFETCH(int, pageSize);
    QFETCH(QString, order);

    // 600 movements of the mug at three locations, several to a second (the id breaks
    // the tie), in and out, with Milton Keynes and Rotterdam allowed to run below zero.
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("UPDATE locations SET allows_backorders = 1 WHERE id IN (2, 4)")));
    {
        storage::Transaction txn(db());
        QRandomGenerator rng(7);
        for (int i = 0; i < 600; ++i) {
            models::StockMovement m;
            m.productId = Mug;
            m.locationId = QList<qint64>{LDS, MKY, RTM}.at(i % 3);
            const int in = static_cast<int>(rng.bounded(1, 9));
            m.quantity = i % 4 == 3 ? -in / 2 - 1 : in;
            if (m.locationId == LDS && m.quantity < 0)
                m.quantity = 1; // Leeds never goes below zero
            m.reason =
                m.quantity > 0 ? models::StockReason::Received : models::StockReason::Shipped;
            m.user = QStringLiteral("test");
            m.atUtc = kNow.addSecs(-86'400 + i / 3); // three movements to a second
            models::Result<qint64> id = storage::recordStockMovementInTransaction(db(), m);
            QVERIFY2(id.ok(), qPrintable(id.error()));
        }
        VERIFY_OK(txn.commit());
    }
    const models::Result<models::ProductLedger> full = storage::productLedger(db(), Mug, location);
    QVERIFY2(full.ok(), qPrintable(full.error()));
    const QList<models::LedgerEntry> &all = full->entries;
    QCOMPARE(all.size(), location ? 200 : 600);

    storage::SqlStockLedgerSource source(db(), Mug, location);
    const models::Result<qint64> n = source.count();
    QVERIFY2(n.ok(), qPrintable(n.error()));
    QCOMPARE(n.value(), qint64(all.size()));

    QList<qint64> offsets;
    for (qint64 at = 0; at < n.value(); at += pageSize)
        offsets << at;
    if (order == QLatin1String("backward")) {
        std::reverse(offsets.begin(), offsets.end());
    } else if (order == QLatin1String("jumps")) {
        QRandomGenerator rng(11);
        for (qsizetype i = offsets.size() - 1; i > 0; --i)
            offsets.swapItemsAt(i, rng.bounded(i + 1));
        offsets = offsets.mid(0, 40);
    }
    for (const qint64 at : std::as_const(offsets)) {
        const models::Result<QList<models::LedgerEntry>> page = source.fetch(at, pageSize);
        QVERIFY2(page.ok(), qPrintable(page.error()));
        QCOMPARE(page->size(), std::min<qsizetype>(pageSize, all.size() - at));
        for (qsizetype i = 0; i < page->size(); ++i) {
            const models::LedgerEntry &got = page->at(i);
            const models::LedgerEntry &want = all.at(at + i);
            QCOMPARE(got.id, want.id);
            QCOMPARE(got.balance, want.balance);
            QCOMPARE(got.totalBalance, want.totalBalance);
            QCOMPARE(got.locationCode, want.locationCode);
            QCOMPARE(got.quantity, want.quantity);
        }
    }
    // Reading in order, the pages carry their balances on: from the first movement
    // nothing is summed, from the newest page one sum opens it.
    if (order == QLatin1String("forward"))
        QCOMPARE(source.balanceSums(), 0);
    else if (order == QLatin1String("backward"))
        QCOMPARE(source.balanceSums(), n.value() > pageSize ? 1 : 0);
    // The last balance is what is on hand.
    const int onHand =
        scalar(location ? QStringLiteral("SELECT on_hand FROM stock_levels WHERE product_id = 1 "
                                         "AND location_id = 1")
                        : QStringLiteral("SELECT SUM(on_hand) FROM stock_levels "
                                         "WHERE product_id = 1"))
            .toInt();
    const models::Result<QList<models::LedgerEntry>> last = source.fetch(n.value() - 1, 1);
    QVERIFY2(last.ok(), qPrintable(last.error()));
    QCOMPARE(last->constFirst().totalBalance, onHand);
}

void TestStockBins::ledgerOfAProductWithNoMovements()
{
    storage::SqlStockLedgerSource source(db(), Cap, 0);
    const models::Result<qint64> n = source.count();
    QVERIFY2(n.ok(), qPrintable(n.error()));
    QCOMPARE(n.value(), qint64(0));
    QVERIFY(source.fetch(0, 200)->isEmpty());
    QCOMPARE(source.product()->sku, QStringLiteral("CAP-01"));
    storage::SqlStockLedgerSource missing(db(), 999, 0);
    QVERIFY(!missing.product().ok());
    QVERIFY2(missing.product().error().contains(QLatin1String("999")),
             qPrintable(missing.product().error()));
}

void TestStockBins::receiptGoesToTheProductsBin()
{
    const qint64 po = sentOrder({{Mug, 10}, {Tee, 4}});
    QVERIFY(po);
    const models::Result<models::PurchaseOrderDetail> d = m_purchasing->purchaseOrder(po);
    QVERIFY2(d.ok(), qPrintable(d.error()));
    // The panel shows where each line goes by default: the primary bin.
    QCOMPARE(d->lines.at(0).binCode, QStringLiteral("A-01-2"));
    QCOMPARE(d->lines.at(1).binCode, QStringLiteral("C-07-4"));

    Receipt r;
    r.purchaseOrderId = po;
    r.user = QStringLiteral("dana");
    r.atUtc = kNow;
    r.lines = {{lineOf(po, Mug), 10, 1, QString(), QString()},
               {lineOf(po, Tee), 4, 0, QString(), QString()}};
    const models::Result<models::ReceiptResult> done = m_purchasing->postReceipt(r);
    QVERIFY2(done.ok(), qPrintable(done.error()));
    QCOMPARE(receivedBins(d->header.poNumber),
             (QStringList{QStringLiteral("A-01-2"), QStringLiteral("C-07-4")}));
    // The damaged unit is written off from the same bin it arrived in.
    QCOMPARE(scalar(QStringLiteral("SELECT bin_id FROM stock_movements WHERE reason_code = "
                                   "'damaged' AND reference_id = ?"),
                    {d->header.poNumber})
                 .toLongLong(),
             bin(LDS, QStringLiteral("A-01-2")));
    // Nothing new remembered.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM product_bins")).toInt(), 3);
    verifyConsistent();
}

void TestStockBins::receiptGoesToTheScannedBin()
{
    const qint64 po = sentOrder({{Mug, 6}});
    QVERIFY(po);
    Receipt r;
    r.purchaseOrderId = po;
    r.atUtc = kNow;
    // Another of the mug's bins, typed in lower case with a stray space.
    r.lines = {{lineOf(po, Mug), 6, 0, QString(), QStringLiteral(" b-03-1")}};
    const models::Result<models::ReceiptResult> done = m_purchasing->postReceipt(r);
    QVERIFY2(done.ok(), qPrintable(done.error()));
    const QString number = m_purchasing->purchaseOrder(po)->header.poNumber;
    QCOMPARE(receivedBins(number), QStringList{QStringLiteral("B-03-1")});

    // A bin the mug has no place in is used for this delivery, and not remembered: the
    // mug already has its bins at Leeds.
    const qint64 second = sentOrder({{Mug, 2}});
    r.purchaseOrderId = second;
    r.lines = {{lineOf(second, Mug), 2, 0, QString(), QStringLiteral("D-01-1")}};
    VERIFY_OK(m_purchasing->postReceipt(r));
    QCOMPARE(receivedBins(m_purchasing->purchaseOrder(second)->header.poNumber),
             QStringList{QStringLiteral("D-01-1")});
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM product_bins WHERE product_id = 1")).toInt(),
        2);
    verifyConsistent();
}

void TestStockBins::unknownBinIsRefusedAndNothingWritten()
{
    const qint64 po = sentOrder({{Mug, 5}, {Tee, 5}});
    QVERIFY(po);
    const auto counts = [this] {
        return QList<int>{
            scalar(QStringLiteral("SELECT COUNT(*) FROM stock_movements")).toInt(),
            scalar(QStringLiteral("SELECT COUNT(*) FROM po_receipts")).toInt(),
            scalar(QStringLiteral("SELECT COUNT(*) FROM product_bins")).toInt(),
            scalar(QStringLiteral("SELECT COALESCE(SUM(quantity_received), 0) FROM "
                                  "purchase_order_lines"))
                .toInt(),
            scalar(QStringLiteral("SELECT COALESCE(SUM(on_hand), 0) FROM stock_levels")).toInt()};
    };
    const QList<int> before = counts();
    Receipt r;
    r.purchaseOrderId = po;
    r.atUtc = kNow;
    // The first line is fine; the second names a bin Leeds does not have, and M-01-1 is
    // Milton Keynes's: neither is a bin here.
    for (const QString &code : {QStringLiteral("Z-99-9"), QStringLiteral("M-01-1")}) {
        r.lines = {{lineOf(po, Mug), 5, 0, QString(), QString()},
                   {lineOf(po, Tee), 5, 0, QString(), code}};
        const models::Result<models::ReceiptResult> refused = m_purchasing->postReceipt(r);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QStringLiteral("LDS has no bin %1").arg(code)),
                 qPrintable(refused.error()));
        QVERIFY2(refused.error().contains(QLatin1String("TEE-M")), qPrintable(refused.error()));
        QVERIFY2(refused.error().contains(QLatin1String("nothing was received")),
                 qPrintable(refused.error()));
        QCOMPARE(counts(), before);
    }
    QCOMPARE(m_purchasing->purchaseOrder(po)->header.status, S::Sent);
}

void TestStockBins::firstBinIsRemembered()
{
    const qint64 po = sentOrder({{Cap, 8}});
    QVERIFY(po);
    Receipt r;
    r.purchaseOrderId = po;
    r.atUtc = kNow;
    r.lines = {{lineOf(po, Cap), 3, 0, QString(), QStringLiteral("D-01-1")}};
    VERIFY_OK(m_purchasing->postReceipt(r));
    QCOMPARE(scalar(QStringLiteral("SELECT bin_id FROM product_bins WHERE product_id = ?"), {Cap})
                 .toLongLong(),
             bin(LDS, QStringLiteral("D-01-1")));
    // The next delivery goes there by itself, and the order shows it.
    const models::Result<models::PurchaseOrderDetail> d = m_purchasing->purchaseOrder(po);
    QCOMPARE(d->lines.at(0).binCode, QStringLiteral("D-01-1"));
    r.lines = {{lineOf(po, Cap), 5, 0, QString(), QString()}};
    VERIFY_OK(m_purchasing->postReceipt(r));
    QCOMPARE(receivedBins(d->header.poNumber),
             (QStringList{QStringLiteral("D-01-1"), QStringLiteral("D-01-1")}));
    verifyConsistent();
}

void TestStockBins::receiptWithoutBinsAsBefore()
{
    const qint64 po = sentOrder({{Cap, 2}});
    QVERIFY(po);
    Receipt r;
    r.purchaseOrderId = po;
    r.atUtc = kNow;
    r.lines = {{lineOf(po, Cap), 2, 0, QString(), QString()}};
    VERIFY_OK(m_purchasing->postReceipt(r));
    QVERIFY(scalar(QStringLiteral("SELECT bin_id FROM stock_movements WHERE product_id = ?"), {Cap})
                .isNull());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM product_bins WHERE product_id = ?"), {Cap})
                 .toInt(),
             0);
    verifyConsistent();
}

void TestStockBins::transferReceivedIntoBins()
{
    // Stock at Milton Keynes goes to Leeds: the mug into its bin, the cap (no bin at
    // Leeds) into the bin typed for it, which it then keeps.
    VERIFY_OK(move(db(), Mug, MKY, 10));
    VERIFY_OK(move(db(), Cap, MKY, 10));
    const models::Result<qint64> t =
        storage::shipTransfer(db(), MKY, LDS, {{Mug, 4}, {Cap, 3}}, QStringLiteral("test"), kNow);
    QVERIFY2(t.ok(), qPrintable(t.error()));
    const models::Result<models::Transfer> loaded = storage::loadTransfer(db(), t.value());
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    const qint64 mugLine = loaded->lines.at(0).id;
    const qint64 capLine = loaded->lines.at(1).id;

    // An unknown bin refuses the whole receipt.
    const models::Status refused = storage::receiveTransfer(
        db(), t.value(), {{mugLine, 4}, {capLine, 3}}, QStringLiteral("test"), kNow,
        {{capLine, QStringLiteral("X-00-0")}});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QLatin1String("LDS has no bin X-00-0")),
             qPrintable(refused.error()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE reason_code = "
                                   "'transfer_in'"))
                 .toInt(),
             0);

    VERIFY_OK(storage::receiveTransfer(db(), t.value(), {{mugLine, 4}, {capLine, 3}},
                                       QStringLiteral("test"), kNow,
                                       {{capLine, QStringLiteral("D-01-1")}}));
    QCOMPARE(scalar(QStringLiteral("SELECT b.code FROM stock_movements m JOIN bins b ON b.id = "
                                   "m.bin_id WHERE m.reason_code = 'transfer_in' AND "
                                   "m.product_id = ?"),
                    {Mug})
                 .toString(),
             QStringLiteral("A-01-2"));
    QCOMPARE(scalar(QStringLiteral("SELECT b.code FROM stock_movements m JOIN bins b ON b.id = "
                                   "m.bin_id WHERE m.reason_code = 'transfer_in' AND "
                                   "m.product_id = ?"),
                    {Cap})
                 .toString(),
             QStringLiteral("D-01-1"));
    QCOMPARE(scalar(QStringLiteral("SELECT bin_id FROM product_bins WHERE product_id = ?"), {Cap})
                 .toLongLong(),
             bin(LDS, QStringLiteral("D-01-1")));
    verifyConsistent();
}

void TestStockBins::stockRowsNameEveryBin()
{
    VERIFY_OK(move(db(), Mug, LDS, 5));
    VERIFY_OK(move(db(), Mug, MKY, 5));
    VERIFY_OK(move(db(), Tee, LDS, 5));
    VERIFY_OK(move(db(), Cap, LDS, 5));
    storage::SqlStockLevelSource source(db());
    const models::Result<qint64> n = source.count();
    QVERIFY2(n.ok(), qPrintable(n.error()));
    QCOMPARE(n.value(), qint64(4));
    // Pages of one and of all: the bins belong to the row, not to the page.
    for (const int size : {1, 4}) {
        source.setFilter({});
        QVERIFY(source.count().ok());
        QHash<QString, QString> bins;
        for (int at = 0; at < 4; at += size) {
            const models::Result<QList<models::StockLevelRow>> rows = source.fetch(at, size);
            QVERIFY2(rows.ok(), qPrintable(rows.error()));
            for (const models::StockLevelRow &r : rows.value())
                bins.insert(r.sku + QLatin1Char('@') + r.locationCode, r.binCode);
        }
        QCOMPARE(bins.value(QStringLiteral("MUG-01@LDS")), QStringLiteral("A-01-2, B-03-1"));
        QCOMPARE(bins.value(QStringLiteral("MUG-01@MKY")), QString()); // no bin there
        QCOMPARE(bins.value(QStringLiteral("TEE-M@LDS")), QStringLiteral("C-07-4"));
        QCOMPARE(bins.value(QStringLiteral("CAP-01@LDS")), QString());
    }
}

QTEST_GUILESS_MAIN(TestStockBins)
#include "tst_stockbins.moc"
