#include "models/gs1.h"
#include "models/packbox.h"
#include "models/packsession.h"

#include <QTest>

using models::PackBox;
using models::PackInput;
using models::PackLine;
using models::PackOrder;
using models::PackSession;
using models::ScannedProduct;
using models::ScanResult;

Q_DECLARE_METATYPE(models::ScanResult)
Q_DECLARE_METATYPE(PackInput::Kind)

namespace {

const QChar GS = QChar(0x1D);

// Mug ×2 (EAN-13 and a second, UPC-A barcode), T-shirt ×1 (Code 128 barcode and
// an Amazon SKU), Cap ×3.
PackOrder order()
{
    PackOrder o;
    o.id = 42;
    o.orderNumber = QStringLiteral("#1001");
    PackLine mug;
    mug.orderLineId = 1;
    mug.productId = 10;
    mug.sku = QStringLiteral("MUG-01");
    mug.title = QStringLiteral("Mug");
    mug.quantity = 2;
    mug.barcodes = {QStringLiteral("5012345678900"), QStringLiteral("036000291452")};
    mug.weightGrams = 400;
    mug.lengthMm = 120;
    mug.widthMm = 90;
    mug.heightMm = 100;
    PackLine tee;
    tee.orderLineId = 2;
    tee.productId = 11;
    tee.sku = QStringLiteral("TEE-M");
    tee.title = QStringLiteral("T-shirt M");
    tee.quantity = 1;
    tee.barcodes = {QStringLiteral("BR-TEE-M")};
    tee.channelSkus = {QStringLiteral("X00ABCDEF1")};
    tee.weightGrams = 200;
    tee.lengthMm = 250;
    tee.widthMm = 200;
    tee.heightMm = 20;
    PackLine cap;
    cap.orderLineId = 3;
    cap.productId = 12;
    cap.sku = QStringLiteral("CAP-01");
    cap.title = QStringLiteral("Cap");
    cap.quantity = 3;
    cap.barcodes = {QStringLiteral("96385074")};
    cap.weightGrams = 150;
    cap.lengthMm = 200;
    cap.widthMm = 180;
    cap.heightMm = 100;
    o.lines = {mug, tee, cap};
    return o;
}

// Another product of the shop, not on the order.
std::optional<ScannedProduct> identify(const QString &code)
{
    if (code == QLatin1String("4006381333931") || code == QLatin1String("SOCK-01"))
        return ScannedProduct{20, QStringLiteral("SOCK-01"), QStringLiteral("Socks")};
    return std::nullopt;
}

QList<PackBox> boxes()
{
    return {{QStringLiteral("BOX-S"), QStringLiteral("Small box"), 230, 160, 80, 5000, 90},
            {QStringLiteral("BOX-M"), QStringLiteral("Medium box"), 310, 220, 150, 15000, 180},
            {QStringLiteral("BOX-L"), QStringLiteral("Large box"), 450, 350, 250, 25000, 350}};
}

// #2001: the gift set GIFT-01 ×2 (each 1 × MUG-01 and 2 × COASTER-01; the kit has its
// own EAN-13, SKU and an Amazon SKU) on line 7, and COASTER-01 ×1 ordered on its own on
// line 8. Lines: 0 the kit's mugs (2), 1 the kit's coasters (4), 2 the loose coaster (1).
PackOrder kitOrder()
{
    PackOrder o;
    o.id = 43;
    o.orderNumber = QStringLiteral("#2001");
    PackLine mug = order().lines.first();
    mug.orderLineId = 0;
    mug.quantity = 1;
    PackLine coaster;
    coaster.productId = 13;
    coaster.sku = QStringLiteral("COASTER-01");
    coaster.title = QStringLiteral("Coaster");
    coaster.quantity = 2;
    coaster.barcodes = {QStringLiteral("4006381333948")};
    coaster.channelSkus = {QStringLiteral("AMZ-COASTER")};
    coaster.weightGrams = 80;
    coaster.lengthMm = 100;
    coaster.widthMm = 100;
    coaster.heightMm = 5;
    models::PackKit gift;
    gift.orderLineId = 7;
    gift.productId = 14;
    gift.sku = QStringLiteral("GIFT-01");
    gift.title = QStringLiteral("Gift set");
    gift.quantity = 2;
    gift.barcodes = {QStringLiteral("5000000000012")};
    gift.channelSkus = {QStringLiteral("GIFTSET-AMZ")};
    o.appendKit(gift, {mug, coaster});
    PackLine loose = coaster;
    loose.orderLineId = 8;
    loose.quantity = 1;
    o.lines.append(loose);
    return o;
}

} // namespace

// The pack bench's rules: which scans count, what a wrong one says, the x-quantity
// shortcut, undo, completion, GS1 element strings and box suggestion.
class TestPackSession : public QObject
{
    Q_OBJECT

private slots:
    void gs1Parse_data();
    void gs1Parse();
    void gtinOfScan_data();
    void gtinOfScan();
    void parseInput_data();
    void parseInput();
    void scanSequence_data();
    void scanSequence();
    void wrongScanNamesBoth();
    void overScanNamesTheItem();
    void sameProductOnTwoLines();
    void undoTakesBackOneStep();
    void boxSuggestion_data();
    void boxSuggestion();
    void sessionSuggestsAndWeighs();
    void kitLineBecomesItsParts();
    void kitScanSequence_data();
    void kitScanSequence();
    void kitRefusalIsNotAMisScan();
    void kitBoxAndWeightFromParts();
};

void TestPackSession::gs1Parse_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<QStringList>("elements"); // "ai=data"
    QTest::addColumn<bool>("ok");

    QTest::newRow("GTIN alone") << QStringLiteral("0109506000134352")
                                << QStringList{QStringLiteral("01=09506000134352")} << true;
    QTest::newRow("GTIN, expiry, batch at the end")
        << QStringLiteral("010950600013435217251231") + QStringLiteral("10AB-12")
        << QStringList{QStringLiteral("01=09506000134352"), QStringLiteral("17=251231"),
                       QStringLiteral("10=AB-12")}
        << true;
    QTest::newRow("batch ended by FNC1, then serial")
        << QStringLiteral("0109506000134352") + QStringLiteral("10LOT7") + GS +
               QStringLiteral("21SN0001")
        << QStringList{QStringLiteral("01=09506000134352"), QStringLiteral("10=LOT7"),
                       QStringLiteral("21=SN0001")}
        << true;
    QTest::newRow("leading FNC1") << GS + QStringLiteral("0109506000134352")
                                  << QStringList{QStringLiteral("01=09506000134352")} << true;
    QTest::newRow("net weight 3103 (four-digit AI)")
        << QStringLiteral("01095060001343523103001250")
        << QStringList{QStringLiteral("01=09506000134352"), QStringLiteral("3103=001250")} << true;
    QTest::newRow("SSCC") << QStringLiteral("00106141411234567897")
                          << QStringList{QStringLiteral("00=106141411234567897")} << true;
    QTest::newRow("bracketed human-readable form")
        << QStringLiteral("(01)09506000134352(10)AB12(17)251231")
        << QStringList{QStringLiteral("01=09506000134352"), QStringLiteral("10=AB12"),
                       QStringLiteral("17=251231")}
        << true;
    QTest::newRow("wrong GTIN check digit")
        << QStringLiteral("0109506000134353") << QStringList{} << false;
    QTest::newRow("GTIN cut short") << QStringLiteral("01095060001343") << QStringList{} << false;
    QTest::newRow("letters in a date")
        << QStringLiteral("010950600013435217AB1231") << QStringList{} << false;
    QTest::newRow("unknown AI") << QStringLiteral("0109506000134352"
                                                  "55xyz")
                                << QStringList{} << false;
    QTest::newRow("batch too long")
        << QStringLiteral("0109506000134352") + QStringLiteral("10") + QString(21, u'A')
        << QStringList{} << false;
    QTest::newRow("empty") << QString() << QStringList{} << false;
}

void TestPackSession::gs1Parse()
{
    QFETCH(QString, data);
    QFETCH(QStringList, elements);
    QFETCH(bool, ok);
    const models::Result<QList<models::gs1::Element>> r = models::gs1::parseElementString(data);
    QCOMPARE(r.ok(), ok);
    if (!ok) {
        QVERIFY(r.error().startsWith(QLatin1String("GS1 code")));
        return;
    }
    QStringList got;
    for (const models::gs1::Element &e : r.value())
        got << e.ai + u'=' + e.data;
    QCOMPARE(got, elements);
}

void TestPackSession::gtinOfScan_data()
{
    QTest::addColumn<QString>("scanned");
    QTest::addColumn<QString>("gtin"); // empty: none

    QTest::newRow("GS1-128 with ]C1") << QStringLiteral("]C10109506000134352"
                                                        "10AB")
                                      << QStringLiteral("09506000134352");
    QTest::newRow("GS1 DataMatrix with ]d2 and GS")
        << QStringLiteral("]d201095060001343521722063010LOT") + GS + QStringLiteral("21X9")
        << QStringLiteral("09506000134352");
    QTest::newRow("GS1 QR with ]Q3")
        << QStringLiteral("]Q30105012345678900") << QStringLiteral("05012345678900");
    QTest::newRow("unmarked element string")
        << QStringLiteral("010501234567890017260101") << QStringLiteral("05012345678900");
    QTest::newRow("bracketed") << QStringLiteral("(01)05012345678900")
                               << QStringLiteral("05012345678900");
    QTest::newRow("plain EAN-13 is not an element string")
        << QStringLiteral("5012345678900") << QString();
    QTest::newRow("EAN with its identifier") << QStringLiteral("]E05012345678900") << QString();
    QTest::newRow("SKU") << QStringLiteral("MUG-01") << QString();
    QTest::newRow("GS1 without (01)") << QStringLiteral("]C110LOT42") << QString();
    QTest::newRow("broken element string") << QStringLiteral("]C10109506000134353") << QString();
}

void TestPackSession::gtinOfScan()
{
    QFETCH(QString, scanned);
    QFETCH(QString, gtin);
    const std::optional<QString> got = models::gs1::gtinOfScan(scanned);
    QCOMPARE(got.value_or(QString()), gtin);
}

void TestPackSession::parseInput_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<PackInput::Kind>("kind");
    QTest::addColumn<int>("number");

    QTest::newRow("item code") << QStringLiteral("5012345678900") << PackInput::Kind::Code << 0;
    QTest::newRow("x12") << QStringLiteral("x12") << PackInput::Kind::Multiply << 12;
    QTest::newRow("X3 with spaces") << QStringLiteral("  X3 ") << PackInput::Kind::Multiply << 3;
    QTest::newRow("times sign") << QStringLiteral("×4") << PackInput::Kind::Multiply << 4;
    QTest::newRow("SKU that starts with x")
        << QStringLiteral("X12-RED") << PackInput::Kind::Code << 0;
    QTest::newRow("UNDO code") << QStringLiteral("UNDO") << PackInput::Kind::Undo << 0;
    QTest::newRow("undo lower case") << QStringLiteral("undo") << PackInput::Kind::Undo << 0;
    QTest::newRow("grams") << QStringLiteral("w1250") << PackInput::Kind::Weight << 1250;
    QTest::newRow("grams with unit") << QStringLiteral("W 830 g") << PackInput::Kind::Weight << 830;
    QTest::newRow("kilograms") << QStringLiteral("w1.25kg") << PackInput::Kind::Weight << 1250;
    QTest::newRow("decimal comma reads as kg")
        << QStringLiteral("w2,5") << PackInput::Kind::Weight << 2500;
    QTest::newRow("empty") << QStringLiteral("   ") << PackInput::Kind::Empty << 0;
}

void TestPackSession::parseInput()
{
    QFETCH(QString, typed);
    QFETCH(PackInput::Kind, kind);
    QFETCH(int, number);
    const PackInput in = models::parsePackInput(typed);
    QCOMPARE(in.kind, kind);
    QCOMPARE(in.number, number);
}

void TestPackSession::scanSequence_data()
{
    QTest::addColumn<QStringList>("scans");
    QTest::addColumn<QList<ScanResult>>("results");
    QTest::addColumn<QList<int>>("packed"); // per line, after the last scan
    QTest::addColumn<bool>("complete");

    using R = ScanResult;
    QTest::newRow("right EAN-13") << QStringList{QStringLiteral("5012345678900")}
                                  << QList<R>{R::Right} << QList<int>{1, 0, 0} << false;
    QTest::newRow("second barcode of the same product (UPC-A)")
        << QStringList{QStringLiteral("5012345678900"), QStringLiteral("036000291452")}
        << QList<R>{R::Right, R::Right} << QList<int>{2, 0, 0} << false;
    QTest::newRow("UPC-A scanned as 13 digits with a leading zero")
        << QStringList{QStringLiteral("0036000291452")} << QList<R>{R::Right} << QList<int>{1, 0, 0}
        << false;
    QTest::newRow("GTIN-14 form of the EAN-13")
        << QStringList{QStringLiteral("05012345678900")} << QList<R>{R::Right}
        << QList<int>{1, 0, 0} << false;
    QTest::newRow("GS1-128 with (01) of the EAN-13")
        << QStringList{QStringLiteral("]C10105012345678900"
                                      "10LOT1")}
        << QList<R>{R::Right} << QList<int>{1, 0, 0} << false;
    QTest::newRow("GS1 DataMatrix with (01) of the UPC-A")
        << QStringList{QStringLiteral("]d20100036000291452") + GS + QStringLiteral("21S1")}
        << QList<R>{R::Right} << QList<int>{1, 0, 0} << false;
    QTest::newRow("EAN-8 of the cap") << QStringList{QStringLiteral("96385074")}
                                      << QList<R>{R::Right} << QList<int>{0, 0, 1} << false;
    QTest::newRow("SKU typed in lower case") << QStringList{QStringLiteral("tee-m")}
                                             << QList<R>{R::Right} << QList<int>{0, 1, 0} << false;
    QTest::newRow("Code 128 product barcode") << QStringList{QStringLiteral("BR-TEE-M")}
                                              << QList<R>{R::Right} << QList<int>{0, 1, 0} << false;
    QTest::newRow("Amazon channel SKU") << QStringList{QStringLiteral("X00ABCDEF1")}
                                        << QList<R>{R::Right} << QList<int>{0, 1, 0} << false;
    QTest::newRow("wrong item counts nothing")
        << QStringList{QStringLiteral("4006381333931")} << QList<R>{R::Wrong} << QList<int>{0, 0, 0}
        << false;
    QTest::newRow("unknown code counts nothing")
        << QStringList{QStringLiteral("123")} << QList<R>{R::Unknown} << QList<int>{0, 0, 0}
        << false;
    QTest::newRow("one too many") << QStringList{QStringLiteral("TEE-M"), QStringLiteral("TEE-M")}
                                  << QList<R>{R::Right, R::OverScan} << QList<int>{0, 1, 0}
                                  << false;
    QTest::newRow("wrong GTIN check digit is unknown")
        << QStringList{QStringLiteral("5012345678901")} << QList<R>{R::Unknown}
        << QList<int>{0, 0, 0} << false;
    QTest::newRow("x3 after a cap")
        << QStringList{QStringLiteral("96385074"), QStringLiteral("x3")}
        << QList<R>{R::Right, R::Quantity} << QList<int>{0, 0, 3} << false;
    QTest::newRow("x4 refused: only 3 caps wanted")
        << QStringList{QStringLiteral("96385074"), QStringLiteral("x4")}
        << QList<R>{R::Right, R::Refused} << QList<int>{0, 0, 1} << false;
    QTest::newRow("x2 with nothing scanned")
        << QStringList{QStringLiteral("x2")} << QList<R>{R::Refused} << QList<int>{0, 0, 0}
        << false;
    QTest::newRow("x after a wrong scan multiplies the last good one")
        << QStringList{QStringLiteral("96385074"), QStringLiteral("SOCK-01"), QStringLiteral("x2")}
        << QList<R>{R::Right, R::Wrong, R::Quantity} << QList<int>{0, 0, 2} << false;
    QTest::newRow("x twice is refused")
        << QStringList{QStringLiteral("96385074"), QStringLiteral("x2"), QStringLiteral("x3")}
        << QList<R>{R::Right, R::Quantity, R::Refused} << QList<int>{0, 0, 2} << false;
    QTest::newRow("undo the x") << QStringList{QStringLiteral("96385074"), QStringLiteral("x3"),
                                               QStringLiteral("UNDO")}
                                << QList<R>{R::Right, R::Quantity, R::Undo} << QList<int>{0, 0, 1}
                                << false;
    QTest::newRow("nothing to undo") << QStringList{QStringLiteral("UNDO")}
                                     << QList<R>{R::NothingToUndo} << QList<int>{0, 0, 0} << false;
    QTest::newRow("box chosen by its code")
        << QStringList{QStringLiteral("box-m")} << QList<R>{R::Box} << QList<int>{0, 0, 0} << false;
    QTest::newRow("weight typed") << QStringList{QStringLiteral("w1300")} << QList<R>{R::Weight}
                                  << QList<int>{0, 0, 0} << false;
    QTest::newRow("zero weight refused") << QStringList{QStringLiteral("w0")}
                                         << QList<R>{R::Refused} << QList<int>{0, 0, 0} << false;
    QTest::newRow("complete") << QStringList{QStringLiteral("5012345678900"), QStringLiteral("x2"),
                                             QStringLiteral("TEE-M"), QStringLiteral("96385074"),
                                             QStringLiteral("x3")}
                              << QList<R>{R::Right, R::Quantity, R::Right, R::Right, R::Quantity}
                              << QList<int>{2, 1, 3} << true;
    QTest::newRow("complete, then one too many")
        << QStringList{QStringLiteral("5012345678900"), QStringLiteral("036000291452"),
                       QStringLiteral("TEE-M"),         QStringLiteral("CAP-01"),
                       QStringLiteral("CAP-01"),        QStringLiteral("CAP-01"),
                       QStringLiteral("CAP-01")}
        << QList<R>{R::Right, R::Right, R::Right, R::Right, R::Right, R::Right, R::OverScan}
        << QList<int>{2, 1, 3} << true;
    QTest::newRow("undo after completion reopens")
        << QStringList{QStringLiteral("5012345678900"),
                       QStringLiteral("x2"),
                       QStringLiteral("TEE-M"),
                       QStringLiteral("CAP-01"),
                       QStringLiteral("x3"),
                       QStringLiteral("undo")}
        << QList<R>{R::Right, R::Quantity, R::Right, R::Right, R::Quantity, R::Undo}
        << QList<int>{2, 1, 1} << false;
}

void TestPackSession::scanSequence()
{
    QFETCH(QStringList, scans);
    QFETCH(QList<ScanResult>, results);
    QFETCH(QList<int>, packed);
    QFETCH(bool, complete);

    PackSession s(order(), boxes());
    QCOMPARE(scans.size(), results.size());
    models::ScanVerdict last;
    for (qsizetype i = 0; i < scans.size(); ++i) {
        last = s.submit(scans.at(i), identify);
        QVERIFY2(
            last.result == results.at(i),
            qPrintable(QStringLiteral("scan %1 \"%2\": %3 (%4)")
                           .arg(i + 1)
                           .arg(scans.at(i), models::scanResultCode(last.result), last.message)));
        QVERIFY(!last.message.isEmpty());
    }
    for (int line = 0; line < s.lineCount(); ++line)
        QCOMPARE(s.packed(line), packed.at(line));
    QCOMPARE(s.isComplete(), complete);
    QCOMPARE(last.complete, complete);
}

void TestPackSession::wrongScanNamesBoth()
{
    PackSession s(order());
    s.scan(QStringLiteral("5012345678900"));
    const models::ScanVerdict v = s.scan(QStringLiteral("4006381333931"), identify);
    QCOMPARE(v.result, ScanResult::Wrong);
    QVERIFY(v.isBad());
    QCOMPARE(v.units, 0);
    QVERIFY2(v.message.contains(QLatin1String("Socks (SOCK-01)")), qPrintable(v.message));
    QVERIFY2(v.message.contains(QStringLiteral("Mug (MUG-01) ×1")), qPrintable(v.message));
    QVERIFY2(v.message.contains(QStringLiteral("Cap (CAP-01) ×3")), qPrintable(v.message));
    QCOMPARE(s.unitsPacked(), 1);
    QVERIFY(s.hadMisScan());
}

void TestPackSession::overScanNamesTheItem()
{
    PackSession s(order());
    s.scan(QStringLiteral("TEE-M"));
    const models::ScanVerdict v = s.scan(QStringLiteral("BR-TEE-M"));
    QCOMPARE(v.result, ScanResult::OverScan);
    QCOMPARE(v.line, 1);
    QVERIFY2(v.message.contains(QLatin1String("One too many: T-shirt M (TEE-M)")),
             qPrintable(v.message));
    QCOMPARE(s.packed(1), 1);
}

void TestPackSession::sameProductOnTwoLines()
{
    PackOrder o = order();
    PackLine again = o.lines.first();
    again.orderLineId = 9;
    again.quantity = 1;
    o.lines.append(again);
    PackSession s(o);
    QCOMPARE(s.scan(QStringLiteral("MUG-01")).line, 0);
    QCOMPARE(s.scan(QStringLiteral("MUG-01")).line, 0);
    QCOMPARE(s.scan(QStringLiteral("MUG-01")).line, 3);
    QCOMPARE(s.scan(QStringLiteral("MUG-01")).result, ScanResult::OverScan);
}

void TestPackSession::undoTakesBackOneStep()
{
    PackSession s(order());
    s.scan(QStringLiteral("CAP-01"));
    s.scan(QStringLiteral("MUG-01"));
    const models::ScanVerdict v = s.undo();
    QCOMPARE(v.result, ScanResult::Undo);
    QCOMPARE(v.line, 0);
    QCOMPARE(v.units, -1);
    QCOMPARE(s.packed(0), 0);
    QCOMPARE(s.packed(2), 1);
    // The x shortcut now applies to the cap again.
    QCOMPARE(s.multiplyLast(3).result, ScanResult::Quantity);
    QCOMPARE(s.packed(2), 3);
}

void TestPackSession::boxSuggestion_data()
{
    QTest::addColumn<QList<models::BoxItem>>("items");
    QTest::addColumn<int>("grams");
    QTest::addColumn<QString>("box"); // empty: none

    using models::BoxItem;
    QTest::newRow("small item: small box")
        << QList<BoxItem>{{100, 80, 50, 1}} << 300 << QStringLiteral("BOX-S");
    QTest::newRow("one mug: too tall for the small box")
        << QList<BoxItem>{{120, 90, 100, 1}} << 400 << QStringLiteral("BOX-M");
    QTest::newRow("flat T-shirt turned to fit the small box")
        << QList<BoxItem>{{20, 200, 150, 1}} << 200 << QStringLiteral("BOX-S");
    QTest::newRow("four mugs by volume: medium")
        << QList<BoxItem>{{120, 90, 100, 4}} << 1600 << QStringLiteral("BOX-M");
    QTest::newRow("long item: large")
        << QList<BoxItem>{{400, 50, 50, 1}} << 500 << QStringLiteral("BOX-L");
    QTest::newRow("heavy: past the small box's limit")
        << QList<BoxItem>{{100, 100, 50, 1}} << 4950 << QStringLiteral("BOX-M");
    QTest::newRow("size unknown") << QList<BoxItem>{{120, 90, 100, 1}, {0, 0, 0, 1}} << 400
                                  << QString();
    QTest::newRow("too big for any box") << QList<BoxItem>{{900, 100, 100, 1}} << 1000 << QString();
    QTest::newRow("no items") << QList<BoxItem>{} << 0 << QString();
}

void TestPackSession::boxSuggestion()
{
    QFETCH(QList<models::BoxItem>, items);
    QFETCH(int, grams);
    QFETCH(QString, box);
    const std::optional<PackBox> b = models::suggestBox(boxes(), items, grams);
    QCOMPARE(b ? b->code : QString(), box);
}

void TestPackSession::sessionSuggestsAndWeighs()
{
    PackSession s(order(), boxes());
    // Mugs 2×1.08 l, T-shirt 1 l, caps 3×3.6 l = 13.96 l: the medium box (10.2 l) is
    // too small by volume, the large one (39.4 l) holds it.
    QCOMPARE(s.suggestedBox()->code, QStringLiteral("BOX-L"));
    QCOMPARE(s.contentWeightGrams(), 2 * 400 + 200 + 3 * 150);
    QCOMPARE(s.estimatedWeightGrams(), 1450 + 350);
    QCOMPARE(s.submit(QStringLiteral("BOX-M")).result, ScanResult::Box);
    QCOMPARE(s.box()->code, QStringLiteral("BOX-M"));
    QCOMPARE(s.estimatedWeightGrams(), 1450 + 180);
    QCOMPARE(s.submit(QStringLiteral("w1.7kg")).result, ScanResult::Weight);
    QCOMPARE(s.weightGrams(), 1700);
}

void TestPackSession::kitLineBecomesItsParts()
{
    const PackOrder o = kitOrder();
    QCOMPARE(o.kits.size(), 1);
    QCOMPARE(o.lines.size(), 3);
    QCOMPARE(o.unitsWanted(), 2 + 4 + 1);
    const struct
    {
        const char *sku;
        qint64 orderLine;
        int kit, perKit, quantity;
    } expected[] = {
        {"MUG-01", 7, 0, 1, 2}, {"COASTER-01", 7, 0, 2, 4}, {"COASTER-01", 8, -1, 0, 1}};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(o.lines.at(i).sku, QString::fromLatin1(expected[i].sku));
        QCOMPARE(o.lines.at(i).orderLineId, expected[i].orderLine);
        QCOMPARE(o.lines.at(i).kit, expected[i].kit);
        QCOMPARE(o.lines.at(i).perKit, expected[i].perKit);
        QCOMPARE(o.lines.at(i).quantity, expected[i].quantity);
    }
    // A kit with nothing left to ship adds no parts.
    PackOrder none;
    models::PackKit shipped = o.kits.first();
    shipped.quantity = 0;
    none.appendKit(shipped, {o.lines.first()});
    QVERIFY(none.lines.isEmpty());
}

void TestPackSession::kitScanSequence_data()
{
    QTest::addColumn<QStringList>("scans");
    QTest::addColumn<QList<ScanResult>>("results");
    QTest::addColumn<QList<int>>("packed"); // per line, after the last scan
    QTest::addColumn<bool>("complete");
    QTest::addColumn<int>("kitsPacked");
    QTest::addColumn<QString>("message"); // the last verdict's message contains it

    using R = ScanResult;
    const QString mug = QStringLiteral("5012345678900");
    const QString coaster = QStringLiteral("4006381333948");
    QTest::newRow("a part's barcode counts against the kit")
        << QStringList{mug} << QList<R>{R::Right} << QList<int>{1, 0, 0} << false << 0
        << QStringLiteral("Mug (MUG-01) for GIFT-01: 1 of 2");
    QTest::newRow("a part's second barcode (UPC-A)")
        << QStringList{QStringLiteral("036000291452")} << QList<R>{R::Right} << QList<int>{1, 0, 0}
        << false << 0 << QStringLiteral("for GIFT-01");
    QTest::newRow("a part's SKU in lower case")
        << QStringList{QStringLiteral("coaster-01")} << QList<R>{R::Right} << QList<int>{0, 1, 0}
        << false << 0 << QStringLiteral("Coaster (COASTER-01) for GIFT-01: 1 of 4");
    QTest::newRow("a part's channel SKU")
        << QStringList{QStringLiteral("AMZ-COASTER")} << QList<R>{R::Right} << QList<int>{0, 1, 0}
        << false << 0 << QStringLiteral("1 of 4");
    QTest::newRow("a part's GS1-128 code")
        << QStringList{QStringLiteral("]C10104006381333948") + QStringLiteral("10LOT9")}
        << QList<R>{R::Right} << QList<int>{0, 1, 0} << false << 0 << QStringLiteral("1 of 4");
    QTest::newRow("the kit's barcode is refused, naming the parts")
        << QStringList{QStringLiteral("5000000000012")} << QList<R>{R::Refused}
        << QList<int>{0, 0, 0} << false << 0
        << QStringLiteral("GIFT-01 (Gift set) is a kit: scan its parts, 2 × MUG-01 and 4 × "
                          "COASTER-01");
    QTest::newRow("the kit's SKU in lower case is refused")
        << QStringList{QStringLiteral("gift-01")} << QList<R>{R::Refused} << QList<int>{0, 0, 0}
        << false << 0 << QStringLiteral("scan its parts, 2 × MUG-01 and 4 × COASTER-01");
    QTest::newRow("the kit's channel SKU is refused")
        << QStringList{QStringLiteral("GIFTSET-AMZ")} << QList<R>{R::Refused} << QList<int>{0, 0, 0}
        << false << 0 << QStringLiteral("is a kit: scan its parts");
    QTest::newRow("the kit's GTIN-14 form is refused")
        << QStringList{QStringLiteral("05000000000012")} << QList<R>{R::Refused}
        << QList<int>{0, 0, 0} << false << 0 << QStringLiteral("is a kit");
    QTest::newRow("refusal names only the parts still wanted")
        << QStringList{mug, QStringLiteral("x2"), QStringLiteral("GIFT-01")}
        << QList<R>{R::Right, R::Quantity, R::Refused} << QList<int>{2, 0, 0} << false << 0
        << QStringLiteral("scan its parts, 4 × COASTER-01");
    QTest::newRow("coasters fill the kit's part first, then the line of their own")
        << QStringList{coaster, coaster, coaster, coaster, coaster}
        << QList<R>{R::Right, R::Right, R::Right, R::Right, R::Right} << QList<int>{0, 4, 1}
        << false << 0 << QStringLiteral("Coaster (COASTER-01): 1 of 1");
    QTest::newRow("a sixth coaster is one too many")
        << QStringList{coaster, QStringLiteral("x4"), coaster, coaster}
        << QList<R>{R::Right, R::Quantity, R::Right, R::OverScan} << QList<int>{0, 4, 1} << false
        << 0 << QStringLiteral("One too many: Coaster (COASTER-01)");
    QTest::newRow("x5 refused: the kit's part wants 4")
        << QStringList{coaster, QStringLiteral("x5")} << QList<R>{R::Right, R::Refused}
        << QList<int>{0, 1, 0} << false << 0 << QStringLiteral("wants only 4");
    QTest::newRow("one whole kit: a mug and two coasters")
        << QStringList{coaster, mug, coaster} << QList<R>{R::Right, R::Right, R::Right}
        << QList<int>{1, 2, 0} << false << 1 << QStringLiteral("2 of 4");
    QTest::newRow("undo takes a part back out of the kit")
        << QStringList{coaster, mug, coaster, QStringLiteral("UNDO")}
        << QList<R>{R::Right, R::Right, R::Right, R::Undo} << QList<int>{1, 1, 0} << false << 0
        << QStringLiteral("Undone: 1 Coaster (COASTER-01) for GIFT-01");
    QTest::newRow("a wrong item names the parts still wanted")
        << QStringList{QStringLiteral("SOCK-01")} << QList<R>{R::Wrong} << QList<int>{0, 0, 0}
        << false << 0 << QStringLiteral("Coaster (COASTER-01) for GIFT-01 ×4");
    QTest::newRow("complete") << QStringList{mug, QStringLiteral("x2"), coaster,
                                             QStringLiteral("x4"), coaster}
                              << QList<R>{R::Right, R::Quantity, R::Right, R::Quantity, R::Right}
                              << QList<int>{2, 4, 1} << true << 2 << QStringLiteral("1 of 1");
    QTest::newRow("the kit scanned when all is packed")
        << QStringList{mug,     QStringLiteral("x2"),     coaster, QStringLiteral("x4"),
                       coaster, QStringLiteral("GIFT-01")}
        << QList<R>{R::Right, R::Quantity, R::Right, R::Quantity, R::Right, R::Refused}
        << QList<int>{2, 4, 1} << true << 2
        << QStringLiteral("its parts are all packed (1 × MUG-01 and 2 × COASTER-01 in each)");
}

void TestPackSession::kitScanSequence()
{
    QFETCH(QStringList, scans);
    QFETCH(QList<ScanResult>, results);
    QFETCH(QList<int>, packed);
    QFETCH(bool, complete);
    QFETCH(int, kitsPacked);
    QFETCH(QString, message);

    PackSession s(kitOrder(), boxes());
    QCOMPARE(scans.size(), results.size());
    models::ScanVerdict last;
    for (qsizetype i = 0; i < scans.size(); ++i) {
        last = s.submit(scans.at(i), identify);
        QVERIFY2(
            last.result == results.at(i),
            qPrintable(QStringLiteral("scan %1 \"%2\": %3 (%4)")
                           .arg(i + 1)
                           .arg(scans.at(i), models::scanResultCode(last.result), last.message)));
    }
    for (int line = 0; line < s.lineCount(); ++line)
        QCOMPARE(s.packed(line), packed.at(line));
    QCOMPARE(s.isComplete(), complete);
    QCOMPARE(s.kitsPacked(0), kitsPacked);
    QVERIFY2(last.message.contains(message), qPrintable(last.message));
    // The kit's own codes are the refusals that are not about an x-count.
    const bool kitScanned =
        last.result == ScanResult::Refused && !scans.last().startsWith(QLatin1Char('x'));
    QCOMPARE(last.kit, kitScanned ? 0 : -1);
}

void TestPackSession::kitRefusalIsNotAMisScan()
{
    PackSession s(kitOrder());
    const models::ScanVerdict v = s.scan(QStringLiteral("5000000000012"));
    QVERIFY(v.isBad());
    QCOMPARE(v.units, 0);
    QCOMPARE(v.line, -1);
    QVERIFY(!s.hadMisScan());
    // The kit's code is not a product the order lacks: the identify function is not asked.
    bool asked = false;
    s.scan(QStringLiteral("GIFT-01"), [&asked](const QString &) {
        asked = true;
        return std::optional<ScannedProduct>();
    });
    QVERIFY(!asked);
    QCOMPARE(s.unitsPacked(), 0);
}

void TestPackSession::kitBoxAndWeightFromParts()
{
    PackOrder o = kitOrder();
    PackSession s(o, boxes());
    // 2 mugs and 5 coasters: 2 × 400 g + 5 × 80 g; the kit's own record plays no part.
    QCOMPARE(s.contentWeightGrams(), 1200);
    QCOMPARE(s.estimatedWeightGrams(), 1200 + 180);
    // Mugs (100 mm tall) do not fit the small box's 80 mm: the medium one.
    QCOMPARE(s.suggestedBox()->code, QStringLiteral("BOX-M"));
    // A part with no size: no suggestion, as for any item.
    o.lines[1].heightMm = 0;
    QVERIFY(!PackSession(o, boxes()).suggestedBox());
}

QTEST_APPLESS_MAIN(TestPackSession)
#include "tst_packsession.moc"
