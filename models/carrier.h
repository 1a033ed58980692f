#pragma once

#include "models/shippingrate.h"

#include <QList>
#include <QString>
#include <QTime>

namespace models {

// How a carrier's tracking numbers are made when the shop generates them itself.
enum class TrackingScheme
{
    None, // typed or scanned from the carrier's own label
    S10,  // UPU S10: two letters, eight-digit serial, mod-11 check digit, country
    Luhn, // digits: prefix, zero-padded serial, Luhn mod-10 check digit
};

QString trackingSchemeCode(TrackingScheme scheme);
TrackingScheme trackingSchemeFromCode(QStringView code);

struct Carrier
{
    qint64 id = 0;
    QString code;       // royal_mail
    QString name;       // Royal Mail
    QString amazonCode; // Amazon's carrier-code; empty: "Other" with the name
    QString ebayName;   // eBay's "Shipping Carrier Used"; empty: the name
    TrackingScheme trackingScheme = TrackingScheme::None;
    QString trackingPrefix;
    QString trackingSuffix;
    int trackingDigits = 8;
    qint64 trackingNext = 1;
};

// A service the owner buys from a carrier, with its rate card.
struct CarrierService
{
    qint64 id = 0;
    qint64 carrierId = 0;
    QString carrierName;
    QString name;         // "Royal Mail Tracked 48"
    QString serviceLevel; // economy, standard, express, next_day
    int transitDays = 0;  // working days
    QTime cutoff = QTime(16, 0);
    QList<ShippingRate> rates; // transitDays filled with the service's where the row had none
    bool active = true;        // a service switched off is never suggested nor chosen
};

} // namespace models
