#pragma once

#include "models/kit.h"
#include "models/result.h"

#include <QHash>
#include <QSqlDatabase>

namespace storage {

// Every kit's components, by kit product id, with each component's SKU, name and
// weight. Kits are few (a shop has tens or hundreds), so callers read them all once.
using KitMap = QHash<qint64, QList<models::KitComponent>>;
models::Result<KitMap> loadKits(const QSqlDatabase &db);

// One kit's components, in SKU order; empty when the product is not a kit.
models::Result<QList<models::KitComponent>> kitComponents(const QSqlDatabase &db,
                                                          qint64 kitProductId);

// Makes the product a kit of these components (or, with none, an ordinary product
// again), inside the caller's write transaction. Refused, with nothing written, when
// the components break KitRules::validate, or when the product still holds stock or
// open reservations of its own (a kit is never stocked as itself).
models::Status writeKitComponents(const QSqlDatabase &db, qint64 kitProductId,
                                  const QList<models::KitComponent> &components);

} // namespace storage
