#pragma once

#include "models/result.h"
#include "models/stockoperations.h"

#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>

namespace storage {

// Ships stock from one location to another in one transaction: the transfer and its
// lines are written in transit, and each line leaves the source as a 'transfer_out'
// movement (refused, naming the SKU, when the source has not enough available).
// Returns the transfer's id.
models::Result<qint64> shipTransfer(const QSqlDatabase &db, qint64 fromLocationId,
                                    qint64 toLocationId,
                                    const QList<models::TransferLineInput> &lines,
                                    const QString &user, const QDateTime &atUtc = {});

// Receives quantities (line id -> units) at the destination in one transaction: a
// 'transfer_in' movement per line, the line's quantity received, and the transfer
// received once every line is in. Each line is put away in the bin code given for it
// (line id -> code), else in the product's bin at the destination, else without a bin
// (storage/sqlputaway.h); an unknown code refuses the whole receipt. Stock that arrives
// fills waiting backorders.
models::Status receiveTransfer(const QSqlDatabase &db, qint64 transferId,
                               const QMap<qint64, int> &quantities, const QString &user,
                               const QDateTime &atUtc = {},
                               const QMap<qint64, QString> &binCodes = {});

models::Result<models::Transfer> loadTransfer(const QSqlDatabase &db, qint64 transferId);
// Every transfer still in transit, oldest first.
models::Result<QList<models::Transfer>> openTransfers(const QSqlDatabase &db);

} // namespace storage
