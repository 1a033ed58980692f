#pragma once

#include "models/settingssource.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace storage {

// The Settings screen's reads and writes: the `settings` keys of models::settingSpecs(),
// the channels' stock buffers and the locations. A save is one transaction and is
// refused whole, with nothing written, when any value fails models::validateSettings().
// Who saved last and when are kept as the settings rows 'settings.updated_by' and
// 'settings.updated_at' (UTC ISO 8601).
class SqlSettings : public models::SettingsSource
{
public:
    SqlSettings(QSqlDatabase db, QString userName);

    models::Result<models::SettingsSnapshot> loadSettings() override;
    models::Status saveSettings(const models::ShopSettings &settings) override;

    // Tests pin the clock; invalid: the real one.
    void setNow(const QDateTime &utc) { m_now = utc; }

private:
    models::Status writeLocation(const models::LocationSettings &location);

    QSqlDatabase m_db;
    QString m_user;
    QDateTime m_now;
};

} // namespace storage
