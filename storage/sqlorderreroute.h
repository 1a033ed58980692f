#pragma once

#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace storage {

// Statuses an order may be rerouted from: not yet on a pick list, not picked.
bool isReroutable(const QString &statusCode);

// Moves one order that is not yet picked to `toLocationId` in one transaction: its
// active reservations are released where they are and taken again at the new
// location, which must have the stock free for every one of them; otherwise nothing
// changes and the error names the order and the SKU that is short (for a kit's
// component, the kit too: "GIFT-01 needs 2 × COASTER-01; Bristol shop has 1
// available"). A kit line's components all move together. The order's
// timeline gets "Rerouted from Leeds to Bristol by <user>: <reason>".
// Returns false when the order was already there with all of its stock.
models::Result<bool> rerouteOrder(const QSqlDatabase &db, qint64 orderId, qint64 toLocationId,
                                  const QString &reason, const QString &user,
                                  const QDateTime &nowUtc = {});

// Sets orders.priority of every order given, in one transaction, with a timeline
// event on each order whose priority changed. Returns how many changed.
models::Result<int> setOrdersPriority(const QSqlDatabase &db, const QList<qint64> &orderIds,
                                      int priority, const QString &user,
                                      const QDateTime &nowUtc = {});

} // namespace storage
