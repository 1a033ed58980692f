#pragma once

#include "models/carrier.h"
#include "models/result.h"

#include <QSqlDatabase>

#include <optional>

namespace storage {

// The carriers the owner ships with, their services and rate cards.

// Active carriers by name; a carrier by id or by name (as shipments.carrier holds it).
models::Result<QList<models::Carrier>> loadCarriers(const QSqlDatabase &db);
models::Result<std::optional<models::Carrier>> carrierById(const QSqlDatabase &db, qint64 id);
models::Result<std::optional<models::Carrier>> carrierByName(const QSqlDatabase &db,
                                                             const QString &name);

// The active services of active carriers, each with its rate card.
models::Result<QList<models::CarrierService>> loadCarrierServices(const QSqlDatabase &db,
                                                                  bool withSwitchedOff = false);

// Adds the carrier, or updates the one with the same code; returns its id. The
// tracking sequence (trackingNext) is only set when the carrier is new, so a number
// once handed out is never handed out again.
models::Result<qint64> saveCarrier(const QSqlDatabase &db, const models::Carrier &carrier,
                                   const QString &trackingUrl = {});

// Adds the service, or updates the carrier's service of the same name, and replaces
// its rate card with `service.rates`, in one transaction; returns its id. A rate
// without a currency, with a negative price or a weight band of 0 g is refused,
// naming the row.
models::Result<qint64> saveCarrierService(const QSqlDatabase &db,
                                          const models::CarrierService &service);

} // namespace storage
