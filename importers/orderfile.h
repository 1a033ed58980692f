#pragma once

#include "importers/columnmap.h"
#include "importers/csvreader.h"
#include "models/importedorder.h"
#include "models/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <memory>
#include <optional>

class QIODevice;

namespace importers {

enum class OrderFileFormat
{
    Shopify,
    Amazon,
    Ebay,
};

// "shopify", "amazon", "ebay": the channel codes of the channels table and --channel.
QString orderFileFormatCode(OrderFileFormat format);
// "Shopify", "Amazon", "eBay": for people.
QString orderFileFormatName(OrderFileFormat format);
std::optional<OrderFileFormat> orderFileFormatFromCode(QStringView code);

struct OrderFileOptions
{
    // Forced by the user (--channel); unset: detected from the header.
    std::optional<OrderFileFormat> format;
    // For money written without a currency (eBay files carry none but symbols):
    // the channel's currency. Empty: USD.
    QString defaultCurrency;
    // For dates written without an offset (eBay): the seller's zone.
    QTimeZone localZone = QTimeZone::systemTimeZone();
    CsvOptions csv;
    // How many records before the header may be skipped as a preamble.
    int maxPreambleRecords = 50;
};

// Reads one channel export an order at a time, in constant memory: each order's rows
// are consecutive in every channel's export, so an order is complete when the next
// one starts. Subclasses know one format each.
//
//     auto opened = openOrderFile(file, "orders.csv");
//     if (!opened) return opened.error();          // rejected: nothing to write
//     models::ImportedOrder order;
//     while ((*opened)->next(order)) { ... }
//     if (!(*opened)->status()) ...                 // broken mid-file: reject it all
class OrderFileReader
{
public:
    virtual ~OrderFileReader();
    OrderFileReader(const OrderFileReader &) = delete;
    OrderFileReader &operator=(const OrderFileReader &) = delete;

    virtual OrderFileFormat format() const = 0;

    // The next complete order (with its field errors, if any). False at the end of
    // the orders or when the file cannot be read further: then status() failed and
    // the whole file must be rejected.
    virtual bool next(models::ImportedOrder &order) = 0;

    const models::Status &status() const { return m_status; }
    // Rows that could not be tied to any order (no order id): reported with the
    // run, nothing imported for them. Taken as they come, so memory stays bounded.
    QList<models::ImportFieldError> takeStrayErrors();

    const QStringList &header() const { return m_header; }
    qint64 headerRow() const { return m_headerRow; }
    // Records read so far, preamble and header included.
    qint64 recordsRead() const { return m_recordsRead; }
    const QString &sourceName() const { return m_csv->sourceName(); }
    const CsvReader &csv() const { return *m_csv; }

protected:
    OrderFileReader(std::unique_ptr<CsvReader> csv, QStringList header, qint64 headerRow,
                    OrderFileOptions options);

    // The next record of the table; false at the end or on a CSV error (which it
    // turns into status()).
    bool readRecord(CsvRecord &record);
    void fail(const QString &message);
    void addStrayError(qint64 row, const QString &field, const QString &message);

    const ColumnMap &columns() const { return m_columns; }
    const OrderFileOptions &options() const { return m_options; }

    // Field readers shared by the channel formats. Text is taken trimmed.
    //
    // Money in minor units of `currency` (which has `decimals` digits, see
    // models::Money::decimalsFor): the plain "1234.56" every channel writes is read
    // here directly, since a large file has millions of amounts; anything else
    // ("1,234.56", "£12.00", "(3.50)") goes through models::Money::parse. Unset,
    // with the reason in `why`, when the text is not an amount or names another
    // currency than the order's.
    static std::optional<qint64> parseMinorUnits(QStringView text, const QString &currency,
                                                 int decimals, QString *why);
    // The trimmed field at `index`, or empty when the column is absent (-1) or the
    // record short; a view, so reading a cell costs no copy.
    // One field of `record` read for `order`: a value that cannot be read becomes an
    // error on the order naming the row and the column, and nothing (no date, 0) is
    // returned, so only that order is held back. Money is in minor units of the
    // order's currency, which has `decimals` digits.
    std::optional<QDateTime> readDateField(models::ImportedOrder &order, const CsvRecord &record,
                                           int column) const;
    qint64 readMoneyField(models::ImportedOrder &order, const CsvRecord &record, int column,
                          int decimals) const;
    void addFieldError(models::ImportedOrder &order, const CsvRecord &record, int column,
                       const QString &message) const;

    static QStringView cell(const QStringList &fields, int index)
    {
        return index >= 0 && index < fields.size() ? QStringView(fields.at(index)).trimmed()
                                                   : QStringView();
    }
    // A record of nothing but delimiters and blanks (",,,,"): no row to report.
    static bool isBlankRecord(const QStringList &fields);
    // Sets every field of `order` back to its default, keeping its lists' memory
    // for the next order: next() overwrites one order again and again.
    static void resetOrder(models::ImportedOrder &order);
    // A whole number as channels write quantities ("2", " 2 ", "-1"); unset for
    // anything else ("2.5", "two", "").
    static std::optional<int> parseWholeNumber(QStringView text);

private:
    std::unique_ptr<CsvReader> m_csv;
    QStringList m_header;
    ColumnMap m_columns;
    qint64 m_headerRow = 0;
    qint64 m_recordsRead = 0;
    OrderFileOptions m_options;
    models::Status m_status;
    QList<models::ImportFieldError> m_strayErrors;
};

// Opens a channel export: skips a preamble (eBay's blank or bare-comma first line),
// finds the header row, tells the format from it (or checks the forced one) and
// checks the required columns. A file that is not a recognised export, or lacks a
// required column, is refused with a message naming the file and the column.
// The device must stay open while the reader is used.
models::Result<std::unique_ptr<OrderFileReader>>
openOrderFile(QIODevice &device, const QString &sourceName, const OrderFileOptions &options = {});

} // namespace importers
