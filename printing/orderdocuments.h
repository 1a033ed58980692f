#pragma once

// From an order as storage reads it (models::OrderDocumentData) to what each
// document draws. The one place that decides what goes on a label, a slip, a
// pick list or a customs form, used by the command line and the screens alike.

#include "models/orderdocument.h"
#include "models/result.h"
#include "printing/customsdeclaration.h"
#include "printing/labeldata.h"
#include "printing/packingslip.h"
#include "printing/picklistdocument.h"

#include <QDate>
#include <QDateTime>
#include <QList>

namespace printing {

// The sender as printed: the shop's name over the location's address.
models::Address shipFromAddress(const models::OrderDocumentData &order);

// One label per parcel of the latest shipment, with its carrier, service and
// tracking numbers; without a shipment one label from the order's chosen
// service, not yet tracked, weighed from the catalogue. Refuses an order
// without a delivery address or without a location to ship from.
models::Result<QList<LabelData>> labelsForOrder(const models::OrderDocumentData &order,
                                                const QDate &today);

PackingSlipData packingSlipForOrder(const models::OrderDocumentData &order);

// One slot per order, rows per SKU in bin walking order with each slot's share.
// Refuses orders that ship from different locations.
models::Result<PickListData> pickListForOrders(const QList<models::OrderDocumentData> &orders,
                                               const QString &listId, const QDateTime &createdUtc);

// The carrier the parcel goes with: the shipment's, else read from the front of
// the chosen service ("Royal Mail Tracked 48" -> "Royal Mail"), else empty.
QString carrierForOrder(const models::OrderDocumentData &order);

// The form the rule in models/customsrules asks for, filled from the order:
// contents at the prices paid, HS codes and origins from the catalogue, gross
// weight from the parcels (or the contents plus packaging).
CustomsDeclarationData customsForOrder(const models::OrderDocumentData &order, const QDate &today);

} // namespace printing
