#include "allocationshop.h"
#include "storagetestutil.h"

#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/migrator.h"
#include "storage/sqlallocator.h"
#include "storage/sqlkits.h"
#include "storage/sqlreturns.h"
#include "storage/transaction.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace allocationshop;
using models::ReturnReason;
using storage::Database;
using storage::SqlReturns;

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-11-25T12:00:00Z"), Qt::ISODate);

} // namespace

class TestSqlReturns : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void wayThroughToClosed();
    void overReturnRefusedLeavesNothing();
    void partialReturnsAcrossTwoRmas();
    void restockAndWriteOffInTheLedger();
    void restockFillsWaitingBackorder();
    void suggestedLocationAndOverride();
    void refusedMovesChangeNothing();
    void receiveByOrderNumber();
    void rejectAfterReceiptGivesTheCountBack();
    void viewsFindReturnsInLimbo();
    void exchangeSendsAReplacement();
    void migrationKeepsOldReturns();
    void returnedKitRestocksItsComponents();
    void writtenOffKitBooksEachPartInAndOut();
    void restockedKitFillsAComponentBackorder();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        return storagetest::scalar(db(), sql, binds);
    }
    // An order that was shipped and delivered: every line shipped in full, 12.50 a unit,
    // 4.95 shipping.
    qint64 shippedOrder(QList<QPair<qint64, int>> lines, const QString &postcode = {});
    QString orderNumber(qint64 orderId) const
    {
        return scalar(QStringLiteral("SELECT order_number FROM orders WHERE id = ?"), {orderId})
            .toString();
    }
    QList<qint64> orderLines(qint64 orderId) const;
    models::ReturnAuthorisation create(qint64 orderId, QList<QPair<int, int>> lineQuantities,
                                       ReturnReason reason = ReturnReason::Damaged);
    int onHand(qint64 product, qint64 location) const
    {
        return scalar(QStringLiteral("SELECT COALESCE(SUM(on_hand), 0) FROM stock_levels "
                                     "WHERE product_id = ? AND location_id = ?"),
                      {product, location})
            .toInt();
    }
    int available(qint64 product, qint64 location) const
    {
        return scalar(QStringLiteral("SELECT COALESCE(SUM(on_hand - reserved), 0) FROM "
                                     "stock_levels WHERE product_id = ? AND location_id = ?"),
                      {product, location})
            .toInt();
    }
    void receiveAll(const models::ReturnAuthorisation &rma);
    // GIFT-01 (id 11, sold at 30.00) = 1 × MUG-01 + 2 × COASTER-01 (id 10, 10 at Leeds).
    void makeGiftKit();
    // A delivered order of `kits` gift sets, every one shipped.
    qint64 shippedKitOrder(int kits);
    QString returnMovements(const QString &rmaNumber) const
    {
        return scalar(QStringLiteral("SELECT group_concat(sku || ' ' || reason_code || ':' || "
                                     "quantity, ', ') FROM (SELECT p.sku, m.reason_code, "
                                     "m.quantity FROM stock_movements m JOIN products p ON "
                                     "p.id = m.product_id WHERE m.reference_type = 'return' AND "
                                     "m.reference_id = ? ORDER BY m.id)"),
                      {rmaNumber})
            .toString();
    }
    void verifyConsistent();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlReturns> m_returns;
};

void TestSqlReturns::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    models::Result<std::unique_ptr<Database>> opened =
        Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_db = std::move(opened).value();
    VERIFY_OK(build(db()));
    // Where the locations are; Leeds takes returns by default.
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("UPDATE locations SET is_default_returns = (id = 1), "
                             "postcode = CASE id WHEN 1 THEN 'LS10 1AB' WHEN 2 THEN 'MK11 3EJ' "
                             "WHEN 3 THEN 'BS7 8AD' ELSE '3089 JH' END, "
                             "city = CASE id WHEN 1 THEN 'Leeds' WHEN 2 THEN 'Milton Keynes' "
                             "WHEN 3 THEN 'Bristol' ELSE 'Rotterdam' END, "
                             "latitude_e6 = CASE id WHEN 1 THEN 53775700 WHEN 2 THEN 52040600 "
                             "WHEN 3 THEN 51473400 ELSE 51885000 END, "
                             "longitude_e6 = CASE id WHEN 1 THEN -1531000 WHEN 2 THEN -809000 "
                             "WHEN 3 THEN -2590000 ELSE 4435000 END")));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO bins (id, location_id, code, pick_sequence) VALUES "
                             "(1, 1, 'A-01-1', 1), (2, 1, 'R-99-1', 99)")));
    VERIFY_OK(storage::runStatement(
        db(), QStringLiteral("INSERT INTO product_bins (product_id, bin_id) VALUES (1, 1)")));
    m_returns = std::make_unique<SqlReturns>(db(), QStringLiteral("sam.ops"));
    m_returns->setNow(kNow);
}

void TestSqlReturns::cleanup()
{
    m_returns.reset();
    m_db.reset();
    m_dir.reset();
}

qint64 TestSqlReturns::shippedOrder(QList<QPair<qint64, int>> lines, const QString &postcode)
{
    NewOrder o = withLines(std::move(lines));
    if (!postcode.isEmpty())
        o.postcode = postcode;
    const models::Result<qint64> id = addOrder(db(), o);
    if (!id.ok()) {
        qWarning("%s", qPrintable(id.error()));
        return 0;
    }
    storage::runStatement(db(),
                          QStringLiteral("UPDATE order_lines SET quantity_shipped = quantity, "
                                         "unit_price_minor = 1250, total_minor = 1250 * quantity "
                                         "WHERE order_id = ?"),
                          {id.value()});
    storage::runStatement(
        db(),
        QStringLiteral("UPDATE orders SET status = 'delivered', shipping_minor = 495, "
                       "total_minor = 495 + (SELECT SUM(total_minor) FROM order_lines WHERE "
                       "order_id = orders.id) WHERE id = ?"),
        {id.value()});
    return id.value();
}

QList<qint64> TestSqlReturns::orderLines(qint64 orderId) const
{
    QList<qint64> ids;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id FROM order_lines WHERE order_id = ? ORDER BY line_no"));
    q.addBindValue(orderId);
    q.exec();
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

models::ReturnAuthorisation
TestSqlReturns::create(qint64 orderId, QList<QPair<int, int>> lineQuantities, ReturnReason reason)
{
    const QList<qint64> lines = orderLines(orderId);
    models::NewReturn request;
    request.orderNumber = orderNumber(orderId);
    request.reason = reason;
    for (const auto &[index, quantity] : lineQuantities)
        request.lines.append({lines.at(index), quantity});
    models::Result<models::ReturnAuthorisation> created = m_returns->createReturn(request);
    if (!created.ok()) {
        qWarning("%s", qPrintable(created.error()));
        return {};
    }
    return created.value();
}

void TestSqlReturns::receiveAll(const models::ReturnAuthorisation &rma)
{
    QList<models::ReturnLineCount> counts;
    for (const models::ReturnLine &l : rma.lines)
        counts.append({l.id, l.quantity});
    VERIFY_OK(m_returns->receive(rma.id, counts));
}

void TestSqlReturns::verifyConsistent()
{
    const models::Result<storage::ConsistencyReport> report = storage::checkConsistency(db());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->clean(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestSqlReturns::wayThroughToClosed()
{
    VERIFY_OK(move(db(), Mug, LDS, 5));
    const qint64 order = shippedOrder({{Mug, 2}});
    const models::ReturnAuthorisation rma = create(order, {{0, 1}}, ReturnReason::Damaged);
    QVERIFY(rma.id > 0);
    QCOMPARE(rma.rmaNumber, models::rmaNumberFor(rma.id));
    QCOMPARE(rma.status, models::ReturnStatus::Authorised);
    QCOMPARE(rma.lines.size(), 1);
    QCOMPARE(rma.lines.first().unitPrice.minorUnits(), qint64(1250));

    const models::Result<qint64> found = m_returns->findForReceipt(rma.rmaNumber.toLower());
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(found.value(), rma.id);
    receiveAll(rma);
    QCOMPARE(scalar(QStringLiteral("SELECT quantity_returned FROM order_lines WHERE order_id = ?"),
                    {order})
                 .toInt(),
             1);
    QCOMPARE(onHand(Mug, LDS), 5); // nothing moves before inspection

    models::LineInspection in;
    in.returnLineId = rma.lines.first().id;
    in.condition = models::ReturnCondition::Resellable;
    in.restock = true;
    VERIFY_OK(m_returns->inspect(rma.id, in));
    QCOMPARE(onHand(Mug, LDS), 6);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM returns WHERE id = ?"), {rma.id}).toString(),
             QStringLiteral("inspected"));
    QCOMPARE(scalar(QStringLiteral("SELECT b.code FROM return_lines rl JOIN bins b ON "
                                   "b.id = rl.bin_id WHERE rl.id = ?"),
                    {in.returnLineId})
                 .toString(),
             QStringLiteral("A-01-1")); // the product's usual bin

    const models::Result<models::RefundSuggestion> s = m_returns->refundSuggestion(rma.id);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QCOMPARE(s->itemsMinor, qint64(1250));
    QCOMPARE(s->shippingMinor, qint64(495)); // damaged: the shop pays the shipping back
    QCOMPARE(s->totalMinor, qint64(1745));
    VERIFY_OK(m_returns->approveRefund(rma.id, std::nullopt));
    QCOMPARE(
        scalar(QStringLiteral("SELECT status || ':' || refund_minor FROM returns WHERE id = ?"),
               {rma.id})
            .toString(),
        QStringLiteral("refund_pending:1745"));
    QVERIFY(!m_returns->recordRefund(rma.id, QStringLiteral("  ")).ok());
    VERIFY_OK(m_returns->recordRefund(rma.id, QStringLiteral("re_3PqX")));
    QCOMPARE(scalar(QStringLiteral("SELECT refunded_minor FROM orders WHERE id = ?"), {order})
                 .toLongLong(),
             qint64(1745));
    VERIFY_OK(m_returns->close(rma.id));
    const models::Result<models::ReturnAuthorisation> done = m_returns->returnDetail(rma.id);
    QVERIFY(done.ok());
    QCOMPARE(done->status, models::ReturnStatus::Closed);
    QCOMPARE(done->refundReference, QStringLiteral("re_3PqX"));
    QVERIFY(done->receivedAtUtc.isValid() && done->refundedAtUtc.isValid());
    // Every step is on the order's timeline.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM order_events WHERE order_id = ? AND "
                                   "kind = 'returned'"),
                    {order})
                 .toInt(),
             8); // requested, authorised, received, line restocked, inspected, approved,
                 // refunded, closed
    verifyConsistent();
}

void TestSqlReturns::overReturnRefusedLeavesNothing()
{
    const qint64 order = shippedOrder({{Mug, 2}, {Tee, 1}});
    const QList<qint64> lines = orderLines(order);
    models::NewReturn request;
    request.orderNumber = orderNumber(order);
    request.lines = {{lines.at(0), 1}, {lines.at(1), 2}};
    const models::Result<models::ReturnAuthorisation> r = m_returns->createReturn(request);
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), QStringLiteral("order %1: line 2 (TEE-M): 2 asked, only 1 returnable (1 "
                                       "shipped, 0 already returned)")
                            .arg(orderNumber(order)));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM returns")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM return_lines")).toInt(), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM order_events")).toInt(), 0);
}

void TestSqlReturns::partialReturnsAcrossTwoRmas()
{
    const qint64 order = shippedOrder({{Mug, 3}});
    const models::ReturnAuthorisation first = create(order, {{0, 2}}, ReturnReason::DoesntFit);
    QVERIFY(first.id > 0);
    models::Result<models::ReturnableOrder> left = m_returns->returnableOrder(orderNumber(order));
    QVERIFY(left.ok());
    QCOMPARE(left->lines.first().returnable, 1);
    QCOMPARE(left->lines.first().alreadyReturned, 2);

    models::NewReturn tooMany;
    tooMany.orderNumber = orderNumber(order);
    tooMany.lines = {{orderLines(order).first(), 2}};
    const models::Result<models::ReturnAuthorisation> refused = m_returns->createReturn(tooMany);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(
                 QStringLiteral("line 1 (MUG-01): 2 asked, only 1 returnable (3 shipped, 2 "
                                "already returned)")),
             qPrintable(refused.error()));

    const models::ReturnAuthorisation second = create(order, {{0, 1}}, ReturnReason::ChangedMind);
    QVERIFY(second.id > 0);
    QVERIFY(second.rmaNumber != first.rmaNumber);
    left = m_returns->returnableOrder(orderNumber(order));
    QCOMPARE(left->lines.first().returnable, 0);

    // Only one of the first two arrives: the other may be returned again.
    VERIFY_OK(m_returns->receive(first.id, {{first.lines.first().id, 1}}));
    left = m_returns->returnableOrder(orderNumber(order));
    QCOMPARE(left->lines.first().returnable, 1);
    receiveAll(second);
    QCOMPARE(scalar(QStringLiteral("SELECT quantity_returned FROM order_lines WHERE order_id = ?"),
                    {order})
                 .toInt(),
             2);
    verifyConsistent();
}

void TestSqlReturns::restockAndWriteOffInTheLedger()
{
    VERIFY_OK(move(db(), Mug, LDS, 4));
    VERIFY_OK(move(db(), Tee, LDS, 4));
    const qint64 order = shippedOrder({{Mug, 2}, {Tee, 2}});
    const models::ReturnAuthorisation rma = create(order, {{0, 2}, {1, 2}});
    receiveAll(rma);
    const qint64 movementsBefore =
        scalar(QStringLiteral("SELECT COUNT(*) FROM stock_movements")).toLongLong();

    models::LineInspection restock;
    restock.returnLineId = rma.lines.at(0).id;
    restock.restock = true;
    restock.binCode = QStringLiteral("r-99-1");
    VERIFY_OK(m_returns->inspect(rma.id, restock));
    QCOMPARE(onHand(Mug, LDS), 6);
    QCOMPARE(available(Mug, LDS), 6);
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM returns WHERE id = ?"), {rma.id}).toString(),
             QStringLiteral("received")); // one line still to inspect

    models::LineInspection writeOff;
    writeOff.returnLineId = rma.lines.at(1).id;
    writeOff.condition = models::ReturnCondition::Damaged;
    writeOff.restock = false;
    QVERIFY(!m_returns->inspect(rma.id, writeOff).ok()); // a write-off needs a reason
    writeOff.writeOffReason = QStringLiteral("Seam torn");
    VERIFY_OK(m_returns->inspect(rma.id, writeOff));
    QCOMPARE(onHand(Tee, LDS), 4);    // never rises
    QCOMPARE(available(Tee, LDS), 4); // never rises
    QCOMPARE(scalar(QStringLiteral("SELECT group_concat(reason_code || ':' || quantity, ' ') FROM "
                                   "(SELECT reason_code, quantity FROM stock_movements WHERE "
                                   "reference_type = 'return' AND reference_id = ? ORDER BY id)"),
                    {rma.rmaNumber})
                 .toString(),
             QStringLiteral("restocked:2 return_received:2 write_off:-2"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stock_movements")).toLongLong(),
             movementsBefore + 3);
    QCOMPARE(scalar(QStringLiteral("SELECT note FROM stock_movements WHERE reason_code = "
                                   "'write_off'"))
                 .toString(),
             QStringLiteral("Seam torn"));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM returns WHERE id = ?"), {rma.id}).toString(),
             QStringLiteral("inspected"));
    QVERIFY(!m_returns->inspect(rma.id, writeOff).ok()); // not twice
    verifyConsistent();
}

void TestSqlReturns::restockFillsWaitingBackorder()
{
    // Nothing of the mug anywhere: a new order for one waits.
    const models::Result<qint64> waiting = addOrder(db(), withLines({{Mug, 1}}));
    QVERIFY(waiting.ok());
    storage::AllocationOptions options;
    options.nowUtc = kNow;
    const models::Result<storage::AllocationSummary> s = storage::allocateNewOrders(db(), options);
    QVERIFY2(s.ok(), qPrintable(s.error()));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {waiting.value()})
                 .toString(),
             QStringLiteral("backordered"));

    const qint64 order = shippedOrder({{Mug, 1}});
    const models::ReturnAuthorisation rma = create(order, {{0, 1}}, ReturnReason::ChangedMind);
    receiveAll(rma);
    models::LineInspection in;
    in.returnLineId = rma.lines.first().id;
    in.locationId = LDS;
    VERIFY_OK(m_returns->inspect(rma.id, in));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {waiting.value()})
                 .toString(),
             QStringLiteral("ready"));
    QCOMPARE(onHand(Mug, LDS), 1);
    QCOMPARE(available(Mug, LDS), 0); // restocked, and straight away reserved
    verifyConsistent();
}

void TestSqlReturns::suggestedLocationAndOverride()
{
    VERIFY_OK(move(db(), Mug, LDS, 10));
    VERIFY_OK(move(db(), Mug, MKY, 1));
    VERIFY_OK(move(db(), Mug, MKY, -1, models::StockReason::CountCorrection)); // out of stock
    // A Leeds customer: Leeds has plenty, Milton Keynes has none.
    const qint64 order = shippedOrder({{Mug, 1}}, QStringLiteral("LS6 2QQ"));
    models::ReturnAuthorisation rma = create(order, {{0, 1}});
    QCOMPARE(rma.locationId, std::optional<qint64>(MKY));
    QCOMPARE(rma.suggestedLocationId, std::optional<qint64>(MKY));
    QVERIFY2(rma.locationReason.startsWith(QStringLiteral("MKY is short of 1")),
             qPrintable(rma.locationReason));

    // Nothing short: the default returns location.
    VERIFY_OK(move(db(), Mug, MKY, 5, models::StockReason::Received));
    const qint64 second = shippedOrder({{Mug, 1}});
    const models::ReturnAuthorisation other = create(second, {{0, 1}});
    QCOMPARE(other.locationId, std::optional<qint64>(LDS));
    QVERIFY(other.locationReason.contains(QStringLiteral("default returns location")));

    // The owner sends the first one to the shop instead; the suggestion stays on record.
    VERIFY_OK(m_returns->setLocation(rma.id, BRS));
    rma = m_returns->returnDetail(rma.id).value();
    QCOMPARE(rma.locationId, std::optional<qint64>(BRS));
    QCOMPARE(rma.suggestedLocationId, std::optional<qint64>(MKY));
    QVERIFY(!m_returns->setLocation(rma.id, 99).ok());
}

void TestSqlReturns::refusedMovesChangeNothing()
{
    const qint64 order = shippedOrder({{Mug, 1}});
    const QList<qint64> lines = orderLines(order);
    models::NewReturn request;
    request.orderNumber = orderNumber(order);
    request.lines = {{lines.first(), 1}};
    request.authorise = false;
    const models::Result<models::ReturnAuthorisation> rma = m_returns->createReturn(request);
    QVERIFY2(rma.ok(), qPrintable(rma.error()));
    QVERIFY(rma->rmaNumber.isEmpty());
    QCOMPARE(rma->status, models::ReturnStatus::Requested);

    const QString before = scalar(QStringLiteral("SELECT group_concat(status) || '/' || "
                                                 "(SELECT COUNT(*) FROM order_events) FROM "
                                                 "returns"))
                               .toString();
    const models::Status receive = m_returns->receive(rma->id, {{rma->lines.first().id, 1}});
    QVERIFY(!receive.ok());
    QCOMPARE(receive.error(), QStringLiteral("return request %1 is requested: it can go to "
                                             "authorised, rejected or cancelled, not to received")
                                  .arg(rma->id));
    models::LineInspection in;
    in.returnLineId = rma->lines.first().id;
    QVERIFY(!m_returns->inspect(rma->id, in).ok());
    QVERIFY(!m_returns->approveRefund(rma->id, std::nullopt).ok());
    QVERIFY(!m_returns->close(rma->id).ok());
    QCOMPARE(scalar(QStringLiteral("SELECT group_concat(status) || '/' || (SELECT COUNT(*) FROM "
                                   "order_events) FROM returns"))
                 .toString(),
             before);

    VERIFY_OK(m_returns->authorise(rma->id));
    // More than authorised is refused, naming the RMA and the SKU.
    const models::Status over = m_returns->receive(rma->id, {{rma->lines.first().id, 2}});
    QVERIFY(!over.ok());
    QVERIFY2(over.error().startsWith(QStringLiteral("RMA-%1, MUG-01: 2 counted but only 1")
                                         .arg(rma->id, 6, 10, QLatin1Char('0'))),
             qPrintable(over.error()));
    QVERIFY(!m_returns->receive(rma->id, {}).ok()); // nothing counted
    VERIFY_OK(m_returns->cancel(rma->id, QStringLiteral("Customer kept it")));
    QVERIFY(!m_returns->authorise(rma->id).ok());
    QCOMPARE(m_returns->returnableOrder(orderNumber(order))->lines.first().returnable, 1);
}

void TestSqlReturns::receiveByOrderNumber()
{
    const qint64 order = shippedOrder({{Mug, 2}});
    const models::ReturnAuthorisation rma = create(order, {{0, 1}});
    const QString number = orderNumber(order);                               // "#pid-n"
    models::Result<qint64> found = m_returns->findForReceipt(number.mid(1)); // scanned without '#'
    QVERIFY2(found.ok(), qPrintable(found.error()));
    QCOMPARE(found.value(), rma.id);
    const models::ReturnAuthorisation second = create(order, {{0, 1}});
    found = m_returns->findForReceipt(number);
    QVERIFY(!found.ok());
    QVERIFY2(found.error().contains(rma.rmaNumber) && found.error().contains(second.rmaNumber),
             qPrintable(found.error()));
    QVERIFY(!m_returns->findForReceipt(QStringLiteral("NOPE-1")).ok());
    receiveAll(rma);
    const models::Result<qint64> again = m_returns->findForReceipt(rma.rmaNumber);
    QVERIFY(!again.ok());
    QCOMPARE(
        again.error(),
        QStringLiteral("%1 is received: only an authorised return is received").arg(rma.rmaNumber));
}

void TestSqlReturns::rejectAfterReceiptGivesTheCountBack()
{
    const qint64 order = shippedOrder({{Mug, 2}});
    const models::ReturnAuthorisation rma = create(order, {{0, 2}});
    receiveAll(rma);
    QVERIFY(!m_returns->reject(rma.id, QString()).ok());
    VERIFY_OK(m_returns->reject(rma.id, QStringLiteral("Not bought from us")));
    QCOMPARE(scalar(QStringLiteral("SELECT quantity_returned FROM order_lines WHERE order_id = ?"),
                    {order})
                 .toInt(),
             0);
    QCOMPARE(m_returns->returnableOrder(orderNumber(order))->lines.first().returnable, 2);
    verifyConsistent();
}

void TestSqlReturns::viewsFindReturnsInLimbo()
{
    const qint64 order = shippedOrder({{Mug, 3}});
    const models::ReturnAuthorisation old = create(order, {{0, 1}});
    m_returns->setNow(kNow.addDays(-10));
    receiveAll(old);
    m_returns->setNow(kNow);
    const models::ReturnAuthorisation recent = create(order, {{0, 1}});
    receiveAll(recent);
    const models::ReturnAuthorisation owed = create(order, {{0, 1}});
    receiveAll(owed);
    models::LineInspection in;
    in.returnLineId = owed.lines.first().id;
    VERIFY_OK(m_returns->inspect(owed.id, in));

    models::Result<QList<models::ReturnListRow>> waiting = m_returns->waitingForInspection(7);
    QVERIFY(waiting.ok());
    QCOMPARE(waiting->size(), 1);
    QCOMPARE(waiting->first().rmaNumber, old.rmaNumber);
    QCOMPARE(m_returns->waitingForInspection(0)->size(), 1); // received "now" is not older than now
    models::Result<QList<models::ReturnListRow>> refunds = m_returns->refundsOwed();
    QCOMPARE(refunds->size(), 1);
    QCOMPARE(refunds->first().rmaNumber, owed.rmaNumber);
    VERIFY_OK(m_returns->approveRefund(owed.id, 1000));
    QCOMPARE(m_returns->refundsOwed()->first().refund.minorUnits(), qint64(1000));
    QVERIFY(!m_returns->recordRefund(owed.id, QString()).ok());
    m_returns->setNow(kNow.addDays(2));
    VERIFY_OK(m_returns->recordRefund(owed.id, QStringLiteral("PAY-1")));
    QCOMPARE(m_returns->refundsOwed()->size(), 0);

    const models::Result<models::ProcessingTimes> times = m_returns->processingTimes();
    QVERIFY(times.ok());
    QCOMPARE(times->refunded, 1);
    QCOMPARE(times->medianDays, 2.0);
    const models::Result<QList<models::ReturnRateRow>> rates = m_returns->returnRates(10);
    QVERIFY(rates.ok());
    QCOMPARE(rates->size(), 1);
    QCOMPARE(rates->first().sku, QStringLiteral("MUG-01"));
    QCOMPARE(rates->first().unitsReturned, 3);
    QCOMPARE(rates->first().unitsShipped, 3);
    QCOMPARE(rates->first().ratePercent, 100.0);

    models::ReturnListFilter filter;
    filter.status = models::ReturnStatus::Received;
    QCOMPARE(m_returns->listReturns(filter)->size(), 2);
    QCOMPARE(m_returns->listReturns({})->size(), 3);
}

void TestSqlReturns::exchangeSendsAReplacement()
{
    VERIFY_OK(move(db(), Tee, LDS, 3));
    const qint64 order = shippedOrder({{Tee, 2}});
    const models::ReturnAuthorisation rma = create(order, {{0, 1}}, ReturnReason::DoesntFit);
    receiveAll(rma);
    const models::Result<QString> exchange = m_returns->createExchange(rma.id);
    QVERIFY2(exchange.ok(), qPrintable(exchange.error()));
    QCOMPARE(exchange.value(), rma.rmaNumber + QStringLiteral("-X"));
    const qint64 replacement =
        scalar(QStringLiteral("SELECT exchange_order_id FROM returns WHERE id = ?"), {rma.id})
            .toLongLong();
    QVERIFY(replacement > 0);
    // A new order for the same customer and address, allocated like any other.
    QCOMPARE(scalar(QStringLiteral("SELECT status || ':' || order_number || ':' || ship_postcode "
                                   "|| ':' || total_minor FROM orders WHERE id = ?"),
                    {replacement})
                 .toString(),
             QStringLiteral("ready:%1:LS1 4AP:0").arg(exchange.value()));
    QCOMPARE(scalar(QStringLiteral("SELECT SUM(quantity) FROM reservations WHERE status = "
                                   "'active' AND order_line_id IN (SELECT id FROM order_lines "
                                   "WHERE order_id = ?)"),
                    {replacement})
                 .toInt(),
             1);
    QVERIFY(!m_returns->createExchange(rma.id).ok()); // one per return
    // The items went out again instead of money: only what the reason earns is refunded.
    const models::Result<models::RefundSuggestion> s = m_returns->refundSuggestion(rma.id);
    QVERIFY(s.ok());
    QCOMPARE(s->itemsMinor, qint64(0));
    QCOMPARE(s->totalMinor, qint64(0));
    QCOMPARE(m_returns->returnDetail(rma.id)->exchangeOrderNumber, exchange.value());
    verifyConsistent();
}

void TestSqlReturns::migrationKeepsOldReturns()
{
    // A database as version 8 left it, with returns in the statuses of version 1.
    const QString path = m_dir->filePath(QStringLiteral("old.db"));
    {
        storagetest::RawConnection raw(path);
        QVERIFY(raw.isOpen());
        storage::runStatement(raw.db(), QStringLiteral("PRAGMA foreign_keys = ON"));
        QList<storage::Migration> upTo8;
        for (const storage::Migration &m : storage::Migrator::builtIn())
            if (m.version <= 8)
                upTo8.append(m);
        const models::Result<storage::MigrationReport> r =
            storage::Migrator::migrate(raw.db(), upTo8);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        VERIFY_OK(build(raw.db()));
        const models::Result<qint64> order = addOrder(raw.db(), withLines({{Mug, 2}}));
        QVERIFY(order.ok());
        const QString lines[] = {
            QStringLiteral("INSERT INTO returns (id, rma_number, order_id, status, reason, "
                           "currency, refund_minor, requested_at, inspected_at) VALUES "
                           "(1, 'RMA-100001', %1, 'restocked', 'damaged', 'GBP', 1250, "
                           "'2026-10-01T00:00:00Z', '2026-10-05T00:00:00Z'), "
                           "(2, 'RMA-100002', %1, 'requested', 'changed_mind', 'GBP', 0, "
                           "'2026-10-02T00:00:00Z', NULL)")
                .arg(order.value()),
            QStringLiteral("INSERT INTO return_lines (return_id, order_line_id, quantity, "
                           "quantity_received, reason, condition, disposition) SELECT 1, id, 1, "
                           "1, 'damaged', 'resellable', 'restock' FROM order_lines"),
            QStringLiteral("INSERT INTO return_lines (return_id, order_line_id, quantity, reason) "
                           "SELECT 2, id, 1, 'changed_mind' FROM order_lines")};
        for (const QString &sql : lines)
            VERIFY_OK(storage::runStatement(raw.db(), sql));
    }
    models::Result<std::unique_ptr<Database>> opened = Database::open(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    const QSqlDatabase upgraded = opened.value()->connection();
    auto value = [&](const QString &sql) { return storagetest::scalar(upgraded, sql).toString(); };
    QCOMPARE(value(QStringLiteral("SELECT group_concat(status, ',') FROM (SELECT status FROM "
                                  "returns ORDER BY id)")),
             QStringLiteral("refund_pending,requested"));
    QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM return_lines")), QStringLiteral("2"));
    QCOMPARE(value(QStringLiteral("SELECT location_id IS NULL AND inspected_at IS NOT NULL FROM "
                                  "return_lines WHERE return_id = 1")),
             QStringLiteral("1"));
    QVERIFY(value(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'return_lines'"))
                .contains(QStringLiteral("\"returns\"")));
    QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM pragma_foreign_key_check")),
             QStringLiteral("0"));
    // The new statuses are accepted, unknown ones still refused.
    QVERIFY(storage::runStatement(upgraded,
                                  QStringLiteral("UPDATE returns SET status = 'cancelled' WHERE "
                                                 "id = 2"))
                .ok());
    QVERIFY(!storage::runStatement(upgraded,
                                   QStringLiteral("UPDATE returns SET status = 'restocked' WHERE "
                                                  "id = 2"))
                 .ok());
    // Deleting a return still takes its lines with it.
    VERIFY_OK(storage::runStatement(upgraded, QStringLiteral("DELETE FROM returns WHERE id = 2")));
    QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM return_lines")), QStringLiteral("1"));
}

namespace {
constexpr qint64 Coaster = 10;
constexpr qint64 Gift = 11;
} // namespace

void TestSqlReturns::makeGiftKit()
{
    VERIFY_OK(storage::runStatement(
        db(),
        QStringLiteral("INSERT INTO products (id, sku, name, cost_currency, price_currency, "
                       "weight_grams, created_at) VALUES (10, 'COASTER-01', 'Coaster', "
                       "'GBP', 'GBP', 50, ?), (11, 'GIFT-01', 'Gift set', 'GBP', 'GBP', "
                       "0, ?)"),
        {kCreated, kCreated}));
    VERIFY_OK(move(db(), Coaster, LDS, 10));
    storage::Transaction txn(db());
    QVERIFY(txn.isActive());
    VERIFY_OK(storage::writeKitComponents(
        db(), Gift,
        {{Mug, QStringLiteral("MUG-01"), {}, 1}, {Coaster, QStringLiteral("COASTER-01"), {}, 2}}));
    VERIFY_OK(txn.commit());
}

qint64 TestSqlReturns::shippedKitOrder(int kits)
{
    const models::Result<qint64> id = addOrder(db(), withLines({}));
    if (!id.ok()) {
        qWarning("%s", qPrintable(id.error()));
        return 0;
    }
    for (const models::Status &s :
         {storage::runStatement(db(),
                                QStringLiteral("INSERT INTO order_lines (order_id, line_no, "
                                               "product_id, sku, title, quantity, "
                                               "quantity_shipped, unit_price_minor, total_minor) "
                                               "VALUES (?, 1, ?, 'GIFT-01', 'Gift set', ?, ?, "
                                               "3000, ?)"),
                                {id.value(), Gift, kits, kits, 3000 * kits}),
          storage::runStatement(
              db(),
              QStringLiteral("UPDATE orders SET status = 'delivered', "
                             "shipping_minor = 495, total_minor = ? WHERE id = ?"),
              {495 + 3000 * kits, id.value()})})
        if (!s.ok()) {
            qWarning("%s", qPrintable(s.error()));
            return 0;
        }
    return id.value();
}

void TestSqlReturns::returnedKitRestocksItsComponents()
{
    makeGiftKit();
    VERIFY_OK(move(db(), Mug, LDS, 4));
    const qint64 order = shippedKitOrder(2);
    QVERIFY(order > 0);

    // What can come back is counted in kits.
    const auto returnable = m_returns->returnableOrder(orderNumber(order));
    VERIFY_OK(returnable);
    QCOMPARE(returnable->lines.size(), 1);
    QCOMPARE(returnable->lines.first().sku, QStringLiteral("GIFT-01"));
    QCOMPARE(returnable->lines.first().returnable, 2);
    QCOMPARE(create(order, {{0, 3}}, ReturnReason::ChangedMind).id, qint64(0)); // 3 of 2 kits

    const models::ReturnAuthorisation rma = create(order, {{0, 2}}, ReturnReason::ChangedMind);
    QVERIFY(rma.id > 0);
    QCOMPARE(rma.lines.size(), 1);
    const models::ReturnLine &line = rma.lines.first();
    QCOMPARE(line.quantity, 2);
    // The inspection data name the parts that come back with the kit.
    QCOMPARE(line.parts.size(), 2);
    QCOMPARE(models::KitRules::describe(line.parts), QStringLiteral("2 × COASTER-01, 1 × MUG-01"));
    receiveAll(rma);

    // The refund is the kit's price.
    const auto refund = m_returns->refundSuggestion(rma.id);
    VERIFY_OK(refund);
    QCOMPARE(refund->itemsMinor, qint64(2 * 3000));

    models::LineInspection in;
    in.returnLineId = line.id;
    in.restock = true;
    in.locationId = LDS;
    VERIFY_OK(m_returns->inspect(rma.id, in));
    // Each part goes back: 2 mugs (to the mug's bin) and 4 coasters; never the kit itself.
    QCOMPARE(returnMovements(rma.rmaNumber),
             QStringLiteral("COASTER-01 restocked:4, MUG-01 restocked:2"));
    QCOMPARE(onHand(Mug, LDS), 6);
    QCOMPARE(onHand(Coaster, LDS), 14);
    QCOMPARE(available(Coaster, LDS), 14);
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM stock_movements WHERE product_id = ?"), {Gift})
            .toInt(),
        0);
    QCOMPARE(scalar(QStringLiteral("SELECT note FROM stock_movements WHERE product_id = ? AND "
                                   "reason_code = 'restocked'"),
                    {Mug})
                 .toString(),
             QStringLiteral("bin A-01-1; kit GIFT-01"));
    QCOMPARE(scalar(QStringLiteral("SELECT detail FROM order_events WHERE kind = 'returned' AND "
                                   "detail LIKE '%restocked%'"))
                 .toString(),
             QStringLiteral("%1: 2 × GIFT-01 restocked at LDS: 4 × COASTER-01, 2 × MUG-01 "
                            "(bin A-01-1)")
                 .arg(rma.rmaNumber));
    const auto after = m_returns->returnDetail(rma.id);
    VERIFY_OK(after);
    QCOMPARE(after->status, models::ReturnStatus::Inspected);
    QCOMPARE(after->lines.first().disposition, QStringLiteral("restock"));
    QCOMPARE(after->lines.first().parts.size(), 2);
    verifyConsistent();

    // A typed bin takes every part.
    const qint64 second = shippedKitOrder(1);
    QVERIFY(second > 0);
    const models::ReturnAuthorisation other = create(second, {{0, 1}}, ReturnReason::ChangedMind);
    receiveAll(other);
    in.returnLineId = other.lines.first().id;
    in.binCode = QStringLiteral("R-99-1");
    VERIFY_OK(m_returns->inspect(other.id, in));
    QCOMPARE(scalar(QStringLiteral("SELECT group_concat(note, ' | ') FROM stock_movements WHERE "
                                   "reference_id = ?"),
                    {other.rmaNumber})
                 .toString(),
             QStringLiteral("bin R-99-1; kit GIFT-01 | bin R-99-1; kit GIFT-01"));
    QCOMPARE(onHand(Coaster, LDS), 16);
    verifyConsistent();
}

void TestSqlReturns::writtenOffKitBooksEachPartInAndOut()
{
    makeGiftKit();
    VERIFY_OK(move(db(), Mug, LDS, 3));
    const qint64 order = shippedKitOrder(1);
    QVERIFY(order > 0);
    const models::ReturnAuthorisation rma = create(order, {{0, 1}}, ReturnReason::Damaged);
    receiveAll(rma);
    models::LineInspection in;
    in.returnLineId = rma.lines.first().id;
    in.condition = models::ReturnCondition::Damaged;
    in.restock = false;
    in.writeOffReason = QStringLiteral("Mug chipped");
    VERIFY_OK(m_returns->inspect(rma.id, in));
    QCOMPARE(returnMovements(rma.rmaNumber),
             QStringLiteral("COASTER-01 return_received:2, COASTER-01 write_off:-2, "
                            "MUG-01 return_received:1, MUG-01 write_off:-1"));
    QCOMPARE(onHand(Mug, LDS), 3);      // never rises
    QCOMPARE(onHand(Coaster, LDS), 10); // never rises
    QCOMPARE(scalar(QStringLiteral("SELECT detail FROM order_events WHERE kind = 'returned' AND "
                                   "detail LIKE '%written off%'"))
                 .toString(),
             QStringLiteral("%1: 1 × GIFT-01 written off at LDS (Mug chipped): 2 × COASTER-01, "
                            "1 × MUG-01")
                 .arg(rma.rmaNumber));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM returns WHERE id = ?"), {rma.id}).toString(),
             QStringLiteral("inspected"));
    verifyConsistent();
}

void TestSqlReturns::restockedKitFillsAComponentBackorder()
{
    makeGiftKit();
    // No coasters left; the next order for coasters waits.
    VERIFY_OK(move(db(), Coaster, LDS, -10, models::StockReason::CountCorrection));
    const models::Result<qint64> waiting = addOrder(db(), withLines({}));
    VERIFY_OK(waiting);
    VERIFY_OK(storage::runStatement(
        db(),
        QStringLiteral("INSERT INTO order_lines (order_id, line_no, product_id, sku, title, "
                       "quantity) VALUES (?, 1, ?, 'COASTER-01', 'Coaster', 2)"),
        {waiting.value(), Coaster}));
    storage::AllocationOptions options;
    options.nowUtc = kNow;
    VERIFY_OK(storage::allocateNewOrders(db(), options));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {waiting.value()})
                 .toString(),
             QStringLiteral("backordered"));

    const qint64 order = shippedKitOrder(1);
    QVERIFY(order > 0);
    const models::ReturnAuthorisation rma = create(order, {{0, 1}}, ReturnReason::ChangedMind);
    receiveAll(rma);
    models::LineInspection in;
    in.returnLineId = rma.lines.first().id;
    in.locationId = LDS;
    VERIFY_OK(m_returns->inspect(rma.id, in));
    QCOMPARE(scalar(QStringLiteral("SELECT status FROM orders WHERE id = ?"), {waiting.value()})
                 .toString(),
             QStringLiteral("ready"));
    QCOMPARE(onHand(Coaster, LDS), 2);
    QCOMPARE(available(Coaster, LDS), 0); // restocked from the kit, and straight away reserved
    QCOMPARE(onHand(Mug, LDS), 1);
    verifyConsistent();
}

QTEST_GUILESS_MAIN(TestSqlReturns)
#include "tst_sqlreturns.moc"
