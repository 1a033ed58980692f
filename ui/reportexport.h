#pragma once

#include "models/report.h"
#include "models/result.h"

#include <QByteArray>
#include <QString>

namespace ui {

// A report table as CSV for a spreadsheet: a header row, one line per row, RFC 4180
// quoting, CRLF line ends, UTF-8 with a byte-order mark. Every text cell is guarded
// against formulas; figures are plain numbers ("1234", "12.5", "1234.56"), and a
// money column becomes two: the amount and its currency.
QByteArray reportTableCsv(const models::ReportTable &table);

// Every table of a report, each under a row with its title and after a blank line,
// the headline and findings first.
QByteArray reportCsv(const models::Report &report);

// The whole report as JSON: headline, findings, chart series and tables, with
// figures as numbers and money as {"amount": "12.50", "currency": "GBP"}.
QByteArray reportJson(const models::Report &report);

// Writes bytes to `path` in one piece: an existing file is replaced only once the new
// one is complete. The error names the file.
models::Status writeReportFile(const QString &path, const QByteArray &bytes);

// "late-orders-2026-10-28-to-2026-11-26.csv"
QString suggestedReportFileName(const models::Report &report, const QString &tableTitle = {});

} // namespace ui
