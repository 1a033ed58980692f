#include "models/servicechoice.h"

#include <QLocale>

#include <algorithm>

namespace models {

namespace {

QString dayText(const QDate &d)
{
    return QLocale(QLocale::English).toString(d, QStringLiteral("ddd d MMM"));
}

QString quoteText(const ServiceQuote &q)
{
    return QStringLiteral("%1 at %2").arg(q.serviceName, q.cost.toDisplayString());
}

} // namespace

QString weightText(int grams)
{
    if (grams < 1000)
        return QStringLiteral("%1 g").arg(grams);
    QString kg = QString::number(grams / 1000.0, 'f', 2);
    while (kg.endsWith(u'0'))
        kg.chop(1);
    if (kg.endsWith(u'.'))
        kg.chop(1);
    return kg + QStringLiteral(" kg");
}

bool ServiceChooser::isWorkingDay(const QDate &day)
{
    return day.dayOfWeek() <= 5;
}

QDate ServiceChooser::nextWorkingDay(const QDate &day)
{
    QDate d = day.addDays(1);
    while (!isWorkingDay(d))
        d = d.addDays(1);
    return d;
}

QDate ServiceChooser::addWorkingDays(const QDate &day, int days)
{
    QDate d = day;
    for (int i = 0; i < days; ++i)
        d = nextWorkingDay(d);
    return d;
}

QDate ServiceChooser::collectionDay(const QDateTime &now, const QTime &cutoff)
{
    const QDate today = now.date();
    if (isWorkingDay(today) && now.time() <= cutoff)
        return today;
    return nextWorkingDay(today);
}

std::optional<Money> ServiceChooser::costOf(const CarrierService &service,
                                            const ParcelToRate &parcel,
                                            const QList<int> &parcelGrams)
{
    const RateTable table(service.rates);
    std::optional<Money> total;
    for (int grams : parcelGrams) {
        const std::optional<ShippingRate> rate =
            table.find(0, parcel.fromCountry, parcel.country, parcel.postcode, grams);
        if (!rate)
            return std::nullopt;
        const Money cost(rate->costMinor, rate->currency);
        total = total ? *total + cost : cost;
    }
    return total;
}

ServiceChoice ServiceChooser::choose(const ParcelToRate &parcel,
                                     const QList<CarrierService> &services)
{
    ServiceChoice out;
    int servicesToCountry = 0;
    for (const CarrierService &s : services) {
        const RateTable table(s.rates);
        if (table.find(0, parcel.fromCountry, parcel.country, parcel.postcode, 0))
            ++servicesToCountry;
        const std::optional<ShippingRate> rate =
            table.find(0, parcel.fromCountry, parcel.country, parcel.postcode, parcel.weightGrams);
        if (!rate)
            continue;
        ServiceQuote q;
        q.serviceId = s.id;
        q.carrierName = s.carrierName;
        q.serviceName = s.name;
        q.cost = Money(rate->costMinor, rate->currency);
        q.leaves = collectionDay(parcel.now, s.cutoff);
        q.arrives = addWorkingDays(q.leaves, rate->transitDays);
        q.meetsPromise = !parcel.deliverBy.isValid() || q.arrives <= parcel.deliverBy;
        out.quotes.append(q);
    }
    std::sort(out.quotes.begin(), out.quotes.end(),
              [](const ServiceQuote &a, const ServiceQuote &b) {
                  if (a.cost.minorUnits() != b.cost.minorUnits())
                      return a.cost.minorUnits() < b.cost.minorUnits();
                  if (a.arrives != b.arrives)
                      return a.arrives < b.arrives;
                  return a.serviceName < b.serviceName;
              });

    const QString to =
        parcel.country.isEmpty() ? QStringLiteral("an unknown country") : parcel.country;
    if (out.quotes.isEmpty()) {
        if (servicesToCountry == 0)
            out.explanation =
                QStringLiteral("No service has a rate to %1: add one to a carrier's rate card.")
                    .arg(to);
        else
            out.explanation = QStringLiteral("The parcel weighs %1, above every weight band to %2: "
                                             "split it into lighter parcels or add a heavier band.")
                                  .arg(weightText(parcel.weightGrams), to);
        return out;
    }

    const auto meets = std::find_if(out.quotes.cbegin(), out.quotes.cend(),
                                    [](const ServiceQuote &q) { return q.meetsPromise; });
    QString why;
    if (meets != out.quotes.cend()) {
        out.chosen = *meets;
        const auto meeting = std::count_if(out.quotes.cbegin(), out.quotes.cend(),
                                           [](const ServiceQuote &q) { return q.meetsPromise; });
        if (!parcel.deliverBy.isValid())
            why = meeting == 1
                      ? QStringLiteral("%1: the only service to %2, arrives %3.")
                            .arg(quoteText(*out.chosen), to, dayText(out.chosen->arrives))
                      : QStringLiteral("%1: the cheapest of %2 services to %3, arrives %4.")
                            .arg(quoteText(*out.chosen))
                            .arg(meeting)
                            .arg(to, dayText(out.chosen->arrives));
        else
            why = meeting == 1
                      ? QStringLiteral("%1: the only service that delivers by %2 (arrives %3).")
                            .arg(quoteText(*out.chosen), dayText(parcel.deliverBy),
                                 dayText(out.chosen->arrives))
                      : QStringLiteral("%1: the cheapest of %2 services that deliver by %3 "
                                       "(arrives %4).")
                            .arg(quoteText(*out.chosen))
                            .arg(meeting)
                            .arg(dayText(parcel.deliverBy), dayText(out.chosen->arrives));
        const qsizetype tooSlow = out.quotes.size() - meeting;
        if (tooSlow > 0)
            why += tooSlow == 1
                       ? QStringLiteral(" 1 other service arrives too late.")
                       : QStringLiteral(" %1 other services arrive too late.").arg(tooSlow);
    } else {
        ServiceQuote fastest = out.quotes.constFirst();
        for (const ServiceQuote &q : std::as_const(out.quotes))
            if (q.arrives < fastest.arrives ||
                (q.arrives == fastest.arrives && q.cost.minorUnits() < fastest.cost.minorUnits()))
                fastest = q;
        out.chosen = fastest;
        why = QStringLiteral("No service delivers by %1; %2 is the fastest (arrives %3).")
                  .arg(dayText(parcel.deliverBy), quoteText(fastest), dayText(fastest.arrives));
    }
    const QDate today = parcel.now.date();
    if (out.chosen->leaves != today)
        why += isWorkingDay(today) ? QStringLiteral(" Past today's cut-off: it leaves %1.")
                                         .arg(dayText(out.chosen->leaves))
                                   : QStringLiteral(" No collection at the weekend: it leaves %1.")
                                         .arg(dayText(out.chosen->leaves));
    if (parcel.shipBy.isValid() && out.chosen->leaves > parcel.shipBy)
        why += QStringLiteral(" It leaves %1, after the ship-by date (%2).")
                   .arg(dayText(out.chosen->leaves), dayText(parcel.shipBy));
    out.explanation = why;
    return out;
}

} // namespace models
