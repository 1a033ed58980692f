#pragma once

#include "models/result.h"
#include "models/stockoperations.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace storage {

// A product with its barcodes (primary first) and its bins at every active location.
models::Result<models::ProductRecord> loadProductRecord(const QSqlDatabase &db, qint64 productId);

// Saves a product, its barcodes and its bins in one transaction (bins new to a location
// are created at the end of its walk). Refused, with nothing written, when the record
// breaks a rule (models::validateProduct) or a SKU or barcode belongs to another
// product; the message has one line per problem, each starting with the field's name
// ("barcodes: 5012345678900 already belongs to MUG-02").
models::Result<qint64> saveProductRecord(const QSqlDatabase &db,
                                         const models::ProductRecord &record,
                                         const QDateTime &atUtc = {});

} // namespace storage
