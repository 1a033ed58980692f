#pragma once

#include <QString>

namespace importers {

// A cell of a CSV file written for people to open in a spreadsheet: quoted when it
// holds a delimiter, quote or line break, and text a spreadsheet would run as a
// formula (starting with =, +, -, @, tab or carriage return) gets a leading
// apostrophe. The counterpart of CsvReader for what Backroom writes out.
QString spreadsheetCsvCell(const QString &text);

// Only the formula guard: the text with a leading apostrophe where needed.
QString neutraliseSpreadsheetCell(const QString &text);

} // namespace importers
