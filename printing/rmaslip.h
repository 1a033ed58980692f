#pragma once

#include "models/address.h"
#include "models/result.h"
#include "models/returnauthorisation.h"
#include "printing/document.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace printing {

struct RmaSlipLine
{
    QString sku;
    QString title;
    int quantity = 0;
    QList<models::KitComponent> parts; // a kit: printed under it, quantities per kit
};

// What goes in the customer's parcel with a return: the RMA number as Code 128 and
// QR (the returns bench scans either), what is coming back, where to send it and how.
// Plain values: no database.
struct RmaSlipData
{
    QString shopName;
    QString rmaNumber; // "RMA-000123"
    QString orderNumber;
    QString customerName;
    QString reason; // as printed: "Damaged"
    QDateTime authorisedAtUtc;
    models::Address returnAddress;
    QList<RmaSlipLine> lines;
    QString instructions; // empty: the standard steps

    // Number, lines, reason and return address of an authorised return.
    static RmaSlipData fromReturn(const models::ReturnAuthorisation &rma, const QString &shopName);
};

// One A4 or Letter page (the lines table continues onto more if it must). Refuses a
// return without an RMA number (not authorised yet) or without lines.
models::Result<Document> rmaSlipDocument(const RmaSlipData &slip, const PageSetup &page);

} // namespace printing
