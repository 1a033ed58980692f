#include "importers/csvreader.h"

#include <QBuffer>
#include <QTemporaryFile>
#include <QtTest>

using importers::CsvOptions;
using importers::CsvReader;
using importers::CsvRecord;
using namespace Qt::StringLiterals;

namespace {

const QString Source = QStringLiteral("orders.csv");

// Expected fields written "a|b|c" to keep the tables readable.
QStringList fields(const QString &joined)
{
    return joined.split(QLatin1Char('|'));
}

QByteArray utf16le(const QString &text)
{
    QByteArray bytes("\xff\xfe");
    for (QChar c : text)
        bytes.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
    return bytes;
}

struct ReadAll
{
    QList<QStringList> records;
    QList<qint64> lines;
    QChar delimiter;
    models::Status status;
    qsizetype maxBuffered = 0;
};

ReadAll readAll(QIODevice &device, const CsvOptions &options)
{
    CsvReader reader(device, Source, options);
    ReadAll out;
    CsvRecord record;
    while (reader.next(record)) {
        out.records.append(record.fields);
        out.lines.append(record.line);
        out.maxBuffered = std::max(out.maxBuffered, reader.bufferedBytes());
    }
    // Finished stays finished, and an error stays.
    if (reader.next(record))
        out.status = models::Error{QStringLiteral("next() returned a record after the end")};
    else
        out.status = reader.status();
    out.delimiter = reader.delimiter();
    return out;
}

ReadAll readBytes(const QByteArray &bytes, const CsvOptions &options)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readAll(buffer, options);
}

// Hands out its data, then fails like a disk error or a dropped network share.
class FailingDevice : public QIODevice
{
public:
    explicit FailingDevice(QByteArray data) : m_data(std::move(data))
    {
        open(ReadOnly | Unbuffered);
    }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        if (m_data.isEmpty()) {
            setErrorString(QStringLiteral("Input/output error"));
            return -1;
        }
        const qint64 n = std::min<qint64>(max, m_data.size());
        std::copy_n(m_data.constData(), n, out);
        m_data.remove(0, n);
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
};

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void reads_data();
    void reads();
    void refuses_data();
    void refuses();
    void delimiterSniffIgnoresChunks();
    void readError();
    void largeFileInConstantMemory();
    void runawayQuoteStopsEarly();
    void fixtureFiles_data();
    void fixtureFiles();
};

void TestCsvReader::reads_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QChar>("delimiter"); // null: sniff
    QTest::addColumn<QList<QStringList>>("records");
    QTest::addColumn<QList<qint64>>("lines");
    QTest::addColumn<QChar>("usedDelimiter");

    const QChar sniff;
    const QChar comma = u',';
    using Records = QList<QStringList>;
    using Lines = QList<qint64>;

    QTest::newRow("lf") << QByteArray("a,b,c\n1,2,3\n") << sniff
                        << Records{fields(u"a|b|c"_s), fields(u"1|2|3"_s)} << Lines{1, 2} << comma;
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << sniff
                          << Records{fields(u"a|b"_s), fields(u"1|2"_s)} << Lines{1, 2} << comma;
    QTest::newRow("lone cr") << QByteArray("a,b\r1,2\r") << sniff
                             << Records{fields(u"a|b"_s), fields(u"1|2"_s)} << Lines{1, 2} << comma;
    QTest::newRow("mixed line ends")
        << QByteArray("a\r\nb\nc\rd") << sniff << Records{{u"a"_s}, {u"b"_s}, {u"c"_s}, {u"d"_s}}
        << Lines{1, 2, 3, 4} << comma;
    QTest::newRow("last line without newline")
        << QByteArray("a,b\n1,2") << sniff << Records{fields(u"a|b"_s), fields(u"1|2"_s)}
        << Lines{1, 2} << comma;
    QTest::newRow("quoted delimiters")
        << QByteArray("name,address\n\"Smith, J\",\"1 High St, Leeds\"\n") << sniff
        << Records{fields(u"name|address"_s), fields(u"Smith, J|1 High St, Leeds"_s)} << Lines{1, 2}
        << comma;
    QTest::newRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\n") << sniff
                                    << Records{fields(u"say \"hi\"|\""_s)} << Lines{1} << comma;
    QTest::newRow("quoted lf") << QByteArray("id,note\n1,\"line one\nline two\"\n2,x\n") << sniff
                               << Records{fields(u"id|note"_s), fields(u"1|line one\nline two"_s),
                                          fields(u"2|x"_s)}
                               << Lines{1, 2, 4} << comma;
    QTest::newRow("quoted crlf kept as is")
        << QByteArray("id,note\r\n1,\"a\r\nb\"\r\n2,x\r\n") << sniff
        << Records{fields(u"id|note"_s), fields(u"1|a\r\nb"_s), fields(u"2|x"_s)} << Lines{1, 2, 4}
        << comma;
    QTest::newRow("quoted lone cr")
        << QByteArray("1,\"a\rb\"\n2,x") << sniff << Records{fields(u"1|a\rb"_s), fields(u"2|x"_s)}
        << Lines{1, 3} << comma;
    QTest::newRow("multi-line record numbering")
        << QByteArray("h\n\"a\n\nb\r\nc\"\nnext\n\n\"x\ny\"") << sniff
        << Records{{u"h"_s}, {u"a\n\nb\r\nc"_s}, {u"next"_s}, {u"x\ny"_s}} << Lines{1, 2, 6, 8}
        << comma;
    QTest::newRow("tab sniffed") << QByteArray("order-id\tsku\tqty\n114-1\tA,B\t2\n") << sniff
                                 << Records{fields(u"order-id|sku|qty"_s), fields(u"114-1|A,B|2"_s)}
                                 << Lines{1, 2} << QChar(u'\t');
    QTest::newRow("semicolon sniffed")
        << QByteArray("sku;price;name\nA1;3,50;x\n") << sniff
        << Records{fields(u"sku|price|name"_s), fields(u"A1|3,50|x"_s)} << Lines{1, 2}
        << QChar(u';');
    QTest::newRow("sniff skips quoted text and blank lines")
        << QByteArray("\r\n\"a,b,c\"\t\"d\"\n1\t2\n") << sniff
        << Records{fields(u"a,b,c|d"_s), fields(u"1|2"_s)} << Lines{2, 3} << QChar(u'\t');
    QTest::newRow("sniff tie is comma")
        << QByteArray("a;b,c\n") << sniff << Records{fields(u"a;b|c"_s)} << Lines{1} << comma;
    QTest::newRow("given delimiter")
        << QByteArray("a,b;c\n1,2;3\n") << QChar(u';')
        << Records{fields(u"a,b|c"_s), fields(u"1,2|3"_s)} << Lines{1, 2} << QChar(u';');
    QTest::newRow("single column") << QByteArray("sku\nA1\n") << sniff
                                   << Records{{u"sku"_s}, {u"A1"_s}} << Lines{1, 2} << comma;
    QTest::newRow("trailing delimiter")
        << QByteArray("a,b,\n1,2,\n") << sniff << Records{fields(u"a|b|"_s), fields(u"1|2|"_s)}
        << Lines{1, 2} << comma;
    QTest::newRow("trailing delimiter at eof")
        << QByteArray("a,b,") << sniff << Records{fields(u"a|b|"_s)} << Lines{1} << comma;
    QTest::newRow("empty fields") << QByteArray(",,\n,x,\n") << sniff
                                  << Records{fields(u"||"_s), fields(u"|x|"_s)} << Lines{1, 2}
                                  << comma;
    QTest::newRow("empty quoted fields")
        << QByteArray("\"\",\"\"\n\"\"") << sniff << Records{fields(u"|"_s), {QString()}}
        << Lines{1, 2} << comma;
    QTest::newRow("blank lines skipped, counted")
        << QByteArray("\n\na,b\n\n\r\n1,2\n\n") << sniff
        << Records{fields(u"a|b"_s), fields(u"1|2"_s)} << Lines{3, 6} << comma;
    QTest::newRow("whitespace kept")
        << QByteArray(" a , b \n") << sniff << Records{fields(u" a | b "_s)} << Lines{1} << comma;
    QTest::newRow("stray quote in unquoted field")
        << QByteArray("15\" screen,ab\"c\"\n") << sniff << Records{fields(u"15\" screen|ab\"c\""_s)}
        << Lines{1} << comma;
    QTest::newRow("text after closing quote")
        << QByteArray("\"ab\"c,d\n") << sniff << Records{fields(u"abc|d"_s)} << Lines{1} << comma;
    QTest::newRow("quote after a space is text")
        << QByteArray("x, \"a,b\"\n") << sniff << Records{fields(u"x| \"a|b\""_s)} << Lines{1}
        << comma;
    QTest::newRow("quoted field at eof")
        << QByteArray("a,\"b\"") << sniff << Records{fields(u"a|b"_s)} << Lines{1} << comma;
    QTest::newRow("utf8 bom") << QByteArray("\xef\xbb\xbfsku,name\nA1,caf\xc3\xa9\n") << sniff
                              << Records{fields(u"sku|name"_s), fields(u"A1|caf\u00e9"_s)}
                              << Lines{1, 2} << comma;
    QTest::newRow("utf16le bom tsv (amazon)")
        << utf16le(u"order-id\tsku\r\n114-1\t\u00c9t\u00e9 \u20ac\r\n"_s) << sniff
        << Records{fields(u"order-id|sku"_s), fields(u"114-1|\u00c9t\u00e9 \u20ac"_s)}
        << Lines{1, 2} << QChar(u'\t');
    QTest::newRow("cp1252") << QByteArray("sku,price,name\nA1,\xa3"
                                          "5,caf\xe9\n")
                            << sniff
                            << Records{fields(u"sku|price|name"_s),
                                       fields(u"A1|\u00a35|caf\u00e9"_s)}
                            << Lines{1, 2} << comma;
    QTest::newRow("empty file") << QByteArray() << sniff << Records{} << Lines{} << comma;
    QTest::newRow("only blank lines")
        << QByteArray("\n\r\n\r") << sniff << Records{} << Lines{} << comma;
    QTest::newRow("last line is one delimiter")
        << QByteArray("a\n,") << sniff << Records{{u"a"_s}, fields(u"|"_s)} << Lines{1, 2} << comma;
}

void TestCsvReader::reads()
{
    QFETCH(QByteArray, input);
    QFETCH(QChar, delimiter);
    QFETCH(QList<QStringList>, records);
    QFETCH(QList<qint64>, lines);
    QFETCH(QChar, usedDelimiter);

    // Tiny chunks split CRLFs, quotes, doubled quotes and UTF-8 sequences
    // across reads; the answer must not change.
    for (qsizetype chunk : {1, 2, 3, 5, 64 * 1024}) {
        CsvOptions options;
        options.delimiter = delimiter;
        options.chunkBytes = chunk;
        const ReadAll result = readBytes(input, options);
        QVERIFY2(result.status.ok(), qPrintable(result.status.error()));
        QCOMPARE(result.records, records);
        QCOMPARE(result.lines, lines);
        QCOMPARE(result.delimiter, usedDelimiter);
    }
}

void TestCsvReader::refuses_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<int>("maxFieldChars");
    QTest::addColumn<int>("maxFields");
    QTest::addColumn<int>("goodRecords"); // read before the error
    QTest::addColumn<QString>("message");

    QTest::newRow("unclosed quote")
        << QByteArray("sku,note\nA1,\"never closed\nA2,x\nA3,y\n") << QChar() << 1024 << 100 << 1
        << u"file orders.csv, row 2, field 2: the quote opened here is "
           "never closed (the file ends inside the field)"_s;
    QTest::newRow("unclosed quote after multi-line record")
        << QByteArray("a,b\n\"1\n2\",x\n\n3,\"4") << QChar() << 1024 << 100 << 2
        << u"file orders.csv, row 5, field 2: the quote opened here is never closed (the file "
           "ends inside the field)"_s;
    QTest::newRow("long unquoted field")
        << QByteArray("a,b\nshort,0123456789X\n") << QChar() << 10 << 100 << 1
        << u"file orders.csv, row 2, field 2: the field is longer "
           "than 10 characters"_s;
    QTest::newRow("long quoted field over lines")
        << QByteArray("a\n\"x\ny\nzzzzzzzzzz\"\n") << QChar() << 10 << 100 << 1
        << u"file orders.csv, row 2, field 1: the field is longer than 10 characters; is the "
           "quote opened here never closed?"_s;
    QTest::newRow("exactly the limit is fine, one more is not")
        << QByteArray("0123456789\n0123456789A\n") << QChar() << 10 << 100 << 1
        << u"file orders.csv, row 2, field 1: the field is longer than 10 characters"_s;
    QTest::newRow("too many fields") << QByteArray("a,b,c\n1,2,3,4\n") << QChar() << 1024 << 3 << 1
                                     << u"file orders.csv, row 2, field 4: more than 3 fields in "
                                        "one record"_s;
    QTest::newRow("quote as delimiter") << QByteArray("a,b\n") << QChar(u'"') << 1024 << 100 << 0
                                        << u"file orders.csv: the delimiter cannot be a quote or a "
                                           "line break"_s;
}

void TestCsvReader::refuses()
{
    QFETCH(QByteArray, input);
    QFETCH(QChar, delimiter);
    QFETCH(int, maxFieldChars);
    QFETCH(int, maxFields);
    QFETCH(int, goodRecords);
    QFETCH(QString, message);

    for (qsizetype chunk : {1, 3, 64 * 1024}) {
        CsvOptions options;
        options.delimiter = delimiter;
        options.maxFieldChars = maxFieldChars;
        options.maxFieldsPerRecord = maxFields;
        options.chunkBytes = chunk;
        const ReadAll result = readBytes(input, options);
        QVERIFY(!result.status.ok());
        QCOMPARE(result.status.error(), message);
        QCOMPARE(result.records.size(), goodRecords);
    }
}

void TestCsvReader::delimiterSniffIgnoresChunks()
{
    // Found by fuzzing: a first line longer than the field limit, commas early and
    // tabs late. The sniff looked only as far as was buffered, so 64 KiB chunks saw
    // the tabs and 1-byte chunks did not.
    const QByteArray line = QByteArray("a,b,c,") + QByteArray(100, 'x') + QByteArray(10, '\t');
    for (const qsizetype chunk : {1, 7, 64 * 1024}) {
        CsvOptions options;
        options.maxFieldChars = 64;
        options.chunkBytes = chunk;
        const ReadAll result = readBytes(line + "\n", options);
        QCOMPARE(result.delimiter, QChar(u','));
    }
}

void TestCsvReader::readError()
{
    // More than the decoder's 512-byte sniffing window, so records come out
    // before the device fails.
    FailingDevice device(QByteArray("a,b\n") + QByteArray("1,2\n").repeated(140) + "3,");
    CsvOptions options;
    options.chunkBytes = 4;
    const ReadAll result = readAll(device, options);
    QVERIFY(!result.status.ok());
    QCOMPARE(result.status.error(), u"file orders.csv, row 142: read error: Input/output error"_s);
    // The records before the failure were complete; the one it cut is not returned.
    QCOMPARE(result.records.size(), 141);
    QCOMPARE(result.records.last(), fields(u"1|2"_s));
}

// ~20 MB read record by record: the reader's buffers stay the size of a chunk
// or two, so a 2 GB export would need no more.
void TestCsvReader::largeFileInConstantMemory()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray header("order-id,sku,note,total\r\n");
    QCOMPARE(file.write(header), qint64(header.size()));
    const int rows = 320000;
    QByteArray block;
    for (int i = 0; i < rows; ++i) {
        block += QByteArray::number(100000 + i) + ",SKU-" + QByteArray::number(i % 977) +
                 ",\"Gift wrap, please\nsay \"\"Happy birthday\"\"\"," +
                 QByteArray::number(i % 100) + ".99\r\n";
        if (block.size() > 1024 * 1024) {
            QCOMPARE(file.write(block), qint64(block.size()));
            block.clear();
        }
    }
    QCOMPARE(file.write(block), qint64(block.size()));
    QVERIFY(file.flush());
    QVERIFY(file.size() > 20'000'000);
    QVERIFY(file.seek(0));

    CsvOptions options; // 64 KiB chunks
    CsvReader reader(file, Source, options);
    CsvRecord record;
    qint64 count = 0;
    qsizetype maxBuffered = 0;
    QVERIFY(reader.next(record));
    QCOMPARE(record.fields, fields(u"order-id|sku|note|total"_s));
    while (reader.next(record)) {
        if (record.fields.size() != 4 ||
            record.fields.at(2) != u"Gift wrap, please\nsay \"Happy birthday\""_s)
            QFAIL(qPrintable(QStringLiteral("bad record at row %1").arg(record.line)));
        ++count;
        maxBuffered = std::max(maxBuffered, reader.bufferedBytes());
    }
    QVERIFY2(reader.status().ok(), qPrintable(reader.status().error()));
    QCOMPARE(count, qint64(rows));
    QCOMPARE(record.fields.at(0), QString::number(100000 + rows - 1));
    QCOMPARE(record.line, qint64(2 + 2 * (rows - 1))); // every record spans two lines
    // A decoded chunk is up to 2 bytes per input byte, QString grows by up to
    // half again, plus the raw chunk: 5 chunks, 320 KiB, is the ceiling.
    QVERIFY2(maxBuffered <= 5 * options.chunkBytes,
             qPrintable(QStringLiteral("buffered %1 bytes").arg(maxBuffered)));
}

// A quote never closed would otherwise swallow the whole file into one field.
void TestCsvReader::runawayQuoteStopsEarly()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    QByteArray data("sku,note\nA1,\"oops\n");
    const QByteArray line("A2,ordinary line of an export\n");
    while (data.size() < 6 * 1024 * 1024)
        data += line;
    QCOMPARE(file.write(data), qint64(data.size()));
    QVERIFY(file.seek(0));

    CsvReader reader(file, Source);
    CsvRecord record;
    QVERIFY(reader.next(record));
    QVERIFY(!reader.next(record));
    QCOMPARE(reader.status().error(),
             u"file orders.csv, row 2, field 2: the field is longer than 1048576 characters; is "
             "the quote opened here never closed?"_s);
    QVERIFY2(file.pos() < 2 * 1024 * 1024, qPrintable(QString::number(file.pos())));
}

void TestCsvReader::fixtureFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<int>("records");
    QTest::addColumn<QStringList>("lastRecord");
    QTest::addColumn<qint64>("lastLine");

    QTest::newRow("shopify utf8 bom crlf")
        << u"shopify_orders_utf8bom.csv"_s << u"UTF-8"_s << QChar(u',') << 4
        << QStringList{u"#1003"_s, u"Zo\u00eb M\u00fcller"_s, u"Flat 2\r\n5 Rue de l'\u00c9glise"_s,
                       u"EUR"_s, u"12,50"_s}
        << qint64(5);
    QTest::newRow("amazon utf16le tsv")
        << u"amazon_orders_utf16le.txt"_s << u"UTF-16LE"_s << QChar(u'\t') << 3
        << QStringList{u"206-7654321-7654321"_s, u"B2-MUG"_s, u"Mug \"Best Boss\" \u2013 11oz"_s,
                       u"1"_s, u"\u00a38.99"_s}
        << qint64(3);
    QTest::newRow("excel cp1252 semicolons")
        << u"excel_products_cp1252.csv"_s << u"Windows-1252"_s << QChar(u';') << 4
        << QStringList{u"C3"_s, u"Cr\u00e8me br\u00fbl\u00e9e set"_s, u"\u20ac 14,95"_s}
        << qint64(5);
}

// Small files as the channels and Excel write them, kept in tests/data/csv.
void TestCsvReader::fixtureFiles()
{
    QFETCH(QString, name);
    QFETCH(QString, encoding);
    QFETCH(QChar, delimiter);
    QFETCH(int, records);
    QFETCH(QStringList, lastRecord);
    QFETCH(qint64, lastLine);

    QFile file(QStringLiteral(BACKROOM_TEST_DATA_DIR "/csv/") + name);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    CsvReader reader(file, name);
    CsvRecord record;
    int count = 0;
    while (reader.next(record))
        ++count;
    QVERIFY2(reader.status().ok(), qPrintable(reader.status().error()));
    QVERIFY(reader.encoding().has_value());
    QCOMPARE(importers::textEncodingName(*reader.encoding()), encoding);
    QVERIFY(!reader.hadEncodingErrors());
    QCOMPARE(reader.delimiter(), delimiter);
    QCOMPARE(count, records);
    QCOMPARE(record.fields, lastRecord);
    QCOMPARE(record.line, lastLine);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
