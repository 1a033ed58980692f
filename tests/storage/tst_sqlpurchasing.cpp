// Purchase orders over a real database: drafts numbered in the shop's sequence and
// edited only while drafts; sending; receipts with over, short and damaged lines
// booked through the ledger in one transaction; a receipt filling a waiting
// backorder; a refused receipt leaving nothing behind; the list's filters and the
// overdue flag; and `backroom check` passing after all of it.

#include "allocationshop.h"
#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlallocator.h"
#include "storage/sqlpurchasing.h"
#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace allocationshop;
using models::PurchaseOrderDraft;
using models::Receipt;
using S = models::PurchaseOrder::Status;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);

} // namespace

class TestSqlPurchasing : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void draftsAreNumberedAndEditedOnlyAsDrafts();
    void sendingRecordsWhenItWasOrdered();
    void receiptWithOverShortAndDamaged();
    void receiptFillsAWaitingBackorder();
    void refusedReceiptWritesNothing();
    void listFiltersAndOverdue();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        return storagetest::scalar(db(), sql, binds);
    }
    qint64 draft(const QList<QPair<qint64, int>> &lines, const QDate &expected = {});
    qint64 sentOrder(const QList<QPair<qint64, int>> &lines, const QDate &expected = {});
    qint64 lineOf(qint64 po, qint64 product) const
    {
        return scalar(QStringLiteral("SELECT id FROM purchase_order_lines WHERE "
                                     "purchase_order_id = ? AND product_id = ?"),
                      {po, product})
            .toLongLong();
    }
    int onHand(qint64 product, qint64 location) const
    {
        return scalar(QStringLiteral("SELECT COALESCE(SUM(on_hand), 0) FROM stock_levels WHERE "
                                     "product_id = ? AND location_id = ?"),
                      {product, location})
            .toInt();
    }
    void verifyConsistent();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::SqlPurchasing> m_source;
};

void TestSqlPurchasing::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = storage::Database::open(m_dir->filePath(QStringLiteral("po.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(build(db()));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO suppliers (id, name, currency) VALUES "
                             "(1, 'Acme Ceramics', 'GBP'), (2, 'Birch & Co', 'EUR')")));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("UPDATE products SET supplier_id = 1, cost_minor = 250, "
                             "supplier_sku = 'AC-' || sku")));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO product_barcodes (product_id, barcode, symbology, "
                             "is_primary) VALUES (1, '5012345678900', 'EAN13', 1)")));
    m_source = std::make_unique<storage::SqlPurchasing>(db());
}

void TestSqlPurchasing::cleanup()
{
    m_source.reset();
    m_db.reset();
    m_dir.reset();
}

qint64 TestSqlPurchasing::draft(const QList<QPair<qint64, int>> &lines, const QDate &expected)
{
    PurchaseOrderDraft d;
    d.supplierId = 1;
    d.locationId = LDS;
    d.expected = expected;
    for (const auto &[product, quantity] : lines)
        d.lines.append({product, quantity, 250});
    const models::Result<qint64> id = m_source->saveDraft(d);
    if (!id.ok())
        qWarning("%s", qPrintable(id.error()));
    return id.ok() ? id.value() : 0;
}

qint64 TestSqlPurchasing::sentOrder(const QList<QPair<qint64, int>> &lines, const QDate &expected)
{
    const qint64 id = draft(lines, expected);
    if (id && !m_source->changeStatus(id, S::Sent, QStringLiteral("tester")).ok())
        return 0;
    return id;
}

void TestSqlPurchasing::verifyConsistent()
{
    const models::Result<storage::ConsistencyReport> report = storage::checkConsistency(db());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->clean(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestSqlPurchasing::draftsAreNumberedAndEditedOnlyAsDrafts()
{
    const qint64 first = draft({{Mug, 10}});
    QVERIFY(first);
    const qint64 second = draft({{Tee, 5}, {Cap, 2}}, QDate(2026, 12, 1));
    QVERIFY(second);
    QCOMPARE(scalar(QStringLiteral("SELECT po_number FROM purchase_orders WHERE id = ?"), {first})
                 .toString(),
             QStringLiteral("PO-00001"));
    QCOMPARE(scalar(QStringLiteral("SELECT po_number FROM purchase_orders WHERE id = ?"), {second})
                 .toString(),
             QStringLiteral("PO-00002"));

    // A draft's lines are replaced whole.
    PurchaseOrderDraft edit;
    edit.id = first;
    edit.supplierId = 2;
    edit.locationId = MKY;
    edit.lines = {{Mug, 12, 300}, {Cap, 1, 100}};
    const models::Result<qint64> saved = m_source->saveDraft(edit);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    const models::Result<models::PurchaseOrderDetail> d = m_source->purchaseOrder(first);
    QVERIFY2(d.ok(), qPrintable(d.error()));
    QCOMPARE(d->lines.size(), 2);
    QCOMPARE(d->lines.at(0).ordered, 12);
    QCOMPARE(d->header.currency, QStringLiteral("EUR")); // the supplier's
    QCOMPARE(d->header.totalMinor, qint64(12 * 300 + 100));
    QCOMPARE(d->lines.at(0).barcodes, QStringList{QStringLiteral("5012345678900")});
    QCOMPARE(d->lines.at(0).supplierSku, QStringLiteral("AC-MUG-01"));

    // Bad drafts are refused whole.
    PurchaseOrderDraft bad = edit;
    bad.lines = {{Mug, 0, 300}};
    QVERIFY(!m_source->saveDraft(bad).ok());
    bad.lines = {{Mug, 1, 300}, {Mug, 2, 300}};
    QVERIFY(!m_source->saveDraft(bad).ok());
    bad.lines = {{999, 1, 300}};
    QVERIFY(!m_source->saveDraft(bad).ok());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM purchase_order_lines WHERE "
                                   "purchase_order_id = ?"),
                    {first})
                 .toInt(),
             2);

    // Once sent, only the expected date changes.
    VERIFY_OK(m_source->changeStatus(first, S::Sent, QStringLiteral("tester")));
    const models::Result<qint64> late = m_source->saveDraft(edit);
    QVERIFY(!late.ok());
    QVERIFY2(late.error().contains(QLatin1String("PO-00001")), qPrintable(late.error()));
    VERIFY_OK(m_source->setExpectedDate(first, QDate(2026, 12, 24)));
    QCOMPARE(m_source->purchaseOrder(first)->header.expected, QDate(2026, 12, 24));
}

void TestSqlPurchasing::sendingRecordsWhenItWasOrdered()
{
    const qint64 id = draft({{Mug, 10}});
    QVERIFY(scalar(QStringLiteral("SELECT ordered_at FROM purchase_orders WHERE id = ?"), {id})
                .isNull());
    VERIFY_OK(m_source->changeStatus(id, S::Sent, QStringLiteral("tester")));
    QVERIFY(!scalar(QStringLiteral("SELECT ordered_at FROM purchase_orders WHERE id = ?"), {id})
                 .isNull());
    // No expected date was given: the supplier's lead time (14 days by default) from today.
    QCOMPARE(m_source->purchaseOrder(id)->header.expected,
             QDateTime::currentDateTimeUtc().date().addDays(14));
    // Receipts, not people, move it to received; a sent order cannot go back to draft.
    QVERIFY(!m_source->changeStatus(id, S::Received, QStringLiteral("tester")).ok());
    QVERIFY(!m_source->changeStatus(id, S::Draft, QStringLiteral("tester")).ok());
    VERIFY_OK(m_source->changeStatus(id, S::Cancelled, QStringLiteral("tester")));
    QCOMPARE(m_source->purchaseOrder(id)->header.status, S::Cancelled);
}

void TestSqlPurchasing::receiptWithOverShortAndDamaged()
{
    const qint64 po = sentOrder({{Mug, 10}, {Tee, 5}, {Cap, 4}});
    QVERIFY(po);
    Receipt r;
    r.purchaseOrderId = po;
    r.user = QStringLiteral("dana");
    r.atUtc = kNow;
    r.lines = {{lineOf(po, Mug), 12, 0, QStringLiteral("two extra in the carton")},
               {lineOf(po, Tee), 3, 1, QString()},
               {lineOf(po, Cap), 0, 0, QString()}};
    const models::Result<models::ReceiptResult> first = m_source->postReceipt(r);
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QCOMPARE(first->status, S::PartiallyReceived);
    QCOMPARE(first->unitsIntoStock, 14);
    QCOMPARE(first->unitsWrittenOff, 1);
    QCOMPARE(first->discrepancies, 3);

    QCOMPARE(onHand(Mug, LDS), 12);
    QCOMPARE(onHand(Tee, LDS), 2); // 3 received, 1 written off
    QCOMPARE(onHand(Cap, LDS), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE reason_code = "
                                   "'received' AND reference_type = 'purchase_order' AND "
                                   "reference_id = 'PO-00001'"))
                 .toInt(),
             2);
    QCOMPARE(scalar(QStringLiteral("SELECT SUM(quantity) FROM stock_movements WHERE reason_code = "
                                   "'damaged' AND reference_id = 'PO-00001'"))
                 .toInt(),
             -1);

    models::Result<models::PurchaseOrderDetail> d = m_source->purchaseOrder(po);
    QVERIFY2(d.ok(), qPrintable(d.error()));
    QCOMPARE(d->lines.at(0).received, 12);
    QCOMPARE(d->lines.at(1).received, 3);
    QCOMPARE(d->lines.at(2).received, 0);
    QCOMPARE(d->discrepancies.size(), 3);
    QCOMPARE(d->discrepancies.at(0).kind, models::DiscrepancyKind::Over);
    QCOMPARE(d->discrepancies.at(0).quantity, 2);
    QCOMPARE(d->discrepancies.at(0).note, QStringLiteral("two extra in the carton"));
    QCOMPARE(d->discrepancies.at(1).kind, models::DiscrepancyKind::Under);
    QCOMPARE(d->discrepancies.at(1).quantity, 2);
    QCOMPARE(d->discrepancies.at(2).kind, models::DiscrepancyKind::Damaged);
    QCOMPARE(d->discrepancies.at(2).sku, QStringLiteral("TEE-M"));
    QCOMPARE(d->header.discrepancies, 3);
    verifyConsistent();

    // The rest arrives: received, with its date.
    r.lines = {{lineOf(po, Tee), 2, 0, QString()}, {lineOf(po, Cap), 4, 0, QString()}};
    const models::Result<models::ReceiptResult> second = m_source->postReceipt(r);
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(second->status, S::Received);
    QCOMPARE(second->discrepancies, 0);
    QVERIFY(!scalar(QStringLiteral("SELECT received_at FROM purchase_orders WHERE id = ?"), {po})
                 .isNull());
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM po_receipts WHERE purchase_order_id = ?"), {po})
            .toInt(),
        2);
    // Nothing more can be received; it can be closed.
    QVERIFY(!m_source->postReceipt(r).ok());
    VERIFY_OK(m_source->changeStatus(po, S::Closed, QStringLiteral("tester")));
    verifyConsistent();
}

void TestSqlPurchasing::receiptFillsAWaitingBackorder()
{
    NewOrder waiting = withLines({{Cap, 3}});
    const models::Result<qint64> order = addOrder(db(), waiting);
    QVERIFY2(order.ok(), qPrintable(order.error()));
    storage::AllocationOptions options;
    options.nowUtc = kNow;
    VERIFY_OK(storage::allocateNewOrders(db(), options));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {order.value()})
                 .toString(),
             QStringLiteral("backordered"));

    const qint64 po = sentOrder({{Cap, 4}});
    Receipt r;
    r.purchaseOrderId = po;
    r.user = QStringLiteral("dana");
    r.atUtc = kNow;
    r.lines = {{lineOf(po, Cap), 4, 0, QString()}};
    const models::Result<models::ReceiptResult> done = m_source->postReceipt(r);
    QVERIFY2(done.ok(), qPrintable(done.error()));
    QCOMPARE(done->backordersFilled, qint64(1));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {order.value()})
                 .toString(),
             QStringLiteral("ready"));
    QCOMPARE(scalar(QStringLiteral("SELECT reserved FROM stock_levels WHERE product_id = ? AND "
                                   "location_id = ?"),
                    {qint64(Cap), qint64(LDS)})
                 .toInt(),
             3);
    verifyConsistent();
}

void TestSqlPurchasing::refusedReceiptWritesNothing()
{
    const qint64 notSent = draft({{Mug, 10}});
    Receipt r;
    r.purchaseOrderId = notSent;
    r.lines = {{lineOf(notSent, Mug), 1, 0, QString()}};
    const models::Result<models::ReceiptResult> onDraft = m_source->postReceipt(r);
    QVERIFY(!onDraft.ok());
    QVERIFY2(onDraft.error().contains(QLatin1String("draft")), qPrintable(onDraft.error()));

    const qint64 po = sentOrder({{Mug, 10}, {Tee, 5}});
    r.purchaseOrderId = po;
    // The first line is fine, the second has more damaged than arrived: nothing is booked.
    r.lines = {{lineOf(po, Mug), 10, 0, QString()}, {lineOf(po, Tee), 2, 3, QString()}};
    const models::Result<models::ReceiptResult> bad = m_source->postReceipt(r);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().contains(QLatin1String("TEE-M")), qPrintable(bad.error()));
    r.lines = {};
    QVERIFY(!m_source->postReceipt(r).ok()); // nothing counted
    r.lines = {{lineOf(notSent, Mug), 1, 0, QString()}};
    QVERIFY(!m_source->postReceipt(r).ok()); // a line of another order
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stock_movements")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM po_receipts")).toInt(), 0);
    QCOMPARE(
        scalar(QStringLiteral("SELECT SUM(quantity_received) FROM purchase_order_lines")).toInt(),
        0);
    QCOMPARE(m_source->purchaseOrder(po)->header.status, S::Sent);
}

void TestSqlPurchasing::listFiltersAndOverdue()
{
    const qint64 late = sentOrder({{Mug, 10}}, QDate(2026, 11, 20));
    const qint64 onTime = sentOrder({{Tee, 10}}, QDate(2026, 11, 30));
    const qint64 drafted = draft({{Cap, 10}}, QDate(2026, 11, 1)); // a draft is never overdue
    PurchaseOrderDraft other;
    other.supplierId = 2;
    other.locationId = MKY;
    other.lines = {{Cap, 1, 100}};
    const qint64 fromBirch = m_source->saveDraft(other).value();

    models::PurchaseOrderFilter filter;
    filter.today = QDate(2026, 11, 24);
    models::Result<QList<models::PurchaseOrderSummary>> all = m_source->purchaseOrders(filter);
    QVERIFY2(all.ok(), qPrintable(all.error()));
    QCOMPARE(all->size(), 4);
    QCOMPARE(all->at(0).id, fromBirch); // newest first
    for (const models::PurchaseOrderSummary &s : all.value())
        QCOMPARE(s.overdue, s.id == late);

    filter.onlyOverdue = true;
    QCOMPARE(m_source->purchaseOrders(filter)->size(), 1);
    QCOMPARE(m_source->purchaseOrders(filter)->at(0).poNumber, QStringLiteral("PO-00001"));
    filter.onlyOverdue = false;
    filter.status = S::Draft;
    QCOMPARE(m_source->purchaseOrders(filter)->size(), 2);
    filter.supplierId = 2;
    QCOMPARE(m_source->purchaseOrders(filter)->size(), 1);
    QCOMPARE(m_source->purchaseOrders(filter)->at(0).supplierName, QStringLiteral("Birch & Co"));
    filter.status.reset();
    filter.supplierId = 1;
    QCOMPARE(m_source->purchaseOrders(filter)->size(), 3);
    Q_UNUSED(onTime)
    Q_UNUSED(drafted)
}

QTEST_GUILESS_MAIN(TestSqlPurchasing)
#include "tst_sqlpurchasing.moc"
