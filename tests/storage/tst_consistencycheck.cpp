#include "storage/consistencycheck.h"
#include "storage/database.h"
#include "storage/sqlrun.h"

#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QTest>

using storage::Database;

namespace {

// Ways to break the stock invariants on purpose.
enum class Corruption
{
    None,
    OnHandWrong,
    ReservedBeyondOnHand,
    ReservationWithoutReserved,
    ReservedWithoutReservation,
    MovementWithoutLevel,
    NegativeOnHand,
    ReleasedReservationOnly,
    BackorderLocationOverReserved,
    DanglingProduct,
};

const QString kNow = QStringLiteral("2026-11-25T09:30:00Z");

} // namespace

Q_DECLARE_METATYPE(Corruption)

class TestConsistencyCheck : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void emptyDatabaseIsClean();
    void check_data();
    void check();

private:
    // products MUG-01 and TEE-M; locations WH1 (no backorders) and DROP (backorders);
    // MUG-01 at WH1: +10 opening, -2 shipped, +5 received = 13 on hand.
    void buildShop();
    void run(const QString &sql, const QVariantList &binds = {});
    // An order with one line, and a reservation against it.
    void reserve(qint64 productId, qint64 locationId, int quantity, const char *status);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    int m_orders = 0;
};

void TestConsistencyCheck::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    models::Result<std::unique_ptr<Database>> db =
        Database::open(m_dir->filePath(QStringLiteral("shop.db")));
    QVERIFY2(db.ok(), qPrintable(db.error()));
    m_db = std::move(db).value();
    m_orders = 0;
}

void TestConsistencyCheck::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestConsistencyCheck::run(const QString &sql, const QVariantList &binds)
{
    VERIFY_OK(storage::runStatement(m_db->connection(), sql, binds));
}

void TestConsistencyCheck::buildShop()
{
    const QString product = QStringLiteral(
        "INSERT INTO products (id, sku, name, cost_currency, price_currency, created_at) "
        "VALUES (?, ?, ?, 'EUR', 'EUR', ?)");
    run(product, {1, QStringLiteral("MUG-01"), QStringLiteral("Mug"), kNow});
    run(product, {2, QStringLiteral("TEE-M"), QStringLiteral("T-shirt M"), kNow});
    const QString location =
        QStringLiteral("INSERT INTO locations (id, code, name, kind, country, allows_backorders) "
                       "VALUES (?, ?, ?, ?, 'DE', ?)");
    run(location,
        {1, QStringLiteral("WH1"), QStringLiteral("Warehouse"), QStringLiteral("warehouse"), 0});
    run(location,
        {2, QStringLiteral("DROP"), QStringLiteral("Dropship"), QStringLiteral("3pl"), 1});

    const QString movement = QStringLiteral(
        "INSERT INTO stock_movements (product_id, location_id, quantity, reason_code, "
        "reference_type, reference_id, user_name, created_at) VALUES (?, ?, ?, ?, ?, ?, 'anna', "
        "?)");
    run(movement, {1, 1, 10, QStringLiteral("opening"), QVariant(), QVariant(), kNow});
    run(movement, {1, 1, -2, QStringLiteral("shipped"), QStringLiteral("order"),
                   QStringLiteral("1001"), kNow});
    run(movement, {1, 1, 5, QStringLiteral("received"), QStringLiteral("purchase_order"),
                   QStringLiteral("PO-7"), kNow});
    run(QStringLiteral("INSERT INTO stock_levels (product_id, location_id, on_hand, reserved) "
                       "VALUES (1, 1, 13, 0)"));

    run(QStringLiteral("INSERT INTO channels (id, code, name, currency) "
                       "VALUES (1, 'shopify', 'Shopify', 'EUR')"));
}

void TestConsistencyCheck::reserve(qint64 productId, qint64 locationId, int quantity,
                                   const char *status)
{
    const int n = ++m_orders;
    run(QStringLiteral("INSERT INTO orders (id, channel_id, external_id, order_number, status, "
                       "placed_at, currency, created_at, updated_at) "
                       "VALUES (?, 1, ?, ?, 'ready', ?, 'EUR', ?, ?)"),
        {n, QStringLiteral("ext-%1").arg(n), QStringLiteral("#%1").arg(1000 + n), kNow, kNow,
         kNow});
    run(QStringLiteral("INSERT INTO order_lines (id, order_id, line_no, product_id, sku, title, "
                       "quantity) VALUES (?, ?, 1, ?, 'sku', 'title', ?)"),
        {n, n, productId, quantity});
    run(QStringLiteral("INSERT INTO reservations (order_line_id, product_id, location_id, "
                       "quantity, status, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {n, productId, locationId, quantity, QString::fromLatin1(status), kNow});
}

void TestConsistencyCheck::emptyDatabaseIsClean()
{
    const models::Result<storage::ConsistencyReport> report =
        storage::checkConsistency(m_db->connection());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QVERIFY2(report->clean(), qPrintable(report->problems.join(QLatin1Char('\n'))));
    QCOMPARE(report->stockLevelsChecked, qint64(0));
    QCOMPARE(report->movementsChecked, qint64(0));
}

void TestConsistencyCheck::check_data()
{
    QTest::addColumn<Corruption>("corruption");
    // Each expected problem is a list of words its line must contain.
    QTest::addColumn<QList<QStringList>>("expected");

    using L = QList<QStringList>;
    auto words = [](std::initializer_list<const char *> list) {
        QStringList out;
        for (const char *w : list)
            out.append(QString::fromUtf8(w));
        return out;
    };

    QTest::newRow("consistent") << Corruption::None << L{};
    QTest::newRow("released reservations hold nothing")
        << Corruption::ReleasedReservationOnly << L{};
    QTest::newRow("a backorder location may reserve beyond on hand")
        << Corruption::BackorderLocationOverReserved << L{};

    QTest::newRow("on hand disagrees with the ledger")
        << Corruption::OnHandWrong
        << L{words({"stock ledger", "MUG-01", "WH1", "on hand says 12", "add up to 13"})};
    QTest::newRow("reserved greater than on hand")
        << Corruption::ReservedBeyondOnHand
        << L{words({"stock levels", "MUG-01", "WH1", "20 reserved", "only 13 on hand"})};
    QTest::newRow("active reservation without matching reserved")
        << Corruption::ReservationWithoutReserved
        << L{words({"reservations", "MUG-01", "WH1", "reserved says 0", "add up to 3"})};
    QTest::newRow("reserved without any reservation")
        << Corruption::ReservedWithoutReservation
        << L{words({"reservations", "MUG-01", "WH1", "reserved says 4", "add up to 0"})};
    QTest::newRow("movements but no stock level")
        << Corruption::MovementWithoutLevel
        << L{words({"stock ledger", "TEE-M", "WH1", "on hand says 0", "add up to 5"})};
    QTest::newRow("negative on hand where backorders are off, reported once")
        << Corruption::NegativeOnHand
        << L{words({"stock levels", "MUG-01", "WH1", "negative", "-1"})};
    QTest::newRow("stock level of a product that does not exist")
        << Corruption::DanglingProduct << L{words({"foreign key", "stock_levels", "products"})};
}

void TestConsistencyCheck::check()
{
    QFETCH(Corruption, corruption);
    QFETCH(QList<QStringList>, expected);

    buildShop();
    if (QTest::currentTestFailed())
        return;
    switch (corruption) {
    case Corruption::None:
        break;
    case Corruption::OnHandWrong:
        run(QStringLiteral("UPDATE stock_levels SET on_hand = 12"));
        break;
    case Corruption::ReservedBeyondOnHand:
        // The reservations agree with reserved; only the level is oversold.
        reserve(1, 1, 12, "active");
        reserve(1, 1, 8, "active");
        run(QStringLiteral("UPDATE stock_levels SET reserved = 20"));
        break;
    case Corruption::ReservationWithoutReserved:
        reserve(1, 1, 3, "active");
        break;
    case Corruption::ReservedWithoutReservation:
        run(QStringLiteral("UPDATE stock_levels SET reserved = 4"));
        break;
    case Corruption::MovementWithoutLevel:
        run(QStringLiteral("INSERT INTO stock_movements (product_id, location_id, quantity, "
                           "reason_code, user_name, created_at) "
                           "VALUES (2, 1, 5, 'found', 'anna', ?)"),
            {kNow});
        break;
    case Corruption::NegativeOnHand:
        // The ledger and the level agree, but the count went below zero.
        run(QStringLiteral("INSERT INTO stock_movements (product_id, location_id, quantity, "
                           "reason_code, user_name, created_at) "
                           "VALUES (1, 1, -14, 'lost', 'anna', ?)"),
            {kNow});
        run(QStringLiteral("UPDATE stock_levels SET on_hand = -1"));
        break;
    case Corruption::ReleasedReservationOnly:
        reserve(1, 1, 3, "released");
        reserve(1, 1, 2, "consumed");
        break;
    case Corruption::BackorderLocationOverReserved:
        reserve(2, 2, 4, "active");
        run(QStringLiteral("INSERT INTO stock_levels (product_id, location_id, on_hand, reserved) "
                           "VALUES (2, 2, 0, 4)"));
        break;
    case Corruption::DanglingProduct:
        run(QStringLiteral("PRAGMA foreign_keys = OFF"));
        run(QStringLiteral("INSERT INTO stock_levels (product_id, location_id, on_hand, reserved) "
                           "VALUES (99, 1, 0, 0)"));
        run(QStringLiteral("PRAGMA foreign_keys = ON"));
        break;
    }

    if (QTest::currentTestFailed())
        return;

    const models::Result<storage::ConsistencyReport> report =
        storage::checkConsistency(m_db->connection());
    QVERIFY2(report.ok(), qPrintable(report.error()));
    const QString all = report->problems.join(QLatin1Char('\n'));
    QVERIFY(report->stockLevelsChecked >= 1);
    QVERIFY(report->movementsChecked >= 3);
    QCOMPARE(report->clean(), expected.isEmpty());
    if (report->problems.size() != expected.size())
        qWarning("problems found:\n%s", qPrintable(all));
    QCOMPARE(report->problems.size(), expected.size());
    for (const QStringList &words : expected) {
        const bool found = std::any_of(
            report->problems.cbegin(), report->problems.cend(), [&words](const QString &line) {
                return std::all_of(words.cbegin(), words.cend(),
                                   [&line](const QString &w) { return line.contains(w); });
            });
        QVERIFY2(found,
                 qPrintable(words.join(QStringLiteral(", ")) + QStringLiteral(" not in:\n") + all));
    }
}

QTEST_GUILESS_MAIN(TestConsistencyCheck)
#include "tst_consistencycheck.moc"
