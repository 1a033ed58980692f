// The purchase order a supplier receives as CSV: the header, one row per line with
// both SKUs, the quantity, the unit cost in the order's currency and the expected
// date, and text that would run as a spreadsheet formula neutralised.

#include "importers/purchaseordercsv.h"

#include <QTest>

class TestPurchaseOrderCsv : public QObject
{
    Q_OBJECT

private slots:
    void rowsPerLine();
};

void TestPurchaseOrderCsv::rowsPerLine()
{
    models::PurchaseOrderDetail po;
    po.header.poNumber = QStringLiteral("PO-00042");
    po.header.currency = QStringLiteral("EUR");
    po.header.expected = QDate(2026, 12, 3);
    models::PurchaseOrderLineDetail a;
    a.supplierSku = QStringLiteral("AC-1001");
    a.sku = QStringLiteral("MUG-01");
    a.name = QStringLiteral("Mug, blue");
    a.ordered = 24;
    a.unitCostMinor = 1250;
    models::PurchaseOrderLineDetail b;
    b.supplierSku = QStringLiteral("=HYPERLINK(\"http://x\")");
    b.sku = QStringLiteral("-TEE");
    b.name = QStringLiteral("@T-shirt");
    b.ordered = 6;
    b.unitCostMinor = 399;
    po.lines = {a, b};

    const QByteArray csv = importers::purchaseOrderCsv(po);
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.at(0), QByteArray(importers::kPurchaseOrderCsvHeader) + '\r');
    QCOMPARE(lines.at(1), QByteArray("PO-00042,AC-1001,MUG-01,\"Mug, blue\",24,12.50,EUR,"
                                     "2026-12-03\r"));
    QCOMPARE(lines.at(2), QByteArray("PO-00042,\"'=HYPERLINK(\"\"http://x\"\")\",'-TEE,'@T-shirt,"
                                     "6,3.99,EUR,2026-12-03\r"));
    QCOMPARE(lines.size(), 4); // the last line ends the file

    po.header.expected = QDate();
    QVERIFY(importers::purchaseOrderCsv(po).split('\n').at(1).endsWith(",EUR,\r"));
}

QTEST_APPLESS_MAIN(TestPurchaseOrderCsv)
#include "tst_purchaseordercsv.moc"
