#include "importers/textdecoder.h"
#include "importers/windows1252.h"

#include <QStringDecoder>
#include <QtTest>

using importers::TextDecoder;
using importers::TextEncoding;

Q_DECLARE_METATYPE(importers::TextEncoding)

namespace {

QByteArray utf16(const QString &text, TextEncoding order, bool bom)
{
    QByteArray bytes;
    if (bom)
        bytes = order == TextEncoding::Utf16LE ? QByteArray("\xff\xfe") : QByteArray("\xfe\xff");
    for (QChar c : text) {
        const char high = char(c.unicode() >> 8);
        const char low = char(c.unicode() & 0xff);
        if (order == TextEncoding::Utf16LE)
            bytes.append(low).append(high);
        else
            bytes.append(high).append(low);
    }
    return bytes;
}

struct Decoded
{
    QString text;
    std::optional<TextEncoding> encoding;
    bool bom = false;
    bool error = false;
};

// Feeds `bytes` in pieces of `piece` bytes (0: all at once).
Decoded decodeInPieces(const QByteArray &bytes, qsizetype piece)
{
    TextDecoder decoder;
    Decoded out;
    if (piece == 0) {
        out.text = decoder.decode(bytes);
    } else {
        for (qsizetype i = 0; i < bytes.size(); i += piece)
            out.text +=
                decoder.decode(QByteArrayView(bytes).sliced(i, std::min(piece, bytes.size() - i)));
    }
    out.text += decoder.finish();
    out.encoding = decoder.encoding();
    out.bom = decoder.hadByteOrderMark();
    out.error = decoder.hasError();
    return out;
}

} // namespace

class TestTextDecoder : public QObject
{
    Q_OBJECT

private slots:
    void detects_data();
    void detects();
    void forcedEncoding_data();
    void forcedEncoding();
    void windows1252MatchesIcu();
    void holdsBackLittle();
    void encodingDoesNotDependOnChunks_data();
    void encodingDoesNotDependOnChunks();
};

void TestTextDecoder::detects_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<TextEncoding>("encoding");
    QTest::addColumn<bool>("bom");
    QTest::addColumn<bool>("error");

    const QString pound = QStringLiteral("sku,price\nA1,\u00a35\ncaf\u00e9,\u20ac3\n");
    const QString longAscii =
        QStringLiteral("order,sku\n") + QStringLiteral("1001,ABC-123\n").repeated(10000); // 130 KB

    QTest::newRow("empty") << QByteArray() << QString() << TextEncoding::Utf8 << false << false;
    QTest::newRow("ascii") << QByteArray("a,b\n1,2\n") << QStringLiteral("a,b\n1,2\n")
                           << TextEncoding::Utf8 << false << false;
    QTest::newRow("ascii shorter than sniff window")
        << QByteArray("ab") << QStringLiteral("ab") << TextEncoding::Utf8 << false << false;
    QTest::newRow("utf8") << pound.toUtf8() << pound << TextEncoding::Utf8 << false << false;
    QTest::newRow("utf8 bom") << QByteArray("\xef\xbb\xbf") + pound.toUtf8() << pound
                              << TextEncoding::Utf8 << true << false;
    QTest::newRow("utf8 bom only")
        << QByteArray("\xef\xbb\xbf") << QString() << TextEncoding::Utf8 << true << false;
    QTest::newRow("utf8 bom then feff kept")
        << QByteArray("\xef\xbb\xbf\xef\xbb\xbfx") << QStringLiteral("\ufeffx")
        << TextEncoding::Utf8 << true << false;
    QTest::newRow("utf8 4-byte") << QStringLiteral("box \U0001F4E6 ok").toUtf8()
                                 << QStringLiteral("box \U0001F4E6 ok") << TextEncoding::Utf8
                                 << false << false;
    QTest::newRow("utf8 first non-ascii after 130 KB")
        << (longAscii + pound).toUtf8() << longAscii + pound << TextEncoding::Utf8 << false
        << false;
    // The 256 bytes from the first non-ASCII one decide; a bad byte later is an error.
    QTest::newRow("utf8 with a bad byte is cp1252")
        << QByteArray("caf\xc3\xa9 \xff!") << QStringLiteral("caf\u00c3\u00a9 \u00ff!")
        << TextEncoding::Windows1252 << false << false;
    QTest::newRow("utf8 with a bad byte past the window")
        << QByteArray("caf\xc3\xa9") + QByteArray(300, 'x') + QByteArray("\xff!")
        << QStringLiteral("caf\u00e9") + QString(300, QLatin1Char('x')) + QStringLiteral("\ufffd!")
        << TextEncoding::Utf8 << false << true;
    QTest::newRow("utf8 cut off at end")
        << QByteArray("caf\xc3\xa9 \xe2\x82") << QStringLiteral("caf\u00e9 \ufffd")
        << TextEncoding::Utf8 << false << true;

    QTest::newRow("utf16le bom") << utf16(pound, TextEncoding::Utf16LE, true) << pound
                                 << TextEncoding::Utf16LE << true << false;
    QTest::newRow("utf16be bom") << utf16(pound, TextEncoding::Utf16BE, true) << pound
                                 << TextEncoding::Utf16BE << true << false;
    QTest::newRow("utf16le no bom") << utf16(pound, TextEncoding::Utf16LE, false) << pound
                                    << TextEncoding::Utf16LE << false << false;
    QTest::newRow("utf16be no bom") << utf16(pound, TextEncoding::Utf16BE, false) << pound
                                    << TextEncoding::Utf16BE << false << false;
    QTest::newRow("utf16le no bom tiny")
        << utf16(QStringLiteral("a"), TextEncoding::Utf16LE, false) << QStringLiteral("a")
        << TextEncoding::Utf16LE << false << false;
    const QString emoji = QStringLiteral("id\tname\n7\t\U0001F600 \u65e5\u672c\n");
    QTest::newRow("utf16le surrogate pair") << utf16(emoji, TextEncoding::Utf16LE, true) << emoji
                                            << TextEncoding::Utf16LE << true << false;
    QTest::newRow("utf16le odd length")
        << utf16(QStringLiteral("ab"), TextEncoding::Utf16LE, true) + 'c'
        << QStringLiteral("ab\ufffd") << TextEncoding::Utf16LE << true << true;

    // Windows-1252: what Excel writes as "CSV" on a Western Windows PC.
    QTest::newRow("cp1252 pound") << QByteArray("price\n\xa3"
                                                "5\n")
                                  << QStringLiteral("price\n\u00a35\n") << TextEncoding::Windows1252
                                  << false << false;
    QTest::newRow("cp1252 e acute") << QByteArray("caf\xe9,1\n") << QStringLiteral("caf\u00e9,1\n")
                                    << TextEncoding::Windows1252 << false << false;
    QTest::newRow("cp1252 0x80-0x9f")
        << QByteArray("\x80 \x93quoted\x94 \x96 \x9f \x8a \x99")
        << QStringLiteral("\u20ac \u201cquoted\u201d \u2013 \u0178 \u0160 \u2122")
        << TextEncoding::Windows1252 << false << false;
    QTest::newRow("cp1252 undefined byte") << QByteArray("a\x81z") << QStringLiteral("a\u0081z")
                                           << TextEncoding::Windows1252 << false << false;
    QTest::newRow("cp1252 after 130 KB of ascii")
        << (longAscii.toLatin1() + QByteArray("caf\xe9\n"))
        << longAscii + QStringLiteral("caf\u00e9\n") << TextEncoding::Windows1252 << false << false;
    QTest::newRow("cp1252 lead byte at very end")
        << QByteArray("abc\xc3") << QStringLiteral("abc\u00c3") << TextEncoding::Windows1252
        << false << false;
    QTest::newRow("cp1252 overlong looks")
        << QByteArray("\xc0\x80") << QStringLiteral("\u00c0\u20ac") << TextEncoding::Windows1252
        << false << false;
    QTest::newRow("cp1252 utf8 surrogate bytes")
        << QByteArray("\xed\xa0\x80") << QStringLiteral("\u00ed\u00a0\u20ac")
        << TextEncoding::Windows1252 << false << false;
}

void TestTextDecoder::detects()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(TextEncoding, encoding);
    QFETCH(bool, bom);
    QFETCH(bool, error);

    // The same answer whole, a byte at a time, and in odd pieces that split
    // BOMs, sequences and surrogate pairs.
    for (qsizetype piece : {0, 1, 2, 3, 7, 4096}) {
        const Decoded decoded = decodeInPieces(bytes, piece);
        QCOMPARE(decoded.text, text);
        QVERIFY(decoded.encoding.has_value());
        QCOMPARE(importers::textEncodingName(*decoded.encoding),
                 importers::textEncodingName(encoding));
        QCOMPARE(decoded.bom, bom);
        QCOMPARE(decoded.error, error);
    }
}

void TestTextDecoder::forcedEncoding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<TextEncoding>("encoding");
    QTest::addColumn<QString>("text");

    // Bytes that would be detected otherwise, read as the caller says.
    QTest::newRow("utf8 bom dropped")
        << QByteArray("\xef\xbb\xbf\xc3\xa9") << TextEncoding::Utf8 << QStringLiteral("\u00e9");
    QTest::newRow("cp1252 reads utf8 bytes as two letters")
        << QByteArray("\xc3\xa9") << TextEncoding::Windows1252 << QStringLiteral("\u00c3\u00a9");
    QTest::newRow("utf16le bom dropped") << QByteArray("\xff\xfe"
                                                       "a\0",
                                                       4)
                                         << TextEncoding::Utf16LE << QStringLiteral("a");
    QTest::newRow("utf16be") << QByteArray("\0a\0b", 4) << TextEncoding::Utf16BE
                             << QStringLiteral("ab");
}

void TestTextDecoder::forcedEncoding()
{
    QFETCH(QByteArray, bytes);
    QFETCH(TextEncoding, encoding);
    QFETCH(QString, text);

    TextDecoder decoder(encoding);
    QCOMPARE(decoder.encoding(), encoding);
    QString decoded;
    for (char c : bytes)
        decoded += decoder.decode(QByteArrayView(&c, 1));
    decoded += decoder.finish();
    QCOMPARE(decoded, text);
    QVERIFY(!decoder.hasError());
}

// Our table against ICU's, where Qt has ICU (Debian's does).
void TestTextDecoder::windows1252MatchesIcu()
{
    QStringDecoder icu("windows-1252");
    if (!icu.isValid())
        QSKIP("this Qt has no ICU codecs");
    QByteArray all(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        all[i] = char(i);
    const QString expected = icu.decode(all);
    const QString ours = importers::decodeWindows1252(all);
    QCOMPARE(ours.size(), 256);
    for (int i = 0; i < 256; ++i)
        QCOMPARE(QString::number(ours.at(i).unicode(), 16),
                 QString::number(expected.at(i).unicode(), 16));
}

// Nothing piles up in the decoder, whatever the encoding.
void TestTextDecoder::holdsBackLittle()
{
    const QByteArray chunk = QStringLiteral("caf\u00e9 \U0001F600,").repeated(1000).toUtf8();
    TextDecoder decoder;
    qsizetype decodedChars = 0;
    for (int round = 0; round < 20; ++round) {
        for (qsizetype i = 0; i < chunk.size(); i += 5) {
            decodedChars += decoder
                                .decode(QByteArrayView(chunk).sliced(
                                    i, std::min<qsizetype>(5, chunk.size() - i)))
                                .size();
            // At most the 512 bytes the encoding is judged on, then the 256 after
            // the first non-ASCII byte, plus the chunk being fed.
            QVERIFY(decoder.pendingBytes() <= 512 + 5);
        }
    }
    decodedChars += decoder.finish().size();
    QCOMPARE(decodedChars, 20 * QStringLiteral("caf\u00e9 \U0001F600,").repeated(1000).size());
    QVERIFY(!decoder.hasError());
}

void TestTextDecoder::encodingDoesNotDependOnChunks_data()
{
    QTest::addColumn<QByteArray>("bytes");
    // Found by fuzzing: a few NULs early on, more than 64 bytes in. Judged on the
    // first 64 bytes when fed a byte at a time and on 512 when fed in one piece, it
    // was read as UTF-16BE one way and Windows-1252 the other.
    QTest::newRow("NULs past the first 64 bytes")
        << QByteArray::fromHex("53616c6573205265636f726420650042007900200049006e000300000070"
                               "652c654261792046756c66696c6c6d696f6e616c205368697070feffff0a"
                               "72feff0a0a0a");
    QTest::newRow("UTF-16LE text after 100 ASCII bytes")
        << (QByteArray(100, 'a') + QByteArray::fromHex("6100620063006400650066006700"));
}

void TestTextDecoder::encodingDoesNotDependOnChunks()
{
    QFETCH(QByteArray, bytes);
    auto decodeIn = [&bytes](qsizetype chunk) {
        TextDecoder decoder;
        QString text;
        for (qsizetype i = 0; i < bytes.size(); i += chunk)
            text +=
                decoder.decode(QByteArrayView(bytes).sliced(i, std::min(chunk, bytes.size() - i)));
        text += decoder.finish();
        return std::make_pair(decoder.encoding(), text);
    };
    const auto whole = decodeIn(bytes.size());
    for (const qsizetype chunk : {1, 2, 3, 7, 64, 65, 511, 513}) {
        const auto cut = decodeIn(chunk);
        QVERIFY2(cut.first == whole.first, qPrintable(QString::number(chunk)));
        QCOMPARE(cut.second, whole.second);
    }
}

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
