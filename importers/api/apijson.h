#pragma once

#include "models/importedorder.h"
#include "models/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace importers::api {

// Reading the JSON the channels' order APIs answer with. Every reader is lenient
// about absent and null members (an API leaves out what does not apply) and strict
// about values that are there but unreadable: those become a field error on the
// order, naming the member by its path ("line_items[1].price"), so only that order
// is held back.

// A response body as a JSON object; the error names `page` ("page 2 of the Shopify
// orders") and says where the text stops making sense, for a garbled or cut-off body.
models::Result<QJsonObject> parseJsonObject(const QByteArray &body, const QString &page);

// Text of a string member; a number is written as a whole number when it is one
// (Shopify ids are JSON numbers). Null, absent, objects and arrays: empty.
QString jsonText(const QJsonValue &value);

// Collects one order's field errors with the order's position in the pull as the row.
class OrderFieldReader
{
public:
    OrderFieldReader(models::ImportedOrder &order, qint64 position)
        : m_order(order), m_position(position)
    {}

    // Money in minor units of the order's currency (set it first): a decimal string
    // ("51.63", "1200", "12.345" rounded to the currency's digits) or a JSON number.
    // Absent or null is 0; anything else is an error and 0. `currencyOfValue`, when
    // the API says it beside the amount, must be the order's.
    qint64 money(const QJsonValue &value, const QString &path,
                 const QString &currencyOfValue = QString());
    // An ISO-8601 time with an offset or Z, as UTC; unset when absent, null or unreadable
    // (the last also an error).
    std::optional<QDateTime> time(const QJsonValue &value, const QString &path);
    // A whole number of items, at least `minimum`; unset (and an error) otherwise.
    std::optional<int> quantity(const QJsonValue &value, const QString &path, int minimum = 1);

    void error(const QString &path, const QString &message);

private:
    models::ImportedOrder &m_order;
    qint64 m_position;
};

// The order's JSON as kept with the order (compact, as one source record).
void keepSource(models::ImportedOrder &order, const QJsonObject &json, qint64 position);

// A new order of the channel `channelCode` at `position` in the pull, keeping `json`
// as its source record.
models::ImportedOrder apiOrder(const QString &channelCode, const QJsonObject &json,
                               qint64 position);

// How a channel writes an amount of money: an object under `member` holding the
// amount and its currency code under the channel's own names (eBay "value" and
// "currency", Amazon "Amount" and "CurrencyCode").
struct MoneyMembers
{
    QStringView amount;
    QStringView currency;

    QJsonValue amountOf(const QJsonObject &parent, QStringView member) const
    {
        return parent.value(member).toObject().value(amount);
    }
    QString currencyOf(const QJsonObject &parent, QStringView member) const
    {
        return jsonText(parent.value(member).toObject().value(currency));
    }
};

// Fast delivery named in words anywhere in a service's name ("Express", "Next Day",
// "Priority", "Overnight", "Expedited").
bool namesFastService(QStringView method);

} // namespace importers::api
