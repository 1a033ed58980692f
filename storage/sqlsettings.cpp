#include "storage/sqlsettings.h"

#include "storage/sqlrun.h"
#include "storage/transaction.h"

#include <QSqlQuery>

namespace storage {

using models::Error;
using models::LocationSettings;
using models::Result;
using models::Status;

namespace {

const QString kUpdatedAt = QStringLiteral("settings.updated_at");
const QString kUpdatedBy = QStringLiteral("settings.updated_by");

QVariant textOrNull(const QString &text)
{
    const QString t = text.trimmed();
    return t.isEmpty() ? nullText() : QVariant(t);
}

} // namespace

SqlSettings::SqlSettings(QSqlDatabase db, QString userName)
    : m_db(std::move(db)), m_user(std::move(userName))
{}

Result<models::SettingsSnapshot> SqlSettings::loadSettings()
{
    Transaction tx(m_db, Transaction::Mode::Read);
    if (!tx.isActive())
        return Error{tx.error()};
    models::SettingsSnapshot snapshot;
    models::ShopSettings &s = snapshot.settings;
    for (const models::SettingSpec &spec : models::settingSpecs())
        s.values.insert(spec.key, spec.defaultValue);

    Result<QSqlQuery> q = runQuery(m_db, QStringLiteral("SELECT key, value FROM settings"));
    if (!q.ok())
        return Error{q.error()};
    while (q.value().next()) {
        const QString key = q.value().value(0).toString();
        const QString value = q.value().value(1).toString();
        if (s.values.contains(key))
            s.values.insert(key, value);
        else if (key == kUpdatedBy)
            snapshot.savedBy = value;
        else if (key == kUpdatedAt)
            snapshot.savedAtUtc = QDateTime::fromString(value, Qt::ISODate);
    }

    q = runQuery(m_db,
                 QStringLiteral("SELECT id, code, name, stock_buffer FROM channels ORDER BY id"));
    if (!q.ok())
        return Error{q.error()};
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        s.channels.append({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
                           r.value(3).toInt()});
    }

    q = runQuery(
        m_db,
        QStringLiteral("SELECT id, code, name, kind, active, ships_from_store, store_buffer, "
                       "daily_capacity, routing_priority, allows_backorders, is_default_returns, "
                       "COALESCE(address_line1, ''), COALESCE(address_line2, ''), "
                       "COALESCE(city, ''), COALESCE(region, ''), COALESCE(postcode, ''), "
                       "country FROM locations ORDER BY id"));
    if (!q.ok())
        return Error{q.error()};
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        LocationSettings l;
        l.id = r.value(0).toLongLong();
        l.code = r.value(1).toString();
        l.name = r.value(2).toString();
        l.kind = r.value(3).toString();
        l.active = r.value(4).toInt() != 0;
        l.shipsFromStore = r.value(5).toInt() != 0;
        l.storeBuffer = r.value(6).toInt();
        if (!r.value(7).isNull())
            l.dailyCapacity = r.value(7).toInt();
        l.routingPriority = r.value(8).toInt();
        l.allowsBackorders = r.value(9).toInt() != 0;
        l.defaultReturns = r.value(10).toInt() != 0;
        l.address.line1 = r.value(11).toString();
        l.address.line2 = r.value(12).toString();
        l.address.city = r.value(13).toString();
        l.address.region = r.value(14).toString();
        l.address.postcode = r.value(15).toString();
        l.address.country = r.value(16).toString();
        s.locations.append(l);
    }
    return snapshot;
}

Status SqlSettings::writeLocation(const LocationSettings &l)
{
    const QVariantList values{
        l.name.trimmed(),
        l.kind,
        l.active ? 1 : 0,
        l.shipsFromStore ? 1 : 0,
        l.storeBuffer,
        l.dailyCapacity ? QVariant(*l.dailyCapacity) : QVariant(QMetaType(QMetaType::Int)),
        l.routingPriority,
        l.allowsBackorders ? 1 : 0,
        l.defaultReturns ? 1 : 0,
        textOrNull(l.address.line1),
        textOrNull(l.address.line2),
        textOrNull(l.address.city),
        textOrNull(l.address.region),
        textOrNull(l.address.postcode),
        l.address.country.trimmed().toUpper(),
    };
    const QString where = QStringLiteral("location %1").arg(l.code.trimmed());
    if (l.id == 0) {
        QVariantList binds{l.code.trimmed()};
        binds.append(values);
        const Status s = runStatement(
            m_db,
            QStringLiteral("INSERT INTO locations (code, name, kind, active, ships_from_store, "
                           "store_buffer, daily_capacity, routing_priority, allows_backorders, "
                           "is_default_returns, address_line1, address_line2, city, region, "
                           "postcode, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                           "?, ?)"),
            binds);
        return s ? s : Status(Error{QStringLiteral("%1: %2").arg(where, s.error())});
    }
    QVariantList binds = values;
    binds.append(l.id);
    Result<QSqlQuery> q = runQuery(
        m_db,
        QStringLiteral("UPDATE locations SET name = ?, kind = ?, active = ?, ships_from_store = ?, "
                       "store_buffer = ?, daily_capacity = ?, routing_priority = ?, "
                       "allows_backorders = ?, is_default_returns = ?, address_line1 = ?, "
                       "address_line2 = ?, city = ?, region = ?, postcode = ?, country = ? "
                       "WHERE id = ?"),
        binds);
    if (!q.ok())
        return Error{QStringLiteral("%1: %2").arg(where, q.error())};
    if (q.value().numRowsAffected() != 1)
        return Error{QStringLiteral("%1 no longer exists; reload the settings").arg(where)};
    return {};
}

Status SqlSettings::saveSettings(const models::ShopSettings &settings)
{
    if (Status valid = models::validateSettings(settings); !valid)
        return valid;

    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{tx.error()};
    const QString upsert = QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    for (const models::SettingSpec &spec : models::settingSpecs()) {
        // Checked above; this gives the stored form (trimmed, canonical case).
        const Result<QString> value = models::checkSetting(spec, settings.value(spec.key));
        if (!value.ok())
            return Error{value.error()};
        if (Status s = runStatement(m_db, upsert, {spec.key, value.value()}); !s)
            return s;
    }
    for (const models::ChannelSettings &c : settings.channels) {
        Result<QSqlQuery> q = runQuery(
            m_db, QStringLiteral("UPDATE channels SET name = ?, stock_buffer = ? WHERE id = ?"),
            {c.name.trimmed(), c.stockBuffer, c.id});
        if (!q.ok())
            return Error{QStringLiteral("channel %1: %2").arg(c.code, q.error())};
        if (q.value().numRowsAffected() != 1)
            return Error{
                QStringLiteral("channel %1 no longer exists; reload the settings").arg(c.code)};
    }
    // The default returns location is cleared first so the one chosen is the only one.
    if (Status s =
            runStatement(m_db, QStringLiteral("UPDATE locations SET is_default_returns = 0"));
        !s)
        return s;
    for (const LocationSettings &l : settings.locations)
        if (Status s = writeLocation(l); !s)
            return s;

    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    if (Status s = runStatement(m_db, upsert, {kUpdatedAt, isoUtc(now)}); !s)
        return s;
    if (Status s = runStatement(m_db, upsert, {kUpdatedBy, m_user}); !s)
        return s;
    return tx.commit();
}

} // namespace storage
