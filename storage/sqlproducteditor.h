#pragma once

#include "models/result.h"
#include "models/stockoperations.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace storage {

// A product with its barcodes (primary first), its bins at every active location and,
// for a kit, its components. Product 0 is a new one: empty, in the shop's currency.
models::Result<models::ProductRecord> loadProductRecord(const QSqlDatabase &db, qint64 productId);

// Saves a product, its barcodes and its bins in one transaction (bins new to a location
// are created at the end of its walk). Refused, with nothing written, when the record
// breaks a rule (models::validateProduct) or a SKU or barcode belongs to another
// product; the message has one line per problem, each starting with the field's name
// ("barcodes: 5012345678900 already belongs to MUG-02"). A kit's components are
// written by storage::writeKitComponents in the same transaction (its refusals come
// back as "components: ..."). A new ordinary product gets an empty stock row at each
// location it has bins at (or at the first location in routing order), so the Stock
// screen lists it at once.
models::Result<qint64> saveProductRecord(const QSqlDatabase &db,
                                         const models::ProductRecord &record,
                                         const QDateTime &atUtc = {});

} // namespace storage
