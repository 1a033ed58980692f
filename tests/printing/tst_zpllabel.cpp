#include "printing/canvas.h"
#include "printing/zpllabel.h"

#include <QStringDecoder>
#include <QtTest>

using printing::BarcodeKind;
using printing::LabelData;

namespace {

LabelData sampleLabel()
{
    LabelData l;
    l.shipFrom = {QStringLiteral("Acme Goods"),
                  QString(),
                  QStringLiteral("1 Warehouse Rd"),
                  QString(),
                  QStringLiteral("Chicago"),
                  QStringLiteral("IL"),
                  QStringLiteral("60601"),
                  QStringLiteral("US"),
                  QString()};
    l.shipTo = {QStringLiteral("Lee Sample"),
                QString(),
                QStringLiteral("7 Example Ave"),
                QString(),
                QStringLiteral("Austin"),
                QStringLiteral("TX"),
                QStringLiteral("73301"),
                QStringLiteral("US"),
                QString()};
    l.carrier = QStringLiteral("USPS");
    l.service = QStringLiteral("Priority Mail");
    l.trackingNumber = QStringLiteral("9400100000000000000002");
    l.orderNumber = QStringLiteral("#1002");
    l.orderReference = QStringLiteral("BR:shopify:1002");
    l.weightGrams = 540;
    l.parcelNumber = 1;
    l.parcelCount = 1;
    l.shipDate = QDate(2024, 5, 17);
    return l;
}

// One field of a label format as the printer would see it.
struct Field
{
    int x = 0;
    int y = 0;
    QByteArray kind; // "text", "BC", "BQ", "BX", "GB"
    int fontH = 0;
    QStringList lines; // field data, ^FH-decoded, split at ^FB line breaks
    QByteArray rawData;
    QByteArray params; // of the barcode or box command
};

struct Parsed
{
    QString error; // empty when the format is well-formed
    int width = 0;
    int height = 0;
    int module = 0;
    QList<Field> fields;
};

QString decodeHex(const QByteArray &data, QString *error)
{
    QByteArray bytes;
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (data.at(i) != '_') {
            bytes += data.at(i);
            continue;
        }
        bool ok = false;
        const int value = data.mid(i + 1, 2).toInt(&ok, 16);
        if (i + 2 >= data.size() || !ok) {
            *error = QStringLiteral("bad ^FH escape in \"%1\"").arg(QString::fromUtf8(data));
            return QString();
        }
        bytes += char(value);
        i += 2;
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bytes);
    if (utf8.hasError())
        *error = QStringLiteral("field data is not UTF-8: %1").arg(QString::fromUtf8(data));
    return text;
}

// A strict reader of the ZPL subset zplLabel writes. It refuses anything a
// Zebra printer would misread: commands outside ^XA...^XZ, a field without
// ^FS, raw ^ or ~ in field data (they would start a command), unknown
// commands, coordinates or blocks off the label, bad ^FH escapes.
Parsed parseZpl(const QByteArray &zpl)
{
    Parsed p;
    auto fail = [&p](const QString &why) {
        if (p.error.isEmpty())
            p.error = why;
        return p;
    };
    static const QList<QByteArray> known = {"XA", "XZ", "CI", "PW", "LL", "LH", "PO",
                                            "MM", "FX", "FO", "A0", "FB", "FH", "FD",
                                            "FS", "GB", "BY", "BC", "BQ", "BX", "PQ"};
    struct Command
    {
        QByteArray code;
        QByteArray params;
    };
    QList<Command> commands;
    qsizetype i = 0;
    while (i < zpl.size()) {
        const char c = zpl.at(i);
        if (c == '\n' || c == '\r' || c == ' ') {
            ++i;
            continue;
        }
        if (c != '^' && c != '~')
            return fail(QStringLiteral("stray text at byte %1: %2")
                            .arg(i)
                            .arg(QString::fromUtf8(zpl.mid(i, 20))));
        if (c == '~')
            return fail(QStringLiteral("control command ~%1 at byte %2")
                            .arg(QString::fromUtf8(zpl.mid(i + 1, 2)))
                            .arg(i));
        Command command{zpl.mid(i + 1, 2), {}};
        if (!known.contains(command.code))
            return fail(QStringLiteral("unknown command ^%1 at byte %2")
                            .arg(QString::fromUtf8(command.code))
                            .arg(i));
        qsizetype end = i + 3;
        const bool data = command.code == "FD" || command.code == "FX";
        while (end < zpl.size() && zpl.at(end) != '^' && zpl.at(end) != '~' &&
               (data || zpl.at(end) != '\n'))
            ++end;
        command.params = zpl.mid(i + 3, end - i - 3);
        if (command.code == "FX")
            command.params = command.params.trimmed();
        commands.append(command);
        i = end;
    }
    if (commands.isEmpty() || commands.first().code != "XA")
        return fail(QStringLiteral("the format does not start with ^XA"));
    if (commands.last().code != "XZ")
        return fail(QStringLiteral("the format does not end with ^XZ"));

    bool utf8 = false;
    bool open = false;
    bool hex = false;
    bool hasData = false;
    Field field;
    int fontH = 0;
    int fbWidth = 0;
    int fbLines = 0;
    for (qsizetype n = 1; n + 1 < commands.size(); ++n) {
        const Command &cmd = commands.at(n);
        const QList<QByteArray> args = cmd.params.split(',');
        auto arg = [&args](int k) { return k < args.size() ? args.at(k).toInt() : 0; };
        const QString where = QStringLiteral("^%1%2").arg(QString::fromUtf8(cmd.code),
                                                          QString::fromUtf8(cmd.params.left(40)));
        if (cmd.code == "XA" || cmd.code == "XZ")
            return fail(QStringLiteral("nested ^XA/^XZ at %1").arg(where));
        if (cmd.code == "CI") {
            utf8 = cmd.params == "28";
        } else if (cmd.code == "PW") {
            p.width = arg(0);
        } else if (cmd.code == "LL") {
            p.height = arg(0);
        } else if (cmd.code == "BY") {
            p.module = arg(0);
            if (p.module < 1 || p.module > 10)
                return fail(QStringLiteral("module width out of 1..10: %1").arg(where));
        } else if (cmd.code == "FO") {
            if (open)
                return fail(QStringLiteral("^FO before the previous field's ^FS: %1").arg(where));
            if (p.width <= 0 || p.height <= 0)
                return fail(QStringLiteral("^FO before ^PW/^LL"));
            open = true;
            hex = false;
            hasData = false;
            field = Field{arg(0), arg(1), "GB", 0, {}, {}, {}};
            fontH = 0;
            fbWidth = 0;
            fbLines = 0;
            if (field.x < 0 || field.y < 0 || field.x >= p.width || field.y >= p.height)
                return fail(QStringLiteral("field origin off the label: %1").arg(where));
        } else if (cmd.code == "FS") {
            if (!open)
                return fail(QStringLiteral("^FS without a field"));
            if (field.kind != "GB" && !hasData)
                return fail(QStringLiteral("field at %1,%2 has no data").arg(field.x).arg(field.y));
            p.fields.append(field);
            open = false;
        } else if (cmd.code == "FD") {
            if (!open || hasData)
                return fail(QStringLiteral("^FD outside a field: %1").arg(where));
            if (!utf8)
                return fail(QStringLiteral("field data before ^CI28"));
            hasData = true;
            for (const char b : cmd.params) {
                if (static_cast<unsigned char>(b) < 0x20)
                    return fail(QStringLiteral("control character in field data: %1").arg(where));
            }
            field.rawData = cmd.params;
            if (field.kind == "GB")
                field.kind = "text";
            const QList<QByteArray> parts = field.kind == "text" && fbWidth > 0
                                                ? cmd.params.split('\\')
                                                : QList<QByteArray>{cmd.params};
            QByteArray joined;
            for (qsizetype k = 0; k < parts.size(); ++k) {
                QByteArray part = parts.at(k);
                if (k > 0) {
                    if (!part.startsWith('&'))
                        return fail(
                            QStringLiteral("raw backslash in a field block: %1").arg(where));
                    part = part.mid(1);
                }
                QString error;
                const QString text = hex ? decodeHex(part, &error) : QString::fromUtf8(part);
                if (!error.isEmpty())
                    return fail(error);
                field.lines.append(text);
            }
            if (field.kind == "text") {
                if (fontH <= 0)
                    return fail(QStringLiteral("text field without a font: %1").arg(where));
                const int lines = fbWidth > 0 ? fbLines : 1;
                if (field.y + lines * fontH > p.height)
                    return fail(QStringLiteral("text runs off the bottom: %1").arg(where));
                if (fbWidth > 0 && field.lines.size() > fbLines)
                    return fail(QStringLiteral("more lines than the block holds: %1").arg(where));
            }
        } else if (cmd.code == "FH") {
            if (!open || hasData)
                return fail(QStringLiteral("^FH outside a field: %1").arg(where));
            if (!cmd.params.isEmpty())
                return fail(QStringLiteral("only the default _ escape is expected: %1").arg(where));
            hex = true;
        } else if (cmd.code == "A0") {
            if (!open || args.size() != 3 || args.at(0) != "N")
                return fail(QStringLiteral("bad font: %1").arg(where));
            fontH = arg(1);
            field.fontH = fontH;
            if (fontH < 10 || fontH > 32000 || arg(2) < 10)
                return fail(QStringLiteral("font size out of range: %1").arg(where));
        } else if (cmd.code == "FB") {
            if (!open || args.size() != 5)
                return fail(QStringLiteral("bad field block: %1").arg(where));
            fbWidth = arg(0);
            fbLines = arg(1);
            if (fbWidth <= 0 || field.x + fbWidth > p.width || fbLines < 1)
                return fail(QStringLiteral("field block off the label: %1").arg(where));
            if (!QByteArray("LCRJ").contains(args.at(3)))
                return fail(QStringLiteral("bad justification: %1").arg(where));
        } else if (cmd.code == "GB") {
            if (!open)
                return fail(QStringLiteral("^GB outside a field"));
            if (field.x + arg(0) > p.width || field.y + arg(1) > p.height)
                return fail(QStringLiteral("box off the label: %1").arg(where));
            field.params = cmd.params;
        } else if (cmd.code == "BC" || cmd.code == "BQ" || cmd.code == "BX") {
            if (!open)
                return fail(QStringLiteral("barcode outside a field: %1").arg(where));
            field.kind = cmd.code;
            field.params = cmd.params;
            if (args.at(0) != "N")
                return fail(QStringLiteral("unexpected orientation: %1").arg(where));
            if (cmd.code == "BC") {
                if (args.size() != 6 || !QByteArray("NUAD").contains(args.at(5)))
                    return fail(QStringLiteral("bad ^BC: %1").arg(where));
                if (p.module == 0)
                    return fail(QStringLiteral("^BC before ^BY"));
                if (field.y + arg(1) + 40 > p.height)
                    return fail(QStringLiteral("barcode runs off the bottom: %1").arg(where));
            }
            if (cmd.code == "BQ" && (arg(2) < 1 || arg(2) > 10))
                return fail(QStringLiteral("QR magnification out of 1..10: %1").arg(where));
        }
    }
    if (open)
        return fail(QStringLiteral("the last field has no ^FS"));
    return p;
}

// Code 128 field data as the printer encodes it: automatic mode verbatim,
// subset B with '>' invocation codes otherwise.
QString code128Content(const Field &f)
{
    const QString data = f.lines.join(QString());
    if (!f.params.endsWith(",N"))
        return data;
    QString out;
    for (qsizetype i = data.startsWith(QStringLiteral(">:")) ? 2 : 0; i < data.size(); ++i) {
        if (data.at(i) == u'>' && i + 1 < data.size()) {
            const QChar code = data.at(++i);
            out += code == u'0' ? u'>' : code == u'<' ? u'^' : code == u'=' ? u'~' : u'?';
        } else {
            out += data.at(i);
        }
    }
    return out;
}

const Field *findText(const Parsed &p, const QStringList &lines)
{
    for (const Field &f : p.fields) {
        if (f.kind == "text" && f.lines == lines)
            return &f;
    }
    return nullptr;
}

QStringList expectedAddress(const models::Address &a)
{
    QStringList lines = printing::addressLines(a);
    lines.append(printing::countryName(a.country).toUpper());
    return lines;
}

} // namespace

class TestZplLabel : public QObject
{
    Q_OBJECT

private slots:
    void wellFormedAndRoundTrips_data();
    void wellFormedAndRoundTrips();
    void matchesExpectations();
    void dpiScalesCoordinates();
    void fieldDataEscaping_data();
    void fieldDataEscaping();
    void validatorCatchesBrokenFormats_data();
    void validatorCatchesBrokenFormats();
    void refusals();
};

void TestZplLabel::wellFormedAndRoundTrips_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("company");
    QTest::addColumn<QString>("line1");
    QTest::addColumn<QString>("tracking");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<int>("dpi");

    const QString usps = QStringLiteral("9400100000000000000002");
    for (int dpi : {203, 300}) {
        const QByteArray d = ' ' + QByteArray::number(dpi);
        QTest::newRow(("plain" + d).constData())
            << QStringLiteral("Lee Sample") << QString() << QStringLiteral("7 Example Ave") << usps
            << QStringLiteral("BR:shopify:1002") << dpi;
        QTest::newRow(("caret and tilde" + d).constData())
            << QStringLiteral("A^B~C") << QStringLiteral("^XZ~JR Ltd")
            << QStringLiteral("1 ^FS Street~") << usps << QStringLiteral("REF^1~2") << dpi;
        QTest::newRow(("underscore and backslash" + d).constData())
            << QStringLiteral("snake_case_5E") << QStringLiteral("Back\\&Slash Co")
            << QStringLiteral("C:\\path_here") << usps << QStringLiteral("a_b\\c") << dpi;
        QTest::newRow(("control characters" + d).constData())
            << QStringLiteral("Tab\tName") << QStringLiteral("Line\nBreak")
            << QStringLiteral("Bell\x07 St") << usps << QStringLiteral("R1") << dpi;
        QTest::newRow(("cyrillic greek" + d).constData())
            << QStringLiteral("Александра Преображенская") << QStringLiteral("Ελληνικά ΑΕ")
            << QStringLiteral("ул. Садовая, д. 302") << usps << QStringLiteral("Заказ-1002") << dpi;
        QTest::newRow(("cjk arabic emoji" + d).constData())
            << QStringLiteral("山田 太郎") << QStringLiteral("شركة محمد")
            << QStringLiteral("Zoë 😀 Straße 5") << usps << QStringLiteral("注文 1002") << dpi;
        QTest::newRow(("very long lines" + d).constData())
            << QStringLiteral("Maximiliane Konstanze Wilhelmina von Hohenzollern-Sigmaringen")
            << QStringLiteral("International Widgets and Sprockets Manufacturing Cooperative Ltd")
            << QStringLiteral("Apartment 1204, Building C, Riverside Industrial Estate, 4321 "
                              "Northwest Longstreet Boulevard Extension, Unit 7")
            << QStringLiteral("1Z999AA10123456784")
            << QStringLiteral("https://shop.example/orders/1002?ref=label&parcel=1") << dpi;
        QTest::newRow(("tracking with invocation characters" + d).constData())
            << QStringLiteral("Lee") << QString() << QStringLiteral("1 St")
            << QStringLiteral("AB>12^~x_") << QStringLiteral("R") << dpi;
    }
}

// Every label is a well-formed format and every piece of buyer data comes
// back exactly after undoing ^FH, whatever characters it holds.
void TestZplLabel::wellFormedAndRoundTrips()
{
    QFETCH(QString, name);
    QFETCH(QString, company);
    QFETCH(QString, line1);
    QFETCH(QString, tracking);
    QFETCH(QString, reference);
    QFETCH(int, dpi);

    for (BarcodeKind code : {BarcodeKind::QrCode, BarcodeKind::DataMatrix}) {
        LabelData label = sampleLabel();
        label.shipTo.name = name;
        label.shipTo.company = company;
        label.shipTo.line1 = line1;
        label.trackingNumber = tracking;
        label.orderReference = reference;
        label.orderCodeKind = code;
        const bool latin1 =
            reference.toLatin1() == reference.toUtf8() ||
            !reference.contains(QRegularExpression(QStringLiteral("[^\\x00-\\xff]")));
        if (code == BarcodeKind::DataMatrix && !latin1)
            continue; // refused, as refusals() checks
        auto zpl = printing::zplLabel(label, {dpi});
        QVERIFY2(zpl.ok(), qPrintable(zpl.error()));
        const Parsed parsed = parseZpl(*zpl);
        QVERIFY2(parsed.error.isEmpty(),
                 qPrintable(parsed.error + u'\n' + QString::fromUtf8(*zpl)));

        // ^FH-escaped data never holds the characters that would break the format.
        for (const Field &f : parsed.fields) {
            QVERIFY(!f.rawData.contains('^'));
            QVERIFY(!f.rawData.contains('~'));
        }
        QVERIFY2(findText(parsed, {name.trimmed()}), qPrintable(name));
        QVERIFY2(findText(parsed, expectedAddress(label.shipTo)),
                 qPrintable(expectedAddress(label.shipTo).join(u'|')));

        int barcodes = 0;
        for (const Field &f : parsed.fields) {
            if (f.kind == "BC") {
                ++barcodes;
                QCOMPARE(code128Content(f), tracking);
                // The symbol and its quiet zones stay on the label.
                auto symbol = printing::encodeBarcode(BarcodeKind::Code128, tracking);
                QVERIFY(symbol.ok());
                QVERIFY(f.x - 10 * parsed.module >= 0);
                QVERIFY(f.x + (symbol->columns + 10) * parsed.module <= parsed.width);
                // 0.25 mm is the least a carrier's scanner accepts.
                QVERIFY(parsed.module * 25.4 / dpi >= 0.25 - 1e-9);
            } else if (f.kind == "BQ") {
                ++barcodes;
                QCOMPARE(f.lines.join(QString()), QStringLiteral("MA,") + reference);
            } else if (f.kind == "BX") {
                ++barcodes;
                QCOMPARE(f.lines.join(QString()), reference);
            }
        }
        QCOMPARE(barcodes, 2);
    }
}

void TestZplLabel::matchesExpectations()
{
    auto zpl = printing::zplLabel(sampleLabel());
    QVERIFY(zpl.ok());
    QVERIFY(zpl->startsWith("^XA\n^CI28\n^PW812\n^LL1218\n"));
    QVERIFY(zpl->endsWith("^PQ1\n^XZ\n"));
    // USPS's 22 digits pack in subset C: the widest module, 4 dots (0.5 mm), fits.
    QVERIFY2(zpl->contains("^BY4,3,"), zpl->constData());
    QVERIFY(zpl->contains("^BCN,"));
    QVERIFY(zpl->contains(",Y,N,N,A^FH^FD9400100000000000000002^FS"));
    QVERIFY(zpl->contains("^FH^FDMA,BR:shopify:1002^FS"));
    QVERIFY(zpl->contains("^FB"));
    QVERIFY(zpl->contains("^FDLee Sample^FS"));
    QVERIFY(zpl->contains("^FD7 Example Ave\\&Austin TX 73301\\&UNITED STATES^FS"));
    QVERIFY(zpl->contains("^FDUSPS^FS"));
    QVERIFY(zpl->contains("^FDPRIORITY MAIL^FS"));
    QVERIFY(zpl->contains("^FD0.54 kg^FS"));
    QVERIFY(zpl->contains("^FD1 of 1^FS"));

    LabelData dm = sampleLabel();
    dm.orderCodeKind = BarcodeKind::DataMatrix;
    auto withDm = printing::zplLabel(dm, {300, 4, 6, 2});
    QVERIFY(withDm.ok());
    QVERIFY(withDm->contains("^PW1200\n^LL1800\n"));
    QVERIFY(withDm->contains(",200^FH^FDBR:shopify:1002^FS"));
    QVERIFY(withDm->contains("^BXN,"));
    QVERIFY(withDm->contains("^PQ2\n"));

    auto job = printing::zplLabels({sampleLabel(), dm});
    QVERIFY(job.ok());
    QCOMPARE(job->count("^XA"), 2);
    QCOMPARE(job->count("^XZ"), 2);
    for (const QByteArray &format : job->split('Z')) {
        if (format.trimmed().isEmpty() || format.trimmed() == "^X")
            continue;
        // each ^XA...^XZ parses on its own
        QVERIFY(parseZpl(format + 'Z').error.isEmpty());
    }
}

// The same layout at 300 dpi: every text and box field sits at the 203 dpi
// position scaled by 300/203 (within rounding of the millimetre layout), and
// so do the font sizes.
void TestZplLabel::dpiScalesCoordinates()
{
    auto low = printing::zplLabel(sampleLabel(), {203});
    auto high = printing::zplLabel(sampleLabel(), {300});
    QVERIFY(low.ok() && high.ok());
    const Parsed a = parseZpl(*low);
    const Parsed b = parseZpl(*high);
    QVERIFY(a.error.isEmpty() && b.error.isEmpty());
    QCOMPARE(a.width, 812);
    QCOMPARE(a.height, 1218);
    QCOMPARE(b.width, 1200);
    QCOMPARE(b.height, 1800);
    QCOMPARE(a.fields.size(), b.fields.size());
    const qreal k = 300.0 / 203.0;
    int compared = 0;
    for (qsizetype i = 0; i < a.fields.size(); ++i) {
        const Field &f = a.fields.at(i);
        const Field &g = b.fields.at(i);
        QCOMPARE(g.kind, f.kind);
        if (f.kind != "text" && f.kind != "GB")
            continue; // barcodes snap to whole modules
        QVERIFY2(qAbs(g.x - f.x * k) <= 3,
                 qPrintable(QStringLiteral("%1 vs %2").arg(g.x).arg(f.x)));
        QVERIFY2(qAbs(g.y - f.y * k) <= 3,
                 qPrintable(QStringLiteral("%1 vs %2").arg(g.y).arg(f.y)));
        QVERIFY(qAbs(g.fontH - f.fontH * k) <= 3);
        QCOMPARE(g.lines, f.lines);
        ++compared;
    }
    QVERIFY(compared > 15);
    // Barcodes keep a whole-dot module of at least 0.25 mm at both resolutions.
    QCOMPARE(a.module, 4);
    QCOMPARE(b.module, 6);
    LabelData ups = sampleLabel();
    ups.trackingNumber = QStringLiteral("1Z999AA10123456784");
    auto upsLow = printing::zplLabel(ups, {203});
    QVERIFY(upsLow.ok());
    QCOMPARE(parseZpl(*upsLow).module, 3);
}

void TestZplLabel::fieldDataEscaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("escaped");
    QTest::newRow("plain") << QStringLiteral("Lee Sample") << QByteArray("Lee Sample");
    QTest::newRow("caret tilde") << QStringLiteral("A^B~C") << QByteArray("A_5EB_7EC");
    QTest::newRow("underscore") << QStringLiteral("a_b") << QByteArray("a_5Fb");
    QTest::newRow("backslash") << QStringLiteral("x\\&y") << QByteArray("x_5C&y");
    QTest::newRow("controls") << QStringLiteral("a\tb\nc\x7f") << QByteArray("a_09b_0Ac_7F");
    QTest::newRow("utf-8 kept") << QStringLiteral("Zoë 山")
                                << QByteArray("Zo\xc3\xab \xe5\xb1\xb1");
}

void TestZplLabel::fieldDataEscaping()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, escaped);
    QCOMPARE(printing::zplFieldData(text), escaped);
    QString error;
    QCOMPARE(decodeHex(escaped, &error), text);
    QVERIFY(error.isEmpty());
}

void TestZplLabel::validatorCatchesBrokenFormats_data()
{
    QTest::addColumn<QByteArray>("zpl");
    QTest::addColumn<QString>("message");
    const QByteArray head = "^XA\n^CI28\n^PW812\n^LL1218\n";
    QTest::newRow("no XA") << QByteArray("^CI28\n^XZ\n") << QStringLiteral("start with ^XA");
    QTest::newRow("no XZ") << head << QStringLiteral("end with ^XZ");
    QTest::newRow("missing FS") << head + "^FO10,10^A0N,30,30^FDa^FO10,50^A0N,30,30^FDb^FS\n^XZ"
                                << QStringLiteral("before the previous field's ^FS");
    QTest::newRow("raw caret") << head + "^FO10,10^A0N,30,30^FDA^B C^FS\n^XZ"
                               << QStringLiteral("unknown command ^B ");
    QTest::newRow("raw tilde") << head + "^FO10,10^A0N,30,30^FDA~JR^FS\n^XZ"
                               << QStringLiteral("control command ~JR");
    QTest::newRow("off the label")
        << head + "^FO900,10^A0N,30,30^FDa^FS\n^XZ" << QStringLiteral("off the label");
    QTest::newRow("block too wide") << head + "^FO700,10^A0N,30,30^FB200,1,0,L,0^FDa^FS\n^XZ"
                                    << QStringLiteral("field block off the label");
    QTest::newRow("bad escape") << head + "^FO10,10^A0N,30,30^FH^FDa_ZZ^FS\n^XZ"
                                << QStringLiteral("bad ^FH escape");
    QTest::newRow("runs off bottom")
        << head + "^FO10,1200^A0N,60,60^FDa^FS\n^XZ" << QStringLiteral("off the bottom");
    QTest::newRow("data before CI28")
        << QByteArray("^XA\n^PW812\n^LL1218\n^FO1,1^A0N,20,20^FDx^FS\n^XZ")
        << QStringLiteral("before ^CI28");
}

// The validator itself refuses what a printer would misprint.
void TestZplLabel::validatorCatchesBrokenFormats()
{
    QFETCH(QByteArray, zpl);
    QFETCH(QString, message);
    const Parsed parsed = parseZpl(zpl);
    QVERIFY2(parsed.error.contains(message), qPrintable(parsed.error));
}

void TestZplLabel::refusals()
{
    LabelData label = sampleLabel();
    label.trackingNumber = QStringLiteral("9400\u00e9");
    auto zpl = printing::zplLabel(label);
    QVERIFY(!zpl.ok());
    QVERIFY2(zpl.error().startsWith(QStringLiteral("order #1002, parcel 1 of 1: tracking number")),
             qPrintable(zpl.error()));

    label = sampleLabel();
    label.orderCodeKind = BarcodeKind::DataMatrix;
    label.orderReference = QStringLiteral("注文 1002");
    QVERIFY(!printing::zplLabel(label).ok());

    QVERIFY(!printing::zplLabel(sampleLabel(), {150}).ok());
    QVERIFY(!printing::zplLabels({sampleLabel(), label}).ok());
}

QTEST_MAIN(TestZplLabel)
#include "tst_zpllabel.moc"
