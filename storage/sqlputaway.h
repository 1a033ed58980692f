#pragma once

#include "models/putaway.h"
#include "models/result.h"

#include <QSqlDatabase>
#include <QString>

namespace storage {

// The bin a receipt of `productId` at `locationId` goes into (models::choosePutAway):
// `typed` is the bin code the receiver scanned or typed, empty for the product's own
// bin there. Reads only; an unknown code comes back as an Error naming the location
// and the code.
models::Result<models::PutAway> resolvePutAway(const QSqlDatabase &db, qint64 productId,
                                               qint64 locationId, const QString &locationCode,
                                               const QString &typed);

// Remembers the bin as the product's home at that location when the put-away says so.
// Call inside the receipt's transaction.
models::Status rememberPutAway(const QSqlDatabase &db, qint64 productId,
                               const models::PutAway &putAway);

} // namespace storage
