#include "importers/api/apijson.h"

#include "importers/channeldates.h"
#include "models/money.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QTimeZone>

#include <array>
#include <cmath>

namespace importers::api {

models::Result<QJsonObject> parseJsonObject(const QByteArray &body, const QString &page)
{
    if (body.trimmed().isEmpty())
        return models::Error{QStringLiteral("%1 came back empty").arg(page)};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return models::Error{
            QStringLiteral("%1 is not readable JSON (%2 at byte %3 of %4; the answer may have "
                           "been cut off)")
                .arg(page, error.errorString())
                .arg(error.offset)
                .arg(body.size())};
    }
    if (!doc.isObject())
        return models::Error{QStringLiteral("%1 is JSON but not an object").arg(page)};
    return doc.object();
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 9.0e18)
            return QString::number(value.toInteger());
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

qint64 OrderFieldReader::money(const QJsonValue &value, const QString &path,
                               const QString &currencyOfValue)
{
    if (value.isNull() || value.isUndefined())
        return 0;
    QString text;
    if (value.isString()) {
        text = value.toString().trimmed();
        if (text.isEmpty())
            return 0;
    } else if (value.isDouble()) {
        text = QString::number(value.toDouble(), 'f', 6);
    } else {
        error(path, QStringLiteral("not an amount of money"));
        return 0;
    }
    if (!currencyOfValue.isEmpty() && !m_order.currency.isEmpty() &&
        currencyOfValue.compare(m_order.currency, Qt::CaseInsensitive) != 0) {
        error(path, QStringLiteral("the amount %1 is in %2, not in the order's currency %3")
                        .arg(text, currencyOfValue.toUpper(), m_order.currency));
        return 0;
    }
    // Plain decimal text only: a channel API never groups digits or adds symbols.
    bool plain = !text.isEmpty();
    int dots = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'.')
            ++dots;
        else if (!(c.isDigit() || (i == 0 && c == u'-')))
            plain = false;
    }
    if (!plain || dots > 1) {
        error(path, QStringLiteral("not an amount of money: \"%1\"").arg(text));
        return 0;
    }
    const models::Result<models::Money> parsed = models::Money::parse(text, m_order.currency);
    if (!parsed) {
        error(path, QStringLiteral("not an amount of money: \"%1\"").arg(text));
        return 0;
    }
    return parsed->minorUnits();
}

std::optional<QDateTime> OrderFieldReader::time(const QJsonValue &value, const QString &path)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    const QDateTime utc = parseChannelDateTime(text, QTimeZone::utc());
    if (!utc.isValid()) {
        error(path, QStringLiteral("not a date and time: \"%1\"").arg(text));
        return std::nullopt;
    }
    return utc;
}

std::optional<int> OrderFieldReader::quantity(const QJsonValue &value, const QString &path,
                                              int minimum)
{
    if (value.isNull() || value.isUndefined()) {
        error(path, QStringLiteral("the item has no quantity"));
        return std::nullopt;
    }
    double d = 0;
    bool ok = value.isDouble();
    if (ok)
        d = value.toDouble();
    else if (value.isString())
        d = value.toString().trimmed().toDouble(&ok);
    if (!ok || std::floor(d) != d || std::fabs(d) > 1.0e9) {
        error(path, QStringLiteral("not a whole number of items: \"%1\"").arg(jsonText(value)));
        return std::nullopt;
    }
    const int n = static_cast<int>(d);
    if (n < minimum) {
        error(path, QStringLiteral("the quantity must be at least %1, not %2").arg(minimum).arg(n));
        return std::nullopt;
    }
    return n;
}

void OrderFieldReader::error(const QString &path, const QString &message)
{
    m_order.errors.append({m_position, path, message});
}

void keepSource(models::ImportedOrder &order, const QJsonObject &json, qint64 position)
{
    order.firstRow = position;
    order.sourceRows.append(
        {position, {QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))}});
}

models::ImportedOrder apiOrder(const QString &channelCode, const QJsonObject &json, qint64 position)
{
    models::ImportedOrder order;
    order.channelCode = channelCode;
    keepSource(order, json, position);
    return order;
}

bool namesFastService(QStringView method)
{
    static constexpr std::array<QStringView, 6> Words = {u"express",  u"expedited", u"next day",
                                                         u"next-day", u"overnight", u"priority"};
    for (const QStringView word : Words)
        if (method.contains(word, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace importers::api
