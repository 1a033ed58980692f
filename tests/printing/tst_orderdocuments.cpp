// From an order as storage reads it to each document: one label per parcel with
// the parcel's own tracking number, a label before any shipment (the chosen
// service, "not yet tracked", no barcode that could pass for a tracking number, in
// the PDF and the ZPL), the refusal without an address, the batch pick list in bin
// order, the customs form the rule picks, and the ZPL of a label kept byte for byte
// against a golden file; a kit line with its parts on the packing slip and as one
// item on the customs form.

#include "documentcheck.h"
#include "printing/documentrender.h"
#include "printing/orderdocuments.h"
#include "printing/shippinglabel.h"
#include "printing/zpllabel.h"

#include <QFile>
#include <QTemporaryDir>

using models::Money;
using models::OrderDocumentData;

namespace {

OrderDocumentData order(const QString &number, const QString &country)
{
    OrderDocumentData o;
    o.orderId = 7;
    o.channelCode = QStringLiteral("shopify");
    o.channelName = QStringLiteral("Shopify");
    o.orderNumber = number;
    o.shopName = QStringLiteral("Hearth & Field Homewares");
    o.shipTo = {QStringLiteral("Lee Sample"),
                QString(),
                QStringLiteral("1 Main St"),
                QString(),
                QStringLiteral("Austin"),
                QStringLiteral("TX"),
                QStringLiteral("73301"),
                country,
                QString()};
    o.shippingService = QStringLiteral("Royal Mail International Tracked");
    o.shipping = Money(1450, QStringLiteral("GBP"));
    models::Location leeds;
    leeds.id = 1;
    leeds.code = QStringLiteral("LDS");
    leeds.name = QStringLiteral("Leeds warehouse");
    leeds.address = {QString(),
                     QString(),
                     QStringLiteral("Unit 4, Aire Valley Park"),
                     QString(),
                     QStringLiteral("Leeds"),
                     QString(),
                     QStringLiteral("LS10 1AB"),
                     QStringLiteral("GB"),
                     QString()};
    o.shipFrom = leeds;
    models::DocumentLine mug;
    mug.sku = QStringLiteral("HF-MUG-0001-SAG");
    mug.title = QStringLiteral("Hearth Stoneware Mug – Sage");
    mug.quantity = 2;
    mug.unitPrice = Money(1200, QStringLiteral("GBP"));
    mug.lineTotal = Money(2400, QStringLiteral("GBP"));
    mug.unitWeightGrams = 380;
    mug.hsCode = QStringLiteral("691200");
    mug.originCountry = QStringLiteral("GB");
    mug.binCode = QStringLiteral("B-02-1");
    mug.binSequence = 20;
    mug.barcode = QStringLiteral("5061234000015");
    models::DocumentLine lamp = mug;
    lamp.sku = QStringLiteral("HF-LMP-0014-INK");
    lamp.title = QStringLiteral("Ridge Table Lamp – Ink");
    lamp.quantity = 1;
    lamp.lineTotal = Money(8900, QStringLiteral("GBP"));
    lamp.unitWeightGrams = 2100;
    lamp.hsCode = QStringLiteral("940520");
    lamp.originCountry = QStringLiteral("CN");
    lamp.binCode = QStringLiteral("A-01-3");
    lamp.binSequence = 3;
    lamp.barcode = QStringLiteral("084123000144");
    o.lines = {mug, lamp};
    o.subtotal = Money(11300, QStringLiteral("GBP"));
    return o;
}

models::DocumentShipment shipment(int parcels)
{
    models::DocumentShipment s;
    s.carrier = QStringLiteral("Royal Mail");
    s.service = QStringLiteral("Royal Mail International Tracked");
    s.trackingNumber = QStringLiteral("EF864604994GB");
    s.shippedAtUtc = QDateTime(QDate(2026, 6, 1), QTime(15, 0), Qt::UTC);
    for (int i = 0; i < parcels; ++i)
        s.parcels.append({1000 + i, i == 1 ? QStringLiteral("EF864605001GB") : QString()});
    return s;
}

} // namespace

class TestOrderDocuments : public QObject
{
    Q_OBJECT

private slots:
    void labelPerParcel();
    void labelBeforeShipping();
    void untrackedOnEveryStock_data();
    void untrackedOnEveryStock();
    void labelNeedsAnAddress();
    void goldenZpl();
    void pickListWalksTheBins();
    void pickListPicksAKitsParts();
    void customsFollowTheRule();
    void kitOnTheSlipAndTheCustomsForm();

private:
    QTemporaryDir m_dir;
};

void TestOrderDocuments::labelPerParcel()
{
    OrderDocumentData o = order(QStringLiteral("#1002"), QStringLiteral("US"));
    o.shipment = shipment(2);
    auto labels = printing::labelsForOrder(o, QDate(2026, 6, 2));
    QVERIFY2(labels.ok(), qPrintable(labels.error()));
    QCOMPARE(labels->size(), 2);
    QCOMPARE(labels->at(0).trackingNumber, QStringLiteral("EF864604994GB")); // the shipment's
    QCOMPARE(labels->at(1).trackingNumber, QStringLiteral("EF864605001GB")); // its own
    QCOMPARE(labels->at(1).parcelNumber, 2);
    QCOMPARE(labels->at(1).parcelCount, 2);
    QCOMPARE(labels->at(1).weightGrams, 1001);
    QCOMPARE(labels->at(0).carrier, QStringLiteral("Royal Mail"));
    QCOMPARE(labels->at(0).service, QStringLiteral("International Tracked"));
    QCOMPARE(labels->at(0).shipDate, QDate(2026, 6, 1));
    QCOMPARE(labels->at(0).shipFrom.name, QStringLiteral("Hearth & Field Homewares"));
    QCOMPARE(labels->at(0).shipFrom.company, QStringLiteral("Leeds warehouse"));

    auto document = printing::shippingLabelDocument(labels.value(), printing::LabelStock::Label4x6);
    QVERIFY(document.ok());
    QCOMPARE(document->pageCount(), 2);
    printtest::verifyBarcodesReadBack(document.value(), m_dir.filePath(QStringLiteral("two.pdf")),
                                      4);
}

void TestOrderDocuments::labelBeforeShipping()
{
    OrderDocumentData o = order(QStringLiteral("#1003"), QStringLiteral("GB"));
    o.shippingService = QStringLiteral("Evri Standard");
    auto labels = printing::labelsForOrder(o, QDate(2026, 6, 2));
    QVERIFY(labels.ok());
    QCOMPARE(labels->size(), 1);
    const printing::LabelData &l = labels->first();
    QCOMPARE(l.trackingNumber, QString());
    QCOMPARE(l.carrier, QStringLiteral("Evri"));
    QCOMPARE(l.service, QStringLiteral("Standard"));
    QCOMPARE(l.weightGrams, 2 * 380 + 2100 + 150); // contents and packaging
    QCOMPARE(l.shipDate, QDate(2026, 6, 2));

    auto document = printing::shippingLabelDocument(labels.value(), printing::LabelStock::Label4x6);
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const QString pdf = m_dir.filePath(QStringLiteral("untracked.pdf"));
    printtest::verifyBarcodesReadBack(document.value(), pdf, 1);
    printing::RenderReport report;
    const QImage page = printing::renderPage(document.value(), 0, 203, &report);
    QCOMPARE(report.barcodes.size(), 1); // only the order code
    QCOMPARE(report.barcodes.first().kind, printing::BarcodeKind::QrCode);
    QVERIFY(printtest::readEach(page, {printing::BarcodeKind::Code128}).isEmpty());
    if (!printtest::tool("pdftotext").isEmpty())
        QVERIFY(printtest::pdfText(pdf).contains(QStringLiteral("NOT YET TRACKED")));

    auto zpl = printing::zplLabel(l);
    QVERIFY2(zpl.ok(), qPrintable(zpl.error()));
    QVERIFY(!zpl->contains("^BC"));
    QVERIFY(zpl->contains("NOT YET TRACKED"));
}

void TestOrderDocuments::untrackedOnEveryStock_data()
{
    QTest::addColumn<printing::LabelStock>("stock");
    QTest::newRow("4x6") << printing::LabelStock::Label4x6;
    QTest::newRow("4x4") << printing::LabelStock::Label4x4;
    QTest::newRow("62mm") << printing::LabelStock::Roll62mm;
    QTest::newRow("A4 four-up") << printing::LabelStock::A4FourUp;
}

void TestOrderDocuments::untrackedOnEveryStock()
{
    QFETCH(printing::LabelStock, stock);
    auto labels = printing::labelsForOrder(order(QStringLiteral("#1003"), QStringLiteral("GB")),
                                           QDate(2026, 6, 2));
    QVERIFY(labels.ok());
    auto document = printing::shippingLabelDocument(labels.value(), stock);
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const QString pdf = m_dir.filePath(
        QStringLiteral("untracked-%1.pdf").arg(QString::fromLatin1(QTest::currentDataTag())));
    printtest::verifyBarcodesReadBack(document.value(), pdf, 1);
    printtest::keepShots(
        pdf, QStringLiteral("untracked-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
    if (!printtest::tool("pdftotext").isEmpty())
        QVERIFY(printtest::pdfText(pdf).contains(QStringLiteral("NOT YET TRACKED")));
}

void TestOrderDocuments::labelNeedsAnAddress()
{
    OrderDocumentData o = order(QStringLiteral("#1004"), QStringLiteral("GB"));
    o.shipTo.line1.clear();
    auto labels = printing::labelsForOrder(o, QDate(2026, 6, 2));
    QVERIFY(!labels.ok());
    QCOMPARE(labels.error(),
             QStringLiteral("order #1004 has no delivery address: no label can be printed"));
    o = order(QStringLiteral("#1005"), QStringLiteral("GB"));
    o.shipFrom.reset();
    QVERIFY(
        printing::labelsForOrder(o, QDate(2026, 6, 2)).error().contains(QStringLiteral("#1005")));
}

void TestOrderDocuments::goldenZpl()
{
    OrderDocumentData o = order(QStringLiteral("#1002"), QStringLiteral("US"));
    // A buyer trying to end the format and reset the printer.
    o.shipTo.name = QStringLiteral("Lee ^XZ~JR Sample");
    o.shipment = shipment(1);
    auto labels = printing::labelsForOrder(o, QDate(2026, 6, 2));
    QVERIFY(labels.ok());
    auto zpl = printing::zplLabels(labels.value());
    QVERIFY(zpl.ok());
    QCOMPARE(zpl->count("^XZ"), 1);
    QVERIFY(!zpl->contains("~JR"));
    QVERIFY(zpl->contains("Lee _5EXZ_7EJR Sample"));

    const QString golden = QStringLiteral(BACKROOM_TEST_DATA_DIR "/printing/label_4x6_203dpi.zpl");
    if (qEnvironmentVariableIsSet("BACKROOM_UPDATE_GOLDEN")) {
        QFile out(golden);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(zpl.value());
    }
    QFile in(golden);
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(golden));
    QCOMPARE(zpl.value(), in.readAll());
}

void TestOrderDocuments::pickListWalksTheBins()
{
    OrderDocumentData a = order(QStringLiteral("#1010"), QStringLiteral("GB"));
    OrderDocumentData b = order(QStringLiteral("#1011"), QStringLiteral("GB"));
    b.lines.removeLast(); // mugs only
    b.lines.first().quantity = 3;
    models::DocumentLine odd;
    odd.sku = QStringLiteral("ODD-1");
    odd.title = QStringLiteral("Not in the catalogue");
    odd.quantity = 1;
    b.lines.append(odd);
    const QDateTime at(QDate(2026, 6, 2), QTime(9, 0), Qt::UTC);
    auto list = printing::pickListForOrders({a, b}, QStringLiteral("PL-1"), at);
    QVERIFY2(list.ok(), qPrintable(list.error()));
    QCOMPARE(list->totes.size(), 2);
    QCOMPARE(list->totes.at(1).orderNumber, QStringLiteral("#1011"));
    QCOMPARE(list->rows.size(), 3);
    QCOMPARE(list->rows.at(0).binCode, QStringLiteral("A-01-3")); // sequence 3 before 20
    QCOMPARE(list->rows.at(1).sku, QStringLiteral("HF-MUG-0001-SAG"));
    QCOMPARE(list->rows.at(1).totalQuantity(), 5);
    QCOMPARE(list->rows.at(1).allocations.size(), 2);
    QCOMPARE(list->rows.at(2).sku, QStringLiteral("ODD-1")); // no bin: last
    QCOMPARE(list->locationName, QStringLiteral("Leeds warehouse"));

    auto document = printing::pickListDocument(list.value(), printing::PageSetup::a4());
    QVERIFY2(document.ok(), qPrintable(document.error()));
    // List id, two slot codes, two product GTINs and a SKU as Code 128.
    printtest::verifyBarcodesReadBack(document.value(), m_dir.filePath(QStringLiteral("pl.pdf")),
                                      6);

    b.shipFrom->id = 2;
    b.shipFrom->code = QStringLiteral("RTM");
    auto mixed = printing::pickListForOrders({a, b}, QStringLiteral("PL-2"), at);
    QVERIFY(!mixed.ok());
    QVERIFY2(mixed.error().contains(QStringLiteral("#1011 (RTM)")), qPrintable(mixed.error()));
}

void TestOrderDocuments::pickListPicksAKitsParts()
{
    // #1020 buys 2 gift sets (1 mug + 2 coasters each) and a mug on its own.
    OrderDocumentData a = order(QStringLiteral("#1020"), QStringLiteral("GB"));
    a.lines.removeLast();
    const QString mug = a.lines.first().sku;
    a.lines.first().quantity = 1;
    models::DocumentLine kit;
    kit.sku = QStringLiteral("GIFT-01");
    kit.title = QStringLiteral("Gift set");
    kit.quantity = 2;
    kit.parts = {{1, mug, QStringLiteral("Mug"), 1, 350},
                 {2, QStringLiteral("COASTER-01"), QStringLiteral("Coaster"), 2, 40}};
    // The coasters have a bin at the shipping location; the mug's is its own line's.
    kit.partShelves = {{a.lines.first().binCode, a.lines.first().binSequence, {}},
                       {QStringLiteral("Z-01-1"), 99, QStringLiteral("5061234000017")}};
    a.lines.append(kit);
    const QDateTime at(QDate(2026, 6, 2), QTime(9, 0), Qt::UTC);
    auto list = printing::pickListForOrders({a}, QStringLiteral("PL-3"), at);
    QVERIFY2(list.ok(), qPrintable(list.error()));
    QStringList skus;
    for (const printing::PickRow &r : list->rows)
        skus.append(r.sku);
    QVERIFY2(!skus.contains(QStringLiteral("GIFT-01")), qPrintable(skus.join(u',')));
    QCOMPARE(skus, QStringList({mug, QStringLiteral("COASTER-01")}));
    QCOMPARE(list->rows.at(0).totalQuantity(), 3);
    QCOMPARE(list->rows.at(0).kitNote, QStringLiteral("1 on its own, 2 for GIFT-01"));
    QCOMPARE(list->rows.at(1).totalQuantity(), 4);
    QCOMPARE(list->rows.at(1).kitNote, QStringLiteral("for GIFT-01"));
    QCOMPARE(list->rows.at(1).binCode, QStringLiteral("Z-01-1"));
    QCOMPARE(list->rows.at(1).productBarcode, QStringLiteral("5061234000017"));
}

void TestOrderDocuments::customsFollowTheRule()
{
    OrderDocumentData us = order(QStringLiteral("#1002"), QStringLiteral("US"));
    us.shipment = shipment(1);
    us.shipment->parcels.first().weightGrams = 3010;
    printing::CustomsDeclarationData d = printing::customsForOrder(us, QDate(2026, 6, 2));
    // £113 is under the £270 limit, but the parcel weighs over 2 kg.
    QCOMPARE(d.form, models::CustomsForm::Cn23);
    QCOMPARE(d.grossWeightGrams, 3010);
    QCOMPARE(d.items.size(), 2);
    QCOMPARE(d.items.at(1).hsCode, QStringLiteral("940520"));
    QCOMPARE(d.items.at(0).netWeightGrams, 760);
    QCOMPARE(d.trackingNumber, QStringLiteral("EF864604994GB"));
    QCOMPARE(d.postage, Money(1450, QStringLiteral("GBP")));

    OrderDocumentData light = us;
    light.lines.removeLast();
    light.shipment->parcels.first().weightGrams = 900;
    QCOMPARE(printing::customsForOrder(light, QDate(2026, 6, 2)).form, models::CustomsForm::Cn22);

    OrderDocumentData home = order(QStringLiteral("#1003"), QStringLiteral("GB"));
    QCOMPARE(printing::customsForOrder(home, QDate(2026, 6, 2)).form, models::CustomsForm::None);

    OrderDocumentData courier = order(QStringLiteral("#1004"), QStringLiteral("FR"));
    courier.shippingService = QStringLiteral("DPD Classic");
    const printing::CustomsDeclarationData invoice =
        printing::customsForOrder(courier, QDate(2026, 6, 2));
    QCOMPARE(invoice.form, models::CustomsForm::CommercialInvoice);
    QCOMPARE(invoice.carrier, QStringLiteral("DPD"));
    QCOMPARE(invoice.trackingNumber, QString());
}

void TestOrderDocuments::kitOnTheSlipAndTheCustomsForm()
{
    OrderDocumentData o = order(QStringLiteral("#1005"), QStringLiteral("US"));
    // As storage reads it: the kit's parts (per kit) and, with no weight of its own,
    // the parts' weight.
    models::DocumentLine gift;
    gift.sku = QStringLiteral("HF-GIFT-01");
    gift.title = QStringLiteral("Breakfast gift set");
    gift.quantity = 2;
    gift.unitPrice = Money(3200, QStringLiteral("GBP"));
    gift.lineTotal = Money(6400, QStringLiteral("GBP"));
    gift.productId = 40;
    gift.hsCode = QStringLiteral("691200");
    gift.originCountry = QStringLiteral("GB");
    gift.parts = {{1, QStringLiteral("HF-MUG-0001-SAG"), QStringLiteral("Mug"), 1, 380},
                  {2, QStringLiteral("HF-CST-0002"), QStringLiteral("Coaster"), 2, 60}};
    gift.unitWeightGrams = models::KitRules::weightGrams(gift.parts);
    o.lines.append(gift);

    const printing::PackingSlipData slip = printing::packingSlipForOrder(o);
    QCOMPARE(slip.lines.size(), 3);
    QCOMPARE(slip.lines.at(2).parts.size(), 2);
    QVERIFY(slip.lines.at(0).parts.isEmpty());
    auto document = printing::packingSlipDocument(slip, printing::PageSetup::a4());
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const QString pdf = m_dir.filePath(QStringLiteral("kit_slip.pdf"));
    QVERIFY(printing::writePdf(*document, pdf).ok());
    printtest::keepShots(pdf, QStringLiteral("order_packing_slip_kit"));
    if (printtest::tool("pdftotext").isEmpty())
        QSKIP("pdftotext is not installed");
    const QString text = printtest::pdfText(pdf);
    const qsizetype kit = text.indexOf(QStringLiteral("Breakfast gift set"));
    QVERIFY2(kit >= 0, qPrintable(text));
    // The parts, under the kit's name.
    const qsizetype parts = text.indexOf(QStringLiteral("each contains 1 × Mug, 2 × Coaster"));
    QVERIFY2(parts > kit, qPrintable(text));
    QCOMPARE(text.count(QStringLiteral("contains")), 1); // ordinary lines have no parts

    // Customs: the kit is one item, at its price and its parts' weight.
    o.shipment = shipment(1);
    o.shipment->parcels.first().weightGrams = 4200;
    const printing::CustomsDeclarationData d = printing::customsForOrder(o, QDate(2026, 6, 2));
    QCOMPARE(d.items.size(), 3);
    const printing::CustomsItem &item = d.items.at(2);
    QCOMPARE(item.sku, QStringLiteral("HF-GIFT-01"));
    QCOMPARE(item.quantity, 2);
    QCOMPARE(item.value, Money(6400, QStringLiteral("GBP")));
    QCOMPARE(item.netWeightGrams, 2 * (380 + 2 * 60));
    QCOMPARE(item.hsCode, QStringLiteral("691200"));

    // A label before shipping weighs the parts too.
    o.shipment.reset();
    const auto labels = printing::labelsForOrder(o, QDate(2026, 6, 2));
    QVERIFY2(labels.ok(), qPrintable(labels.error()));
    QCOMPARE(labels->first().weightGrams, 2 * 380 + 2100 + 2 * 500 + 150);
}

QTEST_MAIN(TestOrderDocuments)
#include "tst_orderdocuments.moc"
