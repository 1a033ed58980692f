#include "importers/textdecoder.h"

#include "importers/windows1252.h"

#include <QStringDecoder>

#include <algorithm>
#include <utility>

namespace importers {

// Qt 6.4's QStringDecoder carries a sequence cut at a chunk boundary over to
// the next call but has no way to flush at the end of the stream; its protected
// state says whether bytes are still waiting, so a truncated file is noticed.
class TextDecoder::StreamDecoder : public QStringDecoder
{
public:
    using QStringDecoder::QStringDecoder;
    bool endsMidSequence() const { return state.remainingChars != 0; }
};

namespace {

// The NUL pattern of UTF-16 is judged on exactly this many leading bytes (fewer
// only in a shorter file), so the answer never depends on how the stream is cut.
constexpr qsizetype NulWindow = 512;
// Decided once this many bytes are in: the BOM and the whole NUL window.
constexpr qsizetype SniffBytes = NulWindow;

// How many bytes from the first one above 0x7F decide between UTF-8 and
// Windows-1252. A fixed window, so the answer never depends on chunk sizes.
constexpr qsizetype Utf8Window = 256;

// Strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF):
// Windows-1252 text almost never passes, because its accented letters are
// lone bytes above 0x7F followed by ASCII. A sequence cut off by the end of the
// window is fine if more data follows (`streamEnds` false), or if it follows a
// valid sequence (a truncated UTF-8 file, which the decoder then flags).
bool looksLikeUtf8(QByteArrayView bytes, bool streamEnds)
{
    const qsizetype n = bytes.size();
    bool sawSequence = false;
    qsizetype i = 0;
    while (i < n) {
        const uchar c = uchar(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        uchar low = 0x80; // allowed range of the second byte
        uchar high = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            length = 2;
        } else if (c >= 0xe0 && c <= 0xef) {
            length = 3;
            if (c == 0xe0)
                low = 0xa0; // overlong
            if (c == 0xed)
                high = 0x9f; // surrogates
        } else if (c >= 0xf0 && c <= 0xf4) {
            length = 4;
            if (c == 0xf0)
                low = 0x90; // overlong
            if (c == 0xf4)
                high = 0x8f; // past U+10FFFF
        } else {
            return false;
        }
        for (int k = 1; k < length; ++k) {
            if (i + k >= n)
                return !streamEnds || sawSequence;
            const uchar d = uchar(bytes[i + k]);
            if (d < (k == 1 ? low : 0x80) || d > (k == 1 ? high : 0xbf))
                return false;
        }
        sawSequence = true;
        i += length;
    }
    return true;
}

// ASCII in UTF-16 has a NUL as the high byte of every character: at odd
// offsets in little endian, at even ones in big endian. Text in other scripts
// has fewer NULs, so a quarter is enough; 8-bit encodings have none.
std::optional<TextEncoding> sniffUtf16(QByteArrayView head)
{
    const qsizetype pairs = std::min(head.size(), NulWindow) / 2;
    qsizetype evenNuls = 0;
    qsizetype oddNuls = 0;
    for (qsizetype i = 0; i < pairs; ++i) {
        evenNuls += head[2 * i] == '\0';
        oddNuls += head[2 * i + 1] == '\0';
    }
    if (oddNuls > 0 && oddNuls * 4 >= pairs && evenNuls * 8 <= oddNuls)
        return TextEncoding::Utf16LE;
    if (evenNuls > 0 && evenNuls * 4 >= pairs && oddNuls * 8 <= evenNuls)
        return TextEncoding::Utf16BE;
    return std::nullopt;
}

QStringConverter::Encoding qtEncoding(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf16LE:
        return QStringConverter::Utf16LE;
    case TextEncoding::Utf16BE:
        return QStringConverter::Utf16BE;
    default:
        return QStringConverter::Utf8;
    }
}

} // namespace

QString textEncodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case TextEncoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case TextEncoding::Windows1252:
        return QStringLiteral("Windows-1252");
    }
    return QString();
}

TextDecoder::TextDecoder() = default;

TextDecoder::TextDecoder(std::optional<TextEncoding> encoding)
{
    if (!encoding)
        return;
    m_encoding = encoding;
    m_stage = Stage::Decided;
    if (*encoding != TextEncoding::Windows1252) // QStringDecoder's default drops a leading BOM
        m_decoder = std::make_unique<StreamDecoder>(qtEncoding(*encoding));
}

TextDecoder::~TextDecoder() = default;

bool TextDecoder::hasError() const
{
    return m_error || (m_decoder && m_decoder->hasError());
}

QString TextDecoder::decode(QByteArrayView bytes)
{
    switch (m_stage) {
    case Stage::Decided:
        return decodeDecided(bytes);
    case Stage::AsciiSoFar:
        if (m_pending.isEmpty())
            return takeAscii(bytes, false);
        m_pending.append(bytes);
        return takeAscii(std::exchange(m_pending, {}), false);
    case Stage::Sniffing:
        m_pending.append(bytes);
        return sniff(false);
    }
    return QString();
}

void TextDecoder::decodeAppending(QByteArrayView bytes, QString &text)
{
    if (m_stage == Stage::Decided)
        appendDecided(bytes, text);
    else
        text += decode(bytes);
}

QString TextDecoder::finish()
{
    QString text;
    if (m_stage == Stage::Sniffing)
        text = sniff(true);
    if (m_stage == Stage::AsciiSoFar) {
        if (!m_pending.isEmpty())
            text += takeAscii(std::exchange(m_pending, {}), true);
        if (m_stage == Stage::AsciiSoFar)
            decide(TextEncoding::Utf8); // nothing but ASCII, which is valid UTF-8
    }
    // A sequence held back for its next bytes that never came: given to the
    // decoder now, it is left mid-sequence and becomes U+FFFD just below.
    if (m_stage == Stage::Decided && m_decoder && !m_pending.isEmpty())
        text += m_decoder->decode(std::exchange(m_pending, {}));
    if (m_decoder && m_decoder->endsMidSequence()) {
        text += QChar(QChar::ReplacementCharacter);
        m_error = true;
        m_decoder = std::make_unique<StreamDecoder>(qtEncoding(*m_encoding),
                                                    QStringConverter::Flag::ConvertInitialBom);
    }
    return text;
}

QString TextDecoder::sniff(bool atEnd)
{
    if (!atEnd && m_pending.size() < SniffBytes)
        return QString();

    const QByteArrayView head(m_pending);
    std::optional<TextEncoding> found;
    qsizetype bomLength = 0;
    if (head.startsWith("\xef\xbb\xbf")) {
        found = TextEncoding::Utf8;
        bomLength = 3;
    } else if (head.startsWith("\xff\xfe")) {
        found = TextEncoding::Utf16LE;
        bomLength = 2;
    } else if (head.startsWith("\xfe\xff")) {
        found = TextEncoding::Utf16BE;
        bomLength = 2;
    } else {
        found = sniffUtf16(head);
    }

    QByteArray bytes = std::exchange(m_pending, {});
    if (!found) {
        m_stage = Stage::AsciiSoFar;
        return takeAscii(bytes, atEnd);
    }
    m_hadBom = bomLength > 0;
    decide(*found);
    return decodeDecided(QByteArrayView(bytes).sliced(bomLength));
}

QString TextDecoder::takeAscii(QByteArrayView bytes, bool atEnd)
{
    const auto firstHigh =
        std::find_if(bytes.begin(), bytes.end(), [](char c) { return uchar(c) >= 0x80; });
    if (firstHigh == bytes.end())
        return QString::fromLatin1(bytes);

    const qsizetype asciiLength = firstHigh - bytes.begin();
    QString text = QString::fromLatin1(bytes.first(asciiLength));
    const QByteArrayView rest = bytes.sliced(asciiLength);
    if (!atEnd && rest.size() < Utf8Window) {
        m_pending = rest.toByteArray(); // wait for a full window
        return text;
    }
    const QByteArrayView window = rest.first(std::min(rest.size(), Utf8Window));
    const bool streamEnds = atEnd && rest.size() <= Utf8Window;
    decide(looksLikeUtf8(window, streamEnds) ? TextEncoding::Utf8 : TextEncoding::Windows1252);
    return text + decodeDecided(rest);
}

void TextDecoder::decide(TextEncoding encoding)
{
    m_encoding = encoding;
    m_stage = Stage::Decided;
    // Any BOM is already gone; a U+FEFF after it is content and must stay.
    if (encoding != TextEncoding::Windows1252) {
        m_decoder = std::make_unique<StreamDecoder>(qtEncoding(encoding),
                                                    QStringConverter::Flag::ConvertInitialBom);
    }
}

QString TextDecoder::decodeDecided(QByteArrayView bytes)
{
    QString text;
    appendDecided(bytes, text);
    return text;
}

// Qt 6.4's decoders keep a sequence cut at the end of one call for the next,
// but the UTF-8 one mishandles a broken one: after a lone lead byte (0xEB, an
// "ë" saved as Windows-1252) that ends a chunk, it takes the next chunk's first
// byte into the bad sequence and drops it, so a quote or delimiter vanished or
// not depending on where the chunks fell. So the decoder is never left
// mid-sequence: the bytes of a sequence cut at the end are held back here and
// given to it with the next chunk, where it sees the whole and always reads it
// the same way.
void TextDecoder::appendDecided(QByteArrayView bytes, QString &text)
{
    if (m_encoding == TextEncoding::Windows1252) {
        text += decodeWindows1252(bytes);
        return;
    }
    QByteArray joined;
    if (!m_pending.isEmpty()) {
        joined = std::exchange(m_pending, {});
        joined.append(bytes);
        bytes = joined;
    }
    const qsizetype cut = cutSequenceLength(bytes);
    if (cut > 0) {
        m_pending = bytes.last(cut).toByteArray();
        bytes.chop(cut);
    }
    // Decoded straight into the text's free space: no temporary string per chunk.
    const qsizetype start = text.size();
    text.resize(start + m_decoder->requiredSpace(bytes.size()));
    const QChar *end = m_decoder->appendToBuffer(text.data() + start, bytes);
    text.truncate(end - text.constData());
}

// How many bytes at the end of `bytes` begin a sequence that continues past
// them: the start of a UTF-8 multi-byte character, or in UTF-16 an odd byte
// and a high surrogate waiting for its low one.
qsizetype TextDecoder::cutSequenceLength(QByteArrayView bytes) const
{
    const qsizetype size = bytes.size();
    if (m_encoding == TextEncoding::Utf8) {
        for (qsizetype back = 1; back <= std::min<qsizetype>(3, size); ++back) {
            const uchar c = uchar(bytes[size - back]);
            if (c < 0x80)
                return 0; // ASCII ends every sequence before it
            if (c >= 0xc0) {
                const qsizetype length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
                return back < length ? back : 0;
            }
        }
        return 0; // continuation bytes only: broken whatever follows
    }
    qsizetype cut = size % 2;
    if (size - cut >= 2) {
        const uchar first = uchar(bytes[size - cut - 2]);
        const uchar second = uchar(bytes[size - cut - 1]);
        const char16_t unit = m_encoding == TextEncoding::Utf16LE ? char16_t(second << 8 | first)
                                                                  : char16_t(first << 8 | second);
        if (QChar::isHighSurrogate(unit))
            cut += 2;
    }
    return cut;
}

} // namespace importers
