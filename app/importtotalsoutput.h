#pragma once

#include "models/orderimportsink.h"

#include <QByteArray>
#include <QString>

namespace app {

// What an import of orders did, as the import and pull commands both print it.

// The JSON members from "orders_new" to the end of "errors", each member after a
// comma; every field error is an object whose first key is `rowKey` ("row" for a
// file, "order" for a pull).
QByteArray jsonImportTotals(const models::ImportRunTotals &totals, const char *rowKey);

// One line per field error: `rowWords` holds %1 for the row ("  row %1"), and an
// error on the whole record names `wholeRecord` as its field.
void printFieldErrors(const models::ImportRunTotals &totals, const QString &rowWords,
                      const QString &wholeRecord);

} // namespace app
