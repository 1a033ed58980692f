#include "models/kit.h"

#include <QTest>

using models::KitComponent;
using models::KitRules;

namespace {

// "1:2,2:1" → product 1 twice per kit, product 2 once.
QList<KitComponent> parts(const QString &text)
{
    QList<KitComponent> out;
    for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList f = p.split(QLatin1Char(':'));
        KitComponent c;
        c.productId = f.at(0).toLongLong();
        c.sku = QStringLiteral("SKU-%1").arg(c.productId);
        c.quantity = f.at(1).toInt();
        out.append(c);
    }
    return out;
}

QHash<qint64, int> stock(const QString &text)
{
    QHash<qint64, int> out;
    for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList f = p.split(QLatin1Char(':'));
        out.insert(f.at(0).toLongLong(), f.at(1).toInt());
    }
    return out;
}

} // namespace

class TestKitRules : public QObject
{
    Q_OBJECT

private slots:
    void kitsAvailable_data()
    {
        QTest::addColumn<QString>("components");
        QTest::addColumn<QString>("available");
        QTest::addColumn<int>("kits");
        // The gift set: a mug and two coasters.
        QTest::newRow("scarcest component decides") << "1:1,2:2"
                                                    << "1:10,2:7" << 3;
        QTest::newRow("mugs decide") << "1:1,2:2"
                                     << "1:2,2:40" << 2;
        QTest::newRow("a component missing") << "1:1,2:2"
                                             << "1:10" << 0;
        QTest::newRow("a component short of one kit") << "1:1,2:2"
                                                      << "1:10,2:1" << 0;
        QTest::newRow("negative stock counts as none") << "1:1"
                                                       << "1:-4" << 0;
        QTest::newRow("no components makes no kit") << ""
                                                    << "1:10" << 0;
        QTest::newRow("single component, 6 per kit") << "3:6"
                                                     << "3:25" << 4;
    }
    void kitsAvailable()
    {
        QFETCH(QString, components);
        QFETCH(QString, available);
        QFETCH(int, kits);
        QCOMPARE(KitRules::kitsAvailable(parts(components), stock(available)), kits);
        QCOMPARE(KitRules::kitsCompleted(parts(components), stock(available)), kits);
    }

    void unitsFor()
    {
        const QList<KitComponent> units = KitRules::unitsFor(parts(QStringLiteral("1:1,2:2")), 3);
        QCOMPARE(units.size(), 2);
        QCOMPARE(units.at(0).quantity, 3);
        QCOMPARE(units.at(1).quantity, 6);
        QCOMPARE(KitRules::describe(units), QStringLiteral("3 × SKU-1, 6 × SKU-2"));
    }

    void weight()
    {
        QList<KitComponent> c = parts(QStringLiteral("1:1,2:2"));
        c[0].weightGrams = 350;
        c[1].weightGrams = 40;
        QCOMPARE(KitRules::weightGrams(c), 430);
    }

    void validate_data()
    {
        QTest::addColumn<QString>("components");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("gift set") << "1:1,2:2"
                                  << "";
        QTest::newRow("no components") << ""
                                       << "at least one component";
        QTest::newRow("zero quantity") << "1:0"
                                       << "component 1 (SKU-1): the quantity 0";
        QTest::newRow("huge quantity") << "1:1,2:1000"
                                       << "component 2 (SKU-2): the quantity 1000";
        QTest::newRow("itself") << "1:1,9:1"
                                << "component 2 (SKU-9): a kit cannot contain itself";
        QTest::newRow("a kit inside") << "1:1,8:1"
                                      << "component 2 (SKU-8): is a kit itself";
        QTest::newRow("twice") << "1:1,2:1,1:3"
                               << "component 3 (SKU-1): listed twice";
        QTest::newRow("no product") << "0:1"
                                    << "component 1 (SKU-0): no such product";
    }
    void validate()
    {
        QFETCH(QString, components);
        QFETCH(QString, error);
        // Product 9 is the kit being saved; product 8 is another kit.
        const models::Status s = KitRules::validate(9, parts(components), {8, 9});
        if (error.isEmpty()) {
            QVERIFY2(s.ok(), qPrintable(s.error()));
        } else {
            QVERIFY(!s.ok());
            QVERIFY2(s.error().contains(error), qPrintable(s.error()));
        }
    }
};

QTEST_GUILESS_MAIN(TestKitRules)
#include "tst_kitrules.moc"
