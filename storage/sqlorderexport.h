#pragma once

#include "models/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace storage {

struct ExportedOrderLine
{
    int lineNo = 0;
    QString externalLineId;
    QString sku;
    QString title;
    qint64 quantity = 0;
    qint64 unitPriceMinor = 0;
    qint64 totalMinor = 0;
};

// An order as `backroom export orders` writes it: the stored text as is (times are
// already UTC ISO-8601), money in minor units.
struct ExportedOrder
{
    qint64 id = 0;
    QString channel;
    QString number;
    QString externalId;
    QString status;
    QString holdReason;
    QString placedAt;
    QString currency;
    qint64 subtotalMinor = 0;
    qint64 shippingMinor = 0;
    qint64 taxMinor = 0;
    qint64 discountMinor = 0;
    qint64 totalMinor = 0;
    qint64 refundedMinor = 0;
    QString paymentStatus;
    QString buyerName;
    QString buyerEmail;
    QString shipName;
    QString shipCompany;
    QString shipLine1;
    QString shipLine2;
    QString shipCity;
    QString shipRegion;
    QString shipPostcode;
    QString shipCountry;
    QList<ExportedOrderLine> lines;
};

// Called once per order, in id order; returning false stops the export.
using ExportedOrderFn = std::function<bool(const ExportedOrder &)>;

// Streams every order (of one channel when `channelCode` is set) with its lines,
// one order in memory at a time: a million orders need no more than one.
models::Status exportOrders(const QSqlDatabase &db, const QString &channelCode,
                            const ExportedOrderFn &onOrder);

} // namespace storage
