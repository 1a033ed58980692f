#pragma once

#include "models/address.h"

#include <QList>
#include <QString>

namespace models {

// Open orders (new, ready, on hold, backordered) that could go out in one parcel:
// the same customer and the same ship-to address, whichever channel they came from.
// Only an offer: nothing is merged.

// The postcode as compared and as indexed: upper case, no spaces ("ls1 4ap" → "LS14AP").
QString postcodeKey(const QString &postcode);
// A name or address line as compared: case folded, punctuation dropped, runs of
// spaces made one ("12  High St." → "12 high st").
QString addressTextKey(const QString &text);

// What the rule needs to know of an order.
struct ShipToFacts
{
    qint64 orderId = 0;
    QString orderNumber;
    QString channelName;
    qint64 customerId = 0; // 0: not known
    QString email;
    Address shipTo;
};

// Same person: the same customer record, the same e-mail (any case), or, when a
// channel hides the e-mail, the same ship-to name.
bool sameCustomer(const ShipToFacts &a, const ShipToFacts &b);
// Same door: first address line, postcode and country alike once normalised.
bool sameShipTo(const Address &a, const Address &b);
bool shipsTogether(const ShipToFacts &a, const ShipToFacts &b);

// "Ships with #1004 (eBay) to the same address" for each candidate that matches.
QStringList shipsWithLines(const ShipToFacts &order, const QList<ShipToFacts> &candidates);

} // namespace models
