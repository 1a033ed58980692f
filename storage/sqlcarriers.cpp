#include "storage/sqlcarriers.h"

#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QHash>

namespace storage {

using models::Error;
using models::Result;
using models::Status;

namespace {

const char kCarrierColumns[] =
    "SELECT id, code, name, COALESCE(amazon_code, ''), COALESCE(ebay_name, ''), "
    "tracking_scheme, tracking_prefix, tracking_suffix, tracking_digits, tracking_next "
    "FROM carriers";

models::Carrier carrierFrom(const QSqlQuery &q)
{
    models::Carrier c;
    c.id = q.value(0).toLongLong();
    c.code = q.value(1).toString();
    c.name = q.value(2).toString();
    c.amazonCode = q.value(3).toString();
    c.ebayName = q.value(4).toString();
    c.trackingScheme = models::trackingSchemeFromCode(q.value(5).toString());
    c.trackingPrefix = q.value(6).toString();
    c.trackingSuffix = q.value(7).toString();
    c.trackingDigits = q.value(8).toInt();
    c.trackingNext = q.value(9).toLongLong();
    return c;
}

Result<std::optional<models::Carrier>> oneCarrier(const QSqlDatabase &db, const QString &where,
                                                  const QVariant &value)
{
    Result<QSqlQuery> q = runQuery(db, QLatin1String(kCarrierColumns) + where, {value});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return std::optional<models::Carrier>();
    return std::optional<models::Carrier>(carrierFrom(q.value()));
}

} // namespace

Result<QList<models::Carrier>> loadCarriers(const QSqlDatabase &db)
{
    Result<QSqlQuery> q = runQuery(db, QLatin1String(kCarrierColumns) +
                                           QStringLiteral(" WHERE active = 1 ORDER BY name"));
    if (!q.ok())
        return Error{q.error()};
    QList<models::Carrier> out;
    while (q.value().next())
        out.append(carrierFrom(q.value()));
    return out;
}

Result<std::optional<models::Carrier>> carrierById(const QSqlDatabase &db, qint64 id)
{
    return oneCarrier(db, QStringLiteral(" WHERE id = ?"), id);
}

Result<std::optional<models::Carrier>> carrierByName(const QSqlDatabase &db, const QString &name)
{
    return oneCarrier(db, QStringLiteral(" WHERE name = ?"), name);
}

Result<QList<models::CarrierService>> loadCarrierServices(const QSqlDatabase &db,
                                                          bool withSwitchedOff)
{
    // Shipping sees only what is switched on; the carriers editor sees everything.
    Result<QSqlQuery> q = runQuery(
        db,
        QStringLiteral("SELECT s.id, s.carrier_id, c.name, s.name, s.service_level, "
                       "s.transit_days, s.cutoff_time, s.active FROM carrier_services s "
                       "JOIN carriers c ON c.id = s.carrier_id ") +
            (withSwitchedOff ? QString() : QStringLiteral("WHERE s.active = 1 AND c.active = 1 ")) +
            QStringLiteral("ORDER BY c.name, s.name"));
    if (!q.ok())
        return Error{q.error()};
    QList<models::CarrierService> out;
    QHash<qint64, qsizetype> index;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        models::CarrierService s;
        s.id = r.value(0).toLongLong();
        s.carrierId = r.value(1).toLongLong();
        s.carrierName = r.value(2).toString();
        s.name = r.value(3).toString();
        s.serviceLevel = r.value(4).toString();
        s.transitDays = r.value(5).toInt();
        s.cutoff = QTime::fromString(r.value(6).toString(), QStringLiteral("HH:mm"));
        if (!s.cutoff.isValid())
            s.cutoff = QTime(16, 0);
        s.active = r.value(7).toInt() != 0;
        index.insert(s.id, out.size());
        out.append(s);
    }
    Result<QSqlQuery> rates = runQuery(
        db, QStringLiteral("SELECT id, service_id, COALESCE(from_country, ''), "
                           "COALESCE(country, ''), postcode_prefix, max_weight_grams, cost_minor, "
                           "currency, transit_days FROM carrier_rates ORDER BY id"));
    if (!rates.ok())
        return Error{rates.error()};
    while (rates.value().next()) {
        const QSqlQuery &r = rates.value();
        const auto at = index.constFind(r.value(1).toLongLong());
        if (at == index.cend())
            continue; // a service switched off
        models::CarrierService &s = out[*at];
        models::ShippingRate rate;
        rate.id = r.value(0).toLongLong();
        rate.fromCountry = r.value(2).toString();
        rate.country = r.value(3).toString();
        rate.postcodePrefix = r.value(4).toString();
        if (!r.value(5).isNull())
            rate.maxWeightGrams = r.value(5).toInt();
        rate.costMinor = r.value(6).toLongLong();
        rate.currency = r.value(7).toString();
        rate.transitDays = r.value(8).isNull() ? s.transitDays : r.value(8).toInt();
        s.rates.append(rate);
    }
    return out;
}

Result<qint64> saveCarrier(const QSqlDatabase &db, const models::Carrier &c,
                           const QString &trackingUrl)
{
    if (c.code.trimmed().isEmpty() || c.name.trimmed().isEmpty())
        return Error{QStringLiteral("carrier: a code and a name are needed")};
    if (c.trackingScheme == models::TrackingScheme::S10 &&
        (c.trackingPrefix.size() != 2 || c.trackingSuffix.size() != 2))
        return Error{QStringLiteral("carrier %1: S10 tracking numbers need a two-letter prefix "
                                    "and a two-letter country")
                         .arg(c.name)};
    auto text = [](const QString &s) { return s.isEmpty() ? nullText() : QVariant(s); };
    Result<QSqlQuery> q = runQuery(
        db,
        QStringLiteral(
            "INSERT INTO carriers (code, name, amazon_code, ebay_name, tracking_scheme, "
            "tracking_prefix, tracking_suffix, tracking_digits, tracking_next, tracking_url) "
            "VALUES (?, ?, ?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?) "
            "ON CONFLICT (code) DO UPDATE SET "
            "name = excluded.name, amazon_code = excluded.amazon_code, "
            "ebay_name = excluded.ebay_name, tracking_scheme = excluded.tracking_scheme, "
            "tracking_prefix = excluded.tracking_prefix, tracking_suffix = "
            "excluded.tracking_suffix, tracking_digits = excluded.tracking_digits, "
            "tracking_url = excluded.tracking_url RETURNING id"),
        {c.code.trimmed(), c.name.trimmed(), text(c.amazonCode), text(c.ebayName),
         models::trackingSchemeCode(c.trackingScheme), c.trackingPrefix, c.trackingSuffix,
         c.trackingDigits, std::max<qint64>(c.trackingNext, 0), text(trackingUrl)});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("carrier %1 was not saved").arg(c.name)};
    return q.value().value(0).toLongLong();
}

Result<qint64> saveCarrierService(const QSqlDatabase &db, const models::CarrierService &s)
{
    if (s.name.trimmed().isEmpty())
        return Error{QStringLiteral("service: a name is needed")};
    for (qsizetype i = 0; i < s.rates.size(); ++i) {
        const models::ShippingRate &r = s.rates.at(i);
        QString why;
        if (r.currency.size() != 3)
            why = QStringLiteral("needs a three-letter currency");
        else if (r.costMinor < 0)
            why = QStringLiteral("has a negative price");
        else if (r.maxWeightGrams && *r.maxWeightGrams <= 0)
            why = QStringLiteral("has a weight band of %1 g").arg(*r.maxWeightGrams);
        else if (r.transitDays < 0)
            why = QStringLiteral("has negative transit days");
        if (!why.isEmpty())
            return Error{
                QStringLiteral("service %1: rate %2 (%3) %4")
                    .arg(s.name)
                    .arg(i + 1)
                    .arg(r.country.isEmpty() ? QStringLiteral("anywhere") : r.country, why)};
    }
    Transaction txn(db);
    if (!txn.isActive())
        return Error{
            QStringLiteral("database error: cannot begin a transaction: %1").arg(txn.error())};
    Result<QSqlQuery> q = runQuery(
        db,
        QStringLiteral("INSERT INTO carrier_services (carrier_id, name, service_level, "
                       "transit_days, cutoff_time, active) VALUES (?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (carrier_id, name) DO UPDATE SET service_level = "
                       "excluded.service_level, transit_days = excluded.transit_days, "
                       "cutoff_time = excluded.cutoff_time, active = excluded.active "
                       "RETURNING id"),
        {s.carrierId, s.name.trimmed(),
         s.serviceLevel.isEmpty() ? QStringLiteral("standard") : s.serviceLevel, s.transitDays,
         (s.cutoff.isValid() ? s.cutoff : QTime(16, 0)).toString(QStringLiteral("HH:mm")),
         s.active ? 1 : 0});
    if (!q.ok())
        return Error{q.error()};
    if (!q.value().next())
        return Error{QStringLiteral("service %1 was not saved").arg(s.name)};
    const qint64 id = q.value().value(0).toLongLong();
    q.value().finish();
    if (Status st = runStatement(
            db, QStringLiteral("DELETE FROM carrier_rates WHERE service_id = ?"), {id});
        !st)
        return Error{st.error()};
    for (const models::ShippingRate &r : s.rates) {
        auto text = [](const QString &v) { return v.isEmpty() ? nullText() : QVariant(v); };
        if (Status st = runStatement(
                db,
                QStringLiteral("INSERT INTO carrier_rates (service_id, from_country, country, "
                               "postcode_prefix, max_weight_grams, cost_minor, currency, "
                               "transit_days) VALUES (?, ?, ?, COALESCE(?, ''), ?, ?, ?, ?)"),
                {id, text(r.fromCountry.toUpper()), text(r.country.toUpper()),
                 r.postcodePrefix.toUpper(),
                 r.maxWeightGrams ? QVariant(*r.maxWeightGrams)
                                  : QVariant(QMetaType(QMetaType::Int)),
                 r.costMinor, r.currency.toUpper(),
                 r.transitDays == s.transitDays ? QVariant(QMetaType(QMetaType::Int))
                                                : QVariant(r.transitDays)});
            !st)
            return Error{st.error()};
    }
    if (Status st = txn.commit(); !st)
        return Error{st.error()};
    return id;
}

} // namespace storage
