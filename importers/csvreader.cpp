#include "importers/csvreader.h"

#include <QIODevice>
#include <QStringView>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace importers {

namespace {

constexpr QChar Quote = u'"';
constexpr QChar CarriageReturn = u'\r';
constexpr QChar LineFeed = u'\n';

bool isLineEnd(QChar c)
{
    return c == LineFeed || c == CarriageReturn;
}

// The first of `a`, `b`, `c` in data[at, size), or `size`. Eight characters at a
// time where SSE2 is there (every x86-64): a 100 MB export is 100 million
// characters to look at, and this is where a reader spends its time.
qsizetype findAnyOf(const char16_t *data, qsizetype at, qsizetype size, char16_t a, char16_t b,
                    char16_t c)
{
#if defined(__SSE2__)
    const __m128i wantA = _mm_set1_epi16(short(a));
    const __m128i wantB = _mm_set1_epi16(short(b));
    const __m128i wantC = _mm_set1_epi16(short(c));
    for (; at + 8 <= size; at += 8) {
        const __m128i chars = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + at));
        const __m128i hits =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(chars, wantA), _mm_cmpeq_epi16(chars, wantB)),
                         _mm_cmpeq_epi16(chars, wantC));
        const unsigned mask = unsigned(_mm_movemask_epi8(hits));
        if (mask != 0)
            return at + std::countr_zero(mask) / 2;
    }
#endif
    // All three are ASCII punctuation: anything above them is ordinary text.
    const char16_t highest = std::max({a, b, c});
    for (; at < size; ++at) {
        const char16_t ch = data[at];
        if (ch <= highest && (ch == a || ch == b || ch == c))
            return at;
    }
    return size;
}

} // namespace

QString csvLocation(const QString &sourceName, qint64 row, qsizetype field)
{
    return QStringLiteral("file %1, row %2, field %3").arg(sourceName).arg(row).arg(field);
}

CsvReader::CsvReader(QIODevice &device, QString sourceName, CsvOptions options)
    : m_device(device), m_sourceName(std::move(sourceName)), m_options(options),
      m_decoder(options.encoding), m_delimiter(options.delimiter)
{
    m_options.chunkBytes = std::max<qsizetype>(1, m_options.chunkBytes);
    m_options.maxFieldChars = std::max<qsizetype>(1, m_options.maxFieldChars);
    if (m_delimiter == Quote || isLineEnd(m_delimiter)) {
        fail(QStringLiteral("file %1: the delimiter cannot be a quote or a line break")
                 .arg(m_sourceName));
    } else if (!m_device.isReadable()) {
        fail(QStringLiteral("file %1: cannot be read (%2)")
                 .arg(m_sourceName, m_device.errorString()));
    }
}

qsizetype CsvReader::bufferedBytes() const
{
    return m_buffer.capacity() * qsizetype(sizeof(QChar)) + m_chunk.capacity() +
           m_decoder.pendingBytes();
}

void CsvReader::fail(const QString &message)
{
    if (m_status.ok()) // the first error is the one that explains the rest
        m_status = models::Error{message};
    m_atEnd = true;
}

bool CsvReader::next(CsvRecord &record)
{
    if (!m_status.ok())
        return false;
    if (m_delimiter.isNull() && !sniffDelimiter())
        return false;

    for (;;) { // blank lines are skipped, but count
        if (!ensure(1))
            return false;
        if (!isLineEnd(m_buffer.at(m_position)))
            break;
        skipLineEnd();
    }

    // The list is sized up front to the widest record so far (within reason) and
    // trimmed at the end: filling its cells in place is cheaper than appending
    // field by field.
    QStringList &fields = record.fields;
    fields.clear();
    fields.resize(std::clamp<qsizetype>(m_widestRecord, 16, 1024));
    QString *cells = fields.data();
    qsizetype count = 0;
    record.line = m_line;
    for (;;) {
        const qsizetype fieldNumber = count + 1;
        if (fieldNumber > m_options.maxFieldsPerRecord) {
            fail(csvLocation(m_sourceName, record.line, fieldNumber) +
                 QStringLiteral(": more than %1 fields in one record")
                     .arg(m_options.maxFieldsPerRecord));
            fields.clear();
            return false;
        }
        if (count == fields.size()) {
            fields.resize(count * 2);
            cells = fields.data();
        }
        // Most fields lie whole in the decoded buffer: read them in place. The
        // rest (cut by the chunk's end, doubled quotes, text after a closing
        // quote, over the size limit) take the general path below.
        if (const qsizetype end = scanField(); end >= 0) {
            m_line += m_fieldLineBreaks;
            if (m_fieldLength > 0) { // an empty field stays the null string it was made as
                setField(cells[count], count,
                         QStringView(m_buffer).sliced(m_fieldStart, m_fieldLength));
            }
            m_position = end;
        } else {
            QString field;
            const bool quoted = ensure(1) && m_buffer.at(m_position) == Quote &&
                                (!m_options.quotesCloseWithinField || quoteClosesWithinField());
            const bool ok = quoted ? readQuoted(field, fieldNumber)
                                   : readUnquoted(field, m_line, fieldNumber, false);
            if (!ok) {
                fields.clear();
                return false;
            }
            if (!field.isEmpty())
                setField(cells[count], count, field);
        }
        ++count;

        if (m_position >= m_buffer.size() && !ensure(1)) {
            if (!m_status.ok()) {
                fields.clear();
                return false;
            }
            finishRecord(fields, count); // the last line has no line break
            return true;
        }
        if (m_buffer.at(m_position) == m_delimiter) {
            ++m_position;
            continue;
        }
        skipLineEnd(); // fields end only at a delimiter, a line end or the end
        finishRecord(fields, count);
        return true;
    }
}

void CsvReader::finishRecord(QStringList &fields, qsizetype count)
{
    fields.resize(count);
    m_widestRecord = std::max(m_widestRecord, count);
}

// A field that ends inside the buffer, read without copying: sets m_fieldStart,
// m_fieldLength and m_fieldLineBreaks, and returns where the text after it
// starts (a delimiter or a line end); -1 leaves the field to the general path.
qsizetype CsvReader::scanField()
{
    const qsizetype size = m_buffer.size();
    qsizetype at = m_position;
    if (at >= size)
        return -1;
    const char16_t *data = reinterpret_cast<const char16_t *>(m_buffer.constData());
    const char16_t delimiter = m_delimiter.unicode();
    if (data[at] != u'"') {
        at = findAnyOf(data, at, size, delimiter, u'\n', u'\r');
        if (at == size || at - m_position > m_options.maxFieldChars)
            return -1;
        m_fieldStart = m_position;
        m_fieldLength = at - m_position;
        m_fieldLineBreaks = 0;
        return at;
    }
    if (m_options.quotesCloseWithinField)
        return -1; // quoted or not is for quoteClosesWithinField() to say
    qint64 lineBreaks = 0;
    ++at;
    for (;;) {
        at = findAnyOf(data, at, size, u'"', u'\n', u'\r');
        if (at == size || data[at] == u'"')
            break;
        // A CRLF is one line break, a lone CR or LF too.
        ++lineBreaks;
        if (data[at] == u'\r' && at + 1 < size && data[at + 1] == u'\n')
            ++at;
        ++at;
    }
    // The closing quote must be followed, within the buffer, by what ends a field.
    if (at + 1 >= size)
        return -1;
    const char16_t after = data[at + 1];
    if (after != delimiter && after != u'\n' && after != u'\r')
        return -1;
    if (at - m_position - 1 > m_options.maxFieldChars)
        return -1;
    m_fieldStart = m_position + 1;
    m_fieldLength = at - m_position - 1;
    m_fieldLineBreaks = lineBreaks;
    return at + 1;
}

// Whether the quote at m_position opens a quoted field that closes before the
// next delimiter or line break: a quote followed by one of them, or by the end
// of the data (a doubled quote is a quote inside the field). Reads ahead as far
// as that, keeping what it read.
bool CsvReader::quoteClosesWithinField()
{
    const auto endsField = [this](QChar c) { return c == m_delimiter || isLineEnd(c); };
    for (qsizetype offset = 1;; ++offset) {
        // The character after this one too, to tell a doubled or closing quote.
        while (m_position + offset + 1 >= m_buffer.size() && !m_atEnd) {
            if (offset > m_options.maxFieldChars)
                return false; // the field's own size check stops it
            refill();         // keeps the unparsed text: `offset` still points at the same place
        }
        if (m_position + offset >= m_buffer.size())
            return false; // the data ends inside
        const QChar c = m_buffer.at(m_position + offset);
        if (endsField(c))
            return false;
        if (c != Quote)
            continue;
        if (m_position + offset + 1 >= m_buffer.size())
            return true; // the closing quote ends the data
        const QChar after = m_buffer.at(m_position + offset + 1);
        if (after == Quote)
            ++offset;
        else if (endsField(after))
            return true;
    }
}

// Columns repeat their values from row to row (an order's rows, a currency, a
// status, "0.00", "false"): a field equal to the last value its column had
// shares that string instead of allocating its own. `slot` is null on entry,
// `text` not empty.
void CsvReader::setField(QString &slot, qsizetype column, QStringView text)
{
    if (column >= qsizetype(m_lastValues.size()))
        m_lastValues.resize(std::size_t(column) + 1);
    QString &last = m_lastValues[std::size_t(column)];
    if (last.size() == text.size() &&
        std::memcmp(last.constData(), text.data(), std::size_t(text.size()) * sizeof(QChar)) == 0) {
        QString(last).swap(slot); // copy and swap: QString's operator= is not inline
        return;
    }
    slot = text.toString();
    QString(slot).swap(last);
}

// Makes `count` unparsed characters available unless the data ends first.
bool CsvReader::ensure(qsizetype count)
{
    while (m_buffer.size() - m_position < count && !m_atEnd)
        refill();
    return m_buffer.size() - m_position >= count;
}

void CsvReader::refill()
{
    // Drop what is parsed: the buffer holds about one decoded chunk, never the file.
    m_buffer.remove(0, m_position);
    m_position = 0;
    if (m_buffer.capacity() > 4 * m_options.chunkBytes) // after a long header line
        m_buffer.squeeze();

    m_chunk.resize(m_options.chunkBytes);
    qint64 count = m_device.read(m_chunk.data(), m_chunk.size());
    // A pipe or socket can be empty for now without being at its end.
    if (count == 0 && m_device.isSequential() && m_device.waitForReadyRead(30000))
        count = m_device.read(m_chunk.data(), m_chunk.size());
    if (count < 0) {
        fail(QStringLiteral("file %1, row %2: read error: %3")
                 .arg(m_sourceName)
                 .arg(m_line)
                 .arg(m_device.errorString()));
        return;
    }
    if (count == 0) {
        m_buffer += m_decoder.finish();
        m_atEnd = true;
        return;
    }
    m_decoder.decodeAppending(QByteArrayView(m_chunk.constData(), count), m_buffer);
}

void CsvReader::skipLineEnd()
{
    const QChar c = m_buffer.at(m_position++);
    ++m_line;
    if (c == CarriageReturn && ensure(1) && m_buffer.at(m_position) == LineFeed)
        ++m_position;
}

// Counts the candidates outside quotes in the first non-blank line, without
// consuming it; that line is usually the header, where every column is named.
bool CsvReader::sniffDelimiter()
{
    constexpr std::array<QChar, 3> Candidates = {u',', u'\t', u';'};
    std::array<qsizetype, 3> counts = {0, 0, 0};
    bool inQuotes = false;
    bool seenText = false;
    for (qsizetype offset = 0;; ++offset) {
        // The same extent whatever is buffered, so the choice never depends on chunks.
        if (offset > m_options.maxFieldChars)
            break;
        if (m_position + offset >= m_buffer.size()) {
            if (m_atEnd)
                break;
            refill(); // keeps the unparsed text, so `offset` still points at the same place
            --offset;
            continue;
        }
        const QChar c = m_buffer.at(m_position + offset);
        if (c == Quote) {
            inQuotes = !inQuotes;
        } else if (inQuotes) {
            continue;
        } else if (isLineEnd(c)) {
            if (seenText)
                break;
            continue;
        } else {
            for (std::size_t i = 0; i < Candidates.size(); ++i)
                counts[i] += c == Candidates[i];
        }
        seenText = true;
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < Candidates.size(); ++i) {
        if (counts[i] > counts[best])
            best = i;
    }
    m_delimiter = Candidates[best];
    return m_status.ok();
}

bool CsvReader::readUnquoted(QString &field, qint64 startLine, qsizetype fieldNumber, bool quoted)
{
    for (;;) {
        if (!ensure(1))
            return m_status.ok();
        const qsizetype size = m_buffer.size();
        const QChar *data = m_buffer.constData();
        qsizetype end = m_position;
        while (end < size && data[end] != m_delimiter && !isLineEnd(data[end]))
            ++end;
        field.append(QStringView(m_buffer).sliced(m_position, end - m_position));
        m_position = end;
        if (!checkFieldSize(field, startLine, fieldNumber, quoted))
            return false;
        if (end < size)
            return true;
    }
}

bool CsvReader::readQuoted(QString &field, qsizetype fieldNumber)
{
    const qint64 startLine = m_line;
    ++m_position;                     // the opening quote
    bool afterCarriageReturn = false; // a CRLF split across two chunks is one line
    for (;;) {
        if (!ensure(1)) {
            fail(csvLocation(m_sourceName, startLine, fieldNumber) +
                 QStringLiteral(": the quote opened here is never closed (the file ends inside "
                                "the field)"));
            return false;
        }
        const qsizetype size = m_buffer.size();
        const QChar *data = m_buffer.constData();
        qsizetype end = m_position;
        for (; end < size && data[end] != Quote; ++end) {
            const QChar c = data[end];
            if (c == CarriageReturn || (c == LineFeed && !afterCarriageReturn))
                ++m_line;
            afterCarriageReturn = c == CarriageReturn;
        }
        field.append(QStringView(m_buffer).sliced(m_position, end - m_position));
        m_position = end;
        if (!checkFieldSize(field, startLine, fieldNumber, true))
            return false;
        if (end == size)
            continue;

        ++m_position; // a quote: doubled, or the closing one
        afterCarriageReturn = false;
        if (ensure(1) && m_buffer.at(m_position) == Quote) {
            field.append(Quote);
            ++m_position;
            continue;
        }
        // Text between the closing quote and the delimiter is kept, as Excel
        // does: "ab"c reads as abc.
        return readUnquoted(field, startLine, fieldNumber, true);
    }
}

bool CsvReader::checkFieldSize(const QString &field, qint64 startLine, qsizetype fieldNumber,
                               bool quoted)
{
    if (field.size() <= m_options.maxFieldChars)
        return true;
    fail(csvLocation(m_sourceName, startLine, fieldNumber) +
         QStringLiteral(": the field is longer than %1 characters%2")
             .arg(m_options.maxFieldChars)
             .arg(quoted ? QStringLiteral("; is the quote opened here never closed?") : QString()));
    return false;
}

} // namespace importers
