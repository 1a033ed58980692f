#pragma once

#include "importers/textdecoder.h"
#include "models/result.h"

#include <QByteArray>
#include <QChar>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <vector>

class QIODevice;

namespace importers {

struct CsvOptions
{
    // Null: sniffed from the first non-blank line (the header) as whichever of
    // comma, tab and semicolon occurs most often outside quotes (comma on a tie).
    QChar delimiter;
    // Unset: detected, see TextDecoder.
    std::optional<TextEncoding> encoding;
    // A field this long is taken for a missing closing quote swallowing the
    // rest of the file; reading stops there with an error instead.
    qsizetype maxFieldChars = 1024 * 1024;
    qsizetype maxFieldsPerRecord = 10000;
    qsizetype chunkBytes = 64 * 1024;
    // A field that starts with a quote is quoted only when its closing quote
    // comes before the next delimiter or line break; otherwise the quote is
    // text. For formats that never quote and never hold the delimiter in a value
    // (Amazon's tab-separated reports), whose values may still start with a
    // quote: one product name cannot swallow the fields and rows after it, while
    // a copy re-saved by Excel, which quotes, still reads right.
    bool quotesCloseWithinField = false;
};

struct CsvRecord
{
    QStringList fields;
    // 1-based physical line the record starts on (blank lines and line breaks
    // inside quoted fields count), as a spreadsheet or text editor shows it.
    qint64 line = 0;
};

// "file orders.csv, row 12, field 3": how every importer error starts, so the
// user can find the cell. `row` is the physical line, `field` is 1-based.
QString csvLocation(const QString &sourceName, qint64 row, qsizetype field);

// Streaming reader for CSV and TSV exports, in constant memory whatever the file
// size: reads the device in chunks through TextDecoder and keeps only the
// current chunk, the record being built and the last value of each column
// (which a field repeating it shares instead of allocating its own copy).
//
// RFC 4180, plus what real exports do: CRLF, LF or lone CR line ends; quoted
// fields with delimiters, doubled quotes and line breaks (kept as they are);
// a quote inside an unquoted field is kept literally, and text after a closing
// quote is appended, as Excel does; empty lines are skipped (but counted); a
// last line without a line break is a record; "a,b," has an empty third field.
//
//     CsvReader reader(file, QStringLiteral("orders.csv"));
//     CsvRecord record;
//     while (reader.next(record)) { ... }
//     if (!reader.status()) return reader.status();
class CsvReader
{
public:
    // `sourceName` is the file name used in error messages. The device must be
    // open for reading and outlive the reader.
    CsvReader(QIODevice &device, QString sourceName, CsvOptions options = {});
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // Fills `record` with the next record. False at the end of the data or on an
    // error (then status() says which line and field, and `record` holds
    // nothing to use): a record cut short by an error is never handed out.
    bool next(CsvRecord &record);

    // Failed after a read error, an unclosed quote or an oversized field.
    const models::Status &status() const { return m_status; }
    // Given or sniffed; null until the first next().
    QChar delimiter() const { return m_delimiter; }
    // Switches CsvOptions::quotesCloseWithinField, e.g. once the header has told the format.
    void setQuotesCloseWithinField(bool on) { m_options.quotesCloseWithinField = on; }
    std::optional<TextEncoding> encoding() const { return m_decoder.encoding(); }
    // Some bytes were not valid in the detected encoding and became U+FFFD.
    bool hadEncodingErrors() const { return m_decoder.hasError(); }
    const QString &sourceName() const { return m_sourceName; }

    // Memory held for text not yet parsed (decoded buffer capacity, raw chunk,
    // decoder's held-back bytes): under 5 x chunkBytes (320 KiB) for any file
    // size. The record being built comes on top, capped by the limits above,
    // as do the last value of each column, and the first line while the
    // delimiter is sniffed from it.
    qsizetype bufferedBytes() const;

private:
    qsizetype scanField();
    bool quoteClosesWithinField();
    void setField(QString &slot, qsizetype column, QStringView text);
    void finishRecord(QStringList &fields, qsizetype count);
    bool ensure(qsizetype count);
    void refill();
    bool sniffDelimiter();
    void skipLineEnd();
    bool readQuoted(QString &field, qsizetype fieldNumber);
    bool readUnquoted(QString &field, qint64 startLine, qsizetype fieldNumber, bool quoted);
    bool checkFieldSize(const QString &field, qint64 startLine, qsizetype fieldNumber, bool quoted);
    void fail(const QString &message);

    QIODevice &m_device;
    QString m_sourceName;
    CsvOptions m_options;
    TextDecoder m_decoder;
    QByteArray m_chunk;
    QString m_buffer; // decoded text; m_position is the next character to parse
    qsizetype m_position = 0;
    qint64 m_line = 1;
    QChar m_delimiter;
    bool m_atEnd = false;
    models::Status m_status;
    // The last value of each column, shared with the records: see setField().
    std::vector<QString> m_lastValues;
    qsizetype m_widestRecord = 0;
    qsizetype m_fieldStart = 0; // the field scanField() found
    qsizetype m_fieldLength = 0;
    qint64 m_fieldLineBreaks = 0;
};

} // namespace importers
