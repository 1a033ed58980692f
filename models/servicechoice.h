#pragma once

#include "models/carrier.h"
#include "models/money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace models {

// A packed order as the rate rule sees it: where it goes, what it weighs, what was
// promised, and when it is now at the location that ships it (local time).
struct ParcelToRate
{
    QString fromCountry;
    QString country;
    QString postcode;
    int weightGrams = 0;
    QDate shipBy;    // invalid: no ship-by date
    QDate deliverBy; // invalid: no promised delivery date
    QDateTime now;   // local time at the location
};

// What one service would do with the parcel.
struct ServiceQuote
{
    qint64 serviceId = 0;
    QString carrierName;
    QString serviceName;
    Money cost;
    QDate leaves;  // the collection day
    QDate arrives; // leaves + transit, in working days
    bool meetsPromise = true;
};

struct ServiceChoice
{
    std::optional<ServiceQuote> chosen;
    QList<ServiceQuote> quotes; // every service with a rate, cheapest first
    QString explanation;        // one or two sentences for the owner
};

// Carriers collect and deliver Monday to Friday. A parcel packed after a service's
// cut-off, or on a weekend, leaves on the next working day; transit days count
// working days from there.
class ServiceChooser
{
public:
    static bool isWorkingDay(const QDate &day);
    static QDate nextWorkingDay(const QDate &day); // the working day after `day`
    static QDate addWorkingDays(const QDate &day, int days);
    // The day a parcel handed over at `now` leaves with a service cutting off at `cutoff`.
    static QDate collectionDay(const QDateTime &now, const QTime &cutoff);

    // The cheapest service that delivers by the promised date (ties: the earlier
    // arrival, then the name); when none can, the fastest (ties: the cheaper). No
    // choice when no service has a rate for the destination and weight; the
    // explanation says which.
    static ServiceChoice choose(const ParcelToRate &parcel, const QList<CarrierService> &services);

    // What a service charges for several parcels to the parcel's destination: the
    // sum of each parcel's band. Empty when one of them has no rate.
    static std::optional<Money> costOf(const CarrierService &service, const ParcelToRate &parcel,
                                       const QList<int> &parcelGrams);
};

// "1.25 kg", "850 g": a weight as the screens write it.
QString weightText(int grams);

} // namespace models
