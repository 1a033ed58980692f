// The Pick lists screen showing a list with a gift set: the kit's parts are lines
// of their own at their bins, each marked with the kit it is for, and each slot's
// share says which units are the kit's.

#include "models/picklistcode.h"
#include "ui/picklistsscreen.h"

#include <QDir>
#include <QTest>
#include <QTreeWidget>

namespace {

// One open list at Leeds: slot 1 (#201) holds GIFT-01 ×2 and a coaster of its own,
// slot 2 (#202) one GIFT-01; a gift set is 1 × MUG-01 and 2 × COASTER-01.
class FakePickLists : public models::PickListSource
{
public:
    models::Result<QList<models::PickLocation>> locations() override
    {
        return QList<models::PickLocation>{{1, QStringLiteral("LDS"), QStringLiteral("Leeds"), 0}};
    }
    models::Result<models::ReadyOrders> readyOrders(qint64) override
    {
        return models::ReadyOrders{};
    }
    models::Result<QList<models::PickListSummary>> openLists(qint64) override
    {
        return QList<models::PickListSummary>{detail().summary};
    }
    models::Result<models::PickListDetail> list(qint64) override { return detail(); }
    models::Result<QList<models::PickListSummary>> create(const models::PickListRequest &) override
    {
        return models::Error{QStringLiteral("not here")};
    }
    models::Result<models::ShortPickOutcome> markShort(qint64, qint64, int) override
    {
        return models::Error{QStringLiteral("not here")};
    }
    models::Status markPicked(qint64) override { return models::Error{QStringLiteral("not here")}; }
    models::Status cancel(qint64) override { return models::Error{QStringLiteral("not here")}; }

    static models::PickListDetail detail()
    {
        models::PickListDetail d;
        d.summary.id = 13;
        d.summary.code = models::pickListCode(13);
        d.summary.locationId = 1;
        d.summary.locationCode = QStringLiteral("LDS");
        d.summary.locationName = QStringLiteral("Leeds");
        d.summary.createdUtc = QDateTime(QDate(2026, 11, 24), QTime(9, 30), Qt::UTC);
        d.summary.orders = 2;
        d.summary.lines = 3;
        d.summary.units = 11;
        for (int slot = 1; slot <= 2; ++slot) {
            models::PickListOrder o;
            o.slot = slot;
            o.orderId = 200 + slot;
            o.orderNumber = QStringLiteral("#20%1").arg(slot);
            o.channelCode = QStringLiteral("shopify");
            d.orders.append(o);
        }
        const QString gift = QStringLiteral("GIFT-01");
        const auto line = [](int no, const char *bin, const char *sku, const char *title,
                             QList<models::PickAllocation> shares) {
            models::PickLine l;
            l.id = l.lineNo = no;
            l.productId = no;
            l.sku = QString::fromLatin1(sku);
            l.title = QString::fromLatin1(title);
            l.binId = no;
            l.binCode = QString::fromLatin1(bin);
            l.allocations = shares;
            for (const models::PickAllocation &a : shares)
                l.quantity += a.quantity;
            return l;
        };
        d.lines = {
            line(1, "A-2", "TEE-M", "T-shirt, medium", {{2, 202, 2022, 1, {}}}),
            line(2, "A-5", "COASTER-01", "Cork coaster",
                 {{1, 201, 2011, 4, gift}, {1, 201, 2012, 1, {}}, {2, 202, 2021, 2, gift}}),
            line(3, "A-10", "MUG-01", "Stoneware mug",
                 {{1, 201, 2011, 2, gift}, {2, 202, 2021, 1, gift}}),
        };
        return d;
    }
};

} // namespace

class TestPickListKits : public QObject
{
    Q_OBJECT

private slots:
    void kitPartsAreMarkedOnScreen();
};

void TestPickListKits::kitPartsAreMarkedOnScreen()
{
    FakePickLists source;
    ui::PickListsScreen screen(&source);
    screen.resize(1280, 720);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    screen.refresh();
    QTRY_VERIFY(screen.currentList().has_value());

    auto *lines = screen.findChild<QTreeWidget *>(QStringLiteral("pickListLines"));
    QVERIFY(lines);
    QCOMPARE(lines->topLevelItemCount(), 3);
    // Columns: #, Bin, SKU, Kit, Qty, Short, Into slots, Barcode, Item.
    const QTreeWidgetItem *tee = lines->topLevelItem(0);
    QVERIFY(tee->text(3).isEmpty());
    QCOMPARE(tee->text(6), QStringLiteral("1 → slot 2"));
    QCOMPARE(tee->text(8), QStringLiteral("T-shirt, medium"));
    const QTreeWidgetItem *coasters = lines->topLevelItem(1);
    QCOMPARE(coasters->text(1), QStringLiteral("A-5"));
    QCOMPARE(coasters->text(3), QStringLiteral("6 for GIFT-01, 1 on its own"));
    QVERIFY(coasters->font(3).bold());
    QCOMPARE(coasters->text(4), QStringLiteral("7"));
    QCOMPARE(
        coasters->text(6),
        QStringLiteral("1 → slot 1 on its own, 4 → slot 1 for GIFT-01, 2 → slot 2 for GIFT-01"));
    QCOMPARE(coasters->text(8), QStringLiteral("Cork coaster"));
    const QTreeWidgetItem *mugs = lines->topLevelItem(2);
    QCOMPARE(mugs->text(3), QStringLiteral("for GIFT-01"));
    QCOMPARE(mugs->text(4), QStringLiteral("3"));
    // The kit column is wide enough to read.
    QVERIFY(lines->columnWidth(3) >=
            lines->fontMetrics().horizontalAdvance(QStringLiteral("6 for GIFT-01, 1 on its own")));

    // The kit column does not make the screen wider than a laptop's window.
    QVERIFY2(screen.minimumSizeHint().width() <= 1000,
             qPrintable(QString::number(screen.minimumSizeHint().width())));

    if (const QString dir = qEnvironmentVariable("BACKROOM_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QDir().mkpath(dir);
        screen.grab().save(dir + QStringLiteral("/pick-kit-list.png"));
    }
}

QTEST_MAIN(TestPickListKits)
#include "tst_picklistkits.moc"
