#pragma once

#include "models/money.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace models {

struct PurchaseOrderLine
{
    qint64 productId = 0;
    int quantityOrdered = 0;
    int quantityReceived = 0;
    Money unitCost;
};

struct PurchaseOrder
{
    enum class Status
    {
        Draft,
        Sent,
        PartiallyReceived,
        Received,
        Closed,
        Cancelled
    };

    qint64 id = 0;
    QString poNumber;
    qint64 supplierId = 0;
    qint64 locationId = 0; // delivered to
    Status status = Status::Draft;
    QString currency;
    QDateTime orderedAtUtc;
    QDateTime expectedAtUtc;
    QDateTime receivedAtUtc;
    QList<PurchaseOrderLine> lines;
};

QString purchaseOrderStatusCode(PurchaseOrder::Status status);

} // namespace models
