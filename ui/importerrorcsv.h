#pragma once

#include "importers/csvcell.h"

#include "models/importedorder.h"
#include "models/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ui {

// One row error of an import, with the file it came from (its name, as the
// importer's messages name it).
struct ImportErrorRow
{
    QString file;
    models::ImportFieldError error;
};

// The formula guard the error file applies to every cell.
using importers::neutraliseSpreadsheetCell;

// The errors as CSV: a "file,row,field,message" header, one line per error,
// RFC 4180 quoting and CRLF line ends, UTF-8 with a byte-order mark so that Excel
// reads accents and currency signs correctly.
QByteArray importErrorsCsv(const QList<ImportErrorRow> &rows);

// Writes importErrorsCsv() to `path` in one piece: an existing file is replaced
// only once the new one is complete. The error names the file.
models::Status writeImportErrorsCsv(const QString &path, const QList<ImportErrorRow> &rows);

} // namespace ui
