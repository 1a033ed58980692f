// What a kit's components make at each location, and the Stock list's kit search:
// a kit's code lists its components' rows.

#include "models/kitsearchsource.h"
#include "models/kitstock.h"

#include <QtTest>

using models::KitComponent;

namespace {

// "1:2,2:1" -> product 1 twice per kit, product 2 once.
QList<KitComponent> parts(const QString &text)
{
    QList<KitComponent> out;
    for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        KitComponent c;
        c.productId = p.section(QLatin1Char(':'), 0, 0).toLongLong();
        c.sku = QStringLiteral("P%1").arg(c.productId);
        c.quantity = p.section(QLatin1Char(':'), 1, 1).toInt();
        out.append(c);
    }
    return out;
}

// "1=10,2=3;1=4" -> location 1 has 10 of product 1 and 3 of product 2; location 2 has 4
// of product 1.
QList<models::KitLocationAvailable> stock(const QString &text)
{
    QList<models::KitLocationAvailable> out;
    qint64 id = 0;
    for (const QString &l : text.split(QLatin1Char(';'))) {
        models::KitLocationAvailable at;
        at.locationId = ++id;
        at.locationCode = QStringLiteral("L%1").arg(id);
        for (const QString &p : l.split(QLatin1Char(','), Qt::SkipEmptyParts))
            at.available.insert(p.section(QLatin1Char('='), 0, 0).toLongLong(),
                                p.section(QLatin1Char('='), 1, 1).toInt());
        out.append(at);
    }
    return out;
}

// Rows for every product at two locations; records the filters it was given.
class FakeSource : public models::StockLevelSource
{
public:
    void setFilter(const models::StockFilter &f) override
    {
        filter = f;
        searches.append(f.search);
    }
    models::Result<qint64> count() override { return rows().size(); }
    models::Result<QList<models::StockLevelRow>> fetch(qint64 offset, int limit) override
    {
        return rows().mid(offset, limit);
    }
    QList<models::StockLevelRow> rows() const
    {
        QList<models::StockLevelRow> out;
        for (qint64 p : {1, 2, 3})
            for (qint64 l : {1, 2}) {
                models::StockLevelRow r;
                r.productId = p;
                r.locationId = l;
                r.sku = QStringLiteral("P%1").arg(p);
                if ((filter.search.isEmpty() || filter.search == r.sku) &&
                    (filter.locationId == 0 || filter.locationId == l))
                    out.append(r);
            }
        return out;
    }
    models::StockFilter filter;
    QStringList searches;
};

} // namespace

class TestKitStock : public QObject
{
    Q_OBJECT

private slots:
    void makes_data()
    {
        QTest::addColumn<QString>("components");
        QTest::addColumn<QString>("available");
        QTest::addColumn<QList<int>>("kits"); // per location
        QTest::addColumn<QString>("scarcest");

        QTest::newRow("two locations")
            << QStringLiteral("1:1,2:2") << QStringLiteral("1=10,2=6;1=4,2=1") << QList<int>{3, 0}
            << QStringLiteral("P2");
        QTest::newRow("one part missing everywhere")
            << QStringLiteral("1:1,2:1") << QStringLiteral("1=5;1=5") << QList<int>{0, 0}
            << QStringLiteral("P2");
        QTest::newRow("oversold counts as none")
            << QStringLiteral("1:2") << QStringLiteral("1=-3;1=9") << QList<int>{0, 4}
            << QStringLiteral("P1");
        QTest::newRow("per-kit quantity decides the scarcest")
            << QStringLiteral("1:6,2:1") << QStringLiteral("1=12,2=5") << QList<int>{2}
            << QStringLiteral("P1");
        QTest::newRow("no components")
            << QString() << QStringLiteral("1=5") << QList<int>{0} << QString();
    }

    void makes()
    {
        QFETCH(QString, components);
        QFETCH(QString, available);
        QFETCH(QList<int>, kits);
        QFETCH(QString, scarcest);
        const models::KitStock s = models::kitStock(parts(components), stock(available));
        QCOMPARE(s.locations.size(), kits.size());
        int total = 0;
        for (qsizetype i = 0; i < kits.size(); ++i) {
            QCOMPARE(s.locations.at(i).kits, kits.at(i));
            QCOMPARE(s.locations.at(i).locationCode, QStringLiteral("L%1").arg(i + 1));
            total += kits.at(i);
        }
        QCOMPARE(s.total(), total);
        QCOMPARE(s.scarcestSku, scarcest);
        QCOMPARE(s.making().size(),
                 std::count_if(kits.begin(), kits.end(), [](int k) { return k > 0; }));
    }

    void kitSearchListsComponents()
    {
        FakeSource source;
        models::KitSearchSource kits(&source, [](const QString &code) {
            if (code != QLatin1String("KIT-01"))
                return models::Result<std::optional<models::KitOverview>>(
                    std::optional<models::KitOverview>());
            models::KitOverview k;
            k.productId = 9;
            k.sku = QStringLiteral("KIT-01");
            k.components = parts(QStringLiteral("1:1,3:2"));
            return models::Result<std::optional<models::KitOverview>>(std::optional(k));
        });
        models::StockFilter f;
        f.search = QStringLiteral("KIT-01");
        kits.setFilter(f);
        QVERIFY(kits.kit().has_value());
        QCOMPARE(kits.count().value(), 4); // P1 and P3 at both locations
        const QList<models::StockLevelRow> rows = kits.fetch(1, 2).value();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).sku, QStringLiteral("P1"));
        QCOMPARE(rows.at(1).sku, QStringLiteral("P3"));
        // The rest of the filter still applies.
        f.locationId = 2;
        kits.setFilter(f);
        QCOMPARE(kits.count().value(), 2);
        // Anything else goes straight through.
        f = {};
        f.search = QStringLiteral("P2");
        kits.setFilter(f);
        QVERIFY(!kits.kit().has_value());
        QCOMPARE(kits.count().value(), 2);
        QCOMPARE(source.searches.last(), QStringLiteral("P2"));
    }
};

QTEST_GUILESS_MAIN(TestKitStock)
#include "tst_kitstock.moc"
