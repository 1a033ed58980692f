#pragma once

#include "models/kitstock.h"
#include "models/result.h"
#include "models/stockoperations.h"

#include <QSqlDatabase>

#include <optional>

namespace storage {

// A product by barcode or SKU (exact), as a kit's component; none when no product has
// that code.
models::Result<std::optional<models::KitPartChoice>> findKitPart(const QSqlDatabase &db,
                                                                 const QString &code);

// What the components make at every active location now (available = on hand −
// reserved), locations in routing order.
models::Result<models::KitStock> kitStockNow(const QSqlDatabase &db,
                                             const QList<models::KitComponent> &components);

// The kit with this barcode or SKU (exact), its components and what they make now;
// none when the code is not a kit's.
models::Result<std::optional<models::KitOverview>> findKit(const QSqlDatabase &db,
                                                           const QString &code);

} // namespace storage
