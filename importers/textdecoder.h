#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

namespace importers {

enum class TextEncoding
{
    Utf8,
    Utf16LE,
    Utf16BE,
    Windows1252,
};

// "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252".
QString textEncodingName(TextEncoding encoding);

// Decodes a byte stream fed in chunks of any size, working out its encoding
// from the bytes themselves, because channel exports do not say:
// - a byte order mark: UTF-8, UTF-16LE (Amazon reports), UTF-16BE; the BOM is dropped;
// - no BOM but NUL bytes at every other position in the first bytes: UTF-16
//   (the NULs are the high bytes of ASCII characters, so their side gives the order);
// - otherwise ASCII until the first byte above 0x7F, which settles it: UTF-8 if
//   the 256 bytes from there are valid UTF-8, else Windows-1252 (Excel's "CSV").
//   A file that is ASCII for 50 MB and has one "£" in Windows-1252 after that
//   still decodes right, because nothing is decided before that byte.
// The result never depends on how the stream is cut into chunks. Memory stays
// bounded: at most 512 bytes are held back between calls.
class TextDecoder
{
public:
    // Detects the encoding.
    TextDecoder();
    // Uses `encoding` if set (a leading BOM of it is still dropped), else detects.
    explicit TextDecoder(std::optional<TextEncoding> encoding);
    ~TextDecoder();
    TextDecoder(const TextDecoder &) = delete;
    TextDecoder &operator=(const TextDecoder &) = delete;

    // Decodes the next chunk. May return less than the chunk holds (nothing, for
    // the first few bytes) while the encoding is being worked out; finish() gets the rest.
    QString decode(QByteArrayView bytes);
    // The same, appended to `text`: once the encoding is known, UTF-8 and UTF-16
    // are decoded straight into its free space, which spares a streaming reader
    // a copy of every chunk.
    void decodeAppending(QByteArrayView bytes, QString &text);
    // Ends the stream: decides the encoding if still open (pure ASCII is UTF-8)
    // and returns what was held back. A sequence cut off by the end becomes U+FFFD.
    QString finish();

    // Set once decided.
    std::optional<TextEncoding> encoding() const { return m_encoding; }
    bool hadByteOrderMark() const { return m_hadBom; }
    // True once an invalid or cut-off sequence was replaced by U+FFFD (only
    // possible in UTF-8 or UTF-16: every byte is a character in Windows-1252).
    bool hasError() const;
    // Undecoded bytes held between calls.
    qsizetype pendingBytes() const { return m_pending.size(); }

private:
    class StreamDecoder;
    enum class Stage
    {
        Sniffing,   // collecting the first bytes for BOM and NUL checks
        AsciiSoFar, // UTF-8 or Windows-1252, nothing seen yet to tell them apart
        Decided,
    };

    QString sniff(bool atEnd);
    QString takeAscii(QByteArrayView bytes, bool atEnd);
    void decide(TextEncoding encoding);
    QString decodeDecided(QByteArrayView bytes);
    void appendDecided(QByteArrayView bytes, QString &text);
    qsizetype cutSequenceLength(QByteArrayView bytes) const;

    Stage m_stage = Stage::Sniffing;
    std::optional<TextEncoding> m_encoding;
    std::unique_ptr<StreamDecoder> m_decoder; // for the UTF encodings
    QByteArray m_pending;
    bool m_hadBom = false;
    bool m_error = false;
};

} // namespace importers
