#pragma once

#include "models/address.h"
#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace models {

// What kind of value a shop setting holds, in the form the settings table stores it.
enum class SettingKind
{
    Text,     // free text, not empty
    Currency, // an ISO 4217 code, "GBP"
    Choice,   // one of a few codes, "hold" | "backorder"
    Count,    // a whole number within [minimum, maximum]
    Amount,   // money in minor units of the shop's currency, not negative
    Priority, // the allocation priority criteria, "manual,expedited,ship_by,..."
    Optional, // free text that may be empty
};

// One key of the `settings` table the owner edits on the Settings screen.
struct SettingSpec
{
    QString key;   // "allocation.restock_days"
    QString label; // "Restock days": the field's name in messages
    SettingKind kind = SettingKind::Text;
    QString defaultValue; // what the migrations put in
    QStringList choices;  // Choice: the allowed codes
    int minimum = 0;      // Count
    int maximum = 0;      // Count
};

// Every setting the Settings screen edits, in the order of its pages.
const QList<SettingSpec> &settingSpecs();
// The spec of `key`, or nothing for a key the screen does not edit.
std::optional<SettingSpec> settingSpec(QStringView key);

// A channel as the Settings screen edits it (table channels).
struct ChannelSettings
{
    qint64 id = 0;
    QString code; // "shopify"
    QString name;
    int stockBuffer = 0; // units held back from what the channel may show

    friend bool operator==(const ChannelSettings &, const ChannelSettings &) = default;
};

// A location as the Settings screen edits it (table locations).
struct LocationSettings
{
    qint64 id = 0; // 0: added on the screen, not saved yet
    QString code;
    QString name;
    QString kind = QStringLiteral("warehouse"); // warehouse | store | 3pl
    bool active = true;
    bool shipsFromStore = true;       // a store also ships online orders
    int storeBuffer = 1;              // units a store keeps for walk-in customers
    std::optional<int> dailyCapacity; // orders a day it can ship; none: no limit
    int routingPriority = 0;          // lower ships first when all else is equal
    bool allowsBackorders = false;    // may reserve more than it holds
    bool defaultReturns = false;      // returns go here unless a closer place fits
    Address address;                  // name, company and phone are not used

    friend bool operator==(const LocationSettings &a, const LocationSettings &b);
};

// Everything the Settings screen edits, as one value that is saved as a whole.
struct ShopSettings
{
    QMap<QString, QString> values; // settings key -> stored text, one per settingSpecs()
    QList<ChannelSettings> channels;
    QList<LocationSettings> locations;

    QString value(const QString &key) const;

    friend bool operator==(const ShopSettings &, const ShopSettings &) = default;
};

// The settings as they are now, and who saved them last (empty and invalid when no
// one has saved them on the Settings screen yet).
struct SettingsSnapshot
{
    ShopSettings settings;
    QString savedBy;
    QDateTime savedAtUtc;
};

// The rules, each a pure function. Errors say what is wrong in plain words; the
// callers put the field's name in front.

// A currency as ISO 4217 writes it ("gbp " reads as "GBP"); unknown codes are refused.
Result<QString> parseCurrencyCode(QStringView text);
bool isIsoCurrency(QStringView code);
// A whole number within [minimum, maximum]: "7", " 12 ".
Result<int> parseWholeNumber(QStringView text, int minimum, int maximum);
// A percentage 0 to 100, with or without the sign: "15", "15 %".
Result<int> parsePercent(QStringView text);
// An amount of money in the shop's currency ("1.50", "£1.50") as minor units, never
// negative; an amount written in another currency is refused.
Result<qint64> parseAmountMinor(QStringView text, const QString &currency);
// Minor units as people type them back: 150 GBP -> "1.50", 1200 JPY -> "1200".
QString amountText(qint64 minor, const QString &currency);
// The priority criteria, checked by PriorityPolicy::parse and written back in the
// stored form: " Placed , manual" -> "placed,manual".
Result<QString> parsePriorityCriteria(QStringView text);
// An ISO 3166-1 alpha-2 country code: "gb" reads as "GB".
Result<QString> parseCountryCode(QStringView text);

// One stored value checked against its spec; returns the value to store (trimmed,
// codes in their canonical case). The error names the field: "Restock days: ...".
Result<QString> checkSetting(const SettingSpec &spec, QStringView value);
// The whole of a save: every value, every channel, every location. The first problem
// found, naming the page and the field ("Locations › LDS › Name: ...").
Status validateSettings(const ShopSettings &settings);

} // namespace models
