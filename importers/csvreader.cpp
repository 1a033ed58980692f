#include "importers/csvreader.h"

#include <QIODevice>
#include <QStringView>

#include <algorithm>
#include <array>
#include <utility>

namespace importers {

namespace {

constexpr QChar Quote = u'"';
constexpr QChar CarriageReturn = u'\r';
constexpr QChar LineFeed = u'\n';

bool isLineEnd(QChar c)
{
    return c == LineFeed || c == CarriageReturn;
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

    record.fields.clear();
    record.line = m_line;
    for (;;) {
        const qsizetype fieldNumber = record.fields.size() + 1;
        if (fieldNumber > m_options.maxFieldsPerRecord) {
            fail(csvLocation(m_sourceName, record.line, fieldNumber) +
                 QStringLiteral(": more than %1 fields in one record")
                     .arg(m_options.maxFieldsPerRecord));
            return false;
        }
        QString field;
        const bool quoted = ensure(1) && m_buffer.at(m_position) == Quote;
        const bool ok = quoted ? readQuoted(field, fieldNumber)
                               : readUnquoted(field, m_line, fieldNumber, false);
        if (!ok)
            return false;
        record.fields.append(std::move(field));

        if (!ensure(1))
            return m_status.ok(); // the last line has no line break
        if (m_buffer.at(m_position) == m_delimiter) {
            ++m_position;
            continue;
        }
        skipLineEnd(); // fields end only at a delimiter, a line end or the end
        return true;
    }
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
    m_buffer += m_decoder.decode(QByteArrayView(m_chunk.constData(), count));
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
        if (m_position + offset >= m_buffer.size()) {
            if (m_atEnd || offset > m_options.maxFieldChars)
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
